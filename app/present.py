"""Stored rows to API shapes: one function per public type, no query logic beyond joins."""

from __future__ import annotations

from sqlmodel import Session, select

from app import models
from app.schemas import ActorRef, ArticlePublic, ArticleSummary, EventPublic, MentionPublic, PlacePublic
from geo.model import DateInterval, DatePrecision

__all__ = ["place_public", "event_public", "article_summary", "article_public"]


def place_public(place: models.Place) -> PlacePublic:
    return PlacePublic.model_validate(place, from_attributes=True)


def event_public(event: models.Event, actor: models.Actor, place: models.Place) -> EventPublic:
    interval = DateInterval(event.date_start, event.date_end, DatePrecision(event.date_precision))
    return EventPublic(
        id=event.id,
        article_id=event.article_id,
        actor=ActorRef(name=actor.name, slug=actor.slug),
        action=event.action,
        place=place_public(place),
        lat=event.lat,
        lon=event.lon,
        date=interval.iso(),
        date_start=event.date_start,
        date_end=event.date_end,
        date_precision=event.date_precision,
        status=event.status,
        evidence=event.evidence,
        evidence_start=event.evidence_start,
        evidence_end=event.evidence_end,
        confidence=event.confidence,
        co_actors=[name for name in event.co_actors.split("|") if name],
        reviewed=event.reviewed,
        corrected=event.corrected,
    )


def article_summary(article: models.Article) -> ArticleSummary:
    return ArticleSummary.model_validate(article, from_attributes=True)


def article_public(session: Session, article: models.Article) -> ArticlePublic:
    mention_rows = session.exec(
        select(models.Mention, models.Place)
        .join(models.Place, isouter=True)
        .where(models.Mention.article_id == article.id)
        .order_by(models.Mention.start_char)
    ).all()
    event_rows = session.exec(
        select(models.Event, models.Actor, models.Place)
        .join(models.Actor)
        .join(models.Place)
        .where(models.Event.article_id == article.id, models.Event.rejected == False)  # noqa: E712
        .order_by(models.Event.evidence_start, models.Event.id)
    ).all()
    mentions = [
        MentionPublic(
            id=m.id,
            start=m.start_char,
            end=m.end_char,
            surface=m.surface,
            role=m.role,
            confidence=m.confidence,
            place=place_public(p) if p is not None else None,
            alternatives=m.alternatives.split(),
            venue=m.venue,
        )
        for m, p in mention_rows
    ]
    return ArticlePublic(
        **article_summary(article).model_dump(),
        text=article.text,
        mentions=mentions,
        events=[event_public(e, a, p) for e, a, p in event_rows],
    )
