"""Streaming: the loader in chunks, and Parquet in and out."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import toolkit
from toolkit import LoadError, load_report, resources, skipped_inputs
from toolkit.load import concat_chunks, load_chunks, load_parquet_chunks, read_parquet, write_parquet


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def article(n: int) -> str:
    return f"---\ntitle: Story {n}\noutlet: Outlet {n % 3}\ndate: 2020-01-0{1 + n % 9}\nlanguage: en\n---\n" \
           f"Officials met on day {n}. The talks resumed after the strike."


# ----------------------------------------------------------------------------- load_chunks
def test_chunks_concatenated_equal_load_on_the_bundled_corpus(corpus):
    chunks = list(load_chunks(resources.corpus_dir(), chunk_size=7))
    assert [len(c) for c in chunks] == [7] * 6 + [3]
    assert chunks[1].index[0] == 7  # numbered on from the chunk before
    assert all(load_report(c).n_docs.sum() == len(c) for c in chunks)
    joined = concat_chunks(chunks)
    pd.testing.assert_frame_equal(joined, corpus)
    pd.testing.assert_frame_equal(load_report(joined), load_report(corpus))


def test_chunk_size_is_respected_when_a_file_spans_chunks(tmp_path):
    for n in range(3):
        write(tmp_path / f"a{n}.txt", article(n))
    lines = [json.dumps({"id": n, "text": f"Record {n} says the talks resumed.", "language": "en"})
             for n in range(10)]
    write(tmp_path / "b.jsonl", "\n".join(lines))
    write(tmp_path / "c.txt", article(9))
    chunks = list(load_chunks(tmp_path, chunk_size=4))
    assert [len(c) for c in chunks] == [4, 4, 4, 2]
    assert chunks[1].doc_id.tolist() == ["b#1", "b#2", "b#3", "b#4"]
    # the JSONL file is reported in each chunk it fills, with that chunk's share
    assert [load_report(c).set_index("path").n_docs.get(str(tmp_path / "b.jsonl")) for c in chunks] == [1, 4, 4, 1]
    whole = toolkit.load(tmp_path)
    joined = concat_chunks(chunks)
    pd.testing.assert_frame_equal(joined, whole)
    pd.testing.assert_frame_equal(load_report(joined), load_report(whole))
    with pytest.raises(ValueError, match="chunk_size"):
        next(load_chunks(tmp_path, chunk_size=0))


def test_duplicate_ids_are_found_across_chunks(tmp_path):
    write(tmp_path / "one" / "x.txt", article(1))
    write(tmp_path / "one" / "y.txt", article(2))
    write(tmp_path / "two" / "x.txt", article(3))  # same doc_id 'x' relative to its own root
    chunks = list(load_chunks([tmp_path / "one", tmp_path / "two"], chunk_size=1))
    assert [c.doc_id.tolist() for c in chunks] == [["x"], ["y"], []]
    skipped = skipped_inputs(chunks[-1])
    assert skipped.path.tolist() == [str(tmp_path / "two" / "x.txt")]
    assert "duplicate doc_id 'x'" in skipped.reason.item() and "one/x.txt" in skipped.reason.item()


def test_bad_inputs_are_reported_in_their_chunk_or_raise(tmp_path):
    write(tmp_path / "a.txt", article(1))
    write(tmp_path / "b.txt", "---\ntitle: no closing line\nText.")
    write(tmp_path / "c.txt", article(2))
    chunks = list(load_chunks(tmp_path, chunk_size=1))
    assert [c.doc_id.tolist() for c in chunks] == [["a"], ["c"]]
    assert skipped_inputs(chunks[1]).reason.str.contains("front matter").all()
    seen = []
    with pytest.raises(LoadError, match="b.txt"):
        for chunk in load_chunks(tmp_path, chunk_size=1, errors="raise"):
            seen.append(chunk.doc_id.item())
    assert seen == ["a"]
    empty = list(load_chunks(tmp_path / "missing"))
    assert len(empty) == 1 and empty[0].empty and "no such file" in skipped_inputs(empty[0]).reason.item()


# ----------------------------------------------------------------------------- Parquet
def test_parquet_round_trip(corpus, tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = write_parquet(corpus, tmp_path / "corpus.parquet", row_group_size=10)
    assert any("excerpt" in str(w.message) for w in caught)  # true and "false" in one column
    back = read_parquet(path)
    expected = corpus.copy()
    expected["excerpt"] = expected["excerpt"].map(lambda v: json.dumps(v) if isinstance(v, bool) else v)
    pd.testing.assert_frame_equal(back, expected, check_dtype=False)
    pd.testing.assert_frame_equal(back.drop(columns="excerpt"), corpus.drop(columns="excerpt"))
    assert load_report(back).n_docs.tolist() == [45] and skipped_inputs(back).empty
    chunks = list(load_parquet_chunks(path, chunk_size=8))
    assert [len(c) for c in chunks] == [8, 8, 8, 8, 8, 5]
    pd.testing.assert_frame_equal(concat_chunks(chunks), back)
    narrow = read_parquet(path, columns=["outlet"])
    assert narrow.columns.tolist() == ["doc_id", "outlet", "text"]
    # the text survives the trip exactly, so sentence offsets still hold
    sents = toolkit.sentences(back.head(3))
    texts = back.set_index("doc_id").text
    assert all(texts[d][s:e] == t for d, s, e, t in sents[["doc_id", "start", "end", "text"]].itertuples(index=False))


def test_bad_parquet_rows_are_reported(corpus, tmp_path):
    saved = corpus.head(4).drop(columns="excerpt").copy()
    table = pa.Table.from_pandas(pd.DataFrame(saved, copy=False), preserve_index=False)
    texts = pa.array([None, "", "Fine text.", "  "], type=pa.string())
    ids = pa.array(["a", "b", "a", "c"], type=pa.string())
    table = table.set_column(table.schema.get_field_index("text"), "text", texts)
    table = table.set_column(table.schema.get_field_index("doc_id"), "doc_id", ids)
    pq.write_table(table, tmp_path / "bad.parquet")
    chunks = list(load_parquet_chunks(tmp_path / "bad.parquet", chunk_size=2))
    assert [c.doc_id.tolist() for c in chunks] == [[], ["a"]]
    reasons = pd.concat([skipped_inputs(c) for c in chunks]).reason.tolist()
    assert reasons == ["row 0: field 'text' is missing (null)", "row 1: field 'text' is empty",
                       "row 3: field 'text' is empty"]
    with pytest.raises(LoadError, match="3 of 4 input"):
        read_parquet(tmp_path / "bad.parquet")

    # any other table: rows are read like CSV rows (cleaned, dated, checked)
    other = pd.DataFrame({"id": [1, 2, 2, 3], "outlet": ["X", "Y", "Y", "Z"],
                          "date": ["2020-01-03", "2020-01-04", "2020-01-05", "yesterday"],
                          "body": ["Troops were deployed on Friday.", None, "Talks resumed.", "Prices rose."]})
    other.to_parquet(tmp_path / "other.parquet")
    got = read_parquet(tmp_path / "other.parquet", errors="skip")
    assert got.doc_id.tolist() == ["other#1", "other#2"] and got.outlet.tolist() == ["X", "Y"]
    assert got.date.tolist() == [pd.Timestamp("2020-01-03"), pd.Timestamp("2020-01-05")]
    assert skipped_inputs(got).reason.tolist() == [
        "row 1: field 'body' is missing (null)",
        "row 3: date 'yesterday' is not a date (use YYYY-MM-DD)",
    ]

    numbers = pd.DataFrame({"doc_id": ["n1", "n2"], "text": [1, 2]})
    numbers.to_parquet(tmp_path / "numbers.parquet")
    got = read_parquet(tmp_path / "numbers.parquet", errors="skip")
    assert got.empty and skipped_inputs(got).reason.str.endswith("field 'text' is int, not text").all()

    write(tmp_path / "fake.parquet", "not parquet at all")
    with pytest.raises(LoadError, match="not a Parquet file"):
        read_parquet(tmp_path / "fake.parquet")


def test_duplicate_ids_across_parquet_chunks(corpus, tmp_path):
    saved = corpus.head(5).drop(columns="excerpt").copy()
    saved["doc_id"] = ["a", "b", "c", "a", "c"]  # 'a' again in the next chunk, 'c' within it
    write_parquet(saved, tmp_path / "dups.parquet")
    chunks = list(load_parquet_chunks(tmp_path / "dups.parquet", chunk_size=2))
    assert [c.doc_id.tolist() for c in chunks] == [["a", "b"], ["c"], []]
    reasons = [r for c in chunks for r in skipped_inputs(c).reason]
    assert reasons == ["row 3: duplicate doc_id 'a' (already used by an earlier row)",
                       "row 4: duplicate doc_id 'c' (already used by an earlier row)"]
