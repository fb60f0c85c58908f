"""Process many inputs: read, run the pipeline, store, and never stop on one bad document.

Every input ends as a stored record or a stored failure (code + message + its
source reference, to re-run). Records are written in batches, one transaction
each, so a crash loses at most the batch in flight. Each record joins a story: the
near-duplicate cluster of the articles stored before it and read with it
(``warta.corpus.stories``).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from warta.corpus.stories import StoryIndex
from warta.errors import DOCUMENT_ERRORS, PipelineError, SpanInvariantError, TimeLimitError
from warta.model import Article
from warta.pipeline import Pipeline
from warta.readers import DEFAULT_FIELDS, Failure, read_inputs
from warta.storage.base import Store

# Records per store transaction: large enough to amortise the commit (~2 ms in WAL
# mode), small enough that a crash re-does little work.
BATCH_SIZE = 64


@dataclass(slots=True)
class BatchSummary:
    articles: int = 0
    added: int = 0
    failed: int = 0
    entities: int = 0
    times: int = 0
    quotes: int = 0
    events: int = 0
    warnings: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def count(self, article: Article) -> None:
        self.articles += 1
        self.entities += len(article.entities)
        self.times += len(article.times)
        self.warnings += len(article.warnings)
        self.quotes += len(article.quotes)
        self.events += len(article.events)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitError in this code if it runs longer than ``seconds``. A real-time
    timer signal interrupts the stage wherever it is; it can be armed in a process's main
    thread only, so elsewhere (the API's worker threads) there is no limit."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TimeLimitError(f"document took over {seconds:g} s in the pipeline (option max_document_seconds)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_one(pipeline: Pipeline, raw: Article) -> Article | Failure:
    """The processed article, or the Failure that says why this one input did not make it."""
    try:
        with time_limit(pipeline.options.max_document_seconds):
            return pipeline.run(raw)
    except DOCUMENT_ERRORS as exc:
        return Failure(raw.source, exc.code, exc.message)
    except SpanInvariantError as exc:
        if pipeline.options.debug:
            raise
        return Failure(raw.source, exc.code, exc.message)
    except PipelineError:
        raise
    except Exception as exc:  # a bug in a stage must not cost the rest of the batch
        if pipeline.options.debug:
            raise
        return Failure(raw.source, "internal.error", f"{type(exc).__name__}: {exc}")


_worker_pipeline: Pipeline | None = None  # one per pool process, built once by _start_worker


def _start_worker(stages: tuple[str, ...], options) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(stages, options)


def _run_in_worker(item: Article | Failure) -> Article | Failure:
    return item if isinstance(item, Failure) else run_one(_worker_pipeline, item)


def processed(items: Iterable[Article | Failure], pipeline: Pipeline, workers: int = 1) -> Iterator[Article | Failure]:
    """Each raw article through the pipeline, in input order, in this process or in a pool of
    ``workers`` processes (each loads the resources once); failures pass through."""
    if workers <= 1:
        for item in items:
            yield item if isinstance(item, Failure) else run_one(pipeline, item)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(workers, _start_worker, (tuple(pipeline.stage_ids), pipeline.options)) as pool:
        # imap keeps input order, so stories are assigned exactly as in one process
        yield from pool.imap(_run_in_worker, items, chunksize=4)


def process_inputs(
    inputs: Iterable[str],
    pipeline: Pipeline,
    store: Store | None = None,
    fields: Mapping[str, tuple[str, ...]] = DEFAULT_FIELDS,
    on_record: Callable[[Article], None] | None = None,
    on_progress: Callable[[Article | Failure], None] | None = None,
    stdin=None,
    workers: int = 1,
) -> BatchSummary:
    summary = BatchSummary()
    started = time.perf_counter()
    pending: list[Article] = []
    pending_failures: list[Failure] = []
    signatures: dict[str, bytes] = {}
    stories = StoryIndex()
    if store is not None:
        stories.load(store.signatures())

    def flush() -> None:
        if store is not None and (pending or pending_failures):
            result = store.save_batch(pending, pending_failures, signatures)
            summary.added += result.added
        pending.clear()
        pending_failures.clear()
        signatures.clear()

    for outcome in processed(read_inputs(inputs, pipeline.options, fields, stdin=stdin), pipeline, workers):
        if isinstance(outcome, Failure):
            summary.failed += 1
            summary.failures.append(outcome)
            pending_failures.append(outcome)
        else:
            story_id, signatures[outcome.id] = stories.assign(outcome.id, outcome.body)
            outcome = outcome.evolve(story_id=story_id)
            summary.count(outcome)
            pending.append(outcome)
            if on_record is not None:
                on_record(outcome)
        if on_progress is not None:
            on_progress(outcome)
        if len(pending) + len(pending_failures) >= BATCH_SIZE:
            flush()
    flush()
    summary.seconds = time.perf_counter() - started
    return summary
