"""Charts: one function per chart; each takes a toolkit table and ``ax=None`` and returns the ``Axes``.

Plots draw what they are given; statistics are computed in ``toolkit.compare``.
Colours come from the Okabe–Ito palette, which stays distinguishable for the
common forms of colour blindness. ``save`` writes byte-identical files for the
same figure (no timestamps, fixed SVG ids).

Example
-------
>>> import toolkit
>>> from toolkit import compare, plot, resources
>>> corpus = toolkit.load(resources.corpus_dir()).merge(resources.corpus_groups(), on="doc_id")
>>> ax = plot.corpus_overview(compare.corpus_summary(corpus, by="group"))
>>> ax.get_xlabel()
'words in the corpus'
"""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

__all__ = ["OKABE_ITO", "corpus_overview", "save", "source_note"]

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SOURCE = "Source: bundled corpus (see data/corpus-index.md)"


def _axes(ax, figsize: tuple[float, float]):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def source_note(ax, text: str = SOURCE) -> None:
    """Write a small source line under the axes."""
    ax.annotate(text, xy=(0, 0), xycoords="figure fraction", xytext=(6, 4), textcoords="offset points",
                fontsize=8, color="#555555", ha="left", va="bottom")


def _short(label: object, width: int = 40) -> str:
    text = str(label)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def corpus_overview(summary: pd.DataFrame, *, ax=None, source: str = SOURCE):
    """Horizontal bars: words per group, labelled with the number of articles.

    ``summary`` is the output of :func:`toolkit.compare.corpus_summary`.
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
    ax.spines[["top", "right"]].set_visible(False)
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
