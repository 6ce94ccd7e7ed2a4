""":func:`toolkit.reuse` with ``window_days``: articles compared only when their dates are close.

Wire copy is reprinted within days of the agency's story, so a researcher
looking for it can compare each article only with those dated at most
``window_days`` before or after it. That is what lets a stream (e.g.
:func:`toolkit.load_chunks`) be processed as it comes, with memory that stays
flat however long it runs: once the newest date seen is far enough past an
article, everything it could be compared with has been seen, so its passages
are found and written out, and an article no longer inside any waiting
article's window is forgotten (its words and shingles; only its ``doc_id``
stays, for the duplicate check). The memory held is what a few windows of
articles need, not the whole collection's.

Rules, so that the result does not depend on how the stream is cut into chunks:

- Every article needs a date (a ``ValueError`` names those without one).
- A stream must come in date order, give or take the window: an article may
  come after one dated up to ``window_days`` later (a chunk sorted by outlet
  within a day or two, say), but one dated more than that before the newest
  seen raises a ``ValueError`` naming both. A whole table may be in any order:
  it is taken in date order internally.
- ``max_docs`` counts the articles holding a shingle within the reusing
  article's window (before or after it); the earliest of them is the source.
  With a window wider than all the dates, every pair is compared and the
  result is the same as with ``window_days=None``.

>>> import pandas as pd, toolkit
>>> wire = ("Iranian state television said the general was killed in a strike near Baghdad airport "
...         "early on Friday, and officials in Tehran promised a forceful response within days.")
>>> corpus = pd.DataFrame({"doc_id": ["wire", "paper", "monthly"],
...     "date": pd.to_datetime(["2020-01-03", "2020-01-04", "2020-02-20"]),
...     "text": [wire, "Our view. " + wire, "A month on. " + wire]})
>>> toolkit.reuse(corpus, min_words=10)[["doc_id", "source_doc_id"]].to_dict("records")
[{'doc_id': 'paper', 'source_doc_id': 'wire'}, {'doc_id': 'monthly', 'source_doc_id': 'wire'}]
>>> chunks = (corpus.iloc[i: i + 1] for i in range(3))
>>> toolkit.reuse(chunks, min_words=10, window_days=7)[["doc_id", "source_doc_id"]].to_dict("records")
[{'doc_id': 'paper', 'source_doc_id': 'wire'}]
"""
from __future__ import annotations

import numbers
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .reuse_passages import _Index, _pair_matches, _passages, _table

__all__ = ["reuse_in_window"]

_NS_PER_DAY = 86_400 * 10**9
_VOCAB_CAP = 200_000  # word hashes cached; past this the cache starts afresh (a word's hash never changes)
_SLICE = 1000  # a whole table is taken in date order this many articles at a time


def reuse_in_window(corpus: pd.DataFrame | Iterable[pd.DataFrame], window_days: float, *, k: int, gap: int,
                    max_shift: int, max_docs: int, min_words: int, min_matches: int) -> pd.DataFrame:
    """:func:`toolkit.reuse` comparing only articles at most ``window_days`` apart (the rules: see the module)."""
    if isinstance(window_days, bool) or not isinstance(window_days, numbers.Real) or not window_days >= 0:
        raise ValueError(f"window_days must be a number of days, 0 or more (None compares every pair); "
                         f"got {window_days!r}")
    window = int(min(float(window_days) * _NS_PER_DAY, 2.0**80))  # a Python int: no overflow
    options = dict(k=k, gap=gap, max_shift=max_shift, min_words=min_words)
    if isinstance(corpus, pd.DataFrame):
        missing = {"doc_id", "text"} - set(corpus.columns)
        if missing:
            raise ValueError(f"reuse needs a corpus with columns doc_id and text; missing {sorted(missing)}")
        for row, (doc_id, text) in enumerate(zip(corpus["doc_id"], corpus["text"])):  # named by row, as given
            if not isinstance(text, str):
                raise ValueError(f"row {row} (doc_id {doc_id!r}): text is {type(text).__name__}, not a string")
        dates = (pd.to_datetime(corpus["date"], errors="coerce") if "date" in corpus.columns
                 else pd.Series(pd.NaT, index=corpus.index))
        _check_dated(list(corpus["doc_id"]), list(dates))
        order = np.argsort(np.asarray([pd.Timestamp(d).value for d in dates], np.int64), kind="stable")
        ordered = corpus.iloc[order]
        engine = _Window(window, window_days, 0, max_docs, min_matches, options)
        for i in range(0, len(ordered), _SLICE):
            engine.add(ordered.iloc[i: i + _SLICE], order[i: i + _SLICE].tolist())
    else:
        engine = _Window(window, window_days, window, max_docs, min_matches, options)
        for chunk in corpus:
            engine.add(chunk)
    engine.finish()
    return _table([row for _, row in engine.rows], [place for place, _ in engine.rows])


