"""Gazetteer look-ups memoised for the geoparser: one name is looked up once per process.

Recognition asks whether a name stands for a prominent place, resolution asks for its ranked
candidates; both go through one cache so a name costs one query however often it recurs.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from geo.gazetteer.base import Candidate, Gazetteer, NameType
from geo.gazetteer.names import normalize_name
from geo.model import Precision

__all__ = ["CandidateLookup", "is_prominent", "is_demonym", "PROMINENT_POPULATION"]

# A city this large is a place a reader knows, even when it spells an English word ("Reading").
PROMINENT_POPULATION = 50_000
_CANDIDATES_PER_NAME = 20


def is_prominent(candidate: Candidate) -> bool:
    """A country, a first-level region or a large city: strong evidence a name means a place."""
    place = candidate.place
    return place.precision in (Precision.COUNTRY, Precision.ADMIN1) or place.population >= PROMINENT_POPULATION


def is_demonym(candidates: list[Candidate]) -> bool:
    """Whether a name's best reading is a demonym ("Russian"), not a place name."""
    return bool(candidates) and candidates[0].name_type is NameType.DEMONYM


class CandidateLookup:
    """Ranked candidates per name key, cached (least recently used beyond `max_names`)."""

    def __init__(self, gazetteer: Gazetteer, *, max_names: int = 100_000) -> None:
        self.gazetteer = gazetteer
        self._max_names = max_names
        self._cache: OrderedDict[str, list[Candidate]] = OrderedDict()
        self._lock = threading.Lock()

    def candidates(self, name: str) -> list[Candidate]:
        """The gazetteer's candidates for `name`, best first ([] for an unknown name)."""
        with self._lock:
            # Callers mostly pass keys already; a cached key is its own key (keys are idempotent).
            cached = self._cache.get(name)
            if cached is not None:
                self._cache.move_to_end(name)
                return cached
        key = normalize_name(name)
        if not key:
            return []
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        found = self.gazetteer.lookup(key, limit=_CANDIDATES_PER_NAME)
        with self._lock:
            self._cache[key] = found
            if len(self._cache) > self._max_names:
                self._cache.popitem(last=False)
        return found
