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
``coding``            ``coding_sheet``, ``read_codes``, ``agreement``, ``validate``: human codes
``trained``           ``train_frames`` and ``FrameModel``: frames learned from coded documents
``sheets``            coding sheets as CSV/XLSX files, and the codes in them
``measures``          ROC AUC, F1, precision, recall with bootstrap intervals
``features``          what a trained model reads: TF-IDF of the words, dictionary scores
====================  ==============================================================
"""
from .counts import count
from .dictionary import Dictionary, DictionaryError
from .dictionary_files import load_dictionary
from .frames import SCHEMES, frame_hits, frame_profile, frames, load_scheme, scheme_path
from .lookup import HIT_COLUMNS, NEGATIONS, lookup
from .coding import CodingSheetError, agreement, coding_sheet, read_codes, validate
from .trained import FrameModel, train_frames

__all__ = ["Dictionary", "DictionaryError", "load_dictionary", "lookup", "count", "NEGATIONS", "HIT_COLUMNS",
           "frames", "frame_hits", "frame_profile", "load_scheme", "scheme_path", "SCHEMES",
           "coding_sheet", "read_codes", "agreement", "validate", "CodingSheetError", "train_frames", "FrameModel"]
