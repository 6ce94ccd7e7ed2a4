"""Solutions to the exercises of lesson 3 (run: python notebooks/solutions/03_tokens_concordance_dispersion.py)."""
import matplotlib

matplotlib.use("Agg")

import toolkit
from toolkit import plot, resources

corpus = toolkit.load(resources.corpus_dir()).merge(resources.corpus_groups(), on="doc_id")
tokens = toolkit.tokens(corpus).merge(corpus[["doc_id", "group"]], on="doc_id")
words = tokens[~tokens["is_punct"]]

# 1. terror* per 1,000 tokens, by group.
hits = words["lower"].str.startswith("terror")
rate = (hits.groupby(words["group"]).sum() / words.groupby("group").size() * 1000).sort_values(ascending=False)
print(rate.round(2).rename("terror* per 1,000 tokens"))

# 2. Who says "imminent"?
lines = toolkit.kwic(tokens, "imminent", window=8, corpus=corpus).merge(corpus[["doc_id", "group"]], on="doc_id")
print(lines[["group", "pre", "match", "post"]].to_string())

# 3. Dispersion for the Congress texts.
congress = corpus.loc[corpus["group"].str.startswith("US Congress"), "doc_id"].tolist()
ax = plot.dispersion(tokens, ["war", "peace", "escalation"], docs=congress)
assert len(ax.get_yticklabels()) == len(congress) == 16
