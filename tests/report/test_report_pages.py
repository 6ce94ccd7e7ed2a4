"""The explorable report's pieces: highlights from offsets, the evidence table, tables for people, links on
charts. Fast: no report is built here (tests/report/test_report.py builds one)."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import matplotlib.pyplot as plt
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import plot
from toolkit.report.articles import highlight
from toolkit.report.evidence import evidence_href, evidence_pages, findings
from toolkit.report.explore import stacked_spots
from toolkit.report.tables import crosstab_html

SCRIPT = "<script>window.__injected = true;</script>"


def _plain(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


class _Marks(HTMLParser):
    """Positions in the plain text: where each anchor stands, which characters are inside a <mark>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.at, self.depth, self.anchors, self.marked = 0, 0, {}, set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "span" and attrs.get("class") == "anchor":
            self.anchors[attrs["id"]] = self.at
        self.depth += tag == "mark"

    def handle_endtag(self, tag):
        self.depth -= tag == "mark"

    def handle_data(self, data):
        if self.depth:
            self.marked.update(range(self.at, self.at + len(data)))
        self.at += len(data)


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'\n")), max_size=40))
    spans = []
    for k in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        spans.append((start, end, f"x{k}", draw(st.sampled_from(["k-label", "k-quote"])), f"<b>{k}</b>"))
    return text, spans


@settings(max_examples=200, deadline=None)
@given(text_and_spans())
def test_highlight_keeps_the_text_and_marks_every_span(case):
    text, spans = case
    page = highlight(text, spans)
    assert _plain(page) == text  # nothing lost, nothing added, every character escaped
    assert "<b>" not in page and "<script" not in page
    marks = _Marks()
    marks.feed(page)
    for start, end, fid, _, _ in spans:
        assert page.count(f'id="f-{fid}"') == 1 and marks.anchors[f"f-{fid}"] == start
        assert set(range(start, end)) <= marks.marked
    assert marks.marked <= {i for start, end, *_ in spans for i in range(start, end)}  # nothing else marked


def test_highlight_shows_a_script_as_text():
    text = f"He said {SCRIPT} twice."
    page = highlight(text, [(3, 7, "q0", "k-quote", SCRIPT)])
    assert SCRIPT not in page and "&lt;script&gt;" in page
    assert _plain(page) == text


def test_findings_place_each_finding_in_its_sentence():
    text = "The strike killed him. Iran said \"it was a crime\" on Friday."
    corpus = pd.DataFrame({"doc_id": ["d"], "title": [f"T {SCRIPT}"], "text": [text], "outlet": ["Wire"]})
    said = pd.DataFrame({"doc_id": ["d"], "part": ["body"], "kind": ["direct"], "quote": ["it was a crime"],
                         "speaker": ["Iran"], "side": [None], "cue": ["said"], "start": [34], "end": [48],
                         "sentence": ["Iran said \"it was a crime\" on Friday."]})
    hits = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 0], "frame": ["conflict", "conflict"],
                         "pattern": ["strike", "kill*"], "match": ["strike", "killed"], "start": [4, 11],
                         "end": [10, 17], "negated": [False, True], "sentence": ["The strike killed him."] * 2})
    found = findings(corpus, "outlet", quotes=said, frames={"generic": hits})
    assert found["fid"].is_unique
    assert found["chart"].tolist() == ["quoted_sides", "frames_generic"]  # the negated hit is not counted
    quote, frame = found.to_dict("records")
    assert quote["category"] == "(none)"  # as quote_counts names a missing side
    assert quote["sentence"][quote["at"]:quote["at"] + quote["end"] - quote["start"]] == "it was a crime"
    assert text[frame["start"]:frame["end"]] == frame["what"] == "strike" and frame["at"] == 4
    assert "speaker: Iran" in quote["detail"] and "cue: said" in quote["detail"]


def test_evidence_links_escape_groups_and_categories():
    href = evidence_href("agency", "US & <allies>", "passive_agent")
    assert href == "evidence_agency.html#group=US%20%26%20%3Callies%3E&cat=passive_agent"


def test_crosstab_is_sorted_formatted_and_escaped():
    counts = pd.DataFrame({"outlet": ["Small", "Big", "Big", f"Bad {SCRIPT}"], "side": ["a", "a", "b", "a"],
                           "n": [1, 6, 2, 3], "share": [1.0, 0.75, 0.25, 1.0]})
    table = crosstab_html(counts, row="outlet", col="side", value="share", n="n",
                          link=lambda g, c: evidence_href("quoted_sides", g, c))
    rows = re.findall(r"<tr><td>(.*?)</td>", table)
    assert [_plain(r) for r in rows] == ["Big", f"Bad {SCRIPT}", "Small"]  # most quotations first
    assert SCRIPT not in table
    assert ">75 % (6)</a>" in table and ">25 % (2)</a>" in table


def test_every_bar_links_to_its_group_and_category():
    shares = pd.DataFrame({"outlet": ["B", "B", "A"], "agency": ["active", "nominal", "nominal"],
                           "n": [3, 1, 2], "share": [0.75, 0.25, 1.0]})
    ax = plot.stacked_shares(shares, group="outlet", category="agency", n="n")
    ax.figure.canvas.draw()  # the layout, as saving the chart does
    boxes = stacked_spots(shares, by="outlet", category="agency", chart="agency")(ax)
    links = {href for *_, href, _ in boxes}
    assert links == {evidence_href("agency", g, c) for g, c in [("B", "active"), ("B", "nominal"), ("A", "nominal")]}
    for left, top, width, height, href, title in boxes:
        assert 0 <= left and left + width <= 100.01 and 0 <= top and top + height <= 100.01 and width > 0
    by_link = {href: (left, top) for left, top, _, _, href, _ in boxes}
    # A is drawn on top (first group first), so its bar lies above B's
    assert by_link[evidence_href("agency", "A", "nominal")][1] < by_link[evidence_href("agency", "B", "active")][1]
    plt.close("all")


def test_evidence_page_lists_a_limited_number_per_cell_and_says_how_many_more(tmp_path):
    text = "Iran said it. Iran said it again. Iran said it once more."
    corpus = pd.DataFrame({"doc_id": ["d"], "title": ["T"], "text": [text], "outlet": ["Wire"]})
    acts = pd.DataFrame({"doc_id": ["d"] * 3, "part": ["body"] * 3, "start": [5, 19, 39], "end": [9, 23, 43],
                         "sentence": ["Iran said it.", "Iran said it again.", "Iran said it once more."],
                         "event_word": ["said"] * 3, "agency": ["active"] * 3, "agent": ["Iran"] * 3,
                         "rule": ["nsubj"] * 3})
    found = findings(corpus, "outlet", agency=acts)
    [page] = evidence_pages(found, tmp_path, by="outlet", charts={"agency": ("Agency", "agency class")},
                            pages={"d": "articles/000-d.html"}, titles={"d": "T"}, limit=2)
    text = page.read_text(encoding="utf-8")
    assert text.count('<tr data-group="Wire" data-cat="active">') == 2
    assert "… and 1 more sentence of Wire · active" in text and 'href="evidence.csv"' in text
    assert '<output id="shown">2 sentences</output>' in text
