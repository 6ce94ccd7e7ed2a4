"""Coding sheets on disk and the codes in them (helper of :mod:`toolkit.framing`).

A coding sheet is a table with a ``doc_id`` column and one column per frame,
written as CSV (``.csv``, ``.tsv``) or Excel (``.xlsx``). Text cells that a
spreadsheet would run as a formula (starting with ``= + - @``, a tab or a
carriage return) are written with a leading apostrophe, which is removed again
when the sheet is read.

A code is ``1``/``0``, ``yes``/``no``, ``y``/``n`` or ``true``/``false`` (any
case; Excel's ``1.0`` too). Anything else raises :class:`CodingSheetError`
naming the sheet, the spreadsheet row (the header is row 1) and the column.

>>> import pandas as pd
>>> sheet = pd.DataFrame({"doc_id": ["a", "b"], "text": ["...", "..."], "conflict": ["yes", "0"]})
>>> parse_codes(sheet, ["conflict"]).to_dict("list")
{'doc_id': ['a', 'b'], 'conflict': [True, False]}
>>> bad = sheet.assign(conflict=["yes", "maybe"])
>>> parse_codes(bad, ["conflict"], name="coder_a.csv")
Traceback (most recent call last):
...
toolkit.framing.sheets.CodingSheetError: coder_a.csv, row 3 (doc_id 'b'): conflict is 'maybe'; write 1 or 0 (yes/no, true/false)
"""
from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["CodingSheetError", "write_sheet", "read_sheet", "parse_codes", "sheet_name"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TRUE = {"1", "yes", "y", "true", "1.0"}
_FALSE = {"0", "no", "n", "false", "0.0"}
#: Excel holds at most 32,767 characters in a cell.
XLSX_CELL_LIMIT = 32_767
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class CodingSheetError(ValueError):
    """A coding sheet is malformed; the message names the sheet, the row and the column."""


def _neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _restore(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def sheet_name(source: Any, position: int) -> str:
    """A readable name for a sheet: its file name, or ``sheet N`` for a table."""
    if isinstance(source, (str, os.PathLike)):
        return Path(source).name
    return f"sheet {position + 1}"


def write_sheet(table: pd.DataFrame, path: str | os.PathLike, *, instructions: Sequence[str] = ()) -> Path:
    """Write ``table`` as CSV/TSV or XLSX (by extension), formula-safe; XLSX gets an ``instructions`` sheet."""
    path = Path(path)
    safe = table.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(_neutralise)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        safe.to_csv(path, index=False, sep="," if suffix == ".csv" else "\t", lineterminator="\n")
    elif suffix == ".xlsx":
        for column in safe.columns:
            if not pd.api.types.is_numeric_dtype(safe[column]):
                safe[column] = safe[column].map(_xlsx_cell)
        notes = pd.DataFrame({"instructions": [_xlsx_cell(_neutralise(line)) for line in instructions]})
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            safe.to_excel(writer, sheet_name="codes", index=False)
            notes.to_excel(writer, sheet_name="instructions", index=False)
    else:
        raise ValueError(f"a coding sheet is written as .csv, .tsv or .xlsx, not {path.name!r}")
    return path


def _xlsx_cell(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = _ILLEGAL_XLSX.sub(" ", value)
    if len(value) > XLSX_CELL_LIMIT:
        value = value[:XLSX_CELL_LIMIT - 20] + " [… text cut here]"
    return value


def read_sheet(source: Any, position: int = 0) -> tuple[pd.DataFrame, str]:
    """(table of the sheet as text, its name) from a path (.csv, .tsv, .xlsx) or a DataFrame."""
    name = sheet_name(source, position)
    if isinstance(source, pd.DataFrame):
        return source.copy(), name
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"a coding sheet is a path or a DataFrame, not {type(source).__name__}")
    path = Path(source)
    if not path.is_file():
        raise CodingSheetError(f"{name}: no such file ({path})")
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".tsv"):
            table = pd.read_csv(path, sep="," if suffix == ".csv" else "\t", dtype=str, keep_default_na=False)
        elif suffix == ".xlsx":
            table = pd.read_excel(path, sheet_name=0, dtype=str, keep_default_na=False)
        else:
            raise CodingSheetError(f"{name}: a coding sheet is .csv, .tsv or .xlsx")
    except (pd.errors.ParserError, ValueError, OSError) as exc:
        if isinstance(exc, CodingSheetError):
            raise
        raise CodingSheetError(f"{name}: cannot be read as a table ({exc})") from None
    return table.map(_restore), name


def _code(value: Any) -> bool | None:
    """True/False for a valid code, None for a blank cell; raises KeyError for anything else."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text == "" or text == "nan":
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise KeyError(value)


def parse_codes(table: pd.DataFrame, frames: Sequence[str] | None = None, *, name: str = "coding sheet",
                allow_blank: bool = False, reserved: Sequence[str] = ()) -> pd.DataFrame:
    """``doc_id`` + one boolean column per frame from a coding sheet (or any table of codes).

    ``frames=None`` takes every column other than ``doc_id`` and ``reserved``
    (the sheet's text columns) in which most filled cells are codes. Blank cells
    raise unless ``allow_blank`` (then they are ``<NA>`` in a nullable boolean
    column). Row numbers in errors are spreadsheet rows: the header is row 1.
    """
    if "doc_id" not in table.columns:
        raise CodingSheetError(f"{name}: no doc_id column; columns are {list(table.columns)}")
    doc_ids = ["" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v).strip()
               for v in table["doc_id"]]
    seen: dict[str, int] = {}
    for i, doc in enumerate(doc_ids):
        if doc == "":
            raise CodingSheetError(f"{name}, row {i + 2}: doc_id is empty")
        if doc in seen:
            raise CodingSheetError(f"{name}, row {i + 2}: doc_id {doc!r} is already on row {seen[doc] + 2}")
        seen[doc] = i
    if frames is None:
        frames = [c for c in table.columns if c != "doc_id" and c not in reserved and _all_codes(table[c])]
        if not frames:
            raise CodingSheetError(f"{name}: no column of codes (1/0, yes/no) besides doc_id")
    missing = [f for f in frames if f not in table.columns]
    if missing:
        raise CodingSheetError(f"{name}: no column for frame(s) {missing}; columns are {list(table.columns)}")
    out = pd.DataFrame({"doc_id": pd.Series(doc_ids, dtype=object)})
    for frame in frames:
        values = []
        for i, (doc, cell) in enumerate(zip(doc_ids, table[frame])):
            try:
                code = _code(cell)
            except KeyError:
                raise CodingSheetError(f"{name}, row {i + 2} (doc_id {doc!r}): {frame} is {str(cell)!r}; "
                                       f"write 1 or 0 (yes/no, true/false)") from None
            if code is None and not allow_blank:
                raise CodingSheetError(f"{name}, row {i + 2} (doc_id {doc!r}): {frame} is blank; "
                                       f"write 1 or 0 (yes/no, true/false)")
            values.append(pd.NA if code is None else code)
        out[frame] = pd.array(values, dtype="boolean") if allow_blank else [bool(v) for v in values]
    return out


def _all_codes(column: pd.Series) -> bool:
    """Whether a column holds codes: most of its filled cells are codes (the others then raise, by row)."""
    good = bad = 0
    for value in column:
        try:
            good += _code(value) is not None
        except KeyError:
            bad += 1
    return good > 0 and good >= bad
