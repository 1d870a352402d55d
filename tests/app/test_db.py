"""app.db: SQLite runs in WAL mode with a busy timeout and enforced foreign keys."""

from __future__ import annotations

from sqlalchemy import text

from app.db import SQLITE_BUSY_TIMEOUT_MS, make_engine
from app.settings import Settings


def test_sqlite_pragmas(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'nested' / 'db.sqlite'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == SQLITE_BUSY_TIMEOUT_MS
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert (tmp_path / "nested").is_dir()


def test_default_database_is_a_sqlite_file_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("ITINERANT_DATABASE_URL", raising=False)
    monkeypatch.setenv("ITINERANT_DATA_DIR", str(tmp_path))
    settings = Settings(_env_file=None)
    assert settings.resolved_database_url == f"sqlite:///{tmp_path.as_posix()}/itinerant.sqlite"
    assert settings.gazetteer_path == tmp_path / "gazetteer.sqlite"


def test_database_url_from_the_environment(monkeypatch):
    monkeypatch.setenv("ITINERANT_DATABASE_URL", "postgresql+psycopg://db.example/itinerant")
    assert Settings(_env_file=None).resolved_database_url == "postgresql+psycopg://db.example/itinerant"
