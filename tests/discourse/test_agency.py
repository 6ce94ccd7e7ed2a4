"""Agency: active, passive with and without agent, nominal — on the seed article, the corpus and written sentences."""
from __future__ import annotations

import pandas as pd
import pytest
import yaml
from _helpers import COLUMN, SEED, corpus_fixtures, examples_fail

from toolkit.discourse import AGENCY_CLASSES, agency, agency_counts, default_event_terms_path

table, seed_rows = corpus_fixtures(agency)


def _in_sentence(rows: pd.DataFrame, prefix: str) -> pd.DataFrame:
    return rows[rows.sentence.str.startswith(prefix)]


def test_seed_title_is_active_with_agent_us(seed_rows, seed):
    title = seed_rows[seed_rows.part == "title"]
    assert len(title) == 1  # "airstrike" is the means of "kills", not a separate finding
    row = title.iloc[0]
    assert (row.event_word, row.agency, row.agent, row.rule) == ("kills", "active", "US", "active")
    assert seed.title[row.start:row.end] == "kills"


def test_seed_first_body_sentence_is_passive_without_agent(seed_rows, seed):
    rows = _in_sentence(seed_rows[seed_rows.part == "body"], "Qassem Soleimani, the powerful head")
    assert rows[["event_word", "agency", "agent"]].values.tolist() == [["killed", "passive_agentless", None]]
    row = rows.iloc[0]
    assert seed.text[row.sent_start:row.sent_end] == row.sentence


def test_seed_death_is_nominal(seed_rows):
    row = _in_sentence(seed_rows, "Soleimani’s death will likely").iloc[0]
    assert (row.event_word, row.agency, row.agent, row.modifier) == ("death", "nominal", None, "Soleimani’s")


def test_seed_vehicles_attacked_by_us_forces(seed_rows):
    rows = _in_sentence(seed_rows, "“Two vehicles were attacked")
    first = rows[rows.event_word == "attacked"].iloc[0]
    assert (first.agency, first.agent, first.rule) == ("passive_agent", "US forces", "passive")
    assert rows[rows.event_word == "martyred"].iloc[0].agency == "passive_agentless"


def test_seed_standfirst_headline_passives(seed_rows):
    rows = seed_rows[seed_rows.part == "standfirst"].set_index("event_word")
    assert rows.loc["killed", "agency"] == "passive_agentless" and rows.loc["killed", "rule"] == "reduced_passive"
    assert rows.loc["slain", "agency"] == "passive_agentless"


def test_seed_other_patterns(seed_rows):
    helicopters = _in_sentence(seed_rows, "Iranian state television said").iloc[0]
    assert (helicopters.agency, helicopters.agent, helicopters.rule) == (
        "passive_agent", "US helicopters", "light_verb_passive")
    strike = _in_sentence(seed_rows, "The Iraqi officials said the strike").iloc[0]
    assert (strike.event_word, strike.agency, strike.agent) == ("killed", "active", "the strike")
    tried = _in_sentence(seed_rows, "In October, he gave").iloc[0]
    assert (tried.agency, tried.agent, tried.rule) == ("active", "Israel", "infinitive_control")


def test_every_class_occurs_in_the_corpus_and_offsets_hold(table, corpus):
    assert set(table.agency) == set(AGENCY_CLASSES)
    docs = corpus.set_index("doc_id")
    for row in table.itertuples():
        text = docs.at[row.doc_id, COLUMN[row.part]]
        assert text[row.start:row.end] == row.event_word
        assert text[row.sent_start:row.sent_end] == row.sentence


