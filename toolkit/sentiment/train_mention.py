"""Train the mention models on NewsMTSC and record how well they do on articles they never saw.

    .venv/bin/python -m toolkit.sentiment.train_mention [--data PATH] [--out DIR]

Reads ``../shared/eval/newsmtsc_train/train.jsonl`` (Hamborg & Donnay 2021,
MIT: 7,758 sentences, 8,739 person mentions labelled negative / neutral /
positive toward the person). For each variant (``syntax``: with the parse;
``fast``: tokens only) it chooses the regularisation ``C`` by grouped,
stratified 5-fold cross-validation (sentences of one story never straddle
folds: the group is the source plus the AllSides story or POLUSA article id;
identical sentences share a group), reports the pooled out-of-fold macro F1
with a bootstrap interval over groups next to two VADER baselines computed on
the same rows, then fits on all of it and writes ``<variant>.json`` +
``<variant>.npz`` and ``training.json`` (settings, commit, data hash, scores)
into ``data/models/mention_sentiment/``. Seeded; running it twice writes the
same files.

>>> group_of("allsides_1018_408_1_Hillary Clinton_2_17"), group_of("polusa_v1_113704059_-1_35_Northam_148_155")
('allsides_408', 'polusa_113704059')
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..resources import data_dir
from .mention import mention_features
from .mention_model import CLASSES, VARIANTS, MentionModel, model_dir
from .vader import vader_scores

DEFAULT_DATA = data_dir().parent.parent / "shared" / "eval" / "newsmtsc_train" / "train.jsonl"
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
C_GRID = (0.02, 0.05, 0.1, 0.2, 0.5)
MIN_DF = 2
FOLDS = 5
SEED = 0
N_BOOT = 1000


def group_of(gid: str) -> str:
    """The story a NewsMTSC sentence comes from: AllSides story id, or POLUSA article id."""
    parts = gid.split("_")
    return f"{parts[0]}_{parts[2]}"


def read_newsmtsc(path: Path) -> pd.DataFrame:
    """One row per labelled mention: ``doc_id, sent_id, mention_id, start, end, text, mention, label, group``."""
    rows, first_group = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        text = r["sentence_normalized"]
        group = first_group.setdefault(text, group_of(r["primary_gid"]))
        for k, t in enumerate(r["targets"]):
            rows.append({"doc_id": r["primary_gid"], "sent_id": 0, "mention_id": k, "start": int(t["from"]),
                         "end": int(t["to"]), "text": text, "mention": t["mention"],
                         "label": POLARITY[float(t["polarity"])], "group": group})
    return pd.DataFrame(rows)


def macro_f1(y: np.ndarray, pred: np.ndarray, k: int = 3) -> float:
    """Macro-averaged F1 over ``k`` classes coded 0..k-1."""
    cm = np.bincount(y * k + pred, minlength=k * k).reshape(k, k).astype(float)
    tp = np.diag(cm)
    denom = cm.sum(0) + cm.sum(1)
    return float(np.mean(np.divide(2 * tp, denom, out=np.zeros(k), where=denom > 0)))


def scores(y: np.ndarray, pred: np.ndarray, groups: np.ndarray, seed: int = SEED) -> dict[str, Any]:
    """Macro F1 with a 95 % bootstrap interval (resampling groups), accuracy and F1 per class."""
    codes, _ = pd.factorize(groups)
    members = pd.Series(np.arange(len(y))).groupby(codes).apply(np.asarray).tolist()
    rng = np.random.default_rng(seed)
    boot = []
    for _ in range(N_BOOT):
        pick = np.concatenate([members[g] for g in rng.integers(0, len(members), len(members))])
        boot.append(macro_f1(y[pick], pred[pick]))
    per_class = {}
    for j, c in enumerate(CLASSES):
        tp = np.sum((y == j) & (pred == j))
        d = np.sum(y == j) + np.sum(pred == j)
        per_class[c] = round(float(2 * tp / d) if d else 0.0, 4)
    low, high = np.quantile(boot, [0.025, 0.975])
    return {"macro_f1": round(macro_f1(y, pred), 4), "ci95": [round(float(low), 4), round(float(high), 4)],
            "accuracy": round(float(np.mean(y == pred)), 4), "f1_per_class": per_class}


def vocabulary(rows: list[dict[str, float]], min_df: int = MIN_DF) -> list[str]:
    """Feature names in at least ``min_df`` rows, sorted."""
    df: dict[str, int] = {}
    for f in rows:
        for name in f:
            df[name] = df.get(name, 0) + 1
    return sorted(name for name, c in df.items() if c >= min_df)


def fit(rows: list[dict[str, float]], y: np.ndarray, C: float, info: dict | None = None) -> MentionModel:
    """A balanced multinomial logistic regression on the rows' features (lbfgs, deterministic)."""
    from sklearn.linear_model import LogisticRegression

    names = vocabulary(rows)
    empty = MentionModel(CLASSES, names, np.zeros((3, len(names))), np.zeros(3))
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
    clf.fit(empty.vectorize(rows), y)
    return MentionModel(CLASSES, names, clf.coef_, clf.intercept_, info or {})


