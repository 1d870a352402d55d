"""The data's revision: one number that every write to the data moves, read in one cheap query.

A response cache (app/response_cache.py) keys on it, so a cached answer serves until the data it
was made from changes, in whichever process or machine the change was made: the API's workers,
`itinerant ingest` and its Dask workers, a restore, a hand-written UPDATE. That is why the
revision is kept by triggers in the database, in the writing transaction itself, rather than by
the code that writes: a write and its new revision become visible at the same commit.

SQLite: an AFTER INSERT / UPDATE / DELETE trigger on each table adds one to the revision for each
row (SQLite has no statement triggers; a row update of a one-row table costs a microsecond or so,
and SQLite writes one transaction at a time anyway).

PostgreSQL: a deferred constraint trigger per table, so that the revision row is updated (and
locked) at commit, after every other lock the transaction takes: two writers never wait for each
other's revision lock while holding a row the other needs (a deadlock), and concurrent writers
are serialised only for the moment of their commits. Its WHEN condition lets the first changed
row of a transaction queue the bump and no other, so a transaction adds one whatever its size
(a restore of a million rows queues one trigger event, not a million).

A reader reads the revision *before* the data: an answer made from data at least as new as the
revision it is stored under can only be fresher than its key says, never staler.

The tables are those whose rows reach a response that is cached; the feeds (polled and leased
every few seconds by the watch) and the online geocoder's cache are not among them, and no
cached response reads them. On SQLite a migration that rebuilds one of these tables in batch
mode (copy, drop, rename) drops its triggers with it: such a migration must create them again
(`create_revision_triggers`); tests/app/test_data_revision.py checks that every table has them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from sqlalchemy import text
from sqlalchemy.engine import Connection

__all__ = [
    "REVISED_TABLES",
    "create_revision_triggers",
    "drop_revision_triggers",
    "revision_trigger_tables",
    "read_revision",
]

# The tables whose rows some cached read shows (app/models.py).
REVISED_TABLES: Final = ("article", "place", "mention", "actor", "actoralias", "event")

_TRIGGER_PREFIX: Final = "data_revision_"
_SQLITE_OPERATIONS: Final = ("insert", "update", "delete")
# Set, for the rest of a PostgreSQL transaction, once its bump is queued.
_QUEUED_SETTING: Final = "itinerant.data_revision_queued"

_POSTGRES_FUNCTIONS: Final = (
    f"""
    CREATE OR REPLACE FUNCTION data_revision_first_change() RETURNS boolean
    LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
        IF current_setting('{_QUEUED_SETTING}', true) = 'yes' THEN
            RETURN false;
        END IF;
        PERFORM set_config('{_QUEUED_SETTING}', 'yes', true);
        RETURN true;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION data_revision_bump() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE data_revision SET revision = revision + 1 WHERE id = 1;
        RETURN NULL;
    END $$
    """,
)

_READ: Final = text("SELECT generation, revision FROM data_revision WHERE id = 1")


def create_revision_triggers(connection: Connection, tables: Iterable[str]) -> None:
    """Make every write to `tables` bump the revision (triggers already there are left as they are)."""
    if connection.dialect.name == "postgresql":
        for function in _POSTGRES_FUNCTIONS:
            connection.exec_driver_sql(function)
        present = set(revision_trigger_tables(connection))
        for table in tables:
            if table in present:
                continue
            # A TRUNCATE fires no row trigger: a statement trigger of its own, immediate (rare, and
            # it locks the whole table anyway).
            connection.exec_driver_sql(
                f"CREATE CONSTRAINT TRIGGER {_TRIGGER_PREFIX}{table} "
                f"AFTER INSERT OR UPDATE OR DELETE ON {table} DEFERRABLE INITIALLY DEFERRED "
                "FOR EACH ROW WHEN (data_revision_first_change()) EXECUTE FUNCTION data_revision_bump()"
            )
            connection.exec_driver_sql(
                f"CREATE TRIGGER {_TRIGGER_PREFIX}{table}_truncate AFTER TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump()"
            )
        return
    for table in tables:
        for operation in _SQLITE_OPERATIONS:
            connection.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {_TRIGGER_PREFIX}{table}_{operation} "  # noqa: S608  (names of ours)
                f"AFTER {operation.upper()} ON {table} "
                "BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END"
            )


def drop_revision_triggers(connection: Connection, tables: Iterable[str]) -> None:
    if connection.dialect.name == "postgresql":
        for table in tables:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_TRIGGER_PREFIX}{table} ON {table}")
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_TRIGGER_PREFIX}{table}_truncate ON {table}")
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS data_revision_bump()")
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS data_revision_first_change()")
        return
    for table in tables:
        for operation in _SQLITE_OPERATIONS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_TRIGGER_PREFIX}{table}_{operation}")


def revision_trigger_tables(connection: Connection) -> list[str]:
    """The tables that carry every revision trigger (SQLite: one for each kind of write)."""
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            text(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE c.relnamespace = current_schema()::regnamespace AND t.tgname = :prefix || c.relname"
            ),
            {"prefix": _TRIGGER_PREFIX},
        )
        return sorted(row[0] for row in rows)
    rows = connection.execute(
        text("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, :length) = :prefix"),
        {"length": len(_TRIGGER_PREFIX), "prefix": _TRIGGER_PREFIX},
    )
    names: dict[str, set[str]] = {}
    for table, name in rows:
        names.setdefault(table, set()).add(name)
    return sorted(
        table
        for table, found in names.items()
        if found >= {f"{_TRIGGER_PREFIX}{table}_{operation}" for operation in _SQLITE_OPERATIONS}
    )


def read_revision(connection: Connection) -> str:
    """The data's revision as an opaque token ("generation.revision"): equal tokens, equal data."""
    generation, revision = connection.execute(_READ).one()
    return f"{generation}.{revision}"
