"""The cue lexicon of the quote rules: verbs of saying and what they report (``data/quotes/cue_verbs.csv``).

Each verb lists its forms and what it reports (``data/quotes/README.md``):
``clause`` (a content clause with or without *that*), ``that`` (a clause only
with *that* or a pronoun subject), ``infinitive`` (a request, promise or threat
as a *to* infinitive) and ``name`` (a quoted word in its object is the
subject's: "described the strike as “reckless”"). :func:`load_cues` reads the
file; the module constants are the bundled lexicon, read once at import.

>>> CUE_VERBS["told"], "urge" in INFINITIVE_LEMMAS, "believe" in SPEECH_LEMMAS
('tell', True, False)
>>> NAMING_VERBS["described"]
'describe'
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

from .. import resources

__all__ = ["Cues", "load_cues", "cue_verbs_path", "CUE_VERBS", "SAY_LIKE", "SPEECH_LEMMAS", "INFINITIVE_LEMMAS",
           "NAMING_VERBS"]

_KINDS = frozenset({"clause", "that", "infinitive", "name"})


@dataclass(frozen=True)
class Cues:
    """The cue lexicon: forms → lemma for the verbs that report speech and for the naming verbs,
    and the lemmas by what they report."""

    verbs: dict[str, str]         # forms of verbs that report a clause or an infinitive
    naming: dict[str, str]        # forms of verbs that only name ("described … as “…”")
    bare_clause: frozenset[str]   # lemmas whose clause may come without "that"
    clause: frozenset[str]        # lemmas that report a content clause (ccomp)
    infinitive: frozenset[str]    # lemmas that report a to-infinitive


def cue_verbs_path() -> Path:
    """``data/quotes/cue_verbs.csv``."""
    return resources.data_dir() / "quotes" / "cue_verbs.csv"


def load_cues(path: str | os.PathLike | None = None) -> Cues:
    """Read a cue lexicon (columns ``lemma, forms, reports``; see ``data/quotes/README.md``).

    >>> load_cues().verbs["warned"]
    'warn'
    """
    path = Path(path) if path is not None else cue_verbs_path()
    verbs: dict[str, str] = {}
    naming: dict[str, str] = {}
    bare, clause, infinitive = set(), set(), set()
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = {"lemma", "forms", "reports"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: needs columns lemma, forms, reports (missing {sorted(missing)})")
        for n, row in enumerate(reader, start=2):
            lemma = (row["lemma"] or "").strip().lower()
            forms = (row["forms"] or "").lower().split()
            kinds = set((row["reports"] or "").split())
            if not lemma or not forms or not kinds or kinds - _KINDS:
                raise ValueError(f"{path}: row {n}: needs a lemma, forms and reports among {sorted(_KINDS)} "
                                 f"(got {row['lemma']!r}, {row['forms']!r}, {row['reports']!r})")
            target = verbs if kinds - {"name"} else naming
            for f in forms:
                target[f.replace("’", "'")] = lemma
            if "name" in kinds and target is verbs:
                naming.update({f: lemma for f in forms})
            if "clause" in kinds:
                bare.add(lemma)
            if kinds & {"clause", "that"}:
                clause.add(lemma)
            if "infinitive" in kinds:
                infinitive.add(lemma)
    return Cues(verbs, naming, frozenset(bare), frozenset(clause), frozenset(infinitive))


_BUNDLED = load_cues()
#: attribution verbs: surface form → lemma
CUE_VERBS: dict[str, str] = _BUNDLED.verbs
#: lemmas that take a bare content clause ("said the strike …"); the others need "that" or a pronoun subject
SAY_LIKE: frozenset[str] = _BUNDLED.bare_clause
#: lemmas whose content clause (ccomp) is reported speech
SPEECH_LEMMAS: frozenset[str] = _BUNDLED.clause
#: lemmas that report a request, promise or threat as an infinitive ("threatened to target …")
INFINITIVE_LEMMAS: frozenset[str] = _BUNDLED.infinitive
#: verbs that name: a quoted word in their object is their subject's ("described the strike as “reckless”")
NAMING_VERBS: dict[str, str] = _BUNDLED.naming
