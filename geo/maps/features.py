"""An itinerary as the GeoJSON a map draws: lighter than the API's, same shapes and meaning.

Stops keep what a popup shows. Legs keep the geodesic paths of geo.itinerary (already cut at
the antimeridian) but drop the points a screen cannot show: each part is simplified with
shapely to `DISPLAY_TOLERANCE_DEG`, which keeps a long great circle visibly curved in a tenth
of the points, and positions are rounded to 5 decimals (about 1 m).

The collection also carries its trips (number and label, for the legend and popups) and, for
each country a stop is known only at country level, that country's outline from the bundled
basemap (`areas`, by ISO code), so that the map shows the country rather than its centre point.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

import numpy as np
import shapely
from countryinfo import all_countries

from geo.features import leg_record, stop_record
from geo.geojson import line_geometry
from geo.itinerary import Itinerary, Leg, Stop
from geo.maps.basemap import country_outlines
from geo.model import DateInterval, DatePrecision, Precision

__all__ = [
    "DISPLAY_TOLERANCE_DEG",
    "STOP_FIELDS",
    "LEG_FIELDS",
    "display_stop",
    "display_leg",
    "display_collection",
    "stop_bounds",
    "country_outline",
    "display_date",
    "date_span",
    "PAGE_STOP_FIELDS",
    "PAGE_LEG_FIELDS",
    "page_collection",
    "expand_page_collection",
    "encode_polyline",
    "encode_polylines",
    "decode_polyline",
]

DISPLAY_TOLERANCE_DEG: Final = 0.02  # ~2 km: invisible below zoom 10, where legs are short anyway
_DECIMALS: Final = 5

# The fields of geo.features' stop and leg records a map shows (the API's features carry more); the actor is said
# once per collection and a leg's places are its stops', so a page of 1,000 stops stays small.
STOP_FIELDS: Final = (
    "kind",
    "number",
    "place",
    "country",
    "status",
    "date",
    "action",
    "action_label",
    "evidence",
    "article_id",
    "trip",
    "place_precision",
    "shown_as",
    "confidence",
    "confidence_cue",
)
_MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def display_date(interval: DateInterval) -> str | None:
    """A date as a reader says it, as precisely as known: "12 Sep 2023", "Apr 2019", "2019"."""
    start = interval.start
    if start is None:
        return None
    if interval.precision is DatePrecision.YEAR:
        return str(start.year)
    if interval.precision is DatePrecision.MONTH:
        return f"{_MONTHS[start.month - 1]} {start.year}"
    return f"{start.day} {_MONTHS[start.month - 1]} {start.year}"


def date_span(itineraries: list[Itinerary]) -> str | None:
    """The dates the itineraries' stops span, as a reader says them ("Apr 2019 – 15 Sep 2023"),
    or None when no stop has a date."""
    dated = [stop.date for itinerary in itineraries for stop in itinerary.stops if stop.date.start is not None]
    if not dated:
        return None
    first = display_date(min(dated, key=lambda interval: interval.start))
    last = display_date(max(dated, key=lambda interval: interval.end or interval.start))
    return first if first == last else f"{first} \u2013 {last}"


@cache
def _outlines_by_country() -> dict[str, dict[str, Any]]:
    # The outlines are keyed by ISO alpha-3 (countryinfo's GeoJSON ids), places by alpha-2.
    alpha2_of = {codes["alpha3"]: codes["alpha2"] for country in all_countries() if (codes := country.iso())}
    return {
        alpha2_of[iso]: feature["geometry"]
        for feature in country_outlines()["features"]
        if (iso := feature["properties"].get("iso")) in alpha2_of
    }


def country_outline(code: str) -> dict[str, Any] | None:
    """The bundled outline (GeoJSON geometry) of the country with ISO alpha-2 `code`, if there is one."""
    return _outlines_by_country().get(code.upper())


LEG_FIELDS: Final = ("kind", "number", "from", "to", "status", "distance_km", "trip")


def display_stop(stop: Stop, actor: str) -> dict[str, Any]:
    record = stop_record(stop, actor)
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [round(stop.place.lon, _DECIMALS), round(stop.place.lat, _DECIMALS)],
        },
        "properties": {
            **{key: record[key] for key in STOP_FIELDS},
            "when": display_date(stop.date),
            # The first event's id: its details (the evidence) can be fetched when not in the page.
            "event_id": record["event_ids"][0] if record["event_ids"] else None,
        },
    }


def _simplified(parts: list[tuple[tuple[float, float], ...]]) -> list[list[list[float]]]:
    """Each line simplified and rounded: all in one call to shapely's vectorised functions, which
    a thousand legs would otherwise spend a tenth of a second crossing into one by one."""
    if not parts:
        return []
    coordinates = np.array([point for part in parts for point in part], dtype=float)
    lines = shapely.linestrings(coordinates, indices=np.repeat(np.arange(len(parts)), [len(p) for p in parts]))
    simple = shapely.simplify(lines, DISPLAY_TOLERANCE_DEG, preserve_topology=False)
    points, which = shapely.get_coordinates(simple, return_index=True)
    points = np.round(points, _DECIMALS)
    return [chunk.tolist() for chunk in np.split(points, np.searchsorted(which, np.arange(1, len(parts))))]


def display_leg(leg: Leg, actor: str, parts: list[list[list[float]]] | None = None) -> dict[str, Any]:
    """One leg as the map draws it; `parts` are its path's simplified parts, if known already."""
    record = leg_record(leg, actor)
    geometry = line_geometry(parts if parts is not None else _simplified(list(leg.path)))
    return {"type": "Feature", "geometry": geometry, "properties": {key: record[key] for key in LEG_FIELDS}}


