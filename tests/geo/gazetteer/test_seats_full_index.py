"""Seats of government on the full index: a location reading lands on the building, the institution on nothing."""

from __future__ import annotations

import pytest

from geo.gazetteer.index import SqliteGazetteer
from geo.geodesy import distance_km
from geo.model import Precision
from geo.text.geoparse import Geoparser

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parser(gazetteer: SqliteGazetteer) -> Geoparser:
    return Geoparser(gazetteer, use_ner=False)


@pytest.mark.parametrize(
    ("text", "surface", "gazetteer_id", "point"),
    [
        ("Kim met Trump at the White House on Monday.", "White House", "curated:white-house", (38.8977, -77.0365)),
        ("The talks were held in the Kremlin.", "Kremlin", "curated:moscow-kremlin", (55.7517, 37.6178)),
        ("He was summoned to the Pentagon.", "Pentagon", "curated:the-pentagon", (38.8719, -77.0563)),
        ("The senator spoke at the Capitol.", "Capitol", "curated:united-states-capitol", (38.8899, -77.0091)),
        ("Macron hosted Merkel at the Elysee.", "Elysee", "curated:elysee-palace", (48.8703, 2.3167)),
        ("Merkel spoke in the Bundestag.", "Bundestag", "curated:reichstag-building", (52.5186, 13.3762)),
        ("The prime minister returned to Downing Street.", "Downing Street", "curated:ten-downing-street", None),
        ("Moon received the envoy at the Blue House.", "Blue House", "curated:cheong-wa-dae", None),
        ("Lawmakers gathered at the State Duma on Friday.", "State Duma", "curated:state-duma", (55.7577, 37.6153)),
    ],
)
def test_a_seat_read_as_a_location_is_the_building(parser, text, surface, gazetteer_id, point) -> None:
    [mention] = [m for m in parser.parse(text) if m.surface == surface]
    assert mention.place.gazetteer_id == gazetteer_id
    assert mention.place.precision is Precision.SITE
    if point is not None:
        assert distance_km(mention.place.lat, mention.place.lon, *point) < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "The White House condemned the assassination.",
        "White House spokesman Tommy Vietor said the firm was safe.",
        "The Kremlin denies the claims.",
        "Critics call him a Kremlin stooge, and the Kremlin-backed party agrees.",
        # Russia's parliament, not the Syrian town of Duma.
        "The State Duma passed the bill, and the Duma's speaker praised it.",
    ],
)
def test_a_seat_naming_its_institution_is_no_place(parser, text) -> None:
    assert parser.parse(text) == []
