"""The load report: every input a loader was given, and why any was skipped.

Each loader (:func:`toolkit.load.load`, :func:`~toolkit.load.load_chunks`,
:func:`~toolkit.load.load_parquet_chunks`) lists its inputs as entries
``path, status, n_docs, reason`` and stores them in the table's
``df.attrs["load_report"]`` as JSON text, so pandas can copy, merge and save
the table as usual. :func:`load_report` and :func:`skipped_inputs` read them
back; :class:`LoadError` is raised when ``errors="raise"`` meets a bad input.
"""
from __future__ import annotations

import json

import pandas as pd

__all__ = ["LoadError", "load_report", "skipped_inputs", "REPORT_COLUMNS", "REPORT_KEY"]


class LoadError(ValueError):
    """Raised when inputs cannot be loaded; ``.skipped`` is a DataFrame (path, reason)."""

    def __init__(self, skipped: pd.DataFrame, n_inputs: int):
        self.skipped = skipped
        lines = [f"  {row.path}: {row.reason}" for row in skipped.itertuples()]
        super().__init__(
            f"{len(skipped)} of {n_inputs} input(s) could not be loaded:\n" + "\n".join(lines)
            + "\nFix them, or pass errors='skip' to load the rest "
            "(toolkit.skipped_inputs(df) then lists the skipped inputs)."
        )


#: columns of :func:`load_report`, and the key of ``df.attrs`` that holds the entries
REPORT_COLUMNS = ["path", "status", "n_docs", "reason"]
REPORT_KEY = "load_report"


def _with_report(frame: pd.DataFrame, entries: list[dict], offset: int) -> pd.DataFrame:
    """Number the rows from ``offset`` and put the report in ``attrs[REPORT_KEY]``.

    The report is stored as JSON text rather than a table: pandas compares and
    deep-copies ``attrs`` in ``concat``, ``merge`` and ``to_parquet``, which
    fails on a DataFrame ("truth value … is ambiguous") and is cheap on a string.
    """
    frame.index = pd.RangeIndex(offset, offset + len(frame))
    rows = [[e["path"], e["status"], int(e["n_docs"]), e["reason"]] for e in entries]
    frame.attrs[REPORT_KEY] = json.dumps(rows, ensure_ascii=False)
    return frame


def _report_entries(corpus: pd.DataFrame) -> list[dict]:
    text = corpus.attrs.get(REPORT_KEY)
    if not isinstance(text, str):
        raise ValueError(
            "this table carries no load report: it was not made by toolkit.load (or a "
            "streaming loader), or pandas dropped the report (pd.concat and merge keep "
            "df.attrs only when every table joined has the same). Load all the paths in "
            "one call, or join chunks with toolkit.concat_chunks, to keep the report."
        )
    return [dict(zip(REPORT_COLUMNS, row)) for row in json.loads(text)]


def load_report(corpus: pd.DataFrame) -> pd.DataFrame:
    """Every input :func:`load` was given, one row per input (or per bad record).

    Columns: ``path``, ``status`` (``loaded``/``skipped``), ``n_docs`` (articles
    loaded from it) and ``reason`` (why it was skipped, naming the row, line or
    article; for a loaded input, a note when there is something to know, such as
    PDF pages without text or a Media Cloud export whose titles stand in for the text).

    >>> from toolkit import load, resources
    >>> report = load_report(load(resources.corpus_dir()))
    >>> report.status.unique().tolist(), int(report.n_docs.sum())
    (['loaded'], 45)
    """
    table = pd.DataFrame(_report_entries(corpus), columns=REPORT_COLUMNS)
    return table.astype({"path": object, "status": object, "n_docs": "int64", "reason": object})


def skipped_inputs(corpus: pd.DataFrame) -> pd.DataFrame:
    """The inputs (files, rows, lines) that were not loaded: ``path``, ``reason``.

    >>> import tempfile, pathlib
    >>> from toolkit import load
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (pathlib.Path(tmp) / "empty.txt").write_text("")
    ...     skipped_inputs(load(tmp, errors="skip")).reason.tolist()
    ['empty file']
    """
    report = load_report(corpus)
    return report.loc[report.status == "skipped", ["path", "reason"]].reset_index(drop=True)


def _raise_if_bad(entries: list[dict], n_inputs: int) -> None:
    bad = [e for e in entries if e["status"] == "skipped"]
    if bad:
        raise LoadError(pd.DataFrame(bad, columns=REPORT_COLUMNS)[["path", "reason"]],
                        max(n_inputs, len(bad)))
