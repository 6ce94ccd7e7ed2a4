"""News frames found with a dictionary, per sentence and per document.

A *frame* is the angle a story takes on an event: a conflict between sides,
its human cost, who is responsible, its moral meaning, what it costs. Two
frame dictionaries ship in ``data/dictionaries/`` (see the README there):

``scheme="generic"``
    the five generic news frames of Semetko & Valkenburg (2000): ``conflict,
    human_interest, responsibility, morality, economic``;
``scheme="policy"``
    the 15 dimensions of the Policy Frames Codebook (Boydstun et al. 2014),
    the scheme of the Media Frames Corpus (Card et al. 2015). Its residual
    dimension ``other`` has no terms: a dictionary never assigns it, so it
    gets no column and no rows here.

``scheme`` may also be the path of a YAML or LIWC ``.dic`` file, a
:class:`~toolkit.framing.Dictionary` or a plain mapping (see
:mod:`toolkit.framing`).

A dictionary finds the *words* of a frame, not the frame itself: a sentence
that mentions *costs* is not necessarily about economic consequences. Read the
``evidence`` column, and check a dictionary against human coding
(``benchmarks/frames_validity.py``) before trusting its scores.

Functions
---------
``frames(data, scheme, level="sentence")``
    one row per sentence: a count column per frame, ``dominant_frame`` and the
    ``evidence`` (the matched words);
``frames(data, scheme, level="document")``
    one row per document × frame: ``n_hits, n_tokens, score`` (hits per 1,000
    tokens), ``n_sentences, share_sentences``;
``frame_profile(doc_table, corpus, by="outlet")``
    per group × frame: mean score and mean share of sentences, with ``n_docs``
    (the table behind a heatmap of outlets × frames);
``frame_hits(data, scheme)``
    every matched word with its sentence.

``data`` is a sentences table (:func:`toolkit.text.sentences`), a tokens
table (:func:`toolkit.text.tokens`) or a corpus (``doc_id, text``).

Dominant frame
--------------
The frame with the most hits in the sentence; ties go to the frame listed
first in the dictionary (for ``generic``: conflict, human_interest,
responsibility, morality, economic; for ``policy``: the codebook's order,
economic first). ``None`` when the sentence has no hits.

Negation
--------
With ``negation_window=N``, a hit preceded by a negation (*not, no, never,
n't, without* …) within N words of the same sentence does not count: *this
is not a threat* gives no conflict hit for *threat*. Such hits still show in
``evidence``, marked ``(negated)``, and in :func:`frame_hits`.

Example
-------
>>> import pandas as pd
>>> from toolkit.framing import frames
>>> corpus = pd.DataFrame({"doc_id": ["a"], "text": [
...     "The clash deepened tensions between the two sides. "
...     "Families mourned the victims. Prices rose."]})
>>> table = frames(corpus)
>>> table[["sent_id", "conflict", "human_interest", "economic", "dominant_frame"]].values.tolist()
[[0, 3, 0, 0, 'conflict'], [1, 0, 3, 0, 'human_interest'], [2, 0, 0, 1, 'economic']]
>>> table.loc[0, "evidence"]
'conflict: clash, tensions, two sides'
"""
from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .counts import count
from .dictionary import Dictionary
from .dictionary_files import load_dictionary
from .lookup import NEGATIONS, lookup

__all__ = [
    "frames",
    "frame_hits",
    "frame_profile",
    "load_scheme",
    "scheme_path",
    "SCHEMES",
]

#: Names of the shipped frame dictionaries → file in ``data/dictionaries/``.
SCHEMES: dict[str, str] = {"generic": "generic_frames.yaml", "policy": "policy_frames.yaml"}

_RESERVED = {"doc_id", "sent_id", "dominant_frame", "evidence", "text", "frame"}


def scheme_path(name: str) -> Path:
    """The file of a shipped scheme (``"generic"`` or ``"policy"``)."""
    from .. import resources

    if name not in SCHEMES:
        raise ValueError(f"unknown frame scheme {name!r}; use one of {sorted(SCHEMES)}, "
                         f"a dictionary file path, or a Dictionary")
    return resources.data_dir() / "dictionaries" / SCHEMES[name]


@functools.lru_cache(maxsize=None)
def _shipped(name: str) -> Dictionary:
    return load_dictionary(scheme_path(name))


