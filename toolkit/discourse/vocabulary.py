"""The word classes that labels, quotes and agency share: one place for each list.

The three measures read the same kinds of words — speech verbs, auxiliaries,
determiners, time words, the words that open a clause, quotation marks — and
each was tuned on its own. So every class here is a base that all of them use
plus, where a measure needs more, a named addition with the reason: merging
the lists changed nothing the measures find. Classes that only one measure
uses stay with its rules (``label_rules``, ``quote_words``, ``agency_parse``).
All words are lower case, as the tokens' ``low`` form (``’`` written ``'``).

>>> "said" in REPORTING_VERBS and REPORTING_VERBS <= set(CUE_VERBS)
True
>>> "night" in AGENCY_TIME_NOUNS
True
"""
from __future__ import annotations

from .quote_lexicon import CUE_VERBS as _QUOTE_CUES


# ---------------------------------------------------------------------------
# Speech verbs
# ---------------------------------------------------------------------------

#: attribution verbs: surface form → lemma, from the cue lexicon ``data/quotes/cue_verbs.csv``
#: (:mod:`toolkit.discourse.quote_lexicon`, which also says which verbs take a bare clause)
CUE_VERBS: dict[str, str] = _QUOTE_CUES
#: the commonest forms of *say* and *tell* (not the bare "tell", which no measure lists)
SAY_TELL = frozenset("say says said tells told".split())
#: finite speech verbs that every measure stops at (all of them are in :data:`CUE_VERBS`)
REPORTING_VERBS = SAY_TELL | frozenset("added claimed stated announced confirmed wrote tweeted reported".split())
#: labels: a speech verb ends a premodifier or an apposition; also the verbs that name ("described", "called")
LABEL_CUES = REPORTING_VERBS | frozenset("adds claims states writes described called".split())

# ---------------------------------------------------------------------------
# Auxiliaries, negation, adverbs between a subject and its verb
# ---------------------------------------------------------------------------

BE = frozenset("is are was were".split())
HAVE = frozenset("has have had".split())
DO = frozenset("do does did".split())
MODALS = frozenset("will would can could may might must should".split())
#: the auxiliaries every measure knows
AUXILIARIES = BE | HAVE | DO | MODALS
#: labels: a finite verb ends a noun phrase; also "am", "be", "shall" and *say*/*tell*
LABEL_FINITE = AUXILIARIES | frozenset("am be shall".split()) | SAY_TELL
#: labels: the copula before a predicate noun ("was a terrorist", "has been seen as", "remained")
LABEL_COPULA = BE | frozenset("be been being remains remained became becomes become 's".split())

NEGATIONS = frozenset("not n't never".split())
#: adverbs that quotes and agency skip between a subject and its verb ("also said", "later killed")
SENTENCE_ADVERBS = NEGATIONS | frozenset(
    "also already initially just later previously recently reportedly subsequently then".split())
#: quotes: what may stand between a speaker and the cue verb ("has repeatedly said", "later told")
QUOTE_BEFORE_CUE = AUXILIARIES | SENTENCE_ADVERBS | frozenset(
    "again earlier repeatedly publicly once further separately".split())

# ---------------------------------------------------------------------------
# Determiners, possessives, adjectives in -ed
# ---------------------------------------------------------------------------

ARTICLES = frozenset("the a an".split())
POSSESSIVE_DETERMINERS = frozenset("his her its their our my your".split())
#: the determiners every measure knows: a noun phrase starts with them
DETERMINERS = ARTICLES | POSSESSIVE_DETERMINERS | frozenset("this these those no".split())
#: labels: also "that" and "one" ("that man", "one commander")
LABEL_DETERMINERS = DETERMINERS | frozenset("that one".split())
#: the possessive clitics as tokens: "Iran’s" → "Iran" + "’s", "leaders’" → "leaders" + "’"
POSSESSIVE_CLITICS = frozenset({"'s", "'"})
#: words in -ed that are adjectives, not verbs ("armed groups", "unnamed officials")
ED_ADJECTIVES = frozenset("armed united unnamed".split())
#: quotes: also "retired", "elected" ("a retired general said")
QUOTE_ED_ADJECTIVES = ED_ADJECTIVES | frozenset("retired elected".split())

# ---------------------------------------------------------------------------
# Time words
# ---------------------------------------------------------------------------

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("january february march april may june july august september october november "
                   "december".split())
#: days, months and times of day: never a speaker, a subject or an agent
TIME_WORDS = WEEKDAYS | MONTHS | frozenset("today yesterday tonight morning night".split())
#: quotes: also what dates an attribution ("said earlier this week", "told … on Friday", "two days ago")
QUOTE_TIME_WORDS = TIME_WORDS | frozenset(
    "evening afternoon earlier later ago months years days weeks hours last this week on".split())

