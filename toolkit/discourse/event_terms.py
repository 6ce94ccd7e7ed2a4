"""The event terms of :func:`toolkit.discourse.agency`: the editable file and its compiled form.

``data/agency/event_terms.yaml`` lists the event verbs (with participles and
particles: *take out*), the intransitive verbs whose subject is the victim
(*died*), the event nouns (*death*, *targeted killing*) and the light verbs
that take an event noun as object (*order the strike*). :func:`load_event_terms`
reads it, a mapping of the same shape or a list of words into
:class:`EventTerms`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from .. import resources

__all__ = ["EventTerms", "load_event_terms", "default_event_terms_path"]


def default_event_terms_path() -> Path:
    """``data/agency/event_terms.yaml``."""
    return resources.data_dir() / "agency" / "event_terms.yaml"


@dataclass(frozen=True)
class EventTerms:
    """The compiled lists (all keys lower case)."""

    verbs: Mapping[str, str]                       # form → lemma
    participles: frozenset[str]
    particles: Mapping[str, str]                   # lemma → particle ("take out" → "out")
    intransitive: Mapping[str, str]
    nouns: Mapping[tuple[str, ...], str]           # token tuple → lemma
    light: Mapping[str, str]
    light_participles: frozenset[str]
    light_particles: Mapping[str, str]

    @property
    def noun_lengths(self) -> list[int]:
        return sorted({len(k) for k in self.nouns}, reverse=True)


def _entries(data: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    items = data.get(key) or []
    if not isinstance(items, list) or not all(isinstance(e, Mapping) and "lemma" in e for e in items):
        raise ValueError(f"{where}: '{key}' must be a list of entries with a 'lemma' and 'forms'")
    return items


def _verb_table(entries: list[Mapping[str, Any]]) -> tuple[dict[str, str], set[str], dict[str, str]]:
    """Forms → lemma, participles and particles of a list of verb entries (event or light verbs)."""
    forms: dict[str, str] = {}
    participles: set[str] = set()
    particles: dict[str, str] = {}
    for e in entries:
        lemma = str(e["lemma"]).lower()
        for f in e.get("forms") or [lemma]:
            forms[str(f).lower()] = lemma
        participles.update(str(p).lower() for p in e.get("participle") or [])
        if e.get("particle"):
            particles[lemma] = str(e["particle"]).lower()
    return forms, participles, particles


def _compile(data: Mapping[str, Any], where: str) -> EventTerms:
    verbs, participles, particles = _verb_table(_entries(data, "verbs", where))
    intransitive = {str(f).lower(): str(e["lemma"]).lower() for e in _entries(data, "intransitive", where)
                    for f in e.get("forms") or [e["lemma"]]}
    nouns: dict[tuple[str, ...], str] = {}
    for e in _entries(data, "nouns", where):
        for f in e.get("forms") or [e["lemma"]]:
            nouns[tuple(str(f).lower().replace("’", "'").split())] = str(e["lemma"]).lower()
    light, light_participles, light_particles = _verb_table(_entries(data, "light_verbs", where))
    return EventTerms(verbs, frozenset(participles), particles, intransitive, nouns, light,
                      frozenset(light_participles), light_particles)


def load_event_terms(event_terms: str | os.PathLike | Mapping[str, Any] | Iterable[str] | None = None) -> EventTerms:
    """Event terms from a YAML file, a mapping of the same shape, or a list of words.

    A list of words selects the entries of the default file whose lemma or any
    form is in the list (``["kill", "strike"]``); a word found nowhere is added
    as a noun. Light verbs are always kept.

    >>> terms = load_event_terms(["kill", "shelling"])
    >>> sorted(terms.verbs), sorted(terms.nouns)
    (['kill', 'killed', 'killing', 'kills'], [('killing',), ('killings',), ('shelling',), ('targeted', 'killing'), ('targeted', 'killings')])
    """
    if event_terms is None or isinstance(event_terms, (str, os.PathLike)):
        path = Path(event_terms) if event_terms is not None else default_event_terms_path()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: not valid YAML: {exc}") from None
        if not isinstance(data, Mapping):
            raise ValueError(f"{path}: expected a mapping with verbs, intransitive, nouns, light_verbs")
        return _compile(data, str(path))
    if isinstance(event_terms, Mapping):
        return _compile(event_terms, "event_terms")
    words = {str(w).lower() for w in event_terms}
    data = yaml.safe_load(default_event_terms_path().read_text(encoding="utf-8"))
    picked: dict[str, Any] = {"light_verbs": data.get("light_verbs") or []}
    found: set[str] = set()
    wanted = set(words)
    for key in ("verbs", "intransitive", "nouns"):
        keep = []
        for e in data.get(key) or []:
            names = {str(e["lemma"]).lower(), *(str(f).lower() for f in e.get("forms") or [])}
            hit = names & wanted
            if hit:
                keep.append(e)
                found |= hit & words
                wanted |= names  # "kill" selects the noun "killing" too
        picked[key] = keep
    picked["nouns"] = picked["nouns"] + [{"lemma": w, "forms": [w]} for w in sorted(words - found)]
    return _compile(picked, "event_terms")
