"""What the mention model reads: one mention in its sentence, as named feature values.

:func:`features` turns a mention (token indices in a :class:`Sentence`) into a
``{name: value}`` dict. The mention's own words are masked: the model never
sees the name, only its surroundings. Feature names are readable, and
:data:`KINDS` says in words what each family means (the evidence uses it):

``w=``  a word of the sentence;  ``L=``/``R=`` within 4 words left/right;
``L1=``/``R1=`` right next to it; ``bi=`` the words next to it with the mention
as ``T`` (``ruthless T``); ``val:`` VADER valences (negated by a preceding
*not*, *never* …) of nearby words weighted by 1/distance, and the sentence's
compound; ``neg:``/``hedge:`` a negation or hedge near the mention;
``quote:`` inside quotation marks, speaking (*said*), reported by another;
``mention:`` a pronoun, possessive, first word; ``harm=`` harm the mention
suffers (*was killed*, *killing of*), whose words then count for no valence. With a parse also: ``dep=``
its relation, ``gov=`` relation and governing word (``nsubj:pass:kill``),
``mod=`` words attached to it (``amod``, ``appos`` …), ``t2=`` words within
two edges in the tree, ``val:tree_`` valences weighted by tree distance.

>>> s = Sentence.simple("The ruthless killer Soleimani died .")
>>> f = features(s, [3], {"ruthless": -1.9, "killer": -3.3, "died": -2.6})
>>> f["bi=killer T"], f["harm=died"], round(f["val:neg_near"], 3)  # dying is not a judgement: no valence
(1.0, 1.0, -1.062)
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

NEGATORS = frozenset("not n't no never nobody nothing none neither nor without cannot hardly barely".split())
HEDGES = frozenset("allegedly reportedly apparently purportedly seemingly supposedly may might could "
                   "possibly perhaps accused alleged suspected claimed".split())
PRONOUNS = frozenset("he she him her his hers himself herself they them their i me my we us our you your".split())
#: speech verbs as written (the mention speaks when one follows it or precedes it: "said Trump")
CUES = frozenset("say says said saying tell tells told telling add adds added write wrote writes tweet "
                 "tweeted tweets claim claimed claims warn warned warns insist insisted argue argued "
                 "argues declare declared explain explained note noted stress stressed reply replied ask "
                 "asked confirm confirmed announce announced deny denied acknowledge acknowledged admit "
                 "admitted suggest suggested vow vowed allege alleged assert asserted according".split())
#: speech verbs as lemmas (for the parse)
CUE_LEMMAS = frozenset("say tell add write tweet claim warn insist argue declare explain note stress reply ask "
                       "confirm announce deny acknowledge admit suggest vow allege assert state".split())
#: harm done to someone: when the mention suffers it ("was killed", "killing of", "'s death"), the word
#: describes the event, not a judgement of the person, and its VADER valence is not counted toward the mention
HARM = frozenset("kill killed killing kills slay slain murder murdered murdering murders assassinate assassinated "
                 "assassinating assassination shoot shot shooting shoots wound wounded injure injured bomb bombed "
                 "execute executed execution torture tortured kidnap kidnapped abduct abducted hang hanged "
                 "martyr martyred die died dies dying dead death deaths".split())
_HARM_NOUNS = frozenset("killing murder assassination death execution shooting".split())
_PASSIVE_AUX = frozenset("was were is are be been being got get gets".split())
_FILLERS = frozenset("reportedly allegedly also later fatally then subsequently ultimately".split())
OPEN_QUOTES = "“«"
CLOSE_QUOTES = "”»"
WINDOW = 4
_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "INTJ"})
_MODIFIERS = frozenset({"amod", "appos", "nmod", "acl", "acl:relcl", "compound", "nmod:poss", "advmod"})
_ARGUMENTS = frozenset({"obj", "xcomp", "ccomp", "obl"})

#: feature family → what it means, for the evidence (``{}`` is the word or value)
KINDS = {
    "w": "'{}' in the sentence", "L": "'{}' just before", "R": "'{}' just after",
    "L1": "'{}' right before", "R1": "'{}' right after", "bi": "'{}'",
    "dep": "the mention is {} of its clause", "gov": "the mention is {}", "mod": "described by '{}'",
    "mod2": "described by '{}'", "t2": "'{}' close in the parse", "subj_verb_arg": "it acts on '{}'",
    "gov_neg": "its verb '{}' is negated", "harm": "it suffers '{}' (the event's words, not a judgement)",
}
FLAGS = {
    "neg:near": "a negation near it", "neg:governor": "its verb is negated", "hedge:near": "a hedge near it",
    "quote:inside": "inside a quotation", "quote:sentence": "the sentence has a quotation",
    "quote:speaker": "it speaks (said, told …)", "quote:speaker_tree": "it is the subject of a speech verb",
    "quote:reported": "inside someone else's reported speech", "harm:any": "it suffers harm (killed, shot …)", "mention:pronoun": "a pronoun",
    "mention:possessive": "a possessive", "mention:first": "first word of the sentence",
    "val:pos_near": "positive words near it", "val:neg_near": "negative words near it",
    "val:sentence": "the sentence's VADER compound", "val:tree_pos": "positive words near it in the parse",
    "val:tree_neg": "negative words near it in the parse",
}


@dataclass
class Sentence:
    """One sentence's tokens (offsets into ``text``), with the parse when there is one."""

    text: str
    lower: list[str]
    start: list[int]
    end: list[int]
    lemma: list[str] | None = None
    pos: list[str] | None = None
    dep: list[str] | None = None
    head: list[int] | None = None
    kids: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.head is not None and not self.kids:
            self.kids = [[] for _ in self.lower]
            for i, h in enumerate(self.head):
                if h != i:
                    self.kids[h].append(i)

    @classmethod
    def simple(cls, text: str) -> "Sentence":
        """A sentence of space-separated tokens, no parse (for examples)."""
        words, starts, at = text.split(" "), [], 0
        for w in words:
            starts.append(at)
            at += len(w) + 1
        return cls(text, [w.lower() for w in words], starts, [s + len(w) for s, w in zip(starts, words)])


