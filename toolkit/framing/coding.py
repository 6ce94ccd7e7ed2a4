"""Coding documents by hand, agreement between coders, and validating any frame score against the codes.

The order researchers follow (Grimmer & Stewart 2013: "validate, validate,
validate"): draw a sample and code it by hand with two or more coders; check
that they agree; then measure how well a dictionary or a trained model
(:func:`toolkit.framing.trained.train_frames`) ranks the coded documents.

Functions
---------
``coding_sheet(corpus, frames="generic", n=40, seed=0, path=None)``
    a random sample as a sheet for coders: ``doc_id``, title/outlet/date when
    the corpus has them, the ``text``, one empty column per frame and
    ``notes``; written as CSV or XLSX when ``path`` is given (cells that a
    spreadsheet would run as formulas are neutralised);
``read_codes(sheet, frames=None)``
    a filled sheet (path or table) → ``doc_id`` + one boolean column per frame;
    a malformed sheet raises :class:`CodingSheetError` naming the row;
``agreement(sheets, frames=None)``
    per frame: Krippendorff's alpha (nominal, from the ``krippendorff``
    package) with a bootstrap interval, percent agreement, and the documents
    the coders disagree on;
``validate(scores, codes, frames=None)``
    per frame: ROC AUC, F1, precision and recall of a score table
    (``doc_id, frame, score``: :func:`toolkit.frames` at document level, or
    :meth:`FrameModel.score`) against codes, with bootstrap intervals and the
    documents missed and wrongly flagged.

A code is ``1``/``0`` (also ``yes``/``no``, ``true``/``false``). Intervals
resample documents (percentile bootstrap, ``n_boot`` resamples, seeded).

Example
-------
>>> import pandas as pd
>>> a = pd.DataFrame({"doc_id": list("abcdef"), "conflict": [1, 1, 0, 0, 1, 0]})
>>> b = pd.DataFrame({"doc_id": list("abcdef"), "conflict": [1, 0, 0, 0, 1, 0]})
>>> table = agreement({"ann": a, "ben": b}, n_boot=0)
>>> table[["frame", "n_units", "percent_agreement", "disagreements"]].values.tolist()
[['conflict', 6, 0.8333333333333334, 'b']]
>>> round(float(table["alpha"].iloc[0]), 4)  # 1 - (12 - 1) * 2 / (2 * 7 * 5): 12 codes, 7 zeros, 5 ones
0.6857
>>> hits = [3, 1, 0, 2, 2, 1]  # dictionary hits in 500-token documents: score = hits per 1,000 tokens
>>> scores = pd.DataFrame({"doc_id": list("abcdef"), "frame": "conflict", "n_hits": hits,
...                        "score": [2.0 * h for h in hits]})
>>> v = validate(scores, a, n_boot=0)
>>> v[["frame", "auc", "threshold", "missed", "false_alarms"]].values.tolist()
[['conflict', 0.7777777777777778, 0.0, '', 'd, f']]
"""
from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .frames import load_scheme
from .measures import MEASURES, measures
from .sheets import CodingSheetError, parse_codes, read_sheet, write_sheet

__all__ = ["coding_sheet", "read_codes", "agreement", "validate", "CodingSheetError"]

#: Corpus columns copied into a coding sheet when present (besides doc_id and text).
SHEET_CONTEXT = ("title", "outlet", "date")
_TEXT_COLUMNS = ("text", "notes") + SHEET_CONTEXT


def _frame_names(frames: Any) -> list[str]:
    if isinstance(frames, (list, tuple)) and all(isinstance(f, str) for f in frames):
        if not frames:
            raise ValueError("give at least one frame")
        return list(frames)
    dictionary = load_scheme(frames)
    return [c for c in dictionary.categories if c not in dictionary.residual]


