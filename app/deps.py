"""FastAPI dependencies: the request's database session and the service's long-lived parts."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

import anyio
from anyio.lowlevel import RunVar
from fastapi import Depends, Header, Path, Request
from sqlmodel import Session

from app.db import request_session_capacity
from app.loop_local import loop_local
from app.services import Services
from geo.errors import UnauthorizedError

__all__ = [
    "get_services",
    "get_session",
    "database_turn",
    "require_api_key",
    "key_is_valid",
    "form_key_refused",
    "MAX_ID",
    "ArticleId",
    "EventId",
    "ServicesDep",
    "SessionDep",
    "WriteAccess",
]


def get_services(request: Request) -> Services:
    return request.app.state.services


# Per event loop, per engine: the requests admitted to hold a session.
_SESSION_GATES: RunVar[dict[int, anyio.Semaphore]] = RunVar("itinerant_session_gates")


def _session_gate(services: Services) -> anyio.Semaphore | None:
    capacity = request_session_capacity(services.engine)
    if capacity is None:
        return None
    gates = loop_local(_SESSION_GATES, dict)
    key = id(services.engine)
    if key not in gates:
        gates[key] = anyio.Semaphore(capacity)
    return gates[key]


@asynccontextmanager
async def database_turn(services: Services) -> AsyncIterator[None]:
    """Wait, on the event loop, for a place among the requests that may hold a pooled connection
    at once (see get_session); code outside a route that reads the database takes its turn here too."""
    gate = _session_gate(services)
    if gate is None:
        yield
        return
    async with gate:
        yield


async def get_session(services: Annotated[Services, Depends(get_services)]) -> AsyncIterator[Session]:
    """The request's session, once the pool has a connection for it.

    A request keeps its session until its response is sent, and a sync endpoint needs a worker
    thread for its body and another for validating its response. Were requests to wait for a
    connection inside worker threads, those holding the connections could wait for a thread
    that never frees: every request would hang until the pool's timeout. So they wait here, on
    the event loop, for one of as many places as the pool has connections; a thread then never
    waits for a connection, and every request holds at most one.
    """
    async with database_turn(services):
        session = Session(services.engine)
        try:
            yield session
        finally:
            # Closing returns the connection (a ROLLBACK on PostgreSQL): in a thread of its own,
            # as FastAPI closes sync dependencies, never starved by a full threadpool.
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(session.close, limiter=anyio.CapacityLimiter(1))


# Stored ids are 32-bit integers on PostgreSQL; a larger number names nothing and must not reach the database.
MAX_ID = 2**31 - 1
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="An article's id.")]
EventId = Annotated[int, Path(ge=1, le=MAX_ID, description="An event's id.")]

ServicesDep = Annotated[Services, Depends(get_services)]
SessionDep = Annotated[Session, Depends(get_session)]


def key_is_valid(given: str | None, keys: tuple[str, ...], *, from_header: bool = True) -> bool:
    """Whether `given` is one of `keys`, compared in constant time, whatever characters it holds."""
    if not given:
        return False
    # Header values arrive decoded as Latin-1: their bytes, then, are what the client sent.
    sent = given.encode("latin-1", "replace") if from_header else given.encode("utf-8", "replace")
    return any([hmac.compare_digest(sent, key.encode("utf-8")) for key in keys])


def form_key_refused(settings, api_key: str) -> bool:
    """Whether a page's form must be refused: the service has write keys and the form's is none of them."""
    keys = settings.write_keys
    return bool(keys) and not key_is_valid(api_key, keys, from_header=False)


def _bearer_token(authorization: str | None) -> str | None:
    scheme, _, token = (authorization or "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def require_api_key(
    services: ServicesDep,
    x_api_key: Annotated[str | None, Header(description="Needed when the service has keys.")] = None,
    authorization: Annotated[
        str | None, Header(description="Bearer KEY: the same keys as X-API-Key, needed when the service has keys.")
    ] = None,
) -> None:
    """Writes need one of the service's keys when any is set (ITINERANT_API_KEY, ITINERANT_API_KEYS); reads never do."""
    keys = services.settings.write_keys
    if keys and not (key_is_valid(x_api_key, keys) or key_is_valid(_bearer_token(authorization), keys)):
        raise UnauthorizedError(
            "this service takes writes with one of its keys, in the X-API-Key header or as Authorization: Bearer KEY"
        )


WriteAccess = Depends(require_api_key)
