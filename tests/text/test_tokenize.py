"""Sentences and tokens: exact offsets, news abbreviations, quotes, languages, dask."""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import resources
from toolkit.text.tokenize import (
    SENTENCE_COLUMNS,
    TOKEN_COLUMNS,
    LanguageFallbackWarning,
    punkt_language,
    sentences,
    tokens,
)
from toolkit.text.word_rules import _word_tokenize

CORPUS_DIR = resources.corpus_dir()
SEED = CORPUS_DIR / "000_22b6830e9619a82a.txt"
RUSSIAN = CORPUS_DIR / "kremlin_2020-01-03_telephone-conversation-with-macron-ru.txt"
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def read_article(path: Path) -> tuple[str, str]:
    """(text, language) of a bundled article, front matter removed."""
    raw = path.read_text(encoding="utf-8")
    m = _FRONT_MATTER.match(raw)
    if not m:
        return raw, "en"
    lang = re.search(r"^language:\s*(\S+)", m.group(1), re.M)
    return raw[m.end():], (lang.group(1) if lang else "en")


def corpus_of(*paths: Path) -> pd.DataFrame:
    rows = []
    for path in paths:
        text, language = read_article(path)
        rows.append({"doc_id": path.stem, "text": text, "language": language})
    return pd.DataFrame(rows)


def one(text: str, language: str | None = "en", doc_id: str = "d") -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [doc_id], "text": [text], "language": [language]})


def sentence_texts(text: str, language: str = "en") -> list[str]:
    return sentences(one(text, language))["text"].tolist()


def assert_invariants(corpus: pd.DataFrame, sents: pd.DataFrame, toks: pd.DataFrame) -> None:
    """Offsets reproduce the text; spans increase, do not overlap, nest; ids are consecutive."""
    assert tuple(sents.columns) == SENTENCE_COLUMNS
    assert tuple(toks.columns) == TOKEN_COLUMNS
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    for doc_id, doc_sents in sents.groupby("doc_id", sort=False):
        text = texts[doc_id]
        assert doc_sents["sent_id"].tolist() == list(range(len(doc_sents)))
        previous_end = 0
        for s in doc_sents.itertuples():
            assert text[s.start:s.end] == s.text
            assert s.text and not s.text[0].isspace() and not s.text[-1].isspace()
            assert s.start >= previous_end
            previous_end = s.end
    spans = {(r.doc_id, r.sent_id): (r.start, r.end) for r in sents.itertuples()}
    for doc_id, doc_toks in toks.groupby("doc_id", sort=False):
        text = texts[doc_id]
        assert doc_toks["token_id"].tolist() == list(range(len(doc_toks)))
        previous_end = 0
        for t in doc_toks.itertuples():
            assert text[t.start:t.end] == t.token
            assert t.token and not any(ch.isspace() for ch in t.token)
            assert t.lower == t.token.lower()
            assert t.start >= previous_end
            previous_end = t.end
            s_start, s_end = spans[(doc_id, t.sent_id)]
            assert s_start <= t.start and t.end <= s_end


# --------------------------------------------------------------------------- properties

_FRAGMENTS = [
    "Gen.", "U.S.", "a.m.", "p.m.", "Mr.", "No.", "Sept.", "St.", "e.g.", "x.", "X.", "Ж.",
    " ", "  ", "\n", "\n\n", "\r\n", "\t", "\xa0", "\u2028", "\u2029", "\x0b", "\x0c", "\x85",
    "\x00", "\x1c", "\x1f", "\u200b", "\u200f",
    "“", "”", "‘", "’", "’s", "'s", '"', "''", "``", "`", "«", "»", "(", ")", "[", "]",
    ".", "?", "!", "...", "--", ",", ";", ":", "&", "$", "%", "#", "@",
    "The", "he", "Iran", "can't", "won’t", "n't", "cannot", "d'Arc", "2", "1,000.5",
    "😀", "👍🏽", "שלום", "مرحبا؟", "Привет", "東京。",
]
_texts = st.lists(
    st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6), st.characters(codec="utf-8")),
    max_size=50,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=_texts, language=st.sampled_from(["en", "ru", "de", "fa", None]))
def test_offsets_reproduce_arbitrary_text(text: str, language: str | None) -> None:
    corpus = one(text, language)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LanguageFallbackWarning)
        sents = sentences(corpus)
        toks = tokens(corpus)
        toks_via_sentences = tokens(sents)
    assert_invariants(corpus, sents, toks)
    pd.testing.assert_frame_equal(toks, toks_via_sentences)


def test_offsets_on_the_whole_bundled_corpus() -> None:
    corpus = corpus_of(*sorted(CORPUS_DIR.glob("*.txt")))
    sents = sentences(corpus)
    toks = tokens(corpus)
    assert_invariants(corpus, sents, toks)
    assert set(sents["doc_id"]) == set(corpus["doc_id"])
    pd.testing.assert_frame_equal(toks, tokens(sents))


