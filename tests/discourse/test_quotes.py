"""Quotes: who is quoted in the seed article and the corpus, with speaker, side and cue."""
from __future__ import annotations

import pandas as pd
import pytest
from _helpers import COLUMN, corpus_fixtures, examples_fail

from toolkit.discourse import load_actors, match_actor, quote_counts, quotes

table, seed_rows = corpus_fixtures(quotes)


def _quote(rows: pd.DataFrame, prefix: str) -> pd.Series:
    hit = rows[rows.quote.str.startswith(prefix)]
    assert len(hit) == 1, f"expected one quote starting {prefix!r}, got {len(hit)}"
    return hit.iloc[0]


def _one(text: str, **kw) -> pd.DataFrame:
    return quotes(pd.DataFrame({"doc_id": ["x"], "text": [text]}), **kw)


@pytest.mark.parametrize("prefix, speaker, side, cue, kind", [
    ("General Soleimani was actively developing plans", "US Department of Defense", "US officials", "said", "direct"),
    ("General Soleimani and his Quds Force were responsible", "US Department of Defense", "US officials", "said",
     "direct"),
    ("Two vehicles were attacked with missiles by US forces", "Iraj Masjedi", "Iranian officials",
     "told state television", "direct"),
    ("martyred", "Iraj Masjedi", "Iranian officials", "told state television", "partial"),
    ("He knows very well that his assassination", "Yossi Cohen", "Israeli officials", "said", "direct"),
    ("Iran will be held fully responsible", "Donald Trump", "US officials", "said on Twitter", "direct"),
    ("They will pay a very BIG PRICE!", "Donald Trump", "US officials", "wrote", "direct"),
    ("sought to reshape the Middle East", "Dexter Filkins", "other", "wrote", "partial"),
    ("can’t do anything.", "Ali Khamenei", "Iranian officials", "saying", "partial"),
])
def test_seed_direct_quotes_have_the_right_speakers(seed_rows, seed, prefix, speaker, side, cue, kind):
    row = _quote(seed_rows, prefix)
    assert (row.speaker, row.side, row.cue, row.kind) == (speaker, side, cue, kind)
    assert seed.text[row.start:row.end] == row.quote


def test_seed_pronoun_attributions_are_resolved(seed_rows):
    dod = _quote(seed_rows, "General Soleimani was actively")
    assert dod.speaker_phrase == "it" and dod.rule == "after+pronoun" and dod.actor == "US Department of Defense"
    assert _quote(seed_rows, "General Soleimani and his").rule == "continuation"
    trump = _quote(seed_rows, "Iran will be held")
    assert trump.speaker_phrase == "he" and trump.actor == "Donald Trump"
    cohen = _quote(seed_rows, "He knows very well")
    assert cohen.speaker_phrase == "Cohen"  # the surname as written, completed from "Mossad chief Yossi Cohen"


def test_seed_multi_sentence_quote_is_one_row(seed_rows):
    row = _quote(seed_rows, "They will pay")
    assert row.quote == "They will pay a very BIG PRICE! This is not a Warning, it is a Threat,"


def test_seed_quote_split_by_attribution_shares_the_speaker(seed_rows):
    first = _quote(seed_rows, "Two vehicles")
    assert first.rule == "sentence" and first.speaker_phrase == "Iran’s ambassador to Iraq, Iraj Masjedi"


def test_seed_anonymous_sourcing(seed_rows):
    anon = seed_rows[seed_rows.side == "anonymous"]
    official = anon[anon.sentence.str.contains("speaking on condition of anonymity")]
    assert len(official) == 1 and official.iloc[0].kind == "indirect"
    assert official.iloc[0].quote.startswith("al-Muhandis had arrived to the airport")
    us = _quote(seed_rows, "the Guard under Soleimani taught")
    assert (us.side, us.affiliation, us.cue) == ("anonymous", "US officials", "say")
    pmf = _quote(seed_rows, "the dead included Muhandis")
    assert (pmf.side, pmf.affiliation) == ("anonymous", "militia")


