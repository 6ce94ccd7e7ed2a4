"""Descriptors of the target read from the dependency parse, for :mod:`toolkit.discourse.labels`.

For a mention of the target, :func:`descriptors` looks at the word that heads
the mention in the tree (the name whose head lies outside it) and returns the
phrases the syntax attaches to it, each with the label rule it fills and the
relation that decided:

``premodifier``  ``amod``, ``compound`` and ``nmod:desc`` words before the name,
                 whole ("[Iranian terror kingpin] Qassem Soleimani", "[Gen.] Soleimani");
``apposition``   an ``appos`` after the name, as a whole noun phrase with its
                 ``nmod`` and possessors ("Soleimani, [the powerful head of Iran’s
                 Quds Force], …"), cut before clauses;
``apposition_before``  the name is itself the ``appos`` of a noun before it
                 ("[Iran’s top general], Qassem Soleimani, …");
``object_predicative``  the name is the object of a verb of naming or judging
                 and a second complement says what it is called ("called
                 Soleimani [a monster]", "saw him as [a hero]": ``xcomp`` or an
                 *as*-phrase);
``copular``      the name is the subject (``nsubj``) of a nominal predicate with
                 ``cop`` ("Soleimani was [a terrorist]"), conjoined predicates
                 each ("not a hero but a terrorist"), negated when the predicate
                 has *not*/*never*.

Where the parse gives no such relation, :mod:`toolkit.discourse.labels` keeps its
token rules. Missed still: predicates of a pronoun ("he was a terrorist", token
rules only at the start of a sentence), "seen as" in the passive, and descriptors
the parser attaches to another word.

>>> import pandas as pd, toolkit
>>> doc = "Qassem Soleimani, the powerful head of Iran’s Quds Force, was killed."
>>> tree = Tree(toolkit.parse(pd.DataFrame({"doc_id": ["d"], "text": [doc]})), doc)
>>> [(rule, rel, doc[a:b]) for rule, rel, a, b, neg in descriptors(tree, 0, 16)]
[('apposition', 'appos', 'the powerful head of Iran’s Quds Force')]
"""
from __future__ import annotations

from ..text.tree import CLAUSAL, Tree

_PRE = ("amod", "compound", "nmod:desc")
_NOMINAL = ("NOUN", "PROPN", "ADJ")
_PRE_POS = ("ADJ", "NOUN", "PROPN", "NUM", "DET", "PART")
_NEGATION = frozenset({"not", "never", "n't", "no"})
_NAMING = frozenset("call brand label describe designate consider see view regard hail denounce dub deem "
                    "name portray paint depict".split())


def mention_head(tree: Tree, start: int, end: int) -> int | None:
    """The token of the mention ``start:end`` whose head lies outside it."""
    inside = [i for i in range(len(tree)) if tree.start[i] >= start and tree.end[i] <= end]
    heads = [i for i in inside if tree.parent(i) is None or tree.parent(i) not in inside]
    return heads[0] if len(heads) == 1 else None


def descriptors(tree: Tree, start: int, end: int) -> list[tuple[str, str, int, int, bool]]:
    """``(rule, relation, start, end, negated)`` for the descriptors of the mention ``start:end``."""
    h = mention_head(tree, start, end)
    if h is None:
        return []
    first = min(i for i in range(len(tree)) if tree.start[i] >= start)
    out: list[tuple[str, str, int, int, bool]] = []
    pre = [c for c in tree.children(h) if tree.dep[c] in _PRE and c < first]
    if pre:
        # walk left from the name over the words of the modifiers' subtrees, while they are noun-phrase words
        poss = [c for c in tree.children(h, "nmod:poss") if c < first]  # "[Iran’s General] Soleimani"
        words = {j for c in pre + poss for j in tree.subtree(c, CLAUSAL)}
        lo = first
        while lo - 1 in words and not tree.tag[lo - 1].startswith("VB") \
                and not (tree.lower[lo - 1].endswith("ing") and tree.tokens[lo - 1].islower()) \
                and (tree.pos[lo - 1] in _PRE_POS or tree.tokens[lo - 1] in (".", "-", "’s", "'s")):
            lo -= 1
        while lo < first and tree.pos[lo] in ("DET", "PUNCT", "PART"):
            lo += 1
        if lo < first:
            rel = "+".join(sorted({tree.dep[c] for c in pre}))
            out.append(("premodifier", rel, tree.start[lo], tree.end[first - 1], False))
    for c in tree.children(h, "appos"):
        if c > h and tree.pos[c] in _NOMINAL:
            a, b = tree.phrase_span(c, CLAUSAL | {"appos"})
            out.append(("apposition", "appos", a, b, False))
    p = tree.parent(h)
    # a name ("Iran’s Quds Force") is not in apposition to a person: the apposition is to the noun above it
    while tree.dep[h] == "appos" and p is not None and tree.pos[p] == "PROPN" and tree.dep[p] in ("nmod", "nmod:poss") \
            and tree.parent(p) is not None and tree.parent(p) < p:
        p = tree.parent(p)  # "[The head of Iran’s Quds Force], Soleimani": the apposition is to the head
    if tree.dep[h] == "appos" and p is not None and p < first and tree.pos[p] in _NOMINAL:
        a, b = tree.phrase_span(p, CLAUSAL | {"appos"})
        out.append(("apposition_before", "appos", a, b, False))
    if tree.dep[h] in ("obj", "xcomp", "iobj") and p is not None and tree.lemma[p].lower() in _NAMING:
        for c in tree.children(p, "xcomp", "obl"):
            as_phrase = any(tree.lower[k] == "as" for k in tree.children(c, "case", "mark"))
            if c > h and tree.pos[c] in _NOMINAL and (tree.dep[c] == "xcomp" or as_phrase):
                a, b = tree.phrase_span(c, CLAUSAL | {"appos"})
                out.append(("object_predicative", tree.dep[c].split(":")[0], a, b, False))
    if tree.dep[h] in ("nsubj", "nsubj:pass") and p is not None and tree.pos[p] in _NOMINAL \
            and tree.child(p, "cop") is not None:
        negated = any(tree.lower[c] in _NEGATION for c in tree.children(p, "advmod"))
        for pred in [p] + [c for c in tree.children(p, "conj") if tree.pos[c] in _NOMINAL]:
            cut = CLAUSAL | {"nsubj", "nsubj:pass", "cop", "advmod", "aux", "cc", "mark", "obl", "appos"}
            ids = [j for j in tree.subtree(pred, cut) if j > max(tree.subtree(h))]
            ids = [j for j in ids if tree.pos[j] != "PUNCT"] or [pred]
            out.append(("copular", "cop", tree.start[min(ids)], tree.end[max(ids)], negated and pred == p))
    return out
