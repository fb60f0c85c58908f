"""The HTTP app: the JSON API under ``/v1`` and the dashboard, over one store.

The app owns what requests share: the store URL (each worker thread opens its own
connection; an in-memory store is shared), one pipeline and one story index for
``POST /v1/process`` (run under a lock: the taggers are not thread-safe and stories must
be assigned in order), the token for write endpoints and the request body limit.
Errors are JSON with a code and a message a person can act on, never a stack trace.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import threading
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import warta
from warta.config import Options, load_options
from warta.corpus.query import Corpus
from warta.corpus.stories import StoryIndex
from warta.errors import InputError, StoreError, WartaError
from warta.pipeline import Pipeline
from warta.storage import Store, open_store

log = logging.getLogger("warta.api")


_WARM_UP = ("Rusia Tolak Tuntutan\n\nMenlu Rusia Sergey Lavrov bertemu Menlu AS Antony Blinken di Jenewa, "
            "Jumat (21/1). \"Kami tidak berencana menyerang,\" kata Lavrov. Police arrested two men in Surabaya.")


class Backend:
    """The store, pipeline and story index that the requests of one app share."""

    def __init__(self, db: str, options: Options):
        self.db = db
        self.options = options
        self._local = threading.local()
        self._shared = open_store(db) if db in ("memory:", ":memory:") else None
        self._opened: list[Store] = []
        self._opened_lock = threading.Lock()
        self._process_lock = threading.Lock()
        self._pipeline: Pipeline | None = None
        self._stories: StoryIndex | None = None
        self.store()  # opened once now: a bad URL fails at start, not on every request

    def store(self) -> Store:
        if self._shared is not None:
            return self._shared
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.db, statement_seconds=self.options.api_timeout)
            with self._opened_lock:  # not the process lock: a writing thread opens its store inside that
                self._opened.append(store)
        return store

    def corpus(self) -> Corpus:
        return Corpus(store=self.store())

    def process(self, raw, store: bool):
        """Run the pipeline on one document and, when asked, store it in its story."""
        from warta.model import Article, Source

        with self._process_lock:
            article = self._loaded_pipeline().run(Article(source=Source(format=raw.format, path=None, url=raw.url), raw=raw))
            if not store:
                return article, False
            target = self.store()
            story_id, signature = self._loaded_stories().assign(article.id, article.body)
            article = article.evolve(story_id=story_id)
            result = target.save_batch([article], signatures={article.id: signature})
            return article, result.added == 1

    def warm_up(self) -> None:
        """Load the pipeline and the story index now, before the first write pays for them
        (tens of seconds on a busy machine, past ``api_timeout``)."""
        from warta.model import Article, RawDocument, Source

        with self._process_lock:
            # one small document through every stage loads the models each stage reads lazily
            raw = RawDocument(content=_WARM_UP, format="text")
            self._loaded_pipeline().run(Article(source=Source(format="text", path=None, url=None), raw=raw))
            self._loaded_stories()

    def _loaded_pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(options=self.options)
        return self._pipeline

    def _loaded_stories(self) -> StoryIndex:
        if self._stories is None:
            self._stories = self._story_index()
        return self._stories

    def _story_index(self) -> StoryIndex:
        """Every stored signature, read once through a connection without the request time
        limit: on a large store that takes longer than one request may."""
        stories = StoryIndex()
        if self._shared is not None:
            stories.load(self._shared.signatures())
            return stories
        source = open_store(self.db)
        try:
            stories.load(source.signatures())
        finally:
            source.close()
        return stories

    def close(self) -> None:
        for store in [*self._opened, *([self._shared] if self._shared else [])]:
            try:
                store.close()
            except Exception as exc:  # noqa: BLE001 - a connection of another thread; the process is ending anyway
                log.debug("closing a store at shutdown: %s", exc)


def create_app(db: str = "warta.db", options: Options | None = None, warm: bool = False) -> FastAPI:
    """The API and dashboard over the store at ``db`` (a SQLite file, ``memory:`` or a
    ``postgresql://`` URL). ``warm`` (``warta serve``) loads what writes need before the
    server answers anything."""
    options = options or load_options()
    backend = Backend(db, options)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        if warm:
            await asyncio.to_thread(backend.warm_up)
        yield
        backend.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Warta",
        version=warta.__version__,
        description="Structured, sentence-level evidence from news: articles, entities, quotes and events, "
                    "each pointing back to the sentence it came from.",
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.backend = backend
    app.add_middleware(BodyLimit, limit=options.api_max_body)
    app.add_middleware(Deadline, seconds=options.api_timeout)

    from warta.api.v1 import router
    from warta.web.dashboard import router as dashboard

    app.include_router(router)
    app.include_router(dashboard)
    app.mount("/static", StaticFiles(directory=str(resources.files("warta.web") / "static")), name="static")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = [_problem(e) for e in exc.errors()]
        if _wants_page(request):
            return error_page(request, 422, "; ".join(problems))
        return JSONResponse({"error": "invalid_request", "message": "; ".join(problems), "problems": problems},
                            status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_page(request):
            return error_page(request, exc.status_code, str(exc.detail))
        code = {401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
                422: "invalid_request"}.get(
            exc.status_code, "error")
        return JSONResponse({"error": code, "message": str(exc.detail)}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError):
        status = 413 if exc.code == "input.too_large" else 422
        return JSONResponse({"error": exc.code, "message": exc.message}, status_code=status)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        log.error("store error on %s: %s", request.url.path, exc.message)
        return JSONResponse({"error": exc.code, "message": "the store could not answer this request"},
                            status_code=503)

    @app.exception_handler(sqlite3.OperationalError)
    async def sqlite_error(request: Request, exc: sqlite3.OperationalError):
        if "interrupted" in str(exc):  # stopped by the statement time limit (api_timeout)
            return _timed_out(request)
        log.error("SQLite error on %s: %s", request.url.path, exc)
        return JSONResponse({"error": "store.error", "message": "the store could not answer this request"},
                            status_code=503)

    try:
        from psycopg.errors import QueryCanceled
    except ImportError:  # no PostgreSQL support installed: nothing of it to answer for
        pass
    else:
        @app.exception_handler(QueryCanceled)
        async def postgres_timeout(request: Request, exc: QueryCanceled):
            return _timed_out(request)

    @app.exception_handler(WartaError)
    async def warta_error(request: Request, exc: WartaError):
        return JSONResponse({"error": exc.code, "message": exc.message}, status_code=422)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        log.exception("internal error on %s", request.url.path)
        return JSONResponse({"error": "internal", "message": "internal error; the server log has the details"},
                            status_code=500)

    return app


def _wants_page(request: Request) -> bool:
    """Dashboard pages answer errors with a page; the API and its docs with JSON."""
    path = request.url.path
    return not (path.startswith(("/v1/", "/static/", "/docs", "/openapi")) or path == "/healthz")


def error_page(request: Request, status: int, message: str):
    from warta.web.dashboard import templates

    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


def _problem(error: dict) -> str:
    where = [str(part) for part in error.get("loc", ()) if part != "body"]
    place = f"{where[0]} parameter {'.'.join(where[1:])!r}" if where and where[0] in ("query", "path") \
        else f"field {'.'.join(where)!r}" if where else "request body"
    return f"{place}: {error.get('msg', 'invalid')}"


_TIMEOUT = "the request took longer than the server allows (option api_timeout); narrow it and try again"


def _timed_out(request: Request) -> JSONResponse:
    log.warning("request over api_timeout: %s %s", request.method, request.url.path)
    return JSONResponse({"error": "timeout", "message": _TIMEOUT}, status_code=504)


class Deadline:
    """Answers 504 to a request that has not begun its response after ``seconds``. Python
    cannot stop the worker thread still running it: its database statements stop at the same
    limit (``open_store(statement_seconds=...)``); whatever it sends later is dropped."""

    def __init__(self, app, seconds: float):
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or self.seconds <= 0:
            return await self.app(scope, receive, send)
        started = late = False

        async def tracked(message):
            nonlocal started
            if late:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, tracked))
        done, _ = await asyncio.wait({task}, timeout=self.seconds)
        if done:
            return task.result()
        if started:  # the answer is on its way (a long stream): let it finish
            return await task
        late = True
        task.cancel()
        task.add_done_callback(_forget)
        log.warning("request over api_timeout: %s %s", scope.get("method"), scope.get("path"))
        body = json.dumps({"error": "timeout", "message": _TIMEOUT}).encode()
        await send({"type": "http.response.start", "status": 504,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def _forget(task: asyncio.Future) -> None:
    """The abandoned request's own outcome: nobody is waiting for it any more."""
    if not task.cancelled() and task.exception() is not None:
        log.warning("a request answered 504 ended later with %r", task.exception())


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413, by their declared length or, for a
    chunked body, as soon as the bytes read pass the limit."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await _too_large(self.limit, send)
        seen = 0
        refused = False

        async def counted():
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    refused = True
                    raise _BodyTooLarge
            return message

        async def answer(message):
            if not refused:  # the app's answer to a body cut short is replaced by the 413
                await send(message)

        try:
            await self.app(scope, counted, answer)
        except _BodyTooLarge:
            pass
        if refused:
            await _too_large(self.limit, send)


class _BodyTooLarge(Exception):
    pass


async def _too_large(limit: int, send) -> None:
    body = (b'{"error":"too_large","message":"request body is over the ' + f"{limit:,}".encode()
            + b'-byte limit (option api_max_body)"}')
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def app_from_environment() -> FastAPI:
    """The app for a multi-process server: each worker builds its own from $WARTA_SERVE_DB."""
    import os

    return create_app(os.environ.get("WARTA_SERVE_DB", "warta.db"), warm=True)
