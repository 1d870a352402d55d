"""Liveness and readiness in one cheap answer."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from app.deps import ServicesDep, SessionDep
from app.schemas import Health
from app.storage import count_articles

__all__ = ["router"]

router = APIRouter(tags=["service"])


@router.get("/healthz", response_model=Health, summary="Is the service up, and its database reachable?")
def healthz(session: SessionDep, services: ServicesDep) -> Health:
    session.exec(text("SELECT 1"))
    gazetteer = "ready" if services.settings.gazetteer_path.exists() else "not built"
    return Health(status="ok", database="ok", gazetteer=gazetteer, articles=count_articles(session))
