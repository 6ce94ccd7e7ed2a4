"""Speakers read from the dependency parse, for the quote rules (see :mod:`toolkit.discourse.quotes`).

The token rules of :mod:`toolkit.discourse.quote_clauses` find a cue and a
first guess at its speaker. :class:`_ParseSpeakers` then parses the part's
sentences that hold a cue word (for all parts in one call, with :func:`toolkit.parse`) and
reads the speaker from the tree:

* the subject (``nsubj``) of the cue verb, climbing from a conjoined or
  controlled verb to the verb whose subject it shares ("X issued a statement
  and said …") and from a relative pronoun to the noun it refers to ("X, who
  said …");
* for "according to X", X itself — and when X is a speech noun ("a statement
  from the PMF", "the ministry's statement") its source (``nmod`` with
  *from/by/of*, or ``nmod:poss``);
* the whole noun phrase of that head with its appositions, compounds and
  coordinated names, cut before relative clauses, participles and other
  clauses ("Iran’s ambassador to Iraq, Iraj Masjedi"; "The official" in "The
  official, speaking on condition of anonymity, said").

Which words are the content of reported speech, and the reported speech the
token rules miss, are read from the same trees by
:mod:`toolkit.discourse.quote_extent`.

The relation that decided goes into ``speaker_rule`` (``nsubj``,
``according_to:obl``, ``according_to:nmod``, …); where the parse gives no
subject (a wrong tree, a cue the parser reads as a noun), the token rule's
phrase stays and ``speaker_rule`` is ``tokens``.

>>> SPEECH_NOUNS >= {"statement", "report"}
True
"""
from __future__ import annotations

import re
from typing import Any

from ..text.parts import Part, Sentence, Token
from ..text.tree import Tree
from .quote_lexicon import NAMING_VERBS
from .quote_words import first_person
from .syntax import parse_sentences
from .vocabulary import CUE_VERBS

#: nouns for what was said: "according to a statement from X" names X as the source
SPEECH_NOUNS = frozenset("statement statements report reports communique communiqué announcement release "
                         "tweet tweets post message remarks comments interview briefing letter readout account "
                         "accounts footage video broadcast".split())
#: nouns of saying that take a content clause: "Kataib Hezbollah's statement that it would retaliate"
CONTENT_NOUNS = frozenset("statement announcement claim assertion warning pledge promise threat denial insistence "
                          "message tweet remarks comments".split())
#: relations that start a clause or an aside inside the subject: the speaker phrase stops before them
_CUT = frozenset({"acl", "acl:relcl", "advcl", "parataxis", "ccomp", "xcomp", "csubj", "dep", "discourse",
                  "vocative", "reparandum", "orphan"})
#: words besides the cue verbs that make a sentence worth parsing: "according to", statements issued, naming verbs
_PARSE_WORDS = frozenset({"according", "issued", "released", "made", "delivered", "gave", "put"}) | set(NAMING_VERBS)
CUE_LEMMAS = frozenset(CUE_VERBS.values())
_RELATIVE = frozenset({"who", "which", "that"})


def not_a_source(tree: Tree, i: int) -> bool:
    """The author, the addressee or generic *one* ("I", "we", "us", "one"), not a source; "US" is the country."""
    return first_person(tree.tokens[i]) or tree.lower[i] == "one"


_NAME_APPOSITION = re.compile(r"\s*,\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)+\s*$")
#: quote rules whose speaker phrase the parse may replace (not transcripts, headlines or continuations)
PARSED_RULES = frozenset({"after", "before", "clause", "trailing", "parenthetical", "according_to", "statement", "sentence",
                          "participle"})


