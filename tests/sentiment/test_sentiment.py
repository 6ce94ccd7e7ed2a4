"""VADER sentiment: equal to the authors' reference, explained, per document, toward a target, dask."""
from __future__ import annotations

import math
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import resources
from toolkit.sentiment import vader_tokens as S
from toolkit.sentiment import (
    document_sentiment,
    sentiment,
    sentiment_evidence,
    target_sentences,
    target_sentiment,
    vader_scores,
)

CORPUS_DIR = resources.corpus_dir()
SEED = CORPUS_DIR / "000_22b6830e9619a82a.txt"
KEYS = ("neg", "neu", "pos", "compound")
_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n+")
_ABBREV = re.compile(r"(?:^|\s)(?:Gen|Lt|Col|Maj|Sgt|Adm|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof|St|U\.S)\.$")


@pytest.fixture(scope="module")
def reference():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines[0].strip() == "---":
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        text = "\n".join(lines[end + 1:])
    return text


def split_sentences(text: str) -> list[str]:
    """A simple splitter (regex, then re-join after a few news abbreviations such as "Gen.")."""
    out: list[str] = []
    for s in (s.strip() for s in _SPLIT.split(text)):
        if not s:
            continue
        if out and _ABBREV.search(out[-1]):
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
    return out


def assert_matches_reference(texts: list[str], reference, got: pd.DataFrame | None = None) -> None:
    """Every text: all four numbers equal the reference's to 1e-9 (and we say which differ)."""
    if got is None:
        got = pd.DataFrame(dict(zip(KEYS, vader_scores(texts))))
    bad = []
    for i, t in enumerate(texts):
        exp = reference.polarity_scores(t)
        if any(abs(got[k].iloc[i] - exp[k]) > 1e-9 for k in KEYS):
            bad.append((t, {k: got[k].iloc[i] for k in KEYS}, exp))
    assert not bad, f"{len(bad)} differ, e.g. {bad[:3]}"


# --------------------------------------------------------------------------------------
# exactness
# --------------------------------------------------------------------------------------

def test_every_corpus_sentence_and_paragraph_matches_reference(reference):
    texts = []
    for path in sorted(CORPUS_DIR.glob("*.txt")):
        text = body(path)
        texts += split_sentences(text)
        texts += [p for p in text.split("\n\n") if p.strip()]
        texts.append(text)
    assert len(texts) > 1000
    df = pd.DataFrame({"doc_id": "x", "sent_id": range(len(texts)), "text": texts})
    assert_matches_reference(texts, reference, sentiment(df, evidence=False))


