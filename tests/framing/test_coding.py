"""Coding sheets, agreement between coders and validation of frame scores against codes."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit import resources
from toolkit.framing import CodingSheetError, agreement, coding_sheet, frames, read_codes, validate

GENERIC = ["conflict", "human_interest", "responsibility", "morality", "economic"]
CODES = resources.data_dir() / "frame_codes"


@pytest.fixture(scope="module")
def english(corpus) -> pd.DataFrame:
    return corpus[corpus["language"] == "en"].reset_index(drop=True)


@pytest.fixture(scope="module")
def passes() -> tuple[pd.DataFrame, pd.DataFrame]:
    return read_codes(CODES / "pass_a.csv"), read_codes(CODES / "pass_b.csv")


# ----------------------------------------------------------------------------- agreement
def test_alpha_of_two_coders_by_hand():
    # 10 documents, 2 coders, disagreeing on u4 and u9. Coincidences: o00 = 6, o11 = 10, o01 = o10 = 2;
    # n = 20 codes, n0 = 8, n1 = 12. Nominal alpha = 1 - (n - 1)(o01 + o10) / (2 n0 n1) = 1 - 19*4/192.
    ids = [f"u{i}" for i in range(1, 11)]
    first = pd.DataFrame({"doc_id": ids, "conflict": [1, 1, 0, 0, 1, 0, 1, 0, 1, 1]})
    second = pd.DataFrame({"doc_id": ids, "conflict": [1, 1, 0, 1, 1, 0, 1, 0, 0, 1]})
    table = agreement([first, second], n_boot=0)
    row = table.iloc[0]
    assert row["frame"] == "conflict" and row["n_units"] == 10 and row["n_coders"] == 2
    assert row["alpha"] == pytest.approx(1 - 76 / 192)
    assert row["percent_agreement"] == pytest.approx(0.8)
    assert (row["n_disagreements"], row["disagreements"]) == (2, "u4, u9")


def test_alpha_of_three_coders_with_a_missing_code_by_hand():
    # u1 (1,1,1) → o11 += 3; u2 (0,0,1) → o00, o01, o10 += 1; u3 (0,0,0) → o00 += 3; u4 (1,1,–) → o11 += 2.
    # n = 11, n0 = 5, n1 = 6: alpha = 1 - 10 * 2 / (2 * 5 * 6) = 2/3. Agreement per unit: 1, 1/3, 1, 1.
    ids = ["u1", "u2", "u3", "u4"]
    sheets = {
        "ann": pd.DataFrame({"doc_id": ids, "morality": ["1", "0", "0", "yes"]}),
        "ben": pd.DataFrame({"doc_id": ids, "morality": ["1", "0", "no", "1"]}),
        "cat": pd.DataFrame({"doc_id": ids, "morality": ["true", "1", "0", ""]}),
    }
    row = agreement(sheets, n_boot=0).iloc[0]
    assert row["n_units"] == 4 and row["n_coders"] == 3
    assert row["alpha"] == pytest.approx(2 / 3)
    assert row["percent_agreement"] == pytest.approx((1 + 1 / 3 + 1 + 1) / 4)
    assert row["disagreements"] == "u2"


def test_agreement_without_variation_is_undefined_not_perfect():
    ids = ["a", "b", "c"]
    same = pd.DataFrame({"doc_id": ids, "conflict": [1, 1, 1]})
    row = agreement([same, same.copy()], n_boot=50).iloc[0]
    assert np.isnan(row["alpha"]) and row["percent_agreement"] == 1.0


def test_agreement_of_the_lesson_codes(passes):
    a, b = passes
    assert len(a) == len(b) == 36 and list(a.columns) == ["doc_id"] + GENERIC
    assert a["doc_id"].tolist() == b["doc_id"].tolist()
    table = agreement([CODES / "pass_a.csv", CODES / "pass_b.csv"], n_boot=300, seed=1)
    assert table["frame"].tolist() == GENERIC
    assert table["n_disagreements"].tolist() == [2, 10, 2, 6, 3]
    assert (table["n_units"] == 36).all()
    for _, row in table.iterrows():
        assert -1 <= row["alpha"] <= 1
        assert row["alpha_low"] <= row["alpha"] <= row["alpha_high"]
        assert row["percent_agreement"] == pytest.approx(1 - row["n_disagreements"] / 36)
    # the codes the README describes: the same bootstrap gives the same interval
    again = agreement([CODES / "pass_a.csv", CODES / "pass_b.csv"], n_boot=300, seed=1)
    pd.testing.assert_frame_equal(table, again)


def test_agreement_needs_two_sheets():
    with pytest.raises(ValueError, match="at least two coders"):
        agreement([pd.DataFrame({"doc_id": ["a"], "conflict": [1]})])
    with pytest.raises(TypeError, match="two or more sheets"):
        agreement(pd.DataFrame({"doc_id": ["a"], "conflict": [1]}))


# ----------------------------------------------------------------------------- sheets
def test_coding_sheet_samples_reproducibly(english):
    sheet = coding_sheet(english, "generic", n=12, seed=3)
    assert list(sheet.columns) == ["doc_id", "title", "outlet", "date", "text"] + GENERIC + ["notes"]
    assert len(sheet) == 12 and sheet["doc_id"].is_unique
    assert (sheet[GENERIC + ["notes"]] == "").all().all()
    texts = english.set_index("doc_id")["text"]
    assert (sheet.set_index("doc_id")["text"] == texts.loc[sheet["doc_id"]]).all()
    assert sheet.equals(coding_sheet(english, "generic", n=12, seed=3))
    assert not sheet["doc_id"].equals(coding_sheet(english, "generic", n=12, seed=4)["doc_id"])
    # the lesson's sample is the one the shipped codes cover
    lesson = coding_sheet(english, "generic", n=36, seed=8)
    assert lesson["doc_id"].tolist() == read_codes(CODES / "pass_a.csv")["doc_id"].tolist()
    policy = coding_sheet(english, "policy", n=2)
    assert "other" not in policy.columns and "security_and_defense" in policy.columns


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_sheet_written_formula_safe_and_read_back(tmp_path, suffix):
    corpus = pd.DataFrame({"doc_id": ["=evil", "b", "c"],
                           "text": ['=HYPERLINK("http://x.test","click")', "+1 plain", "A normal text."]})
    path = tmp_path / f"sheet{suffix}"
    sheet = coding_sheet(corpus, ["conflict", "economic"], n=3, seed=0, path=path)
    if suffix == ".csv":
        raw = path.read_text(encoding="utf-8")
        assert "'=HYPERLINK" in raw and "'=evil" in raw and "'+1 plain" in raw
    else:
        import openpyxl

        cells = [c for row in openpyxl.load_workbook(path)["codes"].iter_rows() for c in row]
        assert all(c.data_type != "f" for c in cells)
        assert "instructions" in openpyxl.load_workbook(path).sheetnames
    filled = pd.read_csv(path, dtype=str, keep_default_na=False) if suffix == ".csv" else None
    if filled is None:
        filled = pd.read_excel(path, dtype=str, keep_default_na=False)
    filled["conflict"] = ["1", "0", "yes"]
    filled["economic"] = ["0", "0", "no"]
    back_path = tmp_path / f"filled{suffix}"
    filled.to_csv(back_path, index=False) if suffix == ".csv" else filled.to_excel(back_path, index=False)
    codes = read_codes(back_path)
    assert codes["doc_id"].tolist() == sheet["doc_id"].tolist()  # apostrophes removed again
    assert "=evil" in codes["doc_id"].tolist()
    assert codes.set_index("doc_id")["conflict"].to_dict() == dict(zip(sheet["doc_id"], [True, False, True]))


def test_malformed_sheet_names_the_row(tmp_path):
    path = tmp_path / "coder_b.csv"
    path.write_text("doc_id,text,conflict,morality\na,one,1,0\nb,two,0,1\nc,three,1,maybe\n", encoding="utf-8")
    with pytest.raises(CodingSheetError, match=r"coder_b\.csv, row 4 \(doc_id 'c'\): morality is 'maybe'"):
        read_codes(path)
    path.write_text("doc_id,conflict\na,1\nb,\n", encoding="utf-8")
    with pytest.raises(CodingSheetError, match=r"row 3 \(doc_id 'b'\): conflict is blank"):
        read_codes(path, ["conflict"])
    assert read_codes(path, ["conflict"], allow_blank=True)["conflict"].isna().tolist() == [False, True]
    path.write_text("doc_id,conflict\na,1\nb,0\na,1\n", encoding="utf-8")
    with pytest.raises(CodingSheetError, match=r"row 4: doc_id 'a' is already on row 2"):
        read_codes(path)
    path.write_text("id,conflict\na,1\n", encoding="utf-8")
    with pytest.raises(CodingSheetError, match="no doc_id column"):
        read_codes(path)
    with pytest.raises(CodingSheetError, match="no column for frame"):
        read_codes(pd.DataFrame({"doc_id": ["a"], "conflict": [1]}), ["economic"])
    with pytest.raises(CodingSheetError, match="no such file"):
        read_codes(tmp_path / "missing.csv")
    with pytest.raises(CodingSheetError, match=r"sheet 2, row 2 \(doc_id 'x'\): conflict is '2'"):
        agreement([pd.DataFrame({"doc_id": ["x"], "conflict": [1]}), pd.DataFrame({"doc_id": ["x"], "conflict": [2]})])


# ----------------------------------------------------------------------------- validate
def test_validate_the_dictionary_against_the_lesson_codes(english, passes):
    a, _ = passes
    sample = english[english["doc_id"].isin(a["doc_id"])]
    doc = frames(sample, "generic", level="document")
    table = validate(doc, a, n_boot=200)
    assert table["frame"].tolist() == GENERIC
    assert (table["n"] == 36).all() and table["n_pos"].tolist() == a[GENERIC].sum().tolist()
    assert (table["threshold"] == 0.0).all()  # a dictionary table: "has the frame" = at least one hit
    hits = doc.pivot(index="doc_id", columns="frame", values="n_hits")
    coded = a.set_index("doc_id")
    for _, row in table.iterrows():
        flagged = hits[row["frame"]] > 0
        missed = [d for d in a["doc_id"] if coded.loc[d, row["frame"]] and not flagged[d]]
        alarms = [d for d in a["doc_id"] if flagged[d] and not coded.loc[d, row["frame"]]]
        assert row["missed"] == ", ".join(missed) and row["false_alarms"] == ", ".join(alarms)
        tp = int(row["n_pos"]) - len(missed)
        assert row["recall"] == pytest.approx(tp / row["n_pos"])
        assert row["precision"] == pytest.approx(tp / (tp + len(alarms)))
        assert row["auc_low"] <= row["auc"] <= row["auc_high"]


def test_validate_probabilities_and_errors():
    codes = pd.DataFrame({"doc_id": list("abcd"), "economic": [1, 0, 1, 0]})
    scores = pd.DataFrame({"doc_id": list("abcde"), "frame": "economic", "score": [0.9, 0.6, 0.4, 0.1, 0.5]})
    row = validate(scores, codes, n_boot=0).iloc[0]
    assert (row["n"], row["auc"], row["threshold"]) == (4, 0.75, 0.5)
    assert (row["precision"], row["recall"], row["f1"]) == (0.5, 0.5, 0.5)
    assert (row["missed"], row["false_alarms"]) == ("c", "b")
    assert validate(scores, codes, threshold=0.3, n_boot=0).iloc[0]["recall"] == 1.0
    with pytest.raises(ValueError, match="doc_id, frame, score"):
        validate(scores.drop(columns="frame"), codes)
    with pytest.raises(ValueError, match="no scores for frame"):
        validate(scores, codes.rename(columns={"economic": "morality"}))
    with pytest.raises(ValueError, match="no doc_id is both scored and coded"):
        validate(scores, codes.assign(doc_id=list("wxyz")))


def test_public_names():
    for name in ("coding_sheet", "read_codes", "agreement", "validate", "train_frames", "FrameModel",
                 "CodingSheetError"):
        assert name in toolkit.__all__ and hasattr(toolkit, name)
