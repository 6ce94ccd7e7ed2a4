"""Keyness, grouped means with bootstrap intervals, and the corpus summary."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit import resources


def toy_tokens() -> pd.DataFrame:
    # quanteda's own test case: d1 = "b b b b b b b a a a", d2 = "a a a a a a a b b"
    words = ["b"] * 7 + ["a"] * 3 + ["a"] * 7 + ["b"] * 2
    return pd.DataFrame({"lower": words, "doc": ["d1"] * 10 + ["d2"] * 9})


def hand_2x2(a: float, b: float, c: float, d: float) -> dict[str, float]:
    """Textbook formulas for one word: a/b = its count in target/reference, c/d = the other tokens."""
    n = a + b + c + d
    e = [(a + b) * (a + c) / n, (a + b) * (b + d) / n, (c + d) * (a + c) / n, (c + d) * (b + d) / n]
    o = [a, b, c, d]
    chi2 = sum((oi - ei) ** 2 / ei for oi, ei in zip(o, e))
    chi2_yates = n * (abs(a * d - b * c) - n / 2) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    g2 = 2 * sum(oi * math.log(oi / ei) for oi, ei in zip(o, e) if oi > 0)
    return {"chi2": chi2, "chi2_yates": chi2_yates, "G2": g2}


def test_keyness_matches_hand_computed_2x2():
    toks = toy_tokens()
    plain = toolkit.keyness(toks, by="doc", target="d1", min_count=1, correction="none").set_index("feature")
    yates = toolkit.keyness(toks, by="doc", target="d1", min_count=1).set_index("feature")
    # word "b": 7 of d1's 10 tokens, 2 of d2's 9
    hand = hand_2x2(7, 2, 3, 7)
    assert plain.loc["b", "chi2"] == pytest.approx(hand["chi2"])
    assert plain.loc["b", "G2"] == pytest.approx(hand["G2"])
    assert yates.loc["b", "chi2"] == pytest.approx(hand["chi2_yates"])
    assert yates.loc["b", "chi2"] == pytest.approx(19 * (abs(7 * 7 - 2 * 3) - 9.5) ** 2 / (9 * 10 * 10 * 9))  # 2.632438
    # signed: "a" is under-used in d1, "b" over-used
    assert plain.loc["a", "chi2"] == pytest.approx(-hand["chi2"]) and plain.loc["a", "G2"] < 0
    assert plain.loc["b", "log_ratio"] == pytest.approx(math.log2((7 / 10) / (2 / 9)))
    assert plain.loc["b", "p"] == pytest.approx(math.erfc(math.sqrt(hand["chi2"] / 2)))
    assert yates.index.tolist() == ["b", "a"]


def test_keyness_williams_correction():
    g2 = toolkit.keyness(toy_tokens(), by="doc", target="d1", min_count=1).set_index("feature").loc["b", "G2"]
    a, b, c, d = 7, 2, 3, 7
    n = a + b + c + d
    q = 1 + (n * (1 / (a + b) + 1 / (c + d)) - 1) * (n * (1 / (a + c) + 1 / (b + d)) - 1) / (6 * n)
    assert g2 == pytest.approx(hand_2x2(a, b, c, d)["G2"] / q)


def test_keyness_min_count_and_bad_target():
    toks = toy_tokens()
    assert toolkit.keyness(toks, by="doc", target="d1", min_count=10).feature.tolist() == ["a"]
    with pytest.raises(ValueError, match="not a value of column 'doc'"):
        toolkit.keyness(toks, by="doc", target="d9")
    with pytest.raises(KeyError, match="no column 'outlet'"):
        toolkit.keyness(toks, by="outlet", target="x")


def test_compare_bootstrap_is_seeded_and_sensible():
    rng = np.random.default_rng(1)
    df = pd.DataFrame({"g": ["a"] * 200 + ["b"] * 200,
                       "v": np.r_[rng.normal(0, 1, 200), rng.normal(1, 1, 200)]})
    first = toolkit.compare(df, by="g", value="v")
    again = toolkit.compare(df, by="g", value="v")
    pd.testing.assert_frame_equal(first, again)
    a = first.set_index("g").loc["a"]
    assert a.ci_low < a["mean"] < a.ci_high
    # the interval of a mean of 200 N(0,1) draws is about ±1.96/√200 ≈ ±0.14
    assert 0.2 < a.ci_high - a.ci_low < 0.35
    assert toolkit.compare(df, by="g", value="v", seed=2).ci_low.tolist() != first.ci_low.tolist()


def test_compare_cluster_bootstrap_resamples_documents():
    # two documents per group; all sentences of a document share one value
    df = pd.DataFrame({"g": ["a"] * 6, "doc_id": ["x"] * 3 + ["y"] * 3, "v": [0.0] * 3 + [1.0] * 3})
    row = toolkit.compare(df, by="g", value="v", cluster="doc_id").iloc[0]
    assert (row.n, row.n_clusters, row["mean"]) == (6, 2, 0.5)
    assert row.ci_low == 0.0 and row.ci_high == 1.0  # resampling documents, not sentences


def test_compare_counts_missing_values():
    df = pd.DataFrame({"g": ["a", "a", "a"], "v": [1.0, np.nan, 3.0]})
    row = toolkit.compare(df, by="g", value="v").iloc[0]
    assert (row.n, row.n_missing, row["mean"]) == (2, 1, 2.0)


def test_corpus_summary(corpus):
    summary = toolkit.corpus_summary(corpus.merge(resources.corpus_groups(), on="doc_id"), by="group")
    assert summary.n_articles.sum() == 45 and summary.loc["US administration", "n_articles"] == 15
    assert summary.loc["Israeli news media", "first_date"] == pd.Timestamp("2020-01-03")
