"""The application's parts over a test database, for the tests of cached answers.

A gazetteer that knows Anadyr, no map tiles, and a pipeline that reads the test trip (or the one
given); `store_article` stores an article through the API, as a client would.
"""

from __future__ import annotations

import subprocess

from app_fixtures import ANADYR, TRIP
from fastapi.testclient import TestClient
from memory_gazetteer import MemoryGazetteer
from pipelines import pipeline

from app.main import create_app
from app.services import Services

__all__ = ["TRIP_TEXT", "trip_services", "store_article", "stop_process"]

TRIP_TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."


def trip_services(engine, settings, *, pipeline_factory=None, **overrides) -> Services:
    """The app's parts over `engine`; `overrides` replace settings."""
    configured = settings.model_copy(update={"tiles": "none", **overrides})
    gazetteer = MemoryGazetteer().add(ANADYR, "Anadyr")
    return Services(
        configured,
        engine,
        gazetteer_factory=lambda _settings: gazetteer,
        pipeline_factory=pipeline_factory or (lambda _settings, _gazetteer: pipeline({}, TRIP)),
    )


def store_article(services: Services, text: str = TRIP_TEXT, published: str = "2023-09-15") -> None:
    """Store one article through the API of an application over `services`."""
    client = TestClient(create_app(services=services))
    assert client.post("/api/articles", json={"text": text, "published": published}).status_code == 201


def stop_process(process: subprocess.Popen, *, seconds: float = 30) -> None:
    """Stop a `serve` process as Ctrl-C does, and kill it if it has not stopped in `seconds`."""
    process.send_signal(2)  # SIGINT
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
