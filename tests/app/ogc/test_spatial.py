"""app.ogc.spatial: the bbox query parameter."""

from __future__ import annotations

import pytest

from app.ogc.spatial import parse_bbox_parameter
from geo.errors import InvalidInputError


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
