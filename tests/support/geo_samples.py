"""Places, events and an RFC 7946 check shared by the tests of geo.geojson and geo.features."""

from __future__ import annotations

import itertools
import json
from datetime import date
from typing import Any

import pytest
from geojson_pydantic import FeatureCollection

from geo.model import DateInterval, DatePrecision, Event, EventStatus, Place, Precision

ACTOR = "Kim Jong Un"


def place(name: str, lat: float, lon: float, **extra: Any) -> Place:
    return Place(f"test:{name.lower()}", name, lat, lon, "city", Precision.CITY, **extra)


VLADIVOSTOK = place("Vladivostok", 43.10562, 131.87353, country="RU", geonameid=2013348)


KOMSOMOLSK = place("Komsomolsk-on-Amur", 50.55034, 137.00995, country="RU", geonameid=2021851)


ANADYR = place("Anadyr", 64.73, 177.51, country="RU")


ANCHORAGE = place("Anchorage", 61.22, -149.90, country="US")


RUSSIA = Place("test:russia", "Russia", 60.0, 100.0, "country", Precision.COUNTRY, country="RU", geonameid=2017370)


def event(
    where: Place, when: DateInterval = DateInterval(), status: EventStatus = EventStatus.OCCURRED, **extra: Any
) -> Event:
    fields: dict[str, Any] = {"action": "visit", "evidence": f"Kim was in {where.name}.", "article_id": 3, **extra}
    return Event(actor=ACTOR, place=where, status=status, date=when, **fields)


def day(year: int, month: int, dom: int) -> DateInterval:
    return DateInterval(date(year, month, dom), date(year, month, dom), DatePrecision.DAY)


def _lines(geometry: dict) -> list[list]:
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiLineString":
        return geometry["coordinates"]
    return []


def _positions(geometry: dict) -> list[list[float]]:
    if geometry["type"] == "Point":
        return [geometry["coordinates"]]
    return [position for line in _lines(geometry) for position in line]


def assert_rfc7946(collection: dict) -> None:
    """The checks of RFC 7946 that matter here, written out rather than trusted to a library."""
    # Closed structure: plain JSON, no NaN, survives a round trip unchanged.
    assert json.loads(json.dumps(collection, allow_nan=False)) == collection
    assert collection["type"] == "FeatureCollection"
    for item in collection["features"]:
        assert item["type"] == "Feature"
        assert set(item) <= {"type", "geometry", "properties", "id", "bbox"}
        assert "id" not in item or isinstance(item["id"], (str, int))
        geometry = item["geometry"]
        for lon, lat in _positions(geometry):
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert round(lon, 6) == lon and round(lat, 6) == lat
        for line in _lines(geometry):
            assert len(line) >= 2
            for (lon_a, _), (lon_b, _) in itertools.pairwise(line):
                assert abs(lon_b - lon_a) < 180, "a line must not cross the antimeridian (3.1.9)"
    if "bbox" in collection:
        west, south, east, north = collection["bbox"]
        assert -180 <= west <= 180 and -180 <= east <= 180 and south <= north
    if "bbox" in collection and collection["bbox"][0] > collection["bbox"][2]:
        # geojson-pydantic warns on a bbox across the antimeridian, which RFC 7946 5.2 allows
        with pytest.warns(UserWarning, match="Antimeridian"):
            FeatureCollection.model_validate(collection)
    else:
        FeatureCollection.model_validate(collection)
