"""Dictionaries of words and phrases, and where their entries occur in a tokens table.

This is the ``dictionary()`` / ``tokens_lookup()`` idea of quanteda, in pandas:
a *dictionary* maps categories (``conflict``, ``economic`` …) to *patterns*,
and :func:`lookup` finds every place a pattern matches in the output of
:func:`toolkit.tokenize.tokens`. :func:`count` turns the hits into counts per
document (or any other group) per 1,000 tokens.

Dictionary files
----------------
Chosen by extension:

``.yml`` / ``.yaml``
    A mapping *category → list of patterns*. Nested mappings give categories
    joined with ``.`` (``conflict: {war: [...], dispute: [...]}`` gives
    ``conflict.war`` and ``conflict.dispute``). An optional top-level ``meta:``
    block (``name``, ``version``, ``source``, ``licence`` …) is not a category.
    A category with no patterns is an error, unless ``meta: residual:`` lists
    it (a residual category such as the Policy Frames Codebook's ``other``,
    which a dictionary never assigns)::

        meta:
          name: my frames
          version: "1.0"
        conflict:
          - clash*
          - war of words
        economic:
          costs: [cost, costs, "cost* of living"]

``.dic``
    The LIWC format: a header between two ``%`` lines with one
    ``number<TAB>category`` per line, then one ``pattern<TAB>number number …``
    per line (a multi-word pattern is separated from its numbers by a tab).

In YAML, quote a pattern that starts with ``*`` (``"*-year-old"``: a bare
``*`` starts a YAML alias) and, inside ``[...]`` lists, one that contains
``?``. Words YAML would read as booleans or numbers (``no``, ``on``, ``1.0``)
stay text. Malformed files raise :class:`DictionaryError` naming the file and line.

Patterns
--------
* case-insensitive; the typographic apostrophe ``’`` counts as ``'``;
* glob wildcards: ``*`` is any run of characters (also none), ``?`` exactly one
  character: ``terror*`` matches *terror, terrorist, terrorism*; a pattern
  must contain at least one literal character;
* a pattern is split into tokens the way :mod:`toolkit.tokenize` splits text
  (``don't`` → ``do`` + ``n't``, ``Iran's`` → ``iran`` + ``'s``), so write
  patterns as you would write the text;
* several words (``human rights``, ``cost* of living``) match consecutive
  tokens of one sentence with no punctuation between them (``human, rights``
  does not match). A multi-word pattern also matches its hyphenated one-token
  spelling (``cost* of living`` matches ``cost-of-living``, ``human rights``
  matches ``human-rights``). A lone ``*`` word stands for any one word
  (``hold * accountable``);
* patterns are matched against ``tokens.lower``; punctuation tokens never match.

When patterns of one category overlap, the longest match wins (most tokens;
then the pattern with more words, then more literal characters, then the
earlier pattern in the file); the losing hits are dropped. Categories are
independent: one token can count for several categories.

Negation
--------
``lookup(..., negation_window=3)`` marks a hit ``negated`` when one of
:data:`NEGATIONS` occurs among the 3 words (non-punctuation tokens) before the
hit's first token in the same sentence: *this is not a threat* → ``threat``
negated. ``n't`` is a token of its own (*isn't* → *is* + *n't*), so it counts.

Example
-------
>>> import pandas as pd
>>> from toolkit.tokenize import tokens
>>> from toolkit.dictionary import Dictionary, lookup, count
>>> corpus = pd.DataFrame({"doc_id": ["a"],
...     "text": ["Critics said the terrorist attack was not a threat to human rights."]})
>>> toks = tokens(corpus)
>>> d = Dictionary.from_dict({"security": ["terror*", "threat*"], "rights": ["human rights"]})
>>> hits = lookup(toks, d, negation_window=3)
>>> hits[["category", "pattern", "match", "negated"]].values.tolist()
[['security', 'terror*', 'terrorist', False], ['security', 'threat*', 'threat', True], ['rights', 'human rights', 'human rights', False]]
>>> count(toks, hits).round(1)[["category", "n_hits", "n_tokens", "per_1000"]].values.tolist()
[['security', 2, 12, 166.7], ['rights', 1, 12, 83.3]]
"""
from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "Dictionary",
    "DictionaryError",
    "load_dictionary",
    "lookup",
    "count",
    "NEGATIONS",
    "HIT_COLUMNS",
]

#: The default negation words of :func:`lookup` (matched like patterns, on ``tokens.lower``).
NEGATIONS: tuple[str, ...] = ("not", "no", "never", "n't", "without", "nor", "neither", "cannot")

