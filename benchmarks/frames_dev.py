"""Frames against human codes: the development figures, beside the references of issue 15.

Reads the development sample of the Narrative Frames Corpus (Frermann et al.,
ACL 2023): 257 climate-change articles with five generic frame codes (``CO``
conflict, ``HI`` human interest, ``RE`` resolution — close to Semetko &
Valkenburg's responsibility — ``MO`` morality, ``EC`` economic), kept in
``../shared/eval/narrative_frames_dev`` and never shipped. Without that folder
the script says so and exits 0.

For each frame it prints the ROC AUC, with 95% bootstrap intervals (articles
resampled), of

* the generic frame dictionary (``toolkit.frames``, hits per 1,000 tokens; no
  training — but the 2.0.0 lists were revised while looking at these articles,
  so this is a development figure);
* the trained model (``toolkit.train_frames``: words + dictionary), 5-fold
  cross-validated: every article scored by a model trained on the other four
  folds, with the inner cross-validation inside each training part;
* the same model on words only (``scheme=None``), the analogue of the TF-IDF
  logistic regression of the references;

then F1 of the trained model at probability 0.5, and the reference numbers.

Run:  .venv/bin/python benchmarks/frames_dev.py [--data PATH] [--folds 5] [--seed 0] [--boot 1000]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toolkit.framing import frames, train_frames, validate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "narrative_frames_dev"
CODES = {"CO": "conflict", "HI": "human_interest", "RE": "responsibility", "MO": "morality", "EC": "economic"}

#: What issue 15 gives to compare with (measured outside this script).
REFERENCES = [
    ("generic dictionary 1.0.0, 171 held-out climate articles", "0.725 (CO 0.63, HI 0.77, RE 0.54, MO 0.82, EC 0.87)"),
    ("generic dictionary 1.0.0, these 257 development articles", "0.713 (CO 0.654, HI 0.701, RE 0.555, MO 0.799, EC 0.855)"),
    ("blind dictionary from the S&V definitions, held-out articles", "about 0.77"),
    ("TF-IDF logistic regression trained on 257 coded articles, held-out", "0.787"),
    ("policy dictionary 1.0.0, 433 news articles, 14 frames", "0.708 (TF-IDF logistic regression, 5-fold CV: 0.794)"),
    ("targets on held-out articles", "dictionary >= 0.78; trained model >= 0.80; policy dictionary >= 0.75, "
                                     "trained policy model (5-fold CV) >= 0.80"),
]


def load_dev(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(corpus ``doc_id, text``, codes ``doc_id`` + five boolean frame columns)."""
    rows = [json.loads(line) for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    table = pd.DataFrame(rows)
    corpus = pd.DataFrame({"doc_id": table["ID"].astype(str), "text": table["text"].astype(str)})
    codes = pd.DataFrame({"doc_id": corpus["doc_id"], **{f: table[k].astype(bool) for k, f in CODES.items()}})
    return corpus, codes


def interval(row: pd.Series, name: str) -> str:
    return f"{row[name]:.3f} [{row[f'{name}_low']:.3f}, {row[f'{name}_high']:.3f}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with articles.jsonl")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--boot", type=int, default=1000, help="bootstrap resamples for the intervals")
    args = parser.parse_args(argv)
    if not (args.data / "articles.jsonl").is_file():
        print(f"Frames development figures: skipped ({args.data} is not available; it is kept outside the "
              f"project, in ../shared/eval).")
        return 0
    corpus, codes = load_dev(args.data)
    started = time.perf_counter()
    dictionary = validate(frames(corpus, "generic", level="document"), codes, n_boot=args.boot, seed=args.seed)
    model = train_frames(corpus, codes, seed=args.seed)
    trained = model.cross_validate(corpus, codes, folds=args.folds, n_boot=args.boot)
    words = train_frames(corpus, codes, scheme=None, seed=args.seed).cross_validate(
        corpus, codes, folds=args.folds, n_boot=args.boot)
    seconds = time.perf_counter() - started

    print(f"Frames against human codes: Narrative Frames Corpus development sample, {len(corpus)} climate "
          f"articles (Frermann et al. 2023; RE stands in for responsibility)")
    print(f"ROC AUC [95% bootstrap interval]; trained models {args.folds}-fold cross-validated, seed {args.seed}\n")
    rows = []
    for frame in CODES.values():
        d = dictionary.set_index("frame").loc[frame]
        t = trained.set_index("frame").loc[frame]
        w = words.set_index("frame").loc[frame]
        rows.append({"frame": frame, "coded": f"{int(d['n_pos'])}/{int(d['n'])}",
                     "dictionary 2.0.0": interval(d, "auc"), "trained: words + dictionary": interval(t, "auc"),
                     "trained: words only": interval(w, "auc"), "F1 (trained, p > 0.5)": interval(t, "f1")})
    rows.append({"frame": "mean", "coded": "", "dictionary 2.0.0": f"{dictionary['auc'].mean():.3f}",
                 "trained: words + dictionary": f"{trained['auc'].mean():.3f}",
                 "trained: words only": f"{words['auc'].mean():.3f}", "F1 (trained, p > 0.5)": f"{trained['f1'].mean():.3f}"})
    print(pd.DataFrame(rows).to_string(index=False))
    print("\nThe dictionary figures are development figures: the 2.0.0 lists were revised while looking at these "
          "articles.")
    print("\nReferences (issue 15):")
    for what, value in REFERENCES:
        print(f"  {what}: {value}")
    print(f"\n({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
