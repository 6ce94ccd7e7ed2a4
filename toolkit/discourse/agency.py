"""Agency: who does the killing, grammatically — active, passive with or without agent, nominal.

``agency(corpus)`` finds every event word (kill, assassinate, strike, attack,
martyred, death, … — the editable list ``data/agency/event_terms.yaml``) in the
title, standfirst and body of each English article and classifies the clause
it sits in:

==================== =============================================================
``active``           the doer is the grammatical subject: "US kills powerful
                     Iranian general …" (agent "US"), "Trump ordered the strike"
                     (agent "Trump", via the light verb *ordered*)
``passive_agent``    passive with a *by*-phrase: "Two vehicles were attacked with
                     missiles by US forces" (agent "US forces")
``passive_agentless`` passive without *by*: "Soleimani … was killed in an airstrike";
                     reduced/headline passives ("… killed in American bombing");
                     intransitive verbs whose subject is the victim ("died")
``nominal``          the act as a noun with no clause-level doer: "Soleimani’s
                     death", "the killing of Soleimani", "the assassination"
==================== =============================================================

Each row is one finding with its evidence: the sentence, ``start``/``end`` of
the event word (offsets into the text of ``part``: ``text`` for the body,
``title``, ``standfirst``; ``sent_start``/``sent_end`` for the sentence),
``event_word`` and ``event_lemma``, ``agent`` (the agent phrase as written, or
None), ``rule`` (the pattern that fired, below) and ``modifier`` (for nominal
rows: a possessor or premodifier such as "Soleimani’s" or "US", which may be
the victim or the doer — read it, do not count it as an agent).

Patterns (on NLTK tokens; no tagger or parser is used)
------------------------------------------------------
* auxiliaries: a past participle of an event verb with a form of *be* or *get*
  before it (adverbs, quotation marks and "X-ed and" may intervene) is passive
  (``passive``); with *have* it is active (perfect);
* a past participle without an auxiliary is passive when no object follows
  (``reduced_passive``: "Leader of IRGC’s elite Quds force … killed in American
  bombing", "those killed in the attack") and active when an object follows
  ("the strike also killed Abu Mahdi al-Muhandis"); participle-only forms
  (*slain*, *taken*) are always passive;
* *by*-phrases: the first "by NP" after a passive verb in the same clause is the
  agent (not "by Friday", not "by killing …");
* subject heuristic for active verbs (``active``): the noun phrase immediately
  before the verb, within the clause (after skipping auxiliaries, adverbs and a
  comma-delimited apposition); after a relative pronoun (``relative_clause``:
  "a network of militant groups that killed …") the noun phrase before it;
  ``infinitive_control``: "Israel had tried to assassinate him" → Israel;
  ``infinitive``: "a plot to kill him" → no agent; ``participle_clause``: ", killing
  at least seven people" → the agent of the preceding event verb, else the
  sentence subject; ``gerund``: "for killing him" → the sentence subject;
* light verbs (``light_verb``): an event noun as object of *order, carry out,
  conduct, launch, authorise* … takes the light verb's subject as agent
  ("Trump ordered the strike"); ``light_verb_passive``: "the attack was carried out
  by US helicopters", "a strike that was ordered by US President Donald Trump";
* nominal forms (``nominal``, ``nominal_by`` when a *by*-phrase follows the noun):
  event nouns not covered by a verb finding. A noun that is the means of a verbal
  finding ("killed in an airstrike", "killed by a US drone strike") or part of its
  agent ("the strike also killed …") is not reported separately;
* ambiguous forms (*killing, strike, attacks, murder* …) are nouns after a
  determiner, possessive or adjective, or before *of/on/against*; verbs before
  an object or after *to*, a modal or a pronoun subject.

Known misses: long or nested subjects are cut at the first preposition or
clause boundary; coordinated subjects and verbs ("Iran attacked and killed")
lose the subject of the second verb; pronoun agents ("it", "we") are not
resolved; an instrument can be the agent ("the strike killed …" → agent "the
strike"); a *by*-phrase of manner or time may be taken as agent; headline
grammar without auxiliaries is read as a reduced passive; *attack* and
*strike* also match other attacks in the same article (filter on
``event_word``/``sentence``); see docs/agency.md for examples.

Where the code is
-----------------
This module holds the public functions, the sentence driver that turns
candidate words into findings, and the counts. The event terms file is read
in :mod:`toolkit.discourse.event_terms`; the clause patterns above are in
:mod:`toolkit.discourse.agency_rules` (event words, verbs, nouns, light verbs)
on the grammar of :mod:`toolkit.discourse.agency_grammar` (auxiliaries,
subjects, *by*-phrases); the word classes they share with labels and quotes
are in :mod:`toolkit.discourse.vocabulary`.

Example
-------
>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": ["d"], "title": ["US kills Iranian general in Baghdad airstrike"],
...     "text": ["The drone was shot down by Iranian forces. Soleimani’s death shocked Iran."]})
>>> agency(corpus)[["part", "event_word", "agency", "agent", "rule"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['title', 'kills', 'active', 'US', 'active'],
 ['body', 'shot down', 'passive_agent', 'Iranian forces', 'passive'],
 ['body', 'death', 'nominal', None, 'nominal']]
"""
from __future__ import annotations

