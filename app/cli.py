"""The `itinerant` command: serve, seed, ingest, export, dump and restore, and look after the database and gazetteer."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from app.settings import get_settings

__all__ = ["app", "main"]

app = typer.Typer(help="itinerant: news articles in, itineraries out.", no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="The database schema.", no_args_is_help=True)
gazetteer_app = typer.Typer(help="The offline gazetteer index.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(gazetteer_app, name="gazetteer")
feeds_app = typer.Typer(help="The news feeds that `watch` reads.", no_args_is_help=True)
app.add_typer(feeds_app, name="feeds")

# Relative to the working directory: the repository root for `make run`, the image's WORKDIR in Docker.
SEEDS_DIR = Path("seeds")


def _services():
    from app.services import Services

    return Services.from_settings(get_settings())


def _upgrade(services) -> None:
    from app.migrate import upgrade_database

    upgrade_database(services.engine)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create the database, or bring its schema up to date."""
    services = _services()
    _upgrade(services)
    typer.echo(f"database ready: {services.engine.url.render_as_string(hide_password=True)}")


@gazetteer_app.command("build")
def gazetteer_build(force: Annotated[bool, typer.Option(help="Rebuild even when up to date.")] = False) -> None:
    """Build the gazetteer index from the installed GeoNames data (skipped when up to date)."""
    from geo.gazetteer.build import build_index

    path = get_settings().gazetteer_path
    report = build_index(path, force=force, progress=lambda message: typer.echo(f"  {message}"))
    if report.skipped:
        typer.echo(f"gazetteer up to date: {path}")
    else:
        typer.echo(
            f"gazetteer built: {path} ({report.places:,} places, {report.names:,} names, "
            f"{report.bytes / 1e6:.0f} MB, {report.seconds:.0f} s)"
        )


@app.command()
def geocode(
    name: Annotated[str, typer.Argument(help="A place name: 'Sochi', 'Paris, Texas', 'Komsomol'sk-na-Amure'.")],
    country: Annotated[list[str] | None, typer.Option(help="ISO country code; repeatable.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=50, help="How many candidates to show.")] = 5,
) -> None:
    """Look a place name up in the offline gazetteer: ranked candidates with their ids ("geonames:2021851")."""
    from geo.gazetteer.geocoder import OfflineGeocoder
    from geo.gazetteer.index import open_gazetteer

    geocoder = OfflineGeocoder(open_gazetteer(get_settings().gazetteer_path))
    found = geocoder.geocode(name, exactly_one=False, country_codes=country or None, limit=limit) or []
    if not found:
        typer.echo(f"no place known as {name!r}", err=True)
        raise typer.Exit(1)
    for location in found:
        raw = location.raw
        typer.echo(
            f"{raw['score']:.3f}  {location.address}  ({location.latitude:.5f}, {location.longitude:.5f})  "
            f"{raw['precision']}  {raw['gazetteer_id']}"
        )
    typer.echo("Place data © GeoNames (CC-BY 4.0)")


def _ingest(paths: list[Path], services, *, label: str) -> Counter:
    from sqlmodel import Session

    from app.ingest import ingest_article
    from app.sources import Rejected, read_articles

    items = list(read_articles(paths))
    outcome: Counter = Counter()
    rejections: list[Rejected] = []
    with typer.progressbar(items, label=label, show_pos=True) as progress:
        for item in progress:
            if isinstance(item, Rejected):
                rejections.append(item)
                outcome["rejected"] += 1
                continue
            with Session(services.engine) as session:
                try:
                    stored = ingest_article(session, services.pipeline, item.article)
                except Exception as exc:  # one bad article must not stop the batch
                    rejections.append(Rejected(item.origin, str(exc)))
                    outcome["rejected"] += 1
                    continue
            outcome["stored" if stored.created else "duplicate"] += 1
    typer.echo(
        f"{outcome['stored']} stored, {outcome['duplicate']} skipped as duplicates, {outcome['rejected']} rejected"
    )
    for rejection in rejections:
        typer.echo(f"  rejected {rejection.origin}: {rejection.reason}", err=True)
    return outcome


@app.command()
def seed(directory: Annotated[Path, typer.Option("--dir", help="Folder of seed articles.")] = SEEDS_DIR) -> None:
    """Load the seed articles (idempotent: those already stored are skipped)."""
    services = _services()
    _upgrade(services)
    outcome = _ingest([directory], services, label="seeding")
    if outcome["rejected"]:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Text files, folders, JSON Lines of articles, or URLs of pages to fetch.")
    ],
    workers: Annotated[
        int, typer.Option(min=1, max=256, help="Local processes reading the files' articles (each loads the models).")
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(help="A Dask scheduler (tcp://HOST:PORT) whose workers read the files' articles instead."),
    ] = None,
) -> None:
    """Read articles from files or web pages and store what is found in them."""
    services = _services()
    _upgrade(services)
    urls = [p for p in paths if p.lower().startswith(("http://", "https://"))]
    files = [Path(p) for p in paths if p not in urls]
    if not files:
        outcome = Counter()
    elif workers > 1 or scheduler:
        outcome = _ingest_spread(files, services, workers=workers, scheduler=scheduler)
    else:
        outcome = _ingest(files, services, label="ingesting")
    outcome.update(_ingest_urls(urls, services))
    if outcome["rejected"] and not (outcome["stored"] or outcome["duplicate"]):
        raise typer.Exit(1)


