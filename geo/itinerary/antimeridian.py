"""Cutting a lon/lat path where it crosses the antimeridian, as RFC 7946 section 3.1.9 asks.

A path drawn from positions whose longitudes are all kept within [-180, 180] would otherwise
jump across the whole map where it passes 180 degrees. The path is cut there into parts that
meet at +180 and -180, with the crossing latitude interpolated, so each part is a plain line.

A path that runs through a pole (a meridian route between two nearly opposite points) has no
single longitude at the pole: it is cut there too, each part ending at the pole in its own
longitude.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from geo.errors import InvalidInputError

__all__ = ["Position", "PathParts", "split_at_antimeridian", "wrap_longitude"]

Position = tuple[float, float]  # (lon, lat), the order of GeoJSON
PathParts = tuple[tuple[Position, ...], ...]  # parts of one line, each a sequence of positions

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
