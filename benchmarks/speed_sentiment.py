"""Speed of ``toolkit.sentiment.sentiment`` against per-sentence loops of NLTK and vaderSentiment.

Builds 20,000 distinct English news-like sentences (the bundled corpus, the VADER
NYT editorial snippets when ``../shared/eval`` exists, and deterministic
recombinations of clauses), scores them three ways in one run, checks that the
numbers agree with the reference, and prints sentences per second (best of 3).

    .venv/bin/python benchmarks/speed_sentiment.py [--n 20000] [--repeat 3]

Targets: toolkit ≥ 20× the NLTK loop and ≥ 8× the vaderSentiment loop.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NYT = ROOT.parent / "shared" / "eval" / "vader_nyt_editorials" / "nytEditorialSnippets_GroundTruth.txt"
_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n+")
_CLAUSE = re.compile(r"(?<=[,;:])\s+|\s+(?=(?:but|and|while|because|as|after|before|although|which)\s)")
_JOINERS = [", ", " but ", "; ", " and ", ", while ", " because ", " — ", ", although "]


def strip_front_matter(text: str) -> str:
    """Drop a YAML front matter block (between the first two ``---`` lines)."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                return "\n".join(lines[i + 1:])
    return text


def corpus_sentences() -> list[str]:
    """English sentences of the bundled corpus, split with a simple regex."""
    out: list[str] = []
    for path in sorted((ROOT / "data" / "corpus").glob("*.txt")):
        text = strip_front_matter(path.read_text(encoding="utf-8"))
        for s in _SPLIT.split(text):
            s = s.strip()
            if len(s.split()) >= 3 and not re.search("[\u0400-\u04ff]", s):
                out.append(s)
    return out


def nyt_sentences() -> list[str]:
    """The 5,190 NYT editorial snippets of VADER's evaluation (empty if absent)."""
    if not NYT.exists():
        return []
    out = []
    for line in NYT.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[2].strip():
            out.append(parts[2])
    return out


def build_sentences(n: int = 20_000, seed: int = 2020) -> list[str]:
    """``n`` distinct sentences: originals first, then clause recombinations (seeded)."""
    base = list(dict.fromkeys(corpus_sentences() + nyt_sentences()))
    rng = random.Random(seed)
    seen = set(base[:n])
    out = base[:n]
    clauses = [[c.strip() for c in _CLAUSE.split(s) if c.strip()] for s in base]
    while len(out) < n:
        a, b = rng.choice(clauses), rng.choice(clauses)
        head = a[: rng.randint(1, len(a))]
        tail = b[rng.randint(0, len(b) - 1):]
        s = rng.choice(_JOINERS).join([" ".join(head).rstrip(".!?"), " ".join(tail)])
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def best_of(repeat: int, fn):
    """Best wall time of ``repeat`` runs, the CPU time of that run, and the result."""
    best, cpu, result = float("inf"), 0.0, None
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        result = fn()
        wall, used = time.perf_counter() - t0, time.process_time() - c0
        if wall < best:
            best, cpu = wall, used
    return best, cpu, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    import pandas as pd
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from toolkit import resources
    from toolkit.sentiment import sentiment
    from toolkit.sentiment.vader_tokens import _arrow

    texts = build_sentences(args.n)
    assert len(set(texts)) == len(texts) == args.n
    n_nyt = len(nyt_sentences())
    df = pd.DataFrame({"doc_id": "bench", "sent_id": range(len(texts)), "text": texts, "language": "en"})
    n_tokens = sum(len(t.split()) for t in texts)
    print(f"{len(texts):,} distinct sentences ({n_nyt:,} NYT snippets included), "
          f"{n_tokens / len(texts):.1f} tokens/sentence on average; best of {args.repeat}; "
          f"tokeniser: {'pyarrow' if _arrow() is not None else 'pure Python (pyarrow missing)'}")

    ref = SentimentIntensityAnalyzer()
    nltk = resources.nltk_vader()
    sentiment(df.head(50))  # load tables once, outside the timings

    t_nltk, c_nltk, r_nltk = best_of(args.repeat, lambda: [nltk.polarity_scores(t) for t in texts])
    t_ref, c_ref, r_ref = best_of(args.repeat, lambda: [ref.polarity_scores(t) for t in texts])
    t_fast, c_fast, r_fast = best_of(args.repeat, lambda: sentiment(df, evidence=False))
    t_ev, c_ev, r_ev = best_of(args.repeat, lambda: sentiment(df, evidence=True))

    keys = ["neg", "neu", "pos", "compound"]
    worst = 0.0
    for out in (r_fast, r_ev):
        for k in keys:
            got = out[k].to_numpy()
            exp = [r[k] for r in r_ref]
            worst = max(worst, max(abs(a - b) for a, b in zip(got, exp)))
    nltk_diff = sum(any(abs(a[k] - b[k]) > 1e-9 for k in keys) for a, b in zip(r_nltk, r_ref))
    same = worst <= 1e-9
    print(f"identical to vaderSentiment (max abs diff {worst:.1e}): {'yes' if same else 'NO'}; "
          f"NLTK differs from it on {nltk_diff:,} sentences")

    n = len(texts)
    rows = [("NLTK polarity_scores loop", t_nltk, c_nltk),
            ("vaderSentiment polarity_scores loop", t_ref, c_ref),
            ("toolkit sentiment(evidence=False)", t_fast, c_fast),
            ("toolkit sentiment(evidence=True)", t_ev, c_ev)]
    for name, t, c in rows:
        print(f"  {name:<38} {t * 1000:9.1f} ms  {n / t:>10,.0f} sentences/s  (CPU {c * 1000:7.1f} ms)")
    ok = same
    for label, t in (("evidence=False", t_fast), ("evidence=True", t_ev)):
        r_n, r_v = t_nltk / t, t_ref / t
        p_n, p_v = r_n >= 20, r_v >= 8
        ok = ok and p_n and p_v
        print(f"  {label:<15} vs NLTK: {r_n:5.1f}x (target 20x) {'PASS' if p_n else 'FAIL'}; "
              f"vs vaderSentiment: {r_v:5.1f}x (target 8x) {'PASS' if p_v else 'FAIL'}")
    print("OVERALL", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
