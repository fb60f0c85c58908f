"""In-memory store: the same contract as SQLite and PostgreSQL, for tests and one-off runs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime

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
    actor_profile,
    event_rows,
    matches,
    network_of,
    one_per_story,
    published_in,
    query_terms,
    quote_rows,
    search_text,
    snippet,
    stats_of,
)


class MemoryStore:
    def __init__(self) -> None:
        self._articles: dict[str, Article] = {}
        self._failures: dict[str, StoredFailure] = {}
        self._signatures: dict[str, bytes] = {}

    def save_batch(self, articles: Sequence[Article], failures: Sequence[Failure] = (),
                   signatures: Mapping[str, bytes] | None = None) -> SaveResult:
        added = updated = 0
        for article in articles:
            if article.id in self._articles:
                updated += 1
            else:
                added += 1
            self._articles[article.id] = article
            self._failures.pop(article.source.ref, None)
            if signatures and article.id in signatures:
                self._signatures[article.id] = signatures[article.id]
        now = datetime.now(UTC).isoformat(timespec="seconds")
        for failure in failures:
            ref = failure.source.ref
            attempts = self._failures[ref].attempts + 1 if ref in self._failures else 1
            self._failures[ref] = StoredFailure(ref, failure.source.format, failure.code,
                                                failure.message, attempts, now)
        return SaveResult(added, updated, len(failures))

    def get(self, article_id: str) -> Article | None:
        found = self._articles.get(article_id)
        if found is None:
            prefixed = [a for i, a in self._articles.items() if i.startswith(article_id)]
            found = prefixed[0] if len(prefixed) == 1 else None
        return found

    def articles(self) -> Iterator[Article]:
        yield from self._articles.values()

    def failures(self) -> list[StoredFailure]:
        return sorted(self._failures.values(), key=lambda f: f.source)

    def counts(self) -> dict[str, int]:
        articles = self._articles.values()
        return {"articles": len(self._articles), "failures": len(self._failures),
                "events": sum(len(a.events) for a in articles), "quotes": sum(len(a.quotes) for a in articles),
                "entities": sum(len(a.entities) for a in articles),
                "actors": len({x.id for a in articles for x in a.actors}),
                "stories": len({a.story_id or a.id for a in articles})}

    def _events(self, query: EventQuery) -> list[EventRow]:
        rows = [row for article in self._articles.values() for row in event_rows(article) if matches(row, query)]
        return one_per_story(rows) if query.per_story else rows

    def events(self, query: EventQuery) -> list[EventRow]:
        rows = self._events(query)
        rows.sort(key=lambda r: (r.event.get("date") or "", r.article_id, r.n))
        return rows[query.offset:query.offset + query.limit]

    def network(self, query: EventQuery) -> list[dict]:
        return network_of(self._events(query), query.limit)

    def search(self, query: SearchQuery) -> list[SearchHit]:
        terms = query_terms(query.text)
        newest = not query.text.strip()  # no words asked for: the newest articles
        hits = []
        for article in self._articles.values():
            published = article.published.date if article.published else None
            if query.language and article.language != query.language:
                continue
            if query.outlet and (article.outlet or "").casefold() != query.outlet.casefold():
                continue
            if not published_in(published, query.since, query.until):
                continue
            title, body, quotes = search_text(article)
            text = f"{title}\n{body}\n{quotes}".casefold()
            if not newest and (not terms or not all(t in text for t in terms)):
                continue
            score = sum(text.count(t) for t in terms) + 5 * sum(t in title.casefold() for t in terms)
            hits.append(SearchHit(article.id, article.title, article.outlet, article.language, published,
                                  article.story_id, snippet(body, terms), float(score)))
        if newest:  # published, then id, both descending; undated last
            hits.sort(key=lambda h: (h.published is not None, h.published or "", h.article_id), reverse=True)
        else:
            hits.sort(key=lambda h: (-h.score, h.article_id))
        return hits[query.offset:query.offset + query.limit]

    def quotes(self, query: QuoteQuery) -> list[QuoteRow]:
        text = (query.text or "").casefold()
        rows = [r for a in self._articles.values() for r in quote_rows(a)
                if (query.speaker is None or r.speaker == query.speaker) and text in r.text.casefold()]
        rows.sort(key=lambda r: (r.published or "", r.article_id, r.n))
        return rows[query.offset:query.offset + query.limit]

    def actor(self, actor_id: str) -> dict | None:
        return actor_profile(actor_id, self._articles.values())

    def signatures(self) -> Iterator[tuple[str, str, bytes]]:
        for article_id, data in self._signatures.items():
            article = self._articles[article_id]
            yield article_id, article.story_id or article_id, data

    def stats(self) -> dict:
        return stats_of(self._articles.values())

    def close(self) -> None:
        pass
