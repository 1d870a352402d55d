"""The offline gazetteer as a geopy geocoder: swap it for Nominatim or Photon by configuration.

    geocoder = OfflineGeocoder()                            # the built index (./data, default_index_path())
    geocoder = OfflineGeocoder("elsewhere/gazetteer.sqlite")  # or a path, or an open SqliteGazetteer
    location = geocoder.geocode("Komsomolsk-on-Amur")
    location.latitude, location.raw["geonameid"]          # 50.5..., 2021851
    geocoder.reverse((43.1, 131.9)).address               # 'Vladivostok, Primorskiy kray, Russia'

It never touches the network: geopy's base class sets up an HTTP adapter that stays idle.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import InvalidInputError
from geo.gazetteer.base import Candidate
from geo.gazetteer.index import LookupBias, SqliteGazetteer, open_gazetteer
from geo.gazetteer.paths import default_index_path
from geo.geodesy import distance_km
from geo.model import Place

__all__ = ["OfflineGeocoder"]

# Parts of a geopy structured query, most specific first: joined as "City, State, Country".
_STRUCTURED_KEYS = ("street", "city", "county", "state", "country")


class OfflineGeocoder(Geocoder):
    """A geopy Geocoder answered from the offline gazetteer index.

    `gazetteer` is an open index or the path of one; by default the built index at
    default_index_path() (./data from the working directory). A missing index raises
    geo.errors.GazetteerNotBuiltError.
    """

    def __init__(
        self,
        gazetteer: SqliteGazetteer | str | Path | None = None,
        *,
        min_score: float = 0.0,
        user_agent: str | None = None,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> None:
        super().__init__(user_agent=user_agent or "itinerant-offline", timeout=timeout)
        if gazetteer is None:
            gazetteer = default_index_path()
        if isinstance(gazetteer, (str, Path)):
            gazetteer = open_gazetteer(gazetteer)
        self.gazetteer = gazetteer
        self.min_score = min_score
        self._country_name = functools.lru_cache(maxsize=512)(self._load_country_name)

    def _load_country_name(self, code: str) -> str:
        country = self.gazetteer.country(code)
        return country.name if country is not None else code

    def _address(self, place: Place) -> str:
        parts = [place.name]
        if place.admin1 and place.admin1 != place.name:
            parts.append(place.admin1)
        if place.country and place.kind != "country":
            parts.append(self._country_name(place.country))
        return ", ".join(parts)

    def _location(self, place: Place, raw_extra: Mapping[str, Any]) -> Location:
        raw = {
            "name": place.name,
            "gazetteer_id": place.gazetteer_id,
            "geonameid": place.geonameid,
            "kind": place.kind,
            "precision": place.precision.value,
            "country": place.country,
            "admin1": place.admin1,
            "population": place.population,
            **raw_extra,
        }
        return Location(self._address(place), Point(place.lat, place.lon), raw)

    def _candidate_location(self, candidate: Candidate) -> Location:
        return self._location(
            candidate.place,
            {
                "score": candidate.score,
                "matched_name": candidate.matched_name,
                "name_type": candidate.name_type.value,
            },
        )

    def geocode(
        self,
        query: str | Mapping[str, str],
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        country_codes: str | Sequence[str] | None = None,
        limit: int | None = None,
        bias: LookupBias | None = None,
    ) -> Location | list[Location] | None:
        """Places for a name ("Paris, Texas") or a structured query ({"city": "Paris", "state": "Texas"}).

        Like every geopy geocoder: one Location (exactly_one) or a list, None when nothing matches.
        `timeout` is accepted for compatibility and unused: nothing here waits on a network.
        """
        if isinstance(query, Mapping):
            query = ", ".join(str(query[k]) for k in _STRUCTURED_KEYS if query.get(k))
        if not isinstance(query, str) or not query.strip():
            raise InvalidInputError("a geocoding query must be a non-empty string", field="query")
        if isinstance(country_codes, str):
            country_codes = [country_codes]
        wanted = 1 if exactly_one else (limit or 10)
        candidates = [
            c
            for c in self.gazetteer.lookup(query, country_codes=country_codes, limit=wanted, bias=bias)
            if c.score >= self.min_score
        ]
        if not candidates:
            return None
        locations = [self._candidate_location(c) for c in candidates]
        return locations[0] if exactly_one else locations

    def reverse(
        self,
        query: Point | tuple[float, float] | str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """The nearest populated place to a point, with its region and country in the address."""
        try:
            point = query if isinstance(query, Point) else Point(query)
        except (ValueError, TypeError) as error:
            raise InvalidInputError(f"not a point: {query!r} ({error})", field="query") from error
        place = self.gazetteer.reverse(point.latitude, point.longitude)
        if place is None:
            return None
        distance = distance_km(point.latitude, point.longitude, place.lat, place.lon)
        location = self._location(place, {"score": None, "distance_km": round(distance, 3)})
        return location if exactly_one else [location]