#: Columns of :func:`lookup`'s result, in order.
HIT_COLUMNS = ("doc_id", "sent_id", "category", "pattern", "match", "start", "end", "token_id", "negated")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})
_STAR, _QMARK, _END = "qzxstarqzx", "qzxqmarkqzx", "qzxendqzx"
_MATH_PUNCT = frozenset("+=<>|~^`")


class DictionaryError(ValueError):
    """A dictionary file or mapping is malformed; the message names the file and line."""


# ======================================================================================
# Dictionary
# ======================================================================================


@dataclass(frozen=True)
class Dictionary:
    """Categories and their patterns, in the order they were written.

    ``categories`` maps each category to a tuple of patterns (lower-cased,
    whitespace collapsed, ``’`` written as ``'``). ``meta`` holds the file's
    ``meta:`` block (``name``, ``version``, ``source``, ``licence``, ``residual`` …).

    >>> d = Dictionary.from_dict({"conflict": {"war": ["war", "wars"]}, "economic": ["Cost*"]})
    >>> d.categories
    {'conflict.war': ('war', 'wars'), 'economic': ('cost*',)}
    """

    name: str
    categories: dict[str, tuple[str, ...]]
    meta: dict = field(default_factory=dict)
    _matcher_cache: list = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Built directly (not through a loader): normalise and check the patterns the same way.
        if not isinstance(self.categories, Mapping):
            raise DictionaryError(f"<{self.name}>: categories must be a mapping of category -> patterns")
        meta = dict(self.meta or {})
        residual = _residual(meta, f"<{self.name}>")
        clean: dict[str, tuple[str, ...]] = {}
        for cat, patterns in self.categories.items():
            if isinstance(patterns, str):
                raise DictionaryError(f"<{self.name}>: category {cat!r} must be a list of patterns, not a string")
            _add_category(clean, str(cat), list(patterns), residual, f"<{self.name}>")
        _check_residual(clean, residual, f"<{self.name}>")
        object.__setattr__(self, "categories", clean)
        object.__setattr__(self, "meta", meta)

    # -------------------------------------------------------------------- building
    @classmethod
    def from_dict(cls, mapping: Mapping[str, Any], *, name: str | None = None,
                  meta: Mapping[str, Any] | None = None) -> "Dictionary":
        """Build a dictionary from ``{category: [patterns]}`` (nested mappings allowed).

        A top-level ``"meta"`` key is taken as the meta block (``meta=`` wins
        where both give a key). Errors name the category path.
        """
        if not isinstance(mapping, Mapping):
            raise DictionaryError(
                f"<dict>: a dictionary must be a mapping of category -> list of patterns, "
                f"not {type(mapping).__name__}")
        mapping = dict(mapping)
        info: dict[str, Any] = {}
        if "meta" in mapping:
            block = mapping.pop("meta")
            if not isinstance(block, Mapping):
                raise DictionaryError("<dict>: 'meta' must be a mapping (name, version, source, licence …)")
            info.update(block)
        if meta:
            info.update(meta)
        residual = _residual(info, "<dict>")
        categories: dict[str, tuple[str, ...]] = {}

        def walk(node: Mapping, prefix: str) -> None:
            if not node:
                raise DictionaryError(f"<dict>: category {prefix!r} is empty")
            for key, value in node.items():
                if not isinstance(key, str) or not key.strip():
                    raise DictionaryError(f"<dict>: category names must be non-empty strings, got {key!r}")
                cat = f"{prefix}.{key.strip()}" if prefix else key.strip()
                if isinstance(value, Mapping):
                    walk(value, cat)
                    continue
                if isinstance(value, str) or not isinstance(value, Iterable):
                    raise DictionaryError(
                        f"<dict>: category {cat!r} must be a list of patterns, got {type(value).__name__}")
                patterns = []
                for item in value:
                    if not isinstance(item, str):
                        raise DictionaryError(
                            f"<dict>: category {cat!r}: patterns must be strings, got {item!r}")
                    patterns.append(item)
                _add_category(categories, cat, patterns, residual, "<dict>")

        walk(mapping, "")
        _check_residual(categories, residual, "<dict>")
        return cls(name=name or str(info.get("name", "dictionary")), categories=categories, meta=info)

    # -------------------------------------------------------------------- views
    @property
    def residual(self) -> tuple[str, ...]:
        """Categories listed in ``meta: residual:`` (allowed to have no patterns)."""
        return tuple(_residual(self.meta, self.name))

    @property
    def n_patterns(self) -> int:
        return sum(len(p) for p in self.categories.values())

    def table(self) -> pd.DataFrame:
        """One row per pattern: ``category, pattern, n_words, wildcard``."""
        rows = [(cat, p, len(p.split()), "*" in p or "?" in p)
                for cat, pats in self.categories.items() for p in pats]
        return pd.DataFrame(rows, columns=["category", "pattern", "n_words", "wildcard"])

    def __len__(self) -> int:
        return len(self.categories)

    def __iter__(self):
        return iter(self.categories)

    def __contains__(self, category: object) -> bool:
        return category in self.categories

    def _matcher(self) -> "_Matcher":
        """The compiled patterns, rebuilt if ``categories`` was changed in place."""
        key = tuple((c, tuple(p)) for c, p in self.categories.items())
        if not self._matcher_cache or self._matcher_cache[0][0] != key:
            self._matcher_cache[:] = [(key, _Matcher(self))]
        return self._matcher_cache[0][1]