def test_seed_indirect_and_according_to(seed_rows):
    esper = _quote(seed_rows, "the Washington was ready")
    assert (esper.speaker, esper.side, esper.kind, esper.rule) == ("Mark Esper", "US officials", "indirect", "clause")
    fars = seed_rows[(seed_rows.cue == "according to") & seed_rows.speaker.str.contains("Fars")]
    assert len(fars) == 1 and fars.iloc[0].side == "Iranian officials"
    first = _quote(seed_rows, "Qassem Soleimani, the powerful head")
    assert first.rule == "trailing" and first.side == "Iraqi officials"


def test_offsets_point_at_the_quote(table, corpus):
    docs = corpus.set_index("doc_id")
    for row in table.itertuples():
        assert docs.at[row.doc_id, COLUMN[row.part]][row.start:row.end] == row.quote


def test_corpus_transcripts_and_statements(table):
    pompeo = table[(table.rule == "transcript") & (table.speaker == "Mike Pompeo")]
    assert len(pompeo) >= 5 and set(pompeo.side) == {"US officials"}
    mcconnell = table[(table.rule == "transcript") & (table.speaker == "Mitch McConnell")]
    assert len(mcconnell) >= 2
    pelosi = table[(table.rule == "statement") & (table.speaker == "Nancy Pelosi")]
    assert len(pelosi) >= 3


@pytest.mark.parametrize("text, speaker, side, rule, kind", [
    ("“We will respond to this crime,” said Zarif.", "Zarif", "Iranian officials", "after", "direct"),
    ("Pompeo told reporters: “The strike was lawful and necessary.”", "Pompeo", "US officials", "before", "direct"),
    ("According to the Pentagon, the strike killed the general.", "Pentagon", "US officials", "according_to",
     "indirect"),
    ("Sources said the general had landed at the airport.", "Sources", "anonymous", "clause", "indirect"),
    ("A senior official, who spoke on condition of anonymity, said the drone fired two missiles.", "senior official",
     "anonymous", "clause", "indirect"),
    ("Netanyahu praised the strike. “Israel stands with the United States,” he said.", "Netanyahu",
     "Israeli officials", "after+pronoun", "direct"),
])
def test_written_attributions(text, speaker, side, rule, kind):
    rows = _one(text)
    row = rows[rows.kind == kind].iloc[0]
    assert (row.speaker, row.side, row.rule) == (speaker, side, rule)
    assert text[row.start:row.end] == row.quote


def test_scare_quotes_are_not_quotes():
    assert _one("The so-called “maximum pressure” campaign continued.").empty


def test_an_edited_actor_table_changes_the_sides():
    table = load_actors()
    table.loc[table.actor == "Dexter Filkins", "side"] = "journalists"
    row = _one("Reporter Dexter Filkins wrote that the general “sought to reshape the region.”",
               actors=table).iloc[0]
    assert (row.speaker, row.side) == ("Dexter Filkins", "journalists")
    assert match_actor("Iran’s ambassador to Iraq, Iraj Masjedi") == ("Iraj Masjedi", "Iranian officials", "person")


def test_quote_counts_shares_sum_to_one(table, corpus):
    counts = quote_counts(table, corpus, by="group")
    sums = counts.groupby("group")["share"].sum()
    assert ((sums - 1).abs() < 1e-9).all()
    assert counts["n"].sum() == len(table)


def test_non_english_documents_are_skipped_with_a_warning():
    frame = pd.DataFrame({"doc_id": ["en", "ru"], "language": ["en", "ru"],
                          "text": ["“We will respond,” Zarif said.", "«Мы ответим», — сказал Зариф."]})
    with pytest.warns(UserWarning, match="not English"):
        rows = quotes(frame)
    assert set(rows.doc_id) == {"en"}


def test_module_examples():
    assert examples_fail("toolkit.discourse.quotes", "toolkit.discourse.quote_words", "toolkit.discourse.quote_clauses",
                         "toolkit.discourse.quote_indirect", "toolkit.discourse.quote_rules",
                         "toolkit.discourse.quote_marks", "toolkit.discourse.quote_extent",
                         "toolkit.discourse.quote_context", "toolkit.discourse.quote_lexicon",
                         "toolkit.discourse.quote_parse", "toolkit.discourse.quote_sides", "toolkit.text.parts") == {}
