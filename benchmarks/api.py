"""HTTP API under load: requests/s and latency for search and events over a large SQLite store.

The store holds real detik articles (ids not divisible by 5, through the default pipeline)
replicated with changes up to ``--size`` articles, as in ``benchmarks/corpus.py``; it is
built once and kept at ``--db`` for later runs. ``warta serve``'s app runs under uvicorn in
its own process(es) on loopback; 32 concurrent clients (one asyncio loop, one keep-alive
connection each) send, per endpoint, ``--requests`` requests drawn from a fixed mix:

- ``/v1/articles?q=…``: two words from the titles, 20 hits;
- ``/v1/events?…``: by type, by actor, by country, by month, and unfiltered, 20 rows.

Printed per endpoint: requests/s, p50/p95/max latency, errors (any non-200 answer or
failed request). ``/healthz`` is measured in the same run as the baseline: the ratio says
what the query itself costs over the server and client's own work.

    python benchmarks/api.py [--size 100000] [--db PATH] [--clients 32] [--requests 3000] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_store(path: str, size: int, base_count: int) -> list:
    """The base records; the store at ``path`` is filled to ``size`` articles unless it already is."""
    from warta.storage.sqlite import SQLiteStore

    corpus = _corpus_module()
    base = corpus.base_records(base_count)
    store = SQLiteStore(path)
    wanted = len({r.id for r in corpus.copies(base, size)})  # a few copies share a body, so an id
    if store.counts()["articles"] < wanted:
        print(f"building a {size:,}-article store at {path} (once) …", file=sys.stderr)
        n, seconds = corpus.ingest(store, corpus.copies(base, size))
        print(f"  {n:,} articles in {seconds:.0f} s", file=sys.stderr)
    store.close()
    return base


def request_mix(base: list, store_path: str, count: int, seed: int = 11) -> dict[str, list[str]]:
    import sqlite3

    rng = random.Random(seed)
    words = [w for r in base for w in (r.title or "").split() if len(w) > 4 and w.isalpha()]
    db = sqlite3.connect(store_path)
    types = [t for (t,) in db.execute("SELECT DISTINCT type FROM events")]
    actors = [a for (a,) in db.execute("SELECT actor FROM events WHERE actor IS NOT NULL GROUP BY actor "
                                       "ORDER BY COUNT(*) DESC LIMIT 50")]
    countries = [c for (c,) in db.execute("SELECT actor_country FROM events WHERE actor_country IS NOT NULL "
                                          "GROUP BY actor_country ORDER BY COUNT(*) DESC LIMIT 20")]
    months = [m for (m,) in db.execute("SELECT DISTINCT substr(date, 1, 7) FROM events WHERE length(date) >= 7")]
    db.close()
    searches = [f"/v1/articles?q={'+'.join(rng.sample(words, 2))}&limit=20" for _ in range(count)]
    events = []
    for i in range(count):
        kind = i % 5
        if kind == 0:
            events.append(f"/v1/events?type={rng.choice(types)}&limit=20")
        elif kind == 1:
            events.append(f"/v1/events?actor={rng.choice(actors)}&limit=20")
        elif kind == 2:
            events.append(f"/v1/events?country={rng.choice(countries)}&limit=20")
        elif kind == 3:
            month = rng.choice(months)
            events.append(f"/v1/events?from={month}&to={month}&limit=20")
        else:
            events.append(f"/v1/events?limit=20&offset={rng.randrange(0, 1000)}")
    return {"healthz": ["/healthz"] * count, "articles_search": searches, "events": events}


async def _client(port: int, paths: list[str], latencies: list[float], failures: list[str]) -> None:
    """One keep-alive HTTP/1.1 connection sending requests one after another.

    A few lines over asyncio streams rather than an HTTP library: httpx's async pool tops out
    near 180 requests/s here, so it would measure itself instead of the server. Every answer
    is read whole (the app always sends Content-Length) and anything but 200 is an error.
    """
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while paths:
            path = paths.pop()
            started = time.perf_counter()
            try:
                writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
                await writer.drain()
                head = await reader.readuntil(b"\r\n\r\n")
                status = head.split(b" ", 2)[1]
                length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), None)
                if length is None:
                    raise ValueError("no Content-Length")
                await reader.readexactly(length)
                if status != b"200":
                    failures.append(f"{status.decode()} {path}")
            except (OSError, ValueError, asyncio.IncompleteReadError) as exc:
                failures.append(f"{type(exc).__name__} {path}")
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            latencies.append((time.perf_counter() - started) * 1000)
    finally:
        writer.close()


async def load(port: int, paths: list[str], clients: int) -> dict:
    latencies: list[float] = []
    failures: list[str] = []
    todo = list(reversed(paths))
    started = time.perf_counter()
    await asyncio.gather(*(_client(port, todo, latencies, failures) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(paths), "errors": len(failures), "requests_per_s": round(len(paths) / elapsed, 1),
            "p50_ms": round(statistics.median(latencies), 1),
            "p95_ms": round(latencies[int(0.95 * len(latencies)) - 1], 1), "max_ms": round(latencies[-1], 1),
            "first_errors": failures[:5]}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "WARTA_SERVE_DB": db}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "warta.api.app:app_from_environment", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(workers), "--log-level", "warning", "--no-access-log"], env=env)
    import httpx

    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--base", type=int, default=300, help="real articles to replicate")
    parser.add_argument("--db", default=None, help="store to build once and reuse (default: /tmp/warta-api-<size>.db)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=3000, help="requests per endpoint")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    corpus = _corpus_module()
    if not corpus.DETIK.exists():
        print(f"skipped: {corpus.DETIK} not found")
        return 0
    db = args.db or f"/tmp/warta-api-{args.size}.db"
    base = build_store(db, args.size, args.base)
    mix = request_mix(base, db, args.requests)
    port = free_port()
    server = serve(db, port, args.workers)
    results: dict = {"articles": args.size, "clients": args.clients, "workers": args.workers, "endpoints": {}}
    try:
        asyncio.run(load(port, mix["healthz"][:200] + mix["articles_search"][:300] + mix["events"][:300],
                         args.clients))  # warm-up: connections, caches, page cache
        for name, paths in mix.items():
            results["endpoints"][name] = asyncio.run(load(port, paths, args.clients))
    finally:
        server.terminate()
        server.wait(timeout=30)
    baseline = results["endpoints"]["healthz"]["requests_per_s"]
    for row in results["endpoints"].values():
        row["throughput_vs_healthz"] = round(row["requests_per_s"] / baseline, 2)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{args.size:,} articles in SQLite; {args.clients} concurrent clients on loopback; "
          f"{args.workers} server process(es)")
    print(f"{'endpoint':<17}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}{'vs healthz':>12}")
    for name, r in results["endpoints"].items():
        print(f"{name:<17}{r['requests']:>9}{r['errors']:>8}{r['requests_per_s']:>9}{r['p50_ms']:>8}{r['p95_ms']:>8}"
              f"{r['max_ms']:>8}{r['throughput_vs_healthz']:>12}")
    return 1 if any(r["errors"] for r in results["endpoints"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
