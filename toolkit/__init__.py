"""Compare how news outlets cover the same event.

The data flows one way, one subpackage per step::

    load → text → sentiment, framing, discourse → compare → plot → report

``toolkit.load`` (files → the corpus table), ``toolkit.text`` (sentences and
tokens), ``toolkit.sentiment`` (VADER), ``toolkit.framing`` (dictionaries and
frames), ``toolkit.discourse`` (labels, quotes, agency), ``toolkit.compare``,
``toolkit.plot``, ``toolkit.report`` (the report, the lessons, the command
line); ``toolkit.resources`` finds the offline data. The public functions of
every step are importable from here (``toolkit.load``, ``toolkit.sentiment``
… are the functions; ``from toolkit.load import …`` still reaches the package).

>>> import toolkit
>>> corpus = toolkit.load(toolkit.resources.corpus_dir())
>>> len(corpus) >= 45
True
"""
import importlib as _importlib
import sys as _sys
import types as _types

#: The modules of the flat layout and where their code is now. The old paths still import
#: (``from toolkit.tokenize import tokens``, ``from toolkit.labels import load_families``).
_MOVED = {
    "tokenize": "text.tokenize", "clean": "load.clean", "vader": "sentiment.vader",
    "dictionary": "framing", "frames": "framing",
    "labels": "discourse", "quotes": "discourse", "agency": "discourse",
}


class _Forward(_types.ModuleType):
    """An old module path while the package is being imported: its names come from the new module."""

    def __getattr__(self, name: str):
        return getattr(_importlib.import_module(f"{__name__}.{_MOVED[self.__name__.rpartition('.')[2]]}"), name)


for _old in _MOVED:  # before the steps are imported, so a module of a step may use an old path too
    _sys.modules.setdefault(f"{__name__}.{_old}", _Forward(f"{__name__}.{_old}"))

from . import plot, resources  # noqa: E402
from .compare import compare, corpus_summary, keyness, kwic, over_time  # noqa: E402
from .discourse import agency, agency_counts, label_counts, labels, quote_counts, quotes  # noqa: E402
from .framing import (  # noqa: E402
    Dictionary, DictionaryError, frame_hits, frame_profile, frames, load_dictionary, lookup,
)
from .framing import (  # noqa: E402
    CodingSheetError, FrameModel, agreement, coding_sheet, read_codes, train_frames, validate,
)
from .load import (  # noqa: E402
    LoadError, concat_chunks, load, load_chunks, load_parquet_chunks, load_report, read_parquet, skipped_inputs,
    write_parquet,
)
from .sentiment import (  # noqa: E402
    document_sentiment, sentiment, sentiment_evidence, target_sentences, target_sentiment,
)
from .sentiment import mention_sentiment  # noqa: E402
from .text import parse, sentences, tokens  # noqa: E402
from .text import own_text, reuse, reuse_shares  # noqa: E402

__all__ = [
    "resources", "plot", "load", "LoadError", "load_report", "skipped_inputs", "sentences", "tokens", "parse",
    "load_chunks", "load_parquet_chunks", "read_parquet", "write_parquet", "concat_chunks",
    "sentiment", "sentiment_evidence", "document_sentiment", "target_sentences", "target_sentiment",
    "mention_sentiment",
    "Dictionary", "DictionaryError", "load_dictionary", "lookup", "frames", "frame_hits", "frame_profile",
    "coding_sheet", "read_codes", "agreement", "validate", "CodingSheetError", "train_frames", "FrameModel",
    "labels", "label_counts", "quotes", "quote_counts", "agency", "agency_counts",
    "compare", "corpus_summary", "keyness", "kwic", "over_time",
    "reuse", "own_text", "reuse_shares",
]

# now the old paths are the new modules themselves
for _old, _new in _MOVED.items():
    _sys.modules[f"{__name__}.{_old}"] = _importlib.import_module(f"{__name__}.{_new}")
del _old, _new
# the old modules that were attributes of the package (the others are its functions of the same name)
tokenize, clean, vader, dictionary = (_sys.modules[f"{__name__}.{name}"]
                                      for name in ("tokenize", "clean", "vader", "dictionary"))
