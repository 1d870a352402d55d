"""Where a trip went, in words the gazetteer can back: "Russia", "Primorye, Russia", "Russia and China".

Only names the places themselves carry are used (their country's and first-level region's), so
a trip is never given a region nobody can check ("the Russian Far East" is a reporter's name,
not one the gazetteer has). Country names are GeoNames' (the gazetteer's curated country table),
read straight from the package's data so that an itinerary needs no gazetteer index.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Final

from geo.model import Place

__all__ = ["country_name", "region_of"]

_MAX_NAMED_COUNTRIES: Final = 3


@cache
def _country_names() -> dict[str, str]:
    data = resources.files("geo").joinpath("gazetteer", "data", "country_points.csv")
    with data.open(encoding="utf-8", newline="") as rows:
        return {row["country"].upper(): row["name"] for row in csv.DictReader(rows) if row.get("name")}


def country_name(code: str) -> str:
    """The English name of an ISO 3166-1 alpha-2 country ("RU" -> "Russia"); the code if unknown."""
    return _country_names().get(code.upper(), code)


def _listed(names: Sequence[str]) -> str:
    if len(names) > _MAX_NAMED_COUNTRIES:
        return f"{', '.join(names[:2])} and {len(names) - 2} more countries"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def region_of(places: Sequence[Place]) -> str:
    """The region, the country or the countries that `places` share or span, in their order."""
    countries = list(dict.fromkeys(place.country for place in places if place.country))
    if not countries:
        return _listed(list(dict.fromkeys(place.name for place in places)))
    if len(countries) > 1:
        return _listed([country_name(code) for code in countries])
    country = country_name(countries[0])
    regions = {place.admin1 for place in places}
    (region,) = regions if len(regions) == 1 else (None,)
    return f"{region}, {country}" if region and region != country else country
