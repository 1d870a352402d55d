"""The domain objects every part of itinerant passes around.

Plain frozen dataclasses: the gazetteer makes `Place`s, the geoparser makes `Mention`s, event
extraction makes `Event`s, and the itinerary turns events into stops and legs. The web layer
stores and serialises them; nothing here knows how.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from geo.errors import InvalidInputError

__all__ = [
    "Precision",
    "MentionRole",
    "EventStatus",
    "DatePrecision",
    "Place",
    "Mention",
    "DateInterval",
    "Event",
    "ArticleText",
    "Extraction",
]


class Precision(StrEnum):
    """How exactly a place's point stands for it, coarsest first."""

    COUNTRY = "country"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    CITY = "city"
    SITE = "site"


class MentionRole(StrEnum):
    """What a place mention does in the text."""

    PLACE = "place"  # an ordinary reference to a place
    DATELINE = "dateline"  # where the report was filed: never an event place by itself
    DEMONYM = "demonym"  # "Russian", "North Korean": a signal of a country, not a location


class EventStatus(StrEnum):
    OCCURRED = "occurred"
    PLANNED = "planned"
    SPECULATIVE = "speculative"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a named point with its kind and administrative context.

    `gazetteer_id` is the gazetteer's stable key ("geonames:2021851", "curated:khasan-crossing");
    `geonameid` is set whenever GeoNames knows the place, so results can be checked against it.
    """

    gazetteer_id: str
    name: str
    lat: float
    lon: float
    kind: str
    precision: Precision
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # first-level region's name, for display and disambiguation
    geonameid: int | None = None
    population: int = 0

    @property
    def __geo_interface__(self) -> dict:
        return {"type": "Point", "coordinates": (self.lon, self.lat)}


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the text that names a place (or a country, through a demonym)."""

    start: int
    end: int
    surface: str
    role: MentionRole = MentionRole.PLACE
    place: Place | None = None  # None: recognised but not placed; kept, never guessed
    confidence: float = 0.0
    alternatives: tuple[Place, ...] = ()
    # The facility the text names with the place, which the gazetteer does not know: "the Harwinton
    # Senior Center", "the Royal Alexandria Hospital in Paisley". The mention stands for the venue's
    # town, which `place` is: the venue lies there, at an unknown point of it.
    venue: str | None = None


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A closed interval of days, with the precision the text gave it."""

    start: date | None = None
    end: date | None = None
    precision: DatePrecision = DatePrecision.UNKNOWN

    @classmethod
    def parse_iso(cls, text: str) -> DateInterval:
        """'2023-09-15', '2023-09', '2023', or an interval '2023-09-12/2023-09-15', as an interval."""
        start_text, _, end_text = text.strip().partition("/")
        start = _parse_partial_date(start_text)
        if not end_text:
            return start
        end = _parse_partial_date(end_text)
        if end.end < start.start:
            raise InvalidInputError(f"the interval {text!r} ends before it starts", field="date")
        precision = start.precision if start.precision is end.precision else DatePrecision.DAY
        return cls(start.start, end.end, precision)

    def iso(self) -> str | None:
        """The date as ISO 8601, only as precise as known: '2023-09-15', '2019-04', '2019'."""
        if self.start is None or self.precision is DatePrecision.UNKNOWN:
            return None
        if self.precision is DatePrecision.DAY:
            return self.start.isoformat()
        if self.precision is DatePrecision.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.year:04d}"


@dataclass(frozen=True, slots=True)
class Event:
    """Someone was (or is due to be) somewhere, on some date, as one sentence says."""

    actor: str  # canonical name, e.g. "Kim Jong Un"
    action: str  # the trigger's lemma: "visit", "arrive", "meet"...
    place: Place
    status: EventStatus
    date: DateInterval = field(default_factory=DateInterval)
    evidence: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    confidence: float = 0.0
    co_actors: tuple[str, ...] = ()
    mention_start: int | None = None  # span of the place mention the event rests on
    mention_end: int | None = None
    # Where the event is stored, when it is: opaque to geo, carried through to stops and GeoJSON
    # so every stop links back to its article and sentence.
    article_id: int | None = None
    event_id: int | None = None

    @property
    def told_with_its_place(self) -> bool:
        """Whether the evidence names the event's place itself (not carried from another sentence)."""
        return self.mention_start is not None and self.evidence_start <= self.mention_start < self.evidence_end


@dataclass(frozen=True, slots=True)
class ArticleText:
    """An article as it comes in: its text and what is known about it."""

    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    dateline: str | None = None  # as given in metadata; otherwise read from the text


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the pipeline reads out of one article."""

    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    people: tuple[str, ...] = ()  # canonical names of the people the article speaks of
    dateline: Mention | None = None


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parse_partial_date(text: str) -> DateInterval:
    match = _PARTIAL_DATE.match(text.strip())
    if match is None:
        raise InvalidInputError(f"{text!r} is not an ISO 8601 date: use 2023-09-15, 2023-09 or 2023", field="date")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            return DateInterval(date(year, month, day), date(year, month, day), DatePrecision.DAY)
        if month is not None:
            last = calendar.monthrange(year, month)[1]
            return DateInterval(date(year, month, 1), date(year, month, last), DatePrecision.MONTH)
        return DateInterval(date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR)
    except (ValueError, calendar.IllegalMonthError):
        raise InvalidInputError(f"{text!r} is not a real date", field="date") from None
