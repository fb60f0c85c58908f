"""The narrow interface every store implements (memory, SQLite, PostgreSQL).

A store keeps SPEC records by ``id`` (saving the same record twice adds nothing) and failed
inputs by their source reference, so they can be re-run. ``save_batch`` is one transaction: a
crash loses at most the batch in flight, never what was stored before. Beside the whole
records, a store keeps queryable rows for entities, actors, quotes and events, a full-text
index, and each article's story (near-duplicate cluster) with its MinHash signature.

The row builders and the in-Python query semantics live here, so every backend stores and
answers the same way (the shared test suite in ``tests/storage`` holds them to it).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
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
    recipient: str | None = None  # an actor id, or part of a name, on the receiving side only
    per_story: bool = False  # one row per canonical event (copies of one story counted once)
    offset: int = 0


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
    story_id: str | None = None
    canonical: str | None = None  # the same event told by copies of one story shares this key
    copies: int = 1  # with ``per_story``: how many stored rows tell this canonical event

    def to_dict(self) -> dict:
        return {"article_id": self.article_id, "n": self.n, "title": self.title, "published": self.published,
                "story_id": self.story_id, "canonical": self.canonical, "copies": self.copies,
                "actor_name": self.actor_name, "actor_country": self.actor_country,
                "recipient_name": self.recipient_name, "recipient_country": self.recipient_country,
                "sentence_text": self.sentence, **self.event}


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """Articles holding every word of ``text``, best first; blank ``text`` lists the newest."""

    text: str
    since: str | None = None  # publication date (prefix) on or after
    until: str | None = None
    outlet: str | None = None
    language: str | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    speaker: str | None = None  # an actor id
    text: str | None = None  # part of the quote, any letter case
    limit: int = 1000
    offset: int = 0


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    language: str | None
    published: str | None
    story_id: str | None
    snippet: str
    score: float  # higher is better; comparable within one result list only

    def to_dict(self) -> dict:
        return {"article_id": self.article_id, "title": self.title, "outlet": self.outlet,
                "language": self.language, "published": self.published, "story_id": self.story_id,
                "snippet": self.snippet, "score": self.score}


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: str
    n: int
    title: str | None
    published: str | None
    speaker: str | None
    speaker_name: str | None
    kind: str
    cue: str | None
    text: str

    def to_dict(self) -> dict:
        return {"article_id": self.article_id, "n": self.n, "title": self.title, "published": self.published,
                "speaker": self.speaker, "speaker_name": self.speaker_name, "kind": self.kind, "cue": self.cue,
                "text": self.text}


class Store(Protocol):
    def save_batch(self, articles: Sequence[Article], failures: Sequence[Failure] = (),
                   signatures: Mapping[str, bytes] | None = None) -> SaveResult: ...

    def get(self, article_id: str) -> Article | None: ...

    def articles(self) -> Iterator[Article]: ...

    def failures(self) -> list[StoredFailure]: ...

    def counts(self) -> dict[str, int]: ...

    def events(self, query: EventQuery) -> list[EventRow]: ...

    def search(self, query: SearchQuery) -> list[SearchHit]: ...

    def quotes(self, query: QuoteQuery) -> list[QuoteRow]: ...

    def actor(self, actor_id: str) -> dict | None: ...

    def network(self, query: EventQuery) -> list[dict]: ...

    def signatures(self) -> Iterator[tuple[str, str, bytes]]: ...

    def stats(self) -> dict: ...

    def close(self) -> None: ...


# -- rows every backend stores -------------------------------------------------------------
def canonical_key(story_id: str | None, article_id: str, event: Mapping) -> str:
    """One key for the same event in every copy of a story: kind, sides, date and status."""
    parts = [story_id or article_id, event["type"], event.get("actor") or "", event.get("recipient") or "",
             event.get("date") or "", event["status"]]
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:20]


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
        record = event.to_dict()
        rows.append(EventRow(article.id, n, article.title, article.published.date if article.published else None,
                             *side(event.actor), *side(event.recipient),
                             article.text_of(sentence.field)[sentence.start:sentence.end], record,
                             article.story_id, canonical_key(article.story_id, article.id, record)))
    return rows


def quote_rows(article: Article) -> list[QuoteRow]:
    names = {a.id: a.name for a in article.actors}
    published = article.published.date if article.published else None
    return [QuoteRow(article.id, n, article.title, published, q.speaker, names.get(q.speaker or ""), q.kind, q.cue,
                     q.span.text) for n, q in enumerate(article.quotes)]


def search_text(article: Article) -> tuple[str, str, str]:
    """(title, body, quotes) as the full-text index holds them."""
    return article.title or "", article.body, "\n".join(q.span.text for q in article.quotes)


# -- the in-Python semantics of the queries (memory store; SQL backends do the same) --------
def matches(row: EventRow, query: EventQuery) -> bool:
    event = row.event
    if query.types and event["type"] not in query.types:
        return False
    if query.status and event["status"] != query.status:
        return False
    if query.actor and not _names(query.actor, (event["actor"], row.actor_name),
                                  (event["recipient"], row.recipient_name)):
        return False
    if query.recipient and not _names(query.recipient, (event["recipient"], row.recipient_name)):
        return False
    if query.country:
        place = (event.get("location") or {}).get("country")
        if query.country.upper() not in (row.actor_country, row.recipient_country, place):
            return False
    date = event.get("date")
    if query.since and not (date and date[:len(query.since)] >= query.since[:len(date)]):
        return False
    if query.until and not (date and date[:len(query.until)] <= query.until[:len(date)]):
        return False
    return True


_ACTOR_ID = re.compile(r"[A-Z]{3}|[a-z]+:\S+")


def is_actor_id(value: str) -> bool:
    """``RUS`` or ``per:sergei-lavrov`` name one actor (an indexed lookup); other text is
    matched against actor names."""
    return _ACTOR_ID.fullmatch(value) is not None


SQL_TOP = "\U0010ffff"  # sorts after every date text: ``date < until + SQL_TOP`` is an index range


def sql_where(where: list[str], args: list, either: list[tuple[str, list]]) -> tuple[str, list]:
    """One WHERE clause (or "") from event conditions, the alternatives OR'ed together."""
    where, args = list(where), list(args)
    if either:
        where.append("(" + " OR ".join(clause for clause, _ in either) + ")")
        args += [arg for _, alt in either for arg in alt]
    return (" WHERE " + " AND ".join(where) if where else ""), args


