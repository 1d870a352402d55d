"""Repeated reads answered from memory, and conditional GETs, keyed by the data's revision.

A route opts in by what its answer depends on besides the request:

    @router.get("/events.geojson")
    @cached_on(CachedOn.DATA)          # the stored data: valid until the data's revision moves
    def events_geojson(...): ...

- `DATA`: the answer is a function of the request and the stored data. The middleware reads the
  data's revision (app/data_revision.py, one query of a one-row table on a connection of the
  cache's own: on a SQLite file in the event loop's thread, on PostgreSQL asynchronously and
  shared by the requests that arrive together, app/fresh_read.py; through the pool when that
  connection cannot read it) before anything else; an
  answer stored under the same request and revision is sent as it was, without running the route
  or reading any other table. Any write, by any process, moves the revision, so the next read
  anywhere misses and is made afresh. On PostgreSQL the revision read is kept in between, while
  the database's notifications of writes say it has not moved (PostgresRevision.known: a write
  through this process is seen at once, one elsewhere when its notification arrives, and at the
  latest ITINERANT_REVISION_RECHECK_MS after its commit).
- `ACTOR`: the stored rows of the one actor the path's `{slug}` names (its itinerary, its record,
  its map): keyed on that actor's revision and the itineraries' one (app/actor_revision.py), read
  in one statement with the data's revision on the same connections as above, so that a write
  reaching other actors only (an article about someone else) leaves the answer valid. On
  PostgreSQL an actor's state is kept in the process with the data's revision it was read with,
  and serves while PostgresRevision.known() still gives that revision: a write is seen exactly as
  the DATA answers see it. A slug that names no actor keys on the data's revision (a 404, never
  kept, until an actor takes that slug).
- `GAZETTEER`: the gazetteer alone (a read-only file while the service runs): keyed on the file.
- `GEOCODER`: the gazetteer, and an online geocoder when one is configured; cached only without.

The request's part of the key is what the answer may vary by: the method (GET; HEAD is a GET
whose body app/methods.py drops), scheme, Host, root path, path and query string, the Accept and
Origin headers and whether cookies were sent (content negotiation, CORS), and whether
Accept-Encoding has the answer gzipped (not the header's wording, which differs from client to
client). Nothing else about the request reaches these routes; reads never depend on a key.

This middleware sits outside the compression, security and CORS middlewares, so an entry is the
answer exactly as it went out (gzipped once, its CSP with the map's script hashes included).

Every 200 of such a route carries a weak ETag, a digest of its key, its revision (the actor's
state, for ACTOR) and the deployment (the code and settings that shape answers), with `Cache-Control: no-cache`: clients
may keep it and must ask again, and `If-None-Match` with that tag gets a 304 with no body. As the
tag is computed, not stored, any process answers 304 to a tag another process gave, cached or
not. Weak, because two makings of one answer may differ in bytes that do not matter (the OGC
items' timeStamp, a map's element ids).

Only 200s without cookies are stored, and only bodies up to a share of the cache: a streamed
answer goes out as it is made, copied on the side until it outgrows that share (then the copy is
dropped), so memory stays bounded whatever is streamed. Concurrent misses of one key in a process
wait for the first to finish instead of all making the same answer.

With several worker processes (`itinerant serve --workers N`), a second level is shared by them
(app/shared_responses.py): a miss in a process's memory looks there under the same key before
making the answer, and an answer made is kept there too, so that one process makes it for all; a
process that finds another making it waits for that one (at most shared_responses.WAIT_SECONDS).
Each answer kept there keeps the request that asked for it too, so that a `serve` started later
can ask for it again before its workers take requests (app/warm_up.py).
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable
from contextlib import ExitStack, suppress
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Final, TypeVar

import anyio
from anyio.lowlevel import RunVar
from fastapi.routing import iter_route_contexts
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import QueuePool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.actor_revision import ActorState, read_actor_state
from app.byte_lru import ByteLRU
from app.data_revision import PostgresRevision, SqliteRevision, read_revision
from app.deps import database_turn
from app.fresh_read import FreshRead
from app.loop_local import loop_local
from app.services import Services
from app.shared_responses import IN_LOOP_BYTES, WAIT_SECONDS, ReplayableRequest, SharedResponses, StoredAnswer

__all__ = [
    "CACHE_CONTROL",
    "CachedOn",
    "ResponseCache",
    "cached_on",
    "cached_on_of",
    "etag_matches",
]

log = logging.getLogger(__name__)

CACHE_CONTROL: Final = "no-cache"
# What a cached answer may vary by, for caches between the client and the service.
_VARY: Final = ("Accept", "Accept-Encoding")
# The request headers that are part of the key (lower case, as ASGI gives them).
_KEYED_HEADERS: Final = (b"host", b"accept", b"accept-encoding", b"origin")
# Accept-Encoding's part of the key when the answer goes out gzipped (see _keyed_value).
_GZIP: Final = b"gzip"
# Requests that never write (HEAD reaches here as a GET, app/methods.py).
_SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# The largest entry: a share of the whole cache, so that one answer never empties it.
_ENTRY_SHARE: Final = 16
# Bytes an entry costs beyond its body and headers (the key, the objects holding it).
_ENTRY_OVERHEAD: Final = 512
_MARK: Final = "__cached_on__"
# The actors' states kept on PostgreSQL before starting afresh (memory stays flat).
_MOST_ACTOR_STATES: Final = 10_000
# PostgreSQL: how long a serving process's start may wait for its listener (app/data_revision.py)
# before it reads every actor's state, and for all of its preparation (_prepare); the start goes
# on whatever is done by then.
_LISTEN_WAIT_SECONDS: Final = 2.0
_PREPARE_SECONDS: Final = 5.0
# Settings that shape no answer: where the shared answers are kept and what a start makes again.
_NOT_SHAPING: Final = ("shared_cache_dir", "shared_cache_keep", "warm_up_seconds", "warm_up_answers")
_SOURCES: Final = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "geo")


class CachedOn(StrEnum):
    """What a route's answer depends on besides the request."""

    DATA = "data"
    ACTOR = "actor"
    GAZETTEER = "gazetteer"
    GEOCODER = "geocoder"


