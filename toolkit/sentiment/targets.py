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

from ..compare import compare
from .mention import mention_sentiment
from .rows import _english_mask, _is_dask, _keys, _str_dtype
from .tables import NEG_THRESHOLD, POS_THRESHOLD, _sentiment_frame
from .vader import vader_scores
from .vader_tokens import _clean_texts

__all__ = ["target_sentences", "target_sentiment", "target_mentions", "mention_target_sentiment"]


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
                     neg_threshold: float = NEG_THRESHOLD, method: str = "vader", syntax: bool = True,
                     return_sentences: bool = False) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Sentiment toward a target (and its aliases) per document, outlet, … (``by``).

    ``method="vader"`` (the default, described here) averages the tone of the
    sentences that mention it; ``method="mention"`` scores each mention with
    :func:`~toolkit.sentiment.mention.mention_sentiment` instead (see
    :func:`mention_target_sentiment` for its columns).

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
    if method == "mention":
        return mention_target_sentiment(scored, target, aliases, by=by, text_col=text_col, syntax=syntax,
                                        return_mentions=return_sentences)
    if method != "vader":
        raise ValueError(f"method must be 'vader' or 'mention', not {method!r}")
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


def target_mentions(scored: pd.DataFrame, target: str, aliases: Sequence[str] = (), *,
                    text_col: str = "text") -> pd.DataFrame:
    """One row per mention of ``target`` (or an alias) in the sentences of ``scored``.

    The matching rules are :func:`target_sentences`'. Columns: those of
    ``scored`` plus ``mention_id`` (its number in the sentence), ``start``/``end``
    (offsets into the sentence text, which replace the sentence's own) and
    ``mention`` (the text matched).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "text": ["Trump spoke; Soleimani’s aide left."]})
    >>> target_mentions(df, "Soleimani")[["mention_id", "start", "end", "mention"]].values.tolist()
    [[0, 13, 22, 'Soleimani']]
    """
    if text_col not in scored.columns:
        raise KeyError(f"no column {text_col!r}")
    pattern, _ = _alias_pattern(target, aliases)
    rows, ids, starts, ends, found = [], [], [], [], []
    for i, t in enumerate(_clean_texts(scored[text_col].tolist())):
        for k, m in enumerate(pattern.finditer(t)):
            rows.append(i)
            ids.append(k)
            starts.append(m.start())
            ends.append(m.end())
            found.append(m.group())
    out = scored.iloc[rows].drop(columns=[c for c in ("start", "end") if c in scored.columns])
    out = out.reset_index(drop=True)
    out["mention_id"] = np.asarray(ids, dtype=np.int64)
    out["start"] = np.asarray(starts, dtype=np.int64)
    out["end"] = np.asarray(ends, dtype=np.int64)
    out["mention"] = pd.Series(found, dtype=_str_dtype())
    return out


def mention_target_sentiment(scored: pd.DataFrame, target: str, aliases: Sequence[str] = (), *,
                             by: str | Sequence[str] = "doc_id", text_col: str = "text", syntax: bool = True,
                             n_boot: int = 2000, seed: int = 0,
                             return_mentions: bool = False) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Sentiment toward a target per ``by`` group, each mention scored by the mention model.

    One row per group of ``scored`` (groups without a mention kept with zeros):
    ``target``, ``n_sentences``, ``n_mentions``, ``n_scored``; ``share_negative``,
    ``share_neutral``, ``share_positive`` (of scored mentions), ``net`` (mean of
    ``p_positive − p_negative``, from −1 to 1) with a 95 % bootstrap interval
    ``net_low``/``net_high`` and ``share_negative_low``/``share_negative_high``
    (:func:`toolkit.compare.compare`, seeded; whole documents are resampled
    unless ``by`` is the document, then mentions). ``return_mentions=True`` also
    returns the scored mentions with their ``evidence``.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["A", "A", "B"], "text": [
    ...     "Soleimani was killed in an airstrike.", "Markets fell.", "The ruthless killer Soleimani died."]})
    >>> out = mention_target_sentiment(df, "Soleimani", by="outlet")
    >>> out[["outlet", "n_mentions", "share_negative"]].values.tolist()
    [['A', 1, 0.0], ['B', 1, 1.0]]
    """
    keys = _keys(by)
    found = target_mentions(scored.assign(_row=np.arange(len(scored))), target, aliases, text_col=text_col)
    inner = found.rename(columns={"doc_id": "_doc"}) if "doc_id" in found.columns else found
    inner = inner.assign(doc_id=inner["_row"], sent_id=0)
    m = mention_sentiment(inner[["doc_id", "sent_id", "mention_id", "start", "end", text_col]
                                + (["language"] if "language" in inner.columns else [])],
                          syntax=syntax, text_col=text_col)
    cols = ["polarity", "p_negative", "p_neutral", "p_positive", "evidence"]
    mentions = found.drop(columns=["_row"]).assign(**{c: m[c].to_numpy() for c in cols})
    ok = mentions["polarity"].notna()
    mentions["net"] = (mentions["p_positive"] - mentions["p_negative"]).where(ok)
    for c in ("negative", "neutral", "positive"):
        mentions[f"is_{c}"] = (mentions["polarity"] == c).astype(float).where(ok)
    tmp = mentions[keys].assign(n_mentions=1, n_scored=ok.astype("int64"), _row=found["_row"].to_numpy(),
                                **{f"_{c}": mentions[f"is_{c}"].fillna(0.0) for c in ("negative", "neutral",
                                                                                      "positive")})
    g = tmp.groupby(keys, sort=True, dropna=False).agg(
        n_sentences=("_row", "nunique"), n_mentions=("n_mentions", "sum"), n_scored=("n_scored", "sum"),
        _negative=("_negative", "sum"), _neutral=("_neutral", "sum"), _positive=("_positive", "sum"))
    groups = scored[keys].drop_duplicates().set_index(keys).index
    g = g.reindex(groups.union(g.index) if len(g) else groups, fill_value=0).sort_index()
    denom = g["n_scored"].where(g["n_scored"] > 0)
    summary = pd.DataFrame({"target": target, **{c: g[c].astype("int64") for c in
                                                 ("n_sentences", "n_mentions", "n_scored")},
                            **{f"share_{c}": g[f"_{c}"] / denom for c in ("negative", "neutral", "positive")}},
                           index=g.index)
    cluster = "doc_id" if "doc_id" in mentions.columns and "doc_id" not in keys else None
    for value, name in (("net", "net"), ("is_negative", "share_negative")):
        ci = compare(mentions, by=keys, value=value, cluster=cluster, n_boot=n_boot, seed=seed) \
            if len(mentions) else pd.DataFrame(columns=keys + ["mean", "ci_low", "ci_high"])
        ci = ci.set_index(keys).reindex(g.index)
        if name == "net":
            summary["net"] = ci["mean"].to_numpy(dtype=float)
        summary[f"{name}_low"] = ci["ci_low"].to_numpy(dtype=float)
        summary[f"{name}_high"] = ci["ci_high"].to_numpy(dtype=float)
    summary = summary.reset_index()
    if return_mentions:
        return summary, mentions.drop(columns=[f"is_{c}" for c in ("negative", "neutral", "positive")])
    return summary
