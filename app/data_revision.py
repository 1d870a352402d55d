"""The data's revision: one number that every write to the data moves, read in one cheap query.

A response cache (app/response_cache.py) keys on it, so a cached answer serves until the data it
was made from changes, in whichever process or machine the change was made: the API's workers,
`itinerant ingest` and its Dask workers, a restore, a hand-written UPDATE. That is why the
revision is kept by triggers in the database, in the writing transaction itself, rather than by
the code that writes: a write and its new revision become visible at the same commit.

SQLite: an AFTER INSERT / UPDATE / DELETE trigger on each table adds one to the revision for each
row (SQLite has no statement triggers; a row update of a one-row table costs a microsecond or so,
and SQLite writes one transaction at a time anyway).

PostgreSQL: a deferred constraint trigger per table, so that the revision row is updated (and
locked) at commit, after every other lock the transaction takes: two writers never wait for each
other's revision lock while holding a row the other needs (a deadlock), and concurrent writers
are serialised only for the moment of their commits. Its WHEN condition lets the first changed
row of a transaction queue the bump and no other, so a transaction adds one whatever its size
(a restore of a million rows queues one trigger event, not a million). The bump also moves the
revisions of the actors the transaction's writes noted (app/actor_revision.py), under the lock of
the revision row it has just taken.

A reader reads the revision *before* the data: an answer made from data at least as new as the
revision it is stored under can only be fresher than its key says, never staler.

On a SQLite file the response cache reads it with `SqliteRevision`: on a connection of its own,
outside the pool, in the calling thread (the event loop's). In WAL mode a read never waits for a
writer, and the row is a page in the connection's cache: some microseconds, less than the hop to
a worker thread it spares (which, on a busy process, waits for the interpreter's lock once for
each call that releases it, milliseconds each). Each read is a transaction of its own, begun when
it is made, so it sees every write committed before it, by any connection of any process.
On PostgreSQL, `PostgresRevision` reads it on a connection of its own too, psycopg's asynchronous
one on the event loop, in autocommit: one round trip, without the pool's ping and ROLLBACK and
without a worker thread; a statement in autocommit sees every transaction committed before it began.
The bump also notifies NOTIFY_CHANNEL (delivered at commit, and not for a rollback), so that a
process that LISTENs keeps the revision between writes instead of making that round trip for
every request (see PostgresRevision for what it then guarantees).

The tables are those whose rows reach a response that is cached; the feeds (polled and leased
every few seconds by the watch) and the online geocoder's cache are not among them, and no
cached response reads them. On SQLite a migration that rebuilds one of these tables in batch
mode (copy, drop, rename) drops its triggers with it: such a migration must create them again
(`create_revision_triggers`); tests/app/test_data_revision.py checks that every table has them.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from app.actor_revision import (
    NOTED_SETTING,
    ActorState,
    all_states_sql,
    postgres_tables_with_trigger,
    state_of_row,
    state_sql,
    states_of_rows,
)

__all__ = [
    "NOTIFY_CHANNEL",
    "REVISED_TABLES",
    "PostgresRevision",
    "SqliteRevision",
    "create_revision_functions",
    "create_revision_triggers",
    "drop_revision_triggers",
    "revision_trigger_tables",
    "read_revision",
]

# The tables whose rows some cached read shows (app/models.py).
REVISED_TABLES: Final = ("article", "place", "mention", "actor", "actoralias", "event")

_TRIGGER_PREFIX: Final = "data_revision_"
_SQLITE_OPERATIONS: Final = ("insert", "update", "delete")
# PostgreSQL: the channel a write's bump notifies at its commit (a database's channels are shared
# by its schemas: a write in another schema only makes a listener read the revision once more).
NOTIFY_CHANNEL: Final = "itinerant_data_revision"
# Set, for the rest of a PostgreSQL transaction, once its bump is queued.
_QUEUED_SETTING: Final = "itinerant.data_revision_queued"

_POSTGRES_FUNCTIONS: Final = (
    f"""
    CREATE OR REPLACE FUNCTION data_revision_first_change() RETURNS boolean
    LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
        IF current_setting('{_QUEUED_SETTING}', true) = 'yes' THEN
            RETURN false;
        END IF;
        PERFORM set_config('{_QUEUED_SETTING}', 'yes', true);
        RETURN true;
    END $$
    """,
    # The actors noted by the transaction's writes (app/actor_revision.py) move their revisions
    # here, at commit, once the data's revision row is locked: every writer locks it first.
    f"""
    CREATE OR REPLACE FUNCTION data_revision_bump() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        noted text := coalesce(current_setting('{NOTED_SETTING}', true), '');
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            noted := 'all';
        END IF;
        IF noted = 'all' THEN
            UPDATE data_revision SET revision = revision + 1, itinerary_revision = itinerary_revision + 1
            WHERE id = 1;
        ELSE
            UPDATE data_revision SET revision = revision + 1 WHERE id = 1;
            IF noted <> '' THEN
                INSERT INTO actor_revision AS r (actor_id, revision)
                SELECT DISTINCT noted_id::bigint, 1
                FROM unnest(string_to_array(trim(BOTH ',' FROM noted), ',')) AS noted_id
                ORDER BY 1
                ON CONFLICT (actor_id) DO UPDATE SET revision = r.revision + 1;
            END IF;
        END IF;
        -- Noted and queued afresh by any later write of the transaction (after SET CONSTRAINTS
        -- ... IMMEDIATE, or a TRUNCATE amid it): never a write left out of the bump.
        PERFORM set_config('{NOTED_SETTING}', '', true);
        PERFORM set_config('{_QUEUED_SETTING}', '', true);
        PERFORM pg_notify('{NOTIFY_CHANNEL}', '');
        RETURN NULL;
    END $$
    """,  # noqa: S608  (a name of ours)
)

_READ_SQL: Final = "SELECT generation, revision FROM data_revision WHERE id = 1"
_READ: Final = text(_READ_SQL)
# An actor's state (app/actor_revision.py) on the connections of SqliteRevision and PostgresRevision.
_SQLITE_ACTOR_SQL: Final = state_sql("?")
_POSTGRES_ACTOR_SQL: Final = state_sql("%s")
_POSTGRES_ACTORS_SQL: Final = all_states_sql("%s")

log = logging.getLogger(__name__)


def create_revision_functions(connection: Connection) -> None:
    """PostgreSQL: (re)define the functions the triggers call; the triggers keep calling them by name."""
    if connection.dialect.name == "postgresql":
        for function in _POSTGRES_FUNCTIONS:
            connection.exec_driver_sql(function)


def create_revision_triggers(connection: Connection, tables: Iterable[str]) -> None:
    """Make every write to `tables` bump the revision (triggers already there are left as they are)."""
    if connection.dialect.name == "postgresql":
        create_revision_functions(connection)
        present = set(revision_trigger_tables(connection))
        for table in tables:
            if table in present:
                continue
            # A TRUNCATE fires no row trigger: a statement trigger of its own, immediate (rare, and
            # it locks the whole table anyway).
            connection.exec_driver_sql(
                f"CREATE CONSTRAINT TRIGGER {_TRIGGER_PREFIX}{table} "
                f"AFTER INSERT OR UPDATE OR DELETE ON {table} DEFERRABLE INITIALLY DEFERRED "
                "FOR EACH ROW WHEN (data_revision_first_change()) EXECUTE FUNCTION data_revision_bump()"
            )
            connection.exec_driver_sql(
                f"CREATE TRIGGER {_TRIGGER_PREFIX}{table}_truncate AFTER TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump()"
            )
        return
    for table in tables:
        for operation in _SQLITE_OPERATIONS:
            connection.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {_TRIGGER_PREFIX}{table}_{operation} "  # noqa: S608  (names of ours)
                f"AFTER {operation.upper()} ON {table} "
                "BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END"
            )


def drop_revision_triggers(connection: Connection, tables: Iterable[str]) -> None:
    if connection.dialect.name == "postgresql":
        for table in tables:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_TRIGGER_PREFIX}{table} ON {table}")
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_TRIGGER_PREFIX}{table}_truncate ON {table}")
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS data_revision_bump()")
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS data_revision_first_change()")
        return
    for table in tables:
        for operation in _SQLITE_OPERATIONS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_TRIGGER_PREFIX}{table}_{operation}")


def revision_trigger_tables(connection: Connection) -> list[str]:
    """The tables that carry every revision trigger (SQLite: one for each kind of write)."""
    if connection.dialect.name == "postgresql":
        return postgres_tables_with_trigger(connection, _TRIGGER_PREFIX)
    rows = connection.execute(
        text("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, :length) = :prefix"),
        {"length": len(_TRIGGER_PREFIX), "prefix": _TRIGGER_PREFIX},
    )
    names: dict[str, set[str]] = {}
    for table, name in rows:
        names.setdefault(table, set()).add(name)
    return sorted(
        table
        for table, found in names.items()
        if found >= {f"{_TRIGGER_PREFIX}{table}_{operation}" for operation in _SQLITE_OPERATIONS}
    )


def read_revision(connection: Connection) -> str:
    """The data's revision as an opaque token ("generation.revision"): equal tokens, equal data."""
    generation, revision = connection.execute(_READ).one()
    return _token(generation, revision)


