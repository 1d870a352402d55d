"""A county the story names takes a town's name to the town within it, on the full index."""

from __future__ import annotations

import pytest

from geo.gazetteer.index import SqliteGazetteer
from geo.model import Mention, MentionRole
from geo.text.resolve import ResolutionWeights, resolve_mentions

pytestmark = pytest.mark.slow

# Written for the test: a local story that names its county beside its town, as US news does.
TEXT = "The City of Paris backs the tree project, and the Edgar County board agreed on Monday."


def _paris(gazetteer: SqliteGazetteer, text: str, county: str, weights: ResolutionWeights = ResolutionWeights()):
    mentions = [
        Mention(text.index(surface), text.index(surface) + len(surface), surface, role=MentionRole.PLACE)
        for surface in ("Paris", county)
    ]
    return resolve_mentions(text, mentions, gazetteer, weights=weights)[0].place


def test_a_town_goes_to_the_county_the_story_names(gazetteer: SqliteGazetteer) -> None:
    # Edgar County, Illinois holds the Paris that is its seat.
    place = _paris(gazetteer, TEXT, "Edgar County")
    assert (place.country, place.admin1) == ("US", "Illinois")


def test_without_the_county_evidence_the_capital_keeps_the_name(gazetteer: SqliteGazetteer) -> None:
    # The county's other evidence (a place near, in the story's country) is not enough alone.
    assert _paris(gazetteer, TEXT, "Edgar County", ResolutionWeights(county=0.0)).country == "FR"


def test_a_county_of_another_state_lends_nothing(gazetteer: SqliteGazetteer) -> None:
    text = TEXT.replace("Edgar County", "Orange County")
    assert _paris(gazetteer, text, "Orange County").country == "FR"
