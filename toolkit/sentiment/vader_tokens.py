"""VADER's tables and tokens: what :func:`toolkit.sentiment.vader.vader_scores` works on.

The lexicon, the emoji descriptions, the boosters, the special idioms and the
rule words are read exactly as the VADER authors' reference (``vaderSentiment``
3.3.2) reads them, once, into :class:`_Tables`; each rule word is a flag bit.
A batch of texts is split into VADER's whitespace tokens (after the
reference's emoji pass) as codes into the distinct tokens (:class:`_Tokens`),
with pyarrow when it is installed.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd

# --------------------------------------------------------------------------------------
# Tables (loaded on first use, cached explicitly)
# --------------------------------------------------------------------------------------

# Per-token flag bits.
_LEX = 1 << 0        # lowercased word is in the lexicon
_BOOST = 1 << 1      # lowercased word is a booster/dampener
_UPPER = 1 << 2      # word.isupper()
_NEG = 1 << 3        # negated([word]) is True (NEGATE list or contains "n't")
_NO = 1 << 4
_BUT = 1 << 5
_KIND = 1 << 6
_OF = 1 << 7
_LEAST = 1 << 8
_AT_VERY = 1 << 9
_NEVER = 1 << 10
_SO_THIS = 1 << 11
_WITHOUT = 1 << 12
_DOUBT = 1 << 13
_OR_NOR = 1 << 14
_IDIOM = 1 << 15     # occurs in a multi-word special case / booster n-gram (prefilter)
_PUNCT = 1 << 16     # contains "!" or "?"

# Words too common to use as an idiom prefilter; every multi-word idiom has another word.
_IDIOM_FILLERS = frozenset({"the", "of", "to", "for", "a", "in", "on"})


@dataclass(frozen=True)
class _Tables:
    lexicon: dict[str, float]
    emojis: dict[str, str]
    emoji_chars: frozenset[str]   # one-character emoji keys (the only ones the reference matches)
    rare_chars: frozenset[str]    # those plus whitespace that Arrow's ASCII splitter keeps
    booster: dict[str, float]
    special: dict[str, float]
    word_flags: dict[str, int]
    c_incr: float
    n_scalar: float


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Lexicon, emoji descriptions and rule word lists, exactly as the reference reads them."""
    import vaderSentiment.vaderSentiment as ref

    from .. import resources

    lexicon = dict(resources.vader_lexicon())
    emojis: dict[str, str] = {}
    text = resources.vader_emoji_path().read_text(encoding="utf-8")
    for line in text.rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        emojis[emoji] = description
    # the reference tests one character at a time, so only one-character keys can match
    singles = sorted(e for e in emojis if len(e) == 1)

    booster = dict(ref.BOOSTER_DICT)
    special = dict(ref.SPECIAL_CASES)
    flags: dict[str, int] = {}

    def add(word: str, bit: int) -> None:
        flags[word] = flags.get(word, 0) | bit

    for w in lexicon:
        add(w, _LEX)
    for w in booster:
        add(w, _BOOST)
    for w in ref.NEGATE:
        add(w, _NEG)
    for w, bit in (("no", _NO), ("but", _BUT), ("kind", _KIND), ("of", _OF), ("least", _LEAST),
                   ("at", _AT_VERY), ("very", _AT_VERY), ("never", _NEVER), ("so", _SO_THIS),
                   ("this", _SO_THIS), ("without", _WITHOUT), ("doubt", _DOUBT), ("or", _OR_NOR),
                   ("nor", _OR_NOR)):
        add(w, bit)
    for key in list(special) + list(booster):
        parts = key.split(" ")
        if len(parts) < 2:
            continue
        rare = [p for p in parts if p not in _IDIOM_FILLERS]
        if not rare:  # pragma: no cover - guards the prefilter's assumption
            raise RuntimeError(f"idiom {key!r} has only filler words")
        for p in rare:
            add(p, _IDIOM)
    return _Tables(lexicon=lexicon, emojis=emojis, emoji_chars=frozenset(singles),
                   rare_chars=frozenset(singles) | frozenset(_EXOTIC_SPACE), booster=booster,
                   special=special, word_flags=flags, c_incr=ref.C_INCR,
                   n_scalar=ref.N_SCALAR)


def _replace_emojis(text: str, emojis: dict[str, str]) -> str:
    """The reference's emoji pass: each emoji character becomes its description."""
    out = []
    prev_space = True
    for ch in text:
        if ch in emojis:
            if not prev_space:
                out.append(" ")
            out.append(emojis[ch])
            prev_space = False
        else:
            out.append(ch)
            prev_space = ch == " "
    return "".join(out).strip()


# --------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------

@dataclass
class _Tokens:
    codes: np.ndarray         # token -> index into ``uniq``
    offsets: np.ndarray       # tokens of text k are codes[offsets[k]:offsets[k + 1]]
    uniq: list[str]           # distinct raw tokens


@functools.lru_cache(maxsize=1)
def _arrow() -> Any:
    """``pyarrow.compute`` when installed (fast tokenising), else ``None``."""
    try:
        import pyarrow
        import pyarrow.compute
    except ImportError:  # pragma: no cover - pyarrow ships with the dask extra
        return None
    return pyarrow


