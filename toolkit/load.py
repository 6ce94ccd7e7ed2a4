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

Columns of the result: ``doc_id`` (stable: the file name without extension, or
``file#id``/``file#n`` for records), ``outlet``, ``title``, ``date``
(datetime64, NaT when unknown), ``url``, ``language`` (from the header, else
detected), ``text`` (the cleaned body), ``standfirst``, ``byline``,
``captions`` and ``boilerplate`` (lists of the lines taken out of the body),
``source_path``, ``encoding``, ``language_source`` (``header``/``detected``),
then every other metadata key of the files, in alphabetical order.

Every input is accounted for: ``df.attrs["report"]`` lists each input with its
status, ``df.attrs["skipped"]`` the ones that could not be loaded and why.
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

import codecs
import csv
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

import pandas as pd
import yaml

from .clean import clean_text

__all__ = ["load", "LoadError", "SUPPORTED_SUFFIXES", "decode_bytes", "split_front_matter"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv", ".tsv"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")
TEXT_FIELDS = ("text", "body", "content")
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
            "(the skipped inputs are then listed in df.attrs['skipped'])."
        )


class _Bad(Exception):
    """One input (file, row or line) that cannot be loaded, with a reason a user can act on."""


def _at(where: str, message: str) -> str:
    return f"{where}: {message}" if where else message


@dataclass
class _Record:
    meta: dict[str, Any]
    text: str
    where: str  # place inside the file ("record 3", "line 5", "row 4"); "" for a one-article file
    key: str | None  # id within a multi-record file


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


def _skip(path: Path | str, reason: str) -> dict:
    return {"path": str(path), "status": "skipped", "n_docs": 0, "reason": reason}


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


