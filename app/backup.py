"""A whole database as JSON Lines, and back: `itinerant dump FILE`, `itinerant restore FILE`.

The dump holds every table the app owns (those of app/models.py, as app/migrations creates them),
one record a line, in a stable order: parents before children (places, articles, actors, aliases,
mentions, events, feeds, feed items, the geocoder's cache), each table's rows by primary key::

    {"kind": "header", "format": 1, "schema": "0005", "tables": ["actor", "article", ...]}
    {"kind": "row", "table": "article", "row": {"id": 1, "title": "...", "published": "2023-09-15", ...}}
    ...
    {"kind": "end", "counts": {"actor": 3, "article": 1, ...}}

Every column is written under its own name, dates and times in ISO 8601, so the file reads the
same from SQLite and PostgreSQL and restores into either. Ids are kept, so an event an analyst
corrected is still the event its links and the alias table point at; the end record's counts
tell a complete file from a cut one.

A restore goes into an empty database at the schema revision the dump names, in one transaction:
any fault (a cut file, a row that does not fit) leaves the database as empty as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Final

from alembic.migration import MigrationContext
from sqlalchemy import Date, DateTime, Table, TypeDecorator, func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from app.models import ActorRevision, DataRevision  # (importing app.models registers the tables on SQLModel.metadata)
from geo.errors import ConflictError, InvalidInputError

__all__ = [
    "FORMAT",
    "DumpCounts",
    "app_tables",
    "dump_database",
    "dump_to_file",
    "restore_database",
    "restore_from_file",
]

FORMAT: Final = 1
# Rows written or inserted at a time: memory stays flat on a database of any size.
_BATCH: Final = 1000

DumpCounts = dict[str, int]


# Not data but the database's own: a dump leaves it out, and a restore moves it like any write.
_NOT_DUMPED: Final = frozenset({DataRevision.__tablename__, ActorRevision.__tablename__})


def app_tables() -> list[Table]:
    """The app's tables of data, each after those its foreign keys point at (a stable order)."""
    return [table for table in SQLModel.metadata.sorted_tables if table.name not in _NOT_DUMPED]


def _schema_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _plain(value):
    if isinstance(value, date | datetime):  # datetime is a date too
        return value.isoformat()
    return value


def _record(record: dict) -> str:
    # ensure_ascii=False: names and texts stay readable; separators: a smaller file.
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def _snapshot(connection: Connection) -> Connection:
    """The connection, reading every table as of one moment while the service goes on writing."""
    if connection.dialect.name == "postgresql":
        return connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    if connection.dialect.name == "sqlite":
        # Python's sqlite3 opens a transaction only before a write, so each SELECT would see the
        # database of its own moment; an explicit BEGIN makes them share one (WAL keeps it).
        connection.exec_driver_sql("BEGIN")
    return connection


def dump_database(engine: Engine, out: IO[str]) -> DumpCounts:
    """Write the whole database to `out` as JSON Lines; the rows written per table."""
    tables = app_tables()
    counts: DumpCounts = {}
    with engine.connect() as plain:
        connection = _snapshot(plain)
        out.write(
            _record(
                {
                    "kind": "header",
                    "format": FORMAT,
                    "schema": _schema_revision(connection),
                    "tables": [table.name for table in tables],
                }
            )
        )
        for table in tables:
            counts[table.name] = 0
            query = select(table).order_by(*table.primary_key.columns)
            for row in connection.execution_options(yield_per=_BATCH).execute(query).mappings():
                values = {column.name: _plain(row[column.name]) for column in table.columns}
                out.write(_record({"kind": "row", "table": table.name, "row": values}))
                counts[table.name] += 1
        out.write(_record({"kind": "end", "counts": counts}))
        connection.rollback()  # read only: nothing to keep
    return counts


def dump_to_file(engine: Engine, path: Path) -> DumpCounts:
    """Dump into `path`, written beside it first and renamed, so a failed dump leaves no file behind."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as out:
            counts = dump_database(engine, out)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return counts


def _converters(table: Table) -> dict:
    """Per column, what turns its JSON value back into the column's Python value."""
    converters = {}
    for column in table.columns:
        # Through a TypeDecorator (SQLModel's timezone-aware times) to the type it stores as.
        kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
        if isinstance(kind, DateTime):
            converters[column.name] = datetime.fromisoformat
        elif isinstance(kind, Date):
            converters[column.name] = date.fromisoformat
    return converters


class _Reader:
    """The dump's records, checked one by one; errors name the line."""

    def __init__(self, lines: IO[str]) -> None:
        self._lines = enumerate(lines, start=1)
        self.line = 0

    def __iter__(self) -> Iterator[dict]:
        while True:
            try:
                self.line, raw = next(self._lines)
            except StopIteration:
                return
            except UnicodeDecodeError:
                self.line += 1
                raise self.error("not UTF-8 text; is this a file of `itinerant dump`?") from None
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise self.error(f"not JSON ({exc.msg})") from None
            if not isinstance(record, dict) or "kind" not in record:
                raise self.error('not a dump record (no "kind")')
            yield record

    def error(self, message: str) -> InvalidInputError:
        return InvalidInputError(f"line {self.line} of the dump: {message}")


