"""Who is quoted: direct, partial and indirect quotations with their speakers and sides.

``quotes(corpus)`` returns one row per quotation:

``kind``
    ``direct`` — a quotation in quotation marks (“…”, "…", ‘…’), including
    quotes over several sentences and quotes split by the attribution
    (“A,” it said. “B.”); ``partial`` — a quoted fragment worked into the
    reporter's sentence (fewer than four words, or starting in lower case:
    were “martyred,”); ``indirect`` — reported speech without quotation marks
    (X said (that) …, … , X said Friday., according to X, X told Y that …).
    Quoted fragments with no attribution in the sentence are scare quotes and
    are left out.
``speaker`` / ``speaker_phrase``
    the name of the speaker (a surname is completed from an earlier full name
    in the article: "Cohen" → "Yossi Cohen"; "it"/"he"/"she"/"they" are
    resolved to an actor of the right type — a person for he/she, an
    organisation, medium, country or group for it/they — in the nearest sentence
    that names one, looking back up to three sentences and skipping sentences
    whose subject is the same pronoun; within a sentence the first one, usually
    the subject) and the words of the attribution as written ("Iran’s ambassador
    to Iraq, Iraj Masjedi"; "it").
``actor`` / ``side`` / ``affiliation``
    from the editable actor table ``data/actors/actors.csv`` (regular
    expressions → canonical actor, side, type). Unnamed sources ("officials
    said", "a senior official", "the official, speaking on condition of
    anonymity, said", "sources") get ``side="anonymous"``; ``affiliation`` keeps
    the side they would otherwise have ("Iraqi officials"). A named speaker who
    is not in the table gets side ``other``; a direct quote with no attribution
    at all gets speaker None and side ``unattributed``.
``cue``
    the attribution verb or phrase ("said", "told state television", "said on
    Twitter", "according to", ":" for transcripts and "Name: …" headlines).
``rule``
    which pattern fired: ``after`` (“…,” X said / said X), ``before`` (X said:
    “…”; X wrote that … “…”), ``participle`` (…, adding “…”), ``sentence``
    (another quote in the same sentence carries the attribution),
    ``continuation`` (a quote paragraph after an attributed one),
    ``according_to``, ``trailing`` (…, X said Friday.), ``clause`` (X said
    (that) …), ``transcript`` (SECRETARY POMPEO: …; Mr. McCONNELL. …), ``colon``
    (Trump: 'My highest …'); ``+pronoun`` is added when the speaker was a
    pronoun that was resolved.
``start``/``end``
    offsets of the quoted words (inside the marks) in the text of ``part``
    (``text`` for the body), so ``text[start:end] == quote``.

Non-English documents are skipped with a warning.

Known misses: attributions more than one sentence away from the quote (other
than continuations and "X issued this statement") are not found; pronoun
resolution is a heuristic and goes wrong when two people alternate; a
coordinated subject ("X met Y and told them …") is not recovered; speech
verbs outside the built-in list (:data:`CUE_VERBS`) are not cues; indirect
speech is taken to the end of the sentence.

Example
-------
>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": ["d"], "text": [
...     "Mossad chief Yossi Cohen spoke in October. “He knows very well,” Cohen said. "
...     "The official, speaking on condition of anonymity, said the convoy was hit."]})
>>> quotes(corpus)[["kind", "quote", "speaker", "side", "cue", "rule"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['direct', 'He knows very well,', 'Yossi Cohen', 'Israeli officials', 'said', 'after'],
 ['indirect', 'the convoy was hit', 'official', 'anonymous', 'said', 'clause']]
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from . import resources
from ._textparts import ALL_PARTS, Part, QuoteSpan, Sentence, Token, english_parts, norm, quote_spans

__all__ = ["quotes", "quote_counts", "load_actors", "match_actor", "default_actors_path", "QUOTE_COLUMNS",
           "CUE_VERBS", "SIDES"]

QUOTE_COLUMNS = ("doc_id", "part", "kind", "quote", "speaker", "speaker_phrase", "actor", "side",
                 "affiliation", "cue", "rule", "start", "end", "sent_id", "sentence")
#: the sides used by the bundled actor table (the table may add others)
SIDES = ("US officials", "Iranian officials", "Iraqi officials", "Israeli officials", "militia", "anonymous",
         "other")
UNATTRIBUTED = "unattributed"
UNKNOWN = "unknown"  # a pronoun that could not be resolved


def default_actors_path() -> Path:
    """``data/actors/actors.csv``."""
    return resources.data_dir() / "actors" / "actors.csv"


# ---------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------

def _forms(spec: str) -> dict[str, str]:
    out = {}
    for group in spec.split(";"):
        words = group.split()
        if words:
            for w in words:
                out[w] = words[0]
    return out


#: attribution verbs: surface form → lemma. Verbs marked "say-like" take a bare clause
#: ("said the strike …"); the others need "that" or a pronoun subject ("confirmed it had …").
CUE_VERBS: dict[str, str] = _forms(
    "say says said saying; tell tells told telling; add adds added adding; write writes wrote written writing;"
    "tweet tweets tweeted tweeting; claim claims claimed claiming; warn warns warned warning;"
    "insist insists insisted insisting; argue argues argued arguing; declare declares declared declaring;"
    "stated stating; explain explains explained explaining; noted noting;"
    "stress stresses stressed stressing; reply replies replied replying; ask asks asked asking;"
    "confirm confirms confirmed confirming; announce announces announced announcing;"
    "deny denies denied denying; reported reporting; indicate indicates indicated indicating;"
    "acknowledge acknowledges acknowledged acknowledging; admit admits admitted admitting;"
    "suggest suggests suggested suggesting; vow vows vowed vowing; allege alleges alleged alleging;"
    "assert asserts asserted asserting; emphasize emphasizes emphasized emphasizing emphasise emphasises "
    "emphasised emphasising; reiterate reiterates reiterated reiterating; concede concedes conceded conceding;"
    "believe believes believed; maintain maintains maintained; predict predicts predicted;"
    "posted; respond responds responded responding")
_SAY_LIKE = frozenset("say tell add write claim warn insist argue declare stated explain noted stress reply "
                      "ask assert".split())
_PARTICIPLE_CUES = frozenset(w for w in CUE_VERBS if w.endswith("ing"))
_AUX = frozenset("has have had is was were are will would could can may might must should did does do "
                 "also later then again previously earlier repeatedly publicly recently once already "
                 "reportedly not never n't just further separately subsequently initially".split())
_TIME = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
                  "morning evening afternoon night earlier later ago months years days weeks hours last "
                  "this week on january february march april may june july august september october "
                  "november december".split())
_BOUNDARY = frozenset("that after before when while because since but although though if whereas as "
                      "where which who whom whose ; : “ ” \" ( ) — – --".split())
_PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "plural", "him": "person", "her": "person"}
_ANON_HEADS = frozenset("official officials source sources diplomat diplomats aide aides person people "
                        "politician politicians leader leaders commander commanders spokesman spokeswoman "
                        "spokesperson member members insider insiders adviser advisers advisor advisors "
                        "lawmaker lawmakers legislator legislators officer officers figure figures".split())
_ANON_MARKERS = re.compile(
    r"on (?:the )?condition of anonymity|speaking anonymously|(?:asked|declined|requested) not to be "
    r"(?:named|identified)|(?:declined|refused) to be (?:named|identified)|not authori[sz]ed to (?:speak|"
    r"discuss|comment|talk|give)|who (?:spoke|talked) on background|without being named", re.IGNORECASE)
_TITLE_WORDS = frozenset(
    "president vice secretary minister prime foreign defense defence state general gen. chief supreme leader "
    "ayatollah senator sen. representative rep. mr. mrs. ms. dr. lt. col. major maj. lieutenant colonel "
    "congressman congresswoman congressmember chairman chairwoman governor mayor house senate majority "
    "minority republican democratic democrat lead whip national security adviser advisor special envoy "
    "ambassador commander speaker spokesman spokeswoman spokesperson reporter correspondent editor analyst "
    "lord sir dame king prince sheikh imam director head deputy assistant acting former the a an "
    "u.s. us uk un eu nato iranian iraqi israeli american russian british mossad cia new yorker "
    "mr mrs ms dr hon. honourable honorable".split())
_ORG_WORDS = frozenset(
    "department ministry office force forces corps guard guards council agency army navy command tv "
    "television news embassy house pentagon congress parliament government mission nations committee "
    "administration party media radio agency times post press guardian journal network broadcaster "
    "militia brigades hezbollah mobilization mobilisation centcom irgc fars irna tasnim cnn bbc reuters ap "
    "afp".split())
_STATEMENT_INTRO = re.compile(r"\b((?:issued|released|made|delivered|gave|put out)\s+(?:this|the following|a|the)"
                              r"\s+(?:[\w-]+\s+){0,2}?(?:statement|remarks|comments))", re.IGNORECASE)
_QUOTE_TOKENS = frozenset({"“", "”", '"', "‘", "’", "``", "''", "'"})


# ---------------------------------------------------------------------------
# Actor table
# ---------------------------------------------------------------------------

_TYPE_RANK = {"person": 0, "organisation": 1, "organization": 1, "media": 1, "group": 2, "anonymous": 3,
              "country": 4}


@dataclass(frozen=True)
class _Actors:
    rows: tuple[tuple[re.Pattern, re.Pattern, str, str, str], ...]  # pattern, pattern (ignore case), actor, side, type


def load_actors(actors: str | os.PathLike | pd.DataFrame | None = None) -> pd.DataFrame:
    """The actor table: ``pattern, actor, side, type`` (``type`` optional: person,
    organisation, media, group, country, anonymous; guessed when missing).

    >>> t = load_actors()
    >>> t.loc[t.actor == "Iraj Masjedi", ["side", "type"]].values.tolist()
    [['Iranian officials', 'person']]
    """
    if actors is None:
        actors = default_actors_path()
    if isinstance(actors, pd.DataFrame):
        table = actors.copy()
        where = "actor table"
    else:
        where = str(actors)
        table = pd.read_csv(actors, dtype=str, keep_default_na=False, comment=None)
    missing = [c for c in ("pattern", "actor", "side") if c not in table.columns]
    if missing:
        raise ValueError(f"{where}: needs columns pattern, actor, side (missing {missing})")
    if "type" not in table.columns:
        table["type"] = [_guess_type(a) for a in table["actor"]]
    table["type"] = [t if t else _guess_type(a) for t, a in zip(table["type"], table["actor"])]
    for k, p in enumerate(table["pattern"]):
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"{where}: row {k + 2}: bad regular expression {p!r}: {exc}") from None
    return table.reset_index(drop=True)


def _guess_type(actor: str) -> str:
    words = {w.lower() for w in re.findall(r"[\w.]+", actor)}
    if words & _ORG_WORDS:
        return "organisation"
    return "person"


def _compile_actors(table: pd.DataFrame) -> _Actors:
    rows = []
    for p, a, s, t in zip(table["pattern"], table["actor"], table["side"], table["type"]):
        rows.append((re.compile(p), re.compile(p, re.IGNORECASE), a, s, t))
    return _Actors(tuple(rows))


def _default_actors() -> _Actors:
    # read on every call (it is small), so edits to the CSV show up without a restart
    return _compile_actors(load_actors())


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


def match_actor(name: str, actors: str | os.PathLike | pd.DataFrame | None = None) -> tuple[str, str, str] | None:
    """``(actor, side, type)`` for a speaker name or phrase, or None.

    >>> match_actor("Iran’s ambassador to Iraq, Iraj Masjedi")
    ('Iraj Masjedi', 'Iranian officials', 'person')
    """
    table = _default_actors() if actors is None else _compile_actors(load_actors(actors))
    best = _best(_matches(table, name))
    return None if best is None else best[2:]


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
            if t.low in ("'s", "'"):
                continue
    if cur:
        runs.append(cur)
    return runs


def _names(toks: Sequence[Token], text: str) -> list[tuple[str, str, list[Token]]]:
    """``(name, kind, tokens)`` for every name in a phrase; kind is "person" or "organisation"."""
    stop = resources.stopwords()
    out = []
    for run in _name_runs(toks):
        words = [t.low for t in run]
        if set(w.strip(".") for w in words) & _ORG_WORDS and len(run) >= 2:
            k = 1 if words[0] == "the" else 0
            out.append((text[run[k].start:run[-1].end], "organisation", run[k:]))
            continue
        if len(run) == 1 and run[0].text.isupper() and 2 <= len(run[0].text) <= 6:
            out.append((run[0].text, "organisation", run))  # an acronym: PMF, IRGC, CNN
            continue
        k = 0
        while k < len(run) - 1 and (words[k] in _TITLE_WORDS or words[k] in stop or words[k] in _TIME
                                    or run[k].text.isupper() and len(run[k].text) <= 4):
            k += 1
        if words[k] in _TITLE_WORDS or words[k] in stop or words[k] in _TIME or words[k] in ("of", "the"):
            continue
        if len(run) == 1 and (run[0].low.endswith(("ian", "ese", "ish", "ians")) or run[0].low in _ANON_HEADS):
            continue  # a nationality adjective alone ("Iranian state television"), or "Sources said"
        out.append((text[run[k].start:run[-1].end], "person", run[k:]))
    return out


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


def _speaker_name(toks: Sequence[Token], text: str) -> tuple[str | None, str]:
    """``(name, kind)`` for the name that heads a speaker phrase ("Iraj Masjedi" in "Iran’s
    ambassador to Iraq, Iraj Masjedi"); ``(None, "")`` when the head is a common noun
    ("the PMF official", "Iranian state television")."""
    heads, n_conj = _heads(toks)
    if n_conj > 1:
        return None, ""
    head_starts = {t.start for t in heads}
    for name, kind, run in reversed(_names(toks, text)):
        if any(t.start in head_starts for t in run):
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
        if first.lower() not in _TITLE_WORDS and not first.lower().endswith(("ian", "ese", "ish")):
            found = m.group(0)
    return re.sub(r"\s+", " ", found) if found else name


# ---------------------------------------------------------------------------
# Per-part analysis
# ---------------------------------------------------------------------------

@dataclass
class _Row:
    kind: str
    start: int
    end: int
    sent_id: int
    sentence: str
    rule: str
    cue: str | None = None
    phrase: str | None = None           # speaker phrase as written
    phrase_toks: list[Token] | None = None
    speaker: str | None = None
    actor: str | None = None
    side: str | None = None
    affiliation: str | None = None
    typ: str = ""
    anon_marker: bool = False
    position: int = 0                   # where the attribution is (for pronoun resolution)


class _PartQuotes:
    def __init__(self, part: Part, actors: _Actors):
        self.part = part
        self.text = part.text
        self.sents = part.sentences
        self.actors = actors
        self.rows: list[_Row] = []
        self.spans: list[QuoteSpan] = []

    # -- token helpers ------------------------------------------------------
    def cue_at(self, toks: Sequence[Token], k: int) -> bool:
        t = toks[k]
        if t.low not in CUE_VERBS or (k > 0 and not t.text.islower()):
            return False
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        prev = toks[k - 1].low if k else ""
        if nxt == "by" or prev in ("was", "were", "been", "being", "is", "are", "be"):
            return False  # passive: "a drone attack claimed by Yemen’s rebels"
        if t.low in ("claim", "claims", "ask", "tell", "say", "add", "write", "tweet", "confirm", "deny",
                     "announce", "warn", "warns", "vow", "vows"):
            # nouns or bare infinitives: "the state", "reports say", "to confirm"
            if prev in ("the", "a", "an", "to", "of", "his", "her", "its", "their", "'s") or not prev:
                return False
        return True

    def subject(self, toks: Sequence[Token], k: int, lo: int = 0) -> tuple[int, int] | None:
        """Token range of the subject of the cue at ``k`` (not before ``lo``)."""
        j = k - 1
        while j >= lo and (toks[j].low in _AUX or toks[j].low.endswith("ly") and toks[j].text.islower()
                           or toks[j].low in _TIME and toks[j].text.islower()):
            j -= 1
        if j >= lo and toks[j].text == ")":  # "Kevin McCarthy (CA-23) released"
            while j >= lo and toks[j].text != "(":
                j -= 1
            j -= 1
        if j < lo:
            return None
        if toks[j].low in ("and", "but") and j > lo:
            return self.clause_subject(toks, j)  # "X issued a statement … and said …"
        if toks[j].low in ("who", "which", "that") and j - 1 >= lo:
            j -= 1
            if toks[j].text == ",":
                j -= 1
            if j < lo:
                return None
            a = self._np_left(toks, j, lo)
            return (a, j + 1) if a <= j else None
        if toks[j].text == ",":
            # "The official, speaking on condition of anonymity, said": skip the parenthetical;
            # "Representative Eliot L. Engel, Chairman of the …, today made": skip the role
            c = j - 1
            while c >= lo and toks[c].text != "," and j - c < 16:
                c -= 1
            if c < lo or toks[c].text != ",":
                return None
            chunk = toks[c + 1:j]
            parenthetical = bool(chunk) and (chunk[0].low.endswith("ing") or chunk[0].low in (
                "who", "which", "according"))
            role = bool(chunk) and not any(t.low in _AUX or self.cue_at(toks, c + 1 + m) for m, t in enumerate(chunk))
            j = c - 1
            if j >= lo and toks[j].text == ")":
                while j >= lo and toks[j].text != "(":
                    j -= 1
                j -= 1
            if j < lo or not (parenthetical or (role and _is_cap(toks[j]))):
                return None
            a = self._np_left(toks, j, lo)
            return (a, j + 1) if a <= j else None
        a = self._np_left(toks, j, lo)
        if a > j:
            return None
        # "Iran’s ambassador to Iraq, Iraj Masjedi, told": a name after a role, joined by a comma
        if toks[j].low in ("i", "we", "you"):
            return None  # the author speaking: not a source
        if a - 1 > lo and toks[a - 1].text == "," and all(_is_cap(t) or t.low in ("al", "bin") for t in toks[a:j + 1]) \
                and toks[a].low not in _PRONOUNS and toks[a].low != "i":
            b = self._np_left(toks, a - 2, lo)
            role = toks[b:a - 1]
            if b <= a - 2 and any(t.text.islower() and t.low not in ("of", "to", "the", "a", "an", "'s")
                                  for t in role) and not any(t.low in _TIME for t in role):
                return b, j + 1
        return a, j + 1

    def _np_left(self, toks: Sequence[Token], j: int, lo: int) -> int:
        a = j + 1
        while j >= lo:
            t = toks[j]
            if t.low in _BOUNDARY or t.text in _QUOTE_TOKENS or t.text in (",", ".", "!", "?", "[", "]"):
                break
            if t.low in CUE_VERBS and self.cue_at(toks, j) or t.low in ("is", "was", "were", "are", "had",
                                                                        "has", "have", "will", "would"):
                break
            if t.low == "and" and not (j - 1 >= lo and (_is_cap(toks[j - 1]) or toks[j - 1].low in _ANON_HEADS
                                                         or toks[j - 1].low in ("tv", "television"))):
                break
            if t.text.islower() and t.low.endswith("ed") and not (j - 1 >= lo and toks[j - 1].low in (
                    "the", "a", "an")) and t.low not in ("armed", "united", "unnamed", "retired", "elected"):
                break
            a = j
            j -= 1
        # drop leading prepositions/adverbials: "In a 2013 profile of Soleimani" is cut at the comma already
        while a <= j + 1 and a < len(toks) and toks[a].low in ("and", "but", "so", "then", "also"):
            a += 1
        return a

    def cue_phrase(self, toks: Sequence[Token], k: int, limit: int) -> tuple[str, int]:
        """The cue text starting at ``toks[k]`` and the index after it."""
        t = toks[k]
        end = k + 1
        lemma = CUE_VERBS.get(t.low, t.low)
        if lemma == "tell" or t.low in ("confirmed", "confirm", "confirms", "said", "says", "wrote", "tweeted",
                                        "added", "told", "stated", "announced", "reported"):
            j = end
            if lemma != "tell" and j < limit and toks[j].low in ("on", "in", "to"):
                j += 1
            elif lemma == "tell" and j < limit and toks[j].low == "to":
                j += 1
            if j > end or lemma == "tell":
                stop = j
                while stop < limit and stop - j < 5:
                    w = toks[stop]
                    if not _is_word(w) or w.low in ("that", "on", "in", "at", "to", "from", "during", "after",
                                                    "before", "while", "he", "she", "it", "they", "the") and stop > j \
                            or w.low in _TIME:
                        break
                    if w.low in ("that",):
                        break
                    stop += 1
                if stop > j:
                    end = stop
        if t.low == "according" and end < limit and toks[end].low == "to":
            end += 1
        return self.text[t.start:toks[end - 1].end], end

    # -- speakers -----------------------------------------------------------
    def attach(self, row: _Row, toks: Sequence[Token], a: int, b: int) -> None:
        while b > a and (toks[b - 1].text in (",", ".") or toks[b - 1].low in _AUX):
            b -= 1
        while a < b and toks[a].text in (",",):
            a += 1
        if a >= b:
            return
        row.phrase_toks = list(toks[a:b])
        row.phrase = self.text[toks[a].start:toks[b - 1].end]
        row.position = toks[a].start

    def resolve(self, row: _Row, sidx: int) -> None:
        """Fill speaker, actor, side from the speaker phrase."""
        if row.phrase is None:
            row.side = UNATTRIBUTED
            return
        toks = row.phrase_toks or []
        low = norm(row.phrase)
        if low in _PRONOUNS:
            found = self.antecedent(_PRONOUNS[low], min(row.position, row.start - 1), sidx)
            if found is None:
                row.speaker = row.phrase
                row.side = UNKNOWN
                return
            row.speaker, row.actor, row.side, row.typ, row.affiliation = found
            row.rule += "+pronoun"
            return
        name, kind = _speaker_name(toks, self.text)
        if name and kind == "person":
            name = _full_name(name, self.text, row.position)
        found = _matches(self.actors, row.phrase)
        if name:
            found += [(f[0] + 10_000, f[1] + 10_000, *f[2:]) for f in _matches(self.actors, name)]
        best = _best(found)
        if name is None:
            a = 1 if toks and toks[0].low in ("the", "a", "an") else 0
            name = self.text[toks[a].start:toks[-1].end] if a < len(toks) else row.phrase
        row.speaker = name
        if best is not None:
            row.actor, row.side, row.typ = best[2], best[3], best[4]
        else:
            row.side, row.typ = "other", kind or ""
        if kind == "" and (self.anonymous(toks, best) or row.anon_marker):
            row.affiliation = row.side if best is not None and best[4] != "anonymous" else None
            row.side = "anonymous"
            row.actor = row.actor if best is not None and best[4] == "group" else None
        elif best is not None and best[4] == "anonymous":
            row.side = "anonymous"

    @staticmethod
    def anonymous(toks: Sequence[Token], best) -> bool:
        """No name heads the phrase and every head is a person noun ("officials", "a source")."""
        if best is not None and best[4] == "anonymous":
            return True
        heads, _ = _heads(toks)
        return bool(heads) and all(h.low in _ANON_HEADS for h in heads)

    def antecedent(self, want: str, anchor: int,
                   sidx: int) -> tuple[str, str | None, str, str, str | None] | None:
        """The speaker a pronoun refers to: the leftmost fitting actor or name in the nearest
        sentence (this one up to ``anchor``, then up to three before) whose subject is not
        itself a pronoun of the same kind (then the chain goes further back)."""
        ok = {"person": ("person",), "thing": ("organisation", "organization", "media", "country", "group"),
              "plural": ("group", "organisation", "organization", "country", "media")}[want]
        same = {"person": ("he", "she"), "thing": ("it",), "plural": ("they",)}[want]
        stop = resources.stopwords()
        for k in range(sidx, max(-1, sidx - 4), -1):
            s = self.sents[k]
            hi = min(anchor, s.end) if k == sidx else s.end
            toks = [t for t in s.tokens if t.end <= hi and not self.in_quote(t.start)]
            if not toks:
                continue
            if any(t.low in same for t in toks[:6]):
                continue  # "In October, he …": the pronoun chain goes on
            cands: list[tuple[int, str, str | None, str, str, str | None]] = []
            for r in self.rows:
                if s.start <= r.position < hi and r.speaker and r.side != UNATTRIBUTED and r.typ in ok \
                        and norm(r.phrase or "") not in _PRONOUNS:
                    cands.append((r.position, r.speaker, r.actor, r.side, r.typ, r.affiliation))
            window = self.text[s.start:hi]
            taken: list[tuple[int, int]] = []
            for a, b, actor, side, typ in _matches(self.actors, window):
                pos = s.start + a
                taken.append((pos, s.start + b))
                if typ not in ok or self.in_quote(pos) or norm(window[b:b + 2]) == "'s":
                    continue
                surface = window[a:b]
                name = _full_name(surface, self.text, pos) if typ == "person" else \
                    re.sub(r"^(?:the|The)\s+", "", surface)
                cands.append((pos, name, actor, side, typ, None))
            if want == "person":
                for run in _name_runs(toks):
                    if any(a < run[-1].end and run[0].start < b for a, b in taken):
                        continue
                    name, kind = _speaker_name(run, self.text)
                    if not name or kind != "person" or name.lower() in stop or norm(name) in _TIME \
                            or name.lower().endswith(("ians", "ans", "is")):
                        continue
                    end = run[-1].end
                    if norm(self.text[end:end + 2]) == "'s":
                        continue
                    cands.append((run[0].start, _full_name(name, self.text, run[0].start), None, "other", "person",
                                  None))
            if cands:
                return min(cands, key=lambda c: (c[0], c[2] is None))[1:]
        return None

    def in_quote(self, offset: int) -> bool:
        return any(q.outer_start <= offset < q.outer_end for q in self.spans)

    # -- main passes --------------------------------------------------------
    def run(self) -> list[_Row]:
        turns = self.transcript_turns() if self.part.part == "body" else []
        covered = [(r.position, r.end) for r in turns]
        self.rows.extend(turns)
        spans = [q for q in quote_spans(self.text) if not any(a <= q.start < b for a, b in covered)]
        self.spans = spans
        used_cues: dict[int, set[int]] = {}
        attributed_sent: dict[int, _Row] = {}
        direct_rows = self.direct(spans, used_cues, attributed_sent)
        rows = direct_rows + self.indirect(spans, used_cues, covered)
        rows.sort(key=lambda r: (r.position if r.phrase else r.start, r.start))
        for r in rows:
            sidx = next((k for k, s in enumerate(self.sents) if s.sent_id == r.sent_id), 0)
            if r.speaker is None and r.side is None:
                self.resolve(r, sidx)
            self.rows.append(r)
        self.statements()
        self.continuations()
        self.definite_sources()
        return sorted(self.rows, key=lambda r: r.start)

    def definite_sources(self) -> None:
        """"the official said" after "a senior DOD official said": same source, same affiliation."""
        rows = sorted(self.rows, key=lambda r: r.position)
        for k, r in enumerate(rows):
            if r.side != "anonymous" or r.affiliation or not r.phrase_toks or r.phrase_toks[0].low != "the":
                continue
            heads, _ = _heads(r.phrase_toks)
            if not heads:
                continue
            stem = heads[-1].low.rstrip("s")
            for p in reversed(rows[:k]):
                if p.side == "anonymous" and p.affiliation and p.phrase_toks:
                    p_heads, _ = _heads(p.phrase_toks)
                    if any(h.low.rstrip("s") == stem for h in p_heads):
                        r.affiliation = p.affiliation
                        break

    def statements(self) -> None:
        """"X issued this statement: …" / "X released the following statement": the unattributed
        quotations that follow are X's."""
        intros: list[_Row] = []
        for sidx, s in enumerate(self.sents):
            m = _STATEMENT_INTRO.search(s.text)
            if not m:
                continue
            toks = s.tokens
            c = next((k for k, t in enumerate(toks) if t.start >= s.start + m.start()), None)
            if c is None:
                continue
            subj = self.subject(toks, c)
            if subj is None:
                continue
            row = _Row("direct", s.start, s.end, s.sent_id, s.text, "statement", m.group(1))
            self.attach(row, toks, *subj)
            if row.phrase is None:
                continue
            self.resolve(row, sidx)
            intros.append(row)
        if not intros:
            return
        for r in self.rows:
            if r.rule != "none" or r.kind == "indirect":
                continue
            intro = next((i for i in reversed(intros) if i.end <= r.start), None)
            if intro is None:
                continue
            r.speaker, r.actor, r.side, r.affiliation, r.typ = intro.speaker, intro.actor, intro.side, \
                intro.affiliation, intro.typ
            r.phrase, r.cue, r.rule = intro.phrase, intro.cue, "statement"

    def sentence_index(self, offset: int) -> int:
        for k, s in enumerate(self.sents):
            if s.start <= offset < s.end or offset < s.start:
                return k
        return len(self.sents) - 1

    def direct(self, spans: list[QuoteSpan], used_cues: dict[int, set[int]],
               attributed_sent: dict[int, _Row]) -> list[_Row]:
        out: list[_Row] = []
        by_sentence: dict[int, list[tuple[QuoteSpan, _Row]]] = {}
        for q in spans:
            content = self.text[q.start:q.end]
            if not content.strip():
                continue
            first, last = self.sentence_index(q.outer_start), self.sentence_index(max(q.outer_start, q.outer_end - 1))
            s0, s1 = self.sents[first], self.sents[last]
            words = re.findall(r"[\w’'-]+", content)
            lead = content.lstrip(" .…'‘\"“(")
            kind = "partial" if len(words) < 4 or (lead[:1].islower()) else "direct"
            sentence = self.text[s0.start:max(s1.end, s0.end)]
            row = _Row(kind, q.start, q.end, s0.sent_id, sentence, "")
            row.anon_marker = bool(_ANON_MARKERS.search(sentence))
            # after the closing mark, in the last sentence, up to the next quote
            nxt = min((p.outer_start for p in spans if p.outer_start >= q.outer_end), default=len(self.text))
            after = [t for t in s1.tokens if t.start >= q.outer_end and t.end <= nxt]
            prev_end = max((p.outer_end for p in spans if p.outer_end <= q.outer_start), default=0)
            before = [t for t in s0.tokens if t.end <= q.outer_start]
            seg = next((k for k, t in enumerate(before) if t.start >= prev_end), len(before))
            if not self.after_pattern(row, after, last, used_cues):
                self.before_pattern(row, before, seg, first, used_cues, by_sentence.get(first, []))
            by_sentence.setdefault(last, []).append((q, row))
            if first != last:
                by_sentence.setdefault(first, []).append((q, row))
            out.append(row)
        # quotes with no attribution of their own take the one of their sentence
        for k, items in by_sentence.items():
            donors = [r for _, r in items if r.phrase is not None]
            for q, r in items:
                if r.phrase is None and donors:
                    d = min(donors, key=lambda d: abs(d.start - r.start))
                    r.phrase, r.phrase_toks, r.cue, r.position = d.phrase, d.phrase_toks, d.cue, d.position
                    r.rule = "sentence"
        kept = []
        for r in out:
            if self.part.part != "body" and r.rule not in ("colon", "after", "before"):
                continue  # headlines quote titles of things ("Middle East: Security Update")
            if r.phrase is None:
                if r.kind == "partial":
                    continue  # a scare quote: “Welcome”, the so-called “maximum pressure”
                r.rule = "none"
            kept.append(r)
        return kept

    def after_pattern(self, row: _Row, toks: list[Token], sidx: int, used: dict[int, set[int]]) -> bool:
        k = 0
        while k < len(toks) and not _is_word(toks[k]):
            if toks[k].text in ("(", "[", "—", "–"):
                return False
            k += 1
        if k >= len(toks):
            return False
        limit = len(toks)
        # inverted: “…,” said Trump / wrote Trump, adding …
        if self.cue_at(toks, k) and toks[k].low not in _PARTICIPLE_CUES and toks[k].low != "according":
            j = k + 1
            while j < limit and toks[j].text not in (",", ".", ";", ":", "!", "?") and j - k <= 8 and \
                    toks[j].text not in _QUOTE_TOKENS and toks[j].low not in ("on", "in", "at", "during", "after",
                                                                               "to", "while") \
                    and toks[j].low not in _TIME:
                j += 1
            if j > k + 1:
                row.cue = self.text[toks[k].start:toks[k].end]
                self.attach(row, toks, k + 1, j)
                row.rule = "after"
                used.setdefault(sidx, set()).add(toks[k].start)
                return True
            return False
        # “…,” X said / “…,” Iran’s ambassador to Iraq, Iraj Masjedi, told state television
        for c in range(k, min(limit, k + 16)):
            t = toks[c]
            if t.text in _QUOTE_TOKENS or t.low in ("is", "was", "were", "are", "and") and c == k:
                return False
            if self.cue_at(toks, c) and t.low not in _PARTICIPLE_CUES:
                if c == k:
                    return False
                if any(x.low in ("is", "was", "were", "are", "will", "would") for x in toks[k:c]):
                    return False
                lead = toks[k].low
                if lead in ("to", "of", "in", "on", "at", "for", "with", "from", "by", "and", "or", "but", "as") \
                        or toks[c - 1].low in ("and", "or", "but"):
                    return False  # “slap in the face” to the United States, and said …: not a speaker
                row.cue, _ = self.cue_phrase(toks, c, limit)
                self.attach(row, toks, k, c)
                row.rule = "after"
                used.setdefault(sidx, set()).add(t.start)
                return True
            if t.low == "according" and c + 1 < limit and toks[c + 1].low == "to":
                return False
        return False

    def before_pattern(self, row: _Row, toks: list[Token], seg: int, sidx: int, used: dict[int, set[int]],
                       earlier: list[tuple[QuoteSpan, _Row]]) -> bool:
        """Attribution before the quote: ``toks`` is the sentence up to the opening mark, the
        cue is looked for in ``toks[seg:]`` (after any earlier quote)."""
        n = len(toks)
        if seg >= n:
            return False
        # Name: 'quote' (headlines) / X said: “…”
        if toks[-1].text == ":" and n - seg >= 2:
            c = next((k for k in range(n - 2, seg - 1, -1) if self.cue_at(toks, k)), None)
            lo = max((k + 1 for k in range(seg, n - 1) if toks[k].text in (":", ")", "(", "—", "–", ";")
                      or toks[k].text in _QUOTE_TOKENS), default=seg)
            if c is None and 1 <= n - 1 - lo <= 6 and _is_cap(toks[lo]):
                row.cue = ":"
                self.attach(row, toks, lo, n - 1)
                row.rule = "colon"
                return True
        for c in range(n - 1, seg - 1, -1):
            t = toks[c]
            if t.low == "according" and c + 1 < n and toks[c + 1].low == "to":
                j = c + 2
                while j < n and toks[j].text not in (",", ".", ";", ":") and toks[j].text not in _QUOTE_TOKENS:
                    j += 1
                if j > c + 2:
                    row.cue = "according to"
                    self.attach(row, toks, c + 2, j)
                    row.rule = "according_to"
                    return True
                continue
            if not self.cue_at(toks, c):
                continue
            if t.low in _PARTICIPLE_CUES:
                donors = [r for _, r in earlier if r.phrase is not None]
                row.cue = t.text
                if donors:
                    d = donors[-1]
                    row.phrase, row.phrase_toks, row.position = d.phrase, d.phrase_toks, d.position
                    row.rule = "participle"
                    used.setdefault(sidx, set()).add(t.start)
                    return True
                subj = self.clause_subject(toks, c)
                if subj:
                    self.attach(row, toks, *subj)
                    row.rule = "participle"
                    used.setdefault(sidx, set()).add(t.start)
                    return True
                continue
            subj = self.subject(toks, c)
            if subj is None:
                continue
            row.cue, _ = self.cue_phrase(toks, c, n)
            self.attach(row, toks, *subj)
            row.rule = "before"
            used.setdefault(sidx, set()).add(t.start)
            return True
        return False

    def clause_subject(self, toks: Sequence[Token], c: int) -> tuple[int, int] | None:
        """Subject of the clause a participle cue hangs from: the leading noun phrase."""
        start = 0
        for k in range(c - 1, -1, -1):
            if toks[k].text in (";", ":"):
                start = k + 1
                break
        k = start
        while k < c and not _is_word(toks[k]):
            k += 1
        if k < c and toks[k].low in ("in", "on", "at", "after", "before", "during", "days", "hours", "last", "as",
                                     "since", "while", "when", "with", "under", "following", "despite"):
            comma = next((m for m in range(k, c) if toks[m].text == ","), None)
            if comma is not None:
                k = comma + 1
        end = k
        while end < c and (_is_word(toks[end]) or toks[end].low in ("'s", "'")) and toks[end].low not in _AUX \
                and not self.cue_at(toks, end) and not (toks[end].text.islower() and toks[end].low.endswith(("ed", "ing"))):
            end += 1
        # "Iran’s supreme leader, Ayatollah Ali Khamenei, issued …": take the name in apposition too
        if end < c and toks[end].text == ",":
            m = end + 1
            while m < c and (_is_cap(toks[m]) or toks[m].low.startswith("al-")):
                m += 1
            if m > end + 1 and m < c and toks[m].text == ",":
                end = m
        return (k, end) if end > k else None

    def indirect(self, spans: list[QuoteSpan], used: dict[int, set[int]],
                 covered: list[tuple[int, int]]) -> list[_Row]:
        out: list[_Row] = []
        for sidx, s in enumerate(self.sents):
            if any(s.start < b and s.end > a for a, b in covered):
                continue
            toks = s.tokens
            n = len(toks)
            # direct quotes with their own attribution already cover this sentence's cues
            quoted = [(q.outer_start, q.outer_end) for q in spans if q.outer_start < s.end and q.outer_end > s.start]
            full_quote = any(a <= s.start + 1 and b >= s.end - 1 for a, b in quoted)
            if full_quote:
                continue

            def in_quote(t: Token) -> bool:
                return any(a <= t.start < b for a, b in quoted)

            marker = bool(_ANON_MARKERS.search(s.text))
            taken = used.get(sidx, set())
            for c in range(n):
                t = toks[c]
                if in_quote(t) or t.start in taken:
                    continue
                if t.low == "according" and c + 1 < n and toks[c + 1].low == "to":
                    row = self.according(s, toks, c, marker)
                    if row:
                        out.append(row)
                    continue
                if not self.cue_at(toks, c) or t.low in _PARTICIPLE_CUES:
                    continue
                row = self.reported_clause(s, toks, c, marker, in_quote)
                if row:
                    out.append(row)
        return out

    def according(self, s: Sentence, toks: Sequence[Token], c: int, marker: bool) -> _Row | None:
        n = len(toks)
        j = c + 2
        while j < n and toks[j].text not in (",", ".", ";", ":", "!", "?") and toks[j].text not in _QUOTE_TOKENS:
            j += 1
        if j == c + 2:
            return None
        if c == 0 or (c > 0 and toks[c - 1].text not in (",",) and c <= 1):
            a, b = j + 1, n          # According to X, CONTENT.
        else:
            a = 0
            b = c - 1 if toks[c - 1].text == "," else c
        while b > a and not _is_word(toks[b - 1]):
            b -= 1
        if b - a < 3:
            return None
        row = _Row("indirect", toks[a].start, toks[b - 1].end, s.sent_id, s.text, "according_to", "according to")
        row.anon_marker = marker
        self.attach(row, toks, c + 2, j)
        return row

    def reported_clause(self, s: Sentence, toks: Sequence[Token], c: int, marker: bool, in_quote) -> _Row | None:
        n = len(toks)
        t = toks[c]
        lemma = CUE_VERBS[t.low]
        subj = self.subject(toks, c)
        if subj is None:
            return None
        cue, k = self.cue_phrase(toks, c, n)
        # trailing attribution: "CONTENT, X said Friday."
        a0 = subj[0]
        rest = [x for x in toks[k:] if _is_word(x)]
        trailing = a0 >= 2 and toks[a0 - 1].text == "," and len(rest) <= 8 and (
            not rest or rest[0].low in _TIME or rest[0].low in ("in", "on", "at", "during", "to", "from", "after",
                                                                 "before", "via", "through", "while", "late", "early"))
        if trailing:
            b = a0 - 1
            a = 0
            while b > a and not _is_word(toks[b - 1]):
                b -= 1
            if b - a < 3:
                return None
            row = _Row("indirect", toks[a].start, toks[b - 1].end, s.sent_id, s.text, "trailing", cue)
        else:
            has_that = k < n and toks[k].low == "that"
            if lemma == "tell" and not has_that:
                # told reporters (that) …: skip the object
                m = k
                while m < n and m - k < 6 and toks[m].low != "that" and toks[m].text not in (",", ".", ":"):
                    m += 1
                if m < n and toks[m].low == "that":
                    k, has_that = m, True
            if has_that:
                k += 1
            while k < n and toks[k].text in (",", ":"):
                k += 1
            b = next((m for m in range(k + 1, n - 1) if toks[m].low == "according" and toks[m + 1].low == "to"
                      and toks[m - 1].text == ","), n)  # "…, according to X" is a second attribution
            while b > k and not _is_word(toks[b - 1]) and toks[b - 1].text not in _QUOTE_TOKENS:
                b -= 1
            content = toks[k:b]
            if len([x for x in content if _is_word(x)]) < 3 or content[0].low == "to" or in_quote(content[0]):
                return None
            if not has_that:
                pronoun_subject = content[0].low in ("it", "he", "she", "they", "we", "i", "there")
                if lemma not in _SAY_LIKE and not pronoun_subject:
                    return None
                if lemma in ("tell", "ask") and not pronoun_subject:
                    return None
            row = _Row("indirect", content[0].start, content[-1].end, s.sent_id, s.text, "clause", cue)
        row.anon_marker = marker
        self.attach(row, toks, *subj)
        if row.phrase is None:
            return None
        first = norm(row.phrase.split()[0])
        if row.phrase.split()[0] in ("I", "We", "we", "You", "you", "us", "Us", "One", "one") or (row.phrase_toks and row.phrase_toks[0].text.islower()
                                                      and first not in ("the", "a", "an", "two", "three", "four",
                                                                        "several", "some", "many", "he", "she",
                                                                        "it", "they", "senior", "top", "unnamed")
                                                      and not first.isdigit() and first not in _ANON_HEADS):
            return None
        return row

    def transcript_turns(self) -> list[_Row]:
        out: list[_Row] = []
        label = re.compile(
            r"^(?P<label>(?:[A-Z][A-Z.'’\-]*(?:[ \t]+[A-Z][A-Z.'’\-]*){0,7})):[ \t]+"
            r"|^(?P<q>Q)(?:[ \t]{2,}|:[ \t]+)"
            r"|^(?P<cr>(?:Mr|Mrs|Ms|Miss|Dr)\.[ \t]+[A-Z][A-Za-z'’\-]*[A-Z]{2,}[A-Za-z'’\-]*|The (?:PRESIDING "
            r"OFFICER|SPEAKER(?: pro tempore)?|CHAIR|CHAIRMAN))\.[ \t]+", re.MULTILINE)
        marks = [m for m in label.finditer(self.text)]
        if len(marks) < 1:
            return out
        for k, m in enumerate(marks):
            who = m.group("label") or m.group("q") or m.group("cr")
            if len(who) > 60 or (m.group("label") and len(who) < 2):
                continue
            start = m.end()
            end = marks[k + 1].start() if k + 1 < len(marks) else len(self.text)
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            sidx = self.sentence_index(start)
            s = self.sents[sidx]
            row = _Row("direct", start, end, s.sent_id, self.text[start:end], "transcript", ":")
            row.phrase = who
            row.position = m.start()
            self.speaker_from_label(row, who)
            out.append(row)
        return out

    def speaker_from_label(self, row: _Row, label: str) -> None:
        found = _matches(self.actors, label, ignore_case=True)
        exact = [f for f in found if f[0] == 0 and f[1] == len(label)]
        best = _best(exact or [f for f in found if f[4] != "country"] or found)
        words = label.replace("’", "'").split()
        pretty = " ".join(w if (len(w) <= 3 and w.isupper() and w.lower() not in resources.stopwords()
                                and w not in ("MR.", "MRS.", "MS.", "DR."))
                          else (w[:2] + w[2:].lower() if w[:2] == "Mc" else w.capitalize()) for w in words)
        pretty = re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), pretty)
        if best is not None:
            row.actor, row.side, row.typ = best[2], best[3], best[4]
            row.speaker = best[2] if best[4] == "person" else pretty
        else:
            row.speaker, row.side = pretty, "other"

    def continuations(self) -> None:
        """An unattributed quote that opens a sentence right after an attributed quote: same speaker."""
        rows = sorted(self.rows, key=lambda r: r.start)
        for k, r in enumerate(rows):
            if r.rule != "none" or r.kind == "indirect":
                continue
            prev = next((p for p in reversed(rows[:k]) if p.kind != "indirect" and p.side != UNATTRIBUTED
                         and p.rule != "none" and p.end <= r.start), None)
            if prev is None:
                continue
            gap = self.text[prev.end:r.start]
            sent_gap = sum(1 for s in self.sents if prev.end <= s.start < r.start)
            if sent_gap <= 2 and gap.count("\n\n") <= 1 and len(gap) < 300:
                r.speaker = prev.speaker
                r.actor, r.side, r.affiliation, r.cue = prev.actor, prev.side, prev.affiliation, prev.cue
                r.phrase = prev.phrase
                r.rule = "continuation"
            else:
                r.side = UNATTRIBUTED


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------

