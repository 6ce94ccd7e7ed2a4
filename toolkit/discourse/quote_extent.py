"""How far reported speech runs, read from the parse (see :mod:`toolkit.discourse.quotes`).

The token rules of :mod:`toolkit.discourse.quote_indirect` find the cue of an
indirect quotation and take its content from the cue to the end of the
sentence. In reported speech the content is the complement clause of the
verb of saying (its ``ccomp``), no more: a verb phrase coordinated with the
verb of saying ("… said the killing was the start of a new war, and called on
militias to …"), an adverbial clause of the reporting sentence, "…,
according to X" and a participial adjunct set off by a comma at the end
("…, identifying him as …", "…, adding …") belong to the reporter's frame.
:class:`_ClauseExtent` trims a token-rule clause to that span, and drops it
when the parse shows that the verb takes a noun phrase, not a clause ("they
stress their readiness to …").

It also finds two kinds of reported speech that overlap others, both
annotated separately by the quote-extraction conventions the project follows
(``tests/data/README.md``):

* **mixed quotation** — an indirect report with quoted words inside it ("Putin
  added that the deal “is extremely important …”"): the quoted fragment is a
  ``partial`` row and the whole content clause an ``indirect`` row;
* **nested reports** — a report inside the content of another ("He also said
  that Israel had asked the U.S. to kill Soleimani"; "The statement said Iran
  notified Iraq that …"), or a named source's report inside a quotation
  (“The United States Government has asserted that …”): each level is a row
  with its own speaker.

:meth:`_ClauseExtent.parsed_indirect` adds the reported speech the token
rules miss: the ``ccomp`` of a verb of saying, the *to* infinitive of a verb
of requesting, promising or threatening, and the content clause of a noun of
saying ("Kataib Hezbollah's statement that …", "released a statement that
…"); the verbs and what they report come from the cue lexicon
(:mod:`toolkit.discourse.quote_lexicon`). Attributions from a neighbouring
sentence are in :mod:`toolkit.discourse.quote_context`.

What it still misses: the parser's misreadings (a content clause read as a
relative clause, "added in a tweet that …", keeps the token extent; a
conjunct hung inside the content stays in it unless it is a verb of saying);
embedded questions ("asked whether …") are left out on purpose.

>>> _PARTICIPLE_ADJUNCT >= {"advcl"}
True
"""
from __future__ import annotations

from typing import Any

from ..text.parts import norm
from ..text.tree import Tree
from .quote_indirect import _IndirectSpeech
from .quote_lexicon import INFINITIVE_LEMMAS, SPEECH_LEMMAS
from .quote_parse import (_RELATIVE, CONTENT_NOUNS, not_a_source, phrase_ids, reporting_conjunct,
                          speaker_head, speech_source)
from .quote_words import _ANON_MARKERS, _PRONOUNS, first_person
from .vocabulary import DETERMINERS

#: relations of a clause-final adjunct set off by a comma that belongs to the report, not the content
_PARTICIPLE_ADJUNCT = frozenset({"advcl", "acl", "xcomp"})
#: verbs whose subject is the source of the statement they take as object ("issued a warning that …")
_ISSUING = frozenset("issue release make publish post send deliver give put repeat reiterate".split())
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def clause_ids(tree: Tree, head: int) -> list[int]:
    """Token indices of the content clause headed by ``head``: its subtree as a stretch of text,
    without a leading complementizer (*that*), a final ", according to X", a final participial
    adjunct after a comma ("…, identifying him as …"), or outer punctuation."""
    ids = tree.subtree(head)
    lo, hi = min(ids), max(ids)
    for k in tree.children(head):
        kids = [j for j in tree.subtree(k) if tree.pos[j] != "PUNCT"]
        if k <= head or not kids:
            continue
        comma = min(kids) - 1
        if max(tree.subtree(k)) != hi or comma <= head or tree.tokens[comma] != ",":
            continue
        according = any(tree.lower[m] == "according" for m in kids[:2])
        participle = tree.dep[k] in _PARTICIPLE_ADJUNCT and tree.tag[k] == "VBG"
        if according or participle:
            hi = comma - 1
    for k in tree.children(head, "conj"):
        if reporting_conjunct(tree, k) and min(tree.subtree(k)) > head:
            hi = min(hi, min(tree.subtree(k)) - 1)  # "…, and called on …" is the speaker's next act
    while lo < hi and (tree.pos[lo] == "PUNCT" or tree.lower[lo] == "that" and tree.dep[lo] == "mark"):
        lo += 1
    while hi > lo and tree.pos[hi] == "PUNCT" and tree.tokens[hi] not in ("”", '"', "’"):
        hi -= 1
    if tree.tokens[hi] in ("”", '"', "’") and not any(tree.tokens[m] in ("“", '"', "‘") for m in range(lo, hi)):
        hi -= 1  # a closing mark whose quotation opened before the clause
    while hi > lo and tree.pos[hi] == "PUNCT" and tree.tokens[hi] not in ("”", '"', "’"):
        hi -= 1
    return list(range(lo, hi + 1))