def event_conditions(query: EventQuery, contains: str = "instr({}, ?) > 0",
                     ) -> tuple[list[str], list, list[tuple[str, list]]]:
    """The conditions of an event query over ``events e``: clauses that must all hold, and
    ``either``, alternatives one of which must hold (each side of an actor id, or each country
    column), which ``events`` reads through one index each instead of scanning in order.
    Written with ``?`` marks for SQLite; ``contains`` is the dialect's "column holds ?" test."""
    where: list[str] = []
    args: list = []
    either: list[tuple[str, list]] = []
    if query.types:
        where.append(f"e.type IN ({', '.join('?' * len(query.types))})")
        args += list(query.types)
    if query.status:
        where.append("e.status = ?")
        args.append(query.status)
    if query.actor and is_actor_id(query.actor):
        either = [("e.actor = ?", [query.actor]), ("e.recipient = ?", [query.actor])]
    elif query.actor:
        names = [contains.format(f"lower(e.{side}_name)") for side in ("actor", "recipient")]
        where.append("(" + " OR ".join(names) + ")")
        args += [query.actor.casefold(), query.actor.casefold()]
    if query.recipient:
        where.append("e.recipient = ?" if is_actor_id(query.recipient) else contains.format("lower(e.recipient_name)"))
        args.append(query.recipient if is_actor_id(query.recipient) else query.recipient.casefold())
    if query.country:
        columns = [f"e.{side} = ?" for side in ("actor_country", "recipient_country", "place_country")]
        if either:
            where.append("? IN (e.actor_country, e.recipient_country, e.place_country)")
            args.append(query.country.upper())
        else:
            either = [(column, [query.country.upper()]) for column in columns]
    if query.since:  # dates compare at the coarser of their two precisions (2022-01 holds 2022-01-21)
        where.append("e.date >= ? AND substr(e.date, 1, length(?)) >= substr(?, 1, length(e.date))")
        args += [query.since[:4], query.since, query.since]
    if query.until:
        where.append("e.date < ? AND substr(e.date, 1, length(?)) <= substr(?, 1, length(e.date))")
        args += [query.until + SQL_TOP, query.until, query.until]
    return where, args, either


def published_conditions(query: SearchQuery) -> tuple[list[str], list]:
    """The filters of an article query over ``articles a``, with ``?`` marks."""
    where, args = [], []
    if query.language:
        where.append("a.language = ?")
        args.append(query.language)
    if query.outlet:
        where.append("lower(a.outlet) = ?")
        args.append(query.outlet.casefold())
    if query.since:
        where.append("a.published >= ? AND substr(a.published, 1, length(?)) >= substr(?, 1, length(a.published))")
        args += [query.since[:4], query.since, query.since]
    if query.until:
        where.append("a.published < ? AND substr(a.published, 1, length(?)) <= substr(?, 1, length(a.published))")
        args += [query.until + SQL_TOP, query.until, query.until]
    return where, args


def event_keys_sql(query: EventQuery, conditions: tuple[list[str], list, list[tuple[str, list]]], order: str,
                   mark: str) -> tuple[str, list] | None:
    """An event query with alternatives (``conditions``' third part: each side of an actor id,
    each country column) as a union of ordered index reads, each cut at the page's end, then
    the page: a frequent actor or a rare country costs one short read per alternative instead
    of sorting every match or scanning every event in order. None: no alternatives."""
    where, args, either = conditions
    if not either:
        return None
    depth = query.offset + query.limit
    reads, params = [], []
    for clause, alt in either:
        reads.append(f"SELECT * FROM (SELECT e.article_id, e.n FROM events e WHERE {' AND '.join([*where, clause])} "
                     f"ORDER BY {order} LIMIT {depth}) r{len(reads)}")
        params += [*args, *alt]
    sql = ("SELECT e.article_id, e.n, a.title, a.published, e.actor_name, e.actor_country, e.recipient_name, "
           "e.recipient_country, e.sentence, e.event, e.story_id, e.canonical, 1 "
           f"FROM ({' UNION '.join(reads)}) k JOIN events e ON e.article_id = k.article_id AND e.n = k.n "
           f"JOIN articles a ON a.id = e.article_id ORDER BY {order} LIMIT {mark} OFFSET {mark}")
    return sql, [*params, query.limit, query.offset]


