"""app.backup and `itinerant dump` / `itinerant restore`: a database to JSON Lines and back, on every
configured database, every table row by row."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest
from app_fixtures import ANADYR, ARTICLE, SOCHI, TRIP, VLADIVOSTOK
from fastapi.testclient import TestClient
from memory_gazetteer import MemoryGazetteer
from pipelines import pipeline
from sqlalchemy import select
from sqlmodel import Session
from typer.testing import CliRunner

from app import cli, models
from app.backup import app_tables, dump_database, dump_to_file, restore_database
from app.data_revision import read_revision
from app.db import make_engine
from app.main import create_app
from app.migrate import upgrade_database
from app.services import Services
from app.settings import Settings
from geo.errors import ConflictError, InvalidInputError

TRIP_TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."
runner = CliRunner()


def client_over(engine, tmp_path) -> TestClient:
    """The app over `engine`, with the test trip's pipeline and a gazetteer that knows Anadyr."""
    services = Services(
        Settings(data_dir=tmp_path, _env_file=None),
        engine,
        gazetteer_factory=lambda _s: MemoryGazetteer().add(ANADYR, "Anadyr"),
        pipeline_factory=lambda _s, _g: pipeline({"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI}, TRIP),
    )
    return TestClient(create_app(services=services))


def fill(engine, tmp_path) -> dict:
    """Every table holds something: articles with metadata, a correction, an alias, a feed and its item,
    the geocoder's cache. Returns the corrected event."""
    client = client_over(engine, tmp_path)
    assert client.post("/api/articles", json={**ARTICLE, "author": "A. Writer"}).status_code == 201
    assert client.post("/api/articles", json={"text": TRIP_TEXT, "published": "2023-09-15"}).status_code == 201
    planned = client.get("/api/events?status=planned").json()["items"][0]
    corrected = client.patch(f"/api/events/{planned['id']}", json={"geonameid": ANADYR.geonameid, "date": "2023-09-20"})
    assert corrected.status_code == 200, corrected.text
    rejected = client.get("/api/events?actor=vladimir-putin").json()["items"][0]
    assert client.patch(f"/api/events/{rejected['id']}", json={"rejected": True}).status_code == 200
    assert client.post("/api/actors/kim-jong-un/aliases", json={"alias": "the North Korean leader"}).status_code == 201
    with Session(engine) as session:
        feed = models.Feed(url="https://news.example/feed", url_key="https://news.example/feed", title="News")
        session.add(feed)
        session.flush()
        session.add(models.FeedItem(feed_id=feed.id, item_key="k" * 64, url="https://news.example/1", version="v1"))
        session.add(models.GeocodeCacheEntry(key="nominatim:sochi", answer="[]"))
        session.commit()
    return corrected.json()


def every_row(engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        return {
            table.name: [tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key.columns))]
            for table in app_tables()
        }


def dumped(engine) -> str:
    out = io.StringIO()
    dump_database(engine, out)
    return out.getvalue()


def test_round_trip_keeps_every_table_row_by_row(engine, another_engine, tmp_path):
    fill(engine, tmp_path)
    before = every_row(engine)
    assert all(before.values()), {name: len(rows) for name, rows in before.items()}

    text = dumped(engine)
    counts = restore_database(another_engine, io.StringIO(text))

    assert counts == {name: len(rows) for name, rows in before.items()}
    after = every_row(another_engine)
    for name in before:
        assert after[name] == before[name], name
    # The order is stable: the copy dumps to the same bytes.
    assert dumped(another_engine) == text


def test_the_dump_is_json_lines_with_a_header_every_row_and_an_end(engine, tmp_path):
    fill(engine, tmp_path)
    records = [json.loads(line) for line in dumped(engine).splitlines()]
    header, *rows, end = records
    assert header["kind"] == "header" and header["format"] == 1 and header["schema"]
    assert header["tables"].index("article") < header["tables"].index("event")
    assert end["kind"] == "end" and sum(end["counts"].values()) == len(rows)
    [article] = [r["row"] for r in rows if r["table"] == "article" and r["row"]["author"]]
    assert (article["title"], article["source"], article["url"], article["published"]) == (
        ARTICLE["title"],
        ARTICLE["source"],
        ARTICLE["url"],
        ARTICLE["published"],
    )
    assert {r["table"] for r in rows} == {table.name for table in app_tables()}


def test_a_restore_moves_the_revision_and_leaves_it_out_of_the_dump(engine, another_engine, tmp_path):
    # Caches keyed on the revision (app/response_cache.py) must not serve what the empty database answered.
    fill(engine, tmp_path)
    text = dumped(engine)
    assert '"data_revision"' not in text
    with another_engine.connect() as connection:
        before = read_revision(connection)
    restore_database(another_engine, io.StringIO(text))
    with another_engine.connect() as connection:
        assert read_revision(connection) != before


def test_restored_database_takes_new_articles_after_the_restored_ids(engine, another_engine, tmp_path):
    # PostgreSQL hands ids out of sequences that a restore must move past the ids it wrote.
    fill(engine, tmp_path)
    restore_database(another_engine, io.StringIO(dumped(engine)))
    client = client_over(another_engine, tmp_path)
    created = client.post("/api/articles", json={"text": "Putin stayed in Sochi again.", "published": "2023-10-01"})
    assert created.status_code == 201, created.text
    assert created.json()["id"] == 3
    assert client.post("/api/actors/vladimir-putin/aliases", json={"alias": "the Russian president"}).status_code == 201


def test_a_correction_survives_dump_restore_and_reprocessing(engine, another_engine, tmp_path):
    corrected = fill(engine, tmp_path)
    restore_database(another_engine, io.StringIO(dumped(engine)))
    client = client_over(another_engine, tmp_path)

    article_id = corrected["article_id"]
    article = client.post(f"/api/articles/{article_id}/reprocess")
    assert article.status_code == 200, article.text
    events = {e["id"]: e for e in article.json()["events"]}
    # The same event, by its id, still corrected; the rejected one is not read again.
    assert events[corrected["id"]]["place"]["name"] == "Anadyr"
    assert events[corrected["id"]]["date"] == "2023-09-20" and events[corrected["id"]]["corrected"]
    assert not [e for e in events.values() if e["actor"]["slug"] == "vladimir-putin"]
    # The alias restored still names Kim.
    assert "the North Korean leader" in client.get("/api/actors/kim-jong-un").json()["aliases"]


def test_restore_refuses_a_database_that_is_not_empty(engine, another_engine, tmp_path):
    fill(engine, tmp_path)
    text = dumped(engine)
    with Session(another_engine) as session:
        session.add(models.GeocodeCacheEntry(key="nominatim:paris", answer="[]"))
        session.commit()
    with pytest.raises(ConflictError, match=r"not empty.*geocode_cache"):
        restore_database(another_engine, io.StringIO(text))
    assert sum(len(rows) for rows in every_row(another_engine).values()) == 1


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda lines: lines[:-1], "cut short"),
        (lambda lines: lines[:-3] + lines[-2:], "end record counts"),
        (lambda lines: [*lines[:-1], lines[-2], lines[-1]], "does not fit"),
        (lambda lines: [*lines[:-1], '{"kind": "row", "table": "secrets", "row": {}}', lines[-1]], "unknown table"),
        (lambda lines: [*lines[:-1], "{not json", lines[-1]], "not JSON"),
        (lambda lines: lines[1:], "header"),
        (lambda lines: [lines[0].replace('"format":1', '"format":9'), *lines[1:]], "format 9"),
    ],
    ids=["no-end", "a-row-missing", "a-duplicate-row", "unknown-table", "not-json", "no-header", "other-format"],
)
def test_a_damaged_dump_restores_nothing(engine, another_engine, tmp_path, damage, message):
    fill(engine, tmp_path)
    lines = dumped(engine).splitlines()
    with pytest.raises(InvalidInputError, match=message):
        restore_database(another_engine, io.StringIO("\n".join(damage(lines)) + "\n"))
    assert not any(every_row(another_engine).values())