def display_collection(itinerary: Itinerary) -> dict[str, Any]:
    """Stops then legs, as a FeatureCollection for ItineraryLayer, with the actor, the trips and
    the outlines of the countries of country-level stops (`areas`) as members."""
    features = [display_stop(stop, itinerary.actor) for stop in itinerary.stops]
    simplified = iter(_simplified([part for leg in itinerary.legs for part in leg.path]))
    for leg in itinerary.legs:
        parts = [next(simplified) for _ in leg.path]
        features.append(display_leg(leg, itinerary.actor, parts))
    countries = sorted(
        {
            stop.place.country
            for stop in itinerary.stops
            if stop.place.precision is Precision.COUNTRY and stop.place.country
        }
    )
    areas = {code: outline for code in countries if (outline := country_outline(code)) is not None}
    trips = [{"number": trip.number, "label": trip.label} for trip in itinerary.trips]
    return {"type": "FeatureCollection", "actor": itinerary.actor, "trips": trips, "areas": areas, "features": features}


def stop_bounds(itineraries: list[Itinerary]) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the stops (Leaflet's order), or None without stops.

    Where there are point stops, area stops are left out: a country's centre point would pull
    the view far from where the actor went, and its outline shows whatever the view leaves.
    """
    stops = [stop for itinerary in itineraries for stop in itinerary.stops]
    points = [stop for stop in stops if not stop.is_area] or stops
    lats = [stop.place.lat for stop in points]
    lons = [stop.place.lon for stop in points]
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


# A map page carries an itinerary in a packed form of the display collection (page_collection):
# the stops as rows of values under one list of field names, the legs' lines as encoded
# polylines. A GeoJSON feature repeats every key and spells every coordinate in full; a page of
# 1,000 stops would be three times the size. itinerant-map.js unpacks it into the same GeoJSON
# (expand_page_collection does the same here, for tests and other readers).
PAGE_STOP_FIELDS: Final = (
    "number",
    "place",
    "country",
    "status",
    "date",
    "when",
    "action",
    "action_label",
    "article_id",
    "event_id",
    "trip",
    "place_precision",
    "shown_as",
    "confidence",
    "confidence_cue",
)
PAGE_LEG_FIELDS: Final = ("number", "from", "to", "status", "distance_km", "trip")
_POLYLINE_SCALE: Final = 10**_DECIMALS


_GROUPS: Final = 7  # 5-bit groups enough for any delta of a longitude in 1e-5 degrees, doubled


def encode_polylines(lines: list[list[list[float]]]) -> list[str]:
    """Each line in Google's encoded polyline algorithm (five decimals) over [x, y] pairs, x
    (longitude) first: the deltas of each point from the one before, zigzagged to unsigned,
    written as 5-bit groups, low first, each but the last flagged 0x20, plus 63. Done for all the
    lines at once with numpy: a thousand legs a character at a time took a tenth of a second."""
    if not lines:
        return []
    sizes = np.array([len(line) for line in lines])
    points = np.rint(np.array([p for line in lines for p in line], dtype=float).reshape(-1, 2) * _POLYLINE_SCALE)
    points = points.astype(np.int64)
    deltas = np.diff(points, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    deltas[starts] = points[starts]  # each line starts from zero
    values = deltas.ravel()
    unsigned = (values << 1) ^ (values >> 63)
    shifts = 5 * np.arange(_GROUPS)
    groups = (unsigned[:, None] >> shifts) & 0x1F
    count = 1 + (unsigned[:, None] >= (1 << shifts[1:])).sum(axis=1)
    used = np.arange(_GROUPS) < count[:, None]
    more = np.arange(_GROUPS) < (count - 1)[:, None]
    chars = (groups | np.where(more, 0x20, 0)) + 63
    text = chars[used].astype(np.uint8).tobytes().decode("ascii")
    ends = np.cumsum(np.add.reduceat(count, 2 * starts))
    return [text[start:end] for start, end in zip(np.concatenate(([0], ends[:-1])), ends, strict=True)]


def encode_polyline(points: list[list[float]]) -> str:
    """One line as an encoded polyline (see encode_polylines)."""
    return encode_polylines([points])[0] if points else ""


def decode_polyline(text: str) -> list[list[float]]:
    """The [x, y] pairs of an encoded polyline (encode_polyline's inverse)."""
    values, value, shift = [], 0, 0
    for char in text:
        byte = ord(char) - 63
        value |= (byte & 0x1F) << shift
        shift += 5
        if byte < 0x20:
            values.append(~(value >> 1) if value & 1 else value >> 1)
            value, shift = 0, 0
    points, x, y = [], 0, 0
    for dx, dy in zip(values[::2], values[1::2], strict=True):
        x, y = x + dx, y + dy
        points.append([x / _POLYLINE_SCALE, y / _POLYLINE_SCALE])
    return points


def page_collection(collection: dict[str, Any], *, evidence: bool = True) -> dict[str, Any]:
    """The display collection packed for a page; without `evidence`, the stops leave out their
    evidence sentences (the page fetches them by `event_id` when a popup opens)."""
    stop_fields = PAGE_STOP_FIELDS + (("evidence",) if evidence else ())
    stops, legs, lines = [], [], []
    for feature in collection["features"]:
        properties, geometry = feature["properties"], feature["geometry"]
        if properties["kind"] == "stop":
            stops.append([*geometry["coordinates"], *(properties.get(key) for key in stop_fields)])
        else:
            parts = geometry["coordinates"] if geometry["type"] == "MultiLineString" else [geometry["coordinates"]]
            legs.append([*(properties[key] for key in PAGE_LEG_FIELDS), len(parts)])
            lines.extend(parts)
    encoded = iter(encode_polylines(lines))
    for leg in legs:
        leg[-1] = [next(encoded) for _ in range(leg[-1])]
    return {
        "actor": collection["actor"],
        "trips": collection["trips"],
        "areas": collection["areas"],
        "stopFields": list(stop_fields),
        "stops": stops,
        "legFields": list(PAGE_LEG_FIELDS),
        "legs": legs,
    }


def expand_page_collection(packed: dict[str, Any]) -> dict[str, Any]:
    """A packed page collection as the GeoJSON FeatureCollection it stands for."""
    features = []
    for row in packed["stops"]:
        properties = {"kind": "stop", **dict(zip(packed["stopFields"], row[2:], strict=True))}
        point = {"type": "Point", "coordinates": row[:2]}
        features.append({"type": "Feature", "geometry": point, "properties": properties})
    for row in packed["legs"]:
        *values, encoded = row
        properties = {"kind": "leg", **dict(zip(packed["legFields"], values, strict=True))}
        parts = [decode_polyline(part) for part in encoded]
        geometry = (
            {"type": "LineString", "coordinates": parts[0]}
            if len(parts) == 1
            else {"type": "MultiLineString", "coordinates": parts}
        )
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    rest = {key: packed[key] for key in ("actor", "trips", "areas")}
    return {"type": "FeatureCollection", **rest, "features": features}
