"""Part-of-speech tags, lemmas and dependency trees on the toolkit's own tokens.

:func:`parse` adds syntax to the token table: one row per token with the same
``doc_id, sent_id, token_id, start, end, token`` as :func:`toolkit.tokens`, plus

``lemma``  the dictionary form (*killed* → *kill*);
``pos``    the Universal POS tag (``NOUN``, ``VERB``, ``PROPN`` …);
``tag``    the Penn Treebank tag (``NN``, ``VBD``, ``NNP`` …), as NLTK uses;
``morph``  Universal features (``Tense=Past|VerbForm=Fin``), empty when none;
``head``   the ``token_id`` of the token's head in the same sentence (the root
           points to itself);
``dep``    the Universal Dependencies relation to the head (``nsubj``,
           ``nsubj:pass``, ``obj``, ``obl:agent``, ``root`` …).

The model is the toolkit's own, trained on the UD English Web Treebank
(``data/models/en_news_syntax``, its ``MODEL_CARD.md`` gives accuracy and weak
spots). It reads the tokens as they are: parsing never re-tokenizes, so the
offsets stay exact. :func:`syntax_model` loads it once per process (an explicit
cache: ``syntax_model.cache_clear()`` frees it).

Only English sentences are parsed; others are left out of the table with one
warning that counts them by language.
"""
from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..resources import data_dir
from .tokenize import sentences as _split_sentences, tokens as _tokenize
from .word_rules import _is_english

COLUMNS = ["doc_id", "sent_id", "token_id", "start", "end", "token", "lemma", "pos", "tag", "morph", "head", "dep"]
_AUTO_PROGRESS = 5000  # sentences; above this a progress bar shows unless progress=False


def syntax_model_dir() -> Path:
    """Folder of the shipped syntax model (a spaCy pipeline directory)."""
    return data_dir() / "models" / "en_news_syntax"


@functools.lru_cache(maxsize=4)
def syntax_model(path: str | None = None) -> Any:
    """The spaCy pipeline that tags, lemmatizes and parses (loaded once per path).

    >>> nlp = syntax_model()
    >>> nlp.pipe_names
    ['tok2vec', 'tagger', 'morphologizer', 'trainable_lemmatizer', 'parser']
    """
    import spacy

    folder = Path(path) if path else syntax_model_dir()
    if not (folder / "config.cfg").exists():
        raise FileNotFoundError(f"no syntax model in {folder} (expected a spaCy pipeline folder with config.cfg)")
    return spacy.load(folder)


def _select(sents: pd.DataFrame, only: Any) -> np.ndarray:
    """Boolean row mask for ``only``: None, a boolean mask, or sentence keys."""
    if only is None:
        return np.ones(len(sents), dtype=bool)
    if isinstance(only, (pd.Series, np.ndarray, list)) and len(only) == len(sents) and \
            pd.api.types.is_bool_dtype(np.asarray(only)):
        return np.asarray(only, dtype=bool)
    if isinstance(only, pd.DataFrame):
        if not {"doc_id", "sent_id"}.issubset(only.columns):
            raise ValueError("parse(only=...): a table of sentence keys needs doc_id and sent_id columns")
        keys = pd.MultiIndex.from_frame(only[["doc_id", "sent_id"]])
    else:
        pairs = list(only)
        if pairs and not all(isinstance(p, tuple) and len(p) == 2 for p in pairs):
            raise ValueError("parse(only=...) takes a boolean mask, a table with doc_id/sent_id, "
                             "or (doc_id, sent_id) pairs")
        keys = pd.MultiIndex.from_tuples(pairs, names=["doc_id", "sent_id"]) if pairs else None
    if keys is None:
        return np.zeros(len(sents), dtype=bool)
    return pd.MultiIndex.from_frame(sents[["doc_id", "sent_id"]]).isin(keys)


