"""Exports of a store: SPEC records as JSONL, one table per object type as Parquet or CSV,
and events in GDELT 2.0's event-table columns.

Tables (Parquet: one file each in the output folder; CSV: ``--table``, default events):
articles, entities, actors, quotes, events, with the article id on every row. The GDELT
export writes one line per *story* event (copies of one story counted once; NumArticles says
how many copies told it), tab-separated with no header, in GDELT 2.0's 61-column order:
CAMEO codes mapped from PLOVER (``resources/common/gdelt.yaml``), QuadClass, Goldstein,
actor country codes, action geography (FIPS country codes, as GDELT uses), the source URL.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from functools import cache
from typing import IO

from warta.model import Article
from warta.resources import load
from warta.storage.base import canonical_key

TABLES = ("articles", "entities", "actors", "quotes", "events")
FORMATS = ("jsonl", "parquet", "csv", "gdelt")

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
)
_QUADS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}
_GEO_TYPES = {"country": 1, "region": 5, "city": 4}  # GDELT: 1 country, 4 world city, 5 world state


# -- tables -----------------------------------------------------------------------------------
def table_rows(articles: Iterable[Article]) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    seen_actors: set[str] = set()
    for a in articles:
        published = a.published.date if a.published else None
        tables["articles"].append({
            "article_id": a.id, "story_id": a.story_id or a.id, "source": a.source.ref, "url": a.source.url,
            "language": a.language, "outlet": a.outlet, "title": a.title, "published": published,
            "dateline": a.dateline.place if a.dateline else None, "body": a.body,
            "warnings": len(a.warnings)})
        for n, e in enumerate(a.entities):
            tables["entities"].append({"article_id": a.id, "n": n, "field": e.span.field, "start": e.span.start,
                                       "end": e.span.end, "text": e.span.text, "type": e.type, "actor": e.actor})
        for actor in a.actors:
            if actor.id not in seen_actors:
                seen_actors.add(actor.id)
                tables["actors"].append({"actor_id": actor.id, "name": actor.name, "kind": actor.kind,
                                         "parent": actor.parent, "country": actor.country, "sector": actor.sector,
                                         "wikidata": actor.wikidata, "aliases": json.dumps(list(actor.aliases),
                                                                                           ensure_ascii=False)})
        for n, q in enumerate(a.quotes):
            tables["quotes"].append({"article_id": a.id, "n": n, "field": q.span.field, "start": q.span.start,
                                     "end": q.span.end, "text": q.span.text, "kind": q.kind, "speaker": q.speaker,
                                     "speaker_text": q.speaker_span.text if q.speaker_span else None, "cue": q.cue})
        for n, ev in enumerate(a.events):
            record = ev.to_dict()
            location = ev.location
            sentence = a.text_of(ev.sentence.field)[ev.sentence.start:ev.sentence.end]
            tables["events"].append({
                "article_id": a.id, "n": n, "story_id": a.story_id or a.id,
                "canonical": canonical_key(a.story_id, a.id, record), "type": ev.type, "mode": ev.mode,
                "contexts": ",".join(ev.contexts), "actor": ev.actor, "recipient": ev.recipient, "status": ev.status,
                "date": ev.date, "location": location.name if location else None,
                "place_id": location.place_id if location else None,
                "country": location.country if location else None,
                "lat": location.lat if location else None, "lon": location.lon if location else None,
                "precision": location.precision if location else None,
                "trigger": ev.trigger.text, "sentence": sentence, "rule": ev.rule, "confidence": ev.confidence,
                "intensity": ev.intensity, "quad": ev.quad, "published": published, "url": a.source.url})
    return tables


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> int:
    n = 0
    for article in articles:
        out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(articles: Iterable[Article], out: IO[str], table: str = "events") -> int:
    rows = table_rows(articles)[table]
    columns = _columns(table, rows)
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def write_parquet(articles: Iterable[Article], folder: str) -> dict[str, int]:
    """One Parquet file per table in ``folder`` (created if needed)."""
    import os

    import pyarrow as pa
    import pyarrow.parquet as pq

    os.makedirs(folder, exist_ok=True)
    counts = {}
    for name, rows in table_rows(articles).items():
        columns = _columns(name, rows)
        table = pa.Table.from_pylist(rows, schema=_schema(name, columns)) if rows else pa.table(
            {c: pa.array([], type=_schema(name, columns).field(c).type) for c in columns})
        pq.write_table(table, os.path.join(folder, f"{name}.parquet"))
        counts[name] = len(rows)
    return counts


def _columns(table: str, rows: list[dict]) -> list[str]:
    return list(rows[0]) if rows else COLUMNS[table]


COLUMNS = {
    "articles": ["article_id", "story_id", "source", "url", "language", "outlet", "title", "published",
                 "dateline", "body", "warnings"],
    "entities": ["article_id", "n", "field", "start", "end", "text", "type", "actor"],
    "actors": ["actor_id", "name", "kind", "parent", "country", "sector", "wikidata", "aliases"],
    "quotes": ["article_id", "n", "field", "start", "end", "text", "kind", "speaker", "speaker_text", "cue"],
    "events": ["article_id", "n", "story_id", "canonical", "type", "mode", "contexts", "actor", "recipient",
               "status", "date", "location", "place_id", "country", "lat", "lon", "precision", "trigger",
               "sentence", "rule", "confidence", "intensity", "quad", "published", "url"],
}
NUMBER_COLUMNS = {"n": "int64", "start": "int64", "end": "int64", "warnings": "int64", "lat": "float64",
            "lon": "float64", "confidence": "float64", "intensity": "float64"}


def _schema(table: str, columns: list[str]):
    import pyarrow as pa

    return pa.schema([(c, pa.int64() if NUMBER_COLUMNS.get(c) == "int64" else pa.float64()
                       if NUMBER_COLUMNS.get(c) == "float64" else pa.string()) for c in columns])


# -- GDELT ------------------------------------------------------------------------------------
@cache
def _gdelt_tables() -> tuple[dict, dict]:
    data = load("common", "gdelt.yaml")
    return data["cameo"], data["fips"]


def gdelt_rows(articles: Iterable[Article]) -> Iterator[list[str]]:
    """One GDELT 2.0 event row per story event: the first copy's, counted over all copies."""
    cameo, fips = _gdelt_tables()
    events: dict[str, dict] = {}
    for article in articles:
        actors = {a.id: a for a in article.actors}
        outlets = article.outlet or article.source.url or article.id
        for event in article.events:
            if event.status != "asserted":
                continue  # GDELT counts what happened; the other statuses stay in Warta's own exports
            key = canonical_key(article.story_id, article.id, event.to_dict())
            if key in events:
                events[key]["articles"] += 1
                events[key]["sources"].add(outlets)
                continue
            events[key] = {"event": event, "article": article, "actors": actors, "articles": 1,
                           "sources": {outlets}}
    for key, found in events.items():
        event, article, actors = found["event"], found["article"], found["actors"]
        date = (event.date or (article.published.date if article.published else "") or "")
        day = date.replace("-", "").ljust(8, "0")[:8] if date else ""
        code, root = cameo.get(f"{event.type}.{event.mode}") or cameo[event.type]
        location = event.location
        geo = [str(_GEO_TYPES.get(location.precision, 0)), location.name, fips.get(location.country or "", ""), "",
               "", _number(location.lat), _number(location.lon), location.place_id or ""] if location else [""] * 8
        row = [
            str(int(hashlib.sha1(key.encode()).hexdigest()[:12], 16)), day, day[:6], day[:4],
            _fraction(day),
            *_gdelt_actor(actors.get(event.actor or "")), *_gdelt_actor(actors.get(event.recipient or "")),
            "1", code, code[:3], root, str(_QUADS.get(event.quad or "", 0)), f"{event.intensity:.1f}",
            str(found["articles"]), str(len(found["sources"])), str(found["articles"]), "0",
            *([""] * 8), *([""] * 8), *geo,
            (article.source.fetched or "").replace("-", "").replace("T", "").replace(":", "")[:14]
            or (day + "000000" if day else ""),
            article.source.url or article.source.ref,
        ]
        yield row


