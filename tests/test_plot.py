"""Every chart drawn from real toolkit output, checked for what a reader sees on it."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import toolkit
from toolkit import plot, resources

ALIASES = ["Soleimani", "Suleimani", "Qassem", "Qasem", "Quds Force commander"]


@pytest.fixture(scope="module")
def grouped(corpus):
    return corpus.merge(resources.corpus_groups(), on="doc_id")


@pytest.fixture(scope="module")
def scored(grouped):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return toolkit.sentiment(toolkit.sentences(grouped)).merge(grouped[["doc_id", "group"]], on="doc_id")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def has_source_line(ax) -> bool:
    return any(t.startswith("Source:") for t in texts(ax))


def test_sentiment_arc_quotes_the_extremes(scored):
    seed = scored[scored.doc_id == "000_22b6830e9619a82a"]
    ax = plot.sentiment_arc(scored, "000_22b6830e9619a82a")
    line = ax.get_lines()[-1]
    assert len(line.get_xdata()) == len(seed)
    assert ax.get_xlabel() == "sentence number in the article" and "compound" in ax.get_ylabel()
    lowest = seed.loc[seed.compound.idxmin(), "text"][:30]
    assert any(t.replace("\n", " ").startswith(lowest) for t in texts(ax))
    assert has_source_line(ax) and ax.get_legend() is not None


def test_sentiment_arc_rejects_an_unknown_document(scored):
    with pytest.raises(ValueError, match="no scored sentences"):
        plot.sentiment_arc(scored, "nope")


def test_compare_groups_draws_one_point_per_group_with_intervals(scored):
    table = toolkit.compare(scored, by="group", value="compound", cluster="doc_id")
    ax = plot.compare_groups(table, by="group", xlabel="mean compound")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 8
    assert "US administration (15 articles, 259 rows)" in labels
    points = ax.lines[0].get_xdata()
    assert sorted(points) == pytest.approx(sorted(table["mean"]))
    assert "no interval: too few to resample" in texts(ax)  # the one-article group
    assert has_source_line(ax)


def test_keyness_bars_split_target_and_reference(grouped):
    tokens = toolkit.tokens(grouped).merge(grouped[["doc_id", "group"]], on="doc_id")
    key = toolkit.keyness(tokens, by="group", target="US administration")
    ax = plot.keyness_bars(key, n=5, target="US administration", reference="others")
    widths = [p.get_width() for p in ax.patches]
    assert len(widths) == 10 and sum(w > 0 for w in widths) == 5
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == key.feature.iloc[0]  # strongest on top
    assert "US administration" in ax.get_title() and "χ²" in ax.get_xlabel()


def test_heatmap_of_frame_profiles(grouped):
    sentences = toolkit.sentences(grouped)
    profile = toolkit.frame_profile(toolkit.frames(sentences, scheme="generic", level="document"), grouped, by="group")
    ax = plot.heatmap(profile, row="group", col="frame", value="share_sentences", counts="n_docs")
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "conflict", "human interest", "responsibility", "morality", "economic"]
    assert len(ax.get_yticklabels()) == 8
    cells = [t for t in texts(ax) if "(n=" in t]
    assert len(cells) == 40 and "(n=15)" in " ".join(cells)


def test_stacked_shares_of_label_families(grouped):
    found = toolkit.labels(grouped, "Soleimani", ALIASES)
    counts = toolkit.label_counts(found, grouped, by="group")
    events = counts[counts.kind == "event"]
    ax = plot.stacked_shares(events, group="group", category="family", n="n")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert set(legend) == set(events.family)
    n_groups = events.group.nunique()
    assert len(ax.patches) == n_groups * len(legend)
    totals = {}
    for bar in ax.patches:
        y = round(bar.get_y() + bar.get_height() / 2, 6)
        totals[y] = totals.get(y, 0) + bar.get_width()
    assert all(t == pytest.approx(1.0) for t in totals.values())
    assert any("(n=" in t.get_text() for t in ax.get_yticklabels())


def test_stacked_shares_with_nothing_found_says_so():
    empty = pd.DataFrame({"group": [], "side": [], "share": []})
    ax = plot.stacked_shares(empty, group="group", category="side")
    assert "nothing found in these texts" in texts(ax)


def test_quoted_sides_chart(grouped):
    sides = toolkit.quote_counts(toolkit.quotes(grouped), grouped, by="group")
    ax = plot.stacked_shares(sides, group="group", category="side", n="n")
    colours = [h.get_facecolor() for h in ax.get_legend().legend_handles]
    assert len(colours) == sides.side.nunique() and len(set(colours)) == len(colours)  # no colour reused


def test_dispersion_marks_every_occurrence(grouped):
    tokens = toolkit.tokens(grouped)
    ax = plot.dispersion(tokens, ["killed", "assassination"])
    n_killed = (tokens.lower == "killed").sum()
    offsets = [len(c.get_offsets()) for c in ax.collections]
    assert offsets == [n_killed, (tokens.lower == "assassination").sum()]
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == f"killed ({n_killed})"
    assert len(ax.get_yticklabels()) == len(grouped)


def test_over_time_stacks_articles_per_day(grouped):
    january = grouped[grouped.date < "2020-02-01"]
    counts = toolkit.over_time(january, by="group")
    ax = plot.over_time(counts, group="group", ylabel="articles per day")
    heights = sum(p.get_height() for p in ax.patches)
    assert heights == len(january.dropna(subset=["date"]))
    assert ax.get_ylabel() == "articles per day" and has_source_line(ax)


def test_saved_charts_are_byte_identical(tmp_path, scored):
    table = toolkit.compare(scored, by="group", value="compound", cluster="doc_id")
    for suffix in ("png", "svg"):
        a = plot.save(plot.compare_groups(table, by="group"), tmp_path / f"a.{suffix}")
        b = plot.save(plot.compare_groups(table, by="group"), tmp_path / f"b.{suffix}")
        assert a.read_bytes() == b.read_bytes()
    assert b"Date" not in (tmp_path / "a.svg").read_bytes()[:600]
