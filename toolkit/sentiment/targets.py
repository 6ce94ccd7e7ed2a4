"""Sentiment toward a target: the sentences that mention it, and their scores per group.

:func:`target_sentences` finds the sentences that name a person or thing (or
one of its aliases) and gives each the sentence's compound or the compound of
a window of words around each mention; :func:`target_sentiment` aggregates
them per document, outlet or any other column.
"""
from __future__ import annotations

import re
import warnings
from typing import Sequence

import numpy as np
import pandas as pd

from .rows import _english_mask, _is_dask, _keys, _str_dtype
from .tables import NEG_THRESHOLD, POS_THRESHOLD, _sentiment_frame
from .vader import vader_scores
from .vader_tokens import _clean_texts

__all__ = ["target_sentences", "target_sentiment"]


_APOSTROPHES = "'’‘ʼ`"


def _alias_pattern(target: str, aliases: Sequence[str]) -> tuple[re.Pattern[str], list[str]]:
    terms: dict[str, str] = {}
    for t in [target, *aliases]:
        t = " ".join(str(t).split())
        if t and t.lower() not in terms:
            terms[t.lower()] = t
    names = sorted(terms.values(), key=len, reverse=True)  # longest first: "Quds Force commander"
    if not names:
        raise ValueError("give a non-empty target")
    parts = []
    for i, term in enumerate(names):
        words = []
        for w in term.split(" "):
            words.append("".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch)
                                 for ch in w))
        body = r"\s+".join(words)
        parts.append(f"(?P<a{i}>(?<!\\w){body}(?!\\w))")
    return re.compile("|".join(parts), re.IGNORECASE), names


def target_sentences(scored: pd.DataFrame, target: str, aliases: Sequence[str] = (), *,
                     window: int | None = None, text_col: str = "text") -> pd.DataFrame:
    """The rows that mention ``target`` or an alias, with what matched and the score toward it.

    Matching is case-insensitive on word boundaries; multi-word aliases allow any
    whitespace between words; straight and typographic apostrophes are
    interchangeable, and "Soleimani’s" matches "Soleimani". Added columns:
    ``matched_alias`` (the aliases found, ``"; "``-joined, as written in
    ``aliases``), ``n_mentions`` and ``target_compound``: the sentence's
    ``compound`` or, with ``window=k``, the mean VADER compound of the ±k
    whitespace tokens around each mention (then ``window_text`` shows them).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"doc_id": ["d"] * 3, "sent_id": [0, 1, 2], "text": [
    ...     "Soleimani’s death is a great loss, officials said.", "Markets rose.",
    ...     "The Quds Force commander was killed in a terrible strike."]})
    >>> hits = target_sentences(df, "Soleimani", ["Qassem", "Quds Force commander"], window=3)
    >>> hits[["sent_id", "matched_alias", "window_text"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [[0, 'Soleimani', 'Soleimani’s death is a'],
     [2, 'Quds Force commander', 'The Quds Force commander was killed in']]
    """
    if text_col not in scored.columns:
        raise KeyError(f"no column {text_col!r}")
    if window is not None and (not isinstance(window, (int, np.integer)) or window < 0):
        raise ValueError("window must be a non-negative int or None")
    pattern, names = _alias_pattern(target, aliases)
    texts = _clean_texts(scored[text_col].tolist())
    rows, matched, counts, spans = [], [], [], []
    for i, t in enumerate(texts):
        found = list(pattern.finditer(t))
        if found:
            rows.append(i)
            seen = dict.fromkeys(names[int(m.lastgroup[1:])] for m in found)
            matched.append("; ".join(seen))
            counts.append(len(found))
            spans.append([m.span() for m in found])
    out = scored.iloc[rows].copy()
    out["matched_alias"] = pd.Series(matched, index=out.index, dtype=_str_dtype())
    out["n_mentions"] = np.asarray(counts, dtype=np.int64)
    english, _ = _english_mask(out)
    if window is None:
        if "compound" in out.columns:
            out["target_compound"] = out["compound"].astype(float)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out["target_compound"] = _sentiment_frame(out, method="vader", text_col=text_col,
                                                          evidence=False, progress=False,
                                                          warn=False)["compound"].to_numpy()
        return out
    windows, owner = [], []
    shown = []
    for j, (i, sp) in enumerate(zip(rows, spans)):
        t = texts[i]
        toks = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", t)]
        starts = [a for a, _, _ in toks]
        parts = []
        for s, e in sp:
            first = max(0, int(np.searchsorted(starts, s, side="right")) - 1)
            last = max(first, int(np.searchsorted(starts, e, side="left")) - 1)
            w = " ".join(x for _, _, x in toks[max(0, first - window): last + window + 1])
            windows.append(w)
            owner.append(j)
            parts.append(w)
        shown.append(" … ".join(parts))
    compound = vader_scores(windows)[3] if windows else np.zeros(0)
    owner_arr = np.asarray(owner, dtype=np.int64)
    sums = np.bincount(owner_arr, weights=compound, minlength=len(rows))
    per = sums / np.maximum(np.bincount(owner_arr, minlength=len(rows)), 1)
    out["window_text"] = pd.Series(shown, index=out.index, dtype=_str_dtype())
    out["target_compound"] = np.where(english, per, np.nan)
    return out