def test_datetimes_come_back_as_they_were(engine, another_engine):
    moment = datetime(2024, 2, 29, 23, 59, 58, 123456, tzinfo=UTC)
    with Session(engine) as session:
        session.add(models.GeocodeCacheEntry(key="k", answer="[]", created_at=moment))
        session.commit()
    restore_database(another_engine, io.StringIO(dumped(engine)))
    assert every_row(another_engine) == every_row(engine)


def services_over(engine, tmp_path) -> Services:
    return Services(
        Settings(data_dir=tmp_path, _env_file=None),
        engine,
        gazetteer_factory=lambda _s: None,
        pipeline_factory=lambda _s, _g: pipeline({}, []),
    )


def test_cli_dump_then_restore(engine, another_engine, tmp_path, monkeypatch):
    fill(engine, tmp_path)
    path = tmp_path / "backup.jsonl"
    monkeypatch.setattr(cli, "_services", lambda: services_over(engine, tmp_path))
    dumped_out = runner.invoke(cli.app, ["dump", str(path)])
    assert dumped_out.exit_code == 0, dumped_out.output
    assert "2 article" in dumped_out.output and not (tmp_path / "backup.jsonl.partial").exists()

    monkeypatch.setattr(cli, "_services", lambda: services_over(another_engine, tmp_path))
    restored = runner.invoke(cli.app, ["restore", str(path)])
    assert restored.exit_code == 0, restored.output
    assert "2 article" in restored.output
    assert every_row(another_engine) == every_row(engine)

    again = runner.invoke(cli.app, ["restore", str(path)])
    assert again.exit_code == 1
    assert "nothing restored: the database is not empty" in again.output

    missing = runner.invoke(cli.app, ["restore", str(tmp_path / "nowhere.jsonl")])
    assert missing.exit_code == 2 and "cannot read" in missing.output


def test_a_failed_dump_leaves_no_file(engine, tmp_path, monkeypatch):
    def broken(_engine, out):
        out.write("{}\n")
        raise RuntimeError("disk full")

    monkeypatch.setattr("app.backup.dump_database", broken)
    folder = tmp_path / "backups"
    folder.mkdir()
    with pytest.raises(RuntimeError):
        dump_to_file(engine, folder / "backup.jsonl")
    assert list(folder.iterdir()) == []


def test_a_sqlite_dump_restores_into_the_configured_database(engine, tmp_path):
    # The dump is the same from either database: on PostgreSQL this moves a SQLite deployment over.
    source = make_engine(f"sqlite:///{tmp_path / 'source.sqlite'}")
    upgrade_database(source)
    try:
        fill(source, tmp_path)
        restore_database(engine, io.StringIO(dumped(source)))
        assert every_row(engine) == every_row(source)
    finally:
        source.dispose()
