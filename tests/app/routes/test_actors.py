"""app.routes.actors: actors, their aliases, itineraries and itinerary GeoJSON over the API.

On every configured database.
"""

from __future__ import annotations

from app_fixtures import ANADYR, ANCHORAGE, TWO_TRIPS, event
from geojson_pydantic import FeatureCollection


def test_actors_list_with_stop_counts(trip_client):
    page = trip_client.get("/api/actors").json()
    assert page["total"] == 2
    by_slug = {a["slug"]: a for a in page["items"]}
    assert by_slug["kim-jong-un"]["stops"] == 3
    assert by_slug["kim-jong-un"]["last_place"] == "Komsomolsk-on-Amur"
    assert by_slug["vladimir-putin"]["stops"] == 1
    assert trip_client.get("/api/actors/kim-jong-un").json()["aliases"] == ["Kim Jong Un"]


def test_unknown_actor_is_404(trip_client):
    for path in (
        "/api/actors/nobody",
        "/api/actors/nobody/itinerary",
        "/api/actors/nobody/itinerary.geojson",
        "/api/events?actor=nobody",
    ):
        response = trip_client.get(path)
        assert response.status_code == 404, path
        assert "nobody" in response.json()["detail"]


def test_itinerary_in_travel_order(trip_client):
    itinerary = trip_client.get("/api/actors/kim-jong-un/itinerary").json()
    assert [(s["place"], s["status"], s["date"]) for s in itinerary["stops"]] == [
        ("Vladivostok", "occurred", "2019-04"),
        ("Komsomolsk-on-Amur", "occurred", "2023-09-15"),
        ("Vladivostok", "planned", None),
    ]
    # April 2019 and September 2023 are two trips, and the plan has no date: no leg joins any of them.
    assert [(t["label"], t["stops"]) for t in itinerary["trips"]] == [
        ("Apr 2019: Primorye, Russia, 1 stop", [1]),
        ("Sep 2023: Khabarovsk, Russia, 1 stop", [2]),
    ]
    assert itinerary["undated"] == [3]
    assert itinerary["legs"] == []
    assert (itinerary["total_km"], itinerary["planned_km"]) == (0.0, 0.0)


def test_itinerary_in_trips_with_legs_only_between_cities_of_one_trip(make_client):
    client = make_client(events=TWO_TRIPS)
    client.post("/api/articles", json={"text": "Kim went to Russia twice."})
    itinerary = client.get("/api/actors/kim-jong-un/itinerary").json()
    assert [(s["number"], s["place"], s["trip"], s["shown_as"], s["action_label"]) for s in itinerary["stops"]] == [
        (1, "Vladivostok", 1, "point", "visited"),
        (2, "Russia", 2, "area", "arrived"),
        (3, "Vladivostok", 2, "point", "arrived"),
        (4, "Komsomolsk-on-Amur", 2, "point", "arrived"),
        (5, "Khabarovsk", 2, "point", "planned visit"),
        (6, "Sochi", None, "point", "met"),
    ]
    assert itinerary["stops"][3]["action"] == "pull"  # the verb itself is kept
    assert {s["confidence"] for s in itinerary["stops"]} == {0.7}
    assert [(leg["from_stop"], leg["to_stop"], leg["status"], leg["trip"]) for leg in itinerary["legs"]] == [
        (3, 4, "occurred", 2),
        (4, 5, "planned", 2),
    ]
    # Vladivostok to Komsomolsk-on-Amur, about 915 km; not the 2019 trip, nor Russia's centre point.
    assert 905 < itinerary["total_km"] < 925
    assert [t["label"] for t in itinerary["trips"]] == [
        "Apr 2019: Primorye, Russia, 1 stop",
        "Sep 2023: Russia, 4 stops",
    ]
    assert itinerary["undated"] == [6]
    # Last seen where the last dated stop that happened was, not at the undated one.
    assert client.get("/api/actors/kim-jong-un").json()["last_place"] == "Komsomolsk-on-Amur"


def test_the_trip_gap_is_a_setting(make_client):
    client = make_client(events=TWO_TRIPS, trip_gap_days=3660)
    client.post("/api/articles", json={"text": "Kim went to Russia twice."})
    itinerary = client.get("/api/actors/kim-jong-un/itinerary").json()
    assert [t["stops"] for t in itinerary["trips"]] == [[1, 2, 3, 4, 5]]
    assert [(leg["from_stop"], leg["to_stop"]) for leg in itinerary["legs"]] == [(1, 3), (3, 4), (4, 5)]


