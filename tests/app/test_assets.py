"""app.assets: the vendored map files and the offline basemap, and nothing else, under /assets."""

from __future__ import annotations

import pytest

from app.assets import NODE_MODULES
from geo.maps import VENDORED

needs_node_modules = pytest.mark.skipif(
    not NODE_MODULES.is_dir(), reason="node_modules is absent: run `npm ci` at the repository root"
)


@needs_node_modules
@pytest.mark.parametrize("local_path", sorted({f.local_path for f in VENDORED}))
def test_every_vendored_file_is_served(client, local_path):
    response = client.get(f"/assets/vendor/{local_path}")
    assert response.status_code == 200, local_path
    assert response.headers["content-type"].split(";")[0] in ("text/javascript", "application/javascript", "text/css")


@needs_node_modules
def test_files_that_styles_point_to_are_served(client):
    for path in (
        "leaflet/dist/images/layers.png",
        "@fortawesome/fontawesome-free/webfonts/fa-solid-900.woff2",
        "drmonty-leaflet-awesome-markers/css/images/markers-soft.png",
    ):
        assert client.get(f"/assets/vendor/{path}").status_code == 200, path


@pytest.mark.parametrize(
    "path",
    [
        "leaflet/package.json",  # not a kind of file pages load
        "left-pad/index.js",  # not a vendored package
        "leaflet/../../pyproject.toml",
        "leaflet/%2e%2e/%2e%2e/app/main.py",
        "itinerant/../../main.py",
        "leaflet",
    ],
)
def test_nothing_else_is_served_from_the_asset_route(client, path):
    assert client.get(f"/assets/vendor/{path}").status_code == 404


def test_offline_basemap_is_served(client):
    response = client.get("/assets/basemap/countries.geojson")
    assert response.status_code == 200 and response.headers["content-type"] == "application/geo+json"
    assert len(response.json()["features"]) > 150


def test_basemap_labels_are_served_countries_alone_without_a_gazetteer(client):
    response = client.get("/assets/basemap/labels.json")
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    labels = response.json()
    assert len(labels["countries"]) > 150 and labels["cities"] == [] and labels["attribution"] == ""
    assert "max-age" in response.headers["cache-control"]


def test_basemap_labels_name_the_gazetteers_major_cities_and_credit_geonames(make_client):
    from memory_gazetteer import MemoryGazetteer, make_place

    moscow = make_place(524901, "Moscow", 55.75222, 37.61556, country="RU", population=10_381_222)
    town = make_place(1, "Smallville", 50.0, 40.0, country="RU", population=2_000)
    client = make_client(gazetteer=MemoryGazetteer().add(moscow).add(town))
    labels = client.get("/assets/basemap/labels.json").json()
    assert labels["cities"] == [["Moscow", 55.75, 37.62, 4, 1]]
    assert "GeoNames" in labels["attribution"] and "CC BY 4.0" in labels["attribution"]
