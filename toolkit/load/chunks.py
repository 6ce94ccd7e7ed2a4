"""Streaming: :func:`load` one chunk of articles at a time, and joining the chunks again.

:func:`load_chunks` gives the rows of :func:`toolkit.load.load` in chunks, so a
collection larger than memory can be processed piece by piece, each chunk with
its own load report; :func:`concat_chunks` joins chunks (of this function or of
:func:`toolkit.load.load_parquet_chunks`) into one corpus with one report.
"""
from __future__ import annotations

import os
from typing import Any, Iterable, Iterator

import pandas as pd

from .corpus import CORE_COLUMNS, _frame, _load_files
from .load_report import _raise_if_bad, _report_entries, _with_report

__all__ = ["load_chunks", "concat_chunks"]


def _check_stream_args(errors: str, chunk_size: int) -> None:
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    if not isinstance(chunk_size, int) or isinstance(chunk_size, bool) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive whole number, not {chunk_size!r}")


def load_chunks(paths: str | os.PathLike | Iterable[str | os.PathLike], *, chunk_size: int = 1000,
                errors: str = "skip", clean: bool = True,
                default_language: str = "en") -> Iterator[pd.DataFrame]:
    """:func:`load`, one chunk of at most ``chunk_size`` articles at a time.

    The articles come in the same order as from :func:`load`, with the same
    columns and values; only one chunk of rows (and the file being read) is
    held at a time, so a collection larger than memory can be processed piece
    by piece. The list of files is made first (a folder walk), and a set of the
    doc_ids seen so far keeps the duplicate check working across chunks.

    Each chunk is a corpus DataFrame with its own :func:`load_report` and
    :func:`skipped_inputs` (the inputs met while filling it) and an index that
    continues from the previous chunk; :func:`concat_chunks` joins them into
    what ``load(paths, errors="skip")`` returns, report included (a chunk only
    has the metadata columns of its own articles, and a column's dtype can
    differ between chunks where one chunk has only missing values). A file
    whose records fill more than one chunk gets a ``loaded`` report entry in
    each. At least one chunk is yielded, possibly empty, so the report is
    never lost.

    ``errors="skip"`` (default here) reports bad inputs and goes on;
    ``errors="raise"`` raises :class:`LoadError` at the first bad input (the
    chunks before it have already been yielded).

    >>> from toolkit import resources
    >>> sizes = [len(chunk) for chunk in load_chunks(resources.corpus_dir(), chunk_size=20)]
    >>> sizes
    [20, 20, 5]
    """
    _check_stream_args(errors, chunk_size)
    report: list[dict] = []
    first_seen: dict[str, str] = {}
    rows: list[dict[str, Any]] = []
    entries: list[dict] = []
    offset, n_inputs, yielded = 0, 0, False
    for file_rows in _load_files(paths, report, first_seen, clean=clean, default_language=default_language):
        n_inputs += 1
        new = report[:]
        report.clear()
        if errors == "raise":
            _raise_if_bad(new, n_inputs)
        loaded = next((e for e in new if e["status"] == "loaded"), None)
        start, first = 0, True
        while True:
            take = file_rows[start:start + chunk_size - len(rows)]
            start += len(take)
            if first:
                entries.extend(e if e is not loaded else {**e, "n_docs": len(take)} for e in new)
                first = False
            else:  # the rest of a file that did not fit in the chunk before
                entries.append({**loaded, "n_docs": len(take)})
            rows.extend(take)
            if len(rows) >= chunk_size:
                yield _with_report(_frame(rows), entries, offset)
                offset, rows, entries, yielded = offset + len(rows), [], [], True
            if start >= len(file_rows):
                break
    entries.extend(report)  # paths that gave no file at all (missing, unreadable folder)
    if errors == "raise":
        _raise_if_bad(report, n_inputs + len(report))
    if rows or entries or not yielded:
        yield _with_report(_frame(rows), entries, offset)


def concat_chunks(chunks: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """One corpus from the chunks of :func:`load_chunks` or :func:`load_parquet_chunks`.

    Use this rather than ``pd.concat``, which keeps ``attrs`` only when every
    table has the same ones, so the load report would be lost. The rows are
    numbered from 0, the columns put in :func:`load`'s order (core columns,
    then the others alphabetically), dtypes inferred again over all rows, and
    the chunks' reports joined (a file split over chunks counted once); for
    :func:`load_chunks` the result equals ``load(paths, errors="skip")``.

    >>> from toolkit import load_report, resources
    >>> corpus = concat_chunks(load_chunks(resources.corpus_dir(), chunk_size=20))
    >>> len(corpus), int(load_report(corpus).n_docs.sum())
    (45, 45)
    """
    frames: list[pd.DataFrame] = []
    entries: list[dict] = []
    for chunk in chunks:
        new = _report_entries(chunk)
        last = next((e for e in reversed(entries) if e["status"] == "loaded"), None)
        if new and last is not None and new[0]["status"] == "loaded" and new[0]["path"] == last["path"]:
            last["n_docs"] += new[0]["n_docs"]  # the rest of a file begun in the chunk before
            new = new[1:]
        entries.extend(new)
        frames.append(chunk)
    if not frames:
        return _with_report(_frame([]), [], 0)
    kept = [f for f in frames if len(f)] or frames[:1]
    corpus = pd.concat(kept) if len(kept) > 1 else kept[0]
    columns = [c for c in CORE_COLUMNS if c in corpus.columns]
    corpus = corpus[columns + sorted(c for c in corpus.columns if c not in CORE_COLUMNS)]
    # a column can be all None in one chunk and text in another: infer the types again, as load() does
    corpus = corpus.infer_objects()
    for column in ("doc_id", "text", "language", "source_path"):
        if column in corpus.columns:
            corpus[column] = corpus[column].astype(object)
    return _with_report(corpus, entries, 0)
