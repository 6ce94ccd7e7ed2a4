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

Public functions
----------------
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

import re
import warnings
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import pandas as pd

from ._sentiment_parts import (
    _calibrated_score, _chunks, _english_mask, _evidence_strings, _punct_text, _rules_column, _skip_note,
    _warn_skipped,
)
from .vader import _clean_texts, vader_scores

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

__all__ = [
    "sentiment",
    "calibrated_label",
    "sentiment_evidence",
    "document_sentiment",
    "target_sentences",
    "target_sentiment",
    "vader_scores",
    "POS_THRESHOLD",
    "NEG_THRESHOLD",
]

#: compound ≥ this counts as positive (the VADER authors' recommended threshold)
POS_THRESHOLD = 0.05
#: compound ≤ this counts as negative
NEG_THRESHOLD = -0.05

SCORE_COLUMNS = ("neg", "neu", "pos", "compound")
_METHODS = ("vader", "nltk", "vader-calibrated")

# --------------------------------------------------------------------------------------
# Helpers for tables
# --------------------------------------------------------------------------------------

def _str_dtype() -> Any:
    """pandas' default string dtype (``"str"`` on pandas ≥ 3, ``object`` before)."""
    return "str" if int(pd.__version__.split(".")[0]) >= 3 else object


def _is_dask(obj: Any) -> bool:
    return type(obj).__module__.split(".")[0] in ("dask", "dask_expr")


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
            from . import resources

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
        from . import resources

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


# --------------------------------------------------------------------------------------
# The news calibration (method="vader-calibrated")
# --------------------------------------------------------------------------------------

def calibrated_label(calibrated: Any, thresholds: dict | None = None) -> np.ndarray:
    """3-class label of ``calibrated`` scores: ``"positive"``, ``"neutral"``, ``"negative"``.

    The thresholds default to the ones fitted with the calibration (on its training
    sentences only, maximising weighted F1 against the human labels): ``calibrated
    ≥ thresholds["positive"]`` is positive, ``≤ thresholds["negative"]`` negative,
    in between neutral; NaN stays NaN (``None``). They differ from VADER's ±0.05
    because the calibrated score is a regression prediction, pulled towards the
    raters' average.

    >>> calibrated_label([0.5, -0.5, None], {"negative": -0.05, "positive": 0.05}).tolist()
    ['positive', 'negative', None]
    """
    if thresholds is None:
        from . import resources

        thresholds = resources.vader_calibration()["thresholds"]
    lo, hi = float(thresholds["negative"]), float(thresholds["positive"])
    x = np.asarray(pd.to_numeric(pd.Series(calibrated, dtype=object), errors="coerce"), dtype=float)
    out = np.where(x >= hi, "positive", np.where(x <= lo, "negative", "neutral")).astype(object)
    out[np.isnan(x)] = None
    return out


_EVIDENCE_COLUMNS = ["doc_id", "sent_id", "word", "position", "lexicon_valence", "valence",
                     "rules", "compound"]


def sentiment_evidence(sentences: pd.DataFrame | dd.DataFrame, *,
                       text_col: str = "text") -> pd.DataFrame | dd.DataFrame:
    """Why each sentence scored what it did: one row per lexicon word VADER used.

    Columns: ``doc_id``, ``sent_id``, ``word`` (VADER's token, punctuation
    stripped), ``position`` (index in VADER's whitespace tokenisation),
    ``lexicon_valence``, ``valence`` (after the rules; 0 when a rule cancelled it),
    ``rules`` (``;``-separated: boosters with the amount added, ``negated by 'not'``,
    ``ALLCAPS``, ``after 'no'``, ``'never so/this' ×1.25``, idioms, ``after 'least'``,
    ``before 'but' ×0.5`` / ``after 'but' ×1.5``) and the sentence's ``compound``.
    Exclamation/question-mark emphasis is one extra row per sentence with
    ``word=None``, ``position=<NA>`` and the signed amount added to the sum in
    ``valence``. The sentence's compound is ``x / sqrt(x² + 15)`` (clipped to ±1,
    rounded to 4 decimals) where ``x`` is the sum of its ``valence`` column.
    Non-English rows are skipped (with a warning).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "text": ["The strike was not a good idea!"]})
    >>> sentiment_evidence(df)[["word", "position", "valence", "rules"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['strike', 1, -0.5, ''], ['good', 5, -1.406, "negated by 'not'"],
     [None, <NA>, -0.292, "punctuation '!'×1 −0.292"]]
    """
    if _is_dask(sentences):
        meta = _evidence_frame(sentences._meta, text_col=text_col, warn=False)
        return sentences.map_partitions(_evidence_frame, text_col=text_col, warn=False, meta=meta)
    return _evidence_frame(sentences, text_col=text_col, warn=True)