def quotes(corpus: pd.DataFrame, *, actors: str | os.PathLike | pd.DataFrame | None = None,
           parts: Sequence[str] = ALL_PARTS) -> pd.DataFrame:
    """Quotations with speaker, side and attribution cue, one row per quotation.

    ``corpus`` needs ``doc_id`` and ``text`` (``title``, ``standfirst`` and
    ``language`` are used when present). ``actors`` is a CSV path or a
    DataFrame with columns ``pattern, actor, side[, type]`` (default
    ``data/actors/actors.csv``). Columns: :data:`QUOTE_COLUMNS`; see the module
    docstring for their meaning.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["d"], "text": [
    ...     "On Tuesday, Trump threatened Iran. “They will pay,” he said on Twitter."]})
    >>> quotes(corpus)[["quote", "speaker", "side", "cue", "rule"]].values.tolist()
    [['They will pay,', 'Trump', 'US officials', 'said on Twitter', 'after+pronoun']]
    """
    table = _default_actors() if actors is None else _compile_actors(load_actors(actors))
    rows: list[dict[str, Any]] = []
    for part in english_parts(corpus, parts, what="quotes"):
        for r in _PartQuotes(part, table).run():
            quote_text = part.text[r.start:r.end]
            rows.append({"doc_id": part.doc_id, "part": part.part, "kind": r.kind, "quote": quote_text,
                         "speaker": r.speaker, "speaker_phrase": r.phrase, "actor": r.actor, "side": r.side,
                         "affiliation": r.affiliation, "cue": r.cue, "rule": r.rule, "start": r.start,
                         "end": r.end, "sent_id": r.sent_id, "sentence": r.sentence})
    out = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    if out.empty:
        return out.astype({"start": "int64", "end": "int64", "sent_id": "int64"})
    order = {d: k for k, d in enumerate(corpus["doc_id"].tolist())}
    part_order = {p: k for k, p in enumerate(ALL_PARTS)}
    out = out.assign(_d=out["doc_id"].map(order), _p=out["part"].map(part_order))
    for col in ["speaker", "speaker_phrase", "actor", "affiliation", "cue"]:  # missing values are None, not NaN
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    out = out.sort_values(["_d", "_p", "start"], kind="stable").drop(columns=["_d", "_p"])
    return out.reset_index(drop=True)


