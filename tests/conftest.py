"""Shared fixtures: the bundled corpus, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import toolkit
from toolkit import resources

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "dask: needs a local Dask cluster (slower)")


@pytest.fixture(scope="session")
def corpus() -> pd.DataFrame:
    """Every bundled article (``data/corpus``)."""
    return toolkit.load(resources.corpus_dir())


@pytest.fixture(scope="session")
def seed(corpus: pd.DataFrame) -> pd.Series:
    """The seed article (Times of Israel, 3 Jan 2020) as one corpus row."""
    return corpus.set_index("doc_id").loc["000_22b6830e9619a82a"]


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """``../shared/eval`` if this checkout has it; tests that need it skip otherwise."""
    path = SHARED / "eval" / "vader_nyt_editorials"
    if not path.is_dir():
        pytest.skip("../shared/eval is not available")
    return path
