"""Agency: who does the killing, grammatically — active, passive with or without agent, nominal.

``agency(corpus)`` finds every event word (kill, assassinate, strike, attack,
martyred, death, … — the editable list ``data/agency/event_terms.yaml``) in the
title, standfirst and body of each English article and classifies the clause
it sits in:

==================== =============================================================
``active``           the doer is the grammatical subject: "US kills powerful
                     Iranian general …" (agent "US"), "Trump ordered the strike"
                     (agent "Trump", via the light verb *ordered*)
``passive_agent``    passive with a *by*-phrase: "Two vehicles were attacked with
                     missiles by US forces" (agent "US forces")
``passive_agentless`` passive without *by*: "Soleimani … was killed in an airstrike";
                     reduced/headline passives ("… killed in American bombing");
                     intransitive verbs whose subject is the victim ("died")
``nominal``          the act as a noun with no clause-level doer: "Soleimani’s
                     death", "the killing of Soleimani", "the assassination"
==================== =============================================================

Each row is one finding with its evidence: the sentence, ``start``/``end`` of
the event word (offsets into the text of ``part``: ``text`` for the body,
``title``, ``standfirst``; ``sent_start``/``sent_end`` for the sentence),
``event_word`` and ``event_lemma``, ``agent`` (the agent phrase as written, or
None), ``rule`` (the pattern that fired, below) and ``modifier`` (for nominal
rows: a possessor or premodifier such as "Soleimani’s" or "US", which may be
the victim or the doer — read it, do not count it as an agent).

Patterns (on NLTK tokens; no tagger or parser is used)
------------------------------------------------------
* auxiliaries: a past participle of an event verb with a form of *be* or *get*
  before it (adverbs, quotation marks and "X-ed and" may intervene) is passive
  (``passive``); with *have* it is active (perfect);
* a past participle without an auxiliary is passive when no object follows
  (``reduced_passive``: "Leader of IRGC’s elite Quds force … killed in American
  bombing", "those killed in the attack") and active when an object follows
  ("the strike also killed Abu Mahdi al-Muhandis"); participle-only forms
  (*slain*, *taken*) are always passive;
* *by*-phrases: the first "by NP" after a passive verb in the same clause is the
  agent (not "by Friday", not "by killing …");
* subject heuristic for active verbs (``active``): the noun phrase immediately
  before the verb, within the clause (after skipping auxiliaries, adverbs and a
  comma-delimited apposition); after a relative pronoun (``relative_clause``:
  "a network of militant groups that killed …") the noun phrase before it;
  ``infinitive_control``: "Israel had tried to assassinate him" → Israel;
  ``infinitive``: "a plot to kill him" → no agent; ``participle_clause``: ", killing
  at least seven people" → the agent of the preceding event verb, else the
  sentence subject; ``gerund``: "for killing him" → the sentence subject;
* light verbs (``light_verb``): an event noun as object of *order, carry out,
  conduct, launch, authorise* … takes the light verb's subject as agent
  ("Trump ordered the strike"); ``light_verb_passive``: "the attack was carried out
  by US helicopters", "a strike that was ordered by US President Donald Trump";
* nominal forms (``nominal``, ``nominal_by`` when a *by*-phrase follows the noun):
  event nouns not covered by a verb finding. A noun that is the means of a verbal
  finding ("killed in an airstrike", "killed by a US drone strike") or part of its
  agent ("the strike also killed …") is not reported separately;
* ambiguous forms (*killing, strike, attacks, murder* …) are nouns after a
  determiner, possessive or adjective, or before *of/on/against*; verbs before
  an object or after *to*, a modal or a pronoun subject.

Known misses: long or nested subjects are cut at the first preposition or
clause boundary; coordinated subjects and verbs ("Iran attacked and killed")
lose the subject of the second verb; pronoun agents ("it", "we") are not
resolved; an instrument can be the agent ("the strike killed …" → agent "the
strike"); a *by*-phrase of manner or time may be taken as agent; headline
grammar without auxiliaries is read as a reduced passive; *attack* and
*strike* also match other attacks in the same article (filter on
``event_word``/``sentence``); see docs/agency.md for examples.

Example
-------
>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": ["d"], "title": ["US kills Iranian general in Baghdad airstrike"],
...     "text": ["The drone was shot down by Iranian forces. Soleimani’s death shocked Iran."]})
>>> agency(corpus)[["part", "event_word", "agency", "agent", "rule"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['title', 'kills', 'active', 'US', 'active'],
 ['body', 'shot down', 'passive_agent', 'Iranian forces', 'passive'],
 ['body', 'death', 'nominal', None, 'nominal']]
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd
import yaml

from . import resources
from ._textparts import ALL_PARTS, Sentence, Token, english_parts

__all__ = ["agency", "agency_counts", "load_event_terms", "default_event_terms_path", "EventTerms",
           "AGENCY_COLUMNS", "AGENCY_CLASSES"]

AGENCY_COLUMNS = ("doc_id", "part", "sent_id", "sentence", "start", "end", "sent_start", "sent_end",
                  "event_word", "event_lemma", "agency", "agent", "rule", "modifier")
AGENCY_CLASSES = ("active", "passive_agent", "passive_agentless", "nominal")


def default_event_terms_path() -> Path:
    """``data/agency/event_terms.yaml``."""
    return resources.data_dir() / "agency" / "event_terms.yaml"


# ---------------------------------------------------------------------------
# Event terms
# ---------------------------------------------------------------------------

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


def _compile(data: Mapping[str, Any], where: str) -> EventTerms:
    verbs: dict[str, str] = {}
    participles: set[str] = set()
    particles: dict[str, str] = {}
    for e in _entries(data, "verbs", where):
        lemma = str(e["lemma"]).lower()
        for f in e.get("forms") or [lemma]:
            verbs[str(f).lower()] = lemma
        participles.update(str(p).lower() for p in e.get("participle") or [])
        if e.get("particle"):
            particles[lemma] = str(e["particle"]).lower()
    intransitive = {str(f).lower(): str(e["lemma"]).lower() for e in _entries(data, "intransitive", where)
                    for f in e.get("forms") or [e["lemma"]]}
    nouns: dict[tuple[str, ...], str] = {}
    for e in _entries(data, "nouns", where):
        for f in e.get("forms") or [e["lemma"]]:
            nouns[tuple(str(f).lower().replace("’", "'").split())] = str(e["lemma"]).lower()
    light: dict[str, str] = {}
    light_participles: set[str] = set()
    light_particles: dict[str, str] = {}
    for e in _entries(data, "light_verbs", where):
        lemma = str(e["lemma"]).lower()
        for f in e.get("forms") or [lemma]:
            light[str(f).lower()] = lemma
        light_participles.update(str(p).lower() for p in e.get("participle") or [])
        if e.get("particle"):
            light_particles[lemma] = str(e["particle"]).lower()
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


# ---------------------------------------------------------------------------
# Word classes
# ---------------------------------------------------------------------------

_BE = frozenset("be is am are was were been being 's 're get gets got gotten getting".split())
_HAVE = frozenset("has have had 've 'd having".split())
_MODAL = frozenset("will would can could may might must shall should 'll".split())
_DO = frozenset("do does did".split())
_DET = frozenset("the a an this these those his her its their our my your no any every each some "
                 "another such".split())
_ARTICLE = frozenset("the a an his her its their our my your".split())
_QUANT = frozenset("other all both each few more most some such those these any several".split())
_POSS = frozenset("'s '".split())
_SKIP = frozenset("not n't also reportedly allegedly apparently later then subsequently all both each just already "
                  "never ever finally eventually first successfully initially ultimately recently previously "
                  "yet even still".split())
_QUOTES = frozenset({"“", "”", '"', "‘", "’", "``", "''", "'"})
_PUNCT_STOP = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "--", "(", ")", "[", "]"}) | _QUOTES
_SUBORD = frozenset("who whom which that whose when while after before because since as if although though "
                    "unless until where whereas".split())
_PREP = frozenset("in at on by with during near after before from over outside inside as since for to into "
                  "amid against under across through via without within about around behind beyond".split())
_PRONOUN_SUBJ = frozenset("he she it they we i you".split())
_OBJ_PRONOUN = frozenset("him them her us me himself themselves herself itself it you".split())
_NUMBERS = frozenset("two three four five six seven eight nine ten eleven twelve dozen dozens hundreds "
                     "thousands scores several many".split())
_CONTROL = frozenset("try tries tried trying seek seeks sought seeking want wants wanted wanting plan plans "
                     "planned planning decide decides decided deciding vow vows vowed threaten threatens "
                     "threatened threatening attempt attempts attempted attempting need needs needed aim aims "
                     "aimed intend intends intended intending promise promised refuse refused agree agreed "
                     "help helped helps continue continued continues moved moves move chose choose chooses "
                     "managed manage failed fail".split())
_TIME = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
                  "january february march april may june july august september october november december "
                  "then now midnight dawn night morning".split())
_ADJ_ED = frozenset("armed united so-called alleged unnamed targeted suspected".split())
_IRREGULAR_PAST = frozenset("caught took made gave sent brought fought led held struck shot hit put set kept left "
                            "met ran saw went came got did won began built bought sought taught thought drove flew "
                            "threw wrote seized fired downed".split())
_CUES = frozenset("said says say told tells added claimed stated announced confirmed wrote tweeted reported "
                  "according believe believes believed think thinks thought".split())


def _is_word(t: Token) -> bool:
    return t.text[:1].isalnum()


def _stop() -> frozenset[str]:
    return resources.stopwords()


# ---------------------------------------------------------------------------
# Sentence analysis
# ---------------------------------------------------------------------------

@dataclass
class _Finding:
    i: int                     # first token of the event word
    j: int                     # one past its last token
    lemma: str
    agency: str
    rule: str
    agent: tuple[int, int] | None = None
    modifier: tuple[int, int] | None = None


class _Clause:
    def __init__(self, s: Sentence, terms: EventTerms):
        self.s = s
        self.toks = s.tokens
        self.n = len(s.tokens)
        self.terms = terms
        self.stop = _stop()
        self._so_far: list[_Finding] = []  # verbal findings so far, for participle clauses

    # -- small tests ----------------------------------------------------------
    def low(self, k: int) -> str:
        return self.toks[k].low if 0 <= k < self.n else ""

    def np_start(self, k: int) -> bool:
        """Does an object noun phrase start at ``k``?"""
        if k >= self.n:
            return False
        t = self.toks[k]
        w = t.low
        if w in _OBJ_PRONOUN or w in _DET or w in _QUANT or w in _NUMBERS or t.text[:1].isdigit():
            return True
        if w == "at" and self.low(k + 1) in ("least", "most"):
            return True
        if w in ("more", "fewer", "nearly", "almost", "about", "roughly", "some") and (
                self.low(k + 1) in ("than", "a") or self.low(k + 1) in _NUMBERS or self.low(k + 1)[:1].isdigit()):
            return True
        if not _is_word(t):
            return False
        if t.text[:1].isupper():
            return w not in _TIME
        if w in self.stop or w in _PREP or w in _TIME or w in _SUBORD or (w.endswith("ly") and len(w) > 4) \
                or w.endswith("ing"):
            return False
        return True

    def aux_before(self, i: int) -> tuple[str | None, int]:
        """The auxiliary governing the verb at ``i``: ("be"/"have"/"modal"/"to"/None, index)."""
        j = i - 1
        while j >= 0 and i - j <= 7:
            t = self.toks[j]
            w = t.low
            if t.text in _QUOTES or w in _SKIP or (w.endswith("ly") and t.text.islower() and len(w) > 3):
                j -= 1
                continue
            if w in ("and", "or", ",") and j - 1 >= 0 and (
                    self.low(j - 1).endswith("ed") or self.low(j - 1) in self.terms.participles):
                j -= 2  # "was targeted and killed"
                continue
            if w in _BE:
                return "be", j
            if w in _HAVE:
                return "have", j
            if w in _MODAL or w in _DO:
                return "modal", j
            if w == "to":
                return "to", j
            return None, j
        return None, j

    def np_left(self, j: int, limit: int = 10) -> int:
        """Start index of the noun phrase that ends at ``j`` (``j + 1`` when there is none)."""
        toks, a, start_j = self.toks, j + 1, j
        while j >= 0 and start_j - j < limit:
            t = toks[j]
            w = t.low
            if w in _POSS and j - 1 >= 0:
                a, j = j, j - 1
                continue
            if not _is_word(t) and w not in ("-", "&"):
                break
            if w in _DET:
                a = j
                if self.low(j - 1) == "of" and j - 2 >= 0 and _is_word(toks[j - 2]):
                    j -= 1
                    continue
                break
            if w == "of" or (w in ("in", "at", "on", "from") and j + 1 < self.n and toks[j + 1].text[:1].isupper()
                             and a <= j + 1):
                if j - 1 >= 0 and _is_word(toks[j - 1]) and not (toks[j - 1].text.islower()
                                                                 and toks[j - 1].low in self.stop):
                    a, j = j, j - 1
                    continue
                break
            if w == "and":
                if j - 1 >= 0 and toks[j - 1].text[:1].isupper() and j + 1 < self.n and toks[j + 1].text[:1].isupper():
                    a, j = j, j - 1
                    continue
                break
            if t.text.islower() and (w in self.stop or w in _CUES or w in _SUBORD or w in _MODAL or w in _BE
                                     or w in _HAVE or w in ("not", "n't", "never")) or w == "that":
                break
            if t.text.islower() and w.endswith("ed") and w not in _ADJ_ED and self.low(j - 1) not in _DET:
                break
            if t.text.islower() and w.endswith("ing") and (w,) not in self.terms.nouns and self.low(j - 1) not in _DET:
                break
            if w in self.terms.verbs and (w,) not in self.terms.nouns and t.text.islower():
                break
            a, j = j, j - 1
        while a <= start_j and toks[a].low in ("of", "in", "at", "on", "from", "and"):
            a += 1
        return a

    def np_right(self, k: int, limit: int = 10) -> int:
        """End index (exclusive) of the noun phrase starting at ``k``."""
        end = k
        while end < self.n and end - k < limit:
            t = self.toks[end]
            w = t.low
            if t.text in _PUNCT_STOP and w not in _POSS:
                break
            if end > k and (w in _PREP and w != "of" or w in _SUBORD or w in _CUES or w in _BE or w in _HAVE
                            or w in _MODAL):
                break
            if end > k and w == "and" and not (end + 1 < self.n and self.toks[end + 1].text[:1].isupper()):
                break
            if end > k and w in _ARTICLE and self.low(end - 1) not in ("of", "and"):
                break  # a new noun phrase: "by Kataeb Hezbollah the official said"
            if end > k and t.text.islower() and w.endswith("ed") and w not in _ADJ_ED:
                break
            end += 1
        return end

    def subject(self, i: int) -> tuple[tuple[int, int] | None, str]:
        """Agent of an active verb at ``i``: (token range or None, rule)."""
        j = i - 1
        while j >= 0 and (self.low(j) in _SKIP or self.low(j) in _BE or self.low(j) in _HAVE
                          or self.low(j) in _MODAL or self.low(j) in _DO or self.toks[j].text in _QUOTES
                          or (self.low(j).endswith("ly") and self.toks[j].text.islower() and len(self.low(j)) > 3)):
            j -= 1
        if j < 0:
            return None, "active"
        w = self.low(j)
        if w in ("and", "or"):
            # "we caught him in the act and terminated him": the subject of the first verb
            for k in range(j - 1, max(-1, j - 9), -1):
                t = self.toks[k]
                if t.text in _PUNCT_STOP and t.text != ",":
                    break
                if t.text.islower() and (t.low.endswith("ed") or t.low in _IRREGULAR_PAST
                                         or t.low in self.terms.verbs) and t.low not in _ADJ_ED:
                    return self.subject(k)
            return None, "active"
        if w in ("who", "which", "that"):
            k = j - 1
            if k >= 0 and self.toks[k].text == ",":
                k -= 1
            if k >= 0:
                a = self.np_left(k)
                if a <= k:
                    return (a, k + 1), "relative_clause"
            return None, "relative_clause"
        if self.toks[j].text == ",":
            c = j - 1
            while c >= 0 and self.toks[c].text != "," and j - c < 14:
                c -= 1
            if c >= 1 and self.toks[c].text == ",":
                a = self.np_left(c - 1)
                if a <= c - 1:
                    return (a, c), "active"
            return None, "active"
        if w in _PRONOUN_SUBJ:
            return (j, j + 1), "active"
        a = self.np_left(j)
        if a <= j and self.low(i).endswith("ing") and a >= 2 and self.low(a - 1) in _PREP and self.low(a - 1) != "of":
            # "an airstrike at the airport killing …": the noun before the prepositional phrase
            b = self.np_left(a - 2)
            if b <= a - 2:
                return (b, a - 1), "active"
        if a <= j:
            return (a, j + 1), "active"
        return None, "active"

    def clause_subject(self, before: int) -> tuple[int, int] | None:
        """The leading noun phrase of the sentence (after an opening adverbial)."""
        k = 0
        while k < before and not _is_word(self.toks[k]):
            k += 1
        if k < before and (self.low(k) in _PREP or self.low(k) in ("days", "hours", "weeks", "last", "earlier")):
            comma = next((m for m in range(k, min(before, k + 12)) if self.toks[m].text == ","), None)
            if comma is not None:
                k = comma + 1
        end = self.np_right(k)
        end = min(end, before)
        while end > k and not _is_word(self.toks[end - 1]):
            end -= 1
        if end > k:
            # stop at the first verb-like word inside
            for m in range(k + 1, end):
                t = self.toks[m]
                if t.text.islower() and (t.low in self.terms.verbs or t.low in self.terms.intransitive or
                                         (t.low.endswith("ed") and t.low not in _ADJ_ED)):
                    end = m
                    break
            return k, end
        return None

    def by_agent(self, k: int, limit: int = 12) -> tuple[int, int] | None:
        """The noun phrase after the first "by" from ``k`` within the clause."""
        m = k
        while m < self.n and m - k < limit:
            t = self.toks[m]
            if t.text in _PUNCT_STOP or t.low in _SUBORD or t.low in _CUES:
                return None
            if t.low == "by":
                nxt = self.low(m + 1)
                if not nxt or nxt in _TIME or nxt.endswith("ing") or nxt[:1].isdigit() or nxt in (
                        "the end", "now", "far", "then", "contrast", "comparison", "way", "chance", "mistake"):
                    return None
                end = self.np_right(m + 1)
                while end > m + 1 and not _is_word(self.toks[end - 1]):
                    end -= 1
                return (m + 1, end) if end > m + 1 else None
            m += 1
        return None

    # -- finding event words --------------------------------------------------
    def candidates(self) -> list[tuple[int, int, str, str]]:
        """``(i, j, kind, lemma)`` with kind "noun", "verb", "intransitive" or "ambiguous"."""
        out = []
        taken: set[int] = set()
        lows = [t.low for t in self.toks]
        for length in self.terms.noun_lengths:
            if length < 2:
                continue
            for i in range(self.n - length + 1):
                key = tuple(lows[i:i + length])
                if key in self.terms.nouns and not taken & set(range(i, i + length)):
                    out.append((i, i + length, "noun", self.terms.nouns[key]))
                    taken.update(range(i, i + length))
        for i, w in enumerate(lows):
            if i in taken:
                continue
            is_noun = (w,) in self.terms.nouns
            is_verb = w in self.terms.verbs
            if w in self.terms.intransitive:
                out.append((i, i + 1, "intransitive", self.terms.intransitive[w]))
            elif is_noun and is_verb:
                out.append((i, i + 1, "ambiguous", self.terms.verbs[w]))
            elif is_noun:
                out.append((i, i + 1, "noun", self.terms.nouns[(w,)]))
            elif is_verb:
                out.append((i, i + 1, "verb", self.terms.verbs[w]))
        return sorted(out)

    def is_noun_use(self, i: int) -> bool:
        """Decide an ambiguous form (killing, strike, attacks …) from its neighbours."""
        w, prev, nxt = self.low(i), self.low(i - 1), self.low(i + 1)
        if prev in _DET or prev in _POSS:
            return True
        if nxt in ("of", "on", "against", "upon"):
            return True
        # a determiner before an adjective chain: "the Iranian strikes", "a US air strike"
        for k in range(i - 1, max(-1, i - 4), -1):
            if self.low(k) in _DET or self.low(k) in _POSS:
                return True
            t = self.toks[k]
            if not _is_word(t) or self.low(k) in self.stop or self.low(k) in _PREP:
                break
        if w.endswith("ing"):
            if prev in _BE:
                return False
            return not self.np_start(i + 1)
        if prev == "to" or prev in _MODAL or prev in _PRONOUN_SUBJ or prev in _DO:
            return False
        before = self.toks[i - 1] if i > 0 else None
        subject_like = before is not None and _is_word(before) and (before.text[:1].isupper() or before.low in (
            "who", "which", "that", "also", "then", "again", "repeatedly", "later"))
        return not (subject_like and self.np_start(i + 1))

    def particle_end(self, i: int, particle: str) -> int | None:
        """Index after the particle of a phrasal verb at ``i`` ("took out", "took him out")."""
        for k in range(i + 1, min(self.n, i + 5)):
            if self.low(k) == particle:
                return k + 1
            if self.toks[k].text in _PUNCT_STOP:
                return None
        return None

    # -- classification -------------------------------------------------------
    def verb(self, i: int, j: int, end: int, lemma: str) -> _Finding:
        w = self.low(i)
        aux, _ = self.aux_before(i)
        participle = w in self.terms.participles
        participle_only = participle and w.endswith("n")
        passive = False
        rule = "passive"
        if participle:
            if aux == "be":
                passive = True
            elif aux is None and (participle_only or not self.np_start(end)):
                passive, rule = True, "reduced_passive"
        if passive:
            agent = self.by_agent(end)
            f = _Finding(i, j, lemma, "passive_agent" if agent else "passive_agentless", rule, agent)
            return f
        if w.endswith("ing") and aux != "be":
            prev = self.low(i - 1)
            if i > 0 and prev in (",", ":", "—", "–", ";"):
                return _Finding(i, j, lemma, "active", "participle_clause", self._participle_agent(i))
            if prev in _PREP:
                return _Finding(i, j, lemma, "active", "gerund", self.clause_subject(i))
        if aux == "to":
            k = i - 1
            while k >= 0 and self.low(k) != "to":
                k -= 1
            c = k - 1
            while c >= 0 and (self.low(c) in _SKIP or self.low(c).endswith("ly")):
                c -= 1
            if c >= 0 and self.low(c) in _CONTROL:
                agent, _ = self.subject(c)
                if agent is not None:
                    return _Finding(i, j, lemma, "active", "infinitive_control", agent)
            return _Finding(i, j, lemma, "active", "infinitive", None)
        agent, rule = self.subject(i)
        return _Finding(i, j, lemma, "active", rule, agent)

    def _participle_agent(self, i: int) -> tuple[int, int] | None:
        prev = [f for f in self._so_far if f.i < i and f.agent]
        if prev:
            return prev[-1].agent
        return self.clause_subject(i)

    def noun(self, i: int, j: int, lemma: str) -> _Finding:
        # light verb before: "Trump ordered the strike", "it had carried out the airstrike"
        k = i - 1
        while k >= 0 and i - k <= 5 and (self.low(k) in _DET or self.low(k) in _POSS or
                                         (_is_word(self.toks[k]) and not (self.toks[k].text.islower()
                                                                          and self.low(k) in self.stop)
                                          and self.low(k) not in self.terms.light
                                          and self.low(k) not in self.terms.light_particles.values()
                                          and self.low(k) not in _PREP)):
            k -= 1
        lv = None
        if k >= 0:
            if self.low(k) in self.terms.light_particles.values() and k - 1 >= 0 and \
                    self.terms.light_particles.get(self.terms.light.get(self.low(k - 1), "")) == self.low(k):
                lv = k - 1
            elif self.low(k) in self.terms.light and self.low(k) not in self.terms.light_particles:
                lemma_l = self.terms.light[self.low(k)]
                if lemma_l not in self.terms.light_particles:
                    lv = k
        if lv is not None:
            aux, _ = self.aux_before(lv)
            if aux != "be":
                agent, _rule = self.subject(lv)
                return _Finding(i, j, lemma, "active", "light_verb", agent)
        # light verb after: "the attack was carried out by US helicopters", "a strike that was ordered by …"
        m = j
        if self.low(m) in ("that", "which"):
            m += 1
        be = False
        while m < self.n and (self.low(m) in _BE or self.low(m) in _HAVE or self.low(m) in _SKIP
                              or self.low(m) in _MODAL):
            be = be or self.low(m) in _BE
            m += 1
        if m < self.n and self.low(m) in self.terms.light_participles and (be or m == j):
            lemma_l = self.terms.light[self.low(m)]
            after = m + 1
            particle = self.terms.light_particles.get(lemma_l)
            if particle is None or self.low(after) == particle:
                if particle:
                    after += 1
                agent = self.by_agent(after)
                return _Finding(i, j, lemma, "passive_agent" if agent else "passive_agentless",
                                "light_verb_passive", agent)
        agent = self.by_agent(j, limit=8)
        modifier = self._modifier(i)
        return _Finding(i, j, lemma, "nominal", "nominal_by" if agent else "nominal", agent, modifier)

    def _modifier(self, i: int) -> tuple[int, int] | None:
        k = i - 1
        if k >= 0 and self.low(k) in _POSS:
            a = self.np_left(k - 1, limit=4) if k - 1 >= 0 else k
            return (a, i) if a < i else None
        if k >= 0 and self.low(k) in ("his", "her", "its", "their", "our"):
            return (k, k + 1)
        a = i
        while a - 1 >= 0 and i - a < 3 and _is_word(self.toks[a - 1]) and self.toks[a - 1].text[:1].isupper() \
                and (self.toks[a - 1].text.isupper() or self.low(a - 1) not in self.stop):
            a -= 1
        return (a, i) if a < i else None


def _absorbed(cl: _Clause, f: _Finding, verbal: list[_Finding]) -> bool:
    """Is a noun finding the means or the agent of a verbal finding ("killed in an airstrike")?"""
    for v in verbal:
        if v.agent and v.agent[0] <= f.i and f.j <= v.agent[1]:
            return True
    # look left over the noun's own modifiers to a preposition, then to the verb
    k = f.i - 1
    while k >= 0 and f.i - k <= 5 and (cl.low(k) in _DET or cl.low(k) in _POSS or
                                        (_is_word(cl.toks[k]) and cl.low(k) not in _PREP
                                         and not (cl.toks[k].text.islower() and cl.low(k) in cl.stop))):
        k -= 1
    if k < 0 or cl.low(k) not in ("in", "by", "with", "during", "through", "via", "from", "under", "amid", "using"):
        return False
    m = k - 1
    while m >= 0 and k - m <= 9:
        if cl.toks[m].text in _PUNCT_STOP:
            return False
        if any(v.i <= m < v.j for v in verbal):
            return True
        m -= 1
    return False


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------

def agency(corpus: pd.DataFrame, event_terms: str | os.PathLike | Mapping[str, Any] | Iterable[str] | None = None,
           *, parts: Sequence[str] = ALL_PARTS) -> pd.DataFrame:
    """One row per event word in titles, standfirsts and bodies, classified by agency.

    ``corpus`` needs ``doc_id`` and ``text`` (``title``, ``standfirst`` and
    ``language`` are used when present; non-English documents are skipped with
    a warning). ``event_terms``: None (``data/agency/event_terms.yaml``), a YAML
    path, a mapping of the same shape, or a list of words (see
    :func:`load_event_terms`). Columns: :data:`AGENCY_COLUMNS`; ``agency`` is one
    of :data:`AGENCY_CLASSES`.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["d"], "text": ["Trump ordered the strike. Soleimani was killed."]})
    >>> agency(corpus)[["event_word", "agency", "agent", "rule"]].values.tolist()
    [['strike', 'active', 'Trump', 'light_verb'], ['killed', 'passive_agentless', None, 'passive']]
    """
    terms = load_event_terms(event_terms)
    rows: list[dict[str, Any]] = []
    for part in english_parts(corpus, parts, what="agency"):
        text = part.text
        for s in part.sentences:
            if not s.tokens:
                continue
            cl = _Clause(s, terms)
            findings = _analyse(cl)
            toks = s.tokens
            for f in findings:
                a, b = toks[f.i].start, toks[f.j - 1].end

                def span(r: tuple[int, int] | None) -> str | None:
                    if r is None or r[0] >= r[1]:
                        return None
                    return text[toks[r[0]].start:toks[r[1] - 1].end]

                rows.append({"doc_id": part.doc_id, "part": part.part, "sent_id": s.sent_id, "sentence": s.text,
                             "start": a, "end": b, "sent_start": s.start, "sent_end": s.end,
                             "event_word": text[a:b], "event_lemma": f.lemma, "agency": f.agency,
                             "agent": span(f.agent), "rule": f.rule, "modifier": span(f.modifier)})
    out = pd.DataFrame(rows, columns=list(AGENCY_COLUMNS))
    if out.empty:
        return out.astype({"start": "int64", "end": "int64", "sent_start": "int64", "sent_end": "int64",
                           "sent_id": "int64"})
    order = {d: k for k, d in enumerate(corpus["doc_id"].tolist())}
    part_order = {p: k for k, p in enumerate(ALL_PARTS)}
    out = out.assign(_d=out["doc_id"].map(order), _p=out["part"].map(part_order))
    for col in ["agent", "modifier"]:  # missing values are None, not NaN
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    out = out.sort_values(["_d", "_p", "start"], kind="stable").drop(columns=["_d", "_p"])
    return out.reset_index(drop=True)


def _analyse(cl: _Clause) -> list[_Finding]:
    found: list[_Finding] = []
    nouns: list[tuple[int, int, str]] = []
    for i, j, kind, lemma in cl.candidates():
        if kind == "ambiguous":
            if cl.is_noun_use(i):
                nouns.append((i, j, cl.terms.nouns.get((cl.low(i),), lemma)))
                continue
            kind = "verb"
        if kind == "noun":
            nouns.append((i, j, lemma))
            continue
        if kind == "intransitive":
            if cl.low(i - 1) in _ARTICLE:
                continue
            f = _Finding(i, j, lemma, "passive_agentless", "intransitive")
        else:
            if cl.low(i - 1) in _ARTICLE or cl.low(i - 1) in _POSS:
                continue  # "a shot", "the attacked"
            particle = cl.terms.particles.get(lemma)
            end = j
            if particle:
                pe = cl.particle_end(i, particle)
                if pe is None:
                    continue  # "took" without "out" is not the event
                end = pe
                if pe == i + 2:
                    j = pe  # "took out" as one event word
            elif lemma == "shoot" and cl.low(j) in ("down", "dead"):
                j = end = j + 1
            f = cl.verb(i, j, end, lemma)
        found.append(f)
        cl._so_far.append(f)
    verbal = list(found)
    for i, j, lemma in nouns:
        f = cl.noun(i, j, lemma)
        if f.rule in ("nominal", "nominal_by") and _absorbed(cl, f, verbal):
            continue
        found.append(f)
    return sorted(found, key=lambda f: f.i)


def agency_counts(agency_table: pd.DataFrame, corpus: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """Counts and shares of the agency classes per group (shares sum to 1 per group).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "agency": ["active", "nominal", "nominal"]})
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"]})
    >>> agency_counts(t, c)[["outlet", "agency", "n", "share"]].values.tolist()[:4]
    [['A', 'active', 1, 0.5], ['A', 'passive_agent', 0, 0.0], ['A', 'passive_agentless', 0, 0.0], ['A', 'nominal', 1, 0.5]]
    """
    table = agency_table
    if by not in table.columns:
        if by in corpus.columns:
            # a plain frame: the corpus's attrs (load reports) must not travel into the merge
            groups = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str).to_numpy(),
                                   by: corpus[by].to_numpy()}).drop_duplicates("doc_id")
        elif by == "group":
            groups = resources.corpus_groups()
        else:
            raise KeyError(f"no column {by!r} in the agency table or the corpus")
        table = table.assign(doc_id=table["doc_id"].astype(str)).merge(
            groups.astype({"doc_id": str}), on="doc_id", how="left")
        table.attrs = {}
    table = table.assign(**{by: table[by].fillna("(none)")})
    groups_seen = sorted(table[by].unique())
    grid = pd.MultiIndex.from_product([groups_seen, list(AGENCY_CLASSES)], names=[by, "agency"]).to_frame(index=False)
    counts = table.groupby([by, "agency"]).size().rename("n").reset_index()
    out = grid.merge(counts, on=[by, "agency"], how="left")
    out["n"] = out["n"].fillna(0).astype("int64")
    total = out.groupby(by)["n"].transform("sum")
    out["share"] = (out["n"] / total.where(total > 0)).fillna(0.0)
    return out
