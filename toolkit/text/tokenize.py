"""Sentences and tokens as tidy tables, with exact character offsets.

Two functions turn a *corpus* (one row per article, columns ``doc_id`` and
``text``, optionally ``language``) into long tables:

``sentences(corpus)``
    one row per sentence: ``doc_id, sent_id, start, end, text, language``.
``tokens(corpus_or_sentences)``
    one row per token: ``doc_id, sent_id, token_id, start, end, token, lower,
    is_stop, is_punct``.

Offsets always point into the document's own text, so
``doc_text[start:end] == sentence`` and ``doc_text[start:end] == token`` hold for
every row: tokens are the original surface strings (typographic quotes stay
typographic, ``"`` is never rewritten to ``` `` ```).

How sentences are found
-----------------------
1. **Paragraphs first.** A blank line always ends a sentence, so a headline
   without a final period never merges with the next paragraph. A single line
   break also ends a sentence, *unless* the document is hard-wrapped (most lines
   40-100 characters long, as in the Congressional Record or OCR output); then
   a single line break inside a paragraph is treated as a space, and only an
   indented next line or a short previous line ends a sentence there.
2. **Punkt** (NLTK's ``PunktSentenceTokenizer``) splits each paragraph, with the
   parameters from :func:`toolkit.resources.punkt_parameters` for the document's
   language. Closing quotation marks (``” " ’ ' » )``) stay with the sentence
   they close.
3. **News rules** (English only) correct Punkt where news prose trips it:

   * :data:`NEWS_TITLES` (*Gen., Mr., Dr., Lt., Col., Rep., Sen., Gov., St.* …)
     never end a sentence, unless a word from :data:`SENTENCE_STARTERS`
     (*The, He, It* …) follows;
   * :data:`NEWS_NUMERIC` (*No., Art., Vol., p.* …) and the month
     abbreviations :data:`NEWS_MONTHS` (*Jan.* – *Dec.*, *Sept.*) never end a
     sentence before a number (*No. 2*, *Sept. 18*);
   * *a.m.* / *p.m.* end a sentence before a title (*3 a.m. Mr. Trump spoke*) or
     a sentence starter; :data:`NEWS_ABBREVIATIONS` such as *U.S.*, *U.N.*,
     *Inc.*, *etc.* end one only before a sentence starter (*U.S. forces*,
     *U.S. Gen. Milley* stay whole);
   * ``?`` or ``!`` inside closing quotes followed by a lower-case word does not
     end a sentence (*“Why now?” he asked.*), in any language; nor does a
     period followed by ``, ; :`` (*Distr.: General*).

   All these abbreviations are also added to Punkt's learned ones, in a private
   copy of the parameters (the cached object from ``resources`` is never
   modified, and unseen words are not added to the copy's ``ortho_context``).

   A period with no space after it (``year.The``) never ends a sentence: Punkt
   needs whitespace there, and so does the word tokenizer.

Languages: ISO codes (``en``, ``ru``, ``de``, ``pt-BR`` …) and Punkt's names
(``english``) are accepted; a missing or empty language means English.
Languages without a bundled Punkt model (Arabic, Persian, Hebrew, Chinese …)
fall back to the English model *without* the news rules, with a
:class:`LanguageFallbackWarning` once per call; note that Punkt only knows
``. ? !`` as sentence ends, so ``؟`` or ``。`` do not split sentences there.

How tokens are found
--------------------
NLTK's ``NLTKWordTokenizer`` (the tokenizer behind ``nltk.word_tokenize``) runs
on each sentence; each token is then located in the sentence text. The
typographic apostrophe is treated like ``'`` so ``Iran’s`` gives ``Iran`` +
``’s`` and ``can’t`` gives ``ca`` + ``n’t``, exactly as NLTK splits the ASCII
spellings. Should NLTK ever produce a token that is not in the text, that
sentence falls back to a simple ``\\w+|[^\\w\\s]+`` split, so the offset
invariant always holds.

``is_stop`` uses :func:`toolkit.resources.stopwords` (English only; always
False in other languages; a clitic such as ``'s`` counts as ``s``).
``is_punct`` is True when every character is Unicode punctuation (``P*``) or a
math/modifier symbol (``+ = < > | ~ ^ ```), so currency signs and emoji are
not punctuation.

Tables: ``doc_id`` keeps the corpus' dtype; ``text``, ``language``, ``token``
and ``lower`` use pandas' default string dtype; ids and offsets are int64.

Dask: pass a ``dask.dataframe.DataFrame`` and both functions run partition by
partition (``map_partitions`` with a matching ``meta``); nothing is collected.
Each document must sit in one partition (true for any corpus split by rows,
and for the sentence table that :func:`sentences` returns). ``progress`` is
ignored there; use dask's own progress bar.

Example
-------
>>> import pandas as pd
>>> from toolkit.text import sentences, tokens
>>> corpus = pd.DataFrame({"doc_id": ["a"],
...     "text": ["Gen. Qassem Soleimani was killed. U.S. forces said so."]})
>>> sentences(corpus)["text"].tolist()
['Gen. Qassem Soleimani was killed.', 'U.S. forces said so.']
>>> tokens(corpus)["token"].tolist()[:5]
['Gen.', 'Qassem', 'Soleimani', 'was', 'killed']
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd

from .sentence_rules import (
    NEWS_ABBREVIATIONS,
    NEWS_MONTHS,
    NEWS_NUMERIC,
    NEWS_TIME,
    NEWS_TITLES,
    SENTENCE_STARTERS,
    LanguageFallbackWarning,
    _sentence_spans,
    punkt_language,
)
from .word_rules import _english_stopwords, _is_english, _is_punct, _is_stop, _tokenize_sentence

__all__ = [
    "sentences",
    "tokens",
    "punkt_language",
    "LanguageFallbackWarning",
    "NEWS_TITLES",
    "NEWS_NUMERIC",
    "NEWS_MONTHS",
    "NEWS_TIME",
    "NEWS_ABBREVIATIONS",
    "SENTENCE_STARTERS",
    "SENTENCE_COLUMNS",
    "TOKEN_COLUMNS",
]

SENTENCE_COLUMNS = ("doc_id", "sent_id", "start", "end", "text", "language")
TOKEN_COLUMNS = (
    "doc_id", "sent_id", "token_id", "start", "end", "token", "lower", "is_stop", "is_punct",
)


# ---------------------------------------------------------------------------
# Frames
# ---------------------------------------------------------------------------


def _is_dask(obj: Any) -> bool:
    return type(obj).__module__.split(".", 1)[0] in ("dask", "dask_expr") and hasattr(
        obj, "map_partitions"
    )


def _languages(frame: pd.DataFrame) -> list[Any]:
    if "language" not in frame.columns:
        return ["en"] * len(frame)
    return [
        "en" if (v is None or (isinstance(v, float) and v != v) or v is pd.NA or v == "") else v
        for v in frame["language"].tolist()
    ]


def _progress(iterable: Iterable, total: int, show: bool, desc: str) -> Iterable:
    if not show:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="doc")


def _check_columns(frame: Any, needed: Iterable[str], what: str) -> None:
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise KeyError(f"{what} needs column(s) {missing}; it has {list(frame.columns)}")


def _documents(frame: pd.DataFrame, text_col: str, progress: bool, desc: str) -> Iterator[tuple[str, Any]]:
    """``(text, language)`` per row (missing text → ``""``), then one warning for unknown languages."""
    languages = _languages(frame)
    texts = frame[text_col].tolist()
    fallback: set[str] = set()
    for text, language in _progress(zip(texts, languages), len(texts), progress, desc):
        if punkt_language(language) is None:
            fallback.add(str(language))
        yield (text if isinstance(text, str) else ""), language
    if fallback:
        warnings.warn(
            f"no Punkt model for language(s) {sorted(fallback)}; used English parameters",
            LanguageFallbackWarning,
            stacklevel=4,  # this generator, the table builder, sentences()/tokens(), the caller
        )


def _str_series(values: Any, name: str) -> pd.Series:
    return pd.Series(values, dtype=str, name=name)


def _repeat_ids(ids: pd.Series, counts: list[int]) -> pd.Series:
    """``ids`` repeated ``counts`` times each, keeping the dtype."""
    index = np.repeat(np.arange(len(ids)), np.asarray(counts, dtype=np.int64))
    return pd.Series(ids.array.take(index), name="doc_id")


def _sentences_pandas(corpus: pd.DataFrame, text_col: str, progress: bool) -> pd.DataFrame:
    _check_columns(corpus, ["doc_id", text_col], "sentences()")
    counts: list[int] = []
    sent_ids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    out_texts: list[str] = []
    out_langs: list[str] = []
    for text, lang in _documents(corpus, text_col, progress, "sentences"):
        spans = _sentence_spans(text, lang)
        counts.append(len(spans))
        sent_ids.extend(range(len(spans)))
        for s, e in spans:
            starts.append(s)
            ends.append(e)
            out_texts.append(text[s:e])
        out_langs.extend([str(lang)] * len(spans))
    return pd.DataFrame({
        "doc_id": _repeat_ids(corpus["doc_id"], counts),
        "sent_id": np.asarray(sent_ids, dtype=np.int64),
        "start": np.asarray(starts, dtype=np.int64),
        "end": np.asarray(ends, dtype=np.int64),
        "text": _str_series(out_texts, "text"),
        "language": _str_series(out_langs, "language"),
    })


def _token_frame(
    doc_ids: pd.Series,
    row_counts: list[int],
    sent_ids: list[int],
    sent_counts: list[int],
    sent_english: list[bool],
    starts: list[int],
    ends: list[int],
    toks: list[str],
) -> pd.DataFrame:
    """Assemble the token table; ``lower``/``is_stop``/``is_punct`` per distinct token."""
    codes, uniques = pd.factorize(np.asarray(toks, dtype=object), use_na_sentinel=False)
    uniques = list(uniques)
    lowers_u = [t.lower() for t in uniques]
    stop = _english_stopwords() if any(sent_english) else frozenset()
    stop_u = np.fromiter((_is_stop(t, stop) for t in lowers_u), dtype=bool, count=len(uniques))
    punct_u = np.fromiter((_is_punct(t) for t in uniques), dtype=bool, count=len(uniques))
    english = np.repeat(np.asarray(sent_english, dtype=bool), sent_counts)
    return pd.DataFrame({
        "doc_id": _repeat_ids(doc_ids, row_counts),
        "sent_id": np.repeat(np.asarray(sent_ids, dtype=np.int64), sent_counts),
        "token_id": np.zeros(len(toks), dtype=np.int64),  # filled in by the caller
        "start": np.asarray(starts, dtype=np.int64),
        "end": np.asarray(ends, dtype=np.int64),
        "token": _str_series(toks, "token"),
        "lower": pd.Series(_str_series(lowers_u, "lower").array.take(codes), name="lower"),
        "is_stop": stop_u[codes] & english,
        "is_punct": punct_u[codes],
    })


def _ids_within_groups(new_group: np.ndarray) -> np.ndarray:
    """0, 1, 2 … restarting wherever ``new_group`` is True."""
    positions = np.arange(len(new_group), dtype=np.int64)
    if not len(positions):
        return positions
    firsts = np.maximum.accumulate(np.where(new_group, positions, 0))
    return positions - firsts


def _tokens_from_corpus(corpus: pd.DataFrame, text_col: str, progress: bool) -> pd.DataFrame:
    _check_columns(corpus, ["doc_id", text_col], "tokens()")
    starts: list[int] = []
    ends: list[int] = []
    toks: list[str] = []
    doc_counts: list[int] = []
    sent_ids: list[int] = []
    sent_counts: list[int] = []
    sent_english: list[bool] = []
    for text, lang in _documents(corpus, text_col, progress, "tokens"):
        english = _is_english(lang)
        n_doc = 0
        for sent_id, (s, e) in enumerate(_sentence_spans(text, lang)):
            n = _tokenize_sentence(text[s:e], s, starts, ends, toks)
            sent_ids.append(sent_id)
            sent_counts.append(n)
            sent_english.append(english)
            n_doc += n
        doc_counts.append(n_doc)
    frame = _token_frame(
        corpus["doc_id"], doc_counts, sent_ids, sent_counts, sent_english, starts, ends, toks
    )
    new_doc = np.zeros(len(toks), dtype=bool)
    firsts = np.cumsum([0] + doc_counts[:-1])
    new_doc[firsts[np.asarray(doc_counts) > 0]] = True
    frame["token_id"] = _ids_within_groups(new_doc)
    return frame


def _tokens_from_sentences(sents: pd.DataFrame, text_col: str, progress: bool) -> pd.DataFrame:
    _check_columns(sents, ["doc_id", "sent_id", "start", text_col], "tokens()")
    langs = _languages(sents)
    texts = sents[text_col].tolist()
    offsets = sents["start"].to_numpy(dtype=np.int64).tolist()
    sent_ids = sents["sent_id"].to_numpy(dtype=np.int64).tolist()
    starts: list[int] = []
    ends: list[int] = []
    toks: list[str] = []
    sent_counts: list[int] = []
    sent_english: list[bool] = []
    for text, lang, offset in _progress(zip(texts, langs, offsets), len(texts), progress, "tokens"):
        if not isinstance(text, str):
            text = ""
        sent_counts.append(_tokenize_sentence(text, offset, starts, ends, toks))
        sent_english.append(_is_english(lang))
    frame = _token_frame(
        sents["doc_id"], sent_counts, sent_ids, sent_counts, sent_english, starts, ends, toks
    )
    # token_id restarts with each document (a document's sentences are consecutive rows)
    codes = pd.factorize(frame["doc_id"], use_na_sentinel=False)[0]
    new_doc = np.ones(len(codes), dtype=bool)
    new_doc[1:] = codes[1:] != codes[:-1]
    frame["token_id"] = _ids_within_groups(new_doc)
    return frame


def _is_sentence_table(frame: Any) -> bool:
    return {"sent_id", "start", "end"}.issubset(frame.columns)


def sentences(corpus: Any, *, text_col: str = "text", progress: bool = False) -> Any:
    """One row per sentence: ``doc_id, sent_id, start, end, text, language``.

    ``corpus`` is a pandas or dask DataFrame with ``doc_id`` and ``text_col``
    (and optionally ``language``, default ``"en"``). ``start``/``end`` are
    character offsets into the document text; ``sent_id`` counts from 0 in each
    document. ``progress=True`` shows a tqdm bar over documents (pandas only).

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["d1"], "text": ["“It was good.” He left at 3 p.m. Mr. Trump stayed."]})
    >>> sentences(corpus)[["sent_id", "start", "end", "text"]].values.tolist()
    [[0, 0, 14, '“It was good.”'], [1, 15, 32, 'He left at 3 p.m.'], [2, 33, 50, 'Mr. Trump stayed.']]
    """
    if _is_dask(corpus):
        _check_columns(corpus, ["doc_id", text_col], "sentences()")
        meta = _sentences_pandas(corpus._meta, text_col, False)
        return corpus.map_partitions(_sentences_pandas, text_col, False, meta=meta)
    return _sentences_pandas(corpus, text_col, progress)


def tokens(corpus_or_sentences: Any, *, text_col: str = "text", progress: bool = False) -> Any:
    """One row per token: ``doc_id, sent_id, token_id, start, end, token, lower, is_stop, is_punct``.

    Give it a corpus (it splits sentences first) or the output of
    :func:`sentences` (recognised by its ``sent_id``/``start``/``end``
    columns; the sentence ``start`` maps token offsets back into the
    document). ``doc_text[start:end] == token`` for every row, and ``token_id``
    counts from 0 in each document. Works on pandas and dask DataFrames.

    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["d1"], "text": ["Iran’s general was not there, officials said."]})
    >>> tokens(corpus)[["token", "start", "end", "is_stop"]].values.tolist()[:4]
    [['Iran', 0, 4, False], ['’s', 4, 6, True], ['general', 7, 14, False], ['was', 15, 18, True]]
    """
    frame = corpus_or_sentences
    from_sentences = _is_sentence_table(frame)
    worker = _tokens_from_sentences if from_sentences else _tokens_from_corpus
    if _is_dask(frame):
        _check_columns(frame, ["doc_id", text_col], "tokens()")
        meta = worker(frame._meta, text_col, False)
        return frame.map_partitions(worker, text_col, False, meta=meta)
    return worker(frame, text_col, progress)