class _ParseSpeakers:
    """Mixin of :class:`toolkit.discourse.quote_clauses._PartClauses`: speakers from the parse."""

    part: Part
    sents: list[Sentence]
    _trees: dict[int, Tree] | None = None

    def trees(self) -> dict[int, Tree]:
        """``{sentence index: Tree}`` for the sentences of the part with a cue word (parsed once; given
        to :meth:`use_trees` when all parts were parsed together)."""
        if self._trees is None:
            self.use_trees(parse_sentences([self.part], wanted_sentences(self.part)))
        return self._trees  # type: ignore[return-value]

    def use_trees(self, trees: dict[tuple, Tree]) -> None:
        """Take this part's trees from :func:`~toolkit.discourse.syntax.parse_sentences` output."""
        key = (self.part.doc_id, self.part.part)
        self._trees = {k: trees[(*key, s.sent_id)] for k, s in enumerate(self.sents) if (*key, s.sent_id) in trees}

    def tree_of(self, sidx: int) -> Tree | None:
        """The tree of sentence ``sidx``, parsed now if it has no cue word (for pronoun antecedents)."""
        trees = self.trees()
        if sidx not in trees:
            key = (self.part.doc_id, self.part.part, self.sents[sidx].sent_id)
            found = parse_sentences([self.part], [key]).get(key)
            if found is not None:
                trees[sidx] = found
        return trees.get(sidx)

    def pick_antecedent(self, sidx: int, cands: list[tuple]) -> tuple:
        """The antecedent of a pronoun among the fitting mentions ``(start, …)`` of one sentence: the
        subject of a main clause first, then any subject, then an object, then the others, leftmost
        first within each (the grammatical-role ranking of centering theory)."""
        if len({c[0] for c in cands}) < 2:
            return min(cands, key=lambda c: (c[0], c[2] is None))
        tree = self.tree_of(sidx)

        def rank(c: tuple) -> int:
            i = tree.index_at(c[0]) if tree is not None else None
            if i is None:
                return 3
            while tree.dep[i] in ("flat", "compound", "nmod:desc", "appos") and tree.parent(i) is not None:
                i = tree.parent(i)  # from "Donald" to the head of "Donald Trump"
            dep, head = tree.dep[i].split(":")[0], tree.parent(i)
            if dep == "nsubj":
                main = head is not None and (tree.dep[head] in ("root", "conj", "parataxis") or head == i)
                return 0 if main else 1
            return 2 if dep in ("obj", "iobj") else 3

        return min(cands, key=lambda c: (rank(c), c[0], c[2] is None))

    def parsed_speaker(self, sidx: int, cue: str | None, near: int) -> tuple[int, int, str] | None:
        """``(start, end, relation)`` of the speaker phrase of the cue nearest ``near``, from the parse."""
        if not cue:
            return None
        tree = self.trees().get(sidx)
        if tree is None:
            return None
        word = cue.split()[0].lower()
        cues = [i for i, t in enumerate(tree.lower) if t.replace("’", "'") == word]
        if not cues:
            return None
        cue_i = min(cues, key=lambda i: abs(tree.start[i] - near))
        found = speaker_head(tree, cue_i)
        if found is None:
            return None
        head, relation = found
        if not_a_source(tree, head):
            return None
        ids = phrase_ids(tree, head)
        if relation == "nsubj":  # a name the parser split into two subjects: "Guards Corps said"
            for other in tree.children(tree.parent(head) if tree.parent(head) is not None else head, "nsubj"):
                more = phrase_ids(tree, other)
                if more[0] == ids[-1] + 1 or more[-1] + 1 == ids[0]:
                    ids = sorted(set(ids) | set(more))
        while ids[-1] + 1 < len(tree) and tree.pos[ids[-1]] == "PROPN" and tree.tokens[ids[-1] + 1][:1].isupper() \
                and tree.tokens[ids[-1] + 1][:1].isalpha() and tree.pos[ids[-1] + 1] not in ("VERB", "AUX") \
                and tree.end[ids[-1]] < tree.start[ids[-1] + 1] <= tree.end[ids[-1]] + 1:
            ids.append(ids[-1] + 1)  # a name the parser broke off its head: "Adel Abdul-Mahdi"
        return tree.start[ids[0]], tree.end[ids[-1]], relation

    def reparse(self, row: Any) -> None:
        """Replace the token rule's speaker phrase of ``row`` with the parse's, when the parse has one."""
        if row.phrase is None or row.rule.split("+")[0] not in PARSED_RULES:
            return
        sidx = self.sentence_index(row.position)
        found = self.parsed_speaker(sidx, row.cue, row.position)
        if found is None:
            return
        start, end, relation = found
        old_start, old_end = row.position, row.position + len(row.phrase)
        if not (start < old_end and end > old_start):
            return  # the tree and the tokens disagree on who speaks: a misparse is likelier
        if old_start <= start and end < old_end and _NAME_APPOSITION.match(self.text, end, old_end):
            return  # the tokens kept a name in apposition the parser left out: "the commander, Brig. Gen. X"
        if row.rule != "statement" and start < row.end and end > row.start or self.in_quote(start) \
                or end - start > 200:
            return  # inside the quotation itself, or a runaway phrase
        toks = self.phrase_tokens(sidx, start, end)
        dash = [k for k, t in enumerate(toks) if t.text in ("—", "–", "--")]
        if dash:
            toks = toks[dash[-1] + 1:]  # a dateline before the name: "Washington—Representative Eliot L. Engel"
        if toks:
            row.phrase_toks = toks
            row.phrase = self.text[toks[0].start:toks[-1].end]
            row.position = toks[0].start
            row.speaker_rule = relation

    def phrase_tokens(self, sidx: int, start: int, end: int) -> list[Token]:
        """The part's tokens of sentence ``sidx`` inside ``start:end``."""
        return [t for t in self.sents[sidx].tokens if t.start >= start and t.end <= end]


def wanted_sentences(part: Part) -> list[tuple]:
    """Keys of the part's sentences worth parsing: a cue word, "according", a naming verb, "statement that"."""
    return [(part.doc_id, part.part, s.sent_id) for s in part.sentences
            if any(t.low in CUE_VERBS or t.low in _PARSE_WORDS for t in s.tokens)
            or any(a.low in CONTENT_NOUNS and b.low == "that" for a, b in zip(s.tokens, s.tokens[1:]))]


