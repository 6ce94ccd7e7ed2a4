"""The curated notebooks: stored clean, runnable top to bottom, with exercises and working solutions."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "notebooks" / "solutions").glob("*.py"))


def test_there_are_curated_lessons():
    assert len(NOTEBOOKS) >= 7
    assert {p.stem[:2] for p in NOTEBOOKS} == {p.stem[:2] for p in SOLUTIONS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs_or_absolute_paths(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, f"{path.name} has stored outputs"
    source = "".join("".join(c["source"]) for c in notebook["cells"])
    assert not re.search(r"(/home/|/work/|/tmp/|/Users/|[A-Z]:\\\\)", source), f"{path.name} has an absolute path"
    assert "nltk.download" not in source
    first = "".join(notebook["cells"][0]["source"])
    assert "Learning goals" in first
    assert "Exercises" in source and "solutions/" in source


def _selected(request, test: str) -> list[Path]:
    """The paths of the ``test`` cases this run selected (``-k`` and friends start only those)."""
    return [item.callspec.params["path"] for item in request.session.items
            if getattr(item, "originalname", None) == test and hasattr(item, "callspec")]


@pytest.fixture(scope="module")
def executed(request, tmp_path_factory):
    """The selected lessons started together, one kernel per CPU core; each test waits for its own (and its error)."""
    from toolkit.report import run_notebooks

    out = tmp_path_factory.mktemp("lessons")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        # one notebook per call, in a copy of the folder layout so relative paths behave as in class
        yield {path: pool.submit(run_notebooks, path.parent, out / path.stem, only=[path.name], jobs=1)
               for path in _selected(request, "test_notebook_runs_top_to_bottom")}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path, executed):
    html = executed[path].result()
    text = html[0].read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" not in text
    assert "<img" in text or "image/png" in text or "<table" in text


@pytest.fixture(scope="module")
def solutions(request):
    """The selected solution scripts, as many at a time as there are CPU cores: path → (returncode, stderr)."""
    def run(path):
        done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=300)
        return done.returncode, done.stderr

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        yield {path: pool.submit(run, path) for path in _selected(request, "test_solution_runs")}


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_solution_runs(path, solutions):
    returncode, stderr = solutions[path].result()
    assert returncode == 0, stderr[-2000:]
