"""Event queries shared by the JSON API, GeoJSON, exports and OGC API - Features."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Integer, and_, bindparam, func, or_
from sqlmodel import Session, select

from app import models
from geo.errors import InvalidInputError, NotFoundError
from geo.model import Event, EventStatus

__all__ = [
    "EventFilter",
    "EventRow",
    "parse_bbox",
    "event_rows",
    "iter_event_rows",
    "event_row",
    "article_event_rows",
    "article_mention_rows",
    "rejected_event_rows",
    "actors_by_name",
    "count_actors",
    "articles_newest_first",
    "actor_aliases",
    "events_of",
    "iter_events",
    "iter_event_columns",
    "count_events",
    "stored",
    "actor_by_slug",
]

T = TypeVar("T")

EventRow = tuple[models.Event, models.Actor, models.Place]


def parse_bbox(raw: str | None, *, field: str = "bbox") -> tuple[float, float, float, float] | None:
    """'west,south,east,north' in degrees; west > east means the box crosses the antimeridian."""
    if raw is None or raw == "":
        return None
    parts = raw.split(",")
    if len(parts) != 4:
        raise InvalidInputError(f"{field} must be four numbers: west,south,east,north", field=field)
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise InvalidInputError(f"{field} must be four numbers: west,south,east,north", field=field) from None
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise InvalidInputError(f"{field} longitudes must lie in -180..180", field=field)
    if not (-90 <= south <= north <= 90):
        raise InvalidInputError(f"{field} latitudes must lie in -90..90 with south <= north", field=field)
    return west, south, east, north


@dataclass(frozen=True)
class EventFilter:
    actor_id: int | None = None
    status: EventStatus | None = None
    date_from: date | None = None
    date_to: date | None = None
    bbox: tuple[float, float, float, float] | None = None
    article_id: int | None = None
    include_rejected: bool = False

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidInputError("from must not be after to", field="from")

    def conditions(self, *, bound: bool = False) -> list:
        """The WHERE clauses of the filter. `bound`: its values as named bind parameters
        (`parameters()` gives them), so that one statement serves every filter of one `shape()`."""
        e = models.Event

        def value(name: str, given):
            return bindparam(f"filter_{name}", given) if bound else given

        conditions = []
        if not self.include_rejected:
            conditions.append(e.rejected == False)  # noqa: E712
        if self.actor_id is not None:
            conditions.append(e.actor_id == value("actor_id", self.actor_id))
        if self.status is not None:
            conditions.append(e.status == value("status", self.status.value))
        if self.article_id is not None:
            conditions.append(e.article_id == value("article_id", self.article_id))
        # A date filter keeps events whose interval overlaps it; undated events cannot.
        if self.date_from is not None:
            conditions.append(func.coalesce(e.date_end, e.date_start) >= value("date_from", self.date_from))
        if self.date_to is not None:
            conditions.append(e.date_start <= value("date_to", self.date_to))
        if self.bbox is not None:
            west, south, east, north = self.bbox
            conditions.append(e.lat.between(value("south", south), value("north", north)))
            if west <= east:
                conditions.append(e.lon.between(value("west", west), value("east", east)))
            else:
                conditions.append(or_(e.lon >= value("west", west), e.lon <= value("east", east)))
        return conditions

    def shape(self) -> tuple:
        """What the bound conditions' SQL depends on: which fields are given, and whether a box
        crosses the antimeridian; not the values, which `parameters()` binds."""
        crosses = self.bbox is not None and self.bbox[0] > self.bbox[2]
        given = (self.actor_id, self.status, self.article_id, self.date_from, self.date_to, self.bbox)
        return (self.include_rejected, crosses, *(field is not None for field in given))

    def parameters(self) -> dict[str, object]:
        """The values of `conditions(bound=True)`'s parameters."""
        values = {
            "actor_id": self.actor_id,
            "status": self.status.value if self.status is not None else None,
            "article_id": self.article_id,
            "date_from": self.date_from,
            "date_to": self.date_to,
        }
        if self.bbox is not None:
            values.update(zip(("west", "south", "east", "north"), self.bbox, strict=True))
        return {f"filter_{name}": given for name, given in values.items() if given is not None}


# The statements the lists of events run, built once for each filter (and set of columns): run
# again, with other values bound, they cost the database layer no new compiling or adapting.
_STATEMENTS_KEPT = 256


def _base(query, event_filter: EventFilter):
    conditions = event_filter.conditions()
    return query.where(and_(*conditions)) if conditions else query


def count_events(session: Session, event_filter: EventFilter) -> int:
    return session.connection().execute(_count_statement(event_filter)).scalar_one()


