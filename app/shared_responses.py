"""The response cache's second level: answers kept in one file for every worker process of a `serve`.

Each process keeps answers in memory (app/response_cache.py), so that a repeated read costs a
lookup; but with N workers each would make each answer itself, N times the work after a start or
a write to the data, when the answers are being made at all. The processes of one `itinerant serve
--workers N` therefore also share a store: a SQLite file in a private directory (mode 0700) that
`serve` opens (or makes) before its workers start, named to them by the environment (SHARED_ENV).
By default the directory is kept from one `serve` to the next (`open_store`), so that a restart
finds the answers the last run made: their keys hold everything an answer depends on (the code
and settings, the data's generation and revision or the actor's, the gazetteer file), so one found
after a restart is exactly what would be made now, and one made before a write is never found
again. An answer one worker made is served by the others from there (and then from their
own memory), under the very key of the first level: the deployment, what the answer depends on
(the data's revision, the gazetteer file) and the request. Entries of an older revision are never
looked up again; they go first when the store passes its size, the oldest made first.

A worker that misses in both levels claims the answer before making it: a lock of one byte of
the claims file (fcntl, at an offset given by the key), which the maker lets go once the entry is
kept, and the system should the process die. Another worker that finds the claim taken tries it
again after a pause (2 ms, doubling up to 16 ms: a try is one system call, so that waiters cost
the workers making answers next to nothing) for `WAIT_SECONDS` at most, instead of making the same
answer too; once it has the claim, it looks for the entry, and makes the answer only if the other
let the claim go without one (an answer too large to keep, an error).

Each entry also keeps, beside its key, the request that asked for it (`ReplayableRequest`) and the
database it was made from (`origin`), so that `serve` can make again, before its workers accept
requests, the answers its last run was asked for (app/warm_up.py): after a deployment of new code
or a write while the service was down, those keys are new and the entries are made afresh.

A store file that is not one (broken, of another format, another program's) is replaced with an
empty one when `serve` opens it; one that cannot be read or written while serving (missing,
broken, locked) is a miss or an entry not kept:
the answer is made as without it, never failed for it. Reads are made in the calling thread (the
event loop's: a lookup of one row by its key, in WAL mode never waiting for a writer; a busy
store is a miss), and so are writes of entries up to IN_LOOP_BYTES (one short transaction: the
entry, and the oldest ones out; a hop to a worker thread would cost a busy process more); larger
ones are written from a worker thread.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import stat
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import anyio

try:
    import fcntl
except ImportError:  # not a POSIX system: no claims, each process makes what it misses
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "SHARED_ENV",
    "ReplayableRequest",
    "SharedResponses",
    "StoredAnswer",
    "create_store",
    "namespace_of",
    "open_store",
]

# The environment variable through which `serve` names the store's directory to its workers.
SHARED_ENV: Final = "ITINERANT_SHARED_RESPONSES_DIR"
STORE_NAME: Final = "responses.sqlite"
CLAIMS_NAME: Final = "claims"
# How long a worker waits for an answer another worker is making, and how often it looks.
WAIT_SECONDS: Final = 2.0
FIRST_PAUSE_SECONDS: Final = 0.002
LONGEST_PAUSE_SECONDS: Final = 0.016
# The largest entry written in the calling thread (larger ones: from a worker thread).
IN_LOOP_BYTES: Final = 1 << 20
# A writer's longest wait for another's transaction (they take a millisecond or so).
_WRITE_TIMEOUT: Final = 0.25
# The claims' offsets in the claims file: 48 bits of the key.
_CLAIM_BYTES: Final = 6

# What marks a file as this store, of this format (PRAGMA application_id and user_version): any
# other file in its place is replaced by `open_store`.
APPLICATION_ID: Final = 0x69746E72  # "itnr"
FORMAT: Final = 2

_SCHEMA: Final = (
    "CREATE TABLE IF NOT EXISTS response ("
    " key BLOB PRIMARY KEY, size INTEGER NOT NULL, headers BLOB NOT NULL, body BLOB NOT NULL,"
    " origin BLOB, request BLOB)",
    "CREATE TABLE IF NOT EXISTS total (id INTEGER PRIMARY KEY CHECK (id = 1), bytes INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO total VALUES (1, 0)",
    # Per database (origin): the highest data revision a `serve` saw, to tell a database put back
    # to an earlier state (see SharedResponses.note_revision).
    "CREATE TABLE IF NOT EXISTS seen (origin BLOB PRIMARY KEY, generation TEXT NOT NULL, revision INTEGER NOT NULL)",
    f"PRAGMA application_id = {APPLICATION_ID}",
    f"PRAGMA user_version = {FORMAT}",
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    headers: list[tuple[bytes, bytes]]
    body: bytes


def _pack_headers(headers: list[tuple[bytes, bytes]]) -> bytes:
    # Neither a header's name nor its value may hold a NUL or a line feed (RFC 9110 5.5).
    return b"\n".join(name + b"\0" + value for name, value in headers)


def _unpack_headers(packed: bytes) -> list[tuple[bytes, bytes]]:
    if not packed:
        return []
    return [tuple(line.split(b"\0", 1)) for line in packed.split(b"\n")]  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class ReplayableRequest:
    """The part of a request that an answer's key holds (app/response_cache.py), enough to ask for
    the same answer again: a GET of `path`?`query` with these headers (name, value; lower case)."""

    scheme: str
    root_path: str
    path: str
    query: bytes
    headers: tuple[tuple[bytes, bytes], ...]

    def pack(self) -> bytes:
        return json.dumps(
            [self.scheme, self.root_path, self.path, self.query.decode("latin-1")]
            + [[name.decode("latin-1"), value.decode("latin-1")] for name, value in self.headers],
            separators=(",", ":"),
        ).encode()

    @classmethod
    def unpack(cls, packed: bytes) -> ReplayableRequest:
        scheme, root_path, path, query, *headers = json.loads(packed)
        return cls(
            scheme,
            root_path,
            path,
            query.encode("latin-1"),
            tuple((name.encode("latin-1"), value.encode("latin-1")) for name, value in headers),
        )


@contextlib.contextmanager
def _immediate(connection: sqlite3.Connection):
    """One write transaction on `connection` (autocommit mode): committed when the block ends,
    rolled back when it raises."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def namespace_of(engine) -> str:
    """The part of every key that names the database (its URL): the revisions of two databases are
    not comparable."""
    return engine.url.render_as_string(hide_password=False)


