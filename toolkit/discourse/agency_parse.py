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
nationality, a phrase the actor table (``data/actors/actors.csv``) knows, or a
common-noun possessor ("the militia's") that is not a time ("last night's").
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..text.tree import Tree
from .vocabulary import AGENCY_TIME_NOUNS, CONTROL_BY_OBJECT, FINDING_VERBS, INSTRUMENT_NOUNS, VICTIM_NOUNS

ActorMatcher = Callable[[str], "tuple[str, str, str] | None"]
RELATIVE = frozenset("that which who whom".split())
NOMINAL_ACTOR_DEPS = ("nmod:poss", "compound", "amod")


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
    name = t.phrase(j) if t.pos[j] == "PROPN" else t.tokens[j]  # "Iran's missile": the compound is "missile"
    found = match_actor(name) if match_actor else None
    if found:
        return "person" if found[2] in ("person", "anonymous") else "collective"
    if t.pos[j] == "NOUN" and t.dep[j] == "nmod:poss":
        return "collective"
    return None


def _has_case(t: Tree, j: int, *words: str) -> bool:
    return any(t.lower[k] in words for k in t.children(j, "case"))


def nominal_doer(t: Tree, n: int, match_actor: ActorMatcher | None) -> tuple[int | None, str, int | None]:
    """The doer named inside an event noun's phrase: ``(token, rule, modifier shown instead)``."""
    for c in t.children(n, "nmod"):
        if _has_case(t, c, "by"):
            return c, "nominal_by", None
    has_victim = any(_has_case(t, c, "of", "on", "against") for c in t.children(n, "nmod"))
    mods, todo = [], [c for c in t.kids[n] if t.dep[c] in NOMINAL_ACTOR_DEPS]
    while todo:  # "a US drone strike": US modifies drone, which modifies strike
        c = todo.pop(0)
        mods.append(c)
        if t.dep[c] == "compound":
            todo.extend(k for k in t.kids[c] if t.dep[k] in NOMINAL_ACTOR_DEPS)
    if t.lemma[n].lower() not in VICTIM_NOUNS:
        for c in mods:
            kind = actor_type(t, c, match_actor)
            if kind == "collective" or (kind == "person" and t.dep[c] == "nmod:poss" and has_victim):
                return c, f"nominal_{t.dep[c].split(':')[-1]}", None
        for c in t.children(n, "acl"):  # "a strike ordered by President Trump"
            agent = t.child(c, "obl:agent")
            if agent is not None:
                return agent, "nominal_ordered_by", None
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
    if t.lemma[j].lower() not in INSTRUMENT_NOUNS and t.lower[j] not in INSTRUMENT_NOUNS:
        return False, None
    doer = nominal_doer(t, j, match_actor)[0]
    head = t.parent(j)
    if doer is None and head is not None and t.dep[j] in ("obj", "nsubj:pass") and t.lemma[head].lower() in light_verbs:
        doer = classify_verb(t, head, match_actor, light_verbs=light_verbs).agent
    return True, doer


def subject(t: Tree, v: int, match_actor: ActorMatcher | None, depth: int = 0) -> tuple[int | None, str]:
    """The doer of verb ``v``: its subject, or the one it inherits."""
    parent, dep = t.parent(v), t.dep[v]
    s = t.child(v, "nsubj")
    if s is not None:
        if t.lower[s] in RELATIVE and parent is not None:
            return parent, "relative_clause"
        return s, "active"
    if parent is None or depth > 6:
        return None, "no_subject"
    to_inf = any(t.lower[k] == "to" for k in t.children(v, "mark"))
    verbal_parent = t.pos[parent] in ("VERB", "AUX") or t.tag[parent].startswith("VB")
    if dep == "conj" and verbal_parent:
        who, _ = subject(t, parent, match_actor, depth + 1)
        return who, "conjunct" if who is not None else "no_subject"
    if dep == "xcomp" or (to_inf and dep in ("advcl", "ccomp")):
        lemma = t.lemma[parent].lower()
        obj = t.child(parent, "obj", "iobj")
        if obj is None and lemma in ("call", "appeal"):  # "called on militias to attack"
            obj = next((c for c in t.children(parent, "obl") if _has_case(t, c, "on", "upon", "to")), None)
            if obj is not None:
                return obj, "object_control"
        if obj is not None and lemma in CONTROL_BY_OBJECT:
            return obj, "object_control"
        if verbal_parent or t.pos[parent] == "ADJ":
            who, _ = subject(t, parent, match_actor, depth + 1)
            return who, "subject_control" if who is not None else "infinitive"
    if dep == "acl":
        if to_inf:  # "Trump's decision to kill", "an Israeli-Arab plot to kill"
            for c in t.kids[parent]:
                if t.dep[c] in NOMINAL_ACTOR_DEPS and actor_type(t, c, match_actor) is not None:
                    return c, "noun_control"
            grand = t.parent(parent)
            if grand is not None and t.dep[parent] == "obj" and t.lemma[grand].lower() not in FINDING_VERBS:
                who, _ = subject(t, grand, match_actor, depth + 1)
                if who is not None:
                    return who, "noun_control"
            return None, "infinitive"
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


def classify_verb(t: Tree, v: int, match_actor: ActorMatcher | None, *, headline: bool = False,
                  light_verbs: frozenset[str] = frozenset(), participle: bool = False) -> Decision:
    """Class and doer of an event verb (``light_verbs`` lets a means borrow its light verb's subject;
    ``participle``: a participle-only form such as *slain*, passive whatever its tag)."""
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


def classify_noun(t: Tree, n: int, match_actor: ActorMatcher | None, light_verbs: frozenset[str]) -> Decision:
    """An event noun is ``nominal``; its doer is named in its phrase or by a light verb's clause."""
    doer, rule, shown = nominal_doer(t, n, match_actor)
    head = t.parent(n)
    if doer is None and head is not None and t.dep[n] in ("obj", "nsubj:pass") and \
            t.lemma[head].lower() in light_verbs:
        d = classify_verb(t, head, match_actor, light_verbs=light_verbs)
        return Decision("nominal", d.agent, "light_verb_passive" if d.agency.startswith("passive") else "light_verb",
                        shown)
    return Decision("nominal", doer, rule, shown)
