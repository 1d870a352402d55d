"""The one geodesic module: distances, drawable paths and the antimeridian, on the WGS84 ellipsoid.

Distances are geodesics (Karney's algorithm through pyproj's `Geod`), exact to the millimetre,
whoever asks: the gazetteer (nearby names, reverse geocoding), resolution, event reading, the
evaluation's error distances, and itineraries (`geodesic_km` between anything with `lat` and
`lon`). A path is the same geodesic sampled every ~75 km, so that a map draws the curve a
traveller follows rather than a straight line on the projection, then cut at the antimeridian
as RFC 7946 section 3.1.9 asks (`split_at_antimeridian`).

Cutting: a path drawn from positions whose longitudes are all kept within [-180, 180] would
otherwise jump across the whole map where it passes 180 degrees. The path is cut there into
parts that meet at +180 and -180, with the crossing latitude interpolated, so each part is a
plain line. A path that runs through a pole (a meridian route between two nearly opposite
points) has no single longitude at the pole: it is cut there too, each part ending at the pole
in its own longitude.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final, Protocol

from pyproj import Geod

from geo.errors import InvalidInputError

__all__ = [
    "Position",
    "PathParts",
    "Located",
    "WGS84",
    "SAME_PLACE_KM",
    "PATH_SPACING_KM",
    "MAX_PATH_SEGMENTS",
    "check_location",
    "distance_km",
    "geodesic_km",
    "same_place",
    "great_circle_path",
    "split_at_antimeridian",
    "wrap_longitude",
]

WGS84: Final = Geod(ellps="WGS84")

Position = tuple[float, float]  # (lon, lat), the order of GeoJSON
PathParts = tuple[tuple[Position, ...], ...]  # parts of one line, each a sequence of positions

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


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The geodesic distance between two points on WGS84, in kilometres (coordinates unchecked)."""
    _, _, metres = WGS84.inv(lon1, lat1, lon2, lat2)
    return metres / 1000.0


def geodesic_km(a: Located, b: Located) -> float:
    """The geodesic distance between two located things, in kilometres, their coordinates checked."""
    check_location(a)
    check_location(b)
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def same_place(a: Located, b: Located, *, within_km: float = SAME_PLACE_KM) -> bool:
    """Whether two places are one stop: the same gazetteer entry, or within `within_km`.

    Places compare by `gazetteer_id` and `geonameid` where both have one, so that two entries
    for one GeoNames feature (a curated copy, an alias) count as the same place.
    """
    gazetteer_id_a, gazetteer_id_b = getattr(a, "gazetteer_id", None), getattr(b, "gazetteer_id", None)
    if gazetteer_id_a is not None and gazetteer_id_a == gazetteer_id_b:
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


# -- the antimeridian ----------------------------------------------------------------------


# Consecutive positions whose longitudes differ by 180 degrees, to within this, lie on one
# meridian plane through a pole: the direction east or west is undefined, so the path is cut
# at the pole rather than at the antimeridian.
_POLE_TOLERANCE_DEG = 1e-6


def wrap_longitude(degrees: float) -> float:
    """A longitude difference or value brought into [-180, 180)."""
    return (degrees + 180.0) % 360.0 - 180.0


def split_at_antimeridian(positions: Sequence[Position]) -> PathParts:
    """Cut a path at the antimeridian (and at a pole it runs through) into parts.

    Consecutive positions are joined the short way round, so they must be close (a densified
    great circle, not two far endpoints). Every longitude in the result lies in [-180, 180]; a
    position on the antimeridian gets the sign of the side its part lies on. A path that
    crosses nowhere comes back as one part.
    """
    if len(positions) < 2:
        raise InvalidInputError("a path needs at least two positions")
    parts: list[tuple[Position, ...]] = []
    first_lon, first_lat = positions[0]
    if not -180.0 <= first_lon <= 180.0:
        raise InvalidInputError(f"longitude {first_lon} is outside [-180, 180]")
    current: list[Position] = [(first_lon, first_lat)]
    prev_lon, prev_lat = first_lon, first_lat
    for lon, lat in positions[1:]:
        if not -180.0 <= lon <= 180.0:
            raise InvalidInputError(f"longitude {lon} is outside [-180, 180]")
        step = wrap_longitude(lon - prev_lon)
        if abs(abs(step) - 180.0) < _POLE_TOLERANCE_DEG:
            # Through a pole: end this part at the pole, start the next one there.
            pole_lat = math.copysign(90.0, prev_lat + lat)
            if current[-1] != (prev_lon, pole_lat):
                current.append((prev_lon, pole_lat))
            if len(current) >= 2:
                parts.append(tuple(current))
            # (Otherwise the path started at the pole: only the longitude it leaves by changes.)
            current = [(lon, pole_lat)]
            if lat != pole_lat:
                current.append((lon, lat))
            prev_lon, prev_lat = lon, lat
            continue
        target = prev_lon + step  # the longitude reached going the short way, maybe past 180
        if target > 180.0 or target < -180.0:
            boundary = 180.0 if target > 180.0 else -180.0
            fraction = (boundary - prev_lon) / step
            crossing_lat = prev_lat + fraction * (lat - prev_lat)
            if current[-1] != (boundary, crossing_lat):
                current.append((boundary, crossing_lat))
            # A part that would be the crossing point alone (the path started on the
            # antimeridian) is no part: that point starts the next part on the other side.
            if len(current) >= 2:
                parts.append(tuple(current))
            current = [(-boundary, crossing_lat)]
            target -= 2.0 * boundary
        # The given longitude, not the sum, so that positions keep their exact values; only
        # +/-180 takes the sign of the side it is reached from.
        shown = math.copysign(180.0, target) if abs(lon) == 180.0 else lon
        current.append((shown, lat))
        prev_lon, prev_lat = shown, lat
    # A last part that is a lone pole position (the path ended at the pole) adds nothing: the
    # part before it already reaches that pole.
    if len(current) >= 2:
        parts.append(tuple(current))
    elif not parts:  # every position was the same pole: a line of zero length there
        parts.append((current[0], current[0]))
    return tuple(parts)
