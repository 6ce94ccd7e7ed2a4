"""Indirect speech for the quote rules (see :mod:`toolkit.discourse.quotes`).

:class:`_IndirectSpeech` finds reported speech without quotation marks in one
part of an article: ``X said (that) …``, ``X told Y that …``, ``according to
X, …`` and the trailing attribution ``…, X said Friday.``; cues inside
quotations, or already used by a direct quote (not by a quoted fragment: the
clause around it is reported too), are skipped. The content runs to the end of
the sentence here; :mod:`toolkit.discourse.quote_extent` then trims it to the
clause the parse gives. It builds on the
clause grammar of :class:`toolkit.discourse.quote_clauses._PartClauses`;
:class:`toolkit.discourse.quote_rules._PartQuotes` adds the quotations in
quotation marks and runs the passes.
"""
from __future__ import annotations

from typing import Sequence

from ..text.parts import Sentence, Token, norm
from .quote_clauses import _PartClauses, _Row
from .quote_marks import QuoteSpan
from .quote_words import _ANON_HEADS, _ANON_MARKERS, _PARTICIPLE_CUES, _SAY_LIKE, _is_cap, _is_word, first_person
from .vocabulary import CUE_VERBS, QUOTE_MARKS, QUOTE_TIME_WORDS, WEEKDAYS


#: words that open an adjunct between a verb of saying and its "that" clause ("said on Friday that")
_ADJUNCT_OPENERS = frozenset("on in at during after before via through to from while late early also again".split())


#: words that date an attribution when they follow the verb of saying
_DATE_WORDS = WEEKDAYS | frozenset("today yesterday tonight earlier later week weekend month year morning "
                                   "afternoon evening night".split())


