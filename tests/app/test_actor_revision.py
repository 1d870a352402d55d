"""app.actor_revision: each write moves the revision of the actors whose answers it reaches, and no
other's, on every configured database; the response cache keeps an actor's answers until then."""

from __future__ import annotations

import asyncio
import time

import pytest
from alembic import command
from app_fixtures import ANADYR, KHABAROVSK, KOMSOMOLSK, SOCHI, VLADIVOSTOK, event
from fastapi.testclient import TestClient
from pipelines import GivenEvents, ListedPlaces
from sqlalchemy import text
from trip_services import store_article, trip_services

from app import itineraries, models
from app.actor_revision import (
    ACTOR_TABLES,
    ITINERARY_TABLES,
    actor_revision_trigger_tables,
    read_actor_state,
)
from app.data_revision import REVISED_TABLES, PostgresRevision, SqliteRevision, revision_trigger_tables
from app.main import create_app
from app.migrate import alembic_config, upgrade_database
from app.services import Services
from geo.pipeline import ArticlePipeline

KIM, PUTIN, XI = "kim-jong-un", "vladimir-putin", "xi-jinping"

KIM_IN_VLADIVOSTOK = event("Kim Jong Un", VLADIVOSTOK, when="2019-04-25", start=0)
KIM_IN_KOMSOMOLSK = event("Kim Jong Un", KOMSOMOLSK, when="2023-09-15", start=100)
PUTIN_IN_SOCHI = event("Vladimir Putin", SOCHI, when="2023-09-15", start=200, action="meet")
XI_IN_KHABAROVSK = event("Xi Jinping", KHABAROVSK, when="2023-05-02", start=300)
KIM_IN_ANADYR = event("Kim Jong Un", ANADYR, when="2024-01-10", start=0)
PUTIN_IN_ANADYR = event("Vladimir Putin", ANADYR, when="2024-02-10", start=0)
EVENTS = [KIM_IN_VLADIVOSTOK, KIM_IN_KOMSOMOLSK, PUTIN_IN_SOCHI, XI_IN_KHABAROVSK, KIM_IN_ANADYR, PUTIN_IN_ANADYR]

FIRST_ARTICLE = " ".join(e.evidence for e in (KIM_IN_VLADIVOSTOK, KIM_IN_KOMSOMOLSK, PUTIN_IN_SOCHI, XI_IN_KHABAROVSK))


class EventsTold(GivenEvents):
    """The given events whose sentence the article tells: an article about one person adds theirs alone."""

    def read_events(self, article, mentions, doc=None):
        told = [e for e in self.events if e.evidence in article.text]
        return told, sorted({e.actor for e in told})


def actor_paths(slug: str) -> list[str]:
    """Every answer cached on one actor."""
    return [
        f"/api/actors/{slug}/itinerary.geojson",
        f"/api/actors/{slug}/itinerary",
        f"/api/actors/{slug}",
        f"/actors/{slug}/map",
        f"/embed/actors/{slug}",
    ]


def services_over(engine, settings, **overrides) -> Services:
    def told(_settings, _gazetteer) -> ArticlePipeline:
        return ArticlePipeline(places=ListedPlaces({}), events=EventsTold(EVENTS))

    return trip_services(engine, settings, pipeline_factory=told, **overrides)


@pytest.fixture
def store(engine, settings):
    """Kim's, Putin's and Xi's stops, stored through the API from one article."""
    store_article(services_over(engine, settings), FIRST_ARTICLE)
    return engine


@pytest.fixture
def make_app_client(store, settings):
    def make(**overrides) -> TestClient:
        return TestClient(create_app(services=services_over(store, settings, **overrides)))

    return make


@pytest.fixture
def client(make_app_client):
    return make_app_client()


@pytest.fixture
def made_for(monkeypatch) -> list[int]:
    """The ids of the actors whose events an answer was made from, in order (every cached answer
    of an actor reads them through app.itineraries.events_of)."""
    made: list[int] = []
    events_of = itineraries.events_of

    def recorded(session, event_filter):
        made.append(event_filter.actor_id)
        return events_of(session, event_filter)

    monkeypatch.setattr(itineraries, "events_of", recorded)
    return made


def actor_id(engine, slug: str) -> int:
    with engine.connect() as connection:
        return connection.execute(text("SELECT id FROM actor WHERE slug = :slug"), {"slug": slug}).scalar_one()