def load_scheme(scheme: Any = "generic") -> Dictionary:
    """``"generic"``, ``"policy"``, a path, a mapping or a Dictionary → a Dictionary.

    >>> list(load_scheme("generic").categories)
    ['conflict', 'human_interest', 'responsibility', 'morality', 'economic']
    """
    if isinstance(scheme, Dictionary):
        return scheme
    if isinstance(scheme, Mapping):
        return Dictionary.from_dict(scheme)
    if isinstance(scheme, str) and scheme in SCHEMES:
        return _shipped(scheme)
    if isinstance(scheme, (str, os.PathLike)):
        path = Path(scheme)
        if not path.exists() and isinstance(scheme, str) and not path.suffix:
            raise ValueError(f"unknown frame scheme {scheme!r}; use one of {sorted(SCHEMES)}, "
                             f"a dictionary file path, or a Dictionary")
        return load_dictionary(path)
    raise TypeError(f"scheme must be 'generic', 'policy', a path or a Dictionary, "
                    f"not {type(scheme).__name__}")


def _frame_names(dictionary: Dictionary) -> list[str]:
    names = [c for c in dictionary.categories if c not in dictionary.residual]
    clash = _RESERVED.intersection(names)
    if clash:
        raise ValueError(f"frame names {sorted(clash)} clash with column names; rename them")
    return names


def _prepare(data: Any) -> tuple[pd.DataFrame, pd.DataFrame, Any]:
    """(sentences ``doc_id, sent_id[, start, text]``, tokens, doc_ids) from sentences, tokens or a corpus.

    ``doc_ids`` lists every document of a corpus (also those without any sentence);
    for sentences and tokens it is the documents that appear in them.
    """
    from ..text import sentences as split_sentences
    from ..text import tokens as split_tokens

    if not isinstance(data, pd.DataFrame):
        raise TypeError("frames() takes a pandas DataFrame: sentences, tokens or a corpus")
    cols = set(data.columns)
    if {"doc_id", "sent_id", "token_id", "lower"} <= cols:
        toks = data
        sents = toks[["doc_id", "sent_id"]].drop_duplicates().reset_index(drop=True)
        return sents, toks, pd.unique(sents["doc_id"])
    if {"doc_id", "sent_id", "start", "end", "text"} <= cols:
        sents = data
        docs = pd.unique(sents["doc_id"])
    elif {"doc_id", "text"} <= cols:
        sents = split_sentences(data)
        docs = pd.unique(data["doc_id"])
    else:
        raise ValueError("frames() needs a sentences table (doc_id, sent_id, start, end, text), "
                         f"a tokens table or a corpus (doc_id, text); got columns {list(data.columns)}")
    sents = sents.reset_index(drop=True)
    return sents, split_tokens(sents), docs


def _hits(sents: pd.DataFrame, toks: pd.DataFrame, dictionary: Dictionary,
          negation_window: int | None, negations) -> pd.DataFrame:
    text = sents if {"start", "text"} <= set(sents.columns) else None
    hits = lookup(toks, dictionary, negation_window=negation_window, negations=negations, text=text)
    hits = hits[~hits["category"].isin(dictionary.residual)]
    return hits.rename(columns={"category": "frame"}).reset_index(drop=True)


