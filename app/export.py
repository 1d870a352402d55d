"""Events out of the store as GeoJSON or CSV, streamed, for `itinerant export`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sqlmodel import Session

from app.queries import EventFilter, iter_events
from geo.features import EventFeatures, event_record
from geo.geojson import iter_feature_collection
from geo.model import Event

__all__ = ["CSV_COLUMNS", "csv_row", "export_geojson", "export_csv"]

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
    return iter_feature_collection(map(EventFeatures(), iter_events(session, event_filter)))


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
