"""The `itinerant` command: seed, ingest, export and db upgrade, over a small pipeline."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from app_fixtures import SOCHI, TRIP, VLADIVOSTOK
from pipelines import pipeline
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from app import cli, models
from app.services import Services
from app.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
runner = CliRunner()


@pytest.fixture
def services(engine, tmp_path, monkeypatch):
    made = Services(
        Settings(data_dir=tmp_path, _env_file=None),
        engine,
        gazetteer_factory=lambda _s: None,
        pipeline_factory=lambda _s, _g: pipeline({"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI}, TRIP),
    )
    monkeypatch.setattr(cli, "_services", lambda: made)
    return made


def articles(engine) -> list[models.Article]:
    with Session(engine) as session:
        return list(session.exec(select(models.Article)))


def test_seed_twice_leaves_one_article_with_its_metadata(services, engine):
    first = runner.invoke(cli.app, ["seed", "--dir", str(SEEDS)])
    assert first.exit_code == 0, first.output
    assert "1 stored, 0 skipped as duplicates, 0 rejected" in first.output
    second = runner.invoke(cli.app, ["seed", "--dir", str(SEEDS)])
    assert "0 stored, 1 skipped as duplicates, 0 rejected" in second.output
    [article] = articles(engine)
    assert (article.source, article.published.isoformat(), article.dateline) == ("AP", "2023-09-15", "Seoul")
    assert article.title.startswith("Kim Jong Un")


def test_ingest_reports_stored_duplicates_and_rejections(services, engine, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_c9263cc6945fc7b5.txt", folder / "a.txt")
    (folder / "batch.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"text": "Putin went to Sochi.", "published": "2023-09-14"}),
                json.dumps({"text": "Putin went to Sochi.", "published": "2023-09-14"}),
                json.dumps({"text": "", "title": "empty"}),
            ]
        )
    )
    result = runner.invoke(cli.app, ["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    assert "2 stored, 1 skipped as duplicates, 1 rejected" in result.output
    assert "batch.jsonl:3" in result.output and "text" in result.output
    assert len(articles(engine)) == 2


def test_ingest_of_nothing_usable_fails(services, tmp_path):
    result = runner.invoke(cli.app, ["ingest", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_export_geojson_and_csv(services, tmp_path):
    runner.invoke(cli.app, ["ingest", str(SEEDS / "000_c9263cc6945fc7b5.txt")])
    out = tmp_path / "events.geojson"
    assert runner.invoke(cli.app, ["export", "-o", str(out)]).exit_code == 0
    collection = json.loads(out.read_text())
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == len(TRIP)

    result = runner.invoke(cli.app, ["export", "--format", "csv", "--actor", "vladimir-putin"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["actor"], r["place"], r["date"]) for r in rows] == [("Vladimir Putin", "Sochi", "2023-09-15")]

    unknown = runner.invoke(cli.app, ["export", "--actor", "nobody"])
    assert unknown.exit_code == 2 and "nobody" in unknown.output


def test_db_upgrade(services, engine):
    result = runner.invoke(cli.app, ["db", "upgrade"])
    assert result.exit_code == 0 and "database ready" in result.output
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(models.Article)).one() == 0


def test_geocode_lists_ranked_candidates_with_their_ids(gazetteer, monkeypatch) -> None:
    settings = Settings(data_dir=gazetteer.path.parent, _env_file=None)
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    result = runner.invoke(cli.app, ["geocode", "Meadow Grove, Nebraska", "--limit", "2"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert "Meadow Grove, Nebraska, United States" in first and first.endswith("uspostal:ne:meadow-grove")
    assert "GeoNames (CC-BY 4.0)" in result.output
    unknown = runner.invoke(cli.app, ["geocode", "Qwxzvbnmland"])
    assert unknown.exit_code == 1 and "no place known as 'Qwxzvbnmland'" in unknown.output


def test_eval_reports_the_joint_end_to_end_accuracy(gazetteer, tmp_path, monkeypatch):
    text = "Officials in Moscow met envoys from Qzvorbia."
    corpus = tmp_path / "tiny.json"
    toponyms = [
        {"start": 13, "end": 19, "surface": "Moscow", "lat": 55.75, "lon": 37.62, "geonameid": 524901},
        {"start": 36, "end": 44, "surface": "Qzvorbia", "lat": 0.0, "lon": 0.0, "geonameid": None},
    ]
    corpus.write_text(json.dumps([{"id": 1, "text": text, "toponyms": toponyms}]))
    monkeypatch.setattr(cli, "get_settings", lambda: Settings(data_dir=gazetteer.path.parent, _env_file=None))
    result = runner.invoke(cli.app, ["eval", str(corpus), "--fast", "--setting", "end-to-end", "--format", "json"])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.output)
    assert (row["acc161"], row["joint"]) == (1.0, 0.5)  # Moscow found and placed; Qzvorbia missed
    table = runner.invoke(cli.app, ["eval", str(corpus), "--fast", "--setting", "end-to-end"])
    assert table.output.split()[:7] == ["corpus", "setting", "precision", "recall", "f1", "acc161", "joint"]
