"""toolkit.parse: tags, lemmas and dependency trees on the toolkit's own tokens."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import toolkit
from toolkit.text.parse import COLUMNS, syntax_model


@pytest.fixture(scope="module")
def seed_parse(seed: pd.Series) -> pd.DataFrame:
    """The seed article's headline and body sentences about the killing, parsed."""
    corpus = pd.DataFrame({"doc_id": [seed.name, "headline"], "text": [seed["text"], seed["title"]]})
    sents = toolkit.sentences(corpus)
    wanted = sents["text"].str.contains("killed|kills|carried out by", regex=True)
    return toolkit.parse(sents, only=wanted)


def _sentence(parsed: pd.DataFrame, words: str) -> pd.DataFrame:
    """The parsed sentence that starts with ``words``."""
    firsts = parsed.groupby(["doc_id", "sent_id"])["token"].apply(lambda t: " ".join(t.head(len(words.split()))))
    doc_id, sent_id = firsts[firsts == words].index[0]
    rows = parsed[(parsed["doc_id"] == doc_id) & (parsed["sent_id"] == sent_id)]
    return rows.set_index("token_id")


def _dependents(sent: pd.DataFrame, head_word: str, dep: str) -> list[str]:
    head_ids = sent.index[sent["token"] == head_word]
    return sent.loc[sent["head"].isin(head_ids) & (sent["dep"] == dep), "token"].tolist()


def test_columns_match_the_token_table(seed_parse: pd.DataFrame, seed: pd.Series) -> None:
    assert seed_parse.columns.tolist() == COLUMNS
    corpus = pd.DataFrame({"doc_id": [seed.name, "headline"], "text": [seed["text"], seed["title"]]})
    toks = toolkit.tokens(toolkit.sentences(corpus))
    keys = ["doc_id", "sent_id", "token_id", "start", "end", "token"]
    merged = seed_parse[keys].merge(toks[keys], on=keys, how="left", indicator=True)
    assert (merged["_merge"] == "both").all()  # token_id is the whole document's, even with only=


def test_headline_subject_of_kills(seed_parse: pd.DataFrame) -> None:
    head = _sentence(seed_parse, "US kills powerful")
    assert _dependents(head, "kills", "nsubj") == ["US"]
    assert head.loc[head["token"] == "kills", "lemma"].tolist() == ["kill"]
    assert head.loc[head["token"] == "kills", "tag"].tolist() == ["VBZ"]


def test_first_body_sentence_passive_subject(seed_parse: pd.DataFrame) -> None:
    sent = _sentence(seed_parse, "Qassem Soleimani , the powerful")
    killed = sent.index[sent["token"] == "killed"][0]
    subject = sent.index[(sent["head"] == killed) & (sent["dep"] == "nsubj:pass")]
    assert len(subject) == 1
    # the subject's phrase (its subtree) is the whole noun phrase that names Soleimani
    phrase, todo = set(), [subject[0]]
    while todo:
        i = todo.pop()
        phrase.add(i)
        todo.extend(j for j in sent.index[sent["head"] == i] if j != i)
    assert {"Qassem", "Soleimani", "head", "Force"} <= set(sent.loc[sorted(phrase), "token"])
    assert "killed" not in set(sent.loc[sorted(phrase), "token"])
    assert _dependents(sent, "killed", "aux:pass") == ["was"]


def test_passive_with_agent(seed_parse: pd.DataFrame) -> None:
    sent = _sentence(seed_parse, "Iranian state television said")
    assert _dependents(sent, "carried", "obl:agent") == ["helicopters"]
    assert _dependents(sent, "carried", "nsubj:pass") == ["attack"]


def test_one_root_per_sentence_pointing_to_itself(seed_parse: pd.DataFrame) -> None:
    roots = seed_parse[seed_parse["dep"] == "root"]
    assert (roots["head"] == roots["token_id"]).all()
    assert roots.groupby(["doc_id", "sent_id"]).size().eq(1).all()
    # every head is a token of the same sentence
    keys = ["doc_id", "sent_id"]
    bounds = seed_parse.groupby(keys)["token_id"].agg(["min", "max"]).reset_index()
    rows = seed_parse.merge(bounds, on=keys)
    assert rows["head"].between(rows["min"], rows["max"]).all()


