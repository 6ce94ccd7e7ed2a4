"""Separate an article's body from its captions, credits and page furniture.

Nothing is deleted: every line that leaves the body lands in ``captions`` or
``boilerplate``, so a student can check what was taken out and why.

The rules (line by line; a *line* is one line of the input):

* **caption** — a line that ends with a photo credit in parentheses, e.g.
  ``(AP Photo/Khalid Mohammed)``, ``(Office of the Iranian Supreme Leader via AP)``,
  ``(AHMAD AL-RUBAYE / AFP)``, ``(Social media)``. A credit is a short
  parenthesised group naming a picture agency or a picture source (see
  ``CREDIT_WORDS``), or an all-capitals ``NAME / AGENCY`` group. Repeated
  captions are kept in ``captions`` as often as they occur.
* **boilerplate** — page furniture lines such as "Most Popular", "read more:",
  "Advertisement", "Share this article" (``FURNITURE``); a body line repeating
  the line just before it; a line repeating the title; a byline ("By VOA News").
* **title / standfirst** — for text without a header: the first line is the
  title when it is short and has no final full stop; the next one is the
  standfirst under the same test. Text with a ``title`` in its header keeps it.

Example
-------
>>> parts = clean_text("Headline here\\n\\nBody text. More.\\nA crowd. (AP Photo)\\nMost Popular")
>>> parts.title, parts.text, parts.captions, parts.boilerplate
('Headline here', 'Body text. More.', ['A crowd. (AP Photo)'], ['Most Popular'])
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["CleanText", "clean_text", "is_caption", "is_furniture"]

# Words that mark a parenthesised group as a picture credit.
CREDIT_WORDS = (
    r"AP|AFP|Reuters|Getty|EPA|UPI|Xinhua|Anadolu|Flash90|Shutterstock|Alamy|Pool|"
    r"photo|photos|photograph|image|images|via|courtesy|credit|handout|screenshot|screen capture|"
    r"social media|twitter|facebook|instagram|telegram|youtube|file|illustrative|video still"
)
_CREDIT_GROUP = re.compile(r"\(([^()]{1,90})\)\s*$")
_CREDIT_WORD = re.compile(rf"(?i:\b(?:{CREDIT_WORDS})\b)")
_CAPS_CREDIT = re.compile(r"^[A-Z][A-Z.\-' ]+/\s*[A-Z][A-Za-z]+$")  # "AHMAD AL-RUBAYE / AFP"

# Whole-line page furniture (case-insensitive, surrounding punctuation ignored).
FURNITURE = (
    "most popular", "read more", "read more:", "advertisement", "advertising", "share",
    "share this article", "share this", "tweet", "email", "print", "comments", "related",
    "related articles", "related stories", "related content", "you may also like", "recommended",
    "sign up", "subscribe", "subscribe now", "click here", "skip to content", "listen to this article",
    "follow us", "all rights reserved", "back to top", "top stories", "trending", "watch",
    "newsletter", "loading", "menu", "close",
)
_FURNITURE_LINE = re.compile(
    r"^\W*(?:" + "|".join(re.escape(f.rstrip(":")) for f in FURNITURE) + r")\W*$", re.IGNORECASE
)
_FURNITURE_PREFIX = re.compile(
    r"^\W*(?:sign up for|subscribe to|follow us on|copyright ©|© \d{4}|read more:|related:)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^By [A-Z][\w.'’-]*(?: [\w.'’-]+){0,6}$")
_SENTENCE_END = re.compile(r"[.!?…:;]['\"’”)\]]*$")


@dataclass
class CleanText:
    """The parts of one article. ``text`` is the body; the rest is kept evidence."""

    text: str
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)


def is_caption(line: str) -> bool:
    """True if ``line`` ends with a picture credit such as ``(AP Photo/Name)``."""
    match = _CREDIT_GROUP.search(line.strip())
    if not match:
        return False
    credit = match.group(1).strip()
    return bool(_CREDIT_WORD.search(credit) or _CAPS_CREDIT.match(credit))


def is_furniture(line: str) -> bool:
    """True for page-furniture lines like "Most Popular" or "read more:"."""
    line = line.strip()
    return bool(line) and len(line) <= 80 and bool(
        _FURNITURE_LINE.match(line) or _FURNITURE_PREFIX.match(line)
    )


def _is_headline(line: str, *, max_len: int) -> bool:
    return 0 < len(line) <= max_len and not _SENTENCE_END.search(line) and not is_caption(line)


def _same(a: str | None, b: str) -> bool:
    return a is not None and " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def clean_text(text: str, *, title: str | None = None, find_title: bool = True) -> CleanText:
    """Split raw article text into body, title, standfirst, byline, captions and boilerplate.

    ``title`` is the title known from metadata, if any; a body line repeating it
    is moved to ``boilerplate``. With ``find_title`` and no ``title``, the first
    line becomes the title when it looks like a headline (short, no final stop),
    and the line after it the standfirst under the same test.
    """
    lines = text.split("\n")
    parts = CleanText(text="", title=title)
    kept: list[str | None] = []  # body lines; None marks a paragraph break
    first_content = True
    previous_body: str | None = None
    for raw in lines:
        line = raw.strip()
        if not line:
            kept.append(None)
            continue
        if first_content and find_title and parts.title is None and _is_headline(line, max_len=200):
            parts.title = line
            continue
        if (first_content and find_title and title is None and parts.title is not None
                and _is_headline(line, max_len=300)):
            parts.standfirst = line
            first_content = False
            continue
        first_content = False
        if is_caption(line):
            parts.captions.append(line)
        elif is_furniture(line):
            parts.boilerplate.append(line)
        elif _same(parts.title, line) and previous_body is None:
            parts.boilerplate.append(line)
        elif parts.byline is None and _BYLINE.match(line) and previous_body is None:
            parts.byline = line
        elif previous_body is not None and line == previous_body:
            parts.boilerplate.append(line)  # a paragraph repeated verbatim
        else:
            kept.append(line)
            previous_body = line
    parts.text = _join_paragraphs(kept)
    if not parts.text and title is None and parts.title is not None:
        # A text that is only a short line or two is a body, not a headline.
        parts.text = "\n\n".join(x for x in (parts.title, parts.standfirst) if x)
        parts.title = parts.standfirst = None
    return parts


def _join_paragraphs(kept: list[str | None]) -> str:
    paragraphs: list[list[str]] = [[]]
    for line in kept:
        if line is None:
            if paragraphs[-1]:
                paragraphs.append([])
        else:
            paragraphs[-1].append(line)
    return "\n\n".join("\n".join(p) for p in paragraphs if p)
