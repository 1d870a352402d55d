"""app.limits: a request body over the limit is refused before it is read, whole or streamed."""

from __future__ import annotations

from app_fixtures import ARTICLE
from sqlmodel import Session, func, select

from app import models


def count(engine, table) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_body_over_the_limit_is_413(make_client, engine):
    client = make_client(max_body_bytes=2048)
    response = client.post("/api/articles", json={**ARTICLE, "text": "word " * 1000})
    assert response.status_code == 413
    assert "2048" in response.json()["detail"]
    assert count(engine, models.Article) == 0


def test_streamed_body_over_the_limit_is_413(make_client):
    client = make_client(max_body_bytes=2048)

    def chunks():
        yield b'{"text": "'
        for _ in range(100):
            yield b"word " * 20
        yield b'"}'

    response = client.post("/api/articles", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
