"""The clause patterns of :mod:`toolkit.discourse.agency`: one event word → a finding.

:class:`_Clause` (one sentence, on the grammar of
:class:`~toolkit.discourse.agency_grammar._Grammar`) finds the event words
(:meth:`_Clause.candidates`; noun or verb for ambiguous forms) and classifies
one of them as a verb (:meth:`_Clause.verb`: auxiliaries, participles,
*by*-phrases, subjects, infinitives) or a noun (:meth:`_Clause.noun`, light
verbs included) into a :class:`_Finding`. The public functions and the
per-sentence driver are in :mod:`toolkit.discourse.agency`, the event terms
file in :mod:`toolkit.discourse.event_terms`.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..text.parts import Sentence
from .agency_grammar import _CONTROL, _PREP, _PRONOUN_SUBJ, _PUNCT_STOP, _Grammar, _is_word
from .event_terms import EventTerms
from .vocabulary import AGENCY_BE, AGENCY_DETERMINERS, AGENCY_HAVE, AGENCY_MODALS, AGENCY_SKIP, DO, POSSESSIVE_CLITICS


@dataclass
class _Finding:
    i: int                     # first token of the event word
    j: int                     # one past its last token
    lemma: str
    agency: str
    rule: str
    agent: tuple[int, int] | None = None
    modifier: tuple[int, int] | None = None


class _Clause(_Grammar):
    def __init__(self, s: Sentence, terms: EventTerms):
        super().__init__(s, terms)
        self._so_far: list[_Finding] = []  # verbal findings so far, for participle clauses

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
        if prev in AGENCY_DETERMINERS or prev in POSSESSIVE_CLITICS:
            return True
        if nxt in ("of", "on", "against", "upon"):
            return True
        # a determiner before an adjective chain: "the Iranian strikes", "a US air strike"
        for k in range(i - 1, max(-1, i - 4), -1):
            if self.low(k) in AGENCY_DETERMINERS or self.low(k) in POSSESSIVE_CLITICS:
                return True
            t = self.toks[k]
            if not _is_word(t) or self.low(k) in self.stop or self.low(k) in _PREP:
                break
        if w.endswith("ing"):
            if prev in AGENCY_BE:
                return False
            return not self.np_start(i + 1)
        if prev == "to" or prev in AGENCY_MODALS or prev in _PRONOUN_SUBJ or prev in DO:
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
            while c >= 0 and (self.low(c) in AGENCY_SKIP or self.low(c).endswith("ly")):
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
        while k >= 0 and i - k <= 5 and (self.low(k) in AGENCY_DETERMINERS or self.low(k) in POSSESSIVE_CLITICS or
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
        while m < self.n and (self.low(m) in AGENCY_BE or self.low(m) in AGENCY_HAVE or self.low(m) in AGENCY_SKIP
                              or self.low(m) in AGENCY_MODALS):
            be = be or self.low(m) in AGENCY_BE
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
        if k >= 0 and self.low(k) in POSSESSIVE_CLITICS:
            a = self.np_left(k - 1, limit=4) if k - 1 >= 0 else k
            return (a, i) if a < i else None
        if k >= 0 and self.low(k) in ("his", "her", "its", "their", "our"):
            return (k, k + 1)
        a = i
        while a - 1 >= 0 and i - a < 3 and _is_word(self.toks[a - 1]) and self.toks[a - 1].text[:1].isupper() \
                and (self.toks[a - 1].text.isupper() or self.low(a - 1) not in self.stop):
            a -= 1
        return (a, i) if a < i else None
