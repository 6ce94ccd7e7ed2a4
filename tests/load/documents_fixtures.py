"""Small made-up files in the formats researchers bring: Nexis exports, Word, PDF, RTF, Media Cloud.

Every text here was written for these tests (the outlets and people are
invented). The builders return bytes or write files so each test makes only
what it needs.
"""
from __future__ import annotations

import io
from pathlib import Path

import docx

# ----------------------------------------------------------------------------- classic Nexis text export
CLASSIC_HEADER = """\
Download Request: Selected Items: 1-3
Time Of Request: Monday, March 9, 2020  10:12:44
Terms: (harbour strike)
Source: Selected sources
"""


def classic_article(number: int, total: int, *, outlet: str, date: str, title: str, body: str,
                    byline: str | None = "Mara Quill", section: str | None = "NEWS; Pg. 4",
                    edition: str | None = None, copyright_: str | None = "Copyright 2020 Example Press Ltd") -> str:
    """One article of a classic export, laid out (centred lines and all) as LexisNexis prints it."""
    parts = [f"{'':30}{number} of {total} DOCUMENTS", "", "", f"{'':30}{outlet}", ""]
    parts += [f"{'':28}{date}"] + ([f"{'':35}{edition}"] if edition else []) + [""]
    parts += [title, ""]
    if byline:
        parts += [f"BYLINE: {byline}", ""]
    if section:
        parts += [f"SECTION: {section}", ""]
    parts += [f"LENGTH: {len(body.split())} words", "", "", body, "", "LOAD-DATE: March 3, 2020", "",
              "LANGUAGE: ENGLISH", "", "PUBLICATION-TYPE: Newspaper", "", ""]
    if copyright_:
        parts += [f"{'':20}{copyright_}", f"{'':30}All Rights Reserved", ""]
    return "\n".join(parts)


BODY_1 = ("Dock workers at the northern harbour walked out on Monday after talks on\n"
          "night-shift pay broke down, the union said.\n\n"
          "The port authority called the strike unlawful and said ferries would sail.")
BODY_2 = ("Ferry passengers queued for hours as the harbour strike entered its second day.\n\n"
          "A spokesman for the operator said the timetable would be cut by half.")
BODY_3 = "Talks between the union and the port authority will resume on Thursday, both sides said."


def classic_export(total: int = 3) -> str:
    """A request header and three articles (one without a byline, one with an edition)."""
    return CLASSIC_HEADER + "\n\n" + "\n".join([
        classic_article(1, total, outlet="The Harbour Herald", date="March 2, 2020 Monday",
                        title="Dock workers walk out over night pay", body=BODY_1, edition="Late Edition"),
        classic_article(2, total, outlet="Coastal Courier (Eastport)", date="March 3, 2020 Tuesday",
                        title="Queues at the ferry terminal\nas strike goes on", body=BODY_2, byline="Olek Brandt"),
        classic_article(3, total, outlet="The Harbour Herald", date="March 4, 2020 Wednesday",
                        title="Strike talks to resume", body=BODY_3, byline=None, section=None),
    ])


# ----------------------------------------------------------------------------- Nexis Uni (.docx, .rtf)
UNI_ARTICLES = [
    {"title": "Harbour strike enters third day", "outlet": "The Harbour Herald",
     "date": "March 4, 2020 Wednesday 6:05 PM GMT", "copyright": "Copyright 2020 Example Press Ltd",
     "meta": ["Section: NEWS; Version:2", "Length: 31 words", "Byline: Mara Quill"],
     "body": ["The strike at the northern harbour entered its third day on Wednesday.",
              "Union leaders said they would meet the port authority on Thursday."],
     "trailer": ["Classification", "Language: ENGLISH", "Publication-Type: Newspaper",
                 "Subject: STRIKES (90%); PORTS (85%)", "Load-Date: March 5, 2020"]},
    {"title": "Ferries sail despite walkout", "outlet": "Coastal Courier (Eastport)",
     "date": "March 5, 2020 Thursday", "copyright": None,
     "meta": ["Section: REGION", "Length: 24 words", "Byline: Olek Brandt"],
     "body": ["Two ferries left Eastport on time, the operator said.",
              "Update: passengers were told to expect delays on Friday."],
     "trailer": ["Load-Date: March 6, 2020"]},
]


def uni_paragraphs(articles: list[dict] = UNI_ARTICLES, *, cut_last: bool = False) -> list[str]:
    """The paragraphs of a Nexis Uni export: cover page, then each article closed by End of Document."""
    lines = ["Date and Time: Monday, 9. March 2020 10:12:00 CET", "Job Number: 0000042",
             f"Documents ({len(articles)})"]
    for i, article in enumerate(articles, start=1):
        lines += [f"{i}. {article['title']}", "Client/Matter: -None-", "Search Terms: harbour strike",
                  "Search Type: Natural Language", "Narrowed by: ", ""]
    for i, article in enumerate(articles):
        lines += ["", article["title"], article["outlet"], article["date"], ""]
        if article["copyright"]:
            lines.append("\n" + article["copyright"])
        lines += [m.replace(": ", ":\xa0", 1) for m in article["meta"]] + ["Body", ""]
        lines += article["body"] + [""] + [t.replace(": ", ":\xa0", 1) for t in article["trailer"]]
        if not (cut_last and i == len(articles) - 1):
            lines += ["", "\nEnd of Document", ""]
    return lines


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A Word document with these paragraphs (python-docx)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rtf_bytes(paragraphs: list[str]) -> bytes:
    """A hand-written RTF document: one \\par per paragraph, non-ASCII as \\u escapes."""
    def escape(text: str) -> str:
        text = text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in text)

    body = "".join(f"{escape(p)}\\par\n" for p in paragraphs)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
            "{\\info{\\title Export}}\\f0\\fs24\n" + body + "}").encode("ascii")


# ----------------------------------------------------------------------------- PDF
def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF whose pages show these lines in Helvetica; a page with no lines has no text layer.

    Built object by object with a correct cross-reference table, so the
    test needs no PDF writer beyond the standard library.
    """
    def text_stream(lines: list[str]) -> bytes:
        if not lines:
            return b"0.9 g 72 600 200 120 re f"  # a grey box: something on the page, but no text
        escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
        ops = " T* ".join(f"({line}) Tj" for line in escaped)
        return f"BT /F1 11 Tf 14 TL 72 740 Td {ops} ET".encode("latin-1")

    n = len(pages)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * i} 0 R' for i in range(n))}] /Count {n} >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    raw: list[bytes] = [o.encode() for o in objects]
    for i, lines in enumerate(pages):
        raw.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                   f"/Contents {5 + 2 * i} 0 R >>".encode())
        stream = text_stream(lines)
        raw.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(raw, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(raw) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(raw) + 1, xref)
    return bytes(out)


# ----------------------------------------------------------------------------- Media Cloud
MEDIA_CLOUD_CSV = """\
stories_id,publish_date,title,url,language,ap_syndicated,media_id,media_name,media_url
1001,2020-03-02 08:15:00,Dock workers strike at northern harbour,https://herald.example/strike,en,False,11,The Harbour Herald,https://herald.example
1002,2020-03-03 17:40:00,"Ferry queues grow, operator cuts timetable",https://courier.example/ferries,en,False,12,Coastal Courier,https://courier.example
1003,2020-03-04 09:00:00,,https://courier.example/blank,en,False,12,Coastal Courier,https://courier.example
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path
