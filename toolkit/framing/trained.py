"""Frame models trained on documents that people have coded.

A dictionary is for exploring; once a sample has been coded by hand, a model
trained on it ranks documents better (Burscher et al. 2014). This module
trains one such model per frame and keeps every score traceable to words.

How a model decides
-------------------
For each frame, two steps (all randomness seeded):

1. **Words.** A logistic regression (L2, classes weighted equally) on the
   TF-IDF vector of the document's words. Its strength ``C`` is chosen among
   ``c_values`` by an inner stratified cross-validation on the training
   documents (highest ROC AUC; ties go to the smaller ``C``).
2. **Words + dictionary.** A second logistic regression combines the word
   model's score — taken *out of fold* from that inner cross-validation, so
   it is as good as it will be on new documents — with the frame dictionary's
   score (``log(1 + hits per 1,000 tokens)``). Its output is the probability
   in ``score``. When the frame is not in the dictionary (or ``scheme=None``)
   only the word score is used.

``evidence`` lists the words that pushed the document's score up most (TF-IDF
value × the word's weight × the weight of the word score in step 2).
``dictionary_score`` shows the other input.

Functions
---------
``train_frames(corpus, codes, frames=None, scheme="generic", seed=0)``
    a :class:`FrameModel` trained on the coded documents;
``FrameModel.score(corpus)``
    one row per ``doc_id`` × frame: ``score, evidence, dictionary_score``;
``FrameModel.cross_validate(corpus, codes, folds=5)``
    per frame: ROC AUC, F1, precision, recall, with bootstrap intervals, each
    document scored by a model trained (the same way) without it;
``FrameModel.save(path)`` / ``FrameModel.load(path)``
    ``path.json`` (settings, vocabulary, dictionary) + ``path.npz`` (arrays);
    no pickle.

Example
-------
>>> import pandas as pd
>>> import toolkit
>>> texts = ["Rivals clashed and traded accusations.", "The museum opens at noon.",
...          "Critics attacked the plan and opponents protested.", "Rain is expected on Tuesday.",
...          "The two sides remain deeply divided over the deal.", "The library has new maps.",
...          "Lawmakers accused each other of lying.", "A new bakery opened downtown.",
...          "Protesters clashed with police at the rally.", "The festival starts in June."]
>>> corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)], "text": texts})
>>> codes = pd.DataFrame({"doc_id": corpus["doc_id"], "conflict": [i % 2 == 0 for i in range(10)]})
>>> model = toolkit.train_frames(corpus, codes, inner_folds=2)
>>> scored = model.score(pd.DataFrame({"doc_id": ["new"], "text": ["Opponents clashed over the plan."]}))
>>> scored[["doc_id", "frame"]].values.tolist(), bool(scored["score"].iloc[0] > 0.5)
([['new', 'conflict']], True)
>>> scored["evidence"].iloc[0]  # "opponents" and "plan" are each in one training text only (min_df=2)
'clashed'
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .coding import validate
from .dictionary import Dictionary
from .features import Tfidf, check_corpus, dictionary_scores, document_words, tokens_of
from .frames import load_scheme
from .measures import roc_auc
from .sheets import parse_codes, read_sheet

__all__ = ["FrameModel", "train_frames"]

FORMAT = "newsframes-frame-model"
FORMAT_VERSION = 1
_EVIDENCE_COLUMNS = ["doc_id", "frame", "score", "evidence", "dictionary_score"]


def _logistic(c: float, seed: int):
    from sklearn.linear_model import LogisticRegression  # scikit-learn loads when a model is trained

    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=seed)


def _folds(k: int, seed: int, y: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified ``k``-fold splits of ``y`` (shuffled with ``seed``)."""
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(k, shuffle=True, random_state=seed).split(np.zeros(len(y)), y))


def _codes_table(codes: Any, frames: Sequence[str] | None) -> pd.DataFrame:
    if isinstance(codes, pd.DataFrame):
        table, name = codes, "codes"
    else:
        table, name = read_sheet(codes)
    reserved = [c for c in table.columns if c in ("text", "title", "outlet", "date", "notes")]
    return parse_codes(table, frames, name=name, reserved=reserved)


