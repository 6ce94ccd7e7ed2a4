"""Read CoNLL-U treebanks and re-cut them into the toolkit's own tokens.

The parser is trained and measured on the tokens :func:`toolkit.tokens` makes, so
that parsing never re-tokenizes. Universal Dependencies splits some words the
toolkit keeps whole (``anti - war``, ``U.S. - led``); this module re-tokenizes
each treebank sentence with the toolkit and aligns the two by character offset:

* one toolkit token = one UD word: copied as it is;
* one toolkit token = several UD words (a hyphenated compound): the merged token
  takes the tag, morphology, head and relation of the group's syntactic head
  (the word whose head lies outside the group); its lemma is the surface text
  before that word plus the head word's lemma (``anti-wars`` → ``anti-war``);
* one UD word = several toolkit tokens (a URL cut at ``:``): the first piece
  keeps the analysis, the others attach to it as ``goeswith``;
* crossing cuts (several tokens against several words): the sentence is left
  out and counted, never silently.

>>> words = read_conllu_text(EXAMPLE)
>>> [(w.form, w.head, w.deprel) for w in words[0].words]
[('They', 2, 'nsubj'), ('left', 0, 'root'), ('.', 2, 'punct')]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

EXAMPLE = """# text = They left.
1\tThey\tthey\tPRON\tPRP\tCase=Nom|Number=Plur\t2\tnsubj\t_\t_
2\tleft\tleave\tVERB\tVBD\tTense=Past\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


@dataclass
class Word:
    """One syntactic word of a CoNLL-U sentence (``head`` counts from 1; 0 is the root)."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    start: int = 0
    end: int = 0


@dataclass
class Sentence:
    """A treebank sentence: its text, its words with character spans, its id."""

    sent_id: str
    text: str
    words: list[Word] = field(default_factory=list)


def _spans(text: str, forms: list[str], start: int) -> list[tuple[int, int]] | None:
    """Character spans of a multi-word token's words (``don't`` → ``do`` + ``n't``)."""
    surface = text[start:]
    joined = "".join(forms)
    if not surface.lower().startswith(joined.lower()):
        return None
    spans, pos = [], start
    for form in forms:
        spans.append((pos, pos + len(form)))
        pos += len(form)
    return spans


def _sentence(lines: list[str], sent_id: str, text: str) -> Sentence:
    sent = Sentence(sent_id, text)
    pos = 0
    pending: tuple[int, int, str] | None = None  # a multi-word token range and its surface form
    group: list[Word] = []
    for line in lines:
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"{sent_id}: a CoNLL-U line needs 10 tab-separated columns: {line!r}")
        ident = cols[0]
        if "." in ident:  # empty nodes of the enhanced graph
            continue
        if "-" in ident:
            lo, hi = (int(x) for x in ident.split("-"))
            pending = (lo, hi, cols[1])
            group = []
            continue
        word = Word(cols[1], cols[2], cols[3], cols[4], cols[5], int(cols[6]), cols[7])
        sent.words.append(word)
        if pending and pending[0] <= int(ident) <= pending[1]:
            group.append(word)
            if int(ident) == pending[1]:
                start = text.find(pending[2], pos)
                if start < 0:
                    raise ValueError(f"{sent_id}: token {pending[2]!r} is not in the sentence text")
                end = start + len(pending[2])
                spans = _spans(text, [w.form for w in group], start) or [(start, end)] * len(group)
                for w, (s, e) in zip(group, spans):
                    w.start, w.end = s, e
                pos, pending = end, None
            continue
        start = text.find(word.form, pos)
        if start < 0:
            raise ValueError(f"{sent_id}: word {word.form!r} is not in the sentence text")
        word.start, word.end = start, start + len(word.form)
        pos = word.end
    return sent


def read_conllu_text(data: str) -> list[Sentence]:
    """Parse CoNLL-U text into :class:`Sentence` objects with character spans per word."""
    sentences: list[Sentence] = []
    lines: list[str] = []
    sent_id, text = "", ""
    for raw in data.splitlines() + [""]:
        if raw.startswith("# sent_id ="):
            sent_id = raw.split("=", 1)[1].strip()
        elif raw.startswith("# text ="):
            text = raw.split("=", 1)[1].strip()
        elif raw.startswith("#"):
            continue
        elif raw.strip():
            lines.append(raw)
        elif lines:
            sentences.append(_sentence(lines, sent_id or str(len(sentences)), text))
            lines, sent_id, text = [], "", ""
    return sentences


def read_conllu(path: str | Path) -> list[Sentence]:
    """Read a CoNLL-U file (UTF-8)."""
    return read_conllu_text(Path(path).read_text(encoding="utf-8"))


