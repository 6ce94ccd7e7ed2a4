"""The patterns that find quotations in one part of an article (see :mod:`toolkit.discourse.quotes`).

:class:`_PartQuotes` runs the passes over a part: transcript turns
(``SECRETARY POMPEO: …``), direct and partial quotes in quotation marks with
the attribution after (“…,” X said) or before (X said: “…”), indirect speech
(X said (that) …, according to X, …, X said Friday.; the patterns are in
:mod:`toolkit.discourse.quote_indirect`), then statements ("X issued this
statement: …"), continuation paragraphs and anonymous sources named again
("the official"). The rule names it gives are listed in
:mod:`toolkit.discourse.quotes`. Reading a clause (cue verbs, subjects) and
resolving speakers is inherited from
:class:`toolkit.discourse.quote_clauses._PartClauses`.
"""
from __future__ import annotations

import re

from ..text.parts import Token
from .quote_clauses import _Row
from .quote_context import _Context
from .quote_lexicon import NAMING_VERBS
from .quote_marks import QuoteSpan, quote_spans
from .quote_words import _ANON_MARKERS, _PARTICIPLE_CUES, _STATEMENT_INTRO, UNATTRIBUTED, _heads, _is_cap, _is_word
from .vocabulary import QUOTE_MARKS, QUOTE_TIME_WORDS


#: small words left lower case in a title ("Face the Nation", "State of the Union")
_TITLE_SMALL = frozenset("a an the of in on at to for and or with".split())