def event_id(engine, slug: str, place: str) -> int:
    with engine.connect() as connection:
        return connection.execute(
            text(
                "SELECT e.id FROM event e JOIN actor a ON a.id = e.actor_id JOIN place p ON p.id = e.place_id "
                "WHERE a.slug = :slug AND p.name = :place"
            ),
            {"slug": slug, "place": place},
        ).scalar_one()


def etags(client: TestClient, slug: str) -> dict[str, str]:
    """Every answer of the actor, asked for (and so cached); their tags by path."""
    tags = {}
    for path in actor_paths(slug):
        answer = client.get(path)
        assert answer.status_code == 200, (path, answer.text)
        tags[path] = answer.headers["etag"]
    return tags


def assert_served_from_the_cache(client: TestClient, made_for: list[int], slug: str, tags: dict[str, str]) -> None:
    made_for.clear()
    for path, tag in tags.items():
        answer = client.get(path)
        assert answer.status_code == 200 and answer.headers["etag"] == tag, path
        assert client.get(path, headers={"If-None-Match": tag}).status_code == 304, path
    assert made_for == [], f"{slug}'s answers were made again"


# The database's side: which writes move which actor's state.


def states(engine) -> dict[str, str]:
    with engine.connect() as connection:
        return {slug: read_actor_state(connection, slug).key for slug in (KIM, PUTIN, XI)}


def test_every_table_an_actors_answer_reads_carries_the_triggers(engine):
    # What the answers read: the events' columns (their actor's and place's joined), and aliases.
    read = {column.table.name for column in models.EVENT_COLUMNS} | {models.ActorAlias.__tablename__}
    assert read <= set(ACTOR_TABLES) | set(ITINERARY_TABLES)
    with engine.connect() as connection:
        assert set(ACTOR_TABLES) | set(ITINERARY_TABLES) <= set(actor_revision_trigger_tables(connection))


def _raw(engine, *statements: str, **values) -> None:
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement), values)


# Raw writes, each with the actors whose state it must move (the others' must stay).
RAW_WRITES = [
    ("UPDATE event SET action = 'flee' WHERE id = :putin_event", {PUTIN}),
    ("UPDATE event SET actor_id = :kim WHERE id = :putin_event", {PUTIN, KIM}),
    ("DELETE FROM event WHERE id = :putin_event", {PUTIN}),
    ("INSERT INTO actoralias (actor_id, alias, alias_key) VALUES (:putin, 'VVP', 'vvp')", {PUTIN}),
    ("UPDATE actoralias SET alias = 'V. Putin' WHERE actor_id = :putin", {PUTIN}),
    ("UPDATE actoralias SET actor_id = :kim WHERE actor_id = :putin", {PUTIN, KIM}),
    ("DELETE FROM actoralias WHERE actor_id = :putin", {PUTIN}),
    ("UPDATE actor SET name = 'V. V. Putin' WHERE id = :putin", {PUTIN}),
    ("UPDATE place SET name = 'Sochi-on-Sea' WHERE name = 'Sochi'", {KIM, PUTIN, XI}),
    ("DELETE FROM place WHERE name = 'Anadyr'", {KIM, PUTIN, XI}),
    # Neither an article's own columns, nor its mentions, nor a new place reach these answers.
    ("UPDATE article SET title = 'A summit'", set()),
    ("UPDATE mention SET confidence = 0.1", set()),
    (
        "INSERT INTO place (gazetteer_id, name, lat, lon, kind, precision, population) "
        "VALUES ('geonames:1', 'Nowhere', 1, 1, 'city', 'city', 0)",
        set(),
    ),
]


@pytest.mark.parametrize(("write", "moved"), RAW_WRITES, ids=[w for w, _ in RAW_WRITES])
def test_each_write_moves_the_state_of_the_actors_it_reaches_and_no_other(store, write, moved):
    with store.begin() as connection:  # a place no event uses, to delete
        connection.execute(
            text(
                "INSERT INTO place (gazetteer_id, name, lat, lon, kind, precision, population) "
                "VALUES ('geonames:2127202', 'Anadyr', 64.7, 177.5, 'city', 'city', 0)"
            )
        )
    values = {
        "kim": actor_id(store, KIM),
        "putin": actor_id(store, PUTIN),
        "putin_event": event_id(store, PUTIN, "Sochi"),
    }
    before = states(store)
    _raw(store, write, **values)
    after = states(store)
    assert {slug for slug in before if after[slug] != before[slug]} == moved


