"""Compare how news outlets cover the same event.

The data flows one way, one module per step::

    load → tokenize → score (sentiment, frames, labels, quotes, agency) → compare → plot

>>> import toolkit
>>> corpus = toolkit.load(toolkit.resources.corpus_dir())
>>> len(corpus) >= 45
True
"""
from . import plot, resources
from .agency import agency, agency_counts
from .compare import compare, corpus_summary, keyness, kwic, over_time
from .dictionary import Dictionary, DictionaryError, load_dictionary, lookup
from .frames import frame_hits, frame_profile, frames
from .labels import label_counts, labels
from .load import (
    LoadError, concat_chunks, load, load_chunks, load_parquet_chunks, load_report, read_parquet, skipped_inputs,
    write_parquet,
)
from .quotes import quote_counts, quotes
from .tokenize import sentences, tokens
from .text.parse import parse
from .sentiment import document_sentiment, sentiment, sentiment_evidence, target_sentences, target_sentiment

__all__ = [
    "resources", "plot", "load", "LoadError", "load_report", "skipped_inputs", "sentences", "tokens", "parse",
    "load_chunks", "load_parquet_chunks", "read_parquet", "write_parquet", "concat_chunks",
    "sentiment", "sentiment_evidence", "document_sentiment", "target_sentences", "target_sentiment",
    "Dictionary", "DictionaryError", "load_dictionary", "lookup", "frames", "frame_hits", "frame_profile",
    "labels", "label_counts", "quotes", "quote_counts", "agency", "agency_counts",
    "compare", "corpus_summary", "keyness", "kwic", "over_time",
]
