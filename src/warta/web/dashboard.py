"""The dashboard: server-rendered pages over the same queries as the API and the CLI.

Search, an article with its evidence marked (clicking an event marks its sentence), an
actor's timeline and quotes, the actor network and a map of event places. Pages need no
script from elsewhere and no tile server; ``static/app.js`` only marks sentences.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from warta.api.app import Backend
from warta.api.v1 import DATE, OFFSET_MAX, Status, backend
from warta.web import charts
from warta.web.highlight import highlight, sentence_anchor

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("warta.web") / "templates"))
PAGE = 20
MAP_EVENTS_MAX = 20_000  # events read to draw the map


def _page(request: Request, name: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def search(request: Request, b: Annotated[Backend, Depends(backend)],
           q: Annotated[str, Query(max_length=500)] = "", since: Annotated[str | None, Query(alias="from")] = None,
           until: Annotated[str | None, Query(alias="to")] = None,
           outlet: Annotated[str | None, Query(max_length=200)] = None,
           lang: Annotated[str | None, Query(max_length=3)] = None,
           offset: Annotated[int, Query(ge=0, le=OFFSET_MAX)] = 0) -> HTMLResponse:
    since, until = _date(since), _date(until)
    hits = b.corpus().search(q, since, until, outlet or None, lang or None, PAGE, offset, frame=False)
    return _page(request, "search.html", q=q, since=since or "", until=until or "", outlet=outlet or "",
                 lang=lang or "", hits=hits, offset=offset, more=len(hits) == PAGE, page=PAGE)


def _date(value: str | None) -> str | None:
    """A form's date box: empty means no bound; anything but YYYY[-MM[-DD]] is refused."""
    import re

    if not value:
        return None
    if not re.fullmatch(DATE.strip("^$"), value):
        raise HTTPException(422, "dates are YYYY, YYYY-MM or YYYY-MM-DD")
    return value


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, b: Annotated[Backend, Depends(backend)],
            article_id: Annotated[str, Path(pattern=r"^[0-9a-f]{4,64}$")]) -> HTMLResponse:
    record = b.corpus().record(article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id}")
    names = {a.id: a.name for a in record.actors}
    events = [{"n": n, "event": e, "anchor": sentence_anchor(e.sentence.field, e.sentence.start),
               "actor": names.get(e.actor or "", e.actor), "recipient": names.get(e.recipient or "", e.recipient)}
              for n, e in enumerate(record.events)]
    quotes = [{"n": n, "quote": q, "speaker": names.get(q.speaker or "") or
               (q.speaker_span.text if q.speaker_span else None)} for n, q in enumerate(record.quotes)]
    return _page(request, "article.html", a=record, title_html=highlight(record, "title"),
                 body_html=highlight(record, "body"), events=events, quotes=quotes,
                 actors=sorted(record.actors, key=lambda a: a.name))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, b: Annotated[Backend, Depends(backend)],
          actor_id: Annotated[str, Path(min_length=1, max_length=200)]) -> HTMLResponse:
    corpus = b.corpus()
    profile = corpus.profile(actor_id)
    if profile is None:
        raise HTTPException(404, f"no actor {actor_id} in the store")
    events = corpus.actor_events(actor_id)
    quotes = corpus.quotes(speaker=actor_id, limit=200, frame=False)
    from warta.corpus.query import weekly_timeline

    weeks = weekly_timeline(events)
    return _page(request, "actor.html", actor=profile, chart=charts.timeline_svg(weeks), legend=charts.legend(),
                 weeks=weeks, events=events[-200:][::-1], quotes=quotes[::-1])


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, b: Annotated[Backend, Depends(backend)],
           type: Annotated[str | None, Query(max_length=40)] = None,
           actor: Annotated[str | None, Query(max_length=200)] = None,
           status: Annotated[str | None, Query(max_length=20)] = None,
           since: Annotated[str | None, Query(alias="from")] = None,
           until: Annotated[str | None, Query(alias="to")] = None,
           per_story: bool = True, offset: Annotated[int, Query(ge=0, le=OFFSET_MAX)] = 0) -> HTMLResponse:
    from warta.events.lexicon import plover_types

    types = [type.upper()] if type else []
    if types and types[0] not in plover_types():
        raise HTTPException(422, f"unknown event type {type}")
    if status and status not in Status.__args__:
        raise HTTPException(422, f"unknown status {status}")
    rows = b.corpus().events(types, actor or None, None, status or None, _date(since), _date(until), PAGE * 5,
                             None, per_story, offset, frame=False)
    return _page(request, "events.html", rows=rows, type=type or "", actor=actor or "", status=status or "",
                 since=since or "", until=until or "", per_story=per_story, offset=offset,
                 more=len(rows) == PAGE * 5, page=PAGE * 5, types=list(plover_types()),
                 statuses=Status.__args__)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, b: Annotated[Backend, Depends(backend)],
            since: Annotated[str | None, Query(alias="from")] = None,
            until: Annotated[str | None, Query(alias="to")] = None,
            limit: Annotated[int, Query(ge=1, le=300)] = 60) -> HTMLResponse:
    edges = b.corpus().network(since=_date(since), until=_date(until), limit=limit)
    return _page(request, "network.html", chart=charts.network_svg(edges), edges=edges, since=since or "",
                 until=until or "", limit=limit)


@router.get("/map", response_class=HTMLResponse)
def event_map(request: Request, b: Annotated[Backend, Depends(backend)],
              since: Annotated[str | None, Query(alias="from")] = None,
              until: Annotated[str | None, Query(alias="to")] = None) -> HTMLResponse:
    rows = b.corpus().events(status="asserted", since=_date(since), until=_date(until), limit=MAP_EVENTS_MAX,
                             per_story=True, frame=False)
    places: dict[tuple, dict] = {}
    quads: dict[tuple, Counter] = defaultdict(Counter)
    for row in rows:
        where = row.get("location") or {}
        if where.get("lat") is None or where.get("lon") is None:
            continue
        key = (where["name"], round(where["lat"], 2), round(where["lon"], 2))
        place = places.setdefault(key, {"name": where["name"], "lat": where["lat"], "lon": where["lon"],
                                        "events": 0, "country": where.get("country")})
        place["events"] += 1
        quads[key][row.get("quad")] += 1
    for key, place in places.items():
        place["quad"] = quads[key].most_common(1)[0][0]
    ranked = sorted(places.values(), key=lambda p: -p["events"])
    return _page(request, "map.html", chart=charts.map_svg(ranked), places=ranked[:50], legend=charts.legend(),
                 since=since or "", until=until or "", read=len(rows), capped=len(rows) == MAP_EVENTS_MAX)
