"""The stored columns hold every value the library and the API let through, on every configured database."""

from __future__ import annotations

from sqlmodel import Session, select

from app import models
from geo.model import Place, Precision

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
