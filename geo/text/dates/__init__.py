"""Date expressions in news text: finding them, and reading them against the published date.

    >>> from datetime import date
    >>> found = find_date_expressions("Kim arrived on Tuesday, his first trip since April 2019.")
    >>> [(e.surface, e.resolve(date(2023, 9, 15)).iso()) for e in found]
    [('Tuesday', '2023-09-12'), ('April 2019', '2019-04')]

Three steps, three modules: `recognize` finds spans and parses each into a *form* (`forms`: what
the text says, unanchored); `DateExpression.resolve(anchor, future=...)` anchors a form on the
article's published date; `resolve_relative` places an offset ("two months after") against another
event's date, which only the caller knows. `parse_loose_date` reads datelines.

Resolution rules, in brief (each form's docstring has the details):

- A bare weekday is the last such day on or before the anchor for past events, the next on or
  after it for future ones (`future=True`); "last Friday" is strictly before, "next Monday"
  strictly after, "this Friday" in the anchor's ISO week.
- A month or day without a year ("in October", "Sept. 15") is the latest one not after the
  anchor for past events, the earliest one not before it for future ones.
- "this/last/next week" is an ISO week (Monday-Sunday) at DAY precision: an exact run of seven
  days; months and years come at MONTH and YEAR precision. Parts narrow the bounds but keep the
  precision: "early October" is Oct. 1-10 at MONTH precision, "later this year" the days after
  the anchor to Dec. 31 at YEAR precision.
- Offsets from the anchor ("two years ago", "in two weeks' time") resolve alone, as precise as
  their unit; offsets from another event ("three days later") resolve to UNKNOWN alone and
  expose `DateExpression.offset` for `resolve_relative`.
- Open stretches ("in the coming days", "in recent weeks") have one open bound and UNKNOWN
  precision; counted ones ("in the past two weeks") are closed.
"""

from geo.text.dates.expression import DateExpression, resolve_relative
from geo.text.dates.forms import (
    CalendarDate,
    CalendarPeriod,
    DateForm,
    DateOffset,
    Direction,
    HolidayDate,
    OffsetDate,
    PeriodUnit,
    Relation,
    RelativeDay,
    RollingSpan,
    WeekdayDate,
)
from geo.text.dates.intervals import Part
from geo.text.dates.lexicon import TimeUnit
from geo.text.dates.loose import parse_loose_date
from geo.text.dates.recognize import find_date_expressions

__all__ = [
    "find_date_expressions",
    "DateExpression",
    "resolve_relative",
    "parse_loose_date",
    "DateForm",
    "CalendarDate",
    "WeekdayDate",
    "RelativeDay",
    "CalendarPeriod",
    "OffsetDate",
    "HolidayDate",
    "RollingSpan",
    "DateOffset",
    "Direction",
    "Relation",
    "PeriodUnit",
    "Part",
    "TimeUnit",
]
