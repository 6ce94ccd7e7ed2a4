"""Who does the act, read from the dependency parse (the rules behind :func:`toolkit.agency`).

Each event word is classified from its place in the tree of its sentence:

* a **verb** is ``passive`` when it has a passive subject or auxiliary
  (``nsubj:pass``, ``aux:pass``) or is a bare past participle with no object
  (``reduced_passive``: "those killed in the attack"; in a title or standfirst
  also a bare past form: "General killed in airstrike"); its agent is the
  ``obl:agent`` ("by US forces"). Otherwise it is ``active`` and its doer is
  its subject, or the subject it inherits: a conjunct's ("find and kill"), a
  controller's ("tried to kill" → the subject; "ordered the military to kill"
  → the object; "called on militias to attack"), a relative clause's antecedent
  ("groups that killed"), a noun's possessor or actor premodifier ("Trump's
  decision to kill", "an Israeli-Arab plot to kill") or the subject of the
  verb that has the noun as object ("Soleimani was developing plans to attack";
  not after verbs of finding out: "Iran uncovered a plot to kill"), the subject
  of the clause a participle hangs from (", killing seven").
* an **instrument** as subject or *by*-phrase ("A US drone strike ordered by
  President Trump … killed") is not the doer: the doer is the actor named inside
  it ("US"), else none.
* a **noun** is ``nominal``; its doer is a *by*-phrase ("the killing … by the
  US"), an actor possessor ("the U.S. government's assassination of …"), an
  actor premodifier ("the US assassination", "American bombing"), the agent of
  a participle on it ("a strike ordered by Trump"), or the subject of a light
  verb that takes it ("Trump ordered the strike", "the attack was carried out
  by US helicopters"). A person named before the noun is the victim, not the
  doer ("the Soleimani killing", "Soleimani's assassination"), unless an
  *of*-phrase names the victim ("Trump's assassination of Soleimani"); the
  possessor of *death* or *martyrdom* is always the one who died.

An "actor" modifier is a pronoun possessor, a capitalised adjective of
nationality (also hyphenated: "Israeli-Arab"), a phrase the actor table
(``data/actors/actors.csv``) knows, or a common-noun possessor ("the militia's")
that is not a time ("last night's"). The possessor of an act noun (*strike*,
*attack*, *raid*) is always its doer ("the President's strike"); the possessor
of a nominalised verb (*killing*, *assassination*) only when an *of*-phrase
names the victim, or when it is a collective that is not a pronoun ("his
assassination": the victim).

Some rules read around the parser's commonest mistakes, each from a fact of
English grammar rather than from the tree alone:

* a past form tagged as a premodifier between two noun phrases ("a U.S.
  airstrike killed Soleimani" read as "airstrike-killed Soleimani") is a finite
  verb: a prenominal participle never follows a bare noun phrase;
* a conjunct shares its first conjunct's auxiliary and subject ("was targeted
  and killed" is passive; "He wounded and murdered" has the subject He);
* an ``obl:agent`` without *by* is not a passive agent ("shot down two drones");
* a *by*-phrase the parser hung on a noun inside the event noun's phrase still
  names its doer when it names an actor ("attacks … throughout the region by
  Iran"), but not "by means of", "by reference to";
* an adverbial gerund ("in taking out", "by killing") takes the subject of its
  clause; a participle after a place ("an airstrike at the airport killing …")
  describes the phrase the place belongs to;
* in Title Case, a capitalised actor right before the event noun is its
  premodifier ("on U.S. Airstrike in Iraq"); a possessive written right before a
  multi-word event noun is its possessor ("the Administration's targeted
  killing");
* a light verb is recognised by its form when the lemmatizer misses it
  ("orchestrated"), also in a relative clause ("the strike that Iran launched")
  and over a noun that counts acts ("a series of attacks was conducted by Iran").
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..text.tree import Tree
from .vocabulary import (ACT_NOUNS, AGENCY_TIME_NOUNS, BY_MEANS, CAUSE_TO_ACT, FINDING_VERBS, GERUND_MARKERS,
                         INSTRUMENT_NOUNS, PLACE_PREPOSITIONS, QUANTITY_NOUNS, VICTIM_NOUNS)

ActorMatcher = Callable[[str], "tuple[str, str, str] | None"]
RELATIVE = frozenset("that which who whom".split())
NOMINAL_ACTOR_DEPS = ("nmod:poss", "compound", "amod")
_ASIDE_CLOSE = {",": ",", "—": "—", "–": "–", "--": "--", ")": "("}


@dataclass
class Decision:
    """One event word's class, the token of its doer (or None), the rule that decided, a shown modifier."""

    agency: str
    agent: int | None
    rule: str
    modifier: int | None = None


