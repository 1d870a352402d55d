"""app/models.py: a Mention row from the library's mention and back to its values; the stored columns hold
every value the library and the API let through, on every configured database."""

from __future__ import annotations

from app_fixtures import SOCHI, VLADIVOSTOK
from sqlmodel import Session, select

from app import models
from app.schemas import MentionPublic
from geo.model import Mention, MentionRole, Place, Precision

# Asia's population overflows a 32-bit integer.
ASIA = Place(
    "geonames:6255147", "Asia", 29.84064, 89.29688, "continent", Precision.COUNTRY, None, None, 6255147, 3_812_366_000
)


def test_a_place_more_populous_than_a_32_bit_integer_is_stored(make_client, engine):
    client = make_client(events=(), places={"Asia": ASIA})
    response = client.post(
        "/api/articles", json={"text": "Trade ministers from across Asia met in Singapore on Monday."}
    )
    assert response.status_code == 201, response.text
    assert response.json()["mentions"][0]["place"]["geonameid"] == 6255147
    with Session(engine) as session:
        assert session.exec(select(models.Place.population)).one() == 3_812_366_000


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