def _nltk_words(text: str) -> list[str]:
    from nltk.tokenize.destructive import NLTKWordTokenizer

    return NLTKWordTokenizer().tokenize(text)


def test_stdlib_word_tokenizer_equals_nltk_on_every_corpus_sentence(corpus: pd.DataFrame) -> None:
    texts = sentences(corpus)["text"].tolist()
    assert len(texts) > 500
    differ = [t for t in texts if _word_tokenize(t) != _nltk_words(t)]
    assert differ == []


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=_texts)
def test_stdlib_word_tokenizer_equals_nltk_on_arbitrary_text(text: str) -> None:
    assert _word_tokenize(text) == _nltk_words(text)


# --------------------------------------------------------------------------- news abbreviations

MONTHS = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]


@pytest.mark.parametrize(
    "text",
    [
        "Gen. Qassem Soleimani was killed in Baghdad.",
        "U.S. forces struck the convoy.",
        "The talks ended on Sept. 18 in Geneva.",
        "The strike came at 1 a.m. local time on Friday.",
        "He spoke at 3 p.m. on Friday.",
        "Mr. Trump announced the strike.",
        "Lt. Col. Jane Doe briefed reporters.",
        "Rep. Pelosi criticized the strike.",
        "Sen. Schumer asked for a briefing.",
        "Gov. Newsom spoke to reporters.",
        "Dr. Fauci was not involved.",
        "They prayed at St. Peter's church.",
        "The U.N. Security Council met on Monday.",
        "The U.K. government urged calm.",
        "He is the No. 2 official in Tehran.",
        "Gen. Qassem Soleimani, center, attends a meeting.",
        "At 10 a.m. Friday the U.S. Gen. Mark Milley spoke.",
    ]
    + [f"It happened on {m}. 3 in Iraq." for m in MONTHS],
)
def test_news_abbreviations_do_not_end_sentences(text: str) -> None:
    assert sentence_texts(text) == [text]


def test_news_paragraph_gives_exactly_three_sentences() -> None:
    text = ("Gen. Qassem Soleimani was killed. U.S. forces said so on Sept. 18 at 3 a.m. "
            "Mr. Trump spoke.")
    assert sentence_texts(text) == [
        "Gen. Qassem Soleimani was killed.",
        "U.S. forces said so on Sept. 18 at 3 a.m.",
        "Mr. Trump spoke.",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He lives on Main St. The house is big.", ["He lives on Main St.", "The house is big."]),
        ("The answer was no. Everyone agreed.", ["The answer was no.", "Everyone agreed."]),
        ("They met at 5 p.m. The talks failed.", ["They met at 5 p.m.", "The talks failed."]),
        ("He flew to the U.S. It was late.", ["He flew to the U.S.", "It was late."]),
        ("Distr.: General", ["Distr.: General"]),
    ],
)
def test_abbreviations_still_end_sentences_when_they_should(text: str, expected: list[str]) -> None:
    assert sentence_texts(text) == expected


def test_cached_punkt_parameters_are_not_modified() -> None:
    cached = resources.punkt_parameters("english")
    abbrevs, ortho = set(cached.abbrev_types), dict(cached.ortho_context)
    sentences(one("Gov. Newsom and Sen. Zyxwv met at 3 a.m. Mr. Qwerty spoke. Xyzzy went home."))
    assert "gov" not in cached.abbrev_types
    assert set(cached.abbrev_types) == abbrevs
    assert dict(cached.ortho_context) == ortho


# --------------------------------------------------------------------------- quotes, paragraphs