def create_store(directory: Path) -> Path:
    """Make the store in `directory` (already made, private) before the workers open it: its tables,
    in WAL mode, the file readable by its owner alone. Returns the directory."""
    path = directory / STORE_NAME
    os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600))
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        for statement in _SCHEMA:
            connection.execute(statement)
    finally:
        connection.close()
    (directory / CLAIMS_NAME).touch(mode=0o600)
    return directory


def open_store(directory: Path, max_bytes: int) -> Path:
    """The store kept in `directory` from one `serve` to the next: the directory made (mode 0700) or
    made private again; a store file found there kept if it is one of this format and whole (its
    writes are not synced: a crash of the machine may leave it broken; the check reads it all, a
    quarter of a second for 256 MB in the page cache), else replaced by an empty one; its entries
    beyond `max_bytes` out, the oldest first. Returns the directory. Raises OSError when the
    directory cannot be made or is another user's (the caller then serves with a store of its own,
    `create_store` in a temporary directory)."""
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    status = directory.stat()
    if not stat.S_ISDIR(status.st_mode):
        raise NotADirectoryError(str(directory))
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        raise PermissionError(f"{directory} belongs to another user")
    if stat.S_IMODE(status.st_mode) != 0o700:
        directory.chmod(0o700)
    path = directory / STORE_NAME
    if path.exists() and not _is_whole_store(path):
        log.warning("the shared responses in %s were not a store of this format; starting afresh", directory)
        for name in (STORE_NAME, f"{STORE_NAME}-wal", f"{STORE_NAME}-shm", f"{STORE_NAME}-journal"):
            with contextlib.suppress(FileNotFoundError):
                (directory / name).unlink()
    if path.exists():
        path.chmod(0o600)
    create_store(directory)
    store = SharedResponses(directory, max_bytes)
    try:
        store.trim()
    finally:
        store.close()
    return directory


def _is_whole_store(path: Path) -> bool:
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=5)) as db:
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return False
            if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
                return False
            return db.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
    except sqlite3.Error:
        return False


