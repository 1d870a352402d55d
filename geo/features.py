"""itinerant's public form of its domain objects, and their GeoJSON features.

One record a kind of object, a flat mapping of names to JSON values:

    place_record(place)       the place itself: gazetteer_id, name, lat, lon, kind, precision...
    event_record(event)       an event, its place flattened in (`place`, `gazetteer_id`, ...)
    stop_record(stop, actor)  a stop in travel order, its place flattened in the same way
    leg_record(leg, actor)    a leg between two stops, with its distance
    trip_record(trip)         a trip: its number, label, dates and stops

Every output derives from these and from nothing else: the API's schemas validate them
(app/schemas.py), the CSV export picks its columns from an event's, the GeoJSON features below
carry them as properties, and the maps (geo.maps.features) keep a few of their fields.

The gazetteer's key ("geonames:2021851") is `gazetteer_id` everywhere. Stops and GeoJSON
properties called it `place_id` before; that name is kept beside it, with the same value, for
one release (`DEPRECATED_ALIASES`), and is then to go.
"""

from __future__ import annotations

from typing import Any, Final

from geo.actions import action_label
from geo.geojson import bbox_of_geometries, feature_collection, geometry_of, line_geometry, point_geometry
from geo.itinerary import Itinerary, Leg, Stop, Trip
from geo.model import DateInterval, Event, Place

__all__ = [
    "DISTANCE_DECIMALS",
    "DEPRECATED_ALIASES",
    "km",
    "confidence_cue",
    "place_record",
    "date_record",
    "event_record",
    "stop_record",
    "leg_record",
    "trip_record",
    "event_feature",
    "EventFeatures",
    "stop_feature",
    "leg_feature",
    "itinerary_feature_collection",
]

DISTANCE_DECIMALS: Final = 3  # kilometres to the metre

# Former names of record fields -> their names now; the former ones are still written, for one release.
DEPRECATED_ALIASES: Final = {"place_id": "gazetteer_id"}


def km(distance_km: float) -> float:
    """A distance as published: kilometres to the metre."""
    return round(distance_km, DISTANCE_DECIMALS)


# Confidence (a calibrated probability) as a word a reader takes in at a glance: at 0.75 three
# stops in four of that confidence are real, below 0.5 most are not.
_CONFIDENCE_CUES: Final = ((0.75, "high"), (0.5, "medium"), (0.0, "low"))


def confidence_cue(confidence: float) -> str:
    """ "high", "medium" or "low": how far to trust an event or a stop of this confidence."""
    return next(cue for floor, cue in _CONFIDENCE_CUES if confidence >= floor)


def place_record(place: Place) -> dict[str, Any]:
    """A place on its own, as the API shows it."""
    return {
        "gazetteer_id": place.gazetteer_id,
        "geonameid": place.geonameid,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "kind": place.kind,
        "country": place.country,
        "admin1": place.admin1,
        "precision": place.precision.value,
    }


def _where(place: Place) -> dict[str, Any]:
    """A place as the fields of what happened there (its point is the feature's geometry)."""
    return {
        "place": place.name,
        "gazetteer_id": place.gazetteer_id,
        "place_id": place.gazetteer_id,  # deprecated alias of gazetteer_id
        "geonameid": place.geonameid,
        "country": place.country,
        "admin1": place.admin1,
        "place_precision": place.precision.value,
    }


def date_record(interval: DateInterval) -> dict[str, Any]:
    """`date` as precisely as known ("2023-09", "2023-09-15"); `date_start` and `date_end` the days
    it spans, an end left open when the interval has none ("after 15 September")."""
    return {
        "date": interval.iso(),
        "date_start": interval.start.isoformat() if interval.start is not None else None,
        "date_end": interval.end.isoformat() if interval.end is not None else None,
        "date_precision": interval.precision.value,
    }


