"""Ingest throughput: articles a second through `itinerant ingest` with 1, 2 and 4 worker processes,
and through a Dask cluster (`--scheduler`, a distributed.LocalCluster of worker processes).

    .venv/bin/python benchmarks/ingest_scale.py [--articles 200] [--workers 1 2 4] [--dask-workers 2]
        [--database-url URL] [--fast]

Writes --articles made-up news stories (a few sentence patterns, people and places; no real
site's text) as JSON Lines, then runs the real command over them into a fresh database each
time: the production pipeline, the gazetteer index from ./data, and the NER model unless
--fast. Timed: the whole command, wall clock, start-up and the loading of the models in each
process included, as an operator sees it. --database-url (PostgreSQL) is used as it is and must
be empty; default a fresh SQLite file per run. Every run must store every article once.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text
from synthetic_store import REPO

from app.db import make_engine

PEOPLE = ["Kim Jong Un", "Vladimir Putin", "Emmanuel Macron", "Narendra Modi", "Olaf Scholz", "Xi Jinping"]
PLACES = ["Vladivostok", "Paris", "New Delhi", "Berlin", "Beijing", "Sochi", "Geneva", "Nairobi", "Lima", "Osaka"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def story(number: int) -> dict:
    rng = random.Random(number)
    who, where, then, day = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(PLACES), rng.choice(DAYS)
    body = (
        f"{where.upper()} — {who} arrived in {where} on {day} for talks on trade and energy, officials said. "
        f"Story number {number}.\n\n"
        f"The visit, the first in two years, ended with a joint statement. {who} is expected to travel "
        f"on to {then} later in the week, where further meetings are planned with business leaders.\n\n"
        "Officials declined to give the full schedule, citing security, but said the talks had gone well."
    )
    return {"text": body, "title": f"Story {number}", "published": "2024-03-15"}


def ingest(files: list[Path], url: str, data_dir: Path, options: list[str], fast: bool) -> tuple[float, str]:
    environment = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "ITINERANT_DATA_DIR": str(data_dir),
        "ITINERANT_DATABASE_URL": url,
        "ITINERANT_USE_NER": "false" if fast else "true",
    }
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "ingest", *options, *map(str, files)],
        env=environment,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ingest {' '.join(options)} failed:\n{done.stdout}\n{done.stderr}")
    summary = re.search(r"\d+ stored, \d+ skipped as duplicates, \d+ rejected", done.stdout)
    return seconds, summary.group(0) if summary else done.stdout[-200:]


def stored_articles(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(DISTINCT content_hash) FROM article")).scalar_one()
    finally:
        engine.dispose()


def clear(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            tables = "feed_item, feed, event, mention, actoralias, actor, place, geocode_cache, article"
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--dask-workers", type=int, default=2, help="worker processes of the LocalCluster; 0: none")
    parser.add_argument("--database-url", help="an empty PostgreSQL database; default: a fresh SQLite file a run")
    parser.add_argument("--fast", action="store_true", help="without the NER model")
    args = parser.parse_args()

    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the start")
    results = []
    with tempfile.TemporaryDirectory(prefix="itinerant-ingest-") as folder:
        work = Path(folder)
        (work / "gazetteer.sqlite").symlink_to(REPO / "data" / "gazetteer.sqlite")
        batch = work / "stories.jsonl"
        batch.write_text("\n".join(json.dumps(story(number)) for number in range(args.articles)) + "\n")

        def database(name: str) -> str:
            if args.database_url:
                clear(args.database_url)
                return args.database_url
            return f"sqlite:///{work / f'{name}.sqlite'}"

        runs = [(f"{n} process{'es' if n > 1 else ''}", ["--workers", str(n)]) for n in args.workers]
        cluster = None
        if args.dask_workers:
            from distributed import LocalCluster

            # The cluster's worker processes read the gazetteer from the same data directory.
            os.environ["ITINERANT_DATA_DIR"] = str(work)
            os.environ["ITINERANT_USE_NER"] = "false" if args.fast else "true"
            os.environ["PYTHONPATH"] = str(REPO)
            cluster = LocalCluster(
                n_workers=args.dask_workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            runs.append((f"Dask, {args.dask_workers} worker processes", ["--scheduler", cluster.scheduler_address]))
        try:
            for number, (name, options) in enumerate(runs):
                url = database(f"run{number}")
                seconds, summary = ingest([batch], url, work, options, args.fast)
                count = stored_articles(url)
                if count != args.articles:
                    raise SystemExit(f"{name}: {count} articles stored of {args.articles}")
                results.append((name, seconds, summary))
                print(f"  {name:<32} {seconds:>7.1f} s  {args.articles / seconds:>6.2f} articles/s  ({summary})")
        finally:
            if cluster is not None:
                cluster.close()

    print(f"\n{args.articles} articles, NER {'off' if args.fast else 'on'}, wall clock with start-up and model loading")
    for name, seconds, _ in results:
        print(f"{name:<32} {args.articles / seconds:>6.2f} articles/s")


if __name__ == "__main__":
    main()
