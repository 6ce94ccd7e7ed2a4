"""Which reader a file needs, decided by its content: Word, PDF, RTF, Nexis exports, Media Cloud.

:func:`read_file` looks at a file's first bytes before its name: a Word
``.docx`` (a zip holding ``word/document.xml``), a PDF (``%PDF-``) and an RTF
(``{\\rtf``) are read as such whatever their extension (Nexis downloads are often
misnamed), and a file of an unknown extension is read when its content is one
of them. The text of a document, or of a text file, is then looked at again:

* ``N of M DOCUMENTS`` headings — a classic LexisNexis export, many articles
  (:mod:`toolkit.load.nexis`);
* ``End of Document`` lines — a Nexis Uni export (.docx, .rtf, .pdf), many articles;
* otherwise one article, read like a ``.txt`` (a ``---`` header or a sidecar
  ``NAME.meta.yaml`` gives its metadata; the first short line is the title).

PDFs are read from their text layer only (pypdf); a PDF without one (a scan) is
reported with a note to run OCR first. A CSV with Media Cloud's columns
(``stories_id``, ``media_name``, ``publish_date`` …) has them mapped to
``outlet`` and ``date``; Media Cloud exports hold no article text, so each story's
title becomes its text, marked ``text_source == "title"`` and noted in the load
report (headline analyses only; the bodies are not in the export).

Returns records, the encoding (or the document format: ``docx``, ``pdf``,
``rtf``) and notes for the load report.
"""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from . import nexis
from .formats import (
    DOCUMENT_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_FIELDS, TEXT_SUFFIXES, _Bad, _normalise, _read_decoded,
    _read_text_file, _Record, _records_from, _skip, csv_frame, decode_bytes,
)

__all__ = ["read_file", "sniff", "docx_paragraphs", "pdf_pages", "rtf_paragraphs", "MEDIA_CLOUD_COLUMNS"]

#: Media Cloud's story columns and the toolkit's names for them
MEDIA_CLOUD_COLUMNS = {"media_name": "outlet", "publish_date": "date", "stories_id": "stories_id",
                       "title": "title", "url": "url", "language": "language"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 .doc (and old .xls)


def sniff(head: bytes, path: Path | None = None) -> str | None:
    """``"docx"``, ``"pdf"``, ``"rtf"``, ``"doc"``, ``"zip"`` or None (text or unknown), from the first bytes.

    >>> sniff(b"%PDF-1.7 ..."), sniff(b"{\\\\rtf1\\\\ansi ..."), sniff(b"Plain text")
    ('pdf', 'rtf', None)
    """
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"%PDF-"):
        return "pdf"
    if start.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_OLE):
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        if path is None:
            return "zip"
        try:
            with zipfile.ZipFile(path) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else "zip"
        except (zipfile.BadZipFile, OSError):
            return "docx" if path.suffix.lower() == ".docx" else "zip"  # a broken one: docx says why
    return None


# --------------------------------------------------------------------------- document readers
def docx_paragraphs(data: bytes) -> list[str]:
    """The paragraphs of a Word document in reading order; a table row is one line (cells tab-separated)."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip, XML and package errors alike
        raise _Bad(f"broken Word .docx file: {exc}") from None
    lines: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            lines.extend("\t".join(cell.text for cell in row.cells) for row in item.rows)
        else:
            lines.append(item.text)
    return lines


def pdf_pages(data: bytes) -> list[str]:
    """The text layer of each page of a PDF (an empty string for a page without one)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _Bad("encrypted PDF: save an unprotected copy first")
        return [page.extract_text() or "" for page in reader.pages]
    except _Bad:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on broken files
        raise _Bad(f"broken PDF: {exc}") from None


def rtf_paragraphs(data: bytes) -> list[str]:
    """The paragraphs of an RTF document (striprtf; the code page the file declares)."""
    from striprtf.striprtf import rtf_to_text

    try:
        text = rtf_to_text(data.decode("latin-1"), errors="replace")
    except Exception as exc:
        raise _Bad(f"broken RTF file: {exc}") from None
    return _normalise(text).split("\n")


# --------------------------------------------------------------------------- Media Cloud
def _is_media_cloud(columns: list[str]) -> bool:
    names = {c.strip().lower() for c in columns}
    return "stories_id" in names or {"media_name", "publish_date"} <= names


