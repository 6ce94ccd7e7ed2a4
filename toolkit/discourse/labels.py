"""Word choice: how a text names the target and the act (labelling).

``labels(corpus, target, aliases)`` returns one row per finding:

* **descriptors** (``kind="descriptor"``) — nouns and noun phrases attached to a
  mention of the target (the person killed) or an alias:

  ======================  =====================================================
  rule                    example (match in brackets)
  ======================  =====================================================
  ``alias``               a label word inside the alias itself ("General Soleimani")
  ``premodifier``         [powerful Iranian general] Qassem Soleimani; [Gen.] Soleimani
  ``apposition``          Soleimani, [the powerful head of Iran’s Quds Force], was …
  ``apposition_before``   [Iran’s top general], Qassem Soleimani, was …
  ``copular``             Soleimani was [a terrorist]; … has been seen as [the architect of …]
  ``copular_pronoun``     "He was [a terrorist]." when the target is named in the
                          previous two sentences (a rough coreference guess)
  ``object_predicative``  who see him as [a selfless hero]; called Soleimani [a thug]
  ``near``                another label word within ``window`` tokens of a mention
                          in the same sentence (singular nouns only; not when the
                          word is a title of another name, "Supreme Leader Khamenei",
                          or a modifier, "terrorist organisation")
  ======================  =====================================================

  The sentences that mention the target are parsed first
  (:mod:`toolkit.discourse.label_parse`): ``premodifier`` is then read from
  the ``amod``/``compound``/``nmod:desc`` words before the name, whole
  ("[Iranian terror mastermind] Qassem Soleimani"); ``apposition`` and
  ``apposition_before`` from ``appos`` with the whole noun phrase and its
  ``nmod`` ("the powerful head of Iran’s Quds Force"); ``copular`` from a
  nominal predicate with ``cop`` whose subject is the name, each conjoined
  predicate apart and *not*/*never* as ``negated``. The ``relation`` column
  says which relation decided (``amod``, ``compound``, ``nmod:desc``,
  ``appos``, ``cop``, joined with ``+`` when several); ``tokens`` when the
  token rule above decided — for a rule the parse finds no listed word for,
  and always for ``alias``, ``near``, ``object_predicative`` and
  ``copular_pronoun``.

* **event words** (``kind="event"``, rule ``lexicon``) — verbs and nouns for the
  act wherever they occur (killed, assassination, martyred, took out, removed …
  from the battlefield, death, airstrike …). ``target_in_sentence`` tells whether
  the sentence also names the target; articles mention other killings too
  (e.g. "the US’s assassination of … al Baghdadi"), so filter on it when needed.

Both kinds are looked up in the user-editable families file
``data/labels/label_families.yaml`` (see its README): the ``label`` column is
the normalised form of the word (``assassinate``, ``terrorist``, ``take out``),
``family`` what the word does (``delegitimising``/``honouring``/``role`` for
descriptors; ``criminalising``/``legitimising``/``honouring``/``descriptive`` for
events). A descriptor phrase without any listed word (``Soleimani, the man
who …``) is reported with family ``unlisted`` so you can see what to add. A
phrase with two listed words ("top terrorist commander") gives one row per word.

Offsets: ``start``/``end`` index the text of the column named by ``part``
(``text`` for ``"body"``, ``title``, ``standfirst``), so
``corpus_row[column][start:end] == match``. ``in_quote`` is True when the match
sits inside quotation marks (the words of a quoted source, not the outlet's).
Documents whose ``language`` is not English are skipped with a warning.

Known misses: pronouns are not resolved except by ``copular_pronoun``; where
the parser attaches an apposition or modifier to the wrong word the token rule
decides, and its spans may be cut in long or nested appositions; an inverted
copular ("The orchestrator … was Qasem Soleimani") is read as an apposition;
``near`` can pick up a label meant for another person in the same sentence;
plural labels are only found when attached by a rule, not by ``near``.

Where the code is
-----------------
This module holds the public function, its driver and the counts. The
families file is read in :mod:`toolkit.discourse.label_families`; the rules
(word classes, target mentions, premodifiers, appositions, predicates) are in
:mod:`toolkit.discourse.label_rules`, quotation marks (``in_quote``) in
:mod:`toolkit.discourse.quote_marks`; the word classes shared with quotes and
agency (speech verbs, determiners, titles …) in :mod:`toolkit.discourse.vocabulary`.

Example
-------
>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": ["d"], "title": ["US kills Iranian general Qassem Soleimani"],
...     "text": ["Soleimani, the powerful head of Iran’s Quds Force, was assassinated. "
...              "He was a terrorist."]})
>>> out = labels(corpus, "Soleimani", ["Qassem Soleimani"])
>>> out[["part", "kind", "label", "family", "match", "rule"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['title', 'event', 'kill', 'descriptive', 'kills', 'lexicon'],
 ['title', 'descriptor', 'general', 'role', 'Iranian general', 'premodifier'],
 ['body', 'descriptor', 'head', 'role', 'the powerful head of Iran’s Quds Force', 'apposition'],
 ['body', 'event', 'assassinate', 'criminalising', 'assassinated', 'lexicon'],
 ['body', 'descriptor', 'terrorist', 'delegitimising', 'a terrorist', 'copular_pronoun']]
>>> label_counts(out, corpus.assign(outlet="X"))[["outlet", "kind", "family", "n", "share"]].values.tolist()[:3]
[['X', 'descriptor', 'delegitimising', 1, 0.3333333333333333], ['X', 'descriptor', 'role', 2, 0.6666666666666666], ['X', 'event', 'criminalising', 1, 0.5]]
"""
from __future__ import annotations