def _worker_spec(services):
    """What the worker processes need to store where this command does: the database's URL."""
    from app.parallel_ingest import WorkerSpec

    return WorkerSpec(database_url=services.engine.url.render_as_string(hide_password=False))


def _ingest_spread(paths: list[Path], services, *, workers: int, scheduler: str | None) -> Counter:
    """`_ingest` over worker processes: local ones, or a Dask cluster's when a scheduler is named."""
    from app.parallel_ingest import ingest_in_processes, ingest_on_cluster
    from app.sources import Rejected, SourcedArticle, read_articles

    items = list(read_articles(paths))
    articles = [item for item in items if isinstance(item, SourcedArticle)]
    rejections = [item for item in items if isinstance(item, Rejected)]
    outcome: Counter = Counter(rejected=len(rejections))
    spec = _worker_spec(services)
    if scheduler:
        batches = ingest_on_cluster(spec, articles, scheduler)
        label = f"ingesting on {scheduler}"
    else:
        batches = ingest_in_processes(spec, articles, workers)
        label = f"ingesting ({workers} processes)"
    with typer.progressbar(length=len(articles), label=label, show_pos=True) as progress:
        for done in batches:
            for result in done:
                outcome[result.verdict] += 1
                if result.verdict == "rejected":
                    rejections.append(Rejected(result.origin, result.reason or "rejected"))
            progress.update(len(done))
    typer.echo(
        f"{outcome['stored']} stored, {outcome['duplicate']} skipped as duplicates, {outcome['rejected']} rejected"
    )
    for rejection in rejections:
        typer.echo(f"  rejected {rejection.origin}: {rejection.reason}", err=True)
    return outcome


def _ingest_urls(urls: list[str], services) -> Counter:
    from sqlmodel import Session

    from app.url_ingest import ingest_url
    from geo.errors import ItinerantError

    outcome: Counter = Counter()
    for url in urls:
        with Session(services.engine) as session:
            try:
                stored = ingest_url(session, services.pipeline, services.fetcher, url)
            except ItinerantError as exc:
                outcome["rejected"] += 1
                typer.echo(f"rejected {url}: {exc.message}", err=True)
                continue
            article = stored.article
            verdict = "stored" if stored.created else "duplicate"
            outcome[verdict] += 1
            typer.echo(f"{verdict} {url}: article {article.id}, {article.title or 'untitled'}")
    return outcome


class ExportFormat(StrEnum):
    geojson = "geojson"
    csv = "csv"


