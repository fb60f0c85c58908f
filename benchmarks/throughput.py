"""Throughput of the single-process pipeline (what every worker runs), its memory, and scaling.

    python benchmarks/throughput.py [--detik 400] [--html N] [--rounds 2] [--shards 8] [--json]
                                    [--no-rss] [--no-pool] [--no-spark]

A quick look (about a minute): ``--detik 60 --html 30 --rounds 1 --no-spark``.

Inputs, from ../shared/data (or $WARTA_SHARED_DATA):
  detik 2025      the first ``--detik`` articles of ``articles.jsonl`` whose id is not
                  divisible by 5 (those are reserved for evaluation), as text input (JSONL
                  records: ``raw_from_record(row, DEFAULT_FIELDS)``)
  Scrapinghub     the 181 HTML pages of the article-extraction benchmark (``--html N``: the
                  first N), decompressed and decoded before any clock starts

Measured in one run, on the same input (goals from the issue in brackets):

1. Per stage, in this process: the default ``Pipeline()``'s stages run one after another
   per article (``Pipeline([stage]).run`` chained, so each stage's contract checks run as in
   the pipeline), each timed on its own: seconds, articles/s, sentences/s (the articles'
   sentence count, from the ``sentences`` stage, over the stage's time) and share of the
   total; end to end as one ``Pipeline().run`` per article. Resources are loaded by a
   warm-up document before any clock starts. Each of ``--rounds`` rounds runs every
   measurement once, interleaved, and the fastest round is kept (per stage, too), which cuts
   the noise of this shared 2-core machine; the rounds after the first find the NER
   per-token cache warm. [text input, extract -> language -> sentences -> times -> entities
   -> quotes -> events, no store: >= 2,000 sentences/s on one core.] That chain cannot run
   as such: ``quotes`` needs ``actors``. The default pipeline (all 8 stages, with
   ``actors``) is reported measured; the goal's chain is derived as end to end minus the
   ``actors`` stage.
2. HTML: ``trafilatura.extract`` alone on the same decoded pages (as in
   benchmarks/extraction.py), against Warta's extract stage alone and Warta's full pipeline.
   [full pipeline <= 1.2 x trafilatura's time.]
3. Peak RSS: a fresh process of this script (hidden ``--child rss``) runs the default
   pipeline once over both sets; its own ``ru_maxrss`` (and ``RUSAGE_CHILDREN`` here).
   Its end-to-end speeds (fresh process, caches cold) are printed beside it. [<= 500 MB.]
4. Scaling on the detik sample, written as ``--shards`` JSONL files in a temporary folder,
   each configuration in a fresh process: ``process_inputs(folder, Pipeline(), store=None,
   workers=1)`` against ``workers=2`` (resources loaded by a warm-up article before the
   pool forks, so both measure processing; pool start-up counts), and
   ``run_spark(folder, out, master="local[1]")`` against ``"local[2]"`` (run_spark's own
   seconds: Spark session and JVM start-up, Python workers loading the resources, the
   story pass and the Parquet writing all count). Efficiency = (t1 / t2) / 2. [>= 0.8.]
   Each shard starts with its shortest record: the readers take a file for JSONL only when
   its first line, cut at 4,096 characters, parses, and most detik records are longer (a
   file that starts with a long record is read as ONE text document). The runs' record
   counts are checked against the inputs.
   Spark is skipped, with a message, when ``warta.runners.spark`` (pyspark) or Java is
   missing.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from detik import DATA, DETIK  # noqa: E402  (benchmarks/detik.py, beside this script)
from detik import detik_rows as reserved_skipped  # noqa: E402
SCRAPINGHUB = DATA / "scrapinghub-article-extraction-benchmark"
GOAL_SENTENCES_PER_S = 2000
GOAL_HTML_RATIO = 1.2
GOAL_RSS_MB = 500
GOAL_EFFICIENCY = 0.8
CHILD_TIMEOUT_S = 1800
GOAL_CHAIN_DROPS = "actors"  # the chain: the default stages without actors


# --- inputs ------------------------------------------------------------------------------


def detik_rows(count: int) -> list[dict]:
    """The first ``count`` + 1 detik rows whose id is not divisible by 5 (the last one is
    the warm-up document, outside the timed sample)."""
    return list(itertools.islice(reserved_skipped(), count + 1))


def detik_articles(rows: list[dict]):
    from warta.model import Article, Source
    from warta.readers import DEFAULT_FIELDS, raw_from_record

    return [Article(source=Source(format="jsonl", path=f"detik#{row['id']}"), raw=raw_from_record(row, DEFAULT_FIELDS))
            for row in rows]


def scrapinghub_pages(limit: int | None) -> list[tuple[str, str, str | None]]:
    """(key, decoded HTML, url) of the Scrapinghub pages, as benchmarks/extraction.py loads them."""
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        raw = gzip.decompress((SCRAPINGHUB / "html" / f"{key}.html.gz").read_bytes())
        pages.append((key, raw.decode("utf-8"), truth[key].get("url")))
    return pages


def html_articles(pages):
    """Raw articles as ``Pipeline.process`` builds them from a decoded page."""
    from warta.model import Article, Source
    from warta.readers import raw_from_text

    out = []
    for key, html, url in pages:
        raw = raw_from_text(html, url=url)
        if raw.format == "jsonl":
            raw = dataclasses.replace(raw, format="text")
        out.append(Article(source=Source(format=raw.format, path=key, url=url), raw=raw))
    return out


# --- timing ------------------------------------------------------------------------------


def stage_pass(stage_pipelines, articles) -> tuple[list[float], int, int]:
    """Each article through the stages one by one; seconds per stage, sentences, failures."""
    from warta.errors import DOCUMENT_ERRORS

    seconds = [0.0] * len(stage_pipelines)
    sentences = failed = 0
    clock = time.perf_counter
    for article in articles:
        for i, pipeline in enumerate(stage_pipelines):
            started = clock()
            try:
                article = pipeline.run(article)
            except DOCUMENT_ERRORS:
                seconds[i] += clock() - started
                failed += 1
                break
            seconds[i] += clock() - started
        else:
            sentences += len(article.sentences)
    return seconds, sentences, failed


def e2e_pass(pipeline, articles) -> tuple[float, int, int]:
    """Seconds of one ``pipeline.run`` per article; sentences; failures."""
    from warta.errors import DOCUMENT_ERRORS

    sentences = failed = 0
    started = time.perf_counter()
    for article in articles:
        try:
            sentences += len(pipeline.run(article).sentences)
        except DOCUMENT_ERRORS:
            failed += 1
    return time.perf_counter() - started, sentences, failed


def trafilatura_pass(pages) -> float:
    import trafilatura

    started = time.perf_counter()
    for _key, html, _url in pages:
        trafilatura.extract(html)
    return time.perf_counter() - started


def rates(seconds: float, articles: int, sentences: int) -> dict:
    return {"seconds": round(seconds, 3),
            "articles_per_s": round(articles / seconds, 1) if seconds else None,
            "sentences_per_s": round(sentences / seconds, 1) if seconds else None}


def measure_speed(sets: dict, rounds: int) -> dict:
    """Per-stage and end-to-end times (best of ``rounds``) for each input set, and
    trafilatura's on the HTML set, interleaved round by round."""
    import trafilatura

    from warta.pipeline import Pipeline

    full = Pipeline()
    names = [spec.name for spec in full.specs]
    stage_pipelines = [Pipeline([spec.id], full.options) for spec in full.specs]
    for name, (articles, warm, pages) in sets.items():  # resources load here, off the clock
        e2e_pass(full, [warm])
        if pages:
            trafilatura.extract(pages[0][1])

    best: dict = {name: {"stages": [float("inf")] * len(names), "e2e": float("inf"), "trafilatura": float("inf"),
                         "e2e_rounds": []} for name in sets}
    counts: dict = {}
    for _ in range(rounds):
        for name, (articles, _warm, pages) in sets.items():
            b = best[name]
            if pages:
                b["trafilatura"] = min(b["trafilatura"], trafilatura_pass(pages))
            seconds, sentences, failed = e2e_pass(full, articles)
            b["e2e"] = min(b["e2e"], seconds)
            b["e2e_rounds"].append(round(seconds, 3))
            per_stage, sentences, failed = stage_pass(stage_pipelines, articles)
            b["stages"] = [min(x, y) for x, y in zip(b["stages"], per_stage)]
            counts[name] = (len(articles), sentences, failed)

    out = {}
    for name in sets:
        n, sentences, failed = counts[name]
        b = best[name]
        total = sum(b["stages"])
        stages = {}
        for stage, seconds in zip(names, b["stages"]):
            stages[stage] = {**rates(seconds, n, sentences), "share": round(seconds / total, 4) if total else None}
        goal_chain = b["e2e"] - b["stages"][names.index(GOAL_CHAIN_DROPS)]
        row = {"articles": n, "sentences": sentences, "failed": failed, "stages": stages,
               "stage_sum": rates(total, n, sentences),
               "end_to_end": rates(b["e2e"], n, sentences),
               "end_to_end_first_round": rates(b["e2e_rounds"][0], n, sentences),
               "end_to_end_rounds_seconds": b["e2e_rounds"],
               "goal_chain_derived": rates(goal_chain, n, sentences)}
        if sets[name][2]:
            traf = b["trafilatura"]
            row["trafilatura"] = rates(traf, n, sentences)
            row["ratio_extract_to_trafilatura"] = round(b["stages"][names.index("extract")] / traf, 3)
            row["ratio_full_to_trafilatura"] = round(b["e2e"] / traf, 3)
            row["ratio_goal_chain_to_trafilatura"] = round(goal_chain / traf, 3)
        out[name] = row
    return {"stage_names": names, "sets": out}


