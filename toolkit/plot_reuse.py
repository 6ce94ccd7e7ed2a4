"""How much of each outlet's text is reused from another article, and from whom.

Shown as :func:`toolkit.plot.reuse_shares`; the table is :func:`toolkit.reuse_shares`.

>>> import toolkit
>>> corpus = toolkit.load(toolkit.resources.corpus_dir()).merge(toolkit.resources.corpus_groups(), on="doc_id")
>>> table = toolkit.reuse_shares(corpus, toolkit.reuse(corpus), by="group")
>>> ax = reuse_shares(table, by="group")
>>> ax.get_xlabel()
"share of the group's words in passages found in an earlier article"
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from .plot_style import SOURCE, _short, _tidy, colour_map, source_note


def reuse_shares(table: pd.DataFrame, *, by: str = "outlet", ax: Any = None, title: str | None = None,
                 colours: dict[str, str] | None = None, min_words: int | None = None, source: str = SOURCE) -> Any:
    """Horizontal stacked bars: per group, the share of its words in reused passages, split by source group.

    ``table`` is :func:`toolkit.reuse_shares` (``<by>``, ``source_<by>``,
    ``n_docs``, ``n_words``, ``share``). Every group gets a bar, labelled with
    the total share; a group that reuses nothing shows 0 %. ``colours`` (from
    :func:`toolkit.plot.colour_map`) fixes each source group's colour;
    ``min_words`` is named in the note under the chart.
    """
    import matplotlib.pyplot as plt
    import matplotlib.ticker
    import numpy as np

    src = f"source_{by}"
    groups = sorted(table[by].astype(str).unique())
    grid = (table.dropna(subset=[src])
            .pivot_table(index=by, columns=src, values="share", aggfunc="sum", fill_value=0.0, sort=True)
            .reindex(groups, fill_value=0.0))
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.5 * len(groups) + 2.2), layout="constrained")
    sources = list(grid.columns)
    colours = {**colour_map(sources), **(colours or {})}
    positions = np.arange(len(groups))
    left = np.zeros(len(groups))
    for name in sources:
        widths = grid[name].to_numpy(float)
        ax.barh(positions, widths, left=left, color=colours[str(name)], label=str(name), edgecolor="white",
                linewidth=0.5)
        left += widths
    docs = table.drop_duplicates(by).set_index(by)["n_docs"].reindex(groups)
    ax.set_yticks(positions, [f"{_short(g)} (n={int(n)})" for g, n in zip(groups, docs)])
    for y, total in zip(positions, left):
        ax.annotate(f"{total:.1%}", xy=(total, y), xytext=(4, 0), textcoords="offset points", va="center",
                    fontsize=8)
    ax.set_ylim(len(groups) - 0.5, -0.5)  # first group on top, also when no bar is drawn
    top = float(left.max()) if len(left) else 0.0
    ax.set_xlim(0, max(0.05, top * 1.2))
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel(f"share of the {by}'s words in passages found in an earlier article")
    ax.set_ylabel(by)
    ax.set_title(title or f"Reused text: how much of each {by}'s text, and from whom")
    if sources:
        ax.legend(title=f"source {by}", loc="upper center", bbox_to_anchor=(0.5, -0.16),
                  ncol=max(1, min(3, len(sources))), fontsize=8, title_fontsize=8, frameon=False)
    else:
        ax.text(0.5, 0.5, "no reused passage found" + (f" (≥ {min_words} words)" if min_words else ""),
                ha="center", va="center", transform=ax.transAxes, fontsize=11, color="#555555")
    _tidy(ax)
    source_note(ax, source)
    return ax
