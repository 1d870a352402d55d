"""The `bbox` query parameter of OGC API - Features, in CRS84.

Four numbers `west,south,east,north`, or six `west,south,minimum height,east,north,maximum
height` whose heights are read and ignored (events lie on the ground). West greater than east
means the box crosses the antimeridian, as the standard says.
"""

from __future__ import annotations

import math

from app.queries import parse_bbox
from geo.errors import InvalidInputError
from geo.geojson import Bbox

__all__ = ["parse_bbox_parameter"]

_FORMS = "four numbers west,south,east,north (or six with heights: west,south,low,east,north,high)"


def parse_bbox_parameter(raw: str | None) -> Bbox | None:
    """The 2D box a `bbox` parameter names; None when it is absent."""
    if raw is None:
        return None
    parts = raw.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise InvalidInputError(f"bbox must be {_FORMS}, not {raw!r}", field="bbox") from None
    if len(numbers) not in (4, 6) or not all(math.isfinite(n) for n in numbers):
        raise InvalidInputError(f"bbox must be {_FORMS}, not {raw!r}", field="bbox")
    if len(numbers) == 6:
        west, south, low, east, north, high = numbers
        if low > high:
            raise InvalidInputError(f"bbox: the minimum height {low} is above the maximum {high}", field="bbox")
    else:
        west, south, east, north = numbers
    # The stored filter's own checks (ranges, south <= north) apply as they do to /api/events.
    return parse_bbox(",".join(repr(n) for n in (west, south, east, north)))
