"""The parse of the sentences a discourse measure needs, as one :class:`~toolkit.text.tree.Tree` each.

The measures find candidate sentences on tokens (a cue verb, an event word, a
target mention) and parse only those: :func:`parse_sentences` takes the
:class:`~toolkit.text.parts.Part` objects of :func:`toolkit.text.parts.english_parts`
and the wanted ``(doc_id, part, sent_id)`` keys, and parses them in one call.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from ..text.parse import parse_tokens
from ..text.parts import Part
from ..text.tree import Tree

Key = tuple[Any, str, int]


def parse_sentences(parts: Iterable[Part], wanted: Iterable[Key], *, model: Any = None) -> dict[Key, Tree]:
    """``{(doc_id, part, sent_id): Tree}`` for the wanted sentences of the parts (English parts only)."""
    wanted = set(wanted)
    columns: dict[str, list] = {"doc_id": [], "sent_id": [], "token_id": [], "start": [], "end": [], "token": []}
    texts = {}
    for p in parts:
        for s in p.sentences:
            if (p.doc_id, p.part, s.sent_id) in wanted and s.tokens:
                key = len(texts)
                texts[key] = (p, s)
                # the sentence's own tokens, offsets into the part's text: nothing is tokenized again
                for i, tok in enumerate(s.tokens):
                    for col, value in zip(columns, (key, 0, i, tok.start, tok.end, tok.text)):
                        columns[col].append(value)
    if not texts:
        return {}
    parsed = parse_tokens(pd.DataFrame(columns), model=model, progress=False)
    out: dict[Key, Tree] = {}
    for key, group in parsed.groupby("doc_id", sort=False):
        p, s = texts[key]
        out[(p.doc_id, p.part, s.sent_id)] = Tree(group, p.text)
    return out
