"""Reading one input file: bytes to text, headers, and one reader per format.

``toolkit.load`` walks the inputs and builds the corpus table; this module does
the part that is about a single file: decode its bytes (BOMs, UTF-8, charset
detection), split a front-matter header (YAML, or plain ``key: value`` lines),
read a sidecar ``NAME.meta.yaml``, and turn each text format (.txt/.md, .html,
.json, .jsonl, .csv/.tsv) into records of metadata plus text (Word, PDF, RTF and
the formats recognised by content are in :mod:`toolkit.load.documents`). Problems are
raised as ``_Bad`` with a reason a user can act on; ``load`` turns them into
the load report.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import pandas as pd
import yaml

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv", ".tsv"}
DOCUMENT_SUFFIXES = {".docx", ".pdf", ".rtf"}  # read in toolkit.load.documents
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | DOCUMENT_SUFFIXES
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")
TEXT_FIELDS = ("text", "body", "content")

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
    clean: bool = True  # False: the text is kept as read (a title standing in for a missing body)


def _skip(path: Path | str, reason: str) -> dict:
    return {"path": str(path), "status": "skipped", "n_docs": 0, "reason": reason}


# --------------------------------------------------------------------------- decoding
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_CONTROL = {c for c in range(32) if chr(c) not in "\t\n\r\f"} | {127}
_CONTROL_TABLE = dict.fromkeys(_CONTROL)
_CONTROL_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")  # finds them fast
# libyaml's parser when PyYAML was built with it (same safe constructor, several times faster)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _best_guess(data: bytes):
    """charset-normalizer's guess, with two rules for short or Western legacy text.

    Without NUL bytes a file is not UTF-16/32. Single-byte code pages often tie
    (é is the same byte in cp1250 and cp1252), and short texts give the detector
    no language evidence at all; in both cases Windows-1252, the web's default
    for legacy Western text, is preferred when it decodes the bytes.
    """
    from charset_normalizer import from_bytes

    results = [m for m in from_bytes(data) if b"\x00" in data or not m.encoding.startswith(("utf_16", "utf_32"))]
    if not results:
        return None
    best = results[0]
    tied = [m for m in results if m.chaos == best.chaos and m.coherence == best.coherence]
    cp1252 = next((m for m in tied if m.encoding == "cp1252"), None)
    if cp1252 is None and best.coherence < 0.1:
        try:
            data.decode("cp1252")
            cp1252 = next(iter(from_bytes(data, cp_isolation=["cp1252"])), None)
        except UnicodeDecodeError:
            pass
    return cp1252 or best


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
            best = _best_guess(data)
            if best is None:
                raise _Bad("binary file or unknown text encoding (not UTF-8, no encoding detected)")
            encoding = best.encoding
            text = str(best)
    else:
        text = data.decode(encoding)
    sample = text[:65536]
    if sample and len(_CONTROL_RE.findall(sample)) > 0.05 * len(sample):
        raise _Bad(f"binary file (mostly control characters when read as {encoding})")
    return text, encoding


def _normalise(text: str) -> str:
    """Unify line endings and drop control characters (offsets later index this text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return text.translate(_CONTROL_TABLE) if _CONTROL_RE.search(text) else text


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
        meta = yaml.load(header, Loader=_YAML_LOADER)
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


MIN_HTML_WORDS = 5  # fewer words than this is a menu or a link list, not an article
_WORD = re.compile(r"[^\W\d_]{2,}")


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
    if len(_WORD.findall(body)) < MIN_HTML_WORDS:
        raise _Bad(f"no article text found in the HTML (only {body[:40]!r} outside scripts and navigation)"
                   if body else "no article text found in the HTML")
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


def csv_frame(path: Path, text: str) -> pd.DataFrame:
    """The cells of a .csv (or tab-separated .tsv) file as text; a malformed file raises ``_Bad``."""
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=delimiter,
                           engine="python", quoting=csv.QUOTE_MINIMAL, on_bad_lines="error")
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise _Bad(f"malformed CSV: {str(exc).strip().splitlines()[0]}") from None


def _read_csv(path: Path, text: str, bad: list[dict]) -> list[_Record]:
    frame = csv_frame(path, text)
    if not any(f in frame.columns for f in TEXT_FIELDS):
        raise _Bad(f"CSV has no text column (looked for {', '.join(repr(f) for f in TEXT_FIELDS)}; "
                   f"columns are {', '.join(map(repr, frame.columns))})")
    # Row numbers as a spreadsheet shows them: the header is row 1.
    items = ((f"row {i + 2}", row) for i, row in enumerate(frame.to_dict("records")))
    return _records_from(items, path, bad)


def _read_decoded(path: Path, text: str, bad: list[dict]) -> list[_Record]:
    """The records of a text format, chosen by the file's extension."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _read_html(path, text)
    if suffix == ".json":
        return _read_json(path, text, bad)
    if suffix in (".jsonl", ".ndjson"):
        return _read_jsonl(path, text, bad)
    if suffix in (".csv", ".tsv"):
        return _read_csv(path, text, bad)
    return _read_text_file(path, text)
