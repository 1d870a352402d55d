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

_PARENTHESIS = re.compile(r"\(([^)]*)\)")
_GENERIC = re.compile(r"\b(?:International|Intl|Regional|Municipal|Airport|Airfield|Air Base|Aerodrome)\b\.?", re.I)


# Words that describe a place rather than name it: an airport's short form made of them, of its
# city and of its region ("City" for London City Airport, "County" for Washington County
# Airport, "Metro", "East Texas") would take the word or the region from the text.
_DESCRIPTIVE = frozenset(
    "city town county co parish township borough village metro metropolitan area "
    "north south east west northern southern eastern western central mid".split()
)
# A short form ending in a civil division names the division, not its airport ("Crane County").
_DIVISION_END = frozenset("county co parish township town city borough village".split())


def airport_short_names(name: str, city: str, region: str = "") -> set[str]:
    """'London Heathrow Airport', 'London' -> {'Heathrow Airport', 'London Heathrow', 'Heathrow'}.

    A variant must keep a word of its own: 'Waco Regional Airport' gives nothing, since
    'Regional Airport' and 'Waco' would name any airport or the city; nor does 'London City
    Airport' give 'City', 'Washington County Airport' 'County' or 'Washington County' (the
    county's own name), or 'East Texas Regional Airport' (region 'Texas') 'East Texas'.
    """

    def core(text: str) -> str:
        return " ".join(_GENERIC.sub(" ", text).split())

    own = {w.casefold() for w in f"{city} {region}".split()} | _DESCRIPTIVE

    def names_the_airport(variant: str) -> bool:
        words = core(variant).replace("-", " ").casefold().split()
        return bool(words) and words[-1] not in _DIVISION_END and any(w not in own for w in words)

    without_city = name[len(city) :].strip(" -/") if city and name.startswith(city + " ") else name
    variants = {without_city, core(name), core(without_city)}
    # "Long Beach (Daugherty Field) Airport" is also "Long Beach Airport" and "Daugherty Field".
    variants.add(" ".join(_PARENTHESIS.sub(" ", name).split()))
    variants.update(" ".join(m.split()) for m in _PARENTHESIS.findall(name))
    variants = {v for v in variants if "(" not in v and ")" not in v}

    def kept(variant: str) -> bool:
        if variant == name or len(variant) <= 3 or not core(variant):
            return False
        if core(variant).casefold() == city.casefold():
            return _GENERIC.search(variant) is not None  # "Long Beach Airport", never "Long Beach"
        return names_the_airport(variant)

    return {v for v in variants if kept(v)}


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
                NameRecord(v, NameType.ALTERNATE)
                for v in sorted(airport_short_names(row["name"], row["city"], row.get("subd") or ""))
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
