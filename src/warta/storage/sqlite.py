"""SQLite store: one file, WAL, versioned migrations, one transaction per batch.

Records are kept whole as JSON (``record``) plus queryable tables: articles (with their
story), events (migration 2), entities, actors, quotes, MinHash signatures and an FTS5 index
over title, body and quotes (migration 3).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime

from warta.errors import StoreError
from warta.model import Article
from warta.readers import Failure
from warta.storage.base import (
    EventQuery,
    EventRow,
    QuoteQuery,
    QuoteRow,
    SaveResult,
    SearchHit,
    SearchQuery,
    StoredFailure,
    event_conditions,
    event_keys_sql,
    event_rows,
    published_conditions,
    query_terms,
    search_text,
    snippet,
    sql_where,
)

MIGRATIONS: tuple[str, ...] = (
    # 1: articles and failures
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        url TEXT,
        language TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT,
        body TEXT NOT NULL,
        record TEXT NOT NULL,
        processed_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_source ON articles(source);
    CREATE TABLE failures (
        source TEXT PRIMARY KEY NOT NULL,
        format TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        failed_at TEXT NOT NULL
    );
    """,
    # 2: events, one row each, replaced with their article
    """
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        actor TEXT,
        actor_name TEXT,
        actor_country TEXT,
        recipient TEXT,
        recipient_name TEXT,
        recipient_country TEXT,
        date TEXT,
        place_country TEXT,
        sentence TEXT NOT NULL,
        event TEXT NOT NULL,
        PRIMARY KEY (article_id, n)
    );
    CREATE INDEX events_type_date ON events(type, date);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_actor ON events(actor);
    CREATE INDEX events_recipient ON events(recipient)
    """,
    # 3: stories, entities, actors, quotes, signatures, full text
    """
    ALTER TABLE articles ADD COLUMN story_id TEXT;
    CREATE INDEX articles_story ON articles(story_id);
    ALTER TABLE events ADD COLUMN story_id TEXT;
    ALTER TABLE events ADD COLUMN canonical TEXT;
    CREATE INDEX events_canonical ON events(canonical);
    CREATE TABLE entities (
        article_id TEXT NOT NULL, n INTEGER NOT NULL, field TEXT NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, actor TEXT,
        PRIMARY KEY (article_id, n)
    );
    CREATE INDEX entities_actor ON entities(actor);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL, n INTEGER NOT NULL, field TEXT NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, speaker TEXT, cue TEXT,
        PRIMARY KEY (article_id, n)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE actors (
        id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT,
        sector TEXT, wikidata TEXT, aliases TEXT NOT NULL
    );
    CREATE TABLE signatures (article_id TEXT PRIMARY KEY NOT NULL, minhash BLOB NOT NULL);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, quotes, tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    # 4: events listed in their order (date, article, n) and articles newest first, without
    # sorting them all first
    """
    CREATE INDEX articles_newest ON articles(published, id);
    CREATE INDEX events_order ON events(date, article_id, n);
    CREATE INDEX events_type_order ON events(type, date, article_id, n);
    DROP INDEX events_type_date;
    CREATE INDEX events_actor_order ON events(actor, date, article_id, n);
    DROP INDEX events_actor;
    CREATE INDEX events_recipient_order ON events(recipient, date, article_id, n);
    DROP INDEX events_recipient;
    CREATE INDEX events_actor_country ON events(actor_country, date, article_id, n);
    CREATE INDEX events_recipient_country ON events(recipient_country, date, article_id, n);
    CREATE INDEX events_place_country ON events(place_country, date, article_id, n)
    """,
    # 5: a unit's parent body (SPEC actor `parent`: "Polres Jember" -> Polri)
    """
    ALTER TABLE actors ADD COLUMN parent TEXT
    """,
)


class _TimedConnection(sqlite3.Connection):
    """A connection that stops a statement running past ``limit`` seconds, counted from its
    ``execute`` (fetching its rows included); SQLite calls ``over_time`` as it works."""

    limit = 0.0
    started = 0.0

    def execute(self, *args):
        self.started = time.monotonic()
        return super().execute(*args)

    def executemany(self, *args):
        self.started = time.monotonic()
        return super().executemany(*args)

    def over_time(self) -> bool:
        return time.monotonic() - self.started > self.limit


class SQLiteStore:
    def __init__(self, path: str, statement_seconds: float = 0.0):
        self.path = path
        try:
            self._db = sqlite3.connect(path, isolation_level=None, factory=_TimedConnection)
            if statement_seconds > 0:
                self._db.limit = statement_seconds
                self._db.set_progress_handler(self._db.over_time, 10_000)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {path}: {exc}") from exc

    def _migrate(self) -> None:
        self._db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
        current = self._db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]
        backfill = 0 < current < 3 and len(MIGRATIONS) >= 3
        for version, script in enumerate(MIGRATIONS, start=1):
            if version <= current:
                continue
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in filter(str.strip, script.split(";")):
                    self._db.execute(statement)
                self._db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, _now()))
                self._db.execute("COMMIT")
            except sqlite3.Error:
                self._db.execute("ROLLBACK")
                raise
        if backfill:  # records stored before the tables existed get their rows
            self._db.execute("BEGIN IMMEDIATE")
            for (record,) in self._db.execute("SELECT record FROM articles").fetchall():
                self._write_rows(Article.from_dict(json.loads(record)), None)
            self._db.execute("COMMIT")

    def save_batch(self, articles: Sequence[Article], failures: Sequence[Failure] = (),
                   signatures: Mapping[str, bytes] | None = None) -> SaveResult:
        now = _now()
        added = updated = 0
        try:
            self._db.execute("BEGIN IMMEDIATE")
            for article in articles:
                exists = self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
                record = article.to_dict()
                self._db.execute(
                    """INSERT INTO articles (id, source, format, url, language, outlet, title,
                                             published, body, record, processed_at, story_id)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET
                         source=excluded.source, format=excluded.format, url=excluded.url,
                         language=excluded.language, outlet=excluded.outlet, title=excluded.title,
                         published=excluded.published, body=excluded.body, record=excluded.record,
                         processed_at=excluded.processed_at, story_id=excluded.story_id""",
                    (
                        article.id, article.source.ref, article.source.format, article.source.url,
                        article.language, article.outlet, article.title,
                        article.published.date if article.published else None, article.body,
                        json.dumps(record, ensure_ascii=False), now, article.story_id,
                    ),
                )
                self._write_rows(article, (signatures or {}).get(article.id))
                self._db.execute("DELETE FROM failures WHERE source = ?", (article.source.ref,))
                if exists:
                    updated += 1
                else:
                    added += 1
            for failure in failures:
                self._db.execute(
                    """INSERT INTO failures (source, format, code, message, attempts, failed_at)
                       VALUES (?, ?, ?, ?, 1, ?)
                       ON CONFLICT(source) DO UPDATE SET code=excluded.code, message=excluded.message,
                         format=excluded.format, attempts=failures.attempts + 1, failed_at=excluded.failed_at""",
                    (failure.source.ref, failure.source.format, failure.code, failure.message, now),
                )
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        return SaveResult(added, updated, len(failures))

    def _write_rows(self, article: Article, signature: bytes | None) -> None:
        """The queryable rows of one article, replacing any it had."""
        for table in ("events", "entities", "quotes"):
            self._db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article.id,))
        rowid = self._db.execute("SELECT rowid FROM articles WHERE id = ?", (article.id,)).fetchone()[0]
        self._db.execute("DELETE FROM articles_fts WHERE rowid = ?", (rowid,))  # the article's own row
        self._db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(row.article_id, row.n, row.event["type"], row.event["status"], row.event["actor"],
              row.actor_name, row.actor_country, row.event["recipient"], row.recipient_name,
              row.recipient_country, row.event["date"], (row.event["location"] or {}).get("country"),
              row.sentence, json.dumps(row.event, ensure_ascii=False), row.story_id, row.canonical)
             for row in event_rows(article)],
        )
        self._db.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(article.id, n, e.span.field, e.span.start, e.span.end, e.span.text, e.type, e.actor)
             for n, e in enumerate(article.entities)],
        )
        self._db.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article.id, n, q.span.field, q.span.start, q.span.end, q.span.text, q.kind, q.speaker, q.cue)
             for n, q in enumerate(article.quotes)],
        )
        self._db.executemany(
            """INSERT INTO actors (id, name, kind, country, sector, wikidata, aliases, parent)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET
               name=excluded.name, kind=excluded.kind, country=excluded.country, sector=excluded.sector,
               wikidata=excluded.wikidata, aliases=excluded.aliases, parent=excluded.parent""",
            [(a.id, a.name, a.kind, a.country, a.sector, a.wikidata, json.dumps(list(a.aliases), ensure_ascii=False),
              a.parent) for a in article.actors],
        )
        self._db.execute("INSERT INTO articles_fts (rowid, title, body, quotes) VALUES (?, ?, ?, ?)",
                         (rowid, *search_text(article)))
        if signature is not None:
            self._db.execute("INSERT INTO signatures VALUES (?, ?) ON CONFLICT(article_id) DO UPDATE SET "
                             "minhash=excluded.minhash", (article.id, signature))

    def get(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            row = self._db.execute(
                "SELECT record FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",  # a range: indexed
                (article_id, article_id + "\U0010ffff")
            ).fetchall()
            row = row[0] if len(row) == 1 else None  # a unique id prefix is enough
        return Article.from_dict(json.loads(row[0])) if row else None

    def articles(self) -> Iterator[Article]:
        for (record,) in self._db.execute("SELECT record FROM articles ORDER BY processed_at, id"):
            yield Article.from_dict(json.loads(record))

    def failures(self) -> list[StoredFailure]:
        rows = self._db.execute(
            "SELECT source, format, code, message, attempts, failed_at FROM failures ORDER BY source"
        )
        return [StoredFailure(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        return {
            "articles": self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "failures": self._db.execute("SELECT COUNT(*) FROM failures").fetchone()[0],
            "events": self._db.execute("SELECT COUNT(*) FROM events").fetchone()[0],
            "quotes": self._db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0],
            "entities": self._db.execute("SELECT COUNT(*) FROM entities").fetchone()[0],
            "actors": self._db.execute("SELECT COUNT(*) FROM actors").fetchone()[0],
            "stories": self._db.execute("SELECT COUNT(DISTINCT coalesce(story_id, id)) FROM articles").fetchone()[0],
        }

    def events(self, query: EventQuery) -> list[EventRow]:
        if not query.per_story:
            keys = event_keys_sql(query, _event_conditions(query), _ORDER, "?")
            if keys is not None:
                sql, args = keys
                rows = self._db.execute(sql, args).fetchall()
                return [EventRow(*row[:9], json.loads(row[9]), *row[10:]) for row in rows]
        where, args = _event_filter(query)
        columns = ("e.article_id, e.n, a.title, a.published, e.actor_name, e.actor_country, e.recipient_name, "
                   "e.recipient_country, e.sentence, e.event, e.story_id, e.canonical")
        source = "events e JOIN articles a ON a.id = e.article_id" + where
        if query.per_story:  # the first row of each canonical event, with how many rows tell it
            source = (f"(SELECT {columns}, e.date, row_number() OVER (PARTITION BY e.canonical ORDER BY e.article_id, "
                      f"e.n) AS k, count(*) OVER (PARTITION BY e.canonical) AS copies FROM {source}) e "
                      "JOIN articles a ON a.id = e.article_id WHERE e.k = 1")
        sql = (f"SELECT {columns}, {'e.copies' if query.per_story else '1'} FROM {source} "
               "ORDER BY e.date, e.article_id, e.n LIMIT ? OFFSET ?")  # undated first: NULLs sort low
        rows = self._db.execute(sql, (*args, query.limit, query.offset)).fetchall()
        return [EventRow(*row[:9], json.loads(row[9]), *row[10:]) for row in rows]

    def network(self, query: EventQuery) -> list[dict]:
        where, args = _event_filter(query)
        counted = "DISTINCT e.canonical" if query.per_story else "*"
        conflict = "CASE WHEN json_extract(e.event, '$.quad') LIKE '%conflict' THEN 1 END"
        joined = " AND " if where else " WHERE "
        rows = self._db.execute(
            f"SELECT e.actor, max(e.actor_name), e.recipient, max(e.recipient_name), count({counted}) AS n, "
            f"count({conflict}) FROM events e JOIN articles a ON a.id = e.article_id{where}{joined}"
            "e.actor IS NOT NULL AND e.recipient IS NOT NULL AND e.actor != e.recipient "
            "GROUP BY e.actor, e.recipient ORDER BY n DESC, e.actor, e.recipient LIMIT ?",
            (*args, query.limit)).fetchall()
        return [{"actor": a, "actor_name": an or a, "recipient": r, "recipient_name": rn or r, "events": n,
                 "conflict": c} for a, an, r, rn, n, c in rows]

    def search(self, query: SearchQuery) -> list[SearchHit]:
        terms = query_terms(query.text)
        if not query.text.strip():
            return self._newest(query)
        if not terms:
            return []
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        filters, filter_args = _published_filter(query)
        where, args = ["articles_fts MATCH ?", *filters], [match, *filter_args]
        # Rank inside the full-text index first and fetch only the hits' rows: ranking every match is
        # cheap, computing snippets or joining for all of them is not.
        filtered = len(where) > 1
        inner = ("SELECT rowid, bm25(articles_fts, 5.0, 1.0, 1.0) AS rank FROM articles_fts "
                 "WHERE articles_fts MATCH ? ORDER BY rank" + ("" if filtered else " LIMIT ?"))
        sql = ("SELECT a.id, a.title, a.outlet, a.language, a.published, a.story_id, a.body, f.rank "
               f"FROM ({inner}) f JOIN articles a ON a.rowid = f.rowid"
               + (" WHERE " + " AND ".join(where[1:]) if filtered else "") + " ORDER BY f.rank, a.id LIMIT ? OFFSET ?")
        page = (query.limit, query.offset)
        params = (match, *args[1:], *page) if filtered else (match, query.limit + query.offset, *page)
        try:
            rows = self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"search failed in {self.path}: {exc}") from exc
        return [SearchHit(*row[:6], snippet(row[6], terms), -float(row[7])) for row in rows]

    def _newest(self, query: SearchQuery) -> list[SearchHit]:
        where, args = _published_filter(query)
        rows = self._db.execute(
            "SELECT a.id, a.title, a.outlet, a.language, a.published, a.story_id, substr(a.body, 1, 400) "
            "FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?", (*args, query.limit, query.offset)).fetchall()
        return [SearchHit(*row[:6], snippet(row[6], []), 0.0) for row in rows]

    def quotes(self, query: QuoteQuery) -> list[QuoteRow]:
        where, args = [], []
        if query.speaker is not None:
            where.append("q.speaker = ?")
            args.append(query.speaker)
        if query.text:
            where.append("instr(lower(q.text), ?) > 0")
            args.append(query.text.casefold())
        rows = self._db.execute(
            "SELECT q.article_id, q.n, a.title, a.published, q.speaker, ac.name, q.kind, q.cue, q.text "
            "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors ac ON ac.id = q.speaker"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY coalesce(a.published, ''), q.article_id, q.n LIMIT ? OFFSET ?",
            (*args, query.limit, query.offset))
        return [QuoteRow(*row) for row in rows]

    def actor(self, actor_id: str) -> dict | None:
        row = self._db.execute("SELECT id, name, kind, country, sector, wikidata, aliases, parent FROM actors WHERE id = ?",
                               (actor_id,)).fetchone()
        if row is None:
            return None
        counts = self._db.execute(
            "SELECT (SELECT COUNT(DISTINCT article_id) FROM entities WHERE actor = ?), "
            "(SELECT COUNT(*) FROM quotes WHERE speaker = ?), "
            "(SELECT COUNT(*) FROM events WHERE actor = ? OR recipient = ?)", (actor_id,) * 4).fetchone()
        return {"id": row[0], "name": row[1], "kind": row[2], "country": row[3], "sector": row[4],
                "wikidata": row[5], "aliases": json.loads(row[6]), "parent": row[7], "articles": counts[0],
                "quotes": counts[1],
                "events": counts[2]}

    def signatures(self) -> Iterator[tuple[str, str, bytes]]:
        rows = self._db.execute("SELECT s.article_id, coalesce(a.story_id, a.id), s.minhash FROM signatures s "
                                "JOIN articles a ON a.id = s.article_id ORDER BY a.processed_at, a.id")
        for article_id, story_id, data in rows:
            yield article_id, story_id, bytes(data)

    def stats(self) -> dict:
        def pairs(sql: str) -> dict:
            return {k if k is not None else "?": v for k, v in self._db.execute(sql)}

        by_type = self._db.execute("SELECT type, COUNT(*), COUNT(DISTINCT canonical) FROM events GROUP BY type "
                                   "ORDER BY COUNT(*) DESC").fetchall()
        top = self._db.execute(
            "SELECT e.actor, coalesce(ac.name, e.actor), COUNT(DISTINCT e.article_id) AS n FROM entities e "
            "LEFT JOIN actors ac ON ac.id = e.actor WHERE e.actor IS NOT NULL AND e.actor NOT LIKE 'geo:%' "
            "GROUP BY e.actor ORDER BY n DESC, e.actor LIMIT 20").fetchall()
        return {
            "articles": self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "stories": self._db.execute("SELECT COUNT(DISTINCT coalesce(story_id, id)) FROM articles").fetchone()[0],
            "languages": pairs("SELECT language, COUNT(*) FROM articles GROUP BY language ORDER BY COUNT(*) DESC"),
            "outlets": pairs("SELECT outlet, COUNT(*) FROM articles GROUP BY outlet ORDER BY COUNT(*) DESC LIMIT 20"),
            "months": pairs("SELECT substr(published, 1, 7) AS m, COUNT(*) FROM articles GROUP BY m ORDER BY m"),
            "events_by_type": {t: {"events": n, "story_events": s} for t, n, s in by_type},
            "events_by_status": pairs("SELECT status, COUNT(*) FROM events GROUP BY status ORDER BY COUNT(*) DESC"),
            "top_actors": [{"id": a, "name": name, "articles": n} for a, name, n in top],
        }

    def integrity_ok(self) -> bool:
        """SQLite's own check of the file, then ours: no row of a record's tables, nor of the
        full-text index, without its article; the full-text index sound."""
        if self._db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return False
        orphans = sum(self._db.execute(f"SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS "
                                       "(SELECT 1 FROM articles a WHERE a.id = t.article_id)").fetchone()[0]
                      for table in ("events", "entities", "quotes", "signatures"))
        orphans += self._db.execute("SELECT COUNT(*) FROM articles_fts f WHERE NOT EXISTS "
                                    "(SELECT 1 FROM articles a WHERE a.rowid = f.rowid)").fetchone()[0]
        try:
            self._db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError:  # the index and its content table disagree
            return False
        return orphans == 0

    def close(self) -> None:
        self._db.close()


_ORDER = "e.date, e.article_id, e.n"  # events in date order, undated first


def _event_conditions(query: EventQuery) -> tuple[list[str], list, list[tuple[str, list]]]:
    return event_conditions(query)


def _event_filter(query: EventQuery) -> tuple[str, list]:
    return sql_where(*event_conditions(query))


def _published_filter(query: SearchQuery) -> tuple[list[str], list]:
    return published_conditions(query)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
