"""The JSON API, version 1: the same queries as the CLI (``warta.corpus.query``).

Lists are pages: ``limit`` (at most the ``api_max_page`` option) and ``offset``, with
``next_offset`` set while more rows may follow. Dates are ISO prefixes (``2022``,
``2022-01``, ``2022-01-21``).
"""

from __future__ import annotations

import hmac
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from warta.api.app import Backend
from warta.model import SPEC_VERSION, RawDocument

router = APIRouter()

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
OFFSET_MAX = 100_000  # deeper pages cost a scan; narrow the query instead
Status = Literal["asserted", "negated", "future", "hypothetical", "historical"]

Since = Annotated[str | None, Query(alias="from", pattern=DATE, description="On or after (YYYY[-MM[-DD]]).")]
Until = Annotated[str | None, Query(alias="to", pattern=DATE, description="On or before (YYYY[-MM[-DD]]).")]
Offset = Annotated[int, Query(ge=0, le=OFFSET_MAX, description="Rows to skip.")]
Limit = Annotated[int, Query(ge=1, le=10_000, description="Rows to return (at most the api_max_page option).")]
ArticleId = Annotated[str, Path(pattern=r"^[0-9a-f]{4,64}$")]


async def backend(request: Request) -> Backend:
    return request.app.state.backend