def event_record(
    event: Event, *, where: dict[str, Any] | None = None, when: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One event, with its place, date, evidence and where it is stored. `where` and `when`, when
    given, are the fields of its place and of its date, made before (EventFeatures)."""
    return {
        "kind": "event",
        "actor": event.actor,
        **(_where(event.place) if where is None else where),
        "status": event.status.value,
        **(date_record(event.date) if when is None else when),
        "action": event.action,
        "action_label": action_label(event.action, event.status),
        "evidence": event.evidence,
        "evidence_start": event.evidence_start,
        "evidence_end": event.evidence_end,
        "article_id": event.article_id,
        "event_id": event.event_id,
        "confidence": event.confidence,
        "co_actors": list(event.co_actors),
    }


def stop_record(
    stop: Stop, actor: str, *, where: dict[str, Any] | None = None, when: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One stop. `date` is when the stay began, as precisely as known; `date_start` and
    `date_end` are the days its events span. `trip` is the number of its trip (null when its
    date is unknown); `shown_as` is "point" for a city or a site, "area" for a country or a
    region, which no leg reaches; `action_label` says what `action` (the verb) amounts to;
    `confidence` is the best of its events'. `where` and `when`, when given, are the fields of
    its place and of its date, made before (as event_record's)."""
    # The stop's properties read once each (an itinerary's GeoJSON makes a hundred of these).
    events = stop.events
    first = events[0]
    confidence = stop.confidence
    return {
        "kind": "stop",
        "number": stop.number,
        "actor": actor,
        **(_where(stop.place) if where is None else where),
        "status": stop.status.value,
        **(date_record(stop.date) if when is None else when),
        "action": first.action,
        "action_label": action_label(first.action, stop.status),
        "evidence": first.evidence,
        "evidence_start": first.evidence_start,
        "evidence_end": first.evidence_end,
        "article_id": first.article_id,
        "event_ids": [event.event_id for event in events if event.event_id is not None],
        "trip": stop.trip,
        "shown_as": "area" if stop.is_area else "point",
        "confidence": confidence,
        "confidence_cue": confidence_cue(confidence),
    }


def leg_record(leg: Leg, actor: str) -> dict[str, Any]:
    """One leg: the numbers and places of the stops it joins, its status and its length."""
    return {
        "kind": "leg",
        "number": leg.number,
        "actor": actor,
        "from": leg.origin.number,
        "to": leg.destination.number,
        "from_place": leg.origin.place.name,
        "to_place": leg.destination.place.name,
        "status": leg.status.value,
        "distance_km": km(leg.distance_km),
        "trip": leg.origin.trip,
    }


def trip_record(trip: Trip, *, when: dict[str, Any] | None = None) -> dict[str, Any]:
    """One trip: its number and label ("Sep 2023: Russia, 3 stops"), dates, stops (by number),
    the finest precision of its places (`precision`: "country" when it is known only at country
    level, `known_only_as_area`) and the kilometres of its legs that occurred. `when`, when
    given, is the fields of its date, made before."""
    return {
        "kind": "trip",
        "number": trip.number,
        "label": trip.label,
        "region": trip.region,
        **(date_record(trip.date) if when is None else when),
        "stops": [stop.number for stop in trip.stops],
        "precision": trip.precision.value,
        "known_only_as_area": trip.known_only_as_area,
        "total_km": km(trip.total_km),
    }


def event_feature(event: Event) -> dict[str, Any]:
    """A Point feature of one event: what `feature(event.place, event_record(event), id=event.event_id)`
    makes, built directly, as a large GeoJSON response builds thousands of them."""
    place = event.place
    result = {"type": "Feature", "geometry": point_geometry(place.lon, place.lat), "properties": event_record(event)}
    if event.event_id is not None:
        result["id"] = event.event_id
    return result


class EventFeatures:
    """`event_feature` for a stream of many events, at less cost: the fields of a place and of a
    date, and a place's Point, are made once for all the events that share that place or date
    (the same objects, as a query's events do: app.models.EventColumnsReader). The features
    share their Points, then: they are for encoding, not for changing."""

    _MOST_KEPT = 50_000  # parts kept before starting afresh: memory stays flat over any stream

    def __init__(self) -> None:
        # By identity, each with the object itself, which keeps its id from being reused.
        self._places: dict[int, tuple[Place, dict[str, Any], dict[str, Any]]] = {}
        self._dates: dict[int, tuple[DateInterval, dict[str, Any]]] = {}

    def __call__(self, event: Event) -> dict[str, Any]:
        place, interval = event.place, event.date
        known_place = self._places.get(id(place))
        if known_place is None or known_place[0] is not place:
            if len(self._places) >= self._MOST_KEPT:
                self._places.clear()
            known_place = (place, _where(place), point_geometry(place.lon, place.lat))
            self._places[id(place)] = known_place
        known_date = self._dates.get(id(interval))
        if known_date is None or known_date[0] is not interval:
            if len(self._dates) >= self._MOST_KEPT:
                self._dates.clear()
            known_date = self._dates[id(interval)] = (interval, date_record(interval))
        result = {
            "type": "Feature",
            "geometry": known_place[2],
            "properties": event_record(event, where=known_place[1], when=known_date[1]),
        }
        if event.event_id is not None:
            result["id"] = event.event_id
        return result


def stop_feature(stop: Stop, actor: str, *, parts: _SharedParts | None = None) -> dict[str, Any]:
    """A Point feature of one stop: what `feature(stop, stop_record(stop, actor), id=...)` makes,
    built directly (its geometry is its place's point, its id a string). `parts`: the fields of
    places and dates made for the other features of one collection."""
    place = stop.place
    if parts is None:
        geometry, properties = point_geometry(place.lon, place.lat), stop_record(stop, actor)
    else:
        geometry = parts.point(place)
        properties = stop_record(stop, actor, where=parts.where(place), when=parts.when(stop.date))
    return {"type": "Feature", "geometry": geometry, "properties": properties, "id": f"stop-{stop.number}"}


def leg_feature(leg: Leg, actor: str) -> dict[str, Any]:
    """A LineString (MultiLineString where cut at the antimeridian) feature of one leg: what
    `feature(leg, leg_record(leg, actor), id=...)` makes, its geometry checked and rounded once
    a path (_LEG_GEOMETRIES)."""
    return {
        "type": "Feature",
        "geometry": _LEG_GEOMETRIES(leg.path),
        "properties": leg_record(leg, actor),
        "id": f"leg-{leg.number}",
    }


class _LegGeometries:
    """geometry_of(leg) for a leg's path, its positions checked and rounded once a path object.

    geo.geodesy keeps the paths it makes, so a leg made again (the same two places, in this
    itinerary or the next, or after a write to the data) brings the same path object: its
    geometry is kept by the object's identity (the entry holds the object, whose id no other can
    take meanwhile). Each caller gets lists of its own, copied, not the kept ones."""

    _MOST_KEPT = 2048  # as many as geo.geodesy keeps paths, about; then started afresh

    def __init__(self) -> None:
        self._kept: dict[int, tuple[Any, dict[str, Any]]] = {}

    def __call__(self, path: Any) -> dict[str, Any]:
        kept = self._kept.get(id(path))
        if kept is None or kept[0] is not path:
            if len(self._kept) >= self._MOST_KEPT:
                self._kept.clear()
            kept = self._kept[id(path)] = (path, geometry_of(line_geometry(path)))
        geometry = kept[1]
        if geometry["type"] == "LineString":
            return {"type": "LineString", "coordinates": [list(position) for position in geometry["coordinates"]]}
        parts = [[list(position) for position in part] for part in geometry["coordinates"]]
        return {"type": geometry["type"], "coordinates": parts}


_LEG_GEOMETRIES: Final = _LegGeometries()


class _SharedParts:
    """The fields of each place and of each date interval, made once for one collection: an
    itinerary's stops share few places, and a stop of one event, that event and a trip of that
    one stop share one interval object (geo.itinerary.span_of). Keyed by identity: the
    itinerary holds every object for as long as the collection is made. The records copy the
    fields into their own dicts (`**`), and each Point gets its own dict and list, so nothing
    the caller gets is shared."""

    def __init__(self) -> None:
        self._places: dict[int, dict[str, Any]] = {}
        self._dates: dict[int, dict[str, Any]] = {}
        self._points: dict[int, list[float]] = {}

    def point(self, place: Place) -> dict[str, Any]:
        """point_geometry(place.lon, place.lat), its position checked and rounded once a place."""
        position = self._points.get(id(place))
        if position is None:
            position = self._points[id(place)] = point_geometry(place.lon, place.lat)["coordinates"]
        return {"type": "Point", "coordinates": list(position)}

    def where(self, place: Place) -> dict[str, Any]:
        fields = self._places.get(id(place))
        if fields is None:
            fields = self._places[id(place)] = _where(place)
        return fields

    def when(self, interval: DateInterval) -> dict[str, Any]:
        fields = self._dates.get(id(interval))
        if fields is None:
            fields = self._dates[id(interval)] = date_record(interval)
        return fields


def itinerary_feature_collection(itinerary: Itinerary) -> dict[str, Any]:
    """The itinerary as one FeatureCollection: stop Points in travel order, then legs.

    Foreign members: `actor`, `total_km` (legs that occurred) and `planned_km` (legs to come),
    and `trips` (trip_record each; a stop's and a leg's `trip` is the number of one).
    """
    parts = _SharedParts()
    features = [stop_feature(stop, itinerary.actor, parts=parts) for stop in itinerary.stops]
    features.extend(leg_feature(leg, itinerary.actor) for leg in itinerary.legs)
    # itinerary.bbox, from the geometries just made rather than made again.
    return feature_collection(
        features,
        bbox=bbox_of_geometries(feature["geometry"] for feature in features),
        actor=itinerary.actor,
        total_km=km(itinerary.total_km),
        planned_km=km(itinerary.planned_km),
        trips=[trip_record(trip, when=parts.when(trip.date)) for trip in itinerary.trips],
    )
