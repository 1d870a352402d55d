"""Each actor's revision: a number that every write reaching that actor's answers moves, and no other.

The answers that are a function of one actor's stored rows (the itinerary and its GeoJSON, the
actor's record, the actor's map and its embed) are cached under this revision instead of the
data's (app/response_cache.py, CachedOn.ACTOR), so that ingesting an article about one person
leaves every other person's cached answers as they are.

What such an answer shows, and what moves which revision:
- the actor's row (name, slug, kind): an INSERT, UPDATE or DELETE of an actor row moves the
  revision of the actor it was (OLD.id) and of the one it is (NEW.id);
- the actor's events, their columns, and the columns of each event's place (models.EVENT_COLUMNS,
  joined through event.place_id): an INSERT, UPDATE or DELETE of an event row moves its OLD and its
  NEW actor's revision. An event given to another actor moves both; a deleted article's events,
  deleted by its foreign key's cascade, fire the same triggers (SQLite with foreign_keys on, as
  app/db.py opens it, and PostgreSQL alike);
- the actor's aliases (the actor's record lists them): an INSERT, UPDATE or DELETE of an alias
  row moves its OLD and NEW actor's revision;
- a place's columns, shown by the events of any number of actors: an UPDATE or DELETE of a place
  row moves the *itineraries' revision* (data_revision.itinerary_revision), which every actor's
  answer depends on. An INSERT of a place changes no existing answer (no event refers to it yet);
- an article shows nothing of itself in these answers but its id, which the event row carries:
  its rows and its mentions move no actor's revision (its deletion does, through its events').
- a TRUNCATE of any table of the data (PostgreSQL) moves the itineraries' revision.

The rows of actor_revision are never deleted (an actor's deletion moves its row), so that an id
used again (SQLite gives a deleted last row's id to the next insert) never repeats a revision;
an actor without a row yet is at revision 0.

SQLite: AFTER row triggers, in the writing transaction (SQLite writes one transaction at a time).

PostgreSQL: an AFTER row trigger on each of those tables notes the actors it touches in a
transaction-local setting (itinerant.actor_revision_noted: ",12,40,", or "all"); the data's
deferred bump (data_revision_bump, app/data_revision.py) moves their revisions at commit, after
it has locked the data's revision row: every transaction that moves actor revisions holds that
lock first, so two of them never wait for each other's actor rows (no deadlock), whatever order
they touched the actors in. A transaction that touches more actors than the setting keeps
(a restore, a bulk correction) moves the itineraries' revision instead: every actor's answer is
made again, never one left stale. A savepoint rolled back takes back its notes with its rows.

As with the data's revision, a SQLite migration that rebuilds one of these tables in batch mode
drops its triggers with it and must create them again (`create_actor_revision_triggers`);
tests/app/test_actor_revision.py checks that every table an actor's answers read carries them.

Readers read one statement (`state_sql`): the data's revision, the itineraries' revision, and the
actor's id and revision through its slug (two unique-index lookups), all from one snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy import text
from sqlalchemy.engine import Connection

__all__ = [
    "ACTOR_TABLES",
    "ITINERARY_TABLES",
    "ActorState",
    "actor_revision_trigger_tables",
    "all_states_sql",
    "create_actor_revision_functions",
    "create_actor_revision_triggers",
    "drop_actor_revision_triggers",
    "postgres_tables_with_trigger",
    "read_actor_state",
    "state_of_row",
    "state_sql",
    "states_of_rows",
]

# The tables whose rows name an actor, and the column that does (OLD's and NEW's actor moves).
ACTOR_TABLES: Final = {"actor": "id", "actoralias": "actor_id", "event": "actor_id"}
# The tables whose UPDATE or DELETE may change any actor's answers (their INSERT cannot).
ITINERARY_TABLES: Final = ("place",)

_TRIGGER_PREFIX: Final = "actor_revision_"
_SQLITE_OPERATIONS: Final = ("insert", "update", "delete")
NOTED_SETTING: Final = "itinerant.actor_revision_noted"
# The longest list of noted actors a transaction keeps (characters, about a thousand actors);
# beyond it, the itineraries' revision moves instead.
_MOST_NOTED: Final = 8000


def _sqlite_bump(actor: str) -> str:
    # Never a conflict, so never a conflict clause (an outer INSERT OR REPLACE would impose its own).
    return (
        f"INSERT INTO actor_revision (actor_id, revision) SELECT {actor}, 0 "  # noqa: S608  (names of ours)
        f"WHERE NOT EXISTS (SELECT 1 FROM actor_revision WHERE actor_id = {actor}); "
        f"UPDATE actor_revision SET revision = revision + 1 WHERE actor_id = {actor};"
    )


_SQLITE_ALL: Final = "UPDATE data_revision SET itinerary_revision = itinerary_revision + 1 WHERE id = 1;"

_POSTGRES_FUNCTIONS: Final = (
    f"""
    CREATE OR REPLACE FUNCTION actor_revision_note(actor bigint) RETURNS void
    LANGUAGE plpgsql VOLATILE AS $$
    DECLARE
        noted text := coalesce(current_setting('{NOTED_SETTING}', true), '');
    BEGIN
        IF actor IS NULL OR noted = 'all' OR position(',' || actor || ',' IN noted) > 0 THEN
            RETURN;
        END IF;
        IF length(noted) > {_MOST_NOTED} THEN
            PERFORM set_config('{NOTED_SETTING}', 'all', true);
        ELSIF noted = '' THEN
            PERFORM set_config('{NOTED_SETTING}', ',' || actor || ',', true);
        ELSE
            PERFORM set_config('{NOTED_SETTING}', noted || actor || ',', true);
        END IF;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION actor_revision_of_all() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM set_config('{NOTED_SETTING}', 'all', true);
        RETURN NULL;
    END $$
    """,
)


# One row function for each column that names an actor: actor_revision_of_id, ..._of_actor_id.
_POSTGRES_ROW_FUNCTION: Final = {column: f"actor_revision_of_{column}" for column in sorted(set(ACTOR_TABLES.values()))}


def _postgres_row_function(column: str) -> str:
    """The trigger function that notes the OLD and the NEW actor named by `column` of a row."""
    return f"""
    CREATE OR REPLACE FUNCTION {_POSTGRES_ROW_FUNCTION[column]}() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            PERFORM actor_revision_note(OLD.{column});
        END IF;
        IF TG_OP <> 'DELETE' THEN
            PERFORM actor_revision_note(NEW.{column});
        END IF;
        RETURN NULL;
    END $$
    """


def create_actor_revision_functions(connection: Connection) -> None:
    """PostgreSQL: (re)define the functions the triggers call."""
    if connection.dialect.name == "postgresql":
        for function in _POSTGRES_FUNCTIONS:
            connection.exec_driver_sql(function)
        for column in _POSTGRES_ROW_FUNCTION:
            connection.exec_driver_sql(_postgres_row_function(column))


def _trigger_names() -> dict[str, list[tuple[str, str, str]]]:
    """Each table's triggers: (name, operation as SQL, what the SQLite trigger does)."""
    triggers: dict[str, list[tuple[str, str, str]]] = {}
    for table, column in ACTOR_TABLES.items():
        triggers[table] = [
            (f"{_TRIGGER_PREFIX}{table}_insert", "INSERT", _sqlite_bump(f"NEW.{column}")),
            (
                f"{_TRIGGER_PREFIX}{table}_update",
                "UPDATE",
                _sqlite_bump(f"OLD.{column}") + " " + _sqlite_bump(f"NEW.{column}"),
            ),
            (f"{_TRIGGER_PREFIX}{table}_delete", "DELETE", _sqlite_bump(f"OLD.{column}")),
        ]
    for table in ITINERARY_TABLES:
        triggers[table] = [
            (f"{_TRIGGER_PREFIX}{table}_update", "UPDATE", _SQLITE_ALL),
            (f"{_TRIGGER_PREFIX}{table}_delete", "DELETE", _SQLITE_ALL),
        ]
    return triggers


