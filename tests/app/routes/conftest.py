"""Fixtures shared by the route tests."""

from __future__ import annotations

import pytest
from app_fixtures import ANADYR, TRIP
from memory_gazetteer import MemoryGazetteer

TEXT = "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi."


@pytest.fixture
def trip_client(make_client):
    """A client whose store holds the test trip, read from one article (a module may define its own)."""
    gazetteer = MemoryGazetteer().add(ANADYR, "Anadyr")
    client = make_client(events=TRIP, gazetteer=gazetteer)
    assert client.post("/api/articles", json={"text": TEXT, "published": "2023-09-15"}).status_code == 201
    return client
