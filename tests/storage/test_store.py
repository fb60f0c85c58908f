"""Stores keep records idempotently by id and failures by source, in one transaction per batch."""

from __future__ import annotations

import sqlite3

import pytest

import warta
from warta.model import Source
from warta.readers import Failure
from warta.storage import QuoteQuery, SearchQuery, open_store
from warta.storage.sqlite import MIGRATIONS, SQLiteStore

DUMP = "Judul Berita Uji Coba Untuk Penyimpanan\n\nJAKARTA - Presiden meresmikan jembatan baru di Jakarta pada Senin (20/10) pagi.\n"


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


def test_unreachable_postgres_is_a_clear_error():
    with pytest.raises(warta.WartaError, match="PostgreSQL") as info:
        open_store("postgresql://warta:secret@127.0.0.1:1/warta")  # nothing listens on port 1
    assert "secret" not in str(info.value)


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


def test_queryable_rows_search_quotes_stats_and_signatures(store, seed_text):
    seed = warta.process(seed_text).evolve(source=Source(format="text", path="seed.txt"), story_id="s1")
    other = _record()
    store.save_batch([seed, other], signatures={seed.id: b"\x01" * 16, other.id: b"\x02" * 16})
    counts = store.counts()
    assert counts["entities"] == len(seed.entities) + len(other.entities)
    assert counts["quotes"] == len(seed.quotes) and counts["stories"] == 2
    assert counts["actors"] == len({a.id for a in seed.actors + other.actors})
    hits = store.search(SearchQuery("Lavrov Jenewa"))
    assert [h.article_id for h in hits] == [seed.id] and hits[0].story_id == "s1" and hits[0].snippet
    assert store.search(SearchQuery("Lavrov", language="en")) == []
    assert store.search(SearchQuery("Lavrov", since="2023-01-01")) == []
    assert [h.article_id for h in store.search(SearchQuery("jembatan"))] == [other.id]
    assert store.search(SearchQuery("\"unbalanced (query")) == []  # never a syntax error
    lavrov = store.quotes(QuoteQuery("per:sergei-lavrov"))
    assert len(lavrov) >= 3 and all(q.speaker_name == "Sergei Lavrov" for q in lavrov)
    stats = store.stats()
    assert stats["articles"] == 2 and stats["languages"]["id"] == 2
    assert stats["events_by_type"]["CONSULT"]["events"] >= 1
    assert any(a["id"] == "per:sergei-lavrov" for a in stats["top_actors"])
    assert sorted(store.signatures()) == sorted([(seed.id, "s1", b"\x01" * 16), (other.id, other.id, b"\x02" * 16)])


def test_sqlite_statements_stop_at_their_time_limit(tmp_path):
    import sqlite3
    import time

    from warta.storage.sqlite import SQLiteStore

    store = SQLiteStore(str(tmp_path / "t.db"), statement_seconds=0.3)
    endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        store._db.execute(endless).fetchall()
    assert time.monotonic() - started < 2
    time.sleep(0.5)  # a statement's clock starts at its own execute, not the connection's last one
    assert store.counts()["articles"] == 0
    store.close()


def test_sqlite_integrity_check_finds_rows_without_their_article(tmp_path):
    path = str(tmp_path / "w.db")
    store = open_store(path)
    store.save_batch([_record()])
    assert store.integrity_ok()
    store._db.execute("INSERT INTO entities (article_id, n, field, start, \"end\", text, type) "
                      "VALUES ('gone', 0, 'body', 0, 4, 'Budi', 'PER')")
    assert not store.integrity_ok()
    store.close()
