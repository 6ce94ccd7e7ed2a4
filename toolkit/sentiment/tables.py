"""Sentence sentiment with VADER: exact, explained, fast.

``method="vader"`` is this project's implementation of VADER (Hutto & Gilbert,
ICWSM 2014). It gives the same ``neg``/``neu``/``pos``/``compound`` as the VADER
authors' reference package ``vaderSentiment`` 3.3.2 on every input (its quirks
included), but scores a whole table at once: all sentences are split in one go,
every distinct token is looked up once, and the rules (boosters, ALL CAPS,
negation, "but", "least", "no", idioms, punctuation) run as array operations.

``method="nltk"`` runs NLTK's copy of VADER instead, one sentence at a time. It
is there for teaching: NLTK's punctuation handling and negation differ from the
reference, so some sentences get different scores (even opposite signs).

``method="vader-calibrated"`` gives the same columns as ``"vader"`` (unchanged)
plus ``calibrated``: a prediction of how human readers rate the sentence, fitted
on human-rated newspaper editorial sentences (see :func:`sentiment` for the
formula, the data and its limits).

VADER is English-only: rows whose ``language`` is not English get NaN scores and
a ``note``; nothing is dropped.

Public functions (all importable from :mod:`toolkit.sentiment`)
-----------------------------------------------------------------
``sentiment``             score a sentences table (pandas or dask)
``calibrated_label``      positive/neutral/negative for ``method="vader-calibrated"`` scores
``sentiment_evidence``    one row per sentiment-carrying word: why a sentence scored what it did
``document_sentiment``    per-document summary (mean compound, shares positive/negative/neutral)
``target_sentences``      sentences that mention a target (or an alias), with the alias matched
``target_sentiment``      sentiment toward a target, aggregated per document or outlet

Example
-------
>>> import pandas as pd
>>> from toolkit.sentiment import sentiment
>>> df = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
...                    "text": ["The strike was not a good idea.", "What a great day!"]})
>>> sentiment(df)[["compound", "evidence"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[[-0.4416, "strike −0.5; good +1.9 → −1.41 (negated by 'not')"],
 [0.6588, "great +3.1; punctuation '!'×1 +0.292"]]
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import pandas as pd

from .calibration import _calibrated_score
from .evidence import _evidence_strings
from .rows import _chunks, _english_mask, _is_dask, _keys, _skip_note, _str_dtype, _warn_skipped
from .vader import vader_scores
from .vader_tokens import _clean_texts

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

__all__ = ["sentiment", "document_sentiment", "POS_THRESHOLD", "NEG_THRESHOLD", "SCORE_COLUMNS"]

#: compound ≥ this counts as positive (the VADER authors' recommended threshold)
POS_THRESHOLD = 0.05
#: compound ≤ this counts as negative
NEG_THRESHOLD = -0.05

SCORE_COLUMNS = ("neg", "neu", "pos", "compound")
_METHODS = ("vader", "nltk", "vader-calibrated")

# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------

def sentiment(sentences: pd.DataFrame | dd.DataFrame, *, method: str = "vader",
              text_col: str = "text", evidence: bool = True,
              progress: bool = False) -> pd.DataFrame | dd.DataFrame:
    """Score each sentence with VADER; returns a copy with ``neg``, ``neu``, ``pos``, ``compound``.

    ``method="vader"`` (default) is exact with the VADER authors' ``vaderSentiment``
    3.3.2 and scores the whole table at once; ``method="nltk"`` runs NLTK's copy
    sentence by sentence (it differs on some sentences; shown for teaching).
    ``method="vader-calibrated"`` is ``"vader"`` plus a column ``calibrated``
    (below).
    With ``evidence=True`` a short ``evidence`` string lists the words that carried
    valence (lexicon value → value after rules, and the rules) and the punctuation
    emphasis. Non-English rows (``language`` column; absent or missing = English)
    get NaN scores, a ``note`` and one warning; all other columns are kept.
    A dask DataFrame is scored partition by partition (lazily; ``progress`` is
    ignored there, and skipped rows are reported in ``note`` only).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 1],
    ...                    "text": ["VADER is VERY good", "Это хорошо"], "language": ["en", "ru"]})
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     out = sentiment(df)
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    sentiment: skipped 1 of 2 sentences that are not English (ru: 1); VADER is English-only...
    >>> out.loc[0, ["neg", "neu", "pos", "compound"]].tolist()
    [0.0, 0.433, 0.567, 0.6028]
    >>> out.loc[0, "evidence"]
    "good +1.9 → +2.93 (booster 'VERY' +1.026 incl. ALLCAPS)"
    >>> out.loc[1, "note"]
    "skipped: language 'ru' (VADER is English-only)"

    **The calibrated score** (``method="vader-calibrated"``). ``neg``, ``neu``,
    ``pos``, ``compound`` and ``evidence`` stay exactly the reference VADER's;
    ``calibrated`` is a linear prediction of the mean human rating, scaled to
    −1..+1::

        rating = a + b·compound + c·pos + d·neg + Σ_words shift[word] · m
        calibrated = clip(rating / 4, −1, +1)

    where the sum runs over the sentence's VADER lexicon words, ``shift[word]`` is
    a per-word correction (0 for words without one) and ``m`` is that occurrence's
    valence after VADER's rules divided by its lexicon valence (1 for a plain word,
    about −0.74 when negated, 1.5 after "but", more with boosters), so a correction
    follows negation and emphasis the way the word itself does. ``a``–``d`` are
    least squares; the shifts are ridge-shrunk towards 0, with the ridge strength
    chosen by cross-validation over articles. Everything was fitted only on the
    training half (an article-level split) of the 5,190 New York Times editorial
    sentences that 20+ people each rated from −4 to +4 for the VADER paper (Hutto &
    Gilbert 2014); the other half was used only to check it. On that held-out half
    it agrees better with the human means than ``compound`` (Pearson r, and 3-class
    weighted F1 with :func:`calibrated_label`), but the gain is small: about +0.03
    in r and +0.01 in weighted F1 (``benchmarks/validity.py`` prints the figures,
    intervals and five different splits). The parameters, their provenance and the
    label thresholds (fitted on the training half too) are in
    :func:`toolkit.resources.vader_calibration`.

    Reading it: ``calibrated`` is a regression prediction, so it is pulled towards
    the raters' average (a sentence without sentiment words gets about −0.03, not
    0); compare calibrated scores with each other, not with ``compound``, and label
    them with :func:`calibrated_label`, not with ±0.05.

    Limits: one genre (US newspaper opinion writing up to 2013) and one set of
    raters; corrections exist only for lexicon words seen at least twice in the
    training sentences (about 550), other words are scored as VADER scores them;
    the corrections describe those raters in that genre, not the words' meaning
    (e.g. "party" and "justice" count for less, "party" about half as much, since
    editorials mostly mean political parties and Supreme Court justices). It is a
    sentence-level predictor: do not read single shifts as findings, and re-check
    it before relying on it for other kinds of text.

    >>> cal = sentiment(df.iloc[:1], method="vader-calibrated", evidence=False)
    >>> bool(-1 <= cal.loc[0, "calibrated"] <= 1), float(cal.loc[0, "compound"])
    (True, 0.6028)
    """
    if method not in _METHODS:
        raise ValueError(f"method must be one of {', '.join(map(repr, _METHODS))}, not {method!r}")
    if _is_dask(sentences):
        meta = _sentiment_frame(sentences._meta, method=method, text_col=text_col,
                                evidence=evidence, progress=False, warn=False)
        return sentences.map_partitions(_sentiment_frame, method=method, text_col=text_col,
                                        evidence=evidence, progress=False, warn=False, meta=meta)
    return _sentiment_frame(sentences, method=method, text_col=text_col, evidence=evidence,
                            progress=progress, warn=True)


def _sentiment_frame(sentences: pd.DataFrame, *, method: str, text_col: str, evidence: bool,
                     progress: bool, warn: bool) -> pd.DataFrame:
    if text_col not in sentences.columns:
        raise KeyError(f"no column {text_col!r}; pass text_col= the column holding the sentences")
    out = sentences.copy()
    n = len(out)
    english, langs = _english_mask(out)
    values = out[text_col].tolist()
    idx = np.flatnonzero(english)
    texts = _clean_texts(values if len(idx) == n else [values[i] for i in idx.tolist()])
    scores = np.full((4, n), np.nan)
    calibrated = np.full(n, np.nan) if method == "vader-calibrated" else None
    ev: list[Any] = [None] * n
    m = len(texts)
    if method in ("vader", "vader-calibrated"):
        params = None
        if calibrated is not None:
            from .. import resources

            params = resources.vader_calibration()
        for a, b in _chunks(m, progress, "VADER"):
            res = vader_scores(texts[a:b], explain=evidence or calibrated is not None)
            rows = idx[a:b]
            for k in range(4):
                scores[k, rows] = res[k]
            if calibrated is not None:
                calibrated[rows] = _calibrated_score(res[0], res[2], res[3], res[4], params)
            if evidence:
                for r, e in zip(rows.tolist(), _evidence_strings(res[4], b - a)):
                    ev[r] = e
    else:
        from .. import resources

        analyzer = resources.nltk_vader()
        for a, b in _chunks(m, progress, "NLTK VADER"):
            for r, t in zip(idx[a:b].tolist(), texts[a:b]):
                d = analyzer.polarity_scores(t)
                scores[0, r], scores[1, r], scores[2, r], scores[3, r] = (
                    d["neg"], d["neu"], d["pos"], d["compound"])
    for k, col in enumerate(SCORE_COLUMNS):
        out[col] = scores[k]
    if calibrated is not None:
        out["calibrated"] = calibrated
    sdt = _str_dtype()
    if evidence:
        out["evidence"] = pd.Series(ev, index=out.index, dtype=sdt)
    notes: list[Any] = [None] * n
    for i in np.flatnonzero(~english).tolist():
        notes[i] = _skip_note(langs[i])
    out["note"] = pd.Series(notes, index=out.index, dtype=sdt)
    if warn:
        _warn_skipped(langs, english, "sentiment")
    return out


def document_sentiment(scored: pd.DataFrame | dd.DataFrame, *, by: str | Sequence[str] = "doc_id",
                       pos_threshold: float = POS_THRESHOLD,
                       neg_threshold: float = NEG_THRESHOLD) -> pd.DataFrame | dd.DataFrame:
    """One row per document (or per ``by`` group) summarising sentence compounds.

    ``n_sentences`` = sentences with a score; ``n_skipped`` = sentences with NaN
    compound (not English); ``mean_compound``; ``share_positive`` (compound ≥
    ``pos_threshold``, default 0.05), ``share_negative`` (≤ ``neg_threshold``,
    default −0.05) and ``share_neutral`` (in between), the thresholds the VADER
    authors recommend. Shares are of scored sentences. Works on dask too (lazy).

    >>> import pandas as pd
    >>> scored = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "compound": [0.5, -0.3, 0.0, float("nan")]})
    >>> document_sentiment(scored).round(3).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'doc_id': 'a', 'n_sentences': 3, 'n_skipped': 0, 'mean_compound': 0.067, 'share_positive': 0.333,
      'share_negative': 0.333, 'share_neutral': 0.333},
     {'doc_id': 'b', 'n_sentences': 0, 'n_skipped': 1, 'mean_compound': nan, 'share_positive': nan,
      'share_negative': nan, 'share_neutral': nan}]
    """
    if not neg_threshold < pos_threshold:
        raise ValueError("neg_threshold must be below pos_threshold")
    keys = _keys(by)
    missing = [k for k in keys + ["compound"] if k not in scored.columns]
    if missing:
        raise KeyError(f"missing column(s) {missing}; score with sentiment() first / merge metadata")
    c = scored["compound"]
    missing_c = c.isna()
    tmp = scored[keys].assign(
        _n=(~missing_c).astype("int64"), _skip=missing_c.astype("int64"), _sum=c.fillna(0.0),
        _pos=(c >= pos_threshold).astype("int64"), _neg=(c <= neg_threshold).astype("int64"))
    g = tmp.groupby(keys, sort=True, dropna=False).sum()
    denom = g["_n"].where(g["_n"] > 0)
    out = g.assign(
        n_sentences=g["_n"], n_skipped=g["_skip"], mean_compound=g["_sum"] / denom,
        share_positive=g["_pos"] / denom, share_negative=g["_neg"] / denom,
        share_neutral=(g["_n"] - g["_pos"] - g["_neg"]) / denom)
    cols = ["n_sentences", "n_skipped", "mean_compound", "share_positive", "share_negative",
            "share_neutral"]
    return out[cols].reset_index()
