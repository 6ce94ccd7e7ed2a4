"""Sentiment: sentence scores with VADER, exact to the authors' reference, with their evidence.

=================  ==============================================================
module             what it does
=================  ==============================================================
``tables``         ``sentiment`` (a sentences table → scores), ``document_sentiment``
``evidence``       ``sentiment_evidence``: the words that carried valence, and why
``targets``        ``target_sentences``, ``target_sentiment``: sentiment toward a person
``mention``        ``mention_sentiment``: a trained model of sentiment toward one mention
``mention_*``      its features (``mention_features``), weights and evidence (``mention_model``)
``train_mention``  trains and cross-validates it on NewsMTSC (``python -m``)
``calibration``    ``method="vader-calibrated"``: the news calibration, ``calibrated_label``
``vader``          the VADER rules as array operations: ``vader_scores``
``vader_tokens``   VADER's lexicon tables and whitespace tokens
``rows``           which rows are scored (English only), in batches
=================  ==============================================================
"""
from .calibration import calibrated_label
from .evidence import sentiment_evidence
from .mention import mention_sentiment
from .tables import NEG_THRESHOLD, POS_THRESHOLD, document_sentiment, sentiment
from .targets import target_sentences, target_sentiment
from .vader import vader_scores

__all__ = ["sentiment", "calibrated_label", "sentiment_evidence", "document_sentiment", "target_sentences",
           "target_sentiment", "mention_sentiment", "vader_scores", "POS_THRESHOLD", "NEG_THRESHOLD"]
