"""The corpus from Python: the same queries as ``warta search``, ``events``, ``actors`` and
``stats``, returning rows (dicts) or pandas tables.

    corpus = warta.open_corpus("warta.db")
    corpus.search("banjir Bandung", since="2025-10").head()
    corpus.events(types=["ASSAULT"], status="asserted", frame=True)
"""

from __future__ import annotations

from warta.storage import EventQuery, SearchQuery, open_store


class Corpus:
    def __init__(self, url: str):
        self.store = open_store(url)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def search(self, text: str, since: str | None = None, until: str | None = None, outlet: str | None = None,
               language: str | None = None, limit: int = 20, frame: bool = True):
        hits = self.store.search(SearchQuery(text, since, until, outlet, language, limit))
        return _out([h.to_dict() for h in hits], frame)

    def events(self, types: list[str] | tuple[str, ...] = (), actor: str | None = None, country: str | None = None,
               status: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 100_000, frame: bool = True):
        rows = self.store.events(EventQuery(tuple(t.upper() for t in types), actor, country, status, since, until,
                                            limit))
        return _out([r.to_dict() for r in rows], frame)

    def actor(self, actor_id: str, frame: bool = True) -> dict:
        """An actor's quotes and events, each in date order: its timeline."""
        quotes = [q.to_dict() for q in self.store.quotes(actor_id)]
        events = [r.to_dict() for r in self.store.events(EventQuery(actor=actor_id))]
        events = [e for e in events if actor_id in (e["actor"], e["recipient"])]
        return {"quotes": _out(quotes, frame), "events": _out(events, frame)}

    def stats(self) -> dict:
        return self.store.stats()

    def record(self, article_id: str):
        return self.store.get(article_id)


def _out(rows: list[dict], frame: bool):
    if not frame:
        return rows
    import pandas as pd

    return pd.DataFrame(rows)


def open_corpus(url: str) -> Corpus:
    return Corpus(url)
