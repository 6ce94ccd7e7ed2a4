"""Load articles from files into a corpus table (one row per article).

Formats, chosen by file extension:

* ``.txt``, ``.md`` — text with an optional YAML front-matter header between
  ``---`` lines (keys such as title, outlet, country, side, date, url, license,
  language). A sidecar ``NAME.meta.yaml`` next to ``NAME.txt`` adds metadata to a
  file that has no header (the header wins where both give a key).
* ``.html``, ``.htm`` — the article is extracted with trafilatura (no network).
* ``.json`` (a list of records, one record, or ``{"articles": [...]}``),
  ``.jsonl``/``.ndjson`` (one record per line), ``.csv``/``.tsv`` (one row per
  article). A record needs a text field: ``text``, ``body`` or ``content``.

A folder is read recursively in sorted order; a list of paths in the order given.
Reading a single file (decoding, headers, one reader per format) lives in
``toolkit/_formats.py``; this module walks the inputs, builds the table and the
load report, and streams big collections (``load_chunks``, Parquet).

Columns of the result: ``doc_id`` (stable: the file name without extension, or
``file#id``/``file#n`` for records), ``outlet``, ``title``, ``date``
(datetime64, NaT when unknown), ``url``, ``language`` (from the header, else
detected), ``text`` (the cleaned body), ``standfirst``, ``byline``,
``captions`` and ``boilerplate`` (lists of the lines taken out of the body),
``source_path``, ``encoding``, ``language_source`` (``header``/``detected``/``default``),
then every other metadata key of the files, in alphabetical order.

Every input is accounted for: :func:`load_report` lists each input with its
status, :func:`skipped_inputs` the ones that could not be loaded and why (the
report travels with the table in ``df.attrs``, as plain JSON text, so pandas can
copy, merge and save the table as usual).
By default a bad input raises one :class:`LoadError` listing them all;
``errors="skip"`` loads the rest.

Example
-------
>>> from toolkit import load, resources
>>> corpus = load(resources.corpus_dir())
>>> corpus.loc[corpus.doc_id == "000_22b6830e9619a82a", "outlet"].item()
'The Times of Israel'
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np
import pandas as pd

from ._formats import (
    RECORD_SUFFIXES, SIDECAR_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_FIELDS, _at, _Bad, _normalise, _read, _Record,
    _skip, _text_of, decode_bytes, split_front_matter,
)
from .clean import clean_text

__all__ = ["load", "load_chunks", "load_parquet_chunks", "read_parquet", "write_parquet", "concat_chunks",
           "LoadError", "SUPPORTED_SUFFIXES", "decode_bytes", "split_front_matter"]

CORE_COLUMNS = [
    "doc_id", "outlet", "title", "date", "url", "language", "text", "standfirst", "byline",
    "captions", "boilerplate", "source_path", "encoding", "language_source",
]
_ALIASES = {"lang": "language", "id": "doc_id", "headline": "title", "source": "outlet",
            "publisher": "outlet", "link": "url"}


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


# --------------------------------------------------------------------------- files
def _walk(root: Path, report: list[dict]) -> Iterator[Path]:
    """Files under ``root`` in sorted order; symlink loops and unreadable folders are reported."""
    seen: set[str] = set()

    def visit(folder: Path) -> Iterator[Path]:
        real = os.path.realpath(folder)
        if real in seen:
            report.append(_skip(folder, "symlink loop: this folder was already visited"))
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            report.append(_skip(folder, f"cannot list folder: {exc.strerror or exc}"))
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue  # hidden files (.DS_Store, .ipynb_checkpoints) are not articles
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError as exc:
                report.append(_skip(path, f"cannot read: {exc.strerror or exc}"))
                continue
            if entry.is_symlink() and not path.exists():
                report.append(_skip(path, "broken symlink or symlink loop"))
            elif is_dir:
                yield from visit(path)
            else:
                yield path

    yield from visit(root)


def _expand(paths: str | os.PathLike | Iterable[str | os.PathLike], report: list[dict]) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files.extend(_walk(path, report))
        elif path.is_file():
            files.append(path)
        elif path.is_symlink():
            report.append(_skip(path, "broken symlink or symlink loop"))
        else:
            report.append(_skip(path, "no such file or folder"))
    return files


# --------------------------------------------------------------------------- rows
_DATE_WITH_NOTE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*\((.*)\)\s*$", re.DOTALL)


def _parse_date(value: Any, where: str) -> tuple[pd.Timestamp, str | None]:
    """A date and an optional note: ``2020-01-05 (approximate)`` keeps the note."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return pd.NaT, None
    note = None
    if isinstance(value, str) and (match := _DATE_WITH_NOTE.match(value)):
        value, note = match.group(1), match.group(2).strip()
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        raise _Bad(_at(where, f"date {value!r} is not a date (use YYYY-MM-DD)")) from None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp, note


