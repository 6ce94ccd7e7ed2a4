"""The report's section on reused text: how much of each group's text is found in an earlier article.

The report passes its own ``chart`` (save an Axes as a PNG, return the file
name) and ``table`` (write a CSV, return the table) so this section writes its
files as every other section does.

>>> from toolkit import resources, load
>>> corpus = load(resources.corpus_dir()).merge(resources.corpus_groups(), on="doc_id")
>>> written = []
>>> title, text, charts, tables = reuse_section(
...     corpus, "group", chart=lambda ax, name: name, table=lambda t, name, **kw: written.append(name) or t,
...     source="Source: the bundled corpus")
>>> title, charts, written
('Reused text', ['reuse_by_group.png'], ['reuse.csv', 'reuse_by_group.csv'])
"""
from __future__ import annotations

import html
from collections.abc import Callable

import pandas as pd

from .. import plot
from ..text import reuse, reuse_shares

__all__ = ["reuse_section"]


def reuse_section(corpus: pd.DataFrame, by: str, *, chart: Callable[..., str], table: Callable[..., pd.DataFrame],
                  source: str, colours: dict[str, str] | None = None,
                  min_words: int = 20) -> tuple[str, str, list[str], list[tuple[str, pd.DataFrame]]]:
    """Reused passages (``reuse.csv``), the share of each group's words reused and from whom
    (``reuse_by_group.csv``, ``reuse_by_group.png``).

    ``colours`` gives each source group its colour (the report's group colours).
    Returns the section's title, text (HTML), charts and tables, in the order
    the report's sections take them.
    """
    found = table(reuse(corpus, min_words=min_words), "reuse.csv", index=False)
    shares = table(reuse_shares(corpus, found, by=by), "reuse_by_group.csv", index=False)
    ax = plot.reuse_shares(shares, by=by, min_words=min_words, source=source, colours=colours)
    drawn = chart(ax, "reuse_by_group.png")
    text = (f"Passages of {min_words} words or more that an article shares with an earlier one (wire copy, "
            "a statement printed whole, a transcript quoted at length), found by word shingles and tolerant of "
            "changed quotation marks, a changed or dropped word and re-wrapped lines; the earliest-dated article "
            f"counts as the source. {len(found)} passage(s) in {found['doc_id'].nunique()} of {len(corpus)} "
            f"articles. The measures above count these words once for each {html.escape(by)} that prints them; "
            "<code>toolkit.own_text</code> leaves them out (see lesson 7).")
    return "Reused text", text, [drawn], [("", shares)]
