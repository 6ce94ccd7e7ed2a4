"""The label families of :func:`toolkit.discourse.labels`: the editable file and its compiled form.

``data/labels/label_families.yaml`` (see its README) lists, for each kind
(``descriptor``, ``event``), families of labels and the forms each label is
written in (``{x}`` stands for up to four words); :func:`load_families` reads
it, or a mapping of the same shape, into one :class:`LabelLexicon` per kind.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

import yaml

from .. import resources
from ..text.parts import norm

__all__ = ["LabelLexicon", "load_families", "default_families_path", "KINDS"]

KINDS = ("descriptor", "event")


def default_families_path() -> Path:
    """``data/labels/label_families.yaml``."""
    return resources.data_dir() / "labels" / "label_families.yaml"


_GAP = r"[^\s.,;:!?“”\"()]+(?:\s+[^\s.,;:!?“”\"()]+){0,3}?"


def _form_regex(form: str) -> str:
    words = []
    for word in form.split():
        if word == "{x}":
            words.append(_GAP)
        else:
            words.append(re.escape(norm(word)).replace("'", "['’]"))
    return r"\s+".join(words)


_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\w-])", r"(?![\w-])"  # whole words: not inside a word or a hyphenated one


def _key(surface: str) -> str:
    return " ".join(norm(surface).split())


@dataclass(frozen=True)
class LabelLexicon:
    """The compiled word list of one kind (descriptor or event)."""

    kind: str
    plain: re.Pattern | None                       # all forms without gaps, longest first
    lookup: Mapping[str, tuple[str, str] | None]   # normalised form → (label, family); None = ignore
    gapped: tuple[tuple[re.Pattern, str, str], ...]  # forms with {x}
    families: Mapping[str, str]                    # family → description
    plurals: frozenset[str]                        # forms that are plurals of another form
    single_words: frozenset[str]                   # one-word forms (for token tests)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
        """Non-overlapping ``(start, end, label, family)`` in ``text[start:end]``, longest first."""
        end = len(text) if end is None else end
        found: list[tuple[int, int, str, str]] = []
        if self.plain is not None:
            for m in self.plain.finditer(text, start, end):
                entry = self.lookup[_key(m.group())]
                label, family = entry if entry is not None else ("", "")
                found.append((m.start(), m.end(), label, family))
        for pattern, label, family in self.gapped:
            for m in pattern.finditer(text, start, end):
                found.append((m.start(), m.end(), label, family))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out: list[tuple[int, int, str, str]] = []
        last = -1
        for item in found:
            if item[0] >= last:
                out.append(item)
                last = item[1]
        return [item for item in out if item[2]]  # drop the "ignore" expressions


def load_families(families: str | os.PathLike | Mapping[str, Any] | None = None) -> dict[str, LabelLexicon]:
    """Read a families file (default :func:`default_families_path`) or a mapping of the same shape.

    Returns ``{"descriptor": LabelLexicon, "event": LabelLexicon}``. Raises
    ``ValueError`` with the offending entry when the file is malformed or a
    form is listed twice.

    >>> lex = load_families({"descriptor": {"bad": {"labels": {"villain": ["villain"]}}},
    ...                      "event": {"neutral": {"labels": {"kill": ["killed"]}}}})
    >>> lex["descriptor"].find("a villain indeed")
    [(2, 9, 'villain', 'bad')]
    """
    if families is None:
        families = default_families_path()
    if isinstance(families, (str, os.PathLike)):
        path = Path(families)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: not valid YAML: {exc}") from None
        where = str(path)
    else:
        data, where = families, "families"
    if not isinstance(data, Mapping):
        raise ValueError(f"{where}: expected a mapping with keys {list(KINDS)} (and optionally 'ignore')")
    out: dict[str, LabelLexicon] = {}
    seen: dict[str, str] = {}
    ignore = data.get("ignore") or []
    if isinstance(ignore, str) or not isinstance(ignore, Sequence):
        raise ValueError(f"{where}: 'ignore' must be a list of expressions")
    ignore_keys = {_key(str(f)) for f in ignore if str(f).strip()}
    for key in ignore_keys:
        seen[key] = "ignore"
    for kind in KINDS:
        section = data.get(kind) or {}
        if not isinstance(section, Mapping):
            raise ValueError(f"{where}: '{kind}' must map family names to entries")
        lookup: dict[str, tuple[str, str]] = {}
        gapped: list[tuple[re.Pattern, str, str]] = []
        descriptions: dict[str, str] = {}
        by_label: dict[str, set[str]] = {}
        for family, entry in section.items():
            if isinstance(entry, Mapping):
                descriptions[str(family)] = " ".join(str(entry.get("description", "")).split())
                table = entry.get("labels") or {}
            else:
                raise ValueError(f"{where}: {kind}/{family} must have a 'labels' mapping")
            if not isinstance(table, Mapping):
                raise ValueError(f"{where}: {kind}/{family}/labels must map a label to a list of forms")
            for label, forms in table.items():
                if isinstance(forms, str):
                    forms = [forms]
                if not forms:
                    forms = [str(label)]
                for form in forms:
                    form = " ".join(str(form).split())
                    key = _key(form)
                    if key in seen:
                        raise ValueError(f"{where}: form {form!r} is listed twice ({seen[key]} and "
                                         f"{kind}/{family}/{label})")
                    seen[key] = f"{kind}/{family}/{label}"
                    if "{x}" in form:
                        gapped.append((re.compile(_EDGE_BEFORE + _form_regex(form) + _EDGE_AFTER, re.IGNORECASE),
                                       str(label), str(family)))
                    else:
                        lookup[key] = (str(label), str(family))
                        by_label.setdefault(str(label), set()).add(key)
        single = frozenset(k for k in lookup if " " not in k)
        lookup.update(dict.fromkeys(ignore_keys))
        keys = sorted(lookup, key=lambda k: (-len(k), k))
        # the word edges once around the alternatives: most positions fail the first test at once
        plain = re.compile(_EDGE_BEFORE + "(?:" + "|".join(_form_regex(k) for k in keys) + ")" + _EDGE_AFTER,
                           re.IGNORECASE) if keys else None
        plurals = set()
        for forms in by_label.values():
            for f in forms:
                if (f.endswith("s") and f[:-1] in forms) or (f.endswith("es") and f[:-2] in forms):
                    plurals.add(f)
        out[kind] = LabelLexicon(kind, plain, lookup, tuple(gapped), descriptions, frozenset(plurals), single)
    return out