def sentences_from_table(table: pd.DataFrame, texts: list[str], syntax: bool) -> dict[tuple, Sentence]:
    """``(doc, sent_id) → Sentence`` from a tokens or parse table; ``texts[doc]`` is the text."""
    out: dict[tuple, Sentence] = {}
    if not len(table):
        return out
    doc = table["doc_id"].to_numpy()
    sid = table["sent_id"].to_numpy()
    new = np.ones(len(table), dtype=bool)
    new[1:] = (doc[1:] != doc[:-1]) | (sid[1:] != sid[:-1])
    bounds = np.append(np.flatnonzero(new), len(table))
    tok = table["token"].tolist()
    start = table["start"].tolist()
    end = table["end"].tolist()
    if syntax:
        lemma, pos, dep = table["lemma"].tolist(), table["pos"].tolist(), table["dep"].tolist()
        head, tid = table["head"].tolist(), table["token_id"].tolist()
    for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        d = int(doc[a])
        s = Sentence(texts[d], [t.lower() for t in tok[a:b]], start[a:b], end[a:b])
        if syntax:
            first = tid[a]
            s.lemma = [x.lower() for x in lemma[a:b]]
            s.pos, s.dep = pos[a:b], dep[a:b]
            s.head = [h - first for h in head[a:b]]
            s.__post_init__()
        out[(d, int(sid[a]))] = s
    return out


def mention_tokens(sent: Sentence, start: int, end: int) -> list[int]:
    """Indices of the tokens that overlap the characters ``start:end`` (the nearest one if none)."""
    out = [i for i, (s, e) in enumerate(zip(sent.start, sent.end)) if s < end and e > start]
    if not out and sent.start:
        dist = [min(abs(s - start), abs(e - end)) for s, e in zip(sent.start, sent.end)]
        out = [int(np.argmin(dist))]
    return out


def mention_head(sent: Sentence, ids: list[int]) -> int:
    """The mention's token whose head lies outside the mention (the last token without a parse)."""
    if sent.head is None:
        return ids[-1]
    inside = set(ids)
    for i in ids:
        if sent.head[i] not in inside or sent.head[i] == i:
            return i
    return ids[-1]


