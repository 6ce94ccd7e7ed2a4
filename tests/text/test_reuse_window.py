"""toolkit.reuse with window_days: only articles dated close together compared, a stream with flat memory."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.text.reuse import words
from toolkit.text.reuse_window import _Window

from test_reuse import LOCAL, OTHER, TAIL, WIRE, _corpus

FAR = ("Parliament will sit again after the summer recess, when the committee on transport expects to publish "
       "its report on rail fares and the state of regional stations.")


def _sorted(found: pd.DataFrame) -> pd.DataFrame:
    return found.sort_values(["doc_id", "start"]).reset_index(drop=True)


def _chunks(corpus: pd.DataFrame, size: int):
    return (corpus.iloc[i: i + size] for i in range(0, len(corpus), size))


def test_a_copy_is_found_only_within_the_window() -> None:
    texts = {"wire": WIRE + "\n\n" + OTHER, "soon": LOCAL + "\n\n" + WIRE, "month": TAIL + "\n\n" + WIRE}
    corpus = _corpus(texts, {"wire": "2020-01-03", "soon": "2020-01-08", "month": "2020-02-03"})
    every = toolkit.reuse(corpus)
    assert sorted(every[["doc_id", "source_doc_id"]].values.tolist()) == [["month", "wire"], ["soon", "wire"]]
    for window in (5, 5.0, 25):  # at most window_days apart: 5 days reaches from 3 to 8 January
        found = toolkit.reuse(corpus, window_days=window)
        assert found[["doc_id", "source_doc_id"]].values.tolist() == [["soon", "wire"]]
        pd.testing.assert_frame_equal(found, every[every["doc_id"] == "soon"].reset_index(drop=True))
        pd.testing.assert_frame_equal(toolkit.reuse(_chunks(corpus, 1), window_days=window), found)
    assert toolkit.reuse(corpus, window_days=4.9).empty
    # 31 days: the month-late copy is within reach again, with the same passage as without a window
    pd.testing.assert_frame_equal(toolkit.reuse(corpus, window_days=31), every)


def test_a_copy_of_a_copy_beyond_the_window_points_to_the_copy() -> None:
    texts = {"wire": WIRE, "p1": LOCAL + "\n\n" + WIRE, "p2": OTHER + "\n\n" + WIRE}
    corpus = _corpus(texts, {"wire": "2020-01-01", "p1": "2020-01-05", "p2": "2020-01-09"})
    found = toolkit.reuse(corpus, window_days=5)
    assert found[["doc_id", "source_doc_id"]].values.tolist() == [["p1", "wire"], ["p2", "p1"]]
    assert toolkit.reuse(corpus)["source_doc_id"].tolist() == ["wire", "wire"]


def test_a_wide_window_streamed_gives_the_table_without_a_window(corpus: pd.DataFrame) -> None:
    # the bundled articles span six months: a window of a year compares every pair, as None does
    span = (corpus["date"].max() - corpus["date"].min()).days
    assert 150 < span < 365
    in_order = corpus.sort_values("date", kind="stable")
    plain = toolkit.reuse(_chunks(in_order, 7), min_words=10)
    assert len(plain) > 5
    pd.testing.assert_frame_equal(toolkit.reuse(_chunks(in_order, 7), min_words=10, window_days=365), plain)
    # and the whole table, in its own order (not by date)
    pd.testing.assert_frame_equal(toolkit.reuse(corpus, min_words=10, window_days=365),
                                  toolkit.reuse(corpus, min_words=10))


def test_the_whole_table_with_a_window_equals_it_streamed_in_date_order(corpus: pd.DataFrame) -> None:
    for window in (0, 1, 30):
        whole = toolkit.reuse(corpus, min_words=10, window_days=window)
        for size in (1, 7, 20):
            streamed = toolkit.reuse(_chunks(corpus.sort_values("date", kind="stable"), size), min_words=10,
                                     window_days=window)
            pd.testing.assert_frame_equal(_sorted(streamed), _sorted(whole))
        # rows come in the order of the articles as given, as without a window
        place = {d: i for i, d in enumerate(corpus["doc_id"])}
        assert whole["doc_id"].map(place).is_monotonic_increasing


def test_a_stream_may_run_back_by_the_window_but_no_further() -> None:
    texts = {"wire": WIRE, "p1": LOCAL + "\n\n" + WIRE, "p2": OTHER + "\n\n" + WIRE, "p3": TAIL + "\n\n" + FAR}
    dates = {"wire": "2020-01-03", "p1": "2020-01-05", "p2": "2020-01-04", "p3": "2020-01-09"}
    corpus = _corpus(texts, dates)
    whole = toolkit.reuse(corpus, window_days=3)
    # p2 (4 January) comes after p1 (5 January): one day back, within the window, and the same table
    assert _sorted(toolkit.reuse(_chunks(corpus, 1), window_days=3)).equals(_sorted(whole))
    assert sorted(whole["doc_id"]) == ["p1", "p2"] and set(whole["source_doc_id"]) == {"wire"}
    late = _corpus({**texts, "old": WIRE}, {**dates, "old": "2020-01-02"})  # a week behind p3 of 9 January
    with pytest.raises(ValueError, match=r"'old' \(dated 2020-01-02.*\) comes after 'p3' \(dated 2020-01-09"):
        toolkit.reuse(_chunks(late, 2), window_days=3)
    # the whole table is put in date order first: no error, and the 2 January article is the source
    assert set(toolkit.reuse(late, window_days=3)["source_doc_id"]) == {"old"}


def test_a_window_needs_dates_and_a_number_of_days() -> None:
    texts = {"a": WIRE, "b": WIRE + " " + LOCAL, "c": OTHER}
    corpus = _corpus(texts, {"a": "2020-01-03"})
    with pytest.raises(ValueError, match=r"2 have none: 'b', 'c'.*window_days=None"):
        toolkit.reuse(corpus, window_days=7)
    with pytest.raises(ValueError, match=r"1 of this chunk has none: 'b'"):  # a stream: the first chunk with one
        toolkit.reuse(_chunks(corpus, 2), window_days=7)
    with pytest.raises(ValueError, match="3 have none"):
        toolkit.reuse(corpus.drop(columns="date"), window_days=7)
    for bad in (-1, float("nan"), "7", True):
        with pytest.raises(ValueError, match="window_days must be a number of days"):
            toolkit.reuse(corpus.dropna(subset=["date"]), window_days=bad)
    with pytest.raises(ValueError, match="'a' occurs more than once"):
        toolkit.reuse([corpus.iloc[:1], corpus.iloc[:1]], window_days=7)
    # a bad row is named by its place in the table as given, though the table is taken in date order
    dated = _corpus(texts, {"a": "2020-01-09", "b": "2020-01-03", "c": "2020-01-05"})
    with pytest.raises(ValueError, match=r"row 1 \(doc_id 'b'\): text is .* not a string"):
        toolkit.reuse(dated.assign(text=[WIRE, None, OTHER]), window_days=7)


def test_a_story_printed_by_many_outlets_within_the_window_links_each_to_the_first() -> None:
    texts, dates = {"wire": WIRE}, {"wire": "2020-01-03"}
    for i in range(12):
        texts[f"paper{i:02d}"] = f"Edition {i}. " + LOCAL + "\n\n" + WIRE.replace("senior", "top" if i % 2 else "senior")
        dates[f"paper{i:02d}"] = f"2020-01-{4 + i % 3:02d}"
    corpus = _corpus(texts, dates)
    for max_docs in (5, 100):
        found = toolkit.reuse(_chunks(corpus.sort_values("date", kind="stable"), 4), max_docs=max_docs,
                              window_days=3)
        wire = found[found["source_doc_id"] == "wire"]
        assert sorted(wire["doc_id"]) == sorted(d for d in texts if d != "wire")
        assert (wire["n_words"] == len(words(WIRE)[0])).all()
        # all within three days of the wire: the same passages as without a window
        pd.testing.assert_frame_equal(found.sort_values("doc_id", ignore_index=True),
                                      toolkit.reuse(corpus, max_docs=max_docs).sort_values("doc_id",
                                                                                           ignore_index=True))


def test_a_long_stream_keeps_only_a_few_windows_of_articles() -> None:
    # 60 days of five articles a day, a 2-day window: what is stored stays bounded, whatever the day
    texts = [WIRE, LOCAL, OTHER, TAIL, FAR]
    engine = _Window(2 * 86_400 * 10**9, 2, 2 * 86_400 * 10**9, 100, 5, dict(k=5, gap=15, max_shift=3, min_words=20))
    stored = []
    for day in range(60):
        date = pd.Timestamp("2020-01-01") + pd.Timedelta(days=day)
        engine.add(pd.DataFrame({"doc_id": [f"d{day}-{i}" for i in range(5)], "date": date,
                                 "text": [f"Day {day}. " + t for t in texts]}))
        stored.append(len(engine.index.doc_ids))
    engine.finish()
    # three windows (back, waiting, late: 7 days) and the ready ones waiting for a batch: at most 10 days'
    # worth, the same at the end of the stream as after ten days
    assert max(stored) <= 5 * 10 and max(stored[30:]) == max(stored[10:30])
    assert len(engine.index.vocab) < 200 and len(engine.index.seen) == 300
    # every day's articles repeat those of the days before: each of the four longer than min_words is found,
    # its source the earliest within the window (two days before, one on the second day)
    found = pd.DataFrame([row for _, row in engine.rows], columns=toolkit.text.reuse_passages.REUSE_COLUMNS)
    day = found["doc_id"].str.extract(r"d(\d+)-")[0].astype(int)
    source_day = found["source_doc_id"].str.extract(r"d(\d+)-")[0].astype(int)
    assert len(found) == 59 * 4 and ((day - source_day) == day.clip(upper=2)).all()


words_ = st.lists(st.sampled_from("the a Iran strike said general killed Baghdad on Friday forces US".split() +
                                  ["“quoted”", "don't", "U.S."]), min_size=0, max_size=50)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(words_, st.integers(0, 12), st.floats(0, 1)), min_size=1, max_size=8),
       st.sampled_from([0, 1, 2.5, 6]), st.integers(1, 4), st.sampled_from([2, 100]))
def test_window_properties(docs, window: float, size: int, max_docs: int) -> None:
    texts = {f"d{i}": " ".join(ws) for i, (ws, _, _) in enumerate(docs)}
    for i in range(1, len(docs)):  # copies of earlier texts make reuse likely
        texts[f"d{i}"] += "\n\n" + texts[f"d{i // 2}"]
    corpus = _corpus(texts, {f"d{i}": f"2020-01-{1 + day:02d}" for i, (_, day, _) in enumerate(docs)})
    found = toolkit.reuse(corpus, min_words=8, max_docs=max_docs, window_days=window)
    dated = corpus.set_index("doc_id")["date"]
    # every passage's two articles are at most window_days apart, the source the earlier
    apart = (dated[found["doc_id"]].to_numpy() - dated[found["source_doc_id"]].to_numpy()) / pd.Timedelta(days=1)
    assert ((apart >= 0) & (apart <= window)).all()
    # streamed in date order, in chunks of any size: the same passages
    in_order = corpus.sort_values("date", kind="stable")
    streamed = toolkit.reuse(_chunks(in_order, size), min_words=8, max_docs=max_docs, window_days=window)
    pd.testing.assert_frame_equal(_sorted(streamed), _sorted(found))
    # streamed in an order that runs back by at most the window (sorted by date plus up to a window):
    # the same passages
    late = corpus["date"] + pd.to_timedelta([share * window for _, _, share in docs], unit="D")
    shuffled = corpus.iloc[late.argsort(kind="stable")]
    streamed = toolkit.reuse(_chunks(shuffled, size), min_words=8, max_docs=max_docs, window_days=window)
    pd.testing.assert_frame_equal(_sorted(streamed), _sorted(found))
    # a window wider than all the dates: the same table as without one
    pd.testing.assert_frame_equal(toolkit.reuse(corpus, min_words=8, max_docs=max_docs, window_days=12),
                                  toolkit.reuse(corpus, min_words=8, max_docs=max_docs))
