"""VADER's rules as array operations: the engine behind ``toolkit.sentiment``.

This module reproduces the VADER authors' reference implementation
(``vaderSentiment`` 3.3.2, Hutto & Gilbert, ICWSM 2014) exactly — quirks
included — but scores many sentences at once: all sentences are split in one
go, every distinct token is looked up once, and the rules (boosters, ALL CAPS,
negation, "but", "least", "no", idioms, punctuation) run on flat arrays.

Most users want :func:`toolkit.sentiment.sentiment`, which works on tables;
:func:`vader_scores` is the engine on a plain list of strings. The tables it
reads (lexicon, boosters, rule words as flag bits) and its tokens are in
:mod:`toolkit.sentiment.vader_tokens`.

>>> neg, neu, pos, compound = vader_scores(["The strike was not a good idea."])
>>> float(compound[0])
-0.4416
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from itertools import repeat
from typing import Any, Sequence

import numpy as np

from .vader_tokens import (
    _AT_VERY, _BOOST, _BUT, _DOUBT, _IDIOM, _KIND, _LEAST, _LEX, _NEG, _NEVER, _NO, _OF, _OR_NOR, _PUNCT,
    _SO_THIS, _UPPER, _WITHOUT, _clean_texts, _Tables, _tables, _tokenize,
)

__all__ = ["vader_scores"]

_MINUS = "\u2212"


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
