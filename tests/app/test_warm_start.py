"""A start of `serve --workers N` that finds its answers ready: the workers' shared cache kept from
one `serve` to the next (app/shared_responses.py, open_store), and the warm-up that asks again for
what the last run was asked for before the workers start (app/warm_up.py). Never a stale answer:
a write while the service was down, a database put back to an earlier state, a broken store."""

from __future__ import annotations

import asyncio
import gc
import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from pathlib import Path

import httpx
import pytest
from database_urls import engine_url
from fastapi.testclient import TestClient
from sqlalchemy import event, text
from trip_services import stop_process, store_article, trip_services

from app import cli, shared_responses, warm_up
from app.db import make_engine
from app.main import create_app
from app.services import Services

ITINERARY = "/api/actors/kim-jong-un/itinerary.geojson"
# Answers keyed on one actor's revision, and one on the data's.
KEPT_READS = [ITINERARY, "/api/actors/kim-jong-un/itinerary", "/api/events.geojson?bbox=130,40,140,55&limit=100"]
REPO_ROOT = Path(__file__).resolve().parents[2]


def services_over(engine, settings) -> Services:
    """The app's parts over `engine`, reading the test trip, its shared cache kept in the data directory."""
    return trip_services(engine, settings, shared_cache_dir=settings.data_dir / "kept")


@pytest.fixture
def store(engine, settings):
    """The test trip, stored through the API."""
    store_article(services_over(engine, settings))
    return engine


@pytest.fixture
def serve(store, settings):
    """`serve` as its parent process runs it, uvicorn aside: `with serve() as start:` opens the kept
    shared cache (and notes the data's revision in it) as a start does, and closes it as a stop
    does; `start.worker()` is then a client of a new worker process over it (an empty memory, a
    pool of its own), `start.directory` the cache's directory."""
    engines = []

    class Start:
        def __init__(self, directory: Path) -> None:
            self.directory = directory

        def worker(self) -> TestClient:
            engine = make_engine(engine_url(store))
            engines.append(engine)
            return TestClient(create_app(services=services_over(engine, settings), shared_cache=self.directory))

    @contextmanager
    def start():
        services = services_over(make_engine(engine_url(store)), settings)
        try:
            with cli._shared_cache(services) as directory:
                assert directory == settings.data_dir / "kept"
                try:
                    yield Start(directory)
                finally:  # the workers stop before their parent
                    while engines:
                        engines.pop().dispose()
        finally:
            services.engine.dispose()

    yield start


def _made(client: TestClient, path: str, headers: dict | None = None) -> tuple[httpx.Response, list[str]]:
    """The answer to a GET of `path`, and the statements the route ran to make it (the cache's
    reads of the revisions aside): none when the answer came from a cache."""
    seen: list[str] = []

    def record(_connection, _cursor, statement, *_args) -> None:
        if "data_revision" not in statement:
            seen.append(statement)

    engine = client.app.state.services.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        return client.get(path, headers=headers), seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _write(store, statement: str) -> None:
    """A write by another process while the service is down (a hand-written UPDATE)."""
    other = make_engine(engine_url(store))
    try:
        with other.begin() as connection:
            connection.execute(text(statement))
    finally:
        other.dispose()


def _namespace(store) -> str:
    """The database's part of the keys, as the workers' engines name it."""
    engine = make_engine(engine_url(store))
    try:
        return shared_responses.namespace_of(engine)
    finally:
        engine.dispose()


def _stored_rows(directory: Path) -> int:
    with closing(sqlite3.connect(directory / shared_responses.STORE_NAME)) as connection:
        return connection.execute("SELECT count(*) FROM response").fetchone()[0]


@pytest.mark.parametrize("path", KEPT_READS)
def test_an_answer_kept_across_a_restart_is_served_without_being_made(serve, path):
    with serve() as start:
        first, made = _made(start.worker(), path)
        assert first.status_code == 200 and made
    with serve() as start:
        again, made_again = _made(start.worker(), path)
    assert made_again == []
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["etag"] == first.headers["etag"]


def _rename_place(store):
    _write(store, "UPDATE place SET name = 'Vladivostok-on-Sea' WHERE name = 'Vladivostok'")
    return lambda answer: "Vladivostok-on-Sea" in answer.text


