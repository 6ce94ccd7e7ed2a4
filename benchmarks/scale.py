"""Scale: the whole pipeline on 10,000 articles, and streaming with flat memory.

    .venv/bin/python benchmarks/scale.py                 (the full run, about 20 minutes on 2 cores)
    .venv/bin/python benchmarks/scale.py --quick         (a smoke run, about a minute)

(a) **End to end.** 10,000 synthetic articles are written as ``.txt`` files
with YAML front matter into a temporary folder: each takes a bundled article
as its model (its number of paragraphs, its outlet, whether its header names
the language) and fills it with paragraphs drawn, with a seeded RNG, from all
bundled articles in that language; ids, titles, dates and URLs vary. The
bodies are the raw file bodies, so captions and page furniture are still there
for the cleaner to remove. Then, timed step by step in a fresh process::

    load → sentences → tokens → sentiment → frames(tokens, "generic", level="document")

with every function's defaults. Reported: seconds per step, articles/s, peak
RSS (``resource.getrusage``) and, in a second fresh process with
``tracemalloc`` on (it slows Python down, so its times are not the ones that
count), the peak of Python allocations. Target: 10,000 articles in under 60 s
on a 2-core machine → PASS/FAIL. ``--profile`` adds a cProfile run.

(b) **Streaming.** For each size (10⁴, 10⁵, 10⁶ rows by default) a Parquet
file of short synthetic articles (1-4 sentences drawn from the bundled
English sentences) is written lazily, batch by batch, with the corpus columns
(as :func:`toolkit.load.write_parquet` writes them). A fresh process then
streams it::

    load_parquet_chunks → sentences → sentiment → tokens → frames → ParquetWriter

writing one row per document (``document_sentiment`` columns, ``n_tokens`` and
the five generic frame scores). Reported per size: rows/s and peak RSS, and
the ratio of the largest peak to the smallest. A size that would not finish
within ``--budget`` seconds at the measured rate is replaced by the largest
size that would, and the requested one is extrapolated (said so in the table).

(c) **Dask.** The same per-document work on the 10⁵ file with
``dask.dataframe.read_parquet`` (one partition per row group; all columns are
read, because dask fuses partitions after a column projection) and the
toolkit's dask paths (``sentences``, ``sentiment``; the per-document step by
``map_partitions``) on ``LocalCluster(n_workers=2, threads_per_worker=1,
memory_limit="4GiB")``; the results are compared with the streaming loop's on
a sample of documents.

Every measurement runs in its own child process (this script with
``--child``), so each peak RSS belongs to that measurement alone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FRAME_NAMES = ["conflict", "human_interest", "responsibility", "morality", "economic"]
OUTLETS = ["The Daily Ledger", "Evening Courier", "Northern Star", "Global Wire", "The Capital Post",
           "Harbour Times", "Morning Herald", "Eastern Gazette", "The Observer Desk", "Coastal News",
           "Metro Daily", "The Frontier Report"]
TARGET_SECONDS = 60.0


# ----------------------------------------------------------------------------- small helpers
def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(args: list[str]) -> dict:
    """Run this script with ``--child …`` in a fresh Python; return the JSON it prints last."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise RuntimeError(f"child {' '.join(args[:1])} failed (exit {proc.returncode})")
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    extra = [ln for ln in proc.stdout.splitlines() if not ln.startswith("{")]
    result = json.loads(lines[-1])
    result["_stdout"] = "\n".join(extra)
    return result


def fmt_int(n: float) -> str:
    return f"{int(round(n)):,}"


# ----------------------------------------------------------------------------- (a) synthetic files
def _bundled_sources() -> tuple[list[dict], dict[str, list[str]]]:
    """Per bundled article: header, paragraphs of the raw body, language; and paragraphs by language."""
    import toolkit
    from toolkit import resources
    from toolkit.load.formats import _normalise, split_front_matter

    corpus = toolkit.load(resources.corpus_dir())
    language = dict(zip(corpus.doc_id, corpus.language))
    from_header = dict(zip(corpus.doc_id, corpus.language_source == "header"))
    outlet = dict(zip(corpus.doc_id, corpus.outlet))
    sources, pools = [], {}
    for path in sorted(resources.corpus_dir().glob("*.txt")):
        meta, body = split_front_matter(_normalise(path.read_text(encoding="utf-8")))
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
        lang = language[path.stem]
        sources.append({"paragraphs": len(paragraphs), "language": lang, "header_language": from_header[path.stem],
                        "outlet": outlet[path.stem], "title": str(meta.get("title") or path.stem)})
        pools.setdefault(lang, []).extend(paragraphs)
    return sources, pools


