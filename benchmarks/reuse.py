"""Reuse at scale: toolkit.reuse on 10,000 synthetic articles with planted copies.

    .venv/bin/python benchmarks/reuse.py              (10,000 articles, then 10,000-40,000 streamed; 4 minutes)
    .venv/bin/python benchmarks/reuse.py --n 2000 --sizes 2000,4000     (a smaller run)

Articles are generated with a seeded RNG from the words of the bundled English
articles: each next word follows the previous one as in the corpus (its bigram
successors) half of the time, else it is drawn by corpus frequency, so the
articles share common phrases (*the United States*, *said on Friday*) but no
long passages. About 300 words each, paragraphs of 40-80 words, 12 outlets,
100 articles a day.

Then 10 % of the articles get a planted copy: a passage of 30-100 words from
an article dated earlier; and 7.5 % print one of five 60-word "agency
stories" from articles of the first day (about 150 copies each: more than
``reuse``'s ``max_docs``). Every copy is edited as wire copy is: straight
quotation marks turned typographic, one word changed, one word dropped, and
the lines re-wrapped at 60-72 characters; it is inserted between two paragraphs.

Reported: seconds for ``toolkit.reuse`` on the table (target < 60 s) and as a
ratio to ``toolkit.tokens`` on the same table in the same run, recall
of the planted copies (a copy is found when a passage of its article, with its
source, covers at least half of it), the passages found outside planted copies,
and the peak RSS of two fresh processes (and before the articles are made):
the whole table in memory, and the articles streamed in chunks of 1,000
(generated chunk by chunk, never all held; the time then includes making them).

Then memory against the length of a stream (``--sizes``, default 10,000,
20,000 and 40,000 articles, still 100 a day, so a window holds a steady number
of them): the articles are made as above except that every planted copy comes
from an article at most ``--window-days`` (default 7) days older (the agency
stories are five of the day before, renewed once a week, about 10 copies each),
and texts older than that are not kept by the generator. Each size is streamed
twice in fresh processes, ``toolkit.reuse(chunks)`` and ``toolkit.reuse(chunks,
window_days=7)``: peak RSS above the process's start, seconds of ``reuse``
(making the articles excluded), recall, and the ratio of the largest size's
peak to the smallest's (flat = 1).
"""
from __future__ import annotations

import argparse
import collections
import functools
import json
import random
import resource
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 60.0
OUTLETS = ["The Daily Ledger", "Evening Courier", "Northern Star", "Global Wire", "The Capital Post",
           "Harbour Times", "Morning Herald", "Eastern Gazette", "The Observer Desk", "Coastal News",
           "Metro Daily", "The Frontier Report"]


@functools.lru_cache(maxsize=1)
def _model():
    import toolkit
    corpus = toolkit.load(toolkit.resources.corpus_dir())
    words = [w for t in corpus.loc[corpus["language"] == "en", "text"] for w in t.split()]
    follow = collections.defaultdict(list)
    for a, b in zip(words, words[1:]):
        follow[a].append(b)
    return words, follow


def _article(rng: random.Random, words, follow) -> str:
    out, paragraph, word = [], [], rng.choice(words)
    target = rng.randint(40, 80)
    for _ in range(rng.randint(250, 350)):
        nxt = follow.get(word)
        word = rng.choice(nxt) if nxt and rng.random() < 0.5 else rng.choice(words)
        paragraph.append(word)
        if len(paragraph) >= target:
            out.append(" ".join(paragraph))
            paragraph, target = [], rng.randint(40, 80)
    if paragraph:
        out.append(" ".join(paragraph))
    return "\n\n".join(out)


def _edit(rng: random.Random, passage: list[str], words) -> str:
    """A wire copy's edits: typographic quotes, one word changed, one dropped, re-wrapped lines."""
    passage = list(passage)
    passage[rng.randrange(1, len(passage) - 1)] = rng.choice(words)
    del passage[rng.randrange(1, len(passage) - 1)]
    text = "“" + " ".join(passage).replace('"', "”") + "”"
    return textwrap.fill(text, width=rng.randint(60, 72))