def _normalise_pattern(pattern: str) -> str:
    return " ".join(pattern.translate(_APOSTROPHES).lower().split())


def _residual(info: Mapping[str, Any], where: str) -> list[str]:
    value = info.get("residual") or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise DictionaryError(f"{where}: meta 'residual' must be a category name or a list of them")
    return list(value)


def _add_category(categories: dict, cat: str, patterns: list[str], residual: list[str],
                  where: str) -> None:
    if cat in categories:
        raise DictionaryError(f"{where}: category {cat!r} is defined twice")
    clean: list[str] = []
    for raw in patterns:
        pattern = _normalise_pattern(raw)
        if not pattern:
            raise DictionaryError(f"{where}: category {cat!r} has an empty pattern")
        problem = _pattern_problem(pattern)
        if problem:
            raise DictionaryError(f"{where}: category {cat!r}, pattern {raw!r}: {problem}")
        if pattern not in clean:
            clean.append(pattern)
    if not clean and cat not in residual:
        raise DictionaryError(
            f"{where}: category {cat!r} has no patterns (give at least one, or list it "
            f"under meta: residual: if it is a residual category)")
    categories[cat] = tuple(clean)


def _check_residual(categories: dict, residual: list[str], where: str) -> None:
    unknown = [r for r in residual if r not in categories]
    if unknown:
        raise DictionaryError(f"{where}: meta 'residual' names unknown categories {unknown}")


# ======================================================================================
# Loading files
# ======================================================================================


def load_dictionary(path: str | os.PathLike) -> Dictionary:
    """Read a dictionary file: YAML (``.yml``/``.yaml``) or LIWC ``.dic``.

    >>> from toolkit import resources
    >>> d = load_dictionary(resources.data_dir() / "dictionaries" / "generic_frames.yaml")
    >>> list(d.categories)
    ['conflict', 'human_interest', 'responsibility', 'morality', 'economic']
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no dictionary file at {path}")
    suffix = path.suffix.lower()
    if suffix in (".yml", ".yaml"):
        return _load_yaml(path)
    if suffix == ".dic":
        return _load_dic(path)
    raise DictionaryError(f"{path}: unknown dictionary format {suffix or '(no extension)'!r}; "
                          f"use .yml/.yaml or LIWC .dic")


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _load_yaml(path: Path) -> Dictionary:
    import yaml

    text = _read_text(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DictionaryError(f"{path}{line}: not valid YAML: {problem}") from None

    def at(node) -> str:
        return f"{path}:{node.start_mark.line + 1}"

    if root is None:
        raise DictionaryError(f"{path}:1: the file is empty; expected a mapping of category -> list of patterns")
    if not isinstance(root, yaml.MappingNode):
        raise DictionaryError(f"{at(root)}: the top level must be a mapping of category -> list of patterns, "
                              f"not a {_node_kind(root)}")
    info: dict[str, Any] = {}
    body = []
    residual_at = f"{path}:1"
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "meta":
            if not isinstance(value, yaml.MappingNode):
                raise DictionaryError(f"{at(value)}: 'meta' must be a mapping (name, version, source, licence …)")
            info = _node_to_python(value)
            residual_at = next((at(k) for k, _ in value.value if k.value == "residual"), at(key))
        else:
            body.append((key, value))
    residual = _residual(info, residual_at)
    categories: dict[str, tuple[str, ...]] = {}

    def walk(pairs, prefix: str) -> None:
        seen: set[str] = set()
        for key, value in pairs:
            if not isinstance(key, yaml.ScalarNode) or not key.value.strip():
                raise DictionaryError(f"{at(key)}: category names must be non-empty text")
            name = key.value.strip()
            if name in seen:
                raise DictionaryError(f"{at(key)}: category {name!r} appears twice in the same block")
            seen.add(name)
            cat = f"{prefix}.{name}" if prefix else name
            if isinstance(value, yaml.MappingNode):
                if not value.value:
                    raise DictionaryError(f"{at(key)}: category {cat!r} is empty")
                walk(value.value, cat)
                continue
            if isinstance(value, yaml.ScalarNode):
                if value.tag.endswith(":null") or not value.value.strip():
                    if cat in residual:
                        _add_category(categories, cat, [], residual, at(key))
                        continue
                    raise DictionaryError(
                        f"{at(key)}: category {cat!r} is empty: give a list of patterns, or list it "
                        f"under meta: residual: if it is a residual category")
                raise DictionaryError(
                    f"{at(value)}: category {cat!r} must be a list of patterns, not a single value "
                    f"(write  {name}: [{value.value}]  or one '- pattern' per line)")
            patterns = []
            for item in value.value:
                if not isinstance(item, yaml.ScalarNode) or item.tag.endswith(":null"):
                    raise DictionaryError(
                        f"{at(item)}: category {cat!r}: each pattern must be a word or phrase, "
                        f"not a {_node_kind(item)}")
                patterns.append((item.value, at(item)))
            for raw, where in patterns:
                if not _normalise_pattern(raw):
                    raise DictionaryError(f"{where}: category {cat!r} has an empty pattern")
                problem = _pattern_problem(_normalise_pattern(raw))
                if problem:
                    raise DictionaryError(f"{where}: category {cat!r}, pattern {raw!r}: {problem}")
            _add_category(categories, cat, [p for p, _ in patterns], residual, at(key))

    walk(body, "")
    if not categories:
        raise DictionaryError(f"{at(root)}: no categories (only a meta block)")
    _check_residual(categories, residual, residual_at)
    name = str(info.get("name") or path.stem)
    info.setdefault("path", str(path))
    return Dictionary(name=name, categories=categories, meta=info)


def _node_kind(node) -> str:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    if node.tag.endswith(":null"):
        return "null value"
    return f"single value {node.value!r}"


def _node_to_python(node) -> Any:
    """YAML node → Python, keeping every scalar as text (so ``version: 1.0`` stays ``'1.0'``)."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        return {k.value: _node_to_python(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_node_to_python(v) for v in node.value]
    return None if node.tag.endswith(":null") else node.value


