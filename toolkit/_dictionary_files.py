"""The :class:`Dictionary` class and its file formats (see :mod:`toolkit.dictionary`).

:class:`Dictionary` holds categories and their patterns, checked and
normalised however it is built (:meth:`Dictionary.from_dict`, or directly);
:func:`load_dictionary` reads a YAML (``.yml``/``.yaml``) or LIWC ``.dic``
file, with errors (:class:`DictionaryError`) that name the file and line. The
formats are described in :mod:`toolkit.dictionary`, which imports these names
and holds the matching (``lookup``, ``count``); pattern units and the compiled
matcher are in :mod:`toolkit._dictionary_patterns`.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ._dictionary_patterns import _Matcher, _normalise_pattern, _pattern_problem


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
