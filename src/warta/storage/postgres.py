"""PostgreSQL store: the SQLite store's tables and answers, in one schema of a server.

``PostgresStore(url, schema="public")`` keeps everything in ``schema`` (created if missing)
with the same versioned migrations, tables and columns as SQLite, one transaction per batch.
What differs, and why:

- Records, events and aliases are ``json``, not ``jsonb``: ``json`` keeps the record as
  written, and jsonb (like every PostgreSQL ``text``) cannot hold U+0000, which a JSONL
  input may carry. The plain text columns get U+FFFD in its place (same length, so spans
  still line up); the record itself is returned exactly as saved.
- Full text is a ``tsvector`` column on articles with a GIN index, written with the row:
  title (weight A), body (B) and quotes (C) with the ``simple`` configuration (the
  Indonesian stemmer turns menteri into 'teri'). Words are cut, case-folded and stripped of
  accents in Python with the same rule as the query (``query_terms``), so a word matches
  the same way in every backend, whatever the server's locale.
- Text that is compared or sorted (ids, dates, times) is ``COLLATE "C"``: byte order, as in
  SQLite, so date prefixes compare the same on any server.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from functools import partial

import psycopg
from psycopg import sql
from psycopg.types.json import Json

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
    search_text,
    snippet,
    sql_where,
)

MIGRATIONS: tuple[str, ...] = (
    # 1: articles and failures
    """
    CREATE TABLE articles (
        id TEXT COLLATE "C" PRIMARY KEY CHECK (length(id) > 0),
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        url TEXT,
        language TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT COLLATE "C",
        body TEXT NOT NULL,
        record JSON NOT NULL,
        processed_at TEXT COLLATE "C" NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_source ON articles(source);
    CREATE TABLE failures (
        source TEXT COLLATE "C" PRIMARY KEY,
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
        article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        actor TEXT,
        actor_name TEXT,
        actor_country TEXT,
        recipient TEXT,
        recipient_name TEXT,
        recipient_country TEXT,
        date TEXT COLLATE "C",
        place_country TEXT,
        sentence TEXT NOT NULL,
        event JSON NOT NULL,
        PRIMARY KEY (article_id, n)
    );
    CREATE INDEX events_type_date ON events(type, date);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_actor ON events(actor);
    CREATE INDEX events_recipient ON events(recipient)
    """,
    # 3: stories, entities, actors, quotes, signatures, full text (and the order articles
    # are listed in, which ``articles`` and ``signatures`` page through)
    """
    ALTER TABLE articles ADD COLUMN story_id TEXT;
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_processed ON articles(processed_at, id);
    ALTER TABLE events ADD COLUMN story_id TEXT;
    ALTER TABLE events ADD COLUMN canonical TEXT;
    CREATE INDEX events_canonical ON events(canonical);
    CREATE TABLE entities (
        article_id TEXT COLLATE "C" NOT NULL, n INTEGER NOT NULL, field TEXT NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, actor TEXT COLLATE "C",
        PRIMARY KEY (article_id, n)
    );
    CREATE INDEX entities_actor ON entities(actor);
    CREATE TABLE quotes (
        article_id TEXT COLLATE "C" NOT NULL, n INTEGER NOT NULL, field TEXT NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, speaker TEXT, cue TEXT,
        PRIMARY KEY (article_id, n)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE actors (
        id TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT,
        sector TEXT, wikidata TEXT, aliases JSON NOT NULL
    );
    CREATE TABLE signatures (article_id TEXT COLLATE "C" PRIMARY KEY, minhash BYTEA NOT NULL);
    ALTER TABLE articles ADD COLUMN search TSVECTOR NOT NULL DEFAULT ''::tsvector;
    CREATE INDEX articles_search ON articles USING GIN (search)
    """,
    # 4: events listed in their order (date, article, n) and articles newest first, without
    # sorting them all first
    """
    CREATE INDEX articles_newest ON articles(published DESC NULLS LAST, id DESC);
    CREATE INDEX events_order ON events(date NULLS FIRST, article_id, n);
    CREATE INDEX events_type_order ON events(type, date NULLS FIRST, article_id, n);
    DROP INDEX events_type_date;
    CREATE INDEX events_actor_order ON events(actor, date NULLS FIRST, article_id, n);
    DROP INDEX events_actor;
    CREATE INDEX events_recipient_order ON events(recipient, date NULLS FIRST, article_id, n);
    DROP INDEX events_recipient;
    CREATE INDEX events_actor_country ON events(actor_country, date NULLS FIRST, article_id, n);
    CREATE INDEX events_recipient_country ON events(recipient_country, date NULLS FIRST, article_id, n);
    CREATE INDEX events_place_country ON events(place_country, date NULLS FIRST, article_id, n)
    """,
    # 5: a unit's parent body (SPEC actor `parent`: "Polres Jember" -> Polri)
    """
    ALTER TABLE actors ADD COLUMN parent TEXT
    """,
)

# Rank weights {D, C, B, A}: a title word counts five times a body or quote word, as the
# bm25 weights of the SQLite index.
_RANK_WEIGHTS = "{0.2, 0.2, 0.2, 1.0}"
# ts_headline: about 24 words around the first match, without markup (like SQLite's snippet).
_HEADLINE = 'StartSel="", StopSel="", MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1'
# A tsvector is at most 1 MB; each field's distinct words are capped well under that (a
# huge page stays searchable by its first few hundred thousand bytes of vocabulary).
_INDEX_BUDGET = {"title": 50_000, "body": 400_000, "quotes": 200_000}
_PAGE = 500  # records fetched per query while listing articles (no cursor stays open)
_ACCENTS = re.compile("[\u0300-\u036f]")
_NOT_WORD = re.compile(r"\W+")  # between the words of base.query_terms
_dumps = partial(json.dumps, ensure_ascii=False)


class PostgresStore:
    def __init__(self, url: str, schema: str = "public", statement_seconds: float = 0.0):
        self.url = _conninfo(url)
        self.schema = schema
        timeout = {"options": f"-c statement_timeout={int(statement_seconds * 1000)}"} if statement_seconds > 0 else {}
        try:
            self._db = psycopg.connect(self.url, autocommit=True, application_name="warta", **timeout)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open PostgreSQL database {_redacted(self.url)}: {exc}") from exc
        try:
            self._migrate()
        except psycopg.Error as exc:
            self._db.close()
            raise StoreError(f"cannot set up schema {self.schema} in PostgreSQL {_redacted(self.url)}: "
                             f"{exc}") from exc

    def _migrate(self) -> None:
        """Create the schema and bring it to the latest version, one migration at a time.

        The schema's lock (``_lock``) makes two processes opening a new database take turns.
        """
        schema = sql.Identifier(self.schema)
        with self._db.transaction():
            self._lock(self._db)
            # CREATE SCHEMA IF NOT EXISTS needs the CREATE right even when the schema exists.
            if not self._db.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (self.schema,)).fetchone():
                self._db.execute(sql.SQL("CREATE SCHEMA {}").format(schema))
            self._db.execute(sql.SQL("SET search_path TO {}").format(schema))
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                             "applied_at TEXT)")
            current = self._db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]
            for version, script in enumerate(MIGRATIONS, start=1):
                if version > current:
                    with self._db.transaction():  # a savepoint: each version applies whole or not at all
                        for statement in filter(str.strip, script.split(";")):
                            self._db.execute(statement)
                        self._db.execute("INSERT INTO schema_migrations VALUES (%s, %s)", (version, _now()))

    def _lock(self, db: psycopg.Connection | psycopg.Cursor) -> None:
        """One writer at a time in a schema, until its transaction ends (as SQLite's
        ``BEGIN IMMEDIATE``): batches saving the same actors never deadlock."""
        db.execute("SELECT pg_advisory_xact_lock(hashtext('warta:' || %s::text))", (self.schema,))

    def save_batch(self, articles: Sequence[Article], failures: Sequence[Failure] = (),
                   signatures: Mapping[str, bytes] | None = None) -> SaveResult:
        now = _now()
        added = updated = 0
        signatures = signatures or {}
        try:
            with self._db.transaction(), self._db.cursor() as cur:
                self._lock(cur)
                ids = [a.id for a in articles]
                known = {row[0] for row in cur.execute("SELECT id FROM articles WHERE id = ANY(%s)", (ids,))}
                for article in articles:  # the same record twice in a batch: added, then updated
                    updated += article.id in known
                    added += article.id not in known
                    known.add(article.id)
                latest = list({a.id: a for a in articles}.values())  # a repeated id: the last copy wins
                cur.executemany(
                    """INSERT INTO articles (id, source, format, url, language, outlet, title, published, body,
                                             record, processed_at, story_id, search)
                       VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,
                               setweight(to_tsvector('simple', %s::text), 'A')
                               || setweight(to_tsvector('simple', %s::text), 'B')
                               || setweight(to_tsvector('simple', %s::text), 'C'))
                       ON CONFLICT (id) DO UPDATE SET
                         source=excluded.source, format=excluded.format, url=excluded.url,
                         language=excluded.language, outlet=excluded.outlet, title=excluded.title,
                         published=excluded.published, body=excluded.body, record=excluded.record,
                         processed_at=excluded.processed_at, story_id=excluded.story_id, search=excluded.search""",
                    [_clean(
                        article.id, article.source.ref, article.source.format, article.source.url,
                        article.language, article.outlet, article.title,
                        article.published.date if article.published else None, article.body,
                        Json(article.to_dict(), dumps=_dumps), now, article.story_id,
                        *(_index_text(text, budget) for text, budget in
                          zip(search_text(article), _INDEX_BUDGET.values(), strict=True)),
                    ) for article in latest],
                )
                self._write_rows(cur, latest, signatures)
                cur.execute("DELETE FROM failures WHERE source = ANY(%s)",
                            ([_text(a.source.ref) for a in articles],))
                cur.executemany(
                    """INSERT INTO failures (source, format, code, message, attempts, failed_at)
                       VALUES (%s, %s, %s, %s, 1, %s)
                       ON CONFLICT (source) DO UPDATE SET code=excluded.code, message=excluded.message,
                         format=excluded.format, attempts=failures.attempts + 1, failed_at=excluded.failed_at""",
                    [_clean(f.source.ref, f.source.format, f.code, f.message, now) for f in failures],
                )
        except psycopg.Error as exc:  # the transaction is rolled back: nothing of the batch is kept
            raise StoreError(f"cannot write to PostgreSQL {_redacted(self.url)} "
                             f"(schema {self.schema}): {exc}") from exc
        return SaveResult(added, updated, len(failures))

    def _write_rows(self, cur: psycopg.Cursor, articles: Sequence[Article], signatures: Mapping[str, bytes]) -> None:
        """The queryable rows of these articles, replacing any they had (COPY: one round trip a table)."""
        ids = [a.id for a in articles]
        for table in ("events", "entities", "quotes"):
            cur.execute(sql.SQL("DELETE FROM {} WHERE article_id = ANY(%s)").format(sql.Identifier(table)), (ids,))
        with cur.copy("COPY events (article_id, n, type, status, actor, actor_name, actor_country, recipient, "
                      "recipient_name, recipient_country, date, place_country, sentence, event, story_id, "
                      "canonical) FROM STDIN") as copy:
            for article in articles:
                for row in event_rows(article):
                    copy.write_row(_clean(
                        row.article_id, row.n, row.event["type"], row.event["status"], row.event["actor"],
                        row.actor_name, row.actor_country, row.event["recipient"], row.recipient_name,
                        row.recipient_country, row.event["date"], (row.event["location"] or {}).get("country"),
                        row.sentence, Json(row.event, dumps=_dumps), row.story_id, row.canonical))
        with cur.copy('COPY entities (article_id, n, field, start, "end", text, type, actor) FROM STDIN') as copy:
            for article in articles:
                for n, e in enumerate(article.entities):
                    copy.write_row(_clean(article.id, n, e.span.field, e.span.start, e.span.end, e.span.text,
                                          e.type, e.actor))
        with cur.copy('COPY quotes (article_id, n, field, start, "end", text, kind, speaker, cue) FROM STDIN') as copy:
            for article in articles:
                for n, q in enumerate(article.quotes):
                    copy.write_row(_clean(article.id, n, q.span.field, q.span.start, q.span.end, q.span.text,
                                          q.kind, q.speaker, q.cue))
        cur.executemany(
            """INSERT INTO actors (id, name, kind, country, sector, wikidata, aliases, parent)
               VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET
               name=excluded.name, kind=excluded.kind, country=excluded.country, sector=excluded.sector,
               wikidata=excluded.wikidata, aliases=excluded.aliases, parent=excluded.parent""",
            [_clean(a.id, a.name, a.kind, a.country, a.sector, a.wikidata, Json(list(a.aliases), dumps=_dumps),
                    a.parent)
             for a in {a.id: a for article in articles for a in article.actors}.values()],  # the last copy wins
        )
        cur.executemany(
            "INSERT INTO signatures (article_id, minhash) VALUES (%s, %s) "
            "ON CONFLICT (article_id) DO UPDATE SET minhash=excluded.minhash",
            [(a.id, bytes(signatures[a.id])) for a in articles if a.id in signatures],
        )

    def get(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT record FROM articles WHERE id = %s", (_text(article_id),)).fetchone()
        if row is None:  # a unique id prefix is enough (LIKE with the prefix escaped: it uses the index)
            like = re.sub(r"([\\%_])", r"\\\1", _text(article_id)) + "%"
            rows = self._db.execute("SELECT record FROM articles WHERE id LIKE %s ORDER BY id LIMIT 2",
                                    (like,)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return Article.from_dict(row[0]) if row else None

    def articles(self) -> Iterator[Article]:
        """Every record, oldest first, fetched a page at a time by key (so no cursor or
        transaction stays open while the caller works, and may write, between records)."""
        for _, _, record in self._paged("SELECT processed_at, id, record FROM articles", "", _PAGE):
            yield Article.from_dict(record)

    def _paged(self, select: str, join: str, page: int) -> Iterator[tuple]:
        """Rows of ``select`` + ``join`` (its first two columns: the article's ``processed_at``
        and ``id``) in that order, ``page`` rows a query, each page after the last one's key."""
        after: tuple[str, str] = ("", "")
        query = select + join + " WHERE (processed_at, id) > (%s, %s) ORDER BY processed_at, id LIMIT %s"
        while True:
            rows = self._db.execute(query, (*after, page)).fetchall()
            yield from rows
            if len(rows) < page:
                return
            after = rows[-1][:2]

    def failures(self) -> list[StoredFailure]:
        rows = self._db.execute(
            "SELECT source, format, code, message, attempts, failed_at FROM failures ORDER BY source"
        )
        return [StoredFailure(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        row = self._db.execute(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM failures), (SELECT COUNT(*) FROM events), "
            "(SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM actors), "
            "(SELECT COUNT(DISTINCT coalesce(story_id, id)) FROM articles)").fetchone()
        return dict(zip(("articles", "failures", "events", "quotes", "entities", "actors", "stories"), row, strict=True))

    def events(self, query: EventQuery) -> list[EventRow]:
        if not query.per_story:
            keys = event_keys_sql(query, _event_conditions(query), _ORDER, "%s")
            if keys is not None:
                sql_, args = keys
                return [EventRow(*row) for row in self._db.execute(sql_, args).fetchall()]
        where, args = _event_filter(query)
        columns = ("e.article_id, e.n, a.title, a.published, e.actor_name, e.actor_country, e.recipient_name, "
                   "e.recipient_country, e.sentence, e.event, e.story_id, e.canonical")
        source = "events e JOIN articles a ON a.id = e.article_id" + where
        if query.per_story:  # the first row of each canonical event, with how many rows tell it
            source = (f"(SELECT {columns}, e.date, row_number() OVER (PARTITION BY e.canonical ORDER BY e.article_id, "
                      f"e.n) AS k, count(*) OVER (PARTITION BY e.canonical) AS copies FROM {source}) e "
                      "JOIN articles a ON a.id = e.article_id WHERE e.k = 1")
        rows = self._db.execute(
            f"SELECT {columns}, {'e.copies' if query.per_story else '1'} FROM {source} "
            "ORDER BY e.date NULLS FIRST, e.article_id, e.n LIMIT %s OFFSET %s",
            (*args, query.limit, query.offset)).fetchall()
        return [EventRow(*row) for row in rows]

    def network(self, query: EventQuery) -> list[dict]:
        where, args = _event_filter(query)
        counted = "DISTINCT e.canonical" if query.per_story else "*"
        joined = " AND " if where else " WHERE "
        rows = self._db.execute(
            f"SELECT e.actor, max(e.actor_name), e.recipient, max(e.recipient_name), count({counted}) AS n, "
            "count(*) FILTER (WHERE e.event->>'quad' LIKE '%%conflict') "
            f"FROM events e JOIN articles a ON a.id = e.article_id{where}{joined}"
            "e.actor IS NOT NULL AND e.recipient IS NOT NULL AND e.actor != e.recipient "
            "GROUP BY e.actor, e.recipient ORDER BY n DESC, e.actor, e.recipient LIMIT %s",
            (*args, query.limit)).fetchall()
        return [{"actor": a, "actor_name": an or a, "recipient": r, "recipient_name": rn or r, "events": n,
                 "conflict": c} for a, an, r, rn, n, c in rows]

    def search(self, query: SearchQuery) -> list[SearchHit]:
        """Articles holding every query word, best first; the snippet is the body around the match."""
        words = _words(query.text)
        if not query.text.strip():
            return self._newest(query)
        if not words:
            return []
        filters, filter_args = _published_filter(query)
        where, args = ["a.search @@ q", *filters], [" ".join(words), *filter_args]
        # plainto_tsquery ANDs the words and accepts any text: a query is never a syntax error.
        # The headline is made for the hits kept only (it reads the whole body); where it
        # sits in the body tells whether it gets "…" before and after, as SQLite's snippet.
        sql_ = ("SELECT a.id, a.title, a.outlet, a.language, a.published, a.story_id, h.text, "
                "strpos(a.body, h.text), length(a.body), hit.rank "
                "FROM (SELECT a.id, q, ts_rank(%s::float4[], a.search, q, 1) AS rank "
                "      FROM articles a, plainto_tsquery('simple', %s::text) q WHERE " + " AND ".join(where)
                + "    ORDER BY rank DESC, a.id LIMIT %s OFFSET %s) hit "
                "JOIN articles a ON a.id = hit.id, LATERAL (SELECT ts_headline('simple', a.body, hit.q, %s::text) "
                "AS text) h ORDER BY hit.rank DESC, a.id")
        try:
            rows = self._db.execute(sql_, (_RANK_WEIGHTS, *args, query.limit, query.offset, _HEADLINE)).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"search failed in PostgreSQL {_redacted(self.url)}: {exc}") from exc
        return [SearchHit(*row[:6], _snippet(*row[6:9]), float(row[9])) for row in rows]

    def _newest(self, query: SearchQuery) -> list[SearchHit]:
        where, args = _published_filter(query)
        rows = self._db.execute(
            "SELECT a.id, a.title, a.outlet, a.language, a.published, a.story_id, substr(a.body, 1, 400) "
            "FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT %s OFFSET %s",
            (*args, query.limit, query.offset)).fetchall()
        return [SearchHit(*row[:6], snippet(row[6], []), 0.0) for row in rows]

    def quotes(self, query: QuoteQuery) -> list[QuoteRow]:
        where, args = [], []
        if query.speaker is not None:
            where.append("q.speaker = %s")
            args.append(_text(query.speaker))
        if query.text:
            where.append("strpos(lower(q.text), %s) > 0")
            args.append(_text(query.text.casefold()))
        rows = self._db.execute(
            "SELECT q.article_id, q.n, a.title, a.published, q.speaker, ac.name, q.kind, q.cue, q.text "
            "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors ac ON ac.id = q.speaker"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY coalesce(a.published, ''), q.article_id, q.n LIMIT %s OFFSET %s",
            (*args, query.limit, query.offset))
        return [QuoteRow(*row) for row in rows]

    def actor(self, actor_id: str) -> dict | None:
        actor_id = _text(actor_id)
        row = self._db.execute("SELECT id, name, kind, country, sector, wikidata, aliases, parent FROM actors "
                               "WHERE id = %s",
                               (actor_id,)).fetchone()
        if row is None:
            return None
        counts = self._db.execute(
            "SELECT (SELECT COUNT(DISTINCT article_id) FROM entities WHERE actor = %s), "
            "(SELECT COUNT(*) FROM quotes WHERE speaker = %s), "
            "(SELECT COUNT(*) FROM events WHERE actor = %s OR recipient = %s)", (actor_id,) * 4).fetchone()
        return {"id": row[0], "name": row[1], "kind": row[2], "country": row[3], "sector": row[4],
                "wikidata": row[5], "aliases": row[6], "parent": row[7], "articles": counts[0], "quotes": counts[1],
                "events": counts[2]}

    def signatures(self) -> Iterator[tuple[str, str, bytes]]:
        rows = self._paged("SELECT processed_at, id, coalesce(story_id, id), minhash FROM articles",
                           " JOIN signatures ON article_id = id", 5000)
        for _, article_id, story_id, data in rows:
            yield article_id, story_id, bytes(data)

    def stats(self) -> dict:
        def pairs(query: str) -> dict:
            return {k if k is not None else "?": v for k, v in self._db.execute(query)}

        by_type = self._db.execute("SELECT type, COUNT(*), COUNT(DISTINCT canonical) FROM events GROUP BY type "
                                   "ORDER BY COUNT(*) DESC, type").fetchall()
        top = self._db.execute(
            "SELECT e.actor, coalesce(ac.name, e.actor), COUNT(DISTINCT e.article_id) AS n FROM entities e "
            "LEFT JOIN actors ac ON ac.id = e.actor WHERE e.actor IS NOT NULL AND NOT starts_with(e.actor, 'geo:') "
            "GROUP BY e.actor, ac.name ORDER BY n DESC, e.actor LIMIT 20").fetchall()
        counts = self.counts()
        return {
            "articles": counts["articles"],
            "stories": counts["stories"],
            "languages": pairs("SELECT language, COUNT(*) FROM articles GROUP BY language ORDER BY COUNT(*) DESC"),
            "outlets": pairs("SELECT outlet, COUNT(*) FROM articles GROUP BY outlet ORDER BY COUNT(*) DESC LIMIT 20"),
            "months": pairs("SELECT substr(published, 1, 7) AS m, COUNT(*) FROM articles GROUP BY m ORDER BY m"),
            "events_by_type": {t: {"events": n, "story_events": s} for t, n, s in by_type},
            "events_by_status": pairs("SELECT status, COUNT(*) FROM events GROUP BY status ORDER BY COUNT(*) DESC"),
            "top_actors": [{"id": a, "name": name, "articles": n} for a, name, n in top],
        }

    def integrity_ok(self) -> bool:
        """What PostgreSQL's own checks leave to us: every constraint validated, no row of a
        record's tables without its article, and each stored record under its own id."""
        checks = [
            ("SELECT COUNT(*) FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace "
             "WHERE s.nspname = current_schema() AND NOT c.convalidated"),
            *(f"SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.article_id)"
              for table in ("events", "entities", "quotes", "signatures")),
            "SELECT COUNT(*) FROM articles WHERE record->>'id' IS DISTINCT FROM id",
        ]
        return all(self._db.execute(check).fetchone()[0] == 0 for check in checks)

    def drop_schema(self) -> None:
        """Remove the schema and everything in it (tests give each store a schema of its own).

        Works after ``close`` too: it then connects once more for the purpose.
        """
        statement = sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(self.schema))
        try:
            if self._db.closed:
                with psycopg.connect(self.url, autocommit=True, application_name="warta") as db:
                    db.execute(statement)
            else:
                self._db.execute(statement)
        except psycopg.Error as exc:
            raise StoreError(f"cannot drop schema {self.schema} in {_redacted(self.url)}: {exc}") from exc

    def close(self) -> None:
        self._db.close()


