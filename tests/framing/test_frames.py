"""Frames: the shipped dictionaries, sentence and document tables on the seed, profiles, validity harness."""
from __future__ import annotations

import importlib.util
import itertools
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from toolkit import resources
from toolkit.framing import SCHEMES, Dictionary, frame_hits, frame_profile, frames, load_scheme, scheme_path
from toolkit.text import sentences, tokens

SEED_ID = "000_22b6830e9619a82a"
GENERIC = ["conflict", "human_interest", "responsibility", "morality", "economic"]
POLICY = [
    "economic", "capacity_and_resources", "morality", "fairness_and_equality",
    "legality_constitutionality_jurisprudence", "policy_prescription_and_evaluation",
    "crime_and_punishment", "security_and_defense", "health_and_safety", "quality_of_life",
    "cultural_identity", "public_opinion", "political", "external_regulation_and_reputation", "other",
]
DICT_DIR = resources.data_dir() / "dictionaries"


@pytest.fixture(scope="module")
def seed_sentences(seed) -> pd.DataFrame:
    return sentences(pd.DataFrame({"doc_id": [SEED_ID], "text": [seed.text], "language": ["en"]}))


@pytest.fixture(scope="module")
def seed_frames(seed_sentences) -> pd.DataFrame:
    return frames(seed_sentences)


@pytest.fixture(scope="module")
def corpus_sentences(corpus) -> pd.DataFrame:
    return sentences(corpus)


@pytest.fixture(scope="module")
def doc_table(corpus_sentences) -> pd.DataFrame:
    return frames(corpus_sentences, level="document")


def row_with(table: pd.DataFrame, fragment: str) -> pd.Series:
    found = table[table["text"].str.contains(fragment, regex=False)]
    assert len(found) == 1, fragment
    return found.iloc[0]


# ----------------------------------------------------------------------------- shipped schemes
def test_both_schemes_load_with_the_published_frames():
    generic = load_scheme("generic")
    policy = load_scheme("policy")
    assert list(generic.categories) == GENERIC
    assert list(policy.categories) == POLICY
    assert policy.residual == ("other",) and policy.categories["other"] == ()
    for d in (generic, policy):
        for frame, patterns in d.categories.items():
            if frame != "other":
                assert 30 <= len(patterns) <= 100, (d.name, frame, len(patterns))
    assert scheme_path("generic") == DICT_DIR / "generic_frames.yaml"
    assert set(SCHEMES) == {"generic", "policy"}


@pytest.mark.parametrize("name", ["generic", "policy"])
def test_schemes_carry_meta_and_readme_names_source_version_licence(name):
    d = load_scheme(name)
    assert d.meta["licence"].startswith("MIT")
    assert re.fullmatch(r"\d+\.\d+\.\d+", d.meta["version"])
    readme = (DICT_DIR / "README.md").read_text(encoding="utf-8")
    assert SCHEMES[name] in readme
    assert d.meta["version"] in readme
    assert "MIT" in readme and "licence" in readme.lower()
    cited = {"generic": ["Semetko", "Valkenburg", "2000", "Journal of Communication"],
             "policy": ["Boydstun", "Policy Frames Codebook", "Card", "Media Frames Corpus"]}[name]
    for words in cited:
        assert words in readme and words in d.meta["source"] + d.meta["scheme"]


@pytest.mark.parametrize("name", ["generic", "policy"])
def test_schemes_have_no_event_specific_terms(name):
    event = re.compile(r"soleimani|suleimani|iran|iraq|quds|irgc|baghdad|tehran|hezbollah|trump|drone|"
                       r"khamenei|muhandis|kataeb|pmf|pentagon|esper|pompeo|ayatollah|shiite")
    patterns = [p for ps in load_scheme(name).categories.values() for p in ps]
    assert not [p for p in patterns if event.search(p)]


def test_schemes_load_by_path_and_as_dictionary(tmp_path):
    by_path = load_scheme(str(DICT_DIR / "generic_frames.yaml"))
    assert by_path.categories == load_scheme("generic").categories
    assert load_scheme(by_path) is by_path
    assert list(load_scheme({"a": ["war"]}).categories) == ["a"]
    with pytest.raises(ValueError, match="unknown frame scheme 'generc'"):
        load_scheme("generc")