def actor_type(t: Tree, j: int, match_actor: ActorMatcher | None) -> str | None:
    """What a modifier names: ``"person"``, ``"collective"`` (a country, organisation, group,
    medium, nationality, pronoun or agentive common noun) or None (a place, time or instrument)."""
    if t.lemma[j].lower() in AGENCY_TIME_NOUNS:
        return None
    if t.pos[j] == "PRON":
        return "collective" if t.dep[j] == "nmod:poss" and t.lower[j] not in RELATIVE else None
    if t.pos[j] == "ADJ":
        return "collective" if t.tokens[j][:1].isupper() else None
    parts = t.tokens[j].split("-")
    if len(parts) > 1 and all(p[:1].isupper() for p in parts) and t.dep[j] in ("amod", "compound"):
        return "collective"  # a nationality compound read as a noun: "an Israeli-Arab plot"
    name = t.phrase(j) if t.pos[j] == "PROPN" else t.tokens[j]  # "Iran's missile": the compound is "missile"
    found = match_actor(name) if match_actor else None
    if found:
        return "person" if found[2] in ("person", "anonymous") else "collective"
    if t.pos[j] == "NOUN" and t.dep[j] == "nmod:poss":
        return "collective"
    return None


def _has_case(t: Tree, j: int, *words: str) -> bool:
    return any(t.lower[k] in words for k in t.children(j, "case"))


def _by_inside(t: Tree, n: int, match_actor: ActorMatcher | None) -> int | None:
    """A *by*-phrase of the noun phrase headed by ``n``: its own, or one the parser hung on a noun
    inside the phrase when that one names an actor ("attacks against interests throughout the region
    by Iran")."""
    todo = [n]
    while todo:
        h = todo.pop(0)
        for c in t.children(h, "nmod", "conj", "appos"):
            if c < n:
                continue
            if _has_case(t, c, "by") and t.lemma[c].lower() not in AGENCY_TIME_NOUNS | BY_MEANS and \
                    (h == n or t.pos[c] in ("PROPN", "PRON") or actor_type(t, c, match_actor) is not None):
                return c
            todo.append(c)
    return None


def _possessor_before(t: Tree, first: int) -> int | None:
    """The possessor written right before a multi-word event noun ("the Administration's targeted
    killing"), read from the clitic whatever the parser made of the phrase."""
    if first >= 2 and t.lower[first - 1] in ("'s", "’s", "'", "’") and t.tag[first - 1] == "POS":
        return first - 2
    return None


