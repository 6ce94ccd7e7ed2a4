"""The grammar the agency patterns read: word classes, noun phrases, auxiliaries, subjects.

:class:`_Grammar` wraps the tokens of one sentence with the event terms and
answers what the patterns of :mod:`toolkit.discourse.agency` ask of it: which
auxiliary governs a verb, where a noun phrase starts and ends, the subject of
an active verb, the leading noun phrase of the sentence and the agent in a
*by*-phrase. :class:`toolkit.discourse.agency_rules._Clause` builds the
classification of event words on it.
"""
from __future__ import annotations

from .. import resources
from ..text.parts import Sentence, Token
from .event_terms import EventTerms
from .vocabulary import (AGENCY_BE, AGENCY_CUES, AGENCY_DETERMINERS, AGENCY_ED_ADJECTIVES, AGENCY_HAVE,
                         AGENCY_MODALS, AGENCY_SKIP, AGENCY_SUBORDINATORS, AGENCY_TIME_WORDS, ARTICLES, DO,
                         NEGATIONS, POSSESSIVE_CLITICS, POSSESSIVE_DETERMINERS, QUOTE_MARKS)


# ---------------------------------------------------------------------------
# Word classes (those shared with labels and quotes are in vocabulary.py)
# ---------------------------------------------------------------------------

_ARTICLE = ARTICLES | POSSESSIVE_DETERMINERS
_QUANT = frozenset("other all both each few more most some such those these any several".split())
_PUNCT_STOP = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "--", "(", ")", "[", "]"}) | QUOTE_MARKS
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
_IRREGULAR_PAST = frozenset("caught took made gave sent brought fought led held struck shot hit put set kept left "
                            "met ran saw went came got did won began built bought sought taught thought drove flew "
                            "threw wrote seized fired downed".split())


def _is_word(t: Token) -> bool:
    return t.text[:1].isalnum()


def _stop() -> frozenset[str]:
    return resources.stopwords()


class _Grammar:
    def __init__(self, s: Sentence, terms: EventTerms):
        self.s = s
        self.toks = s.tokens
        self.n = len(s.tokens)
        self.terms = terms
        self.stop = _stop()

    # -- small tests ----------------------------------------------------------
    def low(self, k: int) -> str:
        return self.toks[k].low if 0 <= k < self.n else ""

    def np_start(self, k: int) -> bool:
        """Does an object noun phrase start at ``k``?"""
        if k >= self.n:
            return False
        t = self.toks[k]
        w = t.low
        if w in _OBJ_PRONOUN or w in AGENCY_DETERMINERS or w in _QUANT or w in _NUMBERS or t.text[:1].isdigit():
            return True
        if w == "at" and self.low(k + 1) in ("least", "most"):
            return True
        if w in ("more", "fewer", "nearly", "almost", "about", "roughly", "some") and (
                self.low(k + 1) in ("than", "a") or self.low(k + 1) in _NUMBERS or self.low(k + 1)[:1].isdigit()):
            return True
        if not _is_word(t):
            return False
        if t.text[:1].isupper():
            return w not in AGENCY_TIME_WORDS
        if w in self.stop or w in _PREP or w in AGENCY_TIME_WORDS or w in AGENCY_SUBORDINATORS \
                or (w.endswith("ly") and len(w) > 4) or w.endswith("ing"):
            return False
        return True

    def aux_before(self, i: int) -> tuple[str | None, int]:
        """The auxiliary governing the verb at ``i``: ("be"/"have"/"modal"/"to"/None, index)."""
        j = i - 1
        while j >= 0 and i - j <= 7:
            t = self.toks[j]
            w = t.low
            if t.text in QUOTE_MARKS or w in AGENCY_SKIP or (w.endswith("ly") and t.text.islower() and len(w) > 3):
                j -= 1
                continue
            if w in ("and", "or", ",") and j - 1 >= 0 and (
                    self.low(j - 1).endswith("ed") or self.low(j - 1) in self.terms.participles):
                j -= 2  # "was targeted and killed"
                continue
            if w in AGENCY_BE:
                return "be", j
            if w in AGENCY_HAVE:
                return "have", j
            if w in AGENCY_MODALS or w in DO:
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
            if w in POSSESSIVE_CLITICS and j - 1 >= 0:
                a, j = j, j - 1
                continue
            if not _is_word(t) and w not in ("-", "&"):
                break
            if w in AGENCY_DETERMINERS:
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
            if t.text.islower() and (w in self.stop or w in AGENCY_CUES or w in AGENCY_SUBORDINATORS
                                     or w in AGENCY_MODALS or w in AGENCY_BE or w in AGENCY_HAVE
                                     or w in NEGATIONS) or w == "that":
                break
            if t.text.islower() and w.endswith("ed") and w not in AGENCY_ED_ADJECTIVES \
                    and self.low(j - 1) not in AGENCY_DETERMINERS:
                break
            if t.text.islower() and w.endswith("ing") and (w,) not in self.terms.nouns \
                    and self.low(j - 1) not in AGENCY_DETERMINERS:
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
            if t.text in _PUNCT_STOP and w not in POSSESSIVE_CLITICS:
                break
            if end > k and (w in _PREP and w != "of" or w in AGENCY_SUBORDINATORS or w in AGENCY_CUES or w in AGENCY_BE
                            or w in AGENCY_HAVE or w in AGENCY_MODALS):
                break
            if end > k and w == "and" and not (end + 1 < self.n and self.toks[end + 1].text[:1].isupper()):
                break
            if end > k and w in _ARTICLE and self.low(end - 1) not in ("of", "and"):
                break  # a new noun phrase: "by Kataeb Hezbollah the official said"
            if end > k and t.text.islower() and w.endswith("ed") and w not in AGENCY_ED_ADJECTIVES:
                break
            end += 1
        return end

    def subject(self, i: int) -> tuple[tuple[int, int] | None, str]:
        """Agent of an active verb at ``i``: (token range or None, rule)."""
        j = i - 1
        while j >= 0 and (self.low(j) in AGENCY_SKIP or self.low(j) in AGENCY_BE or self.low(j) in AGENCY_HAVE
                          or self.low(j) in AGENCY_MODALS or self.low(j) in DO or self.toks[j].text in QUOTE_MARKS
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
                                         or t.low in self.terms.verbs) and t.low not in AGENCY_ED_ADJECTIVES:
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
                                         (t.low.endswith("ed") and t.low not in AGENCY_ED_ADJECTIVES)):
                    end = m
                    break
            return k, end
        return None

    def by_agent(self, k: int, limit: int = 12) -> tuple[int, int] | None:
        """The noun phrase after the first "by" from ``k`` within the clause."""
        m = k
        while m < self.n and m - k < limit:
            t = self.toks[m]
            if t.text in _PUNCT_STOP or t.low in AGENCY_SUBORDINATORS or t.low in AGENCY_CUES:
                return None
            if t.low == "by":
                nxt = self.low(m + 1)
                if not nxt or nxt in AGENCY_TIME_WORDS or nxt.endswith("ing") or nxt[:1].isdigit() or nxt in (
                        "the end", "now", "far", "then", "contrast", "comparison", "way", "chance", "mistake"):
                    return None
                end = self.np_right(m + 1)
                while end > m + 1 and not _is_word(self.toks[end - 1]):
                    end -= 1
                return (m + 1, end) if end > m + 1 else None
            m += 1
        return None
