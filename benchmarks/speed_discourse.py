"""Quotes, agency and labels on many articles: how fast, and what parsing only the sentences they need saves.

    .venv/bin/python benchmarks/speed_discourse.py [--n 10000]

Writes ``n`` synthetic articles (as ``benchmarks/scale.py`` does: bundled
paragraphs redrawn with a seeded RNG into new articles), loads them, then times
:func:`toolkit.quotes`, :func:`toolkit.agency` and :func:`toolkit.labels`
(target Soleimani with the report's aliases) one after another on one thread.
Each parses only the sentences it needs (a cue or quotation mark, an event
word, a target mention). The reference, measured in the same run, is
:func:`toolkit.parse` of *every* sentence of the first ``--sample`` articles,
scaled to ``n``: what the three measures would cost if each parsed everything.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scale import write_synthetic_articles  # noqa: E402

ALIASES = ["Soleimani", "Suleimani", "Qassem", "Qasem", "Quds Force commander"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="synthetic articles (default 10,000)")
    parser.add_argument("--sample", type=int, default=200, help="articles parsed whole for the reference")
    args = parser.parse_args(argv)
    import toolkit

    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        write_synthetic_articles(Path(tmp), args.n)
        corpus = toolkit.load(tmp, errors="skip")
    english = corpus[corpus["language"] == "en"]
    n_sentences = len(toolkit.sentences(english))
    times, found = {}, {}
    for name, run in [("quotes", lambda: toolkit.quotes(corpus)),
                      ("agency", lambda: toolkit.agency(corpus)),
                      ("labels", lambda: toolkit.labels(corpus, "Soleimani", ALIASES))]:
        t = time.perf_counter()
        found[name] = len(run())
        times[name] = time.perf_counter() - t
    sample = toolkit.sentences(english.head(args.sample))
    t = time.perf_counter()
    parsed = toolkit.parse(sample)
    per_sentence = (time.perf_counter() - t) / max(len(sample), 1)
    reference = per_sentence * n_sentences * 3
    total = sum(times.values())
    print(f"{len(corpus):,} articles ({len(english):,} English, {n_sentences:,} sentences; "
          f"reference sample {len(sample):,} sentences, {len(parsed):,} tokens)")
    for name in times:
        print(f"  {name:7s} {times[name]:7.1f} s  {len(corpus) / times[name]:7.0f} articles/s  "
              f"{found[name]:,} rows")
    print(f"  all three {total:7.1f} s; parsing every sentence for each would take about {reference:,.0f} s "
          f"({reference / total:.1f}x longer)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
