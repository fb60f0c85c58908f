"""A batch killed with SIGKILL at random points, then run again: every input ends stored
exactly once or recorded as failed with its reason, and the database passes its integrity
check after every kill (SQLite's, and for PostgreSQL its constraints, in ``integrity_ok``)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from warta.storage import open_store

DETIK = Path(__file__).resolve().parents[2] / "shared" / "data" / "detik-aspect-summarization-2025" / "articles.jsonl"
KILLS = 4


def _inputs(folder: Path, count: int = 160) -> int:  # more than two store batches (64)
    """Real detik articles (ids not divisible by 5, each text once) as text dumps, plus two
    bad inputs."""
    written, bodies = 0, set()
    for line in DETIK.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        row = json.loads(line)
        if int(row["id"]) % 5 == 0 or row["isi_berita"] in bodies:  # reserved for evaluation; a repeat
            continue
        bodies.add(row["isi_berita"])
        (folder / f"{row['id']}.txt").write_text(f"{row['judul']}\n\n{row['isi_berita']}\n", encoding="utf-8")
        written += 1
        if written == count:
            break
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.html").write_bytes(b"%PDF-1.4\x00\x01" * 200)
    return written


def _count(db: str) -> int:
    """Articles committed so far, read beside the running batch."""
    import sqlite3
    from contextlib import closing

    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db, autocommit=True) as conn:
            exists = conn.execute("SELECT to_regclass('articles')").fetchone()[0]
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] if exists else 0
    if not Path(db).exists():
        return 0
    try:  # WAL lets a reader in
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def _run(folder: Path, db: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "from warta.cli import main; main()", "process", str(folder),
                             "--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """A fresh database of each kind, as the URL ``warta process --db`` takes."""
    if request.param == "sqlite":
        yield str(tmp_path / "w.db")
        return
    server = os.environ.get("WARTA_TEST_POSTGRES")
    if not server:
        pytest.skip("no PostgreSQL: set WARTA_TEST_POSTGRES (make test starts one)")
    import uuid

    import psycopg

    name = f"crash_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.mark.skipif(not DETIK.exists(), reason=f"{DETIK} not found (shared data)")
def test_killed_batches_lose_nothing_and_store_nothing_twice(tmp_path, database):
    folder = tmp_path / "in"
    folder.mkdir()
    good = _inputs(folder)
    db = database
    rng = random.Random(20261128)
    killed_with_rows = []
    stored = 0
    for _ in range(KILLS):
        process = _run(folder, db)
        deadline = time.time() + 180
        while process.poll() is None and _count(db) <= stored and time.time() < deadline:
            time.sleep(0.1)  # until this run commits a batch of its own
        time.sleep(rng.uniform(0.0, 1.5))  # then anywhere in the next batch
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        if _count(db):
            store = open_store(db)
            assert store.integrity_ok()
            stored = store.counts()["articles"]
            killed_with_rows.append(stored)
            store.close()
    final = _run(folder, db)
    assert final.wait(timeout=300) == 1  # done, with the two bad inputs failed
    store = open_store(db)
    try:
        assert store.integrity_ok()
        articles = list(store.articles())
        assert len(articles) == len({a.id for a in articles}) == store.counts()["articles"]
        sources = sorted(a.source.path for a in articles)
        assert len(sources) == len(set(sources))  # one record per input, never two
        stored_inputs = {Path(s).name for s in sources}
        failed = {Path(f.source).name: f.code for f in store.failures()}
        assert failed == {"empty.txt": "input.empty", "binary.html": "input.binary"}
        assert len(stored_inputs) == good and not stored_inputs & set(failed)
    finally:
        store.close()
    assert any(0 < n < good for n in killed_with_rows)  # at least one kill landed mid-batch