_DIC_ID = re.compile(r"^\d+$")


def _load_dic(path: Path) -> Dictionary:
    lines = _read_text(path).splitlines()
    n = len(lines)
    i = 0
    while i < n and not lines[i].strip():
        i += 1
    if i == n:
        raise DictionaryError(f"{path}:1: the file is empty; a LIWC .dic starts with a '%' line")
    if lines[i].strip() != "%":
        raise DictionaryError(f"{path}:{i + 1}: a LIWC .dic must start with a '%' line "
                              f"(then 'number<TAB>category' lines, then another '%')")
    header_start = i + 1
    names: dict[int, str] = {}
    header_line: dict[int, int] = {}
    i += 1
    while True:
        if i == n:
            raise DictionaryError(f"{path}:{header_start}: the category header opened here is never "
                                  f"closed by a second '%' line")
        raw = lines[i].strip()
        i += 1
        if not raw:
            continue
        if raw == "%":
            break
        parts = raw.split()
        if len(parts) != 2 or not _DIC_ID.match(parts[0]):
            hint = (f" (is the closing '%' line missing after the header opened on line {header_start - 1}?)"
                    if parts and _DIC_ID.match(parts[-1]) else "")
            raise DictionaryError(f"{path}:{i}: header lines must be 'number<TAB>category', "
                                  f"got {raw!r}{hint}")
        number, name = int(parts[0]), parts[1]
        if number in names:
            raise DictionaryError(f"{path}:{i}: category number {number} is defined twice "
                                  f"(first on line {header_line[number]})")
        if name in names.values():
            raise DictionaryError(f"{path}:{i}: category {name!r} is defined twice")
        names[number], header_line[number] = name, i
    if not names:
        raise DictionaryError(f"{path}:{header_start}: the header defines no categories")
    patterns: dict[int, list[str]] = {k: [] for k in names}
    for lineno in range(i + 1, n + 1):
        raw = lines[lineno - 1].strip()
        if not raw:
            continue
        if "\t" in raw:
            word, _, rest = raw.partition("\t")
            word, numbers = word.strip(), rest.split()
        else:
            parts = raw.split()
            k = len(parts)
            while k > 0 and _DIC_ID.match(parts[k - 1]):
                k -= 1
            word, numbers = " ".join(parts[:k]), parts[k:]
        if not word:
            raise DictionaryError(f"{path}:{lineno}: a line needs a pattern before its category numbers")
        if not numbers:
            raise DictionaryError(f"{path}:{lineno}: pattern {word!r} has no category numbers")
        problem = _pattern_problem(_normalise_pattern(word))
        if problem:
            raise DictionaryError(f"{path}:{lineno}: pattern {word!r}: {problem}")
        for number in numbers:
            if not _DIC_ID.match(number):
                raise DictionaryError(f"{path}:{lineno}: {number!r} is not a category number "
                                      f"(this LIWC syntax is not supported)")
            if int(number) not in names:
                raise DictionaryError(f"{path}:{lineno}: unknown category number {number} for pattern "
                                      f"{word!r} (the header defines {sorted(names)})")
            patterns[int(number)].append(word)
    categories: dict[str, tuple[str, ...]] = {}
    for number, name in names.items():
        if not patterns[number]:
            raise DictionaryError(f"{path}:{header_line[number]}: category {name!r} ({number}) has no patterns")
        _add_category(categories, name, patterns[number], [], f"{path}:{header_line[number]}")
    return Dictionary(name=path.stem, categories=categories, meta={"path": str(path), "format": "LIWC .dic"})


