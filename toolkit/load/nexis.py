"""Nexis exports: one file of many articles → one record per article.

Two layouts are recognised by their content, whatever the file is called:

* the **classic text export** of LexisNexis (also saved as .rtf): a request
  header, then each article under a centred ``N of M DOCUMENTS`` line — outlet,
  date line (with edition lines), headline, ``BYLINE:``/``SECTION:``/``LENGTH:``
  lines, the body, then ``LOAD-DATE:``, ``LANGUAGE:``, ``PUBLICATION-TYPE:`` …
  and a copyright line;
* the **Nexis Uni** export (.docx, .rtf, .pdf): a cover page (search terms and a
  list of the documents), then each article — title, outlet, date line,
  copyright, ``Section:``/``Length:``/``Byline:`` lines, ``Body``, the body,
  optionally ``Classification`` with ``Language:``, ``Load-Date:`` … lines — closed
  by an ``End of Document`` line.

Each record carries ``outlet``, ``date``, ``title``, ``byline``, ``section``,
``length`` (words), ``language`` (ISO code), ``copyright``, ``article_number``
(its number in the file) and every other metadata line of the article (``load_date``,
``publication_type``, ``subject`` …); the body is only the text between the
metadata. An article whose layout cannot be read is reported with its number;
articles the export announces but does not hold are reported as missing.

>>> text = ("   1 of 1 DOCUMENTS\\n\\n  The Daily Example\\n\\n  March 2, 2020 Monday\\n\\n"
...         "Talks resume\\n\\nBYLINE: A. Writer\\n\\nLENGTH: 5 words\\n\\nThe talks resumed on Monday.\\n\\n"
...         "LANGUAGE: ENGLISH\\n\\n  Copyright 2020 Example Ltd\\n")
>>> [(r.meta["outlet"], r.meta["date"], r.meta["title"], r.text) for r in split_classic(text, [], "x")]
[('The Daily Example', '2020-03-02', 'Talks resume', 'The talks resumed on Monday.')]
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any

from .formats import _Bad, _Record, _skip

__all__ = ["is_classic", "is_nexis_uni", "split_classic", "split_nexis_uni", "parse_date_line"]

_DOCUMENTS = re.compile(r"^[ \t]*(\d+)[ \t]+of[ \t]+(\d+)[ \t]+DOCUMENTS?[ \t]*$", re.MULTILINE)
_END = "end of document"
_COVER_COUNT = re.compile(r"^Documents \((\d+)\)\s*$")

# --------------------------------------------------------------------------- dates
_MONTHS = {
    **{m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december"], 1)},
    **{m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                   "nov", "dec"], 1)},
    "sept": 9,
    **{m: i for i, m in enumerate(["januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
                                   "september", "oktober", "november", "dezember"], 1)},
    **{m: i for i, m in enumerate(["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                   "septembre", "octobre", "novembre", "décembre"], 1)},
    **{m: i for i, m in enumerate(["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                   "septiembre", "octubre", "noviembre", "diciembre"], 1)},
}
_MONTH = r"(?P<month>[^\W\d_]+)\.?"
_WEEKDAY = r"(?:[^\W\d_]+,?\s+)?"
_TIME = r"(?:,?\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?(?:\s+(?P<zone>[A-Z]{2,5}))?)?"
_DATE_LINE = [
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})(?:,?\s+[^\W\d_]+)?{_TIME}\s*$"),
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})\.?\s+{_MONTH}\s+(?P<year>\d{{4}})(?:,?\s+[^\W\d_]+)?{_TIME}\s*$"),
]


def parse_date_line(line: str) -> str | None:
    """The ISO date (with the time when it is given in GMT/UTC) of a Nexis date line, else None.

    >>> parse_date_line("January 11, 2010 Monday"), parse_date_line("July 1, 2019 Monday 9:20 AM GMT")
    ('2010-01-11', '2019-07-01T09:20:00+00:00')
    >>> parse_date_line("4. Juli 2019 Donnerstag"), parse_date_line("Lorem ipsum dolor 2019")
    ('2019-07-04', None)
    """
    line = " ".join(line.split())
    if len(line) > 60:
        return None
    for pattern in _DATE_LINE:
        match = pattern.match(line)
        month = _MONTHS.get(match.group("month").casefold()) if match else None
        if match and month and 1 <= int(match.group("day")) <= 31:
            day = f"{match.group('year')}-{month:02d}-{int(match.group('day')):02d}"
            if match.group("hour") is None or match.group("zone") not in ("GMT", "UTC"):
                return day  # a local time in an unnamed or ambiguous zone is left out
            hour = int(match.group("hour")) % 12 if match.group("ampm") else int(match.group("hour"))
            if (match.group("ampm") or "").lower().startswith("p"):
                hour += 12
            return f"{day}T{hour:02d}:{int(match.group('minute')):02d}:00+00:00"
    return None


# --------------------------------------------------------------------------- metadata lines
_LANGUAGES = {"english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr",
              "spanish": "es", "español": "es", "italian": "it", "dutch": "nl", "portuguese": "pt",
              "russian": "ru", "arabic": "ar", "persian": "fa", "farsi": "fa", "hebrew": "he",
              "turkish": "tr", "chinese": "zh", "japanese": "ja", "polish": "pl", "swedish": "sv",
              "danish": "da", "norwegian": "no", "finnish": "fi", "greek": "el", "czech": "cs"}
_CLASSIC_KEY = re.compile(r"^([A-Z][A-Z0-9-]*(?: [A-Z][A-Z0-9-]*)?):(?:[ \t\xa0]+(.*))?$")
_UNI_KEY = re.compile(r"^([A-Z][A-Za-z-]*(?: [A-Za-z-]+){0,2}):(?:[ \t\xa0]+(.*))?$")
_CLASSIC_HEAD_KEYS = {"BYLINE", "SECTION", "LENGTH", "DATELINE", "HIGHLIGHT", "HEADLINE", "BODY", "SOURCE",
                      "AUTHOR", "EDITION", "SUBHEADLINE"}
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})", re.IGNORECASE)
_UNI_TRAILER_HEADINGS = {"classification", "graphic", "notes", "link to image", "link to the story"}
# Keys that may close a Nexis Uni article; other "Word: …" lines at the end stay body text.
_UNI_TRAILER_KEYS = {"load_date", "language", "publication_type", "journal_code", "subject", "organization",
                     "person", "geographic", "industry", "company", "ticker", "document_type", "city", "state",
                     "country", "correction_date", "correction", "url", "notes", "graphic", "series",
                     "distribution", "source", "content_type", "dateline"}
_WORDS = re.compile(r"^([\d,.]+)\s+words?\b", re.IGNORECASE)


def _key(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def _store(meta: dict[str, Any], name: str, value: str) -> None:
    """One metadata line into ``meta`` under the toolkit's column names."""
    key, value = _key(name), " ".join(value.split())
    if key == "length" and (words := _WORDS.match(value)):
        meta["length"] = int(re.sub(r"\D", "", words.group(1)))
    elif key == "language":
        code = _LANGUAGES.get(value.split(";")[0].strip().casefold())
        meta["language" if code else "language_name"] = code or value  # unknown: detected from the text
    elif key == "copyright":
        meta["copyright"] = value
    elif value:
        meta[key] = f"{meta[key]}; {value}" if key in meta else value


