"""Reading dictionary files: :func:`load_dictionary` for YAML and LIWC ``.dic``.

Errors (:class:`~toolkit.framing.dictionary.DictionaryError`) name the file and
the line. The patterns themselves are described in :mod:`toolkit.framing.lookup`.

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
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from .dictionary import Dictionary, DictionaryError, _add_category, _check_residual, _residual
from .patterns import _normalise_pattern, _pattern_problem

__all__ = ["load_dictionary"]


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
