"""Date expressions: recognition, resolution against the published date, offsets and datelines."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo.errors import InvalidInputError
from geo.model import DateInterval, DatePrecision
from geo.text.dates import (
    CalendarDate,
    Direction,
    WeekdayDate,
    find_date_expressions,
    parse_loose_date,
    resolve_relative,
)

DAY, MONTH, YEAR, UNKNOWN = (
    DatePrecision.DAY,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
    DatePrecision.UNKNOWN,
)
FRI = date(2023, 9, 15)  # the seed article's publication: a Friday
NEW_YEAR = date(2024, 1, 1)  # a Monday, on a year boundary
D = date
NOVEMBER_2014 = DateInterval(D(2014, 11, 1), D(2014, 11, 30), MONTH)
APRIL_2019 = DateInterval(D(2019, 4, 1), D(2019, 4, 30), MONTH)

# sentence, anchor, future, surface of the one expression, expected start, end, precision
RESOLVED = [
    # weekdays
    ("Kim entered Russia on Tuesday.", FRI, False, "Tuesday", D(2023, 9, 12), D(2023, 9, 12), DAY),
    ("Kim will visit Vladivostok on Tuesday.", FRI, True, "Tuesday", D(2023, 9, 19), D(2023, 9, 19), DAY),
    ("Putin spoke after Wednesday's summit.", FRI, False, "Wednesday", D(2023, 9, 13), D(2023, 9, 13), DAY),
    ("Putin on Friday briefed Lukashenko.", FRI, False, "Friday", FRI, FRI, DAY),
    ("The talks resume on Friday.", FRI, True, "Friday", FRI, FRI, DAY),
    ("He left Moscow last Friday.", FRI, False, "last Friday", D(2023, 9, 8), D(2023, 9, 8), DAY),
    ("Talks open next Monday.", FRI, True, "next Monday", D(2023, 9, 18), D(2023, 9, 18), DAY),
    ("They met Thursday of last week.", FRI, False, "Thursday of last week", D(2023, 9, 7), D(2023, 9, 7), DAY),
    ("The summit opens this Friday.", NEW_YEAR, True, "this Friday", D(2024, 1, 5), D(2024, 1, 5), DAY),
    ("He arrived Sunday night.", NEW_YEAR, False, "Sunday night", D(2023, 12, 31), D(2023, 12, 31), DAY),
    ("They spoke this past Saturday.", NEW_YEAR, False, "this past Saturday", D(2023, 12, 30), D(2023, 12, 30), DAY),
    # days named from the anchor
    ("He toured an aircraft factory today.", FRI, False, "today", FRI, FRI, DAY),
    ("He arrived yesterday.", NEW_YEAR, False, "yesterday", D(2023, 12, 31), D(2023, 12, 31), DAY),
    ("They meet tomorrow.", D(2023, 12, 31), True, "tomorrow", NEW_YEAR, NEW_YEAR, DAY),
    ("Tonight the leaders dine together.", FRI, False, "Tonight", FRI, FRI, DAY),
    ("The drones struck last night.", FRI, False, "last night", D(2023, 9, 14), D(2023, 9, 14), DAY),
    ("Left the day before yesterday", FRI, False, "the day before yesterday", D(2023, 9, 13), D(2023, 9, 13), DAY),
    # calendar weeks, weekends, months, years
    ("Kim arrived this week.", FRI, False, "this week", D(2023, 9, 11), D(2023, 9, 17), DAY),
    ("Kim left last week.", FRI, False, "last week", D(2023, 9, 4), D(2023, 9, 10), DAY),
    ("Talks follow next week.", FRI, True, "next week", D(2023, 9, 18), D(2023, 9, 24), DAY),
    ("Exports rose this month.", FRI, False, "this month", D(2023, 9, 1), D(2023, 9, 30), MONTH),
    ("Exports fell last month.", NEW_YEAR, False, "last month", D(2023, 12, 1), D(2023, 12, 31), MONTH),
    ("Talks resume next month.", D(2023, 12, 20), True, "next month", NEW_YEAR, D(2024, 1, 31), MONTH),
    ("Trade grew this year.", FRI, False, "this year", D(2023, 1, 1), D(2023, 12, 31), YEAR),
    ("Trade fell last year.", FRI, False, "last year", D(2022, 1, 1), D(2022, 12, 31), YEAR),
    ("Elections are due next year.", FRI, True, "next year", D(2024, 1, 1), D(2024, 12, 31), YEAR),
    ("Earlier this month, Kim fired missiles.", FRI, False, "Earlier this month", D(2023, 9, 1), D(2023, 9, 14), MONTH),
    ("He may return later this year.", FRI, True, "later this year", D(2023, 9, 16), D(2023, 12, 31), YEAR),
    ("A vote is due early next week.", FRI, True, "early next week", D(2023, 9, 18), D(2023, 9, 20), DAY),
    ("Talks stalled late last year.", FRI, False, "late last year", D(2022, 9, 1), D(2022, 12, 31), YEAR),
    ("Troops leave by the end of the month.", FRI, True, "the end of the month", D(2023, 9, 21), D(2023, 9, 30), MONTH),
    ("Fans gather this weekend.", FRI, True, "this weekend", D(2023, 9, 16), D(2023, 9, 17), DAY),
    ("Shelling hit the city over the weekend.", FRI, False, "the weekend", D(2023, 9, 9), D(2023, 9, 10), DAY),
    ("Protests are planned over the weekend.", FRI, True, "the weekend", D(2023, 9, 16), D(2023, 9, 17), DAY),
    # months and days without a year
    ("Lavrov is expected to visit in October.", FRI, True, "October", D(2023, 10, 1), D(2023, 10, 31), MONTH),
    ("Lavrov visited in October.", FRI, False, "October", D(2022, 10, 1), D(2022, 10, 31), MONTH),
    ("The talks began in September.", FRI, False, "September", D(2023, 9, 1), D(2023, 9, 30), MONTH),
    ("More talks are due in September.", FRI, True, "September", D(2023, 9, 1), D(2023, 9, 30), MONTH),
    ("He arrived in May.", FRI, False, "May", D(2023, 5, 1), D(2023, 5, 31), MONTH),
    ("Kim is due in January.", D(2023, 12, 20), True, "January", D(2024, 1, 1), D(2024, 1, 31), MONTH),
    ("It was signed last October.", D(2023, 11, 20), False, "last October", D(2023, 10, 1), D(2023, 10, 31), MONTH),
    ("The deal was signed last October.", FRI, False, "last October", D(2022, 10, 1), D(2022, 10, 31), MONTH),
    ("A visit is planned next March.", FRI, True, "next March", D(2024, 3, 1), D(2024, 3, 31), MONTH),
    ("Fighting flared in mid-September.", FRI, False, "mid-September", D(2023, 9, 11), D(2023, 9, 20), MONTH),
    ("Voting starts in early October.", FRI, True, "early October", D(2023, 10, 1), D(2023, 10, 10), MONTH),
    ("The month of April was wet.", FRI, False, "April", D(2023, 4, 1), D(2023, 4, 30), MONTH),
    ("The visit is scheduled for October.", FRI, True, "October", D(2023, 10, 1), D(2023, 10, 31), MONTH),
    ("Three seats are open in the November election.", FRI, True, "November", D(2023, 11, 1), D(2023, 11, 30), MONTH),
    ("Turnout fell in October's election.", FRI, False, "October", D(2022, 10, 1), D(2022, 10, 31), MONTH),
    ("The plant was visited Sept. 15.", FRI, False, "Sept. 15", FRI, FRI, DAY),
    ("The ship sailed on Sep 16.", FRI, False, "Sep 16", D(2022, 9, 16), D(2022, 9, 16), DAY),
    ("The ship sails on Sep 16.", FRI, True, "Sep 16", D(2023, 9, 16), D(2023, 9, 16), DAY),
    ("The forum runs Oct. 3-5 in Vladivostok.", FRI, True, "Oct. 3-5", D(2023, 10, 3), D(2023, 10, 5), DAY),
    ("The treaty was signed Feb. 29.", FRI, False, "Feb. 29", D(2020, 2, 29), D(2020, 2, 29), DAY),
    ("Fireworks rose on Dec. 31.", D(2024, 1, 2), False, "Dec. 31", D(2023, 12, 31), D(2023, 12, 31), DAY),
    # full calendar dates
    ("Kim flew in on 15 September 2023.", FRI, False, "15 September 2023", FRI, FRI, DAY),
    ("Kim flew in on September 15, 2023.", FRI, False, "September 15, 2023", FRI, FRI, DAY),
    ("He came on April 25th, 2019.", FRI, False, "April 25th, 2019", D(2019, 4, 25), D(2019, 4, 25), DAY),
    ("It opened on the 25th of April 2019.", FRI, False, "the 25th of April 2019", D(2019, 4, 25), D(2019, 4, 25), DAY),
    ("Kim crossed Tuesday, Sept. 12, 2023.", FRI, True, "Tuesday, Sept. 12, 2023", D(2023, 9, 12), D(2023, 9, 12), DAY),
    ("It was his first trip since April 2019.", FRI, False, "April 2019", D(2019, 4, 1), D(2019, 4, 30), MONTH),
    ("Talks failed in late April 2019.", FRI, False, "late April 2019", D(2019, 4, 21), D(2019, 4, 30), MONTH),
    ("They met in August of 2019.", FRI, False, "August of 2019", D(2019, 8, 1), D(2019, 8, 31), MONTH),
    ("The order is dated 2023-09-15.", D(2023, 10, 1), False, "2023-09-15", FRI, FRI, DAY),
    ("The memo is dated 9/15/2023.", FRI, False, "9/15/2023", FRI, FRI, DAY),
    ("The memo is dated 15/09/2023.", FRI, False, "15/09/2023", FRI, FRI, DAY),
    # years in context
    ("Kim met Trump in 2019.", FRI, False, "2019", D(2019, 1, 1), D(2019, 12, 31), YEAR),
    ("No leader has come since 2019.", FRI, False, "2019", D(2019, 1, 1), D(2019, 12, 31), YEAR),
    ("The 2019 Russian visit came first.", FRI, False, "2019", D(2019, 1, 1), D(2019, 12, 31), YEAR),
    ("Kim's 2019 trip was short.", FRI, False, "2019", D(2019, 1, 1), D(2019, 12, 31), YEAR),
    ("Sanctions tightened in early 2019.", FRI, False, "early 2019", D(2019, 1, 1), D(2019, 4, 30), YEAR),
    ("Talks stalled by mid-2019.", FRI, False, "mid-2019", D(2019, 5, 1), D(2019, 8, 31), YEAR),
    ("2019's summit ended early.", FRI, False, "2019", D(2019, 1, 1), D(2019, 12, 31), YEAR),
    # offsets from the anchor
    ("Kim visited two years ago.", FRI, False, "two years ago", D(2021, 1, 1), D(2021, 12, 31), YEAR),
    ("The train left three days ago.", FRI, False, "three days ago", D(2023, 9, 12), D(2023, 9, 12), DAY),
    ("He landed a week ago.", FRI, False, "a week ago", D(2023, 9, 8), D(2023, 9, 8), DAY),
    ("Talks began two months ago.", FRI, False, "two months ago", D(2023, 7, 1), D(2023, 7, 31), MONTH),
    ("A decade ago, Kim took power.", FRI, False, "A decade ago", D(2013, 1, 1), D(2013, 12, 31), YEAR),
    ("They meet in two weeks' time.", FRI, True, "in two weeks' time", D(2023, 9, 29), D(2023, 9, 29), DAY),
    # rolling spans
    ("Kim toured sites in the past two weeks.", FRI, False, "the past two weeks", D(2023, 9, 1), FRI, DAY),
    ("He will visit in the coming days.", FRI, True, "the coming days", FRI, None, UNKNOWN),
    ("Shelling grew in recent weeks.", FRI, False, "recent weeks", None, FRI, UNKNOWN),
    ("Rates rise in the next three months", FRI, True, "the next three months", D(2023, 9, 1), D(2023, 12, 31), MONTH),
    ("More visits may follow in the days ahead.", FRI, True, "the days ahead", FRI, None, UNKNOWN),
    # offsets from another event cannot be placed alone
    ("It came two months after the summit.", FRI, False, "two months after", None, None, UNKNOWN),
    ("Three days later, Kim left.", FRI, False, "Three days later", None, None, UNKNOWN),
    ("He returned the next day.", FRI, False, "the next day", None, None, UNKNOWN),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "anchor", "future", "surface", "start", "end", "precision"),
    RESOLVED,
    ids=[f"{row[3]}@{row[1]}{'+' if row[2] else ''}" for row in RESOLVED],
)
def test_finds_and_resolves(sentence, anchor, future, surface, start, end, precision):
    (expression,) = find_date_expressions(sentence)
    assert expression.surface == surface
    assert sentence[expression.start : expression.end] == surface
    assert expression.resolve(anchor, future=future) == DateInterval(start, end, precision)


NO_DATES = [
    "Kim may visit Moscow soon.",
    "May I ask one more question?",
    "Prime Minister Theresa May spoke to reporters.",
    "Lawmakers voted for May in the leadership contest.",
    "Thousands march through the capital.",
    "The March on Washington drew crowds.",
    "April Ryan asked the first question.",
    "Jan Egeland called for a ceasefire.",
    "The Sun reported the story first.",
    "Sat in the front row, Kim smiled.",
    "2019 people were evacuated.",
    "A crowd of 2019 protesters gathered.",
    "About 2,019 people fled the fighting.",
    "The death toll rose to 2019 victims.",
    "Resolution 2019 was adopted unanimously.",
    "The flight left at 1200 GMT.",
    "Black Friday sales rose sharply.",
    "The Sunday Times published the letter.",
    "He wrote a column for the Mail on Sunday.",
    "Super Tuesday results came in.",
    "Kim stayed in Russia for two weeks.",
    "It was his first trip in four years.",
    "The last year of his term was calm.",
    "USA Today reported the deal.",
    "The Mayor of Vladivostok welcomed him.",
    "He sat in Room 1204 of the hotel.",
    "John Doe, of 1205 Lone Oak Road, was charged.",
    "He pulled into a driveway in the 1200 block of North John Street.",
    "Funds went to the March for Babies.",
    "For the next 13 years, she trained nurses.",
    "He was paid less during the last year of his contract.",
]


@pytest.mark.parametrize("sentence", NO_DATES)
def test_finds_no_date(sentence):
    assert find_date_expressions(sentence) == []


def test_finds_every_expression_in_order_with_exact_spans():
    sentence = (
        "Between March and May, and again on Oct. 3-5, Kim met Putin; "
        "two days later he left, and he returns next week. From 2007 to 2008 trade fell."
    )
    found = find_date_expressions(sentence)
    assert [e.surface for e in found] == [
        "March", "May", "Oct. 3-5", "two days later", "next week", "2007", "2008",
    ]  # fmt: skip
    assert all(sentence[e.start : e.end] == e.surface for e in found)


def test_prefers_the_longest_reading():
    # "April 2019" is one month, not a month and a year; "Sep 15" is not a bare "15".
    assert [e.surface for e in find_date_expressions("since April 2019, and Sep 15")] == [
        "April 2019",
        "Sep 15",
    ]


def test_rejects_text_that_is_not_a_string():
    with pytest.raises(InvalidInputError):
        find_date_expressions(b"on Tuesday")  # type: ignore[arg-type]


# expression, reference, invert -> expected start, end, precision
RELATIVE = [
    ("two months before", APRIL_2019, False, D(2019, 2, 1), D(2019, 2, 28), MONTH),
    ("two months after", APRIL_2019, False, D(2019, 6, 1), D(2019, 6, 30), MONTH),
    ("two months after", APRIL_2019, True, D(2019, 2, 1), D(2019, 2, 28), MONTH),
    ("three days later", DateInterval(D(2023, 9, 12), D(2023, 9, 12), DAY), False, FRI, FRI, DAY),
    ("a week earlier", DateInterval(FRI, FRI, DAY), False, D(2023, 9, 8), D(2023, 9, 8), DAY),
    ("two years after", DateInterval(FRI, FRI, DAY), False, D(2025, 1, 1), D(2025, 12, 31), YEAR),
    ("three days after", APRIL_2019, False, D(2019, 4, 1), D(2019, 4, 30), MONTH),
    # The days straddle two months: the one that holds most of them.
    ("the day before", NOVEMBER_2014, False, D(2014, 11, 1), D(2014, 11, 30), MONTH),
    ("ten days before", NOVEMBER_2014, False, D(2014, 11, 1), D(2014, 11, 30), MONTH),
    ("20 days before", NOVEMBER_2014, False, D(2014, 10, 1), D(2014, 10, 31), MONTH),
    ("a year earlier", DateInterval(D(2019, 1, 1), D(2019, 12, 31), YEAR), False, D(2018, 1, 1), D(2018, 12, 31), YEAR),
    ("the next day", DateInterval(D(2023, 12, 31), D(2023, 12, 31), DAY), False, NEW_YEAR, NEW_YEAR, DAY),
    ("the same day", DateInterval(FRI, FRI, DAY), False, FRI, FRI, DAY),
    ("the previous week", DateInterval(D(2023, 9, 11), D(2023, 9, 17), DAY), False, D(2023, 9, 4), D(2023, 9, 10), DAY),
    ("48 hours later", DateInterval(FRI, FRI, DAY), False, D(2023, 9, 17), D(2023, 9, 17), DAY),
    ("days before", DateInterval(FRI, FRI, DAY), False, None, D(2023, 9, 14), UNKNOWN),
    ("weeks later", APRIL_2019, False, D(2019, 5, 1), None, UNKNOWN),
    ("two months after", DateInterval(), False, None, None, UNKNOWN),
]  # fmt: skip


@pytest.mark.parametrize(
    ("phrase", "reference", "invert", "start", "end", "precision"),
    RELATIVE,
    ids=[f"{row[0]}{'-inverted' if row[2] else ''}@{row[1].iso()}" for row in RELATIVE],
)
def test_resolve_relative_shifts_the_reference(phrase, reference, invert, start, end, precision):
    (expression,) = find_date_expressions(phrase)
    assert expression.needs_reference
    assert resolve_relative(expression, reference, invert=invert) == DateInterval(start, end, precision)


def test_offset_is_exposed_with_its_direction():
    (counted,) = find_date_expressions("two months after")
    assert counted.offset is not None
    assert counted.offset.delta == relativedelta(months=2)
    assert counted.offset.direction is Direction.AFTER
    (uncounted,) = find_date_expressions("days before")
    assert uncounted.offset is not None
    assert uncounted.offset.delta is None
    assert uncounted.offset.direction is Direction.BEFORE
    (ago,) = find_date_expressions("two years ago")
    assert ago.offset is not None and not ago.needs_reference
    (weekday,) = find_date_expressions("on Tuesday")
    assert weekday.offset is None and not weekday.needs_reference


def test_resolve_relative_refuses_an_expression_without_offset():
    (weekday,) = find_date_expressions("on Tuesday")
    with pytest.raises(InvalidInputError):
        resolve_relative(weekday, DateInterval(FRI, FRI, DAY))


def test_seed_sentence_two_months_before_the_2019_visit():
    # "The 2019 Russian visit [April 2019] came two months after" the Hanoi summit: February 2019.
    sentence = "The 2019 Russian visit came two months after Kim failed to win sanctions relief."
    year, offset = find_date_expressions(sentence)
    assert year.resolve(FRI).iso() == "2019"
    (visit,) = find_date_expressions("his first foreign trip since April 2019")
    summit = resolve_relative(offset, visit.resolve(FRI), invert=True)
    assert (summit.iso(), summit.precision) == ("2019-02", MONTH)


# surface, anchor -> expected interval (None: no date)
LOOSE = [
    ("SEOUL (S Korea), Sep 15:", FRI, DateInterval(FRI, FRI, DAY)),
    ("WASHINGTON, Sept. 15 (Reuters) -", FRI, DateInterval(FRI, FRI, DAY)),
    ("MOSCOW, SEPT. 14 (AP) —", FRI, DateInterval(D(2023, 9, 14), D(2023, 9, 14), DAY)),
    ("BEIJING, Dec. 31 (Xinhua) --", D(2024, 1, 2), DateInterval(D(2023, 12, 31), D(2023, 12, 31), DAY)),
    ("TOKYO, Jan 2 -", D(2023, 12, 31), DateInterval(D(2024, 1, 2), D(2024, 1, 2), DAY)),
    ("KYIV, 15 September 2022", FRI, DateInterval(D(2022, 9, 15), D(2022, 9, 15), DAY)),
    ("Sep 20", FRI, DateInterval(D(2023, 9, 20), D(2023, 9, 20), DAY)),
    ("15.09.2023", D(2024, 5, 1), DateInterval(FRI, FRI, DAY)),
    ("LONDON (Reuters) -", FRI, None),
    ("", FRI, None),
]  # fmt: skip


@pytest.mark.parametrize(("surface", "anchor", "expected"), LOOSE, ids=[row[0] or "empty" for row in LOOSE])
def test_parse_loose_date_takes_the_year_from_the_anchor(surface, anchor, expected):
    assert parse_loose_date(surface, anchor) == expected


anchors = st.dates(min_value=date(1901, 1, 1), max_value=date(2199, 12, 31))


@settings(derandomize=True, max_examples=300)
@given(anchor=anchors, weekday=st.integers(0, 6))
def test_a_bare_weekday_is_within_the_week_on_the_tense_side_of_the_anchor(anchor, weekday):
    past = WeekdayDate(weekday).resolve(anchor)
    future = WeekdayDate(weekday).resolve(anchor, future=True)
    assert past.start == past.end and future.start == future.end
    assert past.start is not None and future.start is not None
    assert past.start.weekday() == weekday == future.start.weekday()
    assert anchor - timedelta(days=6) <= past.start <= anchor <= future.start <= anchor + timedelta(days=6)


@settings(derandomize=True, max_examples=300)
@given(anchor=anchors, month=st.integers(1, 12), day=st.integers(1, 31))
@example(anchor=date(2023, 3, 1), month=2, day=29)
def test_a_day_without_year_is_the_nearest_one_on_the_tense_side(anchor, month, day):
    try:
        form = CalendarDate(month=month, day=day)
    except InvalidInputError:
        return  # no such day in any year (April 31)
    past, future = form.resolve(anchor), form.resolve(anchor, future=True)
    assert past.start is not None and future.start is not None
    assert (past.start.month, past.start.day) == (month, day) == (future.start.month, future.start.day)
    # Within one year of the anchor, or within the eight years that bring back Feb. 29.
    reach = timedelta(days=366 if (month, day) != (2, 29) else 8 * 366)
    assert anchor - reach < past.start <= anchor <= future.start < anchor + reach


# Pieces of dates and the glue between them, so that random texts come near real expressions.
TOKENS = [*"0123456789 ,.-/'", "May", "Sept.", "Tuesday", "in ", "last ", "week", "2019", " ago", "two ", "days"]


@settings(derandomize=True, max_examples=200)
@given(st.lists(st.sampled_from(TOKENS)).map("".join))
def test_spans_are_ordered_disjoint_and_match_the_text(text):
    found = find_date_expressions(text)
    assert all(text[e.start : e.end] == e.surface for e in found)
    assert all(first.end <= second.start for first, second in itertools.pairwise(found))
    for expression in found:
        expression.resolve(date(2023, 9, 15))