@lru_cache(maxsize=_STATEMENTS_KEPT)
def _count_statement(event_filter: EventFilter):
    if replace(event_filter, include_rejected=False) == EventFilter():
        # Every event, or every one not rejected: the table's count (which the databases keep at
        # hand) less the rejected ones (few, found in their index), in one statement so that both
        # counts see the same rows. Counting the rows that are not rejected would read them all.
        every = select(func.count()).select_from(models.Event).scalar_subquery()
        rejected = (
            select(func.count()).select_from(models.Event).where(models.Event.rejected == True)  # noqa: E712
        ).scalar_subquery()
        return select(every if event_filter.include_rejected else every - rejected)
    return _base(select(func.count()).select_from(models.Event), event_filter)


# Lists in the order things happened; undated events last, then as read.
_DATE_ORDER = (
    models.Event.date_start.asc().nulls_last(),
    models.Event.article_id,
    models.Event.evidence_start,
    models.Event.id,
)


def event_rows(
    session: Session, event_filter: EventFilter, *, offset: int = 0, limit: int | None = None
) -> Sequence[EventRow]:
    query = _base(
        select(models.Event, models.Actor, models.Place).join(models.Actor).join(models.Place), event_filter
    ).order_by(*_DATE_ORDER)
    if offset:
        query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return session.exec(query).all()


def iter_event_rows(
    session: Session, event_filter: EventFilter, *, offset: int = 0, limit: int | None = None, batch: int = 1000
) -> Iterator[EventRow]:
    """Matching events in id order, fetched a batch at a time (keyset paging on the id), so that
    memory stays flat however many there are."""
    last_id = 0
    if offset:
        first = session.exec(
            _base(select(models.Event.id), event_filter).order_by(models.Event.id).offset(offset).limit(1)
        ).first()
        if first is None:
            return
        last_id = first - 1
    remaining = limit
    while remaining is None or remaining > 0:
        size = batch if remaining is None else min(batch, remaining)
        query = (
            _base(select(models.Event, models.Actor, models.Place).join(models.Actor).join(models.Place), event_filter)
            .where(models.Event.id > last_id)
            .order_by(models.Event.id)
            .limit(size)
        )
        rows = session.exec(query).all()
        if not rows:
            return
        yield from rows
        last_id = rows[-1][0].id
        if remaining is not None:
            remaining -= len(rows)
        session.expunge_all()


def events_of(session: Session, event_filter: EventFilter) -> list[Event]:
    """Matching events as the library's values, in date order (as `event_rows`), read as plain columns."""
    # One statement a shape of filter, its values bound: building a statement and its cache key
    # anew for each actor cost as much as running it (an itinerary's 100 events on SQLite).
    statement = _events_statement(event_filter)
    rows = session.connection().execute(statement, event_filter.parameters()).all()
    return list(map(models.EventColumnsReader(), rows))


# events_of's statements by the filters' shape (at most 2 x 2 x 2**6 of them).
_EVENTS_STATEMENTS: dict[tuple, Any] = {}


def _events_statement(event_filter: EventFilter):
    """The statement of `events_of` for the filters of `event_filter`'s shape, its values bound."""
    shape = event_filter.shape()
    statement = _EVENTS_STATEMENTS.get(shape)
    if statement is None:
        statement = _EVENTS_STATEMENTS[shape] = (
            select(*models.EVENT_COLUMNS)
            .join(models.Actor)
            .join(models.Place)
            .where(*event_filter.conditions(bound=True))
            .order_by(*_DATE_ORDER)
        )
    return statement


def _plain_rows(session: Session, query) -> Sequence[tuple]:
    """A query of columns run on the session's connection: rows as they come, without the ORM's
    handling of results, which these rows (no ORM objects in them) do not need."""
    return session.connection().execute(query).all()


def iter_events(
    session: Session, event_filter: EventFilter, *, offset: int = 0, limit: int | None = None, batch: int = 2000
) -> Iterator[Event]:
    """Matching events as the library's values, in id order, memory flat (keyset paging on the id,
    as `iter_event_rows`), read as plain columns rather than ORM objects (models.EVENT_COLUMNS)."""
    rows = iter_event_columns(session, event_filter, models.EVENT_COLUMNS, offset=offset, limit=limit, batch=batch)
    return map(models.EventColumnsReader(), rows)


def iter_event_columns(
    session: Session,
    event_filter: EventFilter,
    columns: Sequence,
    *,
    offset: int = 0,
    limit: int | None = None,
    batch: int = 2000,
) -> Iterator[tuple]:
    """Matching events as rows of `columns` (of the event, its actor and its place; the event's id
    first), in id order, memory flat: keyset paging on the id, a batch of rows at a time, each
    run as plain rows without the ORM's handling of results."""
    last_id = _id_before(session, event_filter, offset)
    if last_id is None:
        return
    remaining = limit
    selected = _keyset_statement(tuple(columns), event_filter)
    connection = session.connection()
    while remaining is None or remaining > 0:
        size = batch if remaining is None else min(batch, remaining)
        rows = connection.execute(selected, {"after_id": last_id, "batch_size": size}).all()
        if not rows:
            return
        yield from rows
        last_id = rows[-1][0]
        if remaining is not None:
            remaining -= len(rows)


