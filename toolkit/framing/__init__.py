"""Framing: dictionaries of words and phrases, and the frames of news texts they count.

====================  ==============================================================
module                what it does
====================  ==============================================================
``frames``            ``frames``, ``frame_hits``, ``frame_profile``: the frame schemes
``lookup``            ``lookup``: where a dictionary's patterns occur in a tokens table
``counts``            ``count``: hits per group and category, per 1,000 tokens
``dictionary``        the ``Dictionary`` class and ``DictionaryError``
``dictionary_files``  ``load_dictionary``: YAML and LIWC ``.dic`` files
``patterns``          patterns → token units, compiled into one matcher
====================  ==============================================================
"""
from .counts import count
from .dictionary import Dictionary, DictionaryError
from .dictionary_files import load_dictionary
from .frames import SCHEMES, frame_hits, frame_profile, frames, load_scheme, scheme_path
from .lookup import HIT_COLUMNS, NEGATIONS, lookup

__all__ = ["Dictionary", "DictionaryError", "load_dictionary", "lookup", "count", "NEGATIONS", "HIT_COLUMNS",
           "frames", "frame_hits", "frame_profile", "load_scheme", "scheme_path", "SCHEMES"]
