"""What a date expression says, before it is anchored: one small value class per kind of expression.

Every form resolves against the article's published date (`anchor`) with `resolve(anchor, future)`;
`future` says the sentence speaks of what is to come, which decides the direction of the bare
forms ("on Tuesday", "in October", "Sept. 15", "the weekend") and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from geo.errors import InvalidInputError
from geo.model import DateInterval, DatePrecision
from geo.text.dates.holidays import holiday_date
from geo.text.dates.intervals import (
    ONE_DAY,
    Part,
    coarser,
    month_bounds,
    narrow,
    snap,
    week_bounds,
    year_bounds,
)
from geo.text.dates.lexicon import TimeUnit

__all__ = [
    "Relation",
    "Direction",
    "PeriodUnit",
    "CalendarDate",
    "WeekdayDate",
    "RelativeDay",
    "CalendarPeriod",
    "DateOffset",
    "OffsetDate",
    "RollingSpan",
    "HolidayDate",
    "DateForm",
    "unit_precision",
]

# How far to look for a valid year: Feb. 29 recurs within eight years.
_LEAP_SEARCH = 8


class Relation(StrEnum):
    """How a named weekday, month or weekend relates to the anchor."""

    NEAREST = "nearest"  # bare: on or before the anchor in the past, on or after it in the future
    PREVIOUS = "previous"  # "last Friday", "last October": strictly before
    FOLLOWING = "following"  # "next Monday", "this coming Monday", "next March": strictly after
    CURRENT = "current"  # "this Friday": in the anchor's week; "this May": in the anchor's year


class Direction(StrEnum):
    """Which way an offset or span points in time."""

    BEFORE = "before"
    AFTER = "after"


class PeriodUnit(StrEnum):
    WEEK = "week"  # an ISO week, Monday to Sunday
    WEEKEND = "weekend"  # the Saturday and Sunday of an ISO week
    MONTH = "month"
    YEAR = "year"


def unit_precision(unit: TimeUnit) -> DatePrecision:
    """The precision a count of `unit`s can give: days and weeks to the day, months, years."""
    if unit is TimeUnit.MONTH:
        return DatePrecision.MONTH
    if unit in (TimeUnit.YEAR, TimeUnit.DECADE):
        return DatePrecision.YEAR
    return DatePrecision.DAY


def _unit_delta(unit: TimeUnit, count: int) -> relativedelta:
    # Hours only ever move a date by whole days: "36 hours later" is the next day.
    return {
        TimeUnit.HOUR: relativedelta(days=count // 24),
        TimeUnit.DAY: relativedelta(days=count),
        TimeUnit.WEEK: relativedelta(weeks=count),
        TimeUnit.FORTNIGHT: relativedelta(weeks=2 * count),
        TimeUnit.MONTH: relativedelta(months=count),
        TimeUnit.YEAR: relativedelta(years=count),
        TimeUnit.DECADE: relativedelta(years=10 * count),
    }[unit]


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """Calendar fields as written, any of them missing: '2019', 'in October', 'Sept. 15', 'Oct. 3-5'.

    A missing year is found from the anchor: the latest such month or day not after the anchor for
    past events, the earliest not before it for future ones (`relation` NEAREST); "last October"
    is the latest October before the anchor's month, "next March" the first after it, "this May"
    the May of the anchor's year.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None  # the last day of a range: "Oct. 3-5"
    part: Part | None = None
    relation: Relation = Relation.NEAREST

    def __post_init__(self) -> None:
        if self.year is None and self.month is None:
            raise InvalidInputError("a calendar date needs a year or a month", field="month")
        if self.day is not None and self.month is None:
            raise InvalidInputError("a day of the month needs its month", field="day")
        # A date that cannot exist in any year (Sept. 31) is not a date.
        year = self.year if self.year is not None else 2000  # a leap year: Feb. 29 may pass
        for day in (self.day, self.day_end):
            if day is not None and _valid_date(year, self.month or 1, day) is None:
                raise InvalidInputError(f"no such day: {year}-{self.month}-{day}", field="day")
        if self.day_end is not None and (self.day is None or self.day_end <= self.day):
            raise InvalidInputError("a day range must end after it starts", field="day_end")

    def resolve(self, anchor: date, future: bool = False) -> DateInterval:
        year = self.year if self.year is not None else self._year_from(anchor, future)
        if year is None:
            return DateInterval()
        if self.month is None:
            bounds = narrow(year_bounds(year), self.part, DatePrecision.YEAR, anchor)
            return DateInterval(*bounds, DatePrecision.YEAR)
        if self.day is None:
            bounds = narrow(month_bounds(year, self.month), self.part, DatePrecision.MONTH, anchor)
            return DateInterval(*bounds, DatePrecision.MONTH)
        start = _valid_date(year, self.month, self.day)
        end = _valid_date(year, self.month, self.day_end or self.day)
        if start is None or end is None:  # Feb. 29 of a year given in the text
            return DateInterval()
        return DateInterval(start, end, DatePrecision.DAY)

    def _year_from(self, anchor: date, future: bool) -> int | None:
        assert self.month is not None  # __post_init__: no year means a month
        month = self.month
        if self.relation is Relation.CURRENT:
            return anchor.year
        if self.relation is Relation.PREVIOUS:
            return anchor.year if month < anchor.month else anchor.year - 1
        if self.relation is Relation.FOLLOWING:
            return anchor.year if month > anchor.month else anchor.year + 1
        step = 1 if future else -1
        for year in range(anchor.year, anchor.year + step * _LEAP_SEARCH, step):
            if self.day is None:
                first, last = month_bounds(year, month)
                fits = last >= anchor if future else first <= anchor
            else:
                day = _valid_date(year, month, self.day)
                fits = day is not None and (day >= anchor if future else day <= anchor)
            if fits:
                return year
        return None


