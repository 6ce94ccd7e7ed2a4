"""toolkit.reuse, own_text and reuse_shares: planted copies edited as wire copy is, unrelated texts left apart."""
from __future__ import annotations

import textwrap

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.text.reuse import REUSE_COLUMNS, words

# A wire paragraph (written for these tests) and an unrelated paragraph for the rest of each article.
WIRE = ('Iranian state television said on Friday that General Qassem Soleimani, the commander of the Quds Force, '
        'was killed in a drone strike near Baghdad International Airport together with several senior '
        'militia leaders, and that Tehran "will take revenge at the right time and place" for his death, '
        'according to a statement read by a presenter.')
LOCAL = ("The city council met on Tuesday evening to discuss the new budget for road repairs. Several residents "
         "asked why the bridge on Mill Street has stayed closed since the spring floods.")
TAIL = "Readers can send letters to the editor by post or by e-mail."
OTHER = ("Farmers in the valley expect a late harvest this year after weeks of cold rain. The cooperative "
         "will open its market hall on Saturday mornings from next month.")


def _corpus(texts: dict[str, str], dates: dict[str, str] | None = None) -> pd.DataFrame:
    dates = dates or {}
    return pd.DataFrame({"doc_id": list(texts), "outlet": [d.split("-")[0] for d in texts],
                         "date": pd.to_datetime([dates.get(d) for d in texts]), "text": list(texts.values())})


def _one(found: pd.DataFrame, doc_id: str) -> pd.Series:
    rows = found[found["doc_id"] == doc_id]
    assert len(rows) == 1, found
    return rows.iloc[0]


