"""A telephone number's area code places a story's names in the part of the US it rings in."""

from __future__ import annotations

import pytest
from support.memory_gazetteer import MemoryGazetteer, make_place

from geo.model import Mention, Precision
from geo.text.resolve import ResolutionWeights, resolve_mentions

TURKEY, TURKEY_TX, HUNTSVILLE_AL, HUNTSVILLE_TX, TEXAS, ALABAMA = 298795, 4736476, 4068590, 4702732, 4736286, 4829764


def phone_world() -> MemoryGazetteer:
    g = MemoryGazetteer()
    g.add(make_place(TURKEY, "Turkey", 39.0, 35.0, precision=Precision.COUNTRY, country="TR"), prior=0.85)
    g.add(make_place(TURKEY_TX, "Turkey", 34.39, -100.89, country="US", admin1="Texas", population=421), prior=0.3)
    g.add(make_place(HUNTSVILLE_AL, "Huntsville", 34.73, -86.59, country="US", admin1="Alabama", population=200_574))
    g.add(make_place(HUNTSVILLE_TX, "Huntsville", 30.72, -95.55, country="US", admin1="Texas", population=40_938))
    g.add(make_place(TEXAS, "Texas", 31.25, -99.25, precision=Precision.ADMIN1, country="US"))
    g.add(make_place(ALABAMA, "Alabama", 32.75, -86.75, precision=Precision.ADMIN1, country="US"))
    return g


def resolved(world: MemoryGazetteer, text: str, surface: str, **weights: float) -> int | None:
    start = text.index(surface)
    mention = Mention(start, start + len(surface), surface)
    place = resolve_mentions(text, [mention], world, weights=ResolutionWeights(**weights))[0].place
    return place.geonameid if place else None


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        ("936-291-5480", HUNTSVILLE_TX),
        ("(936) 291-5480", HUNTSVILLE_TX),
        ("936.291.5480", HUNTSVILLE_TX),
        ("256-427-5000", HUNTSVILLE_AL),
        ("the 2009-2010 season", HUNTSVILLE_AL),  # no telephone number: the prior decides
    ],
)
def test_the_area_code_of_a_telephone_number_chooses_the_namesake(phone, expected) -> None:
    text = f"Huntsville firefighters responded. Anyone with information may call {phone}."
    assert resolved(phone_world(), text, "Huntsville") == expected


def test_a_country_yields_to_a_town_where_the_number_rings_only_with_more_evidence() -> None:
    text = "The celebration returns to Turkey on Thursday. Call 806-423-1253 for tickets."
    # One telephone number is not enough to outweigh a country's prior...
    assert resolved(phone_world(), text, "Turkey") == TURKEY
    # ...but counts as much as a qualifier, so it adds to the document's other evidence.
    assert resolved(phone_world(), text, "Turkey", phone_area=6.0) == TURKEY_TX


def test_a_state_counts_where_its_area_codes_ring() -> None:
    g = phone_world()
    g.add(make_place(9999991, "Georgia", 42.0, 43.5, precision=Precision.COUNTRY, country="GE"), prior=0.7)
    g.add(make_place(4197000, "Georgia", 32.75, -83.5, precision=Precision.ADMIN1, country="US"), prior=0.6)
    text = "Georgia voters go to the polls. Call 404-555-0100 for your polling place."
    assert resolved(g, text, "Georgia") == 4197000
    assert resolved(g, "Georgia voters go to the polls.", "Georgia") == 9999991


def test_without_the_weight_the_number_is_ignored() -> None:
    text = "Huntsville firefighters responded. Call 936-291-5480."
    assert resolved(phone_world(), text, "Huntsville", phone_area=0.0) == HUNTSVILLE_AL