@app.command()
def export(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write; default: stdout.")] = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="geojson or csv.")] = ExportFormat.geojson,
    actor: Annotated[str | None, typer.Option(help="Only this actor's events (a slug, e.g. kim-jong-un).")] = None,
) -> None:
    """Write the stored events as GeoJSON (RFC 7946) or CSV."""
    import sys

    from sqlmodel import Session

    from app.export import export_csv, export_geojson
    from app.queries import EventFilter, actor_by_slug
    from geo.errors import NotFoundError

    services = _services()
    _upgrade(services)
    with Session(services.engine) as session:
        try:
            event_filter = EventFilter(actor_id=actor_by_slug(session, actor).id if actor else None)
        except NotFoundError as exc:
            typer.echo(exc.message, err=True)
            raise typer.Exit(2) from None
        chunks = (export_geojson if format is ExportFormat.geojson else export_csv)(session, event_filter)
        target = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            for chunk in chunks:
                target.write(chunk)
            if format is ExportFormat.geojson:
                target.write("\n")
        finally:
            if output:
                target.close()


@app.command()
def dump(
    path: Annotated[Path, typer.Argument(help="The file to write: JSON Lines, one record a line.")],
) -> None:
    """Back the whole database up: articles, mentions, events with their corrections, actors, aliases, feeds."""
    from app.backup import dump_to_file

    services = _services()
    _upgrade(services)
    counts = dump_to_file(services.engine, path)
    typer.echo(f"dumped {sum(counts.values()):,} rows to {path}: " + _counts(counts))


@app.command()
def restore(
    path: Annotated[Path, typer.Argument(help="A file that `itinerant dump` wrote.")],
) -> None:
    """Load a dump into an empty database, all of it or nothing, with the ids it had."""
    from app.backup import restore_from_file
    from geo.errors import ItinerantError

    services = _services()
    _upgrade(services)
    try:
        counts = restore_from_file(services.engine, path)
    except OSError as exc:
        typer.echo(f"cannot read {path}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    except ItinerantError as exc:
        typer.echo(f"nothing restored: {exc.message}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"restored {sum(counts.values()):,} rows from {path}: " + _counts(counts))


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{count:,} {table}" for table, count in counts.items()) or "none"


class EvalSetting(StrEnum):
    resolution = "resolution"
    end_to_end = "end-to-end"
    both = "both"


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


class DemonymMode(StrEnum):
    auto = "auto"
    on = "on"
    off = "off"


EVAL_COLUMNS = (
    "corpus",
    "setting",
    "precision",
    "recall",
    "f1",
    "acc161",
    "joint",
    "mean_km",
    "median_km",
    "auc",
    "n",
)


@app.command("eval")
def evaluate(
    corpora: Annotated[list[Path], typer.Argument(help="Corpus files (JSON: documents with gold toponyms).")],
    setting: Annotated[EvalSetting, typer.Option(help="Given the gold spans, end to end, or both.")] = EvalSetting.both,
    format: Annotated[EvalFormat, typer.Option("--format", help="table or json.")] = EvalFormat.table,
    fast: Annotated[bool, typer.Option("--fast", help="Without the NER model.")] = False,
    demonyms: Annotated[
        DemonymMode, typer.Option(help="Count demonyms as mentions; auto: when the corpus's gold does.")
    ] = DemonymMode.auto,
) -> None:
    """Score the geoparser on annotated corpora: recognition P/R/F1, accuracy within 161 km, error km, AUC.

    joint is the end-to-end accuracy: the share of gold toponyms recognised with their exact span
    and placed within 161 km.
    """
    import json

    from geo.evaluation import counts_demonyms, evaluate_documents, load_corpus
    from geo.gazetteer.index import open_gazetteer
    from geo.text.geoparse import Geoparser

    gazetteer = open_gazetteer(get_settings().gazetteer_path)
    settings = ["resolution", "end-to-end"] if setting is EvalSetting.both else [setting.value]
    results = []
    for path in corpora:
        documents = load_corpus(path)
        with_demonyms = (
            counts_demonyms(documents, gazetteer) if demonyms is DemonymMode.auto else demonyms is DemonymMode.on
        )
        parser = Geoparser(gazetteer, use_ner=not fast, include_demonyms=with_demonyms)
        for name in settings:
            scores = evaluate_documents(documents, parser, setting=name)
            results.append({"corpus": path.stem} | {key: scores[key] for key in EVAL_COLUMNS[1:]})
    if format is EvalFormat.json:
        typer.echo(json.dumps(results, indent=2))
        return
    typer.echo(" ".join(f"{c:>10}" for c in EVAL_COLUMNS))
    for row in results:
        cells = [f"{v:>10.3f}" if isinstance(v, float) else f"{v!s:>10}" for v in row.values()]
        typer.echo(" ".join(cells))


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="The feed's URL: RSS, Atom or JSON Feed.")],
    title: Annotated[str | None, typer.Option(help="Default: the feed's own title.")] = None,
    interval: Annotated[int, typer.Option(min=60, max=7 * 24 * 3600, help="Seconds between two reads.")] = 900,
) -> None:
    """Follow a feed."""
    from pydantic import ValidationError
    from sqlmodel import Session

    from app.feeds import add_feed
    from app.schemas import FeedCreate
    from geo.errors import ItinerantError

    services = _services()
    _upgrade(services)
    try:
        body = FeedCreate(url=url, title=title, interval=interval)
        with Session(services.engine) as session:
            feed = add_feed(session, str(body.url), body.title, body.interval)
    except ValidationError as exc:
        typer.echo(f"not a feed URL: {exc.errors()[0]['msg']}", err=True)
        raise typer.Exit(2) from None
    except ItinerantError as exc:
        typer.echo(exc.message, err=True)
        raise typer.Exit(2) from None
    typer.echo(f"feed {feed.id} added: {feed.url} (read every {feed.interval_seconds} s)")


