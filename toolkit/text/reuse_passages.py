"""The parts of :func:`toolkit.reuse` that do not depend on how articles are paired.

Words and their hashes (:func:`words`, the per-article store ``_Index``),
matches of a pair of articles counted and kept (``_pair_matches``), matches
chained into passages across edits and each stretch of an article given its
source (``_passages``), and the result table (``_table``). :mod:`.reuse`
pairs every article with every other; :mod:`.reuse_window` only those within
a date window, chunk by chunk. Both end here, so the two give the same
passages for the same pairs.

>>> text = "He said: “Iran’s forces…”"
>>> found, starts, ends = words(text)
>>> found, [text[s:e] for s, e in zip(starts, ends)]
(['he', 'said', 'iran', 's', 'forces'], ['He', 'said:', '“Iran’', 's', 'forces…”'])
"""
from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["REUSE_COLUMNS", "words"]

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
    """What :func:`toolkit.reuse` keeps per article: word hashes and offsets (the shingles are made from them)."""

    k: int
    vocab: dict[str, int] = field(default_factory=dict)  # a cache of word hashes: clearing it changes nothing
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

    def keep(self, mask: list[bool]) -> None:
        """Forget the articles where ``mask`` is False (their doc_ids stay in ``seen``)."""
        for name in ("doc_ids", "dates", "word_hashes", "starts", "ends"):
            setattr(self, name, [x for x, m in zip(getattr(self, name), mask) if m])

    def shingles(self, d: int) -> np.ndarray:
        w, k = self.word_hashes[d], self.k
        n = len(w) - k + 1
        if n <= 0:
            return np.empty(0, np.uint64)
        h = np.zeros(n, np.uint64)
        for j in range(k):  # uint64 arithmetic wraps: the polynomial is taken modulo 2**64
            h = h * _MULT + w[j: j + n]
        return h


def _pair_matches(r: np.ndarray, src: np.ndarray, pr: np.ndarray, ps: np.ndarray, n: int,
                  min_matches: int) -> dict[tuple[int, int], np.ndarray]:
    """Matches (reusing article ``r``, source ``src``, their positions) → (r, src) → array of (pr, ps) sorted,
    for the pairs with at least ``min_matches`` distinct positions in the reuser. ``n``: articles in the store."""
    key = r.astype(np.int64) * n + src
    order = np.lexsort((ps, pr, key))
    key, pr, ps = key[order], pr[order], ps[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    # distinct positions in the reuser per pair: a new position is one that differs from the entry before
    fresh = np.r_[True, (key[1:] != key[:-1]) | (pr[1:] != pr[:-1])]
    distinct = np.add.reduceat(fresh.astype(np.int64), starts)
    ends = np.r_[starts[1:], len(key)]
    out = {}
    for a0, a1 in zip(starts[distinct >= min_matches].tolist(), ends[distinct >= min_matches].tolist()):
        pair = divmod(int(key[a0]), n)
        out[pair] = np.stack([pr[a0:a1], ps[a0:a1]], axis=1)
    return out


def _chains(pairs: np.ndarray, max_gap: int, max_shift: int) -> list[list[tuple[int, int]]]:
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


def _passages(index: _Index, matches: dict[tuple[int, int], np.ndarray], rank: np.ndarray, *, k: int,
              gap: int, max_shift: int, min_words: int) -> list[tuple[int, tuple]]:
    """(reusing article, table row) for every passage found in the matches of the linked pairs."""
    candidates: dict[int, list[tuple[int, int, list[tuple[int, int]]]]] = {}
    for (r, s), pairs in matches.items():
        for chain in _chains(pairs, gap, max_shift):
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
            for part in _chains(free.reshape(-1, 2), gap, max_shift):
                (r0, s0), (r1, s1) = part[0], part[-1]
                if r1 + k - r0 < min_words:
                    continue
                r0, r1, s0, s1 = _extend(index.word_hashes[r], index.word_hashes[s], covered, r0, r1 + k, s0, s1 + k)
                covered[r0: r1] = True
                rows.append((r, _row(index, r, s, r0, r1, s0, s1)))
    return rows


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


def _row(index: _Index, r: int, s: int, r0: int, r1: int, s0: int, s1: int) -> tuple:
    matcher = difflib.SequenceMatcher(None, index.word_hashes[r][r0:r1].tolist(),
                                      index.word_hashes[s][s0:s1].tolist(), autojunk=False)
    start, end = int(index.starts[r][r0]), int(index.ends[r][r1 - 1])
    sstart, send = int(index.starts[s][s0]), int(index.ends[s][s1 - 1])
    return (index.doc_ids[r], start, end, index.doc_ids[s], sstart, send, r1 - r0, round(matcher.ratio(), 4))


def _table(rows: list[tuple], places: list[int]) -> pd.DataFrame:
    """The result: one row per passage, in the order of the articles as given (``places``), then by start."""
    table = pd.DataFrame(rows, columns=list(REUSE_COLUMNS))
    table = table.astype({"start": "int64", "end": "int64", "source_start": "int64", "source_end": "int64",
                          "n_words": "int64", "similarity": "float64"})
    order = np.lexsort((table["start"].to_numpy(), np.asarray(places, np.int64))) if len(rows) else []
    return table.iloc[order].reset_index(drop=True)