def cross_validate(rows: list[dict[str, float]], y: np.ndarray, groups: np.ndarray, C: float,
                   folds: int = FOLDS, seed: int = SEED) -> tuple[np.ndarray, list[float]]:
    """Out-of-fold predictions (vocabulary and weights fitted on the training folds only) and F1 per fold."""
    from sklearn.model_selection import StratifiedGroupKFold

    pred = np.zeros(len(y), dtype=np.int64)
    per_fold = []
    split = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in split.split(np.zeros(len(y)), y, groups):
        model = fit([rows[i] for i in train], y[train], C)
        pred[test] = model.proba(model.vectorize([rows[i] for i in test])).argmax(axis=1)
        per_fold.append(round(macro_f1(y[test], pred[test]), 4))
    return pred, per_fold


def vader_baselines(m: pd.DataFrame, window: int = 8) -> dict[str, np.ndarray]:
    """VADER labels (compound ≥ 0.05 positive, ≤ −0.05 negative): whole sentence, and ±``window`` words."""
    texts = m["text"].tolist()
    windows = []
    for t, s, e in zip(texts, m["start"], m["end"]):
        toks = [(x.start(), x.group()) for x in re.finditer(r"\S+", t)]
        starts = [a for a, _ in toks]
        first = max(0, int(np.searchsorted(starts, s, side="right")) - 1)
        last = max(first, int(np.searchsorted(starts, e, side="left")) - 1)
        windows.append(" ".join(w for _, w in toks[max(0, first - window): last + window + 1]))

    def label(compound: np.ndarray) -> np.ndarray:
        return np.where(compound >= 0.05, 2, np.where(compound <= -0.05, 0, 1))

    return {"vader_sentence": label(vader_scores(texts)[3]), f"vader_window_{window}": label(vader_scores(windows)[3])}


def _commit() -> str:
    """The commit of the code that trained (``+changes`` when the sentiment code differs from it)."""
    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True,
                              cwd=here).stdout.strip()
        changed = subprocess.run(["git", "status", "--porcelain", "--", "."], capture_output=True, text=True,
                                 check=True, cwd=here).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+changes" if changed else "")


def _parser_id() -> str:
    """A fingerprint of the syntax model the features were read with (its weights' sha256)."""
    from ..text.parse import syntax_model_dir

    digest = hashlib.sha256()
    for path in sorted(syntax_model_dir().rglob("*")):
        if path.is_file() and path.name != "MODEL_CARD.md":
            digest.update(path.relative_to(syntax_model_dir()).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def train(data: Path, out: Path, c_grid: tuple[float, ...] = C_GRID, log: Any = print) -> dict[str, Any]:
    """Cross-validate, fit and save both variants; returns what ``training.json`` records."""
    m = read_newsmtsc(data)
    y = m["label"].map({c: j for j, c in enumerate(CLASSES)}).to_numpy(dtype=np.int64)
    groups = m["group"].to_numpy()
    record: dict[str, Any] = {
        "data": {"file": "NewsMTSC train.jsonl (Hamborg & Donnay 2021), MIT", "path": data.name,
                 "sha256": hashlib.sha256(data.read_bytes()).hexdigest(), "sentences": int(m["doc_id"].nunique()),
                 "mentions": len(m), "groups": int(pd.Series(groups).nunique()),
                 "labels": {c: int((y == j).sum()) for j, c in enumerate(CLASSES)}},
        "commit": _commit(), "parser": _parser_id(),
        "cv": {"folds": FOLDS, "grouped_by": "source + AllSides story id / POLUSA article id", "seed": SEED,
               "bootstrap": f"{N_BOOT} resamples of groups, 95 % percentile interval"},
        "baselines": {}, "variants": {},
    }
    for name, pred in vader_baselines(m).items():
        record["baselines"][name] = scores(y, pred, groups)
        log(f"{name:16s} {record['baselines'][name]}")
    for variant in VARIANTS:
        began = time.perf_counter()
        rows, _ = mention_features(m, syntax=variant == "syntax")
        keep = np.array([r is not None for r in rows])
        if not keep.all():
            raise ValueError(f"{int((~keep).sum())} mentions could not be read")
        log(f"{variant}: features in {time.perf_counter() - began:.1f} s")
        grid = {}
        for C in c_grid:
            pred, per_fold = cross_validate(rows, y, groups, C)
            grid[C] = (macro_f1(y, pred), pred, per_fold)
            log(f"{variant} C={C:<5} macro F1 {grid[C][0]:.4f}  folds {per_fold}")
        best = max(c_grid, key=lambda c: (round(grid[c][0], 4), -c))
        settings = {"syntax": variant == "syntax", "C": best, "min_df": MIN_DF, "class_weight": "balanced",
                    "solver": "lbfgs", "window": 4}
        result = {"settings": settings, "cv_grid": {str(c): round(grid[c][0], 4) for c in c_grid},
                  "cv_folds": grid[best][2], "cv": scores(y, grid[best][1], groups)}
        model = fit(rows, y, best, {"variant": variant, **result, "commit": record["commit"],
                                    "parser": record["parser"]})
        model.save(out, variant)
        result["n_features"] = len(model.features)
        record["variants"][variant] = result
        log(f"{variant}: C={best} {result['cv']} ({len(model.features)} features)")
    (out / "training.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return record


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=model_dir())
    ap.add_argument("--C", type=float, nargs="+", default=list(C_GRID))
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no training data at {args.data}", file=sys.stderr)
        return 2
    train(args.data, args.out, tuple(args.C))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
