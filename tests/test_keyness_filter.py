"""keyness leaves out numbers, years, month names and stray punctuation unless asked to keep them."""
import pandas as pd

import toolkit


def _tokens():
    words = ("strike killed general on 3 january 2020 , 1,000 mourners -- "
             "assassination crime on friday 4 january 2020 , 1,000 people --").split()
    side = ["x"] * 11 + ["y"] * (len(words) - 11)
    return pd.DataFrame({"lower": words, "token": words, "side": side})


def test_numbers_dates_and_punctuation_are_dropped_by_default():
    key = toolkit.keyness(_tokens(), by="side", target="x", min_count=1, drop_stop=False, drop_punct=False)
    assert not set(key.feature) & {"3", "4", "2020", "1,000", "january", ",", "--"}
    assert {"strike", "crime", "friday"} <= set(key.feature)


def test_keep_numbers_gives_the_unfiltered_table():
    toks = _tokens()
    kept = toolkit.keyness(toks, by="side", target="x", min_count=1, drop_stop=False, drop_punct=False,
                           keep_numbers=True)
    assert {"2020", "january", "1,000", ","} <= set(kept.feature)
    words_only = toks[toks["lower"].str.isalpha() & (toks["lower"] != "january")]
    plain = toolkit.keyness(words_only, by="side", target="x", min_count=1, drop_stop=False, drop_punct=False)
    same = toolkit.keyness(words_only, by="side", target="x", min_count=1, drop_stop=False, drop_punct=False,
                           keep_numbers=True)
    pd.testing.assert_frame_equal(plain, same)  # nothing to filter: the option changes nothing


def test_may_the_verb_stays():
    toks = pd.DataFrame({"token": ["May", "may", "may", "talks"], "side": ["x", "x", "y", "y"]})
    toks["lower"] = toks["token"].str.lower()
    key = toolkit.keyness(toks, by="side", target="x", min_count=1, drop_stop=False)
    assert key.set_index("feature").loc["may", "n_target"] == 1  # the month was dropped, the verb kept