def nominal_doer(t: Tree, n: int, match_actor: ActorMatcher | None, light_verbs: frozenset[str] = frozenset(),
                 first: int | None = None) -> tuple[int | None, str, int | None]:
    """The doer named inside an event noun's phrase: ``(token, rule, modifier shown instead)``;
    ``first`` is the first token of a multi-word noun."""
    by = _by_inside(t, n, match_actor)
    if by is not None:
        if t.lemma_in(by, INSTRUMENT_NOUNS):
            by = nominal_doer(t, by, match_actor)[0]  # "killings by drones": a means, not a doer
        return by, "nominal_by" if by is not None else "nominal", None
    has_victim = any(_has_case(t, c, "of", "on", "against") for c in t.children(n, "nmod"))
    act_noun = t.lemma_in(n, ACT_NOUNS)
    mods, todo = [], [c for c in t.kids[n] if t.dep[c] in NOMINAL_ACTOR_DEPS]
    possessors = {c for c in todo if t.dep[c] == "nmod:poss"}
    if first is not None and first < n and (p := _possessor_before(t, first)) is not None and p not in todo:
        todo.insert(0, p)
        possessors.add(p)
    head = t.parent(n)
    if n > 0 and t.tokens[n - 1][:1].isupper() and t.tokens[n][:1].isupper() and not t.children(n, "case") \
            and t.pos[n - 1] != "ADP" and n - 1 not in todo:
        todo.append(n - 1)  # Title Case read as two names: "on U.S. Airstrike in Iraq"
    if t.dep[n] == "compound" and head is not None:
        todo.extend(c for c in t.kids[head] if c < n and t.dep[c] in NOMINAL_ACTOR_DEPS)  # "Iranian attack plans"
    while todo:  # "a US drone strike": US modifies drone, which modifies strike
        c = todo.pop(0)
        mods.append(c)
        if t.dep[c] == "compound":
            todo.extend(k for k in t.kids[c] if t.dep[k] in NOMINAL_ACTOR_DEPS)
    if t.lemma[n].lower() not in VICTIM_NOUNS:
        for c in mods:
            if c in possessors and (has_victim or act_noun):  # "Trump's assassination of", "the President's strike"
                if t.lemma[c].lower() not in AGENCY_TIME_NOUNS:
                    return c, "nominal_poss", None
                continue
            kind = actor_type(t, c, match_actor)  # else a possessor may be the victim ("his assassination")
            if kind == "collective" and not (c in possessors and t.pos[c] == "PRON"):
                dep = t.dep[c] if t.dep[c] in NOMINAL_ACTOR_DEPS else "compound"  # Title Case premodifier
                return c, "nominal_poss" if c in possessors else f"nominal_{dep.split(':')[-1]}", None
        for c in t.children(n, "acl"):  # "a strike ordered by President Trump"
            agent = t.child(c, "obl:agent")
            if agent is not None:
                return agent, "nominal_ordered_by", None
        for c in t.children(n, "acl"):  # "the missile strike that Iran launched"
            relative = any(t.lower[k] in RELATIVE for k in t.children(c, "obj"))
            if relative and t.lemma_in(c, light_verbs) and \
                    not any(t.lower[k] in RELATIVE for k in t.children(c, "nsubj")):
                who, _ = subject(t, c, match_actor)
                if who is not None:
                    return who, "light_verb", None
    return None, "nominal", (mods[0] if mods else None)


def _instrument(t: Tree, j: int, match_actor: ActorMatcher | None,
                light_verbs: frozenset[str] = frozenset()) -> tuple[bool, int | None]:
    """Is ``j`` the means of the act ("the strike", "a drone"), and which actor does it name?

    A relative pronoun stands for its antecedent ("an airstrike that killed"); when
    the means names no actor, the subject of the light verb that takes it does
    ("the Defense Department launched an airstrike that killed …").
    """
    if t.lower[j] in RELATIVE and t.parent(j) is not None and t.dep[t.parent(j)] == "acl:relcl":
        j = t.parent(t.parent(j))
    if not t.lemma_in(j, INSTRUMENT_NOUNS):
        return False, None
    doer = nominal_doer(t, j, match_actor, light_verbs)[0]
    head = t.parent(j)
    if doer is None and head is not None and t.dep[j] in ("obj", "nsubj:pass") and t.lemma_in(head, light_verbs):
        doer = classify_verb(t, head, match_actor, light_verbs=light_verbs).agent
    return True, doer


