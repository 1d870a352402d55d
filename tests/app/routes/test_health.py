"""app.routes.health: the service says whether its database and gazetteer answer."""

from __future__ import annotations

from app_fixtures import ARTICLE


def test_healthz(client):
    client.post("/api/articles", json=ARTICLE)
    assert client.get("/healthz").json() == {
        "status": "ok",
        "database": "ok",
        "gazetteer": "not built",
        "articles": 1,
    }