def with_coordinated(tree: Tree, v: int, ids: list[int]) -> list[int]:
    """``ids`` of the content clause of the verb at ``v`` extended over a second content clause
    coordinated with it ("said there were no casualties, and that it had not received …"), which
    the parser may hang from the verb of saying."""
    hi = ids[-1]
    for c in tree.children(v, "conj"):
        kids = tree.subtree(c)
        if min(kids) > hi and any(tree.lower[m] == "that" for m in tree.children(c, "mark")) and \
                all(tree.pos[k] in ("PUNCT", "CCONJ") for k in range(hi + 1, min(kids))):
            more = clause_ids(tree, c)
            hi = more[-1]
    return list(range(ids[0], hi + 1))


def nominal_speaker(tree: Tree, n: int) -> tuple[int, str] | None:
    """Whose statement the noun at ``n`` is: its possessor ("Kataib Hezbollah's statement"), its source
    ("a statement from the PMF") or the subject of the verb that gives it ("X released a statement")."""
    source = speech_source(tree, n)
    if source is not None:
        return source[0], f"nominal:{source[1]}"
    p = tree.parent(n)
    if tree.dep[n] == "obj" and p is not None and tree.lemma[p].lower() in _ISSUING:
        found = speaker_head(tree, p)
        if found is not None:
            return found[0], "nominal:nsubj"
    return None


def has_finite_verb(tree: Tree, ids: list[int]) -> bool:
    """Some word of ``ids`` is a finite verb or auxiliary (a clause, not a noun phrase)."""
    return any(tree.tag[i] in _FINITE_TAGS or tree.dep[i] in ("aux", "cop") and tree.pos[i] == "AUX" for i in ids)


