"""Offline first, then (when configured) an online geopy geocoder, rate-limited and cached.

    chain = GeocoderChain(OfflineGeocoder(gazetteer))                       # offline only: the default
    chain = GeocoderChain(offline, online=Nominatim(user_agent="itinerant"), cache=MemoryCache())

The online geocoder is asked only when the offline index has no answer at or above
`offline_min_score`; its answers (and its silences) are cached by query so each distinct query
reaches the network once. The web layer supplies a database-backed cache with the same two
methods.
"""

from __future__ import annotations

import inspect
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.gazetteer.geocoder import OfflineGeocoder
from geo.gazetteer.names import normalize_name

__all__ = ["GeocodeCache", "MemoryCache", "GeocoderChain", "cache_key"]

# What a cache holds for one query: the online answers as plain JSON-ready dicts.
CachedAnswer = list[dict[str, Any]]


@runtime_checkable
class GeocodeCache(Protocol):
    """Stores online answers by query key; an empty list records that there was no answer."""

    def get(self, key: str) -> CachedAnswer | None: ...

    def set(self, key: str, value: CachedAnswer) -> None: ...


class MemoryCache:
    """A bounded in-process GeocodeCache, least recently used out first."""

    def __init__(self, max_entries: int = 10_000) -> None:
        self._entries: OrderedDict[str, CachedAnswer] = OrderedDict()
        self._max = max_entries
        self._lock = threading.Lock()

    def get(self, key: str) -> CachedAnswer | None:
        with self._lock:
            if key not in self._entries:
                return None
            self._entries.move_to_end(key)
            return self._entries[key]

    def set(self, key: str, value: CachedAnswer) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)


def cache_key(query: str, country_codes: Sequence[str] | None) -> str:
    """'Paris, Texas' + ['us'] -> 'paris texas|US': spellings that normalise alike share a key."""
    codes = ",".join(sorted(c.upper() for c in country_codes or ()))
    return f"{normalize_name(query)}|{codes}"


def _to_cached(location: Location) -> dict[str, Any]:
    return {"address": location.address, "lat": location.latitude, "lon": location.longitude, "raw": location.raw}


def _from_cached(entry: dict[str, Any]) -> Location:
    return Location(entry["address"], Point(entry["lat"], entry["lon"]), entry.get("raw") or {})


class GeocoderChain:
    """Geocode offline, falling back to an optional online geocoder (off unless one is given)."""

    def __init__(
        self,
        offline: OfflineGeocoder,
        *,
        online: Geocoder | None = None,
        cache: GeocodeCache | None = None,
        offline_min_score: float = 0.0,
        min_delay_seconds: float = 1.0,
        max_retries: int = 2,
    ) -> None:
        self.offline = offline
        self.online = online
        self.cache = cache if cache is not None else MemoryCache()
        self.offline_min_score = offline_min_score
        self._online_geocode = None
        self._online_takes_country_codes = False
        if online is not None:
            # Nominatim's usage policy: at most one request a second; failures give None, not a crash.
            self._online_geocode = RateLimiter(
                online.geocode, min_delay_seconds=min_delay_seconds, max_retries=max_retries, swallow_exceptions=True
            )
            self._online_takes_country_codes = "country_codes" in inspect.signature(online.geocode).parameters

    def geocode(
        self, query: str, *, exactly_one: bool = True, country_codes: Sequence[str] | None = None
    ) -> Location | list[Location] | None:
        """The offline answers if good enough, else the online geocoder's (cached), else None."""
        found = self.offline.geocode(query, exactly_one=False, country_codes=country_codes) or []
        good = [loc for loc in found if (loc.raw.get("score") or 0.0) >= self.offline_min_score]
        if not good and self._online_geocode is not None:
            good = self._ask_online(query, country_codes)
        if not good:
            return None
        return good[0] if exactly_one else good

    def _ask_online(self, query: str, country_codes: Sequence[str] | None) -> list[Location]:
        key = cache_key(query, country_codes)
        cached = self.cache.get(key)
        if cached is None:
            options: dict[str, Any] = {"exactly_one": False}
            if country_codes and self._online_takes_country_codes:
                options["country_codes"] = list(country_codes)
            assert self._online_geocode is not None
            answer = self._online_geocode(query, **options)
            if isinstance(answer, Location):
                answer = [answer]
            cached = [_to_cached(loc) for loc in answer or []]
            self.cache.set(key, cached)
        return [_from_cached(entry) for entry in cached]
