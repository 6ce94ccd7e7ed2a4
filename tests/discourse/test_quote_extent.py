"""Quotes: how far reported speech runs, mixed and nested reports, attribution across sentences, the cue lexicon."""
from __future__ import annotations

import pandas as pd
import pytest

from toolkit.discourse import quotes
from toolkit.discourse.quote_lexicon import CUE_VERBS, INFINITIVE_LEMMAS, SPEECH_LEMMAS, load_cues


def _rows(text: str) -> pd.DataFrame:
    out = quotes(pd.DataFrame({"doc_id": ["x"], "text": [text]}))
    for r in out.itertuples():
        assert text[r.start:r.end] == r.quote
    return out


def _pairs(text: str) -> list[tuple[str, str, str | None]]:
    return [(r.kind, r.quote, r.speaker) for r in _rows(text).itertuples()]


def test_content_stops_at_a_verb_phrase_coordinated_with_the_verb_of_saying():
    rows = _rows("The cleric said the killing was the start of a new war with America, and called on "
                 "his followers to attack American bases.")
    said = rows[rows.cue == "said"].iloc[0]
    assert said.quote == "the killing was the start of a new war with America"
    urged = rows[rows.rule == "infinitive"].iloc[0]
    assert (urged.quote, urged.cue) == ("to attack American bases", "called")


def test_a_final_participle_and_according_to_belong_to_the_reporter():
    rows = _rows("A militia official said the dead included two drivers and a bodyguard, identifying one of "
                 "them as a local commander.")
    assert rows.iloc[0].quote == "the dead included two drivers and a bodyguard"
    rows = _rows("The minister said that the embassy had been evacuated, according to state media.")
    said = rows[rows.cue == "said"].iloc[0]
    assert said.quote == "the embassy had been evacuated"


def test_adverbials_of_the_verb_of_saying_are_not_content():
    rows = _rows("The governor said on Friday that the roads would stay closed for a week.")
    assert rows.iloc[0].quote == "the roads would stay closed for a week"
    rows = _rows("The senator said earlier today the vote would be held next week.")
    assert rows.iloc[0].quote == "the vote would be held next week"


def test_a_second_that_clause_is_part_of_the_content():
    rows = _rows("The ministry said there were no casualties among its soldiers, and that it had received "
                 "no reports of damage.")
    assert rows.iloc[0].quote == ("there were no casualties among its soldiers, and that it had received no "
                                  "reports of damage")


def test_a_noun_phrase_object_is_not_reported_speech():
    assert _rows("The two leaders stress their readiness to return to the agreement.").empty
    assert _rows("Israeli officials believe the group wants to avoid a war.").empty  # cognition, not speech


def test_mixed_quotation_gives_the_clause_and_the_quoted_fragment():
    pairs = _pairs("The chancellor said the two countries were “united” on the need to keep the agreement.")
    assert ("indirect", "the two countries were “united” on the need to keep the agreement", "chancellor") in pairs
    assert ("partial", "united", "chancellor") in pairs


def test_mixed_quotation_with_the_attribution_after_it():
    text = 'The agreement "is extremely important for the whole region,” added the president of the council.'
    kinds = {r.kind: r.quote for r in _rows(text).itertuples()}
    assert kinds["partial"] == "is extremely important for the whole region,"
    assert kinds["indirect"].startswith("The agreement") and kinds["indirect"].endswith("region,”")


def test_nested_reports_are_a_row_each():
    rows = _rows("The envoy also said that Israel had asked Washington to kill the commander.")
    outer = rows[rows.cue == "said"].iloc[0]
    inner = rows[rows.cue == "asked"].iloc[0]
    assert outer.quote == "Israel had asked Washington to kill the commander"
    assert (inner.quote, inner.speaker) == ("to kill the commander", "Israel")


def test_a_quote_attributed_by_the_next_sentence():
    rows = _rows("Markets fell on Monday. “The plan was reckless and it will cost us dearly.” That was how "
                 "opposition leader Sarah Okafor described the budget.")
    row = rows.iloc[0]
    assert (row.kind, row.rule, row.speaker, row.cue) == ("direct", "next", "Sarah Okafor", "described")


