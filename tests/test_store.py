"""Stores keep records idempotently by id and failures by source, in one transaction per batch."""

from __future__ import annotations

import sqlite3

import pytest

import warta
from warta.model import Source
from warta.readers import Failure
from warta.storage import open_store
from warta.storage.memory import MemoryStore
from warta.storage.sqlite import MIGRATIONS, SQLiteStore

DUMP = "Judul Berita Uji Coba Untuk Penyimpanan\n\nJAKARTA - Presiden meresmikan jembatan baru di Jakarta pada Senin (20/10) pagi.\n"


@pytest.fixture(params=["memory", "sqlite"])
def store(request, tmp_path):
    s = MemoryStore() if request.param == "memory" else SQLiteStore(str(tmp_path / "w.db"))
    yield s
    s.close()


def _record(text=DUMP, path="a.txt"):
    record = warta.process(text)
    return record.evolve(source=Source(format="text", path=path))


def test_saving_twice_adds_nothing(store):
    record = _record()
    assert store.save_batch([record]).added == 1
    result = store.save_batch([record])
    assert (result.added, result.updated) == (0, 1)
    assert store.counts()["articles"] == 1
    assert store.get(record.id).to_dict() == record.to_dict()


def test_failures_are_kept_with_reason_and_cleared_on_success(store):
    failure = Failure(Source(format="text", path="a.txt"), "input.empty", "input is empty")
    store.save_batch([], [failure])
    store.save_batch([], [failure])
    (stored,) = store.failures()
    assert (stored.source, stored.code, stored.message, stored.attempts) == (
        "a.txt", "input.empty", "input is empty", 2)
    store.save_batch([_record(path="a.txt")])
    assert store.failures() == []


def test_sqlite_file_survives_reopen_and_passes_integrity(tmp_path):
    path = str(tmp_path / "w.db")
    store = open_store(path)
    record = _record()
    store.save_batch([record])
    store.close()
    again = open_store(path)
    assert again.get(record.id[:10]).id == record.id  # a unique prefix finds it
    assert again.integrity_ok()
    assert [a.id for a in again.articles()] == [record.id]
    again.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)
        row = db.execute("SELECT title, language, source FROM articles").fetchone()
    assert row == ("Judul Berita Uji Coba Untuk Penyimpanan", "id", "a.txt")


def test_failed_batch_leaves_stored_records_untouched(tmp_path):
    store = SQLiteStore(str(tmp_path / "w.db"))
    first = _record()
    store.save_batch([first])
    second = _record(DUMP.replace("jembatan", "bendungan"), path="b.txt")
    broken = second.evolve(id=None)  # NOT NULL violation inside the transaction
    with pytest.raises(warta.WartaError):
        store.save_batch([second, broken])
    assert [a.id for a in store.articles()] == [first.id]
    store.close()


def test_postgres_url_is_a_clear_error():
    with pytest.raises(warta.WartaError, match="PostgreSQL"):
        open_store("postgresql://localhost/warta")


def test_a_version_1_database_gains_the_events_table(tmp_path):
    """A database written before events were stored opens, migrates and keeps its records."""
    path = str(tmp_path / "old.db")
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
        for statement in filter(str.strip, MIGRATIONS[0].split(";")):
            db.execute(statement)
        db.execute("INSERT INTO schema_migrations VALUES (1, '2026-01-01')")
    store = SQLiteStore(path)
    record = _record()
    store.save_batch([record])
    assert store.counts()["events"] == len(record.events)
    assert store.get(record.id).id == record.id
    store.close()