class SharedResponses:
    """The store of one `serve`, as one process uses it (see the module).

    `namespace` sets these entries apart from any others the file might hold (the database they
    were made from): part of every key, with the first level's key itself.
    """

    def __init__(self, directory: Path, max_bytes: int, namespace: str = "") -> None:
        self.directory = Path(directory)
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_bytes // 16
        self._namespace = namespace.encode()
        # The database's part of the keys, alone: which entries were made from this database.
        self.origin = hashlib.blake2b(b"origin|" + self._namespace, digest_size=16).digest()
        self._reader: sqlite3.Connection | None = None
        self._writer: sqlite3.Connection | None = None
        self._read_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._claims: int | None = None
        self._claims_lock = threading.Lock()
        self._finalizer: weakref.finalize | None = None

    @classmethod
    def of_services(cls, directory: Path, services) -> SharedResponses:
        """The store in `directory` as the application over `services` uses it: the size its
        settings give, its keys set apart by the database."""
        return cls(directory, services.settings.shared_cache_mb * 2**20, namespace_of(services.engine))

    async def pause(self, attempt: int) -> None:
        """A waiter's wait before its `attempt`-th try (from 0) of the claim another process holds."""
        await anyio.sleep(min(FIRST_PAUSE_SECONDS * 2**attempt, LONGEST_PAUSE_SECONDS))

    def key(self, key: tuple) -> bytes:
        """The store's key of a first-level key."""
        return hashlib.blake2b(self._namespace + b"|" + repr(key).encode(), digest_size=32).digest()

    # Entries

    def get(self, key: bytes) -> StoredAnswer | None:
        """The entry under `key`, or None: none, or the store could not be read (a miss either way)."""
        try:
            with self._read_lock:
                if self._reader is None:
                    self._reader = self._connect(timeout=0)
                row = self._reader.execute("SELECT headers, body FROM response WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            log.debug("the shared responses could not be read", exc_info=True)
            self._drop_reader()
            return None
        if row is None:
            return None
        return StoredAnswer(_unpack_headers(row[0]), row[1])

    def put(self, key: bytes, answer: StoredAnswer, request: ReplayableRequest | None = None) -> bool:
        """Keep `answer` under `key`, the oldest entries out beyond max_bytes; False when it was not
        kept (too large, or the store could not be written). It may wait for another process's
        write (a fraction of a millisecond, _WRITE_TIMEOUT at most). `request`: what asked for it,
        kept to be asked again after a restart (`requests_to_replay`)."""
        headers = _pack_headers(answer.headers)
        packed = request.pack() if request is not None else None
        size = len(answer.body) + len(headers) + len(key) + len(packed or b"")
        if size > self.max_entry_bytes:
            return False
        try:
            with self._write_lock:
                self._write(self._writing(), (key, size, headers, answer.body, self.origin, packed))
        except sqlite3.Error:
            log.warning("an answer could not be kept in the shared responses", exc_info=True)
            self._drop_writer()
            return False
        return True

    def _writing(self) -> sqlite3.Connection:
        if self._writer is None:
            self._writer = self._connect(timeout=_WRITE_TIMEOUT)
            self._writer.execute("PRAGMA synchronous=OFF")  # a cache: a crash loses nothing needed
        return self._writer

    def _write(self, connection: sqlite3.Connection, row: tuple | None) -> None:
        """In one transaction: the entry `row` in (None: none), the oldest ones out beyond max_bytes."""
        with _immediate(connection):
            (total,) = connection.execute("SELECT bytes FROM total WHERE id = 1").fetchone()
            if row is not None:
                key, size = row[0], row[1]
                previous = connection.execute("SELECT size FROM response WHERE key = ?", (key,)).fetchone()
                if previous is not None:
                    total -= previous[0]
                    connection.execute("DELETE FROM response WHERE key = ?", (key,))
                total += size
            if total > self.max_bytes:
                dropped = []
                for rowid, dropped_size in connection.execute("SELECT rowid, size FROM response ORDER BY rowid"):
                    dropped.append((rowid,))
                    total -= dropped_size
                    if total <= self.max_bytes:
                        break
                connection.executemany("DELETE FROM response WHERE rowid = ?", dropped)
            if row is not None:
                connection.execute(
                    "INSERT INTO response (key, size, headers, body, origin, request) VALUES (?, ?, ?, ?, ?, ?)", row
                )
            connection.execute("UPDATE total SET bytes = ? WHERE id = 1", (total,))

    def trim(self) -> None:
        """The oldest entries out until the store holds max_bytes at most (after a smaller size was set)."""
        with self._write_lock:
            self._write(self._writing(), None)

    # Restarts

    def requests_to_replay(self, limit: int) -> list[ReplayableRequest]:
        """The requests whose answers, made from this database, were kept most recently: each once,
        the newest first, `limit` at most (none if the store cannot be read)."""
        try:
            with contextlib.closing(self._connect(timeout=_WRITE_TIMEOUT)) as connection:
                rows = connection.execute(
                    "SELECT request FROM response WHERE origin = ? AND request IS NOT NULL "
                    "GROUP BY request ORDER BY max(rowid) DESC LIMIT ?",
                    (self.origin, limit),
                ).fetchall()
        except sqlite3.Error:
            log.warning("the shared responses could not be read", exc_info=True)
            return []
        requests = []
        for (packed,) in rows:
            try:
                requests.append(ReplayableRequest.unpack(packed))
            except (ValueError, TypeError):
                continue
        return requests

    def note_revision(self, generation: str, revision: int) -> bool:
        """Note the data's revision as `serve` finds it at a start or a stop. A database found at an
        earlier revision of the same generation than one noted before was put back to an earlier
        state (a copy of its file, a dump of PostgreSQL's that carried the revision's row): the
        revisions that follow may then show other data than the entries made under them did, so
        every answer made from this database is dropped (their requests are kept, to be asked
        again). True when they were."""
        with self._write_lock:
            connection = self._writing()
            with _immediate(connection):
                row = connection.execute(
                    "SELECT generation, revision FROM seen WHERE origin = ?", (self.origin,)
                ).fetchone()
                went_back = row is not None and row[0] == generation and row[1] > revision
                if went_back:
                    # The answers out; their requests kept, under keys no lookup gives, to be asked again.
                    connection.execute(
                        "UPDATE response SET key = randomblob(32), headers = x'', body = x'', "
                        "size = 32 + length(coalesce(request, x'')) WHERE origin = ?",
                        (self.origin,),
                    )
                    connection.execute("UPDATE total SET bytes = (SELECT coalesce(sum(size), 0) FROM response)")
                if row is None or row[0] != generation or went_back or revision > row[1]:
                    connection.execute(
                        "INSERT OR REPLACE INTO seen VALUES (?, ?, ?)", (self.origin, generation, revision)
                    )
        return went_back

    def size_bytes(self) -> int:
        """The bytes of the entries kept (as put counts them)."""
        with contextlib.closing(self._connect(timeout=_WRITE_TIMEOUT)) as connection:
            return connection.execute("SELECT bytes FROM total WHERE id = 1").fetchone()[0]

    # Claims

    def claim(self, key: bytes) -> bool:
        """Claim the making of the answer under `key` for this process: False while another process
        holds it. (Within a process, the first level already lets one request make it.) True also
        when claims cannot be taken: the answer is then made, as without the store."""
        fd = self._claims_fd()
        if fd is None:
            return True
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _claim_offset(key))
        except BlockingIOError:
            return False
        except OSError as error:
            if error.errno in (11, 13):  # EAGAIN, EACCES: held by another process
                return False
            log.debug("a claim could not be taken", exc_info=True)
        return True

    def release(self, key: bytes) -> None:
        fd = self._claims_fd()
        if fd is None:
            return
        with contextlib.suppress(OSError):
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, _claim_offset(key))

    def _claims_fd(self) -> int | None:
        if fcntl is None:
            return None
        with self._claims_lock:
            if self._claims is None:
                try:
                    self._claims = os.open(self.directory / CLAIMS_NAME, os.O_RDWR | os.O_CLOEXEC)
                except OSError:
                    log.debug("no claims file", exc_info=True)
                    return None
                self._finalizer = weakref.finalize(self, os.close, self._claims)
            return self._claims

    # Connections

    def _connect(self, *, timeout: float) -> sqlite3.Connection:
        # mode=rw: never make the file (a store `serve` did not make is no store).
        return sqlite3.connect(
            f"{(self.directory / STORE_NAME).resolve().as_uri()}?mode=rw",
            uri=True,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,
        )

    def _drop_reader(self) -> None:
        with self._read_lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None

    def _drop_writer(self) -> None:
        with self._write_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None

    def close(self) -> None:
        self._drop_reader()
        self._drop_writer()
        with self._claims_lock:
            if self._claims is not None and self._finalizer is not None:
                self._finalizer()  # closes it, once
                self._claims = self._finalizer = None


def _claim_offset(key: bytes) -> int:
    return int.from_bytes(key[:_CLAIM_BYTES], "big")
