"""Agency: who does the killing, grammatically — active, passive with or without agent, nominal.

``agency(corpus)`` finds every event word (kill, assassinate, strike, attack,
martyred, death, … — the editable list ``data/agency/event_terms.yaml``) in the
title, standfirst and body of each English article, parses its sentence
(:func:`toolkit.parse`, only the sentences with an event word) and classifies it:

==================== =============================================================
``active``           a verb whose doer is its subject: "US kills powerful Iranian
                     general …" (agent "US"), "Trump ordered the U.S. military to
                     find and kill …" (agent "the U.S. military", by control)
``passive_agent``    a passive verb with a *by*-phrase: "Two vehicles were attacked
                     with missiles by US forces" (agent "US forces")
``passive_agentless`` a passive verb without one: "Soleimani … was killed in an
                     airstrike"; reduced and headline passives ("… killed in
                     American bombing"); intransitive verbs whose subject is the
                     victim ("died")
``nominal``          the act as a noun: "Soleimani’s death", "the US assassination
                     of …" (agent "US"), "Trump ordered the strike" (agent "Trump",
                     by the light verb *ordered*)
==================== =============================================================

Each row is one event word with its evidence: the sentence, ``start``/``end`` of
the event word (offsets into the text of ``part``: ``text`` for the body,
``title``, ``standfirst``; ``sent_start``/``sent_end`` for the sentence),
``event_word`` and ``event_lemma``, ``agent`` (the doer's noun phrase as written,
or None), ``rule`` (the relation that decided: ``active``, ``passive``,
``reduced_passive``, ``conjunct``, ``subject_control``, ``object_control``,
``noun_control``, ``relative_clause``, ``participle_clause``, ``gerund``,
``instrument_subject``, ``passive_instrument``, ``nominal_by``, ``nominal_poss``,
``nominal_compound``, ``nominal_amod``, ``nominal_ordered_by``, ``light_verb``,
``light_verb_passive``, ``intransitive``, ``infinitive``, ``no_subject``,
``nominal``) and ``modifier`` (for a nominal row without a doer: the possessor
or premodifier that was not taken as one, e.g. the victim in "Soleimani’s death").

The rules are in :mod:`toolkit.discourse.agency_parse` (with examples);
verb or noun is the tagger's decision for forms that can be both (*strike,
attack, killing*). Known misses: the parser's own errors (long appositions,
Title Case headlines: "… Strike in Iraq Killing Qasem Soleimani" reads
*Killing* as a noun); pronoun agents ("it", "we") are given as written, not
resolved; an orderer ("a strike ordered by Trump") is taken as the doer only
when nothing else names one; *attack* and *strike* also match other attacks in
the same article (filter on ``event_word``/``sentence``); see docs/agency.md.

Example
-------
>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": ["d"], "title": ["US kills Iranian general in Baghdad airstrike"],
...     "text": ["The drone was shot down by Iranian forces. Soleimani’s death shocked Iran."]})
>>> agency(corpus)[["part", "event_word", "agency", "agent", "rule"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['title', 'kills', 'active', 'US', 'active'],
 ['title', 'airstrike', 'nominal', None, 'nominal'],
 ['body', 'shot down', 'passive_agent', 'Iranian forces', 'passive'],
 ['body', 'death', 'nominal', None, 'nominal']]
"""
from __future__ import annotations

import os
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..text.parts import ALL_PARTS, Sentence, english_parts
from ..text.tree import CLAUSAL, Tree
from .agency_parse import Decision, classify_noun, classify_verb
from .event_terms import EventTerms, default_event_terms_path, load_event_terms
from .groups import attach_group
from .quotes import match_actor
from .syntax import parse_sentences
from .vocabulary import QUOTE_MARKS

__all__ = ["agency", "agency_counts", "load_event_terms", "default_event_terms_path", "EventTerms",
           "AGENCY_COLUMNS", "AGENCY_CLASSES"]

AGENCY_COLUMNS = ("doc_id", "part", "sent_id", "sentence", "start", "end", "sent_start", "sent_end",
                  "event_word", "event_lemma", "agency", "agent", "rule", "modifier")
