"""Where sentences end: paragraphs, Punkt per language, and the news rules.

The rules are described in :mod:`toolkit.text.tokenize`, which uses this module;
:func:`_sentence_spans` is the entry point.
"""
from __future__ import annotations

import functools
import re
from typing import Any

# ---------------------------------------------------------------------------
# News abbreviations (lower case, without the final period, as Punkt stores them)
# ---------------------------------------------------------------------------

#: Titles and name prefixes: never end a sentence unless a SENTENCE_STARTER follows.
NEWS_TITLES: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "messrs", "mme", "dr", "drs", "prof", "rev", "fr", "msgr", "hon",
    "pres", "sen", "sens", "rep", "reps", "gov", "govs", "amb", "atty", "supt", "insp",
    "det", "gen", "lt", "col", "maj", "capt", "cpt", "cmdr", "cdr", "cmdt", "adm",
    "brig", "sgt", "cpl", "pvt", "pfc", "spc", "lieut", "st", "ste", "mt", "ft",
})

#: Abbreviations that do not end a sentence when a number follows ("No. 2", "Art. 51").
NEWS_NUMERIC: frozenset[str] = frozenset({
    "no", "nos", "art", "arts", "para", "paras", "vol", "vols", "fig", "figs", "p", "pp",
    "ch", "chap", "sec", "secs", "op", "pt", "pts", "res", "ex", "tel",
})

#: Month abbreviations: never end a sentence before a number ("Sept. 18", "Jan. 3").
NEWS_MONTHS: frozenset[str] = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})

#: Clock abbreviations: end a sentence before a title ("3 a.m. Mr. Trump spoke").
NEWS_TIME: frozenset[str] = frozenset({"a.m", "p.m"})

#: Other abbreviations common in news; they end a sentence only before a SENTENCE_STARTER.
NEWS_ABBREVIATIONS: frozenset[str] = frozenset({
    "u.s", "u.s.a", "u.k", "u.n", "e.u", "d.c", "n.y", "l.a", "u.a.e", "u.s.s.r",
    "inc", "corp", "co", "cos", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "e.g", "i.e",
    "vs", "v", "approx", "dept", "govt", "univ", "assn", "ave", "blvd", "rd", "hwy",
    "tue", "tues", "thu", "thur", "thurs", "fri",
})

#: Capitalised words that start sentences and are never part of a name after a title.
SENTENCE_STARTERS: frozenset[str] = frozenset({
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That",
    "These", "Those", "There", "Here", "His", "Her", "Its", "Their", "Our", "My", "Your",
    "But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "If", "When", "While",
    "After", "Before", "As", "Although", "Though", "Because", "However", "Meanwhile",
    "Moreover", "Still", "Then", "Now", "What", "Who", "Why", "How", "Where", "Some",
    "Many", "Most", "All", "Both", "Several", "Such", "According", "Earlier", "Later",
})

_ISO_TO_PUNKT = {
    "en": "english", "ru": "russian", "de": "german", "fr": "french", "es": "spanish",
    "it": "italian", "pt": "portuguese", "nl": "dutch", "cs": "czech", "da": "danish",
    "et": "estonian", "fi": "finnish", "el": "greek", "no": "norwegian", "nb": "norwegian",
    "nn": "norwegian", "pl": "polish", "sl": "slovene", "sv": "swedish", "tr": "turkish",
    "ml": "malayalam",
}
_PUNKT_LANGUAGES = frozenset(_ISO_TO_PUNKT.values())


class LanguageFallbackWarning(UserWarning):
    """A document's language has no Punkt model; English parameters were used."""


def punkt_language(language: Any) -> str | None:
    """Punkt model name for an ISO code or name; ``None`` if no model is bundled.

    Missing values (None, NaN, "") mean English.

    >>> punkt_language("ru"), punkt_language("en-GB"), punkt_language(None), punkt_language("fa")
    ('russian', 'english', 'english', None)
    """
    if language is None or (isinstance(language, float) and language != language):
        return "english"
    name = str(language).strip().lower()
    if not name:
        return "english"
    if name in _PUNKT_LANGUAGES:
        return name
    return _ISO_TO_PUNKT.get(re.split(r"[-_]", name, maxsplit=1)[0])


