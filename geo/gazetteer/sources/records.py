"""What every source reader yields: places and the names they go by, before ranking.

Readers are plain generators of these records; the builder alone decides ids, priors and
storage, so a new source is one small module that knows its file format and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.gazetteer.base import NameType
from geo.model import Precision

__all__ = ["PlaceRecord", "NameRecord", "AliasRecord"]


@dataclass(frozen=True, slots=True)
class NameRecord:
    """One spelling a place goes by, and how official that spelling is."""

    text: str
    name_type: NameType = NameType.OFFICIAL


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """A place as a source knows it.

    `gazetteer_id` is the stable key ("geonames:2021851"); two sources that describe the same
    GeoNames feature yield the same id and the builder merges them (names are unioned, the
    first point seen wins unless a later record has `authoritative_point`).
    `admin1_code` is GeoNames' first-level code within the country ("TX", "59"), for
    matching "City, Region" qualifiers; for an admin1 region it is its own code.
    """

    gazetteer_id: str
    name: str
    lat: float
    lon: float
    kind: str
    precision: Precision
    country: str | None = None
    admin1_code: str | None = None
    geonameid: int | None = None
    population: int = 0
    is_capital: bool = False
    notable: bool = False  # hand-picked for being well known (the curated table)
    # For a site without a population (an airport): the city it serves, in `country`, whose
    # population stands in for its own when ranking.
    serves: str | None = None
    names: tuple[NameRecord, ...] = ()
    authoritative_point: bool = False
    # Short codes that name this region only after a comma ("Victoria, BC"): ISO 3166-2 suffixes.
    qualifier_codes: tuple[str, ...] = ()
    # From a secondary list that may repeat a place a primary source has (a US post office
    # town): dropped when a primary place of the same name, country and admin1 lies close by.
    supplementary: bool = False


@dataclass(frozen=True, slots=True)
class AliasRecord:
    """A name that stands for a place another source defines: a demonym or an abbreviation.

    The target is found by `kind` ("country", "admin1"...), `country` and `target_name`
    once every place is known, so the alias table needs no ids of its own.
    """

    text: str
    name_type: NameType
    kind: str
    country: str | None
    target_name: str | None = None