# Characters ``str.split()`` treats as whitespace but Arrow's ASCII splitter does not.
# (every c with c.isspace() other than " \t\n\v\f\r"; a test checks the list)
_EXOTIC_SPACE = ("\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                 "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_EXOTIC_TABLE = {ord(c): " " for c in _EXOTIC_SPACE}
_ASCII_EXOTIC_SPACE = "".join(c for c in _EXOTIC_SPACE if c.isascii())


def _arrow_split(texts: list[str], pa: Any) -> _Tokens | None:
    """Arrow's ASCII-whitespace split + dictionary encoding (``None`` if Arrow refuses the text)."""
    pc = pa.compute
    try:
        arr = pa.array(texts, type=pa.large_string())
    except (pa.ArrowException, UnicodeError):  # e.g. lone surrogates: use the plain path
        return None
    lists = pc.ascii_split_whitespace(arr)
    offsets = lists.offsets.to_numpy().astype(np.int64)
    first = int(offsets[0])
    offsets -= first
    enc = pc.dictionary_encode(lists.values.slice(first, int(offsets[-1])))
    codes = enc.indices.to_numpy()
    uniq = enc.dictionary.to_pylist()
    try:
        empty = uniq.index("")
    except ValueError:
        empty = -1
    if empty >= 0:  # Arrow yields "" for leading/trailing whitespace and for empty strings
        keep = codes != empty
        offsets = np.concatenate(([0], np.cumsum(keep)))[offsets]
        codes = codes[keep]
    return _Tokens(codes, offsets, uniq)


def _rare_codes(uniq: list[str], T: _Tables) -> list[int]:
    """Distinct tokens holding an emoji or whitespace that Arrow's ASCII splitter keeps."""
    rare = T.rare_chars
    non_ascii = np.flatnonzero(~np.fromiter(map(str.isascii, uniq), dtype=bool, count=len(uniq)))
    out = [i for i in non_ascii.tolist() if not rare.isdisjoint(uniq[i])]
    joined = "".join(uniq)
    if any(c in joined for c in _ASCII_EXOTIC_SPACE):
        out += [i for i, u in enumerate(uniq)
                if u.isascii() and any(c in u for c in _ASCII_EXOTIC_SPACE)]
    return out


def _tokens_arrow(texts: list[str], T: _Tables, pa: Any) -> _Tokens | None:
    tok = _arrow_split(texts, pa)
    if tok is None:
        return None
    rare = _rare_codes(tok.uniq, T)
    if not rare:
        return tok
    # texts with an emoji (or unusual whitespace): the reference's emoji pass, then split again
    bad = np.flatnonzero(np.isin(tok.codes, rare))
    aff = np.unique(np.searchsorted(tok.offsets, bad, side="right") - 1)
    fixed = [_replace_emojis(texts[i], T.emojis).translate(_EXOTIC_TABLE) for i in aff.tolist()]
    sub = _arrow_split(fixed, pa)
    if sub is None:  # pragma: no cover - the texts were accepted once already
        return None
    n = len(tok.offsets) - 1
    lens = np.diff(tok.offsets)
    new_lens = lens.copy()
    new_lens[aff] = np.diff(sub.offsets)
    keep_sent = np.ones(n, dtype=bool)
    keep_sent[aff] = False
    src_keep = np.repeat(keep_sent, lens)
    dst_keep = np.repeat(keep_sent, new_lens)
    offsets = np.concatenate(([0], np.cumsum(new_lens)))
    codes = np.empty(int(offsets[-1]), dtype=np.int64)
    codes[dst_keep] = tok.codes[src_keep]
    codes[~dst_keep] = sub.codes.astype(np.int64) + len(tok.uniq)
    # a token may now appear twice in ``uniq``; every step works per code, so that is harmless
    return _Tokens(codes, offsets, tok.uniq + sub.uniq)


def _tokens_python(texts: list[str], T: _Tables) -> _Tokens:
    emojis = T.emoji_chars
    texts = [t if t.isascii() or emojis.isdisjoint(t) else _replace_emojis(t, T.emojis)
             for t in texts]
    split = [t.split() for t in texts]
    lens = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
    offsets = np.concatenate(([0], np.cumsum(lens)))
    flat = np.fromiter(chain.from_iterable(split), dtype=object, count=int(offsets[-1]))
    if len(flat):
        codes, uniques = pd.factorize(flat)
        uniq = uniques.tolist()
    else:
        codes, uniq = np.zeros(0, dtype=np.int64), []
    return _Tokens(np.asarray(codes), offsets, uniq)


def _tokenize(texts: list[str], T: _Tables, use_arrow: bool = True) -> _Tokens:
    """Whitespace tokens of all texts after the emoji pass, as codes into distinct tokens."""
    pa = _arrow() if use_arrow else None
    if pa is not None:
        tok = _tokens_arrow(texts, T, pa)
        if tok is not None:
            return tok
    return _tokens_python(texts, T)


def _clean_texts(values: list[Any]) -> list[str]:
    if set(map(type, values)) <= {str}:
        return values
    return ["" if t is None or (not isinstance(t, str) and pd.isna(t)) else str(t) for t in values]