# ---------------------------------------------------------------------------
# Punkt, per language (built lazily, cached, never mutated after construction)
# ---------------------------------------------------------------------------


class _ZeroDefaultDict(dict):
    """``ortho_context`` that answers 0 for unseen words *without* storing them.

    NLTK's own ``defaultdict`` grows an entry for every word it is asked about.
    """

    def __missing__(self, key: str) -> int:
        return 0


@functools.lru_cache(maxsize=None)
def _sentence_splitter(model: str, news: bool):
    """A Punkt tokenizer over a private copy of ``resources.punkt_parameters(model)``."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from .. import resources

    source = resources.punkt_parameters(model)
    params = PunktParameters()
    params.abbrev_types = set(source.abbrev_types)
    params.collocations = set(source.collocations)
    params.sent_starters = set(source.sent_starters)
    params.ortho_context = _ZeroDefaultDict(source.ortho_context)
    if news:
        params.abbrev_types |= NEWS_TITLES | NEWS_MONTHS | NEWS_TIME | NEWS_ABBREVIATIONS
    return PunktSentenceTokenizer(params)


# ---------------------------------------------------------------------------
# Paragraphs and line breaks
# ---------------------------------------------------------------------------

_LB_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_HARD_LB_CHARS = frozenset("\x0c\x1c\x1d\x1e\u2029")  # page/file/group/record/paragraph separators
_BREAK_RUN = re.compile(rf"[^\S{_LB_CHARS}]*(?:\r\n|[{_LB_CHARS}])\s*")
_LINE_SPLIT = re.compile(rf"\r\n|[{_LB_CHARS}]")
_OTHER_LB = re.compile(rf"[{_LB_CHARS[1:]}]")  # any line break other than \n


def _hard_wrap_width(text: str) -> int | None:
    """The wrap width if ``text`` looks hard-wrapped (most inner lines 40-100 chars), else None."""
    lines = _LINE_SPLIT.split(text)
    inner = [len(a.rstrip()) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(inner) < 4:
        return None
    if sum(40 <= n <= 100 for n in inner) < 0.6 * len(inner):
        return None
    inner.sort()
    return inner[int(0.9 * (len(inner) - 1))]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the stretches between hard line breaks, without surrounding whitespace."""
    cuts: list[tuple[int, int]] = []
    width: int | None = -1  # not computed yet
    line_start = 0  # every line break lies inside a run, so a line starts where a run ends
    for m in _BREAK_RUN.finditer(text):
        run = m.group()
        n_breaks = run.count("\n")
        if _OTHER_LB.search(run):
            n_breaks = sum(run.count(c) for c in _LB_CHARS) - run.count("\r\n")
        hard = n_breaks >= 2 or not _HARD_LB_CHARS.isdisjoint(run)
        if not hard:
            if width == -1:
                width = _hard_wrap_width(text)
            if width is None:
                hard = True
            else:
                last = max(run.rfind(c) for c in _LB_CHARS)
                indented = last + 1 < len(run)
                short = (m.start() - line_start) < 0.6 * width
                hard = indented or short
        if hard:
            cuts.append((m.start(), m.end()))
        line_start = m.end()
    spans: list[tuple[int, int]] = []
    pos = 0
    for a, b in cuts + [(len(text), len(text))]:
        s, e = _strip_span(text, pos, a)
        if s < e:
            spans.append((s, e))
        pos = b
    return spans


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# ---------------------------------------------------------------------------
# News rules
# ---------------------------------------------------------------------------

_OPENERS = "([{\"'“‘«„"
_WORD_AT_START = re.compile(r"[^\W\d_]+")
_INTERNAL_CANDIDATE = re.compile(r"\.\s+")


def _next_word(chunk: str) -> tuple[str, bool]:
    """Leading word of ``chunk`` and whether a period follows it directly."""
    m = _WORD_AT_START.match(chunk)
    if not m:
        return "", False
    word = m.group()
    return word, chunk[m.end():m.end() + 1] == "."