def test_deleting_an_article_moves_the_state_of_the_actors_of_its_events(store, client):
    assert client.post("/api/articles", json={"text": PUTIN_IN_ANADYR.evidence}).status_code == 201
    before = states(store)
    _raw(store, "DELETE FROM article WHERE id = 2")
    after = states(store)
    assert {slug for slug in before if after[slug] != before[slug]} == {PUTIN}


def _merge_kim_into_putin(store) -> None:
    """Kim merged into Putin as a merge writes it: his events and names given to Putin, his row deleted."""
    _raw(
        store,
        "UPDATE event SET actor_id = :putin WHERE actor_id = :kim",
        "UPDATE actoralias SET actor_id = :putin WHERE actor_id = :kim",
        "DELETE FROM actor WHERE id = :kim",
        kim=actor_id(store, KIM),
        putin=actor_id(store, PUTIN),
    )


def test_a_merge_and_a_rename_move_the_states_of_both_actors_and_their_slugs(store):
    putin = actor_id(store, PUTIN)
    before = states(store)
    _merge_kim_into_putin(store)
    merged = states(store)
    assert merged[PUTIN] != before[PUTIN] and merged[XI] == before[XI]
    assert merged[KIM].startswith("data ")  # no such actor now: the data's revision
    # Putin renamed: his old slug names no one, the new one names him at a new state.
    _raw(store, "UPDATE actor SET slug = 'vladimir-v-putin' WHERE id = :putin", putin=putin)
    with store.connect() as connection:
        renamed = read_actor_state(connection, "vladimir-v-putin")
        assert read_actor_state(connection, PUTIN).key.startswith("data ")
    assert renamed.key.startswith("actor ") and renamed.key != merged[PUTIN]


def test_a_deleted_actors_id_used_again_never_repeats_a_state(store):
    """SQLite gives the id of a deleted last row to the next insert."""
    xi = actor_id(store, XI)
    before = states(store)[XI]
    _raw(store, "DELETE FROM event WHERE actor_id = :xi", "DELETE FROM actoralias WHERE actor_id = :xi", xi=xi)
    _raw(store, "DELETE FROM actor WHERE id = :xi", xi=xi)
    _raw(store, "INSERT INTO actor (id, name, slug, kind) VALUES (:xi, 'Xi Jinping', :slug, 'person')", xi=xi, slug=XI)
    assert states(store)[XI] != before
    assert states(store)[XI].startswith("actor ") and f".{xi}." in states(store)[XI]


def test_a_rolled_back_write_moves_nothing(store):
    before = states(store)
    with store.connect() as connection:
        connection.execute(text("UPDATE event SET action = 'flee'"))
        connection.execute(text("UPDATE place SET name = 'x'"))
        connection.rollback()
    assert states(store) == before


@pytest.mark.postgres
def test_postgresql_moves_the_actors_once_a_transaction_at_commit_and_drops_a_savepoints(store):
    if store.dialect.name != "postgresql":
        pytest.skip("SQLite moves them once a row")
    kim, putin, xi = actor_id(store, KIM), actor_id(store, PUTIN), actor_id(store, XI)
    before = states(store)
    with store.connect() as connection:
        for _ in range(20):
            connection.execute(text("UPDATE event SET action = 'flee' WHERE actor_id = :kim"), {"kim": kim})
        savepoint = connection.begin_nested()
        connection.execute(text("UPDATE event SET action = 'flee' WHERE actor_id = :xi"), {"xi": xi})
        savepoint.rollback()
        connection.execute(text("UPDATE actor SET name = 'V. Putin' WHERE id = :putin"), {"putin": putin})
        assert states(store) == before  # not before the commit
        connection.commit()
    after = states(store)
    assert after[XI] == before[XI]
    for slug in (KIM, PUTIN):
        revision = int(after[slug].rsplit(".", 1)[1])
        assert revision == int(before[slug].rsplit(".", 1)[1]) + 1


@pytest.mark.postgres
def test_postgresql_moves_every_itinerary_when_a_transaction_touches_too_many_actors(store):
    if store.dialect.name != "postgresql":
        pytest.skip("SQLite moves each actor's own")
    before = states(store)
    with store.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO actor (name, slug, kind) "
                "SELECT 'someone ' || n, 'someone-' || n, 'person' FROM generate_series(1, 2000) n"
            )
        )
    after = states(store)
    assert all(after[slug] != before[slug] for slug in before)