def coding_sheet(corpus: pd.DataFrame, frames: Any = "generic", *, n: int = 40, seed: int = 0,
                 path: str | os.PathLike | None = None) -> pd.DataFrame:
    """A random sample of ``n`` documents as a sheet for human coders (written to ``path`` if given).

    ``frames``: a scheme (``"generic"``, ``"policy"``, a path or Dictionary)
    or a list of frame names. The sample is drawn with ``seed`` and kept in
    its random order (so coders do not read the documents by outlet). The
    frame columns are empty: a coder writes ``1`` or ``0`` in each. ``.xlsx``
    adds an ``instructions`` sheet; there a text longer than Excel's cell
    limit (32,767 characters) is cut, with a note.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["=cmd()", "two", "three"]})
    >>> coding_sheet(corpus, ["conflict", "economic"], n=2, seed=1).values.tolist()
    [['a', '=cmd()', '', '', ''], ['b', 'two', '', '', '']]
    """
    if not isinstance(corpus, pd.DataFrame) or not {"doc_id", "text"} <= set(corpus.columns):
        raise ValueError("coding_sheet() needs a corpus table with doc_id and text (toolkit.load)")
    names = _frame_names(frames)
    clash = set(names) & {"doc_id", *_TEXT_COLUMNS}
    if clash:
        raise ValueError(f"frame names {sorted(clash)} clash with the sheet's columns; rename them")
    n = min(int(n), len(corpus))
    if n < 1:
        raise ValueError("n must be at least 1 (and the corpus not empty)")
    picked = np.random.default_rng(seed).choice(len(corpus), size=n, replace=False)
    sample = corpus.iloc[picked]
    sheet = pd.DataFrame({"doc_id": sample["doc_id"].astype(str).to_numpy()})
    for column in SHEET_CONTEXT:
        if column in sample.columns:
            sheet[column] = sample[column].fillna("").astype(str).to_numpy()
    sheet["text"] = sample["text"].fillna("").astype(str).to_numpy()
    for name in names:
        sheet[name] = ""
    sheet["notes"] = ""
    if path is not None:
        write_sheet(sheet, path, instructions=[
            "Read each text in full, then write 1 (the frame is present) or 0 (it is not) in every frame column.",
            "Code each text on its own; do not discuss the texts with the other coders before everyone is done.",
            "Frames: " + ", ".join(names) + ". Definitions: the codebook you were given "
            "(for the generic frames, Semetko & Valkenburg's questions in data/dictionaries/generic_frames.yaml).",
            "Leave doc_id and text as they are; write anything you are unsure about in notes.",
        ])
    return sheet


def read_codes(sheet: Any, frames: Sequence[str] | None = None, *, allow_blank: bool = False) -> pd.DataFrame:
    """``doc_id`` + one boolean column per frame from a filled coding sheet (a path or a table).

    ``frames=None`` takes every column of codes. A cell that is not a code
    raises :class:`CodingSheetError` naming the sheet, the row (header = row 1)
    and the column; so does a blank cell unless ``allow_blank``.

    >>> import pandas as pd
    >>> read_codes(pd.DataFrame({"doc_id": ["a"], "text": ["..."], "conflict": ["1"], "notes": [""]}))
      doc_id  conflict
    0      a      True
    """
    table, name = read_sheet(sheet)
    return parse_codes(table, frames, name=name, allow_blank=allow_blank,
                       reserved=[c for c in table.columns if c in _TEXT_COLUMNS])


def _sheets(sheets: Any) -> list[tuple[str, Any]]:
    if isinstance(sheets, Mapping):
        return [(str(k), v) for k, v in sheets.items()]
    if isinstance(sheets, (str, os.PathLike, pd.DataFrame)):
        raise TypeError("agreement() needs two or more sheets (a list, or a dict coder -> sheet)")
    items = list(sheets)
    names = [Path(s).stem if isinstance(s, (str, os.PathLike)) else f"coder {i + 1}" for i, s in enumerate(items)]
    if len(set(names)) < len(names):
        names = [f"coder {i + 1}" for i in range(len(items))]
    return list(zip(names, items))


def agreement(sheets: Any, frames: Sequence[str] | None = None, *, n_boot: int = 1000, seed: int = 0,
              level: float = 0.95) -> pd.DataFrame:
    """Agreement between two or more coders, per frame.

    ``sheets``: a list of coding sheets (paths or tables; coders named by
    file stem) or a dict ``coder → sheet``. Blank cells are allowed (a coder
    who skipped a document). ``frames=None``: the code columns of the first
    sheet, which every other sheet must have.

    Returns one row per frame: ``frame, n_units`` (documents coded by at
    least two coders), ``n_coders``, ``alpha`` (Krippendorff's alpha, nominal;
    NaN when every code is the same: alpha is undefined without variation),
    ``alpha_low, alpha_high`` (bootstrap over documents), ``percent_agreement``
    (per document, the share of coder pairs that agree, averaged),
    ``n_disagreements`` and ``disagreements`` (their doc_ids).
    """
    import krippendorff

    named = _sheets(sheets)
    if len(named) < 2:
        raise ValueError("agreement() needs the sheets of at least two coders")
    tables = []
    for i, (coder, sheet) in enumerate(named):
        table, name = read_sheet(sheet, i)
        reserved = [c for c in table.columns if c in _TEXT_COLUMNS]
        tables.append(parse_codes(table, frames, name=name, allow_blank=True, reserved=reserved))
        frames = list(tables[0].columns[1:])  # the first sheet's frames, required of the others
    doc_ids = list(dict.fromkeys(d for t in tables for d in t["doc_id"]))
    rng_seed = int(seed)
    rows = []
    for frame in frames:
        grid = np.full((len(tables), len(doc_ids)), np.nan)
        for r, t in enumerate(tables):
            values = t.set_index("doc_id")[frame].reindex(doc_ids)
            grid[r] = values.astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        coded = (~np.isnan(grid)).sum(axis=0) >= 2
        grid, units = grid[:, coded], [d for d, keep in zip(doc_ids, coded) if keep]
        alpha = _alpha(krippendorff, grid)
        low = high = np.nan
        if n_boot > 0 and len(units):
            rng = np.random.default_rng(rng_seed)
            boot = [_alpha(krippendorff, grid[:, rng.integers(0, len(units), len(units))]) for _ in range(n_boot)]
            boot = np.asarray([b for b in boot if not np.isnan(b)])
            if len(boot):
                tail = (1 - level) / 2 * 100
                low, high = (float(v) for v in np.percentile(boot, [tail, 100 - tail]))
        share, disagree = [], []
        for u, doc in enumerate(units):
            codes = grid[:, u][~np.isnan(grid[:, u])]
            pairs = len(codes) * (len(codes) - 1) / 2
            ones = codes.sum()
            same = ones * (ones - 1) / 2 + (len(codes) - ones) * (len(codes) - ones - 1) / 2
            share.append(same / pairs)
            if same < pairs:
                disagree.append(doc)
        rows.append({"frame": frame, "n_units": len(units), "n_coders": len(tables), "alpha": alpha,
                     "alpha_low": low, "alpha_high": high,
                     "percent_agreement": float(np.mean(share)) if share else np.nan,
                     "n_disagreements": len(disagree), "disagreements": ", ".join(disagree)})
    return pd.DataFrame(rows)