# --------------------------------------------------------------------------- decoding
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_CONTROL = {c for c in range(32) if chr(c) not in "\t\n\r\f"} | {127}
_CONTROL_TABLE = dict.fromkeys(_CONTROL)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text; returns ``(text, encoding)`` or raises with a reason.

    BOMs first, then strict UTF-8, then charset detection (charset-normalizer).
    Files that are mostly control characters are refused as binary.

    >>> decode_bytes("café".encode("cp1252"))[0]
    'café'
    """
    if not data.strip():
        raise _Bad("empty file" if not data else "file contains only whitespace")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            results = from_bytes(data)
            best = results.best()
            if best is None:
                raise _Bad("binary file or unknown text encoding (not UTF-8, no encoding detected)")
            # Single-byte code pages often tie (é is the same byte in cp1250 and cp1252);
            # on a tie prefer Windows-1252, the web's default for legacy Western text.
            best = next((m for m in results if m.encoding == "cp1252" and m.chaos <= best.chaos
                         and m.coherence >= best.coherence), best)
            encoding = best.encoding
            text = str(best)
    else:
        text = data.decode(encoding)
    sample = text[:65536]
    if sample and sum(ord(ch) in _CONTROL for ch in sample) > 0.05 * len(sample):
        raise _Bad(f"binary file (mostly control characters when read as {encoding})")
    return text, encoding


def _normalise(text: str) -> str:
    """Unify line endings and drop control characters (offsets later index this text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return text.translate(_CONTROL_TABLE)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split a ``---`` YAML header from the body. Returns ``(metadata, body)``.

    >>> split_front_matter("---\\ntitle: A\\n---\\nBody")
    ({'title': 'A'}, 'Body')
    """
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 3)
    while end != -1 and text[end + 4: end + 5] not in ("\n", ""):
        end = text.find("\n---", end + 4)
    if end == -1:
        raise _Bad("front matter starts with '---' but has no closing '---' line")
    header = text[4:end]
    try:
        meta = yaml.safe_load(header)
    except yaml.YAMLError as exc:
        meta = _simple_header(header)
        if meta is None:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise _Bad(f"broken YAML front matter{where}: {problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise _Bad(f"front matter is a {type(meta).__name__}, not a mapping of keys to values")
    return meta, text[end + 5:]


_SIMPLE_LINE = re.compile(r"^([A-Za-z_][\w-]*):(?:\s+(.*))?$")


def _simple_header(header: str) -> dict[str, str] | None:
    """Read a header of plain ``key: value`` lines that is not valid YAML.

    Many hand-written headers put colons or quotes inside values
    (``title: "Middle East: Security" — statement``), which YAML rejects. When
    every line is ``key: value`` and no key repeats, the values are taken as
    text (surrounding quotes removed). Anything else stays an error.
    """
    meta: dict[str, str] = {}
    for line in header.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _SIMPLE_LINE.match(line)
        if match is None or match.group(1) in meta:
            return None
        value = (match.group(2) or "").strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        meta[match.group(1)] = value
    return meta


def _sidecar(path: Path) -> dict[str, Any]:
    for suffix in SIDECAR_SUFFIXES:
        side = path.with_name(path.stem + suffix)
        if side.is_file():
            try:
                meta = yaml.safe_load(side.read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError) as exc:
                raise _Bad(f"broken sidecar {side.name}: {str(exc).splitlines()[0]}") from None
            if not isinstance(meta, dict):
                raise _Bad(f"sidecar {side.name} is not a mapping of keys to values")
            return meta
    return {}


# --------------------------------------------------------------------------- readers
def _read_text_file(path: Path, text: str) -> list[_Record]:
    meta, body = split_front_matter(text)
    meta = {**_sidecar(path), **meta}
    return [_Record(meta, body, "", None)]


def _read_html(path: Path, text: str) -> list[_Record]:
    import trafilatura

    # No URL is passed and nothing is fetched: trafilatura only parses the string.
    extracted = trafilatura.extract(
        text, output_format="json", with_metadata=True, include_comments=False,
        include_tables=False, deduplicate=False,
    )
    if not extracted:
        raise _Bad("no article text found in the HTML (only scripts, styles or navigation?)")
    found = json.loads(extracted)
    body = (found.get("text") or "").strip()
    if not body:
        raise _Bad("no article text found in the HTML")
    meta = {"title": found.get("title"), "outlet": found.get("sitename") or found.get("hostname"),
            "date": found.get("date"), "url": found.get("url"), "author": found.get("author")}
    meta = {k: v for k, v in meta.items() if v}
    return [_Record({**_sidecar(path), **meta}, body, "", None)]


def _text_of(record: dict[str, Any], where: str) -> str:
    for name in TEXT_FIELDS:
        if name in record:
            value = record[name]
            if not isinstance(value, str):
                raise _Bad(_at(where, f"field '{name}' is {type(value).__name__}, not text"))
            if not value.strip():
                raise _Bad(_at(where, f"field '{name}' is empty"))
            return value
    raise _Bad(_at(where, f"no text field (looked for {', '.join(repr(f) for f in TEXT_FIELDS)})"))


def _records_from(items: Iterable[tuple[str, Any]], path: Path, bad: list[dict]) -> list[_Record]:
    records = []
    for where, item in items:
        try:
            if not isinstance(item, dict):
                raise _Bad(_at(where, f"expected an object with a text field, got {type(item).__name__}"))
            text = _text_of(item, where)
            meta = {k: v for k, v in item.items() if k not in TEXT_FIELDS}
            key = meta.get("doc_id", meta.get("id"))
            records.append(_Record(meta, text, where, None if key is None else str(key)))
        except _Bad as exc:
            bad.append(_skip(path, str(exc)))
    return records


def _read_json(path: Path, text: str, bad: list[dict]) -> list[_Record]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Bad(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    if isinstance(data, dict):
        lists = [k for k in ("articles", "documents", "docs", "data", "items") if isinstance(data.get(k), list)]
        data = data[lists[0]] if lists else [data]
    if not isinstance(data, list):
        raise _Bad(f"JSON of the wrong shape: expected a list of article objects, got {type(data).__name__}")
    if not data:
        raise _Bad("JSON holds no articles (empty list)")
    return _records_from(((f"record {i}", item) for i, item in enumerate(data)), path, bad)


def _read_jsonl(path: Path, text: str, bad: list[dict]) -> list[_Record]:
    items = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            items.append((f"line {number}", json.loads(line)))
        except json.JSONDecodeError as exc:
            bad.append(_skip(path, f"line {number}: malformed JSON ({exc.msg}, column {exc.colno})"))
    return _records_from(items, path, bad)


def _read_csv(path: Path, text: str, bad: list[dict]) -> list[_Record]:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=delimiter,
                            engine="python", quoting=csv.QUOTE_MINIMAL, on_bad_lines="error")
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise _Bad(f"malformed CSV: {str(exc).strip().splitlines()[0]}") from None
    if not any(f in frame.columns for f in TEXT_FIELDS):
        raise _Bad(f"CSV has no text column (looked for {', '.join(repr(f) for f in TEXT_FIELDS)}; "
                   f"columns are {', '.join(map(repr, frame.columns))})")
    # Row numbers as a spreadsheet shows them: the header is row 1.
    items = ((f"row {i + 2}", row) for i, row in enumerate(frame.to_dict("records")))
    return _records_from(items, path, bad)


def _read(path: Path, bad: list[dict]) -> tuple[list[_Record], str]:
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _Bad(f"cannot read: {exc.strerror or exc}") from None
    text, encoding = decode_bytes(data)
    text = _normalise(text)
    if suffix in TEXT_SUFFIXES:
        return _read_text_file(path, text), encoding
    if suffix in HTML_SUFFIXES:
        return _read_html(path, text), encoding
    if suffix == ".json":
        return _read_json(path, text, bad), encoding
    if suffix in (".jsonl", ".ndjson"):
        return _read_jsonl(path, text, bad), encoding
    return _read_csv(path, text, bad), encoding


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


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language (py3langid's bundled model, deterministic)."""
    import py3langid

    return py3langid.classify(text[:4000])[0]


def _row(record: _Record, doc_id: str, encoding: str, source: str, clean: bool) -> dict[str, Any]:
    meta = {_ALIASES.get(str(k).lower(), str(k).lower()): v for k, v in record.meta.items()}
    meta.pop("doc_id", None)
    title = meta.pop("title", None)
    parts = clean_text(record.text, title=None if title is None else str(title), find_title=clean)
    if not clean:
        parts.text, parts.captions, parts.boilerplate, parts.title = record.text.strip(), [], [], title
    if not parts.text.strip():
        raise _Bad(_at(record.where, "no article text left after removing captions and page furniture"))
    language = meta.pop("language", None)
    date, date_note = _parse_date(meta.pop("date", None), record.where)
    if date_note:
        meta["date_note"] = date_note
    row = {
        "doc_id": doc_id, "outlet": meta.pop("outlet", None), "title": parts.title,
        "date": date, "url": meta.pop("url", None),
        "language": str(language) if language else detect_language(parts.text), "text": parts.text,
        "standfirst": meta.pop("standfirst", None) or parts.standfirst, "byline": parts.byline,
        "captions": parts.captions, "boilerplate": parts.boilerplate, "source_path": source,
        "encoding": encoding, "language_source": "header" if language else "detected",
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
         clean: bool = True) -> pd.DataFrame:
    """Load articles from a file, a folder (recursively) or a list of paths.

    ``errors="raise"`` (default) raises one :class:`LoadError` listing every input
    that could not be loaded and why; ``errors="skip"`` returns the good articles
    and lists the rest in ``df.attrs["skipped"]`` (columns ``path``, ``reason``).
    ``clean=False`` keeps the text as read (no caption or furniture removal).

    >>> from toolkit import load, resources
    >>> corpus = load(resources.corpus_dir())
    >>> corpus.set_index("doc_id").loc["000_22b6830e9619a82a", "text"][:40]
    'Qassem Soleimani, the powerful head of Ir'
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    report: list[dict] = []
    roots = [Path(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    rows: list[dict[str, Any]] = []
    first_seen: dict[str, str] = {}
    n_inputs = 0
    for root in roots:
        for path in _expand([root], report):
            if path.name.endswith(SIDECAR_SUFFIXES):
                continue  # read together with the article it describes
            n_inputs += 1
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                report.append(_skip(path, f"unsupported file type '{path.suffix or '(none)'}' "
                                          f"(supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})"))
                continue
            rows_before, bad = len(rows), []
            try:
                records, encoding = _read(path, bad)
                for index, record in enumerate(records):
                    try:
                        doc_id = _doc_id(path, root if root.is_dir() else None, record, index, len(records))
                        if doc_id in first_seen:
                            raise _Bad(_at(record.where, f"duplicate doc_id '{doc_id}' "
                                                         f"(first used by {first_seen[doc_id]})"))
                        rows.append(_row(record, doc_id, encoding, str(path), clean))
                        first_seen[doc_id] = _at(str(path), record.where)
                    except _Bad as exc:
                        bad.append(_skip(path, str(exc)))
            except _Bad as exc:
                bad.append(_skip(path, str(exc)))
            n_loaded = len(rows) - rows_before
            if n_loaded:
                report.append({"path": str(path), "status": "loaded", "n_docs": n_loaded, "reason": ""})
            report.extend(bad)
    report_df = pd.DataFrame(report, columns=["path", "status", "n_docs", "reason"])
    skipped = report_df.loc[report_df.status == "skipped", ["path", "reason"]].reset_index(drop=True)
    if len(skipped) and errors == "raise":
        raise LoadError(skipped, max(n_inputs, len(skipped)))
    corpus = _frame(rows)
    corpus.attrs["report"] = report_df
    corpus.attrs["skipped"] = skipped
    return corpus


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    extra = sorted({k for row in rows for k in row} - set(CORE_COLUMNS))
    frame = pd.DataFrame(rows, columns=CORE_COLUMNS + extra)
    frame["date"] = pd.to_datetime(frame["date"])
    for column in ("doc_id", "text", "language", "source_path"):
        frame[column] = frame[column].astype(object)
    return frame
