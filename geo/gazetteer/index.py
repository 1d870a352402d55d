"""The offline gazetteer: lookups against the SQLite index that build.py writes.

    gazetteer = open_gazetteer(Path("data/gazetteer.sqlite"))
    gazetteer.lookup("Komsomolsk-on-Amur")[0].place.geonameid   # 2021851
    gazetteer.lookup("Paris, Texas")[0].place.admin1            # 'Texas'

Safe to share between threads: each thread reads through its own read-only connection.
Scores come precomputed from the index (see prior.py); a lookup only filters them, applies
"City, Region" qualifiers and an optional bias, and caches recent answers.
"""

from __future__ import annotations

import functools
import math
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.errors import GazetteerError, GazetteerNotBuiltError, InvalidInputError, NotFoundError
from geo.gazetteer.base import Candidate, NameType
from geo.gazetteer.generic_words import GENERIC_FALLBACK_FACTOR, without_generic_word
from geo.gazetteer.names import normalize_name
from geo.gazetteer.prior import BIAS_FACTOR
from geo.gazetteer.qualifiers import Scope, split_qualifiers, within
from geo.gazetteer.schema import NAME_TYPE_BY_CODE, NAME_TYPE_CODES
from geo.geodesy import distance_km
from geo.model import Place, Precision

__all__ = ["LookupBias", "SqliteGazetteer", "open_gazetteer"]

# How many rows of one key a qualified or biased lookup considers before filtering.
_WIDE_FETCH = 1000
# What a name without its civil-division word ("Readington" of "Readington Township") may be.
_TOWN_PRECISIONS = frozenset({Precision.CITY, Precision.ADMIN2})
# Half-widths (degrees of latitude) of the boxes reverse() searches, smallest first.
_REVERSE_WINDOWS = (0.1, 0.5, 2.0, 8.0, 30.0, 180.0)
_PLACE_SELECT = (
    "SELECT id, place_id, name, lat, lon, kind, precision, country, admin1, geonameid, population, admin1_code "
    "FROM places"
)


@dataclass(frozen=True, slots=True)
class LookupBias:
    """Soft preferences for a lookup: candidates outside them keep BIAS_FACTOR of their score.

    `bbox` is (south, west, north, east) in degrees; `near` a (lat, lon) point whose
    `radius_km` counts as near.
    """

    countries: tuple[str, ...] = ()
    bbox: tuple[float, float, float, float] | None = None
    near: tuple[float, float] | None = None
    radius_km: float = 250.0

    def favours(self, place: Place) -> bool:
        if self.countries and place.country not in self.countries:
            return False
        if self.bbox is not None:
            south, west, north, east = self.bbox
            in_lon = west <= place.lon <= east if west <= east else (place.lon >= west or place.lon <= east)
            if not (south <= place.lat <= north and in_lon):
                return False
        if self.near is not None and distance_km(*self.near, place.lat, place.lon) > self.radius_km:
            return False
        return True


_ADMIN1_BY_NAME = (
    "SELECT n.place, n.score FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? AND p.kind = 'admin1'"
)
_ADMIN1_BY_NAME_IN_COUNTRY = _ADMIN1_BY_NAME + " AND n.country = ?"


@dataclass(frozen=True, slots=True)
class _Row:
    place: Place
    admin1_code: str | None


def _row_to_place(row: tuple) -> _Row:
    _row_id, gazetteer_id, name, lat, lon, kind, precision, country, admin1, geonameid, population, admin1_code = row
    return _Row(
        Place(
            gazetteer_id=gazetteer_id,
            name=name,
            lat=lat,
            lon=lon,
            kind=kind,
            precision=Precision(precision),
            country=country,
            admin1=admin1,
            geonameid=geonameid,
            population=population,
        ),
        admin1_code,
    )


def _country_codes(codes: Sequence[str] | None) -> tuple[str, ...] | None:
    if codes is None:
        return None
    if isinstance(codes, str):
        codes = [codes]
    cleaned = []
    for code in codes:
        if not isinstance(code, str) or len(code.strip()) != 2 or not code.strip().isalpha():
            raise InvalidInputError(f"country codes must be ISO 3166-1 alpha-2, got {code!r}", field="country_codes")
        cleaned.append(code.strip().upper())
    return tuple(sorted(set(cleaned)))


