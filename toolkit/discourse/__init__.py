"""Discourse: how a text names the target and the act, whom it quotes, who is said to act.

===================  ================================================================
module               what it does
===================  ================================================================
``labels``           ``labels``, ``label_counts``: descriptors of a target and words for the event
``label_families``   the editable families file of labels (``load_families``)
``label_rules``      target mentions, premodifiers, appositions, predicates
``quotes``           ``quotes``, ``quote_counts``: quotations, speakers and sides; the actor table
``quote_words``      word lists of the quote rules; matching actors; speaker names
``quote_clauses``    subjects, cue phrases and speaker resolution (pronouns included)
``quote_indirect``   indirect speech: X said (that) …, according to X, …, X said Friday.
``quote_rules``      quotations in quotation marks, transcripts, statements, continuations
``quote_marks``      the spans of quoted text
``agency``           ``agency``, ``agency_counts``: active, passive with or without agent, nominal
``event_terms``      the editable event terms file (``load_event_terms``)
``agency_parse``     class and doer of an event word read from the dependency tree
``syntax``           the parse of the sentences a measure needs, one tree each
``groups``           the grouping column of the ``*_counts`` functions
``vocabulary``       the word classes the three share: speech verbs, auxiliaries, determiners …
===================  ================================================================
"""
from .agency import AGENCY_CLASSES, AGENCY_COLUMNS, agency, agency_counts
from .event_terms import EventTerms, default_event_terms_path, load_event_terms
from .label_families import LabelLexicon, default_families_path, load_families
from .labels import LABEL_COLUMNS, label_counts, labels
from .quote_words import UNATTRIBUTED, UNKNOWN
from .quotes import QUOTE_COLUMNS, SIDES, default_actors_path, load_actors, match_actor, quote_counts, quotes
from .vocabulary import CUE_VERBS

__all__ = ["labels", "label_counts", "load_families", "default_families_path", "LABEL_COLUMNS", "LabelLexicon",
           "quotes", "quote_counts", "load_actors", "match_actor", "default_actors_path", "QUOTE_COLUMNS",
           "CUE_VERBS", "SIDES", "UNATTRIBUTED", "UNKNOWN",
           "agency", "agency_counts", "load_event_terms", "default_event_terms_path", "EventTerms",
           "AGENCY_COLUMNS", "AGENCY_CLASSES"]