def _names(wanted: str, *sides: tuple[str | None, str | None]) -> bool:
    """An actor id given exactly, or part of a name in any letter case."""
    if is_actor_id(wanted):
        return any(i == wanted for i, _ in sides)
    folded = wanted.casefold()
    return any(name and folded in name.casefold() for _, name in sides)


def one_per_story(rows: list[EventRow]) -> list[EventRow]:
    """The first row of each canonical event, counting the copies that tell it."""
    first: dict[str, EventRow] = {}
    copies: Counter = Counter()
    for row in sorted(rows, key=lambda r: (r.article_id, r.n)):
        first.setdefault(row.canonical, row)
        copies[row.canonical] += 1
    return [dataclasses.replace(row, copies=copies[row.canonical]) for row in rows if first[row.canonical] is row]


def network_of(rows: Iterable[EventRow], limit: int) -> list[dict]:
    """Who acts on whom: one edge per (actor, recipient) with its number of events."""
    edges: dict[tuple[str, str], dict] = {}
    for row in rows:
        actor, recipient = row.event["actor"], row.event["recipient"]
        if not actor or not recipient or actor == recipient:
            continue
        edge = edges.setdefault((actor, recipient), {
            "actor": actor, "actor_name": row.actor_name or actor, "recipient": recipient,
            "recipient_name": row.recipient_name or recipient, "events": 0, "conflict": 0})
        edge["events"] += 1
        edge["conflict"] += row.event.get("quad", "").endswith("conflict")
    return sorted(edges.values(), key=lambda e: (-e["events"], e["actor"], e["recipient"]))[:limit]


def actor_profile(actor_id: str, articles: Iterable[Article]) -> dict | None:
    """An actor as stored, with how many articles name it and its quotes and events."""
    found, named, quotes, events = None, 0, 0, 0
    for article in articles:
        mine = next((a for a in article.actors if a.id == actor_id), None)
        if mine is None:
            continue
        found = mine
        named += any(e.actor == actor_id for e in article.entities)
        quotes += sum(q.speaker == actor_id for q in article.quotes)
        events += sum(actor_id in (e.actor, e.recipient) for e in article.events)
    if found is None:
        return None
    return {**found.to_dict(), "articles": named, "quotes": quotes, "events": events}


_TERM = re.compile(r"\w+", re.UNICODE)


def query_terms(text: str) -> list[str]:
    """The words a search asks for, all of which a hit must contain (case and accents aside)."""
    return [t.casefold() for t in _TERM.findall(text)]


def published_in(published: str | None, since: str | None, until: str | None) -> bool:
    if since and not (published and published[:len(since)] >= since[:len(published)]):
        return False
    if until and not (published and published[:len(until)] <= until[:len(published)]):
        return False
    return True


def snippet(text: str, terms: list[str], width: int = 160) -> str:
    folded = text.casefold()
    at = min((i for i in (folded.find(t) for t in terms) if i >= 0), default=0)
    start = max(0, at - width // 3)
    return ("…" if start else "") + text[start:start + width].replace("\n", " ") + ("…" if start + width < len(text) else "")


def stats_of(articles: Iterable[Article]) -> dict:
    """Corpus counts: articles and stories by language, outlet and month; events by type
    and status, per article copy and per story (canonical events); the most named actors."""
    languages, outlets, months, stories = Counter(), Counter(), Counter(), set()
    by_type, by_status = Counter(), Counter()
    canonical_by_type: dict[str, set[str]] = {}
    actors, names = Counter(), {}
    total = 0
    for article in articles:
        total += 1
        stories.add(article.story_id or article.id)
        languages[article.language or "?"] += 1
        outlets[article.outlet or "?"] += 1
        months[(article.published.date[:7] if article.published else "?")] += 1
        names.update({a.id: a.name for a in article.actors})
        actors.update({e.actor for e in article.entities if e.actor and not e.actor.startswith("geo:")})
        for row in event_rows(article):
            by_type[row.event["type"]] += 1
            by_status[row.event["status"]] += 1
            canonical_by_type.setdefault(row.event["type"], set()).add(row.canonical)
    return {
        "articles": total,
        "stories": len(stories),
        "languages": dict(languages.most_common()),
        "outlets": dict(outlets.most_common(20)),
        "months": dict(sorted(months.items())),
        "events_by_type": {t: {"events": n, "story_events": len(canonical_by_type[t])}
                           for t, n in by_type.most_common()},
        "events_by_status": dict(by_status.most_common()),
        "top_actors": [{"id": a, "name": names.get(a, a), "articles": n} for a, n in actors.most_common(20)],
    }