class SqliteGazetteer:
    """The Gazetteer protocol over one SQLite index file (see schema.py for its layout)."""

    def __init__(self, path: Path, *, cache_size: int = 8192) -> None:
        self.path = Path(path)
        # immutable=1: the file never changes under a reader (a rebuild renames a new file
        # over it), so SQLite can skip locking entirely.
        self._uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.meta: dict[str, str] = dict(self._db().execute("SELECT key, value FROM meta"))
        self._place_row = functools.lru_cache(maxsize=65536)(self._load_place_row)
        self._cached_lookup = functools.lru_cache(maxsize=cache_size)(self._lookup)

    # -- connections -------------------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
                db.execute("SELECT 1 FROM meta LIMIT 1")
            except sqlite3.Error as error:
                raise GazetteerError(
                    f"the gazetteer index at {self.path} is unreadable ({error}): rebuild it"
                ) from error
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    def close(self) -> None:
        """Close every thread's connection; the object is unusable afterwards."""
        with self._lock:
            for db in self._connections:
                db.close()
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> SqliteGazetteer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- places ----------------------------------------------------------------------------
    def _load_place_row(self, row_id: int) -> _Row:
        row = self._db().execute(f"{_PLACE_SELECT} WHERE id = ?", (row_id,)).fetchone()
        return _row_to_place(row)

    def get(self, gazetteer_id: str) -> Place:
        """The place stored under `gazetteer_id`; raises NotFoundError."""
        row = self._db().execute(f"{_PLACE_SELECT} WHERE place_id = ?", (gazetteer_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no gazetteer place {gazetteer_id!r}", field="gazetteer_id")
        return _row_to_place(row).place

    def by_geonameid(self, geonameid: int) -> Place | None:
        """The place with this GeoNames id, or None."""
        row = (
            self._db()
            .execute(f"{_PLACE_SELECT} WHERE geonameid = ? ORDER BY prior DESC LIMIT 1", (int(geonameid),))
            .fetchone()
        )
        return _row_to_place(row).place if row else None

    def country(self, code: str) -> Place | None:
        """The country with this ISO alpha-2 code, or None."""
        row = (
            self._db()
            .execute(
                f"{_PLACE_SELECT} WHERE kind = 'country' AND country = ? ORDER BY prior DESC LIMIT 1",
                (code.strip().upper(),),
            )
            .fetchone()
        )
        return _row_to_place(row).place if row else None

    def populous_places(self, min_population: int, *, kinds: tuple[str, ...] = ("city",)) -> list[Place]:
        """Places of these kinds with at least `min_population` people, most populous first (map labels)."""
        marks = ", ".join("?" for _ in kinds)
        rows = (
            self._db()
            .execute(
                f"{_PLACE_SELECT} WHERE kind IN ({marks}) AND population >= ? ORDER BY population DESC, place_id",
                (*kinds, int(min_population)),
            )
            .fetchall()
        )
        return [_row_to_place(row).place for row in rows]

    def admin1(self, country: str, name_or_code: str) -> Place | None:
        """A country's first-level region by name ('Texas', 'Primorsky Krai') or code ('TX', 'BC')."""
        scopes = self._admin1_rows(name_or_code, country.strip().upper())
        return scopes[0].place if scopes else None

    def _admin1_rows(self, text: str, country: str | None) -> list[_Row]:
        """First-level regions a name or code may mean, likeliest first (all countries if None)."""
        db = self._db()
        code = text.replace(".", "").replace(" ", "").upper()
        found: dict[int, float] = {}
        for (place,) in db.execute(
            # Only fixed SQL is joined; every value is a bound parameter.
            "SELECT place FROM region_codes WHERE code = ?" + (" AND country = ?" if country else ""),  # noqa: S608
            (code, country) if country else (code,),
        ):
            found[place] = 2.0  # an exact code outranks any name match
        sql = _ADMIN1_BY_NAME_IN_COUNTRY if country else _ADMIN1_BY_NAME
        key = normalize_name(text)
        for place, score in db.execute(sql, (key, country) if country else (key,)):
            found[place] = max(found.get(place, 0.0), score)
        return [self._place_row(p) for p, _ in sorted(found.items(), key=lambda item: -item[1])]

    # -- lookups ---------------------------------------------------------------------------
    def lookup(
        self,
        name: str,
        *,
        country_codes: Sequence[str] | None = None,
        limit: int = 10,
        bias: LookupBias | None = None,
    ) -> list[Candidate]:
        """Ranked candidates for a place name, best first; [] for an unknown name.

        "City, Region" and "City, Country" narrow the candidates to that region or country.
        `country_codes` keeps only places in those countries; `bias` prefers without excluding.
        """
        if not isinstance(name, str):
            raise InvalidInputError("a place name must be a string", field="name")
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise InvalidInputError(f"limit must be a positive integer, got {limit!r}", field="limit")
        return list(self._cached_lookup(name.strip(), _country_codes(country_codes), limit, bias))

    def _lookup(
        self, name: str, codes: tuple[str, ...] | None, limit: int, bias: LookupBias | None
    ) -> tuple[Candidate, ...]:
        wide = bias is not None
        candidates: list[tuple[Candidate, str | None]] = []
        qualified = split_qualifiers(name)
        if qualified is not None:
            candidates = self._qualified(qualified.head, qualified.qualifiers, codes)
        if not candidates:
            key, fetch = normalize_name(name), _WIDE_FETCH if wide else limit
            candidates = self._candidates(key, codes, fetch)
            bare = without_generic_word(key) if not candidates and qualified is None else None
            if bare is not None:
                candidates = [
                    (Candidate(c.place, c.score * GENERIC_FALLBACK_FACTOR, c.matched_name, c.name_type), a1)
                    for c, a1 in self._candidates(bare, codes, fetch)
                    if c.place.precision in _TOWN_PRECISIONS
                ]
        ranked = [candidate for candidate, _ in candidates]
        if bias is not None:
            ranked = [
                c if bias.favours(c.place) else Candidate(c.place, c.score * BIAS_FACTOR, c.matched_name, c.name_type)
                for c in ranked
            ]
            ranked.sort(key=lambda c: -c.score)
        return tuple(ranked[:limit])

    def _candidates(self, key: str, codes: tuple[str, ...] | None, limit: int) -> list[tuple[Candidate, str | None]]:
        if not key:
            return []
        sql = "SELECT place, score, name_type, spelling FROM names WHERE key = ?"
        params: list[object] = [key]
        if codes:
            sql += f" AND country IN ({', '.join('?' * len(codes))})"
            params.extend(codes)
        sql += " ORDER BY score DESC LIMIT ?"
        params.append(limit)
        out = []
        for place_row, score, name_type, spelling in self._db().execute(sql, params):
            row = self._place_row(place_row)
            out.append((Candidate(row.place, score, spelling, NAME_TYPE_BY_CODE[name_type]), row.admin1_code))
        return out

    def _qualified(
        self, head: str, qualifiers: tuple[str, ...], codes: tuple[str, ...] | None
    ) -> list[tuple[Candidate, str | None]]:
        candidates = self._candidates(normalize_name(head), codes, _WIDE_FETCH)
        for qualifier in qualifiers:
            scopes = self._scopes(qualifier)
            if not scopes:
                return []
            candidates = [
                (c, a1)
                for c, a1 in candidates
                if any(within(scope, c.place.country, a1) for scope in scopes)
                # the qualifier itself is no answer to "Texas, Texas"-like queries
            ]
        return candidates

    def _scopes(self, qualifier: str) -> list[Scope]:
        """What a qualifier may name: countries (whole) and first-level regions."""
        scopes: list[Scope] = [
            (row.place.country, row.admin1_code)
            for row in self._admin1_rows(qualifier, None)
            if row.place.country and row.admin1_code
        ]
        key = normalize_name(qualifier)
        for (country,) in self._db().execute(
            "SELECT p.country FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? AND p.kind = 'country' "
            "UNION SELECT country FROM places WHERE kind = 'country' AND country = ?",
            (key, key.replace(" ", "").upper()),
        ):
            scopes.append((country, None))
        return scopes

    def names(self, *, name_types: Sequence[NameType] | None = None, min_score: float = 0.0) -> Iterator[str]:
        """Every name key (each once), optionally only those with a name of the given types or score."""
        db = sqlite3.connect(self._uri, uri=True)
        try:
            sql = "SELECT DISTINCT key FROM names WHERE score >= ?"
            params: list[object] = [min_score]
            if name_types is not None:
                codes = [NAME_TYPE_CODES[NameType(t)] for t in name_types]
                sql += f" AND name_type IN ({', '.join('?' * len(codes))})"
                params.extend(codes)
            for (key,) in db.execute(sql, params):
                yield key
        finally:
            db.close()

    # -- reverse ---------------------------------------------------------------------------
    def reverse(self, lat: float, lon: float) -> Place | None:
        """The nearest populated place to a point."""
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            raise InvalidInputError(f"({lat}, {lon}) is not a point on the globe", field="point")
        db = self._db()
        for window in _REVERSE_WINDOWS:
            lon_window = min(180.0, window / max(math.cos(math.radians(lat)), 0.01))
            rows = db.execute(
                "SELECT id, min_lat, min_lon FROM places_rtree WHERE max_lat >= ? AND min_lat <= ? "
                "AND max_lon >= ? AND min_lon <= ?",
                (lat - window, lat + window, lon - lon_window, lon + lon_window),
            ).fetchall()
            if lon - lon_window < -180.0 or lon + lon_window > 180.0:
                # the box crosses the antimeridian: search its other side too
                wrapped = lon + 360.0 if lon < 0 else lon - 360.0
                rows += db.execute(
                    "SELECT id, min_lat, min_lon FROM places_rtree WHERE max_lat >= ? AND min_lat <= ? "
                    "AND max_lon >= ? AND min_lon <= ?",
                    (lat - window, lat + window, wrapped - lon_window, wrapped + lon_window),
                ).fetchall()
            if not rows:
                continue
            distance, row_id = min((distance_km(lat, lon, r_lat, r_lon), r_id) for r_id, r_lat, r_lon in rows)
            # Exact only if the nearest lies inside the circle the box surely covers.
            if distance <= window * 111.0 or window == _REVERSE_WINDOWS[-1]:
                return self._place_row(row_id).place
        return None


def open_gazetteer(path: Path | str) -> SqliteGazetteer:
    """Open the index at `path`; raises GazetteerNotBuiltError when there is none."""
    path = Path(path)
    if not path.is_file():
        raise GazetteerNotBuiltError(
            f"no gazetteer index at {path}: run `itinerant gazetteer build` to build it", field="gazetteer"
        )
    return SqliteGazetteer(path)
