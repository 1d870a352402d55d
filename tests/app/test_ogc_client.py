"""A real OGC API - Features client (OWSLib, over HTTP with `requests`) reads the service end to end.

The app runs under uvicorn on a free 127.0.0.1 port in a background thread, over the test
database of each configured kind, seeded through the API with the test pipeline's events.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import pytest
from app_fixtures import ANADYR, ANCHORAGE, KOMSOMOLSK, SOCHI, VLADIVOSTOK, event
from geojson_pydantic import Feature, FeatureCollection
from live_server import serve
from owslib.ogcapi.features import Features

from app.ogc.vocabulary import CORE, GEOJSON_CONFORMANCE

# Seven events, so that pages of two end on a page of one.
EVENTS = [
    event("Kim Jong Un", VLADIVOSTOK, when="2019-04", start=0),
    event("Kim Jong Un", KOMSOMOLSK, when="2023-09-15", start=100),
    event("Kim Jong Un", VLADIVOSTOK, status="planned", start=200, action="travel"),
    event("Vladimir Putin", SOCHI, when="2023-09-15", start=300, action="meet"),
    event("Vitaly Cherkasov", ANADYR, when="2023-06-01", start=400),
    event("Vitaly Cherkasov", ANCHORAGE, when="2023-06-02", start=450),
    event("Vladimir Putin", VLADIVOSTOK, when="2023-09-12/2023-09-13", start=500),
]


@pytest.fixture
def live_server(make_client) -> Iterator[str]:
    """The base URL of the app served by uvicorn for the length of one test."""
    client = make_client(events=EVENTS)
    assert client.post("/api/articles", json={"text": "Kim Jong Un went to Vladivostok."}).status_code == 201
    with serve(client.app) as url:
        yield url


def owslib_parameters(href: str) -> dict:
    """The query of a `next` link as OWSLib's collection_items() takes it (it joins a bbox list itself)."""
    parameters = dict(parse_qsl(urlsplit(href).query))
    if "bbox" in parameters:
        parameters["bbox"] = [float(n) for n in parameters["bbox"].split(",")]
    return parameters


def read_all_pages(api: Features, **parameters) -> list[dict]:
    """Every page of the events collection, following `next` links as OWSLib is given them."""
    pages = []
    while True:
        page = api.collection_items("events", **parameters)
        FeatureCollection.model_validate(page)
        pages.append(page)
        following = [link["href"] for link in page["links"] if link["rel"] == "next"]
        if not following:
            return pages
        parameters = owslib_parameters(following[0])


def test_owslib_reads_the_service(live_server):
    api = Features(f"{live_server}/ogc")
    assert {link["rel"] for link in api.links} >= {"self", "conformance", "data", "service-desc"}
    conformance = api.conformance()["conformsTo"]
    assert CORE in conformance and GEOJSON_CONFORMANCE in conformance
    assert api.feature_collections() == ["events"]
    collection = api.collection("events")
    assert collection["extent"]["temporal"]["interval"] == [["2019-04-01T00:00:00Z", "2023-09-15T23:59:59Z"]]


def test_owslib_pages_through_every_item(live_server):
    api = Features(f"{live_server}/ogc")
    pages = read_all_pages(api, limit=2)
    assert [page["numberReturned"] for page in pages] == [2, 2, 2, 1]
    assert {page["numberMatched"] for page in pages} == {7}
    ids = [feature["id"] for page in pages for feature in page["features"]]
    assert len(ids) == len(set(ids)) == 7
    # One item by its id, as OWSLib asks for it.
    feature = api.collection_item("events", str(ids[-1]))
    Feature.model_validate(feature)
    assert feature["properties"]["actor"] == "Vladimir Putin"
    assert feature["properties"]["date_start"] == "2023-09-12"


def test_owslib_filters_and_pages(live_server):
    api = Features(f"{live_server}/ogc")
    # West of east across the antimeridian; the pages keep the box as they go.
    pages = read_all_pages(api, limit=1, bbox=[170, 50, -140, 70], datetime_="2023-01-01T00:00:00Z/..")
    assert [[f["properties"]["place"] for f in page["features"]] for page in pages] == [["Anadyr"], ["Anchorage"]]
    overlapping = api.collection_items("events", datetime_="2023-09-13/2023-09-20", limit=10)
    assert sorted(f["properties"]["place"] for f in overlapping["features"]) == [
        "Komsomolsk-on-Amur",
        "Sochi",
        "Vladivostok",
    ]


def test_owslib_sees_errors(live_server):
    api = Features(f"{live_server}/ogc")
    with pytest.raises(RuntimeError, match="bbox"):
        api.collection_items("events", bbox=[0, 50, 10, 40])
    with pytest.raises(RuntimeError, match="no feature"):
        api.collection_item("events", "999")
