"""Names made of names: streets and roads (one mention, no place), valleys (placed at their namesake),
"Washington, D.C." (a place and its region)."""

from __future__ import annotations

import pytest
from conftest import BOTH_MODES, recognized, small_world
from support.memory_gazetteer import MemoryGazetteer, make_place

from geo.gazetteer.base import NameType
from geo.model import Precision
from geo.text.composite_names import find_streets
from geo.text.geoparse import Geoparser


def streets_in(text: str) -> list[str]:
    return [text[start:end] for start, end in find_streets(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warden, 44, of 2517 Memphis St., Alexandria, was charged.", ["Memphis St."]),
        ("at the intersection of North Nokomis Street and Darling Avenue", ["North Nokomis Street", "Darling Avenue"]),
        ("Martin Luther King Jr. Boulevard was closed.", ["Martin Luther King Jr. Boulevard"]),
        ("the crash on Highway 82 near the county line", ["Highway 82"]),
        ("State Highway 360 and County Road 43 were flooded", ["State Highway 360", "County Road 43"]),
        # A function word that opens the sentence is not part of the name.
        ("But Elm Street stayed open.", ["Elm Street"]),
        # A possessive is the owner, not the street: "Warden's home on Memphis Street".
        ("police went to Warden's Memphis Street home", ["Memphis Street"]),
    ],
)
def test_street_names_are_found_whole(text: str, expected: list[str]) -> None:
    assert streets_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the Florida Highway Patrol said",  # a capitalised word goes on after the type: an agency
        "Lebanon Street Superintendent Larry Jones",
        "donations to the United Way",  # "Way" is left out
        "a street in Memphis",  # lowercase: no name
        "They walked down the Street.",  # the type alone
    ],
)
def test_no_street_where_the_name_goes_on_or_there_is_none(text: str) -> None:
    assert streets_in(text) == []


def street_world() -> MemoryGazetteer:
    g = small_world()
    g.add(make_place(4641239, "Memphis", 35.15, -90.05, country="US", admin1="Tennessee", population=650_000))
    g.add(make_place(4314550, "Alexandria", 31.31, -92.45, country="US", admin1="Louisiana", population=47_889))
    g.add(make_place(4155751, "Florida", 28.75, -82.5, precision=Precision.ADMIN1, country="US", admin1="Florida"))
    g.add(
        make_place(
            5040631, "Otter Tail County", 46.41, -95.71, precision=Precision.ADMIN2, country="US", population=57_303
        )
    )
    g.add(make_place(6618981, "Downing Street", 51.5034, -0.1276, country="GB", population=0))
    return g


@pytest.fixture(scope="module")
def world() -> MemoryGazetteer:
    return street_world()


@BOTH_MODES
def test_a_street_is_one_mention_and_not_the_town_it_is_named_after(world: MemoryGazetteer, use_ner: bool) -> None:
    text = "Darryl Warden, 44, of 2517 Memphis St., Alexandria, was arrested on Sunday."
    mentions = recognized(world, use_ner, text)
    assert [m.surface for m in mentions] == ["Memphis St.", "Alexandria"]
    placed = {m.surface: m.place for m in Geoparser(world, use_ner=use_ner).parse(text)}
    assert placed["Memphis St."] is None  # the gazetteer has no streets: no place is guessed
    assert placed["Alexandria"] is not None


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The agency keeps its state; the county stays whole beside the road's number.
        ("The Florida Highway Patrol closed the road.", ["Florida"]),
        ("The crash on Otter Tail County Road 80 killed two.", ["Otter Tail County"]),
        # A name the gazetteer knows whole is its place.
        ("Protesters marched to Downing Street on Friday.", ["Downing Street"]),
    ],
)
def test_a_street_yields_to_the_places_around_and_over_it(
    world: MemoryGazetteer, use_ner: bool, text: str, expected: list[str]
) -> None:
    assert [m.surface for m in recognized(world, use_ner, text)] == expected


