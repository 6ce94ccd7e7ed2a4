"""Tables on the report page, formatted for people: no index column, counts with thousands separators,
shares as percentages, scores with two decimals, dates as dates, largest groups first.

The CSV files keep the full numbers; only the page is rounded.

>>> import pandas as pd
>>> t = pd.DataFrame({"n_articles": [2, 15], "share_negative": [0.25, 0.123456], "mean": [0.1234567, -0.5]},
...                  index=pd.Index(["UN", "US"], name="group"))
>>> people_table(t).to_dict("records")
[{'group': 'US', 'articles': '15', 'share negative': '12 %', 'mean': '-0.50'}, {'group': 'UN', 'articles': '2', 'share negative': '25 %', 'mean': '0.12'}]
"""
from __future__ import annotations

import pandas as pd

__all__ = ["crosstab_html", "html_table", "people_table"]

_SORT = ("n_articles", "n_clusters", "n_docs", "n")


def _label(column: object) -> str:
    name = str(column)
    return name[2:] if name.startswith("n_") else name.replace("_", " ")


def _cell(column: str, value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%d %b %Y").lstrip("0")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if column.startswith("share") or column in ("percent_agreement",):
        return f"{value:.0%}".replace("%", " %")
    if float(value).is_integer() and (column == "n" or column.startswith("n_")):
        return f"{int(value):,}"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:.2f}"


def people_table(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` as strings for the page: named index as a column, sorted, rounded."""
    data = table.reset_index() if table.index.name is not None else table.reset_index(drop=True)
    key = next((c for c in _SORT if c in data.columns and pd.api.types.is_numeric_dtype(data[c])), None)
    if key is not None:
        data = data.sort_values(key, ascending=False, kind="mergesort")
    shown = pd.DataFrame({_label(c): [_cell(str(c), v) for v in data[c].tolist()] for c in data.columns})
    return shown.reset_index(drop=True)


def crosstab_html(table: pd.DataFrame, *, row: str, col: str, value: str, n: str | None = None,
                  fmt: str = "{:.0%}", order: list[str] | None = None, link=None,
                  colours: dict[str, str] | None = None, categories: str = "col") -> str:
    """A long table (one row per ``row`` × ``col``) as an HTML table for people, each cell a link.

    One line per ``row`` value, the largest total of ``n`` first (else by
    name); one column per ``col`` value (in ``order``, else as they come)
    showing ``value`` with ``fmt`` and the count ``n`` in brackets; a ``total``
    column when ``n`` is given. ``link(row, col)`` (``col`` None for the whole
    row) gives each cell's href; ``colours`` puts each category's chart colour
    in its header. ``categories`` names the axis (``"col"`` or ``"row"``) that
    holds the categories, shown with spaces for underscores. Every text is escaped.

    >>> t = pd.DataFrame({"g": ["A", "A", "B"], "c": ["x", "y", "x"], "share": [0.25, 0.75, 1.0], "n": [1, 3, 2]})
    >>> print(crosstab_html(t, row="g", col="c", value="share", n="n", link=lambda g, c: f"#{g}-{c}"))
    <table class="table crosstab"><thead><tr><th>g</th><th class="num">total</th><th class="num">x</th><th class="num">y</th></tr></thead><tbody>
    <tr><td><a href="#A-None">A</a></td><td class="num">4</td><td class="num"><a href="#A-x">25 % (1)</a></td><td class="num"><a href="#A-y">75 % (3)</a></td></tr>
    <tr><td><a href="#B-None">B</a></td><td class="num">2</td><td class="num"><a href="#B-x">100 % (2)</a></td><td class="num">–</td></tr>
    </tbody></table>
    """
    import html

    columns = [c for c in (order or list(dict.fromkeys(table[col].astype(str)))) if c in set(table[col].astype(str))]
    data = table.assign(**{col: table[col].astype(str), row: table[row].astype(str)})
    cells = {(r, c): (v, k) for r, c, v, k in zip(data[row], data[col], data[value],
                                                  data[n] if n else [None] * len(data))}
    rows = list(dict.fromkeys(sorted(data[row])))
    totals = data.groupby(row)[n].sum() if n else None
    if n:
        rows.sort(key=lambda r: -totals[r])

    def shown(value: str, axis: str) -> str:
        return value.replace("_", " ") if axis == categories else value

    def anchor(text: str, href: str | None) -> str:
        return f'<a href="{html.escape(href)}">{html.escape(text)}</a>' if href else html.escape(text)

    def swatch(c: str) -> str:
        colour = (colours or {}).get(c)
        return f'<span class="swatch" style="background:{html.escape(colour)}"></span>' if colour else ""

    head = f"<th>{html.escape(row)}</th>" + ('<th class="num">total</th>' if n else "") + "".join(
        f'<th class="num">{swatch(c)}{html.escape(shown(c, "col"))}</th>' for c in columns)
    lines = []
    for r in rows:
        tds = [f"<td>{anchor(shown(r, 'row'), link(r, None) if link else None)}</td>"]
        if n:
            tds.append(f'<td class="num">{int(totals[r]):,}</td>')
        for c in columns:
            v, k = cells.get((r, c), (None, None))
            if v is None or pd.isna(v) or (k is not None and k == 0):
                tds.append('<td class="num">–</td>')
                continue
            text = fmt.format(v).replace("%", " %") + (f" ({int(k):,})" if k is not None else "")
            tds.append(f'<td class="num">{anchor(text, link(r, c) if link else None)}</td>')
        lines.append("<tr>" + "".join(tds) + "</tr>")
    return (f'<table class="table crosstab"><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(lines)
            + "\n</tbody></table>")


def html_table(table: pd.DataFrame) -> str:
    """``table`` as an HTML table for the page: :func:`people_table`, every cell escaped, no index."""
    return people_table(table).to_html(border=0, classes="table", escape=True, na_rep="", index=False)