@feeds_app.command("list")
def feeds_list() -> None:
    """The feeds followed, with their last read."""
    from sqlmodel import Session

    from app.feeds import feed_stats

    services = _services()
    _upgrade(services)
    with Session(services.engine) as session:
        rows = feed_stats(session)
    if not rows:
        typer.echo("no feeds: add one with `itinerant feeds add URL`")
    for stats in rows:
        feed = stats.feed
        read = f"{stats.last_polled_at:%Y-%m-%d %H:%M} UTC" if stats.last_polled_at else "never"
        new = f"{stats.last_new_item_at:%Y-%m-%d %H:%M} UTC" if stats.last_new_item_at else "never"
        typer.echo(f"{feed.id:>4}  {feed.title or '(untitled)'}  {feed.url}")
        typer.echo(f"      every {feed.interval_seconds} s, {stats.items} items, last read {read}, last new item {new}")
        if feed.last_error:
            typer.echo(f"      last error ({feed.errors_in_a_row} in a row): {feed.last_error}")


@feeds_app.command("remove")
def feeds_remove(feed_id: Annotated[int, typer.Argument(help="The feed's id, from `itinerant feeds list`.")]) -> None:
    """Stop following a feed (the articles read from it stay)."""
    from sqlmodel import Session

    from app.feeds import remove_feed
    from geo.errors import NotFoundError

    services = _services()
    _upgrade(services)
    with Session(services.engine) as session:
        try:
            remove_feed(session, feed_id)
        except NotFoundError as exc:
            typer.echo(exc.message, err=True)
            raise typer.Exit(2) from None
    typer.echo(f"feed {feed_id} removed")


def _print_poll(report) -> None:
    name = report.title or report.url
    if report.status == "failed":
        typer.echo(f"feed {report.feed_id} {name}: failed: {report.error}")
        return
    if report.status == "unchanged":
        typer.echo(f"feed {report.feed_id} {name}: unchanged since the last read (304)")
        return
    counts = ", ".join(
        f"{report.count(verdict)} {verdict}"
        for verdict in ("stored", "updated", "duplicate", "skipped", "failed")
        if report.count(verdict)
    )
    typer.echo(f"feed {report.feed_id} {name}: fetched {len(report.items)} items: {counts or 'none'}")
    for item in report.items:
        if item.verdict == "skipped" and item.reason == "read before":
            continue
        article = f" (article {item.article_id})" if item.article_id else ""
        reason = f": {item.reason}" if item.reason else ""
        typer.echo(f"  {item.verdict} {item.label}{article}{reason}")


