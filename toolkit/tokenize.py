"""Sentences and tokens as tidy tables, with exact character offsets.

Two functions turn a *corpus* (one row per article, columns ``doc_id`` and
``text``, optionally ``language``) into long tables:

``sentences(corpus)``
    one row per sentence: ``doc_id, sent_id, start, end, text, language``.
``tokens(corpus_or_sentences)``
    one row per token: ``doc_id, sent_id, token_id, start, end, token, lower,
    is_stop, is_punct``.

Offsets always point into the document's own text, so
``doc_text[start:end] == sentence`` and ``doc_text[start:end] == token`` hold for
every row: tokens are the original surface strings (typographic quotes stay
typographic, ``"`` is never rewritten to ``` `` ```).

How sentences are found
-----------------------
1. **Paragraphs first.** A blank line always ends a sentence, so a headline
   without a final period never merges with the next paragraph. A single line
   break also ends a sentence, *unless* the document is hard-wrapped (most lines
   40-100 characters long, as in the Congressional Record or OCR output); then
   a single line break inside a paragraph is treated as a space, and only an
   indented next line or a short previous line ends a sentence there.
2. **Punkt** (NLTK's ``PunktSentenceTokenizer``) splits each paragraph, with the
   parameters from :func:`toolkit.resources.punkt_parameters` for the document's
   language. Closing quotation marks (``” " ’ ' » )``) stay with the sentence
   they close.
3. **News rules** (English only) correct Punkt where news prose trips it:

   * :data:`NEWS_TITLES` (*Gen., Mr., Dr., Lt., Col., Rep., Sen., Gov., St.* …)
     never end a sentence, unless a word from :data:`SENTENCE_STARTERS`
     (*The, He, It* …) follows;
   * :data:`NEWS_NUMERIC` (*No., Art., Vol., p.* …) and the month
     abbreviations :data:`NEWS_MONTHS` (*Jan.* – *Dec.*, *Sept.*) never end a
     sentence before a number (*No. 2*, *Sept. 18*);
   * *a.m.* / *p.m.* end a sentence before a title (*3 a.m. Mr. Trump spoke*) or
     a sentence starter; :data:`NEWS_ABBREVIATIONS` such as *U.S.*, *U.N.*,
     *Inc.*, *etc.* end one only before a sentence starter (*U.S. forces*,
     *U.S. Gen. Milley* stay whole);
   * ``?`` or ``!`` inside closing quotes followed by a lower-case word does not
     end a sentence (*“Why now?” he asked.*), in any language; nor does a
     period followed by ``, ; :`` (*Distr.: General*).

   All these abbreviations are also added to Punkt's learned ones, in a private
   copy of the parameters (the cached object from ``resources`` is never
   modified, and unseen words are not added to the copy's ``ortho_context``).

   A period with no space after it (``year.The``) never ends a sentence: Punkt
   needs whitespace there, and so does the word tokenizer.

Languages: ISO codes (``en``, ``ru``, ``de``, ``pt-BR`` …) and Punkt's names
(``english``) are accepted; a missing or empty language means English.
Languages without a bundled Punkt model (Arabic, Persian, Hebrew, Chinese …)
fall back to the English model *without* the news rules, with a
:class:`LanguageFallbackWarning` once per call; note that Punkt only knows
``. ? !`` as sentence ends, so ``؟`` or ``。`` do not split sentences there.

How tokens are found
--------------------
NLTK's ``NLTKWordTokenizer`` (the tokenizer behind ``nltk.word_tokenize``) runs
on each sentence; each token is then located in the sentence text. The
typographic apostrophe is treated like ``'`` so ``Iran’s`` gives ``Iran`` +
``’s`` and ``can’t`` gives ``ca`` + ``n’t``, exactly as NLTK splits the ASCII
spellings. Should NLTK ever produce a token that is not in the text, that
sentence falls back to a simple ``\\w+|[^\\w\\s]+`` split, so the offset
invariant always holds.

``is_stop`` uses :func:`toolkit.resources.stopwords` (English only; always
False in other languages; a clitic such as ``'s`` counts as ``s``).
``is_punct`` is True when every character is Unicode punctuation (``P*``) or a
math/modifier symbol (``+ = < > | ~ ^ ```), so currency signs and emoji are
not punctuation.

Tables: ``doc_id`` keeps the corpus' dtype; ``text``, ``language``, ``token``
and ``lower`` use pandas' default string dtype; ids and offsets are int64.

Dask: pass a ``dask.dataframe.DataFrame`` and both functions run partition by
partition (``map_partitions`` with a matching ``meta``); nothing is collected.
Each document must sit in one partition (true for any corpus split by rows,
and for the sentence table that :func:`sentences` returns). ``progress`` is
ignored there; use dask's own progress bar.

Example
-------
>>> import pandas as pd
>>> from toolkit.tokenize import sentences, tokens
>>> corpus = pd.DataFrame({"doc_id": ["a"],
...     "text": ["Gen. Qassem Soleimani was killed. U.S. forces said so."]})
>>> sentences(corpus)["text"].tolist()
['Gen. Qassem Soleimani was killed.', 'U.S. forces said so.']
>>> tokens(corpus)["token"].tolist()[:5]
['Gen.', 'Qassem', 'Soleimani', 'was', 'killed']
"""
from __future__ import annotations

