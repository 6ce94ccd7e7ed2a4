"""Clause grammar and speaker resolution for the quote rules (see :mod:`toolkit.discourse.quotes`).

:class:`_PartClauses` holds one part of an article (its text, sentences,
the actor table, the rows found so far) and what the quotation patterns need
to read a clause: is a token an attribution cue, where is the subject of a cue
verb, how far does the cue phrase run ("told state television"), and who is
the speaker of a phrase — a name completed from earlier in the article, an
actor of the table, an anonymous source, or the antecedent of "he", "she",
"it", "they". The patterns themselves are in :mod:`toolkit.discourse.quote_indirect` and
:mod:`toolkit.discourse.quote_rules` (their classes build on this one); word
lists and name handling are in :mod:`toolkit.discourse.quote_words`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .. import resources
from ..text.parts import Part, Token, norm
from .quote_marks import QuoteSpan
from .quote_parse import _ParseSpeakers
from .quote_sides import heuristic_side, role_antecedent
from .quote_words import (_ANON_HEADS, _FUNCTION_WORDS, _PRONOUNS, _cap_elsewhere, _plural, UNATTRIBUTED, UNKNOWN, _Actors, _best, _full_name, _heads, _is_cap,
                          _is_word, _matches, _name_runs, _speaker_name)
from .vocabulary import (ARTICLES, CUE_VERBS, DETERMINERS, POSSESSIVE_CLITICS, QUOTE_BEFORE_CUE, QUOTE_BOUNDARIES,
                         QUOTE_ED_ADJECTIVES, QUOTE_MARKS, QUOTE_TIME_WORDS)


@dataclass
class _Row:
    kind: str
    start: int
    end: int
    sent_id: int
    sentence: str
    rule: str
    cue: str | None = None
    phrase: str | None = None           # speaker phrase as written
    phrase_toks: list[Token] | None = None
    speaker: str | None = None
    actor: str | None = None
    side: str | None = None
    affiliation: str | None = None
    typ: str = ""
    anon_marker: bool = False
    position: int = 0                   # where the attribution is (for pronoun resolution)
    speaker_rule: str = "tokens"        # the relation that gave the phrase (see quote_parse)
    resolved_from: str | None = None    # pronoun, role, surname: the speaker is an earlier mention …
    antecedent_start: int | None = None  # … that starts here
    side_source: str = "none"           # actor table, organisation, nationality, antecedent

    def copy_speaker(self, other: "_Row") -> None:
        """The evidence of ``other``'s speaker (for a quote that takes its speaker)."""
        self.speaker_rule, self.resolved_from = other.speaker_rule, other.resolved_from
        self.antecedent_start, self.side_source = other.antecedent_start, other.side_source


_PLACE_PREPS = frozenset("in at near from across on throughout".split())


