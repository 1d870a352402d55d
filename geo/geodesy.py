"""The one geodesic module: distances, drawable paths and the antimeridian, on the WGS84 ellipsoid.

Distances are geodesics (Karney's algorithm through pyproj's `Geod`), exact to the millimetre,
whoever asks: the gazetteer (nearby names, reverse geocoding), resolution, event reading, the
evaluation's error distances, and itineraries (`geodesic_km` between anything with `lat` and
`lon`). A path is the same geodesic drawn as a line on the map: positions on the geodesic,
as many as keep every straight segment between them within PATH_TOLERANCE_DEG of the curve a
traveller follows (few on a short or straight leg, more where the great circle bends on the
map), then cut at the antimeridian as RFC 7946 section 3.1.9 asks (`split_at_antimeridian`).

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
from functools import lru_cache
from typing import Final, Protocol

from pyproj import Geod

from geo.errors import InvalidInputError

__all__ = [
    "Position",
    "PathParts",
    "Located",
    "WGS84",
    "SAME_PLACE_KM",
    "PATH_TOLERANCE_DEG",
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

# Path sampling. A segment is drawn straight when the geodesic's point halfway along it lies
# within PATH_TOLERANCE_DEG of the segment's middle on a Web Mercator map (degrees of longitude,
# latitude scaled as the map stretches it): ~2 km, invisible below zoom 10, as the maps' own
# simplification of legs (geo.maps.features.DISPLAY_TOLERANCE_DEG). No segment is longer than
# PATH_SPACING_KM, so that no bend hides between two positions; a path needing more than
# MAX_PATH_SEGMENTS segments (only near the poles) is sampled evenly in that many.
PATH_TOLERANCE_DEG: Final = 0.02
PATH_SPACING_KM: Final = 1000.0
MAX_PATH_SEGMENTS: Final = 268
_MERCATOR_MAX_LAT: Final = 85.0  # where Web Mercator maps stop
_SHORTEST_SEGMENT_M: Final = 1000.0  # segments shorter than this are drawn straight whatever they do


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
    tolerance_deg: float = PATH_TOLERANCE_DEG,
    spacing_km: float = PATH_SPACING_KM,
    max_segments: int = MAX_PATH_SEGMENTS,
) -> PathParts:
    """The geodesic from `a` to `b` as (lon, lat) positions, cut at the antimeridian.

    Positions lie on the geodesic, no further apart than `spacing_km`, and as close as the map
    needs: halving a segment until the geodesic's halfway point lies within `tolerance_deg` of
    the straight segment's middle (see PATH_TOLERANCE_DEG). A path that would need more than
    `max_segments` segments is sampled evenly in `max_segments`. The first position is `a` and
    the last is `b` (a longitude of +/-180 may change sign to stay on its part's side).
    """
    if not spacing_km > 0:
        raise InvalidInputError(f"spacing_km must be positive, not {spacing_km}")
    if not tolerance_deg > 0:
        raise InvalidInputError(f"tolerance_deg must be positive, not {tolerance_deg}")
    if max_segments < 1:
        raise InvalidInputError(f"max_segments must be at least 1, not {max_segments}")
    check_location(a)
    check_location(b)
    ends = (a.lon, a.lat, b.lon, b.lat)
    # -0.0 is 0.0 to the cache but is written "-0.0": a zero is made afresh each time (rarely).
    path = _made_path if 0.0 in ends else _kept_path
    return path(*ends, tolerance_deg, spacing_km, max_segments)


def _made_path(
    lon0: float, lat0: float, lon1: float, lat1: float, tolerance_deg: float, spacing_km: float, max_segments: int
) -> PathParts:
    """great_circle_path's work, once its arguments are checked."""
    positions = _bisected(lon0, lat0, lon1, lat1, tolerance_deg, spacing_km * 1000.0, max_segments)
    if positions is None:
        between = [(_on_meridian(lon), lat) for lon, lat in WGS84.npts(lon0, lat0, lon1, lat1, max_segments - 1)]
        positions = [(lon0, lat0), *between, (lon1, lat1)]
    return split_at_antimeridian(positions)


# Paths made, by their ends and sampling: a traveller's legs repeat (the same two capitals, trip
# after trip, and every itinerary made again after each write to the data), and a path, a
# tuple of tuples, is immutable. A path is ~20 positions: the cache holds about 4 MB.
# Typed: an int and a float of one value are written differently.
_PATHS_KEPT: Final = 2048
_kept_path = lru_cache(maxsize=_PATHS_KEPT, typed=True)(_made_path)


# Sampling along the antimeridian gives longitudes a hair's breadth from +/-180 on either side
# (179.99999999999997, -179.99999999999997): those of positions sampled between a path's ends
# are taken as on it, +/-180, which split_at_antimeridian shows on the side of their part.
_ANTIMERIDIAN_TOLERANCE_DEG: Final = 1e-9  # about 0.1 mm


def _on_meridian(lon: float) -> float:
    return math.copysign(180.0, lon) if abs(lon) >= 180.0 - _ANTIMERIDIAN_TOLERANCE_DEG else lon


def _bisected(
    lon0: float, lat0: float, lon1: float, lat1: float, tolerance_deg: float, longest_m: float, max_segments: int
) -> list[Position] | None:
    """Positions from (lon0, lat0) to (lon1, lat1) along the geodesic, segments halved until each
    is straight enough on the map and short enough; None when that takes over `max_segments`."""
    azimuth, _, distance = WGS84.inv(lon0, lat0, lon1, lat1)
    forward, cos, radians, hypot = WGS84.fwd, math.cos, math.radians, math.hypot
    positions: list[Position] = [(lon0, lat0)]
    # Segments still to draw, as (start, its position, end, its position) with start and end in
    # metres along the geodesic; depth first, the next one along the path last.
    pending = [(0.0, lon0, lat0, distance, lon1, lat1)]
    while pending:
        start, x0, y0, end, x1, y1 = pending.pop()
        middle = (start + end) / 2
        xm, ym, _ = forward(lon0, lat0, azimuth, middle)
        xm = _on_meridian(xm)
        # The straight segment's middle, going the short way round in longitude; a pole's
        # longitude says nothing, and the segment leaves it along the other end's meridian.
        xa = x1 if abs(y0) == 90.0 else x0
        xb = x0 if abs(y1) == 90.0 else x1
        half_step = ((xb - xa + 180.0) % 360.0 - 180.0) / 2
        off_x = (xm - xa - half_step + 180.0) % 360.0 - 180.0
        off_y = (ym - (y0 + y1) / 2) / cos(radians(min(abs(ym), _MERCATOR_MAX_LAT)))
        # A segment that passes over a pole is never straight on the map: it is halved until
        # it is too short to matter, and split_at_antimeridian then cuts the path at the pole.
        bent = hypot(off_x, off_y) > tolerance_deg and end - start > _SHORTEST_SEGMENT_M
        if end - start > longest_m or bent:
            if len(positions) + len(pending) >= max_segments:
                return None
            pending.append((middle, xm, ym, end, x1, y1))
            pending.append((start, x0, y0, middle, xm, ym))
        else:
            positions.append((x1, y1))
    return positions


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
        # -180 and 180 are one meridian: a step of 0 between them, not half the globe.
        step = math.remainder(lon - prev_lon, 360.0)
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
        beyond = target > 180.0 or target < -180.0
        # Rounding can land a step that ends just across the antimeridian on +/-180 itself
        # (-172.5625 + -7.4375... == -180.0 on the way to 179.99999999999997): the given
        # longitude, on the other side, says that the step crossed.
        if not beyond and abs(lon) != 180.0 and abs(target) > 90.0 and target * lon < 0.0:
            beyond = True
        if beyond:
            boundary = 180.0 if target > 0.0 else -180.0
            fraction = (boundary - prev_lon) / step if step else 0.0  # no step: crossed where it was
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
