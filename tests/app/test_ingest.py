"""Ingesting: the pipeline runs with no database lock held, and the mention cap reaches the pipeline."""

from __future__ import annotations

import sqlite3

import pytest
from app_fixtures import VLADIVOSTOK
from fastapi.testclient import TestClient
from pipelines import GivenEvents, ListedPlaces

from app.main import create_app
from app.pipeline import build_pipeline
from app.services import Services
from geo.pipeline import ArticlePipeline


class _WritingPlaces(ListedPlaces):
    """A place reader that, while it reads, writes to the database from another connection that will not wait."""

    def __init__(self, path: str) -> None:
        super().__init__({"Vladivostok": VLADIVOSTOK})
        self.path = path
        self.writes: list[str] = []

    def parse(self, text, doc=None):
        connection = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")  # fails at once if another connection holds the write lock
            connection.execute("ROLLBACK")
            self.writes.append("ok")
        except sqlite3.OperationalError as error:
            self.writes.append(str(error))
        finally:
            connection.close()
        return super().parse(text, doc)


def test_the_pipeline_runs_with_no_write_lock_held(engine, settings):
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's database-wide write lock")
    places = _WritingPlaces(engine.url.database)
    services = Services(
        settings, engine, lambda _s: None, lambda _s, _g: ArticlePipeline(places=places, events=GivenEvents([]))
    )
    client = TestClient(create_app(services=services))
    created = client.post("/api/articles", json={"text": "Kim visited Vladivostok."})
    assert created.status_code == 201, created.text
    assert client.post(f"/api/articles/{created.json()['id']}/reprocess").status_code == 200
    assert places.writes == ["ok", "ok"]


def test_the_mention_cap_is_a_setting(settings, gazetteer):
    capped = settings.model_copy(update={"max_mentions_per_article": 3, "use_ner": False})
    assert build_pipeline(capped, gazetteer).max_mentions == 3
