"""`itinerant ingest --workers N` and `--scheduler`: the pipeline over local processes and over a Dask
cluster (distributed.LocalCluster here); every article is stored exactly once, and a rerun stores nothing."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from app_fixtures import TRIP
from database_urls import engine_url
from sqlmodel import Session, func, select
from typer.testing import CliRunner
from worker_factories import no_gazetteer, small_pipeline

from app import cli, models
from app.parallel_ingest import WorkerSpec, ingest_on_cluster
from app.services import Services
from app.settings import Settings
from app.sources import read_articles

UNIQUE = 24
runner = CliRunner()


def _write_articles(folder) -> None:
    """UNIQUE articles, four of them twice more (padded differently: the same text), and a bad line."""
    folder.mkdir()
    records = [
        {"text": f"Dispatch {number}: Kim went to Vladivostok, then Sochi.", "published": "2023-09-14"}
        for number in range(UNIQUE)
    ]
    repeats = [{"text": f"  {record['text']}\n"} for record in records[:4]]
    (folder / "one.jsonl").write_text("\n".join(json.dumps(r) for r in records[: UNIQUE // 2] + repeats))
    (folder / "two.jsonl").write_text(
        "\n".join(json.dumps(r) for r in [*records[UNIQUE // 2 :], {"text": ""}, *repeats])
    )


def _stored(engine) -> Counter:
    with Session(engine) as session:
        texts = session.exec(select(models.Article.text)).all()
        events = session.exec(select(func.count()).select_from(models.Event)).one()
        actors = session.exec(select(func.count()).select_from(models.Actor)).one()
    return Counter(texts), events, actors


def _assert_each_article_stored_once(engine) -> None:
    texts, events, actors = _stored(engine)
    assert len(texts) == UNIQUE and set(texts.values()) == {1}
    assert events == UNIQUE * len(TRIP)  # the trip's events for each article
    assert actors == len({e.actor for e in TRIP})  # the people every article names, each created once


@pytest.fixture
def spec(engine):
    return WorkerSpec(engine_url(engine), gazetteer_factory=no_gazetteer, pipeline_factory=small_pipeline)


@pytest.fixture
def cli_services(engine, tmp_path, monkeypatch, spec):
    made = Services(Settings(data_dir=tmp_path, _env_file=None), engine, no_gazetteer, small_pipeline)
    monkeypatch.setattr(cli, "_services", lambda: made)
    monkeypatch.setattr(cli, "_worker_spec", lambda _services: spec)
    return made


def test_ingest_with_two_worker_processes_stores_each_article_once(cli_services, engine, tmp_path):
    folder = tmp_path / "in"
    _write_articles(folder)
    first = runner.invoke(cli.app, ["ingest", "--workers", "2", str(folder)])
    assert first.exit_code == 0, first.output
    assert f"{UNIQUE} stored, 8 skipped as duplicates, 1 rejected" in first.output
    assert "two.jsonl:13" in first.output
    _assert_each_article_stored_once(engine)

    again = runner.invoke(cli.app, ["ingest", "--workers", "2", str(folder)])
    assert f"0 stored, {UNIQUE + 8} skipped as duplicates, 1 rejected" in again.output
    _assert_each_article_stored_once(engine)


@pytest.fixture
def cluster():
    distributed = pytest.importorskip("distributed")
    # Two workers of one thread each, in this process, over TCP so that the command can connect by address.
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, protocol="tcp://", dashboard_address=None
    ) as local:
        yield local


def test_a_dask_cluster_stores_each_article_once(cluster, spec, engine, tmp_path):
    from distributed import Client

    folder = tmp_path / "in"
    _write_articles(folder)
    articles = [item for item in read_articles([folder]) if hasattr(item, "article")]
    with Client(cluster) as client:
        outcomes = Counter(o.verdict for done in ingest_on_cluster(spec, articles, client) for o in done)
        assert outcomes == {"stored": UNIQUE, "duplicate": 8}
        _assert_each_article_stored_once(engine)
        rerun = Counter(o.verdict for done in ingest_on_cluster(spec, articles, client) for o in done)
    assert rerun == {"duplicate": UNIQUE + 8}
    _assert_each_article_stored_once(engine)


def test_ingest_with_a_scheduler_sends_the_articles_to_its_workers(cluster, cli_services, engine, tmp_path):
    folder = tmp_path / "in"
    _write_articles(folder)
    result = runner.invoke(cli.app, ["ingest", "--scheduler", cluster.scheduler_address, str(folder)])
    assert result.exit_code == 0, result.output
    assert f"{UNIQUE} stored, 8 skipped as duplicates, 1 rejected" in result.output
    _assert_each_article_stored_once(engine)
