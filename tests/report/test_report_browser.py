"""The report page in a real browser: it loads from file://, shows its charts and tables, and text from the
articles is shown as text, never run.

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
    out = report.build(folder, tmp_path_factory.mktemp("report"))
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
