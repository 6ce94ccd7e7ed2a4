"""The standard comparative report: tables and charts for a folder of articles.

``python -m toolkit report PATH --out DIR`` (or the ``newsframes`` command)
loads every article under PATH, skipping bad files with their reasons, and
writes to DIR:

* ``index.html`` — the report page: corpus by group, sentence sentiment, frames,
  key words, (with a target) sentiment toward it and word choice, who is quoted,
  agency, attention over time, the skipped inputs, links to executed notebooks;
* one PNG per chart and one CSV per table behind it.

CSV files are safe to open in a spreadsheet: cells starting with ``= + - @``
are prefixed with an apostrophe so they are never run as formulas.

Example
-------
>>> from toolkit import report, resources
>>> import tempfile
>>> out = report.build(resources.corpus_dir(), tempfile.mkdtemp(), groups=resources.data_dir() / "corpus-groups.csv")
>>> (out / "index.html").exists(), (out / "frames_generic.png").exists()
(True, True)
"""
from __future__ import annotations

import html
import re
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

import pandas as pd

from .. import plot
from ..compare import corpus_summary
from ..load import load, load_report as _load_report, skipped_inputs
from . import explore
from .evidence import findings
from .hotspots import overlay
from .notebooks import run_notebooks
from .page import _Section, copy_static, index_page
from .reuse_section import reuse_section