def test_vader_nyt_editorial_snippets_match_reference(reference, shared_eval):
    texts = []
    for line in (shared_eval / "nytEditorialSnippets_GroundTruth.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            texts.append(parts[2])
    assert len(texts) == 5190
    assert_matches_reference(texts, reference)


RULE_CASES = [
    # negation
    "not good", "isn't good", "It isn't good at all.", "never so good", "never this good",
    "Sentiment analysis has never been good.", "Sentiment analysis has never been this good!",
    "without doubt good", "Without a doubt, excellent idea.", "nothing good came of it",
    "I don't think it is very good", "it is not that bad", "uh-uh, bad", "ain't great",
    # but
    "good but bad", "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Good, BUT bad", "great but good but bad", "fav but bffn", "fav bffn but jhomf", "lyb fav but bffn ftw",
    # boosters and dampeners
    "very good", "very very good", "extremely bad", "kind of good", "The book was only kind of good.",
    "sort of good", "kinda bad", "sort of not good at all", "just enough good", "hardly good",
    "it was kind", "kind", "so good", "so so good",
    # ALL CAPS
    "GOOD", "GOOD day", "VERY GOOD day", "VERY good", "good DAY", "NOT GOOD day",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", "Today SUX!",
    # punctuation
    "good!", "good!!!", "good!!!!!!", "bad!!", "good?", "good??", "good???", "good??????", "?!?!?!",
    "good!?", "no!!!",
    # idioms and special cases
    "kiss of death", "that was the kiss of death for them", "it is the bomb", "that is the bomb",
    "yeah right", "oh yeah right", "he can cut the mustard", "what a bad ass dude", "he is a badass",
    "wait at the bus stop", "this food is to die for", "a beating heart", "this is the shit",
    "in the red", "it was kind of the bomb",
    # least
    "least good", "at least good", "very least good", "the least good idea", "at least it isn't a horrible book.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    # no
    "no good", "no", "no no", "no way", "no problem", "no good or bad", "no fun nor joy", "NO good day",
    "there is no doubt", "no, it is good", "no no good",
    # emoji and emoticons
    "😀", "💔 broke", "I 💔 you", "good😀bad", "Catch utf-8 emoji such as 💘 and 💋 and 😁", "©2020 bad",
    ":)", ":-(", ":D", "Make sure you :) or :D today!", "(: great", "<3", "</3",
    # contractions, quotes, unicode
    "I'm happy", "It's not bad", "don't worry", "“Good” news", "‘bad’ news", "the attack—terrible—was condemned",
    "He said: “this is a disaster.”", "naïve hope", "Это хорошо", "良い", "İyi GOOD",
    # whitespace and degenerate inputs
    "", " ", "   \t\n ", ".", "...", "!!!", "???", "a", "I", "ok", "good\u00a0day", "good\u3000bad",
    "good\x1cbad", "bad\u2009!!",
    # long
    " ".join(["good", "not", "bad", "very", "BAD", "but", "kind", "of", "great", "no", "!"] * 60),
]


def test_rule_cases_match_reference(reference):
    assert_matches_reference(RULE_CASES, reference)
    # one at a time too: nothing leaks between neighbouring sentences of a batch
    for t in RULE_CASES[:40]:
        assert_matches_reference([t], reference)


def test_pure_python_path_matches_arrow_path(reference, monkeypatch):
    fast = pd.DataFrame(dict(zip(KEYS, vader_scores(RULE_CASES))))
    monkeypatch.setattr(S, "_arrow", lambda: None)
    slow = pd.DataFrame(dict(zip(KEYS, vader_scores(RULE_CASES))))
    pd.testing.assert_frame_equal(fast, slow)
    assert_matches_reference(RULE_CASES, reference, slow)


def test_tables_equal_the_references(reference):
    tables = S._tables()
    assert tables.lexicon == reference.lexicon
    assert tables.emojis == reference.emojis


def test_exotic_whitespace_list_is_complete():
    expected = "".join(c for c in map(chr, range(0x110000)) if c.isspace() and c not in " \t\n\v\f\r")
    assert S._EXOTIC_SPACE == expected


_WORDS = ["good", "bad", "great", "terrible", "love", "hate", "war", "peace", "kill", "doubt", "kind",
          "fun", "like", "yeah", "death", "kiss", "shit", "bomb", "heart", "die", "stop", "right",
          "no", "not", "isn't", "never", "without", "nor", "or", "least", "at", "but", "of", "so",
          "this", "the", "to", "for", "very", "kinda", "sort", "just", "enough", "extremely",
          "hardly", "barely", "most", "bus", "beating", "ass", "a", "he", "said", "Iran", "U.S.",
          ":)", ":(", ":D", "😀", "💔", "!", "?", "...", "“", "”", "’s"]
_token = st.tuples(st.sampled_from(_WORDS), st.sampled_from(["", "!", "?", ",", ".", "!!", "'", "’"]),
                   st.booleans()).map(lambda t: (t[0].upper() if t[2] else t[0]) + t[1])
_sentence = st.tuples(st.lists(_token, max_size=14),
                      st.sampled_from([" ", " ", "  ", "\t", "\n", "\u00a0"])).map(lambda t: t[1].join(t[0]))


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_sentence, min_size=1, max_size=25))
def test_random_sentences_match_reference(reference, texts):
    assert_matches_reference(texts, reference)


def test_seeded_random_batch_over_the_whole_lexicon_matches_reference(reference):
    """5,000 random sentences from every lexicon word, booster, negation, emoji and mark."""
    import random

    from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE

    rng = random.Random(2020)
    pools = [sorted(reference.lexicon), sorted(BOOSTER_DICT), list(NEGATE), _WORDS,
             sorted(reference.emojis)[:400], ["!", "?", "!!", "???", "...", ",", "'", "“", "”", ":)"]]
    weights = [30, 15, 10, 25, 5, 15]

    def word() -> str:
        w = rng.choice(rng.choices(pools, weights)[0])
        if rng.random() < 0.15:
            w = w.upper()
        if rng.random() < 0.2:
            w += rng.choice(["!", "?", ",", ".", "'", "”"])
        return w

    seps = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "\x1c"]
    texts = []
    for _ in range(5000):
        ws = [word() for _ in range(rng.randint(0, 16))]
        texts.append(rng.choice(seps).join(ws) if rng.random() > 0.05 else "".join(ws))
    assert_matches_reference(texts, reference)


