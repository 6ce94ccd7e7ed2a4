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
not the texts); then :func:`toolkit.own_text` works chunk by chunk.

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

import difflib
import hashlib
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["reuse", "REUSE_COLUMNS", "words"]

REUSE_COLUMNS = ("doc_id", "start", "end", "source_doc_id", "source_start", "source_end", "n_words", "similarity")
_WORD = re.compile(r"[^\W_]+")
# a word with the punctuation and quotation marks attached to it (the span a passage starts or ends with)
_ATTACHED = re.compile(r"(?:[^\w\s]|_)*([^\W_]+)(?:[^\w\s]|_)*")
_MULT = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier of the shingle polynomial


def words(text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The normalised words of ``text`` (case-folded letter/digit runs) and the spans of the words with
    the punctuation attached to them (what a passage may start or end with).

    >>> found, starts, ends = words("“Iran’s” re-\\nwrapped")
    >>> found, starts.tolist(), ends.tolist()
    (['iran', 's', 're', 'wrapped'], [0, 6, 9, 13], [6, 8, 12, 20])
    """
    found = list(_ATTACHED.finditer(text))
    # one casefold for the whole text's words ("\0" never occurs in a word)
    normal = "\0".join([m.group(1) for m in found]).casefold().split("\0") if found else []
    return (normal, np.fromiter(map(re.Match.start, found), np.int32, len(found)),
            np.fromiter(map(re.Match.end, found), np.int32, len(found)))


@dataclass
class _Index:
    """What :func:`reuse` keeps per article: word hashes and offsets, and the shingles."""

    k: int
    vocab: dict[str, int] = field(default_factory=dict)
    doc_ids: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    word_hashes: list[np.ndarray] = field(default_factory=list)
    starts: list[np.ndarray] = field(default_factory=list)
    ends: list[np.ndarray] = field(default_factory=list)
    seen: set = field(default_factory=set)

    def add(self, chunk: pd.DataFrame) -> None:
        missing = {"doc_id", "text"} - set(chunk.columns)
        if missing:
            raise ValueError(f"reuse needs a corpus with columns doc_id and text; missing {sorted(missing)}")
        dates = (pd.to_datetime(chunk["date"], errors="coerce") if "date" in chunk.columns
                 else pd.Series(pd.NaT, index=chunk.index))
        vocab = self.vocab
        for row, (doc_id, text, date) in enumerate(zip(chunk["doc_id"], chunk["text"], dates)):
            if not isinstance(text, str):
                raise ValueError(f"row {row} (doc_id {doc_id!r}): text is {type(text).__name__}, not a string")
            if doc_id in self.seen:
                raise ValueError(f"doc_id {doc_id!r} occurs more than once; reuse needs one row per article")
            self.seen.add(doc_id)
            found, starts, ends = words(text)
            for w in set(found).difference(vocab):
                vocab[w] = int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=8).digest(), "little")
            hashes = np.fromiter(map(vocab.__getitem__, found), np.uint64, len(found))
            self.doc_ids.append(doc_id)
            self.dates.append(date)
            self.word_hashes.append(hashes)
            self.starts.append(starts)
            self.ends.append(ends)

    def shingles(self, d: int) -> np.ndarray:
        w, k = self.word_hashes[d], self.k
        n = len(w) - k + 1
        if n <= 0:
            return np.empty(0, np.uint64)
        h = np.zeros(n, np.uint64)
        for j in range(k):  # uint64 arithmetic wraps: the polynomial is taken modulo 2**64
            h = h * _MULT + w[j: j + n]
        return h


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
    key = r * len(index.doc_ids) + src
    order = np.lexsort((ps, pr, key))
    key, pr, ps = key[order], pr[order], ps[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    # distinct positions in the reuser per pair: a new position is one that differs from the entry before
    fresh = np.r_[True, (key[1:] != key[:-1]) | (pr[1:] != pr[:-1])]
    distinct = np.add.reduceat(fresh.astype(np.int64), starts)
    ends = np.r_[starts[1:], len(key)]
    out = {}
    for a0, a1 in zip(starts[distinct >= min_matches].tolist(), ends[distinct >= min_matches].tolist()):
        pair = divmod(int(key[a0]), len(index.doc_ids))
        out[pair] = np.stack([pr[a0:a1], ps[a0:a1]], axis=1)
    return out


def _chains(pairs: np.ndarray, k: int, max_gap: int, max_shift: int) -> list[list[tuple[int, int]]]:
    """Matches (sorted by position in the reuser) chained into runs along one diagonal, gaps allowed."""
    done: list[list[tuple[int, int]]] = []
    open_: list[list[tuple[int, int]]] = []
    for pr, ps in pairs.tolist():
        still = []
        for chain in open_:
            (done if pr - chain[-1][0] > max_gap else still).append(chain)
        open_ = still
        for chain in open_:
            lr, ls = chain[-1]
            if 0 < pr - lr <= max_gap and 0 < ps - ls <= max_gap and abs((pr - ps) - (lr - ls)) <= max_shift:
                chain.append((pr, ps))
                break
        else:
            open_.append([(pr, ps)])
    return done + open_


def reuse(corpus: pd.DataFrame | Iterable[pd.DataFrame], *, min_words: int = 20, k: int = 5,
          max_gap: int | None = None, max_shift: int = 3, max_docs: int = 100) -> pd.DataFrame:
    """Passages of each article found in an earlier article: one row per reused passage.

    ``corpus`` has ``doc_id``, ``text`` and (best) ``date``; or it is an iterable
    of such chunks. ``min_words``: shortest passage reported, in words of the
    reusing article. ``k``: words per shingle. ``max_gap``: most words between
    two matching shingles of one passage (default ``3 * k``: room for a changed
    and a dropped word close together). ``max_shift``:
    most words added or dropped between them. ``max_docs``: a shingle in more
    articles than this links each of them only with the earliest. See the module for the method.
    """
    if min_words < k:
        raise ValueError(f"min_words ({min_words}) must be at least k ({k})")
    gap = 3 * k if max_gap is None else max_gap
    index = _Index(k)
    if isinstance(corpus, pd.DataFrame):
        index.add(corpus)
    else:
        for chunk in corpus:
            index.add(chunk)
    rank = _rank(index)
    min_matches = max(2, (min_words - k + 1) // 3)
    candidates: dict[int, list[tuple[int, int, list[tuple[int, int]]]]] = {}
    for (r, s), pairs in _matches(index, rank, max_docs, min_matches).items():
        for chain in _chains(pairs, k, gap, max_shift):
            if chain[-1][0] + k - chain[0][0] >= min_words:
                candidates.setdefault(r, []).append((int(rank[s]), s, chain))
    rows = []
    for r in sorted(candidates):
        covered = np.zeros(len(index.word_hashes[r]) + k, bool)
        # earliest source first, then the longer passage, then the earlier position
        for _, s, chain in sorted(candidates[r], key=lambda c: (c[0], c[2][0][0] - c[2][-1][0], c[2][0][0])):
            free = np.array([(pr, ps) for pr, ps in chain if not covered[pr: pr + k].any()], np.int64)
            if len(free) == 0:
                continue
            for part in _chains(free.reshape(-1, 2), k, gap, max_shift):
                (r0, s0), (r1, s1) = part[0], part[-1]
                if r1 + k - r0 < min_words:
                    continue
                r0, r1, s0, s1 = _extend(index.word_hashes[r], index.word_hashes[s], covered, r0, r1 + k, s0, s1 + k)
                covered[r0: r1] = True
                rows.append(_row(index, r, s, r0, r1, s0, s1))
    table = pd.DataFrame(rows, columns=list(REUSE_COLUMNS))
    table = table.astype({"start": "int64", "end": "int64", "source_start": "int64", "source_end": "int64",
                          "n_words": "int64", "similarity": "float64"})
    return table.sort_values(["doc_id", "start"], key=_doc_order(index), kind="stable").reset_index(drop=True)


def _extend(wr: np.ndarray, ws: np.ndarray, covered: np.ndarray, r0: int, r1: int, s0: int,
            s1: int) -> tuple[int, int, int, int]:
    """Grow a passage over the same words on either side, and over one changed word there when the
    two words beyond it match again (an edit less than ``k`` words from a passage's end leaves no shingle)."""
    def same(i: int, j: int) -> bool:
        return 0 <= i < len(wr) and 0 <= j < len(ws) and not covered[i] and wr[i] == ws[j]

    while True:
        if same(r1, s1):
            r1, s1 = r1 + 1, s1 + 1
        elif not covered[min(r1, len(covered) - 1)] and same(r1 + 1, s1 + 1) and same(r1 + 2, s1 + 2):
            r1, s1 = r1 + 3, s1 + 3
        else:
            break
    while True:
        if same(r0 - 1, s0 - 1):
            r0, s0 = r0 - 1, s0 - 1
        elif r0 >= 3 and not covered[r0 - 1] and same(r0 - 2, s0 - 2) and same(r0 - 3, s0 - 3):
            r0, s0 = r0 - 3, s0 - 3
        else:
            break
    return r0, r1, s0, s1


def _doc_order(index: _Index):
    place = {d: i for i, d in enumerate(index.doc_ids)}
    return lambda col: col.map(place) if col.name == "doc_id" else col


def _row(index: _Index, r: int, s: int, r0: int, r1: int, s0: int, s1: int) -> tuple:
    matcher = difflib.SequenceMatcher(None, index.word_hashes[r][r0:r1].tolist(),
                                      index.word_hashes[s][s0:s1].tolist(), autojunk=False)
    start, end = int(index.starts[r][r0]), int(index.ends[r][r1 - 1])
    sstart, send = int(index.starts[s][s0]), int(index.ends[s][s1 - 1])
    return (index.doc_ids[r], start, end, index.doc_ids[s], sstart, send, r1 - r0, round(matcher.ratio(), 4))