def _groups(sent: Sentence, toks: list[tuple[int, int]]) -> list[tuple[list[int], list[int]]] | None:
    """Tokens and words that overlap, as (token indices, word indices) groups.

    Each group is one token with the words it covers, or one word with the tokens
    that split it; None when a group has several of both (crossing cuts) or a
    word or token is left over.
    """
    words = sent.words
    groups: list[tuple[list[int], list[int]]] = []
    ti = wi = 0
    while ti < len(toks) and wi < len(words):
        end = max(toks[ti][1], words[wi].end)
        tg, wg = [ti], [wi]
        ti, wi = ti + 1, wi + 1
        # grow the group while the next token or word starts before its end
        while True:
            if ti < len(toks) and toks[ti][0] < end:
                tg.append(ti)
                end = max(end, toks[ti][1])
                ti += 1
            elif wi < len(words) and words[wi].start < end:
                wg.append(wi)
                end = max(end, words[wi].end)
                wi += 1
            else:
                break
        if len(tg) > 1 and len(wg) > 1:
            return None
        groups.append((tg, wg))
    return groups if ti == len(toks) and wi == len(words) else None


def retokenize(sent: Sentence, toks: list[tuple[int, int]]) -> list[Word] | None:
    """The sentence's words re-cut to the toolkit's token spans (None when they do not align).

    A UD word the toolkit splits (a URL cut at ``:``) keeps its analysis on the
    first piece; the other pieces attach to it as ``goeswith`` (UPOS ``X``,
    tag ``GW``), UD's relation for the parts of one broken word.
    """
    groups = _groups(sent, toks)
    if groups is None:
        return None
    word_to_tok = {}
    for tg, wg in groups:
        for wi in wg:
            word_to_tok[wi] = tg[0]
    words: list[Word] = []
    for tg, wg in groups:
        hw = sent.words[_group_head(sent.words, wg)]
        s, e = toks[tg[0]]
        lemma = hw.lemma if len(wg) == 1 else sent.text[s:hw.start] + hw.lemma
        if len(tg) > 1:
            lemma = sent.text[s:e]
        head = 0 if hw.head == 0 else word_to_tok[hw.head - 1] + 1
        words.append(Word(sent.text[s:e], lemma, hw.upos, hw.xpos, hw.feats, head, hw.deprel, s, e))
        for ti in tg[1:]:
            s, e = toks[ti]
            words.append(Word(sent.text[s:e], sent.text[s:e], "X", "GW", "_", tg[0] + 1, "goeswith", s, e))
    return words if _is_tree(words) else None


def _group_head(words: list[Word], group: list[int]) -> int:
    """The group's syntactic head: its word whose chain of heads never comes back into the group.

    In *Sri Lanka-born*, *Lanka* depends on *Sri*, which depends on *born*: the
    head of ``Lanka-born`` is *born*.
    """
    inside = set(group)
    for wi in group:
        node, seen = words[wi].head - 1, set()
        while node >= 0 and node not in inside and node not in seen:
            seen.add(node)
            node = words[node].head - 1
        if node < 0:
            return wi
    return group[0]


def _is_tree(words: list[Word]) -> bool:
    """True when every word reaches the root (no cycle after merging)."""
    for i in range(len(words)):
        node, steps = i, 0
        while words[node].head:
            node, steps = words[node].head - 1, steps + 1
            if steps > len(words):
                return False
    return True


def toolkit_token_spans(sentences: list[Sentence]) -> list[list[tuple[int, int]]]:
    """The toolkit tokenizer's spans for each sentence's text (one call for all)."""
    from toolkit import tokens

    table = pd.DataFrame(
        {
            "doc_id": range(len(sentences)),
            "sent_id": 0,
            "start": 0,
            "end": [len(s.text) for s in sentences],
            "text": [s.text for s in sentences],
            "language": "en",
        }
    )
    toks = tokens(table)
    spans: list[list[tuple[int, int]]] = [[] for _ in sentences]
    for doc, s, e in zip(toks["doc_id"].tolist(), toks["start"].tolist(), toks["end"].tolist()):
        spans[doc].append((s, e))
    return spans


def aligned(sentences: list[Sentence]) -> tuple[list[Sentence], int]:
    """Treebank sentences on toolkit tokens, and how many could not be aligned."""
    out, dropped = [], 0
    for sent, spans in zip(sentences, toolkit_token_spans(sentences)):
        words = retokenize(sent, spans)
        if words is None:
            dropped += 1
            continue
        out.append(Sentence(sent.sent_id, sent.text, words))
    return out, dropped