def write_synthetic_articles(folder: Path, n: int, seed: int = 2020) -> dict:
    """``n`` .txt articles with front matter in ``folder``; returns counts and sizes."""
    sources, pools = _bundled_sources()
    rng = random.Random(seed)
    outlets = sorted({s["outlet"] for s in sources}) + OUTLETS
    start = dt.date(2020, 1, 1)
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(n):
        model = rng.choice(sources)
        pool = pools[model["language"]]
        k = max(1, rng.randint(max(1, model["paragraphs"] // 2), model["paragraphs"] + model["paragraphs"] // 2))
        body = "\n\n".join(rng.choice(pool) for _ in range(k))
        header = {
            "title": f"{model['title'][:80]} ({i})",
            "outlet": rng.choice(outlets) if rng.random() < 0.5 else model["outlet"],
            "date": (start + dt.timedelta(days=rng.randrange(120))).isoformat(),
            "url": f"https://example.org/story/{i:05d}",
            "side": rng.choice(["A", "B", "C"]),
        }
        if model["header_language"]:
            header["language"] = model["language"]
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in header.items()]
        text = "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(body)
    return {"articles": n, "chars": chars}


def run_e2e(folder: str, trace: bool, profile: str | None) -> dict:
    """The pipeline on every file of ``folder``, timed step by step (runs in a child)."""
    import tracemalloc

    if trace:
        tracemalloc.start()
    base_rss = peak_rss_mib()
    import toolkit  # noqa: F401  (imports are not part of the pipeline's time)
    from toolkit import load, sentences, sentiment, skipped_inputs, tokens
    from toolkit.framing import frames

    warnings.simplefilter("ignore")
    steps = {}
    counts = {}
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    t = time.perf_counter()
    corpus = load(folder, errors="skip")
    steps["load"] = time.perf_counter() - t
    counts["articles"] = len(corpus)
    t = time.perf_counter()
    sents = sentences(corpus)
    steps["sentences"] = time.perf_counter() - t
    counts["sentences"] = len(sents)
    t = time.perf_counter()
    toks = tokens(sents)
    steps["tokens"] = time.perf_counter() - t
    counts["tokens"] = len(toks)
    t = time.perf_counter()
    scored = sentiment(sents)
    steps["sentiment"] = time.perf_counter() - t
    t = time.perf_counter()
    doc_frames = frames(toks, "generic", level="document")
    steps["frames"] = time.perf_counter() - t
    counts["frame_rows"] = len(doc_frames)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    out = {"steps": steps, "counts": counts, "rss_mib": peak_rss_mib(), "rss_after_import_mib": base_rss,
           "skipped": len(skipped_inputs(corpus)), "scored": int(scored["compound"].notna().sum()),
           "skip_reasons": skipped_inputs(corpus).reason.value_counts().head(3).to_dict()}
    if trace:
        out["tracemalloc_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
    return out


# ----------------------------------------------------------------------------- (b) Parquet stream
def _sentence_pool() -> list[str]:
    import toolkit
    from toolkit import resources

    corpus = toolkit.load(resources.corpus_dir())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sents = toolkit.sentences(corpus)
    texts = sents.loc[sents.language == "en", "text"].tolist()
    return [t for t in texts if 20 <= len(t) <= 400 and "\n" not in t]


def write_synthetic_parquet(path: Path, n: int, *, batch: int | None = None, seed: int = 2020) -> dict:
    """``n`` short articles as a saved corpus, written batch by batch (never all in memory).

    Each batch is one row group (10,000 rows, or a tenth of a small file), which
    is also one Dask partition in (c).
    """
    batch = batch or min(10_000, max(1_000, n // 10))
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    pool = _sentence_pool()
    rng = np.random.default_rng(seed)
    schema = pa.schema([
        ("doc_id", pa.string()), ("outlet", pa.string()), ("title", pa.string()), ("date", pa.timestamp("us")),
        ("url", pa.string()), ("language", pa.string()), ("text", pa.string()), ("standfirst", pa.string()),
        ("byline", pa.string()), ("captions", pa.list_(pa.string())), ("boilerplate", pa.list_(pa.string())),
        ("source_path", pa.string()), ("encoding", pa.string()), ("language_source", pa.string()),
    ])
    start = np.datetime64("2020-01-01", "us")
    chars = 0
    with pq.ParquetWriter(path, schema) as writer:
        for first in range(0, n, batch):
            m = min(batch, n - first)
            k = rng.integers(1, 5, size=m)
            picks = rng.integers(0, len(pool), size=int(k.sum()))
            texts, pos = [], 0
            for kk in k.tolist():
                texts.append(" ".join(pool[j] for j in picks[pos:pos + kk].tolist()))
                pos += kk
            chars += sum(map(len, texts))
            empty = pa.array([[]] * m, type=pa.list_(pa.string()))
            nulls = pa.nulls(m, pa.string())
            table = pa.table({
                "doc_id": [f"s{first + i:07d}" for i in range(m)],
                "outlet": [OUTLETS[j] for j in rng.integers(0, len(OUTLETS), size=m).tolist()],
                "title": nulls, "date": pa.array(start + rng.integers(0, 120, size=m) * 86_400_000_000),
                "url": nulls, "language": pa.array(["en"] * m), "text": texts, "standfirst": nulls,
                "byline": nulls, "captions": empty, "boilerplate": empty,
                "source_path": pa.array([str(path)] * m), "encoding": pa.array(["utf-8"] * m),
                "language_source": pa.array(["header"] * m),
            }, schema=schema)
            writer.write_table(table)
    return {"rows": n, "chars": chars, "bytes": path.stat().st_size}


def per_document(scored):
    """One row per document from a scored sentences table: sentiment summary, tokens, frame scores."""
    import numpy as np
    import pandas as pd

    from toolkit import tokens
    from toolkit.framing import frames
    from toolkit.sentiment import document_sentiment

    docs = document_sentiment(scored)
    toks = tokens(scored[["doc_id", "sent_id", "start", "end", "text", "language"]])
    table = frames(toks, "generic", level="document")
    scores = table.pivot(index="doc_id", columns="frame", values="score").reindex(columns=FRAME_NAMES)
    scores.columns = [f"frame_{c}" for c in scores.columns]
    n_tokens = table.drop_duplicates("doc_id").set_index("doc_id")["n_tokens"]
    out = docs.set_index("doc_id")
    out["n_tokens"] = n_tokens.reindex(out.index).fillna(0).astype(np.int64)
    out = out.join(scores).reset_index()
    out["doc_id"] = out["doc_id"].astype(str)
    return pd.DataFrame({c: out[c].to_numpy() for c in OUTPUT_COLUMNS})


OUTPUT_COLUMNS = ["doc_id", "n_sentences", "n_skipped", "mean_compound", "share_positive", "share_negative",
                  "share_neutral", "n_tokens"] + [f"frame_{f}" for f in FRAME_NAMES]


def output_schema():
    import pyarrow as pa

    fields = [("doc_id", pa.string()), ("n_sentences", pa.int64()), ("n_skipped", pa.int64())]
    fields += [(c, pa.float64()) for c in OUTPUT_COLUMNS[3:7]] + [("n_tokens", pa.int64())]
    fields += [(f"frame_{f}", pa.float64()) for f in FRAME_NAMES]
    return pa.schema(fields)


def run_stream(parquet: str, out: str, chunk_size: int) -> dict:
    """The streaming loop (runs in a child); seconds per stage and peak RSS."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from toolkit import sentences, sentiment, skipped_inputs
    from toolkit.load import load_parquet_chunks

    warnings.simplefilter("ignore")
    import toolkit.framing  # noqa: F401  (warm the imports before measuring)

    base_rss = peak_rss_mib()
    stages = {"read": 0.0, "sentences": 0.0, "sentiment": 0.0, "tokens+frames+summary": 0.0, "write": 0.0}
    rows = n_sents = n_chunks = skipped = 0
    schema = output_schema()
    t_all = time.perf_counter()
    with pq.ParquetWriter(out, schema) as writer:
        t = time.perf_counter()
        for chunk in load_parquet_chunks(parquet, chunk_size=chunk_size, columns=["language"]):
            stages["read"] += time.perf_counter() - t
            skipped += len(skipped_inputs(chunk))
            t = time.perf_counter()
            sents = sentences(chunk)
            stages["sentences"] += time.perf_counter() - t
            t = time.perf_counter()
            scored = sentiment(sents, evidence=False)
            stages["sentiment"] += time.perf_counter() - t
            t = time.perf_counter()
            result = per_document(scored)
            stages["tokens+frames+summary"] += time.perf_counter() - t
            t = time.perf_counter()
            writer.write_table(pa.Table.from_pandas(result, schema=schema, preserve_index=False))
            stages["write"] += time.perf_counter() - t
            rows += len(chunk)
            n_sents += len(sents)
            n_chunks += 1
            del chunk, sents, scored, result
            t = time.perf_counter()
    seconds = time.perf_counter() - t_all
    return {"rows": rows, "sentences": n_sents, "chunks": n_chunks, "skipped": skipped, "seconds": seconds,
            "stages": stages, "rss_mib": peak_rss_mib(), "rss_after_import_mib": base_rss,
            "out_rows": pq.ParquetFile(out).metadata.num_rows}


# ----------------------------------------------------------------------------- (c) Dask
def run_dask(parquet: str, stream_out: str, out_dir: str, sample: int) -> dict:
    """The same per-document work with dask on a 2-worker LocalCluster (runs in a child)."""
    import dask.dataframe as dd
    import numpy as np
    import pandas as pd
    from distributed import Client, LocalCluster

    from toolkit import sentences, sentiment

    warnings.simplefilter("ignore")
    t = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, memory_limit="4GiB", dashboard_address=None,
                           silence_logs=50)
    client = Client(cluster)
    startup = time.perf_counter() - t
    try:
        t = time.perf_counter()
        # All columns are read: after a projection (columns=[...], or corpus[[...]]) dask fuses
        # row groups into fewer partitions (3 of 14 columns → 10 row groups become 3 partitions,
        # which leaves one of the two workers idle for a third of the time).
        corpus = dd.read_parquet(parquet, split_row_groups=True)
        npartitions = corpus.npartitions
        sents = sentences(corpus)
        scored = sentiment(sents, evidence=False)
        meta = per_document(scored._meta)
        result = scored.map_partitions(per_document, meta=meta)
        result.to_parquet(out_dir, write_index=False, schema=output_schema())
        seconds = time.perf_counter() - t
        worker_memory = client.run(lambda: __import__("resource").getrusage(0).ru_maxrss / 1024)
    finally:
        client.close()
        cluster.close()
    got = pd.read_parquet(out_dir)
    ref = pd.read_parquet(stream_out)
    same_ids = len(got) == len(ref) and set(got.doc_id) == set(ref.doc_id)
    rng = np.random.default_rng(0)
    ids = rng.choice(ref.doc_id.to_numpy(), size=min(sample, len(ref)), replace=False)
    a = got.set_index("doc_id").loc[ids, OUTPUT_COLUMNS[1:]]
    b = ref.set_index("doc_id").loc[ids, OUTPUT_COLUMNS[1:]]
    try:
        pd.testing.assert_frame_equal(a, b, check_dtype=False, rtol=1e-12, atol=0)
        equal = True
    except AssertionError:
        equal = False
    return {"seconds": seconds, "startup": startup, "rows": len(got), "npartitions": npartitions,
            "same_ids": same_ids, "sample": len(ids), "sample_equal": equal,
            "worker_rss_mib": sorted(worker_memory.values())}


# ----------------------------------------------------------------------------- the report
def report_e2e(n: int, trace: bool, profile: bool, tmp: Path) -> bool:
    folder = tmp / "articles"
    t = time.perf_counter()
    info = write_synthetic_articles(folder, n)
    print(f"(a) end to end: {fmt_int(info['articles'])} synthetic articles, {fmt_int(info['chars'])} characters "
          f"({info['chars'] / info['articles']:,.0f} per article), written in {time.perf_counter() - t:.1f} s")
    res = child(["e2e", str(folder)])
    total = sum(res["steps"].values())
    c = res["counts"]
    print(f"    {fmt_int(c['articles'])} articles loaded ({res['skipped']} skipped), {fmt_int(c['sentences'])} "
          f"sentences, {fmt_int(c['tokens'])} tokens, {fmt_int(c['frame_rows'])} document × frame rows")
    for reason, count in res["skip_reasons"].items():
        print(f"    skipped ×{count}: {reason}")
    for step, seconds in res["steps"].items():
        print(f"    {step:<10} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
    print(f"    {'total':<10} {total:7.2f} s  → {c['articles'] / total:,.0f} articles/s "
          f"(the five steps; imports and process start not included)")
    print(f"    peak RSS {res['rss_mib']:,.0f} MiB (after imports: {res['rss_after_import_mib']:,.0f} MiB)")
    if trace:
        traced = child(["e2e", str(folder), "--trace"])
        print(f"    peak Python allocations (tracemalloc, separate run): {traced['tracemalloc_peak_mib']:,.0f} MiB "
              f"(that run took {sum(traced['steps'].values()):.1f} s with tracing on)")
    # the input articles count, skipped ones included: each was read and checked
    scaled = total * 10_000 / max(1, info["articles"])
    ok = scaled < TARGET_SECONDS
    note = f" ({total:.1f} s)" if info["articles"] == 10_000 else f" (scaled to 10,000 articles: {scaled:.1f} s)"
    print(f"    target: 10,000 articles in < {TARGET_SECONDS:.0f} s: {'PASS' if ok else 'FAIL'}{note}")
    if profile:
        import pstats

        prof = tmp / "e2e.prof"
        child(["e2e", str(folder), "--profile-out", str(prof)])
        print("\n    cProfile of the same run (cumulative time, top 30):")
        stats = pstats.Stats(str(prof), stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(30)
        print("    cProfile (own time, top 25):")
        stats.sort_stats("tottime").print_stats(25)
    return ok


def report_stream(sizes: list[int], chunk_size: int, budget: float, tmp: Path) -> dict[int, Path]:
    print(f"\n(b) streaming: Parquet in chunks of {fmt_int(chunk_size)} → sentences → sentiment → tokens → "
          f"frames → Parquet out (one row per document)")
    results: list[tuple[int, int, dict | None]] = []  # (requested, run, result)
    files: dict[int, Path] = {}
    rate = None
    for size in sizes:
        run = size
        if rate is not None and size / rate > budget:
            run = max(results[-1][1], int(budget * rate * 0.85) // 10_000 * 10_000)
            print(f"    {fmt_int(size)} rows would take ~{size / rate:,.0f} s at {rate:,.0f} rows/s "
                  f"(budget {budget:,.0f} s): running {fmt_int(run)} rows instead")
        path = tmp / f"stream_{run}.parquet"
        t = time.perf_counter()
        info = write_synthetic_parquet(path, run)
        gen = time.perf_counter() - t
        res = child(["stream", str(path), str(tmp / f"out_{run}.parquet"), "--chunk-size", str(chunk_size)])
        assert res["rows"] == res["out_rows"] == run, res
        rate = res["rows"] / res["seconds"]
        files[run] = tmp / f"out_{run}.parquet"
        print(f"    {fmt_int(run)} rows: input {info['bytes'] / 2**20:,.1f} MiB written in {gen:.1f} s "
              f"({info['chars'] / run:,.0f} characters per article); {fmt_int(res['sentences'])} sentences; "
              f"{res['chunks']} chunks; " + ", ".join(f"{k} {v:.1f} s" for k, v in res["stages"].items()))
        results.append((size, run, res))
        if run != size:
            results[-1] = (run, run, res)
            results.append((size, run, None))
        if path.exists():
            path.unlink()  # keep only what the Dask part needs
    measured = [(n, r) for n, _, r in results if r is not None]
    print(f"\n    {'rows':>11} {'seconds':>9} {'rows/s':>9} {'peak RSS MiB':>13}")
    for requested, run, res in results:
        if res is not None:
            print(f"    {fmt_int(requested):>11} {res['seconds']:9.1f} {res['rows'] / res['seconds']:9,.0f} "
                  f"{res['rss_mib']:13,.0f}")
        else:
            n1, r1 = measured[-1]
            seconds = requested / (r1["rows"] / r1["seconds"])
            if len(measured) >= 2:
                n0, r0 = measured[-2]
                slope = (r1["rss_mib"] - r0["rss_mib"]) / (n1 - n0)
            else:
                slope = 0.0
            rss = r1["rss_mib"] + slope * (requested - n1)
            print(f"    {fmt_int(requested):>11} {seconds:9.0f} {requested / seconds:9,.0f} {rss:13,.0f}"
                  f"   (not run: extrapolated from {fmt_int(n1)} rows; memory slope "
                  f"{slope * 1e5:+.1f} MiB per 100,000 rows)")
    first = measured[0][1]["rss_mib"]
    last_n, last = measured[-1]
    print(f"    peak RSS after imports, before the first chunk: {measured[0][1]['rss_after_import_mib']:,.0f} MiB")
    print(f"    peak({fmt_int(last_n)}) / peak({fmt_int(measured[0][0])}) = {last['rss_mib'] / first:.2f}"
          + (f"  (requested {fmt_int(results[-1][0])} not run; see the extrapolated row)"
             if results[-1][2] is None else ""))
    return files


def report_dask(size: int, chunk_size: int, tmp: Path, stream_outputs: dict[int, Path]) -> None:
    print(f"\n(c) Dask: the same work on {fmt_int(size)} rows, LocalCluster(n_workers=2, threads_per_worker=1, "
          f"memory_limit='4GiB')")
    path = tmp / f"dask_{size}.parquet"
    write_synthetic_parquet(path, size)
    ref = stream_outputs.get(size)
    stream_res = None
    if ref is None:
        ref = tmp / f"out_{size}.parquet"
        stream_res = child(["stream", str(path), str(ref), "--chunk-size", str(chunk_size)])
    res = child(["dask", str(path), str(ref), str(tmp / f"dask_out_{size}"), "--sample", "2000"])
    print(f"    {fmt_int(res['rows'])} documents in {res['seconds']:.1f} s ({res['rows'] / res['seconds']:,.0f} rows/s; "
          f"{res['npartitions']} partitions; cluster start {res['startup']:.1f} s, not included); "
          f"peak RSS per worker {', '.join(f'{m:,.0f}' for m in res['worker_rss_mib'])} MiB")
    if stream_res is not None:
        print(f"    streaming loop on the same file: {stream_res['seconds']:.1f} s")
    print(f"    same documents as the streaming loop: {res['same_ids']}; {fmt_int(res['sample'])} sampled documents "
          f"equal on every column: {res['sample_equal']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smoke run: 1,000 articles, sizes 2,000 and 10,000, "
                                                         "Dask on 10,000")
    ap.add_argument("--articles", type=int, default=None, help="articles for (a) (default 10,000)")
    ap.add_argument("--sizes", default=None, help="rows for (b), comma-separated (default 10000,100000,1000000)")
    ap.add_argument("--dask-size", type=int, default=None, help="rows for (c) (default 100,000; 0 skips it)")
    ap.add_argument("--chunk-size", type=int, default=5000, help="rows per chunk in (b)")
    ap.add_argument("--budget", type=float, default=720.0, help="seconds one streaming size may take (default 720)")
    ap.add_argument("--no-trace", action="store_true", help="skip the tracemalloc run of (a)")
    ap.add_argument("--profile", action="store_true", help="also cProfile the end-to-end run")
    ap.add_argument("--only", choices=["e2e", "stream", "dask"], action="append",
                    help="run only these parts (repeatable)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--sample", type=int, default=2000, help=argparse.SUPPRESS)
    ap.add_argument("--profile-out", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        kind, *paths = args.child
        if kind == "e2e":
            out = run_e2e(paths[0], args.trace, args.profile_out)
        elif kind == "stream":
            out = run_stream(paths[0], paths[1], args.chunk_size)
        else:
            out = run_dask(paths[0], paths[1], paths[2], args.sample)
        print(json.dumps(out))
        return 0
    articles = args.articles or (1_000 if args.quick else 10_000)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else (
        [2_000, 10_000] if args.quick else [10_000, 100_000, 1_000_000])
    dask_size = args.dask_size if args.dask_size is not None else (10_000 if args.quick else 100_000)
    parts = set(args.only or ["e2e", "stream", "dask"])
    print(f"scale benchmark: {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}")
    status = 0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="toolkit-scale-") as tmpdir:
        tmp = Path(tmpdir)
        if "e2e" in parts:
            status = 0 if report_e2e(articles, not args.no_trace, args.profile, tmp) else 1
        outputs: dict[int, Path] = {}
        if "stream" in parts:
            outputs = report_stream(sizes, args.chunk_size, args.budget, tmp)
        if "dask" in parts and dask_size:
            report_dask(dask_size, args.chunk_size, tmp, outputs)
    print(f"\nwhole benchmark: {time.perf_counter() - t0:,.0f} s")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
