"""Venues the gazetteer lacks, named with their town: the town is the mention, the venue is kept on it."""

from __future__ import annotations

import pytest
from conftest import BOTH_MODES, recognized, small_world, surfaces
from support.memory_gazetteer import MemoryGazetteer, make_place

from geo.model import Mention, Precision
from geo.text.geoparse import Geoparser


def venue_world() -> MemoryGazetteer:
    """The small world with small towns, a town named like a saint and a town that is an English word."""
    g = small_world()
    for gid, name, lat, lon, admin1, population in [
        (4835003, "Harwinton", 41.77, -73.07, "Connecticut", 5_500),
        (2640729, "Paisley", 55.83, -4.43, "Scotland", 77_270),
        (4930956, "Boston", 42.36, -71.06, "Massachusetts", 667_137),
        (4274277, "Wamego", 39.20, -96.31, "Kansas", 4_372),
        (5159079, "Francis", 34.9, -96.6, "Oklahoma", 300),
    ]:
        g.add(
            make_place(
                gid,
                name,
                lat,
                lon,
                country="GB" if admin1 == "Scotland" else "US",
                admin1=admin1,
                population=population,
            )
        )
    g.add(make_place(4395255, "Licking", 37.5, -91.86, country="US", admin1="Missouri", population=3_115))
    return g


@pytest.fixture(scope="module")
def world() -> MemoryGazetteer:
    return venue_world()


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "surface", "venue"),
    [
        ("Lamont appeared at the Harwinton Senior Center Sunday.", "Harwinton", "Harwinton Senior Center"),
        ("The supper is at 5 this evening at the Wamego Seniors Center.", "Wamego", "Wamego Seniors Center"),
    ],
)
def test_a_little_known_town_naming_its_facility_is_a_mention_with_the_venue(
    world, use_ner, text, surface, venue
) -> None:
    [mention] = recognized(world, use_ner, text)
    assert (mention.surface, mention.venue) == (surface, venue)


@BOTH_MODES
@pytest.mark.parametrize(
    "text",
    [
        "He was taken to Licking Memorial Hospital.",  # the name is an English word
        "She was taken to St. Francis Hospital yesterday.",  # a saint's name
        "The talk is at the Harwinton Historical Society.",  # no facility
        "The choir of the Wamego College sang.",  # colleges are named after people and rivers as often as towns
    ],
)
def test_a_facility_name_makes_no_mention_of_a_word_a_saint_or_a_college(world, use_ner, text) -> None:
    assert surfaces(world, use_ner, text) == []


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "surface", "venue"),
    [
        ("He was taken to the Royal Alexandria Hospital in Paisley.", "Paisley", "Royal Alexandria Hospital"),
        ("She is at the Glen Oaks Medical Center, Paisley.", "Paisley", "Glen Oaks Medical Center"),
        ("The game is at Boston's Fenway Stadium tonight.", "Boston", "Fenway Stadium"),
    ],
)
def test_a_venue_named_with_its_town_is_kept_on_the_towns_mention(world, use_ner, text, surface, venue) -> None:
    mention = next(m for m in recognized(world, use_ner, text) if m.surface == surface)
    assert mention.venue == venue


def test_a_venue_survives_resolution_and_the_place_is_the_town(world) -> None:
    [mention] = Geoparser(world, use_ner=False).parse("Lamont appeared at the Harwinton Senior Center Sunday.")
    assert mention.venue == "Harwinton Senior Center"
    assert (mention.place.name, mention.place.precision) == ("Harwinton", Precision.CITY)


def test_a_plain_mention_has_no_venue(world) -> None:
    assert [m.venue for m in recognized(world, False, "Kim flew to Vladivostok and then to Moscow.")] == [None, None]
    assert Mention(0, 6, "Moscow").venue is None