def quote_counts(quotes_table: pd.DataFrame, corpus: pd.DataFrame, by: str = "outlet", *,
                 column: str = "side", kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """How many quotations each group gives to each side (or actor): ``n`` and ``share``.

    ``by`` is a column of the table or of ``corpus`` (``"group"`` falls back
    to ``data/corpus-groups.csv``); ``column`` is what to count (``side``,
    ``actor``, ``speaker``); ``kinds`` restricts the quotation kinds. Shares
    sum to 1 per group.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "kind": "direct", "side": ["x", "y", "x"]})
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"]})
    >>> quote_counts(t, c)[["outlet", "side", "n", "share"]].values.tolist()
    [['A', 'x', 1, 0.5], ['A', 'y', 1, 0.5], ['B', 'x', 1, 1.0]]
    """
    for col in ("doc_id", column):
        if col not in quotes_table.columns:
            raise KeyError(f"quote_counts() needs column {col!r} in the quotes table")
    table = quotes_table
    if kinds is not None:
        table = table[table["kind"].isin(list(kinds))]
    if by not in table.columns:
        if by in corpus.columns:
            # a plain frame: the corpus's attrs (load reports) must not travel into the merge
            groups = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str).to_numpy(),
                                   by: corpus[by].to_numpy()}).drop_duplicates("doc_id")
        elif by == "group":
            groups = resources.corpus_groups()
        else:
            raise KeyError(f"no column {by!r} in the quotes table or the corpus")
        table = table.assign(doc_id=table["doc_id"].astype(str)).merge(
            groups.astype({"doc_id": str}), on="doc_id", how="left")
        table.attrs = {}
    table = table.assign(**{by: table[by].fillna("(none)"), column: table[column].fillna("(none)")})
    counts = table.groupby([by, column]).size().rename("n").reset_index()
    counts["share"] = counts["n"] / counts.groupby(by)["n"].transform("sum")
    return counts.sort_values([by, column], kind="stable").reset_index(drop=True)
