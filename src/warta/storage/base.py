"""The narrow interface every store implements (memory, SQLite; PostgreSQL later).

A store keeps SPEC records by ``id`` (saving the same record twice adds
nothing) and failed inputs by their source reference, so they can be re-run.
``save_batch`` is one transaction: a crash loses at most the batch in flight,
never what was stored before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from warta.model import Article
from warta.readers import Failure


@dataclass(frozen=True, slots=True)
class SaveResult:
    added: int  # records whose id was new
    updated: int  # records already stored (re-processed): replaced, not duplicated
    failures: int


@dataclass(frozen=True, slots=True)
class StoredFailure:
    source: str
    format: str
    code: str
    message: str
    attempts: int
    failed_at: str


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which stored events to list; every field left empty matches everything."""

    types: tuple[str, ...] = ()  # PLOVER types
    actor: str | None = None  # an actor id, or part of a name, on either side
    country: str | None = None  # ISO3 of either side or of the place
    status: str | None = None  # asserted, negated, future, hypothetical, historical
    since: str | None = None  # ISO date (prefix): events on or after it
    until: str | None = None  # ISO date (prefix): events on or before it
    limit: int = 1000


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event with what a reader needs beside it: whose names, which article, the sentence."""

    article_id: str
    n: int  # the event's place in its record's ``events``
    title: str | None
    published: str | None
    actor_name: str | None
    actor_country: str | None
    recipient_name: str | None
    recipient_country: str | None
    sentence: str
    event: dict

    def to_dict(self) -> dict:
        return {"article_id": self.article_id, "n": self.n, "title": self.title, "published": self.published,
                "actor_name": self.actor_name, "actor_country": self.actor_country,
                "recipient_name": self.recipient_name, "recipient_country": self.recipient_country,
                "sentence_text": self.sentence, **self.event}


def event_rows(article: Article) -> list[EventRow]:
    actors = {a.id: a for a in article.actors}

    def side(actor_id: str | None) -> tuple[str | None, str | None]:
        actor = actors.get(actor_id or "")
        if actor is None:
            return None, None
        return actor.name, actor.id if actor.kind == "state" else actor.country

    rows = []
    for n, event in enumerate(article.events):
        sentence = event.sentence
        rows.append(EventRow(article.id, n, article.title, article.published.date if article.published else None,
                             *side(event.actor), *side(event.recipient),
                             article.text_of(sentence.field)[sentence.start:sentence.end], event.to_dict()))
    return rows


def matches(row: EventRow, query: EventQuery) -> bool:
    """The in-Python form of the query (the SQLite store filters in SQL the same way)."""
    event = row.event
    if query.types and event["type"] not in query.types:
        return False
    if query.status and event["status"] != query.status:
        return False
    if query.actor:
        wanted = query.actor.casefold()
        sides = [(event["actor"], row.actor_name), (event["recipient"], row.recipient_name)]
        if not any(i == query.actor or (name and wanted in name.casefold()) for i, name in sides):
            return False
    if query.country:
        place = (event.get("location") or {}).get("country")
        if query.country.upper() not in (row.actor_country, row.recipient_country, place):
            return False
    date = event.get("date")
    if query.since and not (date and date >= query.since[:len(date)]):
        return False
    if query.until and not (date and date <= query.until[:len(date)]):
        return False
    return True


class Store(Protocol):
    def save_batch(self, articles: Sequence[Article], failures: Sequence[Failure] = ()) -> SaveResult: ...

    def get(self, article_id: str) -> Article | None: ...

    def articles(self) -> Iterator[Article]: ...

    def failures(self) -> list[StoredFailure]: ...

    def counts(self) -> dict[str, int]: ...

    def events(self, query: EventQuery) -> list[EventRow]: ...

    def close(self) -> None: ...
