"""What a trained frame model reads in a document (helper of :mod:`toolkit.framing.trained`).

Two inputs per document, both from the toolkit's own tokenizer:

* a TF-IDF vector of its words: the lower-cased word tokens (punctuation
  left out), term frequency damped as ``1 + log(tf)``, weighted by the smoothed
  inverse document frequency ``log((1 + n) / (1 + df)) + 1`` of the training
  documents, scaled to unit length (the formula of scikit-learn's
  ``TfidfVectorizer(sublinear_tf=True)``, written out so that a saved model is
  plain arrays);
* the frame dictionary's score for each frame: hits per 1,000 tokens
  (:func:`toolkit.framing.frames.frames` at document level).

>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Rivals clash. Rivals argue.", "Prices rose."]})
>>> words = document_words(corpus)
>>> words["a"]
['rivals', 'clash', 'rivals', 'argue']
>>> tfidf = Tfidf.fit(words.tolist(), min_df=1)
>>> tfidf.vocabulary
['argue', 'clash', 'prices', 'rivals', 'rose']
>>> tfidf.transform(words.tolist()).toarray().round(2).tolist()[1]
[0.0, 0.0, 0.71, 0.0, 0.71]
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..text.tokenize import tokens as split_tokens
from .frames import frames as frame_scores

__all__ = ["document_words", "Tfidf", "dictionary_scores", "check_corpus", "tokens_of"]


def check_corpus(corpus: pd.DataFrame, what: str = "corpus") -> pd.DataFrame:
    """``doc_id, text`` of a corpus, with a clear error for a missing column or a repeated doc_id."""
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError(f"the {what} must be a pandas DataFrame with doc_id and text (toolkit.load)")
    missing = [c for c in ("doc_id", "text") if c not in corpus.columns]
    if missing:
        raise ValueError(f"the {what} needs column(s) {missing}; got {list(corpus.columns)}")
    repeated = corpus["doc_id"][corpus["doc_id"].duplicated()]
    if len(repeated):
        raise ValueError(f"the {what} repeats doc_id {repeated.iloc[0]!r}: each document needs its own id")
    out = corpus[["doc_id", "text"]].reset_index(drop=True)
    out["text"] = out["text"].fillna("").astype(str)
    return out


def tokens_of(corpus: pd.DataFrame) -> pd.DataFrame:
    """The toolkit's tokens of ``corpus`` (``doc_id, text``)."""
    return split_tokens(corpus[["doc_id", "text"]])


def document_words(corpus: pd.DataFrame, toks: pd.DataFrame | None = None) -> pd.Series:
    """doc_id → list of lower-cased word tokens (no punctuation), in corpus order."""
    toks = tokens_of(corpus) if toks is None else toks
    words = toks[~toks["is_punct"]] if "is_punct" in toks.columns else toks
    grouped = words.groupby("doc_id", sort=False)["lower"].agg(list)
    return pd.Series([grouped.get(d, []) for d in corpus["doc_id"]], index=corpus["doc_id"].to_numpy(),
                     dtype=object)


@dataclass(frozen=True)
class Tfidf:
    """A fitted TF-IDF weighting: the vocabulary (sorted) and its inverse document frequencies."""

    vocabulary: list[str]
    idf: np.ndarray

    @classmethod
    def fit(cls, docs: Sequence[Sequence[str]], *, min_df: int = 2) -> "Tfidf":
        """Words in at least ``min_df`` of ``docs`` (all words if that leaves none)."""
        df = Counter(w for doc in docs for w in set(doc))
        vocab = sorted(w for w, n in df.items() if n >= min_df) or sorted(df)
        n = len(docs)
        idf = np.array([np.log((1.0 + n) / (1.0 + df[w])) + 1.0 for w in vocab], dtype=np.float64)
        return cls(vocab, idf)

    def counts(self, docs: Sequence[Sequence[str]]):
        """documents × vocabulary: word counts (a scipy sparse matrix)."""
        import scipy.sparse as sp

        index = {w: j for j, w in enumerate(self.vocabulary)}
        rows, cols, vals = [], [], []
        for i, doc in enumerate(docs):
            tally = Counter(index[w] for w in doc if w in index)
            for j in sorted(tally):
                rows.append(i)
                cols.append(j)
                vals.append(tally[j])
        return sp.csr_matrix((np.asarray(vals, dtype=np.float64), (rows, cols)),
                             shape=(len(docs), len(self.vocabulary)))

    def transform(self, docs: Sequence[Sequence[str]]):
        """documents × vocabulary: damped, IDF-weighted counts scaled to unit length (sparse)."""
        import scipy.sparse as sp

        x = self.counts(docs)
        x.data = 1.0 + np.log(x.data)
        x = x.multiply(self.idf[None, :]).tocsr()
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ x)


def dictionary_scores(corpus: pd.DataFrame, dictionary, frames: Sequence[str],
                      toks: pd.DataFrame | None = None) -> np.ndarray:
    """documents × frames: the dictionary score (hits per 1,000 tokens; 0 without tokens).

    A frame that is not a category of ``dictionary`` (or no dictionary) gets zeros.
    """
    out = np.zeros((len(corpus), len(frames)))
    if dictionary is None:
        return out
    toks = tokens_of(corpus) if toks is None else toks
    table = frame_scores(toks, dictionary, level="document") if len(toks) else None
    if table is None or table.empty:
        return out
    wide = table.pivot(index="doc_id", columns="frame", values="score")
    wide = wide.reindex(index=corpus["doc_id"].to_numpy()).fillna(0.0)
    for j, frame in enumerate(frames):
        if frame in wide.columns:
            out[:, j] = wide[frame].to_numpy(dtype=float)
    return out