def valley_world() -> MemoryGazetteer:
    g = small_world()
    g.add(make_place(5391295, "Salinas", 36.68, -121.66, country="US", admin1="California", population=156_000))
    g.add(make_place(1164807, "Swat", 35.2, 72.43, precision=Precision.ADMIN2, country="PK", population=2_300_000))
    g.add(make_place(5609120, "Sun Valley", 43.7, -114.35, country="US", admin1="Idaho", population=1_400))
    g.add(make_place(6080000, "Peace River", 56.23, -117.29, country="CA", admin1="Alberta", population=6_800))
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        ("Lettuce from the Salinas Valley was recalled.", "Salinas Valley", "Salinas"),
        # "Swat" alone is an English word; with "Valley" after it, a district's valley.
        ("Troops entered the Swat Valley on Monday.", "Swat Valley", "Swat"),
        # A name the gazetteer knows whole stays its own place.
        ("She skied in Sun Valley last winter.", "Sun Valley", "Sun Valley"),
    ],
)
def test_a_valley_named_after_a_place_is_one_mention_placed_there(
    use_ner: bool, text: str, surface: str, place: str
) -> None:
    mentions = Geoparser(valley_world(), use_ner=use_ner).parse(text)
    assert [(m.surface, m.place.name if m.place else None) for m in mentions] == [(surface, place)]


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Farms in the Peace River Valley area flooded.", ["Peace River"]),  # a river's valley: the town stays
        ("the Salinas Valley Hospital said", ["Salinas"]),  # a capitalised word goes on: a hospital's name
    ],
)
def test_no_valley_of_a_river_or_inside_a_longer_name(use_ner: bool, text: str, expected: list[str]) -> None:
    assert [m.surface for m in recognized(valley_world(), use_ner, text)] == expected


def capital_world() -> MemoryGazetteer:
    g = small_world()
    g.add(
        make_place(
            4140963, "Washington", 38.9, -77.04, country="US", admin1="District of Columbia", population=700_000
        ),
        "Washington D.C.",
    )
    g.add(make_place(4138106, "District of Columbia", 38.91, -77.01, precision=Precision.ADMIN1, country="US"))
    g.alias("geonames:4138106", "D.C.", name_type=NameType.ABBREVIATION)
    g.alias("geonames:4138106", "Washington D.C.", name_type=NameType.ALTERNATE)
    return g


@BOTH_MODES
def test_a_name_written_with_a_comma_is_a_place_and_its_region(use_ner: bool) -> None:
    """ "Washington, D.C." reads as "Lexington, Ky." does, whatever single name the gazetteer knows."""
    text = "The senator flew to Washington, D.C., on Monday."
    mentions = Geoparser(capital_world(), use_ner=use_ner).parse(text)
    assert [m.surface for m in mentions] == ["Washington", "D.C."]
    assert mentions[0].place.name == "Washington"
    # Written without the comma, the gazetteer's name is one mention.
    assert [m.surface for m in recognized(capital_world(), use_ner, "He lives in Washington D.C. now.")] == [
        "Washington D.C."
    ]


def abbreviations_world() -> MemoryGazetteer:
    """A county and a city news writes cut short, a province abbreviated like a town's name, and a
    town whose alternate is one letter short of its name."""
    g = small_world()
    g.add(make_place(4634946, "Loudon County", 35.74, -84.31, precision=Precision.ADMIN2, country="US"), "Loudon Co")
    g.add(make_place(4560349, "Philadelphia", 39.95, -75.16, country="US", population=1_526_006))
    g.alias("geonames:4560349", "Phila", name_type=NameType.ALTERNATE)
    g.add(make_place(2287298, "Man", 7.41, -7.55, country="CI", population=139_341))
    g.add(make_place(6065171, "Manitoba", 55.0, -97.0, precision=Precision.ADMIN1, country="CA"), prior=0.5)
    g.alias("geonames:6065171", "Man.", name_type=NameType.ABBREVIATION)
    g.add(make_place(5919815, "Churchill", 58.77, -94.17, country="CA", admin1="Manitoba", population=899))
    g.add(make_place(1271550, "Etah", 27.63, 78.66, country="IN", population=118_517))
    g.alias("geonames:1271550", "Eta", name_type=NameType.ALTERNATE)
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name whose last word is cut short ends with the abbreviation's full stop...
        ("A Loudon Co. man died in a wreck.", ["Loudon Co."]),
        ("Phila. officer charged with drug dealing.", ["Phila."]),
        # ...and so does an abbreviation written after a town and its comma, though a town of its
        # name ranks first...
        ("She was born in Churchill, Man. Her parents stayed.", ["Churchill", "Man."]),
        # ...which, alone at the end of a sentence, is that town.
        ("She was born in Man. Her parents stayed.", ["Man"]),
        # A spelling one letter short is no abbreviation: its full stop ends the sentence.
        ("She was born in Eta. Her parents stayed.", ["Eta"]),
    ],
)
def test_a_name_cut_short_ends_with_its_full_stop(use_ner: bool, text: str, expected: list[str]) -> None:
    assert [m.surface for m in recognized(abbreviations_world(), use_ner, text)] == expected
