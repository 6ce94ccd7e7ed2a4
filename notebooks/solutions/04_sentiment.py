"""Solutions to the exercises of lesson 4 (run: python notebooks/solutions/04_sentiment.py)."""
import warnings

import pandas as pd

import toolkit
from toolkit import resources

warnings.simplefilter("ignore", UserWarning)  # the Russian text is skipped with a warning
corpus = toolkit.load(resources.corpus_dir()).merge(resources.corpus_groups(), on="doc_id")
scored = toolkit.sentiment(toolkit.sentences(corpus)).merge(corpus[["doc_id", "group"]], on="doc_id")

# 1. The three most positive sentences and their evidence.
print(scored.nlargest(3, "compound")[["doc_id", "compound", "evidence"]].to_string())

# 2. Whole sentences vs an 8-word window around each mention.
aliases = ["Soleimani", "Suleimani", "Qassem", "Qasem", "Quds Force commander"]
whole = toolkit.target_sentiment(scored, "Soleimani", aliases, by="group").set_index("group")
window = toolkit.target_sentiment(scored, "Soleimani", aliases, by="group", window=8).set_index("group")
change = (window["mean_compound"] - whole["mean_compound"]).abs().sort_values(ascending=False)
print(change.rename("change in mean compound"))

# 3. "but" shifts the weight to the clause after it (×1.5) and damps the one before (×0.5).
pair = pd.DataFrame({"doc_id": "x", "sent_id": [0, 1],
                     "text": ["The strike was bad and the talks were a success.",
                              "The strike was bad but the talks were a success."]})
result = toolkit.sentiment(pair)
print(result[["text", "compound"]].to_string())
print(toolkit.sentiment_evidence(pair)[["sent_id", "word", "lexicon_valence", "valence", "rules"]].to_string())
assert result["compound"].iloc[0] < 0 < result["compound"].iloc[1]

# 4. Negative tone, not negative toward him: usually the harm he suffers, or someone else's words.
_, toward = toolkit.target_sentiment(scored, "Soleimani", aliases, by="group", method="mention",
                                     return_sentences=True)
differ = toward[(toward["compound"] <= -0.05) & (toward["polarity"] != "negative")]
print(f"{len(differ)} of {len(toward)} mentions: negative tone, {differ['polarity'].value_counts().to_dict()} toward him")
print(differ[["mention", "compound", "polarity", "evidence"]].head(5).to_string())
assert len(differ) > 0