def in_quote(text: str, start: int, sent_start: int = 0) -> bool:
    """Is character ``start`` inside quotation marks opened in the same sentence?"""
    before = text[sent_start:start]
    opened = sum(before.count(c) for c in OPEN_QUOTES) - sum(before.count(c) for c in CLOSE_QUOTES)
    return opened > 0 or before.count('"') % 2 == 1


def valence(sent: Sentence, i: int, lex: dict[str, float]) -> tuple[float, str]:
    """The VADER lexicon valence of token ``i``, flipped (× −0.74) after a negation within 3 words."""
    v = lex.get(sent.lower[i], 0.0)
    if v:
        for j in range(max(0, i - 3), i):
            if sent.lower[j] in NEGATORS:
                return v * -0.74, sent.lower[j]
    return v, ""


def harm_done_to(sent: Sentence, ids: list[int]) -> list[int]:
    """Tokens of harm the mention suffers: *T was (fatally) shot*, *killed T*, *killing of T*, *T's death*,
    *T died*; with a parse also its passive verb, the verb it is the object of, the noun it is the possessor of.

    >>> harm_done_to(Sentence.simple("Soleimani was killed in Baghdad ."), [0])
    [2]
    >>> harm_done_to(Sentence.simple("Soleimani killed hundreds ."), [0])
    []
    """
    low, n = sent.lower, len(sent.lower)
    lo, hi = ids[0], ids[-1]
    found = []
    j = hi + 1
    if j < n and low[j] in ("'s", "’s") and j + 1 < n and low[j + 1] in _HARM_NOUNS:
        found.append(j + 1)
    if j < n and low[j] in ("died", "dies", "dying"):
        found.append(j)
    if j < n and low[j] in _PASSIVE_AUX:
        k = j + 1
        while k < n and (low[k] in _FILLERS or low[k] in _PASSIVE_AUX):
            k += 1
        while k < n and low[k] in HARM:  # "shot and killed": the first word, then "and", then the next
            found.append(k)
            k += 2 if k + 2 < n and low[k + 1] == "and" and low[k + 2] in HARM else n
    if lo > 0 and low[lo - 1] in HARM:
        found.append(lo - 1)
    elif lo > 1 and low[lo - 1] in ("of", "on") and low[lo - 2] in HARM:
        found.append(lo - 2)
    if sent.head is not None:
        h = mention_head(sent, ids)
        g, dep = sent.head[h], sent.dep[h]
        if g != h and sent.lemma[g] in HARM and (dep in ("nsubj:pass", "obj", "nmod:poss", "nmod")
                                                  or (dep == "nsubj" and sent.lemma[g] == "die")):
            found.append(g)
    return sorted(set(found) - set(ids))