def watch_forever(services, stop, *, echo=None) -> None:
    """Poll the due feeds every ITINERANT_WATCH_TICK_SECONDS until `stop` (a threading.Event) is set."""
    import logging

    from app.feeds import Watcher

    log = logging.getLogger("itinerant.watch")
    watcher = Watcher(services.engine, services.pipeline, services.fetcher)
    while not stop.is_set():
        try:
            for report in watcher.poll_due():
                if echo:
                    echo(report)
                log.info("feed %s: %s, %d items", report.feed_id, report.status, len(report.items))
        except Exception:  # a database hiccup must not end the watch; the next tick tries again
            log.exception("polling the feeds failed")
        stop.wait(services.settings.watch_tick_seconds)


@app.command()
def watch(
    once: Annotated[bool, typer.Option("--once", help="Read the due feeds once, say what happened, and stop.")] = False,
) -> None:
    """Read the feeds when they are due and store their new items; safe to run on several machines at once."""
    import threading

    from app.feeds import Watcher

    services = _services()
    _upgrade(services)
    if once:
        reports = Watcher(services.engine, services.pipeline, services.fetcher).poll_due()
        if not reports:
            typer.echo("no feed is due")
        for report in reports:
            _print_poll(report)
        return
    typer.echo(f"watching the feeds (every {services.settings.watch_tick_seconds:g} s); Ctrl-C stops")
    stop = threading.Event()
    try:
        watch_forever(services, stop, echo=_print_poll)
    except KeyboardInterrupt:
        stop.set()


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Processes serving requests (default ITINERANT_WORKERS, 1)."),
    ] = None,
) -> None:
    """Serve the web application."""
    settings = get_settings()
    host = host or settings.host
    port = port or settings.port
    workers = workers or settings.workers
    services = _services()
    _upgrade(services)
    _check_connection_budget(services, workers)
    if settings.watch:
        _start_watch(services)
    base = f"http://{host}:{port}"
    typer.echo(
        f"itinerant on {base}" + (f" ({workers} worker processes)" if workers > 1 else "") + "\n"
        f"  home:     {base}/\n"
        f"  maps:     {base}/map (every event), {base}/actors/SLUG/map (one person)\n"
        f"  API docs: {base}/docs\n"
        f"  GeoJSON:  {base}/api/events.geojson  ·  OGC API - Features: {base}/ogc"
    )
    _run_uvicorn(services, host=host, port=port, workers=workers)


def _start_watch(services) -> None:
    """The feed watch, in a thread of this process: with several workers, in the parent that
    supervises them, so that the feeds are read once and not once per worker."""
    import threading

    stop = threading.Event()
    threading.Thread(target=watch_forever, args=(services, stop), name="itinerant-watch", daemon=True).start()
    typer.echo("  feeds:    read in the background (ITINERANT_WATCH)")


def _check_connection_budget(services, workers: int) -> None:
    """Refuse to start more workers than the database server has connections for."""
    from app.db import connection_budget

    budget = connection_budget(services.engine, workers)
    if budget is None or budget.fits:
        return
    typer.echo(
        f"{workers} workers with {budget.per_process} connections each (ITINERANT_DATABASE_POOL_SIZE + "
        f"ITINERANT_DATABASE_MAX_OVERFLOW) and two for the cache's revision, and this process's, need "
        f"{budget.needed} connections; the database "
        f"server accepts {budget.available}. Run fewer workers, give each a smaller pool, or raise max_connections.",
        err=True,
    )
    raise typer.Exit(2)


def _run_uvicorn(services, *, host: str, port: int, workers: int) -> None:
    import uvicorn

    # Each worker of several is a process of its own (spawned, not forked) that builds the
    # application from the same ITINERANT_* settings: its own engine and pool, its gazetteer and
    # models on first use; one worker is this process, with the services already made. Either
    # way the response cache's second level is a private directory named to them by the
    # environment (app/shared_responses.py): shared by the workers, kept from one `serve` to the
    # next (so that a single worker, too, starts warm after a restart), or one of this process's,
    # removed when they have stopped. Before they start, the answers the last run was asked for
    # are made again into it (app/warm_up.py), for ITINERANT_WARM_UP_SECONDS at most.
    from app.main import create_served_app
    from app.shared_responses import SHARED_ENV

    with _shared_cache(services) as shared:
        if shared is not None:
            os.environ[SHARED_ENV] = str(shared)
            _warm_up(services, shared)
        try:
            if workers == 1:
                uvicorn.run(create_served_app(services=services), host=host, port=port, log_level="info")
            else:
                uvicorn.run(
                    "app.main:create_served_app", factory=True, host=host, port=port, workers=workers, log_level="info"
                )
        finally:
            os.environ.pop(SHARED_ENV, None)


