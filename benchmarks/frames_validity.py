"""How well does a frame dictionary agree with human coders?

Give it texts a person has labelled (a CSV with a ``text`` column and one 0/1
column per frame, named like the dictionary's frames: ``conflict``,
``economic`` …). For each frame it reports:

* ``auc_dict`` — the ROC AUC of the dictionary score (hits per 1,000 tokens,
  :func:`toolkit.framing.frames` at document level) as a ranking of the texts:
  the probability that a random text labelled with the frame scores higher
  than a random text without it (ties count one half; Mann–Whitney). 0.5 is
  chance, 1.0 a perfect ranking;
* ``auc_bow`` — for comparison, the same AUC for a supervised bag-of-words
  classifier (multinomial naive Bayes, or L2-regularised logistic regression
  with ``--model logreg``), each text scored by a model trained on the other
  folds of a stratified k-fold cross-validation (5 folds by default);
* ``hit_pos`` / ``hit_neg`` — the share of labelled / unlabelled texts with at
  least one dictionary hit for the frame.

A dictionary far below the classifier misses how coders recognise the frame;
a dictionary near chance should not be used for that frame on such texts.

Without ``--labels`` there is nothing to validate: the script says so, runs a
self-check on a small hand-labelled sample written into this file (short
news-style sentences on other topics than the bundled corpus), prints the same
table and exits 0. The self-check only shows that the harness runs end to end;
its sentences were written alongside the dictionary, so its numbers are
illustrative and are not evidence of validity.

Run:  .venv/bin/python benchmarks/frames_validity.py [--labels PATH] [--scheme generic]
      [--text-col text] [--folds 5] [--model nb|logreg] [--seed 0] [--negation-window N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toolkit.framing import frames, load_scheme  # noqa: E402
from toolkit.text import tokens  # noqa: E402

# --------------------------------------------------------------------------------------
# AUC
# --------------------------------------------------------------------------------------


def roc_auc(scores, labels) -> float:
    """ROC AUC of ``scores`` as a ranking of binary ``labels`` (Mann–Whitney U / n₁n₀).

    Tied scores get their average rank, so a tie between a positive and a
    negative counts one half. NaN when only one class is present. NaN scores
    are not allowed.

    >>> roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])
    0.75
    >>> roc_auc([1, 1, 2, 3], [0, 1, 0, 1])
    0.625
    """
    s = np.asarray(scores, dtype=float).ravel()
    y = np.asarray(labels).ravel()
    if s.shape != y.shape:
        raise ValueError(f"scores and labels differ in length ({len(s)} vs {len(y)})")
    if np.isnan(s).any():
        raise ValueError("scores contain NaN")
    y = _binary(y)
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = pd.Series(s).rank(method="average").to_numpy()
    u = ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


def _binary(values) -> np.ndarray:
    series = pd.Series(np.asarray(values).ravel())
    if series.dtype == bool:
        return series.to_numpy(dtype=np.int64)
    mapped = series.map(lambda v: {"1": 1, "0": 0, "true": 1, "false": 0}.get(str(v).strip().lower(),
                                                                             np.nan)
                        if not isinstance(v, (int, float, np.integer, np.floating)) or isinstance(v, bool)
                        else (v if v in (0, 1) else np.nan))
    if mapped.isna().any():
        bad = series[mapped.isna()].unique()[:5].tolist()
        raise ValueError(f"labels must be 0/1 (or true/false); found {bad}")
    return mapped.to_numpy(dtype=np.int64)


# --------------------------------------------------------------------------------------
# Bag of words and two small classifiers
# --------------------------------------------------------------------------------------


def bag_of_words(texts: list[str]) -> tuple[list[list[str]], None]:
    """Lower-cased non-punctuation tokens of each text (the toolkit's tokenizer)."""
    corpus = pd.DataFrame({"doc_id": [f"t{i}" for i in range(len(texts))], "text": texts})
    toks = tokens(corpus)
    toks = toks[~toks["is_punct"]]
    words = toks.groupby("doc_id", sort=False)["lower"].apply(list)
    return [words.get(f"t{i}", []) for i in range(len(texts))]


def _matrix(docs: list[list[str]], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(docs), len(vocab)))
    for i, words in enumerate(docs):
        for w in words:
            j = vocab.get(w)
            if j is not None:
                x[i, j] += 1
    return x