def _conninfo(url: str) -> str:
    """A libpq URL: SQLAlchemy's ``postgresql+psycopg://`` spelling is accepted too."""
    scheme, sep, rest = url.partition("://")
    if sep and scheme.startswith("postgresql+"):
        return "postgresql://" + rest
    return url


def _redacted(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def _text(value):
    """PostgreSQL text cannot hold U+0000: U+FFFD takes its place (same length, spans still fit)."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


def _clean(*values) -> tuple:
    return tuple(_text(v) for v in values)


def _fold(text: str) -> str:
    """Text case-folded and without accents (as SQLite's ``remove_diacritics``)."""
    if text.isascii():
        return text.casefold()
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", text).casefold())


def _words(text: str) -> list[str]:
    """The words of a query as the index holds them: those of ``query_terms``, folded."""
    return _NOT_WORD.sub(" ", _fold(text)).split()


def _index_text(text: str, budget: int) -> str:
    """The words of ``text`` for ``to_tsvector``, cut and folded as ``_words`` cuts a query
    (so a word matches the same way in every backend, whatever the server's locale), up to
    ``budget`` bytes of distinct words (over the tsvector size limit the batch would fail)."""
    words = _NOT_WORD.sub(" ", _fold(text))
    if 8 * len(words) + 8 <= budget:  # short text cannot be over budget (the usual case)
        return words
    kept: list[str] = []
    seen: set[str] = set()
    used = 0
    for word in words.split():
        if word not in seen:
            seen.add(word)
            used += len(word.encode("utf-8")) + 8  # the word, its entry and a position
            if used > budget:
                break
        kept.append(word)
    return " ".join(kept)


def _snippet(headline: str, at: int, length: int) -> str:
    """The headline on one line, with "…" where the body goes on (``at``: 1-based, 0 unknown)."""
    text = headline.replace("\n", " ").strip()
    if at > 0:
        text = ("…" if at > 1 else "") + text + ("…" if at - 1 + len(headline) < length else "")
    return text


_ORDER = "e.date NULLS FIRST, e.article_id, e.n"  # events in date order, undated first
_CONTAINS = "strpos({}, ?) > 0"


def _dialect(clauses: list[str], args: list) -> tuple[list[str], list]:
    """Conditions written with ``?`` marks, as psycopg takes them: ``%s``, and text cleaned."""
    return [c.replace("?", "%s") for c in clauses], [_text(a) for a in args]


def _event_conditions(query: EventQuery) -> tuple[list[str], list, list[tuple[str, list]]]:
    where, args, either = event_conditions(query, _CONTAINS)
    alternatives = []
    for clause, alt in either:
        (clause,), alt = _dialect([clause], alt)
        alternatives.append((clause, alt))
    return (*_dialect(where, args), alternatives)


def _event_filter(query: EventQuery) -> tuple[str, list]:
    return sql_where(*_event_conditions(query))


def _published_filter(query: SearchQuery) -> tuple[list[str], list]:
    return _dialect(*published_conditions(query))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