import functools
import re
import unicodedata
import warnings
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "sentences",
    "tokens",
    "punkt_language",
    "LanguageFallbackWarning",
    "NEWS_TITLES",
    "NEWS_NUMERIC",
    "NEWS_MONTHS",
    "NEWS_TIME",
    "NEWS_ABBREVIATIONS",
    "SENTENCE_STARTERS",
    "SENTENCE_COLUMNS",
    "TOKEN_COLUMNS",
]

SENTENCE_COLUMNS = ("doc_id", "sent_id", "start", "end", "text", "language")
TOKEN_COLUMNS = (
    "doc_id", "sent_id", "token_id", "start", "end", "token", "lower", "is_stop", "is_punct",
)

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

    from . import resources

    source = resources.punkt_parameters(model)
    params = PunktParameters()
    params.abbrev_types = set(source.abbrev_types)
    params.collocations = set(source.collocations)
    params.sent_starters = set(source.sent_starters)
    params.ortho_context = _ZeroDefaultDict(source.ortho_context)
    if news:
        params.abbrev_types |= NEWS_TITLES | NEWS_MONTHS | NEWS_TIME | NEWS_ABBREVIATIONS
    return PunktSentenceTokenizer(params)


_RE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII
_WORD_RULES = (
    "STARTING_QUOTES",
    "PUNCTUATION",
    "PARENS_BRACKETS",
    "DOUBLE_DASHES",
    "ENDING_QUOTES",
    "CONTRACTIONS2",
    "CONTRACTIONS3",
)


def _with_stdlib_re(rule: Any) -> Any:
    """One of NLTK's rules (a pattern, ``(pattern, replacement)`` or a list of either) on ``re``."""
    if isinstance(rule, list):
        return [_with_stdlib_re(r) for r in rule]
    if isinstance(rule, tuple):
        return (_with_stdlib_re(rule[0]), rule[1])
    try:
        return re.compile(rule.pattern, rule.flags & _RE_FLAGS)
    except re.error:  # e.g. a possessive quantifier before Python 3.11: keep NLTK's pattern
        return rule


def _engine_differences() -> re.Pattern:
    r"""A class of the characters that ``re`` and ``regex`` classify differently.

    The tokenizer's patterns only use ``\w``, ``\s``, ``\d`` (and ``\b``, built
    on ``\w``) and letters matched case-insensitively; the two engines disagree
    on some 30,000 characters for these (combining marks, superscript digits,
    U+001C–U+001F…). Computed once from both engines, so it follows their
    Unicode versions.
    """
    import sys

    import regex

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    differ: set[str] = set()
    for cls in (r"\w", r"\s", r"\d", r"(?i)[a-z]"):
        differ |= set(re.findall(cls, every)) ^ set(regex.findall(cls, every, flags=regex.V0))
    return re.compile("[" + "".join(sorted(re.escape(c) for c in differ)) + "]")


@functools.lru_cache(maxsize=1)
def _word_tokenizers():
    """``(fast, exact, differ)``: NLTK's Treebank word tokenizer twice, and when to use which.

    NLTK 3.10 sends every pattern through ``nltk.redos`` (the ``regex`` engine
    under a wall-clock timeout), a guard meant for patterns a caller supplies.
    ``fast`` runs NLTK's own constant patterns on ``re``, as NLTK did until 3.9:
    half the time, the same tokens, except on text with a character from
    ``differ``, which goes to ``exact`` (``tests/test_tokenize.py`` compares).
    """
    from nltk.tokenize.destructive import NLTKWordTokenizer

    fast = NLTKWordTokenizer()
    for name in _WORD_RULES:
        setattr(fast, name, _with_stdlib_re(getattr(NLTKWordTokenizer, name)))
    return fast, NLTKWordTokenizer(), _engine_differences()