def _media_cloud(path: Path, text: str, bad: list[dict], notes: list[str]) -> list[_Record]:
    frame = csv_frame(path, text)
    frame.columns = [MEDIA_CLOUD_COLUMNS.get(c.strip().lower(), c.strip()) for c in frame.columns]
    rows = [(f"row {i + 2}", row) for i, row in enumerate(frame.to_dict("records"))]
    if any(f in frame.columns for f in TEXT_FIELDS):
        return _records_from(rows, path, bad)
    records: list[_Record] = []
    for where, row in rows:
        title = (row.get("title") or "").strip()
        if not title:
            bad.append(_skip(path, f"{where}: no title and no text (a Media Cloud export holds no article text)"))
            continue
        meta: dict[str, Any] = {k: v for k, v in row.items() if v != ""}
        meta["text_source"] = "title"
        key = meta.get("stories_id", meta.get("id"))
        records.append(_Record(meta, title, where, None if key is None else str(key), clean=False))
    if records:
        notes.append(f"Media Cloud export without article text: the title of each of the {len(records)} "
                     "stories is loaded as its text (text_source = 'title'; headline analyses only)")
    return records


# --------------------------------------------------------------------------- the dispatcher
def _from_paragraphs(path: Path, paragraphs: list[str], bad: list[dict], notes: list[str]) -> list[_Record]:
    text = "\n".join(paragraphs)
    if nexis.is_classic(text):
        notes.extend(nexis.classic_notes(text))
        return nexis.split_classic(text, bad, str(path))
    if nexis.is_nexis_uni(paragraphs):
        return nexis.split_nexis_uni(paragraphs, bad, str(path))
    return _read_text_file(path, "\n\n".join(p.strip() for p in paragraphs if p.strip()))


def read_file(path: Path, bad: list[dict]) -> tuple[list[_Record], str, list[str]]:
    """``(records, encoding or format, notes)`` of one input file; raises ``_Bad`` with the reason."""
    suffix = path.suffix.lower()
    try:
        if suffix not in SUPPORTED_SUFFIXES:
            with path.open("rb") as handle:
                kind = sniff(handle.read(2048), path)
            if kind not in ("docx", "pdf", "rtf"):
                raise _Bad(f"unsupported file type '{path.suffix or '(none)'}' "
                           f"(supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})"
                           + (": a Word 97–2003 .doc file; save it as .docx" if kind == "doc" else ""))
        data = path.read_bytes()
    except OSError as exc:
        raise _Bad(f"cannot read: {exc.strerror or exc}") from None
    kind = sniff(data[:2048], path)
    notes: list[str] = []
    if kind == "doc":
        raise _Bad("a Word 97–2003 .doc file, not .docx: open it in Word or LibreOffice and save it as .docx")
    if kind == "zip" and suffix == ".docx":
        raise _Bad("not a Word .docx document (a zip file without word/document.xml)")
    if kind == "docx":
        return _from_paragraphs(path, docx_paragraphs(data), bad, notes), "docx", notes
    if kind == "rtf":
        return _from_paragraphs(path, rtf_paragraphs(data), bad, notes), "rtf", notes
    if kind == "pdf":
        pages = pdf_pages(data)
        empty = [str(i) for i, page in enumerate(pages, start=1) if not page.strip()]
        if len(empty) == len(pages):
            raise _Bad(f"PDF has no text layer ({len(pages)} page(s) of images only: a scan?); "
                       "run OCR on it (e.g. ocrmypdf) and load the result")
        if empty:
            notes.append(f"PDF pages without a text layer, not read: {', '.join(empty)}")
        return _from_paragraphs(path, "\n".join(pages).split("\n"), bad, notes), "pdf", notes
    if suffix in DOCUMENT_SUFFIXES:
        raise _Bad(f"not a {suffix} file: its content is not {suffix[1:].upper()} (a renamed text file?)")
    text, encoding = decode_bytes(data)
    text = _normalise(text)
    if suffix in TEXT_SUFFIXES:
        if nexis.is_classic(text):
            notes.extend(nexis.classic_notes(text))
            return nexis.split_classic(text, bad, str(path)), encoding, notes
        lines = text.split("\n") if "end of document" in text.casefold() else []  # as nexis.is_nexis_uni reads it
        if nexis.is_nexis_uni(lines):
            return nexis.split_nexis_uni(lines, bad, str(path)), encoding, notes
    if suffix in (".csv", ".tsv"):
        header = next(csv.reader([text.split("\n", 1)[0]], delimiter="\t" if suffix == ".tsv" else ","), [])
        if _is_media_cloud(header):
            return _media_cloud(path, text, bad, notes), encoding, notes
    return _read_decoded(path, text, bad), encoding, notes
