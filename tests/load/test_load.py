"""The loader: every format, the seed article's cleaning, and the report of what was skipped."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

import toolkit
from toolkit import LoadError, load_report, resources, skipped_inputs

SEED_ID = "000_22b6830e9619a82a"


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


ARTICLE = "Troops were deployed on Friday. Officials said the move was defensive.\n\nA second paragraph follows."


# ----------------------------------------------------------------------------- bundled corpus
def test_bundled_corpus_loads_every_article_with_metadata(corpus):
    files = sorted(p for p in resources.corpus_dir().glob("*.txt"))
    assert len(corpus) == len(files) == 45
    assert corpus.doc_id.tolist() == [p.stem for p in files]
    assert corpus.doc_id.is_unique
    assert corpus[["outlet", "title", "date"]].notna().all().all()
    assert pd.api.types.is_datetime64_any_dtype(corpus.date)
    assert corpus.date.min() == pd.Timestamp("2020-01-02")
    assert {"country", "side", "license", "excerpt"} <= set(corpus.columns)
    assert set(load_report(corpus).status) == {"loaded"}
    assert skipped_inputs(corpus).empty


def test_language_is_kept_or_detected(corpus):
    by_id = corpus.set_index("doc_id")
    ru = by_id.loc["kremlin_2020-01-03_telephone-conversation-with-macron-ru"]
    assert (ru.language, ru.language_source) == ("ru", "header")
    assert (corpus.language == "en").sum() == 44
    assert by_id.loc["usdod_2020-01-02_statement-on-soleimani", "language_source"] == "detected"


def test_header_date_with_a_note_keeps_the_note(corpus):
    row = corpus.set_index("doc_id").loc["voa_2020-01-05_israel-braces-for-possible-retaliation"]
    assert row.date == pd.Timestamp("2020-01-05")
    assert row.date_note.startswith("approximate")


def test_plain_key_value_header_with_colons_in_values(corpus):
    row = corpus.set_index("doc_id").loc["ukparliament_2020-01-07_hansard-middle-east-security"]
    assert row.title.startswith('"Middle East: Security" —')


# ----------------------------------------------------------------------------- the seed article
def test_seed_title_standfirst_and_metadata(seed):
    assert seed.title == "US kills powerful Iranian general Qassem Soleimani in Baghdad airstrike"
    assert seed.standfirst.startswith("Leader of IRGC’s elite Quds force")
    assert (seed.outlet, seed.country, seed.date) == ("The Times of Israel", "Israel", pd.Timestamp("2020-01-03"))


def test_seed_body_starts_and_ends_where_the_article_does(seed):
    assert seed.text.startswith("Qassem Soleimani, the powerful head of Iran")
    assert seed.text.endswith("even during Saddam’s reign.")
    assert "Most Popular" not in seed.text and "read more:" not in seed.text
    assert seed.boilerplate == ["Most Popular", "read more:"]


@pytest.mark.parametrize("credit", [
    "(AP Photo/Khalid Mohammed)", "(Office of the Iranian Supreme Leader via AP)",
    "(AHMAD AL-RUBAYE / AFP)", "(Social media)", "(AP Photo)",
])
def test_seed_captions_leave_the_body(seed, credit):
    assert credit not in seed.text
    assert any(c.endswith(credit) for c in seed.captions)


def test_seed_duplicate_caption_is_kept_twice_in_captions(seed):
    first = [c for c in seed.captions if c.startswith("Iranian Revolutionary Guard Corps' Quds Force")]
    assert len(first) == 2 and first[0] == first[1]
    assert len(seed.captions) == 8


def test_seed_text_is_otherwise_unchanged(seed):
    raw = resources.seed_path().read_text(encoding="utf-8")
    # Typographic quotes stay; every body paragraph is a verbatim line of the file.
    assert "“General Soleimani was actively developing plans" in seed.text
    for paragraph in seed.text.split("\n\n"):
        assert paragraph in raw
    removed = [seed.title, seed.standfirst, *seed.captions, *seed.boilerplate]
    kept_lines = [line for line in raw.splitlines() if line.strip()]
    assert len(kept_lines) == len(seed.text.split("\n\n")) + len(removed)


# ----------------------------------------------------------------------------- formats
def test_front_matter_text_file(tmp_path):
    path = write(tmp_path / "a.txt", f"---\ntitle: A title\noutlet: Daily\ndate: 2020-01-05\n"
                                     f"url: https://example.org/a\nside: left\n---\n{ARTICLE}\n")
    df = toolkit.load(path)
    row = df.iloc[0]
    assert (row.doc_id, row.title, row.outlet, row.url, row.side) == ("a", "A title", "Daily", "https://example.org/a", "left")
    assert row.date == pd.Timestamp("2020-01-05")
    assert row.text == ARTICLE
    assert row.source_path == str(path)


def test_markdown_and_sidecar(tmp_path):
    write(tmp_path / "b.md", "Headline Without Stop\n\n" + ARTICLE)
    write(tmp_path / "b.meta.yaml", "outlet: Weekly\ndate: 2021-02-03\nlanguage: en\n")
    df = toolkit.load(tmp_path)
    assert df.doc_id.tolist() == ["b"]  # the sidecar is metadata, not a document
    assert (df.outlet[0], df.title[0], df.language_source[0]) == ("Weekly", "Headline Without Stop", "header")


def test_html_article_is_extracted_without_scripts_or_navigation(tmp_path):
    body = " ".join(["The minister said the talks in Geneva would resume next week."] * 8)
    html = (f"<html><head><title>Talks resume</title><script>var x = 'tracking';</script>"
            f"<style>p {{color: red}}</style></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>Talks resume in Geneva</h1><p>{body}</p><p>{body}</p></article>"
            f"<footer>Copyright 2020 Example News</footer><img src='https://example.org/pixel.gif'></body></html>")
    df = toolkit.load(write(tmp_path / "c.html", html))
    assert "The minister said the talks in Geneva" in df.text[0]
    assert "tracking" not in df.text[0] and "Home" not in df.text[0] and "color" not in df.text[0]
    assert df.title[0].startswith("Talks resume")


def test_json_list_object_and_wrapper(tmp_path):
    records = [{"id": "x1", "title": "One", "outlet": "Wire", "date": "2020-01-03", "text": ARTICLE},
               {"id": "x2", "title": "Two", "outlet": "Wire", "date": "2020-01-04", "body": ARTICLE, "tone": 3}]
    write(tmp_path / "list.json", json.dumps(records))
    write(tmp_path / "one.json", json.dumps({"title": "Solo", "content": ARTICLE}))
    write(tmp_path / "wrapped.json", json.dumps({"articles": [{"text": ARTICLE}]}))
    df = toolkit.load(tmp_path)
    assert df.doc_id.tolist() == ["list#x1", "list#x2", "one#0", "wrapped#0"]
    assert pd.isna(df.tone[0]) and df.tone[1] == 3
    assert df.title.tolist()[:3] == ["One", "Two", "Solo"]


def test_jsonl_and_csv_and_tsv(tmp_path):
    write(tmp_path / "d.jsonl", "\n".join(json.dumps({"text": f"{ARTICLE} {i}", "outlet": "L"}) for i in range(3)))
    write(tmp_path / "e.csv", 'id,outlet,date,text\n7,"Paper, The",2020-01-03,"She said, ""no."" Then left."\n')
    write(tmp_path / "f.tsv", "outlet\ttext\nT\tA tab separated article.\n")
    df = toolkit.load(tmp_path)
    assert df.doc_id.tolist() == ["d#0", "d#1", "d#2", "e#7", "f#0"]
    e = df.set_index("doc_id").loc["e#7"]
    assert (e.outlet, e.text, e.date) == ("Paper, The", 'She said, "no." Then left.', pd.Timestamp("2020-01-03"))


def test_list_of_paths_keeps_the_given_order(tmp_path):
    a = write(tmp_path / "a.txt", ARTICLE)
    z = write(tmp_path / "z.txt", ARTICLE)
    assert toolkit.load([z, a]).doc_id.tolist() == ["z", "a"]


def test_folder_order_is_sorted_and_recursive_and_stable(tmp_path):
    for name in ["b/2.txt", "a.txt", "b/1.txt", "c/d/e.md"]:
        write(tmp_path / name, ARTICLE)
    first = toolkit.load(tmp_path)
    assert first.doc_id.tolist() == ["a", "b/1", "b/2", "c/d/e"]
    pd.testing.assert_frame_equal(first, toolkit.load(tmp_path))


def test_clean_false_keeps_text_as_read(tmp_path):
    raw = "Headline\n\nBody. (AP Photo)\nMost Popular"
    df = toolkit.load(write(tmp_path / "r.txt", raw), clean=False)
    assert df.text[0] == raw and df.captions[0] == []


# ----------------------------------------------------------------------------- encodings and odd text
def test_encodings_are_detected(tmp_path):
    text = "Le ministre a déclaré que la réunion à Genève reprendrait «bientôt». " * 5
    write(tmp_path / "utf16.txt", text, "utf-16")
    write(tmp_path / "cp1252.txt", text.replace("«", "“").replace("»", "”"), "cp1252")
    write(tmp_path / "latin1.txt", text, "latin-1")
    write(tmp_path / "bom.txt", text, "utf-8-sig")
    df = toolkit.load(tmp_path).set_index("doc_id")
    for doc in ["utf16", "latin1", "bom"]:
        assert df.loc[doc, "text"] == text.strip(), doc
    assert "déclaré" in df.loc["cp1252", "text"] and "“bientôt”" in df.loc["cp1252", "text"]
    assert df.loc["bom", "encoding"] == "utf-8-sig" and not df.loc["bom", "text"].startswith("\ufeff")
    assert df.loc["utf16", "encoding"] == "utf-16"
    assert (df.language == "fr").all()


def test_mixed_line_endings_and_control_characters(tmp_path):
    df = toolkit.load(write(tmp_path / "m.txt", "First para.\r\n\r\nSecond\x00 para.\rThird\x07 line.\n"))
    assert df.text[0] == "First para.\n\nSecond para.\nThird line."


def test_rtl_emoji_and_one_word_articles(tmp_path):
    write(tmp_path / "ar.txt", "قتل قاسم سليماني في غارة أمريكية قرب مطار بغداد الدولي.")
    write(tmp_path / "emoji.txt", "The crowd cheered 🎉🇺🇸 after the speech. 😀")
    write(tmp_path / "one.txt", "Soleimani")
    df = toolkit.load(tmp_path).set_index("doc_id")
    assert df.loc["ar", "language"] == "ar" and df.loc["ar", "text"].startswith("قتل")
    assert "🎉🇺🇸" in df.loc["emoji", "text"]
    assert df.loc["one", "text"] == "Soleimani" and df.loc["one", "title"] is None
    # one word is too little to tell the language: the default is used, and said so
    assert (df.loc["one", "language"], df.loc["one", "language_source"]) == ("en", "default")


# ----------------------------------------------------------------------------- bad input
BAD_CASES = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary file"),
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t\n ", "only whitespace"),
    "yaml.txt": ("---\ntitle: [unclosed\nnot a key value line\n---\nBody.", "broken YAML front matter"),
    "noclose.md": ("---\ntitle: x\nBody without a closing line.", "no closing '---'"),
    "listhead.txt": ("---\n- a\n- b\n---\nBody.", "not a mapping"),
    "date.txt": ("---\ndate: the day after\n---\nBody.", "date 'the day after' is not a date"),
    "syntax.json": ('[{"text": "a"', "malformed JSON at line 1"),
    "shape.json": ("42", "wrong shape"),
    "emptylist.json": ("[]", "no articles"),
    "notext.json": ('[{"title": "x"}]', "record 0: no text field"),
    "numtext.json": ('[{"text": 5}]', "record 0: field 'text' is int, not text"),
    "unclosed.csv": ('text,outlet\n"an unclosed quote,X\n', "malformed CSV"),
    "nocol.csv": ("title,outlet\nA,B\n", "CSV has no text column"),
    "scripts.html": ("<html><head><script>alert(1)</script><style>p{}</style></head><body></body></html>",
                     "no article text found in the HTML"),
    "navonly.html": ("<html><body><nav><a href='/a'>Home</a> | <a href='/b'>World</a></nav>"
                     "<footer><a href='/c'>Contact</a></footer></body></html>", "no article text found in the HTML"),
    "captions.txt": ("A crowd gathers in Tehran. (AP Photo/Someone)\nMost Popular", "no article text left"),
    "broken.pdf": (b"%PDF-1.4 ...", "broken PDF"),
    "picture.png": (b"\x89PNG\r\n\x1a\n...", "unsupported file type '.png'"),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_each_bad_input_is_reported_with_its_reason(tmp_path, name):
    content, reason = BAD_CASES[name]
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / name, content)
    with pytest.raises(LoadError) as raised:
        toolkit.load(tmp_path)
    assert str(tmp_path / name) in str(raised.value) and reason in str(raised.value)
    df = toolkit.load(tmp_path, errors="skip")
    assert df.doc_id.tolist() == ["good"]
    skipped = skipped_inputs(df)
    assert skipped.path.tolist() == [str(tmp_path / name)] and reason in skipped.reason[0]


def test_one_error_lists_every_bad_file(tmp_path):
    for name in ["empty.txt", "shape.json", "nocol.csv"]:
        write(tmp_path / name, BAD_CASES[name][0])
    write(tmp_path / "ok.txt", ARTICLE)
    with pytest.raises(LoadError) as raised:
        toolkit.load(tmp_path)
    message = str(raised.value)
    assert message.startswith("3 of 4 input(s) could not be loaded")
    assert all(name in message for name in ["empty.txt", "shape.json", "nocol.csv"])
    assert len(raised.value.skipped) == 3


def test_jsonl_with_one_bad_line_loads_the_others(tmp_path):
    lines = [json.dumps({"text": "Good one."}), "{broken", json.dumps({"text": "Good two."}), json.dumps({"x": 1})]
    df = toolkit.load(write(tmp_path / "g.jsonl", "\n".join(lines)), errors="skip")
    assert df.doc_id.tolist() == ["g#0", "g#1"]
    reasons = skipped_inputs(df).reason.tolist()
    assert reasons[0].startswith("line 2: malformed JSON") and reasons[1].startswith("line 4: no text field")
    report = load_report(df)
    assert report.loc[report.status == "loaded", "n_docs"].tolist() == [2]


def test_csv_row_with_empty_text_names_the_row(tmp_path):
    df = toolkit.load(write(tmp_path / "h.csv", "outlet,text\nA,Fine text.\nB,\n"), errors="skip")
    assert df.text.tolist() == ["Fine text."]
    assert skipped_inputs(df).reason[0] == "row 3: field 'text' is empty"


def test_duplicate_doc_ids_are_reported(tmp_path):
    write(tmp_path / "i.json", json.dumps([{"id": "same", "text": "One."}, {"id": "same", "text": "Two."}]))
    df = toolkit.load(tmp_path, errors="skip")
    assert df.text.tolist() == ["One."]
    assert "duplicate doc_id 'i#same'" in skipped_inputs(df).reason[0]


def test_same_file_given_twice_is_a_duplicate(tmp_path):
    path = write(tmp_path / "j.txt", ARTICLE)
    with pytest.raises(LoadError, match="duplicate doc_id 'j'"):
        toolkit.load([path, path])


def test_missing_path_and_symlink_loop(tmp_path):
    write(tmp_path / "k/ok.txt", ARTICLE)
    os.symlink(tmp_path / "k", tmp_path / "k" / "loop")
    os.symlink(tmp_path / "nowhere", tmp_path / "k" / "dangling.txt")
    df = toolkit.load([tmp_path / "k", tmp_path / "missing.txt"], errors="skip")
    assert df.doc_id.tolist() == ["ok"]
    reasons = dict(zip(skipped_inputs(df).path.map(lambda p: Path(p).name), skipped_inputs(df).reason))
    assert reasons == {"dangling.txt": "broken symlink or symlink loop",
                       "loop": "symlink loop: this folder was already visited",
                       "missing.txt": "no such file or folder"}


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path / "secret.txt", ARTICLE)
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(LoadError, match="secret.txt: cannot read: Permission denied"):
        toolkit.load(path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="permissions are not enforced for root (the simulated test above covers it)")
def test_unreadable_file_and_folder_with_real_permissions(tmp_path):
    secret = write(tmp_path / "a" / "secret.txt", ARTICLE)
    closed = write(tmp_path / "b" / "inside.txt", ARTICLE).parent
    write(tmp_path / "c" / "ok.txt", ARTICLE)
    secret.chmod(0)
    closed.chmod(0)
    try:
        df = toolkit.load(tmp_path, errors="skip")
    finally:
        secret.chmod(0o644)
        closed.chmod(0o755)
    assert df.doc_id.tolist() == ["c/ok"]
    reasons = dict(zip(skipped_inputs(df).path, skipped_inputs(df).reason))
    assert "Permission denied" in reasons[str(secret)] and str(closed) in reasons


def test_errors_argument_is_checked(tmp_path):
    with pytest.raises(ValueError, match="errors must be"):
        toolkit.load(tmp_path, errors="ignore")


def test_empty_folder_gives_an_empty_table_with_the_columns(tmp_path):
    df = toolkit.load(tmp_path)
    assert df.empty and {"doc_id", "text", "outlet", "date"} <= set(df.columns)


def test_large_file_and_many_files(tmp_path):
    paragraph = "The strike drew condemnation from Tehran and praise from Washington. " * 20
    n = 50_000_000 // len(paragraph)
    write(tmp_path / "big" / "big.txt", "\n\n".join(f"{i}. {paragraph}" for i in range(n)))
    big = toolkit.load(tmp_path / "big")
    assert len(big.text[0]) > 49_000_000
    many = tmp_path / "many"
    many.mkdir()
    for i in range(10_000):
        (many / f"{i:05d}.txt").write_text(f"Article number {i} says the talks resumed.", encoding="utf-8")
    df = toolkit.load(many)
    assert len(df) == 10_000 and df.doc_id.iloc[-1] == "09999"


def test_odd_articles_flow_through_the_whole_pipeline(tmp_path):
    """Non-English, right-to-left, emoji, one word and a 5,000-token sentence: scored or noted, never dropped."""
    import warnings

    write(tmp_path / "ru.txt", "---\nlanguage: ru\n---\nПрезиденты обсудили ситуацию. Стороны выразили озабоченность.")
    write(tmp_path / "ar.txt", "قتل قاسم سليماني في غارة أمريكية قرب مطار بغداد الدولي.")
    write(tmp_path / "emoji.txt", "The crowd cheered 🎉 after the speech. 😀")
    write(tmp_path / "one.txt", "Soleimani")
    write(tmp_path / "long.txt", " ".join(["strike"] * 5000) + ".")
    corpus = toolkit.load(tmp_path)
    sentences = toolkit.sentences(corpus)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scored = toolkit.sentiment(sentences)
    assert set(scored.doc_id) == set(corpus.doc_id)
    skipped = scored[scored.compound.isna()]
    assert set(skipped.doc_id) == {"ar", "ru"} and skipped.note.str.startswith("skipped: language").all()
    assert any("not English" in str(w.message) for w in caught)
    long_tokens = toolkit.tokens(corpus[corpus.doc_id == "long"])
    assert len(long_tokens) == 5001
    assert scored.loc[scored.doc_id == "emoji", "compound"].iloc[-1] > 0


# ----------------------------------------------------------------------------- the report travels with the table
def test_a_loaded_corpus_works_with_pandas_concat_merge_and_parquet(tmp_path):
    one = toolkit.load([resources.corpus_dir() / f"{SEED_ID}.txt"])
    two = toolkit.load(tmp_path / "missing.txt", errors="skip")
    joined = pd.concat([one, one.assign(doc_id="copy")], ignore_index=True)
    assert len(joined) == 2 and load_report(joined).n_docs.tolist() == [1]  # same report: kept
    merged = one.merge(pd.DataFrame({"doc_id": [SEED_ID], "group": ["Israeli press"]}), on="doc_id")
    assert merged.group.tolist() == ["Israeli press"]  # (pandas keeps no attrs: the other table has none)
    one.to_parquet(tmp_path / "c.parquet")
    back = pd.read_parquet(tmp_path / "c.parquet")
    assert back.text.tolist() == one.text.tolist() and list(back.captions[0]) == one.captions[0]
    pd.testing.assert_frame_equal(load_report(back), load_report(one))
    # different reports: pandas keeps none, and asking for it says why instead of answering "nothing skipped"
    with pytest.raises(ValueError, match="no load report.*pd.concat"):
        skipped_inputs(pd.concat([one, two]))
    assert skipped_inputs(two).reason.tolist() == ["no such file or folder"]