# ----------------------------------------------------------------------------- sentence level, seed
def test_seed_sentences_get_the_expected_frames(seed_frames):
    assert list(seed_frames.columns) == (["doc_id", "sent_id"] + GENERIC
                                         + ["dominant_frame", "evidence", "text"])
    escalation = row_with(seed_frames, "major escalation in a simmering conflict")
    assert escalation["conflict"] == 2 and escalation["dominant_frame"] == "conflict"
    assert escalation["evidence"] == "conflict: escalation, conflict; human_interest: death"

    words = row_with(seed_frames, "war of words between American and Iranian")
    assert words["conflict"] == 4
    assert words["evidence"] == "conflict: tensions, war of words, attacks, attack"

    held = row_with(seed_frames, "will be held fully responsible for lives lost")
    assert held["dominant_frame"] == "responsibility"
    assert held["evidence"] == "responsibility: responsible"

    first = seed_frames.iloc[0]  # the lead: a report of facts, no frame vocabulary
    assert first["dominant_frame"] is None and first["evidence"] == ""
    assert first[GENERIC].sum() == 0


def test_dominant_frame_ties_go_to_the_frame_listed_first(seed_sentences, seed_frames):
    deaths = row_with(seed_frames, "also confirmed the deaths")
    assert (deaths["conflict"], deaths["human_interest"]) == (1, 1)
    assert deaths["dominant_frame"] == "conflict"
    assert deaths["evidence"] == "conflict: attack; human_interest: deaths"
    # the same dictionary with human_interest listed first breaks the tie the other way
    generic = load_scheme("generic")
    order = ["human_interest"] + [f for f in GENERIC if f != "human_interest"]
    reordered = Dictionary("reordered", {f: generic.categories[f] for f in order}, {})
    deaths2 = row_with(frames(seed_sentences, reordered), "also confirmed the deaths")
    assert deaths2["dominant_frame"] == "human_interest"
    assert list(frames(seed_sentences, reordered).columns[2:7]) == order


def test_every_counted_hit_is_in_the_evidence(seed_frames):
    with_hits = seed_frames[seed_frames[GENERIC].sum(axis=1) > 0]
    assert len(with_hits) >= 8
    assert with_hits["dominant_frame"].notna().all()
    for row in with_hits.itertuples():
        listed = dict(part.split(": ", 1) for part in row.evidence.split("; "))
        present = [f for f in GENERIC if getattr(row, f) > 0]
        assert list(listed) == present
        for frame, words in listed.items():
            for word in words.split(", "):
                assert word.split(" ×")[0] in row.text


def test_negated_hits_are_shown_but_not_counted():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["There was no conflict. The conflict grew."]})
    plain = frames(corpus)
    assert plain["conflict"].tolist() == [1, 1]
    negated = frames(corpus, negation_window=2)
    assert negated["conflict"].tolist() == [0, 1]
    assert negated["dominant_frame"].tolist() == [None, "conflict"]
    assert negated["evidence"].tolist() == ["conflict: conflict (negated)", "conflict: conflict"]


def test_repeated_words_are_counted_once_each_and_shown_once():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Costs, costs and more costs hit families."]})
    row = frames(corpus).iloc[0]
    assert row["economic"] == 3 and row["human_interest"] == 1
    assert row["evidence"] == "human_interest: families; economic: Costs ×3"


def test_sentences_tokens_and_corpus_inputs_agree(seed, seed_sentences, seed_frames):
    corpus = pd.DataFrame({"doc_id": [SEED_ID], "text": [seed.text]})
    from_corpus = frames(corpus)
    from_tokens = frames(tokens(seed_sentences))
    cols = ["doc_id", "sent_id"] + GENERIC + ["dominant_frame", "evidence"]
    assert from_corpus[cols].equals(seed_frames[cols])
    assert from_tokens[cols].equals(seed_frames[cols])
    assert "text" not in from_tokens.columns


