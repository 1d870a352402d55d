"""OGC API - Features items, itinerant beside pygeoapi on the same 100,000 points, one worker each.

    .venv/bin/python benchmarks/ogc_vs_pygeoapi.py [--events 100000] [--repeat 5] [--pygeoapi-venv DIR]
        [--baseline-repo DIR]

pygeoapi (the reference OGC API - Features server) lives in a virtual environment of its own,
outside the project, with its SQLite provider, which needs SpatiaLite (Debian's
libsqlite3-mod-spatialite) and a Python whose sqlite3 loads extensions (Debian's python3):

    /usr/bin/python3 -m venv /tmp/pygeoapi-venv && /tmp/pygeoapi-venv/bin/pip install pygeoapi gunicorn
    apt-get install -y libsqlite3-mod-spatialite

Without it the script says so and measures itinerant alone. Both serve from one process over
loopback: itinerant with `itinerant serve` (uvicorn, SQLite), pygeoapi with gunicorn's one
sync worker (its Flask application). The points are itinerant's synthetic store
(benchmarks/synthetic_store.py), copied with their actor, place, dates, status and evidence
into a SpatiaLite table for pygeoapi.

`--baseline-repo` serves a second checkout of itinerant (another commit, say `git worktree add
--detach /tmp/itinerant-base main`) over the same store, to compare before and after in one run.

All servers run at once and take turns: for each request, one warm-up each, then --repeat
rounds in which each server answers in turn, so that a change in the machine's load falls on
all of them alike. Measured, each the median of the rounds, the whole body read:
  items at limit=10, 1,000 and 10,000; every one of the 100,000 paged at 1,000 a page (100
  requests, by offset); and itinerant's /api/events.geojson streaming all 100,000 at once.
The bar: itinerant at least as fast as pygeoapi on each, and the whole stream within 3 s.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from synthetic_store import REPO, build_store, free_port, served

PYGEOAPI_VENV = Path("/tmp/pygeoapi-venv")
STREAM_BAR_SECONDS = 3.0

# Run by pygeoapi's own Python (it loads SpatiaLite): itinerant's events, joined to their actor
# and place, into a SpatiaLite table with a point geometry.
SPATIALITE_COPY = """
import sqlite3, sys
source, target = sys.argv[1], sys.argv[2]
db = sqlite3.connect(target)
db.enable_load_extension(True)
db.execute("SELECT load_extension('mod_spatialite')")
db.execute("SELECT InitSpatialMetadata(1)")
db.execute('''CREATE TABLE events (id INTEGER PRIMARY KEY, actor TEXT, action TEXT, status TEXT,
    date_start TEXT, date_end TEXT, place TEXT, gazetteer_id TEXT, country TEXT, evidence TEXT,
    article_id INTEGER, confidence REAL)''')
db.execute("SELECT AddGeometryColumn('events', 'geom', 4326, 'POINT', 'XY')")
db.execute("SELECT CreateSpatialIndex('events', 'geom')")
db.execute("ATTACH DATABASE ? AS src", (source,))
db.execute('''INSERT INTO events SELECT e.id, a.name, e.action, e.status, e.date_start, e.date_end, p.name,
    p.gazetteer_id, p.country, e.evidence, e.article_id, e.confidence, MakePoint(e.lon, e.lat, 4326)
    FROM src.event e JOIN src.actor a ON a.id = e.actor_id JOIN src.place p ON p.id = e.place_id ORDER BY e.id''')
db.commit()
print(db.execute("SELECT count(*) FROM events").fetchone()[0])
"""

PYGEOAPI_CONFIG = """
server:
  bind: {{host: 127.0.0.1, port: {port}}}
  url: http://127.0.0.1:{port}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  languages: [en-US]
  limits:
    default_items: 10
    max_items: 10000
  map:
    url: http://127.0.0.1/tiles/{{z}}/{{x}}/{{y}}.png
    attribution: none
logging:
  level: ERROR
