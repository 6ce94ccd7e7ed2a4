"""Dictionaries of words and phrases, and where their entries occur in a tokens table.

This is the ``dictionary()`` / ``tokens_lookup()`` idea of quanteda, in pandas:
a *dictionary* maps categories (``conflict``, ``economic`` …) to *patterns*,
and :func:`lookup` finds every place a pattern matches in the output of
:func:`toolkit.text.tokens`. :func:`count` turns the hits into counts per
document (or any other group) per 1,000 tokens.

Patterns
--------
* case-insensitive; the typographic apostrophe ``’`` counts as ``'``;
* glob wildcards: ``*`` is any run of characters (also none), ``?`` exactly one
  character: ``terror*`` matches *terror, terrorist, terrorism*; a pattern
  must contain at least one literal character;
* a pattern is split into tokens the way :mod:`toolkit.text.tokenize` splits text
  (``don't`` → ``do`` + ``n't``, ``Iran's`` → ``iran`` + ``'s``), so write
  patterns as you would write the text;
* several words (``human rights``, ``cost* of living``) match consecutive
  tokens of one sentence with no punctuation between them (``human, rights``
  does not match). A multi-word pattern also matches its hyphenated one-token
  spelling (``cost* of living`` matches ``cost-of-living``, ``human rights``
  matches ``human-rights``). A lone ``*`` word stands for any one word
  (``hold * accountable``);
* patterns are matched against ``tokens.lower``; punctuation tokens never match.

When patterns of one category overlap, the longest match wins (most tokens;
then the pattern with more words, then more literal characters, then the
earlier pattern in the file); the losing hits are dropped. Categories are
independent: one token can count for several categories.

Negation
--------
``lookup(..., negation_window=3)`` marks a hit ``negated`` when one of
:data:`NEGATIONS` occurs among the 3 words (non-punctuation tokens) before the
hit's first token in the same sentence: *this is not a threat* → ``threat``
negated. ``n't`` is a token of its own (*isn't* → *is* + *n't*), so it counts.

Where the code is
-----------------
This module holds :func:`lookup`; :func:`~toolkit.framing.counts.count` is in
:mod:`toolkit.framing.counts`. :class:`~toolkit.framing.Dictionary` and
:class:`~toolkit.framing.DictionaryError` are in
:mod:`toolkit.framing.dictionary`, :func:`~toolkit.framing.load_dictionary`
(the YAML and ``.dic`` formats) in :mod:`toolkit.framing.dictionary_files`,
how a pattern is split into token units and compiled in
:mod:`toolkit.framing.patterns`; :mod:`toolkit.framing` exports them all.

Example
-------
>>> import pandas as pd
>>> from toolkit.text import tokens
>>> from toolkit.framing import Dictionary, lookup, count
>>> corpus = pd.DataFrame({"doc_id": ["a"],
...     "text": ["Critics said the terrorist attack was not a threat to human rights."]})
>>> toks = tokens(corpus)
>>> d = Dictionary.from_dict({"security": ["terror*", "threat*"], "rights": ["human rights"]})
>>> hits = lookup(toks, d, negation_window=3)
>>> hits[["category", "pattern", "match", "negated"]].values.tolist()
[['security', 'terror*', 'terrorist', False], ['security', 'threat*', 'threat', True], ['rights', 'human rights', 'human rights', False]]
>>> count(toks, hits).round(1)[["category", "n_hits", "n_tokens", "per_1000"]].values.tolist()
[['security', 2, 12, 166.7], ['rights', 1, 12, 83.3]]
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .dictionary import Dictionary
from .dictionary_files import load_dictionary
from .patterns import _APOSTROPHES, _is_punct, _normalise_pattern

__all__ = ["lookup", "NEGATIONS", "HIT_COLUMNS"]

#: The default negation words of :func:`lookup` (matched like patterns, on ``tokens.lower``).
NEGATIONS: tuple[str, ...] = ("not", "no", "never", "n't", "without", "nor", "neither", "cannot")

#: Columns of :func:`lookup`'s result, in order.
HIT_COLUMNS = ("doc_id", "sent_id", "category", "pattern", "match", "start", "end", "token_id", "negated")


def _require(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} needs column(s) {missing}; got {list(frame.columns)}. "
                         f"Make the table with toolkit.tokenize.tokens().")


def _as_dictionary(dictionary: Any) -> Dictionary:
    if isinstance(dictionary, Dictionary):
        return dictionary
    if isinstance(dictionary, Mapping):
        return Dictionary.from_dict(dictionary)
    if isinstance(dictionary, (str, os.PathLike)):
        return load_dictionary(dictionary)
    raise TypeError(f"expected a Dictionary, a mapping or a path, got {type(dictionary).__name__}")


def _empty_hits(toks: pd.DataFrame, categories: list[str]) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": toks["doc_id"].iloc[:0].reset_index(drop=True),
        "sent_id": np.zeros(0, np.int64),
        "category": pd.Categorical([], categories=categories),
        "pattern": pd.Series([], dtype=object),
        "match": pd.Series([], dtype=object),
        "start": np.zeros(0, np.int64),
        "end": np.zeros(0, np.int64),
        "token_id": np.zeros(0, np.int64),
        "negated": np.zeros(0, bool),
    })


def _texts_lookup(text: Any):
    """A function (doc_ids, starts, ends) → surface strings, from a corpus, sentences or mapping."""
    if isinstance(text, pd.DataFrame):
        _require(text, ["doc_id", "text"], "lookup(text=...)")
        if {"sent_id", "start"}.issubset(text.columns):
            spans = text[["doc_id", "start", "text"]].reset_index(drop=True)

            def slicer(doc_ids, starts, ends):
                out = []
                by_doc: dict[Any, tuple[np.ndarray, list]] = {}
                for d, g in spans.groupby("doc_id", sort=False):
                    order = np.argsort(g["start"].to_numpy(), kind="stable")
                    by_doc[d] = (g["start"].to_numpy()[order], [g["text"].tolist()[k] for k in order])
                for d, s, e in zip(doc_ids, starts, ends):
                    sstarts, stexts = by_doc[d]
                    k = int(np.searchsorted(sstarts, s, side="right")) - 1
                    out.append(stexts[k][s - sstarts[k]:e - sstarts[k]])
                return out

            return slicer
        mapping = dict(zip(text["doc_id"], text["text"]))
    elif isinstance(text, pd.Series):
        mapping = text.to_dict()
    elif isinstance(text, Mapping):
        mapping = text
    else:
        raise TypeError("text= must be a corpus or sentences DataFrame, a Series or a mapping doc_id -> text")

    def from_docs(doc_ids, starts, ends):
        return [mapping[d][s:e] for d, s, e in zip(doc_ids, starts, ends)]

    return from_docs


def lookup(tokens: pd.DataFrame, dictionary: Any, *, negation_window: int | None = None,
           negations: Iterable[str] = NEGATIONS, text: Any = None) -> pd.DataFrame:
    """Every place a dictionary pattern matches, one row per hit.

    ``tokens`` is the output of :func:`toolkit.text.tokens` (at least
    ``doc_id, sent_id, token_id, start, end, lower``; ``token`` and
    ``is_punct`` are used when present). ``dictionary`` is a
    :class:`Dictionary`, a plain mapping or a path to a dictionary file.

    Returns ``doc_id, sent_id, category, pattern, match, start, end, token_id,
    negated``: ``category`` is a pandas Categorical whose categories are all
    the dictionary's categories (so :func:`count` can fill in zeros),
    ``start``/``end`` are document offsets from the hit's first to its last
    token, ``token_id`` is the first token's id, and ``match`` is the text
    between them. Give ``text=`` (the corpus, the sentences table or a mapping
    ``doc_id → text``) to take ``match`` from the text itself
    (``text[start:end] == match`` exactly); without it, ``match`` is rebuilt from
    the tokens with a space for each character between two tokens, which is
    the same except where a line break falls inside a multi-word hit.

    ``negated`` is True when one of ``negations`` occurs among the
    ``negation_window`` words before the hit in the same sentence (punctuation
    is not counted as a word); always False when ``negation_window`` is None.
    Rows come in document order, then by position, then by category order.
    """
    dictionary = _as_dictionary(dictionary)
    _require(tokens, ["doc_id", "sent_id", "token_id", "start", "end", "lower"], "lookup()")
    if negation_window is not None and (int(negation_window) != negation_window or negation_window < 0):
        raise ValueError(f"negation_window must be a whole number >= 0 or None, got {negation_window!r}")
    matcher = dictionary._matcher()
    categories = matcher.categories
    toks = tokens.reset_index(drop=True)
    if len(toks) == 0:
        return _empty_hits(toks, categories)

    # --- rows in document order, then token order ------------------------------------
    doc_codes, _ = pd.factorize(toks["doc_id"], sort=False)
    token_id = toks["token_id"].to_numpy(dtype=np.int64)
    if not (np.all(np.diff(doc_codes) >= 0) and
            np.all((np.diff(token_id) > 0) | (np.diff(doc_codes) != 0))):
        order = np.lexsort((token_id, doc_codes))
        toks = toks.iloc[order].reset_index(drop=True)
        doc_codes, token_id = doc_codes[order], token_id[order]

    lower = toks["lower"].astype(object).to_numpy()
    if "is_punct" in toks.columns:
        is_punct = toks["is_punct"].to_numpy(dtype=bool)
    else:
        is_punct = np.fromiter((_is_punct(str(t)) for t in lower), bool, len(lower))
    words = np.flatnonzero(~is_punct)  # row index of each word
    if len(words) == 0:
        return _empty_hits(toks, categories)
    w_lower = pd.Series(lower[words], dtype=object).fillna("").astype(str)
    w_lower = w_lower.str.translate(_APOSTROPHES).to_numpy(dtype=object)
    w_doc = doc_codes[words]
    w_sent = toks["sent_id"].to_numpy(dtype=np.int64)[words]
    w_tid = token_id[words]
    n = len(words)
    link = (w_doc[1:] == w_doc[:-1]) & (w_sent[1:] == w_sent[:-1]) & (w_tid[1:] == w_tid[:-1] + 1)

    # the same sorted vocabulary and inverse as np.unique, without sorting millions of Python strings
    inv, vocab = pd.factorize(w_lower, sort=True)
    vocab = np.asarray(vocab, dtype=object)
    inv = np.asarray(inv, dtype=np.int64).reshape(-1)
    unit_mask: dict[int, np.ndarray] = {}

    def mask(u: int) -> np.ndarray:
        """Boolean over the vocabulary: which distinct words unit u matches."""
        if u not in unit_mask:
            unit = matcher.units[u]
            m = np.zeros(len(vocab), bool)
            if not unit.glob:
                k = int(np.searchsorted(vocab, unit.text))
                if k < len(vocab) and vocab[k] == unit.text:
                    m[k] = True
            else:
                lo = int(np.searchsorted(vocab, unit.prefix, side="left"))
                hi = (int(np.searchsorted(vocab, unit.prefix + "\U0010ffff", side="left"))
                      if unit.prefix else len(vocab))
                full = unit.regex.fullmatch
                for k in range(lo, hi):
                    if full(vocab[k]):
                        m[k] = True
            unit_mask[u] = m
        return unit_mask[u]

    # --- candidate hits: (word position, length in words, entry) ------------------------
    cand_pos: list[np.ndarray] = []
    cand_len: list[np.ndarray] = []
    cand_ent: list[np.ndarray] = []
    first_pos: dict[int, np.ndarray] = {}
    single_vid: list[np.ndarray] = []
    single_ent: list[np.ndarray] = []
    for e, entry in enumerate(matcher.entries):
        if len(entry.units) == 1:
            vids = np.flatnonzero(mask(entry.units[0]))
            if len(vids):
                single_vid.append(vids)
                single_ent.append(np.full(len(vids), e, np.int64))
            continue
        u0 = entry.units[0]
        if u0 not in first_pos:
            first_pos[u0] = np.flatnonzero(mask(u0)[inv])
        pos = first_pos[u0]
        k = len(entry.units)
        for j in range(1, k):
            if not len(pos):
                break
            pos = pos[pos + j < n]
            pos = pos[link[pos + j - 1] & mask(entry.units[j])[inv[pos + j]]]
        if len(pos):
            cand_pos.append(pos)
            cand_len.append(np.full(len(pos), k, np.int64))
            cand_ent.append(np.full(len(pos), e, np.int64))
    if single_vid:
        pairs = pd.DataFrame({"vid": np.concatenate(single_vid), "ent": np.concatenate(single_ent)})
        hit_words = pd.DataFrame({"pos": np.arange(n, dtype=np.int64), "vid": inv})
        hit_words = hit_words[np.isin(inv, pairs["vid"].to_numpy())]
        joined = hit_words.merge(pairs, on="vid", how="inner")
        cand_pos.append(joined["pos"].to_numpy(np.int64))
        cand_len.append(np.ones(len(joined), np.int64))
        cand_ent.append(joined["ent"].to_numpy(np.int64))
    if not cand_pos:
        return _empty_hits(toks, categories)
    pos = np.concatenate(cand_pos)
    length = np.concatenate(cand_len)
    ent = np.concatenate(cand_ent)
    ent_cat = np.array([x.category for x in matcher.entries], np.int64)
    ent_words = np.array([x.n_words for x in matcher.entries], np.int64)
    ent_lit = np.array([x.n_literal for x in matcher.entries], np.int64)
    ent_order = np.array([x.order for x in matcher.entries], np.int64)
    cat = ent_cat[ent]

    # --- longest match wins within a category -------------------------------------------
    rank = np.lexsort((ent_order[ent], -ent_lit[ent], -ent_words[ent], pos, -length, cat))
    pos, length, ent, cat = pos[rank], length[rank], ent[rank], cat[rank]
    keep = np.ones(len(pos), bool)
    multi = np.flatnonzero(length > 1)
    covered: dict[int, np.ndarray] = {}
    for i in multi:  # few: multi-word candidates, longest first
        c = int(cat[i])
        cov = covered.setdefault(c, np.zeros(n, bool))
        p, k = int(pos[i]), int(length[i])
        if cov[p:p + k].any():
            keep[i] = False
        else:
            cov[p:p + k] = True
    single = np.flatnonzero(length == 1)
    if len(single):
        s_pos, s_cat = pos[single], cat[single]
        # the best single-word entry per (category, word) comes first after the sort
        key = s_cat * n + s_pos
        _, first = np.unique(key, return_index=True)
        dup = np.ones(len(single), bool)
        dup[first] = False
        keep[single[dup]] = False
        for c, cov in covered.items():
            hit = (s_cat == c) & cov[s_pos]
            keep[single[hit]] = False
    pos, length, ent, cat = pos[keep], length[keep], ent[keep], cat[keep]

    # --- negation ----------------------------------------------------------------------
    negated = np.zeros(len(pos), bool)
    if negation_window:
        neg_words = {_normalise_pattern(w) for w in negations}
        is_neg = np.isin(vocab, list(neg_words))[inv]
        cum = np.concatenate([[0], np.cumsum(is_neg)])
        new_sent = np.concatenate([[True], ~((w_doc[1:] == w_doc[:-1]) & (w_sent[1:] == w_sent[:-1]))])
        sent_first = np.maximum.accumulate(np.where(new_sent, np.arange(n), 0))
        lo = np.maximum(pos - int(negation_window), sent_first[pos])
        negated = (cum[pos] - cum[lo]) > 0

    # --- the table ----------------------------------------------------------------------
    first_row = words[pos]
    last_row = words[pos + length - 1]
    starts = toks["start"].to_numpy(dtype=np.int64)
    ends = toks["end"].to_numpy(dtype=np.int64)
    doc_ids = toks["doc_id"].to_numpy(dtype=object)
    hit_start, hit_end = starts[first_row], ends[last_row]
    if text is not None:
        match = _texts_lookup(text)(doc_ids[first_row], hit_start.tolist(), hit_end.tolist())
    else:
        surface = (toks["token"] if "token" in toks.columns else toks["lower"]).astype(object).to_numpy()
        match = surface[first_row].copy()
        for i in np.flatnonzero(length > 1):
            parts = [surface[first_row[i]]]
            for r in range(first_row[i] + 1, last_row[i] + 1):
                parts.append(" " * int(starts[r] - ends[r - 1]) + surface[r])
            match[i] = "".join(parts)
    patterns = np.array([x.pattern for x in matcher.entries], dtype=object)
    out = pd.DataFrame({
        "doc_id": pd.Series(doc_ids[first_row], dtype=toks["doc_id"].dtype),
        "sent_id": toks["sent_id"].to_numpy(dtype=np.int64)[first_row],
        "category": pd.Categorical.from_codes(cat, categories=categories),
        "pattern": patterns[ent],
        "match": pd.Series(list(match), dtype=object),
        "start": hit_start,
        "end": hit_end,
        "token_id": token_id[first_row],
        "negated": negated,
    })
    order = np.lexsort((cat, hit_start, doc_codes[first_row]))
    return out.iloc[order].reset_index(drop=True)
