"""The report's main page, ``index.html``: sections of charts, each chart with its links to the evidence and
its table formatted for people, and the report's own stylesheet and script copied beside it.

Text that comes from the articles (outlets, titles, groups, file names) is escaped everywhere; the page has
no inline script.
"""
from __future__ import annotations

import html
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .tables import html_table

__all__ = ["copy_static", "index_page"]

STATIC = Path(__file__).with_name("static")


@dataclass
class _Section:
    """One part of the report page: a heading, a sentence of method, charts and tables."""

    title: str
    text: str
    charts: list[str] = field(default_factory=list)
    tables: list[tuple[str, pd.DataFrame]] = field(default_factory=list)


def copy_static(out: str | Path) -> list[Path]:
    """Copy ``report.css`` and ``report.js`` into the report folder (the pages link them relatively)."""
    return [Path(shutil.copyfile(f, Path(out) / f.name)) for f in sorted(STATIC.iterdir()) if f.suffix in (".css", ".js")]


def index_page(path, sections: list[_Section], skipped: pd.DataFrame, notebooks: list[str], csvs: list[str],
               *, figures: dict[str, str] | None = None, under: dict[str, str] | None = None) -> str:
    """``index.html``: ``figures`` maps a chart file to its image with links, ``under`` to the HTML below it."""
    figures, under = figures or {}, under or {}
    parts = [f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Coverage report</title>
<link rel="stylesheet" href="report.css">
</head><body>
<h1>Coverage report</h1>
<p>Articles: <code>{html.escape(str(path))}</code>. Every chart has its table below it and in a CSV file listed at
the end. Click a bar, a cell or a table entry to read the sentences behind it, and from there the article.</p>"""]
    if notebooks:
        parts.append("<h2>Lessons (executed notebooks)</h2><ul>" + "".join(
            f'<li><a href="{html.escape(link)}">{html.escape(Path(link).stem.replace("_", " "))}</a></li>'
            for link in notebooks) + "</ul>")
    for section in sections:
        parts.append(f"<h2>{section.title}</h2><p>{section.text}</p>")
        for name in section.charts:
            parts.append(figures.get(name) or f'<div class="chart"><img src="{html.escape(name)}" '
                                               f'alt="{html.escape(name)}"></div>')
            parts.append(under.get(name, ""))
        parts.extend(html_table(frame) for _, frame in section.tables)
    parts.append("<h2>Skipped inputs</h2>" + (html_table(skipped) if len(skipped) else
                                               "<p>None: every input was loaded.</p>"))
    parts.append("<h2>Tables</h2><ul>" + "".join(f'<li><a href="{html.escape(c)}">{html.escape(c)}</a></li>'
                                                 for c in csvs) + "</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
