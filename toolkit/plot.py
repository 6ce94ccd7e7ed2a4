"""Charts: one function per chart; each takes a toolkit table and ``ax=None`` and returns the ``Axes``.

Plots draw what they are given; statistics are computed in ``toolkit.compare``
and the scoring modules. Colours come from the Okabe–Ito palette, which stays
distinguishable for the common forms of colour blindness. Every chart has a
title, axis labels with units and a source line. :func:`save` writes
byte-identical files for the same figure (no timestamps, fixed SVG ids).

| chart | function | input |
|---|---|---|
| corpus by group | :func:`corpus_overview` | ``toolkit.corpus_summary`` |
| sentiment through an article | :func:`sentiment_arc` | ``toolkit.sentiment`` |
| groups compared with 95 % CIs | :func:`compare_groups` | ``toolkit.compare`` |
| keyness, target vs reference | :func:`keyness_bars` | ``toolkit.keyness`` |
| groups × categories heatmap | :func:`heatmap` | a long table (e.g. frame profiles) |
| stacked shares per group | :func:`stacked_shares` | a long table (label families, quoted sides) |
| lexical dispersion ("x-ray") | :func:`dispersion` | ``toolkit.tokens`` |
| attention over time | :func:`over_time` | corpus |
| reused text by source | :func:`reuse_shares` | ``toolkit.reuse_shares`` |

Example
-------
>>> import toolkit
>>> from toolkit import plot, resources
>>> corpus = toolkit.load(resources.corpus_dir()).merge(resources.corpus_groups(), on="doc_id")
>>> ax = plot.corpus_overview(toolkit.corpus_summary(corpus, by="group"))
>>> ax.get_xlabel()
'words in the corpus'
"""
from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Sequence

import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd

from .plot_style import _EXTRA, OKABE_ITO, SOURCE, _colour, _short, _tidy, colour_map, source_note

__all__ = ["OKABE_ITO", "colour_map", "corpus_overview", "sentiment_arc", "compare_groups", "keyness_bars", "heatmap",
           "stacked_shares", "dispersion", "over_time", "save", "source_note"]

_DARK = {"#0072B2", "#D55E00", "#000000", "#555555", "#777777", "#333333"}  # white labels on these


