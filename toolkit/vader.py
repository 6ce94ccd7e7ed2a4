"""VADER's rules as array operations: the engine behind ``toolkit.sentiment``.

This module reproduces the VADER authors' reference implementation
(``vaderSentiment`` 3.3.2, Hutto & Gilbert, ICWSM 2014) exactly — quirks
included — but scores many sentences at once: all sentences are split in one
go, every distinct token is looked up once, and the rules (boosters, ALL CAPS,
negation, "but", "least", "no", idioms, punctuation) run on flat arrays.

Most users want :func:`toolkit.sentiment.sentiment`, which works on tables;
:func:`vader_scores` is the engine on a plain list of strings.

>>> neg, neu, pos, compound = vader_scores(["The strike was not a good idea."])
>>> float(compound[0])
-0.4416
"""
from __future__ import annotations

import functools
import string
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any, Sequence

import numpy as np
import pandas as pd

__all__ = ["vader_scores"]

_MINUS = "\u2212"
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

    from . import resources

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


def _pyround(x: np.ndarray, digits: int) -> np.ndarray:
    """``round(x, digits)`` elementwise with Python's exact semantics (ties checked exactly)."""
    scale = 10.0 ** digits
    y = x * scale
    out = np.rint(y) / scale
    frac = np.abs(y - np.floor(y) - 0.5)
    near = np.flatnonzero(frac < 1e-6)
    for i in near.tolist():
        out[i] = round(float(x[i]), digits)
    return out


def _fmt(x: float, spec: str) -> str:
    return format(x, spec).replace("-", _MINUS)


# --------------------------------------------------------------------------------------
# The batch engine
# --------------------------------------------------------------------------------------

@dataclass
class _Explained:
    """Per-word records of one batch (only built when asked for)."""
    sent: np.ndarray          # sentence index (within the batch) of each word
    position: np.ndarray      # index in VADER's token list
    code: np.ndarray          # index of the word into ``vocab``
    vocab: list[str]          # distinct words (VADER tokens, punctuation stripped)
    lexicon_valence: np.ndarray
    valence: np.ndarray
    rules: dict[int, list[str]]  # word index -> rule descriptions (absent: no rule applied)
    amp: np.ndarray           # punctuation amplifier per sentence (added to |sum|)
    amp_applied: np.ndarray   # signed amount actually added to the sum
    n_excl: np.ndarray
    n_q: np.ndarray


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


def _empty_result(explain: bool) -> tuple:
    e = np.zeros(0)
    i = np.zeros(0, dtype=np.int64)
    res = (e, e.copy(), e.copy(), e.copy())
    if explain:
        res += (_Explained(i, i.copy(), i.copy(), [], e.copy(), e.copy(), {}, e.copy(), e.copy(),
                           i.copy(), i.copy()),)
    return res