def _evidence_frame(sentences: pd.DataFrame, *, text_col: str, warn: bool) -> pd.DataFrame:
    if text_col not in sentences.columns:
        raise KeyError(f"no column {text_col!r}; pass text_col= the column holding the sentences")
    n = len(sentences)
    english, langs = _english_mask(sentences)
    idx = np.flatnonzero(english)
    values = sentences[text_col].tolist()
    texts = _clean_texts([values[i] for i in idx.tolist()])
    doc = sentences["doc_id"].tolist() if "doc_id" in sentences.columns else [None] * n
    sent = sentences["sent_id"].tolist() if "sent_id" in sentences.columns else list(range(n))
    frames = []
    for a, b in _chunks(len(texts), False, ""):
        *res, ex = vader_scores(texts[a:b], explain=True)
        compound = res[3]
        rows = idx[a:b]
        r_word = rows[ex.sent]
        words = pd.DataFrame({
            "_row": r_word, "_ord": ex.position,
            "word": pd.Series([ex.vocab[c] for c in ex.code.tolist()], dtype=object),
            "position": pd.array(ex.position, dtype="Int64"),
            "lexicon_valence": ex.lexicon_valence,
            "valence": ex.valence,
            "rules": _rules_column(ex),
            "compound": compound[ex.sent],
        })
        punct = np.flatnonzero(ex.amp_applied)
        prow = pd.DataFrame({
            "_row": rows[punct], "_ord": np.iinfo(np.int64).max,
            "word": pd.Series([None] * len(punct), dtype=object),
            "position": pd.array([None] * len(punct), dtype="Int64"),
            "lexicon_valence": np.nan,
            "valence": ex.amp_applied[punct],
            "rules": [_punct_text(int(ex.n_excl[i]), int(ex.n_q[i]), float(ex.amp_applied[i]))
                      for i in punct.tolist()],
            "compound": compound[punct],
        })
        frames.extend([words, prow])
    if frames:
        out = pd.concat(frames, ignore_index=True).sort_values(["_row", "_ord"], kind="stable")
    else:
        out = pd.DataFrame({"_row": np.zeros(0, np.int64), "word": pd.Series([], dtype=object),
                            "position": pd.array([], dtype="Int64"), "lexicon_valence": np.zeros(0),
                            "valence": np.zeros(0), "rules": pd.Series([], dtype=object),
                            "compound": np.zeros(0)})
    rows = out["_row"].to_numpy()
    out.insert(0, "doc_id", [doc[i] for i in rows.tolist()])
    out.insert(1, "sent_id", [sent[i] for i in rows.tolist()])
    out = out[_EVIDENCE_COLUMNS].reset_index(drop=True)
    out["rules"] = out["rules"].astype(_str_dtype())
    if "doc_id" in sentences.columns:
        out["doc_id"] = out["doc_id"].astype(sentences["doc_id"].dtype)
    if "sent_id" in sentences.columns:
        out["sent_id"] = out["sent_id"].astype(sentences["sent_id"].dtype)
    if warn:
        _warn_skipped(langs, english, "sentiment_evidence")
    return out


def _keys(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


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


_APOSTROPHES = "'’‘ʼ`"


def _alias_pattern(target: str, aliases: Sequence[str]) -> tuple[re.Pattern[str], list[str]]:
    terms: dict[str, str] = {}
    for t in [target, *aliases]:
        t = " ".join(str(t).split())
        if t and t.lower() not in terms:
            terms[t.lower()] = t
    names = sorted(terms.values(), key=len, reverse=True)  # longest first: "Quds Force commander"
    if not names:
        raise ValueError("give a non-empty target")
    parts = []
    for i, term in enumerate(names):
        words = []
        for w in term.split(" "):
            words.append("".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch)
                                 for ch in w))
        body = r"\s+".join(words)
        parts.append(f"(?P<a{i}>(?<!\\w){body}(?!\\w))")
    return re.compile("|".join(parts), re.IGNORECASE), names


