"""The clause patterns of :mod:`toolkit.agency`: word classes and one sentence's grammar.

:class:`_Clause` wraps the tokens of one sentence with the event terms and
answers what the patterns listed in :mod:`toolkit.agency` ask: which tokens
are event words (:meth:`_Clause.candidates`; noun or verb for ambiguous
forms), which auxiliary governs a verb, where a noun phrase starts and ends,
the subject of an active verb, the agent in a *by*-phrase; and it classifies
one event word as a verb (:meth:`_Clause.verb`) or a noun
(:meth:`_Clause.noun`, light verbs included) into a :class:`_Finding`. The
public functions, the event terms file and the per-sentence driver are in
:mod:`toolkit.agency`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import resources
from ._textparts import Sentence, Token

if TYPE_CHECKING:
    from .agency import EventTerms


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
