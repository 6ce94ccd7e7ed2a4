"""Solutions to the exercises of lesson 1 (run: python notebooks/solutions/01_quickstart.py)."""
import warnings

import toolkit
from toolkit import resources

warnings.simplefilter("ignore", UserWarning)
corpus = toolkit.load(resources.corpus_dir()).merge(resources.corpus_groups(), on="doc_id")

# 1. Texts and words per text, by group.
summary = toolkit.corpus_summary(corpus, by="group")
summary["words_per_text"] = summary["n_words"] / summary["n_articles"]
print(summary[["n_articles", "words_per_text"]].sort_values("n_articles", ascending=False).round(0))

# 2. The article with the lowest mean sentiment, and its most negative sentences.
scored = toolkit.sentiment(toolkit.sentences(corpus))
per_doc = toolkit.document_sentiment(scored)
lowest = per_doc.sort_values("mean_compound").iloc[0]
print("lowest:", lowest["doc_id"], round(lowest["mean_compound"], 3))
worst = scored[scored["doc_id"] == lowest["doc_id"]].nsmallest(3, "compound")
print(worst[["compound", "text"]].to_string())

# 3. The UN's key words.
tokens = toolkit.tokens(corpus).merge(corpus[["doc_id", "group"]], on="doc_id")
print(toolkit.keyness(tokens, by="group", target="United Nations").head(10)[["feature", "chi2", "n_target"]])
