"""Stored rows to API shapes: one function per public type, built from geo.features' records.

A row becomes the library's value (app/models.py), the value its record (geo.features), and the
record the schema (app/schemas.py): the API shows what the GeoJSON, the CSV and the maps show.
"""

from __future__ import annotations

from sqlmodel import Session

from app import models
from app.queries import EventRow, article_event_rows, article_mention_rows
from app.schemas import ArticlePublic, ArticleSummary, EventPublic, MentionPublic, PlacePublic
from geo.features import event_record, place_record

__all__ = ["place_public", "event_public", "article_summary", "article_public"]


def place_public(place: models.Place) -> PlacePublic:
    return PlacePublic.model_validate(place_record(place.to_geo()))


def event_public(row: EventRow) -> EventPublic:
    event, actor, place = row
    value = event.to_geo(actor, place)
    return EventPublic.model_validate(
        {
            **event_record(value),
            "id": event.id,
            "actor": {"name": actor.name, "slug": actor.slug},
            "place": place_public(place),
            "lat": value.place.lat,
            "lon": value.place.lon,
            "reviewed": event.reviewed,
            "corrected": event.corrected,
        }
    )


def article_summary(article: models.Article) -> ArticleSummary:
    return ArticleSummary.model_validate(article, from_attributes=True)


def article_public(session: Session, article: models.Article) -> ArticlePublic:
    mentions = [
        MentionPublic(**m.geo_values(), id=m.id, place=place_public(p) if p is not None else None)
        for m, p in article_mention_rows(session, article.id)
    ]
    return ArticlePublic(
        **article_summary(article).model_dump(),
        text=article.text,
        mentions=mentions,
        events=[event_public(row) for row in article_event_rows(session, article.id)],
    )
