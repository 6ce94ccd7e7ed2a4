"""Word lists and name handling for the quote rules (see :mod:`toolkit.discourse.quotes`).

Holds the lexicons of the quote rules (say-like verbs, pronouns, organisation
words, heads of anonymous sources; :data:`CUE_VERBS`, auxiliaries, time words
and titles, which labels and agency use too, are in
:mod:`toolkit.discourse.vocabulary`), matching a compiled actor
table in text (:func:`_matches`, :func:`_best`) and reading a speaker phrase
into a name ("Iran’s ambassador to Iraq, Iraj Masjedi" → "Iraj Masjedi";
"Cohen" → "Yossi Cohen"). The clause grammar that uses them is in
:mod:`toolkit.discourse.quote_clauses`, the quotation patterns in
:mod:`toolkit.discourse.quote_indirect` and :mod:`toolkit.discourse.quote_rules`,
the public functions in :mod:`toolkit.discourse.quotes`.

>>> CUE_VERBS["told"], CUE_VERBS["tweeting"]
('tell', 'tweet')
>>> _full_name("Cohen", "Mossad chief Yossi Cohen spoke. Cohen said", 33)
'Yossi Cohen'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .. import resources
from ..text.parts import Token
from .quote_lexicon import SAY_LIKE
from .vocabulary import CUE_VERBS, POSSESSIVE_CLITICS, QUOTE_TIME_WORDS, QUOTE_TITLES

UNATTRIBUTED = "unattributed"
UNKNOWN = "unknown"  # a pronoun that could not be resolved


# ---------------------------------------------------------------------------
# Lexicons (the word classes shared with labels and agency are in vocabulary.py)
# ---------------------------------------------------------------------------

_SAY_LIKE = SAY_LIKE  # verbs of saying that take a bare clause (data/quotes/cue_verbs.csv)
_PARTICIPLE_CUES = frozenset(w for w in CUE_VERBS if w.endswith("ing"))
_PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "plural", "him": "person", "her": "person"}
_ANON_HEADS = frozenset("official officials source sources diplomat diplomats aide aides person people "
                        "politician politicians leader leaders commander commanders spokesman spokeswoman "
                        "spokesperson member members insider insiders adviser advisers advisor advisors "
                        "lawmaker lawmakers legislator legislators officer officers figure figures".split())
_ANON_MARKERS = re.compile(
    r"on (?:the )?condition of anonymity|speaking anonymously|(?:asked|declined|requested) not to be "
    r"(?:named|identified)|(?:declined|refused) to be (?:named|identified)|not authori[sz]ed to (?:speak|"
    r"discuss|comment|talk|give)|who (?:spoke|talked) on background|without being named", re.IGNORECASE)
_ORG_WORDS = frozenset(
    "department ministry office force forces corps guard guards council agency army navy command tv "
    "television news embassy house pentagon congress parliament government mission nations committee "
    "administration party media radio agency times post press guardian journal network broadcaster "
    "militia brigades hezbollah mobilization mobilisation centcom irgc fars irna tasnim cnn bbc reuters ap "
    "afp".split())
_STATEMENT_INTRO = re.compile(r"\b((?:issued|released|made|delivered|gave|put out)\s+(?:this|the following|a|the)"
                              r"\s+(?:[\w-]+\s+){0,2}?(?:statement|remarks|comments))", re.IGNORECASE)


def first_person(word: str) -> bool:
    """The author or the addressee, not a source: *I*, *we*, *you*, *us*, also contracted ("I'd", "we've").

    >>> first_person("I'd"), first_person("Iran")
    (True, False)
    """
    if word in ("US", "U.S."):
        return False  # the country, not "us"
    w = word.lower().replace("’", "'").split("'")[0]
    return w in ("i", "we", "you", "us", "me")


# ---------------------------------------------------------------------------
# Actor table, compiled
# ---------------------------------------------------------------------------

_TYPE_RANK = {"person": 0, "organisation": 1, "organization": 1, "media": 1, "group": 2, "anonymous": 3,
              "country": 4}


@dataclass(frozen=True)
class _Actors:
    rows: tuple[tuple[re.Pattern, re.Pattern, str, str, str], ...]  # pattern, pattern (ignore case), actor, side, type


def _matches(actors: _Actors, text: str, ignore_case: bool = False) -> list[tuple[int, int, str, str, str]]:
    """All ``(start, end, actor, side, type)`` matches, longest kept where they overlap."""
    found = []
    for pat, pat_i, actor, side, typ in actors.rows:
        for m in (pat_i if ignore_case else pat).finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), actor, side, typ))
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    kept: list[tuple[int, int, str, str, str]] = []
    for f in found:
        if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
            kept.append(f)
    return sorted(kept)


def _best(found: list[tuple[int, int, str, str, str]]) -> tuple[int, int, str, str, str] | None:
    if not found:
        return None
    return min(found, key=lambda f: (_TYPE_RANK.get(f[4], 5), -(f[1] - f[0]), f[0]))


# ---------------------------------------------------------------------------
# Speaker phrases
# ---------------------------------------------------------------------------

def _is_cap(t: Token) -> bool:
    return t.text[:1].isupper()


def _is_word(t: Token) -> bool:
    return t.text[:1].isalnum()


def _name_runs(toks: Sequence[Token]) -> list[list[Token]]:
    """Runs of capitalised tokens (with al-/bin/of/the inside names)."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for k, t in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if _is_cap(t) and _is_word(t) or t.low.startswith(("al-", "el-")) or (
                t.low in ("bin", "ibn", "abu", "of", "de", "van", "von") and cur and nxt is not None
                and _is_cap(nxt)):
            cur.append(t)
        elif t.text == "." and cur and len(cur[-1].text) == 1:
            cur.append(t)  # an initial: "Mark T. Esper" is split "T" "." by some tokenizers
        else:
            if cur:
                runs.append(cur)
            cur = []
            if t.low in POSSESSIVE_CLITICS:
                continue
    if cur:
        runs.append(cur)
    return runs