def _gdelt_actor(actor) -> list[str]:
    """Code, name, country, known group, ethnic, religion 1-2, type 1-3 (GDELT's ten actor fields)."""
    if actor is None:
        return [""] * 10
    country = actor.id if actor.kind == "state" else (actor.country or "")
    role = load("common", "cameo_roles.yaml").get(actor.sector or "", "")  # POL is CAMEO's COP
    code = country + role if actor.kind != "state" else country
    group = role if role == "IGO" else ""
    return [code, actor.name.upper(), country, group, "", "", "", role, "", ""]


def _fraction(day: str) -> str:
    """GDELT's FractionDate: the year plus the share of it gone by (YYYY.FFFF)."""
    from datetime import date

    if not day:
        return ""
    when = date(int(day[:4]), int(day[4:6]) or 1, int(day[6:8]) or 1)
    return f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}"


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def write_gdelt(articles: Iterable[Article], out: IO[str]) -> int:
    n = 0
    for row in gdelt_rows(articles):
        out.write("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) + "\n")
        n += 1
    return n


def export(articles: Iterable[Article], fmt: str, out: str, table: str = "events", stdout: IO[str] | None = None):
    """Write ``articles`` as ``fmt`` to ``out`` (``-``: ``stdout``, text formats only); returns counts."""
    if fmt == "parquet":
        if out == "-":
            raise ValueError("Parquet needs a folder to write its tables to, not stdout")
        return write_parquet(articles, out)
    writer = {"jsonl": write_jsonl, "gdelt": write_gdelt}.get(fmt)
    if out == "-":
        target: IO[str] = stdout or io.StringIO()
        return (writer(articles, target) if writer else write_csv(articles, target, table))
    with open(out, "w", encoding="utf-8", newline="") as handle:
        return writer(articles, handle) if writer else write_csv(articles, handle, table)
