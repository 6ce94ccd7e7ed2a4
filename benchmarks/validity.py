"""Do the toolkit's sentiment scores agree with human readers?

Compares ``toolkit.sentiment.sentiment`` with the human ratings VADER was
validated on (Hutto & Gilbert, ICWSM 2014): 5,190 sentences from New York Times
opinion articles, each rated by 20+ people from −4 to +4. The data live in
``../shared/eval/vader_nyt_editorials`` (see the README there); they are read
only here and in tests, never shipped. Without that folder the script says so
and exits 0.

Figures, for the reference VADER (``method="vader"``), NLTK's VADER
(``method="nltk"``), the news-calibrated variant (``method="vader-calibrated"``)
and a majority-class baseline:

* Pearson r and Spearman rho between the score (``compound``, or ``calibrated``)
  and the mean human rating;
* accuracy, macro F1 and weighted F1 on three classes, with the paper's rule:
  gold ``mean/4 ≥ 0.05`` positive, ``≤ −0.05`` negative, else neutral; scores
  with the same ±0.05 cut-offs (the calibrated score with the cut-offs fitted on
  the training half, see below). The paper's "overall F1" is a weighted
  average, so compare it with weighted F1;

on the full set and on the held-out test half of an article-level split, with
95% bootstrap intervals on the test half (articles resampled) for r and
weighted F1, and for the calibrated-minus-reference differences.

``--fit`` re-fits the calibration on the training half and writes
``data/lexicons/vader_news_calibration.json`` (deterministic; sorted keys).
The calibration (see :func:`fit_calibration`): the predicted human rating is
``a + b·compound + c·pos + d·neg + Σ shift[word]·m`` over the sentence's VADER
lexicon words, ``m`` being the occurrence's valence after VADER's rules divided
by its lexicon valence. ``a``–``d`` are least squares, the word shifts are
ridge-shrunk (strength chosen by 5-fold cross-validation over training
articles), and the 3-class cut-offs maximise weighted F1 on the cross-validated
training predictions. Nothing of the test half is used. Stability: the same
fit is repeated on five different article splits (seeds 0–4).

Run:  .venv/bin/python benchmarks/validity.py [--fit] [--boot 2000] [--seeds 5]
"""
from __future__ import annotations

import argparse
import json
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.sentiment import sentiment, vader_scores  # noqa: E402
from toolkit.sentiment.calibration import _calibrated_score, _calibration_terms  # noqa: E402

EVAL_DIR = ROOT.parent / "shared" / "eval" / "vader_nyt_editorials"
GROUND_TRUTH = "nytEditorialSnippets_GroundTruth.txt"
CALIBRATION_PATH = ROOT / "data" / "lexicons" / "vader_news_calibration.json"

VERSION = "vader-news-calibration/1"
SPLIT_SEED = 0            # the split the shipped calibration is fitted on
SCALE = 4.0               # human ratings run from −4 to +4
MIN_COUNT = 2             # a lexicon word gets a shift if it occurs ≥ this often in the fit rows
LAMBDAS = (1.0, 3.0, 10.0, 30.0, 100.0)   # ridge strengths tried by cross-validation
FOLDS = 5
THRESHOLD_GRID = np.round(np.arange(-0.30, 0.3001, 0.01), 2)
BOOT_SEED = 20140601
GOLD_CUT = 0.05           # the paper's rule (on mean/4, and on compound)

SPLIT_RULE = ("article ids (the part of the snippet id before '_') sorted as numbers, shuffled with "
              "numpy.random.default_rng(seed).permutation; the first floor(n/2) articles are train, "
              "the rest test; every sentence goes with its article")

PAPER = [  # Hutto & Gilbert 2014, Table 4, NY Times editorials (5,190 snippets)
    ("paper: VADER (2014)", 0.492, 0.55),
    ("paper: individual humans", 0.745, 0.65),
]

# --------------------------------------------------------------------------------------
# Data and split
# --------------------------------------------------------------------------------------


def load_ground_truth(folder: Path = EVAL_DIR) -> pd.DataFrame:
    """The snippets as a table: ``id``, ``article``, ``rating`` (−4..+4), ``text``."""
    raw = (Path(folder) / GROUND_TRUTH).read_text(encoding="utf-8")
    rows = []
    for line in raw.split("\n"):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        sid, rating, text = line.split("\t", 2)
        rows.append((sid, sid.split("_")[0], float(rating), text))
    return pd.DataFrame(rows, columns=["id", "article", "rating", "text"])