# ======================================================================================
# Patterns → token units
# ======================================================================================


@functools.lru_cache(maxsize=1)
def _word_tokenizer():
    from nltk.tokenize.destructive import NLTKWordTokenizer

    return NLTKWordTokenizer()


@functools.lru_cache(maxsize=65536)
def _pattern_units(pattern: str) -> tuple[str, ...]:
    """Split a normalised pattern into token units, as the tokenizer splits text."""
    masked = pattern.replace("*", f"{_STAR}").replace("?", f"{_QMARK}")
    units = _word_tokenizer().tokenize(f"{masked} {_END}")[:-1]
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
    """Compiled form of a Dictionary: distinct units and the patterns built from them."""

    def __init__(self, dictionary: Dictionary):
        self.categories = list(dictionary.categories)
        self.units: list[_Unit] = []
        unit_ids: dict[str, int] = {}
        self.entries: list[_Entry] = []

        def uid(text: str) -> int:
            if text not in unit_ids:
                unit_ids[text] = len(self.units)
                self.units.append(_make_unit(text))
            return unit_ids[text]

        order = 0
        for c, (cat, patterns) in enumerate(dictionary.categories.items()):
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


# ======================================================================================
# lookup
# ======================================================================================


def _require(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} needs column(s) {missing}; got {list(frame.columns)}. "
                         f"Make the table with toolkit.tokenize.tokens().")


def _as_dictionary(dictionary: Any) -> Dictionary:
    if isinstance(dictionary, Dictionary):
        return dictionary
    if isinstance(dictionary, Mapping):
        return Dictionary.from_dict(dictionary)
    if isinstance(dictionary, (str, os.PathLike)):
        return load_dictionary(dictionary)
    raise TypeError(f"expected a Dictionary, a mapping or a path, got {type(dictionary).__name__}")


def _empty_hits(toks: pd.DataFrame, categories: list[str]) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": toks["doc_id"].iloc[:0].reset_index(drop=True),
        "sent_id": np.zeros(0, np.int64),
        "category": pd.Categorical([], categories=categories),
        "pattern": pd.Series([], dtype=object),
        "match": pd.Series([], dtype=object),
        "start": np.zeros(0, np.int64),
        "end": np.zeros(0, np.int64),
        "token_id": np.zeros(0, np.int64),
        "negated": np.zeros(0, bool),
    })


def _texts_lookup(text: Any):
    """A function (doc_ids, starts, ends) → surface strings, from a corpus, sentences or mapping."""
    if isinstance(text, pd.DataFrame):
        _require(text, ["doc_id", "text"], "lookup(text=...)")
        if {"sent_id", "start"}.issubset(text.columns):
            spans = text[["doc_id", "start", "text"]].reset_index(drop=True)

            def slicer(doc_ids, starts, ends):
                out = []
                by_doc: dict[Any, tuple[np.ndarray, list]] = {}
                for d, g in spans.groupby("doc_id", sort=False):
                    order = np.argsort(g["start"].to_numpy(), kind="stable")
                    by_doc[d] = (g["start"].to_numpy()[order], [g["text"].tolist()[k] for k in order])
                for d, s, e in zip(doc_ids, starts, ends):
                    sstarts, stexts = by_doc[d]
                    k = int(np.searchsorted(sstarts, s, side="right")) - 1
                    out.append(stexts[k][s - sstarts[k]:e - sstarts[k]])
                return out

            return slicer
        mapping = dict(zip(text["doc_id"], text["text"]))
    elif isinstance(text, pd.Series):
        mapping = text.to_dict()
    elif isinstance(text, Mapping):
        mapping = text
    else:
        raise TypeError("text= must be a corpus or sentences DataFrame, a Series or a mapping doc_id -> text")

    def from_docs(doc_ids, starts, ends):
        return [mapping[d][s:e] for d, s, e in zip(doc_ids, starts, ends)]

    return from_docs


