"""The descriptor rules of :mod:`toolkit.discourse.labels`: word classes, target mentions, patterns.

Finds the mentions of the target in a sentence (a first name the aliases do
not list is taken in: "Qasem" Soleimani), the label words of the families
lexicon in it (:class:`_Hit`), and, around each mention, the noun phrases the
rules of :mod:`toolkit.discourse.labels` report (:class:`_Finder`: premodifier,
apposition before and after, copular and object predicates). The public
function that runs them and the counts are in :mod:`toolkit.discourse.labels`,
the families file in :mod:`toolkit.discourse.label_families`.

>>> _adjective("powerful"), _adjective("commander")
(True, False)
>>> bool(_mention_pattern("Soleimani", ["Qassem Soleimani"]).search("Qassem Soleimani’s death"))
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .. import resources
from ..text.parts import Sentence, Token, norm
from .label_families import LabelLexicon
from .vocabulary import (LABEL_COPULA, LABEL_CUES, LABEL_DETERMINERS, LABEL_FINITE, LABEL_NP_STOP, LABEL_TITLES,
                         NEGATIONS, POSSESSIVE_CLITICS)


# ---------------------------------------------------------------------------
# Word classes used by the rules (those shared with quotes and agency are in vocabulary.py)
# ---------------------------------------------------------------------------

_FILLER = frozenset("has had have for years long decades widely also often once always largely now still "
                    "reportedly allegedly arguably frequently increasingly never not n't himself herself "
                    "indeed certainly clearly really truly simply obviously ever".split())
_PERCEPTION = frozenset("seen viewed regarded considered described known branded labelled labeled called "
                        "designated dubbed hailed praised celebrated denounced condemned portrayed depicted "
                        "characterized characterised revered remembered lionized lionised painted cast touted "
                        "feted named".split())
_OBJ_PRED = frozenset("call calls called brand brands branded label labels labelled labeled describe "
                      "describes described designate designates designated consider considers considered "
                      "see sees saw view views viewed regard regards regarded hail hails hailed denounce "
                      "denounces denounced dub dubs dubbed deem deems deemed".split())
_NOT_APPOSITION = frozenset("who which whose where when and or but center centre right left pictured seen "
                            "said says file photo".split())
_ADJ_OK = frozenset("top senior elite powerful shadowy notorious infamous late slain revered legendary beloved "
                    "feared charismatic influential military former deputy storied celebrated controversial "
                    "hardline hard-line veteran key main leading prominent iconic dead chief great "
                    "most highest high-ranking high-profile ruthless brutal evil murderous so-called "
                    "supreme foreign top-ranking remaining worst".split())
_IRREGULAR_PARTICIPLES = frozenset("known seen led held made given taken shown built sent found thought born "
                                   "hidden driven drawn sworn".split())
_ADJ_SUFFIX = ("ful", "ous", "ive", "al", "ic", "ary", "ent", "ant", "ian", "ese", "ish", "less", "ical")
_CLOSERS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "“", "”", '"', "(", ")", "[", "]", "--"})


def _stopwords() -> frozenset[str]:
    return resources.stopwords()


def _is_word(t: Token) -> bool:
    return t.text[:1].isalnum()


def _is_cap(t: Token) -> bool:
    return t.text[:1].isupper()


def _adjective(low: str) -> bool:
    return low in _ADJ_OK or ("-" in low and low.replace("-", "").isalpha()) or low.endswith(_ADJ_SUFFIX)


def _headline_case(toks: Sequence[Token]) -> bool:
    """Most longer words capitalised, as in "Huge Crowd in Tehran Mourns Iranian General"."""
    words = [t for t in toks if t.text.isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.9 * len(words)


def _name_like(t: Token, headline: bool) -> bool:
    """A capitalised token that can sit in a premodifier chain (in headline case: only
    acronyms and nationality adjectives, since every word is capitalised there)."""
    if not (_is_cap(t) and _is_word(t)):
        return False
    if not headline:
        return True
    return t.text.isupper() or t.low.endswith(("ian", "ese", "i", "ish"))


@dataclass
class _Hit:
    i: int          # first token index
    j: int          # one past the last token index
    start: int
    end: int
    label: str
    family: str


def _hits(s: Sentence, text: str, lex: LabelLexicon) -> list[_Hit]:
    out = []
    toks = s.tokens
    for a, b, label, family in lex.find(text, s.start, s.end):
        i = next((k for k, t in enumerate(toks) if t.end > a), len(toks))
        j = i
        while j < len(toks) and toks[j].start < b:
            j += 1
        out.append(_Hit(i, j, a, b, label, family))
    return out


# ---------------------------------------------------------------------------
# Target mentions
# ---------------------------------------------------------------------------

def _mention_pattern(target: str, aliases: Sequence[str] | str | None) -> re.Pattern:
    if isinstance(aliases, str):
        aliases = [aliases]
    names = [target, *(aliases or [])]
    names = [" ".join(str(n).split()) for n in names if n and str(n).strip()]
    if not names:
        raise ValueError("labels() needs a non-empty target")
    names = sorted(set(names), key=lambda n: (-len(n), n))
    alts = [r"\s+".join(re.escape(w).replace("'", "['’]").replace("’", "['’]") for w in n.split())
            for n in names]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


def _mentions(s: Sentence, text: str, pattern: re.Pattern, desc: LabelLexicon) -> list[tuple[int, int]]:
    toks = s.tokens
    out = []
    stop = _stopwords()
    for m in pattern.finditer(text, s.start, s.end):
        i = next((k for k, t in enumerate(toks) if t.end > m.start()), len(toks))
        j = i
        while j < len(toks) and toks[j].start < m.end():
            j += 1
        if i >= j:
            continue
        # a first name the aliases do not list ("Qasem" Soleimani) belongs to the mention
        for _ in range(2):
            if i == 0:
                break
            t = toks[i - 1]
            if (re.fullmatch(r"[A-Z][a-z]+", t.text) and t.low not in LABEL_TITLES and t.low not in stop
                    and t.low not in desc.single_words and not t.low.endswith(("ian", "ese"))):
                i -= 1
            else:
                break
        out.append((i, j))
    return out


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------

class _Finder:
    def __init__(self, s: Sentence, desc_hits: list[_Hit], event_words: frozenset[str]):
        self.s = s
        self.toks = s.tokens
        self.hits = desc_hits
        self.starts = {h.i: h for h in desc_hits}
        self.ends = {h.j - 1: h for h in desc_hits}
        self.event_words = event_words
        self.stop = _stopwords()
        self.headline = _headline_case(s.tokens)

    def hits_in(self, i: int, j: int) -> list[_Hit]:
        return [h for h in self.hits if h.i >= i and h.j <= j]

    def premodifier(self, ms: int) -> tuple[int, int] | None:
        toks, j, first = self.toks, ms - 1, ms
        while j >= 0 and ms - j <= 9:
            t = toks[j]
            hit = self.ends.get(j)
            if hit is not None:
                first = hit.i
                j = hit.i - 1
                continue
            if t.low in POSSESSIVE_CLITICS and j > 0 and _is_word(toks[j - 1]):
                first = j - 1  # the owner comes with its clitic: "Iran’s top general"
                j -= 2
                continue
            if not _is_word(t) or t.low in self.stop or t.low in LABEL_DETERMINERS or t.low in LABEL_CUES \
                    or t.low in self.event_words:
                break
            if _is_cap(t):
                if not _name_like(t, self.headline):
                    break
                first = j
                j -= 1
                continue
            if _adjective(t.low):
                first = j
                j -= 1
                continue
            break
        if first == ms or not self.hits_in(first, ms):
            return None
        return first, ms

    def np_right(self, k: int, limit: int = 16) -> int:
        """End index of a noun phrase starting at ``k`` (stops at punctuation and clause words)."""
        toks, n = self.toks, len(self.toks)
        end = k
        depth = 0
        while end < n and end - k < limit:
            t = toks[end]
            if t.text == "(" and end > k:
                depth += 1
            elif t.text == ")" and depth:
                depth -= 1
            elif depth == 0:
                if t.text in _CLOSERS and t.low not in POSSESSIVE_CLITICS:
                    break
                if t.low in LABEL_NP_STOP or t.low in LABEL_FINITE:
                    break
                if end > k and end not in self.starts and t.low not in _ADJ_OK and (
                        t.low.endswith("ing") or t.low in _IRREGULAR_PARTICIPLES
                        or (t.low.endswith("ed") and t.text.islower()
                                                  and toks[end - 1].low not in LABEL_DETERMINERS
                                                  and not toks[end - 1].low.endswith("ly"))):
                    break  # a participle clause or reduced relative: "… known as", "… fighting"
            end += 1
        return end

    def np_start_ok(self, k: int) -> bool:
        if k >= len(self.toks):
            return False
        t = self.toks[k]
        if k in self.starts:
            return True
        if not _is_word(t) or t.low in _NOT_APPOSITION or t.text[:1].isdigit():
            return False
        if t.low in LABEL_DETERMINERS:
            return True
        if _is_cap(t):
            return True
        return _adjective(t.low)

    def apposition_after(self, me: int) -> tuple[int, int, int] | None:
        """``(i, j, next)``: the apposition tokens and the index after its closing comma."""
        toks, n = self.toks, len(self.toks)
        if me >= n or toks[me].text != ",":
            return None
        k = me + 1
        if not self.np_start_ok(k):
            return None
        end = self.np_right(k)
        if end == k:
            return None
        if any(t.low in LABEL_FINITE for t in toks[k:end]):
            return None
        close = end
        if end < n and toks[end].text == ",":
            close = end + 1
        elif end < n and toks[end].text not in (".", "!", "?", ";", ":", "—", "–", "”", '"', ")") \
                and toks[end].low not in LABEL_NP_STOP and not self.reduced_relative(end):
            return None  # not a closed apposition (a list, a clause: "Under Soleimani, the force facilitated …")
        return k, end, close

    def reduced_relative(self, k: int) -> bool:
        """``toks[k]`` starts "known as", "blamed for", "fighting Iran’s enemies" (not a finite verb)."""
        toks = self.toks
        t = toks[k]
        if t.low.endswith("ing"):
            return True
        if t.low.endswith("ed") or t.low in _IRREGULAR_PARTICIPLES:
            return k + 1 < len(toks) and toks[k + 1].low in ("as", "by", "for", "in", "to", "with", "from", "on")
        return False

    def apposition_before(self, ms: int, me: int) -> tuple[int, int] | None:
        toks, n = self.toks, len(self.toks)
        if ms < 2 or toks[ms - 1].text != ",":
            return None
        if me < n and not (toks[me].text in (",", ".", ";", ")", "!", "?") or toks[me].low in LABEL_FINITE):
            return None
        j, first = ms - 2, ms - 1
        while j >= 0 and ms - j <= 14:
            t = toks[j]
            hit = self.ends.get(j)
            if hit is not None:
                first, j = hit.i, hit.i - 1
                continue
            if t.low in POSSESSIVE_CLITICS and j > 0:
                first, j = j, j - 1
                continue
            if t.low in LABEL_DETERMINERS:
                first = j
                break
            if t.low in ("of", "on", "in", "at", "from") or _name_like(t, self.headline):
                first, j = j, j - 1
                continue
            if _is_word(t) and t.text.islower() and t.low not in self.stop and t.low not in LABEL_CUES \
                    and t.low not in self.event_words and t.low not in LABEL_FINITE \
                    and (_adjective(t.low) or not t.low.endswith(("ed", "ing"))):
                first, j = j, j - 1
                continue
            break
        while first < ms - 1 and toks[first].low in ("of", "on", "in", "at", "from"):
            first += 1
        if first >= ms - 1 or not self.hits_in(first, ms - 1):
            return None
        return first, ms - 1

    def predicate(self, k: int) -> tuple[int, int, bool] | None:
        """After a subject ending before ``k``: ``(i, j, negated)`` of a predicative noun phrase."""
        toks, n = self.toks, len(self.toks)
        if k < n and toks[k].low in POSSESSIVE_CLITICS and k + 1 < n and toks[k + 1].low not in _PERCEPTION:
            return None  # possessive, not "’s" = is
        skipped = 0
        while k < n and toks[k].low in _FILLER and toks[k].low not in LABEL_COPULA and skipped < 6:
            k += 1
            skipped += 1
        if k >= n or toks[k].low not in LABEL_COPULA:
            return None
        negated = any(t.low in NEGATIONS for t in toks[max(0, k - skipped):k])
        k += 1
        while k < n and toks[k].low in LABEL_COPULA:  # "has been", "had been being"
            k += 1
        while k < n and (toks[k].low.endswith("ly") or toks[k].low in ("not", "n't", "never", "also", "once",
                                                                        "long", "still", "widely", "often",
                                                                        "always")):
            negated = negated or toks[k].low in NEGATIONS
            k += 1
        if k < n and toks[k].low in _PERCEPTION:
            k += 1
            if k < n and toks[k].low == "by":  # "described by Trump as"
                look = k
                while look < n and look - k < 8 and toks[look].low != "as":
                    look += 1
                k = look
            if k < n and toks[k].low == "as":
                k += 1
            elif k + 1 < n and toks[k].low == "to" and toks[k + 1].low == "be":
                k += 2
            else:
                return None
        elif k < n and (toks[k].low.endswith(("ed", "ing")) or toks[k].low in self.event_words) \
                and k not in self.starts:
            return None  # passive or progressive, not a predicate noun
        if not self.np_start_ok(k):
            return None
        end = self.np_right(k)
        if end <= k:
            return None
        return k, end, negated or toks[k].low == "no"

    def object_predicate(self, v: int, after: int) -> tuple[int, int] | None:
        toks, n = self.toks, len(self.toks)
        if toks[v].low not in _OBJ_PRED:
            return None
        k = after
        if k < n and toks[k].low == "as":
            k += 1
        elif k + 1 < n and toks[k].low == "to" and toks[k + 1].low == "be":
            k += 2
        if not self.np_start_ok(k):
            return None
        end = self.np_right(k)
        return (k, end) if end > k else None


def _head_guess(toks: list[Token], i: int, j: int) -> str:
    k = j
    for m in range(i, j):
        if toks[m].low in ("of", "in", "at", "for", "from", "with", "on"):
            k = m
            break
    words = [t for t in toks[i:k] if _is_word(t)]
    return norm(words[-1].text) if words else norm(toks[i].text)
