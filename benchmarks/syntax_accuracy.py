"""Accuracy of the syntax model on a CoNLL-U file, with the file's own (gold) tokens.

    python benchmarks/syntax_accuracy.py --conllu ../shared/ud/en_ewt/en_ewt-ud-test.conllu

prints one line ``UPOS x UAS y LAS z LEMMA w`` (percent of words, punctuation
included). LAS counts a word right when its head and its universal relation
(the part before ``:``, as in the CoNLL 2018 shared task) are right; add
``--full-labels`` to require the subtype too (``nsubj:pass``, ``obl:agent``).
``--toolkit-tokens`` re-cuts the sentences to the toolkit's tokens first (as
the model sees news text) and scores on those.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit.text.conllu import Sentence, aligned, read_conllu  # noqa: E402
from toolkit.text.parse import syntax_model  # noqa: E402


def score(sentences: list[Sentence], nlp, full_labels: bool = False) -> dict[str, float]:
    """Percent right per measure over all words of the sentences."""
    from spacy.tokens import Doc

    docs = []
    for sent in sentences:
        w = sent.words
        spaces = [i + 1 < len(w) and w[i + 1].start > x.end for i, x in enumerate(w)]
        docs.append(Doc(nlp.vocab, words=[x.form for x in w], spaces=spaces))
    right = {"UPOS": 0, "UAS": 0, "LAS": 0, "LEMMA": 0}
    total = 0
    for sent, doc in zip(sentences, nlp.pipe(docs, batch_size=256)):
        for gold, tok in zip(sent.words, doc):
            total += 1
            head = 0 if tok.head.i == tok.i else tok.head.i + 1
            dep = "root" if tok.dep_ == "ROOT" else tok.dep_
            gold_dep = gold.deprel
            if not full_labels:
                dep, gold_dep = dep.split(":")[0], gold_dep.split(":")[0]
            right["UPOS"] += tok.pos_ == gold.upos
            right["LEMMA"] += tok.lemma_ == gold.lemma
            if head == gold.head:
                right["UAS"] += 1
                right["LAS"] += dep == gold_dep
    return {k: 100.0 * v / max(total, 1) for k, v in right.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conllu", type=Path, required=True)
    ap.add_argument("--model", default=None, help="a spaCy pipeline folder (default: the shipped model)")
    ap.add_argument("--full-labels", action="store_true", help="LAS on full relations with subtypes")
    ap.add_argument("--toolkit-tokens", action="store_true", help="re-cut to the toolkit's tokens first")
    args = ap.parse_args(argv)
    sentences = read_conllu(args.conllu)
    if args.toolkit_tokens:
        sentences, dropped = aligned(sentences)
        print(f"# {dropped} sentences could not be re-cut and are left out", file=sys.stderr)
    s = score(sentences, syntax_model(args.model), args.full_labels)
    print(f"UPOS {s['UPOS']:.1f} UAS {s['UAS']:.1f} LAS {s['LAS']:.1f} LEMMA {s['LEMMA']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