def test_a_next_sentence_that_reports_something_else_does_not_attribute():
    rows = _rows("“The plan was reckless and it will cost us dearly.” The minister said the budget would pass "
                 "with a large majority next week.")
    assert rows[rows.kind == "direct"].iloc[0].rule == "none"


def test_naming_verbs_and_according_to_after_a_quote():
    rows = _rows("Anna Weiss, the party's leader, described the decision as “reckless and dangerous.”")
    assert (rows.iloc[0].kind, rows.iloc[0].speaker, rows.iloc[0].cue) == ("partial", "Anna Weiss", "described")
    rows = _rows("The raid was “a criminal act,” according to Prime Minister Adel Abdul-Mahdi.")
    partial = rows[rows.kind == "partial"].iloc[0]
    assert (partial.speaker, partial.cue) == ("Adel Abdul-Mahdi", "according to")


def test_nominal_attribution_with_a_content_clause():
    rows = _rows("The Pentagon released a statement that the strike had been defensive.")
    assert (rows.iloc[0].quote, rows.iloc[0].speaker, rows.iloc[0].rule) == (
        "the strike had been defensive", "Pentagon", "nominal")
    assert _rows("The statement that he released on Friday was short.").empty  # a relative clause


@pytest.mark.parametrize("verb", ["warned", "vowed", "stressed", "insisted", "claimed", "announced", "noted",
                                  "denied", "tweeted", "wrote", "admitted", "hinted"])
def test_speech_verbs_beyond_said(verb):
    rows = _rows(f"The spokesman {verb} that the convoy had crossed the border before dawn.")
    assert (rows.iloc[0].quote, rows.iloc[0].cue) == ("the convoy had crossed the border before dawn", verb)


@pytest.mark.parametrize("text, content", [
    ("The mayor urged residents to stay indoors until the evening.", "to stay indoors until the evening"),
    ("The militia threatened to strike the bases again.", "to strike the bases again"),
    ("The prime minister had promised to keep the country out of the war.", "to keep the country out of the war"),
])
def test_requests_promises_and_threats_as_infinitives(text, content):
    assert _rows(text).iloc[0].quote == content


def test_short_quoted_sentences_are_direct_and_fragments_partial():
    rows = _rows("“We are ready,” the commander said. He called them “cowards” in the same speech.")
    assert rows.iloc[0].kind == "direct"
    assert rows[rows.quote == "cowards"].iloc[0].kind == "partial"


def test_the_cue_lexicon_is_data(tmp_path):
    assert CUE_VERBS["urged"] == "urge" and "urge" in INFINITIVE_LEMMAS and "believe" not in SPEECH_LEMMAS
    path = tmp_path / "cues.csv"
    path.write_text("lemma,forms,reports,note\nmurmur,murmur murmured,clause,\nsay,say said,clause,\n")
    cues = load_cues(path)
    assert cues.verbs == {"murmur": "murmur", "murmured": "murmur", "say": "say", "said": "say"}
    path.write_text("lemma,forms,reports\nmurmur,murmured,whisper\n")
    with pytest.raises(ValueError, match="row 2"):
        load_cues(path)


def test_fragment_before_its_attribution_gives_the_clause_too():
    text = ("“Two trucks were hit by missiles” and all six passengers, including the driver, were “martyred,” "
            "the governor told state radio.")
    pairs = _pairs(text)
    assert ("indirect", "all six passengers, including the driver, were “martyred,”", "governor") in pairs
    assert ("partial", "martyred,", "governor") in pairs


def test_a_named_source_reported_inside_a_quotation():
    rows = _rows("“The French government has asserted that the convoy carried weapons, and we take that seriously,” "
                 "the minister said.")
    inner = rows[rows.cue == "asserted"].iloc[0]
    assert inner.speaker == "French government" and inner.quote.startswith("the convoy carried weapons")
    # a pronoun inside the quotation is the quoted speaker's own reference: not attributed from the outside
    rows = _rows("“He said the convoy carried weapons, and we take that seriously,” the minister said.")
    assert list(rows.cue) == ["said"] and rows.iloc[0].kind == "direct"


