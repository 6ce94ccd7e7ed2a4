"""The standard comparative report: tables and charts for a folder of articles.

``python -m toolkit report PATH --out DIR`` (or the ``newsframes`` command)
loads every article under PATH, skipping bad files with their reasons, and
writes to DIR:

* ``index.html`` — the report page (summary table, charts, load report);
* ``corpus_summary.csv`` and ``load_report.csv`` — the tables;
* ``corpus_overview.png`` — the chart.

CSV files are safe to open in a spreadsheet: cells starting with ``= + - @``
are prefixed with an apostrophe so they are never run as formulas.

Example
-------
>>> from toolkit import report, resources
>>> import tempfile
>>> out = report.build(resources.corpus_dir(), tempfile.mkdtemp(), groups=resources.data_dir() / "corpus-groups.csv")
>>> sorted(p.name for p in out.iterdir())[:2]
['corpus_overview.png', 'corpus_summary.csv']
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from . import plot
from .compare import corpus_summary
from .load import load

__all__ = ["build", "run_notebooks", "safe_csv"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_csv(table: pd.DataFrame, path: str | Path, **kwargs) -> Path:
    """Write ``table`` as CSV with spreadsheet formula injection neutralised."""
    path = Path(path)
    safe = table.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(_neutralise)
    safe.index = safe.index.map(_neutralise)
    safe.to_csv(path, lineterminator="\n", **kwargs)
    return path


def run_notebooks(folder: str | Path, out: str | Path, *, only: list[str] | None = None, timeout: int = 600,
                  progress: bool = False) -> list[Path]:
    """Execute every ``*.ipynb`` in ``folder`` (sorted; or just the names in ``only``) and write each as HTML.

    Notebooks run with ``folder`` as their working directory, on the ``python3``
    kernel of this environment; no timing metadata is recorded, so reruns give
    the same cells. A notebook that fails raises ``RuntimeError`` naming the
    notebook and the cell's error.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter
    from tqdm.auto import tqdm

    folder, out = Path(folder), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter()
    written = []
    paths = sorted(p for p in folder.glob("*.ipynb") if only is None or p.name in only)
    for path in tqdm(paths, desc="notebooks", unit="nb", disable=not progress):
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                                resources={"metadata": {"path": str(folder)}})
        try:
            client.execute()
        except CellExecutionError as exc:
            raise RuntimeError(f"notebook {path.name} failed:\n{exc}") from None
        body, _ = exporter.from_notebook_node(notebook)
        target = out / (path.stem + ".html")
        target.write_text(body, encoding="utf-8")
        written.append(target)
    return written


def _table_html(table: pd.DataFrame) -> str:
    return table.to_html(border=0, classes="table", escape=True, na_rep="")


def build(path: str | Path, out: str | Path, *, by: str | None = None, groups: str | Path | None = None) -> Path:
    """Write the report for the articles under ``path`` into ``out``; returns ``out``.

    ``groups`` is an optional CSV with a ``doc_id`` column whose other columns
    are merged onto the corpus (the bundled corpus ships ``data/corpus-groups.csv``).
    ``by`` is the column to compare; default ``group`` if present, else ``outlet``.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    corpus = load(path, errors="skip")
    load_report, skipped = corpus.attrs["report"], corpus.attrs["skipped"]
    if groups is not None:
        extra = pd.read_csv(groups, dtype=str, keep_default_na=False)
        corpus = corpus.merge(extra, on="doc_id", how="left", validate="one_to_one")
    by = by or ("group" if "group" in corpus.columns else "outlet")
    summary = corpus_summary(corpus, by=by)
    safe_csv(summary, out / "corpus_summary.csv")
    safe_csv(load_report, out / "load_report.csv", index=False)
    ax = plot.corpus_overview(summary, source=f"Source: articles in {path}")
    plot.save(ax, out / "corpus_overview.png")
    import matplotlib.pyplot as plt

    plt.close(ax.figure)
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Coverage report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse}}td,th{{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}}</style>
</head><body>
<h1>Coverage report</h1>
<p>{len(corpus)} articles loaded from <code>{html.escape(str(path))}</code>;
{len(skipped)} input(s) skipped (listed below).</p>
<h2>The corpus by {html.escape(by)}</h2>
{_table_html(summary)}
<p><img src="corpus_overview.png" alt="Words and articles per {html.escape(by)}" style="max-width:100%"></p>
<h2>Skipped inputs</h2>
{_table_html(skipped) if len(skipped) else "<p>None: every input was loaded.</p>"}
<p>Tables: <a href="corpus_summary.csv">corpus_summary.csv</a>, <a href="load_report.csv">load_report.csv</a>.</p>
</body></html>
"""
    (out / "index.html").write_text(page, encoding="utf-8")
    return out
