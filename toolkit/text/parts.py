"""The parts of an article as sentences of tokens: what the rules of :mod:`toolkit.discourse` read.

Splits the parts of each English article (``title``, ``standfirst``, ``body`` =
the ``text`` column) into sentences and NLTK tokens with
:mod:`toolkit.text.tokenize`, keeping the offsets into each part's text and the
paragraph of each sentence. Nothing here is public API; labels, quotes and
agency document what they return.

>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": ["d"], "title": ["US kills general"],
...                        "text": ["He said: “It was us.” Then he left."]})
>>> parts = english_parts(corpus, ("title", "body"), what="example")
>>> [(p.part, [s.text for s in p.sentences]) for p in parts]
[('title', ['US kills general']), ('body', ['He said: “It was us.”', 'Then he left.'])]
"""
from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Sequence

import pandas as pd

from .tokenize import punkt_language, sentences as _sentences, tokens as _tokens


#: corpus column analysed for each part name
PART_COLUMNS = {"title": "title", "standfirst": "standfirst", "body": "text"}
ALL_PARTS: tuple[str, ...] = ("title", "standfirst", "body")


class Token(NamedTuple):
    start: int      # offset into the part's text
    end: int
    text: str       # surface form
    low: str        # lower case, typographic apostrophe folded to "'"


@dataclass
class Sentence:
    doc_id: Any
    part: str
    sent_id: int
    start: int
    end: int
    text: str
    tokens: list[Token]
    para: int = 0


@dataclass
class Part:
    doc_id: Any  # as in the corpus (usually str)
    part: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)


def norm(word: str) -> str:
    """Lower case with typographic apostrophes/quotes folded: ``Iran’s`` → ``iran's``."""
    return word.lower().replace("’", "'").replace("‘", "'")


def is_english(language: Any) -> bool:
    if language is None or (isinstance(language, float) and language != language) or language == "":
        return True
    try:
        return punkt_language(language) == "english"
    except Exception:  # pragma: no cover - unknown codes are simply not English
        return False


def _as_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return value if isinstance(value, str) else str(value)


def english_parts(corpus: pd.DataFrame, parts: Sequence[str] = ALL_PARTS, *,
                  what: str = "analysis") -> list[Part]:
    """Sentences and tokens of the requested parts of every English document.

    Documents whose ``language`` is not English are skipped with one
    ``UserWarning`` naming them (the patterns are English-only).
    """
    if "doc_id" not in corpus.columns:
        raise KeyError(f"{what} needs a 'doc_id' column; the corpus has {list(corpus.columns)}")
    unknown = [p for p in parts if p not in PART_COLUMNS]
    if unknown:
        raise ValueError(f"unknown part(s) {unknown}; choose from {list(PART_COLUMNS)}")
    langs = corpus["language"].tolist() if "language" in corpus.columns else [None] * len(corpus)
    skipped: list[str] = []
    items: list[Part] = []
    for pos, (doc_id, lang) in enumerate(zip(corpus["doc_id"].tolist(), langs)):
        if not is_english(lang):
            skipped.append(f"{doc_id} ({lang})")
            continue
        for part in parts:
            column = PART_COLUMNS[part]
            if column not in corpus.columns:
                continue
            text = _as_text(corpus[column].iloc[pos])
            if text.strip():
                items.append(Part(doc_id, part, text))
    if skipped:
        shown = ", ".join(skipped[:5]) + (" …" if len(skipped) > 5 else "")
        warnings.warn(f"{what}: skipped {len(skipped)} document(s) that are not English: {shown}; "
                      "the patterns are English-only, so these documents get no rows.",
                      UserWarning, stacklevel=3)
    _split(items)
    return items


def _split(items: list[Part]) -> None:
    if not items:
        return
    keys = [str(i) for i in range(len(items))]
    frame = pd.DataFrame({"doc_id": keys, "text": [p.text for p in items], "language": "en"})
    sents = _sentences(frame)
    toks = _tokens(sents)
    by_sentence: dict[tuple[str, int], list[Token]] = {}
    for key, sid, s, e, t in zip(toks["doc_id"].tolist(), toks["sent_id"].tolist(),
                                 toks["start"].tolist(), toks["end"].tolist(), toks["token"].tolist()):
        by_sentence.setdefault((key, sid), []).append(Token(s, e, t, norm(t)))
    para_starts = [paragraph_starts(p.text) for p in items]
    for key, sid, s, e, t in zip(sents["doc_id"].tolist(), sents["sent_id"].tolist(),
                                 sents["start"].tolist(), sents["end"].tolist(), sents["text"].tolist()):
        i = int(key)
        item = items[i]
        para = bisect.bisect_right(para_starts[i], s) - 1
        item.sentences.append(Sentence(item.doc_id, item.part, int(sid), int(s), int(e), t,
                                       by_sentence.get((key, sid), []), para))


_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs (blocks separated by a blank line) start."""
    return [0] + [m.end() for m in _PARA_BREAK.finditer(text)]