def target_sentences(scored: pd.DataFrame, target: str, aliases: Sequence[str] = (), *,
                     window: int | None = None, text_col: str = "text") -> pd.DataFrame:
    """The rows that mention ``target`` or an alias, with what matched and the score toward it.

    Matching is case-insensitive on word boundaries; multi-word aliases allow any
    whitespace between words; straight and typographic apostrophes are
    interchangeable, and "Soleimani’s" matches "Soleimani". Added columns:
    ``matched_alias`` (the aliases found, ``"; "``-joined, as written in
    ``aliases``), ``n_mentions`` and ``target_compound``: the sentence's
    ``compound`` or, with ``window=k``, the mean VADER compound of the ±k
    whitespace tokens around each mention (then ``window_text`` shows them).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"doc_id": ["d"] * 3, "sent_id": [0, 1, 2], "text": [
    ...     "Soleimani’s death is a great loss, officials said.", "Markets rose.",
    ...     "The Quds Force commander was killed in a terrible strike."]})
    >>> hits = target_sentences(df, "Soleimani", ["Qassem", "Quds Force commander"], window=3)
    >>> hits[["sent_id", "matched_alias", "window_text"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [[0, 'Soleimani', 'Soleimani’s death is a'],
     [2, 'Quds Force commander', 'The Quds Force commander was killed in']]
    """
    if text_col not in scored.columns:
        raise KeyError(f"no column {text_col!r}")
    if window is not None and (not isinstance(window, (int, np.integer)) or window < 0):
        raise ValueError("window must be a non-negative int or None")
    pattern, names = _alias_pattern(target, aliases)
    texts = _clean_texts(scored[text_col].tolist())
    rows, matched, counts, spans = [], [], [], []
    for i, t in enumerate(texts):
        found = list(pattern.finditer(t))
        if found:
            rows.append(i)
            seen = dict.fromkeys(names[int(m.lastgroup[1:])] for m in found)
            matched.append("; ".join(seen))
            counts.append(len(found))
            spans.append([m.span() for m in found])
    out = scored.iloc[rows].copy()
    out["matched_alias"] = pd.Series(matched, index=out.index, dtype=_str_dtype())
    out["n_mentions"] = np.asarray(counts, dtype=np.int64)
    english, _ = _english_mask(out)
    if window is None:
        if "compound" in out.columns:
            out["target_compound"] = out["compound"].astype(float)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out["target_compound"] = _sentiment_frame(out, method="vader", text_col=text_col,
                                                          evidence=False, progress=False,
                                                          warn=False)["compound"].to_numpy()
        return out
    windows, owner = [], []
    shown = []
    for j, (i, sp) in enumerate(zip(rows, spans)):
        t = texts[i]
        toks = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", t)]
        starts = [a for a, _, _ in toks]
        parts = []
        for s, e in sp:
            first = max(0, int(np.searchsorted(starts, s, side="right")) - 1)
            last = max(first, int(np.searchsorted(starts, e, side="left")) - 1)
            w = " ".join(x for _, _, x in toks[max(0, first - window): last + window + 1])
            windows.append(w)
            owner.append(j)
            parts.append(w)
        shown.append(" … ".join(parts))
    compound = vader_scores(windows)[3] if windows else np.zeros(0)
    owner_arr = np.asarray(owner, dtype=np.int64)
    sums = np.bincount(owner_arr, weights=compound, minlength=len(rows))
    per = sums / np.maximum(np.bincount(owner_arr, minlength=len(rows)), 1)
    out["window_text"] = pd.Series(shown, index=out.index, dtype=_str_dtype())
    out["target_compound"] = np.where(english, per, np.nan)
    return out


def target_sentiment(scored: pd.DataFrame, target: str, aliases: Sequence[str] = (), *,
                     by: str | Sequence[str] = "doc_id", window: int | None = None,
                     text_col: str = "text", pos_threshold: float = POS_THRESHOLD,
                     neg_threshold: float = NEG_THRESHOLD,
                     return_sentences: bool = False) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Sentiment toward a target (and its aliases) per document, outlet, … (``by``).

    Only sentences mentioning the target count (see :func:`target_sentences` for
    the matching rules and ``window``). One row per ``by`` group of ``scored``
    (groups that never mention the target are kept with ``n_sentences=0``):
    ``target``, ``n_sentences`` (sentences that mention it), ``n_mentions``,
    ``n_scored`` (those with a score, i.e. English), ``mean_compound``,
    ``share_positive``/``share_negative`` (thresholds as in
    :func:`document_sentiment`). ``return_sentences=True`` also returns the matched
    rows (with ``matched_alias``) as evidence: ``(summary, sentences)``.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"outlet": ["A", "A", "B"], "compound": [-0.6, 0.4, 0.1], "text": [
    ...     "Soleimani was a terrible man.", "Peace is good.", "Suleimani was honoured."]})
    >>> out = target_sentiment(df, "Soleimani", ["Suleimani"], by="outlet")
    >>> out[["outlet", "n_sentences", "mean_compound"]].values.tolist()
    [['A', 1, -0.6], ['B', 1, 0.1]]
    """
    if _is_dask(scored):
        raise TypeError("target_sentiment works on pandas; filter first, e.g. "
                        "target_sentences on each partition, or .compute() the scored table")
    keys = _keys(by)
    missing = [k for k in keys if k not in scored.columns]
    if missing:
        raise KeyError(f"missing column(s) {missing}; merge the corpus metadata onto the sentences first")
    hits = target_sentences(scored, target, aliases, window=window, text_col=text_col)
    c = hits["target_compound"]
    tmp = hits[keys].assign(
        n_sentences=1, n_mentions=hits["n_mentions"], n_scored=c.notna().astype("int64"),
        _sum=c.fillna(0.0), _pos=(c >= pos_threshold).astype("int64"),
        _neg=(c <= neg_threshold).astype("int64"))
    g = tmp.groupby(keys, sort=True, dropna=False).sum()
    groups = scored[keys].drop_duplicates().set_index(keys).index
    g = g.reindex(groups.union(g.index) if len(g) else groups, fill_value=0).sort_index()
    denom = g["n_scored"].where(g["n_scored"] > 0)
    summary = pd.DataFrame({
        "target": target,
        "n_sentences": g["n_sentences"].astype("int64"),
        "n_mentions": g["n_mentions"].astype("int64"),
        "n_scored": g["n_scored"].astype("int64"),
        "mean_compound": g["_sum"] / denom,
        "share_positive": g["_pos"] / denom,
        "share_negative": g["_neg"] / denom,
    }, index=g.index).reset_index()
    if return_sentences:
        return summary, hits
    return summary