def _word_tokenize(text: str) -> list[str]:
    """NLTK's word tokens of ``text`` (see :func:`_word_tokenizers`)."""
    fast, exact, differ = _word_tokenizers()
    return (exact if differ.search(text) else fast).tokenize(text)


@functools.lru_cache(maxsize=1)
def _english_stopwords() -> frozenset[str]:
    from . import resources

    return resources.stopwords("english")


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


# ---------------------------------------------------------------------------
# Tokens within a sentence
# ---------------------------------------------------------------------------

_QUOTE_SURFACE = re.compile(r"\"|''|``")
_FALLBACK_TOKEN = re.compile(r"\w+|[^\w\s]+")


def _tokenize_sentence(
    sentence: str, offset: int, starts: list[int], ends: list[int], toks: list[str]
) -> int:
    """Append the tokens of ``sentence`` (offsets shifted by ``offset``); return their number.

    NLTK's tokenizer only inserts spaces, except that it rewrites ``"`` (and
    ``''``/````` ``) as ````` ``/``''``; every other token is found verbatim in
    the text. The tokens found must cover every non-space character exactly
    once, otherwise the sentence is re-split with :data:`_FALLBACK_TOKEN`.
    """
    mapped = sentence.replace("’", "'") if "’" in sentence else sentence
    verbatim = mapped is sentence
    n0 = len(starts)
    add_start, add_end, add_tok = starts.append, ends.append, toks.append
    pos = 0
    find = mapped.find
    ok = True
    for tok in _word_tokenize(mapped):
        if tok == "``" or tok == "''":
            m = _QUOTE_SURFACE.search(mapped, pos)
            if m is None:
                ok = False
                break
            i, pos = m.span()
            tok = m.group()
        else:
            i = find(tok, pos)
            if i < 0:
                ok = False
                break
            pos = i + len(tok)
        add_start(offset + i)
        add_end(offset + pos)
        add_tok(tok if verbatim or "'" not in tok else sentence[i:pos])
    if not ok or sum(ends[n0:]) - sum(starts[n0:]) != len("".join(mapped.split())):
        # the tokenizer dropped or rewrote something: split this sentence simply
        del starts[n0:], ends[n0:], toks[n0:]
        for m in _FALLBACK_TOKEN.finditer(sentence):
            add_start(offset + m.start())
            add_end(offset + m.end())
            add_tok(m.group())
    return len(starts) - n0


def _token_spans(sentence: str) -> list[tuple[int, int]]:
    """Token spans relative to ``sentence`` (see :func:`_tokenize_sentence`)."""
    starts: list[int] = []
    ends: list[int] = []
    _tokenize_sentence(sentence, 0, starts, ends, [])
    return list(zip(starts, ends))


_SYMBOL_PUNCT = frozenset({"Sm", "Sk"})


def _is_punct(token: str) -> bool:
    """Every character is punctuation (``P*``) or a math/modifier symbol."""
    for ch in token:
        cat = unicodedata.category(ch)
        if cat[0] != "P" and cat not in _SYMBOL_PUNCT:
            return False
    return bool(token)


def _is_stop(lower: str, stop: frozenset[str]) -> bool:
    key = lower.replace("’", "'")
    return key in stop or (key[:1] == "'" and key[1:] in stop)


def _is_english(language: Any) -> bool:
    return punkt_language(language) == "english"


# ---------------------------------------------------------------------------
# Frames
# ---------------------------------------------------------------------------


def _is_dask(obj: Any) -> bool:
    return type(obj).__module__.split(".", 1)[0] in ("dask", "dask_expr") and hasattr(
        obj, "map_partitions"
    )


def _languages(frame: pd.DataFrame) -> list[Any]:
    if "language" not in frame.columns:
        return ["en"] * len(frame)
    return [
        "en" if (v is None or (isinstance(v, float) and v != v) or v is pd.NA or v == "") else v
        for v in frame["language"].tolist()
    ]


def _progress(iterable: Iterable, total: int, show: bool, desc: str) -> Iterable:
    if not show:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="doc")


def _check_columns(frame: Any, needed: Iterable[str], what: str) -> None:
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise KeyError(f"{what} needs column(s) {missing}; it has {list(frame.columns)}")


def _warn_fallback(languages: set[str]) -> None:
    if languages:
        warnings.warn(
            f"no Punkt model for language(s) {sorted(languages)}; used English parameters",
            LanguageFallbackWarning,
            stacklevel=4,
        )


def _str_series(values: Any, name: str) -> pd.Series:
    return pd.Series(values, dtype=str, name=name)