import os
from typing import Any, Mapping, Sequence

import pandas as pd

from ..text.parts import ALL_PARTS, Sentence, Token, english_parts
from .groups import attach_group
from .label_families import LabelLexicon, _key, default_families_path, load_families
from .label_parse import descriptors
from .label_rules import (_OBJ_PRED, _adjective, _Finder, _head_guess, _Hit, _hits, _is_cap, _is_word, _mention_pattern,
                          _mentions, _stopwords)
from .quote_marks import inside, quote_spans
from .syntax import parse_sentences
from .vocabulary import ARTICLES, LABEL_CUES, LABEL_DETERMINERS, POSSESSIVE_CLITICS

__all__ = ["labels", "label_counts", "load_families", "default_families_path", "LABEL_COLUMNS",
           "LabelLexicon"]

LABEL_COLUMNS = ("doc_id", "part", "kind", "label", "family", "match", "rule", "start", "end",
                 "sent_id", "sentence", "mention", "negated", "in_quote", "target_in_sentence", "relation")
UNLISTED = "unlisted"


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------

def labels(corpus: pd.DataFrame, target: str, aliases: Sequence[str] | str | None = (), *,
           families: str | os.PathLike | Mapping[str, Any] | None = None,
           parts: Sequence[str] = ALL_PARTS, window: int = 15) -> pd.DataFrame:
    """Descriptors of ``target`` and words for the event, one row per finding.

    ``corpus`` needs ``doc_id`` and ``text`` (``title``, ``standfirst`` and
    ``language`` are used when present). ``target`` and ``aliases`` are names
    of the person (matched case-insensitively, possessives included; list the
    name forms, e.g. ``["Qassem Soleimani", "Qasem Soleimani"]``). ``families``
    is a YAML path or mapping (default ``data/labels/label_families.yaml``).
    ``window`` is the token distance for the ``near`` rule. Columns:
    :data:`LABEL_COLUMNS`; see the module docstring for the rules.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["d"], "text": ["Soleimani was a terrorist, officials said."]})
    >>> labels(corpus, "Soleimani")[["kind", "label", "family", "match", "start", "end"]].values.tolist()
    [['descriptor', 'terrorist', 'delegitimising', 'a terrorist', 14, 25]]
    """
    if window < 0:
        raise ValueError("window must be >= 0")
    lex = load_families(families)
    desc, event = lex["descriptor"], lex["event"]
    mention_re = _mention_pattern(target, aliases)
    event_words = event.single_words
    rows: list[dict[str, Any]] = []
    found_parts = english_parts(corpus, parts, what="labels")
    mentions_of = [[_mentions(s, p.text, mention_re, desc) for s in p.sentences] for p in found_parts]
    trees = parse_sentences(found_parts, [(p.doc_id, p.part, s.sent_id) for p, found in zip(found_parts, mentions_of)
                                          for s, m in zip(p.sentences, found) if m])  # one parse for all parts
    for part, all_mentions in zip(found_parts, mentions_of):
        text = part.text
        qspans = quote_spans(text)
        recent_mention: list[int] = []  # sentence positions with a mention
        for pos, s in enumerate(part.sentences):
            toks = s.tokens
            mentions = all_mentions[pos]
            hits = _hits(s, text, desc)
            finder = _Finder(s, hits, event_words)
            used: set[int] = set()
            mention_tokens = {k for a, b in mentions for k in range(a, b)}
            found: list[tuple[int, int, str, str, str, str, int, int, bool, str]] = []

            def emit(i: int, j: int, rule: str, mention: tuple[int, int], negated: bool = False,
                     unlisted_ok: bool = True, relation: str = "tokens") -> None:
                inner = [h for h in finder.hits_in(i, j) if id(h) not in used]
                mtext = text[toks[mention[0]].start:toks[mention[1] - 1].end]
                if inner:
                    for h in inner:
                        used.add(id(h))
                        found.append((toks[i].start, toks[j - 1].end, h.label, h.family, rule, mtext,
                                      h.start, h.end, negated, relation))
                elif unlisted_ok and toks[i].low in ARTICLES and j - i >= 2 \
                        and rule not in ("premodifier", "copular_pronoun"):
                    found.append((toks[i].start, toks[j - 1].end, _head_guess(toks, i, j), UNLISTED, rule,
                                  mtext, toks[i].start, toks[j - 1].end, negated, relation))

            for ms, me in mentions:
                for h in finder.hits_in(ms, me):
                    if id(h) not in used:
                        used.add(id(h))
                        found.append((h.start, h.end, h.label, h.family, "alias",
                                      text[toks[ms].start:toks[me - 1].end], h.start, h.end, False, "tokens"))
                # the parse first; a rule it gives nothing for falls back to the token rule
                tree = trees.get((part.doc_id, part.part, s.sent_id))
                parsed = _token_spans(toks, descriptors(tree, toks[ms].start, toks[me - 1].end)) if tree else {}
                for rule, (i, j, rel, negated) in parsed:
                    emit(i, j, rule, (ms, me), negated, relation=rel)
                done = {rule for rule, (i, j, _, _) in parsed if finder.hits_in(i, j)}
                pre = finder.premodifier(ms)
                if pre and "premodifier" not in done:
                    emit(pre[0], pre[1], "premodifier", (ms, me))
                before = finder.apposition_before(pre[0] if pre else ms, me)
                if before and "apposition_before" not in done:
                    emit(before[0], before[1], "apposition_before", (ms, me))
                after = finder.apposition_after(me)
                nxt = me
                if after:
                    closed = after[1] >= len(toks) or not _is_word(toks[after[1]])
                    if "apposition" not in done:
                        emit(after[0], after[1], "apposition", (ms, me), unlisted_ok=closed)
                    nxt = after[2]
                pred = finder.predicate(nxt)
                if pred and "copular" not in done:
                    emit(pred[0], pred[1], "copular", (ms, me), pred[2])
                if ms > 0 and "object_predicative" not in done:
                    obj = finder.object_predicate(ms - 1, me)
                    if obj:
                        emit(obj[0], obj[1], "object_predicative", (ms, me))
            if mentions:
                for v, t in enumerate(toks[:-1]):
                    if t.low in _OBJ_PRED and toks[v + 1].low in ("him", "her"):
                        obj = finder.object_predicate(v, v + 2)
                        if obj:
                            emit(obj[0], obj[1], "object_predicative", (v + 1, v + 2))
                for h in hits:
                    if id(h) in used or any(k in mention_tokens for k in range(h.i, h.j)):
                        continue
                    dist = min(min(abs(h.i - b + 1), abs(a - h.j + 1)) for a, b in mentions)
                    if dist > window or not _near_ok(toks, h, desc, mention_tokens):
                        continue
                    used.add(id(h))
                    m0 = min(mentions, key=lambda ab: min(abs(h.i - ab[1] + 1), abs(ab[0] - h.j + 1)))
                    found.append((h.start, h.end, h.label, h.family, "near",
                                  text[toks[m0[0]].start:toks[m0[1] - 1].end], h.start, h.end, False, "tokens"))
                recent_mention.append(pos)
            elif toks and toks[0].low in ("he", "she") and recent_mention and pos - recent_mention[-1] <= 2:
                pred = finder.predicate(1)
                if pred:
                    emit(pred[0], pred[1], "copular_pronoun", (0, 1), pred[2])
            for a, b, label, family, rule, mtext, ha, hb, negated, rel in found:
                rows.append(_row(part, s, "descriptor", label, family, text[a:b], rule, a, b, mtext,
                                 negated, inside(qspans, ha, hb), bool(mentions), rel))
            for a, b, label, family in event.find(text, s.start, s.end):
                rows.append(_row(part, s, "event", label, family, text[a:b], "lexicon", a, b, None,
                                 False, inside(qspans, a, b), bool(mentions), None))
    return _frame(rows, corpus)


