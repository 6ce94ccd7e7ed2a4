"""Which rows the sentiment functions score, in batches, and the dtypes of their tables.

VADER is English-only: :func:`_english_mask` tells which rows are English
(``language`` absent or missing counts as English), the others get a note and
one warning. Rows are scored in batches of :data:`_CHUNK` sentences, which
bounds the memory of the per-word records (:func:`_chunks`, with an optional
progress bar). Start reading at :mod:`toolkit.sentiment.tables`.
"""
from __future__ import annotations

import math
import warnings
from typing import Any, Sequence

import numpy as np
import pandas as pd

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
# Helpers for tables
# --------------------------------------------------------------------------------------

def _str_dtype() -> Any:
    """pandas' default string dtype (``"str"`` on pandas ≥ 3, ``object`` before)."""
    return "str" if int(pd.__version__.split(".")[0]) >= 3 else object


def _is_dask(obj: Any) -> bool:
    return type(obj).__module__.split(".")[0] in ("dask", "dask_expr")


def _keys(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)
