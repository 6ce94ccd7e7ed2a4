"""Report: the standard comparative report of a folder of articles, the lessons, the command line.

=============  ===================================================================
module         what it does
=============  ===================================================================
``standard``   ``build``: every step on a folder, charts (PNG), tables (CSV), ``index.html``
``notebooks``  ``run_notebooks``: the lessons executed (in parallel kernels) and written as HTML
``tables``     tables formatted for people: ``people_table``, ``crosstab_html`` (linked cells)
``page``       ``index.html`` and the report's own ``static/report.css``, ``static/report.js``
``explore``    for ``build``: the links over the charts, the tables under them, the pages they open
``hotspots``   each bar or cell of a saved chart as a link laid over the PNG
``evidence``   ``findings`` behind each chart and one page per chart, filtered and searchable
``articles``   one page per article, findings highlighted from their offsets, captions kept aside
``cli``        ``python -m toolkit report …`` / ``newsframes report …``
=============  ===================================================================
"""
from .notebooks import run_notebooks
from .standard import build, safe_csv

__all__ = ["build", "run_notebooks", "safe_csv"]