def _alpha(krippendorff, grid: np.ndarray) -> float:
    values = grid[~np.isnan(grid)]
    if grid.shape[1] == 0 or len(np.unique(values)) < 2:
        return float("nan")
    return float(krippendorff.alpha(reliability_data=grid, level_of_measurement="nominal"))


def _scores_wide(scores: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """(doc_id × frame table of scores, whether they are dictionary scores)."""
    if not isinstance(scores, pd.DataFrame) or not {"doc_id", "frame", "score"} <= set(scores.columns):
        raise ValueError("validate() needs a score table with doc_id, frame, score: toolkit.frames(..., "
                         "level='document') or FrameModel.score()")
    if scores.duplicated(["doc_id", "frame"]).any():
        raise ValueError("the score table has more than one row for a doc_id and frame")
    wide = scores.assign(doc_id=scores["doc_id"].astype(str), frame=scores["frame"].astype(str)).pivot(
        index="doc_id", columns="frame", values="score")
    return wide, "n_hits" in scores.columns


def validate(scores: pd.DataFrame, codes: Any, frames: Sequence[str] | None = None, *,
             threshold: float | None = None, n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """How well a frame score matches human codes, per frame.

    ``scores``: ``doc_id, frame, score`` — :func:`toolkit.frames` with
    ``level="document"`` or :meth:`FrameModel.score`. ``codes``: a table or
    coding sheet (``doc_id`` + a 1/0 column per frame). Only documents both
    scored and coded count; ``frames=None``: the frames both have.
    ``threshold``: a score above it counts as "has the frame" for F1,
    precision and recall; default 0.5 for probabilities, and 0 (at least one
    dictionary hit) for a dictionary table (one with ``n_hits``). ROC AUC does
    not depend on it.

    Returns ``frame, n, n_pos, auc, f1, precision, recall`` with ``_low`` and
    ``_high`` bounds, ``threshold``, and the evidence: ``missed`` (coded with
    the frame, not flagged) and ``false_alarms`` (flagged, coded without).
    """
    wide, is_dictionary = _scores_wide(scores)
    table, name = (codes, "codes") if isinstance(codes, pd.DataFrame) else read_sheet(codes)
    reserved = [c for c in table.columns if c in _TEXT_COLUMNS + ("frame", "score")]
    table = parse_codes(table, frames if frames is not None else None, name=name, reserved=reserved)
    if frames is None:
        frames = [f for f in table.columns[1:] if f in wide.columns]
    absent = [f for f in frames if f not in wide.columns]
    if absent or not frames:
        raise ValueError(f"no scores for frame(s) {absent or list(table.columns[1:])}; "
                         f"the score table has {list(wide.columns)}")
    both = [d for d in table["doc_id"] if d in wide.index]
    if not both:
        raise ValueError("no doc_id is both scored and coded")
    cut = (0.0 if is_dictionary else 0.5) if threshold is None else float(threshold)
    codes_by_doc = table.set_index("doc_id").loc[both]
    rows = []
    for frame in frames:
        s = wide.loc[both, frame].to_numpy(dtype=float)
        y = codes_by_doc[frame].to_numpy(dtype=bool)
        m = measures(s, y, threshold=cut, n_boot=n_boot, seed=seed, level=level)
        flagged = s > cut
        rows.append({"frame": frame, **{k: m[k] for k in ("n", "n_pos")},
                     **{f"{k}{part}": m[f"{k}{part}"] for k in MEASURES for part in ("", "_low", "_high")},
                     "threshold": cut,
                     "missed": ", ".join(d for d, f, c in zip(both, flagged, y) if c and not f),
                     "false_alarms": ", ".join(d for d, f, c in zip(both, flagged, y) if f and not c)})
    return pd.DataFrame(rows)
