"""Solutions to the exercises of lesson 8 (run: python notebooks/solutions/08_validating_a_measure.py)."""
import tempfile
from pathlib import Path

import pandas as pd

import toolkit
from toolkit import resources

pd.set_option("display.width", 200)
corpus = toolkit.load(resources.corpus_dir())
english = corpus[corpus["language"] == "en"]
FRAMES = ["conflict", "human_interest", "responsibility", "morality", "economic"]
CODES = resources.data_dir() / "frame_codes"
pass_a = toolkit.read_codes(CODES / "pass_a.csv")
pass_b = toolkit.read_codes(CODES / "pass_b.csv")
sample = english[english["doc_id"].isin(pass_a["doc_id"])]
scores = toolkit.frames(sample, "generic", level="document")

# 1. The strict reading (both passes) against the liberal one (either pass) as the yardstick.
both = pass_a[["doc_id"]].assign(**{f: pass_a[f] & pass_b[f] for f in FRAMES})
either = pass_a[["doc_id"]].assign(**{f: pass_a[f] | pass_b[f] for f in FRAMES})
strict = toolkit.validate(scores, both, n_boot=0).set_index("frame")
liberal = toolkit.validate(scores, either, n_boot=0).set_index("frame")
print(pd.DataFrame({"coded (strict)": strict["n_pos"], "AUC strict": strict["auc"], "AUC liberal": liberal["auc"],
                    "recall strict": strict["recall"], "recall liberal": liberal["recall"]}).round(2))
# With the strict reading human interest has 3 coded texts and economic 2: every figure rests on a handful.

# 2. Words only, without the dictionary.
learnable = ["human_interest", "morality", "economic"]
with_dictionary = toolkit.train_frames(sample, either, frames=learnable, inner_folds=3).cross_validate(
    sample, either, folds=3, n_boot=0)
words_only = toolkit.train_frames(sample, either, frames=learnable, inner_folds=3, scheme=None).cross_validate(
    sample, either, folds=3, n_boot=0)
print(pd.DataFrame({"frame": learnable, "words + dictionary": with_dictionary["auc"],
                    "words only": words_only["auc"]}).round(2))
# On 36 texts the words alone are close to chance (or worse) for human interest: the dictionary carries the model.
assert with_dictionary["auc"].mean() > words_only["auc"].mean()

# 3. Your own codes: a sheet of 10 texts. Here "you" are simulated by copying pass A and changing two codes;
#    with a real sheet, fill in the frame columns in a spreadsheet program and save it.
folder = Path(tempfile.mkdtemp())
sheet = toolkit.coding_sheet(english, FRAMES, n=10, seed=1, path=folder / "my_sheet.csv")
mine = pass_a.set_index("doc_id").reindex(sheet["doc_id"]).dropna().astype(int)
mine.iloc[0, 1] = 1 - mine.iloc[0, 1]
mine.iloc[1, 3] = 1 - mine.iloc[1, 3]
mine.reset_index().to_csv(folder / "me.csv", index=False)
common = pass_a[pass_a["doc_id"].isin(mine.index)]
table = toolkit.agreement({"me": folder / "me.csv", "pass A": common}, n_boot=0)
print(table[["frame", "n_units", "percent_agreement", "alpha", "disagreements"]])
# (The sample of 10 overlaps the coded 36 only in part: agreement is computed on the texts both coded.)

# 4. A malformed cell.
broken = pd.read_csv(CODES / "pass_a.csv", dtype=str)
broken.loc[4, "morality"] = "maybe"
broken.to_csv(folder / "pass_a_broken.csv", index=False)
try:
    toolkit.read_codes(folder / "pass_a_broken.csv")
except toolkit.CodingSheetError as error:
    print(error)  # pass_a_broken.csv, row 6 (doc_id '...'): morality is 'maybe'; write 1 or 0 ...
    assert "row 6" in str(error) and "morality is 'maybe'" in str(error)
else:
    raise AssertionError("a malformed cell must be reported")
