"""Quotation marks: the spans of quoted text in a part of an article.

Used by :mod:`toolkit.discourse.quotes` (direct and partial quotations) and by
:mod:`toolkit.discourse.labels` (``in_quote``: a label in a source's words).

>>> quote_spans("He said: “It was us.” Then")
[QuoteSpan(outer_start=9, outer_end=21, start=10, end=20, mark='“', closed=True)]
"""
from __future__ import annotations

from typing import NamedTuple, Sequence

from ..text.parts import _PARA_BREAK

__all__ = ["QuoteSpan", "quote_spans", "inside"]


class QuoteSpan(NamedTuple):
    outer_start: int   # offset of the opening mark
    outer_end: int     # offset after the closing mark (paragraph end when unclosed)
    start: int         # first character inside the marks
    end: int           # offset after the last character inside the marks
    mark: str          # the opening mark
    closed: bool       # False when the quote runs to the end of its paragraph


_OPEN_CONTEXT = set(" \t\n([{—–-/:;")


def quote_spans(text: str) -> list[QuoteSpan]:
    """Spans of quoted text: “…”, "…", ‘…’ and '…' (single marks only outside double ones).

    Paragraph-aware: a quote left open at the end of a paragraph ends there
    (``closed=False``), as in multi-paragraph news quotes. Apostrophes
    (``Iran’s``, ``can't``, ``leaders'``) are not taken for quotation marks.
    """
    spans: list[QuoteSpan] = []
    n = len(text)
    breaks = [m.start() for m in _PARA_BREAK.finditer(text)] + [n]
    para_start = 0
    for para_end in breaks:
        spans.extend(_quotes_in(text, para_start, para_end))
        nxt = _PARA_BREAK.match(text, para_end)
        para_start = nxt.end() if nxt else para_end
    return spans


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _quotes_in(text: str, a: int, b: int) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    double_open: tuple[int, str] | None = None
    single_open: tuple[int, str] | None = None
    i = a
    while i < b:
        ch = text[i]
        prev = text[i - 1] if i > a else " "
        nxt = text[i + 1] if i + 1 < b else " "
        if double_open is None:
            if ch == "“" or (ch == '"' and (prev in _OPEN_CONTEXT or prev.isspace()) and not nxt.isspace()):
                if single_open is not None:
                    single_open = None  # a single mark that never closed was an apostrophe
                double_open = (i, ch)
            elif single_open is None:
                if (ch == "‘" or ch == "'") and (prev in _OPEN_CONTEXT or prev.isspace()) and nxt.isalnum():
                    single_open = (i, ch)
            else:
                closes = (ch == "’" and single_open[1] == "‘") or (ch == "'" and single_open[1] == "'")
                if closes and not nxt.isalnum() and not prev.isspace():
                    o = single_open[0]
                    out.append(QuoteSpan(o, i + 1, o + 1, i, single_open[1], True))
                    single_open = None
        else:
            o, mark = double_open
            if ch == "”" or (mark == '"' and ch == '"') or (mark == "“" and ch == '"' and not nxt.isalnum()):
                # typographic and straight marks are mixed in scraped text: '"… world,”'
                out.append(QuoteSpan(o, i + 1, o + 1, i, mark, True))
                double_open = None
            elif mark == "“" and ch == "“":
                # a new opening mark before any closing one: the first quote ran on
                out.append(QuoteSpan(o, _strip_end(text, o, i), o + 1, _strip_end(text, o, i), mark, False))
                double_open = (i, ch)
        i += 1
    if double_open is not None:
        o, mark = double_open
        end = _strip_end(text, o, b)
        if end - o > 1:
            out.append(QuoteSpan(o, end, o + 1, end, mark, False))
    return sorted(out)


def inside(spans: Sequence[QuoteSpan], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside one of the quote spans."""
    for q in spans:
        if q.start <= start and end <= q.end:
            return True
    return False
