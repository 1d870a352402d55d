"""FastAPI dependencies: the request's database session and the service's long-lived parts."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Path, Request
from sqlmodel import Session

from app.db import session_scope
from app.services import Services
from geo.errors import UnauthorizedError

__all__ = [
    "get_services",
    "get_session",
    "require_api_key",
    "MAX_ID",
    "ArticleId",
    "EventId",
    "ServicesDep",
    "SessionDep",
    "WriteAccess",
]


def get_services(request: Request) -> Services:
    return request.app.state.services


def get_session(services: Annotated[Services, Depends(get_services)]) -> Iterator[Session]:
    yield from session_scope(services.engine)


# Stored ids are 32-bit integers on PostgreSQL; a larger number names nothing and must not reach the database.
MAX_ID = 2**31 - 1
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="An article's id.")]
EventId = Annotated[int, Path(ge=1, le=MAX_ID, description="An event's id.")]

ServicesDep = Annotated[Services, Depends(get_services)]
SessionDep = Annotated[Session, Depends(get_session)]


def require_api_key(
    services: ServicesDep,
    x_api_key: Annotated[str | None, Header(description="Needed when the service has a key.")] = None,
) -> None:
    """Writes need the service's key when ITINERANT_API_KEY is set; reads never do."""
    expected = services.settings.api_key
    if expected and not (x_api_key and hmac.compare_digest(x_api_key, expected)):
        raise UnauthorizedError("this service takes writes with its key in the X-API-Key header")


WriteAccess = Depends(require_api_key)
