"""Why a sentence scored what it did: the ``evidence`` strings and :func:`sentiment_evidence`.

Both are built from the per-word records (``_Explained``) that
:func:`toolkit.sentiment.vader.vader_scores` returns with ``explain=True``:
:func:`_evidence_strings` gives the short ``evidence`` column of
:func:`toolkit.sentiment.sentiment`, :func:`sentiment_evidence` one row per
word that carried valence.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .rows import _chunks, _english_mask, _is_dask, _str_dtype, _warn_skipped
from .vader import _MINUS, _Explained, _fmt, vader_scores
from .vader_tokens import _clean_texts

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

__all__ = ["sentiment_evidence"]


def _evidence_strings(ex: _Explained, n: int) -> list[str]:
    """One compact explanation per sentence from the per-word records."""
    codes = ex.code.tolist()
    lex = ex.lexicon_valence
    last = dict(zip(codes, range(len(codes))))  # one formatted string per distinct word
    plain = {c: f"{ex.vocab[c]} {_fmt(lex[h], '+g')}" for c, h in last.items()}
    items = [plain[c] for c in codes]
    if ex.rules:
        val = ex.valence.tolist()
        for h, rules in ex.rules.items():
            num = format(val[h], "+.2f").replace("-", _MINUS)
            items[h] = f"{items[h]} → {num} ({'; '.join(rules)})"
    bounds = np.searchsorted(ex.sent, np.arange(n + 1)).tolist()
    out = ["; ".join(items[bounds[i]:bounds[i + 1]]) for i in range(n)]
    for i in np.flatnonzero(ex.amp_applied).tolist():
        punct = _punct_text(int(ex.n_excl[i]), int(ex.n_q[i]), float(ex.amp_applied[i]))
        out[i] = f"{out[i]}; {punct}" if out[i] else punct
    return out


def _rules_column(ex: _Explained) -> list[str]:
    out = [""] * len(ex.code)
    for h, rules in ex.rules.items():
        out[h] = ";".join(rules)
    return out


def _punct_text(n_excl: int, n_q: int, amount: float) -> str:
    marks = []
    if n_excl:
        marks.append(f"'!'×{n_excl}")
    if n_q > 1:
        marks.append(f"'?'×{n_q}")
    return f"punctuation {' '.join(marks)} {_fmt(amount, '+.3f')}"


_EVIDENCE_COLUMNS = ["doc_id", "sent_id", "word", "position", "lexicon_valence", "valence",
                     "rules", "compound"]


def sentiment_evidence(sentences: pd.DataFrame | dd.DataFrame, *,
                       text_col: str = "text") -> pd.DataFrame | dd.DataFrame:
    """Why each sentence scored what it did: one row per lexicon word VADER used.

    Columns: ``doc_id``, ``sent_id``, ``word`` (VADER's token, punctuation
    stripped), ``position`` (index in VADER's whitespace tokenisation),
    ``lexicon_valence``, ``valence`` (after the rules; 0 when a rule cancelled it),
    ``rules`` (``;``-separated: boosters with the amount added, ``negated by 'not'``,
    ``ALLCAPS``, ``after 'no'``, ``'never so/this' ×1.25``, idioms, ``after 'least'``,
    ``before 'but' ×0.5`` / ``after 'but' ×1.5``) and the sentence's ``compound``.
    Exclamation/question-mark emphasis is one extra row per sentence with
    ``word=None``, ``position=<NA>`` and the signed amount added to the sum in
    ``valence``. The sentence's compound is ``x / sqrt(x² + 15)`` (clipped to ±1,
    rounded to 4 decimals) where ``x`` is the sum of its ``valence`` column.
    Non-English rows are skipped (with a warning).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "text": ["The strike was not a good idea!"]})
    >>> sentiment_evidence(df)[["word", "position", "valence", "rules"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['strike', 1, -0.5, ''], ['good', 5, -1.406, "negated by 'not'"],
     [None, <NA>, -0.292, "punctuation '!'×1 −0.292"]]
    """
    if _is_dask(sentences):
        meta = _evidence_frame(sentences._meta, text_col=text_col, warn=False)
        return sentences.map_partitions(_evidence_frame, text_col=text_col, warn=False, meta=meta)
    return _evidence_frame(sentences, text_col=text_col, warn=True)


def _evidence_frame(sentences: pd.DataFrame, *, text_col: str, warn: bool) -> pd.DataFrame:
    if text_col not in sentences.columns:
        raise KeyError(f"no column {text_col!r}; pass text_col= the column holding the sentences")
    n = len(sentences)
    english, langs = _english_mask(sentences)
    idx = np.flatnonzero(english)
    values = sentences[text_col].tolist()
    texts = _clean_texts([values[i] for i in idx.tolist()])
    doc = sentences["doc_id"].tolist() if "doc_id" in sentences.columns else [None] * n
    sent = sentences["sent_id"].tolist() if "sent_id" in sentences.columns else list(range(n))
    frames = []
    for a, b in _chunks(len(texts), False, ""):
        *res, ex = vader_scores(texts[a:b], explain=True)
        compound = res[3]
        rows = idx[a:b]
        r_word = rows[ex.sent]
        words = pd.DataFrame({
            "_row": r_word, "_ord": ex.position,
            "word": pd.Series([ex.vocab[c] for c in ex.code.tolist()], dtype=object),
            "position": pd.array(ex.position, dtype="Int64"),
            "lexicon_valence": ex.lexicon_valence,
            "valence": ex.valence,
            "rules": _rules_column(ex),
            "compound": compound[ex.sent],
        })
        punct = np.flatnonzero(ex.amp_applied)
        prow = pd.DataFrame({
            "_row": rows[punct], "_ord": np.iinfo(np.int64).max,
            "word": pd.Series([None] * len(punct), dtype=object),
            "position": pd.array([None] * len(punct), dtype="Int64"),
            "lexicon_valence": np.nan,
            "valence": ex.amp_applied[punct],
            "rules": [_punct_text(int(ex.n_excl[i]), int(ex.n_q[i]), float(ex.amp_applied[i]))
                      for i in punct.tolist()],
            "compound": compound[punct],
        })
        frames.extend([words, prow])
    if frames:
        out = pd.concat(frames, ignore_index=True).sort_values(["_row", "_ord"], kind="stable")
    else:
        out = pd.DataFrame({"_row": np.zeros(0, np.int64), "word": pd.Series([], dtype=object),
                            "position": pd.array([], dtype="Int64"), "lexicon_valence": np.zeros(0),
                            "valence": np.zeros(0), "rules": pd.Series([], dtype=object),
                            "compound": np.zeros(0)})
    rows = out["_row"].to_numpy()
    out.insert(0, "doc_id", [doc[i] for i in rows.tolist()])
    out.insert(1, "sent_id", [sent[i] for i in rows.tolist()])
    out = out[_EVIDENCE_COLUMNS].reset_index(drop=True)
    out["rules"] = out["rules"].astype(_str_dtype())
    if "doc_id" in sentences.columns:
        out["doc_id"] = out["doc_id"].astype(sentences["doc_id"].dtype)
    if "sent_id" in sentences.columns:
        out["sent_id"] = out["sent_id"].astype(sentences["sent_id"].dtype)
    if warn:
        _warn_skipped(langs, english, "sentiment_evidence")
    return out
