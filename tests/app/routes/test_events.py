"""app.routes.events: event filters, GeoJSON pages and corrections over the API.

An event says the same in the API, the GeoJSON and the CSV; on every configured database.
"""

from __future__ import annotations

import pytest
from app_fixtures import ANADYR
from geojson_pydantic import FeatureCollection


@pytest.mark.parametrize(
    ("query", "places"),
    [
        ("", ["Vladivostok", "Komsomolsk-on-Amur", "Sochi", "Vladivostok"]),
        ("actor=vladimir-putin", ["Sochi"]),
        ("status=planned", ["Vladivostok"]),
        ("from=2023-01-01", ["Komsomolsk-on-Amur", "Sochi"]),
        ("to=2019-12-31", ["Vladivostok"]),
        ("from=2019-04-10&to=2019-04-10", ["Vladivostok"]),
        ("bbox=130,40,140,55", ["Vladivostok", "Komsomolsk-on-Amur", "Vladivostok"]),
        ("bbox=30,40,45,50", ["Sochi"]),
        ("bbox=170,40,20,60", []),
        ("article=1", ["Vladivostok", "Komsomolsk-on-Amur", "Sochi", "Vladivostok"]),
        ("article=99", []),
    ],
)
def test_event_filters(trip_client, query, places):
    page = trip_client.get(f"/api/events?{query}").json()
    assert [e["place"]["name"] for e in page["items"]] == places
    assert page["total"] == len(places)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=rumoured", "status"),
        ("from=yesterday", "from"),
        ("from=2023-09-20&to=2023-09-01", "from"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=0,50,10,40", "bbox"),
        ("bbox=0,0,200,10", "bbox"),
        ("article=x", "article"),
    ],
)
def test_bad_event_filters_are_422(trip_client, query, field):
    response = trip_client.get(f"/api/events?{query}")
    assert response.status_code == 422
    assert field in response.json()["detail"]


def test_events_geojson_streams_pages_with_next_links(trip_client):
    response = trip_client.get("/api/events.geojson?limit=3")
    assert response.headers["content-type"] == "application/geo+json"
    first = response.json()
    FeatureCollection.model_validate(first)
    assert len(first["features"]) == 3 and first["numberMatched"] == 4
    second = trip_client.get(first["next"]).json()
    assert len(second["features"]) == 1 and second["next"] is None
    ids = [f["id"] for f in first["features"] + second["features"]]
    assert len(set(ids)) == 4


def test_geojson_allows_any_origin(trip_client):
    response = trip_client.get("/api/events.geojson", headers={"Origin": "https://maps.example"})
    assert response.headers["access-control-allow-origin"] == "*"


def test_patch_corrects_and_survives_reprocessing(trip_client):
    events = trip_client.get("/api/events?actor=kim-jong-un").json()["items"]
    planned = events[-1]
    response = trip_client.patch(
        f"/api/events/{planned['id']}", json={"geonameid": ANADYR.geonameid, "date": "2023-09-20"}
    )
    assert response.status_code == 200, response.text
    corrected = response.json()
    assert corrected["place"]["name"] == "Anadyr" and corrected["date"] == "2023-09-20"
    assert corrected["corrected"] and corrected["reviewed"]

    rejected = events[0]
    assert trip_client.patch(f"/api/events/{rejected['id']}", json={"rejected": True}).status_code == 200

    article = trip_client.post("/api/articles/1/reprocess").json()
    kim = [e for e in article["events"] if e["actor"]["slug"] == "kim-jong-un"]
    # The correction stands, the rejected event does not come back, the untouched one is read again.
    assert sorted((e["place"]["name"], e["date"]) for e in kim) == [
        ("Anadyr", "2023-09-20"),
        ("Komsomolsk-on-Amur", "2023-09-15"),
    ]
    stops = trip_client.get("/api/actors/kim-jong-un/itinerary").json()["stops"]
    assert [s["place"] for s in stops] == ["Komsomolsk-on-Amur", "Anadyr"]


def test_patch_to_a_point_and_to_another_actor(trip_client):
    [putin_event] = trip_client.get("/api/events?actor=vladimir-putin").json()["items"]
    response = trip_client.patch(
        f"/api/events/{putin_event['id']}",
        json={
            "lat": 43.4,
            "lon": 39.95,
            "place_name": "Bocharov Ruchey",
            "actor": "Alexander Lukashenko",
            "status": "occurred",
        },
    )
    body = response.json()
    assert body["place"]["name"] == "Bocharov Ruchey" and (body["lat"], body["lon"]) == (43.4, 39.95)
    assert body["actor"]["slug"] == "alexander-lukashenko"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "nothing to correct"),
        ({"lat": 10}, "both lat and lon"),
        ({"lat": 10, "lon": 10, "geonameid": 1}, "either geonameid"),
        ({"geonameid": 424242}, "GeoNames id 424242"),
        ({"lat": 91, "lon": 0}, "lat"),
        ({"status": "rumoured"}, "status"),
        ({"date": "next week"}, "ISO 8601"),
        ({"date": "2023-02-30"}, "real date"),
        ({"place_name": "Somewhere"}, "lat and lon"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_corrections_are_422_and_change_nothing(trip_client, body, message):
    before = trip_client.get("/api/events").json()
    event_id = before["items"][0]["id"]
    response = trip_client.patch(f"/api/events/{event_id}", json=body)
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert trip_client.get("/api/events").json() == before


def test_patch_unknown_event_is_404(trip_client):
    assert trip_client.patch("/api/events/999", json={"rejected": True}).status_code == 404
    assert trip_client.get("/api/events/999").status_code == 404


def test_the_gazetteer_key_has_one_name_in_stops_events_and_geojson(trip_client):
    stops = trip_client.get("/api/actors/kim-jong-un/itinerary").json()["stops"]
    events = trip_client.get("/api/events?actor=kim-jong-un").json()["items"]
    features = trip_client.get("/api/actors/kim-jong-un/itinerary.geojson").json()["features"]
    event_keys = [e["place"]["gazetteer_id"] for e in events]
    assert [s["gazetteer_id"] for s in stops] == event_keys
    assert [f["properties"]["gazetteer_id"] for f in features if f["properties"]["kind"] == "stop"] == event_keys
    # The former name stays one release, with the same value, and says it is deprecated.
    assert [s["place_id"] for s in stops] == event_keys
    schema = trip_client.get("/openapi.json").json()["components"]["schemas"]["StopPublic"]["properties"]
    assert schema["place_id"].get("deprecated") is True
    assert "deprecated" not in schema["gazetteer_id"]


def test_an_event_says_the_same_in_the_api_the_geojson_and_the_csv(trip_client):
    from app.export import CSV_COLUMNS

    (api,) = trip_client.get("/api/events?actor=vladimir-putin").json()["items"]
    (geojson,) = trip_client.get("/api/events.geojson?actor=vladimir-putin").json()["features"]
    properties = geojson["properties"]
    fields = ("action", "action_label", "status", "date", "date_start", "date_end", "date_precision", "evidence")
    for field in (*fields, "co_actors"):
        assert api[field] == properties[field], field
    assert (api["action"], api["action_label"]) == ("meet", "met")
    assert (api["place"]["gazetteer_id"], api["place"]["name"]) == (properties["gazetteer_id"], properties["place"])
    assert geojson["geometry"]["coordinates"] == [api["lon"], api["lat"]]
    assert set(CSV_COLUMNS) <= set(properties) | {"lat", "lon"}