@pytest.mark.postgres
def test_postgresql_writers_of_the_same_actors_in_opposite_orders_do_not_wait_for_each_other(store):
    """Their actors' revisions are locked at commit, under the data's revision's lock: a writer
    never holds one actor's revision while waiting for another's (the order two ingests meet
    the same people in is theirs)."""
    if store.dialect.name != "postgresql":
        pytest.skip("SQLite writes one transaction at a time")
    kim, putin = actor_id(store, KIM), actor_id(store, PUTIN)
    before = states(store)
    first, second = store.connect(), store.connect()
    try:
        for connection in (first, second):
            connection.execute(text("SET lock_timeout = '2s'"))
        first.execute(text("UPDATE event SET action = 'a' WHERE actor_id = :kim"), {"kim": kim})
        second.execute(text("UPDATE actoralias SET alias = alias WHERE actor_id = :putin"), {"putin": putin})
        first.execute(text("UPDATE event SET action = 'a' WHERE actor_id = :putin"), {"putin": putin})
        second.execute(text("UPDATE actoralias SET alias = alias WHERE actor_id = :kim"), {"kim": kim})
        first.commit()
        second.commit()
    finally:
        first.close()
        second.close()
    after = states(store)
    for slug in (KIM, PUTIN):
        assert int(after[slug].rsplit(".", 1)[1]) == int(before[slug].rsplit(".", 1)[1]) + 2


# The response cache's side.


def test_after_an_article_about_one_actor_the_others_answers_are_served_from_the_cache(store, client, made_for):
    kim_tags, putin_tags, xi_tags = etags(client, KIM), etags(client, PUTIN), etags(client, XI)
    assert client.post("/api/articles", json={"text": KIM_IN_ANADYR.evidence}).status_code == 201

    assert_served_from_the_cache(client, made_for, PUTIN, putin_tags)
    assert_served_from_the_cache(client, made_for, XI, xi_tags)
    made_for.clear()
    kim = client.get(f"/api/actors/{KIM}/itinerary.geojson")
    assert made_for == [actor_id(store, KIM)]
    assert kim.headers["etag"] != kim_tags[f"/api/actors/{KIM}/itinerary.geojson"]
    assert "Anadyr" in places(kim)
    for path in actor_paths(KIM)[1:]:
        assert client.get(path).headers["etag"] != kim_tags[path], path


def _putin_event(client) -> int:
    return next(e["id"] for e in client.get(f"/api/events?actor={PUTIN}").json()["items"] if "Sochi" in str(e["place"]))


def places(answer) -> set[str]:
    """The places of an itinerary's stops (GeoJSON)."""
    return {f["properties"]["place"] for f in answer.json()["features"] if f["properties"]["kind"] == "stop"}


# Writes that change Putin's answers, each with what his next answers must show, and the actors
# whose cached answers must stay as they are.
def _patch_date(client, store):
    assert client.patch(f"/api/events/{_putin_event(client)}", json={"date": "2023-10-01"}).status_code == 200
    return PUTIN, lambda answer: "2023-10-01" in answer.text, {KIM, XI}


def _patch_place(client, store):
    assert client.patch(f"/api/events/{_putin_event(client)}", json={"geonameid": ANADYR.geonameid}).status_code == 200
    return PUTIN, lambda answer: places(answer) == {"Anadyr"}, {KIM, XI}


def _patch_rejected(client, store):
    assert client.patch(f"/api/events/{_putin_event(client)}", json={"rejected": True}).status_code == 200
    return PUTIN, lambda answer: "Sochi" not in places(answer), {KIM, XI}


def _patch_actor(client, store):
    assert client.patch(f"/api/events/{_putin_event(client)}", json={"actor": "Kim Jong Un"}).status_code == 200
    assert "Sochi" in places(client.get(f"/api/actors/{KIM}/itinerary.geojson"))
    return PUTIN, lambda answer: "Sochi" not in places(answer), {XI}


def _correct_by_form(client, store):
    response = client.post(f"/events/{_putin_event(client)}/correct", data={"do": "reject"}, follow_redirects=False)
    assert response.status_code == 303
    return PUTIN, lambda answer: "Sochi" not in places(answer), {KIM, XI}


def _new_alias(client, store):
    assert client.post(f"/api/actors/{PUTIN}/aliases", json={"alias": "the President"}).status_code == 201
    shown = client.get(f"/api/actors/{PUTIN}")
    assert "the President" in shown.text
    return PUTIN, lambda answer: answer.status_code == 200, {KIM, XI}