def article_order(articles, seed: int) -> np.ndarray:
    """The distinct article ids, sorted as numbers and shuffled with ``seed``."""
    ids = sorted(set(articles), key=lambda a: (int(a), a) if a.isdigit() else (float("inf"), a))
    return np.random.default_rng(seed).permutation(np.array(ids, dtype=object))


def split_articles(articles, seed: int) -> np.ndarray:
    """Boolean mask over sentences: True = train half (see ``SPLIT_RULE``)."""
    order = article_order(articles, seed)
    train = set(order[: len(order) // 2].tolist())
    return np.fromiter((a in train for a in articles), dtype=bool, count=len(articles))


# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------


def three_class(score, lo: float = -GOLD_CUT, hi: float = GOLD_CUT) -> np.ndarray:
    """0 = negative (≤ lo), 1 = neutral, 2 = positive (≥ hi)."""
    s = np.asarray(score, dtype=float)
    return np.where(s >= hi, 2, np.where(s <= lo, 0, 1))


def pearson(x, y) -> float:
    x = np.asarray(x, dtype=float) - np.mean(x)
    y = np.asarray(y, dtype=float) - np.mean(y)
    den = np.sqrt((x * x).sum() * (y * y).sum())
    return float((x * y).sum() / den) if den > 0 else float("nan")


def spearman(x, y) -> float:
    """Pearson r of the ranks (ties get their average rank)."""
    return pearson(pd.Series(x).rank().to_numpy(), pd.Series(y).rank().to_numpy())


def _f1_from_confusion(conf: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Accuracy, macro F1, weighted F1 from confusion counts ``[..., gold, pred]``."""
    tp = np.diagonal(conf, axis1=-2, axis2=-1)
    support = conf.sum(-1)
    predicted = conf.sum(-2)
    denom = support + predicted
    f1 = np.divide(2 * tp, denom, out=np.zeros(tp.shape), where=denom > 0)
    total = support.sum(-1)
    acc = tp.sum(-1) / total
    return acc, f1.mean(-1), (f1 * support).sum(-1) / total


def confusion(gold, pred) -> np.ndarray:
    return np.bincount(np.asarray(gold) * 3 + np.asarray(pred), minlength=9).reshape(3, 3)


def class_scores(gold, pred) -> tuple[float, float, float]:
    acc, macro, weighted = _f1_from_confusion(confusion(gold, pred).astype(float))
    return float(acc), float(macro), float(weighted)


def best_thresholds(score, gold, grid: np.ndarray = THRESHOLD_GRID) -> tuple[float, float]:
    """The (lo, hi) pair of ``grid`` (lo < hi) with the highest weighted F1; first on ties."""
    s = np.asarray(score, dtype=float)
    gold = np.asarray(gold)
    lo, hi = np.meshgrid(grid, grid, indexing="ij")
    ok = lo < hi
    lo, hi = lo[ok], hi[ok]
    conf = np.zeros((len(lo), 3, 3))
    for g in range(3):
        sg = np.sort(s[gold == g])
        n_neg = np.searchsorted(sg, lo, side="right")
        n_pos = len(sg) - np.searchsorted(sg, hi, side="left")
        conf[:, g, 0], conf[:, g, 2] = n_neg, n_pos
        conf[:, g, 1] = len(sg) - n_neg - n_pos
    weighted = _f1_from_confusion(conf)[2]
    k = int(np.argmax(weighted))
    return float(lo[k]), float(hi[k])


# --------------------------------------------------------------------------------------
# The calibration
# --------------------------------------------------------------------------------------


class Scored:
    """Reference VADER outputs and the per-word terms the calibration needs."""

    def __init__(self, texts: list[str], rating=None):
        self.neg, self.neu, self.pos, self.compound, self.ex = vader_scores(texts, explain=True)
        self.rating = None if rating is None else np.asarray(rating, dtype=float)
        self.n = len(texts)
        self.sent, (self.words, self.inverse), self.mult = _calibration_terms(self.ex)
        self.base = np.column_stack([np.ones(self.n), self.compound, self.pos, self.neg])

    def word_matrix(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Words occurring ≥ MIN_COUNT times in ``rows`` and the sentence × word matrix of Σ m."""
        in_rows = rows[self.sent]
        counts = np.bincount(self.inverse[in_rows], minlength=len(self.words))
        keep = np.flatnonzero(counts >= MIN_COUNT)
        column = np.full(len(self.words), -1)
        column[keep] = np.arange(len(keep))
        occ = column[self.inverse] >= 0
        W = np.zeros((self.n, len(keep)))
        np.add.at(W, (self.sent[occ], column[self.inverse[occ]]), self.mult[occ])
        return self.words[keep], W


def _ridge(scored: Scored, rows: np.ndarray, lam: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fit on ``rows``: base coefficients (unpenalised), word list, word shifts (L2 = lam)."""
    words, W = scored.word_matrix(rows)
    X = np.column_stack([scored.base, W])[rows]
    y = scored.rating[rows]
    penalty = np.r_[np.zeros(scored.base.shape[1]), np.full(len(words), lam)]
    beta = np.linalg.solve(X.T @ X + np.diag(penalty), X.T @ y)
    return beta[: scored.base.shape[1]], words, beta[scored.base.shape[1]:]


def _predict(scored: Scored, base: np.ndarray, words: np.ndarray, shifts: np.ndarray) -> np.ndarray:
    lookup = dict(zip(words.tolist(), shifts.tolist()))
    per_word = np.array([lookup.get(w, 0.0) for w in scored.words.tolist()])
    return scored.base @ base + np.bincount(scored.sent, weights=per_word[scored.inverse] * scored.mult,
                                            minlength=scored.n)


def fit_calibration(data: pd.DataFrame, seed: int = SPLIT_SEED, scored: Scored | None = None) -> dict:
    """Fit the calibration on the train half of split ``seed``; returns the JSON content.

    1. Ridge strength: 5-fold cross-validation over training articles (train
       articles in split order, the k-th to fold k mod 5); each fold's word list
       comes from its own fitting rows; the strength of ``LAMBDAS`` with the
       lowest out-of-fold squared error wins (the smaller on ties).
    2. Coefficients and word shifts: one fit on all training sentences.
    3. Cut-offs for the 3-class label: the pair on a 0.01 grid in −0.3..0.3 that
       maximises weighted F1 of the out-of-fold calibrated scores (step 1, chosen
       strength) against the training sentences' gold classes.
    """
    if scored is None:
        scored = Scored(data["text"].tolist(), data["rating"])
    articles = data["article"].tolist()
    train = split_articles(articles, seed)
    order = article_order(articles, seed).tolist()[: len(set(articles)) // 2]
    fold_of = {a: k % FOLDS for k, a in enumerate(order)}
    fold = np.array([fold_of.get(a, -1) for a in articles])
    oof = {lam: np.full(scored.n, np.nan) for lam in LAMBDAS}
    for k in range(FOLDS):
        fit_rows, held = train & (fold != k), fold == k
        for lam in LAMBDAS:
            base, words, shifts = _ridge(scored, fit_rows, lam)
            oof[lam][held] = _predict(scored, base, words, shifts)[held]
    cv_mse = {lam: float(np.mean((oof[lam][train] - scored.rating[train]) ** 2)) for lam in LAMBDAS}
    lam = min(LAMBDAS, key=lambda v: (cv_mse[v], v))
    base, words, shifts = _ridge(scored, train, lam)
    gold = three_class(scored.rating / SCALE)
    lo, hi = best_thresholds(np.clip(oof[lam][train] / SCALE, -1, 1), gold[train])

    def r6(x: float) -> float:
        return round(float(x), 6) + 0.0

    shift = {w: round(float(s), 4) + 0.0 for w, s in zip(words.tolist(), shifts.tolist())}
    train_ids = sorted(set(np.asarray(articles, dtype=object)[train].tolist()), key=int)
    return {
        "version": VERSION,
        "fitted_on": ("New York Times opinion-article sentences rated by 20+ people each on -4..+4 "
                      "(Hutto & Gilbert, ICWSM 2014, nytEditorialSnippets_GroundTruth.txt): "
                      f"train half only, {int(train.sum())} sentences from {len(train_ids)} articles"),
        "reference": "VADER as in vaderSentiment 3.3.2 (toolkit.vader): neg, pos, compound and "
                     "per-word valences are the reference's",
        "split_rule": f"{SPLIT_RULE}; seed {seed}",
        "split_seed": seed,
        "train_articles": " ".join(train_ids),
        "formula": ("rating = intercept + compound*c_compound + pos*c_pos + neg*c_neg "
                    "+ sum over the sentence's VADER lexicon words of word_shift[word]*m, where m = "
                    "the word's valence after VADER's rules / its lexicon valence (words without a "
                    "shift add 0); calibrated = clip(rating / scale, -1, 1); label: calibrated >= "
                    "thresholds.positive -> positive, <= thresholds.negative -> negative, else neutral"),
        "fit": (f"intercept and c_* by least squares, word_shift ridge-shrunk towards 0 "
                f"(lambda chosen from {list(LAMBDAS)} by {FOLDS}-fold cross-validation over training "
                f"articles, lowest squared error); words: lexicon words occurring >= {MIN_COUNT} "
                "times in the training sentences; thresholds: grid -0.30..0.30 step 0.01 maximising "
                "weighted F1 of the cross-validated training predictions against the paper's 3 "
                "classes (gold mean/4 >= 0.05 positive, <= -0.05 negative)"),
        "scale": SCALE,
        "coefficients": {"intercept": r6(base[0]), "compound": r6(base[1]), "pos": r6(base[2]),
                         "neg": r6(base[3])},
        "ridge_lambda": lam,
        "cv_mse": {format(v, "g"): r6(cv_mse[v]) for v in LAMBDAS},
        "min_count": MIN_COUNT,
        "thresholds": {"negative": lo, "positive": hi},
        "word_shift": shift,
    }


def calibration_json(params: dict) -> str:
    """The file's text: sorted keys, one item per line, trailing newline."""
    return json.dumps(params, sort_keys=True, indent=1, ensure_ascii=True) + "\n"


def calibrated_scores(scored: Scored, params: dict) -> np.ndarray:
    """``calibrated`` exactly as ``sentiment(method="vader-calibrated")`` computes it."""
    return _calibrated_score(scored.neg, scored.pos, scored.compound, scored.ex, params)


# --------------------------------------------------------------------------------------
# Bootstrap over articles
# --------------------------------------------------------------------------------------


def bootstrap(articles, y, gold, methods: dict, n_boot: int, seed: int = BOOT_SEED) -> dict:
    """Percentile 95% intervals of r and weighted F1 (articles resampled; same draws for all).

    ``methods`` maps a name to ``(score or None, predicted class)``. Also gives the
    interval of each method's difference to the first method.
    """
    codes, index = np.unique(np.asarray(articles, dtype=object), return_inverse=True)
    A = len(codes)
    draws = np.random.default_rng(seed).integers(0, A, size=(n_boot, A))
    weights = np.zeros((n_boot, A))
    np.add.at(weights, (np.repeat(np.arange(n_boot), A), draws.ravel()), 1.0)
    stats = {}
    for name, (score, pred) in methods.items():
        conf = np.zeros((A, 9))
        np.add.at(conf, (index, np.asarray(gold) * 3 + pred), 1.0)
        wf1 = _f1_from_confusion((weights @ conf).reshape(n_boot, 3, 3))[2]
        r = None
        if score is not None:
            x = np.asarray(score, dtype=float)
            cols = np.stack([np.ones_like(x), x, y, x * x, y * y, x * y], axis=1)
            per = np.zeros((A, 6))
            np.add.at(per, index, cols)
            n, sx, sy, sxx, syy, sxy = (weights @ per).T
            r = (n * sxy - sx * sy) / np.sqrt((n * sxx - sx ** 2) * (n * syy - sy ** 2))
        stats[name] = (r, wf1)
    first = next(iter(stats))
    out = {}
    for name, (r, wf1) in stats.items():
        ci = {"r": None if r is None else np.percentile(r, [2.5, 97.5]),
              "wf1": np.percentile(wf1, [2.5, 97.5])}
        if name != first:
            r0, w0 = stats[first]
            ci["d_r"] = None if r is None or r0 is None else np.percentile(r - r0, [2.5, 97.5])
            ci["d_wf1"] = np.percentile(wf1 - w0, [2.5, 97.5])
        out[name] = ci
    return out


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------


def _row(label: str, part: str, n: int, r, rho, acc, macro, wf1) -> str:
    def f(x, spec=".3f"):
        return "—" if x is None or (isinstance(x, float) and np.isnan(x)) else format(x, spec)

    return (f"{label:<28} {part:<5} {n:>5}  {f(r):>6} {f(rho):>6}  {f(acc):>6} {f(macro):>8} "
            f"{f(wf1):>6}")


def evaluate(data: pd.DataFrame, params: dict, n_boot: int, n_seeds: int) -> str:
    y = data["rating"].to_numpy(dtype=float)
    gold = three_class(y / SCALE)
    articles = data["article"].tolist()
    train = split_articles(articles, SPLIT_SEED)
    test = ~train
    table = data[["article", "text"]].rename(columns={"article": "doc_id"})
    table.insert(1, "sent_id", np.arange(len(table)))
    ref = sentiment(table, method="vader", evidence=False)["compound"].to_numpy()
    nltk = sentiment(table, method="nltk", evidence=False)["compound"].to_numpy()
    cal_frame = sentiment(table, method="vader-calibrated", evidence=False)
    cal = cal_frame["calibrated"].to_numpy()
    assert np.array_equal(cal_frame["compound"].to_numpy(), ref)
    lo, hi = params["thresholds"]["negative"], params["thresholds"]["positive"]
    methods = {
        "reference VADER (vader)": (ref, three_class(ref)),
        "NLTK VADER (nltk)": (nltk, three_class(nltk)),
        "vader-calibrated": (cal, three_class(cal, lo, hi)),
    }
    out = []
    n_art = len(set(articles))
    out.append("Sentiment validity against human ratings: VADER's NYT editorial snippets "
               "(Hutto & Gilbert 2014)")
    out.append(f"{len(data):,} sentences from {n_art} articles; gold = mean rating of 20+ raters "
               "(-4..+4).")
    out.append("3 classes (paper's rule): gold mean/4 >= 0.05 positive, <= -0.05 negative, else "
               "neutral; compound at the same +-0.05;")
    out.append(f"calibrated at its cut-offs fitted on the train half (<= {lo:g} negative, "
               f">= {hi:g} positive).")
    out += textwrap.wrap(f"Split by article (seed {SPLIT_SEED}): {SPLIT_RULE}.", width=100,
                         subsequent_indent="  ")
    out.append(f"  train: {int(train.sum()):,} sentences / {len(set(np.array(articles)[train]))} "
               f"articles   test: {int(test.sum()):,} sentences / {len(set(np.array(articles)[test]))} "
               "articles")
    out.append("")
    header = (f"{'method':<28} {'set':<5} {'n':>5}  {'r':>6} {'rho':>6}  {'acc':>6} {'macroF1':>8} "
              f"{'wF1':>6}")
    out += [header, "-" * len(header)]
    for label, r, f1 in PAPER:
        out.append(_row(label, "full", len(data), r, None, None, None, f1))
    for part, mask in (("full", np.ones(len(data), bool)), ("test", test)):
        for name, (score, pred) in methods.items():
            label = name + (" *" if name == "vader-calibrated" and part == "full" else "")
            out.append(_row(label, part, int(mask.sum()), pearson(score[mask], y[mask]),
                            spearman(score[mask], y[mask]), *class_scores(gold[mask], pred[mask])))
        majority = np.bincount(gold[train if part == "test" else mask], minlength=3).argmax()
        out.append(_row(f"majority class ({['negative', 'neutral', 'positive'][majority]})", part,
                        int(mask.sum()), None, None,
                        *class_scores(gold[mask], np.full(int(mask.sum()), majority))))
    out.append("")
    out.append("paper: Pearson r to the raters' mean and 'overall F1' (a weighted average) from its "
               "Table 4; '—' = not reported / undefined.")
    out.append("* the full set contains the calibration's training half: not a fair comparison; "
               "use the test rows.")
    out.append("majority class on test: the most frequent class of the train half.")

    # bootstrap on the test half
    maj = np.bincount(gold[train], minlength=3).argmax()
    boot_methods = {name: (score[test], pred[test]) for name, (score, pred) in methods.items()}
    boot_methods["majority class"] = (None, np.full(int(test.sum()), maj))
    ci = bootstrap(np.asarray(articles, dtype=object)[test], y[test], gold[test], boot_methods, n_boot)
    out.append("")
    out.append(f"95% bootstrap intervals on the test half ({n_boot} resamples of its "
               f"{len(set(np.array(articles)[test]))} articles, seed {BOOT_SEED}; percentile):")
    for name, c in ci.items():
        r_txt = "—" if c["r"] is None else f"[{c['r'][0]:.3f}, {c['r'][1]:.3f}]"
        line = f"  {name:<26} r {r_txt:<16} wF1 [{c['wf1'][0]:.3f}, {c['wf1'][1]:.3f}]"
        if "d_wf1" in c:
            d_r = "—" if c["d_r"] is None else f"[{c['d_r'][0]:+.3f}, {c['d_r'][1]:+.3f}]"
            line += f"   minus reference: r {d_r}, wF1 [{c['d_wf1'][0]:+.3f}, {c['d_wf1'][1]:+.3f}]"
        out.append(line)

    # stability over splits
    scored = Scored(data["text"].tolist(), y)
    out.append("")
    out.append(f"Stability: the calibration re-fitted on the train half of {n_seeds} article splits "
               "(seeds 0..), scored on that split's test half:")
    out.append(f"  {'seed':>4} {'lambda':>6} {'cut-offs':>13}  {'r ref':>6} {'r cal':>6} {'d r':>7}"
               f"  {'wF1 ref':>7} {'wF1 cal':>7} {'d wF1':>7}")
    d_r, d_f = [], []
    for seed in range(n_seeds):
        p = params if seed == SPLIT_SEED else fit_calibration(data, seed, scored)
        tr = split_articles(articles, seed)
        te = ~tr
        c = calibrated_scores(scored, p)
        t = p["thresholds"]
        r0, r1 = pearson(scored.compound[te], y[te]), pearson(c[te], y[te])
        f0 = class_scores(gold[te], three_class(scored.compound[te]))[2]
        f1 = class_scores(gold[te], three_class(c[te], t["negative"], t["positive"]))[2]
        d_r.append(r1 - r0)
        d_f.append(f1 - f0)
        cut = f"{t['negative']:+.2f}/{t['positive']:+.2f}"
        out.append(f"  {seed:>4} {p['ridge_lambda']:>6g} {cut:>13}  {r0:>6.3f} {r1:>6.3f} {r1 - r0:>+7.3f}"
                   f"  {f0:>7.3f} {f1:>7.3f} {f1 - f0:>+7.3f}")
    out.append(f"  improvement over {n_seeds} splits: r mean {np.mean(d_r):+.3f}, min {np.min(d_r):+.3f};"
               f" weighted F1 mean {np.mean(d_f):+.3f}, min {np.min(d_f):+.3f}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fit", action="store_true",
                        help=f"re-fit the calibration and write {CALIBRATION_PATH.relative_to(ROOT)}")
    parser.add_argument("--boot", type=int, default=2000, help="bootstrap resamples (default 2000)")
    parser.add_argument("--seeds", type=int, default=5, help="article splits for the stability check")
    parser.add_argument("--data", type=Path, default=EVAL_DIR, help="folder with the ground truth")
    args = parser.parse_args(argv)
    if not (args.data / GROUND_TRUTH).is_file():
        print(f"No human-rated data at {args.data} (needs {GROUND_TRUTH}); nothing to validate. "
              "Put VADER's NYT editorial snippets in ../shared/eval/vader_nyt_editorials to run this.")
        return 0
    start = time.perf_counter()
    data = load_ground_truth(args.data)
    params = fit_calibration(data, SPLIT_SEED)
    text = calibration_json(params)
    if args.fit:
        CALIBRATION_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {CALIBRATION_PATH.relative_to(ROOT)} ({len(params['word_shift'])} word shifts, "
              f"lambda {params['ridge_lambda']:g})\n")
    elif not CALIBRATION_PATH.is_file() or CALIBRATION_PATH.read_text(encoding="utf-8") != text:
        print(f"WARNING: {CALIBRATION_PATH.relative_to(ROOT)} differs from a fresh fit; "
              "run with --fit\n")
    from toolkit import resources

    resources.vader_calibration.cache_clear()
    print(evaluate(data, resources.vader_calibration(), args.boot, args.seeds))
    print(f"\n({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
