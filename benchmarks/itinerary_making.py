"""The CPU of making an itinerary's GeoJSON answer in process, uncached, actor by actor.

    PYTHONPATH=. .venv/bin/python benchmarks/itinerary_making.py [--database URL] [--events 100000]
        [--actors 200] [--passes 3] [--kept-paths] [--dump DIR] [--profile N]

What the route `GET /api/actors/{slug}/itinerary.geojson` does on a miss of both caches (the
route's own function, called directly: the actor's lookup, the query of its events, the
itinerary, its GeoJSON and the encoding of the body), for each of the first --actors actors of a
synthetic store (benchmarks/synthetic_store.py; built at --database when empty, by default a
SQLite file in the system's temporary folder), one session a making as one a request.

Printed: the process's CPU time per making, in ms (median and p90 of the best of --passes passes
over every actor; CPU rather than wall-clock time, and the best pass, so that another job on the
machine counts less), and the total of each pass. The database server's own work (PostgreSQL's)
is not in it; SQLite's, in process, is. This is what a cold round of the
load benchmark (load_http.py --cold-turns) spends on the itineraries: each is made once there.

The legs' paths, which a process keeps once made (geo.geodesy), are dropped before each pass
unless --kept-paths: a pass is then what the first cold round after a start costs, and with
--kept-paths what a cold round after a write costs (the same legs, their paths kept).

`--dump DIR` writes each answer's bytes to DIR/<slug>.geojson, to compare two versions of the code
byte for byte (`diff -r`, `cmp`). `--profile N` runs one pass under cProfile and prints its N
costliest functions by their own time and by their cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from sqlmodel import Session
from synthetic_store import ACTOR_SLUGS, build_store

from app.db import make_engine
from app.routes.actors import get_itinerary_geojson
from app.settings import Settings
from geo import geodesy

DEFAULT_DATABASE = f"sqlite:///{Path(tempfile.gettempdir()) / 'itinerant_itinerary_making.sqlite'}"


def make_one(engine, slug: str, services) -> bytes:
    """The route's answer for `slug`, made as on a miss: a session of its own, the body encoded."""
    with Session(engine) as session:
        return bytes(get_itinerary_geojson(slug, session, services).body)


def one_pass(engine, slugs: list[str], services, *, kept_paths: bool = False) -> tuple[list[float], dict[str, bytes]]:
    """CPU milliseconds of each making, and the answers, over every slug once. The legs' paths the
    process keeps (geo.geodesy) are dropped first, unless `kept_paths`: each pass is the first."""
    if not kept_paths:
        _clear_kept_paths()
    times, answers = [], {}
    for slug in slugs:
        started = time.process_time()
        answers[slug] = make_one(engine, slug, services)
        times.append((time.process_time() - started) * 1000.0)
    return times, answers


def _clear_kept_paths() -> None:
    kept = getattr(geodesy, "_kept_path", None)  # absent before the paths were kept
    if kept is not None:
        kept.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=DEFAULT_DATABASE)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=200)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--dump", type=Path, help="write each answer to DIR/<slug>.geojson")
    parser.add_argument("--kept-paths", action="store_true", help="keep the legs' paths from pass to pass")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one pass, print N functions")
    args = parser.parse_args()

    build_store(args.database, events=args.events)
    engine = make_engine(args.database)
    services = SimpleNamespace(settings=Settings())
    slugs = ACTOR_SLUGS[: args.actors]
    one_pass(engine, slugs[:5], services)  # imports, statement caches, the database's pages

    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(one_pass, engine, slugs, services, kept_paths=args.kept_paths)
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(args.profile)
        stats.sort_stats("cumulative").print_stats(args.profile)
        return

    passes = [one_pass(engine, slugs, services, kept_paths=args.kept_paths) for _ in range(args.passes)]
    best = min(passes, key=lambda made: sum(made[0]))
    times, answers = best
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    print(
        f"{len(slugs)} itineraries, best of {args.passes} passes: median {statistics.median(times):.2f} ms, "
        f"p90 {p90:.2f} ms, total {sum(times):.0f} ms a pass "
        f"(passes: {', '.join(f'{sum(made[0]):.0f}' for made in passes)} ms); "
        f"{sum(len(body) for body in answers.values()) / len(answers) / 1024:.1f} KiB an answer"
    )
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for slug, body in answers.items():
            (args.dump / f"{slug}.geojson").write_bytes(body)
        print(f"answers written to {args.dump}")
    engine.dispose()


if __name__ == "__main__":
    main()
