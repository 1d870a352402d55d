"""Events out of the store as GeoJSON or CSV, streamed: for `itinerant export`, and the text of
the features that /api/events.geojson and the OGC API items stream.

A feature's text is what encoding `geo.features.event_feature` gives for the same event
(compact JSON, non-ASCII as it is), character for character, but made straight from a row of
plain columns (FEATURE_COLUMNS): no ORM object, no event, no record, no dict. What many events
share, their actor's name, their place's fields, a point, a date, an action's label, is encoded
once in the process and reused; what is an event's own, its evidence above all, is escaped by
the json module's own string encoder, and its integers are written as they are.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, Final

from sqlalchemy import String, type_coerce
from sqlmodel import Session

from app import models
from app.geojson_response import feature_collection_chunks
from app.queries import EventFilter, iter_event_columns, iter_events
from geo.actions import action_label
from geo.features import date_record, event_record
from geo.geojson import point_geometry
from geo.model import DateInterval, DatePrecision, Event, EventStatus, Precision

__all__ = [
    "CSV_COLUMNS",
    "FEATURE_COLUMNS",
    "event_feature_texts_of",
    "event_feature_texts",
    "csv_row",
    "export_geojson",
    "export_csv",
]

# What an event's feature needs, its id first (keyset paging). The days are read as stored
# (SQLite's text, PostgreSQL's dates) and made dates once for each distinct day.
FEATURE_COLUMNS: Final[tuple] = (
    models.Event.id,
    models.Event.lon,
    models.Event.lat,
    models.Actor.name,
    models.Event.status,
    type_coerce(models.Event.date_start, String),
    type_coerce(models.Event.date_end, String),
    models.Event.date_precision,
    models.Event.action,
    models.Event.evidence,
    models.Event.evidence_start,
    models.Event.evidence_end,
    models.Event.article_id,
    models.Event.confidence,
    models.Event.co_actors,
    models.Place.name,
    models.Place.gazetteer_id,
    models.Place.geonameid,
    models.Place.country,
    models.Place.admin1,
    models.Place.precision,
)

# The same encoder as geo.geojson's streams: compact, non-ASCII as it is, no NaN.
_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
_STRING: Final = json.encoder.encode_basestring  # what that encoder escapes strings with
_NAME_SEPARATOR: Final = "|"  # of the stored co_actors (app.models)
_DATE_PRECISIONS: Final = {precision.value: precision for precision in DatePrecision}


def _day(stored: Any) -> date | None:
    if stored is None or isinstance(stored, date):
        return stored
    return date.fromisoformat(stored)


def _value(value: Any) -> str:
    """A JSON value as the encoder writes it."""
    if value is None:
        return "null"
    if value.__class__ is str:
        return _STRING(value)
    return _ENCODER.encode(value)


def _members(record: dict[str, Any]) -> str:
    """`,"name":value,...`: the members of a record as they stand inside an encoded object."""
    return "".join(f",{_STRING(name)}:{_value(value)}" for name, value in record.items())


class _Texts(dict):
    """Texts kept by what they are made from, up to `most` before starting afresh."""

    def __init__(self, most: int = 50_000) -> None:
        super().__init__()
        self.most = most

    def keep(self, key: Any, text: str) -> str:
        if len(self) >= self.most:
            self.clear()
        self[key] = text
        return text


# The texts of values, shared by every stream of the process: each depends on its key alone
# (a point on its coordinates, a place's members on its columns...), so none goes stale.
_POINTS: Final = _Texts()
_ACTORS: Final = _Texts()
_PLACES: Final = _Texts()
_STATUSES: Final = _Texts()
_DATES: Final = _Texts()
_ACTIONS: Final = _Texts()
_CO_ACTORS: Final = _Texts()
_CONFIDENCES: Final = _Texts()


# 0.0 and -0.0 are one key but two texts ("0.0", "-0.0"): the texts of zeros are not kept.


def _point(key: tuple) -> str:
    text = _ENCODER.encode(point_geometry(*key))
    lon, lat = key
    return _POINTS.keep(key, text) if lon and lat else text


def _place(key: tuple) -> str:
    name, gazetteer_id, geonameid, country, admin1, precision = key
    record = {
        "place": name,
        "gazetteer_id": gazetteer_id,
        "place_id": gazetteer_id,  # deprecated alias of gazetteer_id (geo.features)
        "geonameid": geonameid,
        "country": country,
        "admin1": admin1,
        "place_precision": Precision(precision).value,
    }
    return _PLACES.keep(key, _members(record))


def _status(status: str) -> str:
    return _STATUSES.keep(status, _members({"status": EventStatus(status).value}))


def _date(key: tuple) -> str:
    start, end, precision = key
    record = date_record(DateInterval(_day(start), _day(end), _DATE_PRECISIONS[precision]))
    return _DATES.keep(key, _members(record))


def _action(key: tuple) -> str:
    action, status = key
    return _ACTIONS.keep(key, _members({"action": action, "action_label": action_label(action, EventStatus(status))}))


def _co_actor_list(stored: str | None) -> str:
    names = [name for name in (stored or "").split(_NAME_SEPARATOR) if name]
    return _CO_ACTORS.keep(stored, _ENCODER.encode(names))


def _confidence(confidence: float) -> str:
    text = _ENCODER.encode(confidence)
    return _CONFIDENCES.keep(confidence, text) if confidence else text


def _actor(name: str) -> str:
    return _ACTORS.keep(name, _STRING(name))


def event_feature_texts_of(rows: Iterable[tuple]) -> Iterator[str]:
    """The text of the feature of each row of FEATURE_COLUMNS, in order.

    The integer columns (ids and offsets, never null) are written as integers; every other
    value goes through the encoder, once for each distinct value in the process."""
    actors, places, points, statuses, dates = _ACTORS, _PLACES, _POINTS, _STATUSES, _DATES
    actions, co_actor_lists, confidences = _ACTIONS, _CO_ACTORS, _CONFIDENCES
    string = _STRING
    for (
        event_id,
        lon,
        lat,
        actor,
        status,
        start,
        end,
        precision,
        action,
        evidence,
        evidence_start,
        evidence_end,
        article_id,
        confidence,
        co_actors,
        *place_columns,
    ) in rows:
        place_key = tuple(place_columns)
        who = actors.get(actor) or _actor(actor)
        place = places.get(place_key) or _place(place_key)
        point = points.get((lon, lat)) or _point((lon, lat))
        how = statuses.get(status) or _status(status)
        when = dates.get((start, end, precision)) or _date((start, end, precision))
        what = actions.get((action, status)) or _action((action, status))
        with_whom = co_actor_lists.get(co_actors) or _co_actor_list(co_actors)
        sure = confidences.get(confidence) or _confidence(confidence)
        yield (
            f'{{"type":"Feature","geometry":{point},"properties":{{"kind":"event","actor":{who}{place}'
            f'{how}{when}{what},"evidence":{string(evidence)},"evidence_start":{evidence_start:d},'
            f'"evidence_end":{evidence_end:d},"article_id":{article_id:d},"event_id":{event_id:d},'
            f'"confidence":{sure},"co_actors":{with_whom}}},"id":{event_id:d}}}'
        )


def event_feature_texts(
    session: Session, event_filter: EventFilter, *, offset: int = 0, limit: int | None = None
) -> Iterator[str]:
    """The text of each matching event's GeoJSON feature, in id order (as `iter_events`)."""
    return event_feature_texts_of(
        iter_event_columns(session, event_filter, FEATURE_COLUMNS, offset=offset, limit=limit)
    )


# Fields of geo.features' event record, with the point; a missing value is an empty cell.
CSV_COLUMNS = (
    "event_id",
    "actor",
    "action",
    "status",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "place",
    "geonameid",
    "country",
    "lat",
    "lon",
    "confidence",
    "article_id",
    "evidence",
)


def csv_row(event: Event) -> tuple:
    """One event as the CSV's cells."""
    record = {**event_record(event), "lat": event.place.lat, "lon": event.place.lon}
    record["confidence"] = round(event.confidence, 3)
    return tuple("" if record[column] is None else record[column] for column in CSV_COLUMNS)


def export_geojson(session: Session, event_filter: EventFilter) -> Iterator[str]:
    return feature_collection_chunks(event_feature_texts(session, event_filter))


def export_csv(session: Session, event_filter: EventFilter) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in iter_events(session, event_filter):
        writer.writerow(csv_row(event))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
