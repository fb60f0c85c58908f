"""Soak: ``warta serve`` under steady mixed load for ``--minutes`` (10 by default).

What a server left running for weeks must show in ten minutes: no errors, latency that does
not creep up, memory that levels off, and every document it accepted still stored after.

The store holds real detik articles (ids not divisible by 5) replicated to ``--size``, as in
``benchmarks/api.py``. ``warta serve`` runs in its own process with a write token. For the
whole run, on loopback:

- ``--clients`` keep-alive readers send the search and event requests of ``benchmarks/api.py``,
  article pages and dashboard pages, one after another;
- one writer POSTs a new document to ``/v1/process`` (stored) every ``--write-every`` seconds;
- every 5 s a prober sends requests that must be refused: a write without the token (401),
  an invalid parameter (422), a body over the limit (413), an unknown article (404).

Every minute: requests, unexpected answers, p95 per kind, the server's resident memory. At
the end: the store's integrity check, and whether every document the server accepted (by
the id it answered) is in it.

    python benchmarks/soak.py [--minutes 10] [--size 10000] [--clients 32] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "soak-token"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Connection:
    """One keep-alive HTTP/1.1 connection (asyncio streams: an HTTP library would measure itself)."""

    def __init__(self, port: int):
        self.port = port
        self.reader = self.writer = None

    async def request(self, method: str, path: str, body: bytes = b"", headers: dict | None = None
                      ) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(body)}"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        try:
            self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
            await self.writer.drain()
            head = await self.reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            answer = await self.reader.readexactly(length)
            if b"connection: close" in head.lower():
                self.close()
            return status, answer
        except (OSError, ValueError, StopIteration, asyncio.IncompleteReadError):
            self.close()
            return 0, b""  # no answer at all

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class Tally:
    """Latencies and unexpected answers per kind of request, per minute."""

    def __init__(self):
        self.minutes: list[dict] = []
        self.errors: list[str] = []
        self.new_minute()

    def new_minute(self) -> None:
        self.minutes.append({"latencies": {}, "requests": 0, "unexpected": 0})

    def add(self, kind: str, started: float, status: int, expected: int, path: str) -> None:
        minute = self.minutes[-1]
        minute["latencies"].setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        minute["requests"] += 1
        if status != expected:
            minute["unexpected"] += 1
            self.errors.append(f"{kind}: {status} (expected {expected}) {path[:120]}")


async def reader(port: int, paths: list[tuple[str, str]], tally: Tally, until: float, seed: int) -> None:
    rng = random.Random(seed)
    connection = Connection(port)
    while time.perf_counter() < until:
        kind, path = rng.choice(paths)
        started = time.perf_counter()
        status, _ = await connection.request("GET", path)
        tally.add(kind, started, status, 200, path)
    connection.close()


async def writer(port: int, documents: list[dict], tally: Tally, until: float, every: float, accepted: list) -> None:
    """POSTs documents to be stored; ``accepted`` gets the id of each one the server took."""
    connection = Connection(port)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    for number, document in enumerate(documents):
        if time.perf_counter() >= until:
            break
        started = time.perf_counter()
        body = json.dumps({**document, "store": True}).encode()
        status, answer = await connection.request("POST", "/v1/process", body, headers)
        tally.add("process", started, status, 200, f"document {number}")
        if status == 200:
            accepted.append(json.loads(answer)["id"])
        await asyncio.sleep(max(0.0, every - (time.perf_counter() - started)))
    connection.close()


async def prober(port: int, tally: Tally, until: float) -> None:
    """Requests the server must refuse, the same way, all run long."""
    connection = Connection(port)
    json_type = {"Content-Type": "application/json"}
    probes = [
        ("POST", "/v1/process", json.dumps({"text": "Tanpa token."}).encode(), json_type, 401),
        ("GET", "/v1/events?limit=-5", b"", {}, 422),
        ("GET", "/v1/articles/ffffffffffffffffffffffff", b"", {}, 404),
        ("POST", "/v1/process", b"x" * 6_000_000, {**json_type, "Authorization": f"Bearer {TOKEN}"}, 413),
    ]
    while time.perf_counter() < until:
        for method, path, body, headers, expected in probes:
            started = time.perf_counter()
            status, _ = await connection.request(method, path, body, headers)
            tally.add(f"refused_{expected}", started, status, expected, path)
        await asyncio.sleep(5.0)
    connection.close()


def rss_mb(pid: int) -> float:
    """Resident memory of the server process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def soak(port: int, pid: int, paths, documents, args) -> tuple[Tally, list, list]:
    tally = Tally()
    accepted: list[str] = []
    memory: list[float] = [rss_mb(pid)]
    until = time.perf_counter() + args.minutes * 60
    tasks = [asyncio.create_task(reader(port, paths, tally, until, seed)) for seed in range(args.clients)]
    tasks.append(asyncio.create_task(writer(port, documents, tally, until, args.write_every, accepted)))
    tasks.append(asyncio.create_task(prober(port, tally, until)))
    for _ in range(args.minutes):
        await asyncio.sleep(60)
        memory.append(rss_mb(pid))
        minute = tally.minutes[-1]
        p95 = {kind: round(_p95(values), 1) for kind, values in sorted(minute["latencies"].items())}
        print(f"minute {len(tally.minutes)}: {minute['requests']:,} requests, {minute['unexpected']} unexpected, "
              f"RSS {memory[-1]:.0f} MB, p95 ms {p95}", file=sys.stderr, flush=True)
        tally.new_minute()
    await asyncio.gather(*tasks)
    return tally, accepted, memory


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(0.95 * len(ordered)) - 1)] if ordered else 0.0