AGENCY_CLASSES = ("active", "passive_agent", "passive_agentless", "nominal")
# a doer is a noun phrase: a predicate noun's subject and copula are not part of it ("It was [the US] that killed")
_NP_CUT = CLAUSAL | {"advcl:relcl", "nsubj", "nsubj:pass", "cop", "expl", "aux"}
_STOP_PARTICLE = frozenset(",;:.!?()[]—–") | QUOTE_MARKS
# participles that are also simple past forms: the tagger decides those; the others (slain, taken) are passive
_PAST_FORMS = frozenset("killed assassinated murdered eliminated terminated martyred struck attacked bombed shot "
                        "targeted targetted neutralised neutralized".split())


def _candidates(s: Sentence, terms: EventTerms) -> list[tuple[int, int, str, str]]:
    """``(i, j, kind, lemma)`` token ranges of event words; kind "noun", "verb", "intransitive" or "ambiguous"."""
    lows = [t.low for t in s.tokens]
    out, taken = [], set()
    for length in terms.noun_lengths:  # multi-word nouns first: "drone strike", "targeted killing"
        if length < 2:
            continue
        for i in range(len(lows) - length + 1):
            key = tuple(lows[i:i + length])
            if key in terms.nouns and not taken & set(range(i, i + length)):
                out.append((i, i + length, "noun", terms.nouns[key]))
                taken.update(range(i, i + length))
    for i, w in enumerate(lows):
        if i in taken:
            continue
        is_noun, is_verb = (w,) in terms.nouns, w in terms.verbs
        if w in terms.intransitive:
            out.append((i, i + 1, "intransitive", terms.intransitive[w]))
        elif is_noun and is_verb:
            out.append((i, i + 1, "ambiguous", terms.verbs[w]))
        elif is_noun:
            out.append((i, i + 1, "noun", terms.nouns[(w,)]))
        elif is_verb:
            out.append((i, i + 1, "verb", terms.verbs[w]))
    return sorted(out)


def _particle_end(lows: list[str], i: int, particle: str) -> int | None:
    """Index after the particle of a phrasal verb at ``i`` ("took out", "took him out")."""
    for k in range(i + 1, min(len(lows), i + 5)):
        if lows[k] == particle:
            return k + 1
        if lows[k] in _STOP_PARTICLE:
            return None
    return None


def _decide(tree: Tree, s: Sentence, cand: tuple[int, int, str, str], terms: EventTerms,
            light: frozenset[str], headline: bool) -> tuple[int, int, Decision] | None:
    i, j, kind, lemma = cand
    lows = [t.low for t in s.tokens]
    k = tree.index_at(s.tokens[j - 1].start)  # the head word of a multi-word noun is its last
    if k is None:
        return None
    if kind == "ambiguous":
        verbal = tree.pos[k] in ("VERB", "AUX") or tree.tag[k].startswith("VB")
        # a determiner or an of-complement makes a noun of a form the tagger read as a verb:
        # "called the Iranian strikes a slap", "after Killing of Top Iranian General"
        nounish = tree.child(k, "det") is not None or any(  # "Soleimani's killing" too
            tree.lower[c] in ("of", "'s", "’s") for n in tree.kids[k] for c in tree.children(n, "case"))
        kind = "verb" if verbal and not nounish else "noun"
    if kind == "noun":
        return i, j, classify_noun(tree, k, match_actor, light, first=tree.index_at(s.tokens[i].start))
    if tree.pos[k] in ("NOUN", "PROPN") and tree.child(k, "det") is not None:
        return None  # "a shot", "the dying": not the act
    if kind == "intransitive":
        return i, j, Decision("passive_agentless", None, "intransitive")
    particle = terms.particles.get(lemma)
    if particle:
        end = _particle_end(lows, i, particle)
        if end is None:
            return None  # "took" without "out" is not the event
        j = end if end == i + 2 else j  # "took out" as one event word
    elif lemma == "shoot" and j < len(lows) and lows[j] in ("down", "dead"):
        j += 1
    only_participle = lows[i] in terms.participles and lows[i] not in _PAST_FORMS
    return i, j, classify_verb(tree, k, match_actor, headline=headline, light_verbs=light,
                               participle=only_participle)