def test_itinerary_geojson_carries_trips_precision_and_readable_actions(make_client):
    client = make_client(events=TWO_TRIPS)
    client.post("/api/articles", json={"text": "Kim went to Russia twice."})
    collection = client.get("/api/actors/kim-jong-un/itinerary.geojson").json()
    FeatureCollection.model_validate(collection)
    stops = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "stop"]
    legs = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "leg"]
    assert [(s["trip"], s["place_precision"], s["action"], s["action_label"]) for s in stops] == [
        (1, "city", "visit", "visited"),
        (2, "country", "enter", "arrived"),
        (2, "city", "arrive", "arrived"),
        (2, "city", "pull", "arrived"),
        (2, "city", "travel", "planned visit"),
        (None, "city", "meet", "met"),
    ]
    assert [(leg["from"], leg["to"], leg["trip"]) for leg in legs] == [(3, 4, 2), (4, 5, 2)]
    assert [(t["number"], t["stops"], t["known_only_as_area"]) for t in collection["trips"]] == [
        (1, [1], False),
        (2, [2, 3, 4, 5], False),
    ]


def test_itinerary_geojson_is_rfc7946(trip_client):
    response = trip_client.get("/api/actors/kim-jong-un/itinerary.geojson")
    assert response.headers["content-type"] == "application/geo+json"
    collection = response.json()
    FeatureCollection.model_validate(collection)
    points = [f for f in collection["features"] if f["geometry"]["type"] == "Point"]
    assert [p["properties"]["place"] for p in points] == ["Vladivostok", "Komsomolsk-on-Amur", "Vladivostok"]
    first = points[0]
    assert first["geometry"]["coordinates"] == [131.87353, 43.10562]  # longitude first
    for key in ("place", "geonameid", "status", "date", "date_precision", "action", "evidence", "article_id"):
        assert key in first["properties"]
    assert collection["bbox"][0] < collection["bbox"][2]


def test_leg_across_the_antimeridian_is_cut(make_client):
    client = make_client(
        events=[
            event("Vitaly Cherkasov", ANADYR, when="2023-06-01"),
            event("Vitaly Cherkasov", ANCHORAGE, when="2023-06-02", start=50),
        ]
    )
    client.post("/api/articles", json={"text": "Cherkasov flew from Anadyr to Anchorage."})
    collection = client.get("/api/actors/vitaly-cherkasov/itinerary.geojson").json()
    [leg] = [f for f in collection["features"] if f["properties"]["kind"] == "leg"]
    assert leg["geometry"]["type"] == "MultiLineString"
    assert collection["bbox"][0] > collection["bbox"][2]  # west > east: the box crosses the antimeridian


def test_aliases_merge_later_articles_into_the_same_actor(make_client, engine):
    from app_fixtures import SOCHI, event

    client = make_client(events=[event("Vladimir Putin", SOCHI, when="2023-09-15")])
    client.post("/api/articles", json={"text": "Putin went to Sochi."})
    response = client.post("/api/actors/vladimir-putin/aliases", json={"alias": "Vladimir Vladimirovich Putin"})
    assert response.status_code == 201
    assert response.json()["aliases"] == ["Vladimir Putin", "Vladimir Vladimirovich Putin"]
    # A later article that names him in full lands on the same actor.
    later = make_client(events=[event("Vladimir Vladimirovich Putin", SOCHI, when="2023-09-16", start=40)])
    later.post("/api/articles", json={"text": "Vladimir Vladimirovich Putin stayed on in Sochi."})
    actors = later.get("/api/actors").json()
    assert actors["total"] == 1 and actors["items"][0]["events"] == 2
    # The same alias again is fine; one that names someone else is a conflict.
    assert client.post("/api/actors/vladimir-putin/aliases", json={"alias": "vladimir putin"}).status_code == 201


def test_alias_of_another_actor_is_a_conflict(trip_client):
    response = trip_client.post("/api/actors/kim-jong-un/aliases", json={"alias": "Vladimir Putin"})
    assert response.status_code == 409
    assert "vladimir-putin" in response.json()["detail"]
    for body in ({"alias": ""}, {"alias": "--"}, {"name": "x"}):
        assert trip_client.post("/api/actors/kim-jong-un/aliases", json=body).status_code == 422
    assert trip_client.post("/api/actors/nobody/aliases", json={"alias": "Someone"}).status_code == 404