def _news_decision(prev_chunk: str, next_chunk: str) -> bool | None:
    """True: sentence break; False: no break; None: leave it to Punkt."""
    if not prev_chunk.endswith(".") or not next_chunk:
        return None
    key = prev_chunk[:-1].lstrip(_OPENERS).lower()
    if not key:
        return None
    word, dotted = _next_word(next_chunk)
    starter = bool(word) and not dotted and word in SENTENCE_STARTERS
    if key in NEWS_TITLES:
        return starter
    if (key in NEWS_NUMERIC or key in NEWS_MONTHS) and next_chunk[0].isdigit():
        return False
    if key in NEWS_TIME:
        if starter or (dotted and word[:1].isupper() and word.lower() in NEWS_TITLES):
            return True
        return None
    if key in NEWS_ABBREVIATIONS and starter:
        return True
    return None


_CHUNK_LIMIT = 48  # abbreviations and first words are short; bounds the work on odd input


def _chunk_before(text: str, end: int, floor: int) -> str:
    """The non-space characters just before ``end`` (at most ``_CHUNK_LIMIT``)."""
    i = end
    floor = max(floor, end - _CHUNK_LIMIT)
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:end]


def _chunk_after(text: str, start: int, ceiling: int) -> str:
    """The non-space characters from ``start`` on (at most ``_CHUNK_LIMIT``)."""
    i = start
    ceiling = min(ceiling, start + _CHUNK_LIMIT)
    while i < ceiling and not text[i].isspace():
        i += 1
    return text[start:i]


_QUOTED_QUESTION = re.compile(r"[?!][\"'”’»]+$")
_LEADING_CLOSERS = re.compile(r"[\"'”’»)\]}]+(?=\s|$)")


def _apply_news_rules(text: str, spans: list[tuple[int, int]], news: bool) -> list[tuple[int, int]]:
    """Merge and split Punkt's sentence spans (all inside one paragraph)."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged:
            ps, pe = merged[-1]
            closers = _LEADING_CLOSERS.match(text, s, e)
            if closers:  # a closing quote or bracket belongs to the sentence before
                merged[-1] = (ps, pe) = (ps, closers.end())
                s = closers.end()
                while s < e and text[s].isspace():
                    s += 1
                if s >= e:
                    continue
            prev_chunk = _chunk_before(text, pe, ps)
            next_chunk = _chunk_after(text, s, e)
            join = False
            if news and _news_decision(prev_chunk, next_chunk) is False:
                join = True
            elif next_chunk[:1] in (",", ";", ":"):
                join = True  # "Distr.: General": a sentence never starts with , ; :
            elif next_chunk[:1].islower() and _QUOTED_QUESTION.search(prev_chunk):
                join = True
            if join:
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    if not news:
        return merged
    out: list[tuple[int, int]] = []
    for s, e in merged:
        start = s
        for m in _INTERNAL_CANDIDATE.finditer(text, s, e):
            prev_chunk = _chunk_before(text, m.start() + 1, start)
            next_chunk = _chunk_after(text, m.end(), e)
            if _news_decision(prev_chunk, next_chunk) is True:
                out.append((start, m.start() + 1))
                start = m.end()
        out.append((start, e))
    return out


def _sentence_spans(text: str, language: Any) -> list[tuple[int, int]]:
    """Sentence spans of one document; no span has leading/trailing whitespace."""
    if not text or text.isspace():
        return []
    model = punkt_language(language)
    news = model == "english"
    splitter = _sentence_splitter(model or "english", news)
    spans: list[tuple[int, int]] = []
    for ps, pe in _paragraphs(text):
        para = text[ps:pe]
        raw = [(ps + a, ps + b) for a, b in splitter.span_tokenize(para)]
        for s, e in _apply_news_rules(text, raw, news):
            s, e = _strip_span(text, s, e)
            if s < e:
                spans.append((s, e))
    return spans