def _added_event(client, store):
    start = FIRST_ARTICLE.index(PUTIN_IN_SOCHI.evidence)
    body = {
        "actor": "Vladimir Putin",
        "evidence_start": start,
        "evidence_end": start + len(PUTIN_IN_SOCHI.evidence),
        "geonameid": ANADYR.geonameid,
        "date": "2023-12-01",
    }
    assert client.post("/api/articles/1/events", json=body).status_code == 201, body
    return PUTIN, lambda answer: places(answer) == {"Anadyr", "Sochi"}, {KIM, XI}


def _merged(client, store):
    _merge_kim_into_putin(store)
    assert client.get(f"/api/actors/{KIM}/itinerary.geojson").status_code == 404
    return PUTIN, lambda answer: {"Vladivostok", "Sochi"} <= places(answer), {XI}


def _deleted_article(client, store):
    assert client.post("/api/articles", json={"text": PUTIN_IN_ANADYR.evidence}).status_code == 201
    assert "Anadyr" in places(client.get(f"/api/actors/{PUTIN}/itinerary.geojson"))
    tags = {slug: etags(client, slug) for slug in (KIM, XI)}  # the others' answers as they now are
    _raw(store, "DELETE FROM article WHERE id = 2")
    return PUTIN, lambda answer: places(answer) == {"Sochi"}, tags


def _renamed(client, store):
    _raw(store, "UPDATE actor SET name = 'V. V. Putin', slug = 'v-v-putin' WHERE slug = :slug", slug=PUTIN)
    assert client.get(f"/api/actors/{PUTIN}/itinerary.geojson").status_code == 404
    renamed = client.get("/api/actors/v-v-putin/itinerary.geojson")
    assert renamed.status_code == 200 and "V. V. Putin" in renamed.text
    return "v-v-putin", lambda answer: "V. V. Putin" in answer.text, {KIM, XI}


def _place_edited(client, store):
    _raw(store, "UPDATE place SET name = 'Sochi-on-Sea' WHERE name = 'Sochi'")
    return PUTIN, lambda answer: places(answer) == {"Sochi-on-Sea"}, set()


WRITES = [
    _patch_date,
    _patch_place,
    _patch_rejected,
    _patch_actor,
    _correct_by_form,
    _new_alias,
    _added_event,
    _merged,
    _deleted_article,
    _renamed,
    _place_edited,
]


@pytest.mark.parametrize("write", WRITES, ids=lambda write: write.__name__.strip("_"))
def test_every_write_that_changes_an_actors_answers_makes_them_afresh_and_no_others(store, client, made_for, write):
    tags = {slug: etags(client, slug) for slug in (KIM, PUTIN, XI)}
    slug, shows_it, untouched = write(client, store)
    if isinstance(untouched, dict):  # the others' answers as the write found them
        tags.update(untouched)
        untouched = set(untouched)
    answer = client.get(f"/api/actors/{slug}/itinerary.geojson")
    assert answer.status_code == 200 and shows_it(answer), answer.text
    if slug == PUTIN:
        for path in actor_paths(PUTIN):
            assert client.get(path).headers["etag"] != tags[PUTIN][path], path
    for other in untouched:
        assert_served_from_the_cache(client, made_for, other, tags[other])


def test_a_write_by_another_process_is_read_next(store, client, made_for):
    tags = {slug: etags(client, slug) for slug in (PUTIN, XI)}
    _raw(store, "UPDATE event SET action = 'flee' WHERE id = :id", id=event_id(store, PUTIN, "Sochi"))
    answer = client.get(f"/api/actors/{PUTIN}/itinerary")
    assert "flee" in answer.text and answer.headers["etag"] != tags[PUTIN][f"/api/actors/{PUTIN}/itinerary"]
    assert_served_from_the_cache(client, made_for, XI, tags[XI])


def test_an_actors_answer_is_read_on_the_revisions_own_connection(store, client):
    if store.dialect.name == "sqlite":
        own = SqliteRevision.of(store)
        state = own.read_actor(PUTIN)
        own.close()
    else:
        own = PostgresRevision.of(store)
        with store.connect() as connection:
            own.learn(connection)

        async def read():
            try:
                return await own.read_actor(PUTIN)
            finally:
                own.close()

        state = asyncio.run(read())
    with store.connect() as connection:
        assert state == read_actor_state(connection, PUTIN)
    assert state.key.startswith("actor ")