def _warn_not_english(sents: pd.DataFrame, english: np.ndarray) -> None:
    if english.all():
        return
    counts = sents.loc[~english, "language"].astype(str).value_counts()
    detail = ", ".join(f"{k}: {v}" for k, v in counts.items())
    warnings.warn(f"parse: left out {int((~english).sum())} of {len(english)} sentences that are not English "
                  f"({detail}); the syntax model is English-only.", UserWarning, stacklevel=3)


def _docs(nlp: Any, toks: pd.DataFrame) -> Iterator[Any]:
    """One spaCy Doc per sentence from the token table (words and the spaces between them)."""
    from spacy.tokens import Doc

    words = toks["token"].tolist()
    starts = toks["start"].to_numpy()
    ends = toks["end"].to_numpy()
    bounds = np.flatnonzero(toks["_new_sent"].to_numpy())
    bounds = np.append(bounds, len(words))
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        spaces = (starts[lo + 1:hi] > ends[lo:hi - 1]).tolist() + [False]
        # one tree per sentence: the parser would otherwise split a sentence it finds odd
        starts_here = [True] + [False] * (hi - lo - 1)
        yield Doc(nlp.vocab, words=words[lo:hi], spaces=spaces, sent_starts=starts_here)


def _progress(docs: Iterable[Any], total: int, show: bool | None) -> Iterable[Any]:
    if show is None:
        show = total > _AUTO_PROGRESS
    if not show:
        return docs
    from tqdm.auto import tqdm

    return tqdm(docs, total=total, desc="parse", unit="sent")


def _name(strings: Any, key: int) -> str:
    """A hash from ``Doc.to_array`` as text; the empty morphology (spaCy's ``_``) as ``""``."""
    name = strings[key] if key else ""
    return "" if name == "_" else name


def _parse_tokens(toks: pd.DataFrame, nlp: Any, progress: bool | None, batch_size: int) -> pd.DataFrame:
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    keys = ["doc_id", "sent_id"]
    new_sent = np.ones(len(toks), dtype=bool)
    if len(toks) > 1:
        same = np.ones(len(toks) - 1, dtype=bool)
        for k in keys:
            col = pd.factorize(toks[k], use_na_sentinel=False)[0]
            same &= col[1:] == col[:-1]
        new_sent[1:] = ~same
    toks = toks.assign(_new_sent=new_sent)
    n_sent = int(new_sent.sum())
    strings = nlp.vocab.strings
    arrays = []
    docs = _progress(nlp.pipe(_docs(nlp, toks), batch_size=batch_size), n_sent, progress)
    for doc in docs:
        arrays.append(doc.to_array([LEMMA, POS, TAG, MORPH, HEAD, DEP]).astype(np.uint64))
    table = np.concatenate(arrays) if arrays else np.zeros((0, 6), dtype=np.uint64)

    def text(col: int) -> list[str]:
        codes, uniques = pd.factorize(table[:, col])
        names = np.array([_name(strings, int(u)) for u in uniques], dtype=object)
        return names[codes].tolist() if len(codes) else []

    out = toks[COLUMNS[:6]].reset_index(drop=True)
    sdt = pd.StringDtype()
    out["lemma"] = pd.Series(text(0), dtype=sdt)
    out["pos"] = pd.Series(text(1), dtype=sdt)
    out["tag"] = pd.Series(text(2), dtype=sdt)
    out["morph"] = pd.Series(text(3), dtype=sdt)
    relative = table[:, 4].astype(np.int64) if len(table) else np.zeros(0, dtype=np.int64)
    out["head"] = out["token_id"].to_numpy(dtype=np.int64) + relative
    dep = pd.Series(text(5), dtype=sdt)
    out["dep"] = dep.mask(dep == "ROOT", "root")
    return out