def _body(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p.strip())


# --------------------------------------------------------------------------- classic text export
def is_classic(text: str) -> bool:
    """True when ``text`` holds ``N of M DOCUMENTS`` article headings (a classic LexisNexis export)."""
    return _DOCUMENTS.search(text[:200_000]) is not None


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines (a blank line ends a block); lines keep their indentation."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _classic_key(block: list[str]) -> tuple[str, str] | None:
    match = _CLASSIC_KEY.match(block[0].strip())
    if not match:
        return None
    return match.group(1), " ".join([match.group(2) or ""] + [line.strip() for line in block[1:]])


def _key_of(block: list[str]) -> str:
    return (_classic_key(block) or ("",))[0]


def _is_trailer(block: list[str]) -> bool:
    return _classic_key(block) is not None or bool(_COPYRIGHT.match(block[0].strip()))


def _classic_article(lines: list[str], number: int) -> _Record:
    where = f"article {number}"
    blocks = _blocks(lines)
    meta: dict[str, Any] = {"article_number": number}
    dated = next((i for i, b in enumerate(blocks[:5]) if parse_date_line(b[0])), None)
    if dated is None:
        raise _Bad(f"{where}: no date line under the outlet (is the export cut or reformatted?)")
    meta["date"] = parse_date_line(blocks[dated][0])
    if dated:
        meta["outlet"] = " ".join(line.strip() for b in blocks[:dated] for line in b)
    if len(blocks[dated]) > 1:
        meta["edition"] = " ".join(line.strip() for line in blocks[dated][1:])
    rest = blocks[dated + 1:]
    # The head ends with LENGTH: when the article has one (it always comes last), else
    # after the known head keys; a block in it that is not a key line is the headline.
    length = next((i for i, b in enumerate(rest[:12]) if _key_of(b) == "LENGTH"), None)
    if length is None:
        length = 0 if not rest or _key_of(rest[0]) in _CLASSIC_HEAD_KEYS else 1
        while length < len(rest) and _key_of(rest[length]) in _CLASSIC_HEAD_KEYS:
            length += 1
        length -= 1
    while length + 1 < len(rest) and _key_of(rest[length + 1]) in _CLASSIC_HEAD_KEYS:
        length += 1  # DATELINE:, HIGHLIGHT: … may follow LENGTH:
    for block in rest[:length + 1]:
        if (item := _classic_key(block)) and (item[0] in _CLASSIC_HEAD_KEYS or "title" in meta):
            _store(meta, *item)
        else:
            _store(meta, "title" if "title" not in meta else "header_note", " ".join(x.strip() for x in block))
    rest = rest[length + 1:]
    end = len(rest)
    while end and _is_trailer(rest[end - 1]):
        end -= 1
    for block in rest[end:]:
        item = _classic_key(block)
        if item is None:  # a copyright block: "Copyright 2010 …" / "All Rights Reserved"
            item = ("copyright", " ".join(line.strip() for line in block))
        _store(meta, *item)
    meta.pop("body", None)
    body = _body(["\n".join(line.strip() for line in block) for block in rest[:end]])
    if not body:
        raise _Bad(f"{where}: no body text between the metadata lines")
    return _Record(meta, body, where, str(number))