def _check_dated(doc_ids: list, dates: list, where: str = "") -> None:
    undated = [d for d, date in zip(doc_ids, dates) if pd.isna(date)]
    if undated:
        named = ", ".join(map(repr, undated[:5])) + (f" and {len(undated) - 5} more" if len(undated) > 5 else "")
        raise ValueError(f"window_days compares articles by date, but {len(undated)}{where} "
                         f"{'has' if len(undated) == 1 else 'have'} none: {named}; give every article a date, "
                         f"or leave window_days=None to compare every pair")


class _Window:
    """The articles still needed: those a waiting article may be compared with, and the waiting ones."""

    def __init__(self, window: int, window_days: float, late: int, max_docs: int, min_matches: int,
                 options: dict) -> None:
        self.window, self.window_days, self.late = window, window_days, late
        self.max_docs, self.min_matches, self.options = max_docs, min_matches, options
        self.index = _Index(options["k"])
        self.times: list[int] = []  # date in ns, per stored article
        self.places: list[int] = []  # place in the input, per stored article
        self.done: list[bool] = []  # its passages are found
        self.newest: tuple[int, object, object] | None = None  # (ns, doc_id, date) of the newest date seen
        self.count = 0
        self.rows: list[tuple[int, tuple]] = []

    def add(self, chunk: pd.DataFrame, places: list[int] | None = None) -> None:
        index, first = self.index, len(self.index.doc_ids)
        index.add(chunk)
        _check_dated(index.doc_ids[first:], index.dates[first:], " of this chunk")
        for doc_id, date in zip(index.doc_ids[first:], index.dates[first:]):
            t = pd.Timestamp(date).value
            if self.newest is not None and t < self.newest[0] - self.late:
                raise ValueError(
                    f"doc_id {doc_id!r} (dated {date}) comes after {self.newest[1]!r} (dated {self.newest[2]}), "
                    f"more than window_days ({self.window_days}) earlier: with a window a stream must come in "
                    f"date order (give or take the window); sort the articles by date, or pass one table")
            if self.newest is None or t > self.newest[0]:
                self.newest = (t, doc_id, date)
            self.times.append(t)
            self.done.append(False)
        added = len(index.doc_ids) - first
        self.places.extend(places if places is not None else range(self.count, self.count + added))
        self.count += added
        if len(index.vocab) > _VOCAB_CAP:
            index.vocab.clear()
        if self.newest is None:
            return
        # everything an article dated before ``cut`` can be compared with has come
        cut = self.newest[0] - self.late - self.window
        ready = [d for d, t in enumerate(self.times) if t < cut and not self.done[d]]
        if ready and 4 * len(ready) >= len(self.times):  # in batches: each costs a sort of what is stored
            self._compare(ready)
            self._forget()

    def finish(self) -> None:
        waiting = [d for d, done in enumerate(self.done) if not done]
        if waiting:
            self._compare(waiting)

    def _compare(self, ready: list[int]) -> None:
        index = self.index
        # source order among the stored articles: by date, then doc_id, then place in the input
        order = sorted(range(len(index.doc_ids)),
                       key=lambda d: (self.times[d], str(index.doc_ids[d]), self.places[d]))
        rank = np.empty(len(order), np.int64)
        rank[np.asarray(order, np.int64)] = np.arange(len(order))
        reuser = np.zeros(len(order), bool)
        reuser[ready] = True
        matches = _window_matches(index, rank, np.asarray(self.times, np.int64), reuser, self.window,
                                  self.max_docs, self.min_matches)
        self.rows.extend((self.places[r], row) for r, row in _passages(index, matches, rank, **self.options))
        for d in ready:
            self.done[d] = True

    def _forget(self) -> None:
        """Drop the articles older than any waiting or future article's window."""
        waiting = [t for t, done in zip(self.times, self.done) if not done]
        oldest = min(waiting + [self.newest[0] - self.late]) - self.window
        keep = [t >= oldest for t in self.times]
        if all(keep):
            return
        self.index.keep(keep)
        self.times, self.places, self.done = ([x for x, m in zip(values, keep) if m]
                                              for values in (self.times, self.places, self.done))


