"""Stores, chosen by a URL: ``warta.db`` (SQLite file), ``memory:``, ``postgresql://…``."""

from __future__ import annotations

from warta.errors import StoreError
from warta.storage.base import (
    EventQuery,
    EventRow,
    QuoteQuery,
    QuoteRow,
    SaveResult,
    SearchHit,
    SearchQuery,
    Store,
    StoredFailure,
)


def open_store(url: str, statement_seconds: float = 0.0) -> Store:
    """The store at ``url``; with ``statement_seconds``, a database statement running longer
    is stopped (SQLite: OperationalError 'interrupted'; PostgreSQL: QueryCanceled)."""
    if url in ("memory:", ":memory:"):
        from warta.storage.memory import MemoryStore

        return MemoryStore()
    if url.startswith(("postgresql:", "postgres:", "postgresql+psycopg:")):
        try:
            from warta.storage.postgres import PostgresStore
        except ImportError as exc:  # psycopg is the optional extra warta[postgres]
            raise StoreError(f"PostgreSQL storage needs psycopg: pip install 'warta[postgres]' ({exc})") from exc

        return PostgresStore(url, statement_seconds=statement_seconds)
    from warta.storage.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///").removeprefix("sqlite://"), statement_seconds=statement_seconds)


__all__ = ["EventQuery", "EventRow", "QuoteQuery", "QuoteRow", "SaveResult", "SearchHit", "SearchQuery", "Store", "StoredFailure",
           "open_store"]
