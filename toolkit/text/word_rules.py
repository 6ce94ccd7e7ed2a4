"""Tokens within a sentence: NLTK's word tokenizer, located back in the text.

Described in :mod:`toolkit.text.tokenize`, which uses this module;
:func:`_tokenize_sentence` is the entry point.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from .sentence_rules import punkt_language

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


def _engine_differences() -> frozenset[str]:
    r"""The characters that ``re`` and ``regex`` classify differently.

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
    return frozenset(differ)


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
    return (fast if differ.isdisjoint(text) else exact).tokenize(text)


@functools.lru_cache(maxsize=1)
def _english_stopwords() -> frozenset[str]:
    from .. import resources

    return resources.stopwords("english")


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
