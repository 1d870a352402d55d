"""The seed article, end to end: `itinerant seed` into a store, served over HTTP, scored by the gold scorer.

This is the project's first acceptance test: the real gazetteer, geoparser and event reader,
the real storage and API, and ../shared/tools/score_itinerary.py judging the result against
../shared/gold/seed-events.json exactly as it judges a deployed server.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from live_server import serve
from typer.testing import CliRunner

from app import cli
from app.db import make_engine
from app.main import create_app
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
