"""app.ogc.negotiation: the Accept header and the f parameter, and what nothing acceptable is."""

from __future__ import annotations

import pytest

from app.errors import status_of
from app.ogc.negotiation import negotiate, parse_accept, preferred_media_type
from geo.errors import NotAcceptableError

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