def articles(n: int, seed: int = 0, chunk: int = 1000, recent: int | None = None):
    """Chunks of the synthetic corpus (DataFrames) and, at the end, the planted copies (a list of dicts).

    ``recent`` (days): every copy comes from an article at most that many days older (the agency stories
    are five of the day before, renewed when they are older than that), and older texts are not kept."""
    import pandas as pd
    words, follow = _model()
    rng = random.Random(seed)
    per_day = 100
    planted, kept = [], {}  # kept: the texts planted copies may come from (every 7th article)
    stories: list[tuple[int, int]] = []
    story_day = 0
    rows = []
    for i in range(n):
        text = _article(rng, words, follow)
        day = i // per_day
        if recent is not None and i % per_day == 0:
            kept = {d: t for d, t in kept.items() if d // per_day >= day - recent}
        plant, draw = False, rng.random()
        if day > 0 and draw < 0.175:
            plant = True
            if draw < 0.10:  # a copy of a passage of any earlier article (of the last ``recent`` days)
                j = rng.choice([d for d in kept if d < day * per_day])
                source = kept[j].split()
                size = rng.randint(30, 100)
                at = rng.randrange(0, max(1, len(source) - size))
            else:  # one of five agency stories of the first day, each printed by about 150 articles
                if recent is not None and (not stories or day - story_day > recent):
                    story_day = day - 1  # with ``recent``: five stories of the day before
                    stories[:] = [(j, rng.randrange(0, 150)) for j in
                                  rng.sample(sorted(d for d in kept if d // per_day == story_day), 5)]
                if not stories:
                    stories.extend((j, rng.randrange(0, 150)) for j in rng.sample(sorted(kept), 5))
                j, at = rng.choice(stories)
                source, size = kept[j].split(), 60
            copy = _edit(rng, source[at: at + size], words)
            paragraphs = text.split("\n\n")
            cut = rng.randint(0, len(paragraphs))
            before = "\n\n".join(paragraphs[:cut])
            start = len(before) + (2 if before else 0)
            text = "\n\n".join(paragraphs[:cut] + [copy] + paragraphs[cut:])
            planted.append({"doc_id": f"a{i:06d}", "start": start, "end": start + len(copy),
                            "source_doc_id": f"a{j:06d}"})
        if i % 7 == 0 and not plant:  # sources come from articles without a planted copy
            kept[i] = text
        rows.append({"doc_id": f"a{i:06d}", "outlet": OUTLETS[i % len(OUTLETS)],
                     "date": pd.Timestamp("2020-01-01") + pd.Timedelta(days=day), "text": text})
        if len(rows) == chunk:
            yield pd.DataFrame(rows)
            rows = []
    if rows:
        yield pd.DataFrame(rows)
    yield planted


def measure(n: int, streamed: bool, window_days: float | None = None, recent: int | None = None) -> dict:
    import pandas as pd
    import toolkit
    _model()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # toolkit imported, bundled corpus read
    chunks = articles(n, recent=recent)
    reference = peak = None
    making = 0.0
    if streamed:
        planted = []

        def stream():
            nonlocal making
            while True:
                t = time.perf_counter()
                part = next(chunks, None)
                making += time.perf_counter() - t
                if part is None:
                    return
                if isinstance(part, list):
                    planted.extend(part)
                else:
                    yield part
        t0 = time.perf_counter()
        found = toolkit.reuse(stream(), window_days=window_days)
        seconds = time.perf_counter() - t0
    else:
        parts = list(chunks)
        planted = parts.pop()
        corpus = pd.concat(parts, ignore_index=True)
        t0 = time.perf_counter()
        found = toolkit.reuse(corpus)
        seconds = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the reference runs
        t0 = time.perf_counter()
        toolkit.tokens(corpus)  # the reference: the toolkit's tokens on the same articles, in the same run
        reference = time.perf_counter() - t0
    hit, outside = 0, 0
    by_doc = {d: g for d, g in found.groupby("doc_id")}
    for p in planted:
        rows = by_doc.get(p["doc_id"])
        if rows is None:
            continue
        mine = rows[rows["source_doc_id"] == p["source_doc_id"]]
        overlap = (mine["end"].clip(upper=p["end"]) - mine["start"].clip(lower=p["start"])).clip(lower=0).sum()
        hit += overlap >= 0.5 * (p["end"] - p["start"])
    spans = collections.defaultdict(list)
    for p in planted:
        spans[p["doc_id"]].append((p["start"], p["end"]))
    for r in found.itertuples():
        outside += not any(r.start < e and s < r.end for s, e in spans.get(r.doc_id, []))
    return {"n": n, "streamed": streamed, "seconds": round(seconds, 2), "making_seconds": round(making, 2),
            "tokens_seconds": None if reference is None else round(reference, 2), "planted": len(planted), "found": int(hit),
            "passages": len(found), "outside": int(outside),
            "peak_rss_mib": round(peak or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "rss_before_mib": round(before, 1)}


def _child(n: int, mode: str, window_days: float) -> dict:
    run = subprocess.run([sys.executable, __file__, "--n", str(n), "--child", mode, "--window-days", str(window_days)],
                         check=True, capture_output=True, text=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--window-days", type=float, default=7.0)
    parser.add_argument("--sizes", default="10000,20000,40000",
                        help="article counts of the streamed runs with and without a window ('' to skip them)")
    parser.add_argument("--child", choices=["table", "stream", "recent", "window"])
    args = parser.parse_args(argv)
    if args.child:
        recent = int(args.window_days) if args.child in ("recent", "window") else None
        print(json.dumps(measure(args.n, args.child != "table", args.window_days if args.child == "window" else None,
                                 recent)))
        return 0
    status = 0
    for mode in ("table", "stream"):
        r = _child(args.n, mode, args.window_days)
        recall = r["found"] / r["planted"] if r["planted"] else float("nan")
        verdict = "PASS" if r["seconds"] < TARGET_SECONDS * args.n / 10_000 else "FAIL"
        note = (" (generating them included)" if mode == "stream" else
                f" ({r['seconds'] / r['tokens_seconds']:.2f}× the time of toolkit.tokens on them, "
                f"{r['tokens_seconds']:.1f} s)")
        print(f"{mode:>6}: {r['n']:,} articles in {r['seconds']:.1f} s{note} ({verdict}, target < 60 s per 10,000); "
              f"recall of planted copies {r['found']}/{r['planted']} = {recall:.3f}; "
              f"{r['passages']} passages, {r['outside']} outside planted copies; peak RSS {r['peak_rss_mib']} MiB "
              f"({r['rss_before_mib']} MiB before the articles)")
        status |= verdict == "FAIL"
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    if sizes:
        print(f"\nstreamed in chunks of 1,000, 100 articles a day, every copy at most {args.window_days:g} days after "
              f"its source; peak RSS above the process's start, seconds of toolkit.reuse (making the articles "
              f"excluded):")
        peaks: dict[str, list[float]] = {"recent": [], "window": []}
        for n in sizes:
            line = []
            for mode in ("recent", "window"):
                r = _child(n, mode, args.window_days)
                above = r["peak_rss_mib"] - r["rss_before_mib"]
                peaks[mode].append(above)
                label = "no window" if mode == "recent" else f"window_days={args.window_days:g}"
                line.append(f"{label}: {above:.0f} MiB, {r['seconds'] - r['making_seconds']:.1f} s, "
                            f"recall {r['found']}/{r['planted']}, {r['outside']} passages outside planted copies")
                if mode == "window" and r["found"] < r["planted"]:
                    status |= 1
            print(f"  {n:>7,} articles  " + "; ".join(line))
        for mode, label in (("recent", "no window"), ("window", f"window_days={args.window_days:g}")):
            print(f"  {label}: peak at {sizes[-1]:,} / peak at {sizes[0]:,} = "
                  f"{peaks[mode][-1] / peaks[mode][0]:.2f} (flat = 1)")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
