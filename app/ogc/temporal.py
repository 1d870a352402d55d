"""The `datetime` query parameter of OGC API - Features, as the range of days it touches.

Events are dated to the day at best, so an instant or an interval of instants becomes the
closed range of UTC days it touches: an event matches when its own days overlap that range
(an instant at midnight touches the day it begins). Accepted forms (RFC 3339, as the standard
asks, plus plain dates):

    2023-09-15T10:30:00Z              an instant
    2023-09-15                        a whole day
    2023-09-01/2023-09-30             a closed interval (of dates or instants)
    ../2023-09-30  2023-09-01/..      half-bounded; an empty end is open too
    ../..                             any dated event

Date-times without an offset are taken as UTC, as most servers do, rather than refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Final

from geo.errors import InvalidInputError

__all__ = ["DayRange", "parse_datetime_parameter"]

_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME: Final = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?")
_OPEN: Final = ("", "..")
_FORMS: Final = "an RFC 3339 instant (2023-09-15T00:00:00Z), a date (2023-09-15), or an interval a/b, ../b, a/.."


@dataclass(frozen=True)
class DayRange:
    """A closed range of days; None at either end means unbounded on that side."""

    first: date | None
    last: date | None

    def filter_bounds(self) -> tuple[date, date | None]:
        """`(date_from, date_to)` for an EventFilter.

        A temporal filter keeps only events that have a date. The stored filter already drops
        undated events at any bound it is given, so a range open at both ends starts at
        `date.min` rather than at None, which would let undated events through.
        """
        return (self.first or date.min, self.last)


def _span(text: str) -> tuple[datetime, datetime]:
    """The first and last instants (UTC) of one RFC 3339 instant or date."""
    if _DATE.fullmatch(text):
        day = date.fromisoformat(text)
        return (datetime.combine(day, time.min, UTC), datetime.combine(day, time.max, UTC))
    if _DATE_TIME.fullmatch(text):
        instant = datetime.fromisoformat(text.upper().replace(" ", "T").replace("Z", "+00:00"))
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=UTC)
        instant = instant.astimezone(UTC)
        return (instant, instant)
    raise ValueError(text)


def parse_datetime_parameter(raw: str | None) -> DayRange | None:
    """The days a `datetime` parameter covers; None when it is absent."""
    if raw is None:
        return None
    text = raw.strip()
    start_text, slash, end_text = text.partition("/")
    if not text or (not slash and text in _OPEN) or "/" in end_text:
        raise InvalidInputError(f"datetime must be {_FORMS}, not {raw!r}", field="datetime")
    try:
        if not slash:
            earliest, latest = _span(text)
            return DayRange(earliest.date(), latest.date())
        start = None if start_text in _OPEN else _span(start_text)
        end = None if end_text in _OPEN else _span(end_text)
    except ValueError:
        # Also a date that does not exist, such as 2023-02-30.
        raise InvalidInputError(f"datetime must be {_FORMS}, not {raw!r}", field="datetime") from None
    if start is not None and end is not None and start[0] > end[1]:
        raise InvalidInputError(f"datetime: the interval {raw!r} ends before it starts", field="datetime")
    return DayRange(start[0].date() if start else None, end[1].date() if end else None)