def speech_source(tree: Tree, n: int) -> tuple[int, str] | None:
    """The source a speech noun names in its own phrase: its possessor ("the ministry's statement") or a
    *from/by/of*-phrase ("a statement from the PMF"), with the relation."""
    poss = tree.child(n, "nmod:poss")
    if poss is not None and tree.pos[poss] in ("PROPN", "NOUN"):
        return poss, "nmod:poss"
    for c in tree.children(n, "nmod"):
        if any(tree.lower[m] in ("from", "by", "of") for m in tree.children(c, "case")):
            return c, "nmod"
    return None


def speaker_head(tree: Tree, cue: int) -> tuple[int, str] | None:
    """The head word of the speaker of the cue at ``cue`` and the relation that gives it.

    >>> import pandas as pd, toolkit
    >>> doc = "Prices rose, according to a statement from the ministry."
    >>> t = Tree(toolkit.parse(pd.DataFrame({"doc_id": ["d"], "text": [doc]})), doc)
    >>> i, rel = speaker_head(t, t.find("according")[0])
    >>> t.tokens[i], rel
    ('ministry', 'according_to:nmod')
    """
    if tree.lower[cue] == "according":
        x = tree.parent(cue) if tree.dep[cue] in ("case", "mark") else None
        if x is None:
            return None
        if tree.lemma[x].lower() in SPEECH_NOUNS or tree.lower[x] in SPEECH_NOUNS:
            source = speech_source(tree, x)
            if source is not None:
                return source[0], f"according_to:{source[1]}"
            for acl in tree.children(x, "acl"):  # "a statement issued by the Pentagon"
                agent = tree.child(acl, "obl:agent")
                if agent is not None:
                    return agent, "according_to:obl:agent"
        return x, "according_to:obl"
    v, seen = cue, set()
    while v is not None and v not in seen:
        seen.add(v)
        subj = tree.child(v, "nsubj")
        if subj is not None:
            if tree.lower[subj] in _RELATIVE and tree.dep[v] == "acl:relcl" and tree.parent(v) is not None:
                return tree.parent(v), "nsubj:relcl"
            return subj, "nsubj"
        if tree.child(v, "nsubj:pass") is not None and tree.lemma[v].lower() in ("quote", "cite") and v != cue:
            return tree.child(v, "nsubj:pass"), "nsubj:pass"  # "X was quoted as saying …"
        if tree.child(v, "nsubj:pass") is not None or tree.dep[v] not in ("conj", "xcomp", "advcl"):
            return None
        if tree.dep[v] == "advcl" and not tree.tag[v] == "VBG":
            return None  # "…, adding that …" shares the subject; "when she said" has its own
        p = tree.parent(v)
        if reporting_conjunct(tree, v):
            p = tree.parent(p)  # "said the killing was …, and called on …": the second act of the speaker
        v = p
    return None


def reporting_conjunct(tree: Tree, v: int) -> bool:
    """A verb of saying with no subject of its own, coordinated with the head of a content clause: it
    continues the reporting frame ("said the killing was the start of a war, and called on …")."""
    p = tree.parent(v)
    return tree.dep[v] == "conj" and p is not None and tree.dep[p] == "ccomp" and tree.pos[v] == "VERB" \
        and tree.lemma[v].lower() in CUE_LEMMAS and tree.child(v, "nsubj") is None \
        and tree.parent(p) is not None and tree.lemma[tree.parent(p)].lower() in CUE_LEMMAS


def phrase_ids(tree: Tree, head: int) -> list[int]:
    """Token indices of the speaker phrase headed by ``head``: its subtree without clauses,
    the stretch of text around the head, outer punctuation and conjunctions trimmed."""
    own = [c for c in tree.children(head, "case", "mark")]
    inside = set(tree.subtree(head, _CUT)) - {j for c in own for j in tree.subtree(c)}
    lo = hi = head
    while lo - 1 in inside:
        lo -= 1
    while hi + 1 in inside:
        hi += 1
    while hi > lo and (tree.pos[hi] in ("PUNCT", "CCONJ") or tree.dep[hi] == "case"):
        hi -= 1
    while lo < hi and (tree.pos[lo] in ("PUNCT", "CCONJ") or tree.dep[lo] == "case"):
        lo += 1
    ids, depth = [], 0
    for k in range(lo, hi + 1):  # an aside in brackets is no part of the name: "Steny H. Hoyer (MD)"
        depth += tree.tokens[k] in ("(", "[")
        if depth == 0 and k != head or k == head:
            ids.append(k)
        depth -= depth > 0 and tree.tokens[k] in (")", "]")
    while len(ids) > 1 and tree.pos[ids[-1]] == "PUNCT":
        ids.pop()
    return ids
