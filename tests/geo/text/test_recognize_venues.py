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
        ("He was taken to Paisley Royal Infirmary.", "Paisley", "Paisley Royal Infirmary"),
        ("She lived at the Harwinton Nursing Home for a year.", "Harwinton", "Harwinton Nursing Home"),
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


def namesake_venue_world() -> MemoryGazetteer:
    """Towns that venues are named in, and namesakes of the words that begin those venues' names."""
    g = venue_world()
    for gid, name, lat, lon, cc, admin1, population in [
        (6173331, "Vancouver", 49.25, -123.12, "CA", "British Columbia", 600_000),
        (5814616, "Vancouver", 45.64, -122.66, "US", "Washington", 190_915),
        (4128894, "Rogers", 36.33, -94.12, "US", "Arkansas", 67_000),
        (6077243, "Montreal", 45.51, -73.59, "CA", "Quebec", 1_600_000),
        (5508030, "McGill", 39.41, -114.78, "US", "Nevada", 1_150),
        (4699066, "Houston", 29.76, -95.36, "US", "Texas", 2_300_000),
    ]:
        g.add(make_place(gid, name, lat, lon, country=cc, admin1=admin1, population=population))
    g.add(make_place(4736286, "Texas", 31.25, -99.25, precision=Precision.ADMIN1, country="US", admin1="Texas"))
    return g


@pytest.fixture(scope="module")
def namesakes() -> MemoryGazetteer:
    return namesake_venue_world()


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("The band played at the Rogers Arena in Vancouver on Saturday.", "Vancouver", "CA"),
        ("She studied law at McGill University in Montreal.", "Montreal", "CA"),
        ("The Rogers Family Medical Center, in downtown Vancouver, opened.", "Vancouver", "CA"),
    ],
)
def test_a_namesake_that_begins_a_venue_the_text_places_elsewhere_is_no_place(namesakes, text, town, country) -> None:
    mentions = Geoparser(namesakes, use_ner=False).parse(text)
    # The namesake is gone, and it no longer pulls the venue's town into its own country.
    assert [(m.surface, m.place.country) for m in mentions] == [(town, country)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A region that holds the venue's town is where the venue is.
        ("He teaches at Texas Southern University in Houston.", ["Texas", "Houston"]),
        # The town named after itself: the same place.
        ("Lamont appeared at the Harwinton Senior Center in Harwinton.", ["Harwinton", "Harwinton"]),
    ],
)
def test_a_place_that_begins_a_venue_in_or_near_it_stays(namesakes, text, expected) -> None:
    assert [m.surface for m in Geoparser(namesakes, use_ner=False).parse(text)] == expected


@BOTH_MODES
def test_the_name_after_a_saints_abbreviation_is_no_place_of_its_own(use_ner) -> None:
    # "Paul" is a region of Cape Verde, but in "the St. Paul XCEL Energy Center" it is the saint's
    # name the text writes whole.
    g = venue_world()
    g.add(make_place(3374391, "Paul", 17.11, -25.02, precision=Precision.ADMIN1, country="CV", population=7_000))
    text = "The team plays at the St. Paul XCEL Energy Center on Thursday. Paul is a region of Cape Verde."
    assert surfaces(g, use_ner, text) == ["Paul"]