def test_only_accepts_masks_tables_and_pairs(seed: pd.Series) -> None:
    corpus = pd.DataFrame({"doc_id": [seed.name], "text": [seed["text"]]})
    sents = toolkit.sentences(corpus)
    by_mask = toolkit.parse(sents, only=sents["sent_id"].isin([2, 5]))
    by_table = toolkit.parse(sents, only=sents.loc[sents["sent_id"].isin([2, 5]), ["doc_id", "sent_id"]])
    by_pairs = toolkit.parse(sents, only=[(seed.name, 2), (seed.name, 5)])
    assert sorted(by_mask["sent_id"].unique()) == [2, 5]
    pd.testing.assert_frame_equal(by_mask, by_table)
    pd.testing.assert_frame_equal(by_mask, by_pairs)
    with pytest.raises(ValueError, match="only="):
        toolkit.parse(sents, only=["not a pair"])


def test_non_english_sentences_are_left_out_with_a_warning() -> None:
    corpus = pd.DataFrame({"doc_id": ["en", "ru"], "text": ["The minister resigned.", "Министр ушёл в отставку."],
                           "language": ["en", "ru"]})
    with pytest.warns(UserWarning, match=r"left out 1 of 2 sentences .*ru: 1"):
        out = toolkit.parse(toolkit.sentences(corpus))
    assert out["doc_id"].unique().tolist() == ["en"]


def test_corpus_is_split_into_sentences_first() -> None:
    corpus = pd.DataFrame({"doc_id": ["d"], "text": ["Protesters gathered. Police arrested them."]})
    out = toolkit.parse(corpus)
    assert out["sent_id"].tolist() == [0, 0, 0, 1, 1, 1, 1]
    assert out.loc[out["token"] == "arrested", "lemma"].tolist() == ["arrest"]


def test_dask_partitions_give_the_same_table(corpus: pd.DataFrame) -> None:
    dd = pytest.importorskip("dask.dataframe")
    sample = corpus[corpus["language"] == "en"].head(4)[["doc_id", "text"]].reset_index(drop=True)
    sample["text"] = sample["text"].str.slice(0, 600)
    expected = toolkit.parse(toolkit.sentences(sample))
    # each document sits in one partition, as toolkit.sentences requires
    lazy = toolkit.parse(toolkit.sentences(dd.from_pandas(sample, npartitions=2, sort=False)))
    got = lazy.compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


_words = st.sampled_from(["the", "U.S.", "strike", "killed", "Iran’s", "general", "didn't", "“quote”", "(AP)",
                          "anti-war", "3.5", "said", ",", "—", "e-mail:", "Soleimani", "Jan.", "10", "?"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_words, min_size=1, max_size=12), min_size=1, max_size=4))
def test_offsets_map_back_to_the_text(paragraphs: list[list[str]]) -> None:
    text = "\n\n".join(" ".join(words) for words in paragraphs)
    out = toolkit.parse(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert all(text[s:e] == t for s, e, t in zip(out["start"], out["end"], out["token"]))
    assert (out.groupby("sent_id")["dep"].apply(lambda d: (d == "root").sum()) == 1).all()


def test_model_is_loaded_once_and_explicitly() -> None:
    assert syntax_model() is syntax_model()
    info = syntax_model.cache_info()
    assert info.currsize >= 1


def test_parses_with_sockets_disabled(tmp_path) -> None:
    script = textwrap.dedent("""
        import socket

        def refuse(*args, **kwargs):
            raise OSError("network access attempted")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        import pandas as pd
        import toolkit
        out = toolkit.parse(pd.DataFrame({"doc_id": ["d"], "text": ["The drone struck the convoy."]}))
        print(out.loc[out["dep"] == "nsubj", "token"].tolist())
    """)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['drone']"


def test_dependency_arcs_draws_one_arc_per_dependent() -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.patches import Arc

    parsed = toolkit.parse(pd.DataFrame({"doc_id": ["d"], "text": ["Two vehicles were attacked by US forces."]}))
    ax = toolkit.plot.dependency_arcs(parsed)
    assert sum(isinstance(p, Arc) for p in ax.patches) == len(parsed) - 1  # every word but the root
    assert [t.get_text() for t in ax.texts][:2] == ["Two", "NUM"]
    two = toolkit.parse(pd.DataFrame({"doc_id": ["d"], "text": ["He left. She stayed."]}))
    with pytest.raises(ValueError, match="one sentence"):
        toolkit.plot.dependency_arcs(two)
