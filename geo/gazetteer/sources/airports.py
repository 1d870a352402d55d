"""Airports with an IATA code, from airportsdata: their names, short forms and codes.

Only airports with an IATA code are kept: those are the ones news names; the 20,000 private
strips with only an ICAO code would be noise. Codes are indexed as NameType.CODE, which the
prior weighs low, so "ACT" (Waco's code) never outranks the place the abbreviation names.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator

from geo.gazetteer.base import NameType
from geo.gazetteer.sources.package_data import package_dir
from geo.gazetteer.sources.records import NameRecord, PlaceRecord
from geo.model import Precision

__all__ = ["read_airports", "airport_short_names"]

_GENERIC = re.compile(r"\b(?:International|Intl|Regional|Municipal|Airport|Airfield|Air Base|Aerodrome)\b\.?", re.I)


def airport_short_names(name: str, city: str) -> set[str]:
    """'London Heathrow Airport', 'London' -> {'Heathrow Airport', 'London Heathrow', 'Heathrow'}.

    A variant must keep a word of its own: 'Waco Regional Airport' gives nothing, since
    'Regional Airport' and 'Waco' would name any airport or the city.
    """

    def core(text: str) -> str:
        return " ".join(_GENERIC.sub(" ", text).split())

    without_city = name[len(city) :].strip(" -/") if city and name.startswith(city + " ") else name
    variants = {without_city, core(name), core(without_city)}
    return {v for v in variants if v != name and len(v) > 3 and core(v) and core(v).casefold() != city.casefold()}


def read_airports() -> Iterator[PlaceRecord]:
    """Every airport that has an IATA code."""
    path = package_dir("airportsdata") / "airports.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            iata = row.get("iata") or ""
            if not iata:
                continue
            names = [NameRecord(row["name"], NameType.OFFICIAL)]
            names.extend(
                NameRecord(v, NameType.ALTERNATE) for v in sorted(airport_short_names(row["name"], row["city"]))
            )
            names.append(NameRecord(iata, NameType.CODE))
            names.append(NameRecord(row["icao"], NameType.CODE))
            yield PlaceRecord(
                gazetteer_id=f"airport:{row['icao'] or iata}",
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                kind="airport",
                precision=Precision.SITE,
                country=row.get("country") or None,
                names=tuple(names),
                authoritative_point=True,
                serves=row.get("city") or None,
            )