def agency(corpus: pd.DataFrame, event_terms: str | os.PathLike | Mapping[str, Any] | Iterable[str] | None = None,
           *, parts: Sequence[str] = ALL_PARTS) -> pd.DataFrame:
    """One row per event word in titles, standfirsts and bodies, classified by agency.

    ``corpus`` needs ``doc_id`` and ``text`` (``title``, ``standfirst`` and
    ``language`` are used when present; non-English documents are skipped with
    a warning). ``event_terms``: None (``data/agency/event_terms.yaml``), a YAML
    path, a mapping of the same shape, or a list of words (see
    :func:`load_event_terms`). Columns: :data:`AGENCY_COLUMNS`; ``agency`` is one
    of :data:`AGENCY_CLASSES`.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["d"], "text": ["Trump ordered the strike. Soleimani was killed."]})
    >>> agency(corpus)[["event_word", "agency", "agent", "rule"]].values.tolist()
    [['strike', 'nominal', 'Trump', 'light_verb'], ['killed', 'passive_agentless', None, 'passive']]
    """
    terms = load_event_terms(event_terms)
    light = frozenset(terms.light) | frozenset(v.split()[0] for v in terms.light.values())
    found_parts = english_parts(corpus, parts, what="agency")
    cands = {(p.doc_id, p.part, s.sent_id): (p, s, _candidates(s, terms))
             for p in found_parts for s in p.sentences if s.tokens}
    cands = {k: v for k, v in cands.items() if v[2]}
    trees = parse_sentences(found_parts, cands)
    rows: list[dict[str, Any]] = []
    for key, (p, s, found) in cands.items():
        tree = trees[key]
        for cand in found:
            decided = _decide(tree, s, cand, terms, light, headline=p.part != "body")
            if decided is None:
                continue
            i, j, d = decided
            a, b = s.tokens[i].start, s.tokens[j - 1].end
            rows.append({"doc_id": p.doc_id, "part": p.part, "sent_id": s.sent_id, "sentence": s.text,
                         "start": a, "end": b, "sent_start": s.start, "sent_end": s.end,
                         "event_word": p.text[a:b], "event_lemma": cand[3], "agency": d.agency,
                         "agent": tree.phrase(d.agent, _NP_CUT) if d.agent is not None else None, "rule": d.rule,
                         "modifier": tree.phrase(d.modifier) if d.modifier is not None else None})
    out = pd.DataFrame(rows, columns=list(AGENCY_COLUMNS))
    if out.empty:
        return out.astype({"start": "int64", "end": "int64", "sent_start": "int64", "sent_end": "int64",
                           "sent_id": "int64"})
    order = {d: k for k, d in enumerate(corpus["doc_id"].tolist())}
    part_order = {p: k for k, p in enumerate(ALL_PARTS)}
    out = out.assign(_d=out["doc_id"].map(order), _p=out["part"].map(part_order))
    for col in ["agent", "modifier"]:  # missing values are None, not NaN
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    out = out.sort_values(["_d", "_p", "start"], kind="stable").drop(columns=["_d", "_p"])
    return out.reset_index(drop=True)


def agency_counts(agency_table: pd.DataFrame, corpus: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """Counts and shares of the agency classes per group (shares sum to 1 per group).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "agency": ["active", "nominal", "nominal"]})
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"]})
    >>> agency_counts(t, c)[["outlet", "agency", "n", "share"]].values.tolist()[:4]
    [['A', 'active', 1, 0.5], ['A', 'passive_agent', 0, 0.0], ['A', 'passive_agentless', 0, 0.0], ['A', 'nominal', 1, 0.5]]
    """
    table = attach_group(agency_table, corpus, by, "agency table")
    groups_seen = sorted(table[by].unique())
    grid = pd.MultiIndex.from_product([groups_seen, list(AGENCY_CLASSES)], names=[by, "agency"]).to_frame(index=False)
    counts = table.groupby([by, "agency"]).size().rename("n").reset_index()
    out = grid.merge(counts, on=[by, "agency"], how="left")
    out["n"] = out["n"].fillna(0).astype("int64")
    total = out.groupby(by)["n"].transform("sum")
    out["share"] = (out["n"] / total.where(total > 0)).fillna(0.0)
    return out
