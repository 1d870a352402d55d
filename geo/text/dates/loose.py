"""Reading the date of a dateline ('SEOUL (S Korea), Sep 15:'), whose year is the published date's."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from dateutil import parser as dateutil_parser

from geo.model import DateInterval, DatePrecision
from geo.text.dates.forms import CalendarDate
from geo.text.dates.lexicon import MONTH_ABBREVIATIONS, MONTHS
from geo.text.dates.recognize import find_date_expressions

__all__ = ["parse_loose_date"]

_MONTH_NAMES = {name.lower(): name for name in (*MONTHS, *MONTH_ABBREVIATIONS)}
_WORD = re.compile(r"[A-Za-z]+")
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(ST|ND|RD|TH|St|Nd|Rd|Th)\b")
# Numeric dates the recognizer leaves alone: dotted (15.09.2023) and two-digit years (9/15/23).
_NUMERIC = re.compile(r"^\s*(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})\s*$")


def parse_loose_date(surface: str, anchor: date) -> DateInterval | None:
    """The calendar date in `surface`, a dateline or other loose text; None when there is none.

    Month names are read in any case (wire datelines are often upper case: 'SEPT. 15'). A date
    without a year takes the anchor's year, or the year either side when that puts it nearer
    the anchor: a 'Dec. 31' dateline on an article published on Jan. 2 is of the year before.
    Dotted numeric dates are read day-first (15.09.2023), slashed ones month-first unless the
    first field is over 12, as python-dateutil does.
    """
    normalized = _WORD.sub(lambda word: _MONTH_NAMES.get(word[0].lower(), word[0]), surface)
    normalized = _ORDINAL_SUFFIX.sub(lambda suffix: suffix[0].lower(), normalized)
    for expression in find_date_expressions(normalized):
        form = expression.form
        if isinstance(form, CalendarDate) and form.month is not None:
            if form.year is None:
                form = replace(form, year=_nearest_year(form, anchor))
            interval = form.resolve(anchor)
            return interval if interval.precision is not DatePrecision.UNKNOWN else None
    return _numeric_date(surface)


def _nearest_year(form: CalendarDate, anchor: date) -> int:
    assert form.month is not None

    def distance(year: int) -> int:
        try:
            return abs((date(year, form.month or 1, form.day or 1) - anchor).days)
        except ValueError:  # Feb. 29 outside a leap year
            return 10**6

    # min() keeps the first of equals: the anchor's own year wins ties.
    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=distance)


def _numeric_date(surface: str) -> DateInterval | None:
    found = _NUMERIC.match(surface)
    if found is None:
        return None
    first, separator = found.group(1), found.group(2)
    try:
        parsed = dateutil_parser.parse(surface.strip(), dayfirst=separator == ".", yearfirst=len(first) == 4)
    except (ValueError, OverflowError):
        return None
    return DateInterval(parsed.date(), parsed.date(), DatePrecision.DAY)
