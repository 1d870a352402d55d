"""What the API accepts and returns: request bodies are strict, responses are plain data.

The responses about places, events, stops and legs are validated from geo.features' records, so
they show what every other output shows, under the same names. A field renamed keeps its old
name for one release, marked deprecated (`place_id`, now `gazetteer_id`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, AliasChoices, AnyHttpUrl, BaseModel, BeforeValidator, ConfigDict, Field

__all__ = [
    "ArticleCreate",
    "ArticleRequest",
    "FeedCreate",
    "FeedPublic",
    "PlacePublic",
    "MentionPublic",
    "ActorRef",
    "EventPublic",
    "EventCorrection",
    "EventCreate",
    "ArticleSummary",
    "ArticlePublic",
    "Page",
    "Health",
]

T = TypeVar("T")


def _no_nul(value: str | None) -> str | None:
    # No database stores a NUL character in text (PostgreSQL refuses it), and no article needs one.
    if value is not None and "\x00" in value:
        raise ValueError("must not contain NUL characters (\\u0000)")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]

MAX_TEXT_CHARS = 500_000
# The url column's length (app.models.Article.url). Checked on the URL as it will be stored, which
# may be longer than the one sent (a host in punycode, a path percent-encoded, a trailing slash).
MAX_URL_CHARS = 2000


def _fits_url_column(value: AnyHttpUrl | None) -> AnyHttpUrl | None:
    if value is not None and len(str(value)) > MAX_URL_CHARS:
        raise ValueError(f"must be at most {MAX_URL_CHARS} characters long")
    return value


HttpUrl = Annotated[AnyHttpUrl, AfterValidator(_fits_url_column)]


def _not_a_number(value):
    # Pydantic reads a number as seconds since 1970 ("published": 0 would be 1970-01-01).
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("must be an ISO 8601 date such as 2023-09-15, not a number")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_not_a_number)]


class ArticleCreate(BaseModel):
    """An article to read: its text and what is known of it."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "text": "VLADIVOSTOK, Russia (AP) — North Korean leader Kim Jong Un arrived in ...",
                    "title": "Kim arrives in Russia's Far East",
                    "source": "AP",
                    "url": "https://example.org/kim-russia",
                    "published": "2023-09-12",
                }
            ]
        },
    )

    text: Text = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="The article's full text.")
    title: Text | None = Field(None, max_length=500)
    source: Text | None = Field(None, max_length=200, description="Who published it: AP, Reuters...")
    url: HttpUrl | None = Field(None, description="Where it was published (http or https).")
    published: IsoDate | None = Field(
        None, description="Publication date, ISO 8601 (2023-09-15); anchors 'on Tuesday', 'today'..."
    )
    dateline: Text | None = Field(None, max_length=200, description="Where it was filed, if not in the text.")
    author: Text | None = Field(None, max_length=200, description="Who wrote it.")