def create_actor_revision_triggers(connection: Connection) -> None:
    """Make every write that reaches an actor's answers move its revision (or the itineraries')."""
    if connection.dialect.name == "postgresql":
        create_actor_revision_functions(connection)
        for table, column in ACTOR_TABLES.items():
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_TRIGGER_PREFIX}{table} ON {table}")
            connection.exec_driver_sql(
                f"CREATE TRIGGER {_TRIGGER_PREFIX}{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {_POSTGRES_ROW_FUNCTION[column]}()"
            )
        for table in ITINERARY_TABLES:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_TRIGGER_PREFIX}{table} ON {table}")
            connection.exec_driver_sql(
                f"CREATE TRIGGER {_TRIGGER_PREFIX}{table} AFTER UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION actor_revision_of_all()"
            )
        return
    for table, triggers in _trigger_names().items():
        for name, operation, body in triggers:
            connection.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {operation} ON {table} BEGIN {body} END"
            )


def drop_actor_revision_triggers(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        for table in (*ACTOR_TABLES, *ITINERARY_TABLES):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_TRIGGER_PREFIX}{table} ON {table}")
        for function in ("actor_revision_of_all", *_POSTGRES_ROW_FUNCTION.values()):
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {function}()")
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS actor_revision_note(bigint)")
        return
    for triggers in _trigger_names().values():
        for name, _operation, _body in triggers:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def postgres_tables_with_trigger(connection: Connection, prefix: str) -> list[str]:
    """PostgreSQL: the tables of the current schema that carry a trigger named `prefix` + the table's
    name (the data's revision and the actors' revisions name their triggers so)."""
    rows = connection.execute(
        text(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE c.relnamespace = current_schema()::regnamespace AND t.tgname = :prefix || c.relname"
        ),
        {"prefix": prefix},
    )
    return sorted(row[0] for row in rows)


