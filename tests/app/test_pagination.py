"""Odd input on lists and assets is refused with a 4xx, never a 500."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "path",
    ["/api/articles", "/api/actors", "/api/events", "/api/events.geojson"],
)
@pytest.mark.parametrize("offset", [2**63, 2**63 - 1, 2**64 + 5])
def test_an_offset_beyond_any_store_is_refused(client, path, offset):
    response = client.get(path, params={"offset": offset})
    assert response.status_code in (400, 422), response.text
    assert response.json()["fields"] == ["offset"]


def test_the_ogc_items_answer_an_offset_beyond_any_store_with_an_empty_page(client):
    page = client.get("/ogc/collections/events/items", params={"offset": 2**63})
    assert page.status_code == 200 and page.json()["features"] == []


def test_a_nul_byte_in_an_asset_path_is_a_404(client):
    response = client.get("/assets/vendor/leaflet/dist/leaflet%00.js")
    assert response.status_code == 404
