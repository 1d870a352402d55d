"""What the API accepts fits what the database stores: validation and columns agree."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app import models
from app.schemas import MAX_URL_CHARS, ArticleCreate


def _url(length: int) -> str:
    base = "https://example.org/"
    return base + "a" * (length - len(base))


def test_the_url_limit_is_the_column_length():
    assert models.Article.__table__.c.url.type.length == MAX_URL_CHARS


@pytest.mark.parametrize("length", [MAX_URL_CHARS + 1, 2083])
def test_a_url_longer_than_its_column_is_refused(length):
    with pytest.raises(ValidationError, match="url"):
        ArticleCreate(text="x", url=_url(length))


def test_the_longest_url_is_taken():
    assert len(str(ArticleCreate(text="x", url=_url(MAX_URL_CHARS)).url)) == MAX_URL_CHARS


def test_a_url_long_enough_to_overflow_its_column_is_a_422_not_a_500(client):
    response = client.post("/api/articles", json={"text": "Kim visited Vladivostok.", "url": _url(2050)})
    assert response.status_code == 422, response.text
    assert response.json()["fields"] == ["url"]


@pytest.mark.parametrize("published", [0, 1694736000, 1.5])
def test_a_published_date_given_as_a_number_is_refused(published):
    with pytest.raises(ValidationError, match="published"):
        ArticleCreate(text="x", published=published)
    assert str(ArticleCreate(text="x", published="2023-09-15").published) == "2023-09-15"
