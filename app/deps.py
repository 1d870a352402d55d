"""FastAPI dependencies: the request's database session and the service's long-lived parts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.db import session_scope
from app.services import Services

__all__ = ["get_services", "get_session", "ServicesDep", "SessionDep"]


def get_services(request: Request) -> Services:
    return request.app.state.services


def get_session(services: Annotated[Services, Depends(get_services)]) -> Iterator[Session]:
    yield from session_scope(services.engine)


ServicesDep = Annotated[Services, Depends(get_services)]
SessionDep = Annotated[Session, Depends(get_session)]