def _window_matches(index: _Index, rank: np.ndarray, times: np.ndarray, reuser: np.ndarray, window: int,
                    max_docs: int, min_matches: int) -> dict[tuple[int, int], np.ndarray]:
    """Shared shingles of each ``reuser`` article with the earlier articles in its window, as for the whole
    collection (``reuse._matches``): (reuser, source) → array of (position in reuser, position in source)."""
    by_rank = np.argsort(rank)
    parts = [index.shingles(d) for d in by_rank.tolist()]
    lengths = np.array([len(p) for p in parts], np.int64)
    if lengths.sum() == 0:
        return {}
    every = np.concatenate(parts)
    del parts
    doc = np.repeat(by_rank.astype(np.int32), lengths)
    pos = (np.arange(len(every), dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)).astype(np.int32)
    order = np.argsort(every, kind="stable")  # equal hashes stay in source order, then in text order
    every, doc, pos = every[order], doc[order], pos[order]
    dup = every[1:] == every[:-1]
    shared = np.zeros(len(every), bool)
    shared[1:] = dup
    shared[:-1] |= dup
    every, doc, pos = every[shared], doc[shared], pos[shared]
    if len(every) == 0:
        return {}
    # one row per shingle and article holding it (its entries are contiguous), in source order
    new_hash = np.r_[True, every[1:] != every[:-1]]
    group = np.cumsum(new_hash) - 1
    row_start = np.flatnonzero(new_hash | np.r_[True, doc[1:] != doc[:-1]])
    row_count = np.diff(np.r_[row_start, len(every)])
    row_doc = doc[row_start]
    mine = np.flatnonzero(reuser[row_doc])
    if len(mine) == 0:
        return {}
    # the rows of a reusing article's window: dates as their place among the distinct dates, so that
    # (shingle, date) is one sortable number and numpy finds each window's first and last row at once
    days = np.unique(times)
    step = len(days) + 1
    key = group[row_start] * step + np.searchsorted(days, times[row_doc])
    width = min(window, int(days[-1] - days[0]) + 1)  # wider than all the dates changes nothing
    t, base = times[row_doc[mine]], group[row_start[mine]] * step
    lo = np.searchsorted(key, base + np.searchsorted(days, t - width, "left"), "left")
    hi = np.searchsorted(key, base + np.searchsorted(days, t + width, "right"), "left")
    # sources: the rows before the reuser's in its window; a shingle in more than max_docs articles of
    # the window links it only with the earliest of them (its first ten entries), as without a window
    wide = hi - lo > max_docs
    b0 = row_start[lo]
    b1 = np.where(wide, np.where(lo < mine, b0 + np.minimum(10, row_count[lo]), b0), row_start[mine])
    a0, na, nb = row_start[mine], row_count[mine], b1 - b0
    size = na * nb
    if size.sum() == 0:
        return {}
    which = np.repeat(np.arange(len(size)), size)
    local = np.arange(size.sum()) - np.repeat(np.cumsum(size) - size, size)
    a = a0[which] + local // nb[which]
    b = b0[which] + local % nb[which]
    return _pair_matches(doc[a].astype(np.int64), doc[b].astype(np.int64), pos[a].astype(np.int64),
                         pos[b].astype(np.int64), len(index.doc_ids), min_matches)