def split_classic(text: str, bad: list[dict], path: str) -> list[_Record]:
    """The articles of a classic LexisNexis text export (see the module's docstring).

    Articles that cannot be read, and numbers the export announces but lacks,
    are appended to ``bad`` as skipped entries naming the article.
    """
    heads = list(_DOCUMENTS.finditer(text))
    records: list[_Record] = []
    for k, head in enumerate(heads):
        chunk = text[head.end(): heads[k + 1].start() if k + 1 < len(heads) else len(text)]
        try:
            records.append(_classic_article(chunk.split("\n"), int(head.group(1))))
        except _Bad as exc:
            bad.append(_skip(path, str(exc)))
    totals = Counter(int(h.group(2)) for h in heads)
    total = totals.most_common(1)[0][0]
    _report_missing({int(h.group(1)) for h in heads}, total, bad, path)
    return records


def _report_missing(numbers: set[int], total: int, bad: list[dict], path: str) -> None:
    n_missing = total - len({n for n in numbers if 1 <= n <= total})
    if n_missing <= 0:
        return
    # the count comes from the file: never build a set of all of it ("1 of 99999999 DOCUMENTS")
    first = list(itertools.islice((n for n in range(1, total + 1) if n not in numbers), 21))
    shown = ", ".join(map(str, first[:20])) + (" …" if n_missing > 20 else "")
    bad.append(_skip(path, f"article {first[0]}: the export announces {total} documents but "
                           f"{n_missing} are not in the file (missing: {shown}); a partial download?"))


def classic_notes(text: str) -> list[str]:
    """Lines of a classic export whose document count disagrees with the others (for the load report)."""
    heads = list(_DOCUMENTS.finditer(text))
    total = Counter(int(h.group(2)) for h in heads).most_common(1)[0][0] if heads else 0
    return [f"article {h.group(1)} is headed '{h.group(1)} of {h.group(2)} DOCUMENTS' (the others: of {total})"
            for h in heads if int(h.group(2)) != total]