def frame_hits(data: Any, scheme: Any = "generic", *, negation_window: int | None = None,
               negations=NEGATIONS) -> pd.DataFrame:
    """Every dictionary hit, with the sentence it is in.

    Columns: ``doc_id, sent_id, frame, pattern, match, start, end, token_id,
    negated`` (as :func:`toolkit.framing.lookup`, with ``category`` named
    ``frame``), then ``sentence`` when ``data`` has sentence text.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Critics said the costs were too high."]})
    >>> frame_hits(corpus)[["frame", "match", "sentence"]].values.tolist()
    [['conflict', 'Critics', 'Critics said the costs were too high.'], ['economic', 'costs', 'Critics said the costs were too high.']]
    """
    dictionary = load_scheme(scheme)
    sents, toks, _ = _prepare(data)
    hits = _hits(sents, toks, dictionary, negation_window, negations)
    if "text" in sents.columns:
        sentence = sents[["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
        hits = hits.merge(sentence, on=["doc_id", "sent_id"], how="left")
    return hits


def _evidence(hits: pd.DataFrame, frame_order: dict[str, int]) -> pd.Series:
    """``"conflict: clash, tensions ×2; economic: costs"`` per (doc_id, sent_id)."""
    if hits.empty:
        return pd.Series(dtype=object)
    h = hits.assign(_f=hits["frame"].astype(object).map(frame_order))
    h = h.sort_values(["_f", "start"], kind="stable")
    parts: dict[tuple, list[str]] = {}
    for (doc, sent, frame), g in h.groupby(["doc_id", "sent_id", h["frame"].astype(object)],
                                           sort=False):
        seen: dict[str, list] = {}
        for match, neg in zip(g["match"], g["negated"]):
            label = f"{match} (negated)" if neg else match
            key = label.lower()
            if key in seen:
                seen[key][1] += 1
            else:
                seen[key] = [label, 1]
        words = ", ".join(label if n == 1 else f"{label} ×{n}" for label, n in seen.values())
        parts.setdefault((doc, sent), []).append((frame_order[frame], f"{frame}: {words}"))
    return pd.Series({k: "; ".join(text for _, text in sorted(v)) for k, v in parts.items()},
                     dtype=object)


def frames(data: Any, scheme: Any = "generic", level: str = "sentence", *,
           negation_window: int | None = None, negations=NEGATIONS) -> pd.DataFrame:
    """Frame counts per sentence (``level="sentence"``) or scores per document (``"document"``).

    ``data``: a sentences table, a tokens table or a corpus (``doc_id, text``);
    sentences and corpora are tokenized with :func:`toolkit.text.tokens`.
    ``scheme``: ``"generic"``, ``"policy"``, a dictionary file, a Dictionary or
    a mapping.

    ``level="sentence"``: one row per sentence, in input order: ``doc_id,
    sent_id``, one hit-count column per frame (dictionary order),
    ``dominant_frame`` (most hits; ties → the frame listed first; None without
    hits), ``evidence`` (``"conflict: clash, opposition; economic: costs"``;
    a word found twice shows ``×2``), and ``text`` when the input had sentence
    text.

    ``level="document"``: one row per document × frame: ``doc_id, frame,
    n_hits, n_tokens`` (non-punctuation tokens of the document), ``score``
    (``1000 * n_hits / n_tokens``), ``n_sentences`` and ``share_sentences``
    (the share of the document's sentences with at least one hit of the frame).
    Given a corpus, every document gets rows, also one without text (``n_tokens``
    0, ``score`` and ``share_sentences`` NaN).

    Negated hits (``negation_window`` set) are not counted; see the module notes.
    """
    if level not in ("sentence", "document"):
        raise ValueError(f"level must be 'sentence' or 'document', not {level!r}")
    dictionary = load_scheme(scheme)
    names = _frame_names(dictionary)
    order = {name: i for i, name in enumerate(names)}
    sents, toks, docs = _prepare(data)
    hits = _hits(sents, toks, dictionary, negation_window, negations)
    counted = hits[~hits["negated"]]
    if level == "sentence":
        return _sentence_table(sents, hits, counted, names, order)
    return _document_table(sents, toks, docs, counted, names)


def _sentence_table(sents, hits, counted, names, order) -> pd.DataFrame:
    keys = pd.MultiIndex.from_frame(sents[["doc_id", "sent_id"]])
    if counted.empty:
        grid = pd.DataFrame(0, index=keys, columns=names, dtype=np.int64)
    else:
        grid = (counted.assign(frame=counted["frame"].astype(object))
                .groupby(["doc_id", "sent_id", "frame"]).size().unstack("frame")
                .reindex(index=keys, columns=names).fillna(0).astype(np.int64))
    out = sents[["doc_id", "sent_id"]].reset_index(drop=True)
    values = grid.to_numpy()
    for j, name in enumerate(names):
        out[name] = values[:, j]
    if len(names) and len(out):
        best = values.argmax(axis=1)
        top = values.max(axis=1)
        out["dominant_frame"] = pd.Series(np.where(top > 0, np.array(names, dtype=object)[best], None),
                                          dtype=object)
    else:
        out["dominant_frame"] = pd.Series([None] * len(out), dtype=object)
    evidence = _evidence(hits, order)
    out["evidence"] = pd.Series(evidence.reindex(keys).to_numpy() if len(evidence) else [""] * len(out),
                                dtype=object).fillna("")
    if "text" in sents.columns:
        out["text"] = sents["text"].to_numpy()
    return out


def _document_table(sents, toks, docs, counted, names) -> pd.DataFrame:
    table = count(toks, counted.rename(columns={"frame": "category"}), by="doc_id", categories=names)
    table = table.rename(columns={"category": "frame"})
    # every document of the input, even one without tokens
    grid = pd.DataFrame({"doc_id": np.repeat(docs, len(names)),
                         "frame": np.tile(np.array(names, dtype=object), len(docs))})
    table = grid.merge(table[["doc_id", "frame", "n_hits", "n_tokens", "per_1000"]],
                       on=["doc_id", "frame"], how="left")
    table[["n_hits", "n_tokens"]] = table[["n_hits", "n_tokens"]].fillna(0).astype(np.int64)
    table = table.rename(columns={"per_1000": "score"})
    n_sent = sents.groupby("doc_id", sort=False)["sent_id"].nunique()
    with_frame = (counted.assign(frame=counted["frame"].astype(object))
                  .groupby(["doc_id", "frame"])["sent_id"].nunique())
    idx = pd.MultiIndex.from_frame(table[["doc_id", "frame"]])
    table["n_sentences"] = table["doc_id"].map(n_sent).fillna(0).astype(np.int64).to_numpy()
    hit_sents = with_frame.reindex(idx).fillna(0).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        table["share_sentences"] = np.where(table["n_sentences"] > 0,
                                            hit_sents / table["n_sentences"].to_numpy(), np.nan)
    return table[["doc_id", "frame", "n_hits", "n_tokens", "score", "n_sentences", "share_sentences"]]


def frame_profile(frame_doc_table: pd.DataFrame, corpus: pd.DataFrame | None = None,
                  by: str | list[str] = "outlet") -> pd.DataFrame:
    """Per group × frame: how present each frame is in the group's documents.

    ``frame_doc_table`` is ``frames(..., level="document")``; ``corpus`` gives
    the ``by`` column(s) per ``doc_id`` (not needed when the table already has
    them). Returns one row per group × frame (frames in dictionary order):
    ``*by, frame, n_docs``, ``score`` (mean of the documents' scores, each
    document weighted equally), ``share_sentences`` (mean share of sentences
    with the frame), and ``n_hits``, ``n_tokens``, ``score_pooled``
    (``1000 * Σ hits / Σ tokens``, long documents weigh more). Documents
    missing from ``corpus`` form a group with a missing key.
    """
    keys = [by] if isinstance(by, str) else list(by)
    needed = {"doc_id", "frame", "n_hits", "n_tokens", "score", "share_sentences"}
    missing_cols = needed - set(frame_doc_table.columns)
    if missing_cols:
        raise ValueError(f"frame_profile() needs frames(..., level='document'); missing {sorted(missing_cols)}")
    table = frame_doc_table
    absent = [k for k in keys if k not in table.columns]
    if absent:
        if corpus is None:
            raise ValueError(f"column(s) {absent} are not in the frame table; pass the corpus that has them")
        lacking = [k for k in absent if k not in corpus.columns]
        if lacking:
            raise ValueError(f"the corpus has no column(s) {lacking}")
        table = table.merge(corpus[["doc_id"] + absent].drop_duplicates("doc_id"), on="doc_id", how="left")
    frame_order = {f: i for i, f in enumerate(pd.unique(table["frame"]))}
    grouped = table.groupby(keys + ["frame"], sort=False, dropna=False)
    out = grouped.agg(n_docs=("doc_id", "nunique"), score=("score", "mean"),
                      share_sentences=("share_sentences", "mean"),
                      n_hits=("n_hits", "sum"), n_tokens=("n_tokens", "sum")).reset_index()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["score_pooled"] = np.where(out["n_tokens"] > 0, 1000.0 * out["n_hits"] / out["n_tokens"], np.nan)
    out["_f"] = out["frame"].map(frame_order)
    out = out.sort_values(keys + ["_f"], kind="stable", na_position="last").drop(columns="_f")
    return out.reset_index(drop=True)