def _token(generation: int, revision: int) -> str:
    return f"{generation}.{revision}"


def _token_of(rows: list[tuple]) -> str | None:
    """The token of the one row a read on a connection of its own gave; None when there was not one."""
    if len(rows) != 1:
        return None
    return _token(*rows[0])


def _connect_sqlite(path: Path) -> sqlite3.Connection:
    """A connection that reads the file at `path` (never creating it): in autocommit, so that each
    statement is a read transaction of its own, and without a busy handler, so that a read never
    sleeps in the thread that makes it (it fails, and the caller reads another way)."""
    return sqlite3.connect(
        f"{path.as_uri()}?mode=rw",
        uri=True,
        timeout=0,
        isolation_level=None,
        check_same_thread=False,
    )


class SqliteRevision:
    """The revision of a SQLite file, read on a connection of its own in the calling thread.

    `read()` gives the token read_revision gives, or None when this read failed (a lock of a
    database not in WAL mode, a table not there yet): the caller then reads it its usual way,
    which meets the same fault and reports it. `of(engine)` is None for other databases (and
    for SQLite in memory, which another connection would not see).
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # one thread at a time on the connection

    @classmethod
    def of(cls, engine: Engine) -> SqliteRevision | None:
        url = engine.url
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            return None
        if url.query.get("uri") or url.database.startswith("file:"):
            return None  # a URI filename (its own mode and options): left to the pool
        return cls(Path(url.database).resolve())  # as the pool opens it, from where the app starts

    def read(self) -> str | None:
        rows = self._rows(_READ_SQL)
        return None if rows is None else _token_of(rows)

    def read_actor(self, slug: str) -> ActorState | None:
        """The state of the actor with this slug (app/actor_revision.py), or None as `read`."""
        rows = self._rows(_SQLITE_ACTOR_SQL, (slug,))
        return state_of_row(rows[0]) if rows is not None and len(rows) == 1 else None

    def _rows(self, sql: str, parameters: tuple = ()) -> list[tuple] | None:
        try:
            with self._lock:
                if self._connection is None:
                    self._connection = _connect_sqlite(self._path)
                    weakref.finalize(self, self._connection.close)
                # fetchall: the statement runs to its end, which ends its read transaction.
                return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error:
            log.debug("the revision could not be read on its own connection", exc_info=True)
            return None

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


# The longest a connection of PostgresRevision may take to open (seconds), unless the URL says.
_POSTGRES_CONNECT_TIMEOUT: Final = 5
# After the listening connection failed to open or was lost, the wait before another is tried
# (seconds): meanwhile every request reads the revision, as without notifications.
_LISTEN_RETRY_SECONDS: Final = 1.0


class PostgresRevision:
    """The revision of a PostgreSQL database: read on a connection of its own on the event loop, and
    kept in the process between writes while PostgreSQL's notifications say it has not moved.

    The connections open with the parameters of one of the pool's (`learn`, given a pooled
    connection once, from a worker thread: host, database, user, password, options such as a
    search_path), in autocommit. `read()` gives the token read_revision gives, or None: nothing
    learnt yet, or this read failed (the connection is then closed, and the next read opens
    another), and the caller reads it its usual way. Connections belong to the event loop that
    opened them: a read from another loop (each test client's call) closes them and opens its own.

    `known()` gives the revision without a round trip to the server, or None when it cannot vouch
    for it (the caller then reads). Each read trip, on a loaded machine, waits for the server's
    process and then for the worker's to be scheduled again, and every request of the worker that
    arrived meanwhile waits for the next one: that, not the query, made the long tail of the hits
    on PostgreSQL. So a second connection LISTENs on NOTIFY_CHANNEL, which every write's bump
    notifies at its commit (the trigger's function), and a revision read after that LISTEN took
    effect is kept until any of these happens:
    - a notification arrives (a write by any process or machine committed);
    - a write request of this process begins or ends (`writing()`), so that a write made here
      is seen by every request that arrives after its commit, as without notifications;
    - the listening connection is lost (until another is listening, every request reads);
    - `recheck_seconds` pass since the read began: the bound on how long a write whose
      notification never came (a connection that died silently) may go unseen. (Once half of
      that has passed, a request that finds it starts a read in the background, which replaces
      it when it ends; until then the one kept serves.)
    A write by another process is thus seen by the requests that arrive after this process's
    loop has taken its notification (milliseconds; what the loop is busy with delays it), and
    in any case by those that arrive `recheck_seconds` after its commit. recheck_seconds = 0
    keeps nothing: every request reads (a write committed before a request arrived is seen by
    it, in every process).
    """

    def __init__(self, recheck_seconds: float = 0.0) -> None:
        self._recheck = recheck_seconds
        self._parameters: dict | None = None
        self._connection = None  # psycopg.AsyncConnection
        self._loop: asyncio.AbstractEventLoop | None = None
        self._finalizer: weakref.finalize | None = None
        self._listener: asyncio.Task | None = None
        self._listening = False  # the listener's LISTEN has taken effect, and its connection is up
        self._listen_after = 0.0  # time.monotonic() before which no listener is started again
        # Moves at each notification, each write of this process begun or ended, each change of
        # the listener: a revision read while it stayed the same is still the data's.
        self._epoch = 0
        self._writes = 0
        self._known: tuple[str, int, float] | None = None  # token, epoch, monotonic start of its read
        self._refresh: asyncio.Task | None = None  # a read of the recheck, ahead of time

    @classmethod
    def of(cls, engine: Engine, recheck_seconds: float = 0.0) -> PostgresRevision | None:
        if engine.dialect.name != "postgresql" or engine.dialect.driver != "psycopg":
            return None
        return cls(recheck_seconds)

    @property
    def learnt(self) -> bool:
        return self._parameters is not None

    @property
    def listening(self) -> bool:
        return self._listening

    def learn(self, connection: Connection) -> None:
        """Keep the parameters of `connection` (a pooled one) to open connections like it."""
        if self._parameters is not None:
            return
        info = connection.connection.driver_connection.info
        parameters = dict(info.get_parameters())
        if info.password:
            parameters["password"] = info.password
        parameters.setdefault("connect_timeout", str(_POSTGRES_CONNECT_TIMEOUT))
        self._parameters = parameters

    def known(self) -> str | None:
        """The revision as last read, while nothing since says it may have moved (see the class)."""
        known = self._known
        if known is None or not self._listening or self._writes or known[1] != self._epoch:
            return None
        age = time.monotonic() - known[2]
        if age >= self._recheck:
            self._known = None
            return None
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return None
        if loop is not self._loop:
            return None  # the notifications reach the loop that listens, not this one
        if age >= self._recheck / 2 and self._refresh is None:
            # The recheck is read ahead of time, in the background: the requests go on being
            # answered meanwhile instead of all waiting for its round trip (which, on a loaded
            # machine, may take tens of milliseconds) when the revision runs out.
            self._refresh = loop.create_task(self._refresh_known(), name="itinerant-data-revision-recheck")
        return known[0]

    async def _refresh_known(self) -> None:
        try:
            await self.read()  # kept by read() if nothing moved meanwhile; else the next request reads
        finally:
            if self._refresh is asyncio.current_task():
                self._refresh = None

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Around a request that may write: until it ends, and from then on, the revision is read."""
        self._writes += 1
        self._forget()
        try:
            yield
        finally:
            self._writes -= 1
            self._forget()

    def _forget(self) -> None:
        self._epoch += 1
        self._known = None

    async def read(self) -> str | None:
        read = await self._rows(_READ_SQL)
        if read is None:
            return None
        rows, then = read
        token = _token_of(rows)
        if token is not None:
            self._keep(token, then)
        return token

    async def read_actor(self, slug: str) -> ActorState | None:
        """The state of the actor with this slug (app/actor_revision.py), read on the connection
        of `read` (and the data's revision with it, kept as `read` keeps it); None as `read`."""
        read = await self._rows(_POSTGRES_ACTOR_SQL, (slug,))
        if read is None:
            return None
        rows, then = read
        if len(rows) != 1:
            return None
        state = state_of_row(rows[0])
        self._keep(state.data, then)
        return state

    async def read_actors(self, most: int) -> dict[str, ActorState] | None:
        """The states of the `most` most recently made actors, by slug, in one statement on the
        connection of `read` (the data's revision kept as `read` keeps it); None as `read`."""
        read = await self._rows(_POSTGRES_ACTORS_SQL, (most,))
        if read is None:
            return None
        rows, then = read
        states = states_of_rows(rows)
        if states:
            self._keep(next(iter(states.values())).data, then)
        return states

    async def until_listening(self, seconds: float) -> bool:
        """Whether the listener's LISTEN took effect within `seconds`: read the revision (which
        starts the listener), then wait for it. From then on what is read is kept (see the class);
        False at once without a recheck time (nothing is kept) or when the read fails."""
        if self._recheck <= 0 or await self.read() is None:
            return False
        deadline = time.monotonic() + seconds
        while not self._listening and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        return self._listening

    async def _rows(self, sql: str, parameters: tuple = ()) -> tuple[list[tuple], tuple[int, bool, float]] | None:
        """The rows of `sql`, and (epoch, listening, monotonic time) as they were when it began."""
        if self._parameters is None:
            return None
        import psycopg

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return None  # not asyncio's loop
        try:
            if self._connection is not None and (self._loop is not loop or self._connection.closed):
                self.close()
            if self._connection is None:
                self._connection = await psycopg.AsyncConnection.connect(**self._parameters, autocommit=True)
                self._loop = loop
                self._finalizer = weakref.finalize(self, _finish, self._connection)
            self._start_listening(loop)
            then = (self._epoch, self._listening, time.monotonic())
            cursor = await self._connection.execute(sql, parameters or None)
            rows = await cursor.fetchall()
        except (psycopg.Error, OSError):
            log.debug("the revision could not be read on its own connection", exc_info=True)
            self.close()
            return None
        except BaseException:
            self.close()  # cancelled amid a statement: the connection's state is not known
            raise
        return rows, then

    def _keep(self, token: str, then: tuple[int, bool, float]) -> None:
        epoch, listening, started = then
        # Kept only if the LISTEN had taken effect before this read began (every commit the read
        # did not see comes after it, and so notifies), and nothing has been forgotten since.
        if self._recheck > 0 and listening and self._listening and self._epoch == epoch:
            self._known = (token, epoch, started)

    def _start_listening(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._recheck <= 0 or self._listener is not None or time.monotonic() < self._listen_after:
            return
        self._listener = loop.create_task(self._listen(), name="itinerant-data-revision-listener")

    async def _listen(self) -> None:
        """Take the notifications of NOTIFY_CHANNEL until the connection is lost or the task cancelled."""
        import psycopg

        connection = None
        try:
            connection = await psycopg.AsyncConnection.connect(**self._parameters, autocommit=True)
            await connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self._listening = True
            self._forget()
            async for _notification in connection.notifies():
                self._forget()
        except (psycopg.Error, OSError):
            log.warning("not listening for the data's revision; every request reads it", exc_info=True)
            self._listen_after = time.monotonic() + _LISTEN_RETRY_SECONDS
        finally:
            self._listening = False
            self._forget()
            if self._listener is asyncio.current_task():
                self._listener = None
            if connection is not None:
                _finish(connection)

    def close(self) -> None:
        """Close the connections (at once: without a pool, psycopg's close waits for nothing)."""
        connection, self._connection, loop, self._loop = self._connection, None, self._loop, None
        listener, self._listener = self._listener, None
        self._refresh = None
        self._listening = False
        self._forget()
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        if connection is not None:
            _finish(connection)
        if listener is not None and loop is not None and not loop.is_closed():
            # Its finally closes its connection; on another loop's thread, through that loop.
            try:
                running = asyncio.get_running_loop()
            except RuntimeError:
                running = None
            if running is loop:
                listener.cancel()
            else:
                loop.call_soon_threadsafe(listener.cancel)


def _finish(connection) -> None:
    if not connection.closed:
        connection.pgconn.finish()
