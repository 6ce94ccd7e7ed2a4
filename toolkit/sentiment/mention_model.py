"""The mention model on disk and at work: weights, probabilities and the evidence behind them.

A multinomial logistic regression over the named features of
:mod:`toolkit.sentiment.mention_features`. It is stored as two files per
variant in ``data/models/mention_sentiment/``: ``<variant>.json`` (classes,
feature names, settings, cross-validated scores) and ``<variant>.npz``
(``coef``: classes × features, ``intercept``). No pickle; loading reads
those two files and nothing else.

The evidence of a decision is exact: for the predicted class *k* each active
feature contributes ``value × (w[k] − mean over classes of w)`` to the
class's log-odds against the average class, so the listed weights add up
(with the intercepts) to what the model decided.

>>> m = MentionModel(["negative", "neutral", "positive"], ["w=killer", "w=hero"],
...                  np.array([[2.0, -1.0], [0.0, 0.0], [-2.0, 1.0]]), np.zeros(3))
>>> X = m.vectorize([{"w=killer": 1.0, "w=nothing": 1.0}])
>>> m.classes[int(m.proba(X)[0].argmax())], explain(m, {"w=killer": 1.0}, 0)
('negative', "'killer' in the sentence +2.00")
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import scipy.sparse as sp

from ..resources import data_dir
from .mention_features import FLAGS, KINDS

CLASSES = ["negative", "neutral", "positive"]
VARIANTS = ("syntax", "fast")
_RELATIONS = {"nsubj": "subject", "nsubj:pass": "passive subject", "obj": "object", "iobj": "indirect object",
              "obl": "oblique", "obl:agent": "the by-agent", "nmod:poss": "possessor", "appos": "apposition",
              "conj": "conjunct", "compound": "compound", "nmod": "modifier", "root": "root"}


def model_dir() -> Path:
    """Folder of the shipped mention models."""
    return data_dir() / "models" / "mention_sentiment"


@dataclass
class MentionModel:
    """Classes, feature names and the weights of a linear model (plus what it was trained with)."""

    classes: list[str]
    features: list[str]
    coef: np.ndarray
    intercept: np.ndarray
    info: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {name: j for j, name in enumerate(self.features)}
        self.coef = np.asarray(self.coef, dtype=np.float64)
        self.intercept = np.asarray(self.intercept, dtype=np.float64)
        self.relative = self.coef - self.coef.mean(axis=0, keepdims=True)

    @property
    def syntax(self) -> bool:
        """Whether the model reads the parse."""
        return bool(self.info.get("settings", {}).get("syntax", True))

    def vectorize(self, rows: Sequence[dict[str, float]]) -> sp.csr_matrix:
        """A sparse matrix of the known features (names the model never saw are ignored)."""
        index = self.index
        indptr, cols, vals = [0], [], []
        for f in rows:
            for name, value in f.items():
                j = index.get(name)
                if j is not None and value:
                    cols.append(j)
                    vals.append(value)
            indptr.append(len(cols))
        return sp.csr_matrix((np.asarray(vals, dtype=np.float64), np.asarray(cols, dtype=np.int64),
                              np.asarray(indptr, dtype=np.int64)), shape=(len(rows), len(self.features)))

    def proba(self, X: sp.csr_matrix) -> np.ndarray:
        """Class probabilities (softmax of the linear scores), one row per mention."""
        z = np.asarray(X @ self.coef.T) + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def save(self, folder: Path, variant: str) -> None:
        """Write ``<variant>.json`` and ``<variant>.npz`` into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"classes": self.classes, **self.info, "features": self.features}
        (folder / f"{variant}.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n",
                                                encoding="utf-8")
        np.savez_compressed(folder / f"{variant}.npz", coef=self.coef, intercept=self.intercept)