@pytest.mark.parametrize("text, speaker, cue", [
    ("The strike, according to two Iraqi officials, killed seven people near the airport.", "two Iraqi officials",
     "according to"),
    ("The strike, Pentagon officials said, was a defensive action against imminent threats.", "Pentagon officials",
     "said"),
])
def test_a_parenthetical_attribution_reports_the_sentence_around_it(text, speaker, cue):
    row = _rows(text).iloc[0]
    assert (row.quote, row.speaker, row.cue) == (text[:-1], speaker, cue)


def test_quoted_as_saying_names_the_subject_of_quoted():
    row = _rows("Zarif was quoted by state media as saying that the United States would regret the attack.").iloc[0]
    assert (row.quote, row.speaker, row.speaker_rule) == ("the United States would regret the attack", "Zarif",
                                                          "nsubj:pass")


def test_an_attribution_ending_in_a_colon_before_the_quotation():
    text = "Late on Friday, the president wrote on Twitter:\n\n“Iran never won a war, but never lost a negotiation!”"
    rows = _rows(text)
    assert len(rows) == 1  # "Late on Friday" is no reported clause
    row = rows.iloc[0]
    assert (row.kind, row.rule, row.speaker, row.cue) == ("direct", "before", "president", "wrote on Twitter")


def test_a_quotation_split_by_its_attribution_is_direct_on_both_sides():
    rows = _rows("Ali Khamenei spoke on Friday. “We will find them,” he said, “and they will pay.”")
    assert list(rows.kind) == ["direct", "direct"] and set(rows.speaker) == {"Ali Khamenei"}


@pytest.mark.parametrize("text, content, speaker", [
    ("The strike killed ten fighters near the border, the official said, adding that more raids were planned.",
     "The strike killed ten fighters near the border", "official"),
    ("Iran will respond at a time of its choosing, Zarif told reporters in Tehran, calling the attack a crime.",
     "Iran will respond at a time of its choosing", "Zarif"),
])
def test_trailing_attribution_followed_by_a_participle(text, content, speaker):
    row = _rows(text).iloc[0]
    assert (row.rule, row.quote, row.speaker) == ("trailing", content, speaker)


def test_the_title_of_a_programme_is_not_a_quotation():
    rows = _rows("“The risk of doing nothing was enormous,” the minister told ABC's “This Week.”")
    assert list(rows.quote) == ["The risk of doing nothing was enormous,"]


def test_a_clause_that_opens_with_a_quoted_fragment():
    pairs = _pairs("The prime minister said in a statement that “we will not lament” the general's death.")
    assert ("indirect", "“we will not lament” the general's death", "prime minister") in pairs
    assert ("partial", "we will not lament", "prime minister") in pairs


def test_a_quotation_inside_the_reporters_sentence_is_not_attributed_by_the_next():
    rows = _rows("In the article, the author mocks talk of “Islamic hardliners who would have them all executed.” "
                 "Professor Lee said the article was unfair.")
    assert not (rows.rule == "next").any()


def test_a_colon_after_a_clause_is_no_headline_attribution():
    rows = _rows("The journalist shot back: “So is that a yes? It's a yes or no question.”")
    assert rows.empty or not (rows.rule == "colon").any()
    row = _rows("Governor Brown on Trump: “Something has to happen to this guy.”").iloc[0]
    assert (row.rule, row.cue) == ("colon", ":")


def test_a_quotation_right_after_reported_speech_continues_it():
    rows = _rows("Secretary of State Mike Pompeo said the United States remained committed to de-escalation.\n\n"
                 "“We want peace. We do not want war.”\n\nMarkets fell on Monday, and analysts said oil would rise.")
    row = rows[rows.kind == "direct"].iloc[0]
    assert (row.rule, row.speaker.endswith("Mike Pompeo")) == ("continuation", True)


def test_a_whole_clause_in_quotation_marks_is_direct_even_in_lower_case():
    rows = _rows("The spokesman said the chief had “consistently advocated for de-escalation”, adding that “this is "
                 "a moment in which leaders must exercise maximum restraint.”")
    kinds = dict(zip(rows.quote, rows.kind))
    assert kinds["consistently advocated for de-escalation"] == "partial"
    assert kinds["this is a moment in which leaders must exercise maximum restraint."] == "direct"