def actor_revision_trigger_tables(connection: Connection) -> list[str]:
    """The tables that carry every actor revision trigger they should."""
    if connection.dialect.name == "postgresql":
        return postgres_tables_with_trigger(connection, _TRIGGER_PREFIX)
    names = {
        row[0]
        for row in connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, :length) = :prefix"),
            {"length": len(_TRIGGER_PREFIX), "prefix": _TRIGGER_PREFIX},
        )
    }
    return sorted(
        table for table, triggers in _trigger_names().items() if {name for name, _op, _body in triggers} <= names
    )


@dataclass(frozen=True, slots=True)
class ActorState:
    """What an actor's answers depend on now: `data`, the data's revision read with it (a token as
    data_revision.read_revision gives), and `key`, the part of a cache key that names the actor's
    state; without such an actor, the data's revision (what its answers, a 404, depend on)."""

    data: str
    key: str


def state_sql(placeholder: str) -> str:
    """The statement that reads an actor's state, its slug bound by `placeholder`."""
    return (
        "SELECT d.generation, d.revision, d.itinerary_revision, a.id, r.revision "
        "FROM data_revision AS d LEFT JOIN actor AS a ON a.slug = " + placeholder + " "
        "LEFT JOIN actor_revision AS r ON r.actor_id = a.id WHERE d.id = 1"
    )


def all_states_sql(placeholder: str) -> str:
    """The statement that reads the states of the most recently made actors, their number bound by
    `placeholder`, each row led by the actor's slug: what a serving process reads once, before it
    takes requests, instead of one round trip for each actor its first requests name."""
    return (
        "SELECT a.slug, d.generation, d.revision, d.itinerary_revision, a.id, r.revision "
        "FROM data_revision AS d CROSS JOIN actor AS a "
        "LEFT JOIN actor_revision AS r ON r.actor_id = a.id WHERE d.id = 1 "
        "ORDER BY a.id DESC LIMIT " + placeholder
    )


_STATE: Final = text(state_sql(":slug"))


def state_of_row(row) -> ActorState:
    generation, revision, itineraries, actor_id, actor_revision = row
    data = f"{generation}.{revision}"
    if actor_id is None:
        return ActorState(data, f"data {data}")
    return ActorState(data, f"actor {generation}.{itineraries}.{actor_id}.{actor_revision or 0}")


def states_of_rows(rows) -> dict[str, ActorState]:
    """The states of `all_states_sql`'s rows, by slug."""
    return {row[0]: state_of_row(row[1:]) for row in rows}


def read_actor_state(connection: Connection, slug: str) -> ActorState:
    return state_of_row(connection.execute(_STATE, {"slug": slug}).one())
