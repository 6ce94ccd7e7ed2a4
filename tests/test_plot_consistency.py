"""One colour per category across charts, and intervals only for groups with enough articles."""
import matplotlib.pyplot as plt
import pandas as pd

from toolkit import plot


def _bar_colours(ax) -> dict[str, tuple]:
    handles, labels = ax.get_legend_handles_labels()
    return {label: tuple(h.patches[0].get_facecolor()) for h, label in zip(handles, labels)}


def test_same_category_same_colour_across_charts():
    event = pd.DataFrame({"group": ["a", "a", "b"], "family": ["criminalising", "descriptive", "descriptive"],
                          "share": [0.5, 0.5, 1.0]})
    target = pd.DataFrame({"group": ["a", "b", "b"], "family": ["descriptive", "legitimising", "role"],
                           "share": [1.0, 0.4, 0.6]})
    colours = plot.colour_map(sorted(set(event.family) | set(target.family)))
    one = _bar_colours(plot.stacked_shares(event, group="group", category="family", colours=colours))
    two = _bar_colours(plot.stacked_shares(target, group="group", category="family", colours=colours))
    assert one["descriptive"] == two["descriptive"]
    assert len({*one.values(), *two.values()}) == 4  # four categories, four colours
    counts = pd.DataFrame({"date": pd.to_datetime(["2020-01-03"] * 2), "group": ["b", "a"], "n_articles": [1, 2]})
    groups = plot.colour_map(["a", "b"])
    ax = plot.over_time(counts, colours=groups)
    drawn = {label: bars.patches[0].get_facecolor() for bars, label in zip(*ax.get_legend_handles_labels())}
    assert drawn["a"] == plt.matplotlib.colors.to_rgba(groups["a"])
    plt.close("all")


def test_intervals_only_for_groups_with_enough_articles():
    table = pd.DataFrame({"group": ["big", "small"], "n": [40, 6], "n_clusters": [12, 2], "mean": [0.1, -0.2],
                          "ci_low": [0.0, -0.5], "ci_high": [0.2, 0.1], "n_missing": [0, 0]})
    ax = plot.compare_groups(table, by="group", min_n=3)
    assert [t.get_text() for t in ax.texts].count("no interval: too few to resample") == 1
    assert "groups of 3+ articles" in ax.get_legend().get_texts()[0].get_text()
    ax = plot.compare_groups(table, by="group", min_n=2)
    assert "no interval: too few to resample" not in [t.get_text() for t in ax.texts]
    plt.close("all")
