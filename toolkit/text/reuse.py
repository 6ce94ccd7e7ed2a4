"""Reused text (wire copy, press releases printed as news): passages one article shares with an earlier one.

:func:`reuse` gives one row per reused passage: ``doc_id start end`` (the
passage in the reusing article), ``source_doc_id source_start source_end``
(where it comes from), ``n_words`` (words of the passage in the reusing
article) and ``similarity``. Offsets index each document's ``text``, so
``text[start:end]`` is the passage; it runs from its first word to its last,
with the punctuation and quotation marks attached to them.

Method
------
1. **Words.** Every run of letters and digits is a word (``[^\\W_]+``), case-folded.
   Quotation marks, apostrophes and dashes are never part of a word, so
   ``“Iran’s”`` and ``"Iran's"`` give the same words; line breaks and spaces are
   only separators, so re-wrapped text gives the same words too.
2. **Shingles.** Every run of ``k`` consecutive words (default 5) is hashed:
   each word by BLAKE2b (8 bytes, so the same in every process and on every
   machine), the shingle as a polynomial of its word hashes modulo 2⁶⁴.
3. **Index.** Shingle hash → (article, position), sorted with numpy. A shingle
   in two or more articles links them, each with each; a shingle in more than
   ``max_docs`` articles (a story syndicated widely, or a stock phrase) links
   each of them only with the earliest, so the work grows with the number of
   copies, not with its square.
4. **Passages.** For each linked pair, matching shingles are chained in text
   order when the next match is at most ``max_gap`` words further on in both
   articles and the two offsets shift by at most ``max_shift`` words, so a
   changed, dropped or added word (which removes ``k`` shingles) does not cut
   a passage. A chain of at least ``min_words`` words is a passage.
5. **Source.** The earlier-dated article of a pair is the source. Same date, or
   no date on either: the smaller ``doc_id`` (string order) is the source; an
   undated article is never the source of a dated one. When a stretch of an
   article matches several earlier articles, the earliest of them is its source
   (then the one with the longer passage) and the others keep only what is left.
6. **Similarity.** ``difflib.SequenceMatcher`` ratio of the two passages' words
   (``2·M / (n₁ + n₂)``, ``M`` words matched in order): 1.0 = the same words;
   one word changed in a 30-word passage gives about 0.97.

What it cannot tell: two outlets quoting the same long statement share it
(that is reuse of the speaker's words, not of each other's); passages shorter
than ``min_words`` are not looked for; a paraphrase is not a copy.

Streaming: ``corpus`` may be an iterable of corpus chunks (e.g.
:func:`toolkit.load_chunks`). Only the index is kept (about 40 bytes per word,
not the texts); then :func:`toolkit.own_text` works chunk by chunk. The index
grows with the collection, unless ``window_days`` is given: two articles are
then compared only when their dates are at most that many days apart (wire
copy is reprinted within days), and a stream in date order is processed chunk
by chunk, keeping only the articles still inside the window, so memory stays
flat (:mod:`toolkit.text.reuse_window` has the rules: every article dated, the
stream in date order give or take the window). The default, None, compares
every pair.

The parts shared by both ways of pairing (words, chaining, sources, the
table) are in :mod:`toolkit.text.reuse_passages`.

>>> import pandas as pd
>>> wire = ("Iranian state television said the general was killed in a strike near Baghdad airport "
...         "early on Friday, and officials in Tehran promised a forceful response within days.")
>>> corpus = pd.DataFrame({"doc_id": ["wire", "paper"],
...     "date": pd.to_datetime(["2020-01-03", "2020-01-04"]),
...     "text": [wire, "Our view. " + wire.replace("forceful", "severe")]})
>>> found = reuse(corpus, min_words=10)
>>> found[["doc_id", "source_doc_id", "n_words"]].to_dict("records")
[{'doc_id': 'paper', 'source_doc_id': 'wire', 'n_words': 27}]
>>> row = found.iloc[0]
>>> corpus.text[1][row.start:row.end][-39:], float(row.similarity)
('promised a severe response within days.', 0.963)
"""
from __future__ import annotations

import sys
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .reuse_passages import REUSE_COLUMNS, _Index, _pair_matches, _passages, _table, words
from .reuse_window import reuse_in_window

__all__ = ["reuse", "REUSE_COLUMNS", "words"]


def _rank(index: _Index) -> np.ndarray:
    """Each article's place in source order: dated before undated, then by date, then by doc_id."""
    order = sorted(range(len(index.doc_ids)),
                   key=lambda d: (pd.isna(index.dates[d]), index.dates[d] if not pd.isna(index.dates[d]) else 0,
                                  str(index.doc_ids[d])))
    rank = np.empty(len(order), np.int64)
    rank[np.asarray(order, np.int64)] = np.arange(len(order))
    return rank