def naive_bayes_scores(x_train, y_train, x_test, alpha: float = 1.0) -> np.ndarray:
    """Multinomial naive Bayes (Laplace smoothing ``alpha``): log-odds of the positive class."""
    pos, neg = x_train[y_train == 1], x_train[y_train == 0]
    c1 = pos.sum(axis=0) + alpha
    c0 = neg.sum(axis=0) + alpha
    w = np.log(c1 / c1.sum()) - np.log(c0 / c0.sum())
    prior = np.log(max(len(pos), 1) / max(len(neg), 1))
    return x_test @ w + prior


def logistic_scores(x_train, y_train, x_test, c: float = 1.0, iterations: int = 500) -> np.ndarray:
    """L2-regularised logistic regression (binary features, rows scaled to unit length)."""

    def prep(x):
        b = (x > 0).astype(float)
        norm = np.sqrt((b ** 2).sum(axis=1, keepdims=True))
        return np.hstack([b / np.where(norm == 0, 1, norm), np.ones((len(b), 1))])

    a, t = prep(x_train), y_train.astype(float)
    w = np.zeros(a.shape[1])
    lam = 1.0 / (c * len(a))
    step = 1.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(a @ w)))
        grad = a.T @ (p - t) / len(a) + lam * np.r_[w[:-1], 0.0]
        w -= step * grad
    return prep(x_test) @ w