@dataclass(frozen=True, slots=True)
class WeekdayDate:
    """A named weekday: 'on Tuesday', "Wednesday's summit", 'last Friday', 'Monday of next week'.

    With `week` set (0 this week, -1 last week, +1 next week) the day is that weekday of that ISO
    week; otherwise `relation` decides: NEAREST is on or before the anchor for past events and on
    or after it for future ones, PREVIOUS strictly before, FOLLOWING strictly after, CURRENT in the
    anchor's week.
    """

    weekday: int  # Monday is 0, as in date.weekday()
    relation: Relation = Relation.NEAREST
    week: int | None = None

    def resolve(self, anchor: date, future: bool = False) -> DateInterval:
        if self.week is not None or self.relation is Relation.CURRENT:
            monday = week_bounds(anchor)[0] + timedelta(weeks=self.week or 0)
            day = monday + timedelta(days=self.weekday)
        else:
            back = (anchor.weekday() - self.weekday) % 7  # days since the last such weekday
            ahead = (self.weekday - anchor.weekday()) % 7
            if self.relation is Relation.PREVIOUS:
                day = anchor - timedelta(days=back or 7)
            elif self.relation is Relation.FOLLOWING:
                day = anchor + timedelta(days=ahead or 7)
            else:
                day = anchor + timedelta(days=ahead) if future else anchor - timedelta(days=back)
        return DateInterval(day, day, DatePrecision.DAY)


@dataclass(frozen=True, slots=True)
class RelativeDay:
    """A day named from the anchor: 'today', 'tonight' (0), 'yesterday' (-1), 'tomorrow' (+1)."""

    days: int

    def resolve(self, anchor: date, future: bool = False) -> DateInterval:
        day = anchor + timedelta(days=self.days)
        return DateInterval(day, day, DatePrecision.DAY)


@dataclass(frozen=True, slots=True)
class CalendarPeriod:
    """A calendar week, weekend, month or year counted from the anchor's: 'next week', 'last year'.

    `shift` counts periods from the anchor's own (0 this, -1 last, +1 next); None is the bare
    "the weekend", the last one begun by the anchor for past events, the next one not yet over for
    future events. A week is Monday to Sunday at DAY precision: seven exact days.
    """

    unit: PeriodUnit
    shift: int | None = 0
    part: Part | None = None

    def resolve(self, anchor: date, future: bool = False) -> DateInterval:
        if self.unit is PeriodUnit.MONTH:
            first = anchor.replace(day=1) + relativedelta(months=self.shift or 0)
            bounds, precision = month_bounds(first.year, first.month), DatePrecision.MONTH
        elif self.unit is PeriodUnit.YEAR:
            bounds, precision = year_bounds(anchor.year + (self.shift or 0)), DatePrecision.YEAR
        else:
            bounds, precision = self._week_bounds(anchor, future), DatePrecision.DAY
        return DateInterval(*narrow(bounds, self.part, precision, anchor), precision)

    def _week_bounds(self, anchor: date, future: bool) -> tuple[date, date]:
        shift = self.shift
        if shift is None:  # bare "the weekend": only weekends have no shift
            # The anchor's own weekend is never over before the anchor's week is, so a future
            # weekend is always this week's; a past one is this week's once it has begun.
            saturday = week_bounds(anchor)[0] + timedelta(days=5)
            shift = 0 if future or anchor >= saturday else -1
        monday, sunday = week_bounds(anchor + timedelta(weeks=shift))
        if self.unit is PeriodUnit.WEEKEND:
            return sunday - ONE_DAY, sunday
        return monday, sunday