Endpoint = TypeVar("Endpoint", bound=Callable)


def cached_on(what: CachedOn) -> Callable[[Endpoint], Endpoint]:
    """Mark a GET endpoint as answering the same to the same request while `what` stays the same."""

    def mark(endpoint: Endpoint) -> Endpoint:
        setattr(endpoint, _MARK, what)
        return endpoint

    return mark


def cached_on_of(endpoint) -> CachedOn | None:
    return getattr(endpoint, _MARK, None)


def etag_matches(if_none_match: str, etag: str) -> bool:
    """Whether an If-None-Match value names `etag`, compared weakly (RFC 9110 13.1.2)."""
    opaque = etag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate.removeprefix("W/") == opaque:
            return True
    return False


@cache
def _code_fingerprint() -> str:
    """A digest of the code that shapes answers (app/ and geo/, templates and static files included):
    a new release gives new ETags even where the data did not change."""
    digest = hashlib.blake2b(digest_size=16)
    with suppress(metadata.PackageNotFoundError):
        digest.update(metadata.version("itinerant").encode())
    for root in _SOURCES:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _deployment(services: Services) -> str:
    """A digest of the code and the settings: what shapes an answer besides the request and the data.
    (Secrets, the keys and the database URL's password, are left out of it all the same.)"""
    shown = services.settings.model_dump(mode="json", exclude={"api_key", "api_keys", "database_url", *_NOT_SHAPING})
    digest = hashlib.blake2b(f"{_code_fingerprint()}|{sorted(shown.items())!r}".encode(), digest_size=16)
    return digest.hexdigest()


def _gazetteer_state(services: Services) -> str:
    """The gazetteer file as it is: a rebuilt index is another one."""
    try:
        stat = services.settings.gazetteer_path.stat()
    except OSError:
        return "no gazetteer file"
    return f"gazetteer {stat.st_size} {stat.st_mtime_ns}"


def _route_path(scope: Scope) -> str:
    """The path as the routes match it: without the root path the app is mounted at."""
    path, root = scope["path"], scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


@dataclass(frozen=True, slots=True)
class _Entry:
    headers: list[tuple[bytes, bytes]]
    body: bytes


