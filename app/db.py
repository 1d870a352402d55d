"""Engines and sessions: SQLite (WAL, busy timeout, foreign keys) by default, PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import QueuePool
from sqlmodel import Session, create_engine

__all__ = [
    "make_engine",
    "session_scope",
    "request_session_capacity",
    "connections_per_process",
    "ConnectionBudget",
    "connection_budget",
]

SQLITE_BUSY_TIMEOUT_MS = 5_000


def make_engine(url: str, **engine_options) -> Engine:
    """An engine for `url`; SQLite files get their folder created and the pragmas below."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **engine_options)

    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    else:
        # An in-memory database lives in one connection per thread: there is no pool to size.
        for option in ("pool_size", "max_overflow", "pool_timeout"):
            engine_options.pop(option, None)
    engine = create_engine(url, connect_args={"check_same_thread": False}, **engine_options)

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        # WAL lets readers go on while an article is written; the busy timeout makes a second
        # writer wait instead of failing at once; SQLite enforces foreign keys only when asked.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


def session_scope(engine: Engine) -> Iterator[Session]:
    """One session per request; FastAPI closes it when the response is sent."""
    with Session(engine) as session:
        yield session


def request_session_capacity(engine: Engine) -> int | None:
    """How many requests may hold a session (and so a pooled connection) at once; None: no limit.

    One connection of the pool is kept for the code that opens short sessions of its own inside a
    worker thread (the geocoder's cache), so that it always gets one in the end.
    """
    pool = engine.pool
    if not isinstance(pool, QueuePool) or pool._max_overflow < 0:  # an unbounded overflow
        return None
    return max(1, pool.size() + pool._max_overflow - 1)


def connections_per_process(engine: Engine) -> int | None:
    """The most connections one process's pool opens at once; None: no limit (SQLite's in-memory pools)."""
    pool = engine.pool
    if not isinstance(pool, QueuePool) or pool._max_overflow < 0:
        return None
    return pool.size() + pool._max_overflow


@dataclass(frozen=True)
class ConnectionBudget:
    """What `workers` processes, each with its own pool, may open against what the server accepts."""

    workers: int
    per_process: int
    needed: int  # the workers' pools together, with the serving command's own, and their revision connections
    available: int | None  # the server's max_connections less those kept for superusers; None: no limit

    @property
    def fits(self) -> bool:
        return self.available is None or self.needed <= self.available


def connection_budget(engine: Engine, workers: int) -> ConnectionBudget | None:
    """Whether `workers` processes with pools like `engine`'s fit in the server's connections.

    Each worker process has its pool, and the requests it admits hold a connection each
    (app/deps.py); the pools together must fit within what PostgreSQL accepts, or requests fail
    with "too many clients" instead of waiting. The parent process that supervises the workers
    keeps one pool too (migrations, the feed watch). On PostgreSQL each worker's response cache
    also keeps two connections of its own: one reads the data's revision, the other listens for
    the notifications of writes (app/data_revision.py).
    None when the pool or the server set no limit.
    """
    per_process = connections_per_process(engine)
    if per_process is None:
        return None
    needed = per_process * (workers + 1)
    if engine.dialect.name != "postgresql":
        return ConnectionBudget(workers, per_process, needed, None)
    needed += 2 * workers
    with engine.connect() as connection:
        maximum = int(connection.execute(text("SHOW max_connections")).scalar_one())
        reserved = int(connection.execute(text("SHOW superuser_reserved_connections")).scalar_one())
    return ConnectionBudget(workers, per_process, needed, maximum - reserved)