def _near_ok(toks: list[Token], h: _Hit, desc: LabelLexicon, mention_tokens: set[int]) -> bool:
    surface = _key(" ".join(t.text for t in toks[h.i:h.j]))
    if surface in desc.plurals:
        return False
    stop = _stopwords()
    if h.j < len(toks):
        nxt = toks[h.j]
        if h.j not in mention_tokens:
            if _is_cap(nxt) and _is_word(nxt):
                return False  # a title of another name: "Supreme Leader Khamenei"
            if _is_word(nxt) and nxt.low not in stop and nxt.low not in LABEL_CUES and nxt.low not in ("'s",):
                return False  # a modifier: "terrorist organisation", "general election"
    if h.i > 0 and toks[h.i - 1].low == "in" and surface == "general":
        return False
    # an apposition to another name: "al-Muhandis, the deputy commander"
    k = h.i - 1
    while k >= 0 and h.i - k <= 5 and (toks[k].low in LABEL_DETERMINERS or _adjective(toks[k].low)
                                        or toks[k].low in POSSESSIVE_CLITICS or (_is_cap(toks[k]) and k - 1 >= 0
                                                                          and toks[k - 1].text != ",")):
        k -= 1
    if k >= 1 and toks[k].text == "," and _is_cap(toks[k - 1]) and (k - 1) not in mention_tokens:
        return False
    return True


