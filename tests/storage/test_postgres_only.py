"""What only the PostgreSQL store has to get right: its schema, its URLs, text PostgreSQL
cannot hold, word folding, rollback, paging. Skipped without ``WARTA_TEST_POSTGRES``."""

from __future__ import annotations

import os
import uuid

import pytest

import warta
from warta.errors import StoreError
from warta.model import Source
from warta.storage import EventQuery, SearchQuery, open_store

URL = os.environ.get("WARTA_TEST_POSTGRES")
pytestmark = pytest.mark.skipif(not URL, reason="no PostgreSQL: set WARTA_TEST_POSTGRES (make test starts one)")

TEXT = ("Judul Berita Uji Coba Untuk Penyimpanan\n\nJAKARTA - Presiden José meresmikan jembatan baru di Jakarta "
        "pada Senin (20/10) pagi. \"Ini penting,\" kata Menteri Basuki.\n")


def _record(text=TEXT, path="a.txt", **changes):
    return warta.process(text).evolve(source=Source(format="text", path=path), **changes)


@pytest.fixture
def schema():
    return f"t_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def pg(schema):
    from warta.storage.postgres import PostgresStore

    store = PostgresStore(URL, schema=schema)
    yield store
    store.close()
    store.drop_schema()


def test_reopening_keeps_records_and_migrates_once(pg, schema):
    from warta.storage.postgres import MIGRATIONS, PostgresStore

    record = _record()
    pg.save_batch([record])
    again = PostgresStore(URL.replace("postgresql://", "postgresql+psycopg://", 1), schema=schema)
    try:
        assert [a.id for a in again.articles()] == [record.id]
        versions = again._db.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
        assert [v for (v,) in versions] == list(range(1, len(MIGRATIONS) + 1))
    finally:
        again.close()


def test_open_store_takes_every_postgres_spelling():
    for scheme in ("postgresql://", "postgres://", "postgresql+psycopg://"):
        store = open_store(scheme + URL.split("://", 1)[1])
        assert store.counts()["articles"] >= 0
        store.close()


def test_an_unreachable_server_is_a_store_error_without_the_password():
    with pytest.raises(StoreError, match="PostgreSQL") as caught:
        open_store("postgresql://warta:secret@127.0.0.1:1/warta?connect_timeout=2")
    assert "secret" not in str(caught.value)


def test_failed_batch_leaves_stored_records_untouched(pg):
    first = _record()
    pg.save_batch([first])
    second = _record(TEXT.replace("jembatan", "bendungan"), path="b.txt")
    broken = second.evolve(id=None)  # NOT NULL violation inside the transaction
    with pytest.raises(StoreError, match="cannot write"):
        pg.save_batch([second, broken])
    assert [a.id for a in pg.articles()] == [first.id]
    assert pg.counts()["events"] == len(first.events)
    pg.save_batch([second])  # the connection is usable after the rollback
    assert pg.counts()["articles"] == 2


def test_nul_characters_are_kept_in_the_record(pg):
    # The pipeline removes control characters (with a warning); a record built elsewhere
    # (warta load, a Python caller) may still carry NUL, which PostgreSQL text cannot hold.
    record = _record()
    record = record.evolve(title=record.title + "\x00", author="Budi\x00")
    pg.save_batch([record])
    assert pg.get(record.id).to_dict() == record.to_dict()
    assert [h.article_id for h in pg.search(SearchQuery("jembatan"))] == [record.id]


def test_words_match_whatever_their_case_and_accents_and_are_not_stemmed(pg):
    record = _record()
    pg.save_batch([record])
    for text in ("jose", "JOSÉ", "menteri basuki", "MENTERI", "20 10"):
        assert [h.article_id for h in pg.search(SearchQuery(text))] == [record.id], text
    for text in ("teri", "jose jembatanx", "%", "'", "a & | ! :*"):
        assert pg.search(SearchQuery(text)) == [], text


def test_title_words_rank_higher(pg):
    in_title = _record("Jembatan Baru Diresmikan Presiden Hari Ini\n\nJAKARTA - Presiden meresmikan proyek di "
                       "Jakarta pada Senin (20/10) pagi.\n", path="t.txt")
    in_body = _record(path="b.txt")
    pg.save_batch([in_body, in_title])
    hits = pg.search(SearchQuery("jembatan"))
    assert [h.article_id for h in hits] == [in_title.id, in_body.id]
    assert hits[0].score > hits[1].score and all(h.snippet for h in hits)


def test_id_prefixes_are_plain_text(pg):
    record = _record()
    pg.save_batch([record])
    assert pg.get(record.id[:6]).id == record.id
    assert pg.get("%") is None and pg.get("_") is None


def test_articles_and_signatures_page_through_every_record(pg, monkeypatch):
    from warta.storage import postgres

    monkeypatch.setattr(postgres, "_PAGE", 2)
    records = [_record(TEXT.replace("Jakarta pada", f"Jakarta nomor {i} pada"), path=f"{i}.txt") for i in range(5)]
    pg.save_batch(records, signatures={r.id: bytes([i]) * 8 for i, r in enumerate(records)})
    assert sorted(a.id for a in pg.articles()) == sorted(r.id for r in records)
    assert len(list(pg.signatures())) == 5


def test_event_dates_compare_as_prefixes(pg, seed_text):
    seed = warta.process(seed_text).evolve(source=Source(format="text", path="seed.txt"))
    pg.save_batch([seed])
    assert {r.event["status"] for r in pg.events(EventQuery(since="2014", until="2014-12-31"))} == {"historical"}
    assert pg.events(EventQuery(actor="%")) == []  # a name fragment, not a LIKE pattern


def test_a_statement_past_its_time_limit_is_cancelled(schema):
    from psycopg.errors import QueryCanceled

    from warta.storage.postgres import PostgresStore

    store = PostgresStore(URL, schema=schema, statement_seconds=0.2)
    try:
        with pytest.raises(QueryCanceled):
            store._db.execute("SELECT pg_sleep(5)")
        assert store.counts()["articles"] == 0  # the connection goes on serving
    finally:
        store.close()
        store.drop_schema()


def test_integrity_check_finds_rows_without_their_article(pg):
    pg.save_batch([_record()])
    assert pg.integrity_ok()
    pg._db.execute("INSERT INTO entities (article_id, n, field, start, \"end\", text, type) "
                   "VALUES ('gone', 0, 'body', 0, 4, 'Budi', 'PER')")
    assert not pg.integrity_ok()
