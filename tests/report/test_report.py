"""The main job's report and the command line."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit import __main__ as cli
from toolkit import plot, report, resources
from toolkit.report.evidence import evidence_href

ROOT = Path(__file__).resolve().parents[2]


ALIASES = ["Soleimani", "Suleimani", "Qassem", "Qasem", "Quds Force commander"]
CHARTS = ["corpus_overview.png", "sentiment_by_group.png", "frames_generic.png", "frames_policy.png",
          "keyness_us-administration.png", "target_sentiment.png", "target_mention_sentiment.png",
          "word_choice_event.png",
          "word_choice_target.png", "quoted_sides.png", "agency.png", "over_time.png", "dispersion.png"]


def _colours(ax) -> dict[str, str]:
    """Category → colour as drawn in one chart: every labelled bar series and every legend entry."""
    drawn = {}
    for container in ax.containers:
        if container.get_label() and not container.get_label().startswith("_") and hasattr(container, "patches"):
            for patch in container.patches:  # every bar of the series, not just the first
                drawn.setdefault(container.get_label(), set()).add(mcolors.to_hex(patch.get_facecolor()))
    legend = ax.get_legend()
    for handle, text in zip(legend.legend_handles if legend else [], legend.get_texts() if legend else []):
        if isinstance(handle, plt.Line2D):
            colour = handle.get_color()
        else:  # a patch or a collection: its fill, else its outline
            colour = next(c for c in (handle.get_facecolor(), handle.get_edgecolor()) if np.size(c))
        colour = colour if isinstance(colour, str) else np.atleast_2d(colour)[0]
        drawn.setdefault(text.get_text(), set()).add(mcolors.to_hex(colour))
    return drawn


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The report of the bundled corpus, and the colours each chart drew, by chart and category."""
    out, charts = tmp_path_factory.mktemp("report"), {}
    save = plot.save

    def recording(ax, path, **kwargs):
        charts[Path(path).name] = _colours(ax)
        return save(ax, path, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plot, "save", recording)
        report.build(resources.corpus_dir(), out, groups=resources.data_dir() / "corpus-groups.csv",
                     target="Soleimani", aliases=ALIASES)
    return out, charts


@pytest.fixture(scope="module")
def bundled_report(bundled):
    return bundled[0]


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
    names = sorted(p.relative_to(bundled_report) for p in bundled_report.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert Path("articles") in {n.parent for n in names}  # the article pages are compared too
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
    assert "<script" not in executed  # nothing fetched from a CDN: the lesson opens offline


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


def test_every_chart_uses_one_colour_per_category(bundled):
    out, charts = bundled
    assert set(charts) == {p.name for p in out.glob("*.png")}  # every chart of the report was seen
    seen: dict[str, dict[str, set]] = {}
    for chart, colours in charts.items():
        for category, drawn in colours.items():
            for colour in drawn:
                seen.setdefault(category, {}).setdefault(colour, set()).add(chart)
    clashes = {category: found for category, found in seen.items() if len(found) > 1}
    assert clashes == {}
    shared = {category for category, found in seen.items() if len(set().union(*found.values())) > 1}
    word_choice = pd.read_csv(out / "word_choice.csv")
    families = set.intersection(*(set(sub["family"]) for _, sub in word_choice.groupby("kind")))
    assert families  # some label families name both the event and the person
    groups = set(pd.read_csv(out / "corpus_summary.csv")["group"])
    assert families <= shared  # in both word-choice charts
    assert groups <= shared  # attention over time and each group's key words


def _scripts_and_handlers(page: str) -> tuple[list[str], list[str]]:
    from html.parser import HTMLParser

    class Scan(HTMLParser):
        scripts, handlers, inside = [], [], False

        def handle_starttag(self, tag, attrs):
            self.handlers += [name for name, _ in attrs if name.startswith("on")]
            if tag == "script":
                self.scripts.append(dict(attrs).get("src") or "")
                self.inside = True

        def handle_endtag(self, tag):
            self.inside = False if tag == "script" else self.inside

        def handle_data(self, data):
            if self.inside and data.strip():
                self.scripts.append("inline: " + data)

    scan = Scan()
    scan.feed(page)
    return scan.scripts, scan.handlers


def test_pages_run_only_the_reports_own_script(tmp_path):
    injected = "<script>alert(1)</script><!-- </table> <img src=x onerror=alert(2)>"
    (tmp_path / "in").mkdir()
    for k, body in enumerate([f"The United States killed the general. {injected} Iran said it was a crime.",
                              "Iran's commander was assassinated by the United States, officials said."]):
        (tmp_path / "in" / f"a{k}.md").write_text(f"---\ntitle: T{k} {injected}\noutlet: O{k} {injected}\n---\n{body}\n"
                                                 f"\nPhoto: {injected} (AP)\n", encoding="utf-8")
    out = report.build(tmp_path / "in", tmp_path / "out", target="general", aliases=["commander"])
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 4 and (out / "articles").is_dir()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert injected not in text and "<script>alert" not in text
        scripts, handlers = _scripts_and_handlers(text)
        assert set(scripts) <= {"report.js", "../report.js"}, page.name
        assert handlers == [], page.name
    article = next(p for p in (out / "articles").iterdir() if "a0" in p.name).read_text(encoding="utf-8")
    assert html.escape(injected) in article  # shown, escaped


def test_evidence_pages_hold_the_rows_behind_each_count(bundled_report):
    out = bundled_report
    for chart, counts, category in (("quoted_sides", "quoted_sides.csv", "side"),
                                    ("agency", "agency_by_group.csv", "agency"),
                                    ("word_choice_event", "word_choice.csv", "family")):
        table = pd.read_csv(out / counts, keep_default_na=False)
        if chart.startswith("word_choice"):
            table = table[table["kind"] == "event"]
        expected = {(g, c): n for g, c, n in zip(table["group"], table[category], table["n"]) if n > 0}
        page = (out / f"evidence_{chart}.html").read_text(encoding="utf-8")
        rows = re.findall(r'<tr data-group="([^"]*)" data-cat="([^"]*)">', page)
        found = pd.Series([(html.unescape(g), html.unescape(c)) for g, c in rows]).value_counts().to_dict()
        assert found == expected, chart
        links = re.findall(r'<a href="(articles/[^"#]+)#f-([a-z0-9]+)">', page)
        assert len(links) == len(rows) and all((out / path).exists() for path, _ in links)
    index = (out / "index.html").read_text(encoding="utf-8")
    shares = pd.read_csv(out / "agency_by_group.csv")
    for group, agency in shares.loc[shares["n"] > 0, ["group", "agency"]].itertuples(index=False):
        link = html.escape(evidence_href("agency", group, agency))
        assert index.count(f'href="{link}"') == 2, link  # its bar on the chart and its cell in the table
