"""The toolkit needs no network and no NLTK data directory."""
from __future__ import annotations

import subprocess
import sys
import textwrap


def test_pipeline_runs_with_sockets_disabled_and_no_nltk_data(tmp_path):
    script = textwrap.dedent("""
        import socket

        def refuse(*args, **kwargs):
            raise OSError("network access attempted")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        import nltk
        import toolkit
        from toolkit import resources
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        try:
            nltk.data.find("tokenizers/punkt_tab/english/")
            raise SystemExit("an NLTK data directory is present; the test would prove nothing")
        except LookupError:
            pass
        corpus = toolkit.load(resources.corpus_dir())
        # HTML that points at remote images, scripts and styles is read without fetching any of them
        import pathlib, sys
        page = pathlib.Path(sys.argv[1]) / "remote.html"
        body = "The minister said the talks in Geneva would resume next week. " * 6
        page.write_text(
            '<html><head><link rel="stylesheet" href="https://example.org/s.css">'
            '<script src="https://example.org/a.js"></script></head><body>'
            f'<article><h1>Talks</h1><p>{body}</p><img src="https://example.org/p.jpg"></article></body></html>',
            encoding="utf-8")
        assert "Geneva" in toolkit.load(page).text[0]
        seed = corpus.set_index("doc_id").loc["000_22b6830e9619a82a", "text"]
        splitter = PunktSentenceTokenizer(resources.punkt_parameters())
        assert len(splitter.tokenize(seed)) > 40
        assert "not" not in resources.stopwords() and "the" in resources.stopwords()
        assert resources.nltk_vader().polarity_scores("not good")["compound"] < 0
        print("offline ok", len(corpus))
    """)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "none")}
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, env=env,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "offline ok 45"
