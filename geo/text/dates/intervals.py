"""Calendar arithmetic on closed intervals of days: months, years, ISO weeks, parts and snapping.

Precision says how coarse an interval's bounds are, never how long it is: a DAY interval is an
exact run of days (one for "Tuesday", seven for "next week", three for "Oct. 3-5"); a MONTH or YEAR
interval has the whole month or year as its unit, even when a part ("early October", "later this
year") narrows its bounds inside it.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum

from geo.model import DateInterval, DatePrecision

__all__ = [
    "Part",
    "ONE_DAY",
    "month_bounds",
    "year_bounds",
    "week_bounds",
    "narrow",
    "snap",
    "coarser",
]

ONE_DAY = timedelta(days=1)

# Coarsest last, so that max() over this order picks the coarser precision.
_PRECISION_ORDER = [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]


class Part(StrEnum):
    """A part of a period named in the text: 'early', 'mid-', 'late', 'earlier this', 'later this'."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"
    EARLIER = "earlier"  # the part of the period before the anchor
    LATER = "later"  # the part of the period after the anchor


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_bounds(year: int) -> tuple[date, date]:
    """The first and last day of a year."""
    return date(year, 1, 1), date(year, 12, 31)


def week_bounds(day: date) -> tuple[date, date]:
    """The Monday and Sunday of the ISO week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def narrow(bounds: tuple[date, date], part: Part | None, precision: DatePrecision, anchor: date) -> tuple[date, date]:
    """The sub-interval of a period that `part` names.

    Months split into days 1-10, 11-20 and 21-end (the usual "dekads"); years into January-April,
    May-August and September-December; a run of days into overlapping thirds (for a week:
    Monday-Wednesday, Wednesday-Friday, Friday-Sunday). EARLIER and LATER cut the period at the
    anchor, keeping the side they name.
    """
    start, end = bounds
    if part is None:
        return start, end
    if part is Part.EARLIER:
        return start, max(start, min(end, anchor - ONE_DAY))
    if part is Part.LATER:
        return min(end, max(start, anchor + ONE_DAY)), end
    if precision is DatePrecision.MONTH:
        cuts = {Part.EARLY: (1, 10), Part.MID: (11, 20), Part.LATE: (21, end.day)}[part]
        return start.replace(day=cuts[0]), start.replace(day=cuts[1])
    if precision is DatePrecision.YEAR:
        months = {Part.EARLY: (1, 4), Part.MID: (5, 8), Part.LATE: (9, 12)}[part]
        return (
            month_bounds(start.year, months[0])[0],
            month_bounds(start.year, months[1])[1],
        )
    length = (end - start).days + 1
    first_third, last_third = length // 3 + (length % 3 > 0), length * 2 // 3
    offsets = {
        Part.EARLY: (0, first_third - 1),
        Part.MID: (length // 3, last_third),
        Part.LATE: (last_third, length - 1),
    }
    first, last = offsets[part]
    return start + timedelta(days=first), start + timedelta(days=last)


def snap(start: date, end: date, precision: DatePrecision) -> DateInterval:
    """The interval widened to whole units of `precision` (months or years); days stay as they are."""
    if precision is DatePrecision.MONTH:
        return DateInterval(month_bounds(start.year, start.month)[0], month_bounds(end.year, end.month)[1], precision)
    if precision is DatePrecision.YEAR:
        return DateInterval(year_bounds(start.year)[0], year_bounds(end.year)[1], precision)
    return DateInterval(start, end, precision)


def coarser(first: DatePrecision, second: DatePrecision) -> DatePrecision:
    """The coarser of two known precisions (DAY < MONTH < YEAR)."""
    return max(first, second, key=_PRECISION_ORDER.index)
