"""The charts' shared style: the palette, one colour per category, short labels and the source line.

:mod:`toolkit.plot` and the chart modules beside it (:mod:`toolkit.plot_reuse`)
draw with these, so a category has one colour and every chart one look.
"""
from __future__ import annotations

from typing import Sequence

__all__ = ["OKABE_ITO", "SOURCE", "colour_map", "source_note"]

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SOURCE = "Source: bundled corpus (see data/corpus-index.md)"
_EXTRA = ["#DDDDDD", "#777777", "#333333"]  # after the eight colours
_UNKNOWN = {"unknown": "#999999", "unattributed": "#555555", "(none)": "#BBBBBB"}  # named greys


def _colour(k: int, name: object = None) -> str:
    """Okabe–Ito colour ``k``; greys beyond the eight colours; fixed greys for unknown-like categories."""
    if str(name).lower() in _UNKNOWN:
        return _UNKNOWN[str(name).lower()]
    palette = OKABE_ITO + _EXTRA
    return palette[k % len(palette)]


def colour_map(categories: Sequence[object]) -> dict[str, str]:
    """One colour per category, decided once for a scheme and passed to every chart that shows it.

    Categories get the Okabe–Ito colours in the order given (then greys);
    ``unknown``, ``unattributed`` and ``(none)`` always get their own greys.
    Pass the result as ``colours=`` so a category keeps its colour when
    another chart shows only some of the categories.

    >>> colour_map(["iran", "unknown", "us"])
    {'iran': '#0072B2', 'unknown': '#999999', 'us': '#009E73'}
    """
    return {str(cat): _colour(k, cat) for k, cat in enumerate(dict.fromkeys(categories))}


def _short(label: object, width: int = 40) -> str:
    text = str(label)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _tidy(ax) -> None:
    ax.spines[["top", "right"]].set_visible(False)


def source_note(ax, text: str = SOURCE) -> None:
    """Write a small source line in the figure's bottom-left corner."""
    ax.annotate(text, xy=(0, 0), xycoords="figure fraction", xytext=(6, 4), textcoords="offset points",
                fontsize=8, color="#555555", ha="left", va="bottom")