MIN_LANGUAGE_CONFIDENCE = 0.3


@functools.lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """``(ISO 639-1 code, confidence)`` of ``text``'s language, from py3langid's bundled model.

    The code is None when the confidence is below ``MIN_LANGUAGE_CONFIDENCE``
    (one word, a list of names, a repeated token): such texts are too short to tell.

    >>> detect_language("The talks resumed in Geneva on Saturday.")[0]
    'en'
    """
    code, confidence = _language_identifier().classify(text[:4000])
    return (code if confidence >= MIN_LANGUAGE_CONFIDENCE else None), confidence


def _row(record: _Record, doc_id: str, encoding: str, source: str, clean: bool,
         default_language: str) -> dict[str, Any]:
    meta = {_ALIASES.get(str(k).lower(), str(k).lower()): v for k, v in record.meta.items()}
    meta.pop("doc_id", None)
    title = meta.pop("title", None)
    parts = clean_text(record.text, title=None if title is None else str(title), find_title=clean)
    if not clean:
        parts.text, parts.captions, parts.boilerplate, parts.title = record.text.strip(), [], [], title
    if not parts.text.strip():
        raise _Bad(_at(record.where, "no article text left after removing captions and page furniture"))
    language, language_source = meta.pop("language", None), "header"
    if not language:
        language, language_source = detect_language(parts.text)[0], "detected"
        if language is None:
            language, language_source = default_language, "default"
    date, date_note = _parse_date(meta.pop("date", None), record.where)
    if date_note:
        meta["date_note"] = date_note
    row = {
        "doc_id": doc_id, "outlet": meta.pop("outlet", None), "title": parts.title,
        "date": date, "url": meta.pop("url", None),
        "language": str(language), "text": parts.text,
        "standfirst": meta.pop("standfirst", None) or parts.standfirst, "byline": parts.byline,
        "captions": parts.captions, "boilerplate": parts.boilerplate, "source_path": source,
        "encoding": encoding, "language_source": language_source,
    }
    for key, value in meta.items():
        row[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return row


def _doc_id(path: Path, root: Path | None, record: _Record, index: int, n_records: int) -> str:
    base = path.relative_to(root).with_suffix("").as_posix() if root else path.stem
    if n_records == 1 and record.key is None and path.suffix.lower() not in RECORD_SUFFIXES:
        return base
    return f"{base}#{record.key if record.key is not None else index}"


def load(paths: str | os.PathLike | Iterable[str | os.PathLike], *, errors: str = "raise",
         clean: bool = True, default_language: str = "en") -> pd.DataFrame:
    """Load articles from a file, a folder (recursively) or a list of paths.

    ``errors="raise"`` (default) raises one :class:`LoadError` listing every input
    that could not be loaded and why; ``errors="skip"`` returns the good articles
    and lists the rest in :func:`skipped_inputs` (columns ``path``, ``reason``).
    ``clean=False`` keeps the text as read (no caption or furniture removal).
    ``language`` comes from the header, else from detection; a text too short
    to tell (one word, a list of names) gets ``default_language`` and
    ``language_source == "default"``.

    >>> from toolkit import load, resources
    >>> corpus = load(resources.corpus_dir())
    >>> corpus.set_index("doc_id").loc["000_22b6830e9619a82a", "text"][:40]
    'Qassem Soleimani, the powerful head of I'
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    report: list[dict] = []
    rows: list[dict[str, Any]] = []
    n_inputs = 0
    for file_rows in _load_files(paths, report, {}, clean=clean, default_language=default_language):
        n_inputs += 1
        rows.extend(file_rows)
    if errors == "raise":
        _raise_if_bad(report, n_inputs)
    return _with_report(_frame(rows), report, 0)


def _load_files(paths: str | os.PathLike | Iterable[str | os.PathLike], report: list[dict],
                first_seen: dict[str, str], *, clean: bool, default_language: str) -> Iterator[list[dict]]:
    """The rows of each input file in turn (an empty list for a file that gave none).

    Before a file's rows are yielded, its entries (and those of the folder walk
    that found it) are appended to ``report``. ``first_seen`` maps each doc_id
    loaded so far to where it came from, for the duplicate check across files.
    Shared by :func:`load` and :func:`load_chunks`.
    """
    roots = [Path(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    for root in roots:
        for path in _expand([root], report):
            if path.name.endswith(SIDECAR_SUFFIXES):
                continue  # read together with the article it describes
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                report.append(_skip(path, f"unsupported file type '{path.suffix or '(none)'}' "
                                          f"(supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})"))
                yield []
                continue
            rows: list[dict[str, Any]] = []
            bad: list[dict] = []
            try:
                records, encoding = _read(path, bad)
                for index, record in enumerate(records):
                    try:
                        doc_id = _doc_id(path, root if root.is_dir() else None, record, index, len(records))
                        if doc_id in first_seen:
                            raise _Bad(_at(record.where, f"duplicate doc_id '{doc_id}' "
                                                         f"(first used by {first_seen[doc_id]})"))
                        rows.append(_row(record, doc_id, encoding, str(path), clean, default_language))
                        first_seen[doc_id] = _at(str(path), record.where)
                    except _Bad as exc:
                        bad.append(_skip(path, str(exc)))
            except _Bad as exc:
                bad.append(_skip(path, str(exc)))
            if rows:
                report.append({"path": str(path), "status": "loaded", "n_docs": len(rows), "reason": ""})
            report.extend(bad)
            yield rows


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    extra = sorted({k for row in rows for k in row} - set(CORE_COLUMNS))
    frame = pd.DataFrame(rows, columns=CORE_COLUMNS + extra)
    frame["date"] = pd.to_datetime(frame["date"])
    for column in ("doc_id", "text", "language", "source_path"):
        frame[column] = frame[column].astype(object)
    return frame


# --------------------------------------------------------------------------- streaming
REPORT_COLUMNS = ["path", "status", "n_docs", "reason"]
PARQUET_SUFFIXES = {".parquet", ".pq"}


def _check_stream_args(errors: str, chunk_size: int) -> None:
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    if not isinstance(chunk_size, int) or isinstance(chunk_size, bool) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive whole number, not {chunk_size!r}")


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
    loaded from it) and ``reason`` (why it was skipped, naming the row or line).

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


def concat_chunks(chunks: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """One corpus from the chunks of :func:`load_chunks` or :func:`load_parquet_chunks`.

    Use this rather than ``pd.concat``, which keeps ``attrs`` only when every
    table has the same ones, so the load report would be lost. The rows are
    numbered from 0, the columns put in :func:`load`'s order (core columns,
    then the others alphabetically), dtypes inferred again over all rows, and
    the chunks' reports joined (a file split over chunks counted once); for
    :func:`load_chunks` the result equals ``load(paths, errors="skip")``.

    >>> from toolkit import resources
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
