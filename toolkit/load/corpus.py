"""Load articles from files into a corpus table (one row per article).

Formats, chosen by file extension and content (:mod:`toolkit.load.documents`):

* ``.txt``, ``.md`` — text with an optional YAML front-matter header between
  ``---`` lines (keys such as title, outlet, country, side, date, url, license,
  language). A sidecar ``NAME.meta.yaml`` next to ``NAME.txt`` adds metadata to a
  file that has no header (the header wins where both give a key).
* ``.html``, ``.htm`` — the article is extracted with trafilatura (no network).
* ``.json`` (a list of records, one record, or ``{"articles": [...]}``),
  ``.jsonl``/``.ndjson`` (one record per line), ``.csv``/``.tsv`` (one row per
  article). A record needs a text field: ``text``, ``body`` or ``content``;
  a Media Cloud story export (no text) gives its titles, marked ``text_source``.
* ``.docx`` (python-docx), ``.pdf`` (pypdf, the text layer only) and ``.rtf``
  (striprtf) — one article, read like a ``.txt``; recognised by content too.
* Nexis exports, recognised by content (``N of M DOCUMENTS`` in a classic text
  export; ``End of Document`` in a Nexis Uni .docx/.rtf/.pdf): one article per
  document, with ``article_number``, ``section``, ``length``, ``copyright`` …
  (:mod:`toolkit.load.nexis`).

A folder is read recursively in sorted order; a list of paths in the order given.
This module walks the inputs and builds the table; reading a single file
(decoding, headers, one reader per format) is in :mod:`toolkit.load.formats`,
cleaning the text in :mod:`toolkit.load.clean`, the load report in
:mod:`toolkit.load.load_report`, streaming big collections in
:mod:`toolkit.load.chunks` and :mod:`toolkit.load.parquet`.

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
import os
import re
from pathlib import Path
from typing import Any, Iterable, Iterator

import pandas as pd

from .clean import clean_text
from .documents import read_file
from .formats import RECORD_SUFFIXES, SIDECAR_SUFFIXES, _at, _Bad, _Record, _skip
from .load_report import _raise_if_bad, _with_report

__all__ = ["load", "detect_language", "CORE_COLUMNS", "MIN_LANGUAGE_CONFIDENCE"]


CORE_COLUMNS = [
    "doc_id", "outlet", "title", "date", "url", "language", "text", "standfirst", "byline",
    "captions", "boilerplate", "source_path", "encoding", "language_source",
]
_ALIASES = {"lang": "language", "id": "doc_id", "headline": "title", "source": "outlet",
            "publisher": "outlet", "link": "url"}


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
    if not clean or not record.clean:
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
        "standfirst": meta.pop("standfirst", None) or parts.standfirst,
        "byline": meta.pop("byline", None) or parts.byline,
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
            rows: list[dict[str, Any]] = []
            bad: list[dict] = []
            notes: list[str] = []
            try:
                records, encoding, notes = read_file(path, bad)
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
                report.append({"path": str(path), "status": "loaded", "n_docs": len(rows), "reason": "; ".join(notes)})
            report.extend(bad)
            yield rows


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    extra = sorted({k for row in rows for k in row} - set(CORE_COLUMNS))
    frame = pd.DataFrame(rows, columns=CORE_COLUMNS + extra)
    frame["date"] = pd.to_datetime(frame["date"])
    for column in ("doc_id", "text", "language", "source_path"):
        frame[column] = frame[column].astype(object)
    for column in ("article_number", "length"):  # Nexis exports: whole numbers, missing for other inputs
        values = frame[column] if column in frame else None
        if values is not None and pd.api.types.is_numeric_dtype(values) and (values.dropna() % 1 == 0).all():
            frame[column] = values.astype("Int64")
    return frame
