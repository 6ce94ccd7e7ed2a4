"""The main job's report and the command line."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import toolkit
from toolkit import __main__ as cli
from toolkit import plot, report, resources

ROOT = Path(__file__).resolve().parents[2]


ALIASES = ["Soleimani", "Suleimani", "Qassem", "Qasem", "Quds Force commander"]
CHARTS = ["corpus_overview.png", "sentiment_by_group.png", "frames_generic.png", "frames_policy.png",
          "keyness_us-administration.png", "target_sentiment.png", "target_mention_sentiment.png",
          "word_choice_event.png",
          "word_choice_target.png", "quoted_sides.png", "agency.png", "over_time.png", "dispersion.png"]


@pytest.fixture(scope="module")
def bundled_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return report.build(resources.corpus_dir(), out, groups=resources.data_dir() / "corpus-groups.csv",
                        target="Soleimani", aliases=ALIASES)


def test_report_on_the_bundled_corpus(bundled_report):
    out = bundled_report
    summary = pd.read_csv(out / "corpus_summary.csv", index_col="group")
    assert summary.n_articles.sum() == 45
    assert summary.loc["US administration", "n_articles"] == 15
    assert summary.loc["Russia", "languages"] == "en,ru"
    for name in CHARTS:
        assert (out / name).read_bytes().startswith(b"\x89PNG"), name
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "45 articles loaded" in page
    for name in CHARTS:
        assert f'src="{name}"' in page, name
    for heading in ["Sentence sentiment", "Frames", "Key words", "Soleimani: sentiment and word choice",
                    "Who is quoted", "Agency", "Skipped inputs"]:
        assert f"<h2>{heading}" in page, heading
    sentiment = pd.read_csv(out / "sentiment_by_group.csv")
    assert sentiment.set_index("group").loc["US administration", "n_clusters"] == 15
    families = pd.read_csv(out / "word_choice.csv")
    assert set(families.family) >= {"criminalising", "descriptive", "legitimising", "role"}


def test_report_is_byte_identical_across_runs(bundled_report, tmp_path):
    again = report.build(resources.corpus_dir(), tmp_path, groups=resources.data_dir() / "corpus-groups.csv",
                         target="Soleimani", aliases=ALIASES)
    names = sorted(p.name for p in bundled_report.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (bundled_report / name).read_bytes() == (again / name).read_bytes(), name


def test_report_links_executed_notebooks(tmp_path):
    folder = tmp_path / "nb"
    folder.mkdir()
    shutil.copy(ROOT / "notebooks" / "02_loading_and_cleaning.ipynb", folder)
    out = report.build(resources.corpus_dir(), tmp_path / "out", notebooks=folder)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="notebooks/02_loading_and_cleaning.html"' in page
    executed = (out / "notebooks" / "02_loading_and_cleaning.html").read_text(encoding="utf-8")
    assert "The Times of Israel" in executed and "LoadError" not in executed.split("except toolkit.LoadError")[0][-200:]


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
