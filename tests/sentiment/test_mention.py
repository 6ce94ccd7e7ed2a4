"""mention_sentiment: sentiment toward one mentioned person, the model behind it and its evidence."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit.sentiment.mention_model import mention_model, model_dir, read_model
from toolkit.sentiment.targets import target_sentiment

SHARED_TRAIN = Path(__file__).resolve().parents[3] / "shared" / "eval" / "newsmtsc_train" / "train.jsonl"
ROOT = Path(__file__).resolve().parents[2]


def mentions(*cases: tuple[str, str]) -> pd.DataFrame:
    """One row per (sentence, mention): the first occurrence of the mention in the sentence."""
    rows = []
    for i, (text, name) in enumerate(cases):
        start = text.index(name)
        rows.append({"doc_id": f"d{i}", "sent_id": 0, "start": start, "end": start + len(name), "text": text})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def violence() -> pd.DataFrame:
    return toolkit.mention_sentiment(mentions(("Soleimani was killed in an airstrike.", "Soleimani"),
                                              ("the ruthless killer Soleimani", "Soleimani"),
                                              ("The ruthless killer Soleimani was killed in an airstrike.",
                                               "Soleimani")))


def test_killed_in_an_airstrike_is_neutral_toward_him(violence: pd.DataFrame) -> None:
    killed = violence.iloc[0]
    assert killed["polarity"] == "neutral"
    assert killed["p_neutral"] > max(killed["p_negative"], killed["p_positive"])
    assert "it suffers" in killed["evidence"]
    # sentence tone says otherwise: VADER finds the sentence clearly negative
    assert toolkit.sentiment(violence.iloc[[0]])["compound"].iloc[0] < -0.5


def test_the_ruthless_killer_is_negative(violence: pd.DataFrame) -> None:
    assert violence["polarity"].iloc[1] == "negative"
    assert "killer" in violence["evidence"].iloc[1]
    assert violence["polarity"].iloc[2] == "negative"  # the description outweighs the harm he suffers


def test_columns_and_probabilities(violence: pd.DataFrame) -> None:
    assert violence.columns.tolist() == ["doc_id", "sent_id", "start", "end", "text", "polarity", "p_negative",
                                         "p_neutral", "p_positive", "evidence"]
    p = violence[["p_negative", "p_neutral", "p_positive"]].to_numpy()
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    assert (violence["polarity"] == np.array(["negative", "neutral", "positive"])[p.argmax(axis=1)]).all()


def test_evidence_explains_a_negated_case() -> None:
    out = toolkit.mention_sentiment(mentions(("Trump was honest with voters.", "Trump"),
                                             ("Trump was not honest with voters.", "Trump")))
    assert out["polarity"].tolist() == ["positive", "negative"]
    assert "honest +2.3" in out["evidence"].iloc[0]
    negated = out["evidence"].iloc[1]
    assert "honest -1.7 negated by 'not'" in negated
    assert "a negation near it" in negated or "its verb is negated" in negated


def test_evidence_explains_quoted_cases() -> None:
    out = toolkit.mention_sentiment(mentions(("“We will take harsh revenge,” Khamenei said.", "Khamenei"),
                                             ("“Soleimani was a terrorist,” Pompeo said.", "Soleimani")),
                                    n_evidence=8)
    speaker, quoted = out.iloc[0], out.iloc[1]
    # the speaker of a harsh quote: negative words, neutral toward him, because he is the one speaking
    assert speaker["polarity"] == "neutral"
    assert "it speaks (said, told …)" in speaker["evidence"]
    assert "it is the subject of a speech verb" in speaker["evidence"]
    # a judgement inside someone's quotation
    assert quoted["polarity"] == "negative"
    assert "inside a quotation" in quoted["evidence"] and "terrorist -3.7" in quoted["evidence"]


def test_contributions_add_up_to_the_decision() -> None:
    from toolkit.sentiment.mention import mention_features
    from toolkit.sentiment.mention_model import contributions

    m = mentions(("Pompeo praised the brave soldiers.", "Pompeo"))
    model = mention_model("syntax")
    (f,), _ = mention_features(m)
    logits = np.log(model.proba(model.vectorize([f]))[0])
    k = int(logits.argmax())
    total = sum(c for _, c in contributions(model, f, k)) + model.intercept[k] - model.intercept.mean()
    assert total == pytest.approx(logits[k] - logits.mean())


def test_documents_and_sentences_give_the_same_scores() -> None:
    doc = "Markets fell. The ruthless killer Soleimani died in Baghdad, officials said."
    start = doc.index("Soleimani")
    as_doc = pd.DataFrame({"doc_id": ["a"], "mention_id": [0], "start": [start], "end": [start + 9],
                           "text": [doc]})
    sentence = doc[doc.index("The"):]
    as_sent = mentions((sentence, "Soleimani"))
    a, b = toolkit.mention_sentiment(as_doc), toolkit.mention_sentiment(as_sent)
    assert a["polarity"].iloc[0] == b["polarity"].iloc[0] == "negative"
    assert a["p_negative"].iloc[0] == pytest.approx(b["p_negative"].iloc[0])


def test_rows_not_scored_are_kept_with_a_note() -> None:
    m = mentions(("Soleimani a été tué.", "Soleimani"), ("Soleimani was a hero.", "Soleimani"))
    m["language"] = ["fr", "en"]
    out = toolkit.mention_sentiment(m)
    assert out["polarity"].isna().tolist() == [True, False] and np.isnan(out["p_neutral"].iloc[0])
    assert out["evidence"].iloc[0].startswith("not scored")
    with pytest.raises(KeyError, match="mention_id"):
        toolkit.mention_sentiment(m.drop(columns=["sent_id"]))


def test_fast_variant_reads_no_parse_and_agrees_on_clear_cases() -> None:
    m = mentions(("The ruthless killer Soleimani died.", "Soleimani"), ("Pompeo praised the brave soldiers.",
                                                                         "Pompeo"))
    fast = toolkit.mention_sentiment(m, syntax=False)
    assert fast["polarity"].tolist() == ["negative", "positive"]
    assert not mention_model("fast").syntax and mention_model("syntax").syntax
    assert "in the parse" not in " ".join(fast["evidence"])


def test_target_sentiment_mention_method_next_to_vader() -> None:
    sents = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c"], "sent_id": [0, 1, 0, 0], "outlet": ["X", "X", "Y", "Z"],
        "text": ["Soleimani was killed in an airstrike.", "Soleimani’s funeral drew crowds.",
                 "The ruthless killer Soleimani died.", "Markets fell."]})
    vader = target_sentiment(sents, "Soleimani", by="outlet")
    assert vader.columns.tolist() == ["outlet", "target", "n_sentences", "n_mentions", "n_scored",
                                      "mean_compound", "share_positive", "share_negative"]
    out, scored = target_sentiment(sents, "Soleimani", by="outlet", method="mention", return_sentences=True)
    assert out["outlet"].tolist() == ["X", "Y", "Z"]
    assert out["n_mentions"].tolist() == [2, 1, 0] and out["n_sentences"].tolist() == [2, 1, 0]
    assert scored["polarity"].tolist()[0::2] == ["neutral", "negative"]
    expected = (scored["polarity"] == "negative").groupby(scored["outlet"]).mean()
    assert out["share_negative"].tolist()[:2] == expected.tolist() and np.isnan(out["share_negative"].iloc[2])
    assert out["share_negative"].iloc[1] == 1.0
    assert vader["mean_compound"].iloc[0] < -0.3  # tone: negative; toward him: not negative
    assert {"net", "net_low", "net_high", "share_negative_low", "share_negative_high"} <= set(out.columns)
    assert len(scored) == 3 and scored["evidence"].str.len().gt(0).all()
    with pytest.raises(ValueError, match="method"):
        target_sentiment(sents, "Soleimani", method="bert")


def test_model_files_are_json_and_npz_with_the_cross_validated_figures() -> None:
    folder = model_dir()
    assert sorted(p.name for p in folder.iterdir() if p.suffix in (".json", ".npz", ".md")) == [
        "MODEL_CARD.md", "fast.json", "fast.npz", "syntax.json", "syntax.npz", "training.json"]
    record = json.loads((folder / "training.json").read_text(encoding="utf-8"))
    syntax, vader = record["variants"]["syntax"]["cv"], record["baselines"]["vader_window_8"]
    assert syntax["macro_f1"] >= 0.60 and syntax["ci95"][0] > vader["ci95"][1]
    assert record["data"]["mentions"] == 8739
    with np.load(folder / "syntax.npz", allow_pickle=False) as arrays:
        assert arrays["coef"].shape == (3, len(mention_model("syntax").features))
    model = read_model(folder, "fast")
    assert model.classes == ["negative", "neutral", "positive"] and model.info["settings"]["syntax"] is False


_SCRIPT = textwrap.dedent("""
    import socket, sys

    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    socket.socket.connect = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    import pandas as pd, toolkit
    corpus = toolkit.load(toolkit.resources.corpus_dir())
    sents = toolkit.sentences(corpus[corpus["language"] == "en"])
    _, found = toolkit.target_sentiment(sents, "Soleimani", ["Suleimani", "Qassem"], method="mention",
                                        return_sentences=True)
    sys.stdout.write(found[["doc_id", "sent_id", "start", "p_negative", "p_neutral", "p_positive",
                            "evidence"]].to_csv(index=False))
""")


def test_loads_offline_and_gives_identical_results_across_processes(tmp_path: Path) -> None:
    runs = []
    for seed in ("1", "2"):
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "none"),
               "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, env=env,
                              cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        runs.append(done.stdout)
    assert runs[0] == runs[1]
    assert len(runs[0].splitlines()) > 20


@pytest.mark.skipif(not SHARED_TRAIN.exists(), reason="../shared/eval/newsmtsc_train is not available")
def test_training_data_is_read_as_recorded() -> None:
    from toolkit.sentiment.train_mention import read_newsmtsc

    m = read_newsmtsc(SHARED_TRAIN)
    assert len(m) == 8739 and m["label"].value_counts().to_dict() == {"negative": 3316, "neutral": 3028,
                                                                      "positive": 2395}
    assert (m.apply(lambda r: r["text"][r["start"]:r["end"]] == r["mention"], axis=1)).mean() > 0.99
    record = json.loads((model_dir() / "training.json").read_text(encoding="utf-8"))
    import hashlib

    assert record["data"]["sha256"] == hashlib.sha256(SHARED_TRAIN.read_bytes()).hexdigest()