def write_access(request: Request) -> None:
    """Write endpoints need ``Authorization: Bearer <api_token>`` when a token is configured."""
    token = request.app.state.backend.options.api_token
    if not token:
        return
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise HTTPException(401, "this endpoint needs a token: send Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})


def _json(content) -> JSONResponse:
    """Rows are plain JSON already: sent as they are, without FastAPI's per-value encoding."""
    return JSONResponse(content)


def _page(items: list, limit: int, offset: int) -> JSONResponse:
    return _json({"items": items, "limit": limit, "offset": offset,
                  "next_offset": offset + limit if len(items) == limit and offset + limit <= OFFSET_MAX else None})


def _limit(b: Backend, limit: int) -> int:
    if limit > b.options.api_max_page:
        raise HTTPException(422, f"query parameter 'limit': at most {b.options.api_max_page} rows per page")
    return limit


@router.get("/healthz", tags=["service"])
def healthz(b: Annotated[Backend, Depends(backend)]) -> dict:
    """The server is up and its store answers."""
    b.store().get("0" * 24)  # one indexed lookup
    return {"status": "ok", "spec_version": SPEC_VERSION}


class ProcessRequest(BaseModel):
    """One document: ``text`` (a page-text dump) or ``html`` (a page), never both."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="Page text (a dump of what a reader sees).")
    html: str | None = Field(None, description="The page's HTML.")
    url: str | None = Field(None, max_length=4096, description="Where the page came from.")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?$",
                                  description="Publication date or time when the page does not say it.")
    store: bool = Field(False, description="Also store the record (and its story) in the server's database.")

    @model_validator(mode="after")
    def one_document(self) -> ProcessRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        if not (self.text or self.html or "").strip():
            raise ValueError("the document is empty")
        return self


@router.post("/v1/process", tags=["process"], dependencies=[Depends(write_access)])
def process(body: ProcessRequest, b: Annotated[Backend, Depends(backend)]) -> JSONResponse:
    """Run the pipeline on one document and return its SPEC record (stored when ``store``)."""
    from warta.readers import detect_format

    content = body.html if body.html is not None else body.text
    size = len(content.encode("utf-8", "surrogatepass"))
    if size > b.options.max_input_bytes:
        raise HTTPException(413, f"document is over the {b.options.max_input_bytes:,}-byte limit "
                                 "(option max_input_bytes)")
    fmt = "html" if body.html is not None else ("html" if detect_format(content) == "html" else "text")
    raw = RawDocument(content=content, format=fmt, url=body.url, published=body.published)
    article, added = b.process(raw, store=body.store)
    stored = ("new" if added else "existing") if body.store else "no"
    return JSONResponse(article.to_dict(), headers={"X-Warta-Stored": stored})


@router.get("/v1/articles", tags=["articles"])
def articles(b: Annotated[Backend, Depends(backend)],
             q: Annotated[str, Query(max_length=500, description="Words that must all occur; empty lists the newest.")] = "",
             since: Since = None, until: Until = None,
             outlet: Annotated[str | None, Query(max_length=200)] = None,
             lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
             limit: Limit = 20, offset: Offset = 0) -> JSONResponse:
    """Full-text search over title, body and quotes (best first), or the newest articles."""
    hits = b.corpus().search(q, since, until, outlet, lang, _limit(b, limit), offset, frame=False)
    return _page(hits, limit, offset)


@router.get("/v1/articles/{article_id}", tags=["articles"])
def article(article_id: ArticleId, b: Annotated[Backend, Depends(backend)]) -> JSONResponse:
    """One stored SPEC record, by id or a unique id prefix."""
    found = b.corpus().record(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return _json(found.to_dict())


@router.get("/v1/events", tags=["events"])
def events(b: Annotated[Backend, Depends(backend)],
           type: Annotated[list[str], Query(description="PLOVER types (repeat for several).")] = [],  # noqa: B006
           actor: Annotated[str | None, Query(max_length=200, description="Actor id or name part, either side.")] = None,
           recipient: Annotated[str | None, Query(max_length=200, description="Actor id or name part, receiving side.")] = None,
           country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 of either side or the place.")] = None,
           status: Status | None = None, since: Since = None, until: Until = None,
           per_story: Annotated[bool, Query(description="One row per story event (copies counted once).")] = False,
           limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
    """Coded events with their sentence, trigger and rule as evidence."""
    from warta.events.lexicon import plover_types

    types = [t.upper() for t in type]
    unknown = [t for t in types if t not in plover_types()]
    if unknown:
        raise HTTPException(422, f"query parameter 'type': unknown type {unknown[0]}; "
                                 f"use one of {', '.join(plover_types())}")
    rows = b.corpus().events(types, actor, country, status, since, until, _limit(b, limit), recipient, per_story,
                             offset, frame=False)
    return _page(rows, limit, offset)


def _profile(b: Backend, actor_id: str) -> dict:
    from warta.actors.dictionary import load_dictionary

    found = b.corpus().profile(actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id} in the store")
    terms = load_dictionary(tuple(b.options.actor_files)).terms_of.get(actor_id, ())
    found["offices"] = [{"office": t.office, "country": t.country, "start": t.start and t.start.isoformat(),
                         "end": t.end and t.end.isoformat()} for t in terms]
    return found


ActorId = Annotated[str, Path(min_length=1, max_length=200)]


@router.get("/v1/actors/{actor_id}", tags=["actors"])
def actor(actor_id: ActorId, b: Annotated[Backend, Depends(backend)]) -> JSONResponse:
    """An actor as stored: name, kind, country, aliases, offices, and how often it appears."""
    return _json(_profile(b, actor_id))


@router.get("/v1/actors/{actor_id}/timeline", tags=["actors"])
def timeline(actor_id: ActorId, b: Annotated[Backend, Depends(backend)], limit: Limit = 100) -> JSONResponse:
    """Asserted events per week by quad class with their intensity, and the actor's quotes
    and events (either side) in date order."""
    _limit(b, limit)
    profile = _profile(b, actor_id)
    corpus = b.corpus()
    events = corpus.actor_events(actor_id)
    quotes = corpus.quotes(speaker=actor_id, limit=limit, frame=False)
    items = [{**e, "item": "event", "date": e.get("date") or e.get("published")} for e in events]
    items += [{**q, "item": "quote", "date": q.get("published")} for q in quotes]
    items.sort(key=lambda item: item["date"] or "")
    from warta.corpus.query import weekly_timeline

    return _json({"actor": profile, "weeks": weekly_timeline(events), "items": items[:limit]})


@router.get("/v1/quotes", tags=["quotes"])
def quotes(b: Annotated[Backend, Depends(backend)],
           speaker: Annotated[str | None, Query(max_length=200, description="The speaker's actor id.")] = None,
           text: Annotated[str | None, Query(max_length=500, description="Part of the quote, any letter case.")] = None,
           limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
    """Quotes with their speaker, cue and article."""
    rows = b.corpus().quotes(speaker, text, _limit(b, limit), offset, frame=False)
    return _page(rows, limit, offset)


@router.get("/v1/network", tags=["events"])
def network(b: Annotated[Backend, Depends(backend)],
            type: Annotated[list[str], Query()] = [],  # noqa: B006
            status: Status | None = "asserted", since: Since = None, until: Until = None,
            limit: Limit = 100) -> JSONResponse:
    """Who acts on whom: edges actor → recipient, weighted by story events."""
    edges = b.corpus().network([t.upper() for t in type], None, status, since, until, True, _limit(b, limit))
    return _json({"edges": edges})


@router.get("/v1/stats", tags=["service"])
def stats(b: Annotated[Backend, Depends(backend)]) -> JSONResponse:
    """Articles and stories by language, outlet and month; events by type and status; top actors."""
    return _json(b.corpus().stats())
