"""app/models.py: a Mention row from the library's mention and back to its values."""

from __future__ import annotations

from app_fixtures import SOCHI, VLADIVOSTOK

from app import models
from app.schemas import MentionPublic
from geo.model import Mention, MentionRole


def test_a_mention_row_keeps_what_the_mention_says() -> None:
    mention = Mention(
        start=28,
        end=39,
        surface="Vladivostok",
        role=MentionRole.DATELINE,
        place=VLADIVOSTOK,
        confidence=0.75,
        alternatives=(SOCHI, VLADIVOSTOK),
        venue="the Vladivostok Civic Center",
    )
    row = models.Mention.from_geo(mention, article_id=7, place_id=3)
    assert (row.article_id, row.place_id, row.role) == (7, 3, "dateline")
    assert row.geo_values() == {
        "start": 28,
        "end": 39,
        "surface": "Vladivostok",
        "role": "dateline",
        "confidence": 0.75,
        "alternatives": ["geonames:491422", "geonames:2013348"],
        "venue": "the Vladivostok Civic Center",
    }
    shown = MentionPublic(**row.geo_values(), id=1, place=None)
    assert (shown.start, shown.end, shown.alternatives) == (28, 39, ["geonames:491422", "geonames:2013348"])


def test_an_unplaced_mention_has_no_place_row_and_a_long_venue_is_cut_to_its_column() -> None:
    mention = Mention(start=0, end=5, surface="Arbat", venue="x" * 400)
    row = models.Mention.from_geo(mention, article_id=1, place_id=None)
    assert row.place_id is None and row.alternatives == ""
    assert row.geo_values()["venue"] == "x" * 300
    assert row.geo_values()["alternatives"] == []
