"""`itinerant serve --workers N`: worker processes that each build the application and their own
connection pool, on SQLite and PostgreSQL, answering more concurrent requests than their pools hold."""

from __future__ import annotations

import asyncio
import gc
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import httpx
import pytest
import uvicorn
import uvicorn.importer
from database_urls import engine_url
from trip_services import stop_process
from typer.testing import CliRunner

from app import cli
from app.db import connection_budget, make_engine, request_session_capacity
from app.services import Services
from app.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKERS = 2
CONCURRENT = 64
# How long the workers may take to start on a loaded machine: a bound on waiting, not an assertion.
STARTUP_SECONDS = 120


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_workers(log: Path, process: subprocess.Popen) -> list[str]:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        started = re.findall(r"Started server process \[(\d+)\]", log.read_text())
        if len(started) >= WORKERS and "Application startup complete" in log.read_text():
            return started
        if process.poll() is not None:
            break
        time.sleep(0.2)
    raise AssertionError(f"the workers did not start:\n{log.read_text()}")


async def _get_all(base: str, path: str) -> list[int]:
    limits = httpx.Limits(max_connections=CONCURRENT)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        responses = await asyncio.gather(*(client.get(path) for _ in range(CONCURRENT)))
    return [response.status_code for response in responses]


def test_serve_with_workers_starts_processes_that_each_answer_on_small_pools(engine, tmp_path):
    port = _free_port()
    log = tmp_path / "serve.log"
    environment = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "ITINERANT_DATA_DIR": str(tmp_path),
        "ITINERANT_DATABASE_URL": engine_url(engine),
        # Two connections a process: 64 requests at once must queue for them, not fail.
        "ITINERANT_DATABASE_POOL_SIZE": "2",
        "ITINERANT_DATABASE_MAX_OVERFLOW": "0",
        "ITINERANT_DATABASE_POOL_TIMEOUT": "5",
        "TMPDIR": str(tmp_path / "tmp"),
        # Where the workers' shared response cache is kept, from one `serve` to the next.
        "ITINERANT_SHARED_CACHE_DIR": str(tmp_path / "responses"),
    }
    (tmp_path / "tmp").mkdir()
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--workers", str(WORKERS)]
    with log.open("w") as output:
        process = subprocess.Popen(command, env=environment, stdout=output, stderr=subprocess.STDOUT, cwd=tmp_path)
    try:
        started = _wait_for_workers(log, process)
        assert len(set(started)) == WORKERS and str(process.pid) not in started
        base = f"http://127.0.0.1:{port}"
        for path in ("/healthz", "/api/events.geojson?limit=100", "/ogc/collections/events/items"):
            assert asyncio.run(_get_all(base, path)) == [200] * CONCURRENT, path
        # The answers the workers made, kept where each can serve them.
        with closing(sqlite3.connect(tmp_path / "responses" / "responses.sqlite")) as store:
            assert store.execute("SELECT count(*) FROM response").fetchone()[0] >= 2
    finally:
        stop_process(process)
    assert "Traceback" not in log.read_text()
    assert list((tmp_path / "tmp").iterdir()) == []  # nothing left behind but the kept cache
    assert (tmp_path / "responses" / "responses.sqlite").is_file()


def test_each_process_admits_one_request_fewer_than_its_pool_holds(tmp_path):
    settings = Settings(data_dir=tmp_path, database_pool_size=3, database_max_overflow=4, _env_file=None)
    engine = Services.from_settings(settings).engine
    assert request_session_capacity(engine) == 3 + 4 - 1
    engine.dispose()


def test_the_connection_budget_counts_every_worker_and_the_parent(engine):
    url = engine_url(engine)
    small = make_engine(url, pool_size=2, max_overflow=3)
    huge = make_engine(url, pool_size=1000, max_overflow=0)
    try:
        budget = connection_budget(small, 4)
        # Each worker's pool and the parent's; on PostgreSQL each worker's two revision connections too.
        assert (budget.per_process, budget.needed) == (5, 25 + (8 if engine.dialect.name == "postgresql" else 0))
        assert budget.fits
        if engine.dialect.name == "postgresql":
            assert budget.available is not None and budget.available > 0
            assert not connection_budget(huge, 4).fits
        else:
            assert budget.available is None  # SQLite has no connection limit
    finally:
        small.dispose()
        huge.dispose()


@pytest.mark.postgres
def test_serve_refuses_more_workers_than_postgresql_has_connections_for(engine, tmp_path, monkeypatch):
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no connection limit")
    settings = Settings(data_dir=tmp_path, database_pool_size=1000, _env_file=None)
    services = Services.from_settings(settings.model_copy(update={"database_url": engine_url(engine)}))
    monkeypatch.setattr(cli, "_services", lambda: services)
    monkeypatch.setattr(cli, "_run_uvicorn", lambda *_a, **_k: pytest.fail("started despite the budget"))
    try:
        result = CliRunner().invoke(cli.app, ["serve", "--workers", "4"])
    finally:
        services.engine.dispose()
    assert result.exit_code == 2
    assert "max_connections" in result.output


