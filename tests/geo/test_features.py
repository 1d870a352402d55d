"""geo.features: the public records of places, events, stops and legs, and their GeoJSON features."""

from __future__ import annotations

from datetime import date

from geo_samples import ACTOR, ANADYR, ANCHORAGE, KOMSOMOLSK, RUSSIA, VLADIVOSTOK, assert_rfc7946, day, event
from geojson_pydantic import Feature

from geo.features import EventFeatures, event_feature, itinerary_feature_collection
from geo.itinerary import build_itinerary
from geo.model import DateInterval, DatePrecision, EventStatus


def _kim() -> tuple:
    events = [
        event(
            VLADIVOSTOK,
            DateInterval(date(2023, 9, 1), date(2023, 9, 30), DatePrecision.MONTH),
            event_id=11,
            evidence_start=100,
            evidence_end=180,
        ),
        event(KOMSOMOLSK, day(2023, 9, 15), event_id=12),
        event(KOMSOMOLSK, day(2023, 9, 16), event_id=13, action="tour"),
        event(VLADIVOSTOK, day(2023, 10, 2), status=EventStatus.PLANNED, event_id=14),
    ]
    itinerary = build_itinerary(ACTOR, events)
    return itinerary, itinerary_feature_collection(itinerary)


def test_itinerary_collection_is_valid_geojson() -> None:
    _, collection = _kim()
    assert_rfc7946(collection)


def test_itinerary_collection_has_stops_in_order_then_legs() -> None:
    itinerary, collection = _kim()
    kinds = [(f["properties"]["kind"], f["properties"]["number"]) for f in collection["features"]]
    assert kinds == [("stop", 1), ("stop", 2), ("stop", 3), ("leg", 1), ("leg", 2)]
    geometry_types = [f["geometry"]["type"] for f in collection["features"]]
    assert geometry_types == ["Point"] * 3 + ["LineString"] * 2
    assert collection["actor"] == ACTOR
    assert collection["total_km"] == round(itinerary.legs[0].distance_km, 3)
    assert collection["planned_km"] == round(itinerary.legs[1].distance_km, 3)
    assert collection["bbox"] == list(itinerary.bbox)
    assert len({f["id"] for f in collection["features"]}) == 5


def test_stop_properties() -> None:
    _, collection = _kim()
    first, second, third = (f["properties"] for f in collection["features"][:3])
    assert first == {
        "kind": "stop",
        "number": 1,
        "actor": ACTOR,
        "place": "Vladivostok",
        "gazetteer_id": "test:vladivostok",
        "place_id": "test:vladivostok",
        "geonameid": 2013348,
        "country": "RU",
        "admin1": None,
        "place_precision": "city",
        "status": "occurred",
        "date": "2023-09",
        "date_start": "2023-09-01",
        "date_end": "2023-09-30",
        "date_precision": "month",
        "action": "visit",
        "action_label": "visited",
        "evidence": "Kim was in Vladivostok.",
        "evidence_start": 100,
        "evidence_end": 180,
        "article_id": 3,
        "event_ids": [11],
        "trip": 1,
        "shown_as": "point",
        "confidence": 0.0,
        "confidence_cue": "low",
    }
    # a two-day stay: both events, dated from the first day to the last
    assert (second["event_ids"], second["date"], second["date_end"]) == ([12, 13], "2023-09-15", "2023-09-16")
    assert (third["status"], third["date"], third["action_label"], third["trip"]) == (
        "planned",
        "2023-10-02",
        "planned visit",
        1,
    )


def test_leg_properties() -> None:
    itinerary, collection = _kim()
    first_leg, second_leg = (f["properties"] for f in collection["features"][3:])
    assert first_leg == {
        "kind": "leg",
        "number": 1,
        "actor": ACTOR,
        "from": 1,
        "to": 2,
        "from_place": "Vladivostok",
        "to_place": "Komsomolsk-on-Amur",
        "status": "occurred",
        "distance_km": round(itinerary.legs[0].distance_km, 3),
        "trip": 1,
    }
    assert (second_leg["from"], second_leg["to"], second_leg["status"]) == (2, 3, "planned")


def test_a_leg_across_the_antimeridian_is_a_multilinestring_feature() -> None:
    itinerary = build_itinerary(ACTOR, [event(ANADYR, day(2020, 1, 1)), event(ANCHORAGE, day(2020, 1, 3))])
    collection = itinerary_feature_collection(itinerary)
    assert_rfc7946(collection)
    leg = collection["features"][-1]
    assert leg["geometry"]["type"] == "MultiLineString"
    west_part, east_part = leg["geometry"]["coordinates"]
    assert west_part[-1][0] == 180 and east_part[0][0] == -180
    assert west_part[-1][1] == east_part[0][1]
    west, _, east, _ = collection["bbox"]
    assert west > east  # RFC 7946 5.2


