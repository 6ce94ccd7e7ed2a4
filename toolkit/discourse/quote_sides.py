"""Sides of speakers the actor table does not name, and role speakers, for the quote rules.

The actor table (``data/actors/actors.csv``) decides first (``side_source``
``actor table``). When it names nothing in the speaker phrase,
:func:`heuristic_side` tries two rules:

``organisation``
    spellings of Iran's Revolutionary Guards that the table's pattern does not
    cover ("Islamic Revolution Guards Corps", "IRG", "Sepah", "Pasdaran") →
    ``Iranian officials``;
``nationality``
    a nationality or capital ("Iranian", "Iraq's", "U.S.", "Israeli",
    "Tehran") in front of an official, organisational or media head noun
    ("Iraqi security officials", "an Iranian diplomat", "the Iraqi ministry")
    → that country's officials. A person's name is never classed by
    nationality ("American journalist Dexter Filkins" stays ``other``).

:func:`role_antecedent` finds who a definite role speaker is ("the ministry",
"the minister", "the department"): the nearest earlier name in the part that
contains the role word ("the Iraqi Foreign Ministry" for "the ministry").

>>> heuristic_side("The Islamic Revolution Guards Corps")
('IRGC', 'Iranian officials', 'organisation', 'organisation')
>>> heuristic_side("three Iraqi security officials")[1:]
('anonymous', 'Iraqi officials', 'nationality')
>>> role_antecedent("the ministry", "Iraq's Foreign Ministry summoned the envoy. The ministry said …", 43)
"Iraq's Foreign Ministry"
>>> role_antecedent("the president", "Donald Trump spoke. President Trump left. The president said", 41)
'Donald Trump'
"""
from __future__ import annotations

import re

from .quote_words import _ANON_HEADS, _ORG_WORDS, _full_name
from .vocabulary import QUOTE_TITLES

_IRGC = re.compile(r"\b(?:(?:Islamic\s+)?Revolution(?:ary)?\s+Guards?(?:\s+Corps)?|IRG|IRGC|Sepah|Pasdaran)\b",
                   re.IGNORECASE)
_NATIONS = (
    ("Iranian officials", re.compile(r"\b(?:Iranian|Iran['’]s|Tehran(?:['’]s)?|Persian)\b")),
    ("Iraqi officials", re.compile(r"\b(?:Iraqi|Iraq['’]s|Baghdad(?:['’]s)?)\b")),
    ("US officials", re.compile(r"(?:\bAmerican|\bU\.S\.|\bUS\b|\bUS['’]s|\bWashington(?:['’]s)?\b|\bAmerica['’]s)")),
    ("Israeli officials", re.compile(r"\b(?:Israeli|Israel['’]s)\b")),
)
_MEDIA_HEADS = frozenset("television tv media agency agencies radio channel broadcaster outlet outlets".split())
_ROLE_HEADS = frozenset("ministry department agency embassy government office council militia group command "
                        "military army minister secretary president ambassador general commander spokesman "
                        "spokeswoman spokesperson prime chairman".split())
_PERSON_ROLES = frozenset("minister secretary president ambassador general commander spokesman spokeswoman "
                          "spokesperson chairman".split())
_WORD = re.compile(r"[\w’'.-]+")


def heuristic_side(phrase: str, person: bool = False) -> tuple[str | None, str, str, str] | None:
    """``(actor, side, type, rule)`` for a speaker phrase the actor table does not name, or None.

    ``side`` is ``anonymous`` for unnamed officials of a country (their country is the
    affiliation: the third field then holds it instead of a type). ``person`` says
    whether a person's name heads the phrase: then only the organisation rule applies.
    """
    if _IRGC.search(phrase):
        return "IRGC", "Iranian officials", "organisation", "organisation"
    words = [w.lower().strip(".") for w in _WORD.findall(phrase)]
    if not words or person:
        return None
    head = words[-1]
    for side, pattern in _NATIONS:
        if not pattern.search(phrase):
            continue
        if head in _ANON_HEADS:
            return None, "anonymous", side, "nationality"
        if head in _ORG_WORDS or head in _MEDIA_HEADS or head in ("ministry", "military"):
            return None, side, "organisation", "nationality"
    return None


def role_antecedent(phrase: str, text: str, before: int) -> str | None:
    """The nearest earlier name (capitalised words around the role word) for "the <role>"."""
    words = phrase.split()
    if len(words) != 2 or words[0].lower() != "the" or words[1].lower() not in _ROLE_HEADS:
        return None
    role = words[1].lower()
    pattern = re.compile(r"(?:\b[A-Z][\w’'-]*\s+){0,4}" + re.escape(role.capitalize())
                         + r"(?:\s+(?:of|for)(?:\s+(?:the\s+)?[A-Z][\w’'-]*)+|(?:\s+[A-Z][\w’'-]*)+)?")
    found = None
    for m in pattern.finditer(text, 0, max(0, before)):
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group(0)).strip()
        if name.lower() != role and len(name.split()) >= 2:
            found = name
    if found and role in _PERSON_ROLES:
        # "the President" → "President Trump" → the person: "Donald Trump" when the text names him so
        words = re.sub(r"\s+", " ", found).split()
        k = 0
        while k < len(words) - 1 and (words[k].lower().strip(".") in QUOTE_TITLES or words[k].endswith(("'s", "’s"))):
            k += 1
        if k and words[k][:1].isupper():
            found = _full_name(" ".join(words[k:]), text, before) if len(words) - k == 1 else " ".join(words[k:])
    return re.sub(r"\s+", " ", found) if found else None
