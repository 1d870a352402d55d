"""A small in-memory gazetteer implementing geo.gazetteer.base.Gazetteer, for unit tests.

Priors follow the same idea as the full index (countries and regions first, then population),
so tests exercise the geoparser's use of priors without the multi-gigabyte build.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from geo.errors import NotFoundError
from geo.gazetteer.base import Candidate, NameType
from geo.gazetteer.names import normalize_name
from geo.model import Place, Precision

__all__ = ["MemoryGazetteer", "make_place", "prior_of"]

_PRECISION_PRIOR = {Precision.COUNTRY: 0.95, Precision.ADMIN1: 0.85, Precision.ADMIN2: 0.6}


def prior_of(place: Place) -> float:
    """Countries and regions first, then cities by population, in [0, 1]."""
    by_population = min(0.9, math.log10(place.population + 10) / 8)
    return max(_PRECISION_PRIOR.get(place.precision, 0.0), by_population)


def make_place(
    geonameid: int,
    name: str,
    lat: float,
    lon: float,
    *,
    precision: Precision = Precision.CITY,
    country: str | None = None,
    admin1: str | None = None,
    population: int = 0,
    kind: str | None = None,
) -> Place:
    """A GeoNames-backed Place with the fields tests care about."""
    default_kind = {Precision.COUNTRY: "country", Precision.ADMIN1: "admin1", Precision.ADMIN2: "admin2"}
    return Place(
        gazetteer_id=f"geonames:{geonameid}",
        name=name,
        lat=lat,
        lon=lon,
        kind=kind or default_kind.get(precision, "city"),
        precision=precision,
        country=country,
        admin1=admin1,
        geonameid=geonameid,
        population=population,
    )


class MemoryGazetteer:
    """Places and their names held in dicts; lookups ranked by prior."""

    def __init__(self) -> None:
        self._places: dict[str, Place] = {}
        self._by_key: dict[str, list[tuple[str, str, NameType]]] = defaultdict(list)
        self._priors: dict[str, float] = {}

    def add(
        self, place: Place, *names: str, name_type: NameType = NameType.OFFICIAL, prior: float | None = None
    ) -> MemoryGazetteer:
        """Store `place` under its own name and `names` (its own name is always OFFICIAL).

        `prior` replaces prior_of(place), to mirror a ranking of the full index (a capital's bonus).
        """
        self._places[place.gazetteer_id] = place
        if prior is not None:
            self._priors[place.gazetteer_id] = prior
        self._index(place.gazetteer_id, place.name, NameType.OFFICIAL)
        for name in names:
            self._index(place.gazetteer_id, name, name_type)
        return self

    def alias(self, gazetteer_id: str, *names: str, name_type: NameType) -> MemoryGazetteer:
        """Add demonyms, abbreviations or codes for a stored place."""
        for name in names:
            self._index(gazetteer_id, name, name_type)
        return self

    def _index(self, gazetteer_id: str, name: str, name_type: NameType) -> None:
        entries = self._by_key[normalize_name(name)]
        if all(existing_id != gazetteer_id for existing_id, _, _ in entries):
            entries.append((gazetteer_id, name, name_type))

    def lookup(
        self, name: str, *, country_codes: Sequence[str] | None = None, limit: int = 10, bias=None
    ) -> list[Candidate]:
        # `bias` (the document's context, which the full index weighs) is taken and not used: the
        # ranking here is the prior alone.
        wanted = {code.upper() for code in country_codes} if country_codes else None
        candidates = [
            Candidate(
                self._places[gazetteer_id],
                self._priors.get(gazetteer_id) or prior_of(self._places[gazetteer_id]),
                matched,
                name_type,
            )
            for gazetteer_id, matched, name_type in self._by_key.get(normalize_name(name), ())
            if wanted is None or self._places[gazetteer_id].country in wanted
        ]
        candidates.sort(key=lambda c: (-c.score, c.place.gazetteer_id))
        return candidates[:limit]

    def names(self) -> Iterable[str]:
        return iter(self._by_key)

    def get(self, gazetteer_id: str) -> Place:
        try:
            return self._places[gazetteer_id]
        except KeyError:
            raise NotFoundError(f"no place with id {gazetteer_id!r}") from None

    def by_geonameid(self, geonameid: int) -> Place | None:
        return self._places.get(f"geonames:{geonameid}")

    def country(self, code: str) -> Place | None:
        """The stored country with this ISO alpha-2 code, or None (the geocoder then shows the code)."""
        wanted = code.strip().upper()
        return next((p for p in self._places.values() if p.kind == "country" and p.country == wanted), None)

    def populous_places(self, min_population: int, *, kinds: tuple[str, ...] = ("city",)) -> list[Place]:
        found = [p for p in self._places.values() if p.kind in kinds and p.population >= min_population]
        return sorted(found, key=lambda p: (-p.population, p.gazetteer_id))

    def reverse(self, lat: float, lon: float) -> Place | None:
        populated = [p for p in self._places.values() if p.precision in (Precision.CITY, Precision.SITE)]
        if not populated:
            return None
        return min(populated, key=lambda p: (p.lat - lat) ** 2 + ((p.lon - lon) * math.cos(math.radians(lat))) ** 2)