EDITS = {
    "verbatim": WIRE,
    "quote marks": WIRE.replace('"will', "“will").replace('place"', "place”"),
    "word changed": WIRE.replace("senior", "high-ranking"),
    "word dropped": WIRE.replace(" together", ""),
    "re-wrapped": textwrap.fill(WIRE, width=64),
    "all at once": textwrap.fill(WIRE.replace('"will', "‘will").replace('place"', "place’")
                                 .replace("senior", "top").replace(" together", ""), width=58),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_finds_an_edited_copy_with_its_offsets_and_source(edit: str) -> None:
    copy = EDITS[edit]
    texts = {"wire-1": WIRE + "\n\n" + OTHER, "paper-1": LOCAL + "\n\n" + copy + "\n\n" + TAIL}
    corpus = _corpus(texts, {"wire-1": "2020-01-03", "paper-1": "2020-01-04"})
    row = _one(toolkit.reuse(corpus), "paper-1")
    assert row["source_doc_id"] == "wire-1"
    at = texts["paper-1"].index(copy)
    # the whole copy, from its first word to its last with the closing period
    assert (row["start"], row["end"]) == (at, at + len(copy))
    assert (row["source_start"], row["source_end"]) == (0, len(WIRE))
    assert row["n_words"] == len(words(copy)[0])
    if edit in ("verbatim", "quote marks", "re-wrapped"):
        assert row["similarity"] == 1.0
    else:
        assert 0.9 < row["similarity"] < 1.0


def test_earlier_date_is_the_source_whatever_the_order_or_ids() -> None:
    texts = {"a-late": LOCAL + "\n\n" + WIRE, "z-early": WIRE + "\n\n" + OTHER}
    found = toolkit.reuse(_corpus(texts, {"a-late": "2020-01-05", "z-early": "2020-01-02"}))
    assert found["doc_id"].tolist() == ["a-late"] and found["source_doc_id"].tolist() == ["z-early"]


def test_same_date_or_no_date_the_smaller_doc_id_is_the_source() -> None:
    texts = {"b": LOCAL + "\n\n" + WIRE, "a": WIRE + "\n\n" + OTHER}
    for dates in ({"a": "2020-01-03", "b": "2020-01-03"}, {}):
        found = toolkit.reuse(_corpus(texts, dates))
        assert found[["doc_id", "source_doc_id"]].values.tolist() == [["b", "a"]]
    # an undated article is never the source of a dated one
    found = toolkit.reuse(_corpus(texts, {"b": "2020-01-09"}))
    assert found[["doc_id", "source_doc_id"]].values.tolist() == [["a", "b"]]


def test_three_copies_all_point_to_the_earliest() -> None:
    texts = {"wire": WIRE, "p1": OTHER + "\n\n" + WIRE, "p2": LOCAL + "\n\n" + WIRE.replace("senior", "top")}
    found = toolkit.reuse(_corpus(texts, {"wire": "2020-01-03", "p1": "2020-01-04", "p2": "2020-01-05"}))
    assert sorted(found[["doc_id", "source_doc_id"]].values.tolist()) == [["p1", "wire"], ["p2", "wire"]]


def test_common_phrases_do_not_link_articles() -> None:
    # two texts that share stock phrases of news prose, never a passage
    a = ("The United States said on Friday that it would send more troops to the region. The Secretary of State "
         "said the United States does not seek war with Iran. Oil prices rose on Friday.")
    b = ("Officials in London said on Friday that the United States does not seek war. The Secretary of State "
         "will travel to the region next week, a spokesman said on Friday. Oil prices rose on Friday.")
    found = toolkit.reuse(_corpus({"a": a, "b": b}, {"a": "2020-01-03", "b": "2020-01-04"}), min_words=10)
    assert found.empty
    assert list(found.columns) == list(REUSE_COLUMNS)


def test_bundled_corpus_links_only_texts_that_share_a_passage(corpus: pd.DataFrame) -> None:
    found = toolkit.reuse(corpus)
    texts = corpus.set_index("doc_id")["text"]
    dates = corpus.set_index("doc_id")["date"]
    for row in found.itertuples():
        mine, theirs = texts[row.doc_id][row.start:row.end], texts[row.source_doc_id][row.source_start:row.source_end]
        # a real shared passage: the same words in the same order, almost all of them
        assert row.similarity >= 0.9, (row.doc_id, mine, theirs)
        assert dates[row.source_doc_id] <= dates[row.doc_id]
    # the Times of Israel report quotes the Pentagon's statement of 2 January
    seed = found[found["doc_id"] == "000_22b6830e9619a82a"]
    assert seed["source_doc_id"].tolist() == ["usdod_2020-01-02_statement-on-soleimani"]
    assert "actively developing plans to attack American diplomats" in texts[seed.iloc[0]["doc_id"]][
        seed.iloc[0]["start"]:seed.iloc[0]["end"]]
    # texts on different subjects (Kremlin call, the UN's appeals) are linked to nothing
    linked = set(found["doc_id"]) | set(found["source_doc_id"])
    assert not any(d.startswith(("kremlin", "un_", "iran-unsc")) for d in linked)


def test_streamed_chunks_give_the_same_table(corpus: pd.DataFrame) -> None:
    whole = toolkit.reuse(corpus)
    parts = (corpus.iloc[i: i + 7] for i in range(0, len(corpus), 7))
    pd.testing.assert_frame_equal(toolkit.reuse(parts), whole)


def test_bad_input_is_named() -> None:
    with pytest.raises(ValueError, match="'x' occurs more than once"):
        toolkit.reuse(pd.DataFrame({"doc_id": ["x", "x"], "text": ["a", "b"]}))
    with pytest.raises(ValueError, match="row 1 .*'y'.* not a string"):
        toolkit.reuse(pd.DataFrame({"doc_id": ["x", "y"], "text": ["a", None]}))
    with pytest.raises(ValueError, match="missing \\['text'\\]"):
        toolkit.reuse(pd.DataFrame({"doc_id": ["x"]}))


def test_own_text_blanks_the_reusing_article_only() -> None:
    texts = {"wire-1": WIRE + "\n\n" + OTHER, "paper-1": LOCAL + "\n\n" + EDITS["all at once"] + "\n\n" + TAIL}
    corpus = _corpus(texts, {"wire-1": "2020-01-03", "paper-1": "2020-01-04"})
    found = toolkit.reuse(corpus)
    own = toolkit.own_text(corpus, found)
    assert own.loc[0, "text"] == texts["wire-1"] and own.loc[0, "share_reused"] == 0.0
    paper = own.loc[1, "text"]
    assert len(paper) == len(texts["paper-1"])  # offsets stay valid
    assert "Soleimani" not in paper and paper.startswith(LOCAL) and paper.endswith(TAIL)
    assert 0.5 < own.loc[1, "share_reused"] < 1.0
    # no sentence runs across the gap, and every sentence is the article's own
    said = toolkit.sentences(own)
    assert said.loc[said["doc_id"] == "paper-1", "text"].tolist() == [
        "The city council met on Tuesday evening to discuss the new budget for road repairs.",
        "Several residents asked why the bridge on Mill Street has stayed closed since the spring floods.",
        TAIL]
    assert corpus.loc[1, "text"] == texts["paper-1"]  # the input is not changed


def test_reuse_shares_lists_every_outlet() -> None:
    texts = {"wire-1": WIRE, "paper-1": LOCAL + "\n\n" + WIRE, "paper-2": OTHER + "\n\n" + WIRE,
             "blog-1": TAIL}
    corpus = _corpus(texts, {"wire-1": "2020-01-03", "paper-1": "2020-01-04", "paper-2": "2020-01-05",
                             "blog-1": "2020-01-06"})
    table = toolkit.reuse_shares(corpus, toolkit.reuse(corpus))
    assert table["outlet"].tolist() == ["blog", "paper", "wire"]
    paper = table[table["outlet"] == "paper"].iloc[0]
    n_wire = len(words(WIRE)[0])
    assert paper["source_outlet"] == "wire" and paper["n_passages"] == 2 and paper["n_reused"] == 2 * n_wire
    assert paper["share"] == round(paper["n_reused"] / paper["n_words"], 4)
    assert table.loc[table["outlet"] != "paper", "share"].tolist() == [0.0, 0.0]
    assert table.loc[table["outlet"] != "paper", "source_outlet"].isna().all()


words_ = st.lists(st.sampled_from("the a Iran strike said general killed Baghdad on Friday forces US".split() +
                                  ["“quoted”", "don't", "U.S.", "—"]), min_size=0, max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(words_, st.sampled_from(["2020-01-03", "2020-01-04", None]),
                          st.sampled_from([" ", "\n", "  "])), min_size=1, max_size=5),
       st.integers(5, 12))
