"""Small US towns from the zipcodes package: the post-office names of every ZIP code.

Local US news names towns of a few hundred people ("Meadow Grove", "Tennessee Colony",
"Harwinton") that cities500 leaves out, and each of them has a post office. zipcodes ships
every ZIP code with its city, state and point (GeoNames' postal-code points, CC-BY 4.0).

A town is every ZIP code that delivers under the same city name in the same state; its point
is the median of their points, so a town with a dozen ZIP codes is not pulled to one edge.
UNIQUE codes (one company or agency) and MILITARY ones (overseas bases) name no town and are
left out. The records are supplementary: where cities500 already has a place of the same
name in the same state close by, the builder keeps GeoNames' place and drops this one.
Towns carry no population, so the prior ranks them below every populated place of cities500.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from statistics import median

from geo.folding import slugify
from geo.gazetteer.base import NameType
from geo.gazetteer.sources.records import NameRecord, PlaceRecord
from geo.model import Precision

__all__ = ["read_us_postal_places", "town_records"]

_TOWN_ZIP_TYPES = frozenset({"STANDARD", "PO BOX"})
# Territories with a USPS state code are countries of their own in GeoNames.
_TERRITORIES = frozenset({"PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW"})


def _point(row: dict) -> tuple[float, float] | None:
    try:
        lat, lon = float(row["lat"]), float(row["long"])
    except (KeyError, TypeError, ValueError):
        return None
    return (lat, lon) if -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0 else None


def town_records(zip_rows: list[dict]) -> Iterator[PlaceRecord]:
    """Group zipcodes' rows into one record per (state, city)."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in zip_rows:
        if row.get("zip_code_type") not in _TOWN_ZIP_TYPES or not row.get("active", True):
            continue
        state, city, point = (row.get("state") or "").upper(), (row.get("city") or "").strip(), _point(row)
        if len(state) == 2 and city and point is not None:
            points[(state, city)].append(point)
    for (state, city), where in sorted(points.items()):
        territory = state in _TERRITORIES
        yield PlaceRecord(
            gazetteer_id=f"uspostal:{state.lower()}:{slugify(city)}",
            name=city,
            lat=round(median(lat for lat, _ in where), 5),
            lon=round(median(lon for _, lon in where), 5),
            kind="city",
            precision=Precision.CITY,
            country=state if territory else "US",
            admin1_code=None if territory else state,
            names=(NameRecord(city, NameType.OFFICIAL),),
            supplementary=True,
        )


def read_us_postal_places() -> Iterator[PlaceRecord]:
    """Every US town with a post office (about 29,000 before the builder drops the known ones)."""
    import zipcodes  # imported here: loading its table takes a few hundred milliseconds

    return town_records(zipcodes.list_all())
