"""The service under load: wrk against 100,000 events, SQLite and PostgreSQL, 1 and 4 workers.

    .venv/bin/python benchmarks/load_http.py [--duration 30] [--concurrency 64] [--workers 1 4]
        [--databases sqlite postgres] [--postgres-url URL] [--events 100000] [--endpoints NAME...]
        [--baseline-repo DIR] [--rounds 1] [--repeat 1] [--cold-turns]
        [--cold-write actor|article|place|restart|restart-place] [--cold-warm-up 1] [--cold-first-start]

wrk (Debian: `apt-get install -y wrk`) is the load generator; without it the script says so
and stops. PostgreSQL is the server at --postgres-url (default: ITINERANT_TEST_POSTGRES_URL),
in a schema of its own that is dropped at the end; without a URL it is skipped.

The store holds --events synthetic events written straight into the tables
(benchmarks/synthetic_store.py: 1,000 actors, 2,000 places). For each database and number of
workers, `itinerant serve --workers N` runs over it and wrk holds --concurrency connections
open for --duration seconds on each of:

  /api/actors/{slug}/itinerary.geojson   one actor's itinerary (100 events), slugs in turn
  /api/actors/{slug}/itinerary           the same as JSON ("itinerary json")
  /api/events.geojson?bbox=...&limit=100  the events in a box, boxes in turn
  /api/geocode?q=...                      a place name in the offline gazetteer, names in turn
  /ogc/collections/events/items           the first page of OGC API items

Printed for each: requests a second, p50 and p99 latency, errors (non-2xx answers and socket
errors together), and the resident memory of the server's processes together after the run.

`--baseline-repo` serves a second checkout of itinerant (another commit) beside this one, over a
store of the same rows built by that checkout's own synthetic_store.py (so that each serves the
schema its migrations make), and loads each endpoint on one, then the other: before and after in
one run.

`--rounds 2` loads each endpoint twice in a row: the first round starts with the server's caches
as a second of warm-up left them (each worker process makes each answer once during it, as after
a restart or a write), the second is the steady state of data that did not change.
`--repeat K` then loads each endpoint K - 1 more times, in turns with the baseline when there is
one (this checkout, the baseline, this checkout...), each time for --rounds more rounds of the
steady state: one p99 of 64 connections over two busy cores varies from run to run more than the
changes being compared, so the summary gives, for each checkout, the median and the range of the
p99s of its rounds after the first.
`--cold-turns` starts every turn cold, not only the first: a write to the data, then the same
second of warm-up; the summary then gives the median and the range of the cold rounds as well.
`--cold-write` is that write (each moves the data's revision, so every answer cached on the data,
the lists and the OGC items, is stale after any of them):
  actor    an UPDATE of the first actor's row that changes nothing: that actor's answers stale
           (before each actor had a revision of its own, every itinerary was);
  article  an article stored with one new event for each of two of the loaded actors, as an
           ingest writes it: those two actors' itineraries stale, the other 198 still cached;
  place    an UPDATE of one place's row that changes nothing: every itinerary stale (a place's
           columns may be shown by any of them);
  restart  no write: the server stopped and started again (every worker's memory empty; the
           workers' shared cache as each checkout keeps it across a restart, or not);
  restart-place
           the server stopped, the place's UPDATE made while it is down, and the server started
           again: every itinerary stale in every cache, as after a deployment of new code.
`--cold-warm-up 0` leaves out the second of warm-up before each cold round (4 connections, which
load the models and make many answers before the round begins): the round then begins right as
the write is made or the server is ready, as a client's first request would.
`--cold-first-start` (with a restart write) also counts the first round after the very first start,
over a store just built, as cold; by default it is left out of the cold rounds' summary, since no
start before it could have kept or asked for anything.
The bar (4 workers): 0 errors, p99 <= 100 ms for itinerary and geocode, <= 250 ms for the lists.

wrk's percentiles are corrected for coordinated omission: at the end of a run, each response slower
than the run's mean interval between one connection's requests adds samples at that interval below
it (what a client sending at a steady rate would have waited). A stall of a second at the start of
a round, with every connection waiting on it, therefore weighs as thousands of samples, not as the
few hundred answers it delayed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from synthetic_store import (
    ACTOR_SLUGS,
    REPO,
    build_store,
    drop_postgres_schema,
    free_port,
    postgres_schema_url,
    rss_mib,
    served,
)

SCHEMA = "itinerant_bench_load"
NAMES = [
    "Vladivostok", "Sochi", "Pyongyang", "Seoul", "Moscow", "Paris, Texas", "Hanoi", "Springfield, Illinois",
    "Kingston", "Newcastle", "North Korea", "Lagos", "Sao Paulo", "Edmonton", "Cairo", "Kyiv",
]  # fmt: skip
BOXES = [f"{west},{south},{west + 20},{south + 15}" for west in range(-180, 160, 40) for south in (-45, 0, 30)]
ENDPOINTS = {
    "itinerary": [f"/api/actors/{slug}/itinerary.geojson" for slug in ACTOR_SLUGS[:200]],
    "itinerary json": [f"/api/actors/{slug}/itinerary" for slug in ACTOR_SLUGS[:200]],
    "events bbox": [f"/api/events.geojson?bbox={box}&limit=100" for box in BOXES],
    "geocode": [f"/api/geocode?q={name.replace(' ', '%20').replace(',', '%2C')}" for name in NAMES],
    "ogc items": ["/ogc/collections/events/items"],
}
BARS_MS = {"itinerary": 100, "itinerary json": 100, "geocode": 100, "events bbox": 250, "ogc items": 250}

# wrk takes the paths from a Lua script, one after another over the connections.
LUA = """
local paths = {%s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def _milliseconds(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def run_wrk(base: str, paths: list[str], duration: int, concurrency: int, work: Path) -> dict:
    script = work / "paths.lua"
    script.write_text(LUA % ", ".join(f'"{path}"' for path in paths))
    threads = max(1, min(2, concurrency))
    command = ["wrk", f"-t{threads}", f"-c{concurrency}", f"-d{duration}s", "--timeout", "10s", "--latency"]
    output = subprocess.run([*command, "-s", str(script), base], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))

    def percentile(name: str) -> float:
        value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", latency[name]).groups()
        return _milliseconds(value, unit)

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": percentile("50"),
        "p99": percentile("99"),
        "errors": errors,
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
    }