def test_policy_scheme_on_the_seed(seed_sentences):
    table = frames(seed_sentences, "policy")
    names = POLICY[:-1]  # no column for the residual 'other'
    assert list(table.columns) == ["doc_id", "sent_id"] + names + ["dominant_frame", "evidence", "text"]
    assert "other" not in set(table["dominant_frame"].dropna())
    airstrike = row_with(table, "was killed in an airstrike at Baghdad")
    assert airstrike["dominant_frame"] == "security_and_defense"
    assert "security_and_defense: airstrike" in airstrike["evidence"]
    deal = row_with(table, "pulling out of the 2015 nuclear deal")
    assert deal["external_regulation_and_reputation"] == 1
    assert "external_regulation_and_reputation: nuclear deal" in deal["evidence"]


# ----------------------------------------------------------------------------- hits
def test_frame_hits_show_each_word_with_its_sentence(seed, seed_sentences):
    hits = frame_hits(seed_sentences, negation_window=3)
    assert list(hits.columns) == ["doc_id", "sent_id", "frame", "pattern", "match", "start", "end",
                                  "token_id", "negated", "sentence"]
    assert len(hits) >= 15
    assert all(seed.text[r.start:r.end] == r.match for r in hits.itertuples())
    assert all(r.match in r.sentence for r in hits.itertuples())
    words = hits[hits.pattern == "war of words"]
    assert words["frame"].tolist() == ["conflict"]


# ----------------------------------------------------------------------------- document level
def test_document_table_one_row_per_doc_and_frame(corpus, corpus_sentences, doc_table):
    assert list(doc_table.columns) == ["doc_id", "frame", "n_hits", "n_tokens", "score", "n_sentences",
                                       "share_sentences"]
    assert len(doc_table) == len(corpus) * len(GENERIC)
    assert not doc_table.duplicated(["doc_id", "frame"]).any()
    assert set(doc_table.doc_id) == set(corpus.doc_id)
    assert doc_table.groupby("doc_id")["frame"].apply(list).map(lambda f: f == GENERIC).all()


def test_document_scores_are_consistent_with_sentence_counts(corpus_sentences, doc_table):
    sent = frames(corpus_sentences)
    toks = tokens(corpus_sentences)
    n_words = toks[~toks.is_punct].groupby("doc_id").size()
    for frame in GENERIC:
        part = doc_table[doc_table.frame == frame].set_index("doc_id")
        by_doc = sent.groupby("doc_id")[frame]
        assert (part["n_hits"] == by_doc.sum().reindex(part.index)).all()
        assert np.allclose(part["share_sentences"], (by_doc.apply(lambda s: (s > 0).mean())).reindex(part.index))
        assert (part["n_tokens"] == n_words.reindex(part.index).fillna(0)).all()
    expected = 1000 * doc_table.n_hits / doc_table.n_tokens
    assert np.allclose(doc_table.score, expected)
    assert (doc_table.n_sentences == doc_table.doc_id.map(sent.groupby("doc_id").size())).all()


def test_document_table_keeps_documents_without_text():
    corpus = pd.DataFrame({"doc_id": ["empty", "short"], "text": ["", "Costs rose."]})
    table = frames(corpus, level="document").set_index(["doc_id", "frame"])
    assert len(table) == 2 * len(GENERIC)
    assert table.loc[("empty", "economic"), "n_tokens"] == 0
    assert np.isnan(table.loc[("empty", "economic"), "score"])
    assert table.loc[("short", "economic"), ["n_hits", "n_tokens", "score", "share_sentences"]].tolist() == [
        1, 2, 500.0, 1.0]


def test_seed_document_scores_by_hand(doc_table, seed_frames, seed_sentences):
    seed = doc_table[doc_table.doc_id == SEED_ID].set_index("frame")
    toks = tokens(seed_sentences)
    words = int((~toks.is_punct).sum())
    conflict = seed.loc["conflict"]
    assert conflict.n_hits == seed_frames["conflict"].sum() == 26
    assert conflict.n_tokens == words
    assert conflict.score == pytest.approx(26_000 / words)
    assert conflict.n_sentences == len(seed_sentences)
    assert conflict.share_sentences == pytest.approx(20 / len(seed_sentences))
    assert seed.loc["economic", "n_hits"] == 0 and seed.loc["economic", "score"] == 0


