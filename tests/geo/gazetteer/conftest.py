"""Fixtures of the gazetteer tests: the full index (shared) and a tiny one built from records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.gazetteer.base import NameType
from geo.gazetteer.build import build_index
from geo.gazetteer.index import SqliteGazetteer, open_gazetteer
from geo.gazetteer.sources.records import AliasRecord, NameRecord, PlaceRecord
from geo.model import Precision


def _place(
    gazetteer_id: str,
    name: str,
    lat: float,
    lon: float,
    kind: str,
    country: str | None,
    *,
    population: int = 0,
    admin1_code: str | None = None,
    alternates: tuple[str, ...] = (),
    codes: tuple[str, ...] = (),
    capital: bool = False,
    qualifier_codes: tuple[str, ...] = (),
    serves: str | None = None,
) -> PlaceRecord:
    precision = {
        "country": Precision.COUNTRY,
        "admin1": Precision.ADMIN1,
        "admin2": Precision.ADMIN2,
        "city": Precision.CITY,
    }.get(kind, Precision.SITE)
    names = (
        NameRecord(name),
        *(NameRecord(a, NameType.ALTERNATE) for a in alternates),
        *(NameRecord(c, NameType.CODE) for c in codes),
    )
    geonameid = int(gazetteer_id.split(":")[1]) if gazetteer_id.startswith("geonames:") else None
    return PlaceRecord(
        gazetteer_id=gazetteer_id,
        name=name,
        lat=lat,
        lon=lon,
        kind=kind,
        precision=precision,
        country=country,
        admin1_code=admin1_code,
        geonameid=geonameid,
        population=population,
        is_capital=capital,
        names=names,
        qualifier_codes=qualifier_codes,
        serves=serves,
    )


# A few real places, with real ids and points, chosen to exercise each ranking rule.
TINY_PLACES: tuple[PlaceRecord, ...] = (
    _place("geonames:2017370", "Russia", 60.0, 100.0, "country", "RU", population=144_478_050),
    _place("geonames:6252001", "United States", 39.76, -98.5, "country", "US", population=327_167_434),
    _place("geonames:2635167", "United Kingdom", 54.76, -2.7, "country", "GB", population=66_488_991),
    _place("geonames:3996063", "Mexico", 23.0, -102.0, "country", "MX", population=126_190_788),
    _place("geonames:2077456", "Australia", -25.0, 135.0, "country", "AU", population=24_992_369),
    _place("geonames:3017382", "France", 46.0, 2.0, "country", "FR", population=66_987_244),
    _place(
        "geonames:4736286",
        "Texas",
        31.25,
        -99.25,
        "admin1",
        "US",
        population=20_000_000,
        admin1_code="TX",
        qualifier_codes=("TX",),
    ),
    _place(
        "geonames:2177478",
        "Australian Capital Territory",
        -35.5,
        149.0,
        "admin1",
        "AU",
        population=400_000,
        admin1_code="01",
        qualifier_codes=("ACT",),
    ),
    _place(
        "geonames:524901",
        "Moscow",
        55.75222,
        37.61556,
        "city",
        "RU",
        population=10_381_222,
        capital=True,
        alternates=("Moskva",),
        codes=("MOW",),
    ),
    _place("geonames:5601538", "Moscow", 46.73239, -117.00017, "city", "US", population=25_435, admin1_code="ID"),
    _place("geonames:2988507", "Paris", 48.85341, 2.3488, "city", "FR", population=2_138_551, capital=True),
    _place("geonames:4717560", "Paris", 33.66094, -95.55551, "city", "US", population=24_782, admin1_code="TX"),
    # A Russian village named Uk, and a (made-up) bigger town that lists "Uk" among its
    # alternate names: the noisy-name case.
    _place("geonames:1488616", "Uk", 55.07, 98.83, "city", "RU", population=700),
    _place("curated:ukovo", "Ukovo", 56.0, 97.0, "city", "RU", population=500_000, alternates=("Uk",)),
    # A capital that bore, long ago, the name of a bigger city elsewhere; and a world city whose
    # English name is a smaller city's own (the city-claim case of geo.gazetteer.prior).
    _place(
        "geonames:250441",
        "Amman",
        31.95522,
        35.94503,
        "city",
        "JO",
        population=1_275_857,
        capital=True,
        alternates=("Philadelphia",),
    ),
    _place(
        "geonames:4560349", "Philadelphia", 39.95233, -75.16379, "city", "US", population=1_573_916, admin1_code="PA"
    ),
    _place(
        "geonames:498817",
        "Saint Petersburg",
        59.93863,
        30.31413,
        "city",
        "RU",
        population=5_351_935,
        alternates=("St. Petersburg",),
    ),
    _place(
        "geonames:4171563", "St. Petersburg", 27.77086, -82.67927, "city", "US", population=257_083, admin1_code="FL"
    ),
    _place("geonames:4739526", "Waco", 31.54933, -97.14667, "city", "US", population=138_486, admin1_code="TX"),
    _place("airport:KACT", "Waco Regional Airport", 31.6113, -97.2305, "airport", "US", codes=("ACT",), serves="Waco"),
    # A big city known by the first word of its name, which towns elsewhere have as their own.
    _place(
        "geonames:2641673",
        "Newcastle upon Tyne",
        54.97328,
        -1.61396,
        "city",
        "GB",
        population=192_382,
        alternates=("Newcastle",),
    ),
    _place("geonames:2155472", "Newcastle", -32.92953, 151.7801, "city", "AU", population=322_278),
    _place("geonames:2641690", "Newcastle", 54.21804, -5.89287, "city", "GB", population=7_444),
    _place(
        "geonames:3530597",
        "Mexico City",
        19.42847,
        -99.12766,
        "city",
        "MX",
        population=12_294_193,
        capital=True,
        alternates=("Ciudad de Mexico",),
    ),
)
TINY_ALIASES: tuple[AliasRecord, ...] = (
    AliasRecord("Russian", NameType.DEMONYM, "country", "RU"),
    AliasRecord("UK", NameType.ABBREVIATION, "country", "GB", "United Kingdom"),
    AliasRecord("ACT", NameType.ABBREVIATION, "admin1", "AU", "Australian Capital Territory"),
    AliasRecord("Tex.", NameType.ABBREVIATION, "admin1", "US", "Texas"),
    AliasRecord("Ruritanian", NameType.DEMONYM, "country", "ZZ"),  # names no place: skipped, reported
)


@pytest.fixture(scope="session")
def tiny_index_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tiny-gazetteer") / "gazetteer.sqlite"
    build_index(path, records=TINY_PLACES, aliases=TINY_ALIASES)
    return path


@pytest.fixture(scope="session")
def tiny(tiny_index_path: Path) -> Iterator[SqliteGazetteer]:
    """A gazetteer of twenty-four places, built from records in a temp folder."""
    index = open_gazetteer(tiny_index_path)
    yield index
    index.close()
