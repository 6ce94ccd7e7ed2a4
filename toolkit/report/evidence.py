"""The evidence behind the report's charts: one row per finding (a label, a quotation, an event word, a frame
word) with its sentence, and one page per chart listing them, filtered by group and category, searchable,
each sentence linking to its article page.

The pages are static HTML: the rows are written into the page (every text escaped, articles are untrusted
input) and ``report.js`` only shows and hides them, so they work from ``file://`` with no server.

>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["Wire"], "title": ["t"], "text": ["US kills him."]})
>>> acts = pd.DataFrame({"doc_id": ["a"], "part": ["body"], "sentence": ["US kills him."], "start": [3],
...                      "end": [8], "event_word": ["kills"], "agency": ["active"], "agent": ["US"], "rule": ["nsubj"]})
>>> found = findings(corpus, "outlet", agency=acts)
>>> found[["fid", "chart", "outlet", "category", "what", "at"]].values.tolist()
[['a0', 'agency', 'Wire', 'active', 'kills', 3]]
>>> found["detail"].iloc[0]
'agency: active · agent: US · rule: nsubj'
"""
from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from .articles import part_text

__all__ = ["evidence_href", "evidence_pages", "findings"]

COLUMNS = ["fid", "chart", "kind", "category", "doc_id", "part", "start", "end", "sentence", "at", "what", "detail"]


def evidence_href(chart: str, group: object = None, category: object = None) -> str:
    """The link to a chart's evidence page, filtered to a group and a category when given."""
    params = [(k, str(v)) for k, v in (("group", group), ("cat", category)) if v is not None]
    return f"evidence_{chart}.html" + ("#" + "&".join(f"{k}={quote(v, safe='')}" for k, v in params) if params else "")


def _detail(row: dict, fields: list[tuple[str, str]]) -> str:
    shown = []
    for name, column in fields:
        value = row.get(column)
        if value is None or (not isinstance(value, str) and pd.isna(value)) or value is False or value == "":
            continue
        shown.append(name if value is True else f"{name}: {value}")
    return " · ".join(shown)


def _rows(table: pd.DataFrame | None, prefix: str, kind: str, chart, category: str, what: str,
          fields: list[tuple[str, str]]) -> list[dict]:
    if table is None or table.empty:
        return []
    rows = []
    for k, row in enumerate(table.to_dict("records")):
        value = row.get(category)
        rows.append({"fid": f"{prefix}{k}", "chart": chart(row) if callable(chart) else chart, "kind": kind,
                     "category": "(none)" if value is None or (not isinstance(value, str) and pd.isna(value))
                     else str(value), "doc_id": row["doc_id"], "part": row.get("part", "body"),
                     "start": int(row["start"]), "end": int(row["end"]),
                     "sentence": row["sentence"] if isinstance(row.get("sentence"), str) else "",
                     "what": str(row.get(what) or ""), "detail": _detail(row, fields)})
    return rows


def _at(texts: dict, row: dict) -> int:
    """Where the finding starts inside its sentence (-1 when the sentence is not found around it)."""
    text, sentence = texts.get((row["doc_id"], row["part"]), ""), row["sentence"]
    if not sentence:
        return -1
    k = text.rfind(sentence, 0, row["start"] + len(sentence))
    return row["start"] - k if 0 <= k <= row["start"] <= k + len(sentence) else -1


def findings(corpus: pd.DataFrame, by: str, *, labels: pd.DataFrame | None = None,
             quotes: pd.DataFrame | None = None, agency: pd.DataFrame | None = None,
             frames: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """One row per finding behind a chart, with the group of its article.

    Columns: ``fid`` (unique), ``chart`` (``word_choice_event``,
    ``word_choice_target``, ``quoted_sides``, ``agency``, ``frames_<scheme>``),
    ``kind`` (``label quote agency frame``), ``category`` (family, side, agency
    class, frame: what the chart counts), ``doc_id part start end`` (offsets
    into the part's text), ``sentence``, ``at`` (the finding's offset in the
    sentence, -1 if not found), ``what`` (the words found), ``detail``, and
    the ``by`` column. ``frames`` maps a scheme to its
    :func:`toolkit.framing.frame_hits` (negated hits are left out, as in the counts).
    """
    rows = _rows(labels, "l", "label", lambda r: "word_choice_event" if r["kind"] == "event" else "word_choice_target",
                 "family", "match", [("label", "label"), ("rule", "rule"),
                                     ("relation", "relation"), ("negated", "negated"), ("in a quotation", "in_quote")])
    rows += _rows(quotes, "q", "quote", "quoted_sides", "side", "quote",
                  [("speaker", "speaker"), ("side", "side"), ("cue", "cue"), ("kind", "kind")])
    rows += _rows(agency, "a", "agency", "agency", "agency", "event_word",
                  [("agency", "agency"), ("agent", "agent"), ("rule", "rule")])
    for scheme, hits in (frames or {}).items():
        kept = hits[~hits["negated"].astype(bool)] if "negated" in hits else hits
        rows += _rows(kept.assign(part="body"), f"{scheme[0]}f", "frame", f"frames_{scheme}", "frame", "match",
                      [("frame", "frame"), ("pattern", "pattern")])
    table = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "at"])
    texts = {(d, p): part_text(a, p) for d, a in corpus.set_index("doc_id", drop=False).iterrows()
             for p in ("body", "title", "standfirst")}
    table["at"] = [_at(texts, r) for r in table.to_dict("records")]
    groups = corpus[["doc_id", by]].drop_duplicates("doc_id")
    table = table.merge(groups, on="doc_id", how="left", validate="many_to_one")
    table[by] = table[by].fillna("(none)").astype(str)
    return table[COLUMNS + [by]]