@lru_cache(maxsize=_STATEMENTS_KEPT)
def _keyset_statement(columns: tuple, event_filter: EventFilter):
    """A batch of the matching events after an id (`after_id`), at most `batch_size` of them."""
    return (
        _base(select(*columns).join(models.Actor).join(models.Place), event_filter)
        .where(models.Event.id > bindparam("after_id", type_=Integer))
        .order_by(models.Event.id)
        .limit(bindparam("batch_size", type_=Integer))
    )


def _id_before(session: Session, event_filter: EventFilter, offset: int) -> int | None:
    """The id after which the matching events from `offset` on begin (0 from the first); None: none are left."""
    if not offset:
        return 0
    first = session.connection().execute(_offset_statement(event_filter), {"skipped": offset}).scalar()
    return None if first is None else first - 1


@lru_cache(maxsize=_STATEMENTS_KEPT)
def _offset_statement(event_filter: EventFilter):
    """The id of the matching event after the first `skipped` of them."""
    return (
        _base(select(models.Event.id), event_filter)
        .order_by(models.Event.id)
        .offset(bindparam("skipped", type_=Integer))
        .limit(1)
    )


def event_row(session: Session, event_id: int, *, include_rejected: bool = True) -> EventRow | None:
    """One stored event with its actor and place; None when there is none (or it is rejected and
    `include_rejected` is off)."""
    event = session.get(models.Event, event_id)
    if event is None or (event.rejected and not include_rejected):
        return None
    return event, session.get(models.Actor, event.actor_id), session.get(models.Place, event.place_id)


def article_event_rows(session: Session, article_id: int) -> Sequence[EventRow]:
    """The events read from an article (not the rejected ones), in reading order."""
    return session.exec(
        select(models.Event, models.Actor, models.Place)
        .join(models.Actor)
        .join(models.Place)
        .where(models.Event.article_id == article_id, models.Event.rejected == False)  # noqa: E712
        .order_by(models.Event.evidence_start, models.Event.id)
    ).all()


def rejected_event_rows(
    session: Session, *, article_id: int | None = None, actor_id: int | None = None
) -> Sequence[EventRow]:
    """The events an analyst rejected, of an article or of an actor, in reading order: kept, so that
    a rejection can be undone."""
    conditions = [models.Event.rejected == True]  # noqa: E712
    if article_id is not None:
        conditions.append(models.Event.article_id == article_id)
    if actor_id is not None:
        conditions.append(models.Event.actor_id == actor_id)
    return session.exec(
        select(models.Event, models.Actor, models.Place)
        .join(models.Actor)
        .join(models.Place)
        .where(*conditions)
        .order_by(models.Event.article_id, models.Event.evidence_start, models.Event.id)
    ).all()


def article_mention_rows(session: Session, article_id: int) -> Sequence[tuple[models.Mention, models.Place | None]]:
    """An article's place mentions in text order, each with its place when it has one."""
    return session.exec(
        select(models.Mention, models.Place)
        .join(models.Place, isouter=True)
        .where(models.Mention.article_id == article_id)
        .order_by(models.Mention.start_char)
    ).all()


def count_actors(session: Session) -> int:
    return session.exec(select(func.count()).select_from(models.Actor)).one()


def actors_by_name(session: Session, *, offset: int = 0, limit: int) -> Sequence[models.Actor]:
    """Actors by name."""
    return session.exec(select(models.Actor).order_by(models.Actor.name).offset(offset).limit(limit)).all()


def articles_newest_first(session: Session, *, offset: int = 0, limit: int) -> Sequence[models.Article]:
    """Articles, newest first (undated last)."""
    return session.exec(
        select(models.Article)
        .order_by(models.Article.published.desc().nulls_last(), models.Article.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()


def actor_aliases(session: Session, actor_id: int) -> list[str]:
    """An actor's names, in the order they were added."""
    return list(
        session.exec(
            select(models.ActorAlias.alias).where(models.ActorAlias.actor_id == actor_id).order_by(models.ActorAlias.id)
        ).all()
    )


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Built once, the slug bound: every itinerary, map and page of a person starts with this lookup.
_ACTOR_BY_SLUG = select(models.Actor).where(models.Actor.slug == bindparam("slug"))


def stored(session: Session, model: type[T], row_id: int) -> T:
    """The row of `model` with this id; NotFoundError naming what is missing otherwise."""
    row = session.get(model, row_id)
    if row is None:
        name = model.__name__.lower()
        raise NotFoundError(f"no {name} with id {row_id}", field=f"{name}_id")
    return row


def actor_by_slug(session: Session, slug: str) -> models.Actor:
    # Only a well-formed slug is looked up: anything else names no one (and a NUL byte would not
    # even reach PostgreSQL).
    actor = session.exec(_ACTOR_BY_SLUG, params={"slug": slug}).first() if _SLUG.match(slug) else None
    if actor is None:
        raise NotFoundError(f"no actor with slug {slug!r}", field="slug")
    return actor
