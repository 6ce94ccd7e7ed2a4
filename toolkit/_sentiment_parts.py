"""The machinery behind :mod:`toolkit.sentiment`: languages, batches, evidence text, calibration.

Start reading at :mod:`toolkit.sentiment`; these helpers work on the per-word
records (``_Explained``) that :func:`toolkit.vader.vader_scores` returns.
"""
from __future__ import annotations

import math
import warnings
from typing import Any

import numpy as np
import pandas as pd

from .vader import _MINUS, _Explained, _fmt

_CHUNK = 25_000  # sentences scored per batch (bounds the memory of the per-word records)

# --------------------------------------------------------------------------------------
# Languages: VADER is English-only
# --------------------------------------------------------------------------------------

_EN_NAMES = frozenset({"en", "eng", "english"})


def _is_english(lang: Any) -> bool:
    if lang is None or (isinstance(lang, float) and math.isnan(lang)) or lang is pd.NA:
        return True  # unknown language: scored as English
    code = str(lang).strip().lower()
    return code in _EN_NAMES or code.startswith(("en-", "en_"))


def _english_mask(df: pd.DataFrame) -> tuple[np.ndarray, list[Any] | None]:
    """Which rows are English (``language`` absent or missing → English); languages if any are not."""
    if "language" not in df.columns:
        return np.ones(len(df), dtype=bool), None
    col = df["language"]
    english = [u for u in pd.unique(col) if not pd.isna(u) and _is_english(u)]
    mask = (col.isin(english) | col.isna()).to_numpy(dtype=bool)
    return mask, (None if mask.all() else col.tolist())


def _skip_note(lang: Any) -> str:
    return f"skipped: language {str(lang)!r} (VADER is English-only)"


def _warn_skipped(langs: list[Any] | None, english: np.ndarray, what: str) -> None:
    skipped = np.flatnonzero(~english)
    if len(skipped) == 0 or langs is None:
        return
    counts = pd.Series([str(langs[i]) for i in skipped]).value_counts()
    detail = ", ".join(f"{k}: {v}" for k, v in counts.items())
    warnings.warn(
        f"{what}: skipped {len(skipped)} of {len(english)} sentences that are not English ({detail}); "
        "VADER is English-only, so their scores are NaN (see the 'note' column).",
        UserWarning, stacklevel=4)


# --------------------------------------------------------------------------------------
# Batches, with an optional progress bar
# --------------------------------------------------------------------------------------

def _chunks(n: int, progress: bool, desc: str):
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=n, desc=desc, unit="sent")
    try:
        for a in range(0, n, _CHUNK):
            b = min(n, a + _CHUNK)
            yield a, b
            if bar is not None:
                bar.update(b - a)
    finally:
        if bar is not None:
            bar.close()


# --------------------------------------------------------------------------------------
# Evidence text: why a sentence scored what it did
# --------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------
# The news calibration (method="vader-calibrated")
# --------------------------------------------------------------------------------------

def _calibration_terms(ex: _Explained) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray], np.ndarray]:
    """Per lexicon-word occurrence: sentence index, lowercased word, rule multiplier ``m``.

    ``m`` is the word's valence after VADER's rules divided by its lexicon valence.
    Returns the sentence index of each occurrence, its word as an index into the
    returned array of distinct lowercased words, and ``m``.
    """
    lowered = np.array([w.lower() for w in ex.vocab], dtype=object)
    words, inverse = np.unique(lowered[ex.code], return_inverse=True) if len(ex.code) else (
        np.zeros(0, dtype=object), np.zeros(0, dtype=np.int64))
    lex = ex.lexicon_valence
    mult = np.divide(ex.valence, lex, out=np.zeros(len(lex)), where=lex != 0)
    return ex.sent, (words, inverse.reshape(-1)), mult


def _calibrated_rating(neg: np.ndarray, pos: np.ndarray, compound: np.ndarray, ex: _Explained,
                       params: dict) -> np.ndarray:
    """The predicted mean human rating (−4..+4 scale, unclipped) of each sentence."""
    coef = params["coefficients"]
    rating = (coef["intercept"] + coef["compound"] * np.asarray(compound, dtype=float)
              + coef["pos"] * np.asarray(pos, dtype=float) + coef["neg"] * np.asarray(neg, dtype=float))
    sent, (words, inverse), mult = _calibration_terms(ex)
    shift = params["word_shift"]
    per_word = np.array([shift.get(w, 0.0) for w in words.tolist()], dtype=float)
    if len(sent):
        rating = rating + np.bincount(sent, weights=per_word[inverse] * mult, minlength=len(rating))
    return rating


def _calibrated_score(neg: np.ndarray, pos: np.ndarray, compound: np.ndarray, ex: _Explained,
                      params: dict) -> np.ndarray:
    """``calibrated``: the predicted rating divided by the scale (4), clipped to −1..+1."""
    return np.clip(_calibrated_rating(neg, pos, compound, ex, params) / params["scale"], -1.0, 1.0)