def _axes(ax, figsize: tuple[float, float]):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _nothing(ax, title: str, message: str, source: str):
    """An empty chart that says why it is empty, instead of an error or a blank image."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=11, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title)
    source_note(ax, source)
    return ax


def corpus_overview(summary: pd.DataFrame, *, ax=None, source: str = SOURCE):
    """Horizontal bars: words per group, labelled with the number of articles.

    ``summary`` is the output of :func:`toolkit.corpus_summary`.
    """
    ax = _axes(ax, (8, 0.45 * len(summary) + 1.6))
    data = summary.sort_values("n_words")
    positions = range(len(data))  # positions, not labels: two long names may shorten alike
    bars = ax.barh(positions, data["n_words"], color=OKABE_ITO[0])
    ax.set_yticks(positions, [_short(x) for x in data.index])
    for bar, n in zip(bars, data["n_articles"]):
        ax.annotate(f"{n} article{'s' if n != 1 else ''}", xy=(bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_xlabel("words in the corpus")
    ax.set_ylabel(data.index.name or "")
    ax.set_title("What the corpus holds, by " + (data.index.name or "group"))
    ax.margins(x=0.18)
    _tidy(ax)
    source_note(ax, source)
    return ax


def sentiment_arc(scored: pd.DataFrame, doc_id: str | None = None, *, ax=None, title: str | None = None,
                  annotate: bool = True, source: str = SOURCE):
    """Compound sentiment sentence by sentence through one article.

    ``scored`` is the output of :func:`toolkit.sentiment.sentiment` (columns
    ``doc_id``, ``sent_id``, ``compound``, ``text``). The most negative and most
    positive sentences are quoted on the chart, so the extremes can be read.
    """
    if doc_id is None:
        doc_id = scored["doc_id"].iloc[0]
    doc = scored.loc[scored["doc_id"] == doc_id].sort_values("sent_id").dropna(subset=["compound"])
    if doc.empty:
        raise ValueError(f"no scored sentences for doc_id {doc_id!r}")
    ax = _axes(ax, (10, 4.8))
    ax.axhspan(-0.05, 0.05, color="#dddddd", zorder=0, label="neutral band (|compound| < 0.05)")
    ax.axhline(0, color="#999999", lw=0.8, zorder=1)
    ax.plot(doc["sent_id"], doc["compound"], color=OKABE_ITO[0], lw=1.2, zorder=2)
    colours = np.where(doc["compound"] >= 0.05, OKABE_ITO[2], np.where(doc["compound"] <= -0.05, OKABE_ITO[3], "#777777"))
    ax.scatter(doc["sent_id"], doc["compound"], c=colours, s=22, zorder=3)
    if annotate:
        for row, va, offset in ((doc.loc[doc["compound"].idxmin()], "top", -14), (doc.loc[doc["compound"].idxmax()], "bottom", 14)):
            ax.annotate(textwrap.fill(_short(row["text"], 90), 48), xy=(row["sent_id"], row["compound"]),
                        xytext=(0, offset), textcoords="offset points", ha="center", va=va, fontsize=8,
                        arrowprops={"arrowstyle": "-", "color": "#555555", "lw": 0.6},
                        bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#bbbbbb", "lw": 0.6})
    ax.set_ylim(-1.35, 1.35)
    ax.set_xlabel("sentence number in the article")
    ax.set_ylabel("VADER compound score (−1 to +1)")
    ax.set_title(title or f"Sentiment through the article: {_short(doc_id, 60)}", pad=18)
    ax.legend(loc="lower right", bbox_to_anchor=(1, 1), fontsize=8, frameon=False, borderaxespad=0)
    _tidy(ax)
    source_note(ax, source)
    return ax


def compare_groups(table: pd.DataFrame, *, by: str | None = None, ax=None, sort: bool = True,
                   xlabel: str = "mean score", title: str | None = None, source: str = SOURCE, min_n: int = 3):
    """Dot-and-whisker chart of a mean per group with its confidence interval.

    ``table`` is the output of :func:`toolkit.compare` (columns ``mean``,
    ``ci_low``, ``ci_high``, ``n`` and the group column ``by``). A group with
    fewer than ``min_n`` articles (``n_clusters``, else ``n``) gets its point
    and a note on the chart instead of an interval.
    """
    by = by or table.columns[0]
    data = table.sort_values("mean") if sort else table.iloc[::-1]
    ax = _axes(ax, (8, 0.45 * len(data) + 1.6))
    if data["mean"].isna().all():
        return _nothing(ax, title or f"{xlabel} by {by}", "no scored rows", source)
    size = data["n_clusters"] if "n_clusters" in data else data["n"]
    data = data.assign(ci_low=data["ci_low"].where(size >= min_n), ci_high=data["ci_high"].where(size >= min_n))
    positions = np.arange(len(data))
    low = (data["mean"] - data["ci_low"]).fillna(0).clip(lower=0)
    high = (data["ci_high"] - data["mean"]).fillna(0).clip(lower=0)
    ax.errorbar(data["mean"], positions, xerr=[low, high], fmt="o", color=OKABE_ITO[0],
                ecolor=OKABE_ITO[0], elinewidth=1.5, capsize=3,
                label=f"mean with 95 % interval (groups of {min_n}+ {'articles' if 'n_clusters' in data else 'rows'})")
    if "n_clusters" in data and (data["n_clusters"] != data["n"]).any():
        counts = [f"{k} article{'s' if k != 1 else ''}, {n} rows" for k, n in zip(data["n_clusters"], data["n"])]
    else:
        counts = [f"n={n}" for n in data["n"]]
    ax.set_yticks(positions, [f"{_short(g)} ({c})" for g, c in zip(data[by], counts)])
    for y, (m, lo) in enumerate(zip(data["mean"], data["ci_low"])):
        if pd.isna(lo) and not pd.isna(m):
            ax.annotate("no interval: too few to resample", xy=(m, y), xytext=(8, 0), textcoords="offset points",
                        va="center", fontsize=8, color="#555555")
    ax.axvline(0, color="#999999", lw=0.8)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(by)
    ax.set_title(title or f"{xlabel} by {by}")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    _tidy(ax)
    source_note(ax, source)
    return ax


def keyness_bars(key: pd.DataFrame, *, n: int = 15, measure: str = "chi2", ax=None,
                 target: str = "target", reference: str = "reference", source: str = SOURCE,
                 colours: tuple[str, str] | None = None):
    """The ``n`` most over-used words of the target and of the reference, as signed bars.

    ``key`` is the output of :func:`toolkit.keyness`; the look follows
    quanteda's ``textplot_keyness``. ``colours`` (target, reference) gives the
    target its colour from other charts; default blue and orange.
    """
    top = key.nlargest(n, measure)
    top = top[top[measure] > 0]
    bottom = key.nsmallest(n, measure)
    bottom = bottom[bottom[measure] < 0]
    data = pd.concat([top, bottom.iloc[::-1]]).iloc[::-1]
    ax = _axes(ax, (8, 0.3 * len(data) + 1.8))
    if data.empty:
        return _nothing(ax, f"Key words: {target} vs {reference}", "no word passes the minimum count", source)
    positions = np.arange(len(data))
    pair = colours or (OKABE_ITO[0], OKABE_ITO[1])
    ax.barh(positions, data[measure], color=[pair[0] if v > 0 else pair[1] for v in data[measure]])
    ax.set_yticks(positions, data["feature"])
    ax.axvline(0, color="#555555", lw=0.8)
    label = {"chi2": "signed χ²", "G2": "signed G² (log-likelihood)", "log_ratio": "log₂ ratio"}.get(measure, measure)
    ax.set_xlabel(f"{label}: > 0 more frequent in {target}, < 0 more frequent in {reference}")
    ax.set_title(f"Key words: {target} vs {reference}")
    handles = [plt.Rectangle((0, 0), 1, 1, color=pair[0]), plt.Rectangle((0, 0), 1, 1, color=pair[1])]
    ax.legend(handles, [_short(target, 30), _short(reference, 30)], loc="lower right", fontsize=8, frameon=False)
    _tidy(ax)
    source_note(ax, source)
    return ax


def heatmap(table: pd.DataFrame, *, row: str, col: str, value: str, counts: str | None = None, ax=None,
            title: str | None = None, value_label: str | None = None, fmt: str = "{:.0%}", source: str = SOURCE):
    """Rows × columns heatmap of ``value`` from a long table (e.g. outlets × frames).

    Each cell shows the value and, with ``counts``, the count behind it.
    """
    columns = list(pd.unique(table[col]))  # keep the scheme's order of frames, not the alphabet
    grid = table.pivot_table(index=row, columns=col, values=value, aggfunc="first", sort=True, observed=True)
    grid = grid.reindex(columns=columns)
    ax = _axes(ax, (min(16.0, 0.85 * grid.shape[1] + 4), 0.5 * grid.shape[0] + 2.6))
    if grid.empty:
        return _nothing(ax, title or f"{value_label or value} by {row} and {col}", "nothing to show", source)
    image = ax.imshow(grid.to_numpy(float), cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(grid.shape[1]), [textwrap.fill(str(c).replace("_", " "), 16) for c in grid.columns],
                  rotation=40, ha="right", fontsize=8.5)
    ax.set_yticks(range(grid.shape[0]), [_short(str(r).replace("_", " ")) for r in grid.index])
    n_grid = (table.pivot_table(index=row, columns=col, values=counts, aggfunc="first", sort=True, observed=True)
              .reindex(columns=columns) if counts else None)
    top = np.nanmax(grid.to_numpy(float)) if grid.size else 0
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            v = grid.iat[i, j]
            if pd.isna(v):
                continue
            text = fmt.format(v) + (f"\n(n={int(n_grid.iat[i, j])})" if n_grid is not None else "")
            ax.text(j, i, text, ha="center", va="center", fontsize=7, color="white" if v > 0.6 * top else "black")
    plt.colorbar(image, ax=ax, label=value_label or value, shrink=0.8)
    ax.set_xlabel(col)
    ax.set_ylabel(row)
    ax.set_title(title or f"{value_label or value} by {row} and {col}")
    source_note(ax, source)
    return ax


def stacked_shares(table: pd.DataFrame, *, group: str, category: str, value: str = "share",
                   order: Sequence[str] | None = None, ax=None, title: str | None = None,
                   xlabel: str = "share", n: str | None = None, source: str = SOURCE,
                   colours: dict[str, str] | None = None):
    """Horizontal 100 % bars: the share of each category within each group.

    ``table`` is long (one row per group × category) and already holds the shares,
    e.g. label families per outlet or quoted speakers' sides per outlet.
    ``colours`` (from :func:`colour_map`) fixes each category's colour.
    """
    grid = table.pivot_table(index=group, columns=category, values=value, aggfunc="sum", fill_value=0, sort=True)
    if order is not None:
        grid = grid.reindex(columns=[c for c in order if c in grid.columns])
    ax = _axes(ax, (9, 0.5 * len(grid) + 2))
    if grid.empty or not grid.to_numpy().any():
        return _nothing(ax, title or f"{category} by {group}", "nothing found in these texts", source)
    colours = {**colour_map(grid.columns), **(colours or {})}
    left = np.zeros(len(grid))
    positions = np.arange(len(grid))
    for cat in grid.columns:
        widths = grid[cat].to_numpy(float)
        ax.barh(positions, widths, left=left, color=colours[str(cat)], label=str(cat).replace("_", " "),
                edgecolor="white", linewidth=0.5)
        for x, w, y in zip(left, widths, positions):
            if w >= 0.08:
                ax.text(x + w / 2, y, f"{w:.0%}", ha="center", va="center", fontsize=7.5,
                        color="white" if colours[str(cat)] in _DARK else "black")
        left += widths
    labels = [_short(g) for g in grid.index]
    if n is not None:
        totals = table.groupby(group, sort=True)[n].sum().reindex(grid.index)
        labels = [f"{lab} (n={int(t)})" for lab, t in zip(labels, totals)]
    ax.set_yticks(positions, labels)
    ax.set_xlim(0, max(1.0, left.max() if len(left) else 1.0))
    ax.invert_yaxis()  # first group on top, as in the table
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(group)
    ax.set_title(title or f"{category} by {group}")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=max(1, min(4, grid.shape[1])), fontsize=8,
              frameon=False)
    _tidy(ax)
    source_note(ax, source)
    return ax


def dispersion(tokens: pd.DataFrame, terms: Sequence[str], *, docs: Sequence[str] | None = None, ax=None,
               labels: pd.Series | None = None, source: str = SOURCE):
    """Lexical dispersion ("x-ray"): where each term occurs in each document.

    One row per document; x is the position in the document as a share of its
    tokens; each term has its own colour and marker. Matching is on ``lower``,
    case-insensitive. ``labels`` maps ``doc_id`` to a display name.
    """
    wanted = [t.lower() for t in terms]
    docs = list(docs) if docs is not None else list(dict.fromkeys(tokens["doc_id"]))
    ax = _axes(ax, (10, 0.32 * len(docs) + 2))
    sub = tokens.loc[tokens["doc_id"].isin(docs), ["doc_id", "token_id", "lower"]]
    length = sub.groupby("doc_id")["token_id"].agg(["min", "max"])
    row_of = {d: i for i, d in enumerate(docs)}
    markers = ["|", "x", "o", "^", "s", "D", "v", "*"]
    for k, term in enumerate(wanted):
        hits = sub.loc[sub["lower"] == term]
        span = length.loc[hits["doc_id"]]
        x = (hits["token_id"].to_numpy() - span["min"].to_numpy()) / np.maximum(span["max"].to_numpy() - span["min"].to_numpy(), 1)
        y = hits["doc_id"].map(row_of).to_numpy() + (k - (len(wanted) - 1) / 2) * 0.12
        ax.scatter(x, y, marker=markers[k % len(markers)], color=OKABE_ITO[k % len(OKABE_ITO)], s=28,
                   label=f"{terms[k]} ({len(hits)})")
    names = [labels.get(d, d) if labels is not None else d for d in docs]
    ax.set_yticks(range(len(docs)), [_short(n, 45) for n in names])
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("position in the document (0 = start, 1 = end)")
    ax.set_title("Where the terms occur (lexical dispersion)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=max(1, min(4, len(terms))), fontsize=8, frameon=False)
    _tidy(ax)
    source_note(ax, source)
    return ax


def over_time(counts: pd.DataFrame, *, date: str = "date", group: str = "group", value: str = "n_articles",
              ax=None, title: str | None = None, ylabel: str = "articles", source: str = SOURCE,
              colours: dict[str, str] | None = None):
    """Attention over time: stacked bars of ``value`` per period, one colour per group (``colours``).

    ``counts`` is long (``date``, ``group``, ``value``), e.g. from :func:`toolkit.over_time`.
    """
    grid = counts.pivot_table(index=date, columns=group, values=value, aggfunc="sum", fill_value=0, sort=True)
    ax = _axes(ax, (max(8.0, 0.35 * len(grid) + 4), 4.8))
    if grid.empty:
        return _nothing(ax, title or f"{ylabel} by {group}", "no dated articles", source)
    positions = np.arange(len(grid))
    bottom = np.zeros(len(grid))
    colours = {**colour_map(grid.columns), **(colours or {})}
    for name in grid.columns:
        heights = grid[name].to_numpy(float)
        ax.bar(positions, heights, bottom=bottom, color=colours[str(name)], label=_short(name, 30),
               edgecolor="white", linewidth=0.4)
        bottom += heights
    step = max(1, len(grid) // 15)
    ax.set_xticks(positions[::step], [d.strftime("%d %b %Y") for d in grid.index[::step]], rotation=40, ha="right")
    ax.set_xlabel("date (start of period)")
    ax.set_ylabel(ylabel)
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_title(title or f"{ylabel} by {group}")
    ax.legend(fontsize=8, frameon=False, ncol=2)
    _tidy(ax)
    source_note(ax, source)
    return ax


def save(ax_or_fig, path: str | Path, *, dpi: int = 150) -> Path:
    """Save a chart so that the same data give byte-identical files (PNG or SVG)."""
    fig = getattr(ax_or_fig, "figure", ax_or_fig)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    metadata = {"Software": None} if suffix == ".png" else {"Date": None, "Creator": None} if suffix in (".svg", ".pdf") else None
    with plt.rc_context({"svg.hashsalt": "toolkit", "svg.fonttype": "path"}):
        fig.savefig(path, dpi=dpi, metadata=metadata)
    return path
from .plot_syntax import dependency_arcs  # noqa: E402,F401  (drawn from a parse; see toolkit/plot_syntax.py)
from .plot_reuse import reuse_shares  # noqa: E402,F401  (reused passages; see toolkit/plot_reuse.py)