__all__ = ["build", "safe_csv"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_csv(table: pd.DataFrame, path: str | Path, **kwargs) -> Path:
    """Write ``table`` as CSV with spreadsheet formula injection neutralised."""
    path = Path(path)
    safe = table.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(_neutralise)
    safe.index = safe.index.map(_neutralise)
    safe.to_csv(path, lineterminator="\n", **kwargs)
    return path


def _slug(value: object) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")[:40] or "group"


def build(path: str | Path, out: str | Path, *, by: str | None = None, groups: str | Path | None = None,
          target: str | None = None, aliases: Sequence[str] = (), notebooks: str | Path | None = None,
          progress: bool = False) -> Path:
    """Write the standard comparative report for the articles under ``path`` into ``out``.

    ``groups`` is an optional CSV with a ``doc_id`` column whose other columns
    are merged onto the corpus (the bundled corpus ships ``data/corpus-groups.csv``).
    ``by`` is the column to compare; default ``group`` if present, else ``outlet``.
    With a ``target`` (and its ``aliases``), the report adds sentiment toward the
    target and how each group names it and the event. With ``notebooks``, every
    notebook in that folder is executed (while the report is computed) and linked as HTML.
    Each chart's bars or cells and its table link to the sentences behind them
    (``evidence_*.html``), and those to the articles (``articles/``). Returns ``out``.
    """
    import matplotlib.pyplot as plt
    from tqdm.auto import tqdm

    from ..compare import compare, keyness, over_time
    from ..discourse import agency, agency_counts, label_counts, labels, quote_counts, quotes
    from ..framing import frame_hits, frame_profile, frames
    from ..sentiment import sentiment, target_sentences, target_sentiment
    from ..text import sentences as split_sentences
    from ..text import tokens as split_tokens

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    steps = tqdm(total=9 + (1 if notebooks else 0), desc="report", unit="step", disable=not progress)
    source = f"Source: articles in {path}"
    sections: list[_Section] = []
    figures: dict[str, str] = {}  # chart → its image with a link on each bar or cell
    under: dict[str, str] = {}  # chart → the table shown under it
    # The lessons run in their own kernels while the report is computed here.
    lessons = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lessons")
    executed = lessons.submit(run_notebooks, notebooks, out / "notebooks") if notebooks else None
    lessons.shutdown(wait=False)

    def chart(ax, name: str, spots=None) -> str:
        plot.save(ax, out / name)
        if spots is not None:  # the layout is final once saved
            figures[name] = overlay(name, name, spots(ax))
        plt.close(ax.figure)
        return name

    def table(frame: pd.DataFrame, name: str, **kwargs) -> pd.DataFrame:
        safe_csv(frame, out / name, **kwargs)
        return frame

    with warnings.catch_warnings():
        # Non-English texts are noted in the tables' note columns; the page says so once.
        warnings.simplefilter("ignore", UserWarning)
        corpus = load(path, errors="skip")
        load_report, skipped = _load_report(corpus), skipped_inputs(corpus)
        if groups is not None:
            extra = pd.read_csv(groups, dtype=str, keep_default_na=False)
            corpus = corpus.merge(extra, on="doc_id", how="left", validate="one_to_one")
        by = by or ("group" if "group" in corpus.columns else "outlet")
        if by not in corpus.columns:
            raise KeyError(f"corpus has no column {by!r}; columns are {list(corpus.columns)}")
        corpus[by] = corpus[by].fillna("(none)").astype(str)
        table(load_report, "load_report.csv", index=False)
        summary = table(corpus_summary(corpus, by=by), "corpus_summary.csv")
        group_colours = plot.colour_map(summary.index)  # one colour per group in every chart that colours groups
        non_english = corpus.loc[corpus["language"] != "en", ["doc_id", "language"]]
        sections.append(_Section(
            f"The corpus by {by}",
            f"{len(corpus)} articles loaded from <code>{html.escape(str(path))}</code>; {len(skipped)} input(s) "
            f"skipped (listed at the end). {len(non_english)} article(s) not in English are counted here but "
            "not scored by the English-only measures below.",
            [chart(plot.corpus_overview(summary, source=source), "corpus_overview.png")], [("", summary)]))
        steps.update()

        keys = corpus[["doc_id", by]]
        sent = split_sentences(corpus).merge(keys, on="doc_id")
        scored = sentiment(sent, evidence=False)
        by_group = table(compare(scored, by=by, value="compound", cluster="doc_id"), "sentiment_by_group.csv", index=False)
        sections.append(_Section(
            "Sentence sentiment",
            "Mean VADER compound score per sentence, with 95 % bootstrap intervals that resample whole articles. "
            "VADER mostly measures emotionally loaded vocabulary (killed, attack, war), not an outlet's stance.",
            [chart(plot.compare_groups(by_group, by=by, xlabel="mean VADER compound per sentence",
                                       title=f"Sentence sentiment by {by}", source=source), "sentiment_by_group.png")],
            [("", by_group)]))
        steps.update()

        frame_charts, frame_tables, hits = [], [], {}
        for scheme, value, fmt, label in (("generic", "share_sentences", "{:.0%}", "share of sentences with the frame"),
                                          ("policy", "score", "{:.1f}", "frame words per 1,000 tokens")):
            profile = table(frame_profile(frames(sent, scheme=scheme, level="document"), corpus, by=by),
                            f"frames_{scheme}.csv", index=False)
            hits[scheme] = frame_hits(sent, scheme=scheme)
            wide = profile["frame"].nunique() > 8  # many frames: one row each, so the chart fits the page
            spots = explore.heat_spots(profile, by=by, column="frame", value=value, fmt=fmt, chart=f"frames_{scheme}",
                                       transposed=wide)
            frame_charts.append(chart(plot.heatmap(profile, row="frame" if wide else by, col=by if wide else "frame",
                                                   value=value, fmt=fmt,
                                                   value_label=label + " (mean over texts)",
                                                   title=f"{scheme.capitalize()} frames by {by}", source=source),
                                      f"frames_{scheme}.png", spots))
            under[f"frames_{scheme}.png"] = explore.shares_table(profile, by=by, category="frame", value=value,
                                                                 n="n_hits", fmt=fmt, chart=f"frames_{scheme}",
                                                                 transposed=wide)
            frame_tables.append((scheme, profile))
        sections.append(_Section(
            "Frames",
            "Dictionary counts of frame vocabulary: the generic news frames of Semetko &amp; Valkenburg (2000) "
            "and the policy frames of Boydstun et al. (2014). They count words, not frames as a coder judges "
            "them; see <code>data/dictionaries/README.md</code>.", frame_charts, []))
        steps.update()

        toks = split_tokens(sent).merge(keys, on="doc_id")
        key_charts, key_tables = [], []
        for value in summary.index:
            if (summary["n_articles"] > 0).sum() < 2:
                break
            key = keyness(toks, by=by, target=value, min_count=5)
            key_tables.append(key.assign(target=value))
            key_charts.append(chart(plot.keyness_bars(key, n=10, target=str(value), reference="all others",
                                                      source=source, colours=(group_colours[str(value)], "#777777")),
                                    f"keyness_{_slug(value)}.png"))
            under[key_charts[-1]] = explore.keyness_table(key)
        if key_tables:
            table(pd.concat(key_tables, ignore_index=True), "keyness.csv", index=False)
        sections.append(_Section(
            "Key words",
            "Words each group uses more (in the group's colour) or less (grey) than all other texts: signed χ² "
            "with Yates' correction, words seen at least 5 times. Read them in context (KWIC) before interpreting.",
            key_charts))
        steps.update()

        if target:
            names = [target, *aliases] if target not in aliases else list(aliases)
            about = target_sentences(scored, target, names)
            toward = table(compare(about, by=by, value="compound", cluster="doc_id"), "target_sentiment.csv", index=False)
            _, mentioned = target_sentiment(scored, target, names, by=by, method="mention", return_sentences=True)
            table(mentioned, "target_mentions.csv", index=False)
            stance = table(compare(mentioned, by=by, value="net", cluster="doc_id"), "target_mention_sentiment.csv",
                           index=False)
            found = labels(corpus, target, names)
            families = table(label_counts(found, corpus, by=by), "word_choice.csv", index=False)
            family_colours = plot.colour_map(sorted(families["family"].unique()))  # both word-choice charts
            event, described = families[families["kind"] == "event"], families[families["kind"] == "descriptor"]
            for name, part in (("word_choice_event", event), ("word_choice_target", described)):
                under[f"{name}.png"] = explore.shares_table(part, by=by, category="family", chart=name,
                                                            colours=family_colours)
            under["target_sentiment.png"] = explore.html_table(toward)
            under["target_mention_sentiment.png"] = explore.html_table(stance)
            table(found, "labels.csv", index=False)
            sections.append(_Section(
                f"{html.escape(target)}: sentiment and word choice",
                f"Sentences that mention {html.escape(', '.join(names))}, and the words each group uses for the "
                "person and the event, in the label families of <code>data/labels/label_families.yaml</code>. "
                "The first chart is the tone of those sentences (VADER); the second is sentiment toward the "
                "person, each mention scored by the mention model (p(positive) − p(negative); trained on "
                "NewsMTSC, see <code>data/models/mention_sentiment/MODEL_CARD.md</code>): a sentence reporting "
                "that he was killed is negative in tone but neutral toward him.",
                [chart(plot.compare_groups(toward, by=by, xlabel=f"mean compound of sentences about {target}",
                                           title=f"Sentiment of sentences about {target}", source=source),
                       "target_sentiment.png"),
                 chart(plot.compare_groups(stance, by=by, xlabel=f"mean p(positive) − p(negative) toward {target}",
                                           title=f"Sentiment toward {target} (mention model)", source=source),
                       "target_mention_sentiment.png"),
                 chart(plot.stacked_shares(event, group=by, category="family",
                                           n="n", xlabel="share of event words", source=source, colours=family_colours,
                                           title=f"How each {by} names the event"), "word_choice_event.png",
                       explore.stacked_spots(event, by=by, category="family", chart="word_choice_event")),
                 chart(plot.stacked_shares(described, group=by, category="family",
                                           n="n", xlabel="share of descriptors", source=source, colours=family_colours,
                                           title=f"How each {by} describes {target}"), "word_choice_target.png",
                       explore.stacked_spots(described, by=by, category="family", chart="word_choice_target"))]))
        steps.update()

        said = table(quotes(corpus), "quotes.csv", index=False)
        sides = table(quote_counts(said, corpus, by=by), "quoted_sides.csv", index=False)
        side_colours = plot.colour_map(sorted(sides["side"].unique()))
        under["quoted_sides.png"] = explore.shares_table(sides, by=by, category="side", chart="quoted_sides",
                                                         colours=side_colours)
        sections.append(_Section(
            "Who is quoted",
            "Direct, partial and indirect quotations and anonymous sourcing, by the side of the speaker "
            "(actor table: <code>data/actors/actors.csv</code>).",
            [chart(plot.stacked_shares(sides, group=by, category="side", n="n", xlabel="share of quotations",
                                       title=f"Whose words each {by} reports", source=source, colours=side_colours),
                   "quoted_sides.png", explore.stacked_spots(sides, by=by, category="side", chart="quoted_sides"))]))
        steps.update()

        acts = table(agency(corpus), "agency.csv", index=False)
        shares = table(agency_counts(acts, corpus, by=by), "agency_by_group.csv", index=False)
        classes = ["active", "passive_agent", "passive_agentless", "nominal"]
        agency_colours = plot.colour_map(classes)
        under["agency.png"] = explore.shares_table(shares, by=by, category="agency", chart="agency", order=classes,
                                                   colours=agency_colours)
        sections.append(_Section(
            "Agency",
            "In sentences about the event: is the actor named (active, or passive with <i>by</i>), left out "
            "(passive without agent) or is the event a noun (<i>the killing</i>)? Pattern-based; see "
            "<code>docs/agency.md</code> for known misses.",
            [chart(plot.stacked_shares(shares, group=by, category="agency", n="n", order=classes,
                                       xlabel="share of event sentences", source=source, colours=agency_colours,
                                       title=f"Who is said to act, by {by}"), "agency.png",
                   explore.stacked_spots(shares, by=by, category="agency", chart="agency"))]))
        steps.update()

        dated = corpus.dropna(subset=["date"])
        time_charts = []
        if not dated.empty and dated["date"].nunique() > 1:
            span = (dated["date"].max() - dated["date"].min()).days
            freq, period = ("D", "day") if span <= 45 else ("W", "week")
            counts = table(over_time(dated, by=by, freq=freq), "over_time.csv", index=False)
            time_charts.append(chart(plot.over_time(counts, group=by, colours=group_colours, title=f"Articles per {period}, by {by}",
                                                    ylabel=f"articles per {period}", source=source),
                                     "over_time.png"))
            per_period = counts.pivot_table(index="date", columns=by, values="n_articles", aggfunc="sum", fill_value=0)
            under["over_time.png"] = explore.html_table(per_period)
        if target:
            docs = corpus.sort_values([by, "date"])["doc_id"].tolist()[:30]
            terms = [names[0], *found.loc[found["kind"] == "event", "label"].value_counts().index[:3]]
            time_charts.append(chart(plot.dispersion(toks, terms, docs=docs, source=source), "dispersion.png"))
            under["dispersion.png"] = explore.dispersion_table(toks, terms, docs)
        sections.append(_Section("Attention and dispersion",
                                 "When the texts appeared, and where the key terms occur inside them.", time_charts))
        steps.update()
        sections.append(_Section(*reuse_section(corpus, by, chart=chart, table=table, source=source,
                                                colours=group_colours)))

        behind = table(findings(corpus, by, labels=found if target else None, quotes=said, agency=acts, frames=hits),
                       "evidence.csv", index=False)  # every sentence behind the charts; the pages list 200 a cell
        evidence = {f"frames_{s}": (f"{s.capitalize()} frames by {by}", "frame") for s in hits}
        evidence.update({"quoted_sides": (f"Whose words each {by} reports", "side"),
                         "agency": (f"Who is said to act, by {by}", "agency class")})
        if target:
            evidence.update({"word_choice_event": (f"How each {by} names the event", "label family"),
                             "word_choice_target": (f"How each {by} describes {target}", "label family")})
        explore.explore_pages(out, corpus, behind, by=by, charts=evidence)
        copy_static(out)

    notebook_links = []
    if executed is not None:
        for page in executed.result():
            notebook_links.append(page.relative_to(out).as_posix())
        steps.update()
    (out / "index.html").write_text(index_page(path, sections, skipped, notebook_links,
                                               sorted(p.name for p in out.glob("*.csv")), figures=figures, under=under),
                                    encoding="utf-8")
    steps.update()
    steps.close()
    return out

