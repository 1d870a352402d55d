"""The stored tables: articles, the places and mentions read from them, actors and their events.

    Article ─< Mention >─ Place
    Article ─< Event >─ Actor ─< ActorAlias
               Event >─ Place
    Feed ─< FeedItem >─ Article

Columns hold plain values (no database-specific types), so the same models run on SQLite and
PostgreSQL; the schema itself is created and upgraded by the Alembic migrations in app/migrations.
A Place and an Event row convert to and from the library's values (geo.model) here and nowhere
else (`from_geo`, `to_geo`), and a Mention row from one (`from_geo`) and back to its values
(`geo_values`); what the outputs show of them is geo.features'.

`place_id` in these tables is the integer key of a Place row; the gazetteer's own key
("geonames:2021851") is `gazetteer_id`, as in geo.model.Place and every output.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from geo.model import DateInterval, DatePrecision, EventStatus, Precision
from geo.model import Event as GeoEvent
from geo.model import Mention as GeoMention
from geo.model import Place as GeoPlace

__all__ = [
    "Article",
    "Place",
    "Mention",
    "Actor",
    "ActorAlias",
    "Event",
    "GeocodeCacheEntry",
    "EVENT_COLUMNS",
    "event_from_columns",
    "EventColumnsReader",
    "Feed",
    "FeedItem",
    "DataRevision",
    "ActorRevision",
    "utcnow",
]


def utcnow() -> datetime:
    return datetime.now(UTC)


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str | None = Field(default=None, max_length=500)
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)  # app.schemas.MAX_URL_CHARS
    published: date | None = Field(default=None, index=True)
    dateline: str | None = Field(default=None, max_length=200)
    text: str = Field(sa_column=Column(Text, nullable=False))
    # sha256 of the normalised text: the same article ingested twice is stored once.
    content_hash: str = Field(max_length=64, unique=True)
    ingested_at: datetime = Field(default_factory=utcnow)
    author: str | None = Field(default=None, max_length=200)
    # The URL's identity (app.fetch.normalise_url): the same page fetched twice is stored once.
    url_key: str | None = Field(default=None, max_length=2000, index=True)


class Place(SQLModel, table=True):
    """A gazetteer place that some mention or event refers to, copied in so the store is self-contained."""

    id: int | None = Field(default=None, primary_key=True)
    gazetteer_id: str = Field(max_length=100, unique=True)
    geonameid: int | None = Field(default=None, index=True)
    name: str = Field(max_length=300)
    lat: float
    lon: float
    kind: str = Field(max_length=50)
    country: str | None = Field(default=None, max_length=2)
    admin1: str | None = Field(default=None, max_length=200)
    precision: str = Field(max_length=10)
    # 64 bits: a continent's population overflows a 32-bit integer (Asia's is 3,812,366,000).
    population: int = Field(default=0, sa_type=BigInteger)

    @classmethod
    def from_geo(cls, place: GeoPlace) -> Place:
        columns = {column: getattr(place, attribute) for column, attribute in _PLACE_COLUMNS.items()}
        return cls(**columns, precision=place.precision.value)

    def to_geo(self, *, lat: float | None = None, lon: float | None = None) -> GeoPlace:
        """The library's value; an event's own point (lat, lon) may stand in for the place's."""
        values = {attribute: getattr(self, column) for column, attribute in _PLACE_COLUMNS.items()}
        if lat is not None:
            values["lat"] = lat
        if lon is not None:
            values["lon"] = lon
        return GeoPlace(**values, precision=Precision(self.precision))


# A Place row's columns and the geo.model.Place attributes they hold (the precision aside, an
# enum there and its value here).
_PLACE_COLUMNS = {
    "gazetteer_id": "gazetteer_id",
    "geonameid": "geonameid",
    "name": "name",
    "lat": "lat",
    "lon": "lon",
    "kind": "kind",
    "country": "country",
    "admin1": "admin1",
    "population": "population",
}


# The widest venue a mention row keeps.
_VENUE_CHARS = 300