# --------------------------------------------------------------------------------------
# the table API
# --------------------------------------------------------------------------------------

def table(texts, **extra) -> pd.DataFrame:
    df = pd.DataFrame({"doc_id": "d", "sent_id": range(len(texts)), "start": 0, "end": 0, "text": texts})
    for k, v in extra.items():
        df[k] = v
    return df


def test_sentiment_adds_columns_keeps_others_and_does_not_mutate():
    df = table(["The strike was not a good idea.", "What a great day!"], outlet="ToI")
    before = df.copy()
    out = sentiment(df)
    pd.testing.assert_frame_equal(df, before)
    assert list(out.columns) == list(df.columns) + ["neg", "neu", "pos", "compound", "evidence", "note"]
    assert (out["outlet"] == "ToI").all()
    assert out["compound"].tolist() == [-0.4416, 0.6588]
    assert out["evidence"].iloc[0] == "strike −0.5; good +1.9 → −1.41 (negated by 'not')"
    assert out["evidence"].iloc[1] == "great +3.1; punctuation '!'×1 +0.292"
    assert out["note"].isna().all()
    assert "evidence" not in sentiment(df, evidence=False).columns


def test_custom_text_column_and_index_are_respected():
    df = pd.DataFrame({"body": ["good", "bad"]}, index=[10, 3])
    out = sentiment(df, text_col="body")
    assert out.index.tolist() == [10, 3]
    assert out.loc[10, "compound"] > 0 > out.loc[3, "compound"]
    with pytest.raises(KeyError):
        sentiment(df)


