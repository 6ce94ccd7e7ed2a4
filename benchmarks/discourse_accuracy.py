"""Accuracy of the discourse measures against the development gold files of ``tests/data``.

    python benchmarks/discourse_accuracy.py [-v]

prints one line per measure. For quotations (``tests/data/quotes_gold.csv``,
137 quotations of the bundled corpus, see ``tests/data/README.md``): a found
quotation matches a gold one of the same document and part when at least 30 %
of their words overlap (words shared / words of the longer one; each found
quotation matches at most one gold quotation, the best still free);
precision, recall and F1 over those matches; and the share of matched
quotations whose speaker is right (the gold ``speaker_name``, or the gold
phrase when it is empty, and the found ``speaker`` share their content words:
one contained in the other, or half of all their words). ``-v`` lists the
matched quotations whose speaker is wrong. For agency (``tests/data/agency_gold.csv``,
the event words of the bundled corpus): the share of gold event words found,
the share classed right, and the share of named doers the agent names
(:func:`agency_scores`).

These are development files of the corpus the rules are written on, with one
annotator: use the figures to catch regressions, not as held-out accuracy.
"""
from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import toolkit  # noqa: E402
from toolkit import resources  # noqa: E402

QUOTES_GOLD = ROOT / "tests" / "data" / "quotes_gold.csv"
MATCH_OVERLAP = 0.3
_WORD = re.compile(r"\w+")
_SPEAKER_STOP = frozenset({"the", "of", "a", "an", "s", "mr", "ms", "mrs", "dr"})


#: quote figures measured on the same gold file with earlier rules: (P, R, F1, speaker accuracy)
QUOTES_BEFORE = {
    "token rules before issue 13 (63a644e^)": (0.75, 0.71, 0.73, 0.81),
    "parse speakers, token-based extents (19a5bfb)": (0.75, 0.72, 0.74, 0.90),
}


def words(text: Any) -> list[str]:
    return [w.lower() for w in _WORD.findall(text if isinstance(text, str) else "")]


def overlap(a: Any, b: Any) -> float:
    """Words shared by two quotations over the words of the longer one."""
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), len(wb))


def same_speaker(gold_name: Any, gold_phrase: Any, found: Any) -> bool:
    """The found speaker names the gold one (its name, else its phrase)."""
    if not isinstance(found, str) or not found:
        return False
    g = set(words(gold_name if isinstance(gold_name, str) and gold_name else gold_phrase)) - _SPEAKER_STOP
    p = set(words(found)) - _SPEAKER_STOP
    return bool(g and p and (g <= p or p <= g or len(g & p) / len(g | p) >= 0.5))


def match_quotes(gold: pd.DataFrame, found: pd.DataFrame) -> list[tuple[Any, pd.Series]]:
    """``(gold row, found row)`` pairs: for each gold quotation in file order, the free found
    quotation of the same document and part with the largest overlap, if it reaches 30 %."""
    used: set[int] = set()
    pairs = []
    for g in gold.itertuples():
        cands = found[(found["doc_id"] == g.doc_id) & (found["part"] == g.part)]
        best, best_i = 0.0, None
        for i, quote in zip(cands.index, cands["quote"]):
            o = overlap(g.quote, quote)
            if o > best and i not in used:
                best, best_i = o, i
        if best_i is not None and best >= MATCH_OVERLAP:
            used.add(best_i)
            pairs.append((g, found.loc[best_i]))
    return pairs


def quotes_scores(corpus: pd.DataFrame | None = None, found: pd.DataFrame | None = None) -> dict[str, Any]:
    """Precision, recall, F1 and speaker accuracy of :func:`toolkit.quotes` on the gold file."""
    gold = pd.read_csv(QUOTES_GOLD)
    if found is None:
        if corpus is None:
            corpus = toolkit.load(resources.corpus_dir())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # the Russian document is skipped
            found = toolkit.quotes(corpus)
    pairs = match_quotes(gold, found)
    p = len(pairs) / max(len(found), 1)
    r = len(pairs) / len(gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    right = [same_speaker(g.speaker_name, g.speaker, q["speaker"]) for g, q in pairs]
    return {"precision": p, "recall": r, "f1": f, "n_gold": len(gold), "n_found": len(found),
            "n_matched": len(pairs), "speaker_accuracy": sum(right) / max(len(pairs), 1),
            "wrong_speakers": [(g, q) for (g, q), ok in zip(pairs, right) if not ok], "found": found}


AGENCY_GOLD = ROOT / "tests" / "data" / "agency_gold.csv"
_ARTICLES = {"the", "a", "an"}


def same_doer(gold: Any, found: Any) -> bool:
    """The found agent names the gold doer: they share a content word ("US forces" / "the US")."""
    if not isinstance(gold, str) or not isinstance(found, str):
        return False
    return bool((set(words(gold)) - _ARTICLES) & (set(words(found)) - _ARTICLES))


def agency_scores(found: pd.DataFrame | None = None) -> dict[str, Any]:
    """Event words found, class accuracy and doer accuracy of :func:`toolkit.agency` on the gold file.

    A gold event word is found when a row of the same document and part overlaps
    its span; ``class_accuracy`` is over the found ones; ``doer`` is the share of
    gold words whose sentence names a doer for which the found agent names it.
    """
    gold = pd.read_csv(AGENCY_GOLD)
    gold = gold[gold["agency"] != "not_event"]
    if found is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            found = toolkit.agency(toolkit.load(resources.corpus_dir()))
    pairs = gold.merge(found, on=["doc_id", "part"], suffixes=("_gold", ""))
    pairs = pairs[(pairs["start"] < pairs["end_gold"]) & (pairs["end"] > pairs["start_gold"])]
    pairs = pairs.drop_duplicates(["doc_id", "part", "start_gold"])
    named = pairs[pairs["agent_gold"].notna()]
    doer = [same_doer(g, f) for g, f in zip(named["agent_gold"], named["agent"])]
    return {"n_gold": len(gold), "found": len(pairs) / len(gold),
            "class_accuracy": float((pairs["agency_gold"] == pairs["agency"]).mean()),
            "n_named": int(gold["agent"].notna().sum()), "doer": sum(doer) / max(int(gold["agent"].notna().sum()), 1)}


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    a = agency_scores()
    print(f"agency: event words found {a['found']:.2f} of {a['n_gold']}; class right {a['class_accuracy']:.3f}; "
          f"doer named where the sentence names one {a['doer']:.3f} of {a['n_named']}")
    q = quotes_scores()
    print(f"quotes: P {q['precision']:.2f} R {q['recall']:.2f} F1 {q['f1']:.2f} "
          f"(gold {q['n_gold']}, found {q['n_found']})")
    print(f"quote speakers: right {q['speaker_accuracy']:.2f} of {q['n_matched']} matched")
    t = quotes_scores(found=q["found"][q["found"]["rule"] != "transcript"])
    print(f"quotes without transcript turns (a speaker's own turns, which the gold file leaves out): "
          f"P {t['precision']:.2f} R {t['recall']:.2f} F1 {t['f1']:.2f}, speakers {t['speaker_accuracy']:.2f}")
    for label, (p, r, f, sp) in QUOTES_BEFORE.items():
        print(f"  for comparison, {label}: P {p:.2f} R {r:.2f} F1 {f:.2f}, speakers {sp:.2f}")
    if "-v" in argv:
        for g, found in q["wrong_speakers"]:
            print("  speaker:", repr(g.speaker_name), "|", repr(g.speaker), "->", repr(found["speaker"]),
                  "|", found["rule"], "|", g.quote[:60])


if __name__ == "__main__":
    main()