def _ensure_empty(connection: Connection, tables: list[Table]) -> None:
    if connection.dialect.name == "postgresql":
        # No one else writes until the restore commits: the database stays empty but for it.
        names = ", ".join(connection.dialect.identifier_preparer.format_table(table) for table in tables)
        connection.exec_driver_sql(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE")
    filled = [
        table.name for table in tables if connection.execute(select(func.count()).select_from(table)).scalar_one()
    ]
    if filled:
        raise ConflictError(
            "the database is not empty (it holds rows in " + ", ".join(filled) + "); restore into a new, empty database"
        )


def _advance_sequences(connection: Connection, tables: list[Table]) -> None:
    """PostgreSQL: the next id a table hands out comes after the restored ones."""
    if connection.dialect.name != "postgresql":
        return  # SQLite's next rowid is the largest one plus one already
    for table in tables:
        column = table.autoincrement_column  # None: a key of its own (the geocoder cache's query)
        if column is not None:
            largest = func.max(column)
            connection.execute(
                select(
                    func.setval(
                        func.pg_get_serial_sequence(table.name, column.name),
                        func.coalesce(largest, 1),
                        largest.is_not(None),  # false on an empty table: the next id is 1
                    )
                ).select_from(table)
            )


def restore_database(engine: Engine, lines: IO[str]) -> DumpCounts:
    """Load a dump into the empty database behind `engine`, all of it or nothing; the rows per table.

    Raises ConflictError when the database holds any row, InvalidInputError when the dump is not
    one (not JSON Lines, another format or schema revision, an unknown table or column, cut short).
    """
    tables = {table.name: table for table in app_tables()}
    reader = _Reader(lines)
    records = iter(reader)
    counts: DumpCounts = {}
    with engine.begin() as connection:
        header = next(records, None)
        if header is None or header.get("kind") != "header":
            raise reader.error("a dump starts with its header record; is this a file of `itinerant dump`?")
        if header.get("format") != FORMAT:
            raise reader.error(f"format {header.get('format')!r} is not one this version reads ({FORMAT})")
        schema = _schema_revision(connection)
        if header.get("schema") != schema:
            raise reader.error(
                f"the dump is of schema revision {header.get('schema')!r}, the database is at {schema!r}: "
                "restore with the itinerant version that wrote it, then upgrade"
            )
        _ensure_empty(connection, list(tables.values()))

        pending: list[dict] = []
        pending_table: Table | None = None

        def flush() -> None:
            if not pending:
                return
            try:
                connection.execute(pending_table.insert(), pending)
            except DBAPIError as exc:
                # A row the schema refuses: a broken or hand-edited dump. The transaction is undone.
                reason = str(exc.orig).strip().splitlines()[0]
                raise reader.error(f"a row of {pending_table.name} does not fit the database ({reason})") from None
            pending.clear()

        end = None
        for record in records:
            if end is not None:
                raise reader.error("a record after the end record")
            kind = record["kind"]
            if kind == "end":
                end = record
                continue
            if kind != "row":
                raise reader.error(f"unknown record kind {kind!r}")
            table = tables.get(record.get("table"))
            if table is None:
                raise reader.error(f"unknown table {record.get('table')!r}")
            row = record.get("row")
            if not isinstance(row, dict):
                raise reader.error('a row record holds its values in "row"')
            unknown = set(row) - set(table.columns.keys())
            if unknown:
                raise reader.error(f"{table.name} has no column {sorted(unknown)[0]!r}")
            if table is not pending_table:
                flush()
                pending_table = table
            converters = _converters(table)
            try:
                values = {
                    name: converters[name](value) if value is not None and name in converters else value
                    for name, value in row.items()
                }
            except (TypeError, ValueError) as exc:
                raise reader.error(f"a value of {table.name} is not of its column's type ({exc})") from None
            pending.append(values)
            counts[table.name] = counts.get(table.name, 0) + 1
            if len(pending) >= _BATCH:
                flush()
        flush()
        if end is None:
            raise reader.error("the dump is cut short (no end record): nothing was restored")
        expected = {name: count for name, count in (end.get("counts") or {}).items() if count}
        if expected != counts:
            raise reader.error(f"the end record counts {expected} rows, the file holds {counts}: nothing was restored")
        _advance_sequences(connection, list(tables.values()))
    return {name: counts.get(name, 0) for name in tables}


def restore_from_file(engine: Engine, path: Path) -> DumpCounts:
    with path.open(encoding="utf-8") as lines:
        return restore_database(engine, lines)