def _repeat_ids(ids: pd.Series, counts: list[int]) -> pd.Series:
    """``ids`` repeated ``counts`` times each, keeping the dtype."""
    index = np.repeat(np.arange(len(ids)), np.asarray(counts, dtype=np.int64))
    return pd.Series(ids.array.take(index), name="doc_id")


def _sentences_pandas(corpus: pd.DataFrame, text_col: str, progress: bool) -> pd.DataFrame:
    _check_columns(corpus, ["doc_id", text_col], "sentences()")
    langs = _languages(corpus)
    texts = corpus[text_col].tolist()
    counts: list[int] = []
    sent_ids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    out_texts: list[str] = []
    out_langs: list[str] = []
    fallback: set[str] = set()
    for text, lang in _progress(zip(texts, langs), len(texts), progress, "sentences"):
        if not isinstance(text, str):
            text = ""
        if punkt_language(lang) is None:
            fallback.add(str(lang))
        spans = _sentence_spans(text, lang)
        counts.append(len(spans))
        sent_ids.extend(range(len(spans)))
        for s, e in spans:
            starts.append(s)
            ends.append(e)
            out_texts.append(text[s:e])
        out_langs.extend([str(lang)] * len(spans))
    _warn_fallback(fallback)
    return pd.DataFrame({
        "doc_id": _repeat_ids(corpus["doc_id"], counts),
        "sent_id": np.asarray(sent_ids, dtype=np.int64),
        "start": np.asarray(starts, dtype=np.int64),
        "end": np.asarray(ends, dtype=np.int64),
        "text": _str_series(out_texts, "text"),
        "language": _str_series(out_langs, "language"),
    })


def _token_frame(
    doc_ids: pd.Series,
    row_counts: list[int],
    sent_ids: list[int],
    sent_counts: list[int],
    sent_english: list[bool],
    starts: list[int],
    ends: list[int],
    toks: list[str],
) -> pd.DataFrame:
    """Assemble the token table; ``lower``/``is_stop``/``is_punct`` per distinct token."""
    codes, uniques = pd.factorize(np.asarray(toks, dtype=object), use_na_sentinel=False)
    uniques = list(uniques)
    lowers_u = [t.lower() for t in uniques]
    stop = _english_stopwords() if any(sent_english) else frozenset()
    stop_u = np.fromiter((_is_stop(t, stop) for t in lowers_u), dtype=bool, count=len(uniques))
    punct_u = np.fromiter((_is_punct(t) for t in uniques), dtype=bool, count=len(uniques))
    english = np.repeat(np.asarray(sent_english, dtype=bool), sent_counts)
    return pd.DataFrame({
        "doc_id": _repeat_ids(doc_ids, row_counts),
        "sent_id": np.repeat(np.asarray(sent_ids, dtype=np.int64), sent_counts),
        "token_id": np.zeros(len(toks), dtype=np.int64),  # filled in by the caller
        "start": np.asarray(starts, dtype=np.int64),
        "end": np.asarray(ends, dtype=np.int64),
        "token": _str_series(toks, "token"),
        "lower": pd.Series(_str_series(lowers_u, "lower").array.take(codes), name="lower"),
        "is_stop": stop_u[codes] & english,
        "is_punct": punct_u[codes],
    })


def _ids_within_groups(new_group: np.ndarray) -> np.ndarray:
    """0, 1, 2 … restarting wherever ``new_group`` is True."""
    positions = np.arange(len(new_group), dtype=np.int64)
    if not len(positions):
        return positions
    firsts = np.maximum.accumulate(np.where(new_group, positions, 0))
    return positions - firsts


def _tokens_from_corpus(corpus: pd.DataFrame, text_col: str, progress: bool) -> pd.DataFrame:
    _check_columns(corpus, ["doc_id", text_col], "tokens()")
    langs = _languages(corpus)
    texts = corpus[text_col].tolist()
    starts: list[int] = []
    ends: list[int] = []
    toks: list[str] = []
    doc_counts: list[int] = []
    sent_ids: list[int] = []
    sent_counts: list[int] = []
    sent_english: list[bool] = []
    fallback: set[str] = set()
    for text, lang in _progress(zip(texts, langs), len(texts), progress, "tokens"):
        if not isinstance(text, str):
            text = ""
        if punkt_language(lang) is None:
            fallback.add(str(lang))
        english = _is_english(lang)
        n_doc = 0
        for sent_id, (s, e) in enumerate(_sentence_spans(text, lang)):
            n = _tokenize_sentence(text[s:e], s, starts, ends, toks)
            sent_ids.append(sent_id)
            sent_counts.append(n)
            sent_english.append(english)
            n_doc += n
        doc_counts.append(n_doc)
    _warn_fallback(fallback)
    frame = _token_frame(
        corpus["doc_id"], doc_counts, sent_ids, sent_counts, sent_english, starts, ends, toks
    )
    new_doc = np.zeros(len(toks), dtype=bool)
    firsts = np.cumsum([0] + doc_counts[:-1])
    new_doc[firsts[np.asarray(doc_counts) > 0]] = True
    frame["token_id"] = _ids_within_groups(new_doc)
    return frame