def test_rows_are_honest_passages(docs, min_words: int) -> None:
    texts = {f"d{i}": sep.join(ws) for i, (ws, _, sep) in enumerate(docs)}
    # copies of earlier texts make reuse likely
    for i in range(1, len(docs)):
        texts[f"d{i}"] += "\n\n" + texts["d0"]
    dates = {f"d{i}": date for i, (_, date, _) in enumerate(docs) if date}
    corpus = _corpus(texts, dates)
    found = toolkit.reuse(corpus, min_words=min_words)
    dated = corpus.set_index("doc_id")["date"]
    for row in found.itertuples():
        text, source = texts[row.doc_id], texts[row.source_doc_id]
        assert 0 <= row.start < row.end <= len(text) and 0 <= row.source_start < row.source_end <= len(source)
        assert text[row.start:row.end].strip() and source[row.source_start:row.source_end].strip()
        assert row.doc_id != row.source_doc_id and row.n_words >= min_words and 0 < row.similarity <= 1
        a, b = dated[row.source_doc_id], dated[row.doc_id]
        if pd.notna(b):
            assert pd.notna(a) and a <= b
    # passages of one article never overlap
    for _, rows in found.groupby("doc_id"):
        rows = rows.sort_values("start")
        assert (rows["start"].to_numpy()[1:] >= rows["end"].to_numpy()[:-1]).all()
    own = toolkit.own_text(corpus, found)
    assert (own["text"].str.len() == corpus["text"].str.len()).all()


def test_chart_of_reused_shares(corpus: pd.DataFrame) -> None:
    import matplotlib.pyplot as plt

    from toolkit import plot, resources

    grouped = corpus.merge(resources.corpus_groups(), on="doc_id")
    table = toolkit.reuse_shares(grouped, toolkit.reuse(grouped), by="group")
    ax = plot.reuse_shares(table, by="group")
    groups = sorted(grouped["group"].unique())
    assert [t.get_text().rsplit(" (n=", 1)[0] for t in ax.get_yticklabels()] == groups
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel() == "group"
    assert any(t.get_text().startswith("Source:") for t in ax.texts)
    # one bar per group and source, as wide as the table's share
    widths = sorted(round(p.get_width(), 4) for p in ax.patches if p.get_width() > 0)
    assert widths == sorted(table.loc[table["share"] > 0, "share"].tolist())
    assert {t.get_text() for t in ax.get_legend().get_texts()} == set(table["source_group"].dropna())
    # nothing found: every group is still shown, at 0 %, and the chart says why
    empty = toolkit.reuse_shares(grouped, toolkit.reuse(grouped, min_words=500), by="group")
    ax = plot.reuse_shares(empty, by="group", min_words=500)
    assert len(ax.get_yticklabels()) == len(groups)
    assert "no reused passage found (≥ 500 words)" in [t.get_text() for t in ax.texts]
    plt.close("all")


def test_same_passages_in_processes_with_different_string_hashing() -> None:
    import os
    import subprocess
    import sys

    script = ("import toolkit; c = toolkit.load(toolkit.resources.corpus_dir()); "
              "print(toolkit.reuse(c, min_words=10).to_csv(index=False))")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] and runs[0].count("\n") > 5


def test_a_story_printed_by_many_outlets_links_each_to_the_first() -> None:
    texts = {"wire": WIRE}
    dates = {"wire": "2020-01-03"}
    for i in range(12):  # more copies than max_docs below: each is linked only with the earliest article
        texts[f"paper{i:02d}"] = f"Edition {i}. " + LOCAL + "\n\n" + WIRE.replace("senior", "top" if i % 2 else "senior")
        dates[f"paper{i:02d}"] = "2020-01-04"
    corpus = _corpus(texts, dates)
    for max_docs in (5, 100):
        found = toolkit.reuse(corpus, max_docs=max_docs)
        wire = found[found["source_doc_id"] == "wire"]
        assert sorted(wire["doc_id"]) == sorted(d for d in texts if d != "wire")
        assert (wire["n_words"] == len(words(WIRE)[0])).all()


def test_own_text_chunk_by_chunk_equals_the_whole(corpus: pd.DataFrame) -> None:
    found = toolkit.reuse(corpus)
    whole = toolkit.own_text(corpus, found)
    parts = pd.concat([toolkit.own_text(corpus.iloc[i: i + 10], found) for i in range(0, len(corpus), 10)])
    pd.testing.assert_frame_equal(parts, whole)
    changed = whole[whole["text"] != corpus["text"]]
    assert sorted(changed["doc_id"]) == sorted(found["doc_id"])  # only the reusing articles, never a source
    with pytest.raises(ValueError, match="outside its text"):
        toolkit.own_text(corpus, found.assign(end=found["end"] + 10**6))