class _Routes:
    """Which cached_on, if any, the route that answers a GET of a path has (matched as Starlette
    matches: the first route whose path and method fit), and the slug its path names."""

    def __init__(self, routes) -> None:
        self._routes: list[tuple[re.Pattern, frozenset[str] | None, CachedOn | None]] = []
        for context in iter_route_contexts(routes):
            regex = getattr(context, "path_regex", None)
            if regex is None:
                continue
            methods = frozenset(context.methods) if context.methods else None
            what = cached_on_of(context.endpoint)
            if what is CachedOn.ACTOR and "slug" not in regex.groupindex:
                raise ValueError(f"{context.path}: an answer cached on an actor needs a {{slug}} in its path")
            self._routes.append((regex, methods, what))

    def cached_on(self, path: str) -> tuple[CachedOn | None, str | None]:
        for regex, methods, what in self._routes:
            if methods is None or "GET" in methods:
                match = regex.match(path)
                if match:
                    return what, match.group("slug") if what is CachedOn.ACTOR else None
        return None, None


# Per event loop: the keys being made now, and what their followers wait on.
_IN_FLIGHT: RunVar[dict[tuple, anyio.Event]] = RunVar("itinerant_response_cache_in_flight")


def _in_flight() -> dict[tuple, anyio.Event]:
    return loop_local(_IN_FLIGHT, dict)


def _with_validators(headers: list[tuple[bytes, bytes]], etag: bytes) -> list[tuple[bytes, bytes]]:
    """The headers of a 200 with its ETag, Cache-Control (unless the route set its own) and Vary."""
    kept = [(name, value) for name, value in headers if name.lower() not in (b"etag", b"vary")]
    vary = [value.decode("latin-1") for name, value in headers if name.lower() == b"vary"]
    tokens = {token.strip().lower(): token.strip() for value in vary for token in value.split(",") if token.strip()}
    for token in _VARY:
        tokens.setdefault(token.lower(), token)
    kept.append((b"etag", etag))
    kept.append((b"vary", ", ".join(tokens.values()).encode("latin-1")))
    if not any(name.lower() == b"cache-control" for name, _ in kept):
        kept.append((b"cache-control", CACHE_CONTROL.encode()))
    return kept


async def _send_entry(send: Send, entry: _Entry) -> None:
    """A kept answer, sent as it was kept."""
    await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
    await send({"type": "http.response.body", "body": entry.body})


def _keyed_value(name: bytes, values: list[bytes]) -> bytes:
    """A keyed header's part of the key: what of it the answer depends on.

    Accept-Encoding decides one thing, whether the answer goes out gzipped, and GZipMiddleware
    decides it from the first such header alone ("gzip" in it). Browsers, QGIS, scripts and
    curl each send it their own way ("gzip, deflate, br, zstd", "gzip, deflate", none): keyed by
    that decision, they share one answer of each encoding and its tag, rather than each client's
    wording making and keeping an answer of its own after every write.
    """
    if name == b"accept-encoding":
        return _GZIP if values and b"gzip" in values[0] else b""
    return b", ".join(values)


def _entry_size(entry: _Entry) -> int:
    return len(entry.body) + sum(len(n) + len(v) for n, v in entry.headers) + _ENTRY_OVERHEAD


def _stored_headers(headers: list[tuple[bytes, bytes]], body: bytes) -> list[tuple[bytes, bytes]]:
    """A streamed answer's headers for sending it again in one piece: with its length."""
    kept = [(name, value) for name, value in headers if name.lower() not in (b"content-length", b"transfer-encoding")]
    kept.append((b"content-length", str(len(body)).encode()))
    return kept


def _replayable(request_key: tuple) -> ReplayableRequest | None:
    """A request with this key, to ask for the answer again after a restart (app/warm_up.py); None
    for one that sent cookies or no Host (its key cannot be asked for again exactly)."""
    scheme, root_path, path, query, *headers, cookies = request_key
    if cookies or not headers[0]:
        return None
    sent = tuple((name, value) for name, value in zip(_KEYED_HEADERS, headers, strict=True) if value)
    return ReplayableRequest(scheme, root_path, path, query, sent)