def _tokens_from_sentences(sents: pd.DataFrame, text_col: str, progress: bool) -> pd.DataFrame:
    _check_columns(sents, ["doc_id", "sent_id", "start", text_col], "tokens()")
    langs = _languages(sents)
    texts = sents[text_col].tolist()
    offsets = sents["start"].to_numpy(dtype=np.int64).tolist()
    sent_ids = sents["sent_id"].to_numpy(dtype=np.int64).tolist()
    starts: list[int] = []
    ends: list[int] = []
    toks: list[str] = []
    sent_counts: list[int] = []
    sent_english: list[bool] = []
    for text, lang, offset in _progress(zip(texts, langs, offsets), len(texts), progress, "tokens"):
        if not isinstance(text, str):
            text = ""
        sent_counts.append(_tokenize_sentence(text, offset, starts, ends, toks))
        sent_english.append(_is_english(lang))
    frame = _token_frame(
        sents["doc_id"], sent_counts, sent_ids, sent_counts, sent_english, starts, ends, toks
    )
    # token_id restarts with each document (a document's sentences are consecutive rows)
    codes = pd.factorize(frame["doc_id"], use_na_sentinel=False)[0]
    new_doc = np.ones(len(codes), dtype=bool)
    new_doc[1:] = codes[1:] != codes[:-1]
    frame["token_id"] = _ids_within_groups(new_doc)
    return frame


def _is_sentence_table(frame: Any) -> bool:
    return {"sent_id", "start", "end"}.issubset(frame.columns)


def sentences(corpus: Any, *, text_col: str = "text", progress: bool = False) -> Any:
    """One row per sentence: ``doc_id, sent_id, start, end, text, language``.

    ``corpus`` is a pandas or dask DataFrame with ``doc_id`` and ``text_col``
    (and optionally ``language``, default ``"en"``). ``start``/``end`` are
    character offsets into the document text; ``sent_id`` counts from 0 in each
    document. ``progress=True`` shows a tqdm bar over documents (pandas only).

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["d1"], "text": ["“It was good.” He left at 3 p.m. Mr. Trump stayed."]})
    >>> sentences(corpus)[["sent_id", "start", "end", "text"]].values.tolist()
    [[0, 0, 14, '“It was good.”'], [1, 15, 32, 'He left at 3 p.m.'], [2, 33, 50, 'Mr. Trump stayed.']]
    """
    if _is_dask(corpus):
        _check_columns(corpus, ["doc_id", text_col], "sentences()")
        meta = _sentences_pandas(corpus._meta, text_col, False)
        return corpus.map_partitions(_sentences_pandas, text_col, False, meta=meta)
    return _sentences_pandas(corpus, text_col, progress)


def tokens(corpus_or_sentences: Any, *, text_col: str = "text", progress: bool = False) -> Any:
    """One row per token: ``doc_id, sent_id, token_id, start, end, token, lower, is_stop, is_punct``.

    Give it a corpus (it splits sentences first) or the output of
    :func:`sentences` (recognised by its ``sent_id``/``start``/``end``
    columns; the sentence ``start`` maps token offsets back into the
    document). ``doc_text[start:end] == token`` for every row, and ``token_id``
    counts from 0 in each document. Works on pandas and dask DataFrames.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["d1"], "text": ["Iran’s general was not there, officials said."]})
    >>> tokens(corpus)[["token", "start", "end", "is_stop"]].values.tolist()[:4]
    [['Iran', 0, 4, False], ['’s', 4, 6, True], ['general', 7, 14, False], ['was', 15, 18, True]]
    """
    frame = corpus_or_sentences
    from_sentences = _is_sentence_table(frame)
    worker = _tokens_from_sentences if from_sentences else _tokens_from_corpus
    if _is_dask(frame):
        _check_columns(frame, ["doc_id", text_col], "tokens()")
        meta = worker(frame._meta, text_col, False)
        return frame.map_partitions(worker, text_col, False, meta=meta)
    return worker(frame, text_col, progress)