def _reword_event(store):
    _write(
        store,
        "UPDATE event SET evidence = 'as our correspondent saw it' "
        "WHERE actor_id = (SELECT id FROM actor WHERE slug = 'kim-jong-un')",
    )
    return lambda answer: "as our correspondent saw it" in answer.text


WRITES_WHILE_DOWN = [_rename_place, _reword_event]


@pytest.mark.parametrize("write", WRITES_WHILE_DOWN, ids=lambda write: write.__name__.strip("_"))
@pytest.mark.parametrize("path", [ITINERARY, "/api/events.geojson?bbox=130,40,140,55&limit=100"])
def test_after_a_write_while_the_service_was_down_the_answer_is_made_afresh(serve, store, write, path):
    with serve() as start:
        first, _made_first = _made(start.worker(), path)
        assert first.status_code == 200
    shows_it = write(store)
    with serve() as start:
        answer, made = _made(start.worker(), path)
        assert made, "made afresh, not served from the kept cache"
        assert answer.status_code == 200 and shows_it(answer) and not shows_it(first)
        assert answer.headers["etag"] != first.headers["etag"]
        # ...and kept in turn for the next worker, and the next start.
        again, made_again = _made(start.worker(), path)
        assert made_again == [] and again.content == answer.content
    with serve() as start:
        assert _made(start.worker(), path)[1] == []


def test_a_database_put_back_to_an_earlier_state_finds_none_of_the_later_answers(serve, store, tmp_path):
    """A copy of the database file put back (or a dump that carries the revision's row): its
    revisions go back, and the writes after it may give the revisions of the later answers to other
    data. Seen at the next start (the revision lower than one the cache saw), which drops the
    answers made from that database."""
    if store.dialect.name != "sqlite":
        pytest.skip("a file put back: SQLite's")
    database = Path(store.url.database)
    copy = tmp_path / "copy.sqlite"
    with serve() as start:
        start.worker().get(ITINERARY)
    with store.connect() as connection:
        connection.exec_driver_sql(f"VACUUM INTO '{copy}'")
    shows_rename = _rename_place(store)
    with serve() as start:
        renamed = start.worker().get(ITINERARY)
        assert shows_rename(renamed)
    # The copy put back while the service is down (every connection to the database closed).
    store.dispose()
    gc.collect()  # the clients' own connections for the revision
    os.replace(copy, database)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    with serve() as start:
        answer, made = _made(start.worker(), ITINERARY)
        assert made and not shows_rename(answer)
    # The writes after it reach the revision of the renamed answer again, with other data.
    shows_reword = _reword_event(store)
    with serve() as start:
        answer, made = _made(start.worker(), ITINERARY)
        assert made and shows_reword(answer) and not shows_rename(answer)


@pytest.mark.parametrize("broken", ["garbage", "empty", "another program's database", "another format"])
def test_a_broken_or_foreign_store_file_is_replaced_at_the_start_and_harmless(serve, settings, broken, caplog):
    with serve() as start:
        first = start.worker().get(ITINERARY)
        path = start.directory / shared_responses.STORE_NAME
    path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    if broken == "garbage":
        path.write_bytes(b"SQLite format 3\0" + b"not a database at all" * 500)
    elif broken == "empty":
        path.write_bytes(b"")
    else:
        with closing(sqlite3.connect(path)) as other, other:
            if broken == "another format":  # an earlier store's, without the requests
                other.execute("CREATE TABLE response (key BLOB PRIMARY KEY, size INTEGER, headers BLOB, body BLOB)")
                other.execute("CREATE TABLE total (id INTEGER PRIMARY KEY, bytes INTEGER)")
            else:
                other.execute("CREATE TABLE notes (line TEXT)")
                other.execute("INSERT INTO notes VALUES ('mine')")
    with serve() as start:
        answer, made = _made(start.worker(), ITINERARY)
        assert answer.status_code == 200 and answer.content == first.content and made
        again, made_again = _made(start.worker(), ITINERARY)
        assert made_again == [] and again.content == first.content
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == shared_responses.FORMAT


def test_a_store_broken_while_serving_is_a_miss_and_the_next_start_replaces_it(serve):
    with serve() as start:
        worker = start.worker()
        first = worker.get(ITINERARY)
        path = start.directory / shared_responses.STORE_NAME
        with path.open("r+b") as file:  # pages overwritten under the workers' feet
            file.seek(4096)
            file.write(b"\xff" * 8192)
        # Found in the store's log, or a miss made afresh: the answer either way, never an error.
        answer = start.worker().get(ITINERARY)
        assert answer.status_code == 200 and answer.content == first.content
    with serve() as start:
        answer = start.worker().get(ITINERARY)
        assert answer.status_code == 200 and answer.content == first.content


