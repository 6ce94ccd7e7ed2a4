"""Who is quoted: direct, partial and indirect quotations with their speakers and sides.

``quotes(corpus)`` returns one row per quotation:

``kind``
    ``direct`` — a quotation in quotation marks (“…”, "…", ‘…’), including
    quotes over several sentences and quotes split by the attribution
    (“A,” it said. “B.”); ``partial`` — a quoted fragment worked into the
    reporter's sentence (starting in lower case, were “martyred,”; or a few
    words that are not a sentence: vowed “severe revenge”; a whole clause in
    lower case, adding that “this is a moment …”, is direct, as the parse
    reads it); ``indirect`` —
    reported speech without quotation marks (X said (that) …, … , X said
    Friday., according to X, X told Y that …, X urged Y to …, X's statement
    that …). Its content is the complement clause of the verb of saying as the
    parse reads it (see :mod:`toolkit.discourse.quote_extent`): a verb phrase
    coordinated with the verb of saying, a final participial adjunct
    ("…, adding …"), "…, according to X" and the verb's own adverbials ("said
    on Friday that") are the reporter's. A quoted fragment inside reported
    speech gives both rows (mixed quotation: the clause as ``indirect``, the
    fragment as ``partial``), and a report inside another report, or a named
    source's report inside a quotation, is a row of its own (nested reports),
    as the annotation conventions of ``tests/data/README.md`` ask. Quoted
    fragments with no attribution in the sentence are scare quotes and are
    left out.
``speaker`` / ``speaker_phrase``
    the name of the speaker and the words of the attribution as written. The
    token rules below find the cue and a first phrase; the sentence is then
    parsed (:mod:`toolkit.discourse.quote_parse`) and the phrase becomes the
    subject (``nsubj``) of the cue verb with its whole noun phrase —
    appositions, titles and coordinated names kept, relative clauses,
    participles and bracketed asides cut ("Iran’s ambassador to Iraq, Iraj
    Masjedi"; "Steny H. Hoyer" without "(MD)"); for "according to X" it is X,
    and the source of X when X is a speech noun ("according to a statement
    from the PMF" → "the PMF"). The parse is used only where its phrase
    overlaps the token rule's one (where they disagree a misparse is likelier);
    otherwise the token rule's phrase stays. From the phrase, the name (a surname is completed from an earlier full name
    in the article: "Cohen" → "Yossi Cohen"; "it"/"he"/"she"/"they" are
    resolved to an actor of the right type — a person for he/she, an
    organisation, medium, country or group for it/they — in the nearest sentence
    that names one, looking back up to three sentences and skipping sentences
    whose subject is the same pronoun; within a sentence the first one, usually
    the subject; a definite role, "the ministry", "the minister", to the nearest
    earlier name containing the role word, "Iraq's Foreign Ministry").
``speaker_rule``
    the relation that gave the speaker phrase: ``nsubj``, ``nsubj:relcl`` (X,
    who said), ``according_to:obl``, ``according_to:nmod`` (a statement from
    X), ``according_to:nmod:poss`` (X's statement), ``according_to:obl:agent``
    (a statement issued by X), ``nsubj:pass`` (X was quoted as saying),
    ``nominal:nmod:poss`` / ``nominal:nmod`` / ``nominal:nsubj`` (X's
    statement that …, a statement from X that …, X released a statement that
    …), or ``tokens`` when the parse gave nothing usable.
``speaker_resolved_from`` / ``antecedent_start``
    ``pronoun``, ``role``, ``surname``, ``statement`` or ``acronym`` when the
    speaker is an earlier mention (None otherwise), and where that mention
    starts in the part's text. A person's role resolves to the person's full
    name ("the president" → "President Trump" → "Donald Trump"); "the
    statement said" to the source of the nearest report before it; "the IRGC"
    to "Islamic Revolutionary Guard Corps" where the text defined the acronym.
``actor`` / ``side`` / ``affiliation``
    from the editable actor table ``data/actors/actors.csv`` (regular
    expressions → canonical actor, side, type). Unnamed sources ("officials
    said", "a senior official", "the official, speaking on condition of
    anonymity, said", "sources") get ``side="anonymous"``; ``affiliation`` keeps
    the side they would otherwise have ("Iraqi officials"). A named speaker who
    is not in the table gets side ``other``; a direct quote with no attribution
    at all gets speaker None and side ``unattributed``.
``side_source``
    which rule gave the side: ``actor table``; ``organisation`` (spellings of
    the Revolutionary Guards the table lacks: "Islamic Revolution Guards
    Corps", "IRG"); ``nationality`` ("Iraqi security officials", "the Iraqi
    interior ministry"; never for a person's name); ``antecedent`` (a resolved
    pronoun's); ``none`` (``other``, ``unknown``, ``unattributed``). See
    :mod:`toolkit.discourse.quote_sides`.
``cue``
    the attribution verb or phrase ("said", "told state television", "said on
    Twitter", "according to", ":" for transcripts and "Name: …" headlines).
``rule``
    which pattern fired: ``after`` (“…,” X said / said X), ``before`` (X said:
    “…”; X wrote that … “…”), ``participle`` (…, adding “…”), ``sentence``
    (another quote in the same sentence carries the attribution),
    ``continuation`` (a quote paragraph after an attributed one),
    ``according_to``, ``trailing`` (…, X said Friday.), ``parenthetical`` (A, X said, B.;
    the row spans the sentence around the attribution), ``clause`` (X said
    (that) …), ``transcript`` (SECRETARY POMPEO: …; Mr. McCONNELL. …), ``colon``
    (Trump: 'My highest …'), ``next`` (a quotation with no attribution of its
    own, attributed by the next sentence of its paragraph: "“…” That was how
    Trump described the threat."), and from the parse, for reported speech the
    token rules missed: ``ccomp`` (the content clause of a verb of saying, "the
    Trump administration announced it was pulling out …"), ``infinitive``
    (the ``to`` infinitive of a verb of threatening, promising or asking,
    "Trump threatened to target 52 Iranian sites") and ``nominal`` (the
    content clause of a noun of saying, "Kataib Hezbollah's statement that it
    would retaliate"); ``+pronoun`` is added when the speaker was a pronoun
    that was resolved. The naming verbs of the lexicon attribute a quoted
    word in their object (described the strike as “reckless”).
``start``/``end``
    offsets of the quoted words (inside the marks) in the text of ``part``
    (``text`` for the body), so ``text[start:end] == quote``.

Non-English documents are skipped with a warning.

Known misses: attributions more than one sentence away from the quote (other
than continuations, the next sentence and "X issued this statement") are not
found; pronoun resolution is a heuristic (no gender, no number agreement
beyond he/she/it/they) and goes wrong when two people alternate, and a plural
"they" for a coordinated group is not resolved; an acronym speaker is tied to
its spelled-out name only where the text defines it in brackets; where the parser misreads the
clause (a relative clause for a content clause, a conjunct hung inside the
content) the extent follows the token rules or the misreading; reports
inside a quotation are found only for a named source whose whole report lies
inside it; a document that is its speaker's own words (a transcript turn, a
statement in quotation marks) is quoted whole, which the gold file's
conventions leave out; text set off by layout alone (pull quotes, embedded
posts) and speech verbs outside the lexicon (``data/quotes/cue_verbs.csv``,
:data:`CUE_VERBS`) are not found. Development figures are printed by
``benchmarks/discourse_accuracy.py`` (README, "Quotes on the parse").

Where the code is
-----------------
This module holds the public functions, the actor table and the counts. The
rules are in :mod:`toolkit.discourse.quote_lexicon` (the cue lexicon,
``data/quotes/cue_verbs.csv``), :mod:`toolkit.discourse.quote_words` (the word
lists of the quote rules, matching the actor table in text, reading a speaker
phrase into a name), :mod:`toolkit.discourse.quote_clauses` (subjects, cue
phrases and speaker resolution, pronouns included),
:mod:`toolkit.discourse.quote_parse` (speakers from the dependency parse),
:mod:`toolkit.discourse.quote_sides` (sides by organisation and nationality,
role speakers), :mod:`toolkit.discourse.quote_indirect` (indirect speech by
token rules), :mod:`toolkit.discourse.quote_extent` (the extent of reported
speech from the parse, mixed and nested reports, reported speech the token
rules miss), :mod:`toolkit.discourse.quote_context` (attributions from the
sentence before or after, "the statement said", acronyms) and
:mod:`toolkit.discourse.quote_rules` (quotations in quotation marks, and the
passes over one part of an article); quotation marks are found by
:mod:`toolkit.discourse.quote_marks`. The other word classes quotes share
with labels and agency are in :mod:`toolkit.discourse.vocabulary`.

Example
-------
>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": ["d"], "text": [
...     "Mossad chief Yossi Cohen spoke in October. “He knows very well,” Cohen said. "
...     "The official, speaking on condition of anonymity, said the convoy was hit."]})
>>> quotes(corpus)[["kind", "quote", "speaker", "side", "cue", "rule"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['direct', 'He knows very well,', 'Yossi Cohen', 'Israeli officials', 'said', 'after'],
 ['indirect', 'the convoy was hit', 'official', 'anonymous', 'said', 'clause']]
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from .. import resources
from ..text.parts import ALL_PARTS, english_parts
from .groups import attach_group
from .quote_parse import wanted_sentences
from .quote_rules import _PartQuotes
from .quote_words import _ORG_WORDS, UNATTRIBUTED, UNKNOWN, _Actors, _best, _matches
from .syntax import parse_sentences
from .vocabulary import CUE_VERBS

__all__ = ["quotes", "quote_counts", "load_actors", "match_actor", "default_actors_path", "QUOTE_COLUMNS",
           "CUE_VERBS", "SIDES", "UNATTRIBUTED", "UNKNOWN"]

QUOTE_COLUMNS = ("doc_id", "part", "kind", "quote", "speaker", "speaker_phrase", "actor", "side",
                 "affiliation", "cue", "rule", "start", "end", "sent_id", "sentence", "speaker_rule",
                 "speaker_resolved_from", "antecedent_start", "side_source")
#: the sides used by the bundled actor table (the table may add others)
SIDES = ("US officials", "Iranian officials", "Iraqi officials", "Israeli officials", "militia", "anonymous",
         "other")


# ---------------------------------------------------------------------------
# Actor table
# ---------------------------------------------------------------------------

def default_actors_path() -> Path:
    """``data/actors/actors.csv``."""
    return resources.data_dir() / "actors" / "actors.csv"


def load_actors(actors: str | os.PathLike | pd.DataFrame | None = None) -> pd.DataFrame:
    """The actor table: ``pattern, actor, side, type`` (``type`` optional: person,
    organisation, media, group, country, anonymous; guessed when missing).

    >>> t = load_actors()
    >>> t.loc[t.actor == "Iraj Masjedi", ["side", "type"]].values.tolist()
    [['Iranian officials', 'person']]
    """
    if actors is None:
        actors = default_actors_path()
    if isinstance(actors, pd.DataFrame):
        table = actors.copy()
        where = "actor table"
    else:
        where = str(actors)
        table = pd.read_csv(actors, dtype=str, keep_default_na=False, comment=None)
    missing = [c for c in ("pattern", "actor", "side") if c not in table.columns]
    if missing:
        raise ValueError(f"{where}: needs columns pattern, actor, side (missing {missing})")
    if "type" not in table.columns:
        table["type"] = [_guess_type(a) for a in table["actor"]]
    table["type"] = [t if t else _guess_type(a) for t, a in zip(table["type"], table["actor"])]
    for k, p in enumerate(table["pattern"]):
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"{where}: row {k + 2}: bad regular expression {p!r}: {exc}") from None
    return table.reset_index(drop=True)


def _guess_type(actor: str) -> str:
    words = {w.lower() for w in re.findall(r"[\w.]+", actor)}
    if words & _ORG_WORDS:
        return "organisation"
    return "person"


def _compile_actors(table: pd.DataFrame) -> _Actors:
    rows = []
    for p, a, s, t in zip(table["pattern"], table["actor"], table["side"], table["type"]):
        rows.append((re.compile(p), re.compile(p, re.IGNORECASE), a, s, t))
    return _Actors(tuple(rows))


def _default_actors() -> _Actors:
    # read on every call (it is small), so edits to the CSV show up without a restart
    return _compile_actors(load_actors())


def match_actor(name: str, actors: str | os.PathLike | pd.DataFrame | None = None) -> tuple[str, str, str] | None:
    """``(actor, side, type)`` for a speaker name or phrase, or None.

    >>> match_actor("Iran’s ambassador to Iraq, Iraj Masjedi")
    ('Iraj Masjedi', 'Iranian officials', 'person')
    """
    table = _default_actors() if actors is None else _compile_actors(load_actors(actors))
    best = _best(_matches(table, name))
    return None if best is None else best[2:]


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------

def quotes(corpus: pd.DataFrame, *, actors: str | os.PathLike | pd.DataFrame | None = None,
           parts: Sequence[str] = ALL_PARTS) -> pd.DataFrame:
    """Quotations with speaker, side and attribution cue, one row per quotation.

    ``corpus`` needs ``doc_id`` and ``text`` (``title``, ``standfirst`` and
    ``language`` are used when present). ``actors`` is a CSV path or a
    DataFrame with columns ``pattern, actor, side[, type]`` (default
    ``data/actors/actors.csv``). Columns: :data:`QUOTE_COLUMNS`; see the module
    docstring for their meaning.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["d"], "text": [
    ...     "On Tuesday, Trump threatened Iran. “They will pay,” he said on Twitter."]})
    >>> quotes(corpus)[["quote", "speaker", "side", "cue", "rule"]].values.tolist()
    [['They will pay,', 'Trump', 'US officials', 'said on Twitter', 'after+pronoun']]
    """
    table = _default_actors() if actors is None else _compile_actors(load_actors(actors))
    rows: list[dict[str, Any]] = []
    found_parts = english_parts(corpus, parts, what="quotes")
    trees = parse_sentences(found_parts, [key for part in found_parts for key in wanted_sentences(part)])
    for part in found_parts:
        finder = _PartQuotes(part, table)
        finder.use_trees(trees)
        for r in finder.run():
            quote_text = part.text[r.start:r.end]
            rows.append({"doc_id": part.doc_id, "part": part.part, "kind": r.kind, "quote": quote_text,
                         "speaker": r.speaker, "speaker_phrase": r.phrase, "actor": r.actor, "side": r.side,
                         "affiliation": r.affiliation, "cue": r.cue, "rule": r.rule, "start": r.start,
                         "end": r.end, "sent_id": r.sent_id, "sentence": r.sentence,
                         "speaker_rule": r.speaker_rule if r.phrase else None,
                         "speaker_resolved_from": r.resolved_from, "antecedent_start": r.antecedent_start,
                         "side_source": r.side_source})
    out = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    if out.empty:
        return out.astype({"start": "int64", "end": "int64", "sent_id": "int64"})
    order = {d: k for k, d in enumerate(corpus["doc_id"].tolist())}
    part_order = {p: k for k, p in enumerate(ALL_PARTS)}
    out = out.assign(_d=out["doc_id"].map(order), _p=out["part"].map(part_order))
    out["antecedent_start"] = out["antecedent_start"].astype("Int64")
    for col in ["speaker", "speaker_phrase", "actor", "affiliation", "cue", "speaker_resolved_from"]:  # missing values are None, not NaN
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    out = out.sort_values(["_d", "_p", "start"], kind="stable").drop(columns=["_d", "_p"])
    return out.reset_index(drop=True)


def quote_counts(quotes_table: pd.DataFrame, corpus: pd.DataFrame, by: str = "outlet", *,
                 column: str = "side", kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """How many quotations each group gives to each side (or actor): ``n`` and ``share``.

    ``by`` is a column of the table or of ``corpus`` (``"group"`` falls back
    to ``data/corpus-groups.csv``); ``column`` is what to count (``side``,
    ``actor``, ``speaker``); ``kinds`` restricts the quotation kinds. Shares
    sum to 1 per group.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "kind": "direct", "side": ["x", "y", "x"]})
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"]})
    >>> quote_counts(t, c)[["outlet", "side", "n", "share"]].values.tolist()
    [['A', 'x', 1, 0.5], ['A', 'y', 1, 0.5], ['B', 'x', 1, 1.0]]
    """
    for col in ("doc_id", column):
        if col not in quotes_table.columns:
            raise KeyError(f"quote_counts() needs column {col!r} in the quotes table")
    table = quotes_table
    if kinds is not None:
        table = table[table["kind"].isin(list(kinds))]
    table = attach_group(table, corpus, by, "quotes table")
    table = table.assign(**{column: table[column].fillna("(none)")})
    counts = table.groupby([by, column]).size().rename("n").reset_index()
    counts["share"] = counts["n"] / counts.groupby(by)["n"].transform("sum")
    return counts.sort_values([by, column], kind="stable").reset_index(drop=True)