def lookup(tokens: pd.DataFrame, dictionary: Any, *, negation_window: int | None = None,
           negations: Iterable[str] = NEGATIONS, text: Any = None) -> pd.DataFrame:
    """Every place a dictionary pattern matches, one row per hit.

    ``tokens`` is the output of :func:`toolkit.tokenize.tokens` (at least
    ``doc_id, sent_id, token_id, start, end, lower``; ``token`` and
    ``is_punct`` are used when present). ``dictionary`` is a
    :class:`Dictionary`, a plain mapping or a path to a dictionary file.

    Returns ``doc_id, sent_id, category, pattern, match, start, end, token_id,
    negated``: ``category`` is a pandas Categorical whose categories are all
    the dictionary's categories (so :func:`count` can fill in zeros),
    ``start``/``end`` are document offsets from the hit's first to its last
    token, ``token_id`` is the first token's id, and ``match`` is the text
    between them. Give ``text=`` (the corpus, the sentences table or a mapping
    ``doc_id → text``) to take ``match`` from the text itself
    (``text[start:end] == match`` exactly); without it, ``match`` is rebuilt from
    the tokens with a space for each character between two tokens, which is
    the same except where a line break falls inside a multi-word hit.

    ``negated`` is True when one of ``negations`` occurs among the
    ``negation_window`` words before the hit in the same sentence (punctuation
    is not counted as a word); always False when ``negation_window`` is None.
    Rows come in document order, then by position, then by category order.
    """
    dictionary = _as_dictionary(dictionary)
    _require(tokens, ["doc_id", "sent_id", "token_id", "start", "end", "lower"], "lookup()")
    if negation_window is not None and (int(negation_window) != negation_window or negation_window < 0):
        raise ValueError(f"negation_window must be a whole number >= 0 or None, got {negation_window!r}")
    matcher = dictionary._matcher()
    categories = matcher.categories
    toks = tokens.reset_index(drop=True)
    if len(toks) == 0:
        return _empty_hits(toks, categories)

    # --- rows in document order, then token order ------------------------------------
    doc_codes, _ = pd.factorize(toks["doc_id"], sort=False)
    token_id = toks["token_id"].to_numpy(dtype=np.int64)
    if not (np.all(np.diff(doc_codes) >= 0) and
            np.all((np.diff(token_id) > 0) | (np.diff(doc_codes) != 0))):
        order = np.lexsort((token_id, doc_codes))
        toks = toks.iloc[order].reset_index(drop=True)
        doc_codes, token_id = doc_codes[order], token_id[order]

    lower = toks["lower"].astype(object).to_numpy()
    if "is_punct" in toks.columns:
        is_punct = toks["is_punct"].to_numpy(dtype=bool)
    else:
        is_punct = np.fromiter((_is_punct(str(t)) for t in lower), bool, len(lower))
    words = np.flatnonzero(~is_punct)  # row index of each word
    if len(words) == 0:
        return _empty_hits(toks, categories)
    w_lower = pd.Series(lower[words], dtype=object).fillna("").astype(str)
    w_lower = w_lower.str.translate(_APOSTROPHES).to_numpy(dtype=object)
    w_doc = doc_codes[words]
    w_sent = toks["sent_id"].to_numpy(dtype=np.int64)[words]
    w_tid = token_id[words]
    n = len(words)
    link = (w_doc[1:] == w_doc[:-1]) & (w_sent[1:] == w_sent[:-1]) & (w_tid[1:] == w_tid[:-1] + 1)

    vocab, inv = np.unique(w_lower, return_inverse=True)
    inv = inv.reshape(-1)
    unit_mask: dict[int, np.ndarray] = {}

    def mask(u: int) -> np.ndarray:
        """Boolean over the vocabulary: which distinct words unit u matches."""
        if u not in unit_mask:
            unit = matcher.units[u]
            m = np.zeros(len(vocab), bool)
            if not unit.glob:
                k = int(np.searchsorted(vocab, unit.text))
                if k < len(vocab) and vocab[k] == unit.text:
                    m[k] = True
            else:
                lo = int(np.searchsorted(vocab, unit.prefix, side="left"))
                hi = (int(np.searchsorted(vocab, unit.prefix + "\U0010ffff", side="left"))
                      if unit.prefix else len(vocab))
                full = unit.regex.fullmatch
                for k in range(lo, hi):
                    if full(vocab[k]):
                        m[k] = True
            unit_mask[u] = m
        return unit_mask[u]

    # --- candidate hits: (word position, length in words, entry) ------------------------
    cand_pos: list[np.ndarray] = []
    cand_len: list[np.ndarray] = []
    cand_ent: list[np.ndarray] = []
    first_pos: dict[int, np.ndarray] = {}
    single_vid: list[np.ndarray] = []
    single_ent: list[np.ndarray] = []
    for e, entry in enumerate(matcher.entries):
        if len(entry.units) == 1:
            vids = np.flatnonzero(mask(entry.units[0]))
            if len(vids):
                single_vid.append(vids)
                single_ent.append(np.full(len(vids), e, np.int64))
            continue
        u0 = entry.units[0]
        if u0 not in first_pos:
            first_pos[u0] = np.flatnonzero(mask(u0)[inv])
        pos = first_pos[u0]
        k = len(entry.units)
        for j in range(1, k):
            if not len(pos):
                break
            pos = pos[pos + j < n]
            pos = pos[link[pos + j - 1] & mask(entry.units[j])[inv[pos + j]]]
        if len(pos):
            cand_pos.append(pos)
            cand_len.append(np.full(len(pos), k, np.int64))
            cand_ent.append(np.full(len(pos), e, np.int64))
    if single_vid:
        pairs = pd.DataFrame({"vid": np.concatenate(single_vid), "ent": np.concatenate(single_ent)})
        hit_words = pd.DataFrame({"pos": np.arange(n, dtype=np.int64), "vid": inv})
        hit_words = hit_words[np.isin(inv, pairs["vid"].to_numpy())]
        joined = hit_words.merge(pairs, on="vid", how="inner")
        cand_pos.append(joined["pos"].to_numpy(np.int64))
        cand_len.append(np.ones(len(joined), np.int64))
        cand_ent.append(joined["ent"].to_numpy(np.int64))
    if not cand_pos:
        return _empty_hits(toks, categories)
    pos = np.concatenate(cand_pos)
    length = np.concatenate(cand_len)
    ent = np.concatenate(cand_ent)
    ent_cat = np.array([x.category for x in matcher.entries], np.int64)
    ent_words = np.array([x.n_words for x in matcher.entries], np.int64)
    ent_lit = np.array([x.n_literal for x in matcher.entries], np.int64)
    ent_order = np.array([x.order for x in matcher.entries], np.int64)
    cat = ent_cat[ent]

    # --- longest match wins within a category -------------------------------------------
    rank = np.lexsort((ent_order[ent], -ent_lit[ent], -ent_words[ent], pos, -length, cat))
    pos, length, ent, cat = pos[rank], length[rank], ent[rank], cat[rank]
    keep = np.ones(len(pos), bool)
    multi = np.flatnonzero(length > 1)
    covered: dict[int, np.ndarray] = {}
    for i in multi:  # few: multi-word candidates, longest first
        c = int(cat[i])
        cov = covered.setdefault(c, np.zeros(n, bool))
        p, k = int(pos[i]), int(length[i])
        if cov[p:p + k].any():
            keep[i] = False
        else:
            cov[p:p + k] = True
    single = np.flatnonzero(length == 1)
    if len(single):
        s_pos, s_cat = pos[single], cat[single]
        # the best single-word entry per (category, word) comes first after the sort
        key = s_cat * n + s_pos
        _, first = np.unique(key, return_index=True)
        dup = np.ones(len(single), bool)
        dup[first] = False
        keep[single[dup]] = False
        for c, cov in covered.items():
            hit = (s_cat == c) & cov[s_pos]
            keep[single[hit]] = False
    pos, length, ent, cat = pos[keep], length[keep], ent[keep], cat[keep]

    # --- negation ----------------------------------------------------------------------
    negated = np.zeros(len(pos), bool)
    if negation_window:
        neg_words = {_normalise_pattern(w) for w in negations}
        is_neg = np.isin(vocab, list(neg_words))[inv]
        cum = np.concatenate([[0], np.cumsum(is_neg)])
        new_sent = np.concatenate([[True], ~((w_doc[1:] == w_doc[:-1]) & (w_sent[1:] == w_sent[:-1]))])
        sent_first = np.maximum.accumulate(np.where(new_sent, np.arange(n), 0))
        lo = np.maximum(pos - int(negation_window), sent_first[pos])
        negated = (cum[pos] - cum[lo]) > 0

    # --- the table ----------------------------------------------------------------------
    first_row = words[pos]
    last_row = words[pos + length - 1]
    starts = toks["start"].to_numpy(dtype=np.int64)
    ends = toks["end"].to_numpy(dtype=np.int64)
    doc_ids = toks["doc_id"].to_numpy(dtype=object)
    hit_start, hit_end = starts[first_row], ends[last_row]
    if text is not None:
        match = _texts_lookup(text)(doc_ids[first_row], hit_start.tolist(), hit_end.tolist())
    else:
        surface = (toks["token"] if "token" in toks.columns else toks["lower"]).astype(object).to_numpy()
        match = surface[first_row].copy()
        for i in np.flatnonzero(length > 1):
            parts = [surface[first_row[i]]]
            for r in range(first_row[i] + 1, last_row[i] + 1):
                parts.append(" " * int(starts[r] - ends[r - 1]) + surface[r])
            match[i] = "".join(parts)
    patterns = np.array([x.pattern for x in matcher.entries], dtype=object)
    out = pd.DataFrame({
        "doc_id": pd.Series(doc_ids[first_row], dtype=toks["doc_id"].dtype),
        "sent_id": toks["sent_id"].to_numpy(dtype=np.int64)[first_row],
        "category": pd.Categorical.from_codes(cat, categories=categories),
        "pattern": patterns[ent],
        "match": pd.Series(list(match), dtype=object),
        "start": hit_start,
        "end": hit_end,
        "token_id": token_id[first_row],
        "negated": negated,
    })
    order = np.lexsort((cat, hit_start, doc_codes[first_row]))
    return out.iloc[order].reset_index(drop=True)


