"""What :func:`toolkit.reuse` found, applied: an outlet's own words, and who each outlet reuses.

:func:`own_text` blanks the reused passages out of the articles that reuse them
(the source keeps its text), so any measure run on its result counts only an
outlet's own words. The text keeps its length: every character of a passage
becomes a space (line breaks stay), and its first and last characters become
line breaks, so the gap is a paragraph break and no sentence runs across it.
Offsets found in the blanked text therefore index the original text too.

:func:`reuse_shares` is the table behind :func:`toolkit.plot.reuse_shares`: for
each group (outlet), the share of its words that sit in passages reused from
each source group.

>>> import pandas as pd, toolkit
>>> wire = ("Iranian state television said the general was killed in a strike near Baghdad airport "
...         "early on Friday, and officials in Tehran promised a forceful response within days.")
>>> corpus = pd.DataFrame({"doc_id": ["w", "p"], "outlet": ["Wire", "Paper"],
...     "date": pd.to_datetime(["2020-01-03", "2020-01-04"]), "text": [wire, "Our view. " + wire]})
>>> found = toolkit.reuse(corpus, min_words=10)
>>> own = own_text(corpus, found)
>>> own.text.str.split().str.join(" ").tolist(), own.share_reused.tolist()
(['Iranian state television said the general was killed in a strike near Baghdad airport early on Friday, \
and officials in Tehran promised a forceful response within days.', 'Our view.'], [0.0, 0.931])
>>> reuse_shares(corpus, found)[["outlet", "source_outlet", "n_reused", "share"]].to_dict("records")
[{'outlet': 'Paper', 'source_outlet': 'Wire', 'n_reused': 27, 'share': 0.931}, \
{'outlet': 'Wire', 'source_outlet': nan, 'n_reused': 0, 'share': 0.0}]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .reuse import REUSE_COLUMNS, words

__all__ = ["own_text", "reuse_shares"]


def _check(corpus: pd.DataFrame, reuse: pd.DataFrame) -> None:
    missing = {"doc_id", "text"} - set(corpus.columns)
    if missing:
        raise ValueError(f"the corpus needs columns doc_id and text; missing {sorted(missing)}")
    lacking = set(REUSE_COLUMNS) - set(reuse.columns)
    if lacking:
        raise ValueError(f"the reuse table lacks {sorted(lacking)}: pass what toolkit.reuse returns")


def own_text(corpus: pd.DataFrame, reuse: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``corpus`` whose ``text`` has the passages it reuses blanked out, same length.

    Adds ``share_reused``: the share of the article's words in reused passages
    (0.0 for a source or an article without reuse). Rows of ``reuse`` about
    articles not in ``corpus`` are ignored, so a streamed corpus can be
    processed chunk by chunk with one ``reuse`` table.
    """
    _check(corpus, reuse)
    mine = reuse[reuse["doc_id"].isin(set(corpus["doc_id"]))]
    spans = {d: g[["start", "end", "n_words"]].to_numpy(np.int64) for d, g in mine.groupby("doc_id", sort=False)}
    texts, shares = [], []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        cut = spans.get(doc_id)
        if cut is None or not isinstance(text, str):
            texts.append(text)
            shares.append(0.0)
            continue
        chars = list(text)
        for start, end, _ in cut.tolist():
            if not 0 <= start < end <= len(text):
                raise ValueError(f"doc_id {doc_id!r}: reused passage {start}:{end} is outside its text "
                                 f"({len(text)} characters); was the reuse table made from this corpus?")
            chars[start:end] = ["\n" if c == "\n" else " " for c in text[start:end]]
            chars[start] = chars[end - 1] = "\n"
        texts.append("".join(chars))
        n_words = len(words(text)[0])
        shares.append(round(min(1.0, cut[:, 2].sum() / n_words), 4) if n_words else 0.0)
    out = corpus.copy()
    out["text"] = pd.Series(texts, index=corpus.index, dtype=corpus["text"].dtype)
    out["share_reused"] = shares
    return out


def reuse_shares(corpus: pd.DataFrame, reuse: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """One row per group × source group: how much of each group's text is reused, and from whom.

    Columns: ``<by>``, ``source_<by>``, ``n_docs`` and ``n_words`` (the group's
    articles and words), ``n_passages``, ``n_reused`` (its words in passages
    whose source is in ``source_<by>``) and ``share`` = ``n_reused / n_words``.
    A group that reuses nothing gets one row with an empty source and share 0,
    so every group is listed. Words are counted as :func:`toolkit.reuse` counts them.
    """
    _check(corpus, reuse)
    if by not in corpus.columns:
        raise KeyError(f"corpus has no column {by!r}; columns are {list(corpus.columns)}")
    group = corpus.set_index("doc_id")[by].astype(object).fillna("(none)").astype(str)
    sizes = pd.DataFrame({by: group.to_numpy(),
                          "n_words": [len(words(t)[0]) if isinstance(t, str) else 0 for t in corpus["text"]]})
    totals = sizes.groupby(by, sort=True).agg(n_docs=("n_words", "size"), n_words=("n_words", "sum"))
    unknown = set(reuse["doc_id"]).union(reuse["source_doc_id"]) - set(group.index)
    if unknown:
        raise ValueError(f"the reuse table names articles not in the corpus: {sorted(map(str, unknown))[:5]}")
    src = f"source_{by}"
    found = pd.DataFrame({by: reuse["doc_id"].map(group), src: reuse["source_doc_id"].map(group),
                          "n_reused": reuse["n_words"].astype("int64")})
    pairs = (found.groupby([by, src], sort=True)
             .agg(n_passages=("n_reused", "size"), n_reused=("n_reused", "sum")).reset_index())
    idle = pd.DataFrame({by: sorted(set(totals.index) - set(pairs[by])), src: np.nan, "n_passages": 0,
                         "n_reused": 0})
    parts = [part for part in (pairs, idle) if len(part)]
    table = pd.concat(parts, ignore_index=True) if parts else pairs
    table = table.merge(totals, left_on=by, right_index=True, how="left")
    table["share"] = (table["n_reused"] / table["n_words"].where(table["n_words"] > 0)).fillna(0.0).round(4)
    table = table.astype({"n_passages": "int64", "n_reused": "int64", "n_docs": "int64", "n_words": "int64"})
    table = table.sort_values([by, "n_reused"], ascending=[True, False], kind="stable").reset_index(drop=True)
    return table[[by, src, "n_docs", "n_words", "n_passages", "n_reused", "share"]]
