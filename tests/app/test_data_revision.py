"""app.data_revision: every write to the data moves the revision, whoever writes it, on every
configured database; reads, rolled-back writes and writes to other tables do not."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from datetime import date

import pytest
from database_urls import engine_url
from sqlalchemy import make_url, text
from sqlmodel import Session

from app import data_revision, models
from app.data_revision import (
    NOTIFY_CHANNEL,
    REVISED_TABLES,
    PostgresRevision,
    SqliteRevision,
    read_revision,
    revision_trigger_tables,
)
from app.db import make_engine
from app.migrate import upgrade_database


def revision(engine) -> str:
    with engine.connect() as connection:
        return read_revision(connection)


def store_one_of_each(engine) -> dict[str, int]:
    """A row in every table of the data; their ids by table."""
    with Session(engine) as session:
        place = models.Place(
            gazetteer_id="geonames:1", name="Sochi", lat=43.6, lon=39.7, kind="city", precision="city", population=1
        )
        article = models.Article(text="Putin stayed in Sochi.", content_hash="h" * 64, published=date(2023, 9, 15))
        actor = models.Actor(name="Vladimir Putin", slug="vladimir-putin")
        session.add_all([place, article, actor])
        session.flush()
        alias = models.ActorAlias(actor_id=actor.id, alias="Putin", alias_key="putin")
        mention = models.Mention(
            article_id=article.id, start_char=16, end_char=21, surface="Sochi", role="location", place_id=place.id
        )
        event = models.Event(
            article_id=article.id,
            actor_id=actor.id,
            action="stay",
            place_id=place.id,
            lat=43.6,
            lon=39.7,
            status="occurred",
            evidence="Putin stayed in Sochi.",
            evidence_start=0,
            evidence_end=22,
        )
        session.add_all([alias, mention, event])
        session.commit()
        return {
            "place": place.id,
            "article": article.id,
            "actor": actor.id,
            "actoralias": alias.id,
            "mention": mention.id,
            "event": event.id,
        }


# One change of each kind to each table of the data, in the order that the foreign keys allow.
CHANGES = [
    "UPDATE place SET name = 'Sochi, Russia' WHERE id = {place}",
    "UPDATE article SET title = 'A stay' WHERE id = {article}",
    "UPDATE actor SET name = 'V. Putin' WHERE id = {actor}",
    "UPDATE actoralias SET alias = 'V.V.P.' WHERE id = {actoralias}",
    "UPDATE mention SET confidence = 0.5 WHERE id = {mention}",
    "UPDATE event SET action = 'visit' WHERE id = {event}",
    "INSERT INTO actoralias (actor_id, alias, alias_key) VALUES ({actor}, 'Vova', 'vova')",
    "DELETE FROM actoralias WHERE id = {actoralias}",
    "DELETE FROM event WHERE id = {event}",
    "DELETE FROM mention WHERE id = {mention}",
    "DELETE FROM article WHERE id = {article}",
    "DELETE FROM place WHERE id = {place}",
    "DELETE FROM actor WHERE id = {actor}",
]


def test_every_table_of_the_data_carries_the_triggers(engine):
    with engine.connect() as connection:
        assert set(REVISED_TABLES) <= set(revision_trigger_tables(connection))


def test_the_tables_of_the_data_are_those_of_the_models_but_feeds_and_the_geocoders_cache():
    tables = {table.name for table in models.SQLModel.metadata.sorted_tables}
    assert tables - set(REVISED_TABLES) == {"feed", "feed_item", "geocode_cache", "data_revision", "actor_revision"}


def test_each_insert_update_and_delete_moves_the_revision(engine):
    start = revision(engine)
    ids = store_one_of_each(engine)
    seen = [start, revision(engine)]
    for change in CHANGES:
        with engine.begin() as connection:
            connection.execute(text(change.format(**ids)))
        seen.append(revision(engine))
        assert seen[-1] != seen[-2], change
    assert len(set(seen)) == len(seen)  # never back to an earlier value


def test_reads_rollbacks_and_other_tables_leave_it(engine):
    ids = store_one_of_each(engine)
    before = revision(engine)
    with engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM event")).scalar_one()
        connection.execute(text(f"UPDATE event SET action = 'flee' WHERE id = {ids['event']}"))
        connection.rollback()
    with Session(engine) as session:
        session.add(models.Feed(url="https://news.example/feed", url_key="https://news.example/feed"))
        session.add(models.GeocodeCacheEntry(key="nominatim:sochi", answer="[]"))
        session.commit()
    assert revision(engine) == before


def test_a_write_by_another_process_moves_the_revision(engine):
    ids = store_one_of_each(engine)
    before = revision(engine)
    script = (
        "import sys\n"
        "from sqlalchemy import text\n"
        "from app.db import make_engine\n"
        "engine = make_engine(sys.argv[1])\n"
        "with engine.begin() as connection:\n"
        "    connection.execute(text(sys.argv[2]))\n"
    )
    update = f"UPDATE event SET action = 'flee' WHERE id = {ids['event']}"
    subprocess.run([sys.executable, "-c", script, engine_url(engine), update], check=True, timeout=120)
    assert revision(engine) != before


def test_a_new_database_has_a_generation_of_its_own(engine, another_engine):
    generation, number = revision(engine).split(".")
    other_generation, other_number = revision(another_engine).split(".")
    assert number == other_number == "0"
    assert generation != other_generation


def test_upgrading_again_keeps_the_revision_and_its_triggers(engine):
    store_one_of_each(engine)
    before = revision(engine)
    upgrade_database(engine)
    assert revision(engine) == before
    with engine.connect() as connection:
        assert set(REVISED_TABLES) <= set(revision_trigger_tables(connection))


def test_a_second_engine_reads_what_the_first_wrote(engine):
    """Two processes' pools: a commit through one is the revision the other reads next."""
    other = make_engine(engine_url(engine))
    try:
        before = revision(other)
        store_one_of_each(engine)
        assert revision(other) != before
    finally:
        other.dispose()


