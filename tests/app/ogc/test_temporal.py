"""app.ogc.temporal: the datetime query parameter as a range of days."""

from __future__ import annotations

from datetime import date

import pytest

from app.ogc.temporal import DayRange, parse_datetime_parameter
from geo.errors import InvalidInputError

D = date.fromisoformat


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("2023-09-15", DayRange(D("2023-09-15"), D("2023-09-15"))),
        ("2023-09-15T00:00:00Z", DayRange(D("2023-09-15"), D("2023-09-15"))),
        ("2023-09-15t10:30:00.25z", DayRange(D("2023-09-15"), D("2023-09-15"))),
        ("2023-09-15 10:30:00Z", DayRange(D("2023-09-15"), D("2023-09-15"))),
        # Instants are compared as UTC days: 23:30 at UTC-01:00 is already the 16th in UTC.
        ("2023-09-15T23:30:00-01:00", DayRange(D("2023-09-16"), D("2023-09-16"))),
        ("2023-09-16T00:30:00+02:00", DayRange(D("2023-09-15"), D("2023-09-15"))),
        ("2023-09-15T12:00:00", DayRange(D("2023-09-15"), D("2023-09-15"))),  # no offset: UTC
        ("2023-09-01/2023-09-30", DayRange(D("2023-09-01"), D("2023-09-30"))),
        ("2023-09-01T00:00:00Z/2023-09-02T00:00:00Z", DayRange(D("2023-09-01"), D("2023-09-02"))),
        ("2023-09-15T08:00:00Z/2023-09-15", DayRange(D("2023-09-15"), D("2023-09-15"))),
        ("../2023-09-30", DayRange(None, D("2023-09-30"))),
        ("/2023-09-30", DayRange(None, D("2023-09-30"))),
        ("2023-09-01/..", DayRange(D("2023-09-01"), None)),
        ("2023-09-01/", DayRange(D("2023-09-01"), None)),
        ("../..", DayRange(None, None)),
        (" 2023-09-15 ", DayRange(D("2023-09-15"), D("2023-09-15"))),
    ],
)
def test_datetime_parameter_as_days(raw, expected):
    assert parse_datetime_parameter(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "datetime must be"),
        ("..", "datetime must be"),
        ("yesterday", "datetime must be"),
        ("2023-09", "datetime must be"),
        ("20230915", "datetime must be"),
        ("2023-02-30", "datetime must be"),
        ("2023-09-15T25:00:00Z", "datetime must be"),
        ("2023-09-15T10:00Z", "datetime must be"),
        ("2023-09-01/2023-09-30/2023-10-31", "datetime must be"),
        ("2023-09-30/2023-09-01", "ends before it starts"),
        ("2023-09-15T12:00:00Z/2023-09-15T10:00:00Z", "ends before it starts"),
    ],
)
def test_bad_datetime_parameter_says_what_to_send(raw, message):
    with pytest.raises(InvalidInputError, match=message) as caught:
        parse_datetime_parameter(raw)
    assert caught.value.field == "datetime"


def test_open_range_still_keeps_undated_events_out():
    # date.min as the lower bound is what makes the stored filter drop undated events.
    assert DayRange(None, None).filter_bounds() == (date.min, None)
    assert DayRange(D("2023-09-01"), None).filter_bounds() == (D("2023-09-01"), None)