class ArticleRequest(ArticleCreate):
    """An article to read, given by its text or by its URL alone: without text, the page at `url` is
    fetched and its main text read; what the page says of itself (title, date, author, site, dateline)
    fills only the fields not given here."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"url": "https://example.org/kim-russia"}]})

    text: Text | None = Field(
        None, min_length=1, max_length=MAX_TEXT_CHARS, description="The article's full text; omit it to fetch `url`."
    )


class PlacePublic(BaseModel):
    gazetteer_id: str
    geonameid: int | None
    name: str
    lat: float
    lon: float
    kind: str
    country: str | None
    admin1: str | None
    precision: str


class MentionPublic(BaseModel):
    id: int
    start: int
    end: int
    surface: str
    role: str
    confidence: float
    place: PlacePublic | None
    alternatives: list[str] = Field(description="Gazetteer ids of the other candidates, best first.")
    venue: str | None = Field(
        default=None,
        description="The facility the text names with the place, which the gazetteer lacks "
        '("Harwinton Senior Center"); the place is its town.',
    )


class ActorRef(BaseModel):
    name: str
    slug: str


class EventPublic(BaseModel):
    id: int
    article_id: int
    actor: ActorRef
    action: str = Field(description="The verb the evidence uses, as its lemma: pull, enter, visit.")
    action_label: str = Field(description="What the action amounts to: arrived, visited, met, planned visit.")
    place: PlacePublic
    lat: float
    lon: float
    date: str | None = Field(description="ISO 8601, as precise as known: 2023-09-15, 2019-04, 2019.")
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    status: str
    evidence: str
    evidence_start: int
    evidence_end: int
    confidence: float
    co_actors: list[str]
    reviewed: bool
    corrected: bool


class ArticleSummary(BaseModel):
    id: int
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None
    dateline: str | None
    author: str | None = None
    ingested_at: dt.datetime
    content_hash: str


class ArticlePublic(ArticleSummary):
    text: str
    mentions: list[MentionPublic]
    events: list[EventPublic]


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    next: str | None = Field(description="URL of the next page, or null on the last one.")


class Health(BaseModel):
    status: str
    database: str
    gazetteer: str
    articles: int


class ActorPublic(BaseModel):
    name: str
    slug: str
    kind: str
    aliases: list[str]
    stops: int = Field(description="Stops on the actor's itinerary (consecutive events at one place are one stop).")
    events: int
    last_place: str | None = Field(description="The place of the last stop that occurred, if any.")


class StopPublic(BaseModel):
    number: int
    place: str
    gazetteer_id: str = Field(description="The gazetteer's key of the place, as in events: geonames:2021851.")
    place_id: str = Field(deprecated="place_id is gazetteer_id's former name, kept for one release; read gazetteer_id")
    geonameid: int | None
    country: str | None
    lat: float
    lon: float
    status: str
    date: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    action: str = Field(description="The verb the evidence uses, as its lemma: pull, enter, visit.")
    action_label: str = Field(description="What the action amounts to: arrived, visited, met, planned visit.")
    evidence: str
    article_id: int | None
    event_ids: list[int]
    place_precision: str = Field(description="country, admin1, admin2, city or site.")
    shown_as: str = Field(
        description="point (a city or a site, joined by legs) or area (a country or a region: no leg, no kilometres)."
    )
    trip: int | None = Field(description="The number of the stop's trip; null when its date is unknown.")
    confidence: float = Field(description="The best confidence of the stop's events, 0 to 1.")
    confidence_cue: str = Field(description="high (0.75 and over), medium (0.5 and over) or low.")


class LegPublic(BaseModel):
    number: int
    from_stop: int = Field(validation_alias=AliasChoices("from_stop", "from"))
    to_stop: int = Field(validation_alias=AliasChoices("to_stop", "to"))
    status: str
    distance_km: float
    trip: int


class TripPublic(BaseModel):
    number: int
    label: str = Field(description="Sep 2023: Russia, 3 stops.")
    region: str = Field(description="The region or country its stops share, or the countries it went through.")
    date: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    stops: list[int] = Field(description="The numbers of its stops, in travel order.")
    precision: str = Field(description="The finest precision of its places: country when known only at that level.")
    known_only_as_area: bool = Field(description="No stop of the trip is a city or a site.")
    total_km: float = Field(description="Distance of its legs that occurred.")


class ItineraryPublic(BaseModel):
    actor: ActorRef
    stops: list[StopPublic]
    legs: list[LegPublic]
    trips: list[TripPublic] = Field(description="Dated stops split where more than the trip gap lies between two.")
    undated: list[int] = Field(description="The numbers of the stops with no known date: in no trip, on no leg.")
    total_km: float = Field(description="Distance of the legs that occurred (between cities and sites, within trips).")
    planned_km: float = Field(description="Distance of the legs still to come.")
    bbox: list[float] | None


class EventCorrection(BaseModel):
    """An analyst's correction; every field is optional, and what is given replaces what was read."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    geonameid: int | None = Field(None, description="Move the event to this GeoNames place.")
    lat: float | None = Field(None, ge=-90, le=90, description="Move the event to a point (with lon).")
    lon: float | None = Field(None, ge=-180, le=180)
    place_name: Text | None = Field(None, min_length=1, max_length=300, description="Name for a corrected point.")
    date: Text | None = Field(None, description="ISO 8601: 2023-09-15, 2023-09, 2023, or start/end.")
    status: Text | None = Field(None, description="occurred, planned or speculative.")
    actor: Text | None = Field(None, min_length=1, max_length=200, description="The person's name.")
    rejected: bool | None = Field(None, description="true: not an event; kept, but hidden everywhere.")


class EventCreate(BaseModel):
    """A stop the reader missed, added by an analyst from a sentence of the article: kept as a
    correction is (re-processing neither removes it nor reads it a second time)."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "actor": "Kim Jong Un",
                    "evidence_start": 0,
                    "evidence_end": 38,
                    "geonameid": 2013348,
                    "date": "2019-04",
                }
            ]
        },
    )

    actor: Text = Field(min_length=1, max_length=200, description="The person's name.")
    evidence_start: int = Field(ge=0, description="Where the sentence that tells it starts in the article's text.")
    evidence_end: int = Field(ge=1, description="Where it ends (exclusive).")
    geonameid: int | None = Field(None, description="The GeoNames place (or give lat and lon).")
    lat: float | None = Field(None, ge=-90, le=90, description="A point, with lon, instead of a GeoNames place.")
    lon: float | None = Field(None, ge=-180, le=180)
    place_name: Text | None = Field(None, min_length=1, max_length=300, description="Name for the point.")
    date: Text | None = Field(None, description="ISO 8601: 2023-09-15, 2023-09, 2023, or start/end.")
    status: Text = Field("occurred", description="occurred, planned or speculative.")


class AliasCreate(BaseModel):
    """Another name under which articles speak of an actor: later articles that use it join the same actor."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    alias: Text = Field(min_length=2, max_length=200, description="e.g. 'Kim Jong-un', 'the North Korean leader'.")


class FeedCreate(BaseModel):
    """A news feed to follow: RSS, Atom or JSON Feed."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={"examples": [{"url": "https://example.org/world/rss.xml", "title": "World news"}]},
    )

    url: AnyHttpUrl = Field(description="The feed's address (http or https).")
    title: Text | None = Field(None, min_length=1, max_length=300, description="Default: the feed's own title.")
    interval: int = Field(900, ge=60, le=7 * 24 * 3600, description="Seconds between two reads of the feed.")


class FeedPublic(BaseModel):
    id: int
    url: str
    title: str | None
    interval: int = Field(description="Seconds between two reads of the feed.")
    items: int = Field(description="Items read into articles so far.")
    created_at: dt.datetime
    last_polled_at: dt.datetime | None = Field(description="When the feed was last read, successfully or not.")
    last_new_item_at: dt.datetime | None = Field(description="When a read last brought a new or updated item.")
    last_error: str | None = Field(description="Why the last read failed; null when it did not.")
    errors_in_a_row: int
    next_poll_at: dt.datetime | None
