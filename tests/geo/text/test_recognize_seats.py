"""Seats of government (the White House, the Kremlin) are places where the text reads them as locations."""

from __future__ import annotations

import pytest
from conftest import BOTH_MODES, small_world, surfaces
from support.memory_gazetteer import MemoryGazetteer, make_place

from geo.gazetteer.base import NameType
from geo.model import Place, Precision
from geo.text.geoparse import Geoparser

WHITE_HOUSE = Place("curated:white-house", "White House", 38.8977, -77.0365, "seat", Precision.SITE, country="US")
PENTAGON = Place("curated:the-pentagon", "The Pentagon", 38.8719, -77.0563, "seat", Precision.SITE, country="US")
ELYSEE = Place("curated:elysee-palace", "Élysée Palace", 48.8703, 2.3167, "seat", Precision.SITE, country="FR")
BUCKINGHAM = Place(
    "curated:buckingham-palace", "Buckingham Palace", 51.5014, -0.1419, "palace", Precision.SITE, country="GB"
)


def seat_world() -> MemoryGazetteer:
    """The small world with seats of government, their namesakes and a palace that seats no institution."""
    g = small_world()
    g.add(WHITE_HOUSE, "the White House", name_type=NameType.ALTERNATE)
    g.add(make_place(4667282, "White House", 36.47, -86.65, country="US", admin1="Tennessee", population=11_226))
    g.add(PENTAGON, "Pentagon", name_type=NameType.ALTERNATE)
    g.add(make_place(2988507, "Paris", 48.85, 2.35, country="FR", admin1="Ile-de-France", population=2_138_551))
    # The priors of the full index: the arrondissement's alternate name outranks the curated seat.
    g.add(make_place(3020270, "Paris 08 Élysée", 48.87, 2.32, country="FR", population=40_000), prior=0.39)
    g.alias("geonames:3020270", "Élysée", name_type=NameType.ALTERNATE)
    g.add(ELYSEE, "Élysée", name_type=NameType.ALTERNATE, prior=0.255)
    g.add(BUCKINGHAM)
    return g


@pytest.fixture(scope="module")
def world() -> MemoryGazetteer:
    return seat_world()


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim met Trump at the White House on Monday.", ["White House"]),
        ("The envoy flew from Seoul to the White House.", ["Seoul", "White House"]),
        ("He was summoned to the Pentagon on Friday.", ["Pentagon"]),
        ("Macron received Merkel at the Élysée.", ["Élysée"]),
        # A conjunct of a seat read as a location is read so too.
        ("The president visited the Pentagon and the White House.", ["Pentagon", "White House"]),
        ("Talks at the Élysée or the Pentagon were planned.", ["Élysée", "Pentagon"]),
    ],
)
def test_a_seat_of_government_read_as_a_location_is_a_place(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    "text",
    [
        "The White House condemned the attack.",
        "The attack was condemned by the White House and the United Nations.",
        "The Pentagon and the White House traded barbs.",
        "White House spokesman Tommy Vietor said the deal was done.",
        "He called the White House's attention to the case.",
        "Trump met Erdogan at a White House meeting.",
        "Senior Pentagon officials briefed the senators.",
        "A Pentagon-backed study found no link.",
    ],
)
def test_a_seat_of_government_naming_its_institution_is_no_place(world, use_ner, text) -> None:
    assert surfaces(world, use_ner, text) == []


@BOTH_MODES
def test_a_conjunct_does_not_reach_across_a_sentence(world, use_ner) -> None:
    text = "Obama flew to Seoul. However, the White House says the trip is over."
    assert surfaces(world, use_ner, text) == ["Seoul"]


@BOTH_MODES
def test_a_palace_that_seats_no_institution_is_not_gated(world, use_ner) -> None:
    text = "Crowds gathered outside Buckingham Palace. Buckingham Palace staff prepared the banquet."
    assert surfaces(world, use_ner, text) == ["Buckingham Palace", "Buckingham Palace"]


def test_a_seat_read_with_its_article_resolves_to_the_site(world) -> None:
    parser = Geoparser(world, use_ner=False)
    [white_house] = parser.parse("Kim met Trump at the White House on Monday.")
    [elysee] = parser.parse("Macron received Merkel at the Élysée.")
    assert white_house.place == WHITE_HOUSE
    assert elysee.place == ELYSEE
    assert elysee.place.precision is Precision.SITE
