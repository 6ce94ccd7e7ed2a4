"""Agency: active, passive with and without agent, nominal — on the seed article, the corpus and written sentences."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml
from _helpers import COLUMN, SEED, corpus_fixtures, examples_fail

from toolkit.discourse import AGENCY_CLASSES, agency, agency_counts, default_event_terms_path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from discourse_accuracy import agency_scores  # noqa: E402

table, seed_rows = corpus_fixtures(agency)


def _in_sentence(rows: pd.DataFrame, prefix: str) -> pd.DataFrame:
    return rows[rows.sentence.str.startswith(prefix)]


def test_seed_title_is_active_with_agent_us(seed_rows, seed):
    title = seed_rows[seed_rows.part == "title"]
    row = title[title.event_word == "kills"].iloc[0]
    assert (row.agency, row.agent, row.rule) == ("active", "US", "active")
    assert seed.title[row.start:row.end] == "kills"
    # the means is a noun of its own that names no doer
    assert title[title.event_word == "airstrike"][["agency", "agent"]].values.tolist() == [["nominal", None]]


def test_seed_first_body_sentence_is_passive_without_agent(seed_rows, seed):
    rows = _in_sentence(seed_rows[seed_rows.part == "body"], "Qassem Soleimani, the powerful head")
    killed = rows[rows.event_word == "killed"]
    assert killed[["agency", "agent"]].values.tolist() == [["passive_agentless", None]]
    row = killed.iloc[0]
    assert seed.text[row.sent_start:row.sent_end] == row.sentence


def test_seed_death_is_nominal(seed_rows):
    row = _in_sentence(seed_rows, "Soleimani’s death will likely").iloc[0]
    assert (row.event_word, row.agency, row.agent, row.modifier) == ("death", "nominal", None, "Soleimani")


def test_seed_vehicles_attacked_by_us_forces(seed_rows):
    rows = _in_sentence(seed_rows, "“Two vehicles were attacked")
    first = rows[rows.event_word == "attacked"].iloc[0]
    assert (first.agency, first.agent, first.rule) == ("passive_agent", "US forces", "passive")
    assert rows[rows.event_word == "martyred"].iloc[0].agency == "passive_agentless"


def test_seed_standfirst_headline_passives(seed_rows):
    rows = seed_rows[seed_rows.part == "standfirst"].set_index("event_word")
    assert rows.loc["killed", "agency"] == "passive_agentless" and rows.loc["killed", "rule"] == "reduced_passive"
    assert rows.loc["slain", "agency"] == "passive_agentless"
    assert (rows.loc["bombing", "agency"], rows.loc["bombing", "agent"]) == ("nominal", "American")


def test_seed_other_patterns(seed_rows):
    helicopters = _in_sentence(seed_rows, "Iranian state television said").iloc[0]
    assert (helicopters.agency, helicopters.agent, helicopters.rule) == (
        "nominal", "US helicopters", "light_verb_passive")
    strike = _in_sentence(seed_rows, "The Iraqi officials said the strike")
    killed = strike[strike.event_word == "killed"].iloc[0]
    # "the strike" is the means, not the doer: the sentence names no one
    assert (killed.agency, killed.agent, killed.rule) == ("active", None, "instrument_subject")
    tried = _in_sentence(seed_rows, "In October, he gave").iloc[0]
    assert (tried.agency, tried.agent, tried.rule) == ("active", "Israel", "subject_control")


def test_every_class_occurs_in_the_corpus_and_offsets_hold(table, corpus):
    assert set(table.agency) == set(AGENCY_CLASSES)
    docs = corpus.set_index("doc_id")
    for row in table.itertuples():
        text = docs.at[row.doc_id, COLUMN[row.part]]
        assert text[row.start:row.end] == row.event_word
        assert text[row.sent_start:row.sent_end] == row.sentence


@pytest.mark.parametrize("sentence, word, cls, agent, rule", [
    ("The drone was shot down by Iranian forces.", "shot down", "passive_agent", "Iranian forces", "passive"),
    ("Soleimani was killed by a US drone.", "killed", "passive_agent", "US", "passive_instrument"),
    ("Soleimani was killed in an airstrike.", "killed", "passive_agentless", None, "passive"),
    ("He was assassinated on Friday.", "assassinated", "passive_agentless", None, "passive"),
    ("Soleimani died in the strike.", "died", "passive_agentless", None, "intransitive"),
    ("US forces killed Soleimani.", "killed", "active", "US forces", "active"),
    ("Trump ordered the strike.", "strike", "nominal", "Trump", "light_verb"),
    ("The US took out Soleimani.", "took out", "active", "The US", "active"),
    ("Israel had tried to assassinate him.", "assassinate", "active", "Israel", "subject_control"),
    ("The assassination was ordered by Trump.", "assassination", "nominal", "Trump", "light_verb_passive"),
    ("The killing of Soleimani sparked outrage.", "killing", "nominal", None, "nominal"),
    ("Iran vowed revenge for Soleimani’s assassination.", "assassination", "nominal", None, "nominal"),
    # the misses of the token rules that the parse fixes
    ("Trump's decision to kill Soleimani was reckless.", "kill", "active", "Trump", "noun_control"),
    ("The US assassination of Soleimani was illegal.", "assassination", "nominal", "US", "nominal_compound"),
    ("The U.S. government's assassination of Soleimani was condemned.", "assassination", "nominal",
     "The U.S. government", "nominal_poss"),
    ("Trump ordered the U.S. military to find and kill Soleimani.", "kill", "active", "the U.S. military",
     "conjunct"),
    ("A US drone strike ordered by President Donald Trump on a Baghdad airport has killed a top Iranian commander.",
     "killed", "active", "US", "instrument_subject"),
    ("Iran uncovered an Israeli plot to kill him.", "kill", "active", "Israeli", "noun_control"),
    # read around the parser's commonest mistakes, and more of the noun phrase
    ("Witnesses said a US drone strike killed the commander on Friday.", "killed", "active", "US",
     "instrument_subject"),
    ("The general was targeted and killed near the border.", "killed", "passive_agentless", None, "passive"),
    ("The Prime Minister’s reckless strike angered the region.", "strike", "nominal", "Prime Minister",
     "nominal_poss"),
    ("Her assassination shocked the country.", "assassination", "nominal", None, "nominal"),
    ("Officials described the bombing that the militia launched last year.", "bombing", "nominal", "the militia",
     "light_verb"),
    ("He had orchestrated an attack on the embassy.", "attack", "nominal", "He", "light_verb"),
    ("The army fired an unprovoked strike on the village.", "strike", "nominal", "The army", "light_verb"),
    ("A series of attacks was conducted by the militia.", "attacks", "nominal", "the militia", "light_verb_passive"),
    ("The government used hired gunmen to attack the protesters.", "attack", "active", "hired gunmen",
     "object_control"),
    ("Most voters think the cabinet made the right decision in taking out the commander.", "taking out", "active",
     "the cabinet", "gerund"),
    ("The ministry said the army conducted an airstrike at the airport killing the commander.", "killing",
     "active", "the army", "participle_clause"),
    ("Congress condemned the Trump Administration's targeted killing of the general.", "targeted killing",
     "nominal", "the Trump Administration", "nominal_poss"),
    ("The minister called the Saudi strikes a provocation.", "strikes", "nominal", "Saudi", "nominal_amod"),
    ("The report counted dozens of targeted killings by drones.", "targeted killings", "nominal", None, "nominal"),
    ("The strike, which was authorized by President Trump, killed Soleimani and nine others.", "killed", "active",
     "President Trump", "instrument_subject"),
    ("Soleimani's killing by a US drone sparked protests.", "killing", "nominal", None, "nominal"),
    ("It was the US that killed Soleimani.", "killed", "active", "the US", "relative_clause"),
    ("Iranian-backed militias have carried out dozens of rocket attacks on bases hosting US troops.", "attacks",
     "nominal", "Iranian-backed militias", "light_verb"),
    ("The attack — in which 31 rockets were fired — killed one American civilian contractor.", "killed", "active",
     None, "instrument_subject"),
])
def test_each_class_on_written_sentences(sentence, word, cls, agent, rule):
    rows = agency(pd.DataFrame({"doc_id": ["x"], "text": [sentence]}))
    row = rows[rows.event_word == word].iloc[0]
    assert (row.agency, row.agent, row.rule) == (cls, agent, rule)


def test_a_title_case_headline_keeps_its_premodifier():
    rows = agency(pd.DataFrame({"doc_id": ["x"], "title": ["Statement on U.S. Airstrike in Syria"], "text": [""]}))
    assert rows[["event_word", "agency", "agent", "rule"]].values.tolist() == [
        ["Airstrike", "nominal", "U.S.", "nominal_compound"]]


def test_every_event_word_is_reported_and_the_means_names_its_doer():
    rows = agency(pd.DataFrame({"doc_id": ["x"], "text": ["Soleimani was killed in a US drone strike."]}))
    assert rows[["event_word", "agency", "agent"]].values.tolist() == [
        ["killed", "passive_agentless", None], ["drone strike", "nominal", "US"]]


def test_development_gold_file(table, corpus):
    """Against tests/data/agency_gold.csv (development gold of the bundled corpus; see its README)."""
    scores = agency_scores(table)
    assert scores["found"] >= 0.99  # 0.996 when written (the token rules: 0.92)
    assert scores["class_accuracy"] >= 0.96  # 0.985 now; 0.954 with the first parse rules, 0.908 with token rules
    assert scores["doer"] >= 0.82  # 0.853 now; 0.655 with the first parse rules, 0.417 with the token rules


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
    assert raid[["event_word", "agency", "agent"]].values.tolist() == [["raid", "nominal", "US forces"]]


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
                         "toolkit.discourse.agency_parse") == {}


def test_a_time_is_never_the_doer():
    text = ("The amendment passed even though the budget proposal that Trump introduced earlier this year eliminated "
            "support for the fund.")
    row = agency(pd.DataFrame({"doc_id": ["x"], "text": [text]})).iloc[0]
    assert row.event_word == "eliminated" and row.agent != "earlier this year"
