"""The OGC API query parameters and content negotiation, without a server: bbox, datetime, Accept."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import status_of
from app.ogc.negotiation import negotiate, parse_accept, preferred_media_type
from app.ogc.spatial import parse_bbox_parameter
from app.ogc.temporal import DayRange, parse_datetime_parameter
from geo.errors import InvalidInputError, NotAcceptableError

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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("130,40,140,55", (130.0, 40.0, 140.0, 55.0)),
        ("130,40,-100,140,55,8848", (130.0, 40.0, 140.0, 55.0)),
        ("170,50,-140,70", (170.0, 50.0, -140.0, 70.0)),  # west > east: across the antimeridian
        ("-180,-90,180,90", (-180.0, -90.0, 180.0, 90.0)),
        (" 1.5, 2 ,3e1,4", (1.5, 2.0, 30.0, 4.0)),
    ],
)
def test_bbox_parameter(raw, expected):
    assert parse_bbox_parameter(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("1,2,3", "four numbers"),
        ("1,2,3,4,5", "four numbers"),
        ("a,b,c,d", "four numbers"),
        ("0,0,nan,10", "four numbers"),
        ("0,0,inf,10", "four numbers"),
        ("", "four numbers"),
        ("0,50,10,40", "south <= north"),
        ("0,0,200,10", "-180..180"),
        ("0,-91,10,10", "-90..90"),
        ("0,0,500,10,10,100", "minimum height"),
    ],
)
def test_bad_bbox_parameter(raw, message):
    with pytest.raises(InvalidInputError, match=message) as caught:
        parse_bbox_parameter(raw)
    assert caught.value.field == "bbox"


FEATURES = {"geojson": "application/geo+json", "json": "application/json"}


@pytest.mark.parametrize(
    ("f", "accept", "expected"),
    [
        (None, None, "application/geo+json"),
        (None, "", "application/geo+json"),
        (None, "*/*", "application/geo+json"),
        (None, "application/json", "application/json"),
        (None, "application/*", "application/geo+json"),
        (None, "application/json;q=0.5, application/geo+json", "application/geo+json"),
        (None, "application/geo+json;q=0.5, application/json", "application/json"),
        (None, "APPLICATION/JSON; charset=utf-8", "application/json"),
        (None, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/geo+json"),
        # The most specific range decides: geo+json is refused outright, */* lets JSON in.
        (None, "application/geo+json;q=0, */*", "application/json"),
        (None, "nonsense", "application/geo+json"),
        ("json", "application/geo+json", "application/json"),
        ("geojson", "text/html", "application/geo+json"),
    ],
)
def test_negotiate(f, accept, expected):
    assert negotiate(FEATURES, f, accept) == expected


@pytest.mark.parametrize("accept", ["text/html", "application/gml+xml", "application/*;q=0", "*/*;q=0"])
def test_nothing_acceptable_is_406(accept):
    with pytest.raises(NotAcceptableError) as caught:
        negotiate(FEATURES, None, accept)
    assert status_of(caught.value) == (406, "not acceptable")
    assert "f=" in caught.value.message


def test_accept_parsing_skips_junk_and_clamps_weights():
    ranges = parse_accept("text/html;level=1;q=0.7, bad, */*;q=2, application/json;q=x")
    assert [(r.type, r.subtype, r.quality) for r in ranges] == [
        ("text", "html", 0.7),
        ("*", "*", 1.0),
        ("application", "json", 0.0),
    ]
    assert preferred_media_type([], "*/*") is None
