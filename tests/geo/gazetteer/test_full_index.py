"""Real names against the full offline index: the first candidate must be the right place.

Expectations are GeoNames ids, or a true point and a tolerance where the place is not a
GeoNames feature or where GeoNames' own point is not shipped (countries, regions).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import geo.gazetteer
from geo.gazetteer.base import NameType
from geo.gazetteer.build import build_index
from geo.gazetteer.index import SqliteGazetteer
from geo.geodesy import distance_km
from geo.model import Precision

pytestmark = pytest.mark.slow

# (query, GeoNames id of the right first candidate)
FIRST_BY_GEONAMEID = [
    # the seed article's places
    ("Komsomolsk-on-Amur", 2021851),
    ("Komsomol'sk-na-Amure", 2021851),
    ("Komsomolsk on Amur", 2021851),
    ("Vladivostok", 2013348),
    ("Sochi", 491422),
    ("Pyongyang", 1871859),
    ("Seoul", 1835848),
    ("Hanoi", 1581130),
    ("Moscow", 524901),
    ("Amur Oblast", 2027748),
    ("Primorsky Krai", 2017623),
    ("North Korea", 1873107),
    ("Vietnam", 1562822),
    ("Belarus", 630336),
    # Europe
    ("London", 2643743),
    ("Paris", 2988507),
    ("Berlin", 2950159),
    ("Madrid", 3117735),
    ("Rome", 3169070),
    ("Vienna", 2761369),
    ("Warsaw", 756135),
    ("Minsk", 625144),
    ("Saint Petersburg", 498817),
    ("Newcastle upon Tyne", 2641673),
    ("Birmingham", 2655603),
    ("Perth, Scotland", 2640358),
    ("Germany", 2921044),
    ("Ukraine", 690791),
    ("Russia", 2017370),
    ("Bavaria", 2951839),
    # Asia
    ("Tokyo", 1850147),
    ("Beijing", 1816670),
    ("Shanghai", 1796236),
    ("Mumbai", 1275339),
    ("Dhaka", 1185241),
    ("Bangkok", 1609350),
    ("Jakarta", 1642911),
    ("Manila", 1701668),
    ("Tehran", 112931),
    ("Baghdad", 98182),
    ("Kabul", 1138958),
    ("Istanbul", 745044),
    ("Ankara", 323786),
    ("Khabarovsk", 2022890),
    ("Novosibirsk", 1496747),
    ("Taipei", 1668341),
    ("Hyderabad, Pakistan", 1176734),
    ("Japan", 1861060),
    ("China", 1814991),
    ("South Korea", 1835841),
    ("Republic of Korea", 1835841),
    ("ROK", 1835841),
    ("DPRK", 1873107),
    ("Sichuan", 1794299),
    # Africa
    ("Cairo", 360630),
    ("Lagos", 2332459),
    ("Nairobi", 184745),
    ("Johannesburg", 993800),
    ("Nigeria", 2328926),
    ("Egypt", 357994),
    # the Americas
    ("Mexico City", 3530597),
    ("Havana", 3553478),
    ("Kingston", 3489854),
    ("Kingston, Jamaica", 3489854),
    ("Kingston, Ontario", 5992500),
    ("Toronto", 6167865),
    ("Vancouver", 6173331),
    ("Victoria, B.C.", 6174041),
    ("Victoria, British Columbia", 6174041),
    ("London, Ontario", 6058560),
    ("Edmonton", 5946768),
    ("Springfield, Illinois", 4250542),
    ("Springfield, Missouri", 4409896),
    ("Portland, Oregon", 5746545),
    ("Portland, Maine", 4975802),
    ("Birmingham, Alabama", 4049979),
    ("Chicago", 4887398),
    ("Philadelphia", 4560349),  # not Amman, whose ancient name it was
    ("Los Angeles", 5368361),
    ("Houston", 4699066),
    ("San Francisco", 5391959),
    ("Atlanta", 4180439),
    ("Buenos Aires", 3435910),
    ("São Paulo", 3448439),
    ("Sao Paulo", 3448439),
    ("Bogotá", 3688689),
    ("Lima", 3936456),
    ("Brazil", 3469034),
    ("United States", 6252001),
    ("U.S.", 6252001),
    ("USA", 6252001),
    ("Texas", 4736286),
    ("Kentucky", 6254925),
    ("Ontario", 6093943),
    ("Alberta", 5883102),
    # Oceania
    ("Sydney", 2147714),
    ("Melbourne", 2158177),
    ("Perth", 2063523),
    ("Auckland", 2193733),
    ("Wellington", 2179537),
    ("Newcastle, New South Wales", 2155472),
    ("Queensland", 2152274),
    ("Australia", 2077456),
    # the United Kingdom by its abbreviation
    ("UK", 2635167),
]

# (query, true point, tolerance in km)
FIRST_NEAR_POINT = [
    ("Paris, Texas", (33.66, -95.56), 10.0),
    # US towns under 500 people, from their post offices (zipcodes), and civil divisions
    ("Lanexa, Virginia", (37.41, -76.90), 10.0),
    ("Meadow Grove, Nebraska", (42.03, -97.73), 10.0),
    ("Tennessee Colony", (31.83, -95.84), 15.0),
    ("Readington Township", (40.57, -74.78), 15.0),
    ("Town of Groton", (41.35, -72.08), 10.0),
    # the province's name before 2001, still the usual qualifier
    ("St. John's, Newfoundland", (47.56, -52.71), 10.0),
    # first-level regions ISO 3166-2 lists and GeoNames does not: Vietnam's provinces before 2025
    ("Binh Phuoc", (11.75, 106.72), 40.0),
    ("Long An", (10.70, 106.20), 40.0),
    ("Black Sea", (43.4, 34.3), 300.0),
    ("Pacific Ocean", (0.0, -160.0), 1500.0),
    # GeoNames' own country points (data/country_points.csv), not an atlas midpoint
    ("Canada", (60.10867, -113.64258), 1.0),
    ("United States", (39.76, -98.5), 1.0),
    ("Queensland", (-20.0, 145.0), 1.0),
    # world regions and supranational bodies from the curated table
    ("European Union", (49.84, 9.9), 50.0),
    ("Middle East", (29.0, 42.0), 500.0),
    ("Sub-Saharan Africa", (-2.0, 21.0), 1000.0),
]


@pytest.mark.parametrize(
    ("query", "geonameid"),
    [
        ("America", 6252001),  # the United States in news, before América, Argentina
        ("Zaire", 203312),
        ("Democratic Republic of Congo", 203312),
        ("W. Va.", 4826850),
        ("N. Y.", 5128638),
        ("Ontarians", 6093943),
        ("Dagestani", 567293),
        ("Londoners", 2643743),
    ],
)
def test_news_forms_name_the_right_place(gazetteer: SqliteGazetteer, query: str, geonameid: int) -> None:
    found = gazetteer.lookup(query, limit=3)
    assert found and found[0].place.geonameid == geonameid, [(c.place.name, c.place.country) for c in found]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Mt. Pleasant", "Mount Pleasant"),
        ("Ft. Worth", "Fort Worth"),
        ("Saint Louis", "St. Louis"),
        ("Platte Co.", "Platte County"),
        ("Shuniah Twp.", "Shuniah Township"),
    ],
)
def test_abbreviated_words_reach_the_full_name(gazetteer: SqliteGazetteer, query: str, name: str) -> None:
    assert name in {c.place.name for c in gazetteer.lookup(query, limit=50)}


def test_eu_is_the_union(gazetteer: SqliteGazetteer) -> None:
    first = gazetteer.lookup("EU", limit=1)[0]
    assert (first.place.name, first.name_type) == ("European Union", NameType.ABBREVIATION)


def _place_demonyms() -> list[dict[str, str]]:
    path = Path(geo.gazetteer.__file__).resolve().parent / "data" / "place_demonyms.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_place_demonym_reaches_a_place_of_its_kind(gazetteer: SqliteGazetteer) -> None:
    """The builder resolves each row by kind, country and name; a row that names nothing is lost."""
    lost = []
    for row in _place_demonyms():
        found = gazetteer.lookup(row["demonym"], limit=50)
        if not any(
            c.name_type is NameType.DEMONYM
            and c.place.kind == row["kind"]
            and (c.place.country or "") == row["country"]
            for c in found
        ):
            lost.append(row["demonym"])
    assert lost == []


@pytest.mark.parametrize(("query", "geonameid"), FIRST_BY_GEONAMEID)
def test_first_candidate_is_the_right_place(gazetteer: SqliteGazetteer, query: str, geonameid: int) -> None:
    found = gazetteer.lookup(query, limit=3)
    assert found, f"{query!r} found nothing"
    assert found[0].place.geonameid == geonameid, [(c.place.name, c.place.country, c.score) for c in found]


@pytest.mark.parametrize(("query", "point", "tolerance_km"), FIRST_NEAR_POINT)
def test_first_candidate_lies_near_the_true_point(
    gazetteer: SqliteGazetteer, query: str, point: tuple[float, float], tolerance_km: float
) -> None:
    found = gazetteer.lookup(query, limit=1)
    assert found, f"{query!r} found nothing"
    assert distance_km(*point, found[0].place.lat, found[0].place.lon) <= tolerance_km


@pytest.mark.parametrize(
    ("query", "precision"),
    [
        ("Amur Oblast", Precision.ADMIN1),
        ("Primorsky Krai", Precision.ADMIN1),
        ("North Korea", Precision.COUNTRY),
        ("Vietnam", Precision.COUNTRY),
        ("Belarus", Precision.COUNTRY),
        ("Vladivostok", Precision.CITY),
        ("Alachua County", Precision.ADMIN2),
    ],
)
def test_precision_follows_the_kind_of_place(gazetteer: SqliteGazetteer, query: str, precision: Precision) -> None:
    assert gazetteer.lookup(query, limit=1)[0].place.precision is precision


def test_black_sea_comes_from_the_curated_table(gazetteer: SqliteGazetteer) -> None:
    (sea,) = gazetteer.lookup("Black Sea", limit=1)
    assert sea.place.kind == "sea"


def test_khasan_in_russia_is_the_border_settlement(gazetteer: SqliteGazetteer) -> None:
    # cities500 stops at 500 people, so the settlement comes from the curated table.
    found = gazetteer.lookup("Khasan", country_codes=["RU"], limit=1)
    assert found, "'Khasan' is indexed but not in Russia"
    assert found[0].place.country == "RU"
    assert distance_km(42.43, 130.64, found[0].place.lat, found[0].place.lon) < 30  # not Hassan, India


@pytest.mark.parametrize(("demonym", "country"), [("North Korean", "KP"), ("Russian", "RU"), ("Canadians", "CA")])
def test_demonyms_name_their_country(gazetteer: SqliteGazetteer, demonym: str, country: str) -> None:
    (first,) = gazetteer.lookup(demonym, limit=1)
    assert (first.place.kind, first.place.country, first.name_type) == ("country", country, NameType.DEMONYM)


@pytest.mark.parametrize("query", ["Xqzvillebergstadt", "Komsomolsk-on-Thames", "Paris, Atlantis"])
def test_unknown_names_give_nothing(gazetteer: SqliteGazetteer, query: str) -> None:
    assert gazetteer.lookup(query) == []


def test_airport_codes_do_not_outrank_the_territory(gazetteer: SqliteGazetteer) -> None:
    first = gazetteer.lookup("ACT", limit=1)[0]
    assert first.place.geonameid == 2177478  # Australian Capital Territory, not Waco's airport


def test_reverse_names_the_nearest_city(gazetteer: SqliteGazetteer) -> None:
    place = gazetteer.reverse(43.12, 131.89)
    assert place is not None and place.geonameid == 2013348


def test_admin1_by_name_or_code(gazetteer: SqliteGazetteer) -> None:
    assert gazetteer.admin1("RU", "Primorsky Krai").geonameid == 2017623  # type: ignore[union-attr]
    assert gazetteer.admin1("CA", "BC").name == "British Columbia"  # type: ignore[union-attr]
    assert gazetteer.country("KP").geonameid == 1873107  # type: ignore[union-attr]


def test_rebuilding_an_up_to_date_index_is_skipped(gazetteer: SqliteGazetteer) -> None:
    report = build_index(gazetteer.path)
    assert report.skipped
    assert report.places > 200_000 and report.names > report.places
