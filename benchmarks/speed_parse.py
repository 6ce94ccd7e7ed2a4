"""Speed of ``toolkit.parse`` on one core, next to NLTK's word tokenizer in the same run.

The English sentences of the bundled corpus are repeated until they hold at
least ``--tokens`` tokens (default 60,000). Two timings, best of ``--repeat``:

* ``parse(sentences)``: the toolkit's tokens, then tagging, morphology,
  lemmas and the dependency parse, and the final table;
* the reference: ``NLTKWordTokenizer().tokenize`` on the same sentences (plain
  lists of strings), the tokenizer every NLTK user already runs.

Both run on one thread. Target: parse >= 10,000 tokens/s.

Run:  .venv/bin/python benchmarks/speed_parse.py [--tokens N] [--repeat K]
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: set before numpy loads a BLAS
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pandas as pd  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import toolkit  # noqa: E402
from toolkit import resources  # noqa: E402
from toolkit.text.parse import syntax_model  # noqa: E402

TARGET = 10_000


def english_sentences(min_tokens: int) -> pd.DataFrame:
    """Sentences of the bundled English articles, repeated under new doc_ids up to ``min_tokens``."""
    corpus = toolkit.load(resources.corpus_dir())
    sents = toolkit.sentences(corpus[corpus["language"] == "en"])
    n = len(toolkit.tokens(sents))
    copies = [sents.assign(doc_id=sents["doc_id"] + f"#{i}") for i in range(max(1, -(-min_tokens // n)))]
    return pd.concat(copies, ignore_index=True)


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tokens", type=int, default=60_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    from nltk.tokenize import NLTKWordTokenizer

    sents = english_sentences(args.tokens)
    syntax_model()  # loading is not timed
    n_tokens = len(toolkit.parse(sents.head(50)))  # warm-up
    n_tokens = len(toolkit.tokens(sents))
    word_tokenizer = NLTKWordTokenizer()
    texts = sents["text"].tolist()
    t_parse = best_of(args.repeat, lambda: toolkit.parse(sents, progress=False))
    t_nltk = best_of(args.repeat, lambda: [word_tokenizer.tokenize(t) for t in texts])
    rate = n_tokens / t_parse
    print(f"{len(sents):,} sentences, {n_tokens:,} tokens, one thread")
    print(f"toolkit.parse           {rate:10,.0f} tokens/s  (tokens, tags, lemmas, morphology, parse)")
    print(f"NLTK word tokenizer     {n_tokens / t_nltk:10,.0f} tokens/s  (tokens only)")
    print(f"parse / NLTK tokenizer  {t_nltk / t_parse:10.2f}x")
    ok = rate >= TARGET
    print(f"target >= {TARGET:,} tokens/s: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