def test_frame_profile_by_outlet(corpus, doc_table):
    profile = frame_profile(doc_table, corpus, by="outlet")
    assert list(profile.columns) == ["outlet", "frame", "n_docs", "score", "share_sentences", "n_hits",
                                     "n_tokens", "score_pooled"]
    assert len(profile) == corpus.outlet.nunique() * len(GENERIC)
    assert not profile.duplicated(["outlet", "frame"]).any()
    assert (profile.groupby("frame")["n_docs"].sum() == len(corpus)).all()
    merged = doc_table.merge(corpus[["doc_id", "outlet"]], on="doc_id")
    expected = merged.groupby(["outlet", "frame"])["score"].mean()
    got = profile.set_index(["outlet", "frame"])["score"]
    assert np.allclose(got, expected.reindex(got.index))
    state = profile[profile.outlet == "U.S. Department of State"]
    assert state["frame"].tolist() == GENERIC and (state["n_docs"] == 3).all()


def test_frame_profile_by_group_column(corpus, doc_table):
    groups = corpus.merge(resources.corpus_groups(), on="doc_id", how="left")
    profile = frame_profile(doc_table, groups, by="group")
    assert len(profile) == groups.group.nunique() * len(GENERIC)
    with pytest.raises(ValueError, match="pass the corpus"):
        frame_profile(doc_table, by="group")


def test_whole_corpus_at_both_levels(corpus):
    sent = frames(corpus, "generic")
    doc = frames(corpus, "policy", level="document")
    assert sent.doc_id.nunique() == len(corpus)
    assert len(doc) == len(corpus) * (len(POLICY) - 1)


# ----------------------------------------------------------------------------- validity harness
@pytest.fixture(scope="module")
def validity():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "frames_validity.py"
    spec = importlib.util.spec_from_file_location("frames_validity", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_auc_hand_computed(validity):
    auc = validity.roc_auc
    # positives 0.35, 0.8 vs negatives 0.1, 0.4: pairs won 1 + 0 + 1 + 1 = 3 of 4
    assert auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == 0.75
    # ties: pos {1, 3} vs neg {1, 2}: 0.5 + 0 + 1 + 1 = 2.5 of 4
    assert auc([1, 1, 2, 3], [0, 1, 0, 1]) == 0.625
    assert auc([5, 5, 5, 5], [0, 1, 0, 1]) == 0.5
    assert auc([1, 2, 3], [0, 1, 1]) == 1.0
    assert auc([3, 2, 1], [0, 1, 1]) == 0.0
    assert auc([1, 2, 3], [True, False, True]) == 0.5
    assert np.isnan(auc([1, 2], [1, 1]))
    with pytest.raises(ValueError, match="0/1"):
        auc([1, 2], [0, 2])


def test_auc_matches_pairwise_count(validity):
    rng = np.random.default_rng(3)
    scores = rng.integers(0, 6, 80).astype(float)  # many ties
    labels = rng.integers(0, 2, 80)
    pos, neg = scores[labels == 1], scores[labels == 0]
    pairs = [(p > n) + 0.5 * (p == n) for p, n in itertools.product(pos, neg)]
    assert validity.roc_auc(scores, labels) == pytest.approx(np.mean(pairs))


def test_harness_without_labels_runs_the_self_check(validity, capsys):
    assert validity.main([]) == 0
    out = capsys.readouterr().out
    assert "No labels file given" in out and "NOT a validation" in out
    for frame in GENERIC:
        assert re.search(rf"^\s*{frame}\s+70\s+12\s", out, re.M)
    assert "self-check: ok" in out


def test_harness_with_a_labels_file(validity, tmp_path, capsys):
    sample = validity.self_check_sample()
    path = tmp_path / "labels.csv"
    sample[["text", "conflict", "economic"]].to_csv(path, index=False)
    assert validity.main(["--labels", str(path), "--folds", "3", "--model", "logreg"]) == 0
    out = capsys.readouterr().out
    assert "labels.csv" in out and "logistic regression" in out
    assert re.search(r"^\s*conflict\s+70\s+12\s", out, re.M)
    assert "human_interest" not in out
    bad = tmp_path / "bad.csv"
    pd.DataFrame({"text": ["a", "b"], "sports": [0, 1]}).to_csv(bad, index=False)
    assert validity.main(["--labels", str(bad)]) == 2
