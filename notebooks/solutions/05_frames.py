"""Solutions to the exercises of lesson 5 (run: python notebooks/solutions/05_frames.py)."""
import tempfile
from pathlib import Path

import toolkit
from toolkit import resources

corpus = toolkit.load(resources.corpus_dir())
sentences = toolkit.sentences(corpus)

# 1. Sentences with the most conflict words.
generic = toolkit.frames(sentences, scheme="generic")
print(generic.nlargest(5, "conflict")[["doc_id", "conflict", "evidence"]].to_string())

# 2. Negated hits set aside.
plain = toolkit.frames(sentences, scheme="generic", level="document").groupby("frame", observed=True)["n_hits"].sum()
negated = toolkit.frames(sentences, scheme="generic", level="document", negation_window=3).groupby(
    "frame", observed=True)["n_hits"].sum()
print((plain - negated).sort_values(ascending=False).rename("hits lost to negation"))

# 3. A user dictionary in YAML.
path = Path(tempfile.mkdtemp()) / "humanitarian.yaml"
path.write_text("humanitarian:\n  - civilian*\n  - humanitarian\n  - refugee*\n  - casualt*\n  - aid\n", encoding="utf-8")
mine = toolkit.load_dictionary(path)
hits = toolkit.lookup(toolkit.tokens(corpus), mine)
print(hits.groupby("doc_id").size().sort_values(ascending=False).head())
assert set(hits["category"].astype(str)) == {"humanitarian"}