import os
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..text.parts import ALL_PARTS, english_parts
from .agency_grammar import _ARTICLE, _PREP, _PUNCT_STOP, _is_word
from .agency_rules import _Clause, _Finding
from .event_terms import EventTerms, default_event_terms_path, load_event_terms
from .groups import attach_group
from .vocabulary import AGENCY_DETERMINERS, POSSESSIVE_CLITICS

__all__ = ["agency", "agency_counts", "load_event_terms", "default_event_terms_path", "EventTerms",
           "AGENCY_COLUMNS", "AGENCY_CLASSES"]

AGENCY_COLUMNS = ("doc_id", "part", "sent_id", "sentence", "start", "end", "sent_start", "sent_end",
                  "event_word", "event_lemma", "agency", "agent", "rule", "modifier")
AGENCY_CLASSES = ("active", "passive_agent", "passive_agentless", "nominal")


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------

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
    [['strike', 'active', 'Trump', 'light_verb'], ['killed', 'passive_agentless', None, 'passive']]
    """
    terms = load_event_terms(event_terms)
    rows: list[dict[str, Any]] = []
    for part in english_parts(corpus, parts, what="agency"):
        text = part.text
        for s in part.sentences:
            if not s.tokens:
                continue
            cl = _Clause(s, terms)
            findings = _analyse(cl)
            toks = s.tokens
            for f in findings:
                a, b = toks[f.i].start, toks[f.j - 1].end

                def span(r: tuple[int, int] | None) -> str | None:
                    if r is None or r[0] >= r[1]:
                        return None
                    return text[toks[r[0]].start:toks[r[1] - 1].end]

                rows.append({"doc_id": part.doc_id, "part": part.part, "sent_id": s.sent_id, "sentence": s.text,
                             "start": a, "end": b, "sent_start": s.start, "sent_end": s.end,
                             "event_word": text[a:b], "event_lemma": f.lemma, "agency": f.agency,
                             "agent": span(f.agent), "rule": f.rule, "modifier": span(f.modifier)})
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


def _analyse(cl: _Clause) -> list[_Finding]:
    found: list[_Finding] = []
    nouns: list[tuple[int, int, str]] = []
    for i, j, kind, lemma in cl.candidates():
        if kind == "ambiguous":
            if cl.is_noun_use(i):
                nouns.append((i, j, cl.terms.nouns.get((cl.low(i),), lemma)))
                continue
            kind = "verb"
        if kind == "noun":
            nouns.append((i, j, lemma))
            continue
        if kind == "intransitive":
            if cl.low(i - 1) in _ARTICLE:
                continue
            f = _Finding(i, j, lemma, "passive_agentless", "intransitive")
        else:
            if cl.low(i - 1) in _ARTICLE or cl.low(i - 1) in POSSESSIVE_CLITICS:
                continue  # "a shot", "the attacked"
            particle = cl.terms.particles.get(lemma)
            end = j
            if particle:
                pe = cl.particle_end(i, particle)
                if pe is None:
                    continue  # "took" without "out" is not the event
                end = pe
                if pe == i + 2:
                    j = pe  # "took out" as one event word
            elif lemma == "shoot" and cl.low(j) in ("down", "dead"):
                j = end = j + 1
            f = cl.verb(i, j, end, lemma)
        found.append(f)
        cl._so_far.append(f)
    verbal = list(found)
    for i, j, lemma in nouns:
        f = cl.noun(i, j, lemma)
        if f.rule in ("nominal", "nominal_by") and _absorbed(cl, f, verbal):
            continue
        found.append(f)
    return sorted(found, key=lambda f: f.i)


def _absorbed(cl: _Clause, f: _Finding, verbal: list[_Finding]) -> bool:
    """Is a noun finding the means or the agent of a verbal finding ("killed in an airstrike")?"""
    for v in verbal:
        if v.agent and v.agent[0] <= f.i and f.j <= v.agent[1]:
            return True
    # look left over the noun's own modifiers to a preposition, then to the verb
    k = f.i - 1
    while k >= 0 and f.i - k <= 5 and (cl.low(k) in AGENCY_DETERMINERS or cl.low(k) in POSSESSIVE_CLITICS or
                                        (_is_word(cl.toks[k]) and cl.low(k) not in _PREP
                                         and not (cl.toks[k].text.islower() and cl.low(k) in cl.stop))):
        k -= 1
    if k < 0 or cl.low(k) not in ("in", "by", "with", "during", "through", "via", "from", "under", "amid", "using"):
        return False
    m = k - 1
    while m >= 0 and k - m <= 9:
        if cl.toks[m].text in _PUNCT_STOP:
            return False
        if any(v.i <= m < v.j for v in verbal):
            return True
        m -= 1
    return False


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
