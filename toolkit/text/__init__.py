"""Text: the corpus → sentences and tokens, with exact character offsets.

============================  ======================================================
module                        what it does
============================  ======================================================
``tokenize``                  ``sentences`` and ``tokens``: the tables (pandas or dask)
``sentence_rules``            where sentences end: paragraphs, Punkt, the news rules
``word_rules``                NLTK's word tokens, located back in the text
``parts``                     title, standfirst and body of each article as sentences
                              of tokens, for the rules of :mod:`toolkit.discourse`
``parse``                     ``parse`` (``parse_tokens`` for a token table you already have): lemma,
                              POS, morphology and dependency tree per token
``tree``                      walking one parsed sentence (subjects, phrases, passives)
``conllu``, ``train_parser``  Universal Dependencies data and the syntax model's training
``reuse``                     ``reuse``: passages an article shares with an earlier one
                              (word shingles, an index, chained matches)
``reuse_window``              ``reuse(..., window_days=...)``: only articles dated close
                              together compared; a stream with flat memory
``reuse_passages``            words, chaining and sources, shared by the two
``reused``                    ``own_text`` (reused passages blanked out), ``reuse_shares``
============================  ======================================================
"""
from .parse import parse, parse_tokens, syntax_model
from .reuse import reuse
from .reused import own_text, reuse_shares
from .tokenize import sentences, tokens

__all__ = ["sentences", "tokens", "parse", "parse_tokens", "syntax_model", "reuse", "own_text", "reuse_shares"]
