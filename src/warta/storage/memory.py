"""In-memory store: the same contract as SQLite, for tests and one-off runs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from warta.model import Article
from warta.readers import Failure
from warta.storage.base import EventQuery, EventRow, SaveResult, StoredFailure, event_rows, matches


class MemoryStore:
    def __init__(self) -> None:
        self._articles: dict[str, Article] = {}
        self._failures: dict[str, StoredFailure] = {}

    def save_batch(self, articles: Sequence[Article], failures: Sequence[Failure] = ()) -> SaveResult:
        added = updated = 0
        for article in articles:
            if article.id in self._articles:
                updated += 1
            else:
                added += 1
            self._articles[article.id] = article
            self._failures.pop(article.source.ref, None)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        for failure in failures:
            ref = failure.source.ref
            attempts = self._failures[ref].attempts + 1 if ref in self._failures else 1
            self._failures[ref] = StoredFailure(ref, failure.source.format, failure.code,
                                                failure.message, attempts, now)
        return SaveResult(added, updated, len(failures))

    def get(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def articles(self) -> Iterator[Article]:
        yield from self._articles.values()

    def failures(self) -> list[StoredFailure]:
        return list(self._failures.values())

    def counts(self) -> dict[str, int]:
        return {"articles": len(self._articles), "failures": len(self._failures),
                "events": sum(len(a.events) for a in self._articles.values())}

    def events(self, query: EventQuery) -> list[EventRow]:
        rows = [row for article in self._articles.values() for row in event_rows(article) if matches(row, query)]
        rows.sort(key=lambda r: (r.event.get("date") or "", r.article_id, r.n))
        return rows[:query.limit]

    def close(self) -> None:
        pass