@pytest.mark.postgres
def test_postgresql_moves_it_once_a_transaction_at_commit(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite moves it once a row")
    ids = store_one_of_each(engine)
    _generation, before = revision(engine).split(".")
    with engine.connect() as connection:
        for number in range(50):
            connection.execute(
                text("INSERT INTO actoralias (actor_id, alias, alias_key) VALUES (:actor, :alias, :alias)"),
                {"actor": ids["actor"], "alias": f"alias {number}"},
            )
        # Not yet: the bump is deferred to the commit, when the revision row is locked last.
        in_transaction = connection.execute(text("SELECT revision FROM data_revision")).scalar_one()
        assert str(in_transaction) == before
        connection.commit()
    _generation, after = revision(engine).split(".")
    assert int(after) == int(before) + 1


def _sqlite_only(engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the revision's own connection is SQLite's")


def test_sqlite_reads_it_on_a_connection_of_its_own_as_the_pool_does(engine):
    _sqlite_only(engine)
    own = SqliteRevision.of(engine)
    assert own is not None
    assert own.read() == revision(engine)
    store_one_of_each(engine)
    assert own.read() == revision(engine)


def test_the_sqlite_revision_sees_each_commit_and_nothing_before_it(engine):
    """Each read is a transaction of its own: a write committed after one read is seen by the next,
    whichever connection made it, and one not yet committed is not seen, nor waited for."""
    _sqlite_only(engine)
    ids = store_one_of_each(engine)
    own = SqliteRevision.of(engine)
    first = own.read()
    other = make_engine(engine_url(engine))
    try:
        with other.connect() as connection:
            connection.execute(text(f"UPDATE event SET action = 'flee' WHERE id = {ids['event']}"))
            assert own.read() == first  # written, not committed: not seen, and the read did not wait
            connection.commit()
        second = own.read()
        assert second != first and second == revision(engine)
        with other.begin() as connection:
            connection.execute(text(f"DELETE FROM event WHERE id = {ids['event']}"))
        assert own.read() not in (first, second)
    finally:
        other.dispose()
        own.close()


def test_the_sqlite_revision_reads_nothing_where_another_connection_would_not_see_the_data(engine, tmp_path):
    assert SqliteRevision.of(make_engine("sqlite://")) is None
    assert SqliteRevision.of(make_engine("sqlite:///:memory:")) is None
    if engine.dialect.name != "sqlite":
        assert SqliteRevision.of(engine) is None


def test_the_sqlite_revision_gives_none_when_it_cannot_read_it(engine, tmp_path):
    _sqlite_only(engine)
    assert SqliteRevision(tmp_path / "nowhere.sqlite").read() is None  # never creates a file
    assert not (tmp_path / "nowhere.sqlite").exists()
    own = SqliteRevision.of(engine)
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE data_revision RENAME TO data_revision_elsewhere"))
    assert own.read() is None


def _postgres_only(engine) -> PostgresRevision:
    if engine.dialect.name != "postgresql":
        pytest.skip("the revision's asynchronous connection is PostgreSQL's")
    own = PostgresRevision.of(engine)
    assert own is not None
    return own


@pytest.mark.postgres
def test_postgresql_reads_it_on_a_connection_of_its_own_once_it_learnt_the_pools(engine):
    own = _postgres_only(engine)
    ids = store_one_of_each(engine)
    other = make_engine(engine_url(engine))

    async def reads() -> list[str | None]:
        seen = [await own.read()]  # nothing learnt yet: the caller reads its usual way
        with engine.connect() as connection:
            own.learn(connection)
        seen.append(await own.read())
        with other.connect() as connection:
            connection.execute(text(f"UPDATE event SET action = 'flee' WHERE id = {ids['event']}"))
            seen.append(await own.read())  # not committed yet: not seen
            connection.commit()
        seen.append(await own.read())
        return seen

    try:
        before = revision(engine)
        unlearnt, first, during, after = asyncio.run(reads())
        assert unlearnt is None
        assert first == during == before
        assert after != before and after == revision(engine)
        assert asyncio.run(own.read()) == after  # another event loop: a connection of its own
    finally:
        own.close()
        other.dispose()


@pytest.mark.postgres
def test_postgresql_gives_none_when_its_own_connection_cannot_read_it_then_reads_again(engine):
    own = _postgres_only(engine)
    with engine.connect() as connection:
        own.learn(connection)
    try:
        assert asyncio.run(own.read()) == revision(engine)
        with engine.begin() as connection:
            connection.execute(text("ALTER TABLE data_revision RENAME TO data_revision_elsewhere"))
        assert asyncio.run(own.read()) is None
        with engine.begin() as connection:
            connection.execute(text("ALTER TABLE data_revision_elsewhere RENAME TO data_revision"))
        assert asyncio.run(own.read()) == revision(engine)
    finally:
        own.close()


def test_only_postgresql_through_psycopg_gets_an_asynchronous_connection(engine):
    assert (PostgresRevision.of(engine) is not None) == (engine.dialect.name == "postgresql")


def _listening_revision(engine, recheck_seconds: float) -> PostgresRevision:
    if engine.dialect.name != "postgresql":
        pytest.skip("the notifications of writes are PostgreSQL's")
    own = PostgresRevision.of(engine, recheck_seconds)
    with engine.connect() as connection:
        own.learn(connection)
    return own


async def _until(condition, seconds: float = 5.0) -> bool:
    """Whether `condition()` came true within `seconds` (polled while the loop runs other tasks)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.01)
    return True


async def _listening_and_known(own: PostgresRevision) -> str:
    """Read until the listener is up and a read made after its LISTEN is kept; that revision."""
    await own.read()  # opens the reading connection and starts the listener
    assert await _until(lambda: own.listening)
    token = await own.read()
    assert token is not None and own.known() == token
    return token


@pytest.mark.postgres
def test_postgresql_bump_notifies_the_listeners_at_commit_and_not_for_a_rollback(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's notifications")
    import psycopg

    ids = store_one_of_each(engine)
    listener = psycopg.connect(make_url(engine_url(engine)).set(drivername="postgresql").render_as_string(False))
    try:
        listener.autocommit = True
        listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
        with engine.connect() as connection:
            connection.execute(text(f"UPDATE event SET action = 'flee' WHERE id = {ids['event']}"))
            connection.execute(text(f"UPDATE actor SET name = 'Someone' WHERE id = {ids['actor']}"))
            assert list(listener.notifies(timeout=0.3)) == []  # not before the commit
            connection.rollback()
        assert list(listener.notifies(timeout=0.3)) == []  # nor for a rollback
        with engine.begin() as connection:
            connection.execute(text(f"UPDATE event SET action = 'flee' WHERE id = {ids['event']}"))
            connection.execute(text(f"UPDATE actor SET name = 'Someone' WHERE id = {ids['actor']}"))
        received = list(listener.notifies(timeout=2, stop_after=1))
        assert [notification.channel for notification in received] == [NOTIFY_CHANNEL]  # one a transaction
    finally:
        listener.close()


@pytest.mark.postgres
def test_postgresql_keeps_the_revision_until_another_process_writes(engine):
    own = _listening_revision(engine, recheck_seconds=60)
    ids = store_one_of_each(engine)
    other = make_engine(engine_url(engine))

    async def scenario() -> tuple[str, str | None, bool, str | None]:
        before = await _listening_and_known(own)
        kept = own.known()
        with other.begin() as connection:
            connection.execute(text(f"UPDATE event SET action = 'flee' WHERE id = {ids['event']}"))
        forgotten = await _until(lambda: own.known() is None)
        return before, kept, forgotten, await own.read()

    try:
        before, kept, forgotten, after = asyncio.run(scenario())
        assert kept == before
        assert forgotten  # the notification came, and the revision is read again
        assert after != before and after == revision(engine)
    finally:
        own.close()
        other.dispose()


@pytest.mark.postgres
def test_postgresql_reads_again_after_the_recheck_time_whatever_the_notifications(engine):
    own = _listening_revision(engine, recheck_seconds=0.2)

    async def scenario() -> tuple[str | None, str | None]:
        await _listening_and_known(own)
        await asyncio.sleep(0.05)
        within = own.known()  # before half the time: no recheck started
        await asyncio.sleep(0.2)
        return within, own.known()

    try:
        within, beyond = asyncio.run(scenario())
        assert within == revision(engine) and beyond is None
    finally:
        own.close()


@pytest.mark.postgres
def test_postgresql_keeps_nothing_and_listens_not_without_a_recheck_time(engine):
    own = _listening_revision(engine, recheck_seconds=0)

    async def scenario() -> tuple[str | None, str | None, bool]:
        token = await own.read()
        await asyncio.sleep(0.2)
        return token, own.known(), own.listening

    try:
        token, known, listening = asyncio.run(scenario())
        assert token == revision(engine) and known is None and not listening
    finally:
        own.close()


@pytest.mark.postgres
def test_postgresql_reads_during_and_after_a_write_of_this_process(engine):
    own = _listening_revision(engine, recheck_seconds=60)

    async def scenario() -> tuple[str | None, str | None, str | None, str | None]:
        await _listening_and_known(own)
        with own.writing():
            during = own.known()
            read_during = await own.read()  # a read during the write is not kept either
            kept_during = own.known()
        return during, read_during, kept_during, own.known()

    try:
        during, read_during, kept_during, after = asyncio.run(scenario())
        assert during is None and kept_during is None and after is None
        assert read_during == revision(engine)
    finally:
        own.close()


@pytest.mark.postgres
def test_postgresql_reads_for_every_request_while_its_listening_connection_is_down(engine, monkeypatch):
    own = _listening_revision(engine, recheck_seconds=60)
    monkeypatch.setattr(data_revision, "_LISTEN_RETRY_SECONDS", 0.3)

    def terminate_listener() -> None:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE query = :listen AND pid <> pg_backend_pid()"
                ),
                {"listen": f"LISTEN {NOTIFY_CHANNEL}"},
            )

    async def scenario() -> tuple[bool, str | None, str | None, bool, str | None]:
        await _listening_and_known(own)
        await asyncio.to_thread(terminate_listener)
        lost = await _until(lambda: not own.listening)
        read_meanwhile = await own.read()
        kept_meanwhile = own.known()
        # Another listener is started by a read once the retry's wait is over.
        await asyncio.sleep(0.35)
        await own.read()
        back = await _until(lambda: own.listening)
        return lost, read_meanwhile, kept_meanwhile, back, await own.read()

    try:
        lost, read_meanwhile, kept_meanwhile, back, after = asyncio.run(scenario())
        assert lost and read_meanwhile == revision(engine) and kept_meanwhile is None
        assert back and after == revision(engine)
    finally:
        own.close()


@pytest.mark.postgres
def test_postgresql_rechecks_it_in_the_background_before_it_runs_out(engine, monkeypatch):
    own = _listening_revision(engine, recheck_seconds=0.4)
    reads = [0]
    read = PostgresRevision.read

    async def counted(self):
        reads[0] += 1
        return await read(self)

    monkeypatch.setattr(PostgresRevision, "read", counted)

    async def scenario() -> tuple[str, list[str | None], int, int]:
        token = await _listening_and_known(own)
        before = reads[0]
        seen = []
        for _ in range(6):  # 0.6 s of requests, every 0.1 s, none of which reads
            await asyncio.sleep(0.1)
            seen.append(own.known())
        return token, seen, before, reads[0]

    try:
        token, seen, before, after = asyncio.run(scenario())
        assert seen == [token] * 6  # past the first read's 0.4 s, on the background's read
        assert after > before  # the rechecks, made in the background
    finally:
        own.close()
