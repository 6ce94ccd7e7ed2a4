"""Counting dictionary hits: per document (or any group) and category, per 1,000 tokens."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .dictionary import Dictionary
from .lookup import _require

__all__ = ["count"]


def count(tokens: pd.DataFrame, hits: pd.DataFrame, *, by: str | list[str] = "doc_id",
          categories: Any = None, include_negated: bool = True) -> pd.DataFrame:
    """Hits per group and category, per 1,000 tokens, with every combination present.

    ``by`` is a column (or list of columns) of ``tokens``; hits get it through
    ``(doc_id, token_id)`` when they lack it (merge e.g. ``outlet`` onto the
    tokens first to count by outlet). ``categories`` (a list or a
    :class:`Dictionary`) fixes the category grid; by default it is the
    categories of ``hits.category`` (all the dictionary's categories when the
    hits come from :func:`lookup`).

    Returns ``*by, category, n_hits, n_negated, n_tokens, per_1000``, one row
    per group × category (zeros included): ``n_tokens`` counts the group's
    non-punctuation tokens, ``per_1000 = 1000 * n_hits / n_tokens`` (NaN for a
    group without tokens). ``include_negated=False`` leaves negated hits out
    of ``n_hits`` (``n_negated`` still reports them).
    """
    keys = [by] if isinstance(by, str) else list(by)
    _require(tokens, keys + ["doc_id"], "count()")
    _require(hits, ["category"], "count(hits=...)")
    if isinstance(categories, Dictionary):
        cats = list(categories.categories)
    elif categories is not None:
        cats = list(categories)
    elif isinstance(hits["category"].dtype, pd.CategoricalDtype):
        cats = list(hits["category"].cat.categories)
    else:
        cats = list(pd.unique(hits["category"]))
    words = ~tokens["is_punct"].to_numpy(dtype=bool) if "is_punct" in tokens.columns else np.ones(len(tokens), bool)
    n_tok = (pd.DataFrame({k: tokens[k].to_numpy() for k in keys}).assign(_w=words.astype(np.int64))
             .groupby(keys, sort=False, dropna=False)["_w"].sum().rename("n_tokens").reset_index())

    h = hits
    missing = [k for k in keys if k not in h.columns]
    if missing:
        _require(h, ["doc_id", "token_id"], "count(hits=...)")
        _require(tokens, ["token_id"], "count()")
        h = h.merge(tokens[["doc_id", "token_id"] + missing].drop_duplicates(["doc_id", "token_id"]),
                    on=["doc_id", "token_id"], how="left")
    neg = h["negated"].to_numpy(dtype=bool) if "negated" in h.columns else np.zeros(len(h), bool)
    counted = np.ones(len(h), bool) if include_negated else ~neg
    agg = (pd.DataFrame({**{k: h[k].to_numpy() for k in keys},
                         "category": h["category"].astype(object).to_numpy(),
                         "n_hits": counted.astype(np.int64), "n_negated": neg.astype(np.int64)})
           .groupby(keys + ["category"], sort=False, dropna=False)[["n_hits", "n_negated"]].sum()
           .reset_index())
    grid = n_tok[keys].merge(pd.DataFrame({"category": pd.Series(cats, dtype=object)}), how="cross")
    out = grid.merge(agg, on=keys + ["category"], how="left")
    out[["n_hits", "n_negated"]] = out[["n_hits", "n_negated"]].fillna(0).astype(np.int64)
    out = out.merge(n_tok, on=keys, how="left")
    with np.errstate(divide="ignore", invalid="ignore"):
        out["per_1000"] = np.where(out["n_tokens"] > 0, 1000.0 * out["n_hits"] / out["n_tokens"], np.nan)
    return out[keys + ["category", "n_hits", "n_negated", "n_tokens", "per_1000"]].reset_index(drop=True)
