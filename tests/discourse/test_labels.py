"""Labels: descriptors of the target and words for the event, on the seed article and the corpus."""
from __future__ import annotations

import pandas as pd
import pytest
import yaml
from _helpers import COLUMN, SEED, corpus_fixtures, examples_fail

from toolkit.discourse import default_families_path, label_counts, labels, load_families

TARGET = "Soleimani"
ALIASES = ["Qassem Soleimani", "Qasem Soleimani", "Qassim Soleimani"]

table, seed_rows = corpus_fixtures(labels, TARGET, ALIASES)


def _row(rows: pd.DataFrame, **where) -> pd.Series:
    hit = rows
    for key, value in where.items():
        hit = hit[hit[key] == value]
    assert len(hit) >= 1, f"no row with {where}"
    return hit.iloc[0]


def test_offsets_point_at_the_match_in_every_part(table, corpus):
    docs = corpus.set_index("doc_id")
    for row in table.itertuples():
        assert docs.at[row.doc_id, COLUMN[row.part]][row.start:row.end] == row.match


def test_seed_apposition_descriptor(seed_rows, seed):
    row = _row(seed_rows, match="the powerful head of Iran’s Quds Force")
    assert (row.kind, row.label, row.family, row.rule, row.part) == ("descriptor", "head", "role", "apposition", "body")
    assert seed.text[row.start:row.end] == row.match
    assert row.mention == "Qassem Soleimani"


def test_seed_architect_is_a_delegitimising_predicate(seed_rows):
    row = _row(seed_rows, label="architect")
    assert (row.kind, row.family, row.rule) == ("descriptor", "delegitimising", "copular")
    assert row.match.startswith("the architect of much of Iran’s malign activities")


def test_seed_title_premodifier(seed_rows, seed):
    row = _row(seed_rows, part="title", kind="descriptor")
    assert "Iranian general" in row.match and row.label == "general" and row.family == "role"
    assert row.rule == "premodifier"
    assert seed.title[row.start:row.end] == row.match


def test_seed_hero_is_honouring(seed_rows):
    row = _row(seed_rows, label="hero")
    assert row.family == "honouring" and row.match == "a selfless hero" and row.rule == "object_predicative"


@pytest.mark.parametrize("word, label, family, part", [
    ("killed", "kill", "descriptive", "body"),
    ("assassination", "assassination", "criminalising", "body"),
    ("martyred", "martyr", "honouring", "body"),
    ("slain", "slay", "descriptive", "standfirst"),
    ("death", "death", "descriptive", "body"),
    ("airstrike", "strike", "descriptive", "title"),
])
def test_seed_event_words(seed_rows, seed, word, label, family, part):
    row = _row(seed_rows, kind="event", match=word, part=part)
    assert (row.label, row.family, row.rule) == (label, family, "lexicon")
    assert seed[COLUMN[part]][row.start:row.end] == word


def test_martyred_is_inside_a_quote_and_near_the_target(seed_rows):
    row = _row(seed_rows, kind="event", match="martyred")
    assert row.in_quote and row.target_in_sentence


def test_corpus_finds_labels_from_every_family(table):
    desc = table[table.kind == "descriptor"]
    assert {"delegitimising", "honouring", "role"} <= set(desc.family)
    assert "terrorist" in set(desc.label) and "martyr" in set(desc.label)
    events = table[table.kind == "event"]
    assert {"criminalising", "legitimising", "honouring", "descriptive"} <= set(events.family)
    assert {"eliminate", "terminate", "assassinate"} <= set(events.label)


@pytest.mark.parametrize("by", ["outlet", "group"])
def test_label_counts_shares_sum_to_one(table, corpus, by):
    counts = label_counts(table, corpus, by=by)
    sums = counts.groupby([by, "kind"])["share"].sum()
    assert ((sums - 1).abs() < 1e-9).all()
    assert counts["n"].sum() == len(table)


def test_label_counts_per_label(table, corpus):
    counts = label_counts(table, corpus, level="label")
    assert {"outlet", "kind", "family", "label", "n", "share"} <= set(counts.columns)
    sums = counts.groupby(["outlet", "kind"])["share"].sum()
    assert ((sums - 1).abs() < 1e-9).all()


def test_an_edited_families_file_changes_the_families(corpus, tmp_path):
    data = yaml.safe_load(default_families_path().read_text(encoding="utf-8"))
    # move "architect" into a new family and add a word the default file lacks
    del data["descriptor"]["delegitimising"]["labels"]["architect"]
    data["descriptor"]["responsibility"] = {"description": "blames", "labels": {
        "architect": ["architect"], "ringleader": ["ringleader"]}}
    path = tmp_path / "families.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    seed = corpus[corpus.doc_id == SEED]
    rows = labels(seed, TARGET, ALIASES, families=path)
    assert _row(rows, label="architect").family == "responsibility"
    text = pd.DataFrame({"doc_id": ["x"], "text": ["Soleimani, the ringleader, was killed."]})
    assert _row(labels(text, TARGET, families=path), kind="descriptor").label == "ringleader"
    assert _row(labels(text, TARGET), kind="descriptor").family == "unlisted"  # not in the default file