def target_sentiment(scored: pd.DataFrame, target: str, aliases: Sequence[str] = (), *,
                     by: str | Sequence[str] = "doc_id", window: int | None = None,
                     text_col: str = "text", pos_threshold: float = POS_THRESHOLD,
                     neg_threshold: float = NEG_THRESHOLD,
                     return_sentences: bool = False) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Sentiment toward a target (and its aliases) per document, outlet, … (``by``).

    Only sentences mentioning the target count (see :func:`target_sentences` for
    the matching rules and ``window``). One row per ``by`` group of ``scored``
    (groups that never mention the target are kept with ``n_sentences=0``):
    ``target``, ``n_sentences`` (sentences that mention it), ``n_mentions``,
    ``n_scored`` (those with a score, i.e. English), ``mean_compound``,
    ``share_positive``/``share_negative`` (thresholds as in
    :func:`document_sentiment`). ``return_sentences=True`` also returns the matched
    rows (with ``matched_alias``) as evidence: ``(summary, sentences)``.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"outlet": ["A", "A", "B"], "compound": [-0.6, 0.4, 0.1], "text": [
    ...     "Soleimani was a terrible man.", "Peace is good.", "Suleimani was honoured."]})
    >>> out = target_sentiment(df, "Soleimani", ["Suleimani"], by="outlet")
    >>> out[["outlet", "n_sentences", "mean_compound"]].values.tolist()
    [['A', 1, -0.6], ['B', 1, 0.1]]
    """
    if _is_dask(scored):
        raise TypeError("target_sentiment works on pandas; filter first, e.g. "
                        "target_sentences on each partition, or .compute() the scored table")
    keys = _keys(by)
    missing = [k for k in keys if k not in scored.columns]
    if missing:
        raise KeyError(f"missing column(s) {missing}; merge the corpus metadata onto the sentences first")
    hits = target_sentences(scored, target, aliases, window=window, text_col=text_col)
    c = hits["target_compound"]
    tmp = hits[keys].assign(
        n_sentences=1, n_mentions=hits["n_mentions"], n_scored=c.notna().astype("int64"),
        _sum=c.fillna(0.0), _pos=(c >= pos_threshold).astype("int64"),
        _neg=(c <= neg_threshold).astype("int64"))
    g = tmp.groupby(keys, sort=True, dropna=False).sum()
    groups = scored[keys].drop_duplicates().set_index(keys).index
    g = g.reindex(groups.union(g.index) if len(g) else groups, fill_value=0).sort_index()
    denom = g["n_scored"].where(g["n_scored"] > 0)
    summary = pd.DataFrame({
        "target": target,
        "n_sentences": g["n_sentences"].astype("int64"),
        "n_mentions": g["n_mentions"].astype("int64"),
        "n_scored": g["n_scored"].astype("int64"),
        "mean_compound": g["_sum"] / denom,
        "share_positive": g["_pos"] / denom,
        "share_negative": g["_neg"] / denom,
    }, index=g.index).reset_index()
    if return_sentences:
        return summary, hits
    return summary
