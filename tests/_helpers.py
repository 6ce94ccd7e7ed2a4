"""What the tests of the pattern modules (labels, quotes, agency) share.

``table, seed_rows = corpus_fixtures(quotes)`` in a test module gives it two
module-scoped fixtures: ``table``, the function's result on the bundled corpus
(run once, with the warning about the Russian text silenced), and
``seed_rows``, the rows of the seed article.
"""
from __future__ import annotations

import doctest
import importlib
import warnings
from typing import Any, Callable

import pandas as pd
import pytest

#: the seed article (Times of Israel, 3 Jan 2020)
SEED = "000_22b6830e9619a82a"
#: corpus column holding the text of each part
COLUMN = {"title": "title", "standfirst": "standfirst", "body": "text"}


def quietly(analyse: Callable[..., pd.DataFrame], corpus: pd.DataFrame, *args: Any, **kw: Any) -> pd.DataFrame:
    """``analyse(corpus, *args, **kw)`` without the warning about skipped non-English documents."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the Russian text is skipped with a warning
        return analyse(corpus, *args, **kw)


def corpus_fixtures(analyse: Callable[..., pd.DataFrame], *args: Any, **kw: Any):
    """The module-scoped ``table`` and ``seed_rows`` fixtures for ``analyse(corpus, *args, **kw)``."""

    @pytest.fixture(scope="module")
    def table(corpus: pd.DataFrame) -> pd.DataFrame:
        return quietly(analyse, corpus, *args, **kw)

    @pytest.fixture(scope="module")
    def seed_rows(table: pd.DataFrame) -> pd.DataFrame:
        return table[table.doc_id == SEED]

    return table, seed_rows


def examples_fail(*module_names: str) -> dict[str, int]:
    """Failed docstring examples per module, for the modules that have any."""
    failed = {}
    for name in module_names:
        module = importlib.import_module(name)  # the module, even if toolkit.<name> is also a function
        n = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE).failed
        if n:
            failed[name] = n
    return failed
