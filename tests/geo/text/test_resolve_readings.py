"""Resolution reads a name with its article and a big namesake city as the story's location."""

from __future__ import annotations

import pytest
from conftest import small_world
from support.memory_gazetteer import MemoryGazetteer, make_place

from geo.gazetteer.base import NameType
from geo.model import Mention, Place, Precision
from geo.text.resolve import resolve_mentions

NEW_YORK_STATE, NEW_YORK_CITY, CASABLANCA = 5128638, 5128581, 2553604


def reading_world() -> MemoryGazetteer:
    g = small_world()
    g.add(make_place(NEW_YORK_STATE, "New York", 43.0, -75.5, precision=Precision.ADMIN1, country="US"))
    g.add(
        make_place(NEW_YORK_CITY, "New York City", 40.71, -74.01, country="US", admin1="New York", population=8_804_190)
    )
    g.alias(f"geonames:{NEW_YORK_CITY}", "New York", name_type=NameType.ALTERNATE)
    g.add(make_place(6115047, "Quebec", 52.0, -72.0, precision=Precision.ADMIN1, country="CA"))
    g.add(make_place(6325494, "Quebec City", 46.81, -71.21, country="CA", admin1="Quebec", population=531_902))
    g.alias("geonames:6325494", "Quebec", name_type=NameType.ALTERNATE)
    # Casablanca's translated names: "Dar el Beida" is "the White House".
    g.add(make_place(CASABLANCA, "Casablanca", 33.59, -7.62, country="MA", population=3_665_954))
    g.alias(f"geonames:{CASABLANCA}", "White House", "The White House", name_type=NameType.ALTERNATE)
    g.add(make_place(4667282, "White House", 36.47, -86.65, country="US", admin1="Tennessee", population=11_226))
    palace = Place("curated:white-house", "White House", 38.8977, -77.0365, "palace", Precision.SITE, country="US")
    g.add(palace, "the White House", name_type=NameType.ALTERNATE)
    g.add(make_place(2747373, "The Hague", 52.08, 4.30, country="NL", admin1="South Holland", population=474_292))
    return g


@pytest.fixture(scope="module")
def world() -> MemoryGazetteer:
    return reading_world()


def resolve_first(world: MemoryGazetteer, text: str, surface: str) -> Place:
    start = text.index(surface)
    [mention] = resolve_mentions(text, [Mention(start, start + len(surface), surface)], world)
    return mention.place


@pytest.mark.parametrize(
    ("text", "surface", "place_id"),
    [
        ("The White House said the talks would go on.", "The White House", "curated:white-house"),
        ("Protesters gathered outside the White House on Sunday.", "White House", "curated:white-house"),
        ("The Hague hosts the court.", "The Hague", "geonames:2747373"),
        ("White House, a town of eleven thousand, voted.", "White House", f"geonames:{CASABLANCA}"),
    ],
)
def test_a_name_with_the_article_is_the_place_so_named(world, text, surface, place_id) -> None:
    assert resolve_first(world, text, surface).place_id == place_id


@pytest.mark.parametrize(
    ("text", "surface", "geonameid"),
    [
        ("The governor arrived in New York on Monday.", "New York", NEW_YORK_CITY),
        ("New York's mayor welcomed him.", "New York", NEW_YORK_CITY),
        ("Flights left from New York and Moscow.", "New York", NEW_YORK_CITY),
        ("New York passed the law first.", "New York", NEW_YORK_STATE),
        # A city of half a million is no namesake city: Quebec is the province wherever it is.
        ("Right turns on red became legal in Quebec in 2003.", "Quebec", 6115047),
    ],
)
def test_a_big_namesake_city_is_the_location_written(world, text, surface, geonameid) -> None:
    assert resolve_first(world, text, surface).geonameid == geonameid


def test_a_list_of_states_keeps_the_state(world) -> None:
    text = "Cases rose in Missouri, Kansas and New York."
    mentions = [Mention(text.index(s), text.index(s) + len(s), s) for s in ("Missouri", "Kansas", "New York")]
    assert resolve_mentions(text, mentions, world)[-1].place.geonameid == NEW_YORK_STATE