def vader_scores(texts: Sequence[str], *, explain: bool = False) -> tuple:
    """Score raw strings with VADER; returns ``(neg, neu, pos, compound)`` float arrays.

    Identical to ``vaderSentiment``'s ``polarity_scores`` for each string, only
    vectorised. With ``explain=True`` a fifth item carries per-word records
    (used by :func:`sentiment` and :func:`sentiment_evidence`).

    >>> neg, neu, pos, compound = vader_scores(["not good", "very good!!"])
    >>> compound.tolist()
    [-0.3412, 0.5827]
    """
    T = _tables()
    texts = _clean_texts(list(texts))
    n = len(texts)
    if n == 0:
        return _empty_result(explain)

    # 1. emoji -> description, whitespace split, every distinct token processed once
    tok = _tokenize(texts, T)
    codes, offsets, uniq = tok.codes, tok.offsets, tok.uniq
    V = len(uniq)
    stripped = list(map(str.strip, uniq, repeat(string.punctuation, V)))
    words = [s if len(s) > 2 else u for s, u in zip(stripped, uniq)]
    lowers = list(map(str.lower, words))
    vflags = np.fromiter(map(T.word_flags.get, lowers, repeat(0, V)), dtype=np.int32, count=V)
    vflags[np.fromiter(map(str.__contains__, lowers, repeat("n't", V)), dtype=bool, count=V)] |= _NEG
    vflags[np.fromiter(map(str.isupper, words), dtype=bool, count=V)] |= _UPPER
    vlex = np.zeros(V)
    vboost = np.zeros(V)
    in_lex = np.flatnonzero(vflags & _LEX).tolist()
    vlex[in_lex] = [T.lexicon[lowers[i]] for i in in_lex]
    in_boost = np.flatnonzero(vflags & _BOOST).tolist()
    vboost[in_boost] = [T.booster[lowers[i]] for i in in_boost]

    # "!" and "?" counts per text, from the tokens (whitespace never holds one)
    vex = np.fromiter(map(str.count, uniq, repeat("!", V)), dtype=np.int64, count=V)
    vq = np.fromiter(map(str.count, uniq, repeat("?", V)), dtype=np.int64, count=V)
    vflags[(vex | vq) > 0] |= _PUNCT

    N = len(codes)
    ftok = np.empty(N + 1, dtype=np.int32)      # per-token flags, one zero pad past the end
    np.take(vflags, codes, out=ftok[:N])
    ftok[N] = 0

    n_excl = np.zeros(n, dtype=np.int64)
    n_q = np.zeros(n, dtype=np.int64)
    marked = np.flatnonzero(ftok & _PUNCT)
    if len(marked):
        msid = np.searchsorted(offsets, marked, side="right") - 1
        n_excl = np.bincount(msid, weights=vex[codes[marked]], minlength=n).astype(np.int64)
        n_q = np.bincount(msid, weights=vq[codes[marked]], minlength=n).astype(np.int64)
    starts = offsets[:-1]
    n_tok = np.diff(offsets)

    # ALL-CAPS differential: some but not all tokens upper case
    up_idx = np.flatnonzero(ftok & _UPPER)
    n_up = np.bincount(np.searchsorted(offsets, up_idx, side="right") - 1, minlength=n)
    cap_diff = (n_up > 0) & (n_up < n_tok)

    # 2. words that get a valence: in lexicon, not a booster, not "kind" of "kind of"
    cand = np.flatnonzero((ftok & (_LEX | _BOOST)) == _LEX)
    sid = np.searchsorted(offsets, cand, side="right") - 1
    pos = cand - starts[sid]
    nlen = n_tok[sid]
    kind_of = (((ftok[cand] & _KIND) != 0) & (pos + 1 < nlen)
               & ((ftok[np.minimum(cand + 1, N)] & _OF) != 0))
    keep = ~kind_of
    H, sid, pos, nlen = cand[keep], sid[keep], pos[keep], nlen[keep]
    nh = len(H)

    def F(off: int) -> np.ndarray:
        """Flags of the token ``off`` places away (0 past the end of the sentence)."""
        if off <= 0:
            return ftok[np.maximum(H + off, 0)]  # callers mask by ``pos`` (before the sentence)
        return np.where(pos + off < nlen, ftok[np.minimum(H + off, N)], 0)

    f0, fm1, fm2, fm3, fp1 = F(0), F(-1), F(-2), F(-3), F(1)
    nsc = T.n_scalar
    cinc = T.c_incr
    lexH = vlex[codes[H]]
    v = lexH.copy()
    cd = cap_diff[sid]

    # "no" before a lexicon word loses its own valence; words after "no" are negated
    no_zero = ((f0 & _NO) != 0) & ((fp1 & _LEX) != 0)
    v[no_zero] = 0.0
    no_neg = (((pos > 0) & ((fm1 & _NO) != 0)) | ((pos > 1) & ((fm2 & _NO) != 0))
              | ((pos > 2) & ((fm3 & _NO) != 0) & ((fm1 & _OR_NOR) != 0)))
    v[no_neg] = lexH[no_neg] * nsc
    # ALL CAPS (while others are not)
    caps = ((f0 & _UPPER) != 0) & cd
    caps_amt = np.where(caps, np.where(v > 0, cinc, -cinc), 0.0)
    v = np.where(caps, np.where(v > 0, v + cinc, v - cinc), v)

    boost_amt, boost_tok, boost_caps, neg_by, never_so, wd_block = [], [], [], [], [], []
    idiom_desc: dict[int, list[str]] = {}
    fprev = (fm1, fm2, fm3)
    for k in range(3):
        fp = fprev[k]
        m = (pos > k) & ((fp & _LEX) == 0)
        prev_tok = H - (k + 1)
        is_b = m & ((fp & _BOOST) != 0)
        # boosters/dampeners: sign follows the valence so far; ALL CAPS adds; decay with distance
        scalar = vboost[codes[np.maximum(prev_tok, 0)]]  # used only where ``m`` (prev_tok >= 0)
        scalar = np.where(v < 0, -scalar, scalar)
        capb = is_b & ((fp & _UPPER) != 0) & cd
        scalar = np.where(capb, np.where(v > 0, scalar + cinc, scalar - cinc), scalar)
        if k == 1:
            scalar = np.where(scalar != 0, scalar * 0.95, scalar)
        elif k == 2:
            scalar = np.where(scalar != 0, scalar * 0.9, scalar)
        s = np.where(is_b, scalar, 0.0)
        v = np.where(m, v + s, v)
        # negation within three words ("never so/this" intensifies, "without doubt" does not negate)
        if k == 0:
            ns = np.zeros(nh, dtype=bool)
            wd = ns
            ng = m & ((fm1 & _NEG) != 0)
        elif k == 1:
            ns = m & ((fm2 & _NEVER) != 0) & ((fm1 & _SO_THIS) != 0)
            wd = m & ~ns & ((fm2 & _WITHOUT) != 0) & ((fm1 & _DOUBT) != 0)
            ng = m & ~ns & ~wd & ((fm2 & _NEG) != 0)
        else:
            ns = m & ((((fm3 & _NEVER) != 0) & ((fm2 & _SO_THIS) != 0)) | ((fm1 & _SO_THIS) != 0))
            wd = m & ~ns & ((fm3 & _WITHOUT) != 0) & (((fm2 & _DOUBT) != 0) | ((fm1 & _DOUBT) != 0))
            ng = m & ~ns & ~wd & ((fm3 & _NEG) != 0)
        v = np.where(ns, v * 1.25, v)
        v = np.where(ng, v * nsc, v)
        if explain:
            boost_amt.append(s)
            boost_tok.append(prev_tok)
            boost_caps.append(capb)
            neg_by.append(ng)
            never_so.append(ns)
            wd_block.append(wd & ((fp & _NEG) != 0))
        if k == 2:
            # special-case idioms and booster n-grams: checked exactly where one could match
            window = fm3 | fm2 | fm1 | f0 | fp1 | F(2)
            for h in np.flatnonzero(m & ((window & _IDIOM) != 0)).tolist():
                a = int(starts[sid[h]])
                lw = [lowers[c] for c in codes[a:a + int(nlen[h])].tolist()]
                new, desc = _idioms(float(v[h]), lw, int(pos[h]), T)
                v[h] = new
                if desc:
                    idiom_desc[h] = desc

    # "least" negates, unless "at least" / "very least"
    least = (pos > 0) & ((fm1 & _LEX) == 0) & ((fm1 & _LEAST) != 0)
    least &= (pos == 1) | ((fm2 & _AT_VERY) == 0)
    v = np.where(least, v * nsc, v)

    # 3. "but": words before it ×0.5, after it ×1.5 (with the reference's list.index quirk)
    but_tok = np.flatnonzero(ftok & _BUT)
    pre_but = v.copy() if explain else v
    hb = None
    if len(but_tok):
        but_sid = np.searchsorted(offsets, but_tok, side="right") - 1
        has_but, first = np.unique(but_sid, return_index=True)
        bi = np.full(n, -1, dtype=np.int64)
        bi[has_but] = but_tok[first] - starts[has_but]
        hb = bi[sid]
        affected = (hb >= 0) & (v != 0)
        nz_per = np.bincount(sid[affected], minlength=n)
        simple = affected & (nz_per[sid] == 1)
        v = np.where(simple & (pos < hb), v * 0.5, np.where(simple & (pos > hb), v * 1.5, v))
        sel = np.flatnonzero(affected & (nz_per[sid] > 1))
        if len(sel):
            # Several valenced words. The reference locates each value with list.index, so a
            # value equal to an already reweighted one lands on the wrong word. Where no value
            # equals an earlier reweighted one, plain reweighting is exact; else replay the loop.
            gs = sid[sel]
            orig = v[sel]
            new = orig * np.where(pos[sel] < hb[sel], 0.5, np.where(pos[sel] > hb[sel], 1.5, 1.0))
            salt = gs.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
            clash = np.isin(orig.view(np.uint64) ^ salt, new.view(np.uint64) ^ salt)
            replay = np.isin(gs, gs[clash])
            v[sel[~replay]] = new[~replay]
            sel = sel[replay]
            for g in (np.split(sel, np.flatnonzero(np.diff(sid[sel])) + 1) if len(sel) else ()):
                b = int(hb[g[0]])
                vals = v[g].tolist()
                ps = pos[g].tolist()
                for x in list(vals):
                    j = vals.index(x)
                    if ps[j] < b:
                        vals[j] = x * 0.5
                    elif ps[j] > b:
                        vals[j] = x * 1.5
                v[g] = vals

    # 4. sums in the reference's order (left to right; zeros add nothing)
    nz = np.flatnonzero(v)
    vals = v[nz]
    g = sid[nz]
    is_pos = vals > 0
    sum_s, pos_sum, neg_sum = _seq_sums(
        (vals, np.where(is_pos, vals + 1.0, 0.0), np.where(is_pos, 0.0, vals - 1.0)), g, n)
    n_pos = np.bincount(g[is_pos], minlength=n)
    n_neg = np.bincount(g[~is_pos], minlength=n)
    neu_count = n_tok - n_pos - n_neg

    ep = np.minimum(n_excl, 4) * 0.292
    qm = np.where(n_q > 1, np.where(n_q <= 3, n_q * 0.18, 0.96), 0.0)
    amp = ep + qm
    amp_applied = np.where(sum_s > 0, amp, np.where(sum_s < 0, -amp, 0.0))
    sum_s = np.where(sum_s > 0, sum_s + amp, np.where(sum_s < 0, sum_s - amp, sum_s))
    compound = np.clip(sum_s / np.sqrt(sum_s * sum_s + 15), -1.0, 1.0)
    abs_neg = np.abs(neg_sum)
    more_pos = pos_sum > abs_neg
    more_neg = pos_sum < abs_neg
    pos_sum = np.where(more_pos, pos_sum + amp, pos_sum)
    neg_sum = np.where(more_neg, neg_sum - amp, neg_sum)
    total = pos_sum + np.abs(neg_sum) + neu_count
    has = n_tok > 0
    safe = np.where(has, total, 1.0)
    pos_r = np.where(has, np.abs(pos_sum / safe), 0.0)
    neg_r = np.where(has, np.abs(neg_sum / safe), 0.0)
    neu_r = np.where(has, np.abs(neu_count / safe), 0.0)
    compound = np.where(has, compound, 0.0)
    res = (_pyround(neg_r, 3), _pyround(neu_r, 3), _pyround(pos_r, 3), _pyround(compound, 4))
    if not explain:
        return res

    # 5. per-word explanations
    rules: dict[int, list[str]] = {}

    def add(mask: np.ndarray, text: Any) -> None:
        for h in np.flatnonzero(mask).tolist():
            rules.setdefault(h, []).append(text(h) if callable(text) else text)

    add(no_zero, "'no' before a lexicon word → 0")
    add(no_neg, "after 'no' ×−0.74")
    add(caps, lambda h: "ALLCAPS " + _fmt(caps_amt[h], "+.3f"))
    for k in range(3):
        amt, bt, bc = boost_amt[k], boost_tok[k], boost_caps[k]
        add(amt != 0, lambda h: (f"booster '{words[codes[bt[h]]]}' " + _fmt(amt[h], "+.3f")
                                 + (" incl. ALLCAPS" if bc[h] else "")))
        add(wd_block[k], "'without doubt' blocks negation")
        add(never_so[k], "'never so/this' ×1.25" if k < 2 else "'so/this' ×1.25")
        add(neg_by[k], lambda h, k=k: f"negated by '{words[codes[H[h] - k - 1]]}'")
    for h, desc in idiom_desc.items():
        rules.setdefault(h, []).extend(desc)
    add(least, "after 'least' ×−0.74")
    if hb is not None:
        def but_rule(h: int) -> str:
            ratio = v[h] / pre_but[h]
            if ratio == 0.5 and pos[h] < hb[h]:
                return "before 'but' ×0.5"
            if ratio == 1.5 and pos[h] > hb[h]:
                return "after 'but' ×1.5"
            return f"'but' weighting ×{ratio:.3g} (reference's list.index quirk)"

        add((hb >= 0) & (pre_but != 0) & (pos != hb), but_rule)
    ex = _Explained(sent=sid, position=pos, code=codes[H], vocab=words, lexicon_valence=lexH, valence=v,
                    rules=rules, amp=amp, amp_applied=amp_applied, n_excl=n_excl, n_q=n_q)
    return res + (ex,)


