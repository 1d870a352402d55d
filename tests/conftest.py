"""Fixtures shared by the whole suite: databases (SQLite always, PostgreSQL when configured) and apps.

Set ITINERANT_TEST_POSTGRES_URL (e.g. postgresql+psycopg://127.0.0.1:5432/test) to run every
storage and API test a second time against PostgreSQL; each run works in a schema of its own.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from gazetteer_fixture import gazetteer  # noqa: F401  (the full index, for any test that asks)
from sqlalchemy import text

from app.db import make_engine
from app.migrate import upgrade_database

POSTGRES_URL = os.environ.get("ITINERANT_TEST_POSTGRES_URL")
REPO_ROOT = Path(__file__).resolve().parent.parent

DATABASES = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgres",
        id="postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not POSTGRES_URL, reason="ITINERANT_TEST_POSTGRES_URL is not set"),
        ],
    ),
]


def _postgres_engine():
    schema = f"itinerant_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"})
    return engine, admin, schema


def _migrated_engine(kind: str, path: Path):
    """A migrated, empty database of `kind` (a SQLite file at `path`), dropped when done."""
    if kind == "sqlite":
        engine = make_engine(f"sqlite:///{path}")
        upgrade_database(engine)
        yield engine
        engine.dispose()
        return
    engine, admin, schema = _postgres_engine()
    try:
        upgrade_database(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=DATABASES)
def engine(request, tmp_path):
    """A migrated, empty database of each configured kind."""
    yield from _migrated_engine(request.param, tmp_path / "itinerant.sqlite")


@pytest.fixture
def another_engine(engine, tmp_path):
    """A second migrated, empty database of the same kind as `engine` (to copy one into)."""
    yield from _migrated_engine(engine.dialect.name.replace("postgresql", "postgres"), tmp_path / "another.sqlite")


def pytest_terminal_summary(terminalreporter):
    if not POSTGRES_URL:
        terminalreporter.write_line(
            "PostgreSQL tests were NOT run: set ITINERANT_TEST_POSTGRES_URL to run storage and API tests "
            "against PostgreSQL too (.ci/run does).",
            yellow=True,
        )