def _aligned(corpus: pd.DataFrame, codes: Any, frames: Sequence[str] | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(coded documents of the corpus, their codes in the same order)."""
    corpus = check_corpus(corpus)
    table = _codes_table(codes, frames)
    unknown = sorted(set(table["doc_id"]) - set(corpus["doc_id"].astype(str)))
    if unknown:
        raise ValueError(f"{len(unknown)} coded doc_id(s) are not in the corpus, e.g. {unknown[:3]}")
    corpus = corpus.assign(doc_id=corpus["doc_id"].astype(str))
    coded = corpus.set_index("doc_id").loc[table["doc_id"]].reset_index()
    return coded, table.reset_index(drop=True)


class FrameModel:
    """Per-frame word models and their combination with a frame dictionary (see the module notes)."""

    def __init__(self, *, frames: list[str], tfidf: Tfidf, coef: np.ndarray, intercept: np.ndarray,
                 combine: dict[str, dict[str, float]], dictionary: Dictionary | None, settings: dict,
                 training: dict) -> None:
        self.frames = list(frames)
        self.tfidf = tfidf
        self.coef = np.asarray(coef, dtype=np.float64)            # frames × vocabulary
        self.intercept = np.asarray(intercept, dtype=np.float64)  # frames
        self.combine = combine      # per frame: text_center, text_scale, dict_center, dict_scale, w_text, w_dict, bias
        self.dictionary = dictionary
        self.settings = dict(settings)
        self.training = dict(training)

    def __repr__(self) -> str:
        scheme = self.dictionary.name if self.dictionary is not None else None
        return (f"FrameModel(frames={self.frames}, documents={self.training.get('n_docs')}, "
                f"vocabulary={len(self.tfidf.vocabulary)}, dictionary={scheme!r})")

    # ------------------------------------------------------------------ scoring
    def _inputs(self, corpus: pd.DataFrame):
        toks = tokens_of(corpus)
        words = document_words(corpus, toks)
        x = self.tfidf.transform(words.tolist())
        d = dictionary_scores(corpus, self.dictionary, self.frames, toks)
        return x, d

    def _probabilities(self, x, d) -> tuple[np.ndarray, np.ndarray]:
        """(probabilities documents × frames, per-frame factor turning a word's TF-IDF × weight into log-odds)."""
        text = np.asarray(x @ self.coef.T) + self.intercept[None, :]
        prob = np.zeros_like(text)
        factor = np.zeros(len(self.frames))
        for j, frame in enumerate(self.frames):
            c = self.combine[frame]
            z_text = (text[:, j] - c["text_center"]) / c["text_scale"]
            z_dict = (np.log1p(d[:, j]) - c["dict_center"]) / c["dict_scale"]
            logit = c["bias"] + c["w_text"] * z_text + c["w_dict"] * z_dict
            prob[:, j] = 1.0 / (1.0 + np.exp(-logit))
            factor[j] = c["w_text"] / c["text_scale"]
        return prob, factor

    def score(self, corpus: pd.DataFrame, *, evidence_words: int | None = None) -> pd.DataFrame:
        """One row per document × frame: ``doc_id, frame, score`` (probability), ``evidence``, ``dictionary_score``.

        ``evidence``: up to ``evidence_words`` (default: the training setting)
        words of the document that raised its score most, strongest first.
        """
        corpus = check_corpus(corpus)
        k = self.settings["evidence_words"] if evidence_words is None else int(evidence_words)
        x, d = self._inputs(corpus)
        prob, factor = self._probabilities(x, d)
        vocab = np.asarray(self.tfidf.vocabulary, dtype=object)
        rows = []
        for i, doc in enumerate(corpus["doc_id"]):
            start, end = x.indptr[i], x.indptr[i + 1]
            cols, vals = x.indices[start:end], x.data[start:end]
            for j, frame in enumerate(self.frames):
                push = vals * self.coef[j, cols] * factor[j]
                order = np.lexsort((vocab[cols], -push))
                top = [vocab[cols[o]] for o in order[:k] if push[o] > 0]
                rows.append((doc, frame, float(prob[i, j]), ", ".join(top), float(d[i, j])))
        return pd.DataFrame(rows, columns=_EVIDENCE_COLUMNS)

    # ------------------------------------------------------------------ validation
    def cross_validate(self, corpus: pd.DataFrame, codes: Any, folds: int = 5, *, seed: int | None = None,
                       n_boot: int = 1000, return_scores: bool = False):
        """Per frame: ROC AUC, F1, precision, recall (score above 0.5), with 95% bootstrap intervals.

        The coded documents are split into ``folds`` (stratified on the frame
        with the fewest positives); each is scored by a model trained, with
        this model's settings and inner cross-validation, on the others.
        With ``return_scores=True`` also returns those out-of-fold scores.
        """
        coded, table = _aligned(corpus, codes, self.frames)
        seed = self.settings["seed"] if seed is None else int(seed)
        y = table[self.frames].to_numpy(dtype=bool)
        rarest = int(np.argmin(np.minimum(y.sum(axis=0), len(y) - y.sum(axis=0))))
        k = min(int(folds), int(y[:, rarest].sum()), int((~y[:, rarest]).sum()))
        if k < 2:
            raise ValueError(f"frame {self.frames[rarest]!r} has too few coded documents of one kind "
                             f"for {folds}-fold cross-validation")
        parts = []
        options = {key: self.settings[key] for key in ("c_values", "inner_folds", "min_df", "evidence_words")}
        for train, test in _folds(k, seed, y[:, rarest]):
            model = _fit(coded.iloc[train], table.iloc[train], self.frames, self.dictionary, seed=seed, **options)
            parts.append(model.score(coded.iloc[test]))
        scores = pd.concat(parts, ignore_index=True)
        metrics = validate(scores, table, threshold=0.5, n_boot=n_boot, seed=seed)
        return (metrics, scores) if return_scores else metrics

    # ------------------------------------------------------------------ files
    def save(self, path: str | os.PathLike) -> tuple[Path, Path]:
        """Write ``path.json`` (settings, vocabulary, dictionary) and ``path.npz`` (arrays). Returns both paths."""
        base = Path(path)
        base = base.with_suffix("") if base.suffix in (".json", ".npz") else base
        meta = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "frames": self.frames,
            "settings": self.settings, "training": self.training, "combine": self.combine,
            "vocabulary": self.tfidf.vocabulary,
            "dictionary": None if self.dictionary is None else {
                "name": self.dictionary.name, "meta": self.dictionary.meta,
                "categories": {k: list(v) for k, v in self.dictionary.categories.items()}},
        }
        json_path, npz_path = Path(f"{base}.json"), Path(f"{base}.npz")
        json_path.write_text(json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                             encoding="utf-8")
        np.savez(npz_path, idf=self.tfidf.idf, coef=self.coef, intercept=self.intercept)
        return json_path, npz_path

    @classmethod
    def load(cls, path: str | os.PathLike) -> "FrameModel":
        """Read a model written by :meth:`save` (give ``path``, ``path.json`` or ``path.npz``)."""
        base = Path(path)
        base = base.with_suffix("") if base.suffix in (".json", ".npz") else base
        json_path, npz_path = Path(f"{base}.json"), Path(f"{base}.npz")
        for p in (json_path, npz_path):
            if not p.is_file():
                raise FileNotFoundError(f"no frame model file {p} (a saved model is a .json and a .npz)")
        meta = json.loads(json_path.read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT or meta.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"{json_path} is not a frame model of format {FORMAT} v{FORMAT_VERSION}")
        with np.load(npz_path, allow_pickle=False) as arrays:
            idf, coef, intercept = arrays["idf"], arrays["coef"], arrays["intercept"]
        if coef.shape != (len(meta["frames"]), len(meta["vocabulary"])) or idf.shape != (len(meta["vocabulary"]),):
            raise ValueError(f"{npz_path} does not match {json_path} (array shapes)")
        d = meta["dictionary"]
        dictionary = None if d is None else Dictionary(d["name"], d["categories"], d["meta"])
        return cls(frames=meta["frames"], tfidf=Tfidf(meta["vocabulary"], idf), coef=coef, intercept=intercept,
                   combine=meta["combine"], dictionary=dictionary, settings=meta["settings"],
                   training=meta["training"])


def _fit(coded: pd.DataFrame, table: pd.DataFrame, frames: list[str], dictionary: Dictionary | None, *,
         seed: int, c_values: Sequence[float], inner_folds: int, min_df: int, evidence_words: int) -> FrameModel:
    toks = tokens_of(coded)
    words = document_words(coded, toks).tolist()
    tfidf = Tfidf.fit(words, min_df=min_df)
    x = tfidf.transform(words)
    d = np.log1p(dictionary_scores(coded, dictionary, frames, toks))
    coef = np.zeros((len(frames), len(tfidf.vocabulary)))
    intercept = np.zeros(len(frames))
    combine: dict[str, dict[str, float]] = {}
    chosen: dict[str, float] = {}
    inner_auc: dict[str, dict[str, float]] = {}
    for j, frame in enumerate(frames):
        y = table[frame].to_numpy(dtype=bool)
        n_pos, n_neg = int(y.sum()), int((~y).sum())
        k = min(int(inner_folds), n_pos, n_neg)
        if k < 2:
            raise ValueError(f"frame {frame!r}: {n_pos} coded document(s) with the frame and {n_neg} without; "
                             f"training needs at least 2 of each")
        splits = _folds(k, seed, y)
        best = None
        inner_auc[frame] = {}
        for c in sorted(c_values):
            oof = np.zeros(len(y))
            for train, test in splits:
                oof[test] = _logistic(c, seed).fit(x[train], y[train]).decision_function(x[test])
            auc = roc_auc(oof, y)
            inner_auc[frame][repr(float(c))] = auc
            if best is None or auc > best[0] + 1e-12:
                best = (auc, float(c), oof)
        _, c, oof = best
        chosen[frame] = c
        model = _logistic(c, seed).fit(x, y)
        coef[j], intercept[j] = model.coef_[0], model.intercept_[0]
        has_dict = dictionary is not None and frame in dictionary.categories and d[:, j].std() > 0
        t_center, t_scale = float(oof.mean()), float(oof.std()) or 1.0
        d_center, d_scale = (float(d[:, j].mean()), float(d[:, j].std())) if has_dict else (0.0, 1.0)
        z = [(oof - t_center) / t_scale] + ([(d[:, j] - d_center) / d_scale] if has_dict else [])
        second = _logistic(1.0, seed).fit(np.column_stack(z), y)
        w = second.coef_[0]
        combine[frame] = {"text_center": t_center, "text_scale": t_scale, "dict_center": d_center,
                          "dict_scale": d_scale, "w_text": float(w[0]), "w_dict": float(w[1]) if has_dict else 0.0,
                          "bias": float(second.intercept_[0])}
    settings = {"seed": int(seed), "c_values": [float(c) for c in c_values], "inner_folds": int(inner_folds),
                "min_df": int(min_df), "evidence_words": int(evidence_words)}
    training = {"n_docs": int(len(table)), "n_pos": {f: int(table[f].sum()) for f in frames},
                "c": chosen, "inner_auc": inner_auc,
                "dictionary_version": None if dictionary is None else dictionary.meta.get("version")}
    return FrameModel(frames=frames, tfidf=tfidf, coef=coef, intercept=intercept, combine=combine,
                      dictionary=dictionary, settings=settings, training=training)


def train_frames(corpus: pd.DataFrame, codes: Any, *, frames: Sequence[str] | None = None,
                 scheme: Any = "generic", seed: int = 0, c_values: Sequence[float] = (1.0, 10.0, 100.0),
                 inner_folds: int = 5, min_df: int = 2, evidence_words: int = 8) -> FrameModel:
    """Train a :class:`FrameModel` on coded documents.

    ``corpus``: ``doc_id, text`` (e.g. :func:`toolkit.load`). ``codes``: a
    table (or a coding sheet's path) with ``doc_id`` and one 1/0 or boolean
    column per frame; ``frames`` picks columns (default: every code column).
    Only the coded documents of the corpus are used. ``scheme``: the frame
    dictionary whose scores join the word model (``"generic"``, ``"policy"``,
    a path or a Dictionary; ``None`` for words only) — frames it does not
    have use words only. ``c_values``, ``inner_folds``: the inner
    cross-validation choosing each word model's strength; ``min_df``: a word
    must be in that many training documents; ``seed`` fixes every split.
    The same inputs give the same model in any process.
    """
    coded, table = _aligned(corpus, codes, frames)
    frames = [c for c in table.columns if c != "doc_id"]
    dictionary = None if scheme is None else load_scheme(scheme)
    return _fit(coded, table, frames, dictionary, seed=int(seed), c_values=tuple(c_values),
                inner_folds=int(inner_folds), min_df=int(min_df), evidence_words=int(evidence_words))