def _bucket_links(every: np.ndarray, where: np.ndarray, offsets: np.ndarray, rank: np.ndarray,
                  max_docs: int) -> tuple[np.ndarray, ...] | None:
    """The shingles at ``where`` (one bucket of hashes) found in two articles: (reuser, source, their positions)."""
    order = np.argsort(every[where], kind="stable")  # ``where`` is increasing: equal hashes stay in article order
    where = where[order]
    hashes = every[where]
    # keep only the shingles found more than once: a small share of all
    dup = hashes[1:] == hashes[:-1]
    shared = np.zeros(len(hashes), bool)
    shared[1:] = dup
    shared[:-1] |= dup
    hashes, where = hashes[shared], where[shared]
    if len(hashes) == 0:
        return None
    docs = (np.searchsorted(offsets, where, side="right") - 1).astype(np.int32)
    pos = (where - offsets[docs]).astype(np.int32)
    bounds = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1], True])
    first, size = bounds[:-1], np.diff(bounds)
    # a group links articles only if it holds two different ones (first and last entry differ: sorted by doc)
    multi = (size >= 2) & (docs[first] != docs[first + size - 1])
    pairs = multi & (size == 2)  # most shared shingles are in two places: no loop for them
    rows_a, rows_b = [first[pairs]], [first[pairs] + 1]
    for s, n in zip(first[multi & (size > 2)].tolist(), size[multi & (size > 2)].tolist()):
        group = docs[s: s + n]
        if n > max_docs and len(np.unique(group)) > max_docs:
            # widely shared: each entry with the earliest article's (first ten) entries only
            ranks = rank[group]
            mine = np.flatnonzero(ranks == ranks.min())[:10]
            others = np.flatnonzero(ranks != ranks.min())
            rows_a.append(np.repeat(others, len(mine)) + s)
            rows_b.append(np.tile(mine, len(others)) + s)
            continue
        a, b = np.triu_indices(n, 1)
        rows_a.append(a + s)
        rows_b.append(b + s)
    a, b = np.concatenate(rows_a), np.concatenate(rows_b)
    keep = docs[a] != docs[b]
    a, b = a[keep], b[keep]
    later = rank[docs[a]] > rank[docs[b]]  # orient every match: reuser (later) first
    reuser, source = np.where(later, a, b), np.where(later, b, a)
    return docs[reuser], docs[source], pos[reuser], pos[source]


def _matches(index: _Index, rank: np.ndarray, max_docs: int, min_matches: int) -> dict[tuple[int, int], np.ndarray]:
    """Shared shingles as (reusing article, source article) → array of (position in reuser, position in source).

    The hashes are sorted in eight buckets by their top bits, one after the other, so the sorting
    needs memory for an eighth of the index at a time; the result does not depend on the buckets.
    """
    parts = [index.shingles(d) for d in range(len(index.doc_ids))]
    offsets = np.cumsum([0] + [len(p) for p in parts])
    if offsets[-1] == 0:
        return {}
    every = np.concatenate(parts)
    del parts
    top = every.view(np.uint8).reshape(-1, 8)[:, 7 if sys.byteorder == "little" else 0] >> 5
    links = [found for bucket in range(8)
             if (found := _bucket_links(every, np.flatnonzero(top == bucket), offsets, rank, max_docs)) is not None]
    del every, top
    if not links or sum(len(found[0]) for found in links) == 0:
        return {}
    r, src, pr, ps = (np.concatenate([found[i] for found in links]).astype(np.int64) for i in range(4))
    return _pair_matches(r, src, pr, ps, len(index.doc_ids), min_matches)


def reuse(corpus: pd.DataFrame | Iterable[pd.DataFrame], *, min_words: int = 20, k: int = 5,
          max_gap: int | None = None, max_shift: int = 3, max_docs: int = 100,
          window_days: float | None = None) -> pd.DataFrame:
    """Passages of each article found in an earlier article: one row per reused passage.

    ``corpus`` has ``doc_id``, ``text`` and (best) ``date``; or it is an iterable
    of such chunks. ``min_words``: shortest passage reported, in words of the
    reusing article. ``k``: words per shingle. ``max_gap``: most words between
    two matching shingles of one passage (default ``3 * k``: room for a changed
    and a dropped word close together). ``max_shift``:
    most words added or dropped between them. ``max_docs``: a shingle in more
    articles than this links each of them only with the earliest.
    ``window_days``: compare two articles only when their dates are at most
    this many days apart (wire copy is reprinted within days); every article
    then needs a date, and a stream is processed chunk by chunk with memory
    that stays flat. None (default) compares every pair. See the module for the method.
    """
    if min_words < k:
        raise ValueError(f"min_words ({min_words}) must be at least k ({k})")
    gap = 3 * k if max_gap is None else max_gap
    min_matches = max(2, (min_words - k + 1) // 3)
    if window_days is not None:
        return reuse_in_window(corpus, window_days, k=k, gap=gap, max_shift=max_shift, max_docs=max_docs,
                               min_words=min_words, min_matches=min_matches)
    index = _Index(k)
    if isinstance(corpus, pd.DataFrame):
        index.add(corpus)
    else:
        for chunk in corpus:
            index.add(chunk)
    rank = _rank(index)
    found = _passages(index, _matches(index, rank, max_docs, min_matches), rank, k=k, gap=gap,
                      max_shift=max_shift, min_words=min_words)
    return _table([row for _, row in found], [r for r, _ in found])
