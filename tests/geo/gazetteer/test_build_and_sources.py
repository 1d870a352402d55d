"""The builder's pieces: name variants, curated tables, the prior, atomic builds and skips."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.errors import GazetteerError
from geo.gazetteer.base import NameType
from geo.gazetteer.build import build_index, stored_fingerprint
from geo.gazetteer.index import open_gazetteer
from geo.gazetteer.prior import NAME_TYPE_WEIGHT, name_score, place_prior
from geo.gazetteer.qualifiers import split_qualifiers
from geo.gazetteer.sources.airports import airport_short_names
from geo.gazetteer.sources.curated import (
    read_curated_abbreviations,
    read_curated_demonyms,
    read_curated_places,
)
from geo.gazetteer.sources.records import PlaceRecord
from geo.gazetteer.sources.region_names import region_name_variants
from geo.model import Precision


@pytest.mark.parametrize(
    ("name", "level", "expected"),
    [
        ("Primorskiy kray", 1, {"Primorsky Krai", "Primorsky", "Primorskiy"}),
        ("Amurskaya oblast'", 1, {"Amurskaya Oblast", "Amurskaya Region"}),
        ("Alachua County", 2, {"Alachua"}),
        ("Province of Bulacan", 1, {"Bulacan"}),
    ],
)
def test_region_name_variants(name: str, level: int, expected: set[str]) -> None:
    assert expected <= region_name_variants(name, level)


@pytest.mark.parametrize(("name", "level"), [("Texas", 1), ("Comuna Foo", 2), ("Municipio de San Juan", 2)])
def test_region_names_without_generic_words_have_no_variants(name: str, level: int) -> None:
    assert region_name_variants(name, level) == set()


@pytest.mark.parametrize(
    ("name", "city", "expected"),
    [
        ("London Heathrow Airport", "London", {"Heathrow", "Heathrow Airport", "London Heathrow"}),
        ("Waco Regional Airport", "Waco", set()),
        # Words that describe a place, the city's and the region's own, name no airport ...
        ("London City Airport", "London", set()),
        ("Columbia Metro Airport", "Columbia", set()),
        ("East Texas Regional Airport", "Longview", set()),
        # ... nor does a county's name.
        ("Washington County Airport", "Washington", set()),
        # A name in brackets is one too, and so is the name without it.
        ("Long Beach (Daugherty Field) Airport", "Long Beach", {"Daugherty Field", "Long Beach Airport"}),
    ],
)
def test_airport_short_names(name: str, city: str, expected: set[str]) -> None:
    region = {"Longview": "Texas", "Columbia": "South Carolina"}.get(city, "")
    assert airport_short_names(name, city, region) == expected


@pytest.mark.parametrize(
    ("query", "head", "qualifiers"),
    [
        ("Paris, Texas", "Paris", ("Texas",)),
        ("Springfield, Illinois, USA", "Springfield", ("Illinois", "USA")),
        ("Victoria, B.C.", "Victoria", ("B.C.",)),
    ],
)
def test_split_qualifiers(query: str, head: str, qualifiers: tuple[str, ...]) -> None:
    split = split_qualifiers(query)
    assert split is not None and (split.head, split.qualifiers) == (head, qualifiers)


@pytest.mark.parametrize("query", ["Paris", "Paris,", ", Texas"])
def test_no_qualifiers(query: str) -> None:
    assert split_qualifiers(query) is None


@given(
    kind=st.sampled_from(["country", "continent", "admin1", "admin2", "city", "airport", "sea"]),
    precision=st.sampled_from(list(Precision)),
    population=st.integers(min_value=0, max_value=10**10),
    notable=st.booleans(),
    name_type=st.sampled_from(list(NameType)),
    noisy=st.booleans(),
)
def test_scores_lie_in_the_unit_interval(
    kind: str, precision: Precision, population: int, notable: bool, name_type: NameType, noisy: bool
) -> None:
    prior = place_prior(kind, precision, population, notable=notable)
    assert 0.0 <= name_score(prior, name_type, noisy=noisy) <= prior <= 1.0


def test_prior_grows_with_population_and_capital_status() -> None:
    small = place_prior("city", Precision.CITY, 25_000, notable=False)
    big = place_prior("city", Precision.CITY, 10_000_000, notable=False)
    capital = place_prior("city", Precision.CITY, 10_000_000, notable=True)
    assert small < big < capital
    assert NAME_TYPE_WEIGHT[NameType.OFFICIAL] > NAME_TYPE_WEIGHT[NameType.ALTERNATE] > NAME_TYPE_WEIGHT[NameType.CODE]


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_curated_tables_are_read(tmp_path: Path) -> None:
    _write(
        tmp_path / "curated_places.csv",
        "key,name,alternate_names,kind,precision,lat,lon,country,geonameid,source\n"
        "black-sea,Black Sea,Euxine|Pontus Euxinus,sea,site,43.4,34.3,,,Wikipedia\n"
        "korea,North Korea,,country,country,40.0,127.0,kp,1873107,GeoNames\n",
    )
    _write(tmp_path / "demonyms.csv", "demonym,country\nNorth Korean,KP\nNorth Koreans,kp\n")
    _write(tmp_path / "abbreviations.csv", "abbreviation,name,kind,country\nKy.,Kentucky,admin1,US\n")
    sea, korea = read_curated_places(tmp_path)
    assert (sea.gazetteer_id, sea.kind, sea.precision, sea.notable) == (
        "curated:black-sea",
        "sea",
        Precision.SITE,
        True,
    )
    assert [n.text for n in sea.names] == ["Black Sea", "Euxine", "Pontus Euxinus"]
    assert (korea.gazetteer_id, korea.country, korea.notable) == ("geonames:1873107", "KP", False)
    assert [(a.text, a.country) for a in read_curated_demonyms(tmp_path)] == [
        ("North Korean", "KP"),
        ("North Koreans", "KP"),
    ]
    (ky,) = read_curated_abbreviations(tmp_path)
    assert (ky.text, ky.kind, ky.country, ky.target_name, ky.name_type) == (
        "Ky.",
        "admin1",
        "US",
        "Kentucky",
        NameType.ABBREVIATION,
    )


def test_absent_curated_tables_read_as_empty(tmp_path: Path) -> None:
    assert list(read_curated_places(tmp_path)) == []
    assert list(read_curated_demonyms(tmp_path)) == []


@pytest.mark.parametrize(
    "row",
    ["x,X,,sea,planet,1,2,,,s", "x,X,,sea,site,95,2,,,s", "x,X,,sea,site,1,2,,notanid,s"],
)
def test_bad_curated_rows_are_errors(tmp_path: Path, row: str) -> None:
    _write(
        tmp_path / "curated_places.csv",
        "key,name,alternate_names,kind,precision,lat,lon,country,geonameid,source\n" + row,
    )
    with pytest.raises(GazetteerError, match="line 2"):
        list(read_curated_places(tmp_path))


def test_curated_place_with_geonameid_corrects_the_package_point(tmp_path: Path) -> None:
    package = PlaceRecord(
        "geonames:1873107",
        "North Korea",
        40.0,
        127.0,
        "country",
        Precision.COUNTRY,
        country="KP",
        geonameid=1873107,
        population=25_000_000,
    )
    _write(
        tmp_path / "curated_places.csv",
        "key,name,alternate_names,kind,precision,lat,lon,country,geonameid,source\n"
        "dprk,North Korea,Hermit Kingdom,country,country,40.25,127.5,KP,1873107,GeoNames\n",
    )
    path = tmp_path / "index.sqlite"
    report = build_index(path, records=[package, *read_curated_places(tmp_path)], aliases=[])
    assert (report.places, report.skipped) == (1, False)
    with open_gazetteer(path) as index:
        (first,) = index.lookup("Hermit Kingdom")
        assert (first.place.gazetteer_id, first.place.lat, first.place.lon) == ("geonames:1873107", 40.25, 127.5)
        assert first.place.kind == "country"


def test_build_writes_atomically_and_records_its_fingerprint(tmp_path: Path, tiny_index_path: Path) -> None:
    assert stored_fingerprint(tiny_index_path) == "custom"
    assert stored_fingerprint(tmp_path / "absent.sqlite") is None
    leftovers = [p for p in tiny_index_path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    with sqlite3.connect(tiny_index_path) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"meta", "places", "names", "region_codes", "places_rtree"} <= tables
    with open_gazetteer(tiny_index_path) as index:
        assert int(index.meta["places"]) == 24


def _district_index(tmp_path: Path) -> Path:
    _write(
        tmp_path / "curated_places.csv",
        "key,name,alternate_names,kind,precision,lat,lon,country,geonameid,source\n"
        "arbat,Arbat,,district,city,55.75,37.59,RU,,Wikipedia: Arbat\n"
        "far-arbat,Nowhere Quarter,,district,city,61.0,60.0,RU,,a district with no city near it\n",
    )
    moscow = PlaceRecord("geonames:524901", "Moscow", 55.75, 37.62, "city", Precision.CITY, country="RU",
                         population=12_000_000)  # fmt: skip
    village = PlaceRecord("geonames:1", "Arbat", 40.1, 44.4, "city", Precision.CITY, country="AM", population=1_000)
    town = PlaceRecord("geonames:2", "Nowhere Quarter", 40.0, -90.0, "city", Precision.CITY, country="US",
                       population=300_000)  # fmt: skip
    path = tmp_path / "index.sqlite"
    build_index(path, records=[moscow, village, town, *read_curated_places(tmp_path)], aliases=[])
    return path


def test_a_district_ranks_as_a_hundredth_of_its_city(tmp_path: Path) -> None:
    with open_gazetteer(_district_index(tmp_path)) as index:
        arbat, village = index.lookup("Arbat")
        assert (arbat.place.kind, village.place.country) == ("district", "AM")
        # ranked as a town of 120,000, but no population of its own is made up
        assert arbat.score == pytest.approx(place_prior("district", Precision.CITY, 120_000, notable=False))
        assert arbat.place.population == 0
        town, lonely = index.lookup("Nowhere Quarter")
        # a district far from any city borrows nothing and carries no notable bonus
        assert town.place.country == "US"
        assert lonely.score == pytest.approx(place_prior("district", Precision.CITY, 0, notable=False))


def test_a_notable_areal_feature_ranks_as_a_place_of_a_hundred_thousand(tmp_path: Path) -> None:
    _write(
        tmp_path / "curated_places.csv",
        "key,name,alternate_names,kind,precision,lat,lon,country,geonameid,source\n"
        "new-england,New England,,region,admin1,44.0,-71.5,US,,Wikipedia: New England\n"
        "etna,Mount Etna,Etna,mountain,site,37.75,14.99,IT,,Wikipedia: Mount Etna\n"
        "mississippi-river,Mississippi River,Mississippi,river,admin1,29.15,-89.25,US,,Wikipedia: Mississippi River\n",
    )
    hamlet = PlaceRecord("geonames:5690694", "New England", 46.54, -102.87, "city", Precision.CITY, country="US",
                         population=659)  # fmt: skip
    town = PlaceRecord("geonames:5188140", "Etna", 40.5, -79.95, "city", Precision.CITY, country="US", population=3_401)
    state = PlaceRecord("geonames:4436296", "Mississippi", 32.75, -89.75, "admin1", Precision.ADMIN1, country="US",
                        population=2_967_297)  # fmt: skip
    path = tmp_path / "index.sqlite"
    build_index(path, records=[hamlet, town, state, *read_curated_places(tmp_path)], aliases=[])
    with open_gazetteer(path) as index:
        region, _ = index.lookup("New England")
        assert region.place.gazetteer_id == "curated:new-england"
        # ranked as a place of 100,000, but no population of its own is made up
        assert region.score == pytest.approx(place_prior("region", Precision.ADMIN1, 100_000, notable=True))
        assert region.place.population == 0
        assert index.lookup("Etna")[0].place.gazetteer_id == "curated:etna"
        # a river is not an areal feature: the state keeps its name
        assert index.lookup("Mississippi")[0].place.gazetteer_id == "geonames:4436296"