class _IndirectSpeech(_PartClauses):
    """Reported speech without quotation marks in one part of an article."""


    # -- indirect speech --------------------------------------------------------
    def indirect(self, spans: list[QuoteSpan], used: dict[int, set[int]],
                 covered: list[tuple[int, int]]) -> list[_Row]:
        out: list[_Row] = []
        for sidx, s in enumerate(self.sents):
            if any(s.start < b and s.end > a for a, b in covered):
                continue
            toks = s.tokens
            n = len(toks)
            # direct quotes with their own attribution already cover this sentence's cues
            quoted = [(q.outer_start, q.outer_end) for q in spans if q.outer_start < s.end and q.outer_end > s.start]
            full_quote = any(a <= s.start + 1 and b >= s.end - 1 for a, b in quoted)
            if full_quote:
                continue

            def in_quote(t: Token) -> bool:
                return any(a <= t.start < b for a, b in quoted)

            marker = bool(_ANON_MARKERS.search(s.text))
            taken = used.get(sidx, set())
            for c in range(n):
                t = toks[c]
                if in_quote(t) or t.start in taken:
                    continue
                if t.low == "according" and c + 1 < n and toks[c + 1].low == "to":
                    row = self.according(s, toks, c, marker)
                    if row:
                        out.append(row)
                    continue
                if not self.cue_at(toks, c) or t.low in _PARTICIPLE_CUES:
                    continue
                row = self.reported_clause(s, toks, c, marker, in_quote)
                if row:
                    out.append(row)
        return out

    def according(self, s: Sentence, toks: Sequence[Token], c: int, marker: bool) -> _Row | None:
        n = len(toks)
        j = c + 2
        while j < n and toks[j].text not in (",", ".", ";", ":", "!", "?") and toks[j].text not in QUOTE_MARKS:
            j += 1
        if j == c + 2:
            return None
        m = j + 1  # "According to the Guard's commander, Brig. Gen. Amir Ali Hajizadeh, …": the name is X's too
        while m < n and (_is_cap(toks[m]) or toks[m].text == "."):
            m += 1
        if j < n and toks[j].text == "," and m > j + 1 and m < n and toks[m].text == "," and m - j <= 8:
            j = m
        if c == 0 or (c > 0 and toks[c - 1].text not in (",",) and c <= 1):
            a, b = j + 1, n          # According to X, CONTENT.
        else:
            a = 0
            b = c - 1 if toks[c - 1].text == "," else c
            if toks[c - 1].text == "," and j + 1 < n and toks[j].text == "," and \
                    not toks[j + 1].low.endswith("ing") and len([x for x in toks[j + 1:] if _is_word(x)]) >= 2:
                b = n  # "The strike, according to X, killed …": the attribution is a parenthetical
        while b > a and not _is_word(toks[b - 1]):
            b -= 1
        if b - a < 3:
            return None
        row = _Row("indirect", toks[a].start, toks[b - 1].end, s.sent_id, s.text, "according_to", "according to")
        row.anon_marker = marker
        self.attach(row, toks, c + 2, j)
        return row

    def reported_clause(self, s: Sentence, toks: Sequence[Token], c: int, marker: bool, in_quote) -> _Row | None:
        n = len(toks)
        t = toks[c]
        lemma = CUE_VERBS[t.low]
        subj = self.subject(toks, c)
        if subj is None:
            return None
        cue, k = self.cue_phrase(toks, c, n)
        # trailing attribution: "CONTENT, X said Friday."
        a0 = subj[0]
        rest = [x for x in toks[k:] if _is_word(x)]
        trailing = a0 >= 2 and toks[a0 - 1].text == "," and len(rest) <= 8 and (
            not rest or rest[0].low in QUOTE_TIME_WORDS or rest[0].low.endswith("ing") and rest[0].text.islower()
            or rest[0].low in ("in", "on", "at", "during", "to", "from", "after", "before", "via", "through", "while",
                               "late", "early", "as", "by"))
        # parenthetical attribution: "CONTENT, X said, CONTENT." (the row spans the sentence around it)
        parenthetical = a0 >= 2 and toks[a0 - 1].text == "," and k + 1 < n and toks[k].text == "," and \
            toks[k + 1].text not in QUOTE_MARKS and not in_quote(toks[k + 1]) and not toks[k + 1].low.endswith("ing") and \
            len([x for x in toks[k + 1:] if _is_word(x)]) >= 2 and lemma in _SAY_LIKE
        if trailing or parenthetical:
            b = a0 - 1 if trailing else n
            a = 0
            while b > a and not _is_word(toks[b - 1]):
                b -= 1
            if b - a < 3:
                return None
            row = _Row("indirect", toks[a].start, toks[b - 1].end, s.sent_id, s.text,
                       "trailing" if trailing else "parenthetical", cue)
        else:
            has_that = k < n and toks[k].low == "that"
            adjunct = k < n and (toks[k].low in _ADJUNCT_OPENERS or toks[k].low in QUOTE_TIME_WORDS
                                 or toks[k].low.endswith("ly"))
            if (lemma == "tell" or adjunct) and not has_that:
                # told reporters (that) …: skip the object; said on Friday / later in a tweet that …
                m = k
                while m < n and m - k < 8 and toks[m].low != "that" and toks[m].text not in (",", ".", ":"):
                    m += 1
                if m < n and toks[m].low == "that":
                    k, has_that = m, True
            if has_that:
                k += 1
            else:  # "said Friday the …", "said earlier today the …": the date is the reporter's
                while k + 1 < n and (toks[k].low in _DATE_WORDS or toks[k].low in ("last", "this", "next")
                                     and toks[k + 1].low in _DATE_WORDS):
                    k += 1
            while k < n and toks[k].text in (",", ":"):
                k += 1
            b = next((m for m in range(k + 1, n - 1) if toks[m].low == "according" and toks[m + 1].low == "to"
                      and toks[m - 1].text == ","), n)  # "…, according to X" is a second attribution
            while b > k and not _is_word(toks[b - 1]) and toks[b - 1].text not in QUOTE_MARKS:
                b -= 1
            content = toks[k:b]
            whole = next((q for q in self.spans if content and q.outer_start <= content[0].start < q.outer_end), None)
            if whole is not None and whole.outer_end < content[-1].start:
                whole = None  # “we will not lament” Soleimani's death: a quoted fragment opens the clause
            if len([x for x in content if _is_word(x)]) < 3 or content[0].low == "to" or whole is not None:
                return None
            if not has_that:
                pronoun_subject = content[0].low in ("it", "he", "she", "they", "we", "i", "there")
                if lemma not in _SAY_LIKE and not pronoun_subject:
                    return None
                if lemma in ("tell", "ask") and not pronoun_subject:
                    return None
            row = _Row("indirect", content[0].start, content[-1].end, s.sent_id, s.text, "clause", cue)
        row.anon_marker = marker
        self.attach(row, toks, *subj)
        if row.phrase is None:
            return None
        first = norm(row.phrase.split()[0])
        if first_person(row.phrase.split()[0]) or row.phrase.split()[0] in ("One", "one") or (row.phrase_toks and row.phrase_toks[0].text.islower()
                                                      and first not in ("the", "a", "an", "two", "three", "four",
                                                                        "several", "some", "many", "he", "she",
                                                                        "it", "they", "senior", "top", "unnamed")
                                                      and not first.isdigit() and first not in _ANON_HEADS):
            return None
        return row
