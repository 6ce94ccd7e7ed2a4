"""Speed benchmarks, each a ratio against a reference measured in the same run.

    .venv/bin/python benchmarks/speed.py      (or: make bench)

* sentiment: toolkit.sentiment vs loops of NLTK's and vaderSentiment's polarity_scores
  (targets: ≥ 20× NLTK, ≥ 8× vaderSentiment, identical scores);
* tokenization: toolkit.tokens vs Punkt + NLTK's word tokenizer;
* parsing: toolkit.parse tokens/s on one thread next to NLTK's word tokenizer (target >= 10,000 tokens/s);
* mention sentiment: toolkit.mention_sentiment mentions/s on one thread, with and without the parse
  (target >= 2,000 mentions/s).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import speed_sentiment  # noqa: E402
import speed_mention  # noqa: E402
import speed_parse  # noqa: E402
import speed_tokenize  # noqa: E402


def main() -> int:
    print("== sentiment ==")
    status = speed_sentiment.main([])
    print("\n== tokenization ==")
    speed_tokenize.main([])
    print("\n== parsing ==")
    speed_parse.main([])
    print("\n== mention sentiment ==")
    speed_mention.main([])
    return status


if __name__ == "__main__":
    raise SystemExit(main())