def _token_spans(toks: list[Token], spans: list[tuple[str, str, int, int, bool]]) -> list[tuple[str, tuple]]:
    """The parse's descriptor spans as token ranges of the sentence: ``(rule, (i, j, relation, negated))``."""
    out = []
    for rule, rel, a, b, negated in spans:
        ids = [k for k, t in enumerate(toks) if t.start >= a and t.end <= b]
        if ids:
            out.append((rule, (ids[0], ids[-1] + 1, rel, negated)))
    return out


def _row(part, s: Sentence, kind: str, label: str, family: str, match: str, rule: str, a: int, b: int,
         mention: str | None, negated: bool, in_quote: bool, target: bool, relation: str | None) -> dict[str, Any]:
    return {"doc_id": part.doc_id, "part": part.part, "kind": kind, "label": label, "family": family,
            "match": match, "rule": rule, "start": a, "end": b, "sent_id": s.sent_id, "sentence": s.text,
            "mention": mention, "negated": negated, "in_quote": in_quote, "target_in_sentence": target,
            "relation": relation}


def _frame(rows: list[dict[str, Any]], corpus: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=list(LABEL_COLUMNS))
    if out.empty:
        return out.astype({"start": "int64", "end": "int64", "sent_id": "int64", "negated": bool,
                           "in_quote": bool, "target_in_sentence": bool})
    order = {d: k for k, d in enumerate(corpus["doc_id"].tolist())}
    part_order = {p: k for k, p in enumerate(ALL_PARTS)}
    out = out.assign(_d=out["doc_id"].map(order), _p=out["part"].map(part_order))
    for col in ["mention", "relation"]:  # missing values are None, not NaN
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    out = out.sort_values(["_d", "_p", "start", "end"], kind="stable").drop(columns=["_d", "_p"])
    return out.reset_index(drop=True)


def label_counts(labels_table: pd.DataFrame, corpus: pd.DataFrame, by: str = "outlet", *,
                 level: str = "family") -> pd.DataFrame:
    """Counts and shares of labels per group × kind × family (``level="label"``: × label too).

    ``by`` is a column of ``labels_table`` or of ``corpus`` (joined on
    ``doc_id``); ``by="group"`` falls back to ``data/corpus-groups.csv`` when
    the corpus has no ``group`` column. ``share`` is ``n`` divided by the
    group's total for that kind, so shares sum to 1 per group and kind. At
    ``level="family"`` every family seen in the table is listed for every
    group (``n=0`` where absent), ready for side-by-side charts.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "kind": "event", "family": ["x", "y", "x"],
    ...                   "label": ["kill", "murder", "kill"]})
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"]})
    >>> label_counts(t, c)[["outlet", "family", "n", "share"]].values.tolist()
    [['A', 'x', 1, 0.5], ['A', 'y', 1, 0.5], ['B', 'x', 1, 1.0], ['B', 'y', 0, 0.0]]
    """
    if level not in ("family", "label"):
        raise ValueError("level must be 'family' or 'label'")
    needed = ["doc_id", "kind", "family"] + (["label"] if level == "label" else [])
    missing = [c for c in needed if c not in labels_table.columns]
    if missing:
        raise KeyError(f"label_counts() needs column(s) {missing} in the labels table")
    table = attach_group(labels_table, corpus, by, "labels table")
    keys = [by, "kind", "family"] + (["label"] if level == "label" else [])
    counts = table.groupby(keys, dropna=False).size().rename("n").reset_index()
    if level == "family" and not counts.empty:
        frames = []
        for kind, sub in counts.groupby("kind"):
            grid = pd.MultiIndex.from_product([sorted(sub[by].unique()), [kind], sorted(sub["family"].unique())],
                                              names=keys).to_frame(index=False)
            frames.append(grid.merge(sub, on=keys, how="left"))
        counts = pd.concat(frames, ignore_index=True)
        counts["n"] = counts["n"].fillna(0).astype("int64")
    totals = counts.groupby([by, "kind"])["n"].transform("sum")
    counts["share"] = (counts["n"] / totals.where(totals > 0)).fillna(0.0).astype(float)
    return counts.sort_values(keys, kind="stable").reset_index(drop=True)
