"""Researchers' own sources: Nexis exports, Word, PDF, RTF and Media Cloud, chosen by content."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import toolkit
from toolkit import LoadError, load_report, skipped_inputs
from toolkit.load.nexis import parse_date_line

from documents_fixtures import (
    BODY_1, BODY_2, BODY_3, MEDIA_CLOUD_CSV, UNI_ARTICLES, classic_article, classic_export, docx_bytes,
    pdf_bytes, rtf_bytes, uni_paragraphs, write,
)

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "formats" / "lexisnexis"
# a line of export metadata, in either layout
METADATA_LINE = re.compile(
    r"^\s*(?:(?:BYLINE|SECTION|LENGTH|DATELINE|HIGHLIGHT|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|JOURNAL-CODE|GRAPHIC|"
    r"Dateline|Highlight|"
    r"Section|Length|Byline|Load-Date|Language|Publication-Type|Journal Code|Subject):|"
    r"\d+ of \d+ DOCUMENTS|Copyright \d{4}|All Rights Reserved|End of Document$|Body$|Classification$)")


def no_metadata_in(text: str) -> bool:
    return not any(METADATA_LINE.match(line) for line in text.split("\n"))


# ----------------------------------------------------------------------------- classic text export
def test_classic_export_gives_one_row_per_article_with_its_metadata(tmp_path):
    write(tmp_path / "export.TXT", classic_export())
    df = toolkit.load(tmp_path / "export.TXT")
    assert df.doc_id.tolist() == ["export#1", "export#2", "export#3"]
    assert df.article_number.tolist() == [1, 2, 3]
    assert df.outlet.tolist() == ["The Harbour Herald", "Coastal Courier (Eastport)", "The Harbour Herald"]
    assert df.date.tolist() == [pd.Timestamp("2020-03-02"), pd.Timestamp("2020-03-03"), pd.Timestamp("2020-03-04")]
    assert df.title.tolist() == ["Dock workers walk out over night pay", "Queues at the ferry terminal as strike goes on",
                                 "Strike talks to resume"]
    assert df.byline.tolist()[:2] == ["Mara Quill", "Olek Brandt"] and pd.isna(df.byline[2])
    assert df.section.tolist()[:2] == ["NEWS; Pg. 4"] * 2 and pd.isna(df.section[2])
    assert df.length.tolist() == [len(b.split()) for b in (BODY_1, BODY_2, BODY_3)]
    assert df.language.tolist() == ["en"] * 3 and set(df.language_source) == {"header"}
    assert set(df.copyright) == {"Copyright 2020 Example Press Ltd All Rights Reserved"}
    assert df.edition[0] == "Late Edition" and df.load_date[0] == "March 3, 2020"
    assert df.text.tolist() == [BODY_1, BODY_2, BODY_3]
    assert set(df.source_path) == {str(tmp_path / "export.TXT")}
    assert load_report(df).reason.tolist() == [""]


def test_classic_export_request_header_and_metadata_stay_out_of_the_text(tmp_path):
    write(tmp_path / "export.txt", classic_export())
    df = toolkit.load(tmp_path)
    for text in df.text:
        assert no_metadata_in(text)
        assert "Download Request" not in text and "harbour strike)" not in text


def test_partial_classic_export_reports_each_bad_and_missing_article(tmp_path):
    broken = classic_article(2, 4, outlet="Coastal Courier", date="sometime in March", title="No date here",
                             body="A paragraph.")
    text = "\n".join([classic_article(1, 4, outlet="The Harbour Herald", date="March 2, 2020 Monday",
                                      title="Dock workers walk out", body=BODY_1), broken])
    path = write(tmp_path / "part.txt", text)
    with pytest.raises(LoadError) as raised:
        toolkit.load(path)
    assert str(path) in str(raised.value)
    df = toolkit.load(path, errors="skip")
    assert df.article_number.tolist() == [1]
    reasons = skipped_inputs(df).reason.tolist()
    assert reasons[0].startswith("article 2: no date line")
    assert reasons[1].startswith("article 3: the export announces 4 documents but 2 are not in the file")
    assert "missing: 3, 4" in reasons[1]


def test_an_article_count_that_disagrees_is_noted(tmp_path):
    text = classic_export().replace("2 of 3 DOCUMENTS", "2 of 300 DOCUMENTS")
    df = toolkit.load(write(tmp_path / "e.txt", text))
    assert len(df) == 3
    assert load_report(df).reason[0] == "article 2 is headed '2 of 300 DOCUMENTS' (the others: of 3)"


# ----------------------------------------------------------------------------- Nexis Uni
def uni_pdf(paragraphs: list[str]) -> bytes:
    """The export as a PDF, one page per article (the cover on the first)."""
    pages: list[list[str]] = [[]]
    for line in (x for p in paragraphs for x in p.split("\n")):
        pages[-1].append(line)
        if line == "End of Document":
            pages.append([])
    return pdf_bytes([page for page in pages if any(page)])


@pytest.mark.parametrize("name, make", [("uni.DOCX", docx_bytes), ("uni.rtf", rtf_bytes), ("uni.pdf", uni_pdf)])
def test_nexis_uni_export_skips_the_cover_page_and_reads_each_article(tmp_path, name, make):
    df = toolkit.load(write(tmp_path / name, make(uni_paragraphs())))
    assert df.doc_id.tolist() == ["uni#1", "uni#2"] and df.article_number.tolist() == [1, 2]
    assert df.title.tolist() == [a["title"] for a in UNI_ARTICLES]
    assert df.outlet.tolist() == [a["outlet"] for a in UNI_ARTICLES]
    assert df.date.tolist() == [pd.Timestamp("2020-03-04 18:05"), pd.Timestamp("2020-03-05")]
    assert df.byline.tolist() == ["Mara Quill", "Olek Brandt"]
    assert df.section.tolist() == ["NEWS; Version:2", "REGION"] and df.length.tolist() == [31, 24]
    assert df.copyright[0] == "Copyright 2020 Example Press Ltd" and pd.isna(df.copyright[1])
    assert df.language[0] == "en" and df.language_source.tolist() == ["header", "detected"]
    assert df.subject[0] == "STRIKES (90%); PORTS (85%)" and df.load_date.tolist() == ["March 5, 2020", "March 6, 2020"]
    assert df.text.tolist() == ["\n\n".join(a["body"]) for a in UNI_ARTICLES]
    # "Update: …" ends an article's body: a colon line that is not a Nexis key stays text
    assert df.text[1].endswith("Update: passengers were told to expect delays on Friday.")
    assert all(no_metadata_in(t) and "Job Number" not in t for t in df.text)
    assert df.encoding.tolist() == [name.rsplit(".", 1)[1].lower()] * 2


def test_nexis_uni_export_saved_as_text(tmp_path):
    df = toolkit.load(write(tmp_path / "uni.txt", "\n".join(uni_paragraphs())))
    assert df.title.tolist() == [a["title"] for a in UNI_ARTICLES]
    assert df.text.tolist() == ["\n\n".join(a["body"]) for a in UNI_ARTICLES]


def test_nexis_uni_export_saved_as_text_in_capitals(tmp_path):
    text = "\n".join(uni_paragraphs()).replace("End of Document", "END OF DOCUMENT")
    df = toolkit.load(write(tmp_path / "uni.txt", text))
    assert df.title.tolist() == [a["title"] for a in UNI_ARTICLES]


def test_a_huge_announced_count_is_reported_without_listing_it(tmp_path):
    text = classic_export().replace("of 3 DOCUMENTS", "of 99999999 DOCUMENTS")
    df = toolkit.load(write(tmp_path / "e.txt", text), errors="skip")
    assert len(df) == 3
    reason = skipped_inputs(df).reason.tolist()[0]
    assert "announces 99999999 documents but 99999996 are not in the file (missing: 4, 5," in reason
    assert reason.count(",") < 40


def test_nexis_uni_export_cut_off_reports_the_last_article(tmp_path):
    path = write(tmp_path / "cut.docx", docx_bytes(uni_paragraphs(cut_last=True)))
    df = toolkit.load(path, errors="skip")
    assert df.title.tolist() == [UNI_ARTICLES[0]["title"]]
    (reason,) = skipped_inputs(df).reason
    assert reason.startswith("article 2: cut off (no 'End of Document' line")


def test_nexis_uni_export_with_fewer_articles_than_its_cover_page(tmp_path):
    paragraphs = uni_paragraphs()
    paragraphs[2] = "Documents (5)"
    df = toolkit.load(write(tmp_path / "few.docx", docx_bytes(paragraphs)), errors="skip")
    assert len(df) == 2
    assert skipped_inputs(df).reason.tolist() == [
        "article 3: the export announces 5 documents but 3 are not in the file (missing: 3, 4, 5); "
        "a partial download?"]


# ----------------------------------------------------------------------------- single documents
ONE = ["Harbour strike ends after five days", "Dock workers returned on Friday after the union accepted a new offer.",
       "The port authority said the night shifts would be paid at the day rate plus a quarter."]


def test_single_docx_pdf_and_rtf_articles(tmp_path):
    write(tmp_path / "a.docx", docx_bytes(ONE))
    write(tmp_path / "b.pdf", pdf_bytes([ONE[:2], ONE[2:]]))
    quoted = ONE[1].replace("a new offer", "a “new” offer – at last")
    write(tmp_path / "c.rtf", rtf_bytes([ONE[0], quoted, ONE[2]]))
    df = toolkit.load(tmp_path).set_index("doc_id")
    assert df.title.tolist() == [ONE[0]] * 3
    assert df.text["a"] == "\n\n".join(ONE[1:])
    assert df.text["b"].split() == " ".join(ONE[1:]).split()
    assert df.text["c"] == quoted + "\n\n" + ONE[2]
    assert df.encoding.tolist() == ["docx", "pdf", "rtf"]
    assert "article_number" not in df.columns


def test_docx_with_a_header_and_a_sidecar(tmp_path):
    write(tmp_path / "a.docx", docx_bytes(["---", "title: Strike ends", "outlet: The Harbour Herald", "---", ONE[1]]))
    write(tmp_path / "b.docx", docx_bytes(ONE[1:]))
    write(tmp_path / "b.meta.yaml", "outlet: Coastal Courier\ndate: 2020-03-07\n")
    df = toolkit.load(tmp_path).set_index("doc_id")
    assert (df.title["a"], df.outlet["a"], df.text["a"]) == ("Strike ends", "The Harbour Herald", ONE[1])
    assert (df.outlet["b"], df.date["b"]) == ("Coastal Courier", pd.Timestamp("2020-03-07"))


def test_pdf_without_a_text_layer_is_reported_with_a_note(tmp_path):
    write(tmp_path / "scan.pdf", pdf_bytes([[], []]))
    write(tmp_path / "mixed.pdf", pdf_bytes([ONE, []]))
    df = toolkit.load(tmp_path, errors="skip")
    assert df.doc_id.tolist() == ["mixed"]
    (reason,) = skipped_inputs(df).reason
    assert reason.startswith("PDF has no text layer (2 page(s) of images only: a scan?); run OCR")
    assert load_report(df).set_index("path").reason[str(tmp_path / "mixed.pdf")] == \
        "PDF pages without a text layer, not read: 2"


def test_files_are_read_by_their_content_not_their_name(tmp_path):
    write(tmp_path / "export.txt.rtf", classic_export().encode())          # a text export named .rtf
    write(tmp_path / "nexis.doc", rtf_bytes(uni_paragraphs()))              # RTF saved as .doc
    write(tmp_path / "word.txt", docx_bytes(ONE))                           # Word named .txt
    write(tmp_path / "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    write(tmp_path / "fake.docx", "Just text.")
    df = toolkit.load(tmp_path, errors="skip")
    assert df.doc_id.tolist() == ["nexis#1", "nexis#2", "word"]
    assert df.set_index("doc_id").text["word"] == "\n\n".join(ONE[1:])
    reasons = dict(zip(skipped_inputs(df).path, skipped_inputs(df).reason))
    assert reasons[str(tmp_path / "export.txt.rtf")].startswith("not a .rtf file")
    assert "Word 97–2003 .doc file" in reasons[str(tmp_path / "old.doc")]
    assert reasons[str(tmp_path / "fake.docx")].startswith("not a .docx file")


@pytest.mark.parametrize("name, content, reason", [
    ("broken.docx", b"PK\x03\x04 not really a zip", "broken Word .docx file"),
    ("sheet.docx", None, "not a Word .docx document"),
])
def test_broken_documents_are_reported_by_name(tmp_path, name, content, reason):
    if content is None:
        import zipfile
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
    else:
        write(tmp_path / name, content)
    write(tmp_path / "good.txt", "Dock workers returned on Friday. The union agreed.")
    df = toolkit.load(tmp_path, errors="skip")
    assert skipped_inputs(df).path.tolist() == [str(tmp_path / name)]
    assert skipped_inputs(df).reason[0].startswith(reason)


# ----------------------------------------------------------------------------- Media Cloud
def test_media_cloud_export_without_text_loads_titles_flagged(tmp_path):
    df = toolkit.load(write(tmp_path / "mc.csv", MEDIA_CLOUD_CSV), errors="skip")
    assert df.doc_id.tolist() == ["mc#1001", "mc#1002"]
    assert df.outlet.tolist() == ["The Harbour Herald", "Coastal Courier"]
    assert df.date.tolist() == [pd.Timestamp("2020-03-02 08:15"), pd.Timestamp("2020-03-03 17:40")]
    assert df.text.tolist() == df.title.tolist() == ["Dock workers strike at northern harbour",
                                                      "Ferry queues grow, operator cuts timetable"]
    assert df.text_source.tolist() == ["title", "title"] and df.stories_id.tolist() == ["1001", "1002"]
    assert df.url[0] == "https://herald.example/strike" and df.language.tolist() == ["en", "en"]
    report = load_report(df)
    assert report.reason[0].startswith("Media Cloud export without article text: the title of each of the 2")
    assert report.reason[1] == "row 4: no title and no text (a Media Cloud export holds no article text)"


def test_media_cloud_export_with_a_text_column_uses_it(tmp_path):
    csv = "stories_id,publish_date,media_name,title,text\n7,2020-03-02,The Harbour Herald,Strike,Dock workers walked out.\n"
    df = toolkit.load(write(tmp_path / "mc.csv", csv))
    assert (df.outlet[0], df.title[0], df.text[0]) == ("The Harbour Herald", "Strike", "Dock workers walked out.")
    assert "text_source" not in df.columns and load_report(df).reason[0] == ""


# ----------------------------------------------------------------------------- everything at once
def test_a_folder_of_every_kind_loads_in_one_call(tmp_path):
    write(tmp_path / "nexis" / "export.TXT", classic_export())
    write(tmp_path / "nexis" / "uni.docx", docx_bytes(uni_paragraphs()))
    write(tmp_path / "own" / "letter.docx", docx_bytes(ONE))
    write(tmp_path / "own" / "report.pdf", pdf_bytes([ONE]))
    write(tmp_path / "own" / "wire.rtf", rtf_bytes(ONE))
    write(tmp_path / "stories.csv", MEDIA_CLOUD_CSV)
    write(tmp_path / "notes.txt", "The harbour was quiet on Sunday. Cranes stood still.")
    df = toolkit.load(tmp_path, errors="skip")
    assert df.doc_id.tolist() == ["nexis/export#1", "nexis/export#2", "nexis/export#3", "nexis/uni#1", "nexis/uni#2",
                                  "notes", "own/letter", "own/report", "own/wire", "stories#1001", "stories#1002"]
    assert df.doc_id.is_unique and df.text.str.strip().astype(bool).all()
    assert df.article_number.tolist()[:5] == [1, 2, 3, 1, 2] and df.article_number[5:].isna().all()
    assert load_report(df).n_docs.sum() == 11 and len(skipped_inputs(df)) == 1  # the Media Cloud row without title
    sentences = toolkit.sentences(df)
    assert set(sentences.doc_id) == set(df.doc_id)


def test_streaming_reads_exports_too(tmp_path):
    write(tmp_path / "export.txt", classic_export())
    chunks = list(toolkit.load_chunks(tmp_path, chunk_size=2))
    assert [len(c) for c in chunks] == [2, 1]
    assert pd.concat(chunks).doc_id.tolist() == ["export#1", "export#2", "export#3"]


# ----------------------------------------------------------------------------- date lines
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.sampled_from(["us", "eu", "de"]), st.booleans())
def test_date_lines_read_back_the_date(day, style, weekday):
    name = day.strftime("%A") if weekday else ""
    month = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember"][day.month - 1]
    line = {"us": f"{day:%B} {day.day}, {day.year} {name}", "eu": f"{name}, {day.day} {day:%B} {day.year}",
            "de": f"{day.day}. {month} {day.year} {name}"}[style]
    assert parse_date_line(line.strip(" ,")) == day.isoformat()


def test_date_line_with_time():
    assert parse_date_line("July 3, 2019 Wednesday 12:02 AM GMT") == "2019-07-03T00:02:00+00:00"
    assert parse_date_line("July 3, 2019 Wednesday 12:02 PM GMT") == "2019-07-03T12:02:00+00:00"
    assert parse_date_line("July 3, 2019 Wednesday 9:02 AM EST") == "2019-07-03"  # zone not taken as UTC
    assert parse_date_line("Dock workers walk out over night pay") is None


# ----------------------------------------------------------------------------- the real sample exports
@pytest.fixture(scope="module")
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("../shared/formats/lexisnexis is not available")
    return SAMPLES


@pytest.mark.parametrize("name", ["sample.TXT", "sample.DOCX"])
def test_each_sample_export_gives_ten_articles_with_their_metadata(samples, name):
    df = toolkit.load(samples / name)
    assert len(df) == 10 and df.article_number.tolist() == list(range(1, 11))
    assert df[["outlet", "date", "title"]].notna().all().all()
    assert df.date.dt.year.isin([2010, 2019]).all()
    assert df.length.notna().all() and (df.length > 0).all()
    # every article whose export has a byline line has it in `byline`; the text export's
    # last article has none in the file itself
    raw = (samples / name).read_bytes()
    n_bylines = raw.count(b"BYLINE:") if name.endswith("TXT") else 10
    assert df.byline.notna().sum() == n_bylines
    assert all(no_metadata_in(t) for t in df.text)
    assert set(skipped_inputs(df).reason) == set()


def test_sample_text_export_metadata(samples):
    df = toolkit.load(samples / "sample.TXT")
    first = df.iloc[0]
    assert (first.outlet, first.date, first.title, first.byline) == (
        "Guardian.com", pd.Timestamp("2010-01-11"), "Lorem ipsum dolor sit amet", "Andrew Sparrow")
    assert df.section[2] == "FEATURES; Pg. 6" and df.copyright[0].startswith("Copyright 2010 Guardian Unlimited")
    assert "8 of 383 DOCUMENTS" in load_report(df).reason[0]


def test_the_one_line_test_docx_is_one_document_not_an_export(samples):
    df = toolkit.load(samples / "test.DOCX")
    assert df.text.tolist() == ["LexisNexis Uni Test"] and "article_number" not in df.columns


# ----------------------------------------------------------------------------- the bundled example (lesson 2)
def test_bundled_example_export_loads_four_articles():
    from toolkit import resources

    df = toolkit.load(resources.data_dir() / "examples" / "nexis_harbour_strike.txt")
    assert df.article_number.tolist() == [1, 2, 3, 4]
    assert df.outlet.tolist() == ["The Eastport Herald", "Coastal Courier (Eastport)", "The Eastport Herald",
                                  "Harbour News Agency"]
    assert df.date.min() == pd.Timestamp("2020-03-02") and df.date.max() == pd.Timestamp("2020-03-05")
    assert df.length.tolist() == [len(t.split()) for t in df.text]
    assert df.dateline[3] == "EASTPORT" and df.edition[0] == "Late Edition" and df.graphic[1].startswith("Passengers")
    assert all(no_metadata_in(t) and "FICTIONAL" not in t for t in df.text)


# ----------------------------------------------------------------------------- every article is accounted for
LINES = ["", "", "  The Harbour Herald", "March 2, 2020 Monday", "2 March 2020", "Dock workers walk out",
         "BYLINE: Mara Quill", "SECTION: NEWS", "LENGTH: 12 words", "DATELINE: EASTPORT",
         "The strike went on for a third day.", "Talks resume on Thursday, the union said.",
         "LOAD-DATE: March 3, 2020", "LANGUAGE: ENGLISH", "Copyright 2020 Example Press", "All Rights Reserved",
         "End of Document", "Body"]


@given(st.lists(st.lists(st.sampled_from(LINES), max_size=14), min_size=1, max_size=6))
def test_every_article_of_any_export_is_loaded_or_reported(articles):
    """Whatever the lines of each article, each number is either one row or one reported reason."""
    from toolkit.load.nexis import split_classic, split_nexis_uni

    total = len(articles)
    text = "\n".join(f"   {n} of {total} DOCUMENTS\n" + "\n".join(lines) for n, lines in enumerate(articles, 1))
    bad: list[dict] = []
    records = split_classic(text, bad, "export.txt")
    numbers = sorted([int(r.key) for r in records] + [int(re.match(r"article (\d+):", b["reason"]).group(1))
                                                       for b in bad])
    assert numbers == list(range(1, total + 1))
    assert all(r.text.strip() and r.meta["date"] for r in records)
    # the same lines as a Nexis Uni export: one row or one reason per "End of Document"
    bad = []
    paragraphs = [line for lines in articles for line in lines + ["End of Document"]]
    uni = split_nexis_uni(paragraphs, bad, "x")
    assert len(uni) + len(bad) == sum(1 for p in paragraphs if p == "End of Document")
    assert all(r.text.strip() for r in uni)
