"""Events out of the store as GeoJSON or CSV, streamed, for `itinerant export`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sqlmodel import Session

from app.queries import EventFilter, iter_event_rows, to_geo_event
from geo.geojson import event_feature, iter_feature_collection

__all__ = ["CSV_COLUMNS", "export_geojson", "export_csv"]

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


def export_geojson(session: Session, event_filter: EventFilter) -> Iterator[str]:
    features = (event_feature(to_geo_event(*row)) for row in iter_event_rows(session, event_filter))
    return iter_feature_collection(features)


def export_csv(session: Session, event_filter: EventFilter) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in iter_event_rows(session, event_filter):
        event = to_geo_event(*row)
        writer.writerow(
            (
                event.event_id,
                event.actor,
                event.action,
                event.status.value,
                event.date.iso() or "",
                event.date.start or "",
                event.date.end or "",
                event.date.precision.value,
                event.place.name,
                event.place.geonameid or "",
                event.place.country or "",
                event.place.lat,
                event.place.lon,
                round(event.confidence, 3),
                event.article_id,
                event.evidence,
            )
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