# ======================================================================================
# count
# ======================================================================================


def count(tokens: pd.DataFrame, hits: pd.DataFrame, *, by: str | list[str] = "doc_id",
          categories: Any = None, include_negated: bool = True) -> pd.DataFrame:
    """Hits per group and category, per 1,000 tokens, with every combination present.

    ``by`` is a column (or list of columns) of ``tokens``; hits get it through
    ``(doc_id, token_id)`` when they lack it (merge e.g. ``outlet`` onto the
    tokens first to count by outlet). ``categories`` (a list or a
    :class:`Dictionary`) fixes the category grid; by default it is the
    categories of ``hits.category`` (all the dictionary's categories when the
    hits come from :func:`lookup`).

    Returns ``*by, category, n_hits, n_negated, n_tokens, per_1000``, one row
    per group × category (zeros included): ``n_tokens`` counts the group's
    non-punctuation tokens, ``per_1000 = 1000 * n_hits / n_tokens`` (NaN for a
    group without tokens). ``include_negated=False`` leaves negated hits out
    of ``n_hits`` (``n_negated`` still reports them).
    """
    keys = [by] if isinstance(by, str) else list(by)
    _require(tokens, keys + ["doc_id"], "count()")
    _require(hits, ["category"], "count(hits=...)")
    if isinstance(categories, Dictionary):
        cats = list(categories.categories)
    elif categories is not None:
        cats = list(categories)
    elif isinstance(hits["category"].dtype, pd.CategoricalDtype):
        cats = list(hits["category"].cat.categories)
    else:
        cats = list(pd.unique(hits["category"]))
    words = ~tokens["is_punct"].to_numpy(dtype=bool) if "is_punct" in tokens.columns else np.ones(len(tokens), bool)
    n_tok = (pd.DataFrame({k: tokens[k].to_numpy() for k in keys}).assign(_w=words.astype(np.int64))
             .groupby(keys, sort=False, dropna=False)["_w"].sum().rename("n_tokens").reset_index())

    h = hits
    missing = [k for k in keys if k not in h.columns]
    if missing:
        _require(h, ["doc_id", "token_id"], "count(hits=...)")
        _require(tokens, ["token_id"], "count()")
        h = h.merge(tokens[["doc_id", "token_id"] + missing].drop_duplicates(["doc_id", "token_id"]),
                    on=["doc_id", "token_id"], how="left")
    neg = h["negated"].to_numpy(dtype=bool) if "negated" in h.columns else np.zeros(len(h), bool)
    counted = np.ones(len(h), bool) if include_negated else ~neg
    agg = (pd.DataFrame({**{k: h[k].to_numpy() for k in keys},
                         "category": h["category"].astype(object).to_numpy(),
                         "n_hits": counted.astype(np.int64), "n_negated": neg.astype(np.int64)})
           .groupby(keys + ["category"], sort=False, dropna=False)[["n_hits", "n_negated"]].sum()
           .reset_index())
    grid = n_tok[keys].merge(pd.DataFrame({"category": pd.Series(cats, dtype=object)}), how="cross")
    out = grid.merge(agg, on=keys + ["category"], how="left")
    out[["n_hits", "n_negated"]] = out[["n_hits", "n_negated"]].fillna(0).astype(np.int64)
    out = out.merge(n_tok, on=keys, how="left")
    with np.errstate(divide="ignore", invalid="ignore"):
        out["per_1000"] = np.where(out["n_tokens"] > 0, 1000.0 * out["n_hits"] / out["n_tokens"], np.nan)
    return out[keys + ["category", "n_hits", "n_negated", "n_tokens", "per_1000"]].reset_index(drop=True)