def test_the_kept_store_stays_within_its_size_when_a_start_sets_a_smaller_one(serve, store):
    with serve() as start:
        worker = start.worker()
        for path in KEPT_READS:
            worker.get(path)
        assert _stored_rows(start.directory) == len(KEPT_READS)
        kept = shared_responses.SharedResponses(start.directory, max_bytes=2**30)
        size = kept.size_bytes()
        kept.close()
    shared_responses.open_store(start.directory, max_bytes=size // 2)
    namespace = _namespace(store)
    smaller = shared_responses.SharedResponses(start.directory, max_bytes=size // 2, namespace=namespace)
    assert 0 < smaller.size_bytes() <= size // 2
    # The oldest out first: the newest request is still there to be asked again.
    (newest,) = smaller.requests_to_replay(1)
    assert newest.path + "?" + newest.query.decode() == KEPT_READS[-1]
    smaller.close()


# Warm-up.


def _warm_up(start, store, settings, **bounds) -> warm_up.WarmUpReport:
    """The warm-up as `serve` runs it (app/warm_up.py), in this process, over a pool of its own."""
    engine = make_engine(engine_url(store))
    try:
        return warm_up.warm_up(
            start.directory,
            seconds=bounds.get("seconds", 60),
            answers=bounds.get("answers", 1000),
            services=services_over(engine, settings),
        )
    finally:
        engine.dispose()


def test_warm_up_makes_again_what_the_last_run_was_asked_for_before_the_workers_take_requests(serve, store, settings):
    with serve() as start:
        worker = start.worker()
        before = {path: worker.get(path) for path in KEPT_READS}
    shows_it = _rename_place(store)  # every itinerary and every list of events stale
    with serve() as start:
        report = _warm_up(start, store, settings)
        assert (report.asked, report.answered, report.stopped) == (len(KEPT_READS), len(KEPT_READS), False)
        worker = start.worker()
        for path in KEPT_READS:
            answer, made = _made(worker, path)
            assert made == [], f"{path} made by the worker, not by the warm-up"
            assert shows_it(answer) and answer.content != before[path].content
            # Exactly what the worker would have made: the same representation, the same tag.
            assert answer.headers["etag"] != before[path].headers["etag"]
            assert answer.headers.get("content-encoding") == before[path].headers.get("content-encoding")
    # Nothing changed since: a warm-up that finds every answer ready, and the workers too.
    with serve() as start:
        assert _warm_up(start, store, settings).answered == len(KEPT_READS)
        assert all(_made(start.worker(), path)[1] == [] for path in KEPT_READS)


def test_warm_up_asks_again_with_the_headers_the_answer_was_asked_with(serve, store, settings):
    asked = {"accept-encoding": "gzip", "origin": "https://newsroom.example", "accept": "application/geo+json"}
    with serve() as start:
        first = start.worker().get(ITINERARY, headers=asked)
        plain = start.worker().get(ITINERARY)
        assert first.headers["etag"] != plain.headers["etag"]
    _rename_place(store)
    with serve() as start:
        assert _warm_up(start, store, settings).answered == 2
        for headers in (asked, None):
            answer, made = _made(start.worker(), ITINERARY, headers)
            assert made == [] and answer.status_code == 200


def test_warm_up_keeps_to_its_bounds(serve, store, settings):
    with serve() as start:
        worker = start.worker()
        for path in KEPT_READS:
            worker.get(path)
    _rename_place(store)
    with serve() as start:
        # The most recently made first, `answers` of them at most.
        report = _warm_up(start, store, settings, answers=1)
        assert (report.asked, report.answered) == (1, 1)
        assert _made(start.worker(), KEPT_READS[-1])[1] == []
        assert _made(start.worker(), KEPT_READS[0])[1] != []
    _reword_event(store)
    with serve() as start:
        # No time left: nothing asked.
        report = _warm_up(start, store, settings, seconds=0)
        assert (report.asked, report.stopped) == (0, True)
        assert all(_made(start.worker(), path)[1] != [] for path in KEPT_READS[1:])


def test_warm_up_skips_requests_that_cannot_be_asked_again_exactly(serve, store, settings):
    with serve() as start:
        start.worker().get(ITINERARY, headers={"cookie": "session=someone"})
        assert _stored_rows(start.directory) == 1
        kept = shared_responses.SharedResponses(start.directory, 2**20, _namespace(store))
        assert kept.requests_to_replay(10) == []


@pytest.fixture
def fake_interpreter(tmp_path, monkeypatch):
    """A `python` that `serve` runs the warm-up with: one that sleeps, or fails."""

    def make(script: str) -> None:
        path = tmp_path / "python"
        path.write_text(f"#!/bin/sh\n{script}\n")
        path.chmod(0o755)
        monkeypatch.setattr(sys, "executable", str(path))

    return make


@pytest.mark.parametrize("behaviour", ["sleeps past its bound", "fails"])
def test_serve_starts_whatever_the_warm_up_does_and_waits_for_it_no_longer_than_its_bound(
    serve, store, settings, fake_interpreter, behaviour, capsys
):
    with serve() as start:
        start.worker().get(ITINERARY)
    fake_interpreter("sleep 30" if behaviour == "sleeps past its bound" else "echo broken >&2; exit 3")
    engine = make_engine(engine_url(store))
    services = services_over(engine, settings.model_copy(update={"warm_up_seconds": 1.0}))
    began = time.monotonic()
    try:
        cli._warm_up(services, settings.data_dir / "kept")
    finally:
        engine.dispose()
    assert time.monotonic() - began < 10
    said = capsys.readouterr()
    assert ("stopped after 1 s" in said.out) if behaviour == "sleeps past its bound" else ("broken" in said.err)


def test_serve_runs_no_warm_up_on_a_first_start_or_when_turned_off(serve, store, settings, monkeypatch):
    ran = []
    done = subprocess.CompletedProcess([], 0, "0 of 0 answers ready in 0.0 s", "")
    monkeypatch.setattr(subprocess, "run", lambda *args, **kwargs: ran.append(args) or done)
    engine = make_engine(engine_url(store))
    try:
        with serve() as start:
            cli._warm_up(services_over(engine, settings), start.directory)  # nothing asked before
            assert ran == []
            start.worker().get(ITINERARY)
            for off in ({"warm_up_seconds": 0}, {"warm_up_answers": 0}):
                cli._warm_up(services_over(engine, settings.model_copy(update=off)), start.directory)
            assert ran == []
            cli._warm_up(services_over(engine, settings), start.directory)
            assert len(ran) == 1  # (and with it, it would)
    finally:
        engine.dispose()


# End to end: `serve --workers 2`, stopped and started again.


def _serve(environment: dict, log: Path) -> tuple[subprocess.Popen, str]:
    from test_serve import _free_port, _wait_for_workers

    port = _free_port()
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--workers", "2"]
    with log.open("w") as output:
        process = subprocess.Popen(command, env=environment, stdout=output, stderr=subprocess.STDOUT, cwd=REPO_ROOT)
    _wait_for_workers(log, process)
    return process, f"http://127.0.0.1:{port}"


async def _get(base: str, path: str) -> httpx.Response:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        return await client.get(path)


def test_serve_restarted_after_a_write_serves_the_fresh_answer_made_by_its_warm_up(store, tmp_path):
    environment = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "ITINERANT_DATA_DIR": str(tmp_path),
        "ITINERANT_DATABASE_URL": engine_url(store),
        "ITINERANT_TILES": "none",
        "ITINERANT_SHARED_CACHE_DIR": str(tmp_path / "kept"),
    }
    process, base = _serve(environment, tmp_path / "first.log")
    try:
        first = asyncio.run(_get(base, ITINERARY))
        assert first.status_code == 200
    finally:
        stop_process(process)
    shows_it = _rename_place(store)
    process, base = _serve(environment, tmp_path / "second.log")
    try:
        said = (tmp_path / "second.log").read_text()
        assert "warm-up:  1 of 1 answers ready" in said
        answer = asyncio.run(_get(base, ITINERARY))
        assert answer.status_code == 200 and shows_it(answer) and answer.headers["etag"] != first.headers["etag"]
    finally:
        stop_process(process)
    assert "Traceback" not in (tmp_path / "second.log").read_text()
