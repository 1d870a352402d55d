"""The seed article, end to end: `itinerant seed` into a store, served over HTTP, scored by the gold scorer.

This is the project's first acceptance test: the real gazetteer, geoparser and event reader,
the real storage and API, and ../shared/tools/score_itinerary.py judging the result against
../shared/gold/seed-events.json exactly as it judges a deployed server.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from live_server import serve
from typer.testing import CliRunner

from app import cli
from app.db import make_engine
from app.main import create_app
from app.migrate import upgrade_database
from app.pipeline import build_pipeline
from app.services import Services
from app.settings import Settings

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_itinerary.py"


@pytest.fixture(scope="module")
def seeded_services(gazetteer, tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("seeded"), _env_file=None)
    # The production pipeline over the session's index, opened once.
    services = Services(settings, make_engine(settings.resolved_database_url), lambda _s: gazetteer, build_pipeline)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "_services", lambda: services)
        result = CliRunner().invoke(cli.app, ["seed", "--dir", str(REPO_ROOT / "seeds")])
    assert result.exit_code == 0, result.output
    return services


@pytest.mark.skipif(not SCORER.exists(), reason=f"the gold scorer is not at {SCORER}")
def test_the_gold_scorer_passes_the_seed(seeded_services):
    with serve(create_app(services=seeded_services)) as url:
        scored = subprocess.run(
            [sys.executable, str(SCORER), url], capture_output=True, text=True, timeout=300, check=False
        )
    assert scored.returncode == 0, scored.stdout + scored.stderr
    assert scored.stdout.rstrip().endswith("PASS")


def test_kims_itinerary_in_order_without_false_stops(seeded_services):
    from fastapi.testclient import TestClient

    client = TestClient(create_app(services=seeded_services))
    stops = client.get("/api/actors/kim-jong-un/itinerary").json()["stops"]
    required = [
        (s["place"], s["status"], s["date"]) for s in stops if s["place"] in {"Vladivostok", "Komsomolsk-on-Amur"}
    ]
    assert required == [
        ("Vladivostok", "occurred", "2019-04"),
        ("Komsomolsk-on-Amur", "occurred", "2023-09-15"),
        ("Vladivostok", "planned", None),
    ]
    places = {s["place"] for s in stops}
    assert not places & {"Seoul", "Sochi", "Pyongyang", "Ukraine", "Belarus", "Black Sea", "United States"}
    # Every stop carries the sentence that proves it, and that sentence is in the article.
    article = client.get(f"/api/articles/{stops[0]['article_id']}").json()
    for stop in stops:
        assert stop["evidence"] and stop["evidence"] in article["text"]


def test_the_dateline_is_seoul_and_no_place_comes_from_names(seeded_services):
    from fastapi.testclient import TestClient

    client = TestClient(create_app(services=seeded_services))
    [summary] = client.get("/api/articles").json()["items"]
    article = client.get(f"/api/articles/{summary['id']}").json()
    roles = {(m["surface"], m["role"]) for m in article["mentions"]}
    assert ("SEOUL", "dateline") in roles
    surfaces = {m["surface"] for m in article["mentions"] if m["role"] != "demonym"}
    assert not surfaces & {"Kim", "Putin", "Lavrov", "Peskov", "Manturov", "Sukhoi", "Su-57", "Cabinet", "But", "Since"}
    actors = {a["name"] for a in client.get("/api/actors").json()["items"]}
    assert not actors & {"Su-57", "Su-35", "Sukhoi", "Cabinet", "Kremlin", "Associated Press", "AP"}


def test_concurrent_ingests_are_each_read_whole(gazetteer, tmp_path):
    """Several articles posted at once (the server reads each in a thread of its pool) all land, whole."""
    settings = Settings(data_dir=tmp_path, _env_file=None)
    services = Services(settings, make_engine(settings.resolved_database_url), lambda _s: gazetteer, build_pipeline)
    upgrade_database(services.engine)
    seed = (REPO_ROOT / "seeds" / "000_c9263cc6945fc7b5.txt").read_text(encoding="utf-8")

    def post(url: str, number: int) -> dict:
        body = json.dumps({"text": f"{seed}\n\nCopy {number}.", "published": "2023-09-15"}).encode()
        request = urllib.request.Request(f"{url}/api/articles", body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=300) as response:
            return json.loads(response.read())

    with serve(create_app(services=services)) as url, ThreadPoolExecutor(4) as pool:
        articles = list(pool.map(lambda n: post(url, n), range(4)))
    assert len({a["id"] for a in articles}) == 4
    events = [sorted((e["actor"]["slug"], e["place"]["name"], e["status"]) for e in a["events"]) for a in articles]
    assert all(e == events[0] for e in events) and events[0]  # the same reading of the same text, every time