class Mention(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    start_char: int
    end_char: int
    surface: str = Field(max_length=300)
    role: str = Field(max_length=20)
    place_id: int | None = Field(default=None, foreign_key="place.id", index=True)
    confidence: float = 0.0
    # The gazetteer ids of the other candidates considered, space-separated, best first.
    alternatives: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    # The facility named with the place that the gazetteer does not know ("Harwinton Senior Center").
    venue: str | None = Field(default=None, max_length=_VENUE_CHARS)

    @classmethod
    def from_geo(cls, mention: GeoMention, *, article_id: int, place_id: int | None) -> Mention:
        """A row for the library's mention, given the rows of its article and of its place (None: not placed)."""
        columns = {column: getattr(mention, attribute) for column, attribute in _MENTION_COLUMNS.items()}
        return cls(
            **columns,
            article_id=article_id,
            role=str(mention.role),
            place_id=place_id,
            alternatives=" ".join(p.gazetteer_id for p in mention.alternatives),
            venue=mention.venue[:_VENUE_CHARS] if mention.venue else None,
        )

    def geo_values(self) -> dict:
        """The row's values under the names geo.model.Mention gives them; the alternatives as gazetteer ids."""
        return {
            **{attribute: getattr(self, column) for column, attribute in _MENTION_COLUMNS.items()},
            "role": self.role,
            "alternatives": self.alternatives.split(),
            "venue": self.venue,
        }


# A Mention row's columns and the geo.model.Mention attributes they hold as they are (the role is
# its enum's value here, the alternatives their gazetteer ids, the venue cut to its column).
_MENTION_COLUMNS = {
    "start_char": "start",
    "end_char": "end",
    "surface": "surface",
    "confidence": "confidence",
}


class Actor(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    slug: str = Field(max_length=200, unique=True)
    kind: str = Field(default="person", max_length=20)


class ActorAlias(SQLModel, table=True):
    """Another name of an actor ("Kim", "the North Korean leader"), matched by its normalised key."""

    __table_args__ = (UniqueConstraint("alias_key", name="uq_actoralias_alias_key"),)

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(foreign_key="actor.id", index=True, ondelete="CASCADE")
    alias: str = Field(max_length=200)
    alias_key: str = Field(max_length=200)


# A list of names in one text column: people's names hold no "|".
_NAME_SEPARATOR = "|"


class Event(SQLModel, table=True):
    __table_args__ = (
        Index("ix_event_actor_date", "actor_id", "date_start"),
        Index("ix_event_lat_lon", "lat", "lon"),
        # Every list of events leaves the rejected out: their count and the id at an offset are
        # read from this index instead of the table's rows (app/queries.py).
        Index("ix_event_rejected_id", "rejected", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    actor_id: int = Field(foreign_key="actor.id")
    # The actor the reader found, kept when an analyst gives the event to someone else, so that
    # re-processing knows the fresh reading of this event by it; None for an event added by hand.
    # Not a foreign key: the event's one join to its actor stays `actor_id`'s.
    read_actor_id: int | None = None
    action: str = Field(max_length=50)
    place_id: int = Field(foreign_key="place.id", index=True)
    # The event's own point: the place's, unless an analyst corrected it to coordinates.
    lat: float
    lon: float
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str = Field(default="unknown", max_length=10)
    status: str = Field(max_length=20, index=True)
    evidence: str = Field(sa_column=Column(Text, nullable=False))
    evidence_start: int
    evidence_end: int
    mention_start: int | None = None
    mention_end: int | None = None
    confidence: float = 0.0
    co_actors: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    reviewed: bool = False
    corrected: bool = False
    rejected: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    @classmethod
    def from_geo(cls, event: GeoEvent, *, article_id: int, actor_id: int, place_id: int) -> Event:
        """A row for the library's event, given the rows of its article, actor and place."""
        return cls(
            article_id=article_id,
            actor_id=actor_id,
            read_actor_id=actor_id,
            action=event.action,
            place_id=place_id,
            lat=event.place.lat,
            lon=event.place.lon,
            date_start=event.date.start,
            date_end=event.date.end,
            date_precision=event.date.precision.value,
            status=event.status.value,
            evidence=event.evidence,
            evidence_start=event.evidence_start,
            evidence_end=event.evidence_end,
            mention_start=event.mention_start,
            mention_end=event.mention_end,
            confidence=event.confidence,
            co_actors=_NAME_SEPARATOR.join(event.co_actors),
        )

    def to_geo(self, actor: Actor, place: Place) -> GeoEvent:
        """The library's value of this row, with its ids carried along; its own point stands for the place's."""
        return GeoEvent(
            actor=actor.name,
            action=self.action,
            place=place.to_geo(lat=self.lat, lon=self.lon),
            status=EventStatus(self.status),
            date=self.date_interval,
            evidence=self.evidence,
            evidence_start=self.evidence_start,
            evidence_end=self.evidence_end,
            confidence=self.confidence,
            co_actors=tuple(name for name in self.co_actors.split(_NAME_SEPARATOR) if name),
            mention_start=self.mention_start,
            mention_end=self.mention_end,
            article_id=self.article_id,
            event_id=self.id,
        )

    @property
    def date_interval(self) -> DateInterval:
        return DateInterval(self.date_start, self.date_end, DatePrecision(self.date_precision))

    def set_date(self, interval: DateInterval) -> None:
        self.date_start, self.date_end = interval.start, interval.end
        self.date_precision = interval.precision.value


# Reading many events (GeoJSON, OGC API items, exports): the columns that make an event with its
# actor's name and its place, read as plain tuples. Building the ORM objects of 10,000 rows
# costs more than everything else a page of features needs; the values are the same.
EVENT_COLUMNS: tuple = (
    Event.id,
    Event.article_id,
    Event.action,
    Event.lat,
    Event.lon,
    Event.date_start,
    Event.date_end,
    Event.date_precision,
    Event.status,
    Event.evidence,
    Event.evidence_start,
    Event.evidence_end,
    Event.mention_start,
    Event.mention_end,
    Event.confidence,
    Event.co_actors,
    Actor.name,
    Place.gazetteer_id,
    Place.geonameid,
    Place.name,
    Place.kind,
    Place.country,
    Place.admin1,
    Place.population,
    Place.precision,
)
_STATUSES = {status.value: status for status in EventStatus}
_DATE_PRECISIONS = {precision.value: precision for precision in DatePrecision}
_PRECISIONS = {precision.value: precision for precision in Precision}


def event_from_columns(row: tuple) -> GeoEvent:
    """The library's event from a row of EVENT_COLUMNS: what `Event.to_geo` gives for the same rows."""
    return EventColumnsReader()(row)


class EventColumnsReader:
    """Makes the library's events from rows of EVENT_COLUMNS, one reader a query.

    The events of a page share few places and dates, and the library's values are immutable:
    a reader makes each place (at each point) and each date interval once and hands it to every
    event that has it, which halves the cost of reading thousands of events.
    """

    _MOST_KEPT = 50_000  # values kept before starting afresh: memory stays flat over any query

    def __init__(self) -> None:
        self._places: dict[tuple, GeoPlace] = {}
        self._dates: dict[tuple, DateInterval] = {}

    def __call__(self, row: tuple) -> GeoEvent:
        (
            event_id,
            article_id,
            action,
            lat,
            lon,
            date_start,
            date_end,
            date_precision,
            status,
            evidence,
            evidence_start,
            evidence_end,
            mention_start,
            mention_end,
            confidence,
            co_actors,
            actor,
        ) = row[:17]
        place_key = (*row[17:], lat, lon)
        place = self._places.get(place_key)
        if place is None:
            if len(self._places) >= self._MOST_KEPT:
                self._places.clear()
            gazetteer_id, geonameid, place_name, kind, country, admin1, population, precision = row[17:]
            place = self._places[place_key] = GeoPlace(
                gazetteer_id=gazetteer_id,
                geonameid=geonameid,
                name=place_name,
                lat=lat,
                lon=lon,
                kind=kind,
                country=country,
                admin1=admin1,
                population=population,
                precision=_PRECISIONS[precision],
            )
        date_key = (date_start, date_end, date_precision)
        interval = self._dates.get(date_key)
        if interval is None:
            if len(self._dates) >= self._MOST_KEPT:
                self._dates.clear()
            interval = self._dates[date_key] = DateInterval(date_start, date_end, _DATE_PRECISIONS[date_precision])
        return GeoEvent(
            actor=actor,
            action=action,
            place=place,
            status=_STATUSES[status],
            date=interval,
            evidence=evidence,
            evidence_start=evidence_start,
            evidence_end=evidence_end,
            confidence=confidence,
            co_actors=tuple(name for name in co_actors.split(_NAME_SEPARATOR) if name) if co_actors else (),
            mention_start=mention_start,
            mention_end=mention_end,
            article_id=article_id,
            event_id=event_id,
        )


class GeocodeCacheEntry(SQLModel, table=True):
    """An online geocoder's answer to one query, kept so each distinct query reaches the network once."""

    __tablename__ = "geocode_cache"

    key: str = Field(primary_key=True, max_length=300)
    answer: str = Field(sa_column=Column(Text, nullable=False))  # JSON list; [] records "no answer"
    created_at: datetime = Field(default_factory=utcnow)


class Feed(SQLModel, table=True):
    """A news feed that `itinerant watch` reads every `interval_seconds`, and how its last reads went.

    A worker takes a feed by setting its lease (owner and expiry) in one
    UPDATE that succeeds only where no other lease is live, so no feed is read twice at once.
    """

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2000)
    url_key: str = Field(max_length=2000, unique=True)
    title: str | None = Field(default=None, max_length=300)
    interval_seconds: int = 900
    created_at: datetime = Field(default_factory=utcnow)
    # The validators of the last full answer, sent back so that an unchanged feed answers 304.
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    last_polled_at: datetime | None = None
    last_new_item_at: datetime | None = None
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    errors_in_a_row: int = 0
    next_poll_at: datetime = Field(default_factory=utcnow, index=True)
    lease_owner: str | None = Field(default=None, max_length=100)
    lease_until: datetime | None = None


class FeedItem(SQLModel, table=True):
    """An item of a feed that was read: by its key (the feed's id for it, else its link), once."""

    __tablename__ = "feed_item"
    __table_args__ = (UniqueConstraint("feed_id", "item_key", name="uq_feed_item_key"),)

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(foreign_key="feed.id", index=True, ondelete="CASCADE")
    item_key: str = Field(max_length=64)  # sha256 of the item's id or link
    url: str | None = Field(default=None, max_length=2000)
    article_id: int | None = Field(default=None, foreign_key="article.id", index=True, ondelete="SET NULL")
    # A digest of what the feed said of the item (its update time, title, content): a change re-reads it.
    version: str = Field(max_length=64)
    seen_at: datetime = Field(default_factory=utcnow)
    # Reads of the item that failed since its last change (no article yet), and why the last did:
    # the watch tries such an item again at each poll, up to a limit, then leaves it.
    failures: int = 0
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class DataRevision(SQLModel, table=True):
    """The one row that names the state of the data: every write to a table whose rows reach a
    read bumps `revision`, by triggers in the database (app/data_revision.py), in the writing
    transaction itself. Caches of responses key on it, in every process alike.

    `generation` is drawn at random when the table is made: a new database (a restore into a
    fresh one, a file replaced) never repeats an old one's (generation, revision).
    Not data: dumps leave it out, and a restore bumps it like any other write.
    """

    __tablename__ = "data_revision"

    id: int = Field(primary_key=True)
    generation: str = Field(max_length=32)
    revision: int = Field(default=0, sa_type=BigInteger)
    # Moved by the writes that may change any actor's itinerary (a place's UPDATE or DELETE):
    # every actor's cached answers depend on it besides the actor's own revision (ActorRevision).
    itinerary_revision: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))


class ActorRevision(SQLModel, table=True):
    """One actor's revision: moved, by triggers (app/actor_revision.py), by every write that
    reaches what that actor's itinerary, record and map show; caches of those answers key on it.
    Not a foreign key: the row outlives its actor, so that a deleted actor's id, used again,
    never repeats a revision. Not data either: dumps leave it out.
    """

    __tablename__ = "actor_revision"

    actor_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    revision: int = Field(default=0, sa_type=BigInteger)