@pytest.mark.parametrize("open_, close", [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")])
def test_closing_quote_stays_with_its_sentence(open_: str, close: str) -> None:
    text = f"{open_}It was good.{close} He left."
    assert sentence_texts(text) == [f"{open_}It was good.{close}", "He left."]


def test_quoted_question_followed_by_lower_case_continues() -> None:
    assert sentence_texts("“Why now?” he asked. Then he left.") == [
        "“Why now?” he asked.",
        "Then he left.",
    ]


def test_paragraph_breaks_end_sentences() -> None:
    text = "US kills general in airstrike\n\nLeader of the force killed at airport\nA caption line"
    assert sentence_texts(text) == [
        "US kills general in airstrike",
        "Leader of the force killed at airport",
        "A caption line",
    ]


def test_hard_wrapped_lines_are_joined() -> None:
    path = CORPUS_DIR / "uscongress-senate_2020-01-06_schumer-iran-floor-remarks.txt"
    sents = sentences(corpus_of(path))["text"]
    wrapped = [s for s in sents if s.startswith("Mr. President, it has been 4 days")]
    assert len(wrapped) == 1
    assert "Qasem \nSoleimani" in wrapped[0]
    assert "President Trump had promised to keep the United States out of endless \nwars in the Middle East." in set(sents)


# --------------------------------------------------------------------------- the seed article

@pytest.fixture(scope="module")
def seed_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Corpus, sentences and tokens of the seed article as stored (headline, standfirst
    and captions included, which the loader moves out of ``text``)."""
    corpus = corpus_of(SEED)
    return corpus, sentences(corpus), tokens(corpus)


def test_seed_headline_and_standfirst_are_their_own_sentences(seed_tables) -> None:
    _, sents, _ = seed_tables
    texts = sents["text"].tolist()
    assert texts[0] == "US kills powerful Iranian general Qassem Soleimani in Baghdad airstrike"
    assert texts[1].startswith("Leader of IRGC’s elite Quds force")
    assert texts[1].endswith("head of Iran-backed militia also slain")
    assert (sents["language"] == "en").all()


def test_seed_caption_is_not_split_at_gen(seed_tables) -> None:
    _, sents, _ = seed_tables
    texts = sents["text"].tolist()
    assert not any(t.endswith("Gen.") for t in texts)
    caption = [t for t in texts if "Gen. Qassem Soleimani, center, attends a meeting" in t]
    assert len(caption) == 2  # the caption appears twice in the article
    assert all(t.startswith("Iranian Revolutionary Guard Corps' Quds Force commander") for t in caption)


def test_seed_iran_possessive_tokens(seed_tables) -> None:
    corpus, _, toks = seed_tables
    text = corpus["text"].iloc[0]
    words = toks["token"].tolist()
    pairs = [i for i in range(len(words) - 1) if words[i] == "Iran" and words[i + 1] == "’s"]
    assert pairs, "Iran’s should give the tokens 'Iran' and '’s'"
    for i in pairs:
        first, second = toks.iloc[i], toks.iloc[i + 1]
        assert first["end"] == second["start"]
        assert text[first["start"]:second["end"]] == "Iran’s"
    assert "Iran’s" not in words


def test_seed_stopwords(seed_tables) -> None:
    _, _, toks = seed_tables
    by_lower = toks.groupby("lower")["is_stop"].agg(set)
    assert by_lower["the"] == {True}
    assert by_lower["not"] == {False}
    assert by_lower["said"] == {False}
    assert toks.loc[toks["token"] == ",", "is_punct"].all()
    assert not toks.loc[toks["token"] == "Soleimani", "is_punct"].any()


def test_tokens_are_surface_strings_not_treebank_quotes(seed_tables) -> None:
    _, _, toks = seed_tables
    assert "“" in set(toks["token"]) and "”" in set(toks["token"])
    text = 'He said "no" and \'\'maybe\'\' today.'
    assert tokens(one(text))["token"].tolist() == [
        "He", "said", '"', "no", '"', "and", "''", "maybe", "''", "today", ".",
    ]
    assert tokens(one("It can’t be."))["token"].tolist() == ["It", "ca", "n’t", "be", "."]


# --------------------------------------------------------------------------- other languages

def test_russian_document_uses_the_russian_model() -> None:
    corpus = corpus_of(RUSSIAN)
    assert corpus["language"].iloc[0] == "ru"
    sents = sentences(corpus)
    assert (sents["language"] == "ru").all()
    texts = sents["text"].tolist()
    assert texts[0] == "Телефонный разговор с Президентом Франции Эммануэлем Макроном"
    assert "Констатировано, что эта акция может серьёзнообострить ситуацию в регионе." in texts
    assert "Продолжен обмен мнениями по Сирии." in texts
    assert len(texts) == 5
    toks = tokens(corpus)
    assert not toks["is_stop"].any()
    assert ["«", "Кодс", "»"] == toks["token"].tolist()[26:29]
    assert_invariants(corpus, sents, toks)


def test_language_selects_the_punkt_model() -> None:
    text = "Памятник им. Пушкина открыли в Москве. Проф. Иванов выступил."
    assert sentence_texts(text, "ru") == ["Памятник им. Пушкина открыли в Москве.", "Проф. Иванов выступил."]
    assert len(sentence_texts(text, "en")) > 2
    assert punkt_language("ru") == "russian"
    assert punkt_language("pt-BR") == "portuguese"
    assert punkt_language(float("nan")) == "english"
    assert punkt_language("fa") is None


def test_missing_language_means_english() -> None:
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["The end.", "The end."],
                           "language": ["en", np.nan]})
    assert sentences(corpus)["language"].tolist() == ["en", "en"]
    assert tokens(corpus)["is_stop"].tolist() == [True, False, False] * 2
    no_column = corpus[["doc_id", "text"]]
    assert sentences(no_column)["language"].tolist() == ["en", "en"]


def test_language_without_a_model_falls_back_to_english_with_a_warning() -> None:
    with pytest.warns(LanguageFallbackWarning, match="fa"):
        sents = sentences(one("سلام. Hello there. Bye.", "fa"))
    assert sents["text"].tolist() == ["سلام.", "Hello there.", "Bye."]
    assert (sents["language"] == "fa").all()
    with pytest.warns(LanguageFallbackWarning):
        toks = tokens(one("The end.", "fa"))
    assert not toks["is_stop"].any()


# --------------------------------------------------------------------------- edge cases

@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_gives_no_rows(text: str) -> None:
    sents = sentences(one(text))
    toks = tokens(one(text))
    assert sents.empty and tuple(sents.columns) == SENTENCE_COLUMNS
    assert toks.empty and tuple(toks.columns) == TOKEN_COLUMNS


def test_empty_corpus_gives_typed_empty_tables() -> None:
    corpus = pd.DataFrame({"doc_id": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)})
    sents, toks = sentences(corpus), tokens(corpus)
    assert sents.empty and toks.empty
    assert sents["start"].dtype == np.int64 and toks["is_stop"].dtype == bool


def test_one_word_document() -> None:
    sents = sentences(one("Hello"))
    toks = tokens(one("Hello"))
    assert sents[["sent_id", "start", "end", "text"]].values.tolist() == [[0, 0, 5, "Hello"]]
    assert toks[["sent_id", "token_id", "start", "end", "token"]].values.tolist() == [
        [0, 0, 0, 5, "Hello"]
    ]


def test_very_long_sentence() -> None:
    text = " ".join(f"word{i}" for i in range(4999)) + "."
    sents = sentences(one(text))
    toks = tokens(one(text))
    assert len(sents) == 1 and sents["end"].iloc[0] == len(text)
    assert len(toks) == 5000
    assert toks["token"].iloc[-1] == "." and toks["start"].iloc[-1] == len(text) - 1
    assert toks["token_id"].tolist() == list(range(5000))


def test_token_ids_restart_per_document_and_doc_id_dtype_is_kept() -> None:
    corpus = pd.DataFrame({"doc_id": [7, 8], "text": ["One two. Three.", "Four five."]})
    toks = tokens(corpus)
    assert toks["doc_id"].tolist() == [7, 7, 7, 7, 7, 8, 8, 8]
    assert toks["doc_id"].dtype == corpus["doc_id"].dtype
    assert toks["token_id"].tolist() == [0, 1, 2, 3, 4, 0, 1, 2]
    assert toks["sent_id"].tolist() == [0, 0, 0, 1, 1, 0, 0, 0]


def test_text_col_and_missing_columns() -> None:
    corpus = pd.DataFrame({"doc_id": ["a"], "body": ["It rained. It stopped."]})
    assert len(sentences(corpus, text_col="body")) == 2
    assert len(tokens(corpus, text_col="body")) == 6
    with pytest.raises(KeyError, match="text"):
        sentences(corpus)


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    corpus = corpus_of(SEED, RUSSIAN)
    quiet = tokens(corpus)
    shown = tokens(corpus, progress=True)
    pd.testing.assert_frame_equal(quiet, shown)
    sentences(corpus, progress=True)
    err = capsys.readouterr().err
    assert "tokens" in err and "sentences" in err and "2/2" in err


# --------------------------------------------------------------------------- dask

@pytest.mark.dask
def test_dask_partitions_match_pandas() -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    corpus = corpus_of(*sorted(CORPUS_DIR.glob("*.txt"))[:12])
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, dashboard_address=":0", processes=True
    ) as cluster, distributed.Client(cluster):
        dcorpus = dd.from_pandas(corpus, npartitions=3)
        dsents = sentences(dcorpus)
        dtoks = tokens(dcorpus)
        dtoks_from_sents = tokens(dsents)
        assert list(dsents.columns) == list(SENTENCE_COLUMNS)
        assert list(dtoks.columns) == list(TOKEN_COLUMNS)
        got = [x.reset_index(drop=True) for x in dd.compute(dsents, dtoks, dtoks_from_sents)]
        local = dcorpus.compute()  # same values and dtypes as the partitions see
    pd.testing.assert_frame_equal(got[0], sentences(local))
    pd.testing.assert_frame_equal(got[1], tokens(local))
    pd.testing.assert_frame_equal(got[2], tokens(local))
    # and the same values as the plain pandas corpus (dask may store doc_id as string[pyarrow])
    pd.testing.assert_frame_equal(got[0], sentences(corpus), check_dtype=False)
    pd.testing.assert_frame_equal(got[1], tokens(corpus), check_dtype=False)
