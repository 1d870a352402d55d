"""GET /api/geocode and /api/reverse over the full offline gazetteer."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from geojson_pydantic import FeatureCollection

from app.db import make_engine
from app.main import create_app
from app.services import Services
from app.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(gazetteer, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("geocode")
    settings = Settings(data_dir=data_dir, _env_file=None)
    services = Services(
        settings,
        make_engine(settings.resolved_database_url),
        gazetteer_factory=lambda _s: gazetteer,
        pipeline_factory=lambda _s, _g: None,
    )
    return TestClient(create_app(services=services))


@pytest.mark.parametrize(
    ("query", "geonameid"),
    [
        ("Komsomolsk-on-Amur", 2021851),
        ("Komsomol'sk-na-Amure", 2021851),
        ("vladivostok", 2013348),
        ("Moscow", 524901),
        ("Pyongyang", 1871859),
    ],
)
def test_geocode_ranks_the_right_place_first(client, query, geonameid):
    body = client.get("/api/geocode", params={"q": query}).json()
    assert body["items"][0]["geonameid"] == geonameid
    assert "GeoNames" in body["attribution"]
    scores = [item["score"] for item in body["items"]]
    assert scores == sorted(scores, reverse=True)


def test_country_filter_and_limit(client):
    body = client.get("/api/geocode", params={"q": "Moscow", "country": "us", "limit": 3}).json()
    assert 1 <= len(body["items"]) <= 3
    assert {item["country"] for item in body["items"]} == {"US"}


def test_unknown_name_is_an_empty_list(client):
    assert client.get("/api/geocode", params={"q": "Qwxzvbnmland"}).json()["items"] == []


@pytest.mark.parametrize(
    "how",
    [
        {"params": {"q": "Sochi", "f": "geojson"}},
        {"params": {"q": "Sochi"}, "headers": {"Accept": "application/geo+json"}},
    ],
)
def test_geojson_output(client, how):
    response = client.get("/api/geocode", **how)
    assert response.headers["content-type"] == "application/geo+json"
    collection = response.json()
    FeatureCollection.model_validate(collection)
    first = collection["features"][0]
    assert first["properties"]["geonameid"] == 491422
    assert first["geometry"]["coordinates"][0] == pytest.approx(39.73, abs=0.05)  # longitude first


def test_reverse_gives_the_nearest_place_with_region_and_country(client):
    body = client.get("/api/reverse", params={"lat": 43.12, "lon": 131.9}).json()
    [place] = body["items"]
    assert place["geonameid"] == 2013348
    assert place["address"].startswith("Vladivostok,") and place["address"].endswith("Russia")
    assert place["distance_km"] < 10


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/geocode?q=", "q"),
        ("/api/geocode?q=%20%20", "q"),
        ("/api/geocode", "q"),
        ("/api/geocode?q=" + "x" * 201, "q"),
        ("/api/geocode?q=Sochi&country=Russia", "country"),
        ("/api/geocode?q=Sochi&limit=0", "limit"),
        ("/api/geocode?q=Sochi&f=xml", "f"),
        ("/api/reverse?lat=91&lon=0", "lat"),
        ("/api/reverse?lat=0&lon=-181", "lon"),
        ("/api/reverse?lat=north&lon=0", "lat"),
        ("/api/reverse?lon=0", "lat"),
    ],
)
def test_bad_input_is_422_naming_the_field(client, path, field):
    response = client.get(path)
    assert response.status_code == 422, response.text
    assert field in response.json()["detail"]
