"""What makes the report explorable, for :func:`toolkit.report.build`: the links laid over each chart's bars
and cells, the tables under the charts, and the evidence and article pages they lead to.

>>> import io
>>> import pandas as pd
>>> toks = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "lower": ["war", "peace", "war", "war"]})
>>> print(people_table(pd.read_html(io.StringIO(dispersion_table(toks, ["War"], ["a", "b"])))[0]).to_dict("records"))
[{'term': 'War', 'occurrences': '2', 'articles': '2'}]
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

import pandas as pd

from .articles import article_pages
from .evidence import evidence_href, evidence_pages
from .hotspots import bar_boxes, cell_boxes
from .tables import crosstab_html, html_table, people_table

__all__ = ["dispersion_table", "explore_pages", "heat_spots", "html_table", "keyness_table", "shares_table",
           "stacked_spots"]


def _info(table: pd.DataFrame, row: str, col: str, value: str, n: str | None) -> dict:
    counts = table[n] if n else [None] * len(table)
    return {(str(r), str(c)): (v, k) for r, c, v, k in zip(table[row], table[col], table[value], counts)}


def _title(info: dict, fmt: str) -> Callable[[str, str], str]:
    def title(group: str, category: str) -> str:
        value, n = info.get((group, category), (float("nan"), None))
        shown = "no value" if pd.isna(value) else fmt.format(value).replace("%", " %")
        return f"{group} · {category}: {shown}" + (f" ({int(n):,})" if n is not None else "") + ": the sentences"
    return title


def stacked_spots(table: pd.DataFrame, *, by: str, category: str, chart: str, value: str = "share",
                  n: str = "n") -> Callable:
    """For a :func:`toolkit.plot.stacked_shares` chart of ``table``: axes → links from each bar to its evidence."""
    def spots(ax):
        groups = sorted(table[by].astype(str).unique())  # the chart's rows: its pivot sorts the groups
        labels = {c.replace("_", " "): c for c in table[category].astype(str).unique()}
        return bar_boxes(ax, groups, labels, lambda g, c: evidence_href(chart, g, c),
                         _title(_info(table, by, category, value, n), "{:.0%}"))
    return spots


def heat_spots(table: pd.DataFrame, *, by: str, column: str, value: str, fmt: str, chart: str,
               transposed: bool = False) -> Callable:
    """For a :func:`toolkit.plot.heatmap` of ``table`` (groups ``by`` as rows, or as columns when
    ``transposed``): axes → links from each cell to the evidence of its group and ``column`` category."""
    row, col = (column, by) if transposed else (by, column)

    def spots(ax):
        rows = sorted(table[row].astype(str).unique())  # the heatmap's pivot sorts its rows
        columns = [str(c) for c in pd.unique(table[col])]  # and keeps its columns in order
        title = _title(_info(table, by, column, value, None), fmt)
        if transposed:
            return cell_boxes(ax, rows, columns, lambda c, g: evidence_href(chart, g, c), lambda c, g: title(g, c))
        return cell_boxes(ax, rows, columns, lambda g, c: evidence_href(chart, g, c), title)
    return spots


def shares_table(table: pd.DataFrame, *, by: str, category: str, chart: str, value: str = "share",
                 n: str | None = "n", fmt: str = "{:.0%}", order: Sequence[str] | None = None,
                 colours: dict[str, str] | None = None, transposed: bool = False) -> str:
    """The table under a chart: one line per group (largest first), a linked cell per category; with
    ``transposed``, one line per category and a column per group (for schemes with many categories)."""
    if transposed:
        return crosstab_html(table, row=category, col=by, value=value, n=n, fmt=fmt, categories="row",
                             link=lambda c, g: evidence_href(chart, g, c))
    return crosstab_html(table, row=by, col=category, value=value, n=n, fmt=fmt,
                         order=list(order) if order else None, colours=colours,
                         link=lambda g, c: evidence_href(chart, g, c))


def keyness_table(key: pd.DataFrame, *, n: int = 10) -> str:
    """The words of a keyness chart: the ``n`` a group uses most over and most under the others, with the
    signed χ² and how often each occurs in the group and in the other texts."""
    more = key[key["chi2"] > 0].nlargest(n, "chi2").assign(used="more")
    less = key[key["chi2"] < 0].nsmallest(n, "chi2").assign(used="less")
    rows = pd.concat([more, less], ignore_index=True)
    shown = pd.DataFrame({"word": rows["feature"], "used": rows["used"], "signed χ²": rows["chi2"],
                          "times in the group": rows["n_target"], "times in the others": rows["n_reference"]})
    return html_table(shown)


def dispersion_table(tokens: pd.DataFrame, terms: Sequence[str], docs: Sequence[str]) -> str:
    """How often each term of the dispersion chart occurs in the articles it shows, and in how many."""
    shown = tokens[tokens["doc_id"].isin(list(docs))]
    rows = [{"term": term, "n_occurrences": int((hits := shown[shown["lower"] == term.lower()]).shape[0]),
             "n_articles": int(hits["doc_id"].nunique())} for term in terms]
    return html_table(pd.DataFrame(rows, columns=["term", "n_occurrences", "n_articles"]))


def explore_pages(out: str | Path, corpus: pd.DataFrame, found: pd.DataFrame, *, by: str,
                  charts: dict[str, tuple[str, str]]) -> list[Path]:
    """Write the article pages (``articles/``) and one evidence page per chart in ``charts``."""
    pages = article_pages(corpus, found, out, by=by)
    titles = {d: (t if isinstance(t, str) and t.strip() else str(d)) for d, t in zip(corpus["doc_id"], corpus["title"])}
    return evidence_pages(found, out, by=by, charts=charts, pages=pages, titles=titles)
