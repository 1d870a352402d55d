"""app.response_cache: repeated reads answered from memory until the data's revision moves, ETags and
304s, on every configured database; a write through any process is read next in every other."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

import httpx
import pytest
from app_fixtures import ANADYR
from database_urls import engine_url
from fastapi.testclient import TestClient
from sqlalchemy import event, text
from trip_services import store_article, trip_services

from app import data_revision, response_cache, shared_responses
from app.byte_lru import ByteLRU
from app.db import make_engine
from app.main import create_app
from app.response_cache import etag_matches
from app.services import Services

# The bump as it is, but notifying no one.
BUMP_WITHOUT_NOTIFY = "\n".join(
    line for line in data_revision._POSTGRES_FUNCTIONS[-1].splitlines() if "pg_notify" not in line
)
REVISION_READ = "FROM data_revision"

# Every kind of cached read, with a request of each that answers 200 over the test trip.
CACHED_READS = [
    "/api/actors/kim-jong-un/itinerary.geojson",
    "/api/actors/kim-jong-un/itinerary",
    "/api/actors/kim-jong-un",
    "/api/actors",
    "/api/events.geojson?bbox=130,40,140,55&limit=100",
    "/api/events?actor=kim-jong-un",
    "/api/events/1",
    "/api/articles",
    "/api/articles/1",
    "/ogc/collections",
    "/ogc/collections/events",
    "/ogc/collections/events/items",
    "/ogc/collections/events/items/1",
    "/actors/kim-jong-un/map",
    "/map?actors=kim-jong-un,vladimir-putin",
    "/embed/actors/kim-jong-un",
    "/embed/map",
]


# The Statements being recorded, which also see the revision's own SQLite connections.
_RECORDING: list[Statements] = []


class Statements:
    """The SQL statements an engine runs, from when it is made on (and, on SQLite, the response
    cache's reads of the revision on a connection of its own)."""

    def __init__(self, engine) -> None:
        self.seen: list[str] = []
        event.listen(engine, "before_cursor_execute", self._record)
        _RECORDING.append(self)

    def _record(self, _connection, _cursor, statement, *_args) -> None:
        self.add(statement)

    def add(self, statement: str) -> None:
        self.seen.append(" ".join(statement.split()))

    def during(self, call) -> list[str]:
        start = len(self.seen)
        call()
        return self.seen[start:]


@pytest.fixture(autouse=True)
def revision_connections_recorded(monkeypatch):
    connect = data_revision._connect_sqlite

    def recorded(path):
        connection = connect(path)
        connection.set_trace_callback(lambda statement: [each.add(statement) for each in _RECORDING])
        return connection

    read = data_revision.PostgresRevision.read

    async def read_recorded(self):
        revision = await read(self)
        if revision is not None:
            for each in _RECORDING:
                each.add(data_revision._READ_SQL)
        return revision

    read_actor = data_revision.PostgresRevision.read_actor

    async def read_actor_recorded(self, slug):
        state = await read_actor(self, slug)
        if state is not None:
            for each in _RECORDING:
                each.add(data_revision._POSTGRES_ACTOR_SQL)
        return state

    monkeypatch.setattr(data_revision, "_connect_sqlite", recorded)
    monkeypatch.setattr(data_revision.PostgresRevision, "read", read_recorded)
    monkeypatch.setattr(data_revision.PostgresRevision, "read_actor", read_actor_recorded)
    yield
    _RECORDING.clear()


def services_over(engine, settings, **overrides) -> Services:
    """The app's parts over `engine`, reading the test trip; a gazetteer that knows Anadyr."""
    return trip_services(engine, settings, **overrides)


@pytest.fixture
def store(engine, settings):
    """The test trip, stored through the API."""
    store_article(services_over(engine, settings))
    return engine


@pytest.fixture
def make_app_client(store, settings):
    def make(engine=None, **overrides) -> TestClient:
        return TestClient(create_app(services=services_over(engine or store, settings, **overrides)))

    return make


@pytest.fixture
def client(make_app_client):
    return make_app_client()


@pytest.fixture
def other_process_engine(store):
    """Another pool on the same database, as another worker process has."""
    other = make_engine(engine_url(store))
    yield other
    other.dispose()


@pytest.mark.parametrize("path", CACHED_READS)
def test_a_repeated_read_is_answered_from_memory_reading_only_the_revision(store, client, path):
    statements = Statements(store)
    first = client.get(path)
    assert first.status_code == 200, first.text
    made = statements.during(lambda: client.get(path))
    again = client.get(path)
    assert made and all(REVISION_READ in statement for statement in made), made
    assert again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["etag"] == first.headers["etag"]


@pytest.mark.parametrize("path", ["/api/actors/kim-jong-un/itinerary.geojson", "/ogc/collections/events/items"])
def test_without_the_cache_every_read_is_made_again(store, make_app_client, path):
    client = make_app_client(response_cache_mb=0)
    statements = Statements(store)
    client.get(path)
    made = statements.during(lambda: client.get(path))
    assert any("FROM event" in statement for statement in made)
    assert "etag" not in client.get(path).headers


def test_an_answer_carries_an_etag_and_no_cache_and_if_none_match_gets_a_304(client):
    path = "/api/actors/kim-jong-un/itinerary.geojson"
    first = client.get(path)
    etag = first.headers["etag"]
    assert etag.startswith('W/"') and first.headers["cache-control"] == "no-cache"
    assert {"accept", "accept-encoding"} <= {v.strip().lower() for v in first.headers["vary"].split(",")}

    unchanged = client.get(path, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["etag"] == etag and unchanged.headers["cache-control"] == "no-cache"
    assert client.get(path, headers={"If-None-Match": f'"other", {etag}'}).status_code == 304
    assert client.head(path, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get(path, headers={"If-None-Match": "*"}).status_code == 304


def test_representations_of_one_path_have_their_own_entries_and_tags(client):
    path = "/ogc/collections/events/items"
    geojson = client.get(path, headers={"Accept": "application/geo+json"})
    json_ = client.get(path, headers={"Accept": "application/json"})
    assert geojson.headers["content-type"] == "application/geo+json"
    assert json_.headers["content-type"].startswith("application/json")
    assert geojson.headers["etag"] != json_.headers["etag"]
    # Cached, each stays what was asked for.
    cached = client.get(path, headers={"Accept": "application/json"})
    assert cached.headers["content-type"].startswith("application/json")

    itinerary = "/api/actors/kim-jong-un/itinerary.geojson"
    plain = client.get(itinerary, headers={"Accept-Encoding": "identity"})
    gzipped = client.get(itinerary, headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers and gzipped.headers["content-encoding"] == "gzip"
    assert plain.headers["etag"] != gzipped.headers["etag"]
    again = client.get(itinerary, headers={"Accept-Encoding": "gzip"})
    assert again.headers["content-encoding"] == "gzip" and again.json() == plain.json()


def test_clients_that_word_accept_encoding_differently_share_the_answer_of_its_encoding(store, client):
    # A browser, a script and a tool each word the header their own way; what the answer depends on
    # is whether it is gzipped, so the one made for the first serves the others, tag and all.
    itinerary = "/api/actors/kim-jong-un/itinerary.geojson"
    statements = Statements(store)
    browser = client.get(itinerary, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert browser.headers["content-encoding"] == "gzip"
    for wording in ("gzip", "deflate, gzip", "gzip;q=1.0, identity;q=0.5"):
        made = statements.during(lambda wording=wording: client.get(itinerary, headers={"Accept-Encoding": wording}))
        assert made and all(REVISION_READ in statement for statement in made), (wording, made)
        again = client.get(itinerary, headers={"Accept-Encoding": wording})
        assert again.headers["content-encoding"] == "gzip" and again.headers["etag"] == browser.headers["etag"]
    # Without gzip among them, the other encoding's answer: made once, then shared the same way.
    plain = client.get(itinerary, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.headers["etag"] != browser.headers["etag"]
    for wording in ("br", "deflate, br", ""):
        made = statements.during(lambda wording=wording: client.get(itinerary, headers={"Accept-Encoding": wording}))
        assert made and all(REVISION_READ in statement for statement in made), (wording, made)
        again = client.get(itinerary, headers={"Accept-Encoding": wording})
        assert "content-encoding" not in again.headers and again.headers["etag"] == plain.headers["etag"]
        assert again.json() == browser.json()


def test_errors_are_neither_tagged_nor_kept(store, client):
    statements = Statements(store)
    assert "etag" not in client.get("/api/actors/nobody/itinerary.geojson").headers
    made = statements.during(lambda: client.get("/api/actors/nobody/itinerary.geojson"))
    assert any("FROM actor" in statement for statement in made)


def test_a_cached_map_keeps_the_script_hashes_of_its_policy(client):
    first = client.get("/actors/kim-jong-un/map")
    again = client.get("/actors/kim-jong-un/map")
    assert again.text == first.text
    assert "'sha256-" in again.headers["content-security-policy"]
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]


def _kim_in_vladivostok(client) -> dict:
    return next(e for e in client.get("/api/events?actor=kim-jong-un").json()["items"] if e["status"] == "occurred")


# Writes through the API, and what the next read of a cached answer shows of each.
def _patch_place(client):
    event_id = _kim_in_vladivostok(client)["id"]
    assert client.patch(f"/api/events/{event_id}", json={"geonameid": ANADYR.geonameid}).status_code == 200
    return "/api/actors/kim-jong-un/itinerary.geojson", lambda answer: "Anadyr" in answer.text


def _correct_by_form(client):
    event_id = _kim_in_vladivostok(client)["id"]
    response = client.post(f"/events/{event_id}/correct", data={"do": "reject"}, follow_redirects=False)
    assert response.status_code == 303
    return "/ogc/collections/events/items", lambda answer: answer.json()["numberMatched"] == 3


def _new_article(client):
    assert client.post("/api/articles", json={"text": "Kim Jong Un went to Vladivostok again."}).status_code == 201
    return "/api/articles", lambda answer: answer.json()["total"] == 2


def _new_alias(client):
    assert client.post("/api/actors/kim-jong-un/aliases", json={"alias": "the Marshal"}).status_code == 201
    return "/api/actors/kim-jong-un", lambda answer: "the Marshal" in answer.text


def _another_actor(client):
    event_id = _kim_in_vladivostok(client)["id"]
    assert client.patch(f"/api/events/{event_id}", json={"actor": "Kim Yo Jong"}).status_code == 200
    return "/api/actors", lambda answer: "kim-yo-jong" in answer.text


WRITES = [_patch_place, _correct_by_form, _new_article, _new_alias, _another_actor]


@pytest.mark.parametrize("write", WRITES, ids=lambda write: write.__name__.strip("_"))
def test_a_write_through_the_api_is_read_next_by_this_process_and_another(
    store, client, make_app_client, other_process_engine, write
):
    elsewhere = make_app_client(other_process_engine)
    for path in CACHED_READS:  # every read cached, here and in the other process
        client.get(path)
        elsewhere.get(path)
    path, shows_it = write(client)
    for reader in (client, elsewhere):
        answer = reader.get(path)
        assert shows_it(answer), answer.text


def test_a_raw_write_by_another_process_is_read_next(store, client):
    path = "/api/events/1"
    first = client.get(path)
    assert first.json()["action"] != "flee"
    script = (
        "import sys\n"
        "from sqlalchemy import text\n"
        "from app.db import make_engine\n"
        "with make_engine(sys.argv[1]).begin() as connection:\n"
        "    connection.execute(text(\"UPDATE event SET action = 'flee' WHERE id = 1\"))\n"
    )
    subprocess.run([sys.executable, "-c", script, engine_url(store)], check=True, timeout=120)
    after = client.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert after.status_code == 200 and after.json()["action"] == "flee"
    assert after.headers["etag"] != first.headers["etag"]


def test_a_delete_is_read_next(store, client):
    assert client.get("/api/articles/1").status_code == 200
    with store.begin() as connection:
        connection.execute(text("DELETE FROM article WHERE id = 1"))
    assert client.get("/api/articles/1").status_code == 404
    assert client.get("/ogc/collections/events/items").json()["numberMatched"] == 0


def test_a_tag_given_by_one_process_gets_a_304_from_another(client, make_app_client, other_process_engine):
    path = "/ogc/collections/events/items?limit=2"
    etag = client.get(path).headers["etag"]
    elsewhere = make_app_client(other_process_engine)  # nothing cached there
    assert elsewhere.get(path, headers={"If-None-Match": etag}).status_code == 304


def test_answers_too_large_for_an_entry_are_streamed_whole_and_not_kept(store, make_app_client):
    with store.begin() as connection:  # a collection of some 350 KB, streamed in chunks
        for _ in range(8):
            connection.execute(
                text(
                    "INSERT INTO event (article_id, actor_id, read_actor_id, action, place_id, lat, lon, "
                    "date_start, date_end, date_precision, status, evidence, evidence_start, evidence_end, "
                    "mention_start, mention_end, confidence, co_actors, reviewed, corrected, rejected, "
                    "created_at, updated_at) "
                    "SELECT article_id, actor_id, read_actor_id, action, place_id, lat, lon, date_start, date_end, "
                    "date_precision, status, evidence, evidence_start, evidence_end, mention_start, mention_end, "
                    "confidence, co_actors, reviewed, corrected, rejected, created_at, updated_at FROM event"
                )
            )
    client = make_app_client(response_cache_mb=1)  # entries up to 64 KB
    statements = Statements(store)
    path = "/api/events.geojson?limit=2000"
    plain = {"Accept-Encoding": "identity"}  # gzipped, it would fit
    first = client.get(path, headers=plain)
    assert len(first.content) > 300_000 and "content-length" not in first.headers  # streamed
    assert len(first.json()["features"]) == 4 * 2**8
    made = statements.during(lambda: client.get(path, headers=plain))
    assert any("FROM event" in statement for statement in made), made
    again = client.get(path, headers=plain)
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]


def test_concurrent_misses_of_one_answer_make_it_once(store, client):
    statements = Statements(store)
    made_alone = statements.during(lambda: client.get("/api/events.geojson?limit=5"))

    async def eight_at_once() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=client.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as together:
            return await asyncio.gather(*(together.get("/api/events.geojson?limit=6") for _ in range(8)))

    start = len(statements.seen)
    answers = asyncio.run(eight_at_once())
    made = statements.seen[start:]
    assert {answer.status_code for answer in answers} == {200}
    assert len({answer.content for answer in answers}) == 1
    reads = [statement for statement in made if REVISION_READ not in statement]
    assert len(reads) == len([statement for statement in made_alone if REVISION_READ not in statement])

    # Now cached: on SQLite each reads the revision on the cache's own connection; on PostgreSQL
    # the eight share the reads of the revision begun after they arrived.
    start = len(statements.seen)
    assert len({answer.content for answer in asyncio.run(eight_at_once())}) == 1
    most = 8 if store.dialect.name == "sqlite" else 7
    assert 1 <= len(statements.seen[start:]) <= most
    assert all(REVISION_READ in statement for statement in statements.seen[start:])


@pytest.mark.parametrize("path", ["/api/actors/kim-jong-un/itinerary.geojson", "/api/events.geojson?limit=5"])
def test_a_hit_takes_no_connection_of_the_pool(store, client, path):
    """The revision is read on the cache's own connection (SQLite: in the event loop's thread;
    PostgreSQL: asynchronously, once a read through the pool has given its parameters): a hit
    takes neither a pooled connection nor a worker thread."""
    checkouts = []
    event.listen(store, "checkout", lambda *_args: checkouts.append(1))
    statements = Statements(store)
    assert client.get(path).status_code == 200
    made = len(checkouts)
    read = len(statements.seen)
    for _ in range(3):
        assert client.get(path).status_code == 200
    assert len(checkouts) == made
    assert len([statement for statement in statements.seen[read:] if REVISION_READ in statement]) == 3


def test_without_a_revision_to_read_the_reads_are_answered_uncached(store, client, caplog):
    with store.begin() as connection:  # a database the migration has not reached, say
        connection.execute(text("ALTER TABLE data_revision RENAME TO data_revision_elsewhere"))
    first = client.get("/api/events?actor=kim-jong-un")
    assert first.status_code == 200 and "etag" not in first.headers
    assert "could not be read" in caplog.text


def test_geocoding_is_kept_while_the_gazetteer_stays_and_only_offline(make_app_client, monkeypatch):
    client = make_app_client()
    calls = []
    geocoder = client.app.state.services.geocoder
    real = geocoder.geocode
    monkeypatch.setattr(geocoder, "geocode", lambda *args, **kwargs: calls.append(args) or real(*args, **kwargs))
    first = client.get("/api/geocode?q=Anadyr")
    again = client.get("/api/geocode?q=Anadyr")
    assert again.json() == first.json() and first.json()["items"][0]["name"] == "Anadyr"
    assert len(calls) == 1
    assert client.get("/api/geocode?q=Anadyr", headers={"If-None-Match": first.headers["etag"]}).status_code == 304

    online = make_app_client(online_geocoder="nominatim")
    online.app.state.services._geocoder = geocoder  # the offline chain: no network in a test
    online.get("/api/geocode?q=Anadyr")
    online.get("/api/geocode?q=Anadyr")
    assert len(calls) == 3
    assert "etag" not in online.get("/api/geocode?q=Anadyr").headers


def test_the_lru_keeps_within_its_bytes_and_refuses_what_is_too_large():
    cache: ByteLRU[str] = ByteLRU(max_bytes=100, max_entry_bytes=40)
    assert cache.put("a", "A", 40) and cache.put("b", "B", 40)
    assert cache.get("a") == "A"  # now the most recently used
    assert cache.put("c", "C", 40)
    assert cache.get("b") is None and cache.get("a") == "A" and cache.get("c") == "C"
    assert cache.size_bytes == 80 and len(cache) == 2
    assert not cache.put("d", "D", 41) and cache.get("d") is None
    assert cache.put("a", "A2", 10) and cache.size_bytes == 50


@pytest.mark.parametrize(
    ("header", "matches"),
    [('W/"x"', True), ('"x"', True), ('"y", W/"x"', True), ('"y"', False), ('W/"xy"', False), ("", False)],
)
def test_if_none_match_compares_tags_weakly(header, matches):
    assert etag_matches(header, 'W/"x"') is matches


def test_the_openapi_document_names_the_validators_and_the_304(client):
    spec = client.get("/openapi.json").json()
    items = spec["paths"]["/ogc/collections/{collection_id}/items"]["get"]
    assert "304" in items["responses"] and "ETag" in items["responses"]["200"]["headers"]
    assert "If-None-Match" in [parameter["name"] for parameter in items["parameters"]]
    assert "304" not in spec["paths"]["/api/feeds"]["get"]["responses"]


@pytest.fixture
def counted_revision_reads(store, monkeypatch) -> list[int]:
    """PostgreSQL only: a list whose one number counts the reads of the revision on the cache's
    connection (an actor's state included, which reads the data's revision with it)."""
    if store.dialect.name != "postgresql":
        pytest.skip("the notifications of writes are PostgreSQL's")
    count = [0]
    read = data_revision.PostgresRevision.read
    read_actor = data_revision.PostgresRevision.read_actor

    async def counted(self):
        count[0] += 1
        return await read(self)

    async def counted_actor(self, slug):
        count[0] += 1
        return await read_actor(self, slug)

    monkeypatch.setattr(data_revision.PostgresRevision, "read", counted)
    monkeypatch.setattr(data_revision.PostgresRevision, "read_actor", counted_actor)
    return count


def _until_answered_without_a_read(client: TestClient, path: str, reads: list[int]) -> None:
    """Repeat a read until one is answered without reading the revision (the listener is up)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        before = reads[0]
        assert client.get(path).status_code == 200
        if reads[0] == before:
            return
        time.sleep(0.01)
    pytest.fail("every read still read the revision")


def _until(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@pytest.mark.postgres
def test_on_postgresql_repeated_reads_make_no_round_trip_while_no_write_is_notified(
    make_app_client, counted_revision_reads
):
    path = "/api/actors/kim-jong-un/itinerary.geojson"
    with make_app_client() as client:  # one event loop for every request, as in a worker
        _until_answered_without_a_read(client, path, counted_revision_reads)
        before = counted_revision_reads[0]
        answers = [client.get(path) for _ in range(20)]
    assert counted_revision_reads[0] == before
    assert all(answer.status_code == 200 for answer in answers)


@pytest.mark.postgres
def test_on_postgresql_a_write_by_another_process_is_read_once_its_notification_arrives(
    make_app_client, other_process_engine, counted_revision_reads
):
    path = "/api/events/1"
    with make_app_client(revision_recheck_ms=60_000) as client:  # only the notification can tell
        _until_answered_without_a_read(client, path, counted_revision_reads)
        assert client.get(path).json()["action"] != "flee"
        with other_process_engine.begin() as connection:
            connection.execute(text("UPDATE event SET action = 'flee' WHERE id = 1"))
        assert _until(lambda: client.get(path).json()["action"] == "flee")


@pytest.mark.postgres
@pytest.mark.parametrize("write", WRITES, ids=lambda write: write.__name__.strip("_"))
def test_on_postgresql_a_write_through_this_process_is_read_next_without_waiting_for_its_notification(
    store, make_app_client, counted_revision_reads, write
):
    # The writes notify no one: only the process's own knowledge of its write can make it seen.
    with store.begin() as connection:
        connection.execute(text(BUMP_WITHOUT_NOTIFY))
    with make_app_client(revision_recheck_ms=60_000) as client:
        for path in CACHED_READS:
            client.get(path)
        _until_answered_without_a_read(client, CACHED_READS[0], counted_revision_reads)
        path, shows_it = write(client)
        answer = client.get(path)
    assert shows_it(answer), answer.text


@pytest.mark.postgres
def test_on_postgresql_without_a_recheck_time_every_read_reads_the_revision(make_app_client, counted_revision_reads):
    path = "/api/actors/kim-jong-un/itinerary.geojson"
    with make_app_client(revision_recheck_ms=0) as client:
        client.get(path)
        client.get(path)
        before = counted_revision_reads[0]
        for _ in range(5):
            assert client.get(path).status_code == 200
    assert counted_revision_reads[0] == before + 5


# The second level, shared by the worker processes of one `serve` (app/shared_responses.py).

SHARED_READS = [
    "/api/actors/kim-jong-un/itinerary.geojson",
    "/api/events.geojson?bbox=130,40,140,55&limit=100",
    "/ogc/collections/events/items",
    "/actors/kim-jong-un/map",
    "/api/geocode?q=Anadyr",
]


@pytest.fixture
def shared_dir(tmp_path):
    """The directory of a shared cache, as `serve` makes it for its workers."""
    directory = tmp_path / "shared"
    directory.mkdir(mode=0o700)
    return shared_responses.create_store(directory)


@pytest.fixture
def make_worker(store, settings, shared_dir):
    """A client of one worker process sharing `shared_dir` (each over a pool of its own)."""
    engines = []

    def make(directory=None, **overrides) -> TestClient:
        engine = make_engine(engine_url(store))
        engines.append(engine)
        app = create_app(services=services_over(engine, settings, **overrides), shared_cache=directory or shared_dir)
        return TestClient(app)

    yield make
    for engine in engines:
        engine.dispose()


def _made(client: TestClient, path: str) -> tuple[httpx.Response, list[str]]:
    """The answer to a GET of `path`, and the statements that making it ran besides the revision's."""
    statements = Statements(client.app.state.services.engine)
    answer = client.get(path)
    return answer, [statement for statement in statements.seen if REVISION_READ not in statement]


def _stored_rows(directory) -> list[tuple]:
    with closing(sqlite3.connect(directory / shared_responses.STORE_NAME)) as connection:
        return connection.execute("SELECT key, headers, body FROM response ORDER BY rowid").fetchall()


@pytest.mark.parametrize("path", SHARED_READS)
def test_an_answer_one_worker_made_is_served_by_another_without_making_it(make_worker, monkeypatch, path):
    one, other = make_worker(), make_worker()
    first, made = _made(one, path)
    assert first.status_code == 200 and (made or "geocode" in path)
    calls = []
    geocoder = other.app.state.services.geocoder
    monkeypatch.setattr(geocoder, "geocode", lambda *args, **kwargs: calls.append(args))
    again, made_again = _made(other, path)
    assert made_again == [] and calls == []
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers.get("content-encoding") == first.headers.get("content-encoding")


def test_after_a_write_another_worker_makes_the_answer_afresh(make_worker):
    one, other = make_worker(), make_worker()
    path = "/api/actors/kim-jong-un/itinerary.geojson"
    one.get(path)
    other.get(path)
    check_path, shows_it = _patch_place(one)
    assert check_path == path
    answer, made = _made(other, path)
    assert any("FROM event" in statement for statement in made)
    assert shows_it(answer)
    # ...and kept in turn for the first.
    again, made_again = _made(one, path)
    assert made_again == [] and again.content == answer.content


def test_workers_over_another_database_do_not_share_answers(make_worker, tmp_path, settings):
    path = "/api/actors/kim-jong-un/itinerary.geojson"
    make_worker().get(path)
    if make_worker().app.state.services.engine.dialect.name != "sqlite":
        pytest.skip("another database of the same revision: simplest on SQLite")
    copy = tmp_path / "copy.sqlite"
    with make_worker().app.state.services.engine.connect() as connection:
        connection.exec_driver_sql(f"VACUUM INTO '{copy}'")
    elsewhere = make_engine(f"sqlite:///{copy}")
    try:
        client = TestClient(create_app(services=services_over(elsewhere, settings), shared_cache=tmp_path / "shared"))
        statements = Statements(elsewhere)
        assert client.get(path).status_code == 200
        assert any("FROM event" in statement for statement in statements.seen)
    finally:
        elsewhere.dispose()


def test_without_the_shared_cache_setting_each_worker_makes_its_own(make_worker, shared_dir):
    path = "/api/actors/kim-jong-un/itinerary.geojson"
    make_worker(shared_cache_mb=0).get(path)
    _answer, made = _made(make_worker(shared_cache_mb=0), path)
    assert any("FROM event" in statement for statement in made)
    assert _stored_rows(shared_dir) == []


@pytest.mark.parametrize("broken", ["missing", "garbage", "no tables"])
def test_a_broken_or_missing_shared_cache_is_answered_without(make_worker, tmp_path, broken, caplog):
    directory = tmp_path / "broken"
    if broken != "missing":
        directory.mkdir()
        (directory / shared_responses.CLAIMS_NAME).touch()
        (directory / shared_responses.STORE_NAME).write_bytes(
            b"not a database at all" * 100 if broken == "garbage" else b""
        )
    one, other = make_worker(directory), make_worker(directory)
    path = "/api/actors/kim-jong-un/itinerary.geojson"
    first = one.get(path)
    answer, made = _made(other, path)
    assert first.status_code == answer.status_code == 200 and answer.content == first.content
    assert any("FROM event" in statement for statement in made)
    # Each still keeps its own.
    _again, made_again = _made(other, path)
    assert made_again == []


def test_the_shared_cache_keeps_within_its_bytes_the_oldest_out_first(shared_dir):
    store = shared_responses.SharedResponses(shared_dir, max_bytes=16 * 1000)  # entries up to 1,000 bytes
    answer = shared_responses.StoredAnswer([(b"content-type", b"application/json")], b"x" * 400)
    keys = [store.key(("request", number)) for number in range(100)]
    for key in keys:
        assert store.put(key, answer)
    assert store.size_bytes() <= 16 * 1000
    assert store.get(keys[0]) is None and store.get(keys[-1]) == answer
    kept = [key for key in keys if store.get(key) is not None]
    assert kept == keys[-len(kept) :] and len(kept) >= 30  # the newest, as many as fit
    assert not store.put(store.key("large"), shared_responses.StoredAnswer([], b"x" * 1000))
    assert store.get(store.key("large")) is None
    # Put again, an entry counts once.
    size = store.size_bytes()
    assert store.put(keys[-1], answer) and store.size_bytes() == size
    store.close()


HOLD_CLAIM = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.lockf(fd, fcntl.LOCK_EX, 1, int(sys.argv[2]))
print("held", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def claim_held_elsewhere(shared_dir):
    """Hold, in another process, the claim to make the answer under a shared key: as a worker
    making it does. Yields a function of the key that starts that process."""
    processes = []

    def hold(key: bytes) -> subprocess.Popen:
        offset = shared_responses._claim_offset(key)
        claims = shared_dir / shared_responses.CLAIMS_NAME
        process = subprocess.Popen(
            [sys.executable, "-c", HOLD_CLAIM, str(claims), str(offset)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        processes.append(process)
        assert process.stdout.readline().strip() == "held"
        return process

    yield hold
    for process in processes:
        process.kill()
        process.wait()
        process.stdin.close()
        process.stdout.close()


def _made_then_forgotten(make_worker, shared_dir, path) -> tuple[httpx.Response, tuple]:
    """The answer to `path` as a worker made it, and its row of the shared store, now taken out."""
    answer = make_worker().get(path)
    (row,) = _stored_rows(shared_dir)
    with closing(sqlite3.connect(shared_dir / shared_responses.STORE_NAME)) as connection, connection:
        connection.execute("DELETE FROM response")
    return answer, row


def test_a_worker_waits_for_the_answer_another_is_making_instead_of_making_it(
    make_worker, shared_dir, claim_held_elsewhere, monkeypatch
):
    path = "/api/actors/kim-jong-un/itinerary.geojson"
    made_elsewhere, (key, headers, body) = _made_then_forgotten(make_worker, shared_dir, path)
    holder = claim_held_elsewhere(key)
    pauses = []

    async def pause(self, attempt):  # the other process keeps the answer and lets the claim go
        pauses.append(attempt)
        if len(pauses) == 2:
            writer = shared_responses.SharedResponses(shared_dir, 2**20)
            writer.put(key, shared_responses.StoredAnswer(shared_responses._unpack_headers(headers), body))
            writer.close()
            holder.stdin.close()
            holder.wait()

    monkeypatch.setattr(shared_responses.SharedResponses, "pause", pause)
    answer, made = _made(make_worker(), path)
    assert made == [] and pauses == [0, 1]
    assert answer.status_code == 200 and answer.content == made_elsewhere.content


def test_a_worker_makes_the_answer_itself_when_the_one_making_it_stops_without_it(
    make_worker, shared_dir, claim_held_elsewhere, monkeypatch
):
    path = "/api/actors/kim-jong-un/itinerary.geojson"
    made_elsewhere, (key, _headers, _body) = _made_then_forgotten(make_worker, shared_dir, path)
    holder = claim_held_elsewhere(key)
    pauses = []

    async def pause(self, attempt):  # the other process dies: the system lets its claim go
        pauses.append(1)
        holder.kill()
        holder.wait()

    monkeypatch.setattr(shared_responses.SharedResponses, "pause", pause)
    answer, made = _made(make_worker(), path)
    assert pauses == [1] and any("FROM event" in statement for statement in made)
    assert answer.content == made_elsewhere.content
    assert [row[0] for row in _stored_rows(shared_dir)] == [key]  # and kept it for the others


def test_a_worker_waits_for_another_only_so_long(make_worker, shared_dir, claim_held_elsewhere, monkeypatch):
    path = "/api/actors/kim-jong-un/itinerary.geojson"
    _made_elsewhere, (key, _headers, _body) = _made_then_forgotten(make_worker, shared_dir, path)
    claim_held_elsewhere(key)
    monkeypatch.setattr(response_cache, "WAIT_SECONDS", 0)
    monkeypatch.setattr(shared_responses.SharedResponses, "pause", lambda self, attempt: pytest.fail("waited"))
    answer, made = _made(make_worker(), path)
    assert answer.status_code == 200 and any("FROM event" in statement for statement in made)
