"""Tables that compare groups of documents (outlets, sides, countries).

* :func:`corpus_summary` — what each group holds (articles, words, dates).
* :func:`keyness` — which words one group uses more than the rest (signed χ², G², log ratio),
  following the conventions of quanteda's ``textstat_keyness``.
* :func:`compare` — the mean of any score per group with a seeded bootstrap 95 % interval.
* :func:`kwic` — keywords in context (pre / match / post).

Example
-------
>>> import toolkit
>>> from toolkit import resources
>>> corpus = toolkit.load(resources.corpus_dir()).merge(resources.corpus_groups(), on="doc_id")
>>> int(toolkit.corpus_summary(corpus, by="group").loc["Iran", "n_articles"])
2
"""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np
import pandas as pd

__all__ = ["corpus_summary", "over_time", "keyness", "compare", "kwic"]


def corpus_summary(corpus: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """One row per group: ``n_articles``, ``n_words`` (whitespace words of ``text``),
    ``first_date``, ``last_date``, ``languages`` (comma-separated codes).
    """
    _need(corpus, [by, "doc_id", "text", "date", "language"], "corpus")
    words = corpus["text"].str.split().str.len()
    table = corpus.assign(_words=words).groupby(by, sort=True).agg(
        n_articles=("doc_id", "size"), n_words=("_words", "sum"),
        first_date=("date", "min"), last_date=("date", "max"),
        languages=("language", lambda s: ",".join(sorted(set(s.dropna())))),
    )
    return table.astype({"n_articles": "int64", "n_words": "int64"})


def over_time(corpus: pd.DataFrame, *, by: str = "outlet", freq: str = "D") -> pd.DataFrame:
    """Articles per period and group: columns ``date``, ``by``, ``n_articles``.

    Periods with no article are filled with 0 between the first and last date,
    so a line chart does not hide quiet days. Undated articles are left out.

    >>> df = pd.DataFrame({"date": pd.to_datetime(["2020-01-03", "2020-01-05"]), "outlet": ["A", "A"]})
    >>> over_time(df)["n_articles"].tolist()
    [1, 0, 1]
    """
    _need(corpus, ["date", by], "corpus")
    dated = corpus.dropna(subset=["date"])
    if dated.empty:
        return pd.DataFrame(columns=["date", by, "n_articles"])
    # periods are labelled by their first day (pandas labels weeks by their last day otherwise)
    counts = (dated.groupby([pd.Grouper(key="date", freq=freq, label="left", closed="left"), by]).size()
              .unstack(by, fill_value=0).asfreq(freq, fill_value=0))
    counts.index.name = "date"
    table = counts.stack().rename("n_articles").reset_index()
    return table.sort_values(["date", by], kind="mergesort").reset_index(drop=True).astype({"n_articles": "int64"})


def _need(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{what} has no column {missing[0]!r}; columns are {list(frame.columns)}")


# --------------------------------------------------------------------------- keyness
def _chi2_p(statistic: np.ndarray) -> np.ndarray:
    """Upper tail of χ² with one degree of freedom."""
    return np.array([math.erfc(math.sqrt(max(s, 0.0) / 2.0)) for s in np.abs(statistic)])


_MONTHS = {"january", "february", "march", "april", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
           "dec"} | {m + "." for m in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                                        "dec")}
_NUMBER = r"^[^\w]*\d[\d.,:/\-–]*(?:st|nd|rd|th|s|am|pm|%)?[^\w]*$"  # 3, 2020, 1,000, 3rd, 1990s, 10:30, 5%


def _numbers_dates_punct(tokens: pd.DataFrame, feature: str) -> pd.Series:
    """True for tokens that are numbers, years, month names or punctuation (no letter or digit at all)."""
    words = tokens[feature].astype(str).str.lower()
    months = words.isin(_MONTHS - {"may"})
    if "token" in tokens:  # May the month, not may the verb
        months |= (words == "may") & (tokens["token"].astype(str) == "May")
    return months | words.str.match(_NUMBER) | ~words.str.contains(r"[^\W_]", regex=True)


def keyness(tokens: pd.DataFrame, *, by: str, target, feature: str = "lower", min_count: int = 5,
            drop_stop: bool = True, drop_punct: bool = True, correction: str = "default",
            sort: str = "chi2", keep_numbers: bool = False) -> pd.DataFrame:
    """Words a target group uses more (or less) than everyone else, one row per word.

    ``tokens`` needs ``feature`` and ``by`` columns (merge corpus metadata onto the
    tokens first). ``target`` is one value of ``by`` or a list of values; all
    other rows are the reference. For each word, with ``a``/``b`` its count in
    target/reference and ``c``/``d`` the other tokens there:

    * ``chi2`` — Pearson χ² of the 2×2 table, Yates-corrected by default
      (quanteda's default, equal to R's ``chisq.test(correct=TRUE)``);
    * ``G2`` — log-likelihood G², Williams-corrected by default;
    * ``log_ratio`` — log₂ of the ratio of relative frequencies (Hardie 2014),
      with 0.5 added to zero counts;
    * ``p`` — the p-value of ``chi2`` (1 degree of freedom).

    Scores are signed as in quanteda: positive when the word is more frequent in
    the target than expected, negative when less. ``correction`` is
    ``"default"``, ``"yates"`` (χ² only), ``"williams"`` (G² only) or ``"none"``.
    Words with fewer than ``min_count`` occurrences overall are dropped, and so,
    unless ``keep_numbers=True``, are numbers and years, month names and tokens
    with no letter or digit (punctuation the tokenizer did not flag): they say
    when a text was written more than how it words the event. With
    ``keep_numbers=True`` the table is what it was before this filter existed.

    >>> toks = pd.DataFrame({"lower": list("aaab" "abbb"), "side": ["x"] * 4 + ["y"] * 4})
    >>> keyness(toks, by="side", target="x", min_count=1, drop_stop=False, drop_punct=False)["feature"].tolist()
    ['a', 'b']
    """
    if correction not in ("default", "yates", "williams", "none"):
        raise ValueError(f"correction must be default, yates, williams or none, not {correction!r}")
    _need(tokens, [by, feature], "tokens")
    keep = pd.Series(True, index=tokens.index)
    if drop_stop and "is_stop" in tokens:
        keep &= ~tokens["is_stop"].astype(bool)
    if drop_punct and "is_punct" in tokens:
        keep &= ~tokens["is_punct"].astype(bool)
    if not keep_numbers:
        _need(tokens, [feature], "tokens")
        keep &= ~_numbers_dates_punct(tokens, feature)
    used = tokens.loc[keep, [by, feature]]
    targets = set(target) if isinstance(target, (list, tuple, set)) else {target}
    if not targets & set(used[by].unique()):
        raise ValueError(f"target {target!r} is not a value of column {by!r}")
    in_target = used[by].isin(targets)
    a = used.loc[in_target, feature].value_counts()
    b = used.loc[~in_target, feature].value_counts()
    counts = pd.concat([a.rename("n_target"), b.rename("n_reference")], axis=1).fillna(0)
    counts = counts[(counts.n_target + counts.n_reference) >= min_count]
    a = counts.n_target.to_numpy(float)
    b = counts.n_reference.to_numpy(float)
    c = in_target.sum() - a
    d = (~in_target).sum() - b
    n = a + b + c + d
    observed = np.stack([a, b, c, d])
    expected = np.stack([(a + b) * (a + c), (a + b) * (b + d), (c + d) * (a + c), (c + d) * (b + d)]) / n
    sign = np.where(a > expected[0], 1.0, -1.0)

    deviation = np.abs(observed - expected)
    yates = np.minimum(0.5, deviation[0]) if correction in ("default", "yates") else 0.0
    chi2 = ((deviation - yates) ** 2 / expected).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2.0 * np.where(observed > 0, observed * np.log(observed / expected), 0.0).sum(axis=0)
    if correction in ("default", "williams"):
        q = 1 + (n * (1 / (a + b) + 1 / (c + d)) - 1) * (n * (1 / (a + c) + 1 / (b + d)) - 1) / (6 * n)
        g2 = g2 / q
    total_t, total_r = in_target.sum(), (~in_target).sum()
    log_ratio = np.log2((np.where(a == 0, 0.5, a) / total_t) / (np.where(b == 0, 0.5, b) / total_r))
    table = pd.DataFrame({
        "feature": counts.index.astype(str), "chi2": sign * chi2, "p": _chi2_p(chi2), "G2": sign * g2,
        "log_ratio": log_ratio, "n_target": a.astype("int64"), "n_reference": b.astype("int64"),
    })
    if sort:
        table = table.sort_values([sort, "feature"], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True)


# --------------------------------------------------------------------------- grouped means
def compare(scores: pd.DataFrame, *, by: str | list[str], value: str, cluster: str | None = None,
            n_boot: int = 2000, ci: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Mean of ``value`` per group with a percentile bootstrap confidence interval.

    ``cluster`` (e.g. ``"doc_id"``) resamples whole documents instead of rows,
    which is right when rows are sentences: sentences of one article are not
    independent. The bootstrap is seeded: the same call gives the same interval.
    Rows where ``value`` is missing (e.g. non-English sentences) are left out and
    counted in ``n_missing``.

    Returns one row per group: ``n`` (rows used), ``n_clusters``, ``mean``,
    ``ci_low``, ``ci_high``, ``n_missing``.

    >>> df = pd.DataFrame({"g": ["a"] * 4 + ["b"] * 4, "v": [1, 2, 3, 4, 5, 6, 7, 8]})
    >>> compare(df, by="g", value="v")["mean"].tolist()
    [2.5, 6.5]
    """
    keys = [by] if isinstance(by, str) else list(by)
    _need(scores, keys + [value] + ([cluster] if cluster else []), "scores")
    if not 0 < ci < 1:
        raise ValueError("ci must be between 0 and 1")
    rows = []
    for index, (group, frame) in enumerate(scores.groupby(keys, sort=True, dropna=False)):
        values = frame[value].astype(float)
        missing = int(values.isna().sum())
        frame = frame.loc[values.notna()]
        values = values.dropna().to_numpy()
        # One generator per group, seeded from the call's seed and the group's position.
        rng = np.random.default_rng([seed, index])
        if cluster:
            sums = frame.groupby(cluster, sort=True)[value].agg(["sum", "size"]).to_numpy(float)
            n_clusters = len(sums)
            if n_clusters:
                draw = rng.integers(0, n_clusters, size=(n_boot, n_clusters))
                boot = sums[draw, 0].sum(axis=1) / sums[draw, 1].sum(axis=1)
        else:
            n_clusters = len(values)
            if n_clusters:
                boot = values[rng.integers(0, n_clusters, size=(n_boot, n_clusters))].mean(axis=1)
        alpha = (1 - ci) / 2
        low, high = (np.quantile(boot, [alpha, 1 - alpha]) if n_clusters > 1 else (np.nan, np.nan))
        rows.append({**dict(zip(keys, group if isinstance(group, tuple) else (group,))),
                     "n": len(values), "n_clusters": n_clusters,
                     "mean": float(values.mean()) if len(values) else np.nan,
                     "ci_low": float(low), "ci_high": float(high), "n_missing": missing})
    return pd.DataFrame(rows, columns=keys + ["n", "n_clusters", "mean", "ci_low", "ci_high", "n_missing"])


# --------------------------------------------------------------------------- concordance
def kwic(tokens: pd.DataFrame, pattern: str | list[str], *, window: int = 5,
         corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Keywords in context: one row per match with ``pre``, ``match`` and ``post``.

    ``pattern`` is a word, a glob (``assassinat*``) or a phrase (``"Quds Force"``),
    or a list of them, matched case-insensitively like dictionary patterns.
    ``window`` tokens are shown on each side, within the same document. With the
    ``corpus``, ``match`` is the exact surface text (``text[start:end]``).

    Columns: ``doc_id``, ``sent_id``, ``token_id``, ``start``, ``end``, ``pre``,
    ``match``, ``post``, ``pattern``.
    """
    from .framing import Dictionary, lookup

    patterns = [pattern] if isinstance(pattern, str) else list(pattern)
    hits = lookup(tokens, Dictionary.from_dict({"kwic": patterns}))
    columns = ["doc_id", "sent_id", "token_id", "start", "end", "pre", "match", "post", "pattern"]
    if hits.empty:
        return pd.DataFrame(columns=columns)
    texts = corpus.set_index("doc_id")["text"] if corpus is not None else None
    rows = []
    for doc_id, doc_hits in hits.groupby("doc_id", sort=False):
        doc = tokens.loc[tokens["doc_id"] == doc_id].sort_values("token_id")
        words = doc["token"].tolist()
        ids = doc["token_id"].to_numpy()
        ends = doc["end"].to_numpy()
        for hit in doc_hits.itertuples():
            first = int(np.searchsorted(ids, hit.token_id))
            last = int(np.searchsorted(ends, hit.end))  # token that ends the match
            match = texts[doc_id][hit.start:hit.end] if texts is not None else " ".join(words[first:last + 1])
            rows.append({"doc_id": doc_id, "sent_id": hit.sent_id, "token_id": hit.token_id,
                         "start": hit.start, "end": hit.end,
                         "pre": " ".join(words[max(0, first - window):first]), "match": match,
                         "post": " ".join(words[last + 1:last + 1 + window]), "pattern": hit.pattern})
    return pd.DataFrame(rows, columns=columns)
