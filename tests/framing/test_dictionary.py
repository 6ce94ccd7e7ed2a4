"""Dictionaries: loading YAML and LIWC files, matching patterns on real text, counting."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from toolkit.framing import Dictionary, DictionaryError, count, load_dictionary, lookup
from toolkit.text import sentences, tokens

SEED_ID = "000_22b6830e9619a82a"


def write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def doc_tokens(*texts: str) -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
    return tokens(corpus)


@pytest.fixture(scope="module")
def seed_tokens(seed) -> pd.DataFrame:
    return tokens(pd.DataFrame({"doc_id": [SEED_ID], "text": [seed.text]}))


@pytest.fixture(scope="module")
def corpus_tokens(corpus) -> pd.DataFrame:
    return tokens(corpus)


YAML_DICT = """\
meta:
  name: test frames
  version: "0.1"
  licence: MIT
security:
  - terror*
  - threat
  - Quds Force
rights:
  - human rights
economy:
  costs: [cost*, "cost* of living"]
  trade: ["tariff?"]
"""

DIC_DICT = """\
%
1\tsecurity
2\tspeech
%
terror*\t1
threat\t1
quds force\t1
can't\t2
iran's\t2
"""


# ----------------------------------------------------------------------------- loading
def test_yaml_dictionary_loads_with_nested_categories_and_meta(tmp_path):
    d = load_dictionary(write(tmp_path / "frames.yaml", YAML_DICT))
    assert d.name == "test frames"
    assert list(d.categories) == ["security", "rights", "economy.costs", "economy.trade"]
    assert d.categories["security"] == ("terror*", "threat", "quds force")
    assert d.categories["economy.costs"] == ("cost*", "cost* of living")
    assert d.meta["version"] == "0.1" and d.meta["licence"] == "MIT"
    assert "meta" not in d.categories
    assert d.table().shape == (7, 4)


def test_dic_dictionary_loads_liwc_format(tmp_path):
    d = load_dictionary(write(tmp_path / "mini.dic", DIC_DICT))
    assert d.name == "mini"
    assert d.categories == {"security": ("terror*", "threat", "quds force"),
                            "speech": ("can't", "iran's")}


def test_from_dict_equals_file(tmp_path):
    from_file = load_dictionary(write(tmp_path / "frames.yml", YAML_DICT))
    from_dict = Dictionary.from_dict({
        "security": ["terror*", "threat", "Quds Force"], "rights": ["human rights"],
        "economy": {"costs": ["cost*", "cost* of living"], "trade": ["tariff?"]}})
    assert from_dict.categories == from_file.categories


def test_direct_construction_normalises_patterns():
    d = Dictionary("mine", {"security": ["Terror*", "Iran’s  AMBASSADOR"]})
    assert d.categories == {"security": ("terror*", "iran's ambassador")}
    assert lookup(doc_tokens("Iran’s ambassador condemned terrorism."), d)["match"].tolist() == [
        "Iran’s ambassador", "terrorism"]
    with pytest.raises(DictionaryError, match="'security' has no patterns"):
        Dictionary("mine", {"security": []})


def test_yaml_words_that_yaml_would_read_as_booleans_stay_words(tmp_path):
    d = load_dictionary(write(tmp_path / "neg.yaml", "negation:\n  - no\n  - off\n  - 'on'\n"))
    assert d.categories["negation"] == ("no", "off", "on")


# ----------------------------------------------------------------------------- matching on the seed
def test_glob_matches_word_forms(tmp_path):
    toks = doc_tokens("The terrorist group claimed the attack. Terrorism is a threat. Terror spread.")
    d = load_dictionary(write(tmp_path / "frames.yaml", YAML_DICT))
    hits = lookup(toks, d)
    sec = hits[hits.category == "security"]
    assert sec["match"].tolist() == ["terrorist", "Terrorism", "threat", "Terror"]
    assert set(sec["pattern"]) == {"terror*", "threat"}
    # '?' is exactly one character
    hits = lookup(doc_tokens("New tariffs and a tariff"), d)
    assert hits.loc[hits.category == "economy.trade", "match"].tolist() == ["tariffs"]


def test_multiword_and_case_insensitive_on_the_seed(seed, seed_tokens, tmp_path):
    d = load_dictionary(write(tmp_path / "frames.yaml", YAML_DICT))
    hits = lookup(seed_tokens, d, text={SEED_ID: seed.text})
    quds = hits[hits.pattern == "quds force"]
    # "Iran’s Quds Force", "his Quds Force", "the Quds force" (lower-case f), "the Quds Force"
    assert quds["match"].tolist() == ["Quds Force", "Quds Force", "Quds force", "Quds force", "Quds Force"]
    assert (quds["end"] - quds["start"] == len("Quds Force")).all()
    assert hits[hits.category == "rights"].empty  # the seed never says "human rights"


def test_dic_file_matches_typographic_apostrophes_in_the_seed(seed, seed_tokens, tmp_path):
    d = load_dictionary(write(tmp_path / "mini.dic", DIC_DICT))
    hits = lookup(seed_tokens, d)
    speech = hits[hits.category == "speech"]
    # the seed writes can’t and Iran’s with U+2019; the patterns use ASCII '
    assert "can’t" in speech["match"].tolist()
    assert "Iran’s" in speech["match"].tolist()
    assert speech.loc[speech.pattern == "can't", "match"].tolist() == ["can’t"]
    # and a pattern written with ’ matches both spellings
    d2 = Dictionary.from_dict({"x": ["Iran’s ambassador"]})
    assert lookup(seed_tokens, d2)["match"].tolist() == ["Iran’s ambassador"]
    assert lookup(doc_tokens("Iran's ambassador left."), d2)["match"].tolist() == ["Iran's ambassador"]


def test_offsets_map_back_to_the_text_for_every_hit(corpus, corpus_tokens):
    d = Dictionary.from_dict({
        "a": ["iran*", "united states", "security council", "quds force", "u.s.", "soleimani's"],
        "b": ["*-year-old", "national security", "war powers resolution", "can't", "won't"],
    })
    texts = dict(zip(corpus.doc_id, corpus.text))
    exact = lookup(corpus_tokens, d, text=corpus)
    assert len(exact) > 250
    assert exact.pattern.str.contains(" ").sum() > 50
    assert all(texts[r.doc_id][r.start:r.end] == r.match for r in exact.itertuples())
    # without text= the match is rebuilt from the tokens: same offsets, and the same text
    # except that a line break inside a phrase (hard-wrapped Congressional Record) becomes a space
    rebuilt = lookup(corpus_tokens, d)
    assert rebuilt[["doc_id", "start", "end", "category"]].equals(exact[["doc_id", "start", "end", "category"]])
    assert (rebuilt["match"] == exact["match"].str.replace("\n", " ")).all()
    assert (rebuilt["match"] != exact["match"]).sum() > 0
    # the token_id is the hit's first token
    first = corpus_tokens.set_index(["doc_id", "token_id"])["start"]
    assert (first.loc[list(zip(exact.doc_id, exact.token_id))].to_numpy() == exact.start.to_numpy()).all()


def test_multiword_needs_adjacent_words_of_one_sentence_and_matches_hyphenated_form():
    d = Dictionary.from_dict({"rights": ["human rights"], "cost": ["cost* of living"]})
    toks = doc_tokens("Human rights matter. They spoke of human, rights. Human. Rights.",
                      "The cost-of-living crisis and costs of living and Human-rights groups.")
    hits = lookup(toks, d)
    assert hits[["doc_id", "match"]].values.tolist() == [
        ["d0", "Human rights"],
        ["d1", "cost-of-living"], ["d1", "costs of living"], ["d1", "Human-rights"]]


def test_lone_star_stands_for_one_word():
    d = Dictionary.from_dict({"resp": ["hold * accountable"]})
    hits = lookup(doc_tokens("We will hold them accountable. Hold accountable. Hold the men accountable."), d)
    assert hits["match"].tolist() == ["hold them accountable"]


def test_longest_match_wins_inside_a_category_not_across():
    d = Dictionary.from_dict({
        "un": ["human", "human rights", "human rights council", "rights"],
        "law": ["rights"],
    })
    toks = doc_tokens("The UN Human Rights Council met. Human beings have rights.")
    hits = lookup(toks, d)
    un = hits[hits.category == "un"]
    assert un[["match", "pattern"]].values.tolist() == [
        ["Human Rights Council", "human rights council"], ["Human", "human"], ["rights", "rights"]]
    # "Rights" inside the council still counts for the other category
    assert hits.loc[hits.category == "law", "match"].tolist() == ["Rights", "rights"]


def test_overlapping_phrases_earliest_of_equal_length_wins():
    d = Dictionary.from_dict({"x": ["human rights", "rights council"]})
    hits = lookup(doc_tokens("the human rights council"), d)
    assert hits["match"].tolist() == ["human rights"]


def test_exact_word_beats_glob_on_the_same_token():
    d = Dictionary.from_dict({"x": ["terror*", "terrorism"]})
    hits = lookup(doc_tokens("Terrorism."), d)
    assert hits["pattern"].tolist() == ["terrorism"]


def test_negation_window():
    toks = doc_tokens("It is not a threat. It is a threat. No one saw a threat. Never, ever a threat!",
                      "This isn't a threat, officials said.")
    d = Dictionary.from_dict({"security": ["threat"]})
    assert lookup(toks, d)["negated"].tolist() == [False] * 5
    assert lookup(toks, d, negation_window=3)["negated"].tolist() == [True, False, False, True, True]
    # a window of 5 reaches "No" in "No one saw a threat"
    assert lookup(toks, d, negation_window=5)["negated"].tolist() == [True, False, True, True, True]
    # the window never reaches into the previous sentence
    toks2 = doc_tokens("It was not over. A threat remained.")
    assert lookup(toks2, d, negation_window=10)["negated"].tolist() == [False]


def test_negation_in_the_seed(seed_tokens):
    # “... This is not a Warning, it is a Threat,” wrote Trump
    d = Dictionary.from_dict({"threat": ["warning", "threat"]})
    hits = lookup(seed_tokens, d, negation_window=2).set_index("match")
    assert hits.loc["Warning", "negated"]
    assert not hits.loc["Threat", "negated"]
    # five words back from Threat: "not a Warning it is a" -> "a Warning it is a" has no negation
    assert not lookup(seed_tokens, d, negation_window=5).set_index("match").loc["Threat", "negated"]
    assert lookup(seed_tokens, d, negation_window=6).set_index("match").loc["Threat", "negated"]


def test_lookup_accepts_shuffled_tokens_and_sentence_text(seed, seed_tokens):
    d = Dictionary.from_dict({"a": ["quds force", "airstrike"]})
    expected = lookup(seed_tokens, d)
    shuffled = seed_tokens.sample(frac=1.0, random_state=1)
    assert lookup(shuffled, d).equals(expected)
    sents = sentences(pd.DataFrame({"doc_id": [SEED_ID], "text": [seed.text]}))
    assert lookup(seed_tokens, d, text=sents)["match"].tolist() == expected["match"].tolist()


def test_empty_results_keep_columns_and_categories():
    d = Dictionary.from_dict({"a": ["zebra"], "b": ["giraffe"]})
    hits = lookup(doc_tokens("Nothing to see."), d)
    assert hits.empty
    assert list(hits.columns) == ["doc_id", "sent_id", "category", "pattern", "match", "start", "end",
                                  "token_id", "negated"]
    assert list(hits.category.cat.categories) == ["a", "b"]


# ----------------------------------------------------------------------------- counting
def test_count_per_1000_tokens_by_hand():
    toks = doc_tokens("The war was costly. Prices rose, and costs too!", "Nothing happened.")
    d = Dictionary.from_dict({"conflict": ["war"], "economic": ["cost*", "prices"], "morality": ["sin"]})
    table = count(toks, lookup(toks, d))
    # d0 words: The war was costly Prices rose and costs too = 9 (". , . !" are punctuation)
    assert table[["doc_id", "category", "n_hits", "n_tokens"]].values.tolist() == [
        ["d0", "conflict", 1, 9], ["d0", "economic", 3, 9], ["d0", "morality", 0, 9],
        ["d1", "conflict", 0, 2], ["d1", "economic", 0, 2], ["d1", "morality", 0, 2]]
    assert table["per_1000"].round(3).tolist() == [111.111, 333.333, 0.0, 0.0, 0.0, 0.0]


def test_count_by_another_column_and_negated_hits():
    toks = doc_tokens("No threat. A threat.", "A threat.", "Calm.")
    toks["outlet"] = toks["doc_id"].map({"d0": "A", "d1": "A", "d2": "B"})
    d = Dictionary.from_dict({"security": ["threat"], "economic": ["cost"]})
    hits = lookup(toks, d, negation_window=1)
    table = count(toks, hits, by="outlet")
    assert table[["outlet", "category", "n_hits", "n_negated", "n_tokens"]].values.tolist() == [
        ["A", "security", 3, 1, 6], ["A", "economic", 0, 0, 6],
        ["B", "security", 0, 0, 1], ["B", "economic", 0, 0, 1]]
    kept = count(toks, hits, by="outlet", include_negated=False)
    assert kept.loc[0, "n_hits"] == 2 and kept.loc[0, "per_1000"] == pytest.approx(2000 / 6)


# ----------------------------------------------------------------------------- errors
@pytest.mark.parametrize("name, content, line, words", [
    ("list.yaml", "- war\n- peace\n", 1, "top level must be a mapping"),
    ("empty_cat.yaml", "conflict:\n  - war\neconomic:\n", 3, "'economic' is empty"),
    ("empty_list.yaml", "conflict:\n  - war\neconomic: []\n", 3, "'economic' has no patterns"),
    ("scalar.yaml", "conflict: war\n", 1, "must be a list of patterns"),
    ("nested.yaml", "conflict:\n  - war\n  - [a, b]\n", 3, "each pattern must be a word"),
    ("syntax.yaml", "conflict:\n  - war\n   bad: [\n", 3, "not valid YAML"),
    ("star.yaml", "conflict:\n  - war\n  - '*'\n", 3, "no literal character"),
    ("punct.yaml", "conflict:\n  - war\n  - '!'\n", 3, "punctuation"),
    ("dup.yaml", "conflict: [war]\nconflict: [peace]\n", 2, "appears twice"),
    ("meta.yaml", "meta: [a]\nconflict: [war]\n", 1, "'meta' must be a mapping"),
    ("residual.yaml", "meta:\n  residual: [other]\nconflict: [war]\n", 2, "unknown categories"),
])
def test_malformed_yaml_names_file_and_line(tmp_path, name, content, line, words):
    path = write(tmp_path / name, content)
    with pytest.raises(DictionaryError) as info:
        load_dictionary(path)
    message = str(info.value)
    assert f"{path}:{line}:" in message
    assert words in message


def test_residual_category_may_be_empty(tmp_path):
    d = load_dictionary(write(tmp_path / "r.yaml", "meta:\n  residual: [other]\nconflict: [war]\nother: []\n"))
    assert d.categories["other"] == () and d.residual == ("other",)


@pytest.mark.parametrize("content, line, words", [
    ("1\tsecurity\n%\nwar\t1\n", 1, "must start with a '%' line"),
    ("%\n1\tsecurity\n", 1, "never closed"),
    ("%\n1\tsecurity\nwar\t1\n", 3, "closing '%' line missing"),
    ("%\n1\tsecurity\n%\nwar\t1\npeace\t3\n", 5, "unknown category number 3"),
    ("%\n1\tsecurity\n%\nwar\n", 4, "has no category numbers"),
    ("%\n1\tsecurity\nsecurity\n%\nwar\t1\n", 3, "header lines must be"),
    ("%\n1\tsecurity\n1\tdefence\n%\nwar\t1\n", 3, "defined twice"),
    ("%\n1\tsecurity\n2\tlaw\n%\nwar\t1\n", 3, "'law' (2) has no patterns"),
    ("%\n1\tsecurity\n%\nlike\t1 (02 134)126\n", 4, "not a category number"),
])
def test_malformed_dic_names_file_and_line(tmp_path, content, line, words):
    path = write(tmp_path / "bad.dic", content)
    with pytest.raises(DictionaryError) as info:
        load_dictionary(path)
    assert f"{path}:{line}:" in str(info.value)
    assert words in str(info.value)


def test_unknown_extension_and_missing_file(tmp_path):
    with pytest.raises(DictionaryError, match="unknown dictionary format '.txt'"):
        load_dictionary(write(tmp_path / "words.txt", "war\n"))
    with pytest.raises(FileNotFoundError, match="nowhere.yaml"):
        load_dictionary(tmp_path / "nowhere.yaml")


def test_from_dict_errors():
    with pytest.raises(DictionaryError, match="'economic' has no patterns"):
        Dictionary.from_dict({"conflict": ["war"], "economic": []})
    with pytest.raises(DictionaryError, match="must be a list of patterns"):
        Dictionary.from_dict({"conflict": "war"})


def test_missing_token_columns_are_named():
    with pytest.raises(ValueError, match="lower"):
        lookup(pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "token_id": [0], "start": [0], "end": [1]}),
               {"a": ["x"]})


# ----------------------------------------------------------------------------- size
# (speed is measured in benchmarks/scale.py, never timed here)
def test_lookup_on_200k_tokens_repeats_the_hits_of_each_copy(corpus_tokens):
    from toolkit.framing import load_scheme

    n = -(-200_000 // len(corpus_tokens))
    big = pd.concat([corpus_tokens.assign(doc_id=corpus_tokens.doc_id + f"#{i}") for i in range(n)],
                    ignore_index=True)
    assert len(big) >= 200_000
    policy = load_scheme("policy")
    fresh = Dictionary(policy.name, policy.categories, policy.meta)  # compile from scratch
    hits = lookup(big, fresh, negation_window=3)
    table = count(big, hits)
    once = lookup(corpus_tokens, fresh, negation_window=3)
    assert len(hits) == n * len(once) > 0
    assert len(table) == big.doc_id.nunique() * len(policy.categories)
    assert np.isclose(table.n_hits.sum(), len(hits))