def subject(t: Tree, v: int, match_actor: ActorMatcher | None, depth: int = 0) -> tuple[int | None, str]:
    """The doer of verb ``v``: its subject, or the one it inherits."""
    parent, dep = t.parent(v), t.dep[v]
    s = t.child(v, "nsubj")
    if s is not None and t.lemma[s].lower() in AGENCY_TIME_NOUNS:
        return None, "no_subject"  # a time the parser read as the subject ("… earlier this year eliminated"): no doer
    if s is not None:
        if t.lower[s] in RELATIVE and parent is not None:
            return parent, "relative_clause"
        return s, "active"
    if parent is None or depth > 6:
        return None, "no_subject"
    to_inf = any(t.lower[k] == "to" for k in t.children(v, "mark"))
    verbal_parent = t.pos[parent] in ("VERB", "AUX") or t.tag[parent].startswith("VB")
    if dep == "conj" and (verbal_parent or (t.pos[parent] == "ADJ" and t.child(parent, "nsubj") is not None)):
        who, _ = subject(t, parent, match_actor, depth + 1)  # "He wounded and murdered": "wounded" read as ADJ
        return who, "conjunct" if who is not None else "no_subject"
    if dep == "xcomp" or (to_inf and dep in ("advcl", "ccomp")):
        lemma = t.lemma[parent].lower()
        obj = t.child(parent, "obj", "iobj")
        if obj is None and lemma in ("call", "appeal"):  # "called on militias to attack"
            obj = next((c for c in t.children(parent, "obl") if _has_case(t, c, "on", "upon", "to")), None)
            if obj is not None:
                return obj, "object_control"
        if obj is not None and lemma in CAUSE_TO_ACT:
            return obj, "object_control"
        if verbal_parent or t.pos[parent] == "ADJ":
            who, _ = subject(t, parent, match_actor, depth + 1)
            return who, "subject_control" if who is not None else "infinitive"
    if t.tag[v] == "VBG" and any(t.lower[k] in GERUND_MARKERS for k in t.children(v, "mark", "case")):
        clause = next((a for a in t.ancestors(v) if t.pos[a] in ("VERB", "AUX")), None)  # "in taking out"
        if clause is not None:
            who, _ = subject(t, clause, match_actor, depth + 1)
            return who, "gerund" if who is not None else "no_subject"
    if dep == "acl":
        if to_inf:  # "Trump's decision to kill", "an Israeli-Arab plot to kill"
            for c in t.kids[parent]:
                if t.dep[c] in NOMINAL_ACTOR_DEPS and actor_type(t, c, match_actor) is not None:
                    return c, "noun_control"
            first = parent
            while t.dep[first] == "conj" and t.parent(first) is not None:
                first = t.parent(first)  # "using proxy groups, terrorists, and militias to attack"
            user = t.parent(first)
            if user is not None and t.dep[first] == "obj" and t.lemma[user].lower() in CAUSE_TO_ACT:
                return first, "object_control"
            grand = t.parent(parent)
            if grand is not None and t.dep[parent] == "obj" and t.lemma[grand].lower() not in FINDING_VERBS:
                who, _ = subject(t, grand, match_actor, depth + 1)
                if who is not None:
                    return who, "noun_control"
            return None, "infinitive"
        owner = t.parent(parent)
        if owner is not None and t.pos[owner] in ("NOUN", "PROPN") and t.dep[parent] == "nmod" and \
                any(t.lower[k] in PLACE_PREPOSITIONS for k in t.children(parent, "case")):
            return owner, "participle_clause"  # "an airstrike at the airport killing …": places do not kill
        return parent, "participle_clause"  # "militias killing civilians"
    if dep == "acl:relcl":
        return parent, "relative_clause"
    if t.tag[v] == "VBG" and dep in ("advcl", "obl"):
        who, _ = subject(t, parent, match_actor, depth + 1)
        return who, "participle_clause" if dep == "advcl" else "gerund"
    return None, "no_subject"


def _passive(t: Tree, v: int, headline: bool) -> tuple[bool, str]:
    if t.is_passive(v):
        return True, "passive"
    parent = t.parent(v)
    if t.dep[v] == "conj" and parent is not None and t.tag[v] in ("VBN", "VBD") and t.is_passive(parent) and \
            all(t.child(v, d) is None for d in ("nsubj", "aux", "obj")):
        return True, "passive"  # one auxiliary for both: "was targeted and killed"
    has_have = any(t.lemma[c].lower() == "have" for c in t.children(v, "aux"))
    if t.tag[v] == "VBN" and not has_have and t.child(v, "obj") is None:
        return True, "reduced_passive"
    bare = not t.children(v, "aux") and all(t.child(v, d) is None for d in ("obj", "iobj", "ccomp", "xcomp"))
    if t.tag[v] == "VBD" and bare and t.dep[v] not in ("conj", "xcomp") and (headline or t.child(v, "nsubj") is None):
        return True, "reduced_passive"  # headline grammar: "General killed in airstrike"
    return False, "perfect" if has_have else ""