# --- children (fresh processes) -----------------------------------------------------------


def child_rss(args) -> dict:
    """The default pipeline once over both sets, in this fresh process; its peak RSS."""
    from warta.pipeline import Pipeline

    pipeline = Pipeline()
    sets = {}
    if DETIK.exists() and args.detik > 0:
        articles = detik_articles(detik_rows(args.detik))
        sets["detik"] = (articles[:-1], articles[-1])
    if SCRAPINGHUB.is_dir() and args.html != 0:
        articles = html_articles(scrapinghub_pages(args.html))
        sets["html"] = (articles, articles[0])
    started = time.perf_counter()
    e2e_pass(pipeline, [warm for _articles, warm in sets.values()])  # resources (both languages) load here
    out: dict = {"load_seconds": round(time.perf_counter() - started, 2)}
    for name, (articles, _warm) in sets.items():
        seconds, sentences, failed = e2e_pass(pipeline, articles)
        out[name] = {**rates(seconds, len(articles), sentences), "failed": failed}
    out["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return out


def child_pool(args) -> dict:
    from warta.batch import process_inputs
    from warta.pipeline import Pipeline

    pipeline = Pipeline()
    warm = detik_articles(detik_rows(args.detik))[-1]
    e2e_pass(pipeline, [warm])  # resources load before the pool forks, off the clock
    summary = process_inputs([args.folder], pipeline, store=None, workers=args.workers)
    return {"seconds": round(summary.seconds, 3), "articles": summary.articles, "failed": summary.failed}


def child_spark(args) -> dict:
    from warta.runners.spark import run_spark

    result = run_spark([args.folder], args.out, master=args.master)
    return {"seconds": result["seconds"], "articles": result["articles"], "failed": result["failures"],
            "stories": result["stories"]}


def run_child(kind: str, extra: list[str], args) -> dict:
    """This script in a fresh process; the JSON object on its last stdout line."""
    command = [sys.executable, __file__, "--child", kind, "--detik", str(args.detik), *extra]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return {"error": f"no result within {CHILD_TIMEOUT_S} s"}
    wall = time.perf_counter() - started
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        return {"error": f"exit {done.returncode}: " + " | ".join(tail)}
    return {**json.loads(lines[-1]), "process_wall_s": round(wall, 2)}


def spark_unavailable() -> str | None:
    try:
        import pyspark  # noqa: F401

        import warta.runners.spark  # noqa: F401
    except ImportError as exc:
        return f"warta.runners.spark cannot be imported ({exc})"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no java on PATH and no JAVA_HOME"
    return None


def measure_scaling(args, rows: list[dict]) -> dict:
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="warta-throughput-") as folder:
        inputs = os.path.join(folder, "in")
        os.makedirs(inputs)
        shards = max(1, min(args.shards, len(rows)))
        size = -(-len(rows) // shards)
        for i in range(shards):
            lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in rows[i * size:(i + 1) * size]]
            if lines:
                # The readers take a file for JSONL only when its first line, cut at 4,096
                # characters, parses; most detik records are longer, so the shortest goes first.
                lines.insert(0, lines.pop(lines.index(min(lines, key=len))))
                Path(inputs, f"detik-{i:03d}.jsonl").write_text("".join(lines), encoding="utf-8")
        if not args.no_pool:
            runs = {w: run_child("pool", ["--workers", str(w), "--folder", inputs], args) for w in (1, 2)}
            out["pool"] = scaling_row(runs[1], runs[2], "workers=1", "workers=2", len(rows))
        if args.no_spark:
            out["spark"] = {"skipped": "--no-spark"}
        elif (reason := spark_unavailable()) is not None:
            out["spark"] = {"skipped": reason}
        else:
            runs = {}
            for n in (1, 2):
                target = os.path.join(folder, f"spark-out-{n}")
                runs[n] = run_child("spark", ["--master", f"local[{n}]", "--folder", inputs, "--out", target], args)
            out["spark"] = scaling_row(runs[1], runs[2], "local[1]", "local[2]", len(rows))
    return out