def _sentence(row) -> str:
    sentence, at = row.sentence, int(row.at)
    if at < 0 or not sentence:
        return html.escape(sentence or row.what)
    stop = min(len(sentence), at + row.end - row.start)
    return (html.escape(sentence[:at]) + f'<mark class="k-{row.kind}">{html.escape(sentence[at:stop])}</mark>'
            + html.escape(sentence[stop:]))


def _options(values, label: str) -> str:
    return f'<option value="">{label}</option>' + "".join(
        f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in values)


def _more(group: str, category: str, n: int, csv: str) -> str:
    return (f'<tr class="more" data-group="{html.escape(group)}" data-cat="{html.escape(category)}"><td colspan="5">'
            f"… and {n:,} more sentence{'s' if n != 1 else ''} of {html.escape(group)} · {html.escape(category)}: "
            f'every one is in <a href="{html.escape(csv)}">{html.escape(csv)}</a></td></tr>\n')


def evidence_pages(found: pd.DataFrame, out: str | Path, *, by: str, charts: dict[str, tuple[str, str]],
                   pages: dict[str, str], titles: dict[str, str], limit: int = 200,
                   csv: str = "evidence.csv") -> list[Path]:
    """Write ``evidence_<chart>.html`` for each chart in ``charts`` (chart → (title, category name)).

    ``pages`` maps doc_id to its article page, ``titles`` doc_id to the title
    shown. Rows are sorted by group, category, article and position; a page
    lists at most ``limit`` sentences per group × category (so a large corpus
    still gives pages a browser opens) and says how many more are in ``csv``.
    """
    written = []
    for chart, (title, category) in charts.items():
        rows = found[found["chart"] == chart].sort_values([by, "category", "doc_id", "part", "start"], kind="stable")
        body = []
        for (group, cat), cell in rows.groupby([by, "category"], sort=False):
            body.extend(
                f'<tr data-group="{html.escape(r[-1])}" '
                f'data-cat="{html.escape(r.category)}"><td>{html.escape(r[-1])}</td><td>{html.escape(r.category)}</td>'
                f'<td class="sentence">{_sentence(r)}</td><td class="detail">{html.escape(r.detail)}</td>'
                f'<td><a href="{html.escape(pages[r.doc_id])}#f-{html.escape(r.fid)}">'
                f"{html.escape(titles.get(r.doc_id) or str(r.doc_id))}</a></td></tr>\n"
                for r in cell.head(limit).itertuples(index=False))
            if len(cell) > limit:
                body.append(_more(group, cat, len(cell) - limit, csv))
        body = "".join(body)
        page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evidence: {html.escape(title)}</title>
<link rel="stylesheet" href="report.css"><script src="report.js" defer></script></head>
<body class="evidence"><p class="nav"><a href="index.html">Coverage report</a></p>
<h1>Evidence: {html.escape(title)}</h1>
<p>Every sentence behind the chart, with the words found highlighted; the last column opens the article with
all its findings marked. Filter by {html.escape(by)} and {html.escape(category)}, or search the sentences.</p>
<form class="filters">
<label>{html.escape(by)} <select id="group">{_options(sorted(rows[by].unique()), "all")}</select></label>
<label>{html.escape(category)} <select id="cat">{_options(sorted(rows["category"].unique()), "all")}</select></label>
<label>search <input id="q" type="search" placeholder="words in the sentence"></label>
<output id="shown">{body.count("<tr data-group=")} sentences</output></form>
<table class="evidence"><thead><tr><th>{html.escape(by)}</th><th>{html.escape(category)}</th><th>sentence</th>
<th>details</th><th>article</th></tr></thead>
<tbody>
{body}</tbody></table>
</body></html>
"""
        path = Path(out) / f"evidence_{chart}.html"
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written
