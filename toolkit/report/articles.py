"""Article pages of the report: each article's text with the findings highlighted from their offsets, the
captions and page furniture kept aside.

Articles are untrusted input: every piece of text goes through :func:`html.escape`, so a ``<script>`` in an
article is shown as text and never runs. The pages load only the report's own ``report.css`` and ``report.js``.

>>> print(highlight("US kills <b>", [(3, 8, "a1", "k-agency", "active")]))
US <span class="anchor" id="f-a1"></span><mark class="k-agency" title="active">kills</mark> &lt;b&gt;
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

__all__ = ["article_name", "article_pages", "highlight", "part_text"]

_PARTS = {"body": "text", "title": "title", "standfirst": "standfirst"}
KINDS = {"label": "word choice", "quote": "quotation", "agency": "agency", "frame": "frame word"}


def part_text(article: pd.Series | dict, part: str) -> str:
    """The text a finding's offsets index: ``text`` for ``body``, else the column named by ``part``."""
    value = article.get(_PARTS.get(part, part))
    return value if isinstance(value, str) else ""


def article_name(position: int, doc_id: object) -> str:
    """The file of an article page inside ``articles/``: its position in the corpus and a slug of its id."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", str(doc_id)).strip("-")[:60] or "article"
    return f"{position:03d}-{slug}.html"


def highlight(text: str, spans: Iterable[tuple[int, int, str, str, str]]) -> str:
    """``text`` as escaped HTML, each span ``(start, end, id, css class, title)`` in a ``<mark>``.

    Overlapping spans split the text at every boundary; a piece covered by
    several spans carries all their classes and titles. Each span's start gets
    an empty anchor ``id="f-<id>"`` to link to. Offsets outside the text raise
    ``ValueError``.
    """
    spans = sorted(spans)
    for start, end, fid, _, _ in spans:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"finding {fid}: offsets {start}:{end} outside a text of {len(text)} characters")
    bounds = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out = []
    for a, b in zip(bounds, bounds[1:] + [None]):
        out.extend(f'<span class="anchor" id="f-{html.escape(s[2])}"></span>' for s in spans if s[0] == a)
        if b is None:
            break
        piece = html.escape(text[a:b])
        cover = [s for s in spans if s[0] <= a and b <= s[1]]
        if cover:
            classes = " ".join(dict.fromkeys(s[3] for s in cover))
            title = " · ".join(dict.fromkeys(s[4] for s in cover))
            piece = f'<mark class="{html.escape(classes)}" title="{html.escape(title)}">{piece}</mark>'
        out.append(piece)
    return "".join(out)


def _aside(values: object) -> list[str]:
    if isinstance(values, str):
        return [values] if values.strip() else []
    if isinstance(values, (list, tuple)) or hasattr(values, "tolist"):
        return [str(v) for v in list(values) if str(v).strip()]
    return []


def _meta(article: pd.Series, by: str) -> str:
    parts = [str(article.get(c)) for c in ("outlet", by) if isinstance(article.get(c), str) and article.get(c)]
    date = article.get("date")
    if isinstance(date, pd.Timestamp) and not pd.isna(date):
        parts.append(date.strftime("%d %b %Y").lstrip("0"))
    parts.append(f"doc_id {article['doc_id']}")
    return " · ".join(html.escape(p) for p in dict.fromkeys(parts))


def _page(article: pd.Series, found: pd.DataFrame, by: str) -> str:
    spans: dict[str, list] = {part: [] for part in _PARTS}
    for row in found.itertuples(index=False):
        spans.setdefault(row.part, []).append((int(row.start), int(row.end), row.fid, f"k-{row.kind}",
                                               f"{KINDS.get(row.kind, row.kind)}: {row.category}"))
    unknown = set(spans) - set(_PARTS)
    if unknown:
        raise ValueError(f"article {article['doc_id']}: findings in unknown part(s) {sorted(unknown)}")
    title = part_text(article, "title") or str(article["doc_id"])
    standfirst = part_text(article, "standfirst")
    kinds = sorted(set(found["kind"])) if len(found) else []
    toggles = "".join(f'<label class="k-{k}"><input type="checkbox" data-kind="{k}" checked> '
                      f"{html.escape(KINDS.get(k, k))}</label> " for k in kinds)
    aside = []
    for column, heading in (("captions", "Captions and credits"), ("boilerplate", "Page furniture")):
        items = _aside(article.get(column))
        if items:
            aside.append(f"<h3>{heading}</h3><ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")
    return "\n".join([
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        '<link rel="stylesheet" href="../report.css"><script src="../report.js" defer></script></head>',
        '<body class="article"><p class="nav"><a href="../index.html">Coverage report</a></p>',
        f'<h1>{highlight(title, spans["title"]) if part_text(article, "title") else html.escape(title)}</h1>',
        f'<p class="meta">{_meta(article, by)}</p>',
        f'<p class="standfirst">{highlight(standfirst, spans["standfirst"])}</p>' if standfirst else "",
        f'<p class="legend">Highlighted ({len(found)} findings; hover for what each is): {toggles}</p>' if kinds
        else "<p class=\"legend\">No findings in this article.</p>",
        f'<div class="text">{highlight(part_text(article, "body"), spans["body"])}</div>',
        ('<aside class="kept"><h2>Kept aside from the text</h2>' + "".join(aside) + "</aside>") if aside else "",
        "</body></html>\n"])


def article_pages(corpus: pd.DataFrame, found: pd.DataFrame, out: str | Path, *, by: str) -> dict[str, str]:
    """Write one page per article of ``corpus`` into ``out/articles/``; returns doc_id → path from ``out``.

    ``found`` is the findings table of :func:`toolkit.report.evidence.findings`
    (``fid kind category doc_id part start end``).
    """
    folder = Path(out) / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    pages = {}
    by_doc = dict(tuple(found.groupby("doc_id", sort=False))) if len(found) else {}
    empty = found.iloc[:0]
    for position, (_, article) in enumerate(corpus.iterrows()):
        name = article_name(position, article["doc_id"])
        (folder / name).write_text(_page(article, by_doc.get(article["doc_id"], empty), by), encoding="utf-8")
        pages[article["doc_id"]] = f"articles/{name}"
    return pages

