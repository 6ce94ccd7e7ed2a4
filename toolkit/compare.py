"""Tables that compare groups of documents (outlets, sides, countries).

Example
-------
>>> import toolkit
>>> from toolkit import compare, resources
>>> corpus = toolkit.load(resources.corpus_dir()).merge(resources.corpus_groups(), on="doc_id")
>>> compare.corpus_summary(corpus, by="group").loc["Iran", "n_articles"]
2
"""
from __future__ import annotations

import pandas as pd

__all__ = ["corpus_summary"]


def corpus_summary(corpus: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """One row per group: ``n_articles``, ``n_words`` (whitespace words of ``text``),
    ``first_date``, ``last_date``, ``languages`` (comma-separated codes).
    """
    if by not in corpus.columns:
        raise KeyError(f"corpus has no column {by!r}; columns are {list(corpus.columns)}")
    words = corpus["text"].str.split().str.len()
    table = corpus.assign(_words=words).groupby(by, sort=True).agg(
        n_articles=("doc_id", "size"), n_words=("_words", "sum"),
        first_date=("date", "min"), last_date=("date", "max"),
        languages=("language", lambda s: ",".join(sorted(set(s.dropna())))),
    )
    return table.astype({"n_articles": "int64", "n_words": "int64"})
