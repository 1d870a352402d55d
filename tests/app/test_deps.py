"""app.deps: writes need the service's API key when it has one; reads stay open."""

from __future__ import annotations

from app_fixtures import ARTICLE


def test_writes_need_the_key_when_the_service_has_one(make_client):
    client = make_client(api_key="s3cret")
    refused = client.post("/api/articles", json=ARTICLE)
    assert refused.status_code == 401
    assert "X-API-Key" in refused.json()["detail"]
    assert client.post("/api/articles", json=ARTICLE, headers={"X-API-Key": "wrong"}).status_code == 401
    created = client.post("/api/articles", json=ARTICLE, headers={"X-API-Key": "s3cret"})
    assert created.status_code == 201
    assert client.get("/api/articles").json()["total"] == 1  # reads stay open
    event_id = created.json()["events"][0]["id"]
    assert client.patch(f"/api/events/{event_id}", json={"rejected": True}).status_code == 401
    assert client.post(f"/api/articles/{created.json()['id']}/reprocess").status_code == 401
