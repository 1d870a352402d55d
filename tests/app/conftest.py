from __future__ import annotations

import pytest
from app_fixtures import SOCHI, VISIT, VLADIVOSTOK
from fastapi.testclient import TestClient
from pipelines import pipeline

from app.main import create_app
from app.services import Services
from app.settings import Settings


@pytest.fixture
def settings(tmp_path) -> Settings:
    # TestClient's requests name the host "testserver": trusted, like a configured name, to build URLs from.
    return Settings(data_dir=tmp_path, allowed_hosts="testserver", _env_file=None)


@pytest.fixture
def make_client(engine, settings):
    """A test client over the given database, with a small pipeline that knows a few places."""

    def make(events=(VISIT,), places=None, gazetteer=None, **overrides):
        places = places or {"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI}
        configured = settings.model_copy(update=overrides)
        services = Services(
            configured,
            engine,
            gazetteer_factory=lambda _settings: gazetteer,
            pipeline_factory=lambda _settings, _gazetteer: pipeline(places, list(events)),
        )
        return TestClient(create_app(services=services))

    return make


@pytest.fixture
def client(make_client):
    return make_client()