COLD_WRITES = ("actor", "article", "place", "restart", "restart-place")


def _touch_data(url: str, write: str = "actor") -> None:
    """The write that starts a cold turn (--cold-write; the triggers fire on any UPDATE, whether
    or not it changes a value)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            if write == "actor":
                connection.execute(text("UPDATE actor SET name = name WHERE id = (SELECT min(id) FROM actor)"))
            elif write == "place":
                connection.execute(text("UPDATE place SET name = name WHERE id = (SELECT min(id) FROM place)"))
            else:
                _store_article(connection, text)
    finally:
        engine.dispose()


def _store_article(connection, text) -> None:
    """An article that tells of two of the loaded actors, with an event of each, as an ingest stores it."""
    from datetime import UTC, date, datetime

    now = datetime.now(UTC)
    stamp = f"{time.time_ns()}"
    body = f"Leader 0 visited Place 7 and Leader 1 visited Place 8 (dispatch {stamp})."
    article_id = connection.execute(
        text(
            "INSERT INTO article (title, source, published, text, content_hash, ingested_at) "
            "VALUES ('A new dispatch', 'Synthetic', :published, :text, :hash, :now) RETURNING id"
        ),
        {"published": date(2025, 1, 1), "text": body, "hash": stamp.rjust(64, "0"), "now": now},
    ).scalar_one()
    for actor_id, place_id, start in ((1, 8, 0), (2, 9, 34)):
        place = connection.execute(text("SELECT lat, lon FROM place WHERE id = :id"), {"id": place_id}).one()
        connection.execute(
            text(
                "INSERT INTO event (article_id, actor_id, read_actor_id, action, place_id, lat, lon, date_start, "
                "date_end, date_precision, status, evidence, evidence_start, evidence_end, confidence, co_actors, "
                "reviewed, corrected, rejected, created_at, updated_at) VALUES (:article, :actor, :actor, 'visit', "
                ":place, :lat, :lon, :day, :day, 'day', 'occurred', :evidence, :start, :end, 0.87, '', "
                ":no, :no, :no, :now, :now)"
            ),
            {
                "article": article_id,
                "actor": actor_id,
                "place": place_id,
                "lat": place.lat,
                "lon": place.lon,
                "day": date(2025, 1, 1),
                "evidence": body[start : start + 33],
                "start": start,
                "end": start + 33,
                "no": False,
                "now": now,
            },
        )


def _build_store_of(repo: Path, url: str, events: int) -> None:
    """The synthetic store made by the checkout at `repo` (its models, its migrations)."""
    script = "import sys; from synthetic_store import build_store; build_store(sys.argv[1], int(sys.argv[2]))"
    environment = {**os.environ, "PYTHONPATH": f"{repo}{os.pathsep}{repo / 'benchmarks'}"}
    subprocess.run([sys.executable, "-c", script, url, str(events)], cwd=repo, env=environment, check=True)


@contextmanager
def _served_from(
    repo: Path, url: str, workers: int, data_dir: Path, port: int | None = None
) -> Iterator[tuple[str, list]]:
    """`itinerant serve` of the checkout at `repo` (`python -m` imports from its working directory first)."""
    here = Path.cwd()
    os.chdir(repo)
    try:
        context = served(url, workers=workers, data_dir=data_dir, extra_env={"PYTHONPATH": str(repo)}, port=port)
        server = context.__enter__()
    finally:
        os.chdir(here)
    try:
        yield server
    finally:
        context.__exit__(None, None, None)


class _Servers:
    """`itinerant serve` of each checkout over its store, each of which can be stopped and started again."""

    def __init__(self, checkouts: dict[str, Path], urls: dict[str, str], workers: int, data_dir: Path) -> None:
        self.checkouts, self.urls, self.workers, self.data_dir = checkouts, urls, workers, data_dir
        self.running: dict[str, tuple[str, list]] = {}
        self._stacks: dict[str, ExitStack] = {}
        self._ports: dict[str, int] = {}

    def __enter__(self) -> _Servers:
        for label in self.checkouts:
            self.start(label)
        return self

    def __exit__(self, *_exc) -> None:
        for label in list(self._stacks):
            self.stop(label)

    def start(self, label: str) -> None:
        # Started again on the port it had: the Host header clients send, part of an answer's key,
        # stays the same across a restart, as a deployment's does.
        stack = ExitStack()
        port = self._ports.setdefault(label, free_port())
        served = _served_from(self.checkouts[label], self.urls[label], self.workers, self.data_dir, port)
        self.running[label] = stack.enter_context(served)
        self._stacks[label] = stack

    def stop(self, label: str) -> None:
        self.running.pop(label, None)
        self._stacks.pop(label).close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds of load on each endpoint")
    parser.add_argument("--concurrency", type=int, default=64, help="connections held open")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--databases", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"])
    parser.add_argument("--postgres-url", default=os.environ.get("ITINERANT_TEST_POSTGRES_URL"))
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--endpoints", nargs="+", choices=list(ENDPOINTS), default=list(ENDPOINTS))
    parser.add_argument("--baseline-repo", type=Path, help="another checkout of itinerant to load beside this one")
    parser.add_argument("--rounds", type=int, default=1, help="loads of each endpoint in a row (2: cold, then warm)")
    parser.add_argument("--repeat", type=int, default=1, help="times each endpoint is loaded in turns (rounds each)")
    parser.add_argument("--cold-turns", action="store_true", help="start every turn after a write to the data")
    parser.add_argument("--cold-write", choices=COLD_WRITES, default="actor", help="that write (see above)")
    parser.add_argument(
        "--cold-warm-up", type=int, default=1, help="seconds of 4 connections before a cold round (0: none)"
    )
    parser.add_argument(
        "--cold-first-start", action="store_true", help="with a restart, count the very first start as cold too"
    )
    args = parser.parse_args()

    if shutil.which("wrk") is None:
        print("skipped: wrk is not installed (Debian: apt-get install -y wrk)")
        return
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the start")
    print(f"wrk: {args.concurrency} connections, {args.duration} s an endpoint")
    print(f"cold turns: {'after a write of ' + args.cold_write if args.cold_turns else 'the first only'}\n")
    rows = []
    with tempfile.TemporaryDirectory(prefix="itinerant-load-") as folder:
        work = Path(folder)
        (work / "gazetteer.sqlite").symlink_to(REPO / "data" / "gazetteer.sqlite")
        for database in args.databases:
            checkouts = {"": REPO, **({"baseline ": args.baseline_repo.resolve()} if args.baseline_repo else {})}
            urls = {}
            for label, repo in checkouts.items():
                schema = SCHEMA + ("_baseline" if label else "")
                if database == "postgres":
                    if not args.postgres_url:
                        break
                    urls[label] = postgres_schema_url(args.postgres_url, schema)
                else:
                    urls[label] = f"sqlite:///{work / (schema + '.sqlite')}"
                started = time.perf_counter()
                if repo == REPO:
                    build_store(urls[label], args.events)
                else:
                    _build_store_of(repo, urls[label], args.events)
                print(f"{label}{database}: {args.events:,} events stored in {time.perf_counter() - started:.1f} s")
            if not urls:
                print("postgres: skipped, no --postgres-url (or ITINERANT_TEST_POSTGRES_URL)")
                continue
            try:
                for workers in args.workers:
                    with ExitStack() as stack:
                        servers = stack.enter_context(_Servers(checkouts, urls, workers, work))
                        restarts = args.cold_write.startswith("restart")
                        for name in args.endpoints:
                            for turn in range(args.repeat):
                                for label in checkouts:
                                    paths = ENDPOINTS[name]
                                    cold = turn == 0 or args.cold_turns
                                    if turn > 0 and args.cold_turns and restarts:
                                        servers.stop(label)
                                        if args.cold_write == "restart-place":
                                            _touch_data(urls[label], "place")
                                        started = time.perf_counter()
                                        servers.start(label)
                                        print(
                                            f"  {label}{database}: restarted, ready in "
                                            f"{time.perf_counter() - started:.1f} s",
                                            flush=True,
                                        )
                                    elif turn > 0 and args.cold_turns:
                                        _touch_data(urls[label], args.cold_write)
                                        time.sleep(1)  # the notifications of the write, on PostgreSQL
                                    base, pids = servers.running[label]
                                    # The first start over a store just built, with a restart: apart.
                                    first_start = turn == 0 and restarts and not args.cold_first_start
                                    if cold and args.cold_warm_up > 0:  # a warm-up: the models, first imports
                                        run_wrk(base, paths, args.cold_warm_up, min(4, args.concurrency), work)
                                    for round_in_turn in range(1, args.rounds + 1):
                                        round_number = turn * args.rounds + round_in_turn
                                        result = run_wrk(base, paths, args.duration, args.concurrency, work)
                                        result.update(
                                            database=f"{label}{database}",
                                            workers=workers,
                                            endpoint=name,
                                            round=round_number,
                                            cold=cold and round_in_turn == 1 and not first_start,
                                            first_start=first_start and round_in_turn == 1,
                                            rss=rss_mib(pids),
                                            load=os.getloadavg()[0],
                                        )
                                        rows.append(result)
                                        marked = f"{name} (cold)" if result["cold"] else name
                                        marked = f"{name} (first start)" if result["first_start"] else marked
                                        print(
                                            f"  {result['database']:<17} {workers} workers  {marked:<19} "
                                            f"round {round_number}  {result['rps']:>8.1f} req/s  "
                                            f"p50 {result['p50']:>7.1f} ms  p99 {result['p99']:>7.1f} ms  "
                                            f"errors {result['errors']}  RSS {result['rss']:.0f} MiB  "
                                            f"load {result['load']:.1f}",
                                            flush=True,
                                        )
            finally:
                if database == "postgres":
                    for label in checkouts:
                        drop_postgres_schema(args.postgres_url, SCHEMA + ("_baseline" if label else ""))

    print(
        f"\n{'database':<18}{'workers':>8}  {'endpoint':<12}{'round':>6}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'errors':>8}"
    )
    for row in rows:
        bar = BARS_MS[row["endpoint"]]
        verdict = "meets the bar" if row["errors"] == 0 and row["p99"] <= bar else f"bar: 0 errors, p99 <= {bar} ms"
        print(
            f"{row['database']:<18}{row['workers']:>8}  {row['endpoint']:<12}{row['round']:>6}{row['rps']:>9.1f}"
            f"{row['p50']:>9.1f}{row['p99']:>9.1f}{row['errors']:>8}  RSS {row['rss']:.0f} MiB  {verdict}"
        )
    for title, which in (
        ("steady state (the rounds after the first of a turn)", lambda row: not row["cold"] and not row["first_start"]),
        ("cold (the first round of a turn)", lambda row: row["cold"]),
        ("the first round after the very first start", lambda row: row["first_start"]),
    ):
        _summary(title, [row for row in rows if which(row)])


def _summary(title: str, rows: list[dict]) -> None:
    steady: dict[tuple, list[dict]] = {}
    for row in rows:
        steady.setdefault((row["database"], row["workers"], row["endpoint"]), []).append(row)
    if any(len(runs) > 1 for runs in steady.values()):
        print(f"\n{title}: p99 median (lowest-highest), errors in all of them")
        for (database, workers, endpoint), runs in steady.items():
            p99s = sorted(run["p99"] for run in runs)
            rate = statistics.median(run["rps"] for run in runs)
            print(
                f"{database:<18}{workers:>8}  {endpoint:<12}{len(runs):>3} rounds  "
                f"p99 {statistics.median(p99s):.1f} ms ({p99s[0]:.1f}-{p99s[-1]:.1f})  {rate:.0f} req/s  "
                f"errors {sum(run['errors'] for run in runs)}"
            )


if __name__ == "__main__":
    main()