metadata:
  identification:
    title: events
    description: the same events as itinerant's benchmark store
    keywords: [events]
    keywords_type: theme
    terms_of_service: https://creativecommons.org/licenses/by/4.0/
    url: http://127.0.0.1/
  license:
    name: CC-BY 4.0
    url: https://creativecommons.org/licenses/by/4.0/
  provider:
    name: benchmark
    url: http://127.0.0.1/
  contact:
    name: benchmark
resources:
  events:
    type: collection
    title: Events
    description: events
    keywords: [events]
    extents:
      spatial:
        bbox: [-180, -90, 180, 90]
        crs: http://www.opengis.net/def/crs/OGC/1.3/CRS84
    providers:
      - type: feature
        name: SQLiteGPKG
        data: {data}
        id_field: id
        table: events
"""


def fetch(base: str, path: str) -> tuple[int, int]:
    """GET the whole body over a fresh connection; returns (status, bytes)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    try:
        connection.request("GET", path, headers={"Accept": "application/geo+json"})
        response = connection.getresponse()
        size = len(response.read())
        return response.status, size
    finally:
        connection.close()


def timed_together(
    servers: dict[str, tuple[str, list[str]]], repeat: int
) -> dict[str, tuple[float, float, float, int]]:
    """For servers named with their base URL and the paths to fetch one after another: one
    warm-up each, then `repeat` rounds in which each fetches all its paths in turn. Per server,
    the median, fastest and slowest seconds of a round, and the bytes of one."""
    for name, (base, paths) in servers.items():
        for path in paths:
            status, _ = fetch(base, path)
            if status != 200:
                raise SystemExit(f"{name}: {base}{path}: HTTP {status}")
    runs: dict[str, list[float]] = {name: [] for name in servers}
    sizes = dict.fromkeys(servers, 0)
    for _ in range(repeat):
        for name, (base, paths) in servers.items():
            started = time.perf_counter()
            sizes[name] = sum(fetch(base, path)[1] for path in paths)
            runs[name].append(time.perf_counter() - started)
    return {name: (statistics.median(t), min(t), max(t), sizes[name]) for name, t in runs.items()}


ITINERANT_ITEMS = "/ogc/collections/events/items"
PYGEOAPI_ITEMS = "/collections/events/items"


def cases(items_path: str, events: int) -> dict[str, list[str]]:
    return {
        "items limit=10": [f"{items_path}?limit=10"],
        "items limit=1,000": [f"{items_path}?limit=1000"],
        "items limit=10,000": [f"{items_path}?limit=10000"],
        f"all {events:,} by pages of 1,000": [
            f"{items_path}?limit=1000&offset={offset}" for offset in range(0, events, 1000)
        ],
    }


@contextmanager
def served_from(repo: Path, url: str, data_dir: Path) -> Iterator[str]:
    """`itinerant serve` (one worker) of the checkout at `repo` over the database at `url`."""
    # `python -m app.cli` imports from its working directory first: the server starts in `repo`.
    here = Path.cwd()
    os.chdir(repo)
    try:
        context = served(url, workers=1, data_dir=data_dir, extra_env={"PYTHONPATH": str(repo)})
        base, _pids = context.__enter__()
    finally:
        os.chdir(here)
    try:
        yield base
    finally:
        context.__exit__(None, None, None)


