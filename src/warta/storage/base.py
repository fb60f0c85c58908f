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


class Store(Protocol):
    def save_batch(self, articles: Sequence[Article], failures: Sequence[Failure] = ()) -> SaveResult: ...

    def get(self, article_id: str) -> Article | None: ...

    def articles(self) -> Iterator[Article]: ...

    def failures(self) -> list[StoredFailure]: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
