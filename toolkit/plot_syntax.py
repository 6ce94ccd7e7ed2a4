"""Draw a parsed sentence as arcs over its words: what "subject" and "passive" mean to the parser.

Shown as :func:`toolkit.plot.dependency_arcs`.

>>> import pandas as pd, toolkit
>>> parsed = toolkit.parse(pd.DataFrame({"doc_id": ["d"], "text": ["Two vehicles were attacked by US forces."]}))
>>> ax = dependency_arcs(parsed)
>>> sorted(t.get_text() for t in ax.texts if t.get_text() in ("nsubj:pass", "obl:agent"))
['nsubj:pass', 'obl:agent']
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

#: relations drawn in colour by default: who does what to whom
CORE = ("nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "csubj")


def dependency_arcs(parsed: pd.DataFrame, *, ax: Any = None, highlight: Iterable[str] = CORE) -> Any:
    """One sentence of :func:`toolkit.parse` as arcs from each head to its dependents.

    Each arc is labelled with the relation and points at the dependent; the
    relations in ``highlight`` are drawn in red. Under each word: its UPOS tag.
    Give the rows of one sentence (one ``doc_id`` and ``sent_id``).
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Arc

    rows = parsed.reset_index(drop=True)
    if len(rows) == 0 or len(rows[["doc_id", "sent_id"]].drop_duplicates()) != 1:
        raise ValueError("dependency_arcs draws one sentence: select the rows of one doc_id and sent_id")
    strong = frozenset(highlight)
    n = len(rows)
    if ax is None:
        _, ax = plt.subplots(figsize=(max(6.0, 0.85 * n), 3.0))
    first = int(rows["token_id"].iloc[0])
    top = 1.0
    for i, r in rows.iterrows():
        ax.text(i, 0, r["token"], ha="center", va="top", fontsize=10)
        ax.text(i, -0.32, r["pos"], ha="center", va="top", fontsize=7, color="0.45")
        head = int(r["head"]) - first
        color = "tab:red" if r["dep"] in strong else "0.5"
        if head == i:
            ax.annotate("root", xy=(i, 0.1), xytext=(i, 0.75), ha="center", fontsize=7, color="0.3",
                        arrowprops={"arrowstyle": "->", "color": "0.3"})
            continue
        width = abs(head - i)
        height = 0.5 + 0.35 * width  # longer arcs fly higher, so labels do not collide
        top = max(top, height / 2 + 0.4)
        ax.add_patch(Arc(((i + head) / 2, 0.1), width, height, theta1=0, theta2=180, color=color,
                         lw=1.6 if r["dep"] in strong else 0.8))
        ax.plot([i], [0.12], marker="v", color=color, markersize=4)
        ax.text((i + head) / 2, 0.1 + height / 2, r["dep"], ha="center", va="center", fontsize=7, color=color,
                bbox={"fc": "white", "ec": "none", "pad": 0.3})
    ax.set_xlim(-0.7, n - 0.3)
    ax.set_ylim(-0.55, top)
    ax.axis("off")
    return ax