@pytest.mark.parametrize("sentence, word, cls, agent, rule", [
    ("The drone was shot down by Iranian forces.", "shot down", "passive_agent", "Iranian forces", "passive"),
    ("Soleimani was killed by a US drone.", "killed", "passive_agent", "a US drone", "passive"),
    ("Soleimani was killed in an airstrike.", "killed", "passive_agentless", None, "passive"),
    ("He was assassinated on Friday.", "assassinated", "passive_agentless", None, "passive"),
    ("Soleimani died in the strike.", "died", "passive_agentless", None, "intransitive"),
    ("US forces killed Soleimani.", "killed", "active", "US forces", "active"),
    ("Trump ordered the strike.", "strike", "active", "Trump", "light_verb"),
    ("The US took out Soleimani.", "took out", "active", "The US", "active"),
    ("Israel had tried to assassinate him.", "assassinate", "active", "Israel", "infinitive_control"),
    ("It was a rocket attack that killed a contractor.", "killed", "active", "a rocket attack", "relative_clause"),
    ("Missiles struck two cars, killing seven people.", "killing", "active", "Missiles", "participle_clause"),
    ("The assassination was ordered by Trump.", "assassination", "passive_agent", "Trump", "light_verb_passive"),
    ("The killing of Soleimani sparked outrage.", "killing", "nominal", None, "nominal"),
    ("Iran vowed revenge for Soleimani’s assassination.", "assassination", "nominal", None, "nominal"),
])
def test_each_class_on_written_sentences(sentence, word, cls, agent, rule):
    rows = agency(pd.DataFrame({"doc_id": ["x"], "text": [sentence]}))
    row = rows[rows.event_word == word].iloc[0]
    assert (row.agency, row.agent, row.rule) == (cls, agent, rule)


def test_means_and_agent_nouns_are_not_counted_twice():
    rows = agency(pd.DataFrame({"doc_id": ["x", "y"], "text": [
        "Soleimani was killed in a US drone strike.", "A US drone strike killed Soleimani."]}))
    assert rows[["doc_id", "event_word", "agency"]].values.tolist() == [
        ["x", "killed", "passive_agentless"], ["y", "killed", "active"]]


def test_event_terms_list_restricts_the_words(corpus):
    seed = corpus[corpus.doc_id == SEED]
    rows = agency(seed, event_terms=["kill"])
    assert set(rows.event_lemma) <= {"kill", "killing"} and "attacked" not in set(rows.event_word)
    assert (rows.part == "title").any()


def test_an_edited_event_terms_file(corpus, tmp_path):
    data = yaml.safe_load(default_event_terms_path().read_text(encoding="utf-8"))
    data["verbs"] = [v for v in data["verbs"] if v["lemma"] != "attack"]
    data["nouns"] = [n for n in data["nouns"] if n["lemma"] != "attack"] + [{"lemma": "raid", "forms": ["raid"]}]
    path = tmp_path / "terms.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    seed = corpus[corpus.doc_id == SEED]
    rows = agency(seed, event_terms=path)
    assert "attack" not in set(rows.event_lemma)
    raid = agency(pd.DataFrame({"doc_id": ["x"], "text": ["The raid was launched by US forces."]}), event_terms=path)
    assert raid[["event_word", "agency", "agent"]].values.tolist() == [["raid", "passive_agent", "US forces"]]


def test_agency_counts_shares_sum_to_one(table, corpus):
    counts = agency_counts(table, corpus, by="group")
    sums = counts.groupby("group")["share"].sum()
    assert ((sums - 1).abs() < 1e-9).all()
    assert set(counts.agency) == set(AGENCY_CLASSES)


def test_non_english_documents_are_skipped_with_a_warning():
    frame = pd.DataFrame({"doc_id": ["en", "ru"], "language": ["en", "ru"],
                          "title": ["US kills Iranian general", "США убили иранского генерала"],
                          "text": ["Soleimani was killed.", "Сулеймани был убит."]})
    with pytest.warns(UserWarning, match="not English"):
        rows = agency(frame)
    assert set(rows.doc_id) == {"en"}


def test_module_examples():
    assert examples_fail("toolkit.discourse.agency", "toolkit.discourse.event_terms",
                         "toolkit.discourse.agency_grammar", "toolkit.discourse.agency_rules") == {}