def test_empty_and_missing_text_give_reference_zeros(reference):
    out = sentiment(table(["", None, "   "]))
    assert reference.polarity_scores("") == {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    assert out[list(KEYS)].to_numpy().tolist() == [[0.0] * 4] * 3
    assert out["evidence"].tolist() == ["", "", ""]


def test_non_english_rows_are_skipped_with_note_and_one_warning():
    df = table(["A good day.", "Это хороший день.", "Un bon jour.", "Bad news."],
               language=["en", "ru", "fr", "en-GB"])
    with pytest.warns(UserWarning, match=r"skipped 2 of 4 .*ru: 1.*VADER is English-only") as rec:
        out = sentiment(df)
    assert len([w for w in rec if "skipped" in str(w.message)]) == 1
    assert len(out) == 4
    assert out.loc[[1, 2], list(KEYS)].isna().all().all()
    assert out.loc[[0, 3], list(KEYS)].notna().all().all()
    assert out.loc[1, "note"] == "skipped: language 'ru' (VADER is English-only)"
    assert out.loc[2, "note"] == "skipped: language 'fr' (VADER is English-only)"
    assert out.loc[[0, 3], "note"].isna().all()
    assert pd.isna(out.loc[1, "evidence"])


def test_missing_language_column_or_value_means_english():
    assert sentiment(table(["good"]))["compound"].iloc[0] > 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = sentiment(table(["good", "bad"], language=[None, "en"]))
    assert out["compound"].notna().all()


def test_nltk_differs_from_reference_on_a_seed_sentence():
    seed = SEED.read_text(encoding="utf-8")
    clause = "there’s no doubt the infrastructure he built presents a serious challenge for Israel"
    full = ("He knows very well that his assassination is not impossible. His actions are identified "
            "and felt everywhere… there’s no doubt the infrastructure he built presents a serious "
            "challenge for Israel,")
    assert full in seed
    df = table([clause, full])
    ours = sentiment(df, evidence=False)
    nltk = sentiment(df, method="nltk")
    assert ours.loc[0, "compound"] == pytest.approx(0.2755)
    assert nltk.loc[0, "compound"] == pytest.approx(-0.5719)
    assert np.sign(ours.loc[0, "compound"]) != np.sign(nltk.loc[0, "compound"])
    # the full sentence: NLTK is far more negative than the reference
    assert nltk.loc[1, "compound"] < ours.loc[1, "compound"] - 0.5
    assert nltk["evidence"].isna().all()
    with pytest.raises(ValueError):
        sentiment(df, method="textblob")


def test_progress_bar_is_shown(capsys):
    sentiment(table(["good"] * 30), progress=True)
    assert "VADER" in capsys.readouterr().err


# --------------------------------------------------------------------------------------
# evidence
# --------------------------------------------------------------------------------------

def test_evidence_for_a_negated_sentence():
    ev = sentiment_evidence(table(["The strike was not a good idea."]))
    good = ev[ev["word"] == "good"].iloc[0]
    assert good["lexicon_valence"] == 1.9
    assert good["valence"] == pytest.approx(1.9 * -0.74)
    assert good["valence"] < 0
    assert "negated by 'not'" in good["rules"]
    assert good["position"] == 5
    assert set(ev.columns) >= {"doc_id", "sent_id", "word", "position", "lexicon_valence", "valence", "rules"}


def test_evidence_sums_to_the_compound():
    texts = ["He is not a very good man, but a GREAT cook!!", "VADER is VERY SMART, uber handsome!!!",
             "At least it isn't a horrible book.", "That was the kiss of death??", "No good."]
    scored = sentiment(table(texts))
    ev = sentiment_evidence(table(texts))
    for sid, group in ev.groupby("sent_id"):
        x = group["valence"].sum()
        expected = round(max(-1.0, min(1.0, x / math.sqrt(x * x + 15))), 4)
        assert expected == pytest.approx(scored.loc[sid, "compound"], abs=1e-4)
    rules = ev.set_index(["sent_id", "word"], drop=False)["rules"]
    assert "before 'but' ×0.5" in rules[(0, "good")]
    assert "booster 'very' +0.293" in rules[(0, "good")]
    assert "after 'but' ×1.5" in rules[(0, "GREAT")] and "ALLCAPS +0.733" in rules[(0, "GREAT")]
    assert "booster 'VERY' +1.026 incl. ALLCAPS" in rules[(1, "SMART")]
    assert "booster 'uber' +0.293" in rules[(1, "handsome")]
    assert "idiom 'kiss of death' = −1.5" in rules[(3, "death")]
    assert "negated by 'isn't'" in rules[(2, "horrible")]
    assert "'no' before a lexicon word → 0" in rules[(4, "No")]
    assert "after 'no' ×−0.74" in rules[(4, "good")]
    punct = ev[ev["word"].isna()]
    assert punct["rules"].tolist() == ["punctuation '!'×2 +0.584", "punctuation '!'×3 +0.876",
                                       "punctuation '?'×2 −0.360"]
    assert punct["position"].isna().all()


def test_evidence_skips_non_english():
    with pytest.warns(UserWarning, match="skipped 1 of 2"):
        ev = sentiment_evidence(table(["good", "хорошо good"], language=["en", "ru"]))
    assert ev["sent_id"].tolist() == [0]


# --------------------------------------------------------------------------------------
# documents and targets
# --------------------------------------------------------------------------------------

def test_document_sentiment_thresholds_and_skips():
    scored = pd.DataFrame({
        "doc_id": ["a"] * 5 + ["b"] * 2,
        "compound": [0.05, -0.05, 0.0499, -0.0499, 0.9, np.nan, -0.2],
    })
    out = document_sentiment(scored).set_index("doc_id")
    assert out.loc["a", "n_sentences"] == 5 and out.loc["a", "n_skipped"] == 0
    assert out.loc["a", "share_positive"] == pytest.approx(2 / 5)   # 0.05 and 0.9
    assert out.loc["a", "share_negative"] == pytest.approx(1 / 5)   # -0.05
    assert out.loc["a", "share_neutral"] == pytest.approx(2 / 5)
    assert out.loc["a", "mean_compound"] == pytest.approx(np.mean([0.05, -0.05, 0.0499, -0.0499, 0.9]))
    assert out.loc["b", "n_sentences"] == 1 and out.loc["b", "n_skipped"] == 1
    assert out.loc["b", "mean_compound"] == pytest.approx(-0.2)
    strict = document_sentiment(scored, pos_threshold=0.5, neg_threshold=-0.5).set_index("doc_id")
    assert strict.loc["a", "share_positive"] == pytest.approx(1 / 5)
    with pytest.raises(ValueError):
        document_sentiment(scored, pos_threshold=-0.1, neg_threshold=0.1)


ALIASES = ["Soleimani", "Suleimani", "Qassem", "Quds Force commander"]


@pytest.fixture(scope="module")
def seed_scored() -> pd.DataFrame:
    text = SEED.read_text(encoding="utf-8")
    sents = split_sentences(text)
    df = pd.DataFrame({"doc_id": SEED.stem, "sent_id": range(len(sents)), "text": sents,
                       "language": "en", "outlet": "The Times of Israel"})
    return sentiment(df)


def test_target_sentiment_finds_the_soleimani_sentences_and_only_those(seed_scored):
    mentions = re.compile(r"\b(soleimani|suleimani|qassem|quds\s+force\s+commander)\b", re.I)
    expected = [i for i, t in enumerate(seed_scored["text"]) if mentions.search(t)]
    assert len(expected) >= 20
    summary, hits = target_sentiment(seed_scored, "Soleimani", ALIASES, return_sentences=True)
    assert hits["sent_id"].tolist() == expected
    assert any("Soleimani’s" in t for t in hits["text"])
    assert any(t.startswith("Qassem Soleimani, the powerful head") for t in hits["text"])
    row = hits[hits["text"].str.startswith("Iranian Revolutionary Guard Corps' Quds Force commander")].iloc[0]
    assert row["matched_alias"] == "Quds Force commander; Qassem; Soleimani"
    assert summary["n_sentences"].tolist() == [len(expected)]
    assert summary["n_mentions"].iloc[0] == sum(len(mentions.findall(t)) for t in hits["text"])
    assert summary["mean_compound"].iloc[0] == pytest.approx(hits["compound"].mean())
    assert summary["target"].tolist() == ["Soleimani"]


def test_target_sentiment_by_outlet_keeps_groups_without_mentions(seed_scored):
    other = pd.DataFrame({"doc_id": "x", "sent_id": [0, 1], "text": ["Markets rose.", "Oil fell."],
                          "language": "en", "outlet": "Other"})
    scored = pd.concat([seed_scored, sentiment(other)], ignore_index=True)
    out = target_sentiment(scored, "Soleimani", ALIASES, by="outlet").set_index("outlet")
    assert out.loc["Other", "n_sentences"] == 0 and np.isnan(out.loc["Other", "mean_compound"])
    assert out.loc["The Times of Israel", "n_sentences"] > 20


def test_target_window_scores_only_words_around_the_mention():
    df = sentiment(table(["Terrible weather today, but Soleimani’s funeral was peaceful and calm.",
                          "Nobody mentioned him."]))
    hits = target_sentences(df, "Soleimani", window=2)
    assert hits["window_text"].tolist() == ["today, but Soleimani’s funeral was"]
    assert hits["target_compound"].iloc[0] == vader_scores(["today, but Soleimani’s funeral was"])[3][0]
    assert hits["compound"].iloc[0] != hits["target_compound"].iloc[0]
    two = target_sentences(table(["Qassem was here and Soleimani left happily"]), "Soleimani", ["Qassem"],
                           window=1)
    assert two["window_text"].iloc[0] == "Qassem was … and Soleimani left"
    assert two["n_mentions"].iloc[0] == 2
    multi = target_sentences(table(["The Quds  Force\ncommander smiled."]), "x", ["Quds Force commander"],
                             window=0)
    assert multi["window_text"].iloc[0] == "Quds Force commander"


def test_target_matching_is_word_bounded_and_apostrophe_tolerant():
    df = table(["Soleimanix is not him.", "SOLEIMANI spoke.", "Iran’s move", "Iran's move", "Irani"])
    hits = target_sentences(df, "Soleimani", ["Iran's"])
    assert hits["sent_id"].tolist() == [1, 2, 3]


# --------------------------------------------------------------------------------------
# dask
# --------------------------------------------------------------------------------------

@pytest.mark.dask
def test_dask_partitions_equal_pandas():
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    texts = RULE_CASES[:60] + ["Это хорошо", None]
    df = table(texts, language=["en"] * 60 + ["ru", "en"], outlet="o")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = sentiment(df)
        expected_ev = sentiment_evidence(df)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster):
        ddf = dd.from_pandas(df, npartitions=4)
        lazy = sentiment(ddf)
        assert list(lazy.columns) == list(expected.columns)
        got = lazy.compute()
        got_ev = sentiment_evidence(ddf).compute()
        docs = document_sentiment(lazy).compute()
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True),
                                  check_dtype=False)
    pd.testing.assert_frame_equal(got_ev.reset_index(drop=True), expected_ev.reset_index(drop=True),
                                  check_dtype=False)
    assert docs["n_skipped"].tolist() == [1] and docs["n_sentences"].tolist() == [61]
