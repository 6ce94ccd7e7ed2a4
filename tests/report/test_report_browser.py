"""The report in a real browser: it loads from file://, shows its charts and tables; a bar or a table cell
opens the sentences behind it, filtered and searchable, and a sentence its article with the findings
highlighted; text from the articles is shown as text, never run.

Uses Debian's chromium (``/usr/bin/chromium``, installed by ``.ci/run``) through Playwright; Playwright's own
browsers are never downloaded. Skips, saying why, when either is missing.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from toolkit import report

CHROMIUM = Path(os.environ.get("NEWSFRAMES_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
INJECTED = "<script>window.__injected = true;</script>"

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not CHROMIUM.exists():
    pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium; .ci/run does it)", allow_module_level=True)

ARTICLE = """---
title: {title}
outlet: {outlet}
date: 2020-01-0{day}
---
{body}
"""
BODIES = [
    "The United States killed General Qassem Soleimani in a drone strike in Baghdad on Friday. "
    "Officials said the attack was ordered by the president. Iran vowed revenge for the killing.",
    "Iran's leaders mourned the commander, who was assassinated by the United States. "
    "\"This crime will not go unanswered,\" the foreign minister said. Crowds filled the streets of Tehran.",
    "Lawmakers in Congress demanded answers about the strike. Critics said the war powers of Congress "
    "were ignored, while supporters praised the decision as a blow to terrorism.",
]


@pytest.fixture(scope="module")
def page_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    outlets = ["Daily One", f"Wire {INJECTED}"]
    for i in range(6):
        body = BODIES[i % 3] + (f" A reader wrote {INJECTED} in the comments." if i == 1 else "")
        text = ARTICLE.format(title=f"Report {i} {INJECTED if i == 0 else ''}".strip(), outlet=outlets[i % 2],
                              day=1 + i % 3, body=body)
        (folder / f"a{i}.md").write_text(text, encoding="utf-8")
    out = report.build(folder, tmp_path_factory.mktemp("report"), target="Soleimani",
                       aliases=["Soleimani", "Qassem Soleimani", "commander"])
    return out / "index.html"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        except Exception as error:  # a chromium that cannot start in this sandbox
            pytest.skip(f"chromium at {CHROMIUM} did not start: {error}")
        yield chromium
        chromium.close()


def test_report_page_loads_with_charts_and_tables(page_path, browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(page_path.as_uri())
    assert response is None or response.ok
    assert page.title() == "Coverage report"
    assert page.locator("h1").inner_text() == "Coverage report"
    images = page.locator("img")
    assert images.count() >= 5
    widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)")
    assert all(width > 0 for width in widths), widths  # every chart file was found and decoded
    assert page.locator("table").count() >= 1
    assert page.locator("table td").count() > 0
    assert errors == []
    page.close()


def test_tables_are_formatted_for_people(page_path, browser):
    page = browser.new_page()
    page.goto(page_path.as_uri())
    first = page.locator("table").first
    assert first.locator("thead th").first.inner_text() == "outlet"  # no index column
    cells = page.eval_on_selector_all("td", "tds => tds.map(td => td.innerText)")
    assert not [c for c in cells if re.fullmatch(r"-?\d+\.\d{3,}", c)]  # no six-decimal numbers
    articles = first.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert articles == sorted(articles, key=int, reverse=True)  # largest group first
    page.close()


def test_text_from_articles_is_shown_not_run(page_path, browser):
    assert INJECTED not in page_path.read_text(encoding="utf-8")  # escaped in the file itself
    page = browser.new_page()
    page.goto(page_path.as_uri())
    assert page.evaluate("window.__injected === undefined")
    assert page.locator("body script").count() == 0
    assert INJECTED in page.locator("body").inner_text()  # the outlet's name, shown as typed
    page.close()


def _visible_rows(page):
    return page.locator("table.evidence tbody tr:not([hidden])")


def test_a_bar_opens_its_sentences_and_their_article(page_path, browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_path.as_uri())
    bars = page.locator(".chart", has=page.locator('img[src="agency.png"]')).locator("a.hot")
    assert bars.count() >= 3  # active, passive with agent, nominal: one link per bar drawn
    bar = bars.first
    group, category = bar.get_attribute("title").split(":")[0].split(" · ")
    bar.click()
    page.wait_for_load_state()
    assert page.url.split("/")[-1].startswith("evidence_agency.html#")
    rows = _visible_rows(page)
    assert rows.count() >= 1
    assert {r.get_attribute("data-group") for r in rows.all()} == {group}
    assert {r.get_attribute("data-cat") for r in rows.all()} == {category}
    assert page.locator("#shown").inner_text().startswith(f"{rows.count()} of ")
    assert page.locator("#group").input_value() == group and page.locator("#cat").input_value() == category
    found = rows.first.locator("td.sentence mark").inner_text()
    rows.first.locator("td a").click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and "#f-a" in page.url
    target = page.locator(".text mark.current")  # the finding the link points to, outlined
    assert target.count() == 1 and target.inner_text() == found
    assert "agency" in target.get_attribute("title")
    assert page.locator(".text mark").count() >= 2  # the article's other findings are marked too
    assert errors == []
    page.close()


def test_a_table_cell_opens_the_same_sentences(page_path, browser):
    page = browser.new_page()
    page.goto(page_path.as_uri())
    cells = page.locator("table.crosstab a[href^='evidence_quoted_sides.html#group=']")
    cell = cells.filter(has_text="(").first  # a share with its count, e.g. "50 % (1)"
    count = int(cell.inner_text().split("(")[1].rstrip(")"))
    cell.click()
    page.wait_for_load_state()
    assert _visible_rows(page).count() == count
    page.close()


def test_filter_by_group_and_search_the_sentences(page_path, browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((page_path.parent / "evidence_frames_generic.html").as_uri())
    rows = _visible_rows(page)
    total = rows.count()
    assert total > 2 and page.locator("#shown").inner_text() == f"{total} of {total} sentences"
    page.select_option("#group", "Daily One")
    daily = rows.count()
    assert 0 < daily < total
    assert {r.get_attribute("data-group") for r in rows.all()} == {"Daily One"}
    assert "group=Daily+One" in page.url or "group=Daily%20One" in page.url  # the filter can be linked
    page.fill("#q", "ATTACK")  # "Officials said the attack was ordered …": case does not matter
    assert 1 <= rows.count() < daily and all("attack" in r.inner_text().lower() for r in rows.all())
    page.fill("#q", "no sentence says this")
    assert rows.count() == 0 and page.locator("#shown").inner_text() == f"0 of {total} sentences"
    page.fill("#q", "")
    page.select_option("#group", "")
    assert rows.count() == total
    page.locator("#q").press("Enter")  # the search box never reloads the page
    assert page.url.startswith((page_path.parent / "evidence_frames_generic.html").as_uri())
    assert errors == []
    page.close()


def test_an_article_shows_a_script_in_its_text_and_never_runs_it(page_path, browser):
    folder = page_path.parent
    articles = sorted((folder / "articles").glob("*.html"))
    assert len(articles) == 6
    for path in [*articles, *folder.glob("evidence_*.html")]:
        assert INJECTED not in path.read_text(encoding="utf-8"), path.name
    page = browser.new_page()
    page.goto(next(p for p in articles if p.name.startswith("001-")).as_uri())
    assert page.evaluate("window.__injected === undefined")
    assert INJECTED in page.locator(".text").inner_text()  # the body's script, shown as typed
    assert page.eval_on_selector_all("script", "s => s.map(x => x.getAttribute('src'))") == ["../report.js"]
    page.goto(next(p for p in articles if p.name.startswith("000-")).as_uri())
    assert INJECTED in page.locator("h1").inner_text() and page.evaluate("window.__injected === undefined")
    page.goto((folder / "evidence_agency.html").as_uri())
    options = page.eval_on_selector_all("#group option", "o => o.map(x => x.textContent)")
    assert f"Wire {INJECTED}" in options and page.evaluate("window.__injected === undefined")
    page.select_option("#group", f"Wire {INJECTED}")
    assert _visible_rows(page).count() >= 1
    page.close()