def test_the_collection_lists_its_trips_and_each_stop_and_leg_names_its_trip() -> None:
    events = [
        event(VLADIVOSTOK, day(2019, 4, 25)),
        event(VLADIVOSTOK, day(2023, 9, 12)),
        event(RUSSIA, day(2023, 9, 13)),
        event(KOMSOMOLSK, day(2023, 9, 15)),
        event(ANCHORAGE, action="enter"),  # undated
    ]
    collection = itinerary_feature_collection(build_itinerary(ACTOR, events))
    assert_rfc7946(collection)
    stops = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "stop"]
    legs = [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "leg"]
    assert [(s["place"], s["trip"], s["shown_as"]) for s in stops] == [
        ("Vladivostok", 1, "point"),
        ("Vladivostok", 2, "point"),
        ("Russia", 2, "area"),
        ("Komsomolsk-on-Amur", 2, "point"),
        ("Anchorage", None, "point"),
    ]
    assert stops[-1]["action"] == "enter" and stops[-1]["action_label"] == "arrived"
    # Only within the second trip, and past the country-level stop.
    assert [(leg["from"], leg["to"], leg["trip"]) for leg in legs] == [(2, 4, 2)]
    assert collection["total_km"] == legs[0]["distance_km"]
    assert [(t["number"], t["label"], t["stops"], t["precision"]) for t in collection["trips"]] == [
        (1, "Apr 2019: Russia, 1 stop", [1], "city"),
        (2, "Sep 2023: Russia, 3 stops", [2, 3, 4], "city"),
    ]


def test_event_feature() -> None:
    result = event_feature(
        event(KOMSOMOLSK, day(2023, 9, 15), event_id=12, confidence=0.9, co_actors=("Denis Manturov",))
    )
    Feature.model_validate(result)
    assert result["id"] == 12
    assert result["geometry"] == {"type": "Point", "coordinates": [137.00995, 50.55034]}
    properties = result["properties"]
    assert properties["kind"] == "event"
    assert {
        k: properties[k]
        for k in ("actor", "place", "geonameid", "status", "date", "event_id", "co_actors", "confidence")
    } == {
        "actor": ACTOR,
        "place": "Komsomolsk-on-Amur",
        "geonameid": 2021851,
        "status": "occurred",
        "date": "2023-09-15",
        "event_id": 12,
        "co_actors": ["Denis Manturov"],
        "confidence": 0.9,
    }
    assert "id" not in event_feature(event(KOMSOMOLSK))


def test_event_features_of_a_stream_are_those_of_event_feature() -> None:
    shared_day = day(2023, 9, 15)
    events = [
        event(KOMSOMOLSK, shared_day, event_id=1),
        event(KOMSOMOLSK, shared_day, event_id=2, action="tour"),  # the same place and date objects
        event(VLADIVOSTOK, day(2023, 9, 15), event_id=3),  # an equal date, another object
        event(VLADIVOSTOK, status=EventStatus.PLANNED),  # undated, and stored nowhere: no id
        event(ANADYR, DateInterval(date(2019, 4, 1), None, DatePrecision.DAY), event_id=5),
    ]
    make = EventFeatures()
    made = [make(e) for e in events * 2]  # the second time round from what it made the first
    assert made == [event_feature(e) for e in events * 2]
    assert "id" not in made[3]
    # Each feature has its own properties, whatever it shares with the others.
    made[0]["properties"]["actor"] = "changed"
    assert made[1]["properties"]["actor"] == ACTOR


def test_the_collections_bbox_is_the_itinerarys_taken_from_the_features_geometries() -> None:
    """The collection's bbox comes from the geometries of its features, made once: it is what
    Itinerary.bbox gives from the stops and legs themselves, antimeridian and areas included."""
    samples = [
        [event(VLADIVOSTOK, day(2023, 9, 1)), event(KOMSOMOLSK, day(2023, 9, 3))],
        [event(ANADYR, day(2020, 1, 1)), event(ANCHORAGE, day(2020, 1, 3)), event(RUSSIA, day(2020, 1, 4))],
        [event(ANCHORAGE, action="enter"), event(VLADIVOSTOK, day(2019, 4, 25))],
        [event(RUSSIA, day(2023, 9, 13))],
    ]
    for events in samples:
        itinerary = build_itinerary(ACTOR, events)
        assert itinerary_feature_collection(itinerary)["bbox"] == list(itinerary.bbox)
