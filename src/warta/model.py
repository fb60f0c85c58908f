"""The SPEC record as typed, frozen data classes.

Stages pass ``Article`` objects and return new ones (``article.evolve(...)``);
dicts exist only at the edges (JSONL, database, API) via ``to_dict``/``from_dict``.
The shape of ``to_dict`` is the public contract in SPEC.md (record format v1).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

SPEC_VERSION = 1

Format = Literal["text", "html", "jsonl", "warc", "rss"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from: a file path or a URL, and its detected format."""

    format: str
    path: str | None = None
    url: str | None = None
    line: int | None = None  # 1-based line in a JSONL file, or record number in a WARC or feed
    fetched: str | None = None  # when the page was fetched (WARC-Date, HTTP fetch), ISO 8601

    @property
    def ref(self) -> str:
        """A string that lets a user find and re-run this input."""
        base = self.path or self.url or "-"
        return f"{base}:{self.line}" if self.line else base

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.path is not None:
            out["path"] = self.path
        if self.url is not None:
            out["url"] = self.url
        if self.line is not None:
            out["line"] = self.line
        if self.fetched is not None:
            out["fetched"] = self.fetched
        out["format"] = self.format
        return out


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One decoded input before extraction; JSONL inputs carry their own fields."""

    content: str
    format: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    place_id: str | None = None


@dataclass(frozen=True, slots=True)
class Published:
    date: str
    precision: str  # day | month | year
    basis: str  # html-meta, url, jsonl, body-mentions, ...


@dataclass(frozen=True, slots=True)
class Span:
    """Text found in a field: ``article.text_of(field)[start:end] == text``."""

    field: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Sentence:
    field: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end}


def field_order(name: str) -> tuple[int, int]:
    """Reading order of text fields: title, body, then captions by number."""
    if name == "title":
        return (0, 0)
    if name == "body":
        return (1, 0)
    return (2, int(name.split(":", 1)[1]))


@dataclass(frozen=True, slots=True)
class Entity:
    span: Span
    type: str  # PER ORG LOC GPE NORP FAC EVENT
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "type": self.type, "actor": self.actor}


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # the body a unit belongs to ("Polres Jember" -> org:polri)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "parent": self.parent,
            "country": self.country,
            "sector": self.sector,
            "wikidata": self.wikidata,
            "aliases": list(self.aliases),
        }


@dataclass(frozen=True, slots=True)
class TimeMention:
    span: Span
    value: str | None
    granularity: str
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "value": self.value,
            "granularity": self.granularity,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span
    kind: str  # direct | indirect | partial
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
            "cue": self.cue,
        }


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    place_id: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    actor: str | None
    recipient: str | None
    status: str
    sentence: Sentence
    trigger: Span
    rule: str
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    date: str | None = None
    location: Location | None = None
    confidence: float = 0.0
    intensity: float = 0.0
    quad: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "actor": self.actor,
            "recipient": self.recipient,
            "date": self.date,
            "location": self.location.to_dict() if self.location else None,
            "status": self.status,
            "sentence": self.sentence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "rule": self.rule,
            "confidence": self.confidence,
            "intensity": self.intensity,
            "quad": self.quad,
        }


_SPACE = re.compile(r"\s+")


def article_id(body: str) -> str:
    """Stable id of a story text: sha256 of the NFKC, case-folded, space-collapsed body.

    96 bits: a birthday collision needs ~2**48 articles.
    """
    normal = _SPACE.sub(" ", unicodedata.normalize("NFKC", body)).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Article:
    """One article as it moves through the pipeline; fields fill in stage by stage."""

    source: Source
    raw: RawDocument | None = None
    id: str = ""
    language: str | None = None
    outlet: str | None = None
    author: str | None = None  # byline as written; not in SPEC v1's table (fields may be added)
    title: str | None = None
    dateline: Dateline | None = None
    published: Published | None = None
    captions: tuple[Caption, ...] = ()
    boilerplate: tuple[str, ...] = ()
    body: str = ""
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    actors: tuple[Actor, ...] = ()
    times: tuple[TimeMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()  # stage ids that produced this record, in order
    story_id: str | None = None  # the near-duplicate cluster (syndicated copies) it belongs to

    def evolve(self, **changes: Any) -> Article:
        return dataclasses.replace(self, **changes)

    def text_of(self, field_name: str) -> str:
        """The text a span's ``field`` points into: title, body or caption:N."""
        if field_name == "body":
            return self.body
        if field_name == "title":
            return self.title or ""
        if field_name.startswith("caption:"):
            return self.captions[int(field_name.split(":", 1)[1])].text
        raise KeyError(f"no text field {field_name!r}")

    def text_fields(self) -> Iterator[tuple[str, str]]:
        """(field name, text) for title, body and each caption, in reading order."""
        if self.title:
            yield "title", self.title
        yield "body", self.body
        for n, caption in enumerate(self.captions):
            yield f"caption:{n}", caption.text

    def spans(self) -> Iterator[Span | Sentence]:
        """Every span in the record, for invariant checks."""
        yield from self.sentences
        for entity in self.entities:
            yield entity.span
        for time in self.times:
            yield time.span
        for quote in self.quotes:
            yield quote.span
            if quote.speaker_span:
                yield quote.speaker_span
        for event in self.events:
            yield event.sentence
            yield event.trigger

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_dict(),
            "language": self.language,
            "outlet": self.outlet,
            "author": self.author,
            "title": self.title,
            "dateline": dataclasses.asdict(self.dateline) if self.dateline else None,
            "published": dataclasses.asdict(self.published) if self.published else None,
            "captions": [dataclasses.asdict(c) for c in self.captions],
            "boilerplate": list(self.boilerplate),
            "body": self.body,
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "actors": {a.id: a.to_dict() for a in self.actors},
            "times": [t.to_dict() for t in self.times],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "warnings": list(self.warnings),
            "story_id": self.story_id,
            "pipeline": list(self.stages),
            "spec_version": SPEC_VERSION,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Read a record written by ``to_dict`` (from JSONL or the store)."""
        src = data.get("source") or {}
        return cls(
            source=Source(
                format=src.get("format", "text"),
                path=src.get("path"),
                url=src.get("url"),
                line=src.get("line"),
                fetched=src.get("fetched"),
            ),
            id=data.get("id", ""),
            language=data.get("language"),
            outlet=data.get("outlet"),
            author=data.get("author"),
            title=data.get("title"),
            dateline=Dateline(**data["dateline"]) if data.get("dateline") else None,
            published=Published(**data["published"]) if data.get("published") else None,
            captions=tuple(Caption(**c) for c in data.get("captions", ())),
            boilerplate=tuple(data.get("boilerplate", ())),
            body=data.get("body", ""),
            sentences=tuple(Sentence(**s) for s in data.get("sentences", ())),
            entities=tuple(
                Entity(span=_span(e), type=e["type"], actor=e.get("actor"))
                for e in data.get("entities", ())
            ),
            actors=tuple(
                Actor(**{**a, "aliases": tuple(a.get("aliases", ()))})
                for a in (data.get("actors") or {}).values()
            ),
            times=tuple(
                TimeMention(
                    span=_span(t),
                    value=t.get("value"),
                    granularity=t.get("granularity", "day"),
                    warnings=tuple(t.get("warnings", ())),
                )
                for t in data.get("times", ())
            ),
            quotes=tuple(
                Quote(
                    span=_span(q),
                    kind=q["kind"],
                    speaker=q.get("speaker"),
                    speaker_span=_span(q["speaker_span"]) if q.get("speaker_span") else None,
                    cue=q.get("cue"),
                )
                for q in data.get("quotes", ())
            ),
            events=tuple(_event(e) for e in data.get("events", ())),
            warnings=tuple(data.get("warnings", ())),
            stages=tuple(data.get("pipeline", ())),
            story_id=data.get("story_id"),
        )


def _span(d: Mapping[str, Any]) -> Span:
    return Span(field=d["field"], start=d["start"], end=d["end"], text=d["text"])


def _event(d: Mapping[str, Any]) -> Event:
    return Event(
        type=d["type"],
        mode=d.get("mode"),
        contexts=tuple(d.get("contexts", ())),
        actor=d.get("actor"),
        recipient=d.get("recipient"),
        date=d.get("date"),
        location=Location(**d["location"]) if d.get("location") else None,
        status=d["status"],
        sentence=Sentence(**d["sentence"]),
        trigger=_span(d["trigger"]),
        rule=d["rule"],
        confidence=d.get("confidence", 0.0),
        intensity=d.get("intensity", 0.0),
        quad=d.get("quad"),
    )


__all__ = [
    "Actor",
    "Article",
    "Caption",
    "Dateline",
    "Entity",
    "Event",
    "Location",
    "Published",
    "Quote",
    "RawDocument",
    "Sentence",
    "Source",
    "Span",
    "TimeMention",
    "article_id",

]
