"""The response cache's second level: answers kept in one file for every worker process of a `serve`.

Each process keeps answers in memory (app/response_cache.py), so that a repeated read costs a
lookup; but with N workers each would make each answer itself, N times the work after a start or
a write to the data, when the answers are being made at all. The processes of one `itinerant serve
--workers N` therefore also share a store: a SQLite file in a private directory (mode 0700) that
`serve` makes before its workers start and removes when it stops, named to them by the environment
(SHARED_ENV). An answer one worker made is served by the others from there (and then from their
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

A store that cannot be read or written (missing, broken, locked) is a miss or an entry not kept:
the answer is made as without it, never failed for it. Reads are made in the calling thread (the
event loop's: a lookup of one row by its key, in WAL mode never waiting for a writer; a busy
store is a miss), and so are writes of entries up to IN_LOOP_BYTES (one short transaction: the
entry, and the oldest ones out; a hop to a worker thread would cost a busy process more); larger
ones are written from a worker thread.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
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

__all__ = ["SHARED_ENV", "SharedResponses", "StoredAnswer", "create_store"]

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

_SCHEMA: Final = (
    "CREATE TABLE IF NOT EXISTS response ("
    " key BLOB PRIMARY KEY, size INTEGER NOT NULL, headers BLOB NOT NULL, body BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS total (id INTEGER PRIMARY KEY CHECK (id = 1), bytes INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO total VALUES (1, 0)",
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


def create_store(directory: Path) -> Path:
    """Make the store in `directory` (already made, private) before the workers open it: its tables,
    in WAL mode. Returns the directory."""
    connection = sqlite3.connect(directory / STORE_NAME, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        for statement in _SCHEMA:
            connection.execute(statement)
    finally:
        connection.close()
    (directory / CLAIMS_NAME).touch(mode=0o600)
    return directory


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
        self._reader: sqlite3.Connection | None = None
        self._writer: sqlite3.Connection | None = None
        self._read_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._claims: int | None = None
        self._claims_lock = threading.Lock()
        self._finalizer: weakref.finalize | None = None

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

    def put(self, key: bytes, answer: StoredAnswer) -> bool:
        """Keep `answer` under `key`, the oldest entries out beyond max_bytes; False when it was not
        kept (too large, or the store could not be written). It may wait for another process's
        write (a fraction of a millisecond, _WRITE_TIMEOUT at most)."""
        headers = _pack_headers(answer.headers)
        size = len(answer.body) + len(headers) + len(key)
        if size > self.max_entry_bytes:
            return False
        try:
            with self._write_lock:
                if self._writer is None:
                    self._writer = self._connect(timeout=_WRITE_TIMEOUT)
                    self._writer.execute("PRAGMA synchronous=OFF")  # a cache: a crash loses nothing needed
                self._write(self._writer, key, headers, answer.body, size)
        except sqlite3.Error:
            log.warning("an answer could not be kept in the shared responses", exc_info=True)
            self._drop_writer()
            return False
        return True

    def _write(self, connection: sqlite3.Connection, key: bytes, headers: bytes, body: bytes, size: int) -> None:
        connection.execute("BEGIN IMMEDIATE")
        try:
            (total,) = connection.execute("SELECT bytes FROM total WHERE id = 1").fetchone()
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
            connection.execute("INSERT INTO response VALUES (?, ?, ?, ?)", (key, size, headers, body))
            connection.execute("UPDATE total SET bytes = ? WHERE id = 1", (total,))
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

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