class _PartQuotes(_Context):
    """The quotations of one part: ``_PartQuotes(part, actors).run()`` → rows."""

    # -- passes -------------------------------------------------------------------
    def run(self) -> list[_Row]:
        turns = self.transcript_turns() if self.part.part == "body" else []
        covered = [(r.position, r.end) for r in turns]
        self.rows.extend(turns)
        spans = [q for q in quote_spans(self.text) if not any(a <= q.start < b for a, b in covered)]
        self.spans = spans
        used_cues: dict[int, set[int]] = {}
        attributed_sent: dict[int, _Row] = {}
        direct_rows = self.direct(spans, used_cues, attributed_sent)
        rows = direct_rows + [r for r in self.indirect(spans, used_cues, [])
                              if (r.rule != "clause" or self.bound_clause(r))
                              and (r.rule != "trailing" or self.clause_like(r))]
        rows += self.parsed_indirect(rows, [], _Row)
        for r in direct_rows:
            if r.rule == "none" and not self.colon_intro(r):
                self.next_sentence(r)
            if r.kind == "partial" and len(self.text[r.start:r.end].split()) >= 4 and self.full_clause(r):
                r.kind = "direct"  # a whole quoted clause, not a fragment
        rows.sort(key=lambda r: (r.position if r.phrase else r.start, r.start))
        for r in rows:
            sidx = next((k for k, s in enumerate(self.sents) if s.sent_id == r.sent_id), 0)
            if r.speaker is None and r.side is None:
                self.resolve(r, sidx)
            self.rows.append(r)
        self.statements()
        self.continuations()
        self.definite_sources()
        return sorted(self.rows, key=lambda r: r.start)

    def definite_sources(self) -> None:
        """"the official said" after "a senior DOD official said": same source, same affiliation."""
        rows = sorted(self.rows, key=lambda r: r.position)
        for k, r in enumerate(rows):
            if r.side != "anonymous" or r.affiliation or not r.phrase_toks or r.phrase_toks[0].low != "the":
                continue
            heads, _ = _heads(r.phrase_toks)
            if not heads:
                continue
            stem = heads[-1].low.rstrip("s")
            for p in reversed(rows[:k]):
                if p.side == "anonymous" and p.affiliation and p.phrase_toks:
                    p_heads, _ = _heads(p.phrase_toks)
                    if any(h.low.rstrip("s") == stem for h in p_heads):
                        r.affiliation = p.affiliation
                        break

    def statements(self) -> None:
        """"X issued this statement: …" / "X released the following statement": the unattributed
        quotations that follow are X's."""
        intros: list[_Row] = []
        for sidx, s in enumerate(self.sents):
            m = _STATEMENT_INTRO.search(s.text)
            if not m:
                continue
            toks = s.tokens
            c = next((k for k, t in enumerate(toks) if t.start >= s.start + m.start()), None)
            if c is None:
                continue
            subj = self.subject(toks, c)
            if subj is None:
                continue
            row = _Row("direct", s.start, s.end, s.sent_id, s.text, "statement", m.group(1))
            self.attach(row, toks, *subj)
            if row.phrase is None:
                continue
            self.resolve(row, sidx)
            intros.append(row)
        if not intros:
            return
        for r in self.rows:
            if r.rule != "none" or r.kind == "indirect":
                continue
            intro = next((i for i in reversed(intros) if i.end <= r.start), None)
            if intro is None:
                continue
            r.speaker, r.actor, r.side, r.affiliation, r.typ = intro.speaker, intro.actor, intro.side, \
                intro.affiliation, intro.typ
            r.phrase, r.cue, r.rule = intro.phrase, intro.cue, "statement"
            r.copy_speaker(intro)

    def continuations(self) -> None:
        """An unattributed quote that opens a sentence right after an attributed quote, or directly after
        a sentence of reported speech ("X said …. “…”"): same speaker."""
        rows = sorted(self.rows, key=lambda r: r.start)
        for k, r in enumerate(rows):
            if r.rule != "none" or r.kind == "indirect":
                continue
            prev = next((p for p in reversed(rows[:k]) if p.side != UNATTRIBUTED and p.rule != "none"
                         and p.end <= r.start and p.phrase is not None), None)
            if prev is None:
                continue
            gap = self.text[prev.end:r.start]
            sent_gap = sum(1 for s in self.sents if prev.end <= s.start < r.start)
            # after reported speech, only a quotation that follows it directly ("X said …. “…”")
            near = sent_gap <= 1 and not gap.strip(" \n.\"“”‘’") if prev.kind == "indirect" else sent_gap <= 2
            if near and gap.count("\n\n") <= 1 and len(gap) < 300:
                r.speaker = prev.speaker
                r.actor, r.side, r.affiliation, r.cue = prev.actor, prev.side, prev.affiliation, prev.cue
                r.phrase = prev.phrase
                r.rule = "continuation"
                r.copy_speaker(prev)
            else:
                r.side = UNATTRIBUTED

    # -- direct quotes and transcripts ------------------------------------------
    def direct(self, spans: list[QuoteSpan], used_cues: dict[int, set[int]],
               attributed_sent: dict[int, _Row]) -> list[_Row]:
        out: list[_Row] = []
        by_sentence: dict[int, list[tuple[QuoteSpan, _Row]]] = {}
        for q in spans:
            content = self.text[q.start:q.end]
            if not content.strip():
                continue
            first, last = self.sentence_index(q.outer_start), self.sentence_index(max(q.outer_start, q.outer_end - 1))
            s0, s1 = self.sents[first], self.sents[last]
            words = re.findall(r"[\w’'-]+", content)
            lead = content.lstrip(" .…'‘\"“(")
            # a sentence in quotation marks ("We are ready,") is direct however short; a fragment, a
            # lower-case start (were “martyred,”) or a few words with no closing punctuation are partial
            sentence_like = lead[:1].isupper() and content.rstrip()[-1:] in ".,!?…" and len(words) >= 2
            kind = "direct" if sentence_like or len(words) >= 4 and not lead[:1].islower() else "partial"
            sentence = self.text[s0.start:max(s1.end, s0.end)]
            row = _Row(kind, q.start, q.end, s0.sent_id, sentence, "")
            row.anon_marker = bool(_ANON_MARKERS.search(sentence))
            # after the closing mark, in the last sentence, up to the next quote
            nxt = min((p.outer_start for p in spans if p.outer_start >= q.outer_end), default=len(self.text))
            after = [t for t in s1.tokens if t.start >= q.outer_end and t.end <= nxt]
            prev_end = max((p.outer_end for p in spans if p.outer_end <= q.outer_start), default=0)
            before = [t for t in s0.tokens if t.end <= q.outer_start]
            seg = next((k for k, t in enumerate(before) if t.start >= prev_end), len(before))
            if before and (before[-1].low in ("'s", "'") or before[-1].low.endswith("'s")) and len(words) <= 6 \
                    and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words):
                continue  # the title of a programme or work: told ABC's “This Week.”
            if not self.after_pattern(row, after, last, used_cues):
                self.before_pattern(row, before, seg, first, used_cues, by_sentence.get(first, []))
            elif row.kind == "partial" and first == last:
                out.extend(self.fronted_clause(row, q.outer_end, before[seg:], _Row))
            split = [p for p in spans if s0.start <= p.outer_start and p.outer_end <= q.outer_start]
            if row.kind == "partial" and row.rule == "before" and split and content.rstrip()[-1:] in ".!?…" \
                    and self.text[split[-1].start:split[-1].end].rstrip().endswith(",") \
                    and self.text[split[-1].outer_end:q.outer_start].rstrip().endswith(","):
                row.kind = "direct"  # “We will find them,” he said, “and they will pay.”: one utterance
            by_sentence.setdefault(last, []).append((q, row))
            if first != last:
                by_sentence.setdefault(first, []).append((q, row))
            out.append(row)
        # quotes with no attribution of their own take the one of their sentence
        for k, items in by_sentence.items():
            donors = [r for _, r in items if r.phrase is not None]
            for q, r in items:
                if r.phrase is None and donors:
                    d = min(donors, key=lambda d: abs(d.start - r.start))
                    r.phrase, r.phrase_toks, r.cue, r.position = d.phrase, d.phrase_toks, d.cue, d.position
                    r.rule = "sentence"
        kept = []
        for r in out:
            if self.part.part != "body" and r.rule not in ("colon", "after", "before"):
                continue  # headlines quote titles of things ("Middle East: Security Update")
            if r.phrase is None:
                if r.kind == "partial":
                    continue  # a scare quote: “Welcome”, the so-called “maximum pressure”
                r.rule = "none"
            kept.append(r)
        return kept

    def after_pattern(self, row: _Row, toks: list[Token], sidx: int, used: dict[int, set[int]]) -> bool:
        k = 0
        while k < len(toks) and not _is_word(toks[k]):
            if toks[k].text in ("(", "[", "—", "–"):
                return False
            k += 1
        if k >= len(toks):
            return False
        limit = len(toks)
        if toks[k].low == "according" and k + 1 < limit and toks[k + 1].low == "to":  # “…,” according to X
            j = k + 2
            while j < limit and toks[j].text not in (",", ".", ";", ":", "!", "?") and toks[j].text not in QUOTE_MARKS:
                j += 1
            if j > k + 2:
                row.cue, row.rule = "according to", "according_to"
                self.attach(row, toks, k + 2, j)
                return True
            return False
        # inverted: “…,” said Trump / wrote Trump, adding …
        if self.cue_at(toks, k) and toks[k].low not in _PARTICIPLE_CUES and toks[k].low != "according":
            j = k + 1
            while j < limit and toks[j].text not in (",", ".", ";", ":", "!", "?") and j - k <= 8 and \
                    toks[j].text not in QUOTE_MARKS and toks[j].low not in ("on", "in", "at", "during", "after",
                                                                               "to", "while") \
                    and toks[j].low not in QUOTE_TIME_WORDS:
                j += 1
            if j > k + 1:
                row.cue = self.text[toks[k].start:toks[k].end]
                self.attach(row, toks, k + 1, j)
                row.rule = "after"
                used.setdefault(sidx, set()).add(toks[k].start)
                return True
            return False
        # “…,” X said / “…,” Iran’s ambassador to Iraq, Iraj Masjedi, told state television
        for c in range(k, min(limit, k + 16)):
            t = toks[c]
            if t.text in QUOTE_MARKS or t.low in ("is", "was", "were", "are", "and") and c == k:
                return False
            if self.cue_at(toks, c) and t.low not in _PARTICIPLE_CUES:
                if c == k:
                    return False
                if any(x.low in ("is", "was", "were", "are", "will", "would") for x in toks[k:c]):
                    return False
                lead = toks[k].low
                if lead in ("to", "of", "in", "on", "at", "for", "with", "from", "by", "and", "or", "but", "as") \
                        or toks[c - 1].low in ("and", "or", "but"):
                    return False  # “slap in the face” to the United States, and said …: not a speaker
                row.cue, _ = self.cue_phrase(toks, c, limit)
                self.attach(row, toks, k, c)
                row.rule = "after"
                used.setdefault(sidx, set()).add(t.start)
                return True
            if t.low == "according" and c + 1 < limit and toks[c + 1].low == "to":
                return False
        return False

    def before_pattern(self, row: _Row, toks: list[Token], seg: int, sidx: int, used: dict[int, set[int]],
                       earlier: list[tuple[QuoteSpan, _Row]]) -> bool:
        """Attribution before the quote: ``toks`` is the sentence up to the opening mark, the
        cue is looked for in ``toks[seg:]`` (after any earlier quote)."""
        n = len(toks)
        if seg >= n:
            return False
        # Name: 'quote' (headlines) / X said: “…”
        if toks[-1].text == ":" and n - seg >= 2:
            c = next((k for k in range(n - 2, seg - 1, -1) if self.cue_at(toks, k)), None)
            lo = max((k + 1 for k in range(seg, n - 1) if toks[k].text in (":", ")", "(", "—", "–", ";")
                      or toks[k].text in QUOTE_MARKS), default=seg)
            name_like = all(_is_cap(t) or not _is_word(t) or t.low in ("of", "the", "on", "and", "'s", "al", "bin")
                            for t in toks[lo:n - 1])  # "Trump:" or "California Gov. Brown on Trump:", not "X shot back:"
            if c is None and 1 <= n - 1 - lo <= 6 and _is_cap(toks[lo]) and name_like:
                row.cue = ":"
                self.attach(row, toks, lo, n - 1)
                row.rule = "colon"
                return True
        for c in range(n - 1, seg - 1, -1):
            t = toks[c]
            if t.low == "according" and c + 1 < n and toks[c + 1].low == "to":
                j = c + 2
                while j < n and toks[j].text not in (",", ".", ";", ":") and toks[j].text not in QUOTE_MARKS:
                    j += 1
                if j > c + 2:
                    row.cue = "according to"
                    self.attach(row, toks, c + 2, j)
                    row.rule = "according_to"
                    return True
                continue
            if row.kind == "partial" and t.low in NAMING_VERBS and t.text.islower() and n - c <= 10 and not any(
                    x.text in (",", ";", ":") or x.low in ("and", "but") for x in toks[c + 1:]):
                # described the strike as “reckless”: the quoted name is the subject's
                subj = self.subject(toks, c)
                if subj is not None:
                    row.cue, row.rule = t.text, "before"
                    self.attach(row, toks, *subj)
                    return True
            if not self.cue_at(toks, c):
                continue
            if t.low in _PARTICIPLE_CUES:
                donors = [r for _, r in earlier if r.phrase is not None]
                row.cue = t.text
                if donors:
                    d = donors[-1]
                    row.phrase, row.phrase_toks, row.position = d.phrase, d.phrase_toks, d.position
                    row.rule = "participle"
                    used.setdefault(sidx, set()).add(t.start)
                    return True
                subj = self.clause_subject(toks, c)
                if subj:
                    self.attach(row, toks, *subj)
                    row.rule = "participle"
                    used.setdefault(sidx, set()).add(t.start)
                    return True
                continue
            subj = self.subject(toks, c)
            if subj is None:
                continue
            row.cue, _ = self.cue_phrase(toks, c, n)
            self.attach(row, toks, *subj)
            row.rule = "before"
            if row.kind != "partial":  # a fragment inside reported speech: the clause is reported too
                used.setdefault(sidx, set()).add(t.start)
            return True
        return False

    def transcript_turns(self) -> list[_Row]:
        out: list[_Row] = []
        label = re.compile(
            r"^(?P<label>(?:[A-Z][A-Z.'’\-]*(?:[ \t]+[A-Z][A-Z.'’\-]*){0,7})):[ \t]+"
            r"|^(?P<q>Q)(?:[ \t]{2,}|:[ \t]+)"
            r"|^(?P<cr>(?:Mr|Mrs|Ms|Miss|Dr)\.[ \t]+[A-Z][A-Za-z'’\-]*[A-Z]{2,}[A-Za-z'’\-]*|The (?:PRESIDING "
            r"OFFICER|SPEAKER(?: pro tempore)?|CHAIR|CHAIRMAN))\.[ \t]+", re.MULTILINE)
        marks = [m for m in label.finditer(self.text)]
        if len(marks) < 1:
            return out
        for k, m in enumerate(marks):
            who = m.group("label") or m.group("q") or m.group("cr")
            if len(who) > 60 or (m.group("label") and len(who) < 2):
                continue
            start = m.end()
            end = marks[k + 1].start() if k + 1 < len(marks) else len(self.text)
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            sidx = self.sentence_index(start)
            s = self.sents[sidx]
            row = _Row("direct", start, end, s.sent_id, self.text[start:end], "transcript", ":")
            row.phrase = who
            row.position = m.start()
            self.speaker_from_label(row, who)
            out.append(row)
        return out