# ---------------------------------------------------------------------------
# Clause boundaries and quotation marks
# ---------------------------------------------------------------------------

#: words that open a clause: a noun phrase ends before them
CLAUSE_OPENERS = frozenset(
    "who whom which that whose when while after before because since as if although though where".split())
#: labels: also "but", "than", "by" end a noun phrase
LABEL_NP_STOP = CLAUSE_OPENERS | frozenset("but than by".split())
#: quotes: also "but", "whereas" and the punctuation that ends a speaker phrase
QUOTE_BOUNDARIES = CLAUSE_OPENERS | frozenset("but whereas ; : “ ” \" ( ) — – --".split())
#: quotation marks as tokens (NLTK writes a straight double quote as `` or '')
QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’", "``", "''", "'"})

# ---------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------

#: titles and ranks before a name, and "the": not part of the name ("Gen. Qassem Soleimani")
TITLES = frozenset("major maj. lieutenant lt. colonel col. president mr. mrs. ms. dr. sir ayatollah sheikh imam "
                   "supreme secretary minister prime senator general gen. commander chief leader head the".split())
#: labels: also the Iranian and military titles of the target ("Sardar", "Hajj", "Brig.", "martyr")
LABEL_TITLES = TITLES | frozenset("brigadier brig. hajj haj sardar martyr".split())
#: quotes: also offices, parties, countries and outlets that precede a speaker's name
QUOTE_TITLES = TITLES | frozenset(
    "vice foreign defense defence state sen. representative rep. congressman congresswoman congressmember "
    "chairman chairwoman governor mayor house senate majority minority republican democratic democrat lead whip "
    "national security adviser advisor special envoy ambassador speaker spokesman spokeswoman spokesperson "
    "reporter correspondent editor analyst lord dame king prince director deputy assistant acting former a an "
    "u.s. us uk un eu nato iranian iraqi israeli american russian british mossad cia new yorker mr mrs ms dr "
    "hon. honourable honorable".split())

# ---------------------------------------------------------------------------
# Agency on the parse (toolkit.discourse.agency_parse)
# ---------------------------------------------------------------------------

#: nouns of time: a possessor such as "last night's" is not a doer
AGENCY_TIME_NOUNS = frozenset("night day week month year weekend morning evening afternoon today yesterday tonight "
                              "monday tuesday wednesday thursday friday saturday sunday decade century hour".split())
#: verbs whose object does what the infinitive says ("ordered the military to kill")
CONTROL_BY_OBJECT = frozenset("order tell ask direct instruct authorize authorise allow permit force urge command "
                              "enable help encourage".split())
#: verbs of finding out: their subject does not own the plan it uncovered ("Iran uncovered a plot to kill")
FINDING_VERBS = frozenset("uncover discover foil thwart reveal expose detect report deny condemn disrupt "
                          "investigate allege".split())
#: the means of an attack: as a subject or by-phrase they are not the doer ("the strike killed …")
INSTRUMENT_NOUNS = frozenset("strike airstrike attack bombing drone missile rocket bomb operation raid shooting "
                             "killing assassination explosion blast".split())
#: nouns whose possessor is the one who died ("Soleimani's death")
VICTIM_NOUNS = frozenset("death martyrdom".split())
#: nouns for an act whose possessor is its doer, never its target ("Iran's attack", "the President's strike");
#: the possessor of a nominalised transitive verb (*killing*, *assassination*) may be either
ACT_NOUNS = frozenset("strike strikes airstrike airstrikes attack attacks raid raids".split())
#: verbs whose object is sent or used to do what the infinitive says ("using militias to attack")
CAUSE_TO_ACT = CONTROL_BY_OBJECT | frozenset("use send deploy arm train fund hire recruit enlist mobilise "
                                             "mobilize dispatch employ".split())
#: markers of an adverbial gerund, whose understood subject is the clause's ("made the decision in taking out")
GERUND_MARKERS = frozenset("in by after before while without upon on through".split())
#: prepositions of place: a participle after "at the airport" describes the phrase the place belongs to
PLACE_PREPOSITIONS = frozenset("at in near outside inside on off".split())
#: nouns that count or group acts: "a series of attacks was conducted by Iran" is a series conducted
QUANTITY_NOUNS = frozenset("series wave string spate number dozen dozens hundred hundreds campaign barrage volley "
                            "round".split())
#: nouns of complex prepositions: "by means of", "by way of", "by reference to" name no doer
BY_MEANS = frozenset("means way reference virtue dint".split())
