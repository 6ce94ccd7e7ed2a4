"""Links on the charts: each bar or cell of a saved chart becomes a transparent link laid over the PNG.

The places are read from the drawn figure (the artists' rectangles through the axes' transform), in percent
of the figure, so they scale with the image. Compute them after :func:`toolkit.plot.save` (the layout is final)
and before the figure is closed.

>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots(figsize=(4, 2))
>>> fig.subplots_adjust(0, 0, 1, 1)
>>> _ = ax.set(xlim=(0, 1), ylim=(0, 1))
>>> overlay("c.png", "a chart", boxes(ax, [(0, 0.5, 0.5, 0.5, "e.html#x", "top left")]))
'<div class="chart"><img src="c.png" alt="a chart"><a class="hot" href="e.html#x" title="top left" aria-label="top left" style="left:0.00%;top:0.00%;width:50.00%;height:50.00%"></a></div>'
>>> plt.close(fig)
"""
from __future__ import annotations

import html
from typing import Callable, Sequence

__all__ = ["bar_boxes", "boxes", "cell_boxes", "overlay"]

Box = tuple[float, float, float, float, str, str]


def boxes(ax, rects: Sequence[Box]) -> list[Box]:
    """Rectangles ``(x, y, width, height, href, title)`` in data coordinates → in percent of the figure."""
    fig = ax.figure
    width, height = fig.bbox.width, fig.bbox.height
    placed = []
    for x, y, w, h, href, title in rects:
        (x0, y0), (x1, y1) = ax.transData.transform([(x, y), (x + w, y + h)])
        left, right, bottom, top = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        placed.append((100 * left / width, 100 * (height - top) / height, 100 * (right - left) / width,
                       100 * (top - bottom) / height, href, title))
    return placed


def bar_boxes(ax, groups: Sequence[str], categories: dict[str, str], link: Callable[[str, str], str],
              title: Callable[[str, str], str]) -> list[Box]:
    """The bars of :func:`toolkit.plot.stacked_shares`: one per group × category drawn (zero widths left out).

    ``groups`` are the chart's groups in its row order; ``categories`` maps
    each legend label to its category. A chart whose bars do not match raises
    ``ValueError`` rather than linking a bar to the wrong sentences.
    """
    rects = []
    for container in ax.containers:
        category = categories.get(container.get_label())
        if category is None or len(container.patches) != len(groups):
            raise ValueError(f"the chart's bars do not match its groups and categories: {container.get_label()!r}")
        for group, patch in zip(groups, container.patches):
            if patch.get_width() > 0:
                rects.append((patch.get_x(), patch.get_y(), patch.get_width(), patch.get_height(),
                              link(group, category), title(group, category)))
    return boxes(ax, rects)


def cell_boxes(ax, rows: Sequence[str], columns: Sequence[str], link: Callable[[str, str], str],
               title: Callable[[str, str], str]) -> list[Box]:
    """The cells of :func:`toolkit.plot.heatmap` (row ``i``, column ``j`` centred on ``(j, i)``)."""
    return boxes(ax, [(j - 0.5, i - 0.5, 1.0, 1.0, link(r, c), title(r, c))
                      for i, r in enumerate(rows) for j, c in enumerate(columns)])


def overlay(src: str, alt: str, placed: Sequence[Box]) -> str:
    """The chart's ``<img>`` with a transparent link over each box."""
    links = "".join(
        f'<a class="hot" href="{html.escape(href)}" title="{html.escape(label)}" aria-label="{html.escape(label)}" '
        f'style="left:{left:.2f}%;top:{top:.2f}%;width:{w:.2f}%;height:{h:.2f}%"></a>'
        for left, top, w, h, href, label in placed)
    return f'<div class="chart"><img src="{html.escape(src)}" alt="{html.escape(alt)}">{links}</div>'