def read_model(folder: Path, variant: str) -> MentionModel:
    """The model stored as ``<variant>.json`` + ``<variant>.npz`` in ``folder``."""
    meta = json.loads((folder / f"{variant}.json").read_text(encoding="utf-8"))
    with np.load(folder / f"{variant}.npz", allow_pickle=False) as arrays:
        coef, intercept = arrays["coef"], arrays["intercept"]
    classes, features = meta.pop("classes"), meta.pop("features")
    return MentionModel(classes, features, coef, intercept, meta)


@functools.lru_cache(maxsize=4)
def mention_model(variant: str = "syntax", path: str | None = None) -> MentionModel:
    """The shipped model: ``"syntax"`` (reads the parse) or ``"fast"`` (tokens only); cached per process.

    >>> mention_model("fast").classes
    ['negative', 'neutral', 'positive']
    """
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}, not {variant!r}")
    folder = Path(path) if path else model_dir()
    if not (folder / f"{variant}.json").exists():
        raise FileNotFoundError(f"no mention model {variant!r} in {folder} "
                                "(train it with python -m toolkit.sentiment.train_mention)")
    return read_model(folder, variant)


def describe(name: str, notes: dict[str, list] | None = None, value: float = 1.0) -> str:
    """A feature name in words (``gov=nsubj:pass:kill`` → "the mention is passive subject of 'kill'")."""
    if name in FLAGS:
        text = FLAGS[name]
        if name == "val:sentence":
            return f"{text} {value:+.2f}"
        if notes and notes.get(name):
            words = sorted(notes[name], key=lambda t: (t[2], t[0]))[:3]
            text += " (" + ", ".join(f"{w} {v:+.1f}" + (f" negated by '{by}'" if by else "") + f" at {d}"
                                     for w, v, d, by in words) + ")"
        return text
    kind, _, rest = name.partition("=")
    if kind == "gov":
        rel, _, word = rest.rpartition(":")
        return f"the mention is {_RELATIONS.get(rel, rel)} of '{word}'"
    if kind == "dep":
        return f"the mention is {_RELATIONS.get(rest, rest)} of its clause"
    if kind == "bi":
        return "'" + rest.replace("T", "[mention]") + "'"  # words are lower case: T is the mention
    return KINDS.get(kind, kind + " {}").format(rest)


def contributions(model: MentionModel, f: dict[str, float], k: int) -> list[tuple[str, float]]:
    """``(feature, contribution)`` to class ``k``'s log-odds against the average class, largest first."""
    out = []
    for name, value in f.items():
        j = model.index.get(name)
        if j is not None and value:
            c = value * model.relative[k, j]
            if c:
                out.append((name, float(c)))
    out.sort(key=lambda t: (-abs(t[1]), t[0]))
    return out


def explain(model: MentionModel, f: dict[str, float], k: int, notes: dict[str, list] | None = None,
            n: int = 5) -> str:
    """The ``n`` features that weighed most for (+) or against (−) class ``k``, in words, ``"; "``-joined."""
    parts = [f"{describe(name, notes, f[name])} {c:+.2f}" for name, c in contributions(model, f, k)[:n]]
    return "; ".join(parts)


def explain_rows(model: MentionModel, X: sp.csr_matrix, best: np.ndarray, notes: Sequence[dict | None],
                 n: int = 5) -> list[str]:
    """:func:`explain` for every row of ``X`` (the vectorized mentions), class ``best[i]`` for row ``i``."""
    out = []
    names = model.features
    for i in range(X.shape[0]):
        a, b = X.indptr[i], X.indptr[i + 1]
        cols, vals = X.indices[a:b], X.data[a:b]
        c = vals * model.relative[best[i], cols]
        keep = np.flatnonzero(c)
        order = keep[np.lexsort((cols[keep], -np.abs(c[keep])))][:n]
        nt = notes[i]
        out.append("; ".join(f"{describe(names[cols[j]], nt, float(vals[j]))} {c[j]:+.2f}" for j in order))
    return out
