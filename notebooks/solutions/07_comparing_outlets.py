"""Solutions to the exercises of lesson 7 (run: python notebooks/solutions/07_comparing_outlets.py)."""
import math
import warnings

import toolkit
from toolkit import resources

warnings.simplefilter("ignore", UserWarning)
corpus = toolkit.load(resources.corpus_dir()).merge(resources.corpus_groups(), on="doc_id")
tokens = toolkit.tokens(corpus).merge(corpus[["doc_id", "group"]], on="doc_id")

# 1. Iran's key words.
print(toolkit.keyness(tokens, by="group", target="Iran", min_count=3).head(12).to_string())

# 2. Clustered vs unclustered intervals.
scored = toolkit.sentiment(toolkit.sentences(corpus)).merge(corpus[["doc_id", "group"]], on="doc_id")
plain = toolkit.compare(scored, by="group", value="compound").set_index("group")
clustered = toolkit.compare(scored, by="group", value="compound", cluster="doc_id").set_index("group")
width = (plain["ci_high"] - plain["ci_low"]).rename("width, sentences resampled").to_frame()
width["width, articles resampled"] = clustered["ci_high"] - clustered["ci_low"]
print(width.round(3))  # sentence resampling pretends each sentence is an independent observation

# 3. Log ratio of "war", Democrats vs Republicans, by hand.
congress = tokens[tokens["group"].str.startswith("US Congress")]
key = toolkit.keyness(congress, by="group", target="US Congress (Democrats)", min_count=1,
                      keep_numbers=True).set_index("feature")  # the totals below count numbers too
kept = congress[~congress["is_stop"] & ~congress["is_punct"]]
n_dem = (kept["group"] == "US Congress (Democrats)").sum()
n_rep = len(kept) - n_dem
row = key.loc["war"]
by_hand = math.log2((row.n_target / n_dem) / (row.n_reference / n_rep))
print(f"log ratio of 'war': table {row.log_ratio:.4f}, by hand {by_hand:.4f}")
assert abs(row.log_ratio - by_hand) < 1e-12

# 4. Shorter passages: min_words=10.
found = toolkit.reuse(corpus, min_words=10)
default = toolkit.reuse(corpus)
text_of = corpus.set_index("doc_id")["text"]
new = found[found["n_words"] < 20]
for row in new.itertuples():
    print(f"{row.doc_id[:45]:45} <- {row.source_doc_id[:45]:45} {text_of[row.doc_id][row.start:row.end][:70]!r}")
# Most of the new rows are formulas every text of one kind shares (the Congressional Record's header line
# "From the Congressional Record Online through the Government Publishing Office", "Mr. McCONNELL. Mr. President,"):
# not one text reusing another. The others are short quotations (the Pentagon's sentence on attack plans, the
# Secretary-General's four appeals) that several texts repeat. Ten words is too short to tell copying from formula.
assert len(found) > len(default)
header = new["doc_id"].str.startswith("uscongress")
assert header.any() and (new.loc[header, "source_doc_id"].str.startswith("uscongress")).all()