def features(sent: Sentence, ids: list[int], lex: dict[str, float], *, sent_compound: float = 0.0,
             syntax: bool = True, notes: dict[str, list] | None = None) -> dict[str, float]:
    """Named feature values of the mention made of the tokens ``ids``.

    ``notes`` (a dict, filled when given) keeps, per valence feature, the words
    behind it as ``(word, valence, distance, negator)`` for the evidence.
    """
    f: dict[str, float] = {}
    low = sent.lower
    n = len(low)
    lo, hi = ids[0], ids[-1]
    inside = set(ids)

    def add(name: str, value: float = 1.0) -> None:
        f[name] = f.get(name, 0.0) + value

    harm = harm_done_to(sent, ids)
    for i in harm:
        add("harm=" + low[i])
    if harm:
        add("harm:any")
    skip = inside.union(harm)
    pos_near = neg_near = 0.0
    negated = hedged = False
    for i, w in enumerate(low):
        if i in skip:
            continue
        d = lo - i if i < lo else i - hi
        add("w=" + w)
        if d <= WINDOW:
            add(("L=" if i < lo else "R=") + w)
            negated = negated or w in NEGATORS
            hedged = hedged or w in HEDGES
            if d == 1:
                add(("L1=" if i < lo else "R1=") + w)
        v, by = valence(sent, i, lex)
        if v:
            name = "val:pos_near" if v > 0 else "val:neg_near"
            if v > 0:
                pos_near += v / d
            else:
                neg_near += v / d
            if notes is not None:
                notes.setdefault(name, []).append((sent.text[sent.start[i]:sent.end[i]], v, d, by))
    left = low[lo - 1] if lo > 0 else "<s>"
    right = low[hi + 1] if hi + 1 < n else "</s>"
    add(f"bi={left} T")
    add(f"bi=T {right}")
    f["val:pos_near"] = pos_near / 4.0
    f["val:neg_near"] = neg_near / 4.0
    f["val:sentence"] = sent_compound
    if negated:
        add("neg:near")
    if hedged:
        add("hedge:near")
    if in_quote(sent.text, sent.start[lo], sent.start[0]):
        add("quote:inside")
    if any(c in sent.text[sent.start[0]:sent.end[-1]] for c in "“”\""):
        add("quote:sentence")
    if any(w in CUES for w in low[hi + 1:hi + 3]) or (lo > 0 and low[lo - 1] in CUES):
        add("quote:speaker")
    if all(low[i] in PRONOUNS for i in ids):
        add("mention:pronoun")
    if right in ("'s", "’s") or (len(ids) == 1 and low[lo] in ("his", "her", "their")):
        add("mention:possessive")
    if lo == 0:
        add("mention:first")
    if syntax and sent.head is not None:
        _syntax_features(sent, ids, skip, lex, add, f, notes)
    return f


def _syntax_features(sent: Sentence, ids: list[int], skip: set[int], lex: dict[str, float],
                     add: Callable[..., None], f: dict[str, float], notes: dict[str, list] | None) -> None:
    h = mention_head(sent, ids)
    inside = set(ids)
    dep, gov, lemma, kids = sent.dep[h], sent.head[h], sent.lemma, sent.kids
    add("dep=" + dep)
    if gov != h:
        add(f"gov={dep}:{lemma[gov]}")
        if any(lemma[k] in NEGATORS for k in kids[gov]):
            add("neg:governor")
            add("gov_neg=" + lemma[gov])
        if dep.startswith("nsubj"):
            if lemma[gov] in CUE_LEMMAS:
                add("quote:speaker_tree")
            for k in kids[gov]:
                if sent.dep[k] in _ARGUMENTS and sent.pos[k] in _CONTENT:
                    add("subj_verb_arg=" + lemma[k])
    for k in kids[h]:
        if k not in inside and sent.dep[k] in _MODIFIERS:
            add("mod=" + lemma[k])
            for j in kids[k]:
                if j not in inside and sent.dep[j] in ("amod", "compound", "advmod"):
                    add("mod2=" + lemma[j])
    a, seen = h, {h}
    while sent.head[a] != a and sent.head[a] not in seen:  # the nearest speech verb above the mention
        a = sent.head[a]
        seen.add(a)
        if lemma[a] in CUE_LEMMAS:
            subj = [k for k in kids[a] if sent.dep[k].startswith("nsubj")]
            if subj and not set(subj) & inside:
                add("quote:reported")
            break
    dist = {i: 0 for i in ids}
    frontier = list(ids)
    tpos = tneg = 0.0
    for d in range(1, 7):
        nxt = []
        for i in frontier:
            for j in (*kids[i], sent.head[i]):
                if j in dist:
                    continue
                dist[j] = d
                nxt.append(j)
                if j in skip:
                    continue
                if d <= 2 and sent.pos[j] in _CONTENT:
                    add("t2=" + lemma[j])
                v, by = valence(sent, j, lex)
                if v:
                    if v > 0:
                        tpos += v / d
                    else:
                        tneg += v / d
                    if notes is not None:
                        name = "val:tree_pos" if v > 0 else "val:tree_neg"
                        notes.setdefault(name, []).append((sent.text[sent.start[j]:sent.end[j]], v, d, by))
        frontier = nxt
    f["val:tree_pos"] = tpos / 4.0
    f["val:tree_neg"] = tneg / 4.0
