"""geo.maps.labels: country and major-city names for the offline basemap, each from a zoom level."""

from __future__ import annotations

import json

import pytest
from memory_gazetteer import MemoryGazetteer, make_place

from geo.maps.labels import (
    CITY_LABELS_CREDIT,
    CITY_MIN_POPULATION,
    basemap_labels,
    capital_names,
    city_labels,
    country_labels,
    major_cities,
)

MOSCOW = make_place(524901, "Moscow", 55.75222, 37.61556, country="RU", population=10_381_222)
VLADIVOSTOK = make_place(2013348, "Vladivostok", 43.10562, 131.87353, country="RU", population=604_901)
NOVOSIBIRSK = make_place(1496747, "Novosibirsk", 55.0415, 82.9346, country="RU", population=1_419_007)
VADUZ = make_place(3042030, "Vaduz", 47.14151, 9.52154, country="LI", population=5_197)
SHANGHAI = make_place(1796236, "Shanghai", 31.22222, 121.45806, country="CN", population=24_874_500)


def _gazetteer() -> MemoryGazetteer:
    gazetteer = MemoryGazetteer()
    for place in (MOSCOW, VLADIVOSTOK, NOVOSIBIRSK, VADUZ, SHANGHAI):
        gazetteer.add(place)
    return gazetteer


def test_every_country_has_one_label_inside_it_largest_first():
    labels = country_labels()
    names = [name for name, *_ in labels]
    assert len(names) == len(set(names)) > 150
    by_name = {name: (lat, lon, zoom) for name, lat, lon, zoom in labels}
    assert by_name["Russia"][2] == 2 and by_name["France"][2] == 3 and by_name["Luxembourg"][2] == 5
    lat, lon, _ = by_name["Chile"]
    assert -56 < lat < -17 and -76 < lon < -66  # inside that thin country, not off its coast
    zooms = [zoom for *_, zoom in labels]
    assert zooms == sorted(zooms)


def test_capitals_and_populous_cities_from_the_gazetteer():
    cities, capitals = major_cities(_gazetteer())
    assert [place.name for place in cities] == ["Shanghai", "Moscow", "Novosibirsk"]  # above 1,000,000
    assert {place.name for place in capitals} == {"Moscow", "Vaduz"}  # the gazetteer's own points
    assert capital_names()["RU"] == "Moscow"


def test_city_labels_appear_by_size_capitals_marked_each_city_once():
    cities, capitals = major_cities(_gazetteer())
    rows = {row[0]: row[1:] for row in city_labels(cities, capitals)}
    assert set(rows) == {"Shanghai", "Moscow", "Novosibirsk", "Vaduz"}
    assert rows["Moscow"] == (55.75, 37.62, 4, 1)
    assert rows["Shanghai"][2:] == (4, 0)
    assert rows["Vaduz"][2:] == (5, 1)  # a small capital still shows early
    assert rows["Novosibirsk"][2:] == (6, 0)
    assert VLADIVOSTOK.population < CITY_MIN_POPULATION  # too small for a label


def test_the_labels_document_is_small_and_credits_geonames_for_cities():
    cities, capitals = major_cities(_gazetteer())
    document = basemap_labels(cities, capitals)
    assert document["attribution"] == CITY_LABELS_CREDIT and "GeoNames" in CITY_LABELS_CREDIT
    assert len(json.dumps(document, separators=(",", ":"))) < 12_000
    countries_only = basemap_labels()
    assert countries_only["cities"] == [] and countries_only["attribution"] == ""


def test_a_gazetteer_that_cannot_list_places_gives_capitals_alone():
    class LookupOnly:
        def __init__(self, inner):
            self.inner = inner

        def lookup(self, name, *, country_codes=None, limit=10):
            return self.inner.lookup(name, country_codes=country_codes, limit=limit)

    cities, capitals = major_cities(LookupOnly(_gazetteer()))
    assert cities == [] and {place.name for place in capitals} == {"Moscow", "Vaduz"}


@pytest.mark.slow
def test_the_full_index_labels_every_capital_it_knows_at_its_geonames_point(gazetteer):
    cities, capitals = major_cities(gazetteer)
    assert len(cities) > 400 and len(capitals) > 200
    by_name = {place.name: place for place in capitals}
    assert by_name["Moscow"].geonameid == 524901 and by_name["Canberra"].geonameid == 2172517
    document = basemap_labels(cities, capitals)
    assert len(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()) < 40_000