def test_families_file_errors_are_explained(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("descriptor:\n  a: {labels: {x: [villain]}}\n  b: {labels: {y: [villain]}}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="listed twice"):
        load_families(bad)


@pytest.mark.parametrize("text, label, family, rule", [
    ("Soleimani was a terrorist.", "terrorist", "delegitimising", "copular"),
    ("Pompeo called Soleimani a thug.", "thug", "delegitimising", "object_predicative"),
    ("The strike killed top commander Soleimani.", "commander", "role", "premodifier"),
    ("Mourners honoured Martyr Qassem Soleimani.", "martyr", "honouring", "premodifier"),
    ("Gen. Qassem Soleimani arrived.", "general", "role", "premodifier"),
    ("Iran’s top general, Qassem Soleimani, was killed.", "general", "role", "apposition_before"),
    ("Supporters say Soleimani was a hero to many.", "hero", "honouring", "copular"),
])
def test_descriptor_rules_on_written_sentences(text, label, family, rule):
    rows = labels(pd.DataFrame({"doc_id": ["x"], "text": [text]}), TARGET, ALIASES)
    row = _row(rows, kind="descriptor")
    assert (row.label, row.family, row.rule) == (label, family, rule)
    assert text[row.start:row.end] == row.match


def test_negation_modifiers_and_fixed_titles():
    frame = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [
        "Soleimani was not a hero.",
        "Soleimani led a terrorist organization.",
        "Supreme Leader Khamenei mourned Soleimani.",
    ]})
    rows = labels(frame, TARGET)
    assert _row(rows, doc_id="a").negated
    assert rows[rows.doc_id.isin(["b", "c"])].empty  # a modifier, and a title of someone else


def test_non_english_documents_are_skipped_with_a_warning():
    frame = pd.DataFrame({"doc_id": ["en", "ru"], "language": ["en", "ru"],
                          "text": ["Soleimani was a terrorist.", "Сулеймани был убит ударом."]})
    with pytest.warns(UserWarning, match="not English"):
        rows = labels(frame, TARGET)
    assert set(rows.doc_id) == {"en"}


def test_module_examples():
    assert examples_fail("toolkit.discourse.labels", "toolkit.discourse.label_families",
                         "toolkit.discourse.label_rules") == {}


def _labels_of(text: str) -> pd.DataFrame:
    out = labels(pd.DataFrame({"doc_id": ["x"], "text": [text]}), TARGET, ALIASES)
    return out[out.kind == "descriptor"]


def test_parse_gives_whole_premodifiers_and_appositions():
    rows = _labels_of("Iranian terror mastermind Qassem Soleimani was killed.")
    row = _row(rows, label="mastermind")
    assert (row.match, row.rule, row.relation) == ("Iranian terror mastermind", "premodifier", "amod")
    rows = _labels_of("The head of Iran’s Quds Force, Qassem Soleimani, was killed.")
    row = _row(rows, label="head")
    assert row.rule == "apposition_before" and row.match.endswith("head of Iran’s Quds Force")
    assert row.relation == "appos"


def test_parse_gives_conjoined_and_negated_copular_predicates():
    rows = _labels_of("Soleimani was not a hero but a terrorist.")
    hero, terrorist = _row(rows, label="hero"), _row(rows, label="terrorist")
    assert (hero.rule, hero.relation, hero.negated) == ("copular", "cop", True)
    assert (terrorist.match, terrorist.negated) == ("a terrorist", False)


def test_parse_gives_object_predicatives_and_named_premodifiers():
    rows = _labels_of("Trump called Soleimani a monster.")
    row = _row(rows, label="monster")
    assert (row.match, row.rule, row.relation) == ("a monster", "object_predicative", "xcomp")
    row = _row(_labels_of("Many people see Soleimani as a selfless hero."), label="hero")
    assert (row.match, row.rule, row.relation) == ("a selfless hero", "object_predicative", "obl")
    row = _row(_labels_of("Iranian terror kingpin Qassem Soleimani was killed on Friday."), label="kingpin")
    assert (row.match, row.family, row.rule) == ("Iranian terror kingpin", "delegitimising", "premodifier")


def test_token_rules_are_the_fallback():
    rows = _labels_of("Qassem Soleimani was killed. He was a terrorist.")
    row = _row(rows, label="terrorist")
    assert (row.rule, row.relation) == ("copular_pronoun", "tokens")
