"""Corpus scale: store ingest, story clustering and search at 10k and 100k articles.

Real articles (detik 2025, ids not divisible by 5, through the default pipeline once) are
replicated with changes up to the corpus size: each copy gets a sentence of its own at the
end, so it is a distinct record (its own id) and a near-duplicate of its original, as
syndicated copies are. Timed, in the same run:

- ingest: ``save_batch`` into SQLite (and PostgreSQL when ``--postgres URL`` or
  ``WARTA_TEST_POSTGRES`` names one), 500 records per transaction, with every queryable row
  and the full-text index; pipeline speed is measured by the other benchmarks;
- stories: MinHash-LSH clustering (``warta.corpus.stories``) of 10k and of 100k bodies (goal:
  ten times the documents in at most twelve times the time);
- search: p50/p95 latency of 200 two-word queries (words from the titles) over the SQLite
  store of the largest size (goal: p95 <= 50 ms).

    python benchmarks/corpus.py [--sizes 10000 100000] [--base 300] [--postgres URL] [--cluster-only]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from detik import DETIK, detik_rows  # noqa: E402  (benchmarks/detik.py, beside this script)
BATCH = 500


def base_records(count: int):
    from warta.model import Article, Source
    from warta.pipeline import Pipeline
    from warta.readers import DEFAULT_FIELDS, raw_from_record

    pipeline = Pipeline()
    out = []
    for row in detik_rows():
        source = Source(format="jsonl", path=f"detik#{row['id']}")
        out.append(pipeline.run(Article(source=source, raw=raw_from_record(row, DEFAULT_FIELDS))))
        if len(out) == count:
            break
    return out


def copies(base, size: int):
    """``size`` records: the originals, then copies each with a closing sentence of its own."""
    from warta.model import Source, article_id

    for i in range(size):
        record = base[i % len(base)]
        if i < len(base):
            yield record
            continue
        body = record.body + f"\n\nArtikel ini dimuat ulang sebagai salinan nomor {i} oleh redaksi mitra."
        yield record.evolve(body=body, id=article_id(body),
                            source=Source(format="jsonl", path=f"{record.source.path}/copy{i}"))


def ingest(store, records) -> tuple[int, float]:
    from warta.corpus.stories import StoryIndex

    index = StoryIndex()
    batch, signatures, n = [], {}, 0
    started = time.perf_counter()
    for record in records:
        story_id, signatures[record.id] = index.assign(record.id, record.body)
        batch.append(record.evolve(story_id=story_id))
        if len(batch) == BATCH:
            store.save_batch(batch, (), signatures)
            n += len(batch)
            batch, signatures = [], {}
    if batch:
        store.save_batch(batch, (), signatures)
        n += len(batch)
    return n, time.perf_counter() - started


def cluster_seconds(records) -> tuple[float, int]:
    from warta.corpus.stories import StoryIndex

    index = StoryIndex()
    started = time.perf_counter()
    stories = {index.assign(r.id, r.body)[0] for r in records}
    return time.perf_counter() - started, len(stories)


def search_latency(store, base, queries: int = 200) -> tuple[float, float]:
    from warta.storage import SearchQuery

    rng = random.Random(7)
    words = [w for r in base for w in (r.title or "").split() if len(w) > 4 and w.isalpha()]
    times = []
    for _ in range(queries):
        text = " ".join(rng.sample(words, 2))
        started = time.perf_counter()
        store.search(SearchQuery(text, limit=20))
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * len(times)) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--base", type=int, default=300, help="real articles to replicate")
    parser.add_argument("--postgres", default=os.environ.get("WARTA_TEST_POSTGRES"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--cluster-only", action="store_true", help="only the clustering times (no stores)")
    args = parser.parse_args()
    if not DETIK.exists():
        print(f"skipped: {DETIK} not found")
        return 0
    from warta.storage.sqlite import SQLiteStore

    started = time.perf_counter()
    base = base_records(args.base)
    results = {"base_articles": len(base), "pipeline_seconds": round(time.perf_counter() - started, 1), "sizes": {}}
    for size in args.sizes:
        row: dict = {}
        if args.cluster_only:
            seconds, stories = cluster_seconds(list(copies(base, size)))
            row["cluster_seconds"], row["stories"] = round(seconds, 2), stories
            results["sizes"][size] = row
            continue
        with tempfile.TemporaryDirectory() as folder:
            store = SQLiteStore(os.path.join(folder, "w.db"))
            n, seconds = ingest(store, copies(base, size))
            row["sqlite_ingest_per_s"] = round(n / seconds)
            if size == max(args.sizes):
                p50, p95 = search_latency(store, base)
                row["search_p50_ms"], row["search_p95_ms"] = round(p50, 2), round(p95, 2)
            store.close()
        if args.postgres:
            from warta.storage.postgres import PostgresStore

            store = PostgresStore(args.postgres, schema=f"bench_{size}")
            n, seconds = ingest(store, copies(base, size))
            row["postgres_ingest_per_s"] = round(n / seconds)
            if size == max(args.sizes):
                p50, p95 = search_latency(store, base)
                row["postgres_search_p50_ms"], row["postgres_search_p95_ms"] = round(p50, 2), round(p95, 2)
            store.drop_schema()
            store.close()
        seconds, stories = cluster_seconds(list(copies(base, size)))
        row["cluster_seconds"], row["stories"] = round(seconds, 2), stories
        results["sizes"][size] = row
    sizes = sorted(results["sizes"])
    if len(sizes) >= 2:
        small, large = results["sizes"][sizes[0]], results["sizes"][sizes[-1]]
        results["cluster_time_ratio"] = round(large["cluster_seconds"] / small["cluster_seconds"], 2)
        results["document_ratio"] = round(sizes[-1] / sizes[0], 2)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{len(base)} real detik articles through the default pipeline in {results['pipeline_seconds']} s, "
          "replicated with changes")
    print(f"{'articles':>9}{'SQLite ingest/s':>17}{'Postgres ingest/s':>19}{'cluster s':>11}{'stories':>9}"
          f"{'search p50 ms':>15}{'p95 ms':>8}")
    for size in sizes:
        r = results["sizes"][size]
        print(f"{size:>9}{r.get('sqlite_ingest_per_s', '-')!s:>17}{r.get('postgres_ingest_per_s', '-')!s:>19}"
              f"{r['cluster_seconds']:>11}{r['stories']:>9}{r.get('search_p50_ms', '')!s:>15}"
              f"{r.get('search_p95_ms', '')!s:>8}")
    if "cluster_time_ratio" in results:
        print(f"clustering: x{results['document_ratio']} documents took x{results['cluster_time_ratio']} time "
              "(goal: at most x12 for x10)")
    if not args.postgres and not args.cluster_only:
        print("PostgreSQL: skipped (give --postgres URL, or run under scripts/test-postgres.sh)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
