"""The :class:`Dictionary` class: categories and their patterns, checked however it is built.

:class:`Dictionary` holds categories and their patterns, normalised and
checked the same way whether it is built with :meth:`Dictionary.from_dict`,
directly, or read from a file by :func:`toolkit.framing.load_dictionary`
(:mod:`toolkit.framing.dictionary_files`); a malformed one raises
:class:`DictionaryError`. How a pattern is split into token units and compiled
is in :mod:`toolkit.framing.patterns`; matching in :mod:`toolkit.framing.lookup`.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .patterns import _Matcher, _normalise_pattern, _pattern_problem

__all__ = ["Dictionary", "DictionaryError"]


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
            self._matcher_cache[:] = [(key, _Matcher(self.categories))]
        return self._matcher_cache[0][1]


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