def parse_tokens(tokens: pd.DataFrame, *, model: Any = None, progress: bool | None = None,
                 batch_size: int = 256) -> pd.DataFrame:
    """Parse a token table you already have (``doc_id, sent_id, token_id, start, end, token``, in text
    order, as :func:`toolkit.tokens` gives it): the same columns as :func:`parse`, without tokenizing
    again. Each ``(doc_id, sent_id)`` is one tree; the tokens are taken as English.

    >>> import pandas as pd, toolkit
    >>> toks = toolkit.tokens(pd.DataFrame({"doc_id": ["d1"], "text": ["US forces killed him."]}))
    >>> parse_tokens(toks)[["token", "dep"]].values.tolist()
    [['US', 'compound'], ['forces', 'nsubj'], ['killed', 'root'], ['him', 'obj'], ['.', 'punct']]
    """
    missing = [c for c in COLUMNS[:6] if c not in tokens.columns]
    if missing:
        raise ValueError(f"parse_tokens needs the token table's columns; missing: {', '.join(missing)}")
    nlp = model if model is not None else syntax_model()
    return _parse_tokens(tokens.reset_index(drop=True), nlp, progress, batch_size)


def parse(sentences: Any, *, only: Any = None, model: Any = None, text_col: str = "text",
          progress: bool | None = None, batch_size: int = 256) -> Any:
    """Tag, lemmatize and parse: the token table plus ``lemma, pos, tag, morph, head, dep``.

    ``sentences`` is the output of :func:`toolkit.sentences` (a corpus is split
    first). ``only`` limits the work to some sentences: a boolean mask over the
    rows, a table with ``doc_id``/``sent_id``, or ``(doc_id, sent_id)`` pairs;
    ``token_id`` stays what :func:`toolkit.tokens` gives for the whole document.
    ``model`` is a loaded pipeline (default :func:`syntax_model`). A Dask
    DataFrame is parsed partition by partition.

    >>> import pandas as pd, toolkit
    >>> corpus = pd.DataFrame({"doc_id": ["d1"], "text": ["The general was killed by a drone."]})
    >>> parse(toolkit.sentences(corpus))[["token", "head", "dep"]].values.tolist()
    [['The', 1, 'det'], ['general', 3, 'nsubj:pass'], ['was', 3, 'aux:pass'], ['killed', 3, 'root'], ['by', 6, 'case'], ['a', 6, 'det'], ['drone', 3, 'obl:agent'], ['.', 3, 'punct']]
    """
    if hasattr(sentences, "map_partitions") and hasattr(sentences, "_meta"):
        meta = _parse_pandas(sentences._meta, None, model, text_col, False, batch_size, warn=False)
        return sentences.map_partitions(_parse_pandas, only, model, text_col, False, batch_size, meta=meta)
    return _parse_pandas(sentences, only, model, text_col, progress, batch_size)


def _parse_pandas(sents: pd.DataFrame, only: Any, model: Any, text_col: str, progress: bool | None,
                  batch_size: int, warn: bool = True) -> pd.DataFrame:
    if not {"sent_id", "start", "end"}.issubset(sents.columns):
        sents = _split_sentences(sents, text_col=text_col)
        text_col = "text"
    sents = sents.reset_index(drop=True)
    chosen = _select(sents, only)
    if "language" in sents.columns:
        langs = sents["language"]
        english = np.array([pd.isna(x) or _is_english(x) for x in langs], dtype=bool)
    else:
        english = np.ones(len(sents), dtype=bool)
    if warn:
        _warn_not_english(sents.loc[chosen], english[chosen])
    toks = _tokenize(sents, text_col=text_col)
    wanted = chosen & english
    if not wanted.all():
        keys = pd.MultiIndex.from_frame(sents.loc[wanted, ["doc_id", "sent_id"]])
        toks = toks[pd.MultiIndex.from_frame(toks[["doc_id", "sent_id"]]).isin(keys)]
    nlp = model if model is not None else syntax_model()
    return _parse_tokens(toks, nlp, progress, batch_size)
