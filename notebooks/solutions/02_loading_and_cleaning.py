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

# 4. The example Nexis export: words per outlet, and the article without a byline.
nexis = toolkit.load(resources.data_dir() / "examples" / "nexis_harbour_strike.txt")
print(nexis.groupby("outlet")["length"].sum())
print(nexis.loc[nexis["byline"].isna(), ["article_number", "outlet", "title"]])
# It is the Harbour News Agency's own wire story: agencies often sign with the agency name or a DATELINE only.
assert nexis.loc[nexis["byline"].isna(), "outlet"].tolist() == ["Harbour News Agency"]
