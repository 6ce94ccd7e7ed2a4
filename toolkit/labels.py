"""Word choice: how a text names the target and the act (labelling).

``labels(corpus, target, aliases)`` returns one row per finding:

* **descriptors** (``kind="descriptor"``) — nouns and noun phrases attached to a
  mention of the target (the person killed) or an alias:

  ======================  =====================================================
  rule                    example (match in brackets)
  ======================  =====================================================
  ``alias``               a label word inside the alias itself ("General Soleimani")
  ``premodifier``         [powerful Iranian general] Qassem Soleimani; [Gen.] Soleimani
  ``apposition``          Soleimani, [the powerful head of Iran’s Quds Force], was …
  ``apposition_before``   [Iran’s top general], Qassem Soleimani, was …
  ``copular``             Soleimani was [a terrorist]; … has been seen as [the architect of …]
  ``copular_pronoun``     "He was [a terrorist]." when the target is named in the
                          previous two sentences (a rough coreference guess)
  ``object_predicative``  who see him as [a selfless hero]; called Soleimani [a thug]
  ``near``                another label word within ``window`` tokens of a mention
                          in the same sentence (singular nouns only; not when the
                          word is a title of another name, "Supreme Leader Khamenei",
                          or a modifier, "terrorist organisation")
  ======================  =====================================================

* **event words** (``kind="event"``, rule ``lexicon``) — verbs and nouns for the
  act wherever they occur (killed, assassination, martyred, took out, removed …
  from the battlefield, death, airstrike …). ``target_in_sentence`` tells whether
  the sentence also names the target; articles mention other killings too
  (e.g. "the US’s assassination of … al Baghdadi"), so filter on it when needed.

Both kinds are looked up in the user-editable families file
``data/labels/label_families.yaml`` (see its README): the ``label`` column is
the normalised form of the word (``assassinate``, ``terrorist``, ``take out``),
``family`` what the word does (``delegitimising``/``honouring``/``role`` for
descriptors; ``criminalising``/``legitimising``/``honouring``/``descriptive`` for
events). A descriptor phrase without any listed word (``Soleimani, the man
who …``) is reported with family ``unlisted`` so you can see what to add. A
phrase with two listed words ("top terrorist commander") gives one row per word.

Offsets: ``start``/``end`` index the text of the column named by ``part``
(``text`` for ``"body"``, ``title``, ``standfirst``), so
``corpus_row[column][start:end] == match``. ``in_quote`` is True when the match
sits inside quotation marks (the words of a quoted source, not the outlet's).
Documents whose ``language`` is not English are skipped with a warning.

Known misses: pronouns are not resolved except by ``copular_pronoun``; label
words in long or nested appositions may be cut; ``near`` can pick up a label
meant for another person in the same sentence; plural labels are only found
when attached by a rule, not by ``near``.

Example
-------
>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": ["d"], "title": ["US kills Iranian general Qassem Soleimani"],
...     "text": ["Soleimani, the powerful head of Iran’s Quds Force, was assassinated. "
...              "He was a terrorist."]})
>>> out = labels(corpus, "Soleimani", ["Qassem Soleimani"])
>>> out[["part", "kind", "label", "family", "match", "rule"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['title', 'event', 'kill', 'descriptive', 'kills', 'lexicon'],
 ['title', 'descriptor', 'general', 'role', 'Iranian general', 'premodifier'],
 ['body', 'descriptor', 'head', 'role', 'the powerful head of Iran’s Quds Force', 'apposition'],
 ['body', 'event', 'assassinate', 'criminalising', 'assassinated', 'lexicon'],
 ['body', 'descriptor', 'terrorist', 'delegitimising', 'a terrorist', 'copular_pronoun']]
>>> label_counts(out, corpus.assign(outlet="X"))[["outlet", "kind", "family", "n", "share"]].values.tolist()[:3]
[['X', 'descriptor', 'delegitimising', 1, 0.3333333333333333], ['X', 'descriptor', 'role', 2, 0.6666666666666666], ['X', 'event', 'criminalising', 1, 0.5]]
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd
import yaml

from . import resources
from ._textparts import ALL_PARTS, Sentence, Token, english_parts, inside, norm, quote_spans

__all__ = ["labels", "label_counts", "load_families", "default_families_path", "LABEL_COLUMNS",
           "LabelLexicon"]

LABEL_COLUMNS = ("doc_id", "part", "kind", "label", "family", "match", "rule", "start", "end",
                 "sent_id", "sentence", "mention", "negated", "in_quote", "target_in_sentence")
KINDS = ("descriptor", "event")
UNLISTED = "unlisted"


def default_families_path() -> Path:
    """``data/labels/label_families.yaml``."""
    return resources.data_dir() / "labels" / "label_families.yaml"


# ---------------------------------------------------------------------------
# Families file
# ---------------------------------------------------------------------------

_GAP = r"[^\s.,;:!?“”\"()]+(?:\s+[^\s.,;:!?“”\"()]+){0,3}?"


def _form_regex(form: str) -> str:
    words = []
    for word in form.split():
        if word == "{x}":
            words.append(_GAP)
        else:
            words.append(re.escape(norm(word)).replace("'", "['’]"))
    return r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])"


def _key(surface: str) -> str:
    return " ".join(norm(surface).split())


@dataclass(frozen=True)
class LabelLexicon:
    """The compiled word list of one kind (descriptor or event)."""

    kind: str
    plain: re.Pattern | None                       # all forms without gaps, longest first
    lookup: Mapping[str, tuple[str, str] | None]   # normalised form → (label, family); None = ignore
    gapped: tuple[tuple[re.Pattern, str, str], ...]  # forms with {x}
    families: Mapping[str, str]                    # family → description
    plurals: frozenset[str]                        # forms that are plurals of another form
    single_words: frozenset[str]                   # one-word forms (for token tests)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
        """Non-overlapping ``(start, end, label, family)`` in ``text[start:end]``, longest first."""
        end = len(text) if end is None else end
        found: list[tuple[int, int, str, str]] = []
        if self.plain is not None:
            for m in self.plain.finditer(text, start, end):
                entry = self.lookup[_key(m.group())]
                label, family = entry if entry is not None else ("", "")
                found.append((m.start(), m.end(), label, family))
        for pattern, label, family in self.gapped:
            for m in pattern.finditer(text, start, end):
                found.append((m.start(), m.end(), label, family))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out: list[tuple[int, int, str, str]] = []
        last = -1
        for item in found:
            if item[0] >= last:
                out.append(item)
                last = item[1]
        return [item for item in out if item[2]]  # drop the "ignore" expressions


def load_families(families: str | os.PathLike | Mapping[str, Any] | None = None) -> dict[str, LabelLexicon]:
    """Read a families file (default :func:`default_families_path`) or a mapping of the same shape.

    Returns ``{"descriptor": LabelLexicon, "event": LabelLexicon}``. Raises
    ``ValueError`` with the offending entry when the file is malformed or a
    form is listed twice.

    >>> lex = load_families({"descriptor": {"bad": {"labels": {"villain": ["villain"]}}},
    ...                      "event": {"neutral": {"labels": {"kill": ["killed"]}}}})
    >>> lex["descriptor"].find("a villain indeed")
    [(2, 9, 'villain', 'bad')]
    """
    if families is None:
        families = default_families_path()
    if isinstance(families, (str, os.PathLike)):
        path = Path(families)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: not valid YAML: {exc}") from None
        where = str(path)
    else:
        data, where = families, "families"
    if not isinstance(data, Mapping):
        raise ValueError(f"{where}: expected a mapping with keys {list(KINDS)} (and optionally 'ignore')")
    out: dict[str, LabelLexicon] = {}
    seen: dict[str, str] = {}
    ignore = data.get("ignore") or []
    if isinstance(ignore, str) or not isinstance(ignore, Sequence):
        raise ValueError(f"{where}: 'ignore' must be a list of expressions")
    ignore_keys = {_key(str(f)) for f in ignore if str(f).strip()}
    for key in ignore_keys:
        seen[key] = "ignore"
    for kind in KINDS:
        section = data.get(kind) or {}
        if not isinstance(section, Mapping):
            raise ValueError(f"{where}: '{kind}' must map family names to entries")
        lookup: dict[str, tuple[str, str]] = {}
        gapped: list[tuple[re.Pattern, str, str]] = []
        descriptions: dict[str, str] = {}
        by_label: dict[str, set[str]] = {}
        for family, entry in section.items():
            if isinstance(entry, Mapping):
                descriptions[str(family)] = " ".join(str(entry.get("description", "")).split())
                table = entry.get("labels") or {}
            else:
                raise ValueError(f"{where}: {kind}/{family} must have a 'labels' mapping")
            if not isinstance(table, Mapping):
                raise ValueError(f"{where}: {kind}/{family}/labels must map a label to a list of forms")
            for label, forms in table.items():
                if isinstance(forms, str):
                    forms = [forms]
                if not forms:
                    forms = [str(label)]
                for form in forms:
                    form = " ".join(str(form).split())
                    key = _key(form)
                    if key in seen:
                        raise ValueError(f"{where}: form {form!r} is listed twice ({seen[key]} and "
                                         f"{kind}/{family}/{label})")
                    seen[key] = f"{kind}/{family}/{label}"
                    if "{x}" in form:
                        gapped.append((re.compile(_form_regex(form), re.IGNORECASE), str(label), str(family)))
                    else:
                        lookup[key] = (str(label), str(family))
                        by_label.setdefault(str(label), set()).add(key)
        single = frozenset(k for k in lookup if " " not in k)
        lookup.update(dict.fromkeys(ignore_keys))
        keys = sorted(lookup, key=lambda k: (-len(k), k))
        plain = re.compile("|".join(_form_regex(k) for k in keys), re.IGNORECASE) if keys else None
        plurals = set()
        for forms in by_label.values():
            for f in forms:
                if (f.endswith("s") and f[:-1] in forms) or (f.endswith("es") and f[:-2] in forms):
                    plurals.add(f)
        out[kind] = LabelLexicon(kind, plain, lookup, tuple(gapped), descriptions, frozenset(plurals), single)
    return out


# ---------------------------------------------------------------------------
# Word classes used by the rules
# ---------------------------------------------------------------------------

DETERMINERS = frozenset("the a an this that these those his her its their our my your no one".split())
_FINITE = frozenset("is was were are am be has had have will would shall should can could may might must "
                    "did does do said says say told tells".split())
_CUES = frozenset("said says say told tells added adds claimed claims stated states announced confirmed "
                  "wrote writes tweeted reported described called".split())
_COPULA = frozenset("is was were are be been being remains remained became becomes become 's".split())
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
_NP_STOP = frozenset("who whom which that whose when while because after before since where but although "
                     "though if as than by".split())
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
_NOT_NAME = frozenset("major maj. lieutenant lt. brigadier brig. colonel col. president mr. mrs. ms. dr. sir "
                      "ayatollah sheikh imam hajj haj sardar martyr supreme secretary minister prime senator "
                      "general gen. commander chief leader head the".split())
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
            if (re.fullmatch(r"[A-Z][a-z]+", t.text) and t.low not in _NOT_NAME and t.low not in stop
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
            if t.low in ("'s", "'") and j > 0 and _is_word(toks[j - 1]):
                first = j - 1  # the owner comes with its clitic: "Iran’s top general"
                j -= 2
                continue
            if not _is_word(t) or t.low in self.stop or t.low in DETERMINERS or t.low in _CUES \
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
                if t.text in _CLOSERS and t.low not in ("'s", "'"):
                    break
                if t.low in _NP_STOP or t.low in _FINITE:
                    break
                if end > k and end not in self.starts and t.low not in _ADJ_OK and (
                        t.low.endswith("ing") or t.low in _IRREGULAR_PARTICIPLES
                        or (t.low.endswith("ed") and t.text.islower()
                                                  and toks[end - 1].low not in DETERMINERS
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
        if t.low in DETERMINERS:
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
        if any(t.low in _FINITE for t in toks[k:end]):
            return None
        close = end
        if end < n and toks[end].text == ",":
            close = end + 1
        elif end < n and toks[end].text not in (".", "!", "?", ";", ":", "—", "–", "”", '"', ")") \
                and toks[end].low not in _NP_STOP and not self.reduced_relative(end):
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
        if me < n and not (toks[me].text in (",", ".", ";", ")", "!", "?") or toks[me].low in _FINITE):
            return None
        j, first = ms - 2, ms - 1
        while j >= 0 and ms - j <= 14:
            t = toks[j]
            hit = self.ends.get(j)
            if hit is not None:
                first, j = hit.i, hit.i - 1
                continue
            if t.low in ("'s", "'") and j > 0:
                first, j = j, j - 1
                continue
            if t.low in DETERMINERS:
                first = j
                break
            if t.low in ("of", "on", "in", "at", "from") or _name_like(t, self.headline):
                first, j = j, j - 1
                continue
            if _is_word(t) and t.text.islower() and t.low not in self.stop and t.low not in _CUES \
                    and t.low not in self.event_words and t.low not in _FINITE \
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
        if k < n and toks[k].low in ("'s", "'") and k + 1 < n and toks[k + 1].low not in _PERCEPTION:
            return None  # possessive, not "’s" = is
        skipped = 0
        while k < n and toks[k].low in _FILLER and toks[k].low not in _COPULA and skipped < 6:
            k += 1
            skipped += 1
        if k >= n or toks[k].low not in _COPULA:
            return None
        negated = any(t.low in ("not", "n't", "never") for t in toks[max(0, k - skipped):k])
        k += 1
        while k < n and toks[k].low in _COPULA:  # "has been", "had been being"
            k += 1
        while k < n and (toks[k].low.endswith("ly") or toks[k].low in ("not", "n't", "never", "also", "once",
                                                                        "long", "still", "widely", "often",
                                                                        "always")):
            negated = negated or toks[k].low in ("not", "n't", "never")
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


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------

def labels(corpus: pd.DataFrame, target: str, aliases: Sequence[str] | str | None = (), *,
           families: str | os.PathLike | Mapping[str, Any] | None = None,
           parts: Sequence[str] = ALL_PARTS, window: int = 15) -> pd.DataFrame:
    """Descriptors of ``target`` and words for the event, one row per finding.

    ``corpus`` needs ``doc_id`` and ``text`` (``title``, ``standfirst`` and
    ``language`` are used when present). ``target`` and ``aliases`` are names
    of the person (matched case-insensitively, possessives included; list the
    name forms, e.g. ``["Qassem Soleimani", "Qasem Soleimani"]``). ``families``
    is a YAML path or mapping (default ``data/labels/label_families.yaml``).
    ``window`` is the token distance for the ``near`` rule. Columns:
    :data:`LABEL_COLUMNS`; see the module docstring for the rules.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["d"], "text": ["Soleimani was a terrorist, officials said."]})
    >>> labels(corpus, "Soleimani")[["kind", "label", "family", "match", "start", "end"]].values.tolist()
    [['descriptor', 'terrorist', 'delegitimising', 'a terrorist', 14, 25]]
    """
    if window < 0:
        raise ValueError("window must be >= 0")
    lex = load_families(families)
    desc, event = lex["descriptor"], lex["event"]
    mention_re = _mention_pattern(target, aliases)
    event_words = event.single_words
    rows: list[dict[str, Any]] = []
    for part in english_parts(corpus, parts, what="labels"):
        text = part.text
        qspans = quote_spans(text)
        recent_mention: list[int] = []  # sentence positions with a mention
        for pos, s in enumerate(part.sentences):
            toks = s.tokens
            mentions = _mentions(s, text, mention_re, desc)
            hits = _hits(s, text, desc)
            finder = _Finder(s, hits, event_words)
            used: set[int] = set()
            mention_tokens = {k for a, b in mentions for k in range(a, b)}
            found: list[tuple[int, int, str, str, str, str, int, int, bool]] = []

            def emit(i: int, j: int, rule: str, mention: tuple[int, int], negated: bool = False,
                     unlisted_ok: bool = True) -> None:
                inner = [h for h in finder.hits_in(i, j) if id(h) not in used]
                mtext = text[toks[mention[0]].start:toks[mention[1] - 1].end]
                if inner:
                    for h in inner:
                        used.add(id(h))
                        found.append((toks[i].start, toks[j - 1].end, h.label, h.family, rule, mtext,
                                      h.start, h.end, negated))
                elif unlisted_ok and toks[i].low in ("the", "a", "an") and j - i >= 2 \
                        and rule not in ("premodifier", "copular_pronoun"):
                    found.append((toks[i].start, toks[j - 1].end, _head_guess(toks, i, j), UNLISTED, rule,
                                  mtext, toks[i].start, toks[j - 1].end, negated))

            for ms, me in mentions:
                for h in finder.hits_in(ms, me):
                    if id(h) not in used:
                        used.add(id(h))
                        found.append((h.start, h.end, h.label, h.family, "alias",
                                      text[toks[ms].start:toks[me - 1].end], h.start, h.end, False))
                pre = finder.premodifier(ms)
                if pre:
                    emit(pre[0], pre[1], "premodifier", (ms, me))
                before = finder.apposition_before(pre[0] if pre else ms, me)
                if before:
                    emit(before[0], before[1], "apposition_before", (ms, me))
                after = finder.apposition_after(me)
                nxt = me
                if after:
                    closed = after[1] >= len(toks) or not _is_word(toks[after[1]])
                    emit(after[0], after[1], "apposition", (ms, me), unlisted_ok=closed)
                    nxt = after[2]
                pred = finder.predicate(nxt)
                if pred:
                    emit(pred[0], pred[1], "copular", (ms, me), pred[2])
                if ms > 0:
                    obj = finder.object_predicate(ms - 1, me)
                    if obj:
                        emit(obj[0], obj[1], "object_predicative", (ms, me))
            if mentions:
                for v, t in enumerate(toks[:-1]):
                    if t.low in _OBJ_PRED and toks[v + 1].low in ("him", "her"):
                        obj = finder.object_predicate(v, v + 2)
                        if obj:
                            emit(obj[0], obj[1], "object_predicative", (v + 1, v + 2))
                for h in hits:
                    if id(h) in used or any(k in mention_tokens for k in range(h.i, h.j)):
                        continue
                    dist = min(min(abs(h.i - b + 1), abs(a - h.j + 1)) for a, b in mentions)
                    if dist > window or not _near_ok(toks, h, desc, mention_tokens):
                        continue
                    used.add(id(h))
                    m0 = min(mentions, key=lambda ab: min(abs(h.i - ab[1] + 1), abs(ab[0] - h.j + 1)))
                    found.append((h.start, h.end, h.label, h.family, "near",
                                  text[toks[m0[0]].start:toks[m0[1] - 1].end], h.start, h.end, False))
                recent_mention.append(pos)
            elif toks and toks[0].low in ("he", "she") and recent_mention and pos - recent_mention[-1] <= 2:
                pred = finder.predicate(1)
                if pred:
                    emit(pred[0], pred[1], "copular_pronoun", (0, 1), pred[2])
            for a, b, label, family, rule, mtext, ha, hb, negated in found:
                rows.append(_row(part, s, "descriptor", label, family, text[a:b], rule, a, b, mtext,
                                 negated, inside(qspans, ha, hb), bool(mentions)))
            for a, b, label, family in event.find(text, s.start, s.end):
                rows.append(_row(part, s, "event", label, family, text[a:b], "lexicon", a, b, None,
                                 False, inside(qspans, a, b), bool(mentions)))
    return _frame(rows, corpus)


def _near_ok(toks: list[Token], h: _Hit, desc: LabelLexicon, mention_tokens: set[int]) -> bool:
    surface = _key(" ".join(t.text for t in toks[h.i:h.j]))
    if surface in desc.plurals:
        return False
    stop = _stopwords()
    if h.j < len(toks):
        nxt = toks[h.j]
        if h.j not in mention_tokens:
            if _is_cap(nxt) and _is_word(nxt):
                return False  # a title of another name: "Supreme Leader Khamenei"
            if _is_word(nxt) and nxt.low not in stop and nxt.low not in _CUES and nxt.low not in ("'s",):
                return False  # a modifier: "terrorist organisation", "general election"
    if h.i > 0 and toks[h.i - 1].low == "in" and surface == "general":
        return False
    # an apposition to another name: "al-Muhandis, the deputy commander"
    k = h.i - 1
    while k >= 0 and h.i - k <= 5 and (toks[k].low in DETERMINERS or _adjective(toks[k].low)
                                        or toks[k].low in ("'s", "'") or (_is_cap(toks[k]) and k - 1 >= 0
                                                                          and toks[k - 1].text != ",")):
        k -= 1
    if k >= 1 and toks[k].text == "," and _is_cap(toks[k - 1]) and (k - 1) not in mention_tokens:
        return False
    return True


def _row(part, s: Sentence, kind: str, label: str, family: str, match: str, rule: str, a: int, b: int,
         mention: str | None, negated: bool, in_quote: bool, target: bool) -> dict[str, Any]:
    return {"doc_id": part.doc_id, "part": part.part, "kind": kind, "label": label, "family": family,
            "match": match, "rule": rule, "start": a, "end": b, "sent_id": s.sent_id, "sentence": s.text,
            "mention": mention, "negated": negated, "in_quote": in_quote, "target_in_sentence": target}


def _frame(rows: list[dict[str, Any]], corpus: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=list(LABEL_COLUMNS))
    if out.empty:
        return out.astype({"start": "int64", "end": "int64", "sent_id": "int64", "negated": bool,
                           "in_quote": bool, "target_in_sentence": bool})
    order = {d: k for k, d in enumerate(corpus["doc_id"].tolist())}
    part_order = {p: k for k, p in enumerate(ALL_PARTS)}
    out = out.assign(_d=out["doc_id"].map(order), _p=out["part"].map(part_order))
    for col in ["mention"]:  # missing values are None, not NaN
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    out = out.sort_values(["_d", "_p", "start", "end"], kind="stable").drop(columns=["_d", "_p"])
    return out.reset_index(drop=True)


def label_counts(labels_table: pd.DataFrame, corpus: pd.DataFrame, by: str = "outlet", *,
                 level: str = "family") -> pd.DataFrame:
    """Counts and shares of labels per group × kind × family (``level="label"``: × label too).

    ``by`` is a column of ``labels_table`` or of ``corpus`` (joined on
    ``doc_id``); ``by="group"`` falls back to ``data/corpus-groups.csv`` when
    the corpus has no ``group`` column. ``share`` is ``n`` divided by the
    group's total for that kind, so shares sum to 1 per group and kind. At
    ``level="family"`` every family seen in the table is listed for every
    group (``n=0`` where absent), ready for side-by-side charts.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "kind": "event", "family": ["x", "y", "x"],
    ...                   "label": ["kill", "murder", "kill"]})
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"]})
    >>> label_counts(t, c)[["outlet", "family", "n", "share"]].values.tolist()
    [['A', 'x', 1, 0.5], ['A', 'y', 1, 0.5], ['B', 'x', 1, 1.0], ['B', 'y', 0, 0.0]]
    """
    if level not in ("family", "label"):
        raise ValueError("level must be 'family' or 'label'")
    needed = ["doc_id", "kind", "family"] + (["label"] if level == "label" else [])
    missing = [c for c in needed if c not in labels_table.columns]
    if missing:
        raise KeyError(f"label_counts() needs column(s) {missing} in the labels table")
    table = labels_table
    if by not in table.columns:
        if by in corpus.columns:
            # a plain frame: the corpus's attrs (load reports) must not travel into the merge
            groups = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str).to_numpy(),
                                   by: corpus[by].to_numpy()}).drop_duplicates("doc_id")
        elif by == "group":
            groups = resources.corpus_groups()
        else:
            raise KeyError(f"no column {by!r} in the labels table or the corpus; "
                           f"corpus columns: {list(corpus.columns)}")
        table = table.assign(doc_id=table["doc_id"].astype(str)).merge(
            groups.astype({"doc_id": str}), on="doc_id", how="left")
        table.attrs = {}
    table = table.assign(**{by: table[by].fillna("(none)")})
    keys = [by, "kind", "family"] + (["label"] if level == "label" else [])
    counts = table.groupby(keys, dropna=False).size().rename("n").reset_index()
    if level == "family" and not counts.empty:
        frames = []
        for kind, sub in counts.groupby("kind"):
            grid = pd.MultiIndex.from_product([sorted(sub[by].unique()), [kind], sorted(sub["family"].unique())],
                                              names=keys).to_frame(index=False)
            frames.append(grid.merge(sub, on=keys, how="left"))
        counts = pd.concat(frames, ignore_index=True)
        counts["n"] = counts["n"].fillna(0).astype("int64")
    totals = counts.groupby([by, "kind"])["n"].transform("sum")
    counts["share"] = (counts["n"] / totals.where(totals > 0)).fillna(0.0).astype(float)
    return counts.sort_values(keys, kind="stable").reset_index(drop=True)