class _ClauseExtent(_IndirectSpeech):
    """Indirect speech with its extent from the parse; :class:`toolkit.discourse.quote_rules._PartQuotes`
    builds on it."""

    def cue_index(self, tree: Tree, cue: str | None, before: int) -> int | None:
        """The tree index of the cue word nearest before offset ``before``."""
        if not cue:
            return None
        word = cue.split()[0].lower().replace("’", "'")
        found = [i for i, t in enumerate(tree.lower) if t.replace("’", "'") == word and tree.start[i] < before]
        return max(found) if found else None

    @staticmethod
    def adjunct_of(tree: Tree, i: int, v: int) -> bool:
        """Word ``i`` lies in an adverbial of the verb at ``v`` ("said *earlier today*", "said *on Friday*")."""
        while (p := tree.parent(i)) is not None and p != v:
            i = p
        return p == v and tree.dep[i].split(":")[0] in ("advmod", "obl", "nmod", "npadvmod")

    def bound_clause(self, row: Any) -> bool:
        """Trim the content of a token-rule ``clause`` row to the cue verb's ``ccomp``; False when the
        parse reads the content as the verb's object noun phrase (no finite verb in it)."""
        sidx = self.sentence_index(row.start)
        tree = self.trees().get(sidx)
        if tree is None:
            return True
        v = self.cue_index(tree, row.cue, row.start)
        if v is None:
            return True
        content = tree.child(v, "ccomp")
        if content is None:
            # no content clause in the tree: speech only if the tokens after the cue form a clause that
            # hangs from the cue verb some other way (a misread parataxis), not an object or an adverbial
            first = tree.index_at(row.start)
            if first is None or self.text[tree.end[v]:row.start].rstrip().endswith("that"):
                return True  # "that" opens a content clause, whatever the parser hung it from
            span = [i for i in range(first, len(tree)) if tree.end[i] <= row.end]
            clausal = [i for i in span if tree.parent(i) == v and tree.dep[i] in ("parataxis", "xcomp", "dep")]
            return bool(clausal) and has_finite_verb(tree, span)
        ids = with_coordinated(tree, v, clause_ids(tree, content))
        a, b = tree.start[ids[0]], tree.end[ids[-1]]
        if b <= row.start:
            return True
        if a > row.start:
            # words between the cue and its clause are the reporter's when they hang from the verb of
            # saying ("said earlier today …"); otherwise the tree and the tokens disagree: keep the tokens
            inside = set(tree.subtree(content))
            gap = [i for i in range(len(tree)) if row.start <= tree.start[i] < a]
            if not all(tree.pos[i] == "PUNCT" or i not in inside and self.adjunct_of(tree, i, v) for i in gap):
                return True
            row.start = a
        row.end = min(b, row.end)
        return True

    @staticmethod
    def fits(tree: Tree, v: int, a: int, b: int, rows: list[Any]) -> bool:
        """Content ``a:b`` of the report at verb ``v`` is new: every row it overlaps is a quoted
        fragment inside it (mixed quotation) or the content of another report that holds the
        verb and the whole of ``a:b`` (a nested report)."""
        for r in rows:
            if not (r.start < b and r.end > a) or r.rule == "transcript":
                continue  # reports inside a transcript turn are the other people the speaker quotes
            mixed = r.kind == "partial" and a <= r.start and r.end <= b + 1
            quoted = r.kind in ("direct", "partial") and r.start <= tree.start[v] and b <= r.end  # "“X said …”"
            nested = r.kind == "indirect" and r.start <= tree.start[v] and b <= r.end and (r.start, r.end) != (a, b)
            if not (mixed or nested or quoted):
                return False
        return True

    def content_of(self, tree: Tree, v: int) -> tuple[int, str] | None:
        """The head of what the verb at ``v`` reports and the rule: the ``ccomp`` of a verb of saying,
        or the *to* infinitive of a verb of requesting, promising or threatening ("called on
        militias to attack", where the parser may read the infinitive as ``advcl``)."""
        lemma = tree.lemma[v].lower()
        if lemma in SPEECH_LEMMAS:
            c = tree.child(v, "ccomp")
            if c is None:  # a fronted quotation is often read as parataxis: "The deal “is …,” added Putin"
                c = next((k for k in tree.children(v, "parataxis") if k < v), None)
            if c is not None and not any(tree.lower[m] in ("whether", "if") for m in tree.children(c, "mark")):
                return c, "ccomp"  # an embedded question ("tell us whether …") reports no speech
        if lemma in INFINITIVE_LEMMAS:
            for c in tree.children(v, "xcomp", "advcl"):
                if c > v and any(tree.lower[m] == "to" for m in tree.children(c, "mark")) and (
                        tree.dep[c] == "xcomp" or tree.children(v, "obj", "obl")):
                    return c, "infinitive"
        return None

    @staticmethod
    def noun_content(tree: Tree, n: int) -> tuple[int, str] | None:
        """The content clause of a noun of saying: "the statement *that* …" (an ``acl`` opened by the
        complementizer *that*, not a relative clause, whose *that* is its subject or object)."""
        if tree.pos[n] != "NOUN" or tree.lemma[n].lower() not in CONTENT_NOUNS:
            return None
        for c in tree.children(n, "acl"):
            if c > n and any(tree.lower[m] == "that" and m == n + 1 for m in tree.children(c, "mark")):
                return c, "nominal"
        return None

    def parsed_indirect(self, found: list[Any], covered: list[tuple[int, int]], row_type: Any) -> list[Any]:
        """Reported speech the token rules missed, from the parse: the content clause of a verb of
        saying after it, or before it when it holds a quoted fragment ("The deal “is …,” added
        Putin"), when the verb has a subject that is not the author (*I*, *we*, *you*)."""
        out: list[Any] = []
        for sidx, tree in sorted(self.trees().items()):
            s = self.sents[sidx]
            if any(s.start < b and s.end > a for a, b in covered):
                continue
            for v in range(len(tree)):
                host = next((q for q in self.spans if q.start <= tree.start[v] < q.end), None)
                got = self.content_of(tree, v) if tree.pos[v] == "VERB" else self.noun_content(tree, v)
                if got is None:
                    continue
                content, rule = got
                ids = with_coordinated(tree, v, clause_ids(tree, content))
                if len([j for j in ids if tree.pos[j] != "PUNCT"]) < 3 or tree.lower[ids[0]] == "according":
                    continue  # "…, he said, according to Fars": the parser's ccomp is the source
                if _ANON_MARKERS.search(self.text[tree.start[v]:tree.end[ids[-1]]]):
                    continue  # "who asked not to be named" marks an anonymous source, it reports nothing
                a, b = tree.start[ids[0]], tree.end[ids[-1]]
                rows = found + self.rows + out
                if content < v and not any(r.kind == "partial" and a <= r.start < b for r in rows):
                    continue  # a clause before its verb is a trailing attribution, which the token rules read
                if host is not None and not (host.start <= a and b <= host.end):
                    continue
                if content < v and v < ids[-1] or host is None and self.in_quote(a) or \
                        not self.fits(tree, v, a, b, rows):
                    continue
                head = speaker_head(tree, v) if rule != "nominal" else nominal_speaker(tree, v)
                if head is None or not_a_source(tree, head[0]) or tree.lower[head[0]] in _RELATIVE:
                    continue
                p_ids = phrase_ids(tree, head[0])
                toks = self.phrase_tokens(sidx, tree.start[p_ids[0]], tree.end[p_ids[-1]])
                if not toks or a <= toks[0].start < b or self.vocative(sidx, toks[-1].end):
                    continue
                if host is not None and (toks[0].start < host.start or norm(toks[0].text) in _PRONOUNS
                                         or not any(t.text[:1].isupper() and t.low not in DETERMINERS for t in toks)):
                    continue  # a report quoted inside a quotation needs its source named there
                row = row_type("indirect", a, b, s.sent_id, s.text, rule, tree.tokens[v])
                row.phrase_toks, row.position = toks, toks[0].start
                row.phrase = self.text[toks[0].start:toks[-1].end]
                row.speaker_rule = head[1]
                out.append(row)
        return out

    def fronted_clause(self, row: Any, end: int, before: list[Any], row_type: Any) -> list[Any]:
        """The reported clause around a quoted fragment whose attribution follows it ("The deal “is
        extremely important,” added Putin"): from the start of the clause (after an earlier quotation
        and "and") to the closing mark, as an indirect row with the fragment's speaker; none when the
        words before the fragment hold a cue of their own."""
        words = list(before)
        while words and (not words[0].text[:1].isalnum() or words[0].low in ("and", "but")):
            words.pop(0)
        if len([t for t in words if t.text[:1].isalnum()]) < 2 or any(self.cue_at(words, k) for k in range(len(words))):
            return []
        out = row_type("indirect", words[0].start, end, row.sent_id, row.sentence, "after", row.cue)
        out.phrase, out.phrase_toks, out.position = row.phrase, row.phrase_toks, row.position
        return [out]

    def full_clause(self, row: Any) -> bool:
        """The quoted words are a whole clause, though they start in lower case inside the reporter's
        sentence (adding that “this is a moment in which leaders must exercise restraint”): a subject and
        its finite verb inside the quotation with all the verb's dependents (not “we will not lament”
        the general's death)."""
        tree = self.trees().get(self.sentence_index(row.start))
        if tree is None:
            return False
        inside = {i for i in range(len(tree)) if row.start <= tree.start[i] and tree.end[i] <= row.end}
        for i in inside:
            head = tree.parent(i)
            if tree.dep[i] not in ("nsubj", "nsubj:pass", "expl") or head not in inside \
                    or tree.parent(head) in inside:
                continue
            kids = tree.children(head)
            complete = all(c in inside or tree.dep[c] in ("punct", "mark") for c in kids)
            finite = has_finite_verb(tree, [head]) or any(
                tree.dep[c] in ("aux", "cop", "aux:pass") and has_finite_verb(tree, [c]) for c in kids)
            if complete and finite:
                return True
        return False

    def vocative(self, sidx: int, end: int) -> bool:
        """The phrase ending at ``end`` is followed by ", I/we/you": it addresses someone ("Mr. Secretary, I
        said …"), it does not speak."""
        after = [t for t in self.sents[sidx].tokens if t.start >= end][:2]
        return len(after) == 2 and after[0].text == "," and first_person(after[1].text)

    def clause_like(self, row: Any) -> bool:
        """The content of a trailing attribution holds a verb, as the parse reads it ("Late on Friday,
        Trump wrote …" reports nothing)."""
        tree = self.trees().get(self.sentence_index(row.start))
        if tree is None:
            return True
        return has_finite_verb(tree, [i for i in range(len(tree)) if row.start <= tree.start[i] < row.end])