def _names(toks: Sequence[Token], text: str) -> list[tuple[str, str, list[Token]]]:
    """``(name, kind, tokens)`` for every name in a phrase; kind is "person" or "organisation"."""
    stop = resources.stopwords() | _FUNCTION_WORDS
    out = []
    for run in _name_runs(toks):
        words = [t.low for t in run]
        if set(w.strip(".") for w in words) & _ORG_WORDS and len(run) >= 2:
            k = 1 if words[0] == "the" else 0
            out.append((text[run[k].start:run[-1].end], "organisation", run[k:]))
            continue
        if len(run) == 1 and run[0].low in CUE_VERBS:
            continue  # "Asked about …, he said": a verb that opens the sentence
        if len(run) == 1 and run[0].text.isupper() and 2 <= len(run[0].text) <= 6:
            out.append((run[0].text, "organisation", run))  # an acronym: PMF, IRGC, CNN
            continue
        k = 0
        while k < len(run) - 1 and (words[k] in QUOTE_TITLES or words[k] in stop or words[k] in QUOTE_TIME_WORDS
                                    or run[k].text.isupper() and len(run[k].text) <= 4):
            k += 1
        if words[k] in QUOTE_TITLES or words[k] in stop or words[k] in QUOTE_TIME_WORDS or words[k] in ("of", "the"):
            continue
        if len(run) == 1 and (run[0].low.endswith(("ian", "ese", "ish", "ians")) or run[0].low in _ANON_HEADS):
            continue  # a nationality adjective alone ("Iranian state television"), or "Sources said"
        out.append((text[run[k].start:run[-1].end], "person", run[k:]))
    return out


#: function words that open a sentence with a capital letter but never name anyone ("Among those …")
_FUNCTION_WORDS = frozenset(
    "among amid across after against although as at because before besides between beyond despite during "
    "for from however if in inside instead like meanwhile nevertheless on since still though through "
    "throughout under unlike until upon via when whereas while with within without yet also both each "
    "every many most other others several some such there these those this that but and or nor so then "
    "thus hence therefore moreover furthermore indeed perhaps maybe now".split())
_HEAD_CUT = frozenset("of to with who whom which loyal close from in at speaking for on familiar".split())


def _heads(toks: Sequence[Token]) -> tuple[list[Token], int]:
    """Head nouns of a speaker phrase (one per conjunct of its last comma chunk) and the
    number of conjuncts: "A senior Iraqi politician and a high-level security official"
    → [politician, official], 2."""
    chunks: list[list[Token]] = [[]]
    for t in toks:
        if t.text == ",":
            chunks.append([])
        else:
            chunks[-1].append(t)
    chunks = [c for c in chunks if any(_is_word(t) for t in c)]
    chunk = chunks[-1] if chunks else list(toks)
    if len(chunks) > 1 and not any(_is_cap(t) for t in chunk):
        chunk = chunks[0]  # "The official, speaking on condition of anonymity"
    conjuncts: list[list[Token]] = [[]]
    for t in chunk:
        if t.low in ("and", "&"):
            conjuncts.append([])
        else:
            conjuncts[-1].append(t)
    heads = []
    for conj in conjuncts:
        words = [t for t in conj if _is_word(t) or t.low in ("'s",)]
        cut = next((k for k, t in enumerate(words) if t.low in _HEAD_CUT and k > 0), len(words))
        head = [t for t in words[:cut] if _is_word(t)]
        if head:
            heads.append(head[-1])
    return heads, len(conjuncts)


