"""Solutions to the exercises of lesson 6 (run: python notebooks/solutions/06_word_choice_sources_agency.py)."""
import tempfile
import warnings
from pathlib import Path

import pandas as pd

import toolkit
from toolkit import resources

warnings.simplefilter("ignore", UserWarning)
corpus = toolkit.load(resources.corpus_dir()).merge(resources.corpus_groups(), on="doc_id")
aliases = ["Soleimani", "Suleimani", "Qassem", "Qasem", "Quds Force commander"]

# 1. "assassinat*" and who says it.
found = toolkit.labels(corpus, "Soleimani", aliases)
assassination = found[found["label"].str.startswith("assassinat")]
print(assassination.merge(corpus[["doc_id", "outlet"]], on="doc_id")
      .groupby(["outlet", "in_quote"]).size().rename("n").to_string())

# 2. Anonymous sources.
said = toolkit.quotes(corpus)
anonymous = said[said["side"] == "anonymous"].merge(corpus[["doc_id", "group"]], on="doc_id")
print(anonymous[["group", "speaker", "affiliation", "cue"]].to_string())
print(anonymous.groupby("group").size().sort_values(ascending=False))

# 3. An extra actor.
actors = pd.read_csv(resources.data_dir() / "actors" / "actors.csv", dtype=str, keep_default_na=False)
extra = {column: "" for column in actors.columns}
extra.update({"pattern": "Hesameddin Ashena", "actor": "Hesameddin Ashena", "side": "Iranian officials"})
path = Path(tempfile.mkdtemp()) / "actors.csv"
pd.concat([actors, pd.DataFrame([extra])]).to_csv(path, index=False)
demo = pd.DataFrame({"doc_id": ["demo"], "text": ["“The region will not be the same,” Hesameddin Ashena said."]})
result = toolkit.quotes(demo, actors=path)
print(result[["speaker", "side", "quote"]])
assert result["side"].iloc[0] == "Iranian officials"