# --------------------------------------------------------------------------- Nexis Uni
def is_nexis_uni(paragraphs: list[str]) -> bool:
    """True when the paragraphs hold ``End of Document`` lines (a Nexis Uni export)."""
    return any(p.strip().casefold() == _END for p in paragraphs)


def _uni_trailer_key(line: str) -> bool:
    match = _UNI_KEY.match(line)
    return bool(match) and _key(match.group(1)) in _UNI_TRAILER_KEYS


def _uni_article(lines: list[str], number: int, first: bool) -> _Record:
    where = f"article {number}"
    dated = next((i for i, line in enumerate(lines) if i >= 1 and parse_date_line(line)), None)
    if dated is None or (not first and dated > 6):
        raise _Bad(f"{where}: no date line after the title and outlet (is the export cut or reformatted?)")
    meta: dict[str, Any] = {"article_number": number, "date": parse_date_line(lines[dated]),
                            "outlet": lines[dated - 1]}
    title_lines = lines[dated - 2: dated - 1] if first else lines[:dated - 1]
    if title_lines:
        meta["title"] = " ".join(title_lines)
    rest = lines[dated + 1:]
    start = next((i + 1 for i, line in enumerate(rest) if line.casefold() == "body"), None)
    head = rest[:start - 1] if start is not None else []
    if start is None:  # no "Body" line: the body starts after the last metadata line of the head
        start = 0
        while start < len(rest) and (_UNI_KEY.match(rest[start]) or _COPYRIGHT.match(rest[start])):
            start += 1
        head = rest[:start]
    for line in head:
        if _COPYRIGHT.match(line):
            _store(meta, "copyright", line)
        elif match := _UNI_KEY.match(line):
            _store(meta, match.group(1), match.group(2) or "")
        else:
            _store(meta, "header_note", line)
    body = rest[start:]
    end = next((i for i, line in enumerate(body) if line.casefold() in _UNI_TRAILER_HEADINGS), len(body))
    while end and (_uni_trailer_key(body[end - 1]) or _COPYRIGHT.match(body[end - 1])):
        end -= 1
    heading = None
    for line in body[end:]:
        if line.casefold() in _UNI_TRAILER_HEADINGS:
            heading = line
        elif (match := _UNI_KEY.match(line)) and not (heading and heading.casefold() == "graphic"):
            _store(meta, match.group(1), match.group(2) or "")
        elif _COPYRIGHT.match(line):
            _store(meta, "copyright", line)
        else:
            _store(meta, heading or "notes", line)  # the text under "Graphic", "Notes" …
    text = _body(body[:end])
    if not text:
        raise _Bad(f"{where}: no body text between the metadata lines")
    return _Record(meta, text, where, str(number))


def split_nexis_uni(paragraphs: list[str], bad: list[dict], path: str) -> list[_Record]:
    """The articles of a Nexis Uni export given as paragraphs (see the module's docstring).

    The cover page is read for the number of documents; an article after the
    last ``End of Document`` line is reported as cut off.
    """
    lines = [" ".join(p.replace("\xa0", " ").split()) if p.strip() else "" for part in paragraphs
             for p in part.split("\n")]
    lines = [line for line in lines if line and not re.fullmatch(r"Page \d+ of \d+", line)]
    cover = next((int(m.group(1)) for line in lines[:40] if (m := _COVER_COUNT.match(line))), None)
    articles: list[list[str]] = [[]]
    for line in lines:
        if line.casefold() == _END:
            articles.append([])
        else:
            articles[-1].append(line)
    tail = articles.pop()
    records: list[_Record] = []
    for number, chunk in enumerate(articles, start=1):
        try:
            records.append(_uni_article(chunk, number, first=number == 1))
        except _Bad as exc:
            bad.append(_skip(path, str(exc)))
    if tail:
        bad.append(_skip(path, f"article {len(articles) + 1}: cut off (no 'End of Document' line after "
                               f"{tail[0][:60]!r}); a partial download?"))
    if cover is not None and len(articles) + bool(tail) < cover:
        _report_missing(set(range(1, len(articles) + bool(tail) + 1)), cover, bad, path)
    return records