def _cap_elsewhere(word: str, text: str) -> bool:
    """``word`` is capitalised somewhere in ``text`` other than at the start of a sentence, so it is a
    name and not a word capitalised by position (the document-centred reading of capitals, Mikheev 1999).

    >>> _cap_elsewhere("Even", "Even so. It was even worse."), _cap_elsewhere("Pompeo", "Pompeo left. Then Pompeo spoke.")
    (False, True)
    """
    for m in re.finditer(r"\b" + re.escape(word) + r"\b", text):
        before = text[:m.start()].rstrip(" \t\"“‘'(")
        if before and before[-1] not in ".!?:\n":
            return True
    return False


def _plural(toks: Sequence[Token]) -> bool:
    """A plural speaker phrase, which "they" may refer to: coordinated ("Iran and Iraq") or with a plural
    head noun ("Democrats", "two Iraqi officials")."""
    heads, n_conj = _heads(toks)
    return n_conj > 1 or bool(heads) and heads[-1].low.endswith("s") and not heads[-1].low.endswith(("ss", "'s"))


def _speaker_name(toks: Sequence[Token], text: str) -> tuple[str | None, str]:
    """``(name, kind)`` for the name that heads a speaker phrase ("Iraj Masjedi" in "Iran’s
    ambassador to Iraq, Iraj Masjedi"); ``(None, "")`` when the head is a common noun
    ("the PMF official", "Iranian state television")."""
    heads, n_conj = _heads(toks)
    if n_conj > 1:
        return None, ""
    head_starts = {t.start for t in heads}
    names = _names(toks, text)
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if commas and commas[-1] + 1 < len(toks) and toks[commas[-1] + 1].low in ("a", "an", "the"):
        # "Sen. Tim Kaine, a Virginia Democrat": the apposition after the name describes it
        first = [x for x in names if x[1] == "person" and x[2][-1].start < toks[commas[0]].start]
        if first:
            return first[-1][0], "person"
    for name, kind, run in reversed(names):
        if any(t.start in head_starts for t in run):
            return name, kind
    # a person's name in apposition to a role after it: "Ali Vaez, Iran project director at …",
    # "Nancy Pelosi, the House speaker"
    bounds, start = set(), 0
    for k, t in enumerate(list(toks) + [None]):  # (first, last) offsets of each comma-separated chunk
        if t is None or t.text == ",":
            if k > start:
                bounds.add((toks[start].start, toks[k - 1].start))
            start = k + 1
    for name, kind, run in names:
        if kind == "person" and len(run) >= 2 and (run[0].start, run[-1].start) in bounds:
            return name, kind
    return None, ""


def _full_name(name: str, text: str, before: int) -> str:
    """Complete a surname with the closest earlier "First Surname" in the text."""
    if " " in name or not name[:1].isupper():
        return name
    pattern = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:[A-Z]\.\s+)?" + re.escape(name) + r"\b")
    found = None
    for m in pattern.finditer(text, 0, max(0, before)):
        first = m.group(1)
        if first.lower() not in QUOTE_TITLES and not first.lower().endswith(("ian", "ese", "ish")) \
                and first.lower() not in _FUNCTION_WORDS and first.lower() not in resources.stopwords():
            found = m.group(0)
    return re.sub(r"\s+", " ", found) if found else name


def _acronym_name(acronym: str, text: str, before: int) -> str | None:
    """The long form an acronym was defined with earlier in the text, "Islamic Revolutionary Guard
    Corps (IRGC)" for "IRGC": capitalised words before the bracketed short form whose initials spell it
    (the abbreviation definitions of Schwartz & Hearst 2003), or None.

    >>> _acronym_name("IRGC", "the Islamic Revolutionary Guard Corps (IRGC) said. The IRGC", 50)
    'Islamic Revolutionary Guard Corps'
    """
    if not (2 <= len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()):
        return None
    for m in re.finditer(r"\(\s*" + re.escape(acronym) + r"\s*\)", text[:max(0, before)]):
        words = re.findall(r"[\w’'-]+", text[max(0, m.start() - 120):m.start()])
        caps = [k for k, w in enumerate(words) if w[:1].isupper()]
        n = len(acronym)
        for k in range(len(words) - 1, -1, -1):  # the shortest run of words ending before the bracket
            long = words[k:]
            if "".join(w[0] for w in long if w[:1].isupper()).upper() == acronym.upper() and words[k][:1].isupper():
                return " ".join(long)
            if len([c for c in caps if c >= k]) > n:
                break
    return None