@contextmanager
def served_pygeoapi(venv: Path, sqlite_path: Path, work: Path) -> Iterator[str | None]:
    """pygeoapi (gunicorn, one sync worker) over a SpatiaLite copy of the store; None when it cannot run."""
    python = venv / "bin" / "python"
    if not (venv / "bin" / "gunicorn").exists():
        print(f"pygeoapi: skipped, no virtual environment with pygeoapi and gunicorn at {venv} (see the docstring)")
        yield None
        return
    spatial = work / "events-spatialite.sqlite"
    copy = subprocess.run(
        [python, "-c", SPATIALITE_COPY, str(sqlite_path), str(spatial)], capture_output=True, text=True
    )
    if copy.returncode != 0:
        print(f"pygeoapi: skipped, its SpatiaLite copy failed (libsqlite3-mod-spatialite?):\n{copy.stderr}")
        yield None
        return
    port = free_port()
    config = work / "pygeoapi.yml"
    config.write_text(PYGEOAPI_CONFIG.format(port=port, data=spatial))
    openapi = work / "pygeoapi-openapi.yml"
    environment = {**os.environ, "PYGEOAPI_CONFIG": str(config), "PYGEOAPI_OPENAPI": str(openapi)}
    environment.pop("PYTHONPATH", None)
    subprocess.run(
        [venv / "bin" / "pygeoapi", "openapi", "generate", str(config), "--output-file", str(openapi)],
        env=environment,
        check=True,
        capture_output=True,
    )
    server = subprocess.Popen(
        [venv / "bin" / "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}", "--timeout", "600", "pygeoapi.flask_app:APP"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if fetch(base, "/collections/events")[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None:
                raise SystemExit("pygeoapi exited on start")
            time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pygeoapi-venv", type=Path, default=PYGEOAPI_VENV)
    parser.add_argument("--baseline-repo", type=Path, help="another checkout of itinerant to measure beside this one")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="itinerant-ogc-bench-") as folder, ExitStack() as stack:
        work = Path(folder)
        (work / "gazetteer.sqlite").symlink_to(REPO / "data" / "gazetteer.sqlite")
        sqlite_path = work / "itinerant.sqlite"
        url = f"sqlite:///{sqlite_path}"
        started = time.perf_counter()
        build_store(url, args.events)
        print(f"store: {args.events:,} synthetic events in SQLite, built in {time.perf_counter() - started:.1f} s")
        itinerant_servers = {"itinerant": stack.enter_context(served_from(REPO, url, work))}
        if args.baseline_repo:
            itinerant_servers["baseline"] = stack.enter_context(served_from(args.baseline_repo.resolve(), url, work))
        pygeoapi = stack.enter_context(served_pygeoapi(args.pygeoapi_venv, sqlite_path, work))

        mine = cases(ITINERANT_ITEMS, args.events)
        theirs = cases(PYGEOAPI_ITEMS, args.events)
        results: dict[str, dict[str, tuple[float, float, float, int]]] = {}
        for name, paths in mine.items():
            servers = {server: (base, paths) for server, base in itinerant_servers.items()}
            if pygeoapi:
                servers["pygeoapi"] = (pygeoapi, theirs[name])
            results[name] = timed_together(servers, args.repeat)
        stream = f"/api/events.geojson, all {args.events:,}"
        servers = {
            server: (base, [f"/api/events.geojson?limit={args.events}"]) for server, base in itinerant_servers.items()
        }
        results[stream] = timed_together(servers, args.repeat)

    columns = [*itinerant_servers, *(["pygeoapi"] if pygeoapi else [])]
    print(f"\nmedian (fastest-slowest) of {args.repeat} rounds, one worker each, loopback, body read in full")
    print(f"{'request':<38}" + "".join(f"{column:>28}" for column in columns) + f"{'MB':>7}  verdict")
    for name, measured in results.items():
        cells = "".join(
            f"{f'{measured[c][0] * 1000:.1f} ({measured[c][1] * 1000:.0f}-{measured[c][2] * 1000:.0f}) ms':>28}"
            if c in measured
            else f"{'-':>28}"
            for c in columns
        )
        seconds = measured["itinerant"][0]
        if "pygeoapi" in measured:
            other = measured["pygeoapi"][0]
            verdict = "at least as fast" if seconds <= other else f"slower by {seconds / other:.2f}x"
        elif name == stream:
            verdict = "within 3 s" if seconds <= STREAM_BAR_SECONDS else "over 3 s"
        else:
            verdict = ""
        print(f"{name:<38}{cells}{measured['itinerant'][3] / 1e6:>7.1f}  {verdict}")


if __name__ == "__main__":
    main()