def _by_phrase(t: Tree, v: int) -> int | None:
    """The agent of a passive: its *by*-phrase, also when the parser hung it on a nearer noun
    ("attacked with missiles by US forces"); an ``obl:agent`` without *by* is not trusted."""
    agent = next((c for c in t.children(v, "obl:agent") if _has_case(t, c, "by")), None)
    if agent is None:
        agent = next((c for c in t.children(v, "obl") if _has_case(t, c, "by")
                      and t.pos[c] in ("PROPN", "NOUN", "PRON") and t.lemma[c].lower() not in AGENCY_TIME_NOUNS), None)
    if agent is None:
        for c in t.subtree(v, ("acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "conj")):
            if c != v and t.dep[c] in ("nmod", "obl") and _has_case(t, c, "by") and c > v and \
                    t.pos[c] in ("PROPN", "NOUN", "PRON") and t.lemma[c].lower() not in AGENCY_TIME_NOUNS:
                return c
    return agent


def _noun_before(t: Tree, v: int) -> int | None:
    """The noun that ends the phrase right before ``v``, over an aside between commas, dashes or
    brackets ("The strike, which was authorized by Trump, killed …", "The attack — in which … — killed")."""
    j = v - 1
    if j >= 0 and t.tokens[j] in _ASIDE_CLOSE:
        opener = _ASIDE_CLOSE[t.tokens[j]]
        j = next((k for k in range(j - 1, -1, -1) if t.tokens[k] == opener), -1) - 1
    if j >= 0 and (t.tag[j].startswith("NN") or t.lemma[j].lower() in INSTRUMENT_NOUNS):
        return j
    return None


def classify_verb(t: Tree, v: int, match_actor: ActorMatcher | None, *, headline: bool = False,
                  light_verbs: frozenset[str] = frozenset(), participle: bool = False) -> Decision:
    """Class and doer of an event verb (``light_verbs`` lets a means borrow its light verb's subject;
    ``participle``: a participle-only form such as *slain*, passive whatever its tag)."""
    before = _noun_before(t, v) if t.dep[v] == "amod" and v < t.head[v] and t.tag[v] in ("VBD", "VBN") else None
    if before is not None:
        # "a U.S. airstrike killed Soleimani" read as "a U.S. airstrike-killed Soleimani": a noun phrase
        # right before a past form that has a noun after it is that verb's subject, not a modified noun
        if t.lemma[before].lower() in AGENCY_TIME_NOUNS:
            return Decision("active", None, "no_subject")  # "… earlier this year eliminated": a time is no doer
        means, doer = _instrument(t, before, match_actor, light_verbs)
        return Decision("active", doer if means else before, "instrument_subject" if means else "active")
    passive, rule = (True, "reduced_passive") if participle and t.tag[v] != "VBD" and \
        not any(t.lemma[c].lower() == "have" for c in t.children(v, "aux")) and t.child(v, "obj") is None \
        else _passive(t, v, headline)
    if passive:
        agent = _by_phrase(t, v)
        if agent is None:
            return Decision("passive_agentless", None, rule)
        means, doer = _instrument(t, agent, match_actor, light_verbs)
        if means:  # "killed by a US drone strike": the doer is the actor inside the means
            return Decision("passive_agent" if doer is not None else "passive_agentless", doer, f"{rule}_instrument")
        return Decision("passive_agent", agent, rule)
    who, srule = subject(t, v, match_actor)
    if who is not None:
        means, doer = _instrument(t, t.child(v, "nsubj") if srule == "relative_clause" else who, match_actor,
                                  light_verbs)
        if means:
            return Decision("active", doer, "instrument_subject")
    return Decision("active", who, srule or "active")


def classify_noun(t: Tree, n: int, match_actor: ActorMatcher | None, light_verbs: frozenset[str],
                  first: int | None = None) -> Decision:
    """An event noun is ``nominal``; its doer is named in its phrase or by a light verb's clause
    (``first``: the first token of a multi-word noun)."""
    doer, rule, shown = nominal_doer(t, n, match_actor, light_verbs, first)
    while t.parent(n) is not None and (t.dep[n] == "compound" or (
            t.dep[n] == "nmod" and _has_case(t, n, "of") and t.lemma[t.parent(n)].lower() in QUANTITY_NOUNS)):
        n = t.parent(n)  # "conducted strike operations", "a series of attacks was conducted by Iran"
    head = t.parent(n)
    by_agent = head is not None and t.dep[n] == "nsubj" and _by_phrase(t, head) is not None
    if doer is None and head is not None and (t.dep[n] in ("obj", "nsubj:pass") or by_agent) and \
            t.lemma_in(head, light_verbs):
        d = classify_verb(t, head, match_actor, light_verbs=light_verbs)
        return Decision("nominal", d.agent, "light_verb_passive" if d.agency.startswith("passive") else "light_verb",
                        shown)
    return Decision("nominal", doer, rule, shown)
