"""What every gazetteer offers: the contract between the index and its users.

The geoparser, the geocoder and the web layer depend on this protocol only, so tests can
pass a tiny in-memory gazetteer and deployments the full offline index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

from geo.model import Place

__all__ = ["NameType", "Candidate", "Gazetteer"]


class NameType(StrEnum):
    """How the matched name relates to the place: official names are the strongest evidence."""

    OFFICIAL = "official"  # the place's own name in the source data
    ALTERNATE = "alternate"  # one of its alternate names or spellings
    ABBREVIATION = "abbreviation"  # "U.S.", "NSW", "Ky."
    DEMONYM = "demonym"  # "Russian" -> Russia
    CODE = "code"  # an airport's IATA/ICAO code, an ISO code


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may stand for, with the gazetteer's prior belief in it."""

    place: Place
    score: float  # the documented prior, in [0, 1]; higher is likelier
    matched_name: str  # the gazetteer's spelling that matched the query
    name_type: NameType = NameType.OFFICIAL


@runtime_checkable
class Gazetteer(Protocol):
    def lookup(
        self,
        name: str,
        *,
        country_codes: Sequence[str] | None = None,
        limit: int = 10,
    ) -> list[Candidate]:
        """Ranked candidates for a place name, best first; [] for an unknown name.

        `name` is normalised by the gazetteer itself (geo.gazetteer.names.normalize_name).
        `country_codes` (ISO alpha-2) keeps only places in those countries.
        """
        ...

    def names(self) -> Iterable[str]:
        """Every name key the gazetteer can look up, for building a text matcher."""
        ...

    def get(self, gazetteer_id: str) -> Place:
        """The place stored under `gazetteer_id`; raises geo.errors.NotFoundError."""
        ...

    def by_geonameid(self, geonameid: int) -> Place | None:
        """The place with this GeoNames id, or None."""
        ...

    def reverse(self, lat: float, lon: float) -> Place | None:
        """The nearest populated place to a point."""
        ...
