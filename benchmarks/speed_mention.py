"""Speed of ``toolkit.mention_sentiment`` on one core, parse included.

The mentions are every occurrence of the people the bundled corpus is about
(Soleimani, Trump, Pompeo, Khamenei, Zarif, Johnson, Pelosi …) in its English
sentences; the corpus is repeated under new doc_ids until there are at least
``--mentions`` of them (each copy is tokenized and parsed again: a document's
text is parsed once for all its mentions, never across documents). Input: one
row per mention with ``doc_id, sent_id, text`` (the sentence) and the mention's
``start``/``end``. Timed: the whole call — tokens, the parse (``syntax=True``,
the default) or not (``syntax=False``), VADER, features, the model and the
evidence text. Best of ``--repeat`` runs; the models are loaded before timing.
Target: >= 2,000 mentions/s.

Run:  .venv/bin/python benchmarks/speed_mention.py [--mentions N] [--repeat K]
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: set before numpy loads a BLAS
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pandas as pd  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import toolkit  # noqa: E402
from toolkit import resources  # noqa: E402
from toolkit.sentiment.mention_model import mention_model  # noqa: E402
from toolkit.text.parse import syntax_model  # noqa: E402

TARGET = 2_000
PEOPLE = re.compile(r"\b(?:Qassem |Qasem )?(?:Soleimani|Suleimani|Trump|Pompeo|Khamenei|Zarif|Esper|Muhandis|"
                    r"Rouhani|Pelosi|Johnson|Raab|Guterres|Putin|Lavrov|Schiff|Sanders|Warren|Biden|McConnell|"
                    r"Corbyn|Milley|Callamard)\b")


def mentions(min_mentions: int) -> pd.DataFrame:
    """One row per person mention in the bundled English sentences, the corpus repeated up to ``min_mentions``."""
    corpus = toolkit.load(resources.corpus_dir())
    sents = toolkit.sentences(corpus[corpus["language"] == "en"])
    rows = [{"doc_id": d, "sent_id": s, "mention_id": k, "start": m.start(), "end": m.end(), "text": t}
            for d, s, t in zip(sents["doc_id"], sents["sent_id"], sents["text"])
            for k, m in enumerate(PEOPLE.finditer(t))]
    one = pd.DataFrame(rows)
    copies = max(1, -(-min_mentions // len(one)))
    return pd.concat([one.assign(doc_id=one["doc_id"] + f"#{i}") for i in range(copies)], ignore_index=True)


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=4_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    table = mentions(args.mentions)
    n_sent = table[["doc_id", "sent_id"]].drop_duplicates().shape[0]
    n_tok = len(toolkit.tokens(table[["doc_id", "sent_id", "text"]].drop_duplicates(["doc_id", "sent_id"])
                               .assign(start=0, end=lambda d: d["text"].str.len())))
    syntax_model(), mention_model("syntax"), mention_model("fast")
    toolkit.mention_sentiment(table.head(50))  # warm-up
    print(f"{len(table):,} mentions in {n_sent:,} sentences ({n_tok:,} tokens), one thread")
    ok = False
    for syntax in (True, False):
        t = best_of(args.repeat, lambda: toolkit.mention_sentiment(table, syntax=syntax))
        rate = len(table) / t
        ok = ok or rate >= TARGET
        what = "with the parse (default)" if syntax else "syntax=False (tokens only)"
        print(f"mention_sentiment {what:28s} {rate:8,.0f} mentions/s  {n_sent / t:7,.0f} sentences/s  "
              f"target >= {TARGET:,}: {'met' if rate >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
