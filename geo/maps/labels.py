"""Labels for the offline basemap: country names and major cities, each shown from a zoom level on.

Country labels sit at the pole of inaccessibility of each country's largest outline (so that
Chile's or Norway's lies inside them) and appear earlier the larger that outline is. City
labels are the gazetteer's capitals and cities of at least `CITY_MIN_POPULATION` people; the
largest appear first. Capitals are the countryinfo package's, placed where the gazetteer puts
them (their GeoNames point), so every city label comes from the gazetteer.

The document is compact rather than GeoJSON, since a browser fetches it whenever a map falls
back to the offline basemap:

    {"countries": [[name, lat, lon, minzoom], ...],
     "cities": [[name, lat, lon, minzoom, capital (0/1)], ...],
     "attribution": "City labels: GeoNames (CC BY 4.0)" or ""}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Final, Protocol, runtime_checkable

from countryinfo import all_countries
from shapely.geometry import shape
from shapely.ops import polylabel

from geo.gazetteer.base import Gazetteer
from geo.gazetteer.names import normalize_name
from geo.maps.basemap import country_outlines
from geo.model import Place

__all__ = [
    "CITY_MIN_POPULATION",
    "CITY_LABELS_CREDIT",
    "PopulousPlaces",
    "country_labels",
    "city_labels",
    "capital_names",
    "major_cities",
    "basemap_labels",
]

CITY_MIN_POPULATION: Final = 1_000_000
CITY_LABELS_CREDIT: Final = (
    'City labels: <a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> (CC BY 4.0)'
)
_DECIMALS: Final = 2  # about 1 km, finer than a label needs
# (largest outline's area in square degrees, zoom from which its name shows), largest first:
# about 25 countries at the world view, 100 at a continent's, all from zoom 5.
_COUNTRY_TIERS: Final = ((100.0, 2), (20.0, 3), (3.0, 4))
_SMALL_COUNTRY_ZOOM: Final = 5
_CITY_ZOOM_TIERS: Final = ((10_000_000, 4), (3_000_000, 5))
_CAPITAL_ZOOM: Final = 5
_CITY_ZOOM: Final = 6


@runtime_checkable
class PopulousPlaces(Protocol):
    """A gazetteer that can list its most populous places (the SQLite index can; a lookup-only one may not)."""

    def populous_places(self, min_population: int, *, kinds: tuple[str, ...] = ("city",)) -> list[Place]: ...


def _zoom_of_area(area: float) -> int:
    return next((zoom for least, zoom in _COUNTRY_TIERS if area >= least), _SMALL_COUNTRY_ZOOM)


@lru_cache(maxsize=1)
def country_labels() -> tuple[tuple[str, float, float, int], ...]:
    """(name, lat, lon, minzoom) of every country of the offline outlines, largest first."""
    labels = []
    for feature in country_outlines()["features"]:
        geometry = shape(feature["geometry"])
        parts = list(getattr(geometry, "geoms", [geometry]))
        largest = max(parts, key=lambda part: part.area)
        point = polylabel(largest, tolerance=0.1)
        labels.append(
            (
                largest.area,
                feature["properties"]["name"],
                round(point.y, _DECIMALS),
                round(point.x, _DECIMALS),
            )
        )
    labels.sort(key=lambda label: (-label[0], label[1]))
    return tuple((name, lat, lon, _zoom_of_area(area)) for area, name, lat, lon in labels)


@lru_cache(maxsize=1)
def capital_names() -> Mapping[str, str]:
    """Each country's capital by ISO 3166-1 alpha-2 code, as countryinfo names it."""
    capitals = {}
    for country in all_countries():
        code = (country.iso() or {}).get("alpha2")
        capital = country.capital()
        if code and isinstance(capital, str) and capital.strip():
            capitals[code.upper()] = capital.strip()
    return capitals


def _city_zoom(place: Place, capital: bool) -> int:
    zoom = next((zoom for least, zoom in _CITY_ZOOM_TIERS if place.population >= least), _CITY_ZOOM)
    if capital:
        zoom = min(zoom, _CAPITAL_ZOOM if place.population < 3_000_000 else 4)
    return zoom


def city_labels(
    cities: Iterable[Place], capitals: Iterable[Place] = ()
) -> tuple[tuple[str, float, float, int, int], ...]:
    """(name, lat, lon, minzoom, capital) of each city once, capitals and the most populous first."""
    capital_ids = {place.gazetteer_id for place in capitals}
    chosen: dict[str, tuple[Place, bool]] = {}
    for place in [*capitals, *cities]:
        if place.gazetteer_id not in chosen:
            chosen[place.gazetteer_id] = (place, place.gazetteer_id in capital_ids)
    ordered = sorted(chosen.values(), key=lambda item: (not item[1], -item[0].population, item[0].name))
    return tuple(
        (
            place.name,
            round(place.lat, _DECIMALS),
            round(place.lon, _DECIMALS),
            _city_zoom(place, capital),
            int(capital),
        )
        for place, capital in ordered
    )


def major_cities(gazetteer: Gazetteer, min_population: int = CITY_MIN_POPULATION) -> tuple[list[Place], list[Place]]:
    """(cities of at least `min_population`, capitals) from the gazetteer; no cities if it cannot list them.

    A capital is the gazetteer's likeliest city of that name in that country (countryinfo's
    capitals are names only); one the gazetteer does not know is left out.
    """
    cities = gazetteer.populous_places(min_population) if isinstance(gazetteer, PopulousPlaces) else []
    by_name = {(place.country, normalize_name(place.name)): place for place in reversed(cities)}
    capitals = []
    for code, name in sorted(capital_names().items()):
        place = by_name.get((code, normalize_name(name)))
        if place is None:
            candidates = gazetteer.lookup(name, country_codes=[code], limit=5)
            place = next((c.place for c in candidates if c.place.kind == "city"), None)
        if place is not None:
            capitals.append(place)
    return cities, capitals


def basemap_labels(cities: Iterable[Place] = (), capitals: Iterable[Place] = ()) -> dict[str, Any]:
    """The labels document of the offline basemap (see the module's docstring)."""
    city_rows = city_labels(cities, capitals)
    return {
        "countries": [list(label) for label in country_labels()],
        "cities": [list(label) for label in city_rows],
        "attribution": CITY_LABELS_CREDIT if city_rows else "",
    }
