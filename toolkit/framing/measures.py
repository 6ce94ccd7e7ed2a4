"""Ranking and classification measures with bootstrap intervals (helper of :mod:`toolkit.framing`).

Everything here works on plain arrays: ``scores`` (any real numbers, higher =
more likely to have the frame) and ``labels`` (0/1). The intervals resample
documents with replacement (a percentile bootstrap, seeded); a resample with
only one class gives no AUC and is left out of that interval.

>>> roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])
0.75
>>> m = measures([0.1, 0.4, 0.35, 0.8, 0.9], [0, 0, 1, 1, 1], threshold=0.5, n_boot=200, seed=0)
>>> m["auc"], m["precision"], m["recall"], round(m["f1"], 3)
(0.8333333333333334, 1.0, 0.6666666666666666, 0.8)
>>> m["auc_low"] <= m["auc"] <= m["auc_high"]
True
"""
from __future__ import annotations

import numpy as np

__all__ = ["roc_auc", "measures", "MEASURES"]

#: The measures :func:`measures` returns, each with ``_low`` and ``_high`` bounds.
MEASURES = ("auc", "f1", "precision", "recall")


def _auc_rows(scores: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """ROC AUC of each row of ``scores`` (2-D) against the same row of ``labels``; NaN for one class."""
    from scipy.stats import rankdata  # loaded when first needed: scipy.stats takes a second to import

    ranks = rankdata(scores, axis=1, method="average")
    n_pos = labels.sum(axis=1)
    n_neg = labels.shape[1] - n_pos
    u = (ranks * labels).sum(axis=1) - n_pos * (n_pos + 1) / 2.0
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((n_pos > 0) & (n_neg > 0), u / (n_pos * n_neg), np.nan)


def _classification_rows(predicted: np.ndarray, labels: np.ndarray) -> dict[str, np.ndarray]:
    """Precision, recall and F1 per row (NaN where undefined: nothing predicted / no positives)."""
    tp = (predicted & labels).sum(axis=1).astype(float)
    n_pred = predicted.sum(axis=1)
    n_pos = labels.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(n_pred > 0, tp / n_pred, np.nan)
        recall = np.where(n_pos > 0, tp / n_pos, np.nan)
        f1 = np.where(n_pred + n_pos > 0, 2 * tp / (n_pred + n_pos), np.nan)
    return {"precision": precision, "recall": recall, "f1": f1}


def roc_auc(scores, labels) -> float:
    """ROC AUC of ``scores`` as a ranking of the 0/1 ``labels`` (ties count one half); NaN for one class."""
    s = np.asarray(scores, dtype=float).reshape(1, -1)
    y = np.asarray(labels).astype(bool).reshape(1, -1)
    if s.shape != y.shape:
        raise ValueError(f"scores and labels differ in length ({s.shape[1]} vs {y.shape[1]})")
    return float(_auc_rows(s, y)[0])


def measures(scores, labels, *, threshold: float, n_boot: int = 1000, seed: int = 0,
             level: float = 0.95) -> dict[str, float]:
    """AUC, F1, precision and recall (a score above ``threshold`` counts as the frame), with intervals.

    Returns a dict with ``n, n_pos`` and, for each of :data:`MEASURES`, the
    value and its ``_low``/``_high`` bootstrap bounds (``level`` coverage,
    ``n_boot`` resamples of the documents; NaN when ``n_boot`` is 0).
    """
    s = np.asarray(scores, dtype=float).ravel()
    y = np.asarray(labels).astype(bool).ravel()
    if s.shape != y.shape:
        raise ValueError(f"scores and labels differ in length ({len(s)} vs {len(y)})")
    if np.isnan(s).any():
        raise ValueError("scores contain NaN")
    out: dict[str, float] = {"n": int(len(y)), "n_pos": int(y.sum())}
    point = {"auc": _auc_rows(s[None, :], y[None, :]),
             **_classification_rows((s > threshold)[None, :], y[None, :])}
    if n_boot > 0 and len(y):
        rng = np.random.default_rng(seed)
        idx = rng.integers(0, len(y), size=(int(n_boot), len(y)))
        boot = {"auc": _auc_rows(s[idx], y[idx]), **_classification_rows(s[idx] > threshold, y[idx])}
    else:
        boot = {}
    tail = (1.0 - level) / 2.0 * 100.0
    for name in MEASURES:
        out[name] = float(point[name][0])
        values = boot.get(name, np.array([np.nan]))
        values = values[~np.isnan(values)]
        low, high = (np.percentile(values, [tail, 100.0 - tail]) if len(values) else (np.nan, np.nan))
        out[f"{name}_low"], out[f"{name}_high"] = float(low), float(high)
    return out