@dataclass(frozen=True, slots=True)
class DateOffset:
    """A stretch of time and its direction: 'two months after', 'a week earlier', 'days before'.

    `count` is None when the text gives no number ("days later", "several years before"): the
    offset then only says which side of its reference the date lies.
    """

    unit: TimeUnit
    count: int | None
    direction: Direction

    @property
    def delta(self) -> relativedelta | None:
        """The offset's size, always forward in time (see `direction`); None when uncounted."""
        return None if self.count is None else _unit_delta(self.unit, self.count)

    def shift(self, reference: DateInterval, *, invert: bool = False) -> DateInterval:
        """The interval this offset away from `reference` (the other way round when `invert`).

        The result is as precise as the coarser of the reference and the offset's unit: two
        months before April 2019 is February 2019 (MONTH); two years after Sept. 15, 2023 is 2025
        (YEAR). Where the shifted days straddle two months (or years), the result is the one that
        holds most of them: three days after April 2019 is April 2019, and the night before a
        stabbing in November 2014 is in November, not October. An uncounted offset gives the
        open interval on its side of the reference, at UNKNOWN precision.
        """
        if reference.start is None or reference.end is None:
            return DateInterval()
        backwards = (self.direction is Direction.BEFORE) != invert
        delta = self.delta
        if delta is None:
            if backwards:
                return DateInterval(None, reference.start - ONE_DAY, DatePrecision.UNKNOWN)
            return DateInterval(reference.end + ONE_DAY, None, DatePrecision.UNKNOWN)
        if reference.precision is DatePrecision.UNKNOWN:
            return DateInterval()
        if backwards:
            delta = -delta
        precision = coarser(reference.precision, unit_precision(self.unit))
        return _likeliest_unit(reference.start + delta, reference.end + delta, precision)


def _likeliest_unit(start: date, end: date, precision: DatePrecision) -> DateInterval:
    """The whole month or year (by `precision`) that holds most of the days from `start` to `end`;
    the days themselves at DAY precision."""
    if precision is DatePrecision.DAY:
        return snap(start, end, precision)
    units = snap(start, end, precision)
    if units.start is None or units.end is None:
        return units
    best: tuple[int, DateInterval] | None = None
    unit_start = units.start
    while unit_start <= units.end:
        unit = snap(unit_start, unit_start, precision)
        assert unit.start is not None and unit.end is not None
        held = (min(end, unit.end) - max(start, unit.start)).days + 1
        if best is None or held > best[0]:
            best = (held, unit)
        unit_start = unit.end + ONE_DAY
    assert best is not None
    return best[1]


@dataclass(frozen=True, slots=True)
class OffsetDate:
    """A date given as an offset: from the anchor ('two years ago', 'in two weeks' time') or from
    some other event the sentence names ('two months after', 'the next day'), which only
    `resolve_relative` can place: `resolve` gives an UNKNOWN interval for those."""

    offset: DateOffset
    from_anchor: bool = False

    def resolve(self, anchor: date, future: bool = False) -> DateInterval:
        if not self.from_anchor:
            return DateInterval()
        return self.offset.shift(DateInterval(anchor, anchor, DatePrecision.DAY))


@dataclass(frozen=True, slots=True)
class RollingSpan:
    """A stretch of time reaching back or ahead from the anchor: 'in the past two weeks',
    'in recent days', 'in the coming days', 'in the next three months'.

    With a count it is the interval between the anchor and `count` units away, as precise as the
    unit; without one ("in the coming days") only its open side is known, at UNKNOWN precision.
    """

    unit: TimeUnit
    count: int | None
    direction: Direction

    def resolve(self, anchor: date, future: bool = False) -> DateInterval:
        if self.count is None:
            if self.direction is Direction.BEFORE:
                return DateInterval(None, anchor, DatePrecision.UNKNOWN)
            return DateInterval(anchor, None, DatePrecision.UNKNOWN)
        delta = _unit_delta(self.unit, self.count)
        if self.direction is Direction.BEFORE:
            return snap(anchor - delta, anchor, unit_precision(self.unit))
        return snap(anchor, anchor + delta, unit_precision(self.unit))


@dataclass(frozen=True, slots=True)
class HolidayDate:
    """A holiday: 'on Christmas Eve', 'over Easter', 'last Christmas', 'Easter 2016'.

    Without a year, `relation` decides as for a month or day: NEAREST is the latest such day on or
    before the anchor for past events and the earliest on or after it for future ones, PREVIOUS
    ("last Christmas") strictly before, FOLLOWING ("next Easter") strictly after, CURRENT ("this
    Christmas") the one in the anchor's year. Always one day (`holidays.HOLIDAYS`).
    """

    name: str
    year: int | None = None
    relation: Relation = Relation.NEAREST

    def resolve(self, anchor: date, future: bool = False) -> DateInterval:
        if self.year is not None or self.relation is Relation.CURRENT:
            day = holiday_date(self.name, self.year if self.year is not None else anchor.year)
        else:
            this_year = holiday_date(self.name, anchor.year)
            backward = self.relation is Relation.PREVIOUS or (self.relation is Relation.NEAREST and not future)
            if backward:
                before = this_year < anchor if self.relation is Relation.PREVIOUS else this_year <= anchor
                day = this_year if before else holiday_date(self.name, anchor.year - 1)
            else:
                after = this_year > anchor if self.relation is Relation.FOLLOWING else this_year >= anchor
                day = this_year if after else holiday_date(self.name, anchor.year + 1)
        return DateInterval(day, day, DatePrecision.DAY)


DateForm = CalendarDate | WeekdayDate | RelativeDay | CalendarPeriod | OffsetDate | RollingSpan | HolidayDate