def stratified_folds(y: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Fold number per row; each fold has about the same share of positives."""
    rng = np.random.default_rng(seed)
    folds = np.empty(len(y), dtype=np.int64)
    for cls in (0, 1):
        idx = np.flatnonzero(y == cls)
        rng.shuffle(idx)
        folds[idx] = np.arange(len(idx)) % k
    return folds


def cross_validated_scores(docs: list[list[str]], y: np.ndarray, *, k: int = 5, seed: int = 0,
                           model: str = "nb") -> np.ndarray | None:
    """Out-of-fold classifier scores, or None when a class has fewer than 2 texts."""
    n_min = int(min(y.sum(), len(y) - y.sum()))
    k = min(k, n_min)
    if k < 2:
        return None
    folds = stratified_folds(y, k, seed)
    out = np.zeros(len(y))
    fit = naive_bayes_scores if model == "nb" else logistic_scores
    for f in range(k):
        train, test = folds != f, folds == f
        vocab: dict[str, int] = {}
        for i in np.flatnonzero(train):
            for w in docs[i]:
                vocab.setdefault(w, len(vocab))
        x_train = _matrix([docs[i] for i in np.flatnonzero(train)], vocab)
        x_test = _matrix([docs[i] for i in np.flatnonzero(test)], vocab)
        out[test] = fit(x_train, y[train], x_test)
    return out


# --------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------


def validate(labelled: pd.DataFrame, scheme="generic", *, text_col: str = "text", folds: int = 5,
             seed: int = 0, model: str = "nb", negation_window: int | None = None) -> pd.DataFrame:
    """One row per frame: n, n_pos, auc_dict, auc_bow, hit_pos, hit_neg."""
    dictionary = load_scheme(scheme)
    if text_col not in labelled.columns:
        raise ValueError(f"the labels table has no {text_col!r} column")
    names = [c for c in dictionary.categories if c not in dictionary.residual]
    frame_cols = [c for c in names if c in labelled.columns]
    if not frame_cols:
        raise ValueError(f"no label column is named like a frame of {dictionary.name!r}; "
                         f"expected some of {names}")
    texts = labelled[text_col].fillna("").astype(str).tolist()
    corpus = pd.DataFrame({"doc_id": [f"t{i}" for i in range(len(texts))], "text": texts})
    doc = frames(corpus, dictionary, level="document", negation_window=negation_window)
    score = doc.pivot(index="doc_id", columns="frame", values="score").reindex(corpus["doc_id"]).fillna(0.0)
    hits = doc.pivot(index="doc_id", columns="frame", values="n_hits").reindex(corpus["doc_id"]).fillna(0)
    docs = bag_of_words(texts)
    rows = []
    for frame in frame_cols:
        y = _binary(labelled[frame].to_numpy())
        bow = cross_validated_scores(docs, y, k=folds, seed=seed, model=model)
        has_hit = hits[frame].to_numpy() > 0
        rows.append({
            "frame": frame,
            "n": len(y),
            "n_pos": int(y.sum()),
            "auc_dict": roc_auc(score[frame].to_numpy(), y),
            "auc_bow": roc_auc(bow, y) if bow is not None else float("nan"),
            "hit_pos": float(has_hit[y == 1].mean()) if y.sum() else float("nan"),
            "hit_neg": float(has_hit[y == 0].mean()) if (y == 0).any() else float("nan"),
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Self-check sample: illustrative only, written by hand, on topics other than the corpus
# --------------------------------------------------------------------------------------

SELF_CHECK: dict[str, list[str]] = {
    "conflict": [
        "Union leaders and the city council remain at odds over the new contract for bus drivers.",
        "The two neighbouring farmers have been locked in a bitter dispute over water rights for a decade.",
        "Opposition lawmakers accused the transport minister of misleading parliament about the rail project.",
        "Residents clashed with developers at a heated public meeting about the stadium plan.",
        "The coach hit back at critics who said the team had lost its spirit.",
        "Both sides claimed victory after the school board vote ended in a narrow split.",
        "Tensions between the league and the players' association escalated on Monday.",
        "Environmental groups condemned the decision and vowed to fight the pipeline in court.",
        "The feud between the two tech founders spilled onto social media this week.",
        "Teachers rejected the offer, setting up a showdown with the education department.",
        "Supporters and opponents of the new bike lanes shouted at each other outside city hall.",
        "The mayor and the governor traded insults over the delays on the highway.",
    ],
    "human_interest": [
        "Maria, a 34-year-old mother of three, wept as she described losing her home in the flood.",
        "For the Johnson family, the diagnosis changed everything overnight.",
        "Neighbours left flowers and candles at a vigil for the teenager on Sunday evening.",
        "His daughter remembers him as a gentle man who loved gardening and old films.",
        "The survivors, many of them elderly, spent the night in a school gym.",
        "She still keeps her late husband's letters in a shoebox under the bed.",
        "Children at the hospital painted cards for the nurses who cared for them.",
        "Grieving parents gathered outside the courthouse, holding photographs of their son.",
        "The young man said he was terrified but hoped to see his brothers again one day.",
        "Friends described him as a devoted father and a talented musician.",
        "A retired teacher has knitted more than a thousand hats for newborn babies.",
        "Tears streamed down his face as he thanked the strangers who pulled him from the car.",
    ],
    "responsibility": [
        "The report blames the city's water authority for failing to replace the ageing pipes.",
        "Residents say the council is responsible for the flooding and must act now.",
        "Health officials urged the government to take urgent action on hospital waiting times.",
        "The inquiry found that managers had ignored repeated safety warnings.",
        "Campaigners called on ministers to tackle the shortage of affordable housing.",
        "The company accepted full responsibility for the data breach and apologised to customers.",
        "Experts say a solution will require schools and local authorities to work together.",
        "Lawmakers demanded to know who would be held accountable for the failed software project.",
        "The regulator said airlines must do more to help stranded passengers.",
        "Parents blamed the school district for the late buses.",
        "The minister promised new measures to reduce traffic deaths on rural roads.",
        "Critics said the agency failed to act despite clear evidence of fraud.",
    ],
    "morality": [
        "The bishop said society has a moral duty to care for the poor and the sick.",
        "Worshippers gathered at the mosque to pray for rain after months of drought.",
        "Critics called the decision to cut school meals shameful and cruel.",
        "The pastor told his congregation that forgiveness is at the heart of their faith.",
        "Ethics experts warned that the new genetic test raises serious questions.",
        "Parents want schools to teach children the difference between right and wrong.",
        "The rabbi said the community must not turn its back on the hungry.",
        "Many believers see the restoration of the cathedral as an act of devotion to God.",
        "The judge said the scheme was a betrayal of trust driven by pure greed.",
        "Religious leaders urged young people to show honesty and respect in public life.",
        "The campaign argues it is simply wrong to get rich from the suffering of others.",
        "The charity says every human life has dignity, whatever a person has done.",
    ],
    "economic": [
        "The factory closure will cost the region about 800 jobs.",
        "Rising fuel prices have pushed up the cost of living for many households.",
        "The stadium project is now expected to run $40 million over budget.",
        "Farmers warn that the drought could mean heavy financial losses this year.",
        "Tourism revenue fell by a third after the storm damaged the coastal resorts.",
        "The city expects the new rail line to attract investment and create work.",
        "Economists say higher interest rates will slow spending by households.",
        "The strike is costing the airline an estimated €10 million a day.",
        "Small businesses say the new tax will eat into already thin margins.",
        "Property values in the area have doubled in five years.",
        "The hospital expects to end the year 12 million pounds in the red.",
        "Sales of wine and cheese abroad rose sharply after the agreement took effect.",
    ],
    "none": [
        "The museum will open an hour later on Saturdays from next month.",
        "Heavy rain is expected across the north on Tuesday.",
        "The bridge was built in 1932 and repainted last year.",
        "The festival programme includes jazz, folk music and a film night.",
        "Scientists have identified a new species of beetle in the rainforest.",
        "The train leaves the central station at 7.15 every morning.",
        "The library has added a collection of rare maps.",
        "Temperatures will fall below freezing overnight.",
        "The marathon route passes the old harbour and the cathedral.",
        "A new exhibition of photographs opens at the gallery on Friday.",
    ],
}


def self_check_sample() -> pd.DataFrame:
    """The hand-labelled sample as ``text`` + one 0/1 column per generic frame (one label each)."""
    frames_ = [f for f in SELF_CHECK if f != "none"]
    rows = []
    for label, sentences in SELF_CHECK.items():
        for text in sentences:
            rows.append({"text": text, **{f: int(f == label) for f in frames_}})
    return pd.DataFrame(rows)


def format_table(table: pd.DataFrame) -> str:
    shown = table.copy()
    for col in ("auc_dict", "auc_bow", "hit_pos", "hit_neg"):
        shown[col] = shown[col].map(lambda v: "  n/a" if pd.isna(v) else f"{v:.3f}")
    return shown.to_string(index=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", type=Path, help="CSV: a text column and one 0/1 column per frame")
    parser.add_argument("--scheme", default="generic", help="generic, policy, or a dictionary file")
    parser.add_argument("--text-col", default="text")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--model", choices=("nb", "logreg"), default="nb",
                        help="supervised baseline: naive Bayes (nb) or logistic regression (logreg)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--negation-window", type=int, default=None)
    args = parser.parse_args(argv)
    options = dict(text_col=args.text_col, folds=args.folds, seed=args.seed, model=args.model,
                   negation_window=args.negation_window)
    baseline = "naive Bayes" if args.model == "nb" else "logistic regression (L2)"

    if args.labels is None:
        print("No labels file given (--labels PATH): there is nothing to validate.")
        print("Self-check of the harness on a small illustrative sample written by hand "
              "(5 generic frames x 12 sentences + 10 without a frame, topics other than the corpus).")
        print("NOT a validation: the sentences were written alongside the dictionary.\n")
        table = validate(self_check_sample(), "generic", **{**options, "text_col": "text"})
        print(f"scheme: generic | baseline: {baseline}, {args.folds}-fold CV | n = {table['n'].iloc[0]}")
        print(format_table(table))
        checks = [
            roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == 0.75,
            roc_auc([1, 1, 2, 3], [0, 1, 0, 1]) == 0.625,
            bool((table["auc_dict"] > 0.5).all()),
        ]
        print("\nself-check:", "ok" if all(checks) else "FAILED")
        return 0 if all(checks) else 1

    if not args.labels.is_file():
        print(f"error: no labels file at {args.labels}", file=sys.stderr)
        return 2
    labelled = pd.read_csv(args.labels)
    try:
        table = validate(labelled, args.scheme, **options)
    except ValueError as exc:
        print(f"error: {args.labels}: {exc}", file=sys.stderr)
        return 2
    print(f"labels: {args.labels} | scheme: {args.scheme} | baseline: {baseline}, "
          f"{args.folds}-fold CV | n = {len(labelled)}")
    print(format_table(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