@pytest.fixture
def actor_reads(store, monkeypatch) -> list[int]:
    """[n]: how many times an actor's state has been read on the revision's own connection
    (PostgreSQL only: the actors' states kept between notifications of writes are its)."""
    if store.dialect.name != "postgresql":
        pytest.skip("the notifications of writes are PostgreSQL's")
    reads = [0]
    read_actor = PostgresRevision.read_actor

    async def counted(self, slug):
        reads[0] += 1
        return await read_actor(self, slug)

    monkeypatch.setattr(PostgresRevision, "read_actor", counted)
    return reads


def _assert_a_raw_write_is_seen(store, client) -> None:
    """A write made outside the service (another process) reaches Putin's itinerary within 5 s."""
    _raw(store, "UPDATE event SET action = 'flee' WHERE id = :id", id=event_id(store, PUTIN, "Sochi"))
    deadline = time.monotonic() + 5
    while "flee" not in client.get(f"/api/actors/{PUTIN}/itinerary").text:
        assert time.monotonic() < deadline, "the write was never seen"
        time.sleep(0.01)


@pytest.mark.postgres
def test_on_postgresql_an_actors_state_is_kept_while_no_write_is_notified_and_read_once_one_is(
    store, make_app_client, actor_reads
):
    path = f"/api/actors/{PUTIN}/itinerary"
    with make_app_client(revision_recheck_ms=60_000) as client:  # one event loop, as in a worker
        deadline = time.monotonic() + 5
        while True:  # until the listener is up and vouches for the state last read
            before = actor_reads[0]
            assert client.get(path).status_code == 200
            if actor_reads[0] == before:
                break
            assert time.monotonic() < deadline, "every read still read the actor's state"
            time.sleep(0.01)
        assert [client.get(path).status_code for _ in range(10)] == [200] * 10
        assert actor_reads[0] == before
        _assert_a_raw_write_is_seen(store, client)


@pytest.mark.postgres
def test_on_postgresql_a_process_reads_every_actors_state_once_before_it_takes_requests(
    store, make_app_client, actor_reads
):
    client = make_app_client(revision_recheck_ms=60_000)
    engine = client.app.state.services.engine
    with client:  # the lifespan's start: as a worker of `serve` starts
        assert engine.pool.checkedin() == engine.pool.size()  # the pool's connections are open
        answers = {slug: client.get(f"/api/actors/{slug}/itinerary") for slug in (KIM, PUTIN, XI)}
        assert {slug: a.status_code for slug, a in answers.items()} == {KIM: 200, PUTIN: 200, XI: 200}
        assert actor_reads[0] == 0  # no request read its actor's state: the start read them all at once
        # The states read at the start are those each actor's own read gives: a process that read
        # them one by one (no lifespan, so no preparation) tags the same answers alike.
        unprepared = make_app_client(revision_recheck_ms=60_000)
        for slug, answer in answers.items():
            assert unprepared.get(f"/api/actors/{slug}/itinerary").headers["etag"] == answer.headers["etag"]
        assert actor_reads[0] == 3
        _assert_a_raw_write_is_seen(store, client)


@pytest.mark.postgres
def test_on_postgresql_a_process_whose_preparation_fails_starts_all_the_same(store, make_app_client, monkeypatch):
    if store.dialect.name != "postgresql":
        pytest.skip("the preparation at the start is PostgreSQL's")

    async def unreachable(self, seconds):
        raise OSError("the server went away")

    monkeypatch.setattr(PostgresRevision, "until_listening", unreachable)
    with make_app_client(revision_recheck_ms=60_000) as client:
        assert client.get(f"/api/actors/{PUTIN}/itinerary").status_code == 200


def test_the_migration_goes_down_to_the_data_revision_alone_and_up_again(store):
    command.downgrade(alembic_config(store), "0010")
    with store.connect() as connection:
        assert actor_revision_trigger_tables(connection) == []
        assert set(REVISED_TABLES) <= set(revision_trigger_tables(connection))
    _raw(store, "UPDATE actor SET name = 'V. Putin' WHERE slug = :slug", slug=PUTIN)  # the bump of 0010 runs
    upgrade_database(store)
    before = states(store)
    _raw(store, "UPDATE actor SET name = 'Vladimir Putin' WHERE slug = :slug", slug=PUTIN)
    after = states(store)
    assert {slug for slug in before if after[slug] != before[slug]} == {PUTIN}
