"""Report: the standard comparative report of a folder of articles, the lessons, the command line.

=============  ===================================================================
module         what it does
=============  ===================================================================
``standard``   ``build``: every step on a folder, charts (PNG), tables (CSV), ``index.html``
``notebooks``  ``run_notebooks``: the lessons executed and written as HTML
``cli``        ``python -m toolkit report …`` / ``newsframes report …``
=============  ===================================================================
"""
from .notebooks import run_notebooks
from .standard import build, safe_csv

__all__ = ["build", "run_notebooks", "safe_csv"]
