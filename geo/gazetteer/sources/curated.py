"""The hand-curated tables in geo/gazetteer/data/: notable features, points, demonyms, abbreviations.

Every table is optional: the index builds without it and simply lacks what it adds.
  curated_places.csv     key,name,alternate_names,kind,precision,lat,lon,country,geonameid,source
  country_points.csv     country,geonameid,name,lat,lon     GeoNames' own point of each country
  region_points.csv      country,geonameid,name,lat,lon     GeoNames' point of first-level regions
  demonyms.csv           demonym,country
  place_demonyms.csv     demonym,name,kind,country          "Ontarian" -> the admin1 Ontario in CA
  abbreviations.csv      abbreviation,name,kind,country
A curated place that carries a geonameid is that GeoNames place: its names are added to it and
its point replaces the package's, since a curated point was checked by hand.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from geo.errors import GazetteerError
from geo.gazetteer.base import NameType
from geo.gazetteer.sources.records import AliasRecord, NameRecord, PlaceRecord
from geo.model import Precision

__all__ = [
    "CURATED_DIR",
    "CURATED_FILES",
    "CuratedPoint",
    "read_curated_places",
    "read_country_points",
    "read_region_points",
    "read_curated_demonyms",
    "read_curated_place_demonyms",
    "read_curated_abbreviations",
    "spaced_abbreviation",
]

CURATED_DIR = Path(__file__).resolve().parent.parent / "data"
CURATED_FILES = (
    "curated_places.csv",
    "country_points.csv",
    "region_points.csv",
    "demonyms.csv",
    "place_demonyms.csv",
    "abbreviations.csv",
)
_POINT_COLUMNS = {"country", "geonameid", "name", "lat", "lon"}
# A dot inside an abbreviation followed directly by a letter: "W.Va." is also written "W. Va.".
_INNER_DOT = re.compile(r"\.(?=[A-Za-z])")


@dataclass(frozen=True, slots=True)
class CuratedPoint:
    """The point a curated table gives one GeoNames feature."""

    geonameid: int
    lat: float
    lon: float


def _rows(path: Path, required: set[str]) -> Iterator[tuple[int, dict[str, str]]]:
    if not path.is_file():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = required - set(reader.fieldnames or ())
        if missing:
            raise GazetteerError(f"{path.name} lacks the column(s) {', '.join(sorted(missing))}")
        for line, row in enumerate(reader, start=2):
            yield line, {k: (v or "").strip() for k, v in row.items() if k}


def read_curated_places(data_dir: Path = CURATED_DIR) -> Iterator[PlaceRecord]:
    """The curated features: seas, spaceports, palaces, bases, border crossings..."""
    path = data_dir / "curated_places.csv"
    columns = {"key", "name", "alternate_names", "kind", "precision", "lat", "lon", "country", "geonameid"}
    for line, row in _rows(path, columns):
        try:
            precision = Precision(row["precision"])
            lat, lon = float(row["lat"]), float(row["lon"])
            geonameid = int(row["geonameid"]) if row["geonameid"] else None
        except ValueError as error:
            raise GazetteerError(f"{path.name} line {line}: {error}") from error
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            raise GazetteerError(f"{path.name} line {line}: point ({lat}, {lon}) is off the globe")
        names = [NameRecord(row["name"], NameType.OFFICIAL)]
        names.extend(NameRecord(a.strip(), NameType.ALTERNATE) for a in row["alternate_names"].split("|") if a.strip())
        yield PlaceRecord(
            gazetteer_id=f"geonames:{geonameid}" if geonameid is not None else f"curated:{row['key']}",
            name=row["name"],
            lat=lat,
            lon=lon,
            kind=row["kind"] or precision.value,
            precision=precision,
            country=row["country"].upper() or None,
            geonameid=geonameid,
            names=tuple(names),
            authoritative_point=True,
            # A curated row for a GeoNames place only corrects it; a city district's standing
            # comes from its city instead (assemble.py), or every district would outrank towns.
            notable=geonameid is None and row["kind"] != "district",
        )


def _points(path: Path) -> Iterator[tuple[str, CuratedPoint]]:
    """(country code, point) for every row of a point table."""
    for line, row in _rows(path, _POINT_COLUMNS):
        try:
            point = CuratedPoint(int(row["geonameid"]), float(row["lat"]), float(row["lon"]))
        except ValueError as error:
            raise GazetteerError(f"{path.name} line {line}: {error}") from error
        if not (-90.0 <= point.lat <= 90.0 and -180.0 <= point.lon <= 180.0):
            raise GazetteerError(f"{path.name} line {line}: point ({point.lat}, {point.lon}) is off the globe")
        yield row["country"].upper(), point


def read_country_points(data_dir: Path = CURATED_DIR) -> dict[str, CuratedPoint]:
    """ISO alpha-2 -> GeoNames' own point of the country (see data/README.md)."""
    return dict(_points(data_dir / "country_points.csv"))


def read_region_points(data_dir: Path = CURATED_DIR) -> dict[int, CuratedPoint]:
    """GeoNames id -> GeoNames' own point of a first-level region, where the packages' point is poor."""
    return {point.geonameid: point for _, point in _points(data_dir / "region_points.csv")}


def read_curated_demonyms(data_dir: Path = CURATED_DIR) -> Iterator[AliasRecord]:
    """'North Korean' -> the country KP."""
    for _, row in _rows(data_dir / "demonyms.csv", {"demonym", "country"}):
        if row["demonym"] and row["country"]:
            yield AliasRecord(row["demonym"], NameType.DEMONYM, "country", row["country"].upper())


def read_curated_place_demonyms(data_dir: Path = CURATED_DIR) -> Iterator[AliasRecord]:
    """'Ontarians' -> the admin1 Ontario in CA; 'Londoner' -> the city London in GB; 'European' -> Europe."""
    for _, row in _rows(data_dir / "place_demonyms.csv", {"demonym", "name", "kind", "country"}):
        if row["demonym"] and row["name"] and row["kind"]:
            yield AliasRecord(
                row["demonym"], NameType.DEMONYM, row["kind"], row["country"].upper() or None, row["name"]
            )


def spaced_abbreviation(abbreviation: str) -> str:
    """'W.Va.' -> 'W. Va.': newspapers write dotted abbreviations both ways, and the keys differ."""
    return _INNER_DOT.sub(". ", abbreviation)


def read_curated_abbreviations(data_dir: Path = CURATED_DIR) -> Iterator[AliasRecord]:
    """'Ky.' -> the admin1 named Kentucky in US; 'W.Va.' also as 'W. Va.'."""
    for _, row in _rows(data_dir / "abbreviations.csv", {"abbreviation", "name", "kind", "country"}):
        if not (row["abbreviation"] and row["name"]):
            continue
        country = row["country"].upper() or None
        for text in dict.fromkeys((row["abbreviation"], spaced_abbreviation(row["abbreviation"]))):
            yield AliasRecord(text, NameType.ABBREVIATION, row["kind"], country, row["name"])
