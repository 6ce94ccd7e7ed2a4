"""Dictionary patterns → token units, and their compiled form (see :mod:`toolkit.framing.lookup`).

A pattern is normalised (lower case, ``’`` → ``'``, whitespace collapsed),
split into token units the way :mod:`toolkit.text.tokenize` splits text (with
``*`` and ``?`` kept), checked (:func:`_pattern_problem`), and compiled with
the other patterns of a :class:`~toolkit.framing.Dictionary` into a
:class:`_Matcher`: the distinct units (plain words or globs) and the entries
built from them, which :func:`toolkit.framing.lookup` matches against a
tokens table. The Dictionary class is in :mod:`toolkit.framing.dictionary`,
its file formats in :mod:`toolkit.framing.dictionary_files`.

>>> _pattern_units(_normalise_pattern("Don’t  Cost* of living"))
('do', "n't", 'cost*', 'of', 'living')
>>> _pattern_problem("*")
'the pattern has no literal character (it would match every word)'
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from collections.abc import Mapping, Sequence
from typing import Any

from ..text.word_rules import _word_tokenize

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})
_STAR, _QMARK, _END = "qzxstarqzx", "qzxqmarkqzx", "qzxendqzx"
_MATH_PUNCT = frozenset("+=<>|~^`")


def _normalise_pattern(pattern: str) -> str:
    return " ".join(pattern.translate(_APOSTROPHES).lower().split())


@functools.lru_cache(maxsize=65536)
def _pattern_units(pattern: str) -> tuple[str, ...]:
    """Split a normalised pattern into token units, as the tokenizer splits text."""
    masked = pattern.replace("*", f"{_STAR}").replace("?", f"{_QMARK}")
    units = _word_tokenize(f"{masked} {_END}")[:-1]
    return tuple(u.replace(_STAR, "*").replace(_QMARK, "?") for u in units)


def _is_punct(token: str) -> bool:
    return bool(token) and all(
        unicodedata.category(ch).startswith("P") or ch in _MATH_PUNCT for ch in token)


def _pattern_problem(pattern: str) -> str | None:
    """Why a normalised pattern cannot be used, or None."""
    units = _pattern_units(pattern)
    if not units:
        return "the pattern is empty"
    if not any(u.strip("*?") for u in units):
        return "the pattern has no literal character (it would match every word)"
    for u in (units[0], units[-1]):
        if not u.replace("*", ""):
            return "a lone '*' may only stand between two words (as in 'hold * accountable')"
    for u in units:
        if _is_punct(u.replace("*", "").replace("?", "")) and u.replace("*", "").replace("?", ""):
            return (f"it contains the punctuation token {u!r}; punctuation is never matched "
                    f"(leave it out)")
    return None


@dataclass(frozen=True)
class _Unit:
    text: str
    glob: bool
    prefix: str
    regex: Any


def _make_unit(text: str) -> _Unit:
    if "*" not in text and "?" not in text:
        return _Unit(text, False, text, None)
    cut = min(i for i in (text.find("*"), text.find("?")) if i >= 0)
    body = "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in text)
    return _Unit(text, True, text[:cut], re.compile(body, re.S))


@dataclass(frozen=True)
class _Entry:
    category: int
    pattern: str
    units: tuple[int, ...]  # unit ids
    n_words: int
    n_literal: int
    order: int


class _Matcher:
    """Compiled form of a Dictionary's categories: distinct units and the patterns built from them."""

    def __init__(self, categories: Mapping[str, Sequence[str]]):
        self.categories = list(categories)
        self.units: list[_Unit] = []
        unit_ids: dict[str, int] = {}
        self.entries: list[_Entry] = []

        def uid(text: str) -> int:
            if text not in unit_ids:
                unit_ids[text] = len(self.units)
                self.units.append(_make_unit(text))
            return unit_ids[text]

        order = 0
        for c, (cat, patterns) in enumerate(categories.items()):
            for pattern in patterns:
                units = _pattern_units(pattern)
                n_literal = sum(len(u.replace("*", "").replace("?", "")) for u in units)
                self.entries.append(_Entry(c, pattern, tuple(uid(u) for u in units), len(units),
                                           n_literal, order))
                words = pattern.split()
                if len(words) > 1 and len(units) == len(words) and all(
                        w.replace("*", "") and "-" not in w for w in words):
                    self.entries.append(_Entry(c, pattern, (uid("-".join(words)),), len(units),
                                               n_literal, order))
                order += 1
