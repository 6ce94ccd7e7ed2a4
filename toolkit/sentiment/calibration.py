"""The news calibration of VADER (``method="vader-calibrated"``) and its labels.

``calibrated`` is a linear prediction of the mean human rating from VADER's
outputs plus per-word corrections that follow VADER's rules (the formula, the
data and the limits are in :func:`toolkit.sentiment.sentiment`); the fitted
parameters are :func:`toolkit.resources.vader_calibration`, written by
``benchmarks/validity.py --fit``, which also uses :func:`_calibration_terms`.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .vader import _Explained

__all__ = ["calibrated_label"]


def calibrated_label(calibrated: Any, thresholds: dict | None = None) -> np.ndarray:
    """3-class label of ``calibrated`` scores: ``"positive"``, ``"neutral"``, ``"negative"``.

    The thresholds default to the ones fitted with the calibration (on its training
    sentences only, maximising weighted F1 against the human labels): ``calibrated
    ≥ thresholds["positive"]`` is positive, ``≤ thresholds["negative"]`` negative,
    in between neutral; NaN stays NaN (``None``). They differ from VADER's ±0.05
    because the calibrated score is a regression prediction, pulled towards the
    raters' average.

    >>> calibrated_label([0.5, -0.5, None], {"negative": -0.05, "positive": 0.05}).tolist()
    ['positive', 'negative', None]
    """
    if thresholds is None:
        from .. import resources

        thresholds = resources.vader_calibration()["thresholds"]
    lo, hi = float(thresholds["negative"]), float(thresholds["positive"])
    x = np.asarray(pd.to_numeric(pd.Series(calibrated, dtype=object), errors="coerce"), dtype=float)
    out = np.where(x >= hi, "positive", np.where(x <= lo, "negative", "neutral")).astype(object)
    out[np.isnan(x)] = None
    return out


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