def _idioms(valence: float, lw: list[str], i: int, T: _Tables) -> tuple[float, list[str]]:
    """The reference's special-idiom check for the word at index ``i`` (``i >= 3``)."""
    special = T.special
    onezero = f"{lw[i - 1]} {lw[i]}"
    twoonezero = f"{lw[i - 2]} {lw[i - 1]} {lw[i]}"
    twoone = f"{lw[i - 2]} {lw[i - 1]}"
    threetwoone = f"{lw[i - 3]} {lw[i - 2]} {lw[i - 1]}"
    threetwo = f"{lw[i - 3]} {lw[i - 2]}"
    desc = []
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in special:
            valence = special[seq]
            desc.append(f"idiom '{seq}' = {_fmt(valence, 'g')}")
            break
    if len(lw) - 1 > i:
        zeroone = f"{lw[i]} {lw[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
            desc.append(f"idiom '{zeroone}' = {_fmt(valence, 'g')}")
    if len(lw) - 1 > i + 1:
        zeroonetwo = f"{lw[i]} {lw[i + 1]} {lw[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
            desc.append(f"idiom '{zeroonetwo}' = {_fmt(valence, 'g')}")
    for ngram in (threetwoone, threetwo, twoone):
        if ngram in T.booster:
            valence = valence + T.booster[ngram]
            desc.append(f"'{ngram}' {_fmt(T.booster[ngram], '+.3f')}")
    return valence, desc


def _seq_sums(columns: Sequence[np.ndarray], groups: np.ndarray, n: int) -> list[np.ndarray]:
    """Per-group sums of each column, added strictly left to right like Python's ``sum``.

    ``groups`` is sorted. Step r adds the r-th item of every group that has one, so
    each group's total is accumulated in its original order (numpy's own sums are
    pairwise, which can differ in the last bit).
    """
    accs = [np.zeros(n) for _ in columns]
    m = len(groups)
    if m == 0:
        return accs
    first = np.flatnonzero(np.concatenate(([True], groups[1:] != groups[:-1])))
    counts = np.diff(np.append(first, m))
    order = np.argsort(-counts, kind="stable")
    first, neg_counts = first[order], -counts[order]
    gid = groups[first]
    for r in range(int(-neg_counts[0])):
        k = int(np.searchsorted(neg_counts, -r, side="left"))  # groups with more than r items
        idx = first[:k] + r
        g = gid[:k]
        for acc, col in zip(accs, columns):
            acc[g] += col[idx]
    return accs


def _clean_texts(values: list[Any]) -> list[str]:
    if set(map(type, values)) <= {str}:
        return values
    return ["" if t is None or (not isinstance(t, str) and pd.isna(t)) else str(t) for t in values]