def test_serving_processes_keep_what_they_made_at_start_out_of_the_collectors_rounds(tmp_path, monkeypatch):
    """Each process `serve` runs freezes what it made at start (gc.freeze): a full collection no
    longer walks the modules, the app and its routes each time, while every request waits."""
    services = Services.from_settings(Settings(data_dir=tmp_path, _env_file=None))
    runs = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: runs.append((app, options)))
    gc.unfreeze()
    try:
        cli._run_uvicorn(services, host="127.0.0.1", port=1, workers=4)
        assert runs[-1][0] == "app.main:create_served_app" and runs[-1][1]["factory"]
        assert gc.get_freeze_count() == 0  # the workers build and freeze their own:
        factory = uvicorn.importer.import_from_string(runs[-1][0])
        factory(services=services)
        assert gc.get_freeze_count() > 0
        gc.unfreeze()
        cli._run_uvicorn(services, host="127.0.0.1", port=1, workers=1)
        assert runs[-1][0].state.services is services
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        services.engine.dispose()


def test_serve_with_workers_gives_them_a_private_shared_cache_kept_beside_the_database(tmp_path, monkeypatch):
    from app.shared_responses import SHARED_ENV, STORE_NAME

    services = Services.from_settings(Settings(data_dir=tmp_path, _env_file=None))
    cli._upgrade(services)
    seen = []

    def run(app, **options):
        directory = Path(os.environ[SHARED_ENV])
        store = directory / STORE_NAME
        seen.append((directory, directory.stat().st_mode & 0o777, store.is_file() and store.stat().st_mode & 0o777))

    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.delenv(SHARED_ENV, raising=False)
    try:
        cli._run_uvicorn(services, host="127.0.0.1", port=1, workers=4)
        ((directory, mode, store),) = seen
        # Beside the SQLite file (data/itinerant.sqlite): data/itinerant-responses/, kept after the stop.
        assert directory == tmp_path / "itinerant-responses"
        assert mode == 0o700 and store == 0o600
        assert directory.is_dir() and SHARED_ENV not in os.environ
        # Made private again should it have been opened up, and used again by the next `serve`.
        directory.chmod(0o755)
        cli._run_uvicorn(services, host="127.0.0.1", port=1, workers=4)
        assert seen[-1] == (directory, 0o700, 0o600)
        # Not kept: a temporary directory, removed after.
        services.settings = services.settings.model_copy(update={"shared_cache_keep": False})
        cli._run_uvicorn(services, host="127.0.0.1", port=1, workers=4)
        temporary, mode, store = seen[-1]
        assert temporary.name.startswith("itinerant-responses-") and temporary.parent != tmp_path
        assert mode == 0o700 and store and not temporary.exists()
        # Off.
        services.settings = services.settings.model_copy(update={"shared_cache_mb": 0})
        monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.append(os.environ.get(SHARED_ENV)))
        cli._run_uvicorn(services, host="127.0.0.1", port=1, workers=4)
        assert seen[-1] is None
    finally:
        gc.unfreeze()
        services.engine.dispose()


def test_serve_with_one_worker_keeps_and_warms_the_same_store_as_with_several(tmp_path, monkeypatch):
    """One worker starts warm after a restart too: it serves over the kept store, and the warm-up runs for it."""
    from app.shared_responses import SHARED_ENV

    services = Services.from_settings(Settings(data_dir=tmp_path, _env_file=None))
    cli._upgrade(services)
    served, warmed = [], []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.append((app, os.environ.get(SHARED_ENV))))
    monkeypatch.setattr(cli, "_warm_up", lambda _services, directory: warmed.append(directory))
    monkeypatch.delenv(SHARED_ENV, raising=False)
    try:
        cli._run_uvicorn(services, host="127.0.0.1", port=1, workers=1)
        [(app, directory)] = served
        assert directory == str(tmp_path / "itinerant-responses") and warmed == [Path(directory)]
        assert app.state.services is services and app.state.shared_responses is not None
        assert SHARED_ENV not in os.environ
    finally:
        gc.unfreeze()
        services.engine.dispose()


def test_a_shared_cache_directory_that_cannot_be_kept_gives_way_to_a_temporary_one(tmp_path, monkeypatch):
    from app.shared_responses import SHARED_ENV

    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    settings = Settings(data_dir=tmp_path, shared_cache_dir=blocked / "responses", _env_file=None)
    services = Services.from_settings(settings)
    seen = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.append(Path(os.environ[SHARED_ENV])))
    try:
        cli._run_uvicorn(services, host="127.0.0.1", port=1, workers=4)
        (directory,) = seen
        assert directory.name.startswith("itinerant-responses-") and not directory.exists()
    finally:
        gc.unfreeze()
        services.engine.dispose()