def new_documents(count: int, skip: int) -> list[dict]:
    """Detik articles the store does not hold yet (reserved ids skipped), as /v1/process bodies."""
    detik = _module("detik")
    out = []
    for number, row in enumerate(detik.detik_rows()):
        if number < skip:
            continue
        text = row.get("isi_berita") or ""
        if text.strip():
            out.append({"text": f"{row.get('judul', '')}\n\n{text}", "url": row.get("tautan")})
        if len(out) == count:
            break
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=int, default=10)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--base", type=int, default=200, help="real articles to replicate")
    parser.add_argument("--db", default=None, help="default: a fresh copy of /tmp/warta-soak-<size>.db")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--write-every", type=float, default=1.0, help="seconds between two POSTed documents")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    api = _module("api")
    corpus = api._corpus_module()
    if not corpus.DETIK.exists():
        print(f"skipped: {corpus.DETIK} not found")
        return 0
    built = f"/tmp/warta-soak-{args.size}.db"
    base = api.build_store(built, args.size, args.base)
    db = args.db or f"/tmp/warta-soak-run-{os.getpid()}.db"
    if not args.db:  # every run starts from the same store; the POSTs change it
        import sqlite3

        with sqlite3.connect(built) as source, sqlite3.connect(db) as target:
            source.backup(target)
    mix = api.request_mix(base, db, 2000)
    ids = [r.id for r in base[:100]]
    paths = ([("healthz", p) for p in mix["healthz"][:200]] + [("search", p) for p in mix["articles_search"]]
             + [("events", p) for p in mix["events"]] + [("article", f"/v1/articles/{i}") for i in ids]
             + [("page", f"/articles/{i}") for i in ids] + [("page", "/?q=presiden"), ("page", "/events")])
    documents = new_documents(args.minutes * 60 // max(1, int(args.write_every)) + 10, skip=args.base + 50)
    from warta.storage.sqlite import SQLiteStore

    store = SQLiteStore(db)
    before = store.counts()["articles"]
    store.close()
    port = api.free_port()
    env = {**os.environ, "WARTA_API_TOKEN": TOKEN}
    server = subprocess.Popen([sys.executable, "-c", "from warta.cli import main; main()", "serve", "--db", db,
                               "--port", str(port)], env=env)
    try:
        _wait_ready(port)
        tally, accepted, memory = asyncio.run(soak(port, server.pid, paths, documents, args))
    finally:
        server.terminate()
        server.wait(timeout=60)
    store = SQLiteStore(db)
    after = store.counts()["articles"]
    integrity = store.integrity_ok()
    lost = [article_id for article_id in set(accepted) if store.get(article_id) is None]
    store.close()
    minutes = [m for m in tally.minutes if m["requests"]]
    everything = [v for m in minutes for values in m["latencies"].values() for v in values]
    per_kind: dict[str, list[float]] = {}
    for m in minutes:
        for kind, values in m["latencies"].items():
            per_kind.setdefault(kind, []).extend(values)
    result = {
        "minutes": args.minutes, "articles_at_start": before, "clients": args.clients,
        "requests": len(everything), "unexpected_answers": len(tally.errors), "first_unexpected": tally.errors[:10],
        "p95_ms": {kind: round(_p95(values), 1) for kind, values in sorted(per_kind.items())},
        "p50_ms_all": round(statistics.median(everything), 1) if everything else None,
        "p95_ms_per_minute": [round(_p95([v for values in m["latencies"].values() for v in values]), 1)
                              for m in minutes],
        "server_rss_mb": {"start": round(memory[0]), "after_1_min": round(memory[1]) if len(memory) > 1 else None,
                          "end": round(memory[-1]), "max": round(max(memory))},
        "documents_accepted": len(accepted), "new_articles": after - before,
        "lost_documents": len(lost), "integrity_ok": integrity,
    }
    print(json.dumps(result, indent=2) if args.json else _table(result))
    if not args.db:
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
    return 0 if not result["unexpected_answers"] and not result["lost_documents"] and integrity else 1


def _wait_ready(port: int) -> None:
    import httpx

    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("the server did not start")


def _table(result: dict) -> str:
    integrity = "ok" if result["integrity_ok"] else "FAILED"
    lines = [
        (f"{result['minutes']} minutes, {result['clients']} readers + 1 writer + 1 prober, "
         f"{result['articles_at_start']:,} articles at start"),
        f"requests {result['requests']:,}; unexpected answers {result['unexpected_answers']}",
        f"p95 ms by kind: {result['p95_ms']}",
        f"p95 ms per minute (all kinds): {result['p95_ms_per_minute']}",
        f"server RSS MB: {result['server_rss_mb']}",
        f"documents accepted {result['documents_accepted']}, lost {result['lost_documents']}; integrity {integrity}",
    ]
    return "\n".join(lines + [f"  {e}" for e in result["first_unexpected"]])


if __name__ == "__main__":
    sys.exit(main())
