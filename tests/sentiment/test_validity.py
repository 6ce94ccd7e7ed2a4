"""Sentiment against human ratings, and the news calibration (``method="vader-calibrated"``).

Tests that need VADER's human-rated NYT editorial snippets use the ``shared_eval``
fixture and skip when ``../shared/eval`` is absent; the rest only need the
shipped ``data/lexicons/vader_news_calibration.json``.
"""
from __future__ import annotations

import importlib.util
import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from toolkit import resources
from toolkit.sentiment import calibrated_label, sentiment

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def validity():
    path = ROOT / "benchmarks" / "validity.py"
    spec = importlib.util.spec_from_file_location("validity_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def nyt(shared_eval, validity):
    data = validity.load_ground_truth(shared_eval)
    return data, validity.Scored(data["text"].tolist(), data["rating"])


@pytest.fixture(scope="module")
def refit(nyt, validity):
    data, scored = nyt
    return validity.fit_calibration(data, validity.SPLIT_SEED, scored)


# ----------------------------------------------------------------------------- with ../shared/eval
def test_ground_truth_is_complete(nyt):
    data, _ = nyt
    assert len(data) == 5190
    assert data["article"].nunique() == 498
    assert data["rating"].between(-4, 4).all()
    assert data["id"].is_unique


def test_reference_vader_reproduces_local_figures(nyt, validity):
    data, scored = nyt
    y = data["rating"].to_numpy()
    gold = validity.three_class(y / 4)
    assert np.bincount(gold).tolist() == [2362, 1061, 1767]  # the README's gold distribution
    compound = sentiment(data[["text"]], evidence=False)["compound"].to_numpy()
    assert np.array_equal(compound, scored.compound)
    assert validity.pearson(compound, y) == pytest.approx(0.503, abs=0.002)
    assert validity.spearman(compound, y) == pytest.approx(0.480, abs=0.002)
    acc, macro, weighted = validity.class_scores(gold, validity.three_class(compound))
    assert acc == pytest.approx(0.533, abs=0.002)
    assert macro == pytest.approx(0.525, abs=0.002)
    assert weighted == pytest.approx(0.546, abs=0.002)
    assert np.mean(gold == 0) == pytest.approx(0.455, abs=0.001)  # majority class


def test_split_is_by_article_and_deterministic(nyt, validity):
    data, _ = nyt
    articles = data["article"].tolist()
    train = validity.split_articles(articles, 0)
    assert np.array_equal(train, validity.split_articles(articles, 0))
    assert not np.array_equal(train, validity.split_articles(articles, 1))
    in_train = set(data.loc[train, "article"])
    in_test = set(data.loc[~train, "article"])
    assert not in_train & in_test
    assert len(in_train) == len(in_test) == 249
    assert 0.45 < train.mean() < 0.55
    shipped = resources.vader_calibration()["train_articles"].split()
    assert set(shipped) == in_train


def test_shipped_calibration_equals_a_fresh_fit(refit, validity):
    shipped = validity.CALIBRATION_PATH.read_text(encoding="utf-8")
    assert validity.calibration_json(refit) == shipped, (
        "data/lexicons/vader_news_calibration.json is out of date: run "
        ".venv/bin/python benchmarks/validity.py --fit")
    assert json.loads(shipped) == resources.vader_calibration()


def test_calibrated_beats_reference_on_held_out_articles(nyt, validity):
    data, _ = nyt
    params = resources.vader_calibration()
    test = ~validity.split_articles(data["article"].tolist(), params["split_seed"])
    rows = data[test].reset_index(drop=True)
    scored = sentiment(rows[["text"]], method="vader-calibrated", evidence=False)
    y = rows["rating"].to_numpy()
    gold = validity.three_class(y / 4)
    ref, cal = scored["compound"].to_numpy(), scored["calibrated"].to_numpy()
    r_ref, r_cal = validity.pearson(ref, y), validity.pearson(cal, y)
    assert r_cal > r_ref + 0.02
    t = params["thresholds"]
    f1_ref = validity.class_scores(gold, validity.three_class(ref))[2]
    f1_cal = validity.class_scores(gold, validity.three_class(cal, t["negative"], t["positive"]))[2]
    assert f1_cal > f1_ref + 0.005
    # calibrated_label uses the same cut-offs
    labels = calibrated_label(cal)
    names = np.array(["negative", "neutral", "positive"], dtype=object)
    assert np.array_equal(labels, names[validity.three_class(cal, t["negative"], t["positive"])])


def test_calibration_beats_reference_on_another_split(nyt, validity):
    data, scored = nyt
    params = validity.fit_calibration(data, 3, scored)
    test = ~validity.split_articles(data["article"].tolist(), 3)
    y = data["rating"].to_numpy()
    cal = validity.calibrated_scores(scored, params)
    assert validity.pearson(cal[test], y[test]) > validity.pearson(scored.compound[test], y[test])


# ----------------------------------------------------------------------------- without ../shared
def table(texts, **extra):
    return pd.DataFrame({"doc_id": "d", "sent_id": range(len(texts)), "text": texts, **extra})


def test_calibrated_method_adds_a_bounded_column():
    texts = ["The party met on Tuesday.", "What a great day!", "The plan is not good.",
             "Officials said on Monday.", "Horrible, horrible, HORRIBLE war crimes!!!", ""]
    df = table(texts)
    plain = sentiment(df)
    cal = sentiment(df, method="vader-calibrated")
    assert list(cal.columns) == list(df.columns) + ["neg", "neu", "pos", "compound",
                                                    "calibrated", "evidence", "note"]
    pd.testing.assert_frame_equal(cal.drop(columns="calibrated"), plain)
    c = cal["calibrated"]
    assert c.between(-1, 1).all()
    assert c[1] > c[3] > c[2]  # great > nothing > not good
    no_evidence = sentiment(df, method="vader-calibrated", evidence=False)
    np.testing.assert_array_equal(no_evidence["calibrated"], c)


def test_calibrated_follows_the_documented_formula():
    params = resources.vader_calibration()
    coef, shift = params["coefficients"], params["word_shift"]
    assert "party" in shift
    out = sentiment(table(["The party met on Tuesday.", "The party was not fun."]),
                    method="vader-calibrated")
    expected = []
    for i, words in enumerate([[("party", 1.0)], [("party", 1.0), ("fun", -0.74)]]):
        row = out.iloc[i]
        rating = (coef["intercept"] + coef["compound"] * row["compound"] + coef["pos"] * row["pos"]
                  + coef["neg"] * row["neg"] + sum(shift.get(w, 0.0) * m for w, m in words))
        expected.append(np.clip(rating / params["scale"], -1, 1))
    np.testing.assert_allclose(out["calibrated"], expected, rtol=0, atol=1e-12)


def test_calibrated_skips_other_languages():
    df = table(["A good result.", "Хороший результат."], language=["en", "ru"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        out = sentiment(df, method="vader-calibrated")
    assert np.isfinite(out.loc[0, "calibrated"]) and np.isnan(out.loc[1, "calibrated"])
    assert calibrated_label(out["calibrated"]).tolist()[1] is None


def test_calibration_file_documents_itself():
    params = resources.vader_calibration()
    for key in ("version", "fitted_on", "split_rule", "formula", "fit", "train_articles"):
        assert isinstance(params[key], str) and params[key]
    assert "train half" in params["fitted_on"]
    assert params["thresholds"]["negative"] < params["thresholds"]["positive"]
    assert 100 < len(params["word_shift"]) < 2000
    assert set(params["word_shift"]) <= set(resources.vader_lexicon())
    text = (resources.data_dir() / "lexicons" / "vader_news_calibration.json").read_text("utf-8")
    assert text == json.dumps(params, sort_keys=True, indent=1) + "\n"


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="vader-calibrated"):
        sentiment(table(["x"]), method="calibrated")


def test_metrics_by_hand(validity):
    gold = np.array([0, 0, 1, 2, 2, 2])
    pred = np.array([0, 1, 1, 2, 2, 0])
    acc, macro, weighted = validity.class_scores(gold, pred)
    f1 = np.array([2 / 4, 2 / 3, 4 / 5])  # neg: tp 1, fp 1, fn 1; neu: 1, 1, 0; pos: 2, 0, 1
    assert acc == pytest.approx(4 / 6)
    assert macro == pytest.approx(f1.mean())
    assert weighted == pytest.approx((f1 * [2, 1, 3]).sum() / 6)
    assert validity.spearman([1, 2, 3, 4], [10, 20, 30, 25]) == pytest.approx(0.8)
    # cut-offs: with a clean gap the best pair separates the classes exactly
    s = np.array([-0.5, -0.4, 0.0, 0.01, 0.3, 0.4])
    lo, hi = validity.best_thresholds(s, np.array([0, 0, 1, 1, 2, 2]))
    assert validity.class_scores([0, 0, 1, 1, 2, 2], validity.three_class(s, lo, hi))[0] == 1.0


def test_benchmark_without_data_exits_cleanly(validity, tmp_path, capsys):
    assert validity.main(["--data", str(tmp_path)]) == 0
    assert "nothing to validate" in capsys.readouterr().out
