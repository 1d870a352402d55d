"""Holidays as dates: which uses of a holiday's name date an event, and the day each falls on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.model import DateInterval, DatePrecision
from geo.text.dates import HolidayDate, find_date_expressions
from geo.text.dates.holidays import HOLIDAYS, easter_sunday, holiday_date

D = date
MID_DECEMBER = D(2016, 12, 15)
NEW_YEAR_EVE = D(2016, 12, 31)

# sentence, anchor, future, surface of the one expression, the day it resolves to
RESOLVED = [
    ("He arrived in Berlin on Christmas Eve.", MID_DECEMBER, False, "Christmas Eve", D(2015, 12, 24)),
    ("He will be home for Christmas.", MID_DECEMBER, True, "Christmas", D(2016, 12, 25)),
    ("She was in Paris over Christmas.", NEW_YEAR_EVE, False, "Christmas", D(2016, 12, 25)),
    ("She spent Christmas in Paris.", NEW_YEAR_EVE, False, "Christmas", D(2016, 12, 25)),
    ("He was arrested on New Year’s Day.", MID_DECEMBER, False, "New Year’s Day", D(2016, 1, 1)),
    ("The talks resume after New Year's Day.", MID_DECEMBER, True, "New Year's Day", D(2017, 1, 1)),
    ("They met on Christmas Day 2015 in Rome.", MID_DECEMBER, False, "Christmas Day 2015", D(2015, 12, 25)),
    ("He flew to Rome last Christmas.", MID_DECEMBER, False, "last Christmas", D(2015, 12, 25)),
    ("He will fly to Rome next Easter.", MID_DECEMBER, True, "next Easter", D(2017, 4, 16)),
    ("They marched on Easter Sunday.", MID_DECEMBER, False, "Easter Sunday", D(2016, 3, 27)),
    ("He spoke in Dublin on Easter Monday.", MID_DECEMBER, False, "Easter Monday", D(2016, 3, 28)),
    ("Pilgrims gathered in Rome on Good Friday.", D(2019, 5, 1), False, "Good Friday", D(2019, 4, 19)),
    ("He laid a wreath on Memorial Day.", MID_DECEMBER, False, "Memorial Day", D(2016, 5, 30)),
    ("She will march in Chicago on Labor Day.", MID_DECEMBER, True, "Labor Day", D(2017, 9, 4)),
    ("They paraded on the Fourth of July.", MID_DECEMBER, False, "Fourth of July", D(2016, 7, 4)),
    ("He visited Lyon on Bastille Day.", MID_DECEMBER, False, "Bastille Day", D(2016, 7, 14)),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "anchor", "future", "surface", "day"), RESOLVED, ids=[row[3] for row in RESOLVED])
def test_a_holiday_dates_an_event(sentence, anchor, future, surface, day):
    (expression,) = find_date_expressions(sentence)
    assert expression.surface == surface
    assert sentence[expression.start : expression.end] == surface
    assert expression.resolve(anchor, future=future) == DateInterval(day, day, DatePrecision.DAY)


NOT_DATES = [
    "Christmas is a time for family.",
    "The Good Friday Agreement ended the conflict.",
    "The Easter Rising began in Dublin.",
    "She went to a Christmas party in Leeds.",
    "Police were busy over the Easter weekend.",
    "Sales rose on Memorial Day weekend.",
    "The Boxing Day tsunami killed thousands.",
    "They handed out Christmas presents.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_a_holiday_naming_an_occasion_dates_nothing(sentence):
    assert find_date_expressions(sentence) == []


@pytest.mark.parametrize(
    ("year", "day"),
    [(2008, D(2008, 3, 23)), (2011, D(2011, 4, 24)), (2016, D(2016, 3, 27)), (2019, D(2019, 4, 21)),
     (2024, D(2024, 3, 31)), (2038, D(2038, 4, 25))],
)  # fmt: skip
def test_easter_follows_the_gregorian_reckoning(year, day):
    assert easter_sunday(year) == day


@settings(derandomize=True, max_examples=200)
@given(year=st.integers(1900, 2199))
def test_easter_is_a_sunday_between_march_22_and_april_25(year):
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert D(year, 3, 22) <= easter <= D(year, 4, 25)


@settings(derandomize=True, max_examples=200)
@given(year=st.integers(1900, 2199))
def test_monday_holidays_fall_on_mondays_in_their_month(year):
    memorial, labor = holiday_date("Memorial Day", year), holiday_date("Labor Day", year)
    assert memorial.weekday() == labor.weekday() == 0
    assert memorial.month == 5 and memorial.day > 24  # the last Monday of May
    assert labor.month == 9 and labor.day <= 7  # the first Monday of September


anchors = st.dates(min_value=D(1901, 1, 1), max_value=D(2198, 12, 31))


@settings(derandomize=True, max_examples=300)
@given(anchor=anchors, name=st.sampled_from(sorted(HOLIDAYS)))
def test_a_bare_holiday_is_the_nearest_one_on_the_tense_side(anchor, name):
    past = HolidayDate(name).resolve(anchor)
    future = HolidayDate(name).resolve(anchor, future=True)
    assert past.precision is future.precision is DatePrecision.DAY
    assert past.start == past.end and future.start == future.end
    # Within a year of the anchor, and the five weeks Easter moves by.
    reach = timedelta(days=366 + 35)
    assert anchor - reach < past.start <= anchor <= future.start < anchor + reach
