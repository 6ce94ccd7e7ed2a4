"""Shared plumbing for the pattern modules (labels, quotes, agency).

Splits the parts of each English article (``title``, ``standfirst``, ``body`` =
the ``text`` column) into sentences and NLTK tokens with
:mod:`toolkit.tokenize`, keeps the offsets, and finds quotation-mark spans;
:func:`attach_group` gives a findings table the grouping column its ``*_counts``
function counts by. Nothing here is public API; the three modules document
what they return.

>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": ["d"], "title": ["US kills general"],
...                        "text": ["He said: “It was us.” Then he left."]})
>>> parts = english_parts(corpus, ("title", "body"), what="example")
>>> [(p.part, [s.text for s in p.sentences]) for p in parts]
[('title', ['US kills general']), ('body', ['He said: “It was us.”', 'Then he left.'])]
>>> quote_spans("He said: “It was us.” Then")
[QuoteSpan(outer_start=9, outer_end=21, start=10, end=20, mark='“', closed=True)]
"""
from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple, Sequence

import pandas as pd

from . import resources
from .tokenize import punkt_language, sentences as _sentences, tokens as _tokens

#: corpus column analysed for each part name
PART_COLUMNS = {"title": "title", "standfirst": "standfirst", "body": "text"}
ALL_PARTS: tuple[str, ...] = ("title", "standfirst", "body")


class Token(NamedTuple):
    start: int      # offset into the part's text
    end: int
    text: str       # surface form
    low: str        # lower case, typographic apostrophe folded to "'"


@dataclass
class Sentence:
    doc_id: Any
    part: str
    sent_id: int
    start: int
    end: int
    text: str
    tokens: list[Token]
    para: int = 0


@dataclass
class Part:
    doc_id: Any  # as in the corpus (usually str)
    part: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)


def norm(word: str) -> str:
    """Lower case with typographic apostrophes/quotes folded: ``Iran’s`` → ``iran's``."""
    return word.lower().replace("’", "'").replace("‘", "'")


def is_english(language: Any) -> bool:
    if language is None or (isinstance(language, float) and language != language) or language == "":
        return True
    try:
        return punkt_language(language) == "english"
    except Exception:  # pragma: no cover - unknown codes are simply not English
        return False


def _as_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return value if isinstance(value, str) else str(value)


def english_parts(corpus: pd.DataFrame, parts: Sequence[str] = ALL_PARTS, *,
                  what: str = "analysis") -> list[Part]:
    """Sentences and tokens of the requested parts of every English document.

    Documents whose ``language`` is not English are skipped with one
    ``UserWarning`` naming them (the patterns are English-only).
    """
    if "doc_id" not in corpus.columns:
        raise KeyError(f"{what} needs a 'doc_id' column; the corpus has {list(corpus.columns)}")
    unknown = [p for p in parts if p not in PART_COLUMNS]
    if unknown:
        raise ValueError(f"unknown part(s) {unknown}; choose from {list(PART_COLUMNS)}")
    langs = corpus["language"].tolist() if "language" in corpus.columns else [None] * len(corpus)
    skipped: list[str] = []
    items: list[Part] = []
    for pos, (doc_id, lang) in enumerate(zip(corpus["doc_id"].tolist(), langs)):
        if not is_english(lang):
            skipped.append(f"{doc_id} ({lang})")
            continue
        for part in parts:
            column = PART_COLUMNS[part]
            if column not in corpus.columns:
                continue
            text = _as_text(corpus[column].iloc[pos])
            if text.strip():
                items.append(Part(doc_id, part, text))
    if skipped:
        shown = ", ".join(skipped[:5]) + (" …" if len(skipped) > 5 else "")
        warnings.warn(f"{what}: skipped {len(skipped)} document(s) that are not English: {shown}; "
                      "the patterns are English-only, so these documents get no rows.",
                      UserWarning, stacklevel=3)
    _split(items)
    return items


def _split(items: list[Part]) -> None:
    if not items:
        return
    keys = [str(i) for i in range(len(items))]
    frame = pd.DataFrame({"doc_id": keys, "text": [p.text for p in items], "language": "en"})
    sents = _sentences(frame)
    toks = _tokens(sents)
    by_sentence: dict[tuple[str, int], list[Token]] = {}
    for key, sid, s, e, t in zip(toks["doc_id"].tolist(), toks["sent_id"].tolist(),
                                 toks["start"].tolist(), toks["end"].tolist(), toks["token"].tolist()):
        by_sentence.setdefault((key, sid), []).append(Token(s, e, t, norm(t)))
    para_starts = [paragraph_starts(p.text) for p in items]
    for key, sid, s, e, t in zip(sents["doc_id"].tolist(), sents["sent_id"].tolist(),
                                 sents["start"].tolist(), sents["end"].tolist(), sents["text"].tolist()):
        i = int(key)
        item = items[i]
        para = bisect.bisect_right(para_starts[i], s) - 1
        item.sentences.append(Sentence(item.doc_id, item.part, int(sid), int(s), int(e), t,
                                       by_sentence.get((key, sid), []), para))


_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs (blocks separated by a blank line) start."""
    return [0] + [m.end() for m in _PARA_BREAK.finditer(text)]


# ---------------------------------------------------------------------------
# Quotation marks
# ---------------------------------------------------------------------------

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
            if (mark == "“" and ch == "”") or (mark == '"' and ch == '"'):
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


def first_index(tokens: Sequence[Token], offset: int) -> int:
    """Index of the first token that ends after ``offset``."""
    ends = [t.end for t in tokens]
    return bisect.bisect_right(ends, offset)


def token_range(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """``(i, j)`` such that ``tokens[i:j]`` are the tokens overlapping ``[start, end)``."""
    i = 0
    while i < len(tokens) and tokens[i].end <= start:
        i += 1
    j = i
    while j < len(tokens) and tokens[j].start < end:
        j += 1
    return i, j


def check_columns(frame: pd.DataFrame, needed: Iterable[str], what: str) -> None:
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise KeyError(f"{what} needs column(s) {missing}; it has {list(frame.columns)}")


def attach_group(table: pd.DataFrame, corpus: pd.DataFrame, by: str, what: str) -> pd.DataFrame:
    """``table`` with a ``by`` column, missing values filled with ``"(none)"``.

    A column the table already has is used as it is; otherwise it is joined
    from ``corpus`` on ``doc_id`` (compared as text), and ``by="group"`` falls
    back to ``data/corpus-groups.csv`` when the corpus has no ``group`` column.
    ``what`` names the table in the error raised when ``by`` is nowhere.

    >>> t = pd.DataFrame({"doc_id": ["a", "b", "c"]})
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", None]})
    >>> attach_group(t, c, "outlet", "quotes table")["outlet"].tolist()
    ['A', '(none)', '(none)']
    """
    if by not in table.columns:
        if by in corpus.columns:
            groups = corpus[["doc_id", by]].drop_duplicates("doc_id")
        elif by == "group":
            groups = resources.corpus_groups()
        else:
            raise KeyError(f"no column {by!r} in the {what} or the corpus; "
                           f"corpus columns: {list(corpus.columns)}")
        table = table.assign(doc_id=table["doc_id"].astype(str)).merge(
            groups.astype({"doc_id": str}), on="doc_id", how="left")
    return table.assign(**{by: table[by].fillna("(none)")})
