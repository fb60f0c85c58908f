"""SQLite store: one file, WAL, versioned migrations, one transaction per batch.

Records are kept whole as JSON (``record``) plus the columns people filter on; events
also get a table of their own (migration 2) so ``warta events`` filters them in SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from warta.errors import StoreError
from warta.model import Article
from warta.readers import Failure
from warta.storage.base import EventQuery, EventRow, SaveResult, StoredFailure, event_rows

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
)


class SQLiteStore:
    def __init__(self, path: str):
        self.path = path
        try:
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {path}: {exc}") from exc

    def _migrate(self) -> None:
        self._db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
        current = self._db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]
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

    def save_batch(self, articles: Sequence[Article], failures: Sequence[Failure] = ()) -> SaveResult:
        now = _now()
        added = updated = 0
        try:
            self._db.execute("BEGIN IMMEDIATE")
            for article in articles:
                exists = self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
                record = article.to_dict()
                self._db.execute(
                    """INSERT INTO articles (id, source, format, url, language, outlet, title,
                                             published, body, record, processed_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET
                         source=excluded.source, format=excluded.format, url=excluded.url,
                         language=excluded.language, outlet=excluded.outlet, title=excluded.title,
                         published=excluded.published, body=excluded.body, record=excluded.record,
                         processed_at=excluded.processed_at""",
                    (
                        article.id, article.source.ref, article.source.format, article.source.url,
                        article.language, article.outlet, article.title,
                        article.published.date if article.published else None, article.body,
                        json.dumps(record, ensure_ascii=False), now,
                    ),
                )
                self._db.execute("DELETE FROM events WHERE article_id = ?", (article.id,))
                self._db.executemany(
                    "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(row.article_id, row.n, row.event["type"], row.event["status"], row.event["actor"],
                      row.actor_name, row.actor_country, row.event["recipient"], row.recipient_name,
                      row.recipient_country, row.event["date"], (row.event["location"] or {}).get("country"),
                      row.sentence, json.dumps(row.event, ensure_ascii=False)) for row in event_rows(article)],
                )
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

    def get(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            row = self._db.execute(
                "SELECT record FROM articles WHERE id LIKE ? || '%' ORDER BY id LIMIT 2", (article_id,)
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
        }

    def events(self, query: EventQuery) -> list[EventRow]:
        where, args = [], []
        if query.types:
            where.append(f"e.type IN ({', '.join('?' * len(query.types))})")
            args += list(query.types)
        if query.status:
            where.append("e.status = ?")
            args.append(query.status)
        if query.actor:
            where.append("(e.actor = ? OR e.recipient = ? OR lower(e.actor_name) LIKE ? OR lower(e.recipient_name) LIKE ?)")
            like = f"%{query.actor.casefold()}%"
            args += [query.actor, query.actor, like, like]
        if query.country:
            where.append("? IN (e.actor_country, e.recipient_country, e.place_country)")
            args.append(query.country.upper())
        if query.since:  # a date known to the month or year compares at that precision
            where.append("e.date IS NOT NULL AND e.date >= substr(?, 1, length(e.date))")
            args.append(query.since)
        if query.until:
            where.append("e.date IS NOT NULL AND e.date <= substr(?, 1, length(e.date))")
            args.append(query.until)
        sql = ("SELECT e.article_id, e.n, a.title, a.published, e.actor_name, e.actor_country, e.recipient_name, "
               "e.recipient_country, e.sentence, e.event FROM events e JOIN articles a ON a.id = e.article_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY coalesce(e.date, ''), e.article_id, e.n LIMIT ?")
        rows = self._db.execute(sql, (*args, query.limit)).fetchall()
        return [EventRow(*row[:9], json.loads(row[9])) for row in rows]

    def integrity_ok(self) -> bool:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def close(self) -> None:
        self._db.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