class _PartClauses(_ParseSpeakers):
    """One part of an article, with the clause grammar and speaker resolution of the quote rules."""

    def __init__(self, part: Part, actors: _Actors):
        self.part = part
        self.text = part.text
        self.sents = part.sentences
        self.actors = actors
        self.rows: list[_Row] = []
        self.spans: list[QuoteSpan] = []

    # -- clauses ----------------------------------------------------------------
    def cue_at(self, toks: Sequence[Token], k: int) -> bool:
        t = toks[k]
        if t.low not in CUE_VERBS or (k > 0 and not t.text.islower()):
            return False
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        prev = toks[k - 1].low if k else ""
        if nxt == "by" or prev in ("was", "were", "been", "being", "is", "are", "be"):
            return False  # passive: "a drone attack claimed by Yemen’s rebels"
        if not t.low.endswith(("ed", "ing", "wrote", "told", "said")):
            # nouns or bare infinitives: "the claims", "those promises", "reports say", "to confirm"
            if prev in DETERMINERS or prev in ("to", "of", "'s", "such", "many", "his", "her") or not prev:
                return False
        return True

    def subject(self, toks: Sequence[Token], k: int, lo: int = 0) -> tuple[int, int] | None:
        """Token range of the subject of the cue at ``k`` (not before ``lo``)."""
        j = k - 1
        while j >= lo and (toks[j].low in QUOTE_BEFORE_CUE or toks[j].low.endswith("ly") and toks[j].text.islower()
                           or toks[j].low in QUOTE_TIME_WORDS and toks[j].text.islower()):
            j -= 1
        if j >= lo and toks[j].text == ")":  # "Kevin McCarthy (CA-23) released"
            while j >= lo and toks[j].text != "(":
                j -= 1
            j -= 1
        if j < lo:
            return None
        if toks[j].low in ("and", "but") and j > lo:
            return self.clause_subject(toks, j)  # "X issued a statement … and said …"
        if toks[j].low in ("who", "which", "that") and j - 1 >= lo:
            j -= 1
            if toks[j].text == ",":
                j -= 1
            if j < lo:
                return None
            a = self._np_left(toks, j, lo)
            return (a, j + 1) if a <= j else None
        if toks[j].text == ",":
            # "The official, speaking on condition of anonymity, said": skip the parenthetical;
            # "Representative Eliot L. Engel, Chairman of the …, today made": skip the role
            c = j - 1
            while c >= lo and toks[c].text != "," and j - c < 16:
                c -= 1
            if c < lo or toks[c].text != ",":
                return None
            chunk = toks[c + 1:j]
            parenthetical = bool(chunk) and (chunk[0].low.endswith("ing") or chunk[0].low in (
                "who", "which", "according"))
            role = bool(chunk) and not any(t.low in QUOTE_BEFORE_CUE or self.cue_at(toks, c + 1 + m)
                                           for m, t in enumerate(chunk))
            if role and len(chunk) <= 6 and all(_is_cap(t) and _is_word(t) for t in chunk) \
                    and chunk[0].low not in _PRONOUNS:
                # a name set off by commas: "Iran's foreign minister, Javad Zarif, warned" (the role before
                # it is kept); after an introductory phrase ("In a statement on Friday, Farhan Haq, said")
                # the name alone
                b = self._np_left(toks, c - 1, lo) if c - 1 >= lo and _is_word(toks[c - 1]) else c
                before = toks[b:c]
                if before and len(before) <= 8 and (_is_cap(before[0]) or before[0].low in ARTICLES) and not any(
                        t.low.endswith("ing") or t.low in ("in", "on", "at", "after", "during") for t in before):
                    return b, j
                return c + 1, j
            j = c - 1
            if j >= lo and toks[j].text == ")":
                while j >= lo and toks[j].text != "(":
                    j -= 1
                j -= 1
            if j < lo or not (parenthetical or (role and _is_cap(toks[j]))):
                return None
            a = self._np_left(toks, j, lo)
            return (a, j + 1) if a <= j else None
        a = self._np_left(toks, j, lo)
        if a > j:
            return None
        # "Iran’s ambassador to Iraq, Iraj Masjedi, told": a name after a role, joined by a comma
        if toks[j].low in ("i", "we", "you"):
            return None  # the author speaking: not a source
        if a - 1 > lo and toks[a - 1].text == "," and all(_is_cap(t) or t.low in ("al", "bin") for t in toks[a:j + 1]) \
                and toks[a].low not in _PRONOUNS and toks[a].low != "i":
            b = self._np_left(toks, a - 2, lo)
            role = toks[b:a - 1]
            if b <= a - 2 and any(t.text.islower() and t.low not in ("of", "to", "the", "a", "an", "'s")
                                  for t in role) and not any(t.low in QUOTE_TIME_WORDS for t in role) \
                    and (b == lo or not _is_word(toks[b - 1])):  # not "… will respond at a time of its choosing,"
                return b, j + 1
        return a, j + 1

    def _np_left(self, toks: Sequence[Token], j: int, lo: int) -> int:
        a = j + 1
        while j >= lo:
            t = toks[j]
            if t.low in QUOTE_BOUNDARIES or t.text in QUOTE_MARKS or t.text in (",", ".", "!", "?", "[", "]"):
                break
            if t.low in CUE_VERBS and self.cue_at(toks, j) or t.low in ("is", "was", "were", "are", "had",
                                                                        "has", "have", "will", "would"):
                break
            if t.low == "and" and not (j - 1 >= lo and (_is_cap(toks[j - 1]) or toks[j - 1].low in _ANON_HEADS
                                                         or toks[j - 1].low in ("tv", "television"))):
                break
            if t.text.islower() and t.low.endswith("ed") and not (j - 1 >= lo and toks[j - 1].low in ARTICLES) \
                    and t.low not in QUOTE_ED_ADJECTIVES:
                break
            a = j
            j -= 1
        # drop leading prepositions/adverbials: "In a 2013 profile of Soleimani" is cut at the comma already
        while a <= j + 1 and a < len(toks) and toks[a].low in ("and", "but", "so", "then", "also"):
            a += 1
        return a

    def cue_phrase(self, toks: Sequence[Token], k: int, limit: int) -> tuple[str, int]:
        """The cue text starting at ``toks[k]`` and the index after it."""
        t = toks[k]
        end = k + 1
        lemma = CUE_VERBS.get(t.low, t.low)
        if lemma == "tell" or t.low in ("confirmed", "confirm", "confirms", "said", "says", "wrote", "tweeted",
                                        "added", "told", "stated", "announced", "reported"):
            j = end
            if lemma != "tell" and j < limit and toks[j].low in ("on", "in", "to"):
                j += 1
            elif lemma == "tell" and j < limit and toks[j].low == "to":
                j += 1
            if j > end or lemma == "tell":
                stop = j
                while stop < limit and stop - j < 5:
                    w = toks[stop]
                    if not _is_word(w) or w.low in ("that", "on", "in", "at", "to", "from", "during", "after",
                                                    "before", "while", "he", "she", "it", "they", "the") and stop > j \
                            or w.low in QUOTE_TIME_WORDS:
                        break
                    if w.low in ("that",):
                        break
                    stop += 1
                if stop > j:
                    end = stop
        if t.low == "according" and end < limit and toks[end].low == "to":
            end += 1
        return self.text[t.start:toks[end - 1].end], end

    def clause_subject(self, toks: Sequence[Token], c: int) -> tuple[int, int] | None:
        """Subject of the clause a participle cue hangs from: the leading noun phrase."""
        start = 0
        for k in range(c - 1, -1, -1):
            if toks[k].text in (";", ":"):
                start = k + 1
                break
        k = start
        while k < c and not _is_word(toks[k]):
            k += 1
        if k < c and toks[k].low in ("in", "on", "at", "after", "before", "during", "days", "hours", "last", "as",
                                     "since", "while", "when", "with", "under", "following", "despite"):
            comma = next((m for m in range(k, c) if toks[m].text == ","), None)
            if comma is not None:
                k = comma + 1
        end = k
        while end < c and (_is_word(toks[end]) or toks[end].low in POSSESSIVE_CLITICS) \
                and toks[end].low not in QUOTE_BEFORE_CUE \
                and not self.cue_at(toks, end) and not (toks[end].text.islower() and toks[end].low.endswith(("ed", "ing"))):
            end += 1
        # "Iran’s supreme leader, Ayatollah Ali Khamenei, issued …": take the name in apposition too
        if end < c and toks[end].text == ",":
            m = end + 1
            while m < c and (_is_cap(toks[m]) or toks[m].low.startswith("al-")):
                m += 1
            if m > end + 1 and m < c and toks[m].text == ",":
                end = m
        return (k, end) if end > k else None

    def sentence_index(self, offset: int) -> int:
        for k, s in enumerate(self.sents):
            if s.start <= offset < s.end or offset < s.start:
                return k
        return len(self.sents) - 1

    # -- speakers ---------------------------------------------------------------
    def attach(self, row: _Row, toks: Sequence[Token], a: int, b: int) -> None:
        while b > a and (toks[b - 1].text in (",", ".") or toks[b - 1].low in QUOTE_BEFORE_CUE):
            b -= 1
        while a < b and toks[a].text in (",",):
            a += 1
        if a >= b:
            return
        row.phrase_toks = list(toks[a:b])
        row.phrase = self.text[toks[a].start:toks[b - 1].end]
        row.position = toks[a].start

    def resolve(self, row: _Row, sidx: int) -> None:
        """Fill speaker, actor, side from the speaker phrase."""
        if row.phrase is None:
            row.side = UNATTRIBUTED
            return
        self.reparse(row)
        toks = row.phrase_toks or []
        low = norm(row.phrase)
        if low in _PRONOUNS:
            found = self.antecedent(_PRONOUNS[low], min(row.position, row.start - 1), sidx)
            if found is None:
                row.speaker = row.phrase
                row.side = UNKNOWN
                return
            row.antecedent_start, row.speaker, row.actor, row.side, row.typ, row.affiliation = found
            row.rule += "+pronoun"
            row.resolved_from, row.side_source = "pronoun", "antecedent"
            return
        name, kind = _speaker_name(toks, self.text)
        if name and kind == "person":
            full = _full_name(name, self.text, row.position)
            if full != name:
                row.resolved_from, name = "surname", full
                row.antecedent_start = self.text.rfind(full, 0, row.position)
        elif name is None and (role := role_antecedent(row.phrase, self.text, row.position)):
            row.resolved_from, name = "role", role
            row.antecedent_start = self.text.rfind(role, 0, row.position)
        found = _matches(self.actors, row.phrase)
        if name:
            found += [(f[0] + 10_000, f[1] + 10_000, *f[2:]) for f in _matches(self.actors, name)]
        best = _best(found)
        if name is None:
            a = 1 if toks and toks[0].low in ARTICLES else 0
            name = self.text[toks[a].start:toks[-1].end] if a < len(toks) else row.phrase
        row.speaker = name
        guess = heuristic_side(name if row.resolved_from == "role" else row.phrase, kind == "person")
        if best is not None:
            row.actor, row.side, row.typ = best[2], best[3], best[4]
            row.side_source = "actor table"
        elif guess is not None and guess[1] == "anonymous":
            row.side, row.affiliation, row.side_source = "anonymous", guess[2], guess[3]
            return
        elif guess is not None:
            row.actor, row.side, row.typ, row.side_source = guess
        else:
            row.side, row.typ = "other", kind or ""
        if kind == "" and (self.anonymous(toks, best) or row.anon_marker):
            row.affiliation = row.side if best is not None and best[4] != "anonymous" else None
            row.side = "anonymous"
            row.actor = row.actor if best is not None and best[4] == "group" else None
        elif best is not None and best[4] == "anonymous":
            row.side = "anonymous"

    @staticmethod
    def anonymous(toks: Sequence[Token], best) -> bool:
        """No name heads the phrase and every head is a person noun ("officials", "a source")."""
        if best is not None and best[4] == "anonymous":
            return True
        heads, _ = _heads(toks)
        return bool(heads) and all(h.low in _ANON_HEADS for h in heads)

    def antecedent(self, want: str, anchor: int,
                   sidx: int) -> tuple[int, str, str | None, str, str, str | None] | None:
        """The speaker a pronoun refers to: the leftmost fitting actor or name in the nearest
        sentence (this one up to ``anchor``, then up to three before) whose subject is not
        itself a pronoun of the same kind (then the chain goes further back)."""
        ok = {"person": ("person",), "thing": ("organisation", "organization", "media", "country", "group"),
              "plural": ("group", "organisation", "organization", "country", "media")}[want]
        same = {"person": ("he", "she"), "thing": ("it",), "plural": ("they",)}[want]
        stop = resources.stopwords() | _FUNCTION_WORDS
        for k in range(sidx, max(-1, sidx - 4), -1):
            s = self.sents[k]
            hi = min(anchor, s.end) if k == sidx else s.end
            toks = [t for t in s.tokens if t.end <= hi and not self.in_quote(t.start)]
            if not toks:
                continue
            lead = next((m for m, t in enumerate(toks[:6]) if t.low in same), None)
            if lead is not None and not any(_is_cap(t) for t in toks[1:lead]):
                continue  # "In October, he …": the pronoun chain goes on (not "President Trump said that he …")
            cands: list[tuple[int, str, str | None, str, str, str | None]] = []
            for r in self.rows:
                if s.start <= r.position < hi and r.speaker and r.side != UNATTRIBUTED and norm(r.phrase or "") \
                        not in _PRONOUNS and (r.typ in ok or want == "plural" and _plural(r.phrase_toks or [])):
                    cands.append((r.position, r.speaker, r.actor, r.side, r.typ, r.affiliation))
            window = self.text[s.start:hi]
            taken: list[tuple[int, int]] = []
            for a, b, actor, side, typ in _matches(self.actors, window):
                pos = s.start + a
                taken.append((pos, s.start + b))
                if typ not in ok or self.in_quote(pos) or norm(window[b:b + 2]) == "'s":
                    continue
                surface = window[a:b]
                name = _full_name(surface, self.text, pos) if typ == "person" else \
                    re.sub(r"^(?:the|The)\s+", "", surface)
                cands.append((pos, name, actor, side, typ, None))
            if want == "person":
                for run in _name_runs(toks):
                    at = toks.index(run[0])
                    if any(a < run[-1].end and run[0].start < b for a, b in taken) or \
                            at == 0 and len(run) == 1 and not _cap_elsewhere(run[0].text, self.text) or \
                            any(toks[m].low in _PLACE_PREPS for m in range(max(0, at - 2), at)
                                if all(x.text.islower() for x in toks[m:at])):
                        continue  # "Even the …": capitalised by position; "on Mykonos": a place
                    name, kind = _speaker_name(run, self.text)
                    if not name or kind != "person" or name.lower() in stop or norm(name) in QUOTE_TIME_WORDS \
                            or name.lower().endswith(("ians", "ans", "is")):
                        continue
                    end = run[-1].end
                    if norm(self.text[end:end + 2]) == "'s":
                        continue
                    cands.append((run[0].start, _full_name(name, self.text, run[0].start), None, "other", "person",
                                  None))
            if cands:
                return self.pick_antecedent(k, cands)
        return None

    def in_quote(self, offset: int) -> bool:
        return any(q.outer_start <= offset < q.outer_end for q in self.spans)

    def speaker_from_label(self, row: _Row, label: str) -> None:
        found = _matches(self.actors, label, ignore_case=True)
        exact = [f for f in found if f[0] == 0 and f[1] == len(label)]
        best = _best(exact or [f for f in found if f[4] != "country"] or found)
        words = label.replace("’", "'").split()
        pretty = " ".join(w if (len(w) <= 3 and w.isupper() and w.lower() not in resources.stopwords()
                                and w not in ("MR.", "MRS.", "MS.", "DR."))
                          else (w[:2] + w[2:].lower() if w[:2] == "Mc" else w.capitalize()) for w in words)
        pretty = re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), pretty)
        if best is not None:
            row.actor, row.side, row.typ = best[2], best[3], best[4]
            row.side_source = "actor table"
            row.speaker = best[2] if best[4] == "person" else pretty
        else:
            row.speaker, row.side = pretty, "other"
