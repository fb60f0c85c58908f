"""The corpus from Python: the queries behind ``warta search``, ``events``, ``actors`` and
``stats`` and behind the HTTP API, returning rows (dicts) or pandas tables.

    corpus = warta.open_corpus("warta.db")
    corpus.search("banjir Bandung", since="2025-10").head()
    corpus.events(types=["ASSAULT"], status="asserted", frame=True)
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from warta.storage import EventQuery, QuoteQuery, SearchQuery, open_store

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
ACTOR_EVENTS_MAX = 100_000  # an actor's events read for its timeline


class Corpus:
    def __init__(self, url: str | None = None, store=None):
        self.store = store if store is not None else open_store(url)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def search(self, text: str, since: str | None = None, until: str | None = None, outlet: str | None = None,
               language: str | None = None, limit: int = 20, offset: int = 0, frame: bool = True):
        """Articles holding every word of ``text``, best first (blank ``text``: the newest)."""
        hits = self.store.search(SearchQuery(text, since, until, outlet, language, limit, offset))
        return _out([h.to_dict() for h in hits], frame)

    def events(self, types: list[str] | tuple[str, ...] = (), actor: str | None = None, country: str | None = None,
               status: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 100_000, recipient: str | None = None, per_story: bool = False, offset: int = 0,
               frame: bool = True):
        rows = self.store.events(EventQuery(tuple(t.upper() for t in types), actor, country, status, since, until,
                                            limit, recipient, per_story, offset))
        return _out([r.to_dict() for r in rows], frame)

    def quotes(self, speaker: str | None = None, text: str | None = None, limit: int = 1000, offset: int = 0,
               frame: bool = True):
        rows = self.store.quotes(QuoteQuery(speaker, text, limit, offset))
        return _out([q.to_dict() for q in rows], frame)

    def actor(self, actor_id: str, frame: bool = True) -> dict:
        """An actor's quotes and events (it on either side), each in date order: its timeline."""
        quotes = self.quotes(speaker=actor_id, limit=ACTOR_EVENTS_MAX, frame=False)
        return {"quotes": _out(quotes, frame), "events": _out(self.actor_events(actor_id), frame)}

    def actor_events(self, actor_id: str, limit: int = ACTOR_EVENTS_MAX) -> list[dict]:
        rows = self.store.events(EventQuery(actor=actor_id, limit=limit))
        return [r.to_dict() for r in rows if actor_id in (r.event["actor"], r.event["recipient"])]

    def profile(self, actor_id: str) -> dict | None:
        """The stored actor with how many articles name it and its quote and event counts."""
        return self.store.actor(actor_id)

    def timeline(self, actor_id: str) -> list[dict]:
        return weekly_timeline(self.actor_events(actor_id))

    def network(self, types: list[str] | tuple[str, ...] = (), actor: str | None = None,
                status: str | None = "asserted", since: str | None = None, until: str | None = None,
                per_story: bool = True, limit: int = 100) -> list[dict]:
        """Who acts on whom: edges (actor → recipient) weighted by their number of events."""
        return self.store.network(EventQuery(tuple(t.upper() for t in types), actor, None, status, since, until,
                                             limit, per_story=per_story))

    def stats(self) -> dict:
        return self.store.stats()

    def record(self, article_id: str):
        return self.store.get(article_id)


def week_of(day: str | None) -> str | None:
    """The Monday of the ISO week holding a full date; None for a month, a year or nothing."""
    if not day or len(day) < 10:
        return None
    try:
        parsed = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return (parsed - timedelta(days=parsed.weekday())).isoformat()


def weekly_timeline(events: list[dict]) -> list[dict]:
    """Asserted events per week and quad class, with their summed and mean intensity.

    An event is placed by its own date when the text gives the day, else by the day its
    article was published.
    """
    weeks: dict[str, dict[str, list[float]]] = defaultdict(lambda: {q: [] for q in QUADS})
    for event in events:
        if event.get("status") != "asserted" or event.get("quad") not in QUADS:
            continue
        week = week_of(event.get("date")) or week_of(event.get("published"))
        if week:
            weeks[week][event["quad"]].append(float(event.get("intensity") or 0.0))
    out = []
    for week in sorted(weeks):
        row: dict = {"week": week}
        for quad, values in weeks[week].items():
            row[quad] = len(values)
            row[f"{quad}_intensity"] = round(sum(values), 2)
        row["events"] = sum(len(v) for v in weeks[week].values())
        all_values = [v for values in weeks[week].values() for v in values]
        row["mean_intensity"] = round(sum(all_values) / len(all_values), 2) if all_values else 0.0
        out.append(row)
    return out


def _out(rows: list[dict], frame: bool):
    if not frame:
        return rows
    import pandas as pd

    return pd.DataFrame(rows)


def open_corpus(url: str) -> Corpus:
    return Corpus(url)
