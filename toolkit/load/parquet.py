"""Parquet: save a corpus, and read a Parquet file of articles in chunks.

:func:`write_parquet` saves a corpus (mixed-type metadata columns as text);
:func:`load_parquet_chunks` reads a saved corpus back, or any table with a text
column, one pyarrow batch at a time with the checks and the load report of
:func:`toolkit.load.load`; :func:`read_parquet` reads the whole file.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np
import pandas as pd

from .chunks import _check_stream_args, concat_chunks
from .corpus import CORE_COLUMNS, _frame, _row
from .formats import TEXT_FIELDS, _at, _Bad, _normalise, _Record, _skip, _text_of
from .load_report import _raise_if_bad, _report_entries, _with_report

__all__ = ["load_parquet_chunks", "read_parquet", "write_parquet", "PARQUET_SUFFIXES"]

PARQUET_SUFFIXES = {".parquet", ".pq"}


def _parquet_file(path: Path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        # pre_buffer=False: with it on, pyarrow keeps every row group's buffers it has read
        # until the file is closed, so memory grows with the length of the file
        return pq.ParquetFile(path, pre_buffer=False)
    except FileNotFoundError:
        raise _Bad("no such file") from None
    except IsADirectoryError:
        raise _Bad("is a folder, not a Parquet file") from None
    except OSError as exc:
        raise _Bad(f"cannot read: {exc.strerror or exc}") from None
    except (pa.ArrowInvalid, pa.ArrowException) as exc:
        raise _Bad(f"not a Parquet file ({str(exc).splitlines()[0]})") from None


def _list_cells(values: list[Any]) -> list[Any]:
    """List columns come back from Parquet as numpy arrays; give lists back (None → [])."""
    return [v.tolist() if hasattr(v, "tolist") else ([] if v is None else v) for v in values]


class _SeenIds:
    """The doc_ids met so far in a long stream, 16 bytes each, for the duplicate check.

    A Python set costs about 100 bytes per id and, its strings being scattered
    among each chunk's short-lived objects, keeps memory from being given back;
    here each id is kept as a 120-bit BLAKE2 digest in one sorted array (two
    different ids share a digest with probability 2**-120 per pair: never, in practice).
    """

    def __init__(self) -> None:
        self._known = np.empty(0, dtype="S16")

    @staticmethod
    def _digest(doc_id: str) -> bytes:
        # the final byte is never NUL, so numpy's fixed-width bytes keep all 16 bytes
        return hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=15).digest() + b"\x01"

    def add(self, ids: list[str]) -> np.ndarray:
        """Record ``ids``; True where an id was met before (earlier, or earlier in ``ids``)."""
        digests = np.array([self._digest(i) for i in ids], dtype="S16")
        dup = np.zeros(len(digests), dtype=bool)
        if not len(digests):
            return dup
        if len(self._known):
            pos = np.minimum(np.searchsorted(self._known, digests), len(self._known) - 1)
            dup |= self._known[pos] == digests
        _, first = np.unique(digests, return_index=True)
        again = np.ones(len(digests), dtype=bool)
        again[first] = False
        dup |= again
        new = np.unique(digests[~dup])
        self._known = np.insert(self._known, np.searchsorted(self._known, new), new)
        return dup


def _duplicate(where: str, doc_id: str) -> _Bad:
    return _Bad(_at(where, f"duplicate doc_id '{doc_id}' (already used by an earlier row)"))


def _corpus_batch(frame: pd.DataFrame, path: Path, first_row: int, seen: _SeenIds,
                  bad: list[dict]) -> pd.DataFrame:
    """Check a batch of a saved corpus: text must be non-empty text, doc_id present and new."""
    problems: list[tuple[int, str]] = []
    candidates: list[int] = []
    texts = frame["text"].tolist()
    ids = frame["doc_id"].tolist()
    for i, (doc_id, text) in enumerate(zip(ids, texts)):
        where = f"row {first_row + i}"
        try:
            if type(text) is not str or not text or text.isspace():
                if _missing(text):
                    raise _Bad(_at(where, "field 'text' is missing (null)"))
                _text_of({"text": text}, where)  # raises with the reason
            if _missing(doc_id):
                raise _Bad(_at(where, "doc_id is missing"))
            candidates.append(i)
        except _Bad as exc:
            problems.append((i, str(exc)))
    doc_ids = [str(ids[i]) for i in candidates]
    keep = []
    for i, doc_id, dup in zip(candidates, doc_ids, seen.add(doc_ids).tolist()):
        if dup:
            problems.append((i, str(_duplicate(f"row {first_row + i}", doc_id))))
        else:
            keep.append(i)
    bad.extend(_skip(path, reason) for _, reason in sorted(problems))
    if len(keep) < len(frame):
        frame = frame.iloc[keep]
    frame = frame.reset_index(drop=True)
    frame["doc_id"] = pd.Series([str(v) for v in frame["doc_id"].tolist()], dtype=object)
    for column in ("text", "language", "source_path"):
        if column in frame.columns:
            frame[column] = frame[column].astype(object)
    for column in ("captions", "boilerplate"):
        if column in frame.columns:
            frame[column] = pd.Series(_list_cells(frame[column].tolist()), dtype=object)
    return frame


def _record_batch(records: list[dict[str, Any]], path: Path, first_row: int, seen: _SeenIds,
                  bad: list[dict], clean: bool, default_language: str) -> pd.DataFrame:
    """Rows of any other table, each read like a CSV row (cleaning, dates, language)."""
    rows = []
    base = path.stem
    for i, item in enumerate(records):
        where = f"row {first_row + i}"
        try:
            field = next((f for f in TEXT_FIELDS if f in item), None)
            if field is not None and _missing(item[field]):
                raise _Bad(_at(where, f"field '{field}' is missing (null)"))
            text = _normalise(_text_of(item, where))
            meta = {k: v for k, v in item.items() if k not in TEXT_FIELDS}
            key = meta.get("doc_id", meta.get("id"))
            record = _Record(meta, text, where, None if key is None else str(key))
            doc_id = f"{base}#{record.key if record.key is not None else first_row + i}"
            row = _row(record, doc_id, "utf-8", str(path), clean, default_language)
            if seen.add([doc_id])[0]:
                raise _duplicate(where, doc_id)
            rows.append(row)
        except _Bad as exc:
            bad.append(_skip(path, str(exc)))
    return _frame(rows)


def load_parquet_chunks(path: str | os.PathLike, *, chunk_size: int = 10_000, columns: Iterable[str] | None = None,
                        errors: str = "skip", clean: bool = True,
                        default_language: str = "en") -> Iterator[pd.DataFrame]:
    """Read a Parquet file of articles in chunks of at most ``chunk_size`` rows (pyarrow batches).

    Two kinds of file:

    * **a saved corpus** — the file has every core column (``doc_id`` …
      ``language_source``), as written by :func:`write_parquet`: rows come back
      as they were saved (no second cleaning); each is only checked;
    * **any other table** with a text column (``text``, ``body`` or
      ``content``): each row is read like a CSV row by :func:`load` (cleaning,
      dates, language detection); doc_id is ``FILE#id`` (an ``id``/``doc_id``
      column) or ``FILE#row``.

    A row whose text is missing, empty or not a string, or whose doc_id was
    already used, is reported (``row N``, counting from 0) in the chunk's
    :func:`skipped_inputs`, as bad inputs are by :func:`load`. ``columns`` reads
    only some columns (``doc_id`` and the text column are always read), to save
    memory. Chunks are numbered on from the previous one, like
    :func:`load_chunks`; ``errors="raise"`` raises :class:`LoadError` at the
    first chunk with a bad row.

    Only one batch is in memory at a time, plus 16 bytes per doc_id seen (for
    the duplicate check): 16 MB for a million rows.
    """
    _check_stream_args(errors, chunk_size)
    path = Path(path)
    try:
        parquet = _parquet_file(path)
    except _Bad as exc:
        entries = [_skip(path, str(exc))]
        if errors == "raise":
            _raise_if_bad(entries, 1)
        yield _with_report(_frame([]), entries, 0)
        return
    names = parquet.schema_arrow.names
    as_corpus = set(CORE_COLUMNS) <= set(names)
    text_col = "text" if as_corpus else next((f for f in TEXT_FIELDS if f in names), None)
    read: list[str] | None = None
    if columns is not None:
        wanted = set(columns) if not isinstance(columns, str) else {columns}
        unknown = wanted - set(names)
        if unknown:
            raise KeyError(f"column(s) {sorted(unknown)} are not in {path.name}; it has {names}")
        wanted |= {"doc_id", "id", text_col} if text_col else {"doc_id", "id"}
        read = [c for c in names if c in wanted]
    seen = _SeenIds()
    offset, first_row, yielded = 0, 0, False
    for batch in parquet.iter_batches(batch_size=chunk_size, columns=read):
        bad: list[dict] = []
        if text_col is None:
            bad.append(_skip(path, f"no text column (looked for {', '.join(repr(f) for f in TEXT_FIELDS)}; "
                                   f"columns are {', '.join(map(repr, names))})"))
            frame = _frame([])
        elif as_corpus:
            frame = _corpus_batch(batch.to_pandas(), path, first_row, seen, bad)
        else:
            frame = _record_batch(batch.to_pylist(), path, first_row, seen, bad, clean, default_language)
        first_row += batch.num_rows
        entries = ([{"path": str(path), "status": "loaded", "n_docs": len(frame), "reason": ""}]
                   if len(frame) else []) + bad
        if errors == "raise":
            _raise_if_bad(entries, first_row)
        yield _with_report(frame, entries, offset)
        offset, yielded = offset + len(frame), True
        if text_col is None:
            return
    if not yielded:
        frame = parquet.schema_arrow.empty_table().to_pandas() if as_corpus else _frame([])
        yield _with_report(frame, [], 0)


def read_parquet(path: str | os.PathLike, *, columns: Iterable[str] | None = None, errors: str = "raise",
                 clean: bool = True, default_language: str = "en") -> pd.DataFrame:
    """The whole Parquet file as one corpus DataFrame (see :func:`load_parquet_chunks`).

    Like :func:`load`: ``errors="raise"`` (default) raises one :class:`LoadError`
    listing every bad row; ``errors="skip"`` keeps the good rows and lists the
    others in :func:`skipped_inputs`.

    >>> import tempfile, os
    >>> from toolkit import load, resources
    >>> corpus = load(resources.corpus_dir())
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     file = write_parquet(corpus, os.path.join(tmp, "corpus.parquet"))
    ...     back = read_parquet(file)
    >>> back.doc_id.equals(corpus.doc_id) and back.text.equals(corpus.text)
    True
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    corpus = concat_chunks(load_parquet_chunks(path, chunk_size=65_536, columns=columns, errors="skip",
                                               clean=clean, default_language=default_language))
    if errors == "raise":
        entries = _report_entries(corpus)
        _raise_if_bad(entries, len(corpus) + sum(e["status"] == "skipped" for e in entries))
    return corpus


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _parquet_safe(corpus: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Metadata columns that mix value types (``true`` and ``"false"``) → text, which Parquet can store."""
    fixed, mixed = corpus, []
    for column in corpus.columns:
        if corpus[column].dtype != object:
            continue
        kinds = {type(v) for v in corpus[column].tolist() if not _missing(v)}
        if len(kinds) < 2 or kinds <= {int, float} or any(issubclass(k, (list, tuple, dict)) for k in kinds):
            continue
        if fixed is corpus:
            fixed = corpus.copy()
        fixed[column] = pd.Series([None if _missing(v) else v if isinstance(v, str)
                                   else json.dumps(v) if isinstance(v, (bool, int, float)) else str(v)
                                   for v in corpus[column].tolist()], index=corpus.index, dtype=object)
        mixed.append(column)
    return fixed, mixed


def write_parquet(corpus: pd.DataFrame, path: str | os.PathLike, *, row_group_size: int = 10_000) -> Path:
    """Save a corpus as Parquet (pyarrow) for :func:`read_parquet` and :func:`load_parquet_chunks`.

    ``corpus.to_parquet`` fails when header values such as ``excerpt: true``
    in one file and ``excerpt: "false"`` in another make a column of mixed
    types; here such a column is written as text (``true``, ``false``, ``3``;
    a warning names the columns) and the load report is left out (the reader
    makes its own). Rows go in row groups of ``row_group_size``, the unit a
    chunked reader fetches.
    """
    import warnings

    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    frame, mixed = _parquet_safe(corpus)
    if mixed:
        warnings.warn(f"column(s) {mixed} mix value types (e.g. true and 'false'); written as text",
                      UserWarning, stacklevel=2)
    table = pa.Table.from_pandas(pd.DataFrame(frame, copy=False), preserve_index=False)  # without attrs
    pq.write_table(table, path, row_group_size=row_group_size)
    return path
