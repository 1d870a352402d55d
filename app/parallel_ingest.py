"""Ingest spread over processes: local ones (`ingest --workers N`) or a Dask cluster's (`--scheduler`).

The parent reads and validates the files and sends the articles out in batches; each worker
process loads the gazetteer and the models once, reads the articles and stores them with its
own engine, exactly as the API does (app/ingest.py). An article is stored once however many
workers see it: a text already stored is skipped before it is read, and two workers storing
the same text at the same moment collide on its content hash, the second getting the first's
article back (app/storage.py). A rerun therefore stores nothing twice.

What a worker needs travels as a `WorkerSpec`: the database URL and the two factories of the
service (importable functions, so that a process spawned here or on another machine finds them
by name). Everything else — where the gazetteer is, whether NER is on — comes from the worker's
own ITINERANT_* settings, as each machine keeps its own copy of the gazetteer.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from sqlmodel import Session

from app.db import make_engine
from app.ingest import ingest_article
from app.pipeline import build_pipeline, open_configured_gazetteer
from app.services import GazetteerFactory, PipelineFactory, Services
from app.settings import Settings
from app.sources import SourcedArticle

__all__ = [
    "WorkerSpec",
    "Outcome",
    "ingest_batch",
    "ingest_in_processes",
    "ingest_on_cluster",
    "BATCH_SIZE",
]

# Articles a task carries: enough that sending them costs little beside reading them, few
# enough that the workers share the tail of a run evenly.
BATCH_SIZE = 8

Verdict = Literal["stored", "duplicate", "rejected"]


@dataclass(frozen=True)
class WorkerSpec:
    database_url: str  # with its password: the workers connect as the parent does
    gazetteer_factory: GazetteerFactory = open_configured_gazetteer
    pipeline_factory: PipelineFactory = build_pipeline


@dataclass(frozen=True)
class Outcome:
    origin: str
    verdict: Verdict
    reason: str | None = None
    article_id: int | None = None


# One set of services per worker process (per spec): the gazetteer and the models load once,
# on the first batch or when the pool starts the process, and serve every batch after.
_SERVICES: dict[WorkerSpec, Services] = {}
_SERVICES_LOCK = threading.Lock()


def worker_services(spec: WorkerSpec) -> Services:
    with _SERVICES_LOCK:
        services = _SERVICES.get(spec)
        if services is None:
            settings = Settings(database_url=spec.database_url)
            engine = make_engine(spec.database_url, **settings.pool_options)
            services = Services(settings, engine, spec.gazetteer_factory, spec.pipeline_factory)
            _SERVICES[spec] = services
    return services


def load_models(spec: WorkerSpec) -> None:
    """Load the gazetteer and the models now, so that the first batch does not wait for them."""
    _ = worker_services(spec).pipeline


def ingest_batch(spec: WorkerSpec, batch: Sequence[SourcedArticle]) -> list[Outcome]:
    """Read and store each article of the batch (in a worker); one bad article does not stop the others."""
    services = worker_services(spec)
    outcomes = []
    for item in batch:
        with Session(services.engine) as session:
            try:
                stored = ingest_article(session, services.pipeline, item.article)
            except Exception as exc:  # reported with the article's origin, as the serial ingest does
                outcomes.append(Outcome(item.origin, "rejected", str(exc)))
                continue
            verdict: Verdict = "stored" if stored.created else "duplicate"
            outcomes.append(Outcome(item.origin, verdict, article_id=stored.article.id))
    return outcomes


def _failed(batch: Sequence[SourcedArticle], exc: BaseException) -> list[Outcome]:
    """A batch whose worker failed as a whole (it could not load its models, it died): each article rejected."""
    reason = f"the worker failed: {type(exc).__name__}: {exc}"
    return [Outcome(item.origin, "rejected", reason) for item in batch]


def ingest_in_processes(
    spec: WorkerSpec, articles: Iterable[SourcedArticle], workers: int, *, batch_size: int = BATCH_SIZE
) -> Iterator[list[Outcome]]:
    """Ingest over `workers` local processes; yields each batch's outcomes as it is done."""
    batches = _batches(articles, batch_size)
    if not batches:
        return
    # Spawned, not forked: a fork would copy the parent's database connections and threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=load_models, initargs=(spec,)) as pool:
        futures = {pool.submit(ingest_batch, spec, batch): batch for batch in batches}
        yield from _as_done(futures, as_completed)


def ingest_on_cluster(
    spec: WorkerSpec, articles: Iterable[SourcedArticle], scheduler: Any, *, batch_size: int = BATCH_SIZE
) -> Iterator[list[Outcome]]:
    """Ingest over a Dask cluster: `scheduler` is its address (tcp://HOST:PORT) or a distributed.Client."""
    from distributed import Client
    from distributed import as_completed as cluster_completed

    batches = _batches(articles, batch_size)
    if not batches:
        return
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        # pure=False: two batches of equal articles are still two tasks (the second finds them stored).
        futures = client.map(partial(ingest_batch, spec), batches, pure=False)
        yield from _as_done(dict(zip(futures, batches)), cluster_completed)
    finally:
        if client is not scheduler:
            client.close()


def _batches(articles: Iterable[SourcedArticle], size: int) -> list[tuple[SourcedArticle, ...]]:
    items = list(articles)
    return [tuple(items[start : start + size]) for start in range(0, len(items), size)]


def _as_done(futures: dict, completed: Callable[[Iterable], Iterable]) -> Iterator[list[Outcome]]:
    for future in completed(list(futures)):
        try:
            yield future.result()
        except Exception as exc:  # the batch is reported, the others go on
            yield _failed(futures[future], exc)
