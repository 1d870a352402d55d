"""The Alembic migrations build exactly the schema the models describe, on every configured database."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from app.migrate import upgrade_database


def test_migrations_create_every_table_and_index(engine):
    inspector = inspect(engine)
    assert {"article", "place", "mention", "actor", "actoralias", "event", "alembic_version"} <= set(
        inspector.get_table_names()
    )
    event_indexes = {ix["name"]: ix["column_names"] for ix in inspector.get_indexes("event")}
    assert event_indexes["ix_event_actor_date"] == ["actor_id", "date_start"]
    assert event_indexes["ix_event_lat_lon"] == ["lat", "lon"]
    assert event_indexes["ix_event_rejected_id"] == ["rejected", "id"]


def test_models_and_migrations_agree(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_upgrade_is_idempotent(engine):
    upgrade_database(engine)
    upgrade_database(engine)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == "0011"
