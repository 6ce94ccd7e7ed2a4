"""The main job's report and the command line."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd

import toolkit
from toolkit import __main__ as cli
from toolkit import plot, report, resources


def test_report_on_the_bundled_corpus(tmp_path):
    out = report.build(resources.corpus_dir(), tmp_path, groups=resources.data_dir() / "corpus-groups.csv")
    summary = pd.read_csv(out / "corpus_summary.csv", index_col="group")
    assert summary.n_articles.sum() == 45
    assert summary.loc["US administration", "n_articles"] == 15
    assert summary.loc["Russia", "languages"] == "en,ru"
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "45 articles loaded" in page and "corpus_overview.png" in page
    assert (out / "corpus_overview.png").read_bytes().startswith(b"\x89PNG")


def test_report_is_byte_identical_across_runs(tmp_path):
    a = report.build(resources.corpus_dir(), tmp_path / "a")
    b = report.build(resources.corpus_dir(), tmp_path / "b")
    for name in ["corpus_overview.png", "corpus_summary.csv", "index.html"]:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_cli_reports_skipped_files_and_fails_cleanly(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The talks resumed in Geneva on Monday.", encoding="utf-8")
    (tmp_path / "in" / "bad.json").write_text("{oops", encoding="utf-8")
    assert cli.main(["report", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    load_report = pd.read_csv(tmp_path / "out" / "load_report.csv")
    assert load_report.status.tolist() == ["loaded", "skipped"]
    assert "malformed JSON" in load_report.reason[1]
    assert cli.main(["report", str(tmp_path / "in"), "--by", "nope", "--out", str(tmp_path / "o2")]) == 2
    assert "no column 'nope'" in capsys.readouterr().err


def test_cli_runs_as_a_module(tmp_path):
    done = subprocess.run([sys.executable, "-m", "toolkit", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "report" in done.stdout


def test_csv_export_neutralises_formulas(tmp_path):
    table = pd.DataFrame({"cell": ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "plain"]}, index=["=A1", "b", "c", "d", "e"])
    text = report.safe_csv(table, tmp_path / "t.csv").read_text(encoding="utf-8")
    assert text.splitlines()[1:] == ["'=A1,\"'=HYPERLINK(\"\"x\"\")\"", "b,'+1", "c,'-2", "d,'@SUM(A1)", "e,plain"]


def test_corpus_overview_chart_shows_what_it_says(corpus):
    summary = toolkit.corpus_summary(corpus.merge(resources.corpus_groups(), on="doc_id"), by="group")
    ax = plot.corpus_overview(summary)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(ax.patches) == 8 and labels[-1] == "US administration"  # longest bar on top
    assert ax.get_xlabel() == "words in the corpus" and "by group" in ax.get_title()
    assert any("15 articles" == t.get_text() for t in ax.texts)
