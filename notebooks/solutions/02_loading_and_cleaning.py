"""Solutions to the exercises of lesson 2 (run: python notebooks/solutions/02_loading_and_cleaning.py)."""
import tempfile
from pathlib import Path

import toolkit
from toolkit import resources

corpus = toolkit.load(resources.corpus_dir())

# 1. Captions in the corpus, and the documents that have any.
n_captions = corpus["captions"].str.len()
print("captions in the corpus:", int(n_captions.sum()))
print(corpus.loc[n_captions > 0, ["doc_id"]].assign(n_captions=n_captions[n_captions > 0]))

# 2. Excerpts per group. Header values are text, so compare with the string "true".
grouped = corpus.merge(resources.corpus_groups(), on="doc_id")
excerpts = grouped[grouped["excerpt"].astype(str).str.lower() == "true"]
print(excerpts.groupby("group").size().rename("n_excerpts"))

# 3. A two-article CSV.
folder = Path(tempfile.mkdtemp())
(folder / "two.csv").write_text(
    "outlet,date,text\nPaper A,2020-01-03,The strike was announced at night.\n"
    "Paper B,2020-01-04,Crowds mourned in Tehran.\n",
    encoding="utf-8",
)
two = toolkit.load(folder)
print(two[["doc_id", "outlet", "date"]])
assert two["doc_id"].tolist() == ["two#0", "two#1"]
