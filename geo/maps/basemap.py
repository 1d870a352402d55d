"""An offline basemap: country outlines bundled with the service, for maps with no tile server.

The outlines come from the countryinfo package (one GeoJSON shape per country), simplified
with shapely to a tolerance that still reads well at world and continent zoom, and rounded to
two decimals (about 1 km). The result is built once per process.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Final

import shapely
from countryinfo import all_countries
from shapely.geometry import mapping, shape

__all__ = ["OUTLINE_TOLERANCE_DEG", "country_outlines"]

# Degrees: 0.05 is ~5 km, below what a screen shows at the zoom levels of a whole trip.
OUTLINE_TOLERANCE_DEG: Final = 0.05
_DECIMALS: Final = 2


def _rounded(coordinates: Any) -> Any:
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], _DECIMALS), round(coordinates[1], _DECIMALS)]
    return [_rounded(item) for item in coordinates]


@lru_cache(maxsize=1)
def country_outlines() -> dict[str, Any]:
    """Every country's outline as one GeoJSON FeatureCollection (properties: name, iso)."""
    features = []
    for country in all_countries():
        collection = country.geo_json() or {}
        for raw in collection.get("features", ()):
            geometry = raw.get("geometry")
            if not geometry:
                continue
            simplified = shapely.simplify(shape(geometry), OUTLINE_TOLERANCE_DEG, preserve_topology=True)
            if simplified.is_empty:
                continue
            outline = mapping(simplified)
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": country.name(), "iso": raw.get("id")},
                    "geometry": {"type": outline["type"], "coordinates": _rounded(outline["coordinates"])},
                }
            )
    features.sort(key=lambda feature: feature["properties"]["name"])
    return {"type": "FeatureCollection", "features": features}
