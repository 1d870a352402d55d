"""The hand-curated tables in geo/gazetteer/data/: notable features, demonyms, abbreviations.

Every table is optional: the index builds without it and simply lacks what it adds.
  curated_places.csv  key,name,alternate_names,kind,precision,lat,lon,country,geonameid,source
  demonyms.csv        demonym,country
  abbreviations.csv   abbreviation,name,kind,country
A curated place that carries a geonameid is that GeoNames place: its names are added to it and
its point replaces the package's, since a curated point was checked by hand.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from geo.errors import GazetteerError
from geo.gazetteer.base import NameType
from geo.gazetteer.sources.records import AliasRecord, NameRecord, PlaceRecord
from geo.model import Precision

__all__ = [
    "CURATED_DIR",
    "CURATED_FILES",
    "read_curated_places",
    "read_curated_demonyms",
    "read_curated_abbreviations",
]

CURATED_DIR = Path(__file__).resolve().parent.parent / "data"
CURATED_FILES = ("curated_places.csv", "demonyms.csv", "abbreviations.csv")


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
            place_id=f"geonames:{geonameid}" if geonameid is not None else f"curated:{row['key']}",
            name=row["name"],
            lat=lat,
            lon=lon,
            kind=row["kind"] or precision.value,
            precision=precision,
            country=row["country"].upper() or None,
            geonameid=geonameid,
            names=tuple(names),
            authoritative_point=True,
            notable=geonameid is None,  # a curated row for a GeoNames place only corrects it
        )


def read_curated_demonyms(data_dir: Path = CURATED_DIR) -> Iterator[AliasRecord]:
    """'North Korean' -> the country KP."""
    for _, row in _rows(data_dir / "demonyms.csv", {"demonym", "country"}):
        if row["demonym"] and row["country"]:
            yield AliasRecord(row["demonym"], NameType.DEMONYM, "country", row["country"].upper())


def read_curated_abbreviations(data_dir: Path = CURATED_DIR) -> Iterator[AliasRecord]:
    """'Ky.' -> the admin1 named Kentucky in US."""
    for _, row in _rows(data_dir / "abbreviations.csv", {"abbreviation", "name", "kind", "country"}):
        if row["abbreviation"] and row["name"]:
            yield AliasRecord(
                row["abbreviation"], NameType.ABBREVIATION, row["kind"], row["country"].upper() or None, row["name"]
            )
