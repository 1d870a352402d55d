"""Distances and drawable paths on the WGS84 ellipsoid, between anything with `lat` and `lon`.

Distances are geodesics (Karney's algorithm through pyproj's `Geod`), exact to the millimetre;
a path is the same geodesic sampled every ~75 km, so that a map draws the curve a traveller
follows rather than a straight line on the projection, then cut at the antimeridian.
"""

from __future__ import annotations

import math
from typing import Final, Protocol

from pyproj import Geod

from geo.errors import InvalidInputError
from geo.itinerary.antimeridian import PathParts, split_at_antimeridian

__all__ = [
    "Located",
    "WGS84",
    "SAME_PLACE_KM",
    "PATH_SPACING_KM",
    "MAX_PATH_SEGMENTS",
    "check_location",
    "geodesic_km",
    "same_place",
    "great_circle_path",
]

WGS84: Final = Geod(ellps="WGS84")

# Two gazetteer entries this close are one place for a traveller: a palace and its city, a
# station and its town, a curated site and the GeoNames point for the same site.
SAME_PLACE_KM: Final = 5.0

# Path sampling: close enough that the drawn curve looks smooth at world and continent zoom,
# bounded so that the longest possible leg (half the globe, ~20,000 km) stays under 270 points.
PATH_SPACING_KM: Final = 75.0
MAX_PATH_SEGMENTS: Final = 268


class Located(Protocol):
    """Anything with a WGS84 point: a `geo.model.Place`, a geopy `Point`..."""

    @property
    def lat(self) -> float: ...

    @property
    def lon(self) -> float: ...


def check_location(point: Located) -> None:
    """Raise InvalidInputError unless the point has finite coordinates on the globe."""
    lat, lon = point.lat, point.lon
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise InvalidInputError(f"coordinates must be finite numbers, not ({lat}, {lon})")
    if not -90.0 <= lat <= 90.0:
        raise InvalidInputError(f"latitude {lat} is outside [-90, 90]", field="lat")
    if not -180.0 <= lon <= 180.0:
        raise InvalidInputError(f"longitude {lon} is outside [-180, 180]", field="lon")


def geodesic_km(a: Located, b: Located) -> float:
    """The geodesic distance between two points on WGS84, in kilometres."""
    check_location(a)
    check_location(b)
    _, _, metres = WGS84.inv(a.lon, a.lat, b.lon, b.lat)
    return metres / 1000.0


def same_place(a: Located, b: Located, *, within_km: float = SAME_PLACE_KM) -> bool:
    """Whether two places are one stop: the same gazetteer entry, or within `within_km`.

    Places compare by `place_id` and `geonameid` where both have one, so that two entries
    for one GeoNames feature (a curated copy, an alias) count as the same place.
    """
    place_id_a, place_id_b = getattr(a, "place_id", None), getattr(b, "place_id", None)
    if place_id_a is not None and place_id_a == place_id_b:
        return True
    geonameid_a, geonameid_b = getattr(a, "geonameid", None), getattr(b, "geonameid", None)
    if geonameid_a is not None and geonameid_a == geonameid_b:
        return True
    return geodesic_km(a, b) <= within_km


def great_circle_path(
    a: Located,
    b: Located,
    *,
    spacing_km: float = PATH_SPACING_KM,
    max_segments: int = MAX_PATH_SEGMENTS,
) -> PathParts:
    """The geodesic from `a` to `b` as (lon, lat) positions, cut at the antimeridian.

    Positions come every `spacing_km` at most, except on legs so long that this would need
    more than `max_segments` segments: those are sampled evenly in `max_segments`. The
    first position is `a` and the last is `b` (a longitude of +/-180 may change sign to stay
    on its part's side).
    """
    if not spacing_km > 0:
        raise InvalidInputError(f"spacing_km must be positive, not {spacing_km}")
    if max_segments < 1:
        raise InvalidInputError(f"max_segments must be at least 1, not {max_segments}")
    distance = geodesic_km(a, b)
    segments = min(max_segments, max(1, math.ceil(distance / spacing_km)))
    positions: list[tuple[float, float]] = [(a.lon, a.lat)]
    if segments > 1:
        positions.extend(WGS84.npts(a.lon, a.lat, b.lon, b.lat, segments - 1))
    positions.append((b.lon, b.lat))
    return split_at_antimeridian(positions)
