"""The grouping column of the ``*_counts`` functions (labels, quotes, agency)."""
from __future__ import annotations

import pandas as pd

from .. import resources

__all__ = ["attach_group"]


def attach_group(table: pd.DataFrame, corpus: pd.DataFrame, by: str, what: str) -> pd.DataFrame:
    """``table`` with a ``by`` column, missing values filled with ``"(none)"``.

    A column the table already has is used as it is; otherwise it is joined
    from ``corpus`` on ``doc_id`` (compared as text), and ``by="group"`` falls
    back to ``data/corpus-groups.csv`` when the corpus has no ``group`` column.
    ``what`` names the table in the error raised when ``by`` is nowhere.

    >>> t = pd.DataFrame({"doc_id": ["a", "b", "c"]})
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", None]})
    >>> attach_group(t, c, "outlet", "quotes table")["outlet"].tolist()
    ['A', '(none)', '(none)']
    """
    if by not in table.columns:
        if by in corpus.columns:
            groups = corpus[["doc_id", by]].drop_duplicates("doc_id")
        elif by == "group":
            groups = resources.corpus_groups()
        else:
            raise KeyError(f"no column {by!r} in the {what} or the corpus; "
                           f"corpus columns: {list(corpus.columns)}")
        table = table.assign(doc_id=table["doc_id"].astype(str)).merge(
            groups.astype({"doc_id": str}), on="doc_id", how="left")
    return table.assign(**{by: table[by].fillna("(none)")})
