"""Same inputs, same bytes: tables and charts do not depend on hash seeds, locale or the clock."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

PIPELINE = textwrap.dedent("""
    import sys, warnings
    from pathlib import Path
    import matplotlib
    matplotlib.use("Agg")
    import toolkit
    from toolkit import plot, report, resources

    warnings.simplefilter("ignore")
    out = Path(sys.argv[1])
    corpus = toolkit.load(resources.corpus_dir()).merge(resources.corpus_groups(), on="doc_id")
    sentences = toolkit.sentences(corpus)
    tokens = toolkit.tokens(corpus).merge(corpus[["doc_id", "group"]], on="doc_id")
    scored = toolkit.sentiment(sentences).merge(corpus[["doc_id", "group"]], on="doc_id")
    key = toolkit.keyness(tokens, by="group", target="US administration")
    table = toolkit.compare(scored, by="group", value="compound", cluster="doc_id")
    report.safe_csv(corpus.drop(columns=["source_path"]), out / "corpus.csv", index=False)
    report.safe_csv(tokens, out / "tokens.csv", index=False)
    report.safe_csv(scored, out / "sentiment.csv", index=False)
    report.safe_csv(key, out / "keyness.csv", index=False)
    report.safe_csv(table, out / "compare.csv", index=False)
    plot.save(plot.keyness_bars(key, target="US administration", reference="others"), out / "keyness.png")
    plot.save(plot.compare_groups(table, by="group"), out / "compare.svg")
    plot.save(plot.sentiment_arc(scored, "000_22b6830e9619a82a"), out / "arc.png")
""")


def run(folder: Path, hash_seed: str, tz: str) -> dict[str, str]:
    folder.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "TZ": tz, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-c", PIPELINE, str(folder)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_two_processes_write_identical_tables_and_charts(tmp_path):
    first = run(tmp_path / "a", "1", "UTC")
    second = run(tmp_path / "b", "4242", "Asia/Tehran")
    assert len(first) == 8
    assert first == second
