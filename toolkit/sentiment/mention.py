"""Sentiment toward a mentioned person: negative, neutral or positive, with the evidence.

VADER scores the tone of a sentence; news about violence is negative in words
while often neutral toward the people in it. :func:`mention_sentiment` scores
the sentence's stance toward *one mention* instead, with a linear model
trained on NewsMTSC (Hamborg & Donnay 2021: 8,739 human-labelled person
mentions in US political news; MIT). It reads the words around the mention
(its own words are masked, so it learns no names), VADER valences weighted by
distance, negations and hedges near it, quotation marks and speech verbs,
and — with ``syntax=True``, the default — the parse: what the mention is the
subject or object of, the words attached to it, words near it in the tree.
``syntax=False`` skips the parser: about nine times faster (2,700 against
280 mentions/s on one core), 1.5 points of macro F1 lower in cross-validation
(0.652 against 0.667; see ``data/models/mention_sentiment/MODEL_CARD.md``).

>>> import pandas as pd
>>> m = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0], "start": [0, 20], "end": [9, 29],
...                   "text": ["Soleimani was killed in an airstrike.", "The ruthless killer Soleimani died."]})
>>> mention_sentiment(m)["polarity"].tolist()
['neutral', 'negative']
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..resources import vader_lexicon
from ..text import sentences as split_sentences, tokens as split_tokens
from ..text.parse import parse
from .mention_features import Sentence, features, harm_done_to, mention_tokens, sentences_from_table
from .mention_model import CLASSES, MentionModel, explain_rows, mention_model
from .rows import _is_english, _str_dtype
from .vader import vader_scores

__all__ = ["mention_sentiment"]

OUTPUT = ["polarity", "p_negative", "p_neutral", "p_positive", "evidence"]


def _check(mentions: pd.DataFrame, text_col: str) -> None:
    if not isinstance(mentions, pd.DataFrame):
        raise TypeError("mention_sentiment takes a pandas DataFrame, one row per mention")
    need = ["doc_id", text_col, "start", "end"]
    missing = [c for c in need if c not in mentions.columns]
    if not {"mention_id", "sent_id"} & set(mentions.columns):
        missing.append("mention_id (or sent_id)")
    if missing:
        raise KeyError(f"mention_sentiment: missing column(s) {missing}; give one row per mention with doc_id, "
                       f"mention_id or sent_id, {text_col} and the mention's start/end in that text")


def mention_contexts(mentions: pd.DataFrame, *, syntax: bool = True,
                     text_col: str = "text") -> tuple[list[Sentence | None], list[list[int]], np.ndarray]:
    """Each mention's sentence (parsed when ``syntax``), token indices and sentence compound.

    With ``sent_id`` the text of a row is one sentence; otherwise it may be a
    whole document and is split into sentences (the mention's own is used).
    Each document's text is tokenized and parsed once for all its mentions.
    """
    _check(mentions, text_col)
    n = len(mentions)
    raw = mentions[text_col].tolist()
    valid = np.array([isinstance(t, str) for t in raw], dtype=bool)
    keys = pd.Series(list(zip(mentions["doc_id"].tolist(), [t if ok else "" for t, ok in zip(raw, valid)])),
                     dtype=object)
    codes, uniq = pd.factorize(keys)
    codes = np.where(valid, codes, -1)
    texts = [t for _, t in uniq]
    starts = mentions["start"].to_numpy(dtype=np.int64)
    ends = mentions["end"].to_numpy(dtype=np.int64)
    english = np.ones(len(texts), dtype=bool)
    if "language" in mentions.columns:
        first = pd.Series(mentions["language"].tolist()).groupby(codes).first() if n else pd.Series(dtype=object)
        for c, lang in first.items():
            if c >= 0:
                english[c] = _is_english(lang)
    ids = np.arange(len(texts), dtype=np.int64)
    if "sent_id" in mentions.columns:
        sents = pd.DataFrame({"doc_id": ids, "sent_id": 0, "start": 0,
                              "end": [len(t) for t in texts], "text": texts})
        sent_of = np.zeros(n, dtype=np.int64)
    else:
        sents = split_sentences(pd.DataFrame({"doc_id": ids, "text": texts}))
        sents["doc_id"] = sents["doc_id"].astype(np.int64)
        sent_of = np.full(n, -1, dtype=np.int64)
        by_doc = {d: (g["start"].to_numpy(), g["sent_id"].to_numpy()) for d, g in sents.groupby("doc_id")}
        for i in range(n):
            if codes[i] >= 0 and codes[i] in by_doc:
                s0, sid = by_doc[codes[i]]
                k = max(0, int(np.searchsorted(s0, starts[i], side="right")) - 1)
                sent_of[i] = sid[k]
        wanted = pd.MultiIndex.from_arrays([codes, sent_of])
        sents = sents[pd.MultiIndex.from_frame(sents[["doc_id", "sent_id"]]).isin(wanted)]
    sents = sents[english[sents["doc_id"].to_numpy()]].reset_index(drop=True)
    table = parse(sents[["doc_id", "sent_id", "start", "end", "text"]], progress=False) if syntax \
        else split_tokens(sents[["doc_id", "sent_id", "start", "end", "text"]])
    by_key = sentences_from_table(table, texts, syntax)
    compound = dict(zip(zip(sents["doc_id"].tolist(), sents["sent_id"].tolist()),
                        vader_scores(sents["text"].tolist())[3].tolist() if len(sents) else []))
    out_sents: list[Sentence | None] = []
    out_ids: list[list[int]] = []
    comp = np.zeros(n)
    for i in range(n):
        key = (int(codes[i]), int(sent_of[i]))
        s = by_key.get(key) if codes[i] >= 0 else None
        tok = mention_tokens(s, int(starts[i]), int(ends[i])) if s is not None else []
        out_sents.append(s if tok else None)
        out_ids.append(tok)
        comp[i] = compound.get(key, 0.0)
    return out_sents, out_ids, comp


def mention_features(mentions: pd.DataFrame, *, syntax: bool = True, text_col: str = "text",
                     notes: bool = False) -> tuple[list[dict[str, float] | None], list[dict | None]]:
    """The model's named features for every mention (None where it could not be read)."""
    lex = vader_lexicon()
    sents, ids, comp = mention_contexts(mentions, syntax=syntax, text_col=text_col)
    rows: list[dict[str, float] | None] = []
    kept: list[dict | None] = []
    harmed = {}
    for i, (s, tok) in enumerate(zip(sents, ids)):
        harm = harm_done_to(s, tok) if s is not None else []
        if harm:  # the sentence's tone without the harm the mention suffers
            cut = set(harm)
            harmed[i] = " ".join(s.text[a:b] for j, (a, b) in enumerate(zip(s.start, s.end)) if j not in cut)
    if harmed:
        comp = comp.copy()
        comp[list(harmed)] = vader_scores(list(harmed.values()))[3]
    for s, tok, c in zip(sents, ids, comp):
        if s is None:
            rows.append(None)
            kept.append(None)
            continue
        nt: dict | None = {} if notes else None
        rows.append(features(s, tok, lex, sent_compound=float(c), syntax=syntax, notes=nt))
        kept.append(nt)
    return rows, kept


def mention_sentiment(mentions: pd.DataFrame, *, syntax: bool = True, text_col: str = "text",
                      model: MentionModel | None = None, evidence: bool = True,
                      n_evidence: int = 5) -> pd.DataFrame:
    """Sentiment toward each mention: ``polarity``, ``p_negative``/``p_neutral``/``p_positive``, ``evidence``.

    ``mentions`` has one row per mention: ``doc_id``, ``mention_id`` (or
    ``sent_id``), ``text`` and the mention's ``start``/``end`` in that text
    (optionally ``language``: rows not in English get no score). The result is
    a copy with the five columns added. ``evidence`` lists the ``n_evidence``
    features that weighed most for (+) or against (−) the chosen polarity, in
    words, each with its contribution to the log-odds. ``model`` overrides the
    shipped one (:func:`~toolkit.sentiment.mention_model.mention_model`).

    >>> import pandas as pd
    >>> m = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "end": [5],
    ...                   "text": ["Trump was not honest with voters, critics said."]})
    >>> out = mention_sentiment(m)
    >>> out["polarity"].iloc[0], "negated by 'not'" in out["evidence"].iloc[0]
    ('negative', True)
    """
    if model is None:
        model = mention_model("syntax" if syntax else "fast")
    rows, notes = mention_features(mentions, syntax=model.syntax, text_col=text_col, notes=evidence)
    ok = np.array([r is not None for r in rows], dtype=bool)
    good = [r for r in rows if r is not None]
    probs = np.full((len(rows), len(CLASSES)), np.nan)
    X = model.vectorize(good)
    if good:
        probs[ok] = model.proba(X)
    order = [model.classes.index(c) for c in CLASSES]
    probs = probs[:, order] if good else probs
    best = np.where(ok, np.nan_to_num(probs).argmax(axis=1), -1)
    out = mentions.copy()
    labels = np.array(CLASSES + [None], dtype=object)[best]
    out["polarity"] = pd.Series(labels, index=out.index, dtype=_str_dtype()).where(ok, None)
    for j, c in enumerate(CLASSES):
        out[f"p_{c}"] = probs[:, j]
    if evidence:
        text = np.full(len(rows), "not scored: no English sentence or no token at start:end", dtype=object)
        if good:
            k = np.array([model.classes.index(CLASSES[j]) for j in best[ok]], dtype=np.int64)
            text[ok] = explain_rows(model, X, k, [nt for nt, r in zip(notes, rows) if r is not None], n_evidence)
        out["evidence"] = pd.Series(text.tolist(), index=out.index, dtype=_str_dtype())
    return out
