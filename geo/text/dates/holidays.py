"""Holidays news dates events by ("on Christmas Eve", "over Easter", "on Memorial Day"), and the
day each falls on in a given year.

Only holidays whose day is the same wherever English news uses the name: Christmas, Boxing Day
and the New Year everywhere; Easter and the days it fixes (Western churches' reckoning); days
named in one country only ("Memorial Day", "Canada Day", "Bastille Day"). Left out, because the
name alone does not say which day: Thanksgiving (late November in the United States, mid-October
in Canada), Mother's Day (March in Britain, May in North America), Labour Day (May 1 in most
countries, September in Canada), Independence Day (a different day in every country that keeps
one), and holidays of lunar calendars (Ramadan, Eid, Diwali, the Lunar New Year), which need
tables this package does not ship.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

__all__ = ["HOLIDAYS", "holiday_date", "easter_sunday"]


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher")."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own letter
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _from_easter(days: int) -> Callable[[int], date]:
    return lambda year: easter_sunday(year) + timedelta(days=days)


def _nth_weekday(month: int, weekday: int, nth: int) -> Callable[[int], date]:
    """The nth `weekday` (Monday 0) of `month`; nth -1 is the last."""

    def day_in(year: int) -> date:
        if nth > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    return day_in


# Each name as news writes it (capitalised; apostrophes folded to "'"), and its day in a year.
HOLIDAYS: dict[str, Callable[[int], date]] = {
    "Christmas": _fixed(12, 25),
    "Christmas Day": _fixed(12, 25),
    "Christmas Eve": _fixed(12, 24),
    "Boxing Day": _fixed(12, 26),
    "New Year's Eve": _fixed(12, 31),
    "New Year's Day": _fixed(1, 1),
    "Valentine's Day": _fixed(2, 14),
    "St. Patrick's Day": _fixed(3, 17),
    "St Patrick's Day": _fixed(3, 17),
    "Halloween": _fixed(10, 31),
    "Fourth of July": _fixed(7, 4),
    "Canada Day": _fixed(7, 1),
    "Australia Day": _fixed(1, 26),
    "Anzac Day": _fixed(4, 25),
    "Bastille Day": _fixed(7, 14),
    "Veterans Day": _fixed(11, 11),
    "Remembrance Day": _fixed(11, 11),
    "Easter": _from_easter(0),
    "Easter Sunday": _from_easter(0),
    "Easter Monday": _from_easter(1),
    "Good Friday": _from_easter(-2),
    "Holy Saturday": _from_easter(-1),
    "Maundy Thursday": _from_easter(-3),
    "Palm Sunday": _from_easter(-7),
    "Ash Wednesday": _from_easter(-46),
    "Martin Luther King Day": _nth_weekday(1, 0, 3),
    "Martin Luther King Jr. Day": _nth_weekday(1, 0, 3),
    "Memorial Day": _nth_weekday(5, 0, -1),
    "Labor Day": _nth_weekday(9, 0, 1),
}


def holiday_date(name: str, year: int) -> date:
    """The day holiday `name` (a key of HOLIDAYS) falls on in `year`."""
    return HOLIDAYS[name](year)
