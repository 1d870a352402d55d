"""A database of many synthetic events, written straight into the tables, and the service over it.

The HTTP benchmarks need 100,000 events; reading that many through the pipeline would take
hours, and what they measure is the serving of stored events, so the rows are inserted directly
(a few seconds): 5,000 articles, 2,000 places spread over the globe, 1,000 actors, and events
cycling through them over ten years. Every run makes the same rows (no random generator).

    from synthetic_store import build_store, served
    build_store("sqlite:////tmp/bench.sqlite", events=100_000)
    with served(url, workers=4) as (base, pids): ...

PostgreSQL: `postgres_schema_url(base_url, schema)` gives a URL whose connections work in a
schema of their own (created empty, dropped by `drop_postgres_schema`).
"""

from __future__ import annotations

import hashlib
import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import func, insert, select, text

from app import models
from app.db import make_engine
from app.migrate import upgrade_database

__all__ = [
    "REPO",
    "ACTOR_SLUGS",
    "build_store",
    "postgres_schema_url",
    "drop_postgres_schema",
    "served",
    "rss_mib",
    "free_port",
]

REPO = Path(__file__).resolve().parent.parent
ACTORS = 1_000  # 100 events each of 100,000: a newsroom follows many people, a few of them closely
PLACES = 2_000
ARTICLES = 5_000
ACTOR_SLUGS = [f"leader-{number}" for number in range(ACTORS)]
STATUSES = ("occurred", "planned", "speculative")
CHUNK = 10_000


def _place(number: int) -> dict:
    # Strides that look irrational spread the points over the globe without a random generator.
    return {
        "id": number + 1,
        "gazetteer_id": f"geonames:{1_000_000 + number}",
        "geonameid": 1_000_000 + number,
        "name": f"Place {number}",
        "lat": round(-60.0 + (number * 7.31) % 130.0, 5),
        "lon": round(-180.0 + (number * 13.37) % 360.0, 5),
        "kind": "city",
        "country": "RU",
        "admin1": "Region",
        "precision": "city",
        "population": 10_000 + number,
    }


def _event(number: int, now: datetime) -> dict:
    place = _place(number % PLACES)
    day = date(2015, 1, 1) + timedelta(days=(number * 37) % 3650)
    return {
        "id": number + 1,
        "article_id": number % ARTICLES + 1,
        "actor_id": number % ACTORS + 1,
        "action": "visit",
        "place_id": place["id"],
        "lat": place["lat"],
        "lon": place["lon"],
        "date_start": day,
        "date_end": day,
        "date_precision": "day",
        "status": STATUSES[number % len(STATUSES)],
        "evidence": f"Leader {number % ACTORS} visited Place {number % PLACES} on {day:%A}, state media said.",
        "evidence_start": (number // ARTICLES) * 80,
        "evidence_end": (number // ARTICLES) * 80 + 70,
        "mention_start": None,
        "mention_end": None,
        "confidence": 0.87,
        "co_actors": "",
        "reviewed": False,
        "corrected": False,
        "rejected": False,
        "created_at": now,
        "updated_at": now,
    }


def build_store(url: str, events: int = 100_000, *, connect_args: dict | None = None) -> int:
    """Fill an empty database at `url` with `events` synthetic events; returns how many it holds.

    A database that already holds exactly that many is left as it is (a rerun reuses it)."""
    engine = make_engine(url, **({"connect_args": connect_args} if connect_args else {}))
    try:
        upgrade_database(engine)
        with engine.begin() as connection:
            held = connection.execute(select(func.count()).select_from(models.Event)).scalar_one()
            if held == events:
                return held
            if held:
                raise SystemExit(f"{url} holds {held} events, not {events}: give an empty database")
            now = datetime.now(UTC)
            connection.execute(
                insert(models.Article.__table__),
                [
                    {
                        "id": number + 1,
                        "title": f"Dispatch {number}",
                        "source": "Synthetic",
                        "published": date(2015, 1, 1) + timedelta(days=number % 3650),
                        "text": f"Synthetic dispatch number {number}.",
                        "content_hash": hashlib.sha256(f"synthetic {number}".encode()).hexdigest(),
                        "ingested_at": now,
                    }
                    for number in range(ARTICLES)
                ],
            )
            connection.execute(insert(models.Place.__table__), [_place(number) for number in range(PLACES)])
            connection.execute(
                insert(models.Actor.__table__),
                [{"id": n + 1, "name": f"Leader {n}", "slug": ACTOR_SLUGS[n], "kind": "person"} for n in range(ACTORS)],
            )
            for start in range(0, events, CHUNK):
                rows = [_event(number, now) for number in range(start, min(events, start + CHUNK))]
                connection.execute(insert(models.Event.__table__), rows)
            if engine.dialect.name == "postgresql":
                # The ids were given: the sequences must move past them for later inserts.
                for table in ("article", "place", "actor", "event"):
                    connection.execute(
                        text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
                    )
                connection.execute(text("ANALYZE"))
        return events
    finally:
        engine.dispose()


def postgres_schema_url(base_url: str, schema: str) -> str:
    """A URL whose connections work in `schema` (created when missing) of the database at `base_url`."""
    admin = make_engine(base_url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    finally:
        admin.dispose()
    separator = "&" if "?" in base_url else "?"
    return f"{base_url}{separator}options={quote(f'-csearch_path={schema}')}"


def drop_postgres_schema(base_url: str, schema: str) -> None:
    admin = make_engine(base_url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        admin.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mib(pids: list[int]) -> float:
    """The resident memory of these processes together, in MiB (from /proc)."""
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        total += int(fields["VmRSS"].split()[0])
    return total / 1024


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The parent's pid is the second field after the command, which is in parentheses.
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _wait_ready(port: int, process: subprocess.Popen, workers: int) -> None:
    for _ in range(1200):
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200 and (workers == 1 or len(_children(process.pid)) >= workers):
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not become ready")


@contextmanager
def served(
    url: str, *, workers: int = 1, data_dir: Path, extra_env: dict | None = None, port: int | None = None
) -> Iterator[tuple[str, list]]:
    """`itinerant serve` over the database at `url` (on `port`, or a free one); yields its base URL
    and its processes' ids."""
    port = port or free_port()
    environment = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "ITINERANT_DATA_DIR": str(data_dir),
        "ITINERANT_DATABASE_URL": url,
        **(extra_env or {}),
    }
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_ready(port, process, workers)
        yield f"http://127.0.0.1:{port}", [process.pid, *_children(process.pid)]
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
