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

__all__ = ["people_table"]

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
