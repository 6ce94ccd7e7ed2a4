"""Attributions from the sentences around a quotation, for the quote rules (see :mod:`toolkit.discourse.quotes`).

A quotation is often attributed outside its own sentence. :class:`_Context`
reads three such cases the annotation conventions of ``tests/data/README.md``
count:

* an attribution that ends in a colon in the sentence or paragraph before the
  quotation ("Trump wrote on Twitter:" / "“…”"; :meth:`_Context.colon_intro`);
* a quotation with no attribution of its own followed by a sentence whose cue
  reports nothing else ("“…” That was how Trump described the threat.";
  :meth:`_Context.next_sentence`, rule ``next``);
* speakers that are earlier mentions: "the statement said" is the source of
  the nearest report before it, and an acronym is the long form the text
  defined it with ("the IRGC" → "Islamic Revolutionary Guard Corps";
  :meth:`_Context.resolve`).

Continuation paragraphs and "X issued this statement:" are read by
:class:`toolkit.discourse.quote_rules._PartQuotes`, which builds on this class.
What it still misses: an attribution two or more sentences away, and a
colon introduction whose cue the parser and the token rules both miss.

>>> _Context.__mro__[1].__name__
'_ClauseExtent'
"""
from __future__ import annotations

import re
from typing import Any

from .quote_extent import _ClauseExtent
from .quote_lexicon import NAMING_VERBS
from .quote_parse import SPEECH_NOUNS
from .quote_words import _STATEMENT_INTRO, UNATTRIBUTED, UNKNOWN, _acronym_name, first_person


class _Context(_ClauseExtent):
    """Attributions from neighbouring sentences and earlier mentions."""

    def colon_intro(self, row: Any) -> bool:
        """A quotation set off after an attribution that ends in a colon in the sentence or paragraph
        before it ("Trump wrote on Twitter:" / "“…”"): the speaker and cue of that sentence."""
        first = self.sentence_index(row.start)
        if first == 0 or self.text[self.sents[first - 1].end:row.start].count("\n\n") > 1:
            return False
        toks = self.sents[first - 1].tokens
        if not toks or toks[-1].text != ":" or _STATEMENT_INTRO.search(self.sents[first - 1].text):
            return False  # "X issued this statement …:" is read by the statements pass
        for c in range(len(toks) - 1):  # the first cue: the main clause's, not one in a clause after it
            if self.cue_at(toks, c) and not self.in_quote(toks[c].start):
                subj = self.subject(toks, c)
                if subj is None:
                    return False
                row.cue, _ = self.cue_phrase(toks, c, len(toks) - 1)
                self.attach(row, toks, *subj)
                row.rule = "before"
                return row.phrase is not None
        return False

    def next_sentence(self, row: Any) -> None:
        """A quotation with no attribution of its own that is attributed by the next sentence of its
        paragraph, a cue with a subject and no content of its own ("“…” That was how Trump described
        the threat." / "“…” Trump said on Twitter.")."""
        last = self.sentence_index(max(row.start, row.end - 1))
        first = self.sentence_index(row.start)
        if last + 1 >= len(self.sents) or self.text[self.sents[first].start:row.start].strip(" \n\"“‘'(") \
                or self.text[row.end:self.sents[last].end].strip(" \n\"”’'.,!?)"):
            return  # only a quotation that is a sentence of its own, not one inside the reporter's sentence
        s = self.sents[last + 1]
        if "\n\n" in self.text[row.end:s.start] or any(self.in_quote(t.start) for t in s.tokens):
            return
        toks = s.tokens
        for c, t in enumerate(toks):
            if not (self.cue_at(toks, c) or t.low in NAMING_VERBS and t.text.islower()):
                continue
            rest = [x for x in toks[c + 1:] if x.text[:1].isalnum()]
            if len(rest) > 6 or any(x.low == "that" for x in rest):
                return  # the cue reports something of its own
            found = self.parsed_speaker(last + 1, t.text, t.start)
            if found is None:
                return
            start, end, relation = found
            phrase = self.phrase_tokens(last + 1, start, end)
            if not phrase or first_person(phrase[0].text):
                return
            row.phrase_toks, row.position = phrase, phrase[0].start
            row.phrase = self.text[phrase[0].start:phrase[-1].end]
            row.cue, row.rule, row.speaker_rule = t.text, "next", relation
            return

    def resolve(self, row: Any, sidx: int) -> None:
        """As :meth:`toolkit.discourse.quote_clauses._PartClauses.resolve`, and a statement as the speaker
        ("The statement said …") is the source of the nearest report before it: in the sentence just
        before, or up to three sentences back where that sentence mentions the same noun
        (``speaker_resolved_from`` ``statement``)."""
        if row.phrase is not None:
            self.reparse(row)
        toks = row.phrase_toks or []
        if len(toks) == 2 and toks[0].low in ("the", "that", "this") and toks[1].low in SPEECH_NOUNS:
            noun = toks[1].low.rstrip("s")  # a definite noun refers back to a mention of the same noun
            before = [r for r in self.rows if r.position < row.position and r.speaker and r.resolved_from != "statement"
                      and r.side not in (UNATTRIBUTED, UNKNOWN) and self.sentence_index(r.position) >= sidx - 3
                      and (re.search(rf"\b{re.escape(noun)}s?\b", r.sentence.lower())
                           or self.sentence_index(r.position) == sidx - 1)]
            if before:
                p = max(before, key=lambda r: r.position)
                row.speaker, row.actor, row.side, row.affiliation, row.typ = p.speaker, p.actor, p.side, \
                    p.affiliation, p.typ
                row.resolved_from, row.antecedent_start, row.side_source = "statement", p.position, "antecedent"
                return
        super().resolve(row, sidx)
        long = _acronym_name(row.speaker, self.text, row.position) if row.speaker and not row.resolved_from else None
        if long:  # "the IRGC" → "Islamic Revolutionary Guard Corps", as the text defined it
            row.speaker, row.resolved_from = long, "acronym"
            row.antecedent_start = self.text.rfind(long, 0, row.position)