class ResponseCache:
    """The ASGI middleware (see the module's docstring)."""

    def __init__(self, app: ASGIApp, services: Services, max_bytes: int, shared: SharedResponses | None = None) -> None:
        self.app = app
        self.services = services
        self.entries: ByteLRU[_Entry] = ByteLRU(max_bytes, max_bytes // _ENTRY_SHARE)
        # The second level, shared by the processes of one `serve` (None: this process alone).
        self.shared = shared
        self._routes: _Routes | None = None
        # SQLite: each request reads the revision itself, on a connection of the cache's own,
        # without a worker thread. Otherwise concurrent requests share one read, begun after each
        # of them arrived: on PostgreSQL on a connection of the cache's own, on the event loop
        # (and none while the notifications of writes vouch for the last one read), and through
        # the pool (a worker thread) when that read cannot be made.
        self._sqlite_revision = SqliteRevision.of(services.engine)
        self._postgres_revision = PostgresRevision.of(services.engine, services.settings.revision_recheck_ms / 1000)
        self._revision = FreshRead(self._read_revision)
        # PostgreSQL: each actor's state as last read, by slug (see _actor_state).
        self._actor_states: dict[str, ActorState] = {}
        self._deployment: str | None = None
        self._gazetteer: str | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan" and self._postgres_revision is not None:
            await self.app(scope, self._prepared_at_startup(receive), send)
            return
        if scope["type"] != "http" or scope["method"] != "GET":
            if scope["type"] == "http" and scope["method"] not in _SAFE_METHODS and self._postgres_revision is not None:
                # A write of this process is seen by every request that arrives after its commit,
                # whether or not its notification has come back yet.
                with self._postgres_revision.writing():
                    await self.app(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        if self._routes is None:
            self._routes = _Routes(scope["app"].routes)
        what, slug = self._routes.cached_on(_route_path(scope))
        state = await self._state(what, slug) if what is not None else None
        if state is None:
            await self.app(scope, receive, send)
            return

        request_key, if_none_match = self._request_key(scope)
        key = (state, *request_key)
        etag = self._etag(key)
        entry = self.entries.get(key)
        if if_none_match is not None and (
            etag_matches(if_none_match, etag.decode()) or (if_none_match.strip() == "*" and entry is not None)
        ):
            await self._not_modified(send, etag, entry)
            return
        if entry is None:
            making = _in_flight()
            leader = making.get(key)
            if leader is not None:
                await leader.wait()
                entry = self.entries.get(key)
        if entry is None and self.shared is not None:
            entry = self._from_shared(key, self.shared.key(key))
        if entry is not None:
            await _send_entry(send, entry)
            return
        await self._make(scope, receive, send, key, etag)

    def _prepared_at_startup(self, receive: Receive) -> Receive:
        """The lifespan's `receive`, which prepares the process (`_prepare`) when the server
        announces its start: the server takes requests only once the start is complete."""

        async def receive_after_preparing() -> Message:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await self._prepare()
            return message

        return receive_after_preparing

    async def _prepare(self) -> None:
        """PostgreSQL: what a process's first requests would each wait for, done before it takes any.

        After a restart, each worker's first requests found no connection in the pool (each one
        opened is a server process PostgreSQL forks and authenticates), no revision connection,
        no listener, and no actor's state: each itinerary asked for its actor's state in a round
        trip of its own, one after the other on the revision's connection, while the other
        workers' requests did the same on the same two cores. So the pool's connections are
        opened, the listener started and waited for, and then the states of the most recently
        made actors (up to what the process keeps) read in one statement and kept as each
        actor's own read would have kept them (valid while the notifications vouch for the
        data's revision read with them). Any failure leaves the start as it was: the requests
        then read their way.
        """
        revision = self._postgres_revision
        engine = self.services.engine

        def open_pool() -> None:
            size = engine.pool.size() if isinstance(engine.pool, QueuePool) else 1
            with ExitStack() as opened:
                connections = [opened.enter_context(engine.connect()) for _ in range(size)]
                revision.learn(connections[0])

        try:
            with anyio.move_on_after(_PREPARE_SECONDS):
                await anyio.to_thread.run_sync(open_pool)
                if await revision.until_listening(_LISTEN_WAIT_SECONDS):
                    self._actor_states.update(await revision.read_actors(_MOST_ACTOR_STATES) or {})
        except (SQLAlchemyError, OSError):
            log.warning("the process starts without its connections prepared", exc_info=True)

    async def _state(self, what: CachedOn, slug: str | None = None) -> str | None:
        """What the answer depends on now, beyond the request; None: not to be cached."""
        if self._deployment is None:
            self._deployment = _deployment(self.services)
        if what is CachedOn.ACTOR:
            try:
                actor = await self._actor_state(slug)
            except SQLAlchemyError:
                log.warning("the actor's revision could not be read; answering without the cache", exc_info=True)
                return None
            return f"{self._deployment}|{actor.key}"
        if what is CachedOn.DATA:
            if self._sqlite_revision is not None:
                revision = self._sqlite_revision.read()
            elif self._postgres_revision is not None:
                revision = self._postgres_revision.known()  # no round trip while notifications vouch for it
            else:
                revision = None
            try:
                if revision is None:
                    revision = await self._revision()
            except SQLAlchemyError:
                # The route will meet the same fault and answer it its own way; nothing is cached.
                log.warning("the data's revision could not be read; answering without the cache", exc_info=True)
                return None
            return f"{self._deployment}|data {revision}"
        if what is CachedOn.GEOCODER and self.services.settings.online_geocoder:
            return None  # an online service's answers may change, or fail for a while
        if self._gazetteer is None:
            self._gazetteer = _gazetteer_state(self.services)
        return f"{self._deployment}|{self._gazetteer}"

    async def _actor_state(self, slug: str) -> ActorState:
        """The state of the actor named `slug` (app/actor_revision.py), read after the request
        arrived; on PostgreSQL, the one last read while the data's revision it was read with is
        still the one the notifications vouch for (as fresh as the DATA answers' revision)."""
        state = None
        if self._sqlite_revision is not None:
            state = self._sqlite_revision.read_actor(slug)
        elif self._postgres_revision is not None:
            known = self._postgres_revision.known()
            if known is not None:
                kept = self._actor_states.get(slug)
                if kept is not None and kept.data == known:
                    return kept
            state = await self._postgres_revision.read_actor(slug)
        if state is None:
            state = await self._read_actor_through_pool(slug)
        if self._postgres_revision is not None:
            if len(self._actor_states) >= _MOST_ACTOR_STATES and slug not in self._actor_states:
                self._actor_states.clear()
            self._actor_states[slug] = state
        return state

    async def _read_actor_through_pool(self, slug: str) -> ActorState:
        def read() -> ActorState:
            with self.services.engine.connect() as connection:
                state = read_actor_state(connection, slug)
                if self._postgres_revision is not None:
                    self._postgres_revision.learn(connection)
                return state

        async with database_turn(self.services):
            return await anyio.to_thread.run_sync(read)

    async def _read_revision(self) -> str:
        if self._postgres_revision is not None:
            revision = await self._postgres_revision.read()
            if revision is not None:
                return revision

        def read() -> str:
            with self.services.engine.connect() as connection:
                revision = read_revision(connection)
                if self._postgres_revision is not None:
                    self._postgres_revision.learn(connection)
                return revision

        async with database_turn(self.services):
            return await anyio.to_thread.run_sync(read)

    @staticmethod
    def _request_key(scope: Scope) -> tuple[tuple, str | None]:
        keyed: dict[bytes, list[bytes]] = {}
        cookies = False
        if_none_match = None
        for name, value in scope["headers"]:
            if name in _KEYED_HEADERS:
                keyed.setdefault(name, []).append(value)
            elif name == b"cookie":
                cookies = True
            elif name == b"if-none-match":
                if_none_match = value.decode("latin-1")
        headers = tuple(_keyed_value(name, keyed.get(name, [])) for name in _KEYED_HEADERS)
        key = (scope.get("scheme", "http"), scope.get("root_path", ""), scope["path"], scope["query_string"])
        return (*key, *headers, cookies), if_none_match

    @staticmethod
    def _etag(key: tuple) -> bytes:
        return b'W/"' + hashlib.blake2b(repr(key).encode(), digest_size=16).hexdigest().encode() + b'"'

    @staticmethod
    async def _not_modified(send: Send, etag: bytes, entry: _Entry | None) -> None:
        headers = [(b"etag", etag)]
        if entry is not None:
            headers += [(name, value) for name, value in entry.headers if name in (b"cache-control", b"vary")]
        else:
            headers += [(b"cache-control", CACHE_CONTROL.encode()), (b"vary", ", ".join(_VARY).encode())]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    def _from_shared(self, key: tuple, shared_key: bytes) -> _Entry | None:
        """The answer under `key` in the shared level, now kept in this process's too; None: a miss."""
        found = self.shared.get(shared_key) if self.shared is not None else None
        if found is None:
            return None
        entry = _Entry(found.headers, found.body)
        self.entries.put(key, entry, _entry_size(entry))
        return entry

    async def _claim_or_wait(self, key: tuple, shared_key: bytes) -> tuple[_Entry | None, bool]:
        """Before making an answer that the shared level lacks: (the answer, False) when another
        process made it meanwhile; else (None, whether this process now holds the claim to make it).
        While another process holds the claim (until it has kept the answer), wait for it,
        WAIT_SECONDS at most."""
        shared = self.shared
        deadline = time.monotonic() + WAIT_SECONDS
        attempt = 0
        while not shared.claim(shared_key):
            if time.monotonic() >= deadline:
                return None, False  # made here too, rather than waited for any longer
            await shared.pause(attempt)
            attempt += 1
        # Made, perhaps, by the one that held the claim, or between the miss and the claim.
        entry = self._from_shared(key, shared_key)
        if entry is not None:
            shared.release(shared_key)
            return entry, False
        return None, True

    async def _make(self, scope: Scope, receive: Receive, send: Send, key: tuple, etag: bytes) -> None:
        """Run the route, tag a 200, and keep a copy of it if it is small enough (in this process,
        and in the shared level: first taking the claim to make it, or waiting for another's)."""
        making = _in_flight()
        done = anyio.Event()
        making[key] = done
        shared_key = self.shared.key(key) if self.shared is not None else None
        claimed = False

        def release() -> None:
            nonlocal claimed
            if claimed:
                claimed = False
                self.shared.release(shared_key)

        try:
            if shared_key is not None:
                entry, claimed = await self._claim_or_wait(key, shared_key)
                if entry is not None:
                    await _send_entry(send, entry)
                    return
            made = await self._run_and_copy(scope, receive, send, key, etag, done, release)
            if made is not None and shared_key is not None:
                answer = StoredAnswer(made.headers, made.body)
                request = _replayable(key[1:])
                if len(made.body) <= IN_LOOP_BYTES:
                    self.shared.put(shared_key, answer, request)
                else:
                    await anyio.to_thread.run_sync(self.shared.put, shared_key, answer, request)
        finally:
            release()
            if making.get(key) is done:
                del making[key]
            done.set()

    async def _run_and_copy(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        key: tuple,
        etag: bytes,
        done: anyio.Event,
        release: Callable[[], None],
    ) -> _Entry | None:
        """Run the route with the answer tagged, and copied into the cache if it is a 200 small
        enough; the entry kept, if any."""
        headers: list[tuple[bytes, bytes]] = []
        parts: list[bytes] = []
        size = 0
        storing = False
        kept: _Entry | None = None

        def stop_storing() -> None:
            nonlocal storing
            storing = False
            parts.clear()
            done.set()  # the followers make their own answers
            if kept is None:
                release()  # and so do the other processes' waiting for this one

        async def tag_and_copy(message: Message) -> None:
            nonlocal headers, size, storing, kept
            if message["type"] == "http.response.start":
                if message["status"] == 200:
                    headers = _with_validators(list(message.get("headers", [])), etag)
                    message = {**message, "headers": headers}
                    storing = not any(name.lower() == b"set-cookie" for name, _ in headers)
                if not storing:
                    stop_storing()
            elif message["type"] == "http.response.body" and storing:
                body = message.get("body", b"")
                size += len(body)
                if size + _ENTRY_OVERHEAD > self.entries.max_entry_bytes:
                    stop_storing()
                else:
                    parts.append(body)
                    if not message.get("more_body", False):
                        whole = b"".join(parts)
                        entry = _Entry(_stored_headers(headers, whole), whole)
                        if self.entries.put(key, entry, _entry_size(entry)):
                            kept = entry
                        stop_storing()
            await send(message)

        await self.app(scope, receive, tag_and_copy)
        return kept