@contextmanager
def _shared_cache(services) -> Iterator[Path | None]:
    """The directory of the workers' shared response cache, private (mode 0700) and set up for
    them: the one kept across restarts (ITINERANT_SHARED_CACHE_DIR), or a temporary one when the
    settings say so or the kept one cannot be used; None when the settings turn it off."""
    settings = services.settings
    if not settings.response_cache_mb or not settings.shared_cache_mb:
        yield None
        return
    from app.shared_responses import create_store, open_store

    max_bytes = settings.shared_cache_mb * 2**20
    if settings.shared_cache_keep:
        directory = settings.resolved_shared_cache_dir
        try:
            kept = open_store(directory, max_bytes)
        except (OSError, sqlite3.Error) as error:
            typer.echo(f"  the shared cache cannot be kept in {directory} ({error}); a temporary one serves", err=True)
        else:
            # Served only once the data's revision is noted: else a database put back to an
            # earlier state could not be told, and the answers kept from it must not serve.
            if _note_revision(services, kept):
                try:
                    yield kept
                finally:
                    _note_revision(services, kept)
                return
            typer.echo(f"  the shared cache in {directory} is not used this time; a temporary one serves", err=True)
    with tempfile.TemporaryDirectory(prefix="itinerant-responses-") as directory:
        yield create_store(Path(directory))


def _note_revision(services, directory: Path) -> bool:
    """Note the data's revision in the kept store, at a start and at a stop; entries of a database
    put back to an earlier state are dropped (SharedResponses.note_revision). False when it could
    not be noted (never an error)."""
    from app.data_revision import read_revision
    from app.shared_responses import SharedResponses

    store = SharedResponses.of_services(directory, services)
    try:
        with services.engine.connect() as connection:
            generation, revision = read_revision(connection).rsplit(".", 1)
        if store.note_revision(generation, int(revision)):
            typer.echo("  the database is at an earlier revision than the shared cache has seen: its answers dropped")
    except Exception as error:  # a cache's bookkeeping must not stop the service
        typer.echo(f"  the data's revision could not be noted in the shared cache: {error}", err=True)
        return False
    finally:
        store.close()
    return True


def _warm_up(services, directory: Path) -> None:
    """Make again, in a process of its own, the answers the last run was asked for (app/warm_up.py):
    for ITINERANT_WARM_UP_SECONDS at most, killed past them; whatever it does, the start goes on."""
    import subprocess
    import sys
    import time

    from app.shared_responses import SharedResponses

    settings = services.settings
    if settings.warm_up_seconds <= 0 or settings.warm_up_answers <= 0:
        return
    store = SharedResponses.of_services(directory, services)
    try:
        if not store.requests_to_replay(1):
            return  # nothing asked before: a first start
    finally:
        store.close()
    until = time.time() + settings.warm_up_seconds
    command = [sys.executable, "-m", "app.warm_up", str(directory), "--until", f"{until:.3f}"]
    command += ["--answers", str(settings.warm_up_answers)]
    try:
        done = subprocess.run(  # noqa: S603  (this interpreter, a module of ours)
            command, capture_output=True, text=True, timeout=settings.warm_up_seconds, check=False
        )
    except subprocess.TimeoutExpired:
        typer.echo(f"  warm-up:  stopped after {settings.warm_up_seconds:g} s (ITINERANT_WARM_UP_SECONDS)")
        return
    except OSError as error:
        typer.echo(f"  warm-up:  could not run ({error})", err=True)
        return
    if done.returncode != 0:
        typer.echo(f"  warm-up:  failed; serving without it\n{done.stderr.strip()}", err=True)
        return
    typer.echo(f"  warm-up:  {done.stdout.strip()}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
