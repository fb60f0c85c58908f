"""What one fuzzed file goes through, and what counts as a finding.

A file is read as ``warta process`` reads it (``read_blob``: the format from the content),
every document runs through the pipeline in debug mode (spans checked after every stage) and
is stored in SQLite and read back. A clean failure (``input.*``, ``extract.*``) is Warta
doing its job; anything else is a finding: an exception escaping a stage, a span that does
not read its own text, a record that does not survive the store.
"""

from __future__ import annotations

import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

import httpx

import warta
from warta.batch import run_one
from warta.errors import SpanInvariantError
from warta.pipeline import Pipeline, check_article
from warta.readers import Failure, read_blob
from warta.readers.fetch import Fetcher
from warta.storage.sqlite import SQLiteStore

_PAGE = (b"<html><head><title>Rusia menolak tuntutan</title></head><body><article><h1>Rusia menolak tuntutan</h1>"
         b"<p>Menlu Rusia Sergey Lavrov bertemu Menlu AS Antony Blinken di Jenewa, Jumat (21/1).</p>"
         b"<p>\"Kami tidak memiliki rencana untuk menyerang,\" kata Lavrov.</p></article></body></html>")


def _web(request: httpx.Request) -> httpx.Response:
    """The web as a fuzzed feed sees it, offline: every page is the same small article."""
    if request.url.path == "/robots.txt":
        return httpx.Response(404)
    return httpx.Response(200, content=_PAGE, headers={"Content-Type": "text/html; charset=utf-8"})


@dataclass
class Finding(Exception):
    """An input Warta mishandled: ``kind`` is 'crash', 'span' or 'store'."""

    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"


@dataclass
class Tally:
    inputs: int = 0
    records: int = 0
    failures: Counter = field(default_factory=Counter)
    slowest_seconds: float = 0.0

    def add(self, other: Tally) -> None:
        self.inputs += other.inputs
        self.records += other.records
        self.failures.update(other.failures)
        self.slowest_seconds = max(self.slowest_seconds, other.slowest_seconds)


class Harness:
    """Reads, processes and stores fuzzed files; ``stages`` narrows the pipeline (the
    coverage-guided run uses ``("extract",)``), ``store=False`` skips SQLite."""

    def __init__(self, stages: tuple[str, ...] | None = None, store: bool = True, seconds: float = 30.0):
        self.options = warta.Options(debug=True, fetch_delay=0.0, fetch_allow_private=True,
                                     max_document_seconds=seconds)
        self.pipeline = Pipeline(stages, self.options)
        self.fetcher = Fetcher(self.options, transport=httpx.MockTransport(_web))
        self.use_store = store
        self.store = SQLiteStore(":memory:") if store else None
        self.tally = Tally()

    def check(self, data: bytes, name: str = "fuzzed") -> None:
        """Raise Finding when Warta mishandles ``data``; otherwise count what it made of it."""
        started = time.perf_counter()
        self.tally.inputs += 1
        articles = []
        try:
            for item in read_blob(name, data, self.options, fetcher=self.fetcher):
                if isinstance(item, Failure):
                    self._failed(item)
                    continue
                try:
                    result = run_one(self.pipeline, item)
                except SpanInvariantError as exc:
                    raise Finding("span", str(exc)) from exc
                if isinstance(result, Failure):
                    self._failed(result)
                    continue
                try:
                    check_article(result)
                except SpanInvariantError as exc:
                    raise Finding("span", str(exc)) from exc
                articles.append(result)
        except Finding:
            raise
        except Exception as exc:
            raise Finding("crash", _traceback(exc)) from exc
        self.tally.records += len(articles)
        if self.store is not None and articles:
            self._store(articles)
        self.tally.slowest_seconds = max(self.tally.slowest_seconds, time.perf_counter() - started)

    def _failed(self, failure: Failure) -> None:
        if not failure.code or not failure.message or failure.code.startswith("internal."):
            raise Finding("crash", f"failure {failure.code!r}: {failure.message!r}")
        self.tally.failures[failure.code] += 1

    def _store(self, articles: list) -> None:
        if self.tally.inputs % 2000 == 0:  # a fresh database now and then keeps memory flat
            self.store.close()
            self.store = SQLiteStore(":memory:")
        try:
            self.store.save_batch(articles)
            for article in articles:
                stored = self.store.get(article.id)
                if stored is None:
                    raise Finding("store", f"article {article.id} not found after saving")
                check_article(stored)
        except Finding:
            raise
        except Exception as exc:
            raise Finding("store", _traceback(exc)) from exc


def _traceback(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)).strip()

