"""Walk the dependency tree of one parsed sentence.

:class:`Tree` wraps the rows of :func:`toolkit.parse` for one sentence and
answers the questions the discourse measures ask: the children of a word with a
given relation, the head, the subtree as a span of the document text (a noun
phrase with its modifiers), whether a verb is passive.

>>> import pandas as pd, toolkit
>>> doc = "Iranian state television said the attack was carried out by US helicopters."
>>> parsed = toolkit.parse(pd.DataFrame({"doc_id": ["d"], "text": [doc]}))
>>> tree = Tree(parsed, doc)
>>> carried = tree.find("carried")[0]
>>> [tree.phrase(c) for c in tree.children(carried, "obl:agent")]
['US helicopters']
>>> tree.is_passive(carried)
True
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

# relations that start a new clause or aside inside a noun phrase: cut them from a short phrase
CLAUSAL = frozenset({"acl", "acl:relcl", "advcl", "parataxis", "ccomp", "xcomp", "conj", "cc", "punct", "dep"})


class Tree:
    """One sentence's parse: tokens indexed 0..n-1 within the sentence.

    ``rows`` are the :func:`toolkit.parse` rows of one sentence (in order);
    ``text`` is the document (or part) text their offsets point into.
    """

    def __init__(self, rows: pd.DataFrame, text: str) -> None:
        self.text = text
        self.token_id = rows["token_id"].to_numpy()
        first = int(self.token_id[0]) if len(rows) else 0
        self.tokens: list[str] = rows["token"].tolist()
        self.lower = [t.lower() for t in self.tokens]
        self.lemma: list[str] = rows["lemma"].tolist()
        self.pos: list[str] = rows["pos"].tolist()
        self.tag: list[str] = rows["tag"].tolist()
        self.morph: list[str] = rows["morph"].tolist()
        self.dep: list[str] = rows["dep"].tolist()
        self.start: list[int] = rows["start"].tolist()
        self.end: list[int] = rows["end"].tolist()
        self.head: list[int] = [int(h) - first for h in rows["head"].tolist()]
        self.kids: list[list[int]] = [[] for _ in self.tokens]
        for i, h in enumerate(self.head):
            if h != i:
                self.kids[h].append(i)

    def __len__(self) -> int:
        return len(self.tokens)

    def find(self, word: str) -> list[int]:
        """Indices of the tokens equal to ``word`` (case-insensitive)."""
        w = word.lower()
        return [i for i, t in enumerate(self.lower) if t == w]

    def index_at(self, start: int) -> int | None:
        """The token that starts at character ``start`` (or contains it)."""
        for i, (s, e) in enumerate(zip(self.start, self.end)):
            if s <= start < e:
                return i
        return None

    def children(self, i: int, *deps: str) -> list[int]:
        """Children of ``i``, only those with one of ``deps`` when given (``"obl"`` also matches ``obl:tmod``)."""
        if not deps:
            return list(self.kids[i])
        return [c for c in self.kids[i] if self.dep[c] in deps or self.dep[c].split(":")[0] in deps]

    def child(self, i: int, *deps: str) -> int | None:
        """The first child with one of ``deps`` (exact relation names), or None."""
        for c in self.kids[i]:
            if self.dep[c] in deps:
                return c
        return None

    def parent(self, i: int) -> int | None:
        """The head of ``i`` (None for the root)."""
        return None if self.head[i] == i else self.head[i]

    def ancestors(self, i: int) -> Iterable[int]:
        """Heads of ``i`` up to the root."""
        seen = {i}
        while (p := self.parent(i)) is not None and p not in seen:
            yield p
            seen.add(p)
            i = p

    def subtree(self, i: int, cut: Iterable[str] = ()) -> list[int]:
        """``i`` and its descendants, leaving out children whose relation is in ``cut``."""
        cut = frozenset(cut)
        out, todo = [], [i]
        while todo:
            j = todo.pop()
            out.append(j)
            todo.extend(c for c in self.kids[j] if self.dep[c] not in cut)
        return sorted(out)

    def span(self, ids: Sequence[int]) -> tuple[int, int]:
        """Character offsets covering the tokens ``ids`` (contiguous from the first to the last)."""
        return self.start[min(ids)], self.end[max(ids)]

    def phrase_span(self, i: int, cut: Iterable[str] = CLAUSAL) -> tuple[int, int]:
        """Offsets of the phrase headed by ``i``: its subtree without clauses, asides and outer punctuation.

        The phrase's own case marker or possessive ending (*by* US forces,
        the government*'s*) is left out: it belongs to the relation, not the name.
        """
        own = {c for c in self.kids[i] if self.dep[c] == "case"}
        ids = [j for j in self.subtree(i, cut) if j not in own and self._contiguous_with(i, j)]
        while len(ids) > 1 and self.pos[ids[0]] == "PUNCT":
            ids = ids[1:]
        while len(ids) > 1 and self.pos[ids[-1]] == "PUNCT":
            ids = ids[:-1]
        return self.span(ids)

    def _contiguous_with(self, i: int, j: int) -> bool:
        # a phrase is read as a stretch of text: tokens cut off by an excluded clause are dropped
        lo, hi = min(i, j), max(i, j)
        inside = set(self.subtree(i, CLAUSAL))
        own = {c for c in self.kids[i] if self.dep[c] == "case"}
        return all(k in inside or k in own for k in range(lo, hi + 1))

    def phrase(self, i: int, cut: Iterable[str] = CLAUSAL) -> str:
        """The text of :meth:`phrase_span`."""
        s, e = self.phrase_span(i, cut)
        return self.text[s:e]

    def lemma_in(self, i: int, words: frozenset[str] | set[str]) -> bool:
        """The token's lemma or, where the lemmatizer missed it ("orchestrated" → "orchestrat"), its
        lower-cased form is one of ``words``."""
        return self.lemma[i].lower() in words or self.lower[i] in words

    def is_passive(self, i: int) -> bool:
        """A passive verb: it has a passive subject or auxiliary, or a by-agent (an ``obl:agent`` the
        parser gives without *by*, as in "shot down two drones", is no agent)."""
        return any(self.dep[c] in ("nsubj:pass", "aux:pass", "csubj:pass") or (
            self.dep[c] == "obl:agent" and any(self.lower[k] == "by" for k in self.children(c, "case")))
            for c in self.kids[i])

    def has_feature(self, i: int, feature: str) -> bool:
        """``feature`` (``"VerbForm=Part"``) is among the token's morphological features."""
        return feature in self.morph[i].split("|")


def trees(parsed: pd.DataFrame, texts: dict) -> Iterable[tuple[tuple, Tree]]:
    """``((doc_id, sent_id), Tree)`` for every sentence of a parse table; ``texts`` maps doc_id → text."""
    for key, rows in parsed.groupby(["doc_id", "sent_id"], sort=False):
        yield key, Tree(rows, texts[key[0]])