def scaling_row(one: dict, two: dict, name1: str, name2: str, expected: int) -> dict:
    row = {name1: one, name2: two}
    for run in (one, two):
        if "error" not in run and run["articles"] + run["failed"] != expected:
            run["warning"] = (f"{run['articles']} records + {run['failed']} failures from {expected} inputs "
                              "(Spark keeps one record per article id)")
    if "error" in one or "error" in two:
        return row
    t1, t2 = one["seconds"], two["seconds"]
    row["speedup"] = round(t1 / t2, 3)
    row["efficiency"] = round(t1 / t2 / 2, 3)
    # t = fixed + work / cores: if the work halved exactly, the part that did not is 2 t2 - t1
    row["fixed_seconds_estimate"] = round(max(0.0, 2 * t2 - t1), 2)
    return row


# --- report ------------------------------------------------------------------------------


def yes(ok: bool) -> str:
    return "met" if ok else "NOT met"


def print_report(results: dict) -> None:
    speed = results.get("speed")
    print(f"load average at start {results['load_start']}, at end {results['load_end']} "
          f"({os.cpu_count()} cores, shared: speeds are only comparable inside this run)")
    titles = {"detik": "detik 2025, text input (JSONL records)", "html": "Scrapinghub HTML pages"}
    if speed:
        names = speed["stage_names"]
        for name, row in speed["sets"].items():
            print()
            print(f"{titles[name]}: {row['articles']} documents, {row['sentences']} sentences "
                  f"({row['failed']} failed), best of {results['rounds']} round(s), resources warm")
            print(f"  {'stage':<34}{'seconds':>9}{'articles/s':>12}{'sentences/s':>13}{'share':>8}")
            for stage in names:
                s = row["stages"][stage]
                print(f"  {stage:<34}{s['seconds']:>9.2f}{s['articles_per_s']:>12.1f}"
                      f"{s['sentences_per_s']:>13.1f}{s['share']:>8.1%}")
            lines = [("sum of the stages, one by one", row["stage_sum"]),
                     ("end to end, all 8 default stages", row["end_to_end"]),
                     ("  the same, first round (colder)", row["end_to_end_first_round"]),
                     ("goal chain (end to end - actors)", row["goal_chain_derived"])]
            if "trafilatura" in row:
                lines.append(("trafilatura.extract alone", row["trafilatura"]))
            for label, s in lines:
                print(f"  {label:<34}{s['seconds']:>9.2f}{s['articles_per_s']:>12.1f}{s['sentences_per_s']:>13.1f}")
            print(f"  end to end, seconds by round: {', '.join(f'{x:.2f}' for x in row['end_to_end_rounds_seconds'])}")
            if name == "detik":
                rate = row["goal_chain_derived"]["sentences_per_s"]
                gap = f" (x{GOAL_SENTENCES_PER_S / rate:.1f} short)" if rate < GOAL_SENTENCES_PER_S else ""
                print(f"  goal >= {GOAL_SENTENCES_PER_S} sentences/s on one core (goal chain, text input): "
                      f"{rate:.0f}/s, {yes(rate >= GOAL_SENTENCES_PER_S)}{gap}")
            if "trafilatura" in row:
                print(f"  time / trafilatura's: extract stage {row['ratio_extract_to_trafilatura']:.2f}, "
                      f"full pipeline {row['ratio_full_to_trafilatura']:.2f}, goal chain "
                      f"{row['ratio_goal_chain_to_trafilatura']:.2f} (goal <= {GOAL_HTML_RATIO} for the full "
                      f"pipeline: {yes(row['ratio_full_to_trafilatura'] <= GOAL_HTML_RATIO)})")
        print("  (the issue's chain omits actors, but quotes needs actors, so it cannot run as such: the goal "
              "chain is derived)")
    rss = results.get("rss")
    if rss:
        print()
        if "error" in rss:
            print(f"peak RSS: the child process failed: {rss['error']}")
        else:
            mb = rss["maxrss_kb"] / 1024
            print(f"peak RSS, fresh process, default pipeline once over both sets: {mb:.0f} MB "
                  f"(RUSAGE_CHILDREN {rss['children_maxrss_kb'] / 1024:.0f} MB; goal <= {GOAL_RSS_MB} MB: "
                  f"{yes(mb <= GOAL_RSS_MB)}); this process, after all rounds: "
                  f"{results['this_process_maxrss_kb'] / 1024:.0f} MB")
            print(f"  its resources loaded in {rss['load_seconds']:.2f} s "
                  "(a first document of each set, off the clock)")
            for name in ("detik", "html"):
                if name in rss:
                    s = rss[name]
                    print(f"  its end to end (cold caches), {name}: {s['seconds']:.2f} s, "
                          f"{s['articles_per_s']:.1f} articles/s, {s['sentences_per_s']:.1f} sentences/s")
    scaling = results.get("scaling")
    if scaling:
        print()
        print(f"scaling on the detik sample ({results['scaling_articles']} articles in {results['shards']} JSONL "
              f"files), each run in a fresh process; efficiency = (t1 / t2) / 2, goal >= {GOAL_EFFICIENCY}")
        for engine, (a, b) in (("pool", ("workers=1", "workers=2")), ("spark", ("local[1]", "local[2]"))):
            row = scaling.get(engine)
            if row is None:
                continue
            if "skipped" in row:
                print(f"  {engine:<6} skipped: {row['skipped']}")
                continue
            errors = [f"{k}: {row[k]['error']}" for k in (a, b) if "error" in row[k]]
            if errors:
                print(f"  {engine:<6} failed: " + "; ".join(errors))
                continue
            print(f"  {engine:<6} {a} {row[a]['seconds']:.2f} s ({row[a]['articles']} articles, {row[a]['failed']} "
                  f"failed), {b} {row[b]['seconds']:.2f} s: speed-up {row['speedup']:.2f}, efficiency "
                  f"{row['efficiency']:.2f} ({yes(row['efficiency'] >= GOAL_EFFICIENCY)}); "
                  f"part that did not scale, if the rest halved exactly (2 t2 - t1): "
                  f"{row['fixed_seconds_estimate']:.1f} s")
            for k in (a, b):
                if "warning" in row[k]:
                    print(f"  {engine:<6} {k}: {row[k]['warning']}")
        if "pool" in scaling and "skipped" not in scaling["pool"]:
            print("  pool: process_inputs(store=None); resources loaded before the pool forks; pool start-up counts")
        if "spark" in scaling and "skipped" not in scaling["spark"]:
            print("  spark: run_spark's seconds, which include the Spark session (JVM) start-up, the Python "
                  "workers loading the resources, the story pass and writing Parquet")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--detik", type=int, default=400, help="detik articles (ids not divisible by 5)")
    parser.add_argument("--html", type=int, default=None, help="first N Scrapinghub pages (default: all 181)")
    parser.add_argument("--rounds", type=int, default=2, help="timing rounds in this process (best is kept)")
    parser.add_argument("--shards", type=int, default=8, help="JSONL files the scaling sample is written as")
    parser.add_argument("--no-rss", action="store_true", help="skip the peak-RSS child process")
    parser.add_argument("--no-pool", action="store_true", help="skip workers=1 vs workers=2")
    parser.add_argument("--no-spark", action="store_true", help="skip Spark local[1] vs local[2]")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", choices=("rss", "pool", "spark"), help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--master", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        child = {"rss": child_rss, "pool": child_pool, "spark": child_spark}[args.child]
        print(json.dumps(child(args)))
        return 0

    have_detik = DETIK.exists() and args.detik > 0
    have_html = SCRAPINGHUB.is_dir() and args.html != 0
    if not have_detik and not have_html:
        print(f"skipped: neither {DETIK} nor {SCRAPINGHUB} is there (set WARTA_SHARED_DATA)")
        return 0
    results: dict = {"rounds": args.rounds, "load_start": [round(x, 2) for x in os.getloadavg()]}
    notes = []
    sets: dict = {}
    rows: list[dict] = []
    if have_detik:
        rows = detik_rows(args.detik)
        articles = detik_articles(rows)
        sets["detik"] = (articles[:-1], articles[-1], None)
        rows = rows[:-1]
    else:
        notes.append(f"detik part skipped: {DETIK} not found")
    if have_html:
        pages = scrapinghub_pages(args.html)
        articles = html_articles(pages)
        sets["html"] = (articles, articles[0], pages)
    else:
        notes.append(f"HTML part skipped: {SCRAPINGHUB} not found")

    if not args.no_rss:  # first, so RUSAGE_CHILDREN is this child's alone
        rss = run_child("rss", [] if args.html is None else ["--html", str(args.html)],
                        argparse.Namespace(detik=args.detik if have_detik else 0))
        if "error" not in rss:
            rss["children_maxrss_kb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        results["rss"] = rss
    results["speed"] = measure_speed(sets, args.rounds)
    results["this_process_maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if rows and not (args.no_pool and args.no_spark):
        results["scaling_articles"], results["shards"] = len(rows), min(args.shards, len(rows))
        results["scaling"] = measure_scaling(args, rows)
    elif not rows:
        notes.append("scaling skipped: it runs on the detik sample")
    results["load_end"] = [round(x, 2) for x in os.getloadavg()]
    results["notes"] = notes
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for note in notes:
        print(note)
    print_report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
