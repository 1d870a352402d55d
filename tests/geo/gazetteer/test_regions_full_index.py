"""Regions news names with "the" on the full index: a region feature, never a namesake province or town."""

from __future__ import annotations

import pytest

from geo.gazetteer.index import SqliteGazetteer
from geo.text.geoparse import Geoparser

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parser(gazetteer: SqliteGazetteer) -> Geoparser:
    return Geoparser(gazetteer, use_ner=False)


@pytest.mark.parametrize(
    ("text", "surface", "gazetteer_id"),
    [
        ("Tankers left the Gulf on Monday, officials in Riyadh said.", "Gulf", "curated:persian-gulf"),
        ("Wildfires spread along the West Coast, from California to Oregon.", "West Coast", "curated:west-coast"),
        ("Snow fell across the East Coast on Friday.", "East Coast", "curated:east-coast"),
        ("Storms hit the Gulf Coast of Texas and Louisiana.", "Gulf Coast", "curated:gulf-coast"),
    ],
)
def test_a_region_named_with_its_article_is_the_region(parser, text, surface, gazetteer_id) -> None:
    [mention] = [m for m in parser.parse(text) if m.surface == surface]
    assert mention.place.gazetteer_id == gazetteer_id


def test_another_country_s_west_coast_keeps_its_own_region(parser) -> None:
    text = "Greymouth, on New Zealand's West Coast, flooded."
    [mention] = [m for m in parser.parse(text) if m.surface == "West Coast"]
    assert mention.place.country == "NZ"
