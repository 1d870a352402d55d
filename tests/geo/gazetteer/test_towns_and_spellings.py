"""Small towns and the ways news spells places: post-office towns, civil-division words, folded letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.gazetteer.build import build_index
from geo.gazetteer.generic_words import without_generic_word
from geo.gazetteer.index import open_gazetteer
from geo.gazetteer.names import normalize_name
from geo.gazetteer.sources.records import PlaceRecord
from geo.gazetteer.sources.us_postal_places import town_records
from geo.model import Precision


def _zip(code: str, city: str, state: str, lat: object, lon: object, kind: str = "STANDARD", **extra: object) -> dict:
    """A row as zipcodes.list_all() gives it: points are strings."""
    return {"zip_code": code, "city": city, "state": state, "lat": str(lat), "long": str(lon), "zip_code_type": kind,
            "active": True, **extra}  # fmt: skip


def test_a_town_is_the_median_of_its_zip_codes() -> None:
    rows = [
        _zip("75861", "Tennessee Colony", "TX", 31.79, -95.90),
        _zip("75880", "Tennessee Colony", "TX", 31.83, -95.84, kind="PO BOX"),
        _zip("75884", "Tennessee Colony", "TX", 40.00, -80.00),  # one stray point does not pull the town
    ]
    (town,) = town_records(rows)
    assert (town.gazetteer_id, town.name, town.country, town.admin1_code) == (
        "uspostal:tx:tennessee-colony",
        "Tennessee Colony",
        "US",
        "TX",
    )
    assert (town.lat, town.lon) == (31.83, -95.84)
    assert (town.kind, town.precision, town.population, town.supplementary) == ("city", Precision.CITY, 0, True)


def test_company_military_and_retired_codes_name_no_town() -> None:
    rows = [
        _zip("00501", "Holtsville", "NY", 40.8, -73.0, kind="UNIQUE"),
        _zip("09001", "APO", "AE", 50.0, 8.0, kind="MILITARY"),
        _zip("12345", "Gone", "NY", 42.0, -74.0, active=False),
        _zip("99998", "Nowhere", "NY", None, None),
        _zip("99999", "Nowhere", "NY", "", "-74.0"),
        _zip("99997", "Nowhere", "NY", 142.0, -74.0),
    ]
    assert list(town_records(rows)) == []


def test_territories_are_countries_of_their_own() -> None:
    (town,) = town_records([_zip("00601", "Adjuntas", "PR", 18.19, -66.73)])
    assert (town.country, town.admin1_code) == ("PR", None)


def _city(name: str, lat: float, lon: float, admin1: str = "TX") -> PlaceRecord:
    gazetteer_id = f"geonames:{name.lower().replace(' ', '-')}-{admin1.lower()}"
    return PlaceRecord(
        gazetteer_id, name, lat, lon, "city", Precision.CITY, country="US", admin1_code=admin1, population=5_000
    )


def test_towns_that_cities500_has_are_dropped(tmp_path: Path) -> None:
    towns = town_records(
        [
            _zip("75001", "Addison", "TX", 32.96, -96.84),  # cities500's Addison, 2 km away
            _zip("75558", "Cookville", "TX", 33.24, -94.87),  # unknown to cities500
            _zip("05491", "Addison", "VT", 44.09, -73.30),  # another state, another town
            _zip("79999", "Paris", "TX", 31.0, -100.0),  # same state, 450 km from Paris, Texas
        ]
    )
    path = tmp_path / "index.sqlite"
    build_index(path, records=[_city("Addison", 32.96, -96.83), _city("Paris", 33.66, -95.56), *towns], aliases=[])
    with open_gazetteer(path) as index:
        addisons = index.lookup("Addison", limit=10)
        # Texas's Addison once (cities500's), Vermont's from its post office
        assert sorted((c.place.gazetteer_id.split(":")[0], round(c.place.lat)) for c in addisons) == [
            ("geonames", 33),
            ("uspostal", 44),
        ]
        assert [c.place.name for c in index.lookup("Cookville")] == ["Cookville"]
        paris = index.lookup("Paris", limit=10)
        # a known town outranks the post-office town of the same name
        assert [c.place.gazetteer_id.split(":")[0] for c in paris] == ["geonames", "uspostal"]


@pytest.mark.parametrize(
    ("key", "bare"),
    [
        ("readington township", "readington"),
        ("tewksbury twp", "tewksbury"),
        ("town of groton", "groton"),
        ("karak district", "karak"),
        ("village of scarsdale", "scarsdale"),
        ("groton", None),
        ("township", None),
        ("town of ", None),
    ],
)
def test_without_generic_word(key: str, bare: str | None) -> None:
    assert without_generic_word(key) == bare


def test_a_civil_division_falls_back_to_its_town(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    records = [_city("Readington", 40.57, -74.74, admin1="NJ"), _city("Kansas City", 39.1, -94.58, admin1="MO")]
    build_index(path, records=records, aliases=[])
    with open_gazetteer(path) as index:
        (town,) = index.lookup("Readington Township")
        (direct,) = index.lookup("Readington")
        assert town.place == direct.place and town.score < direct.score
        assert index.lookup("Kansas") == []  # the fallback only ever takes a word away
        assert index.lookup("Readington Township, Texas") == []  # a qualifier narrows; it never widens
        assert index.lookup("Nowhere Township") == []


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("Tromsø", "tromso"),
        ("ŁÓDŹ", "lodz"),
        ("Đakovo", "dakovo"),
        ("Ærøskøbing", "aeroskobing"),
        ("Þingvellir", "thingvellir"),
        ("Straße", "strasse"),
    ],
)
def test_letters_with_their_mark_inside_fold_too(spelling: str, key: str) -> None:
    assert normalize_name(spelling) == key
