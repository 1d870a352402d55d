"""OGC API - Features at /ogc over the test client, on every configured database."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from app_fixtures import ANADYR, ANCHORAGE, TRIP, VLADIVOSTOK, event
from geojson_pydantic import Feature, FeatureCollection

from app.ogc.vocabulary import CORE, CRS84, GEOJSON_CONFORMANCE, OAS30

TEXT = "Kim Jong Un went to Vladivostok. Putin stayed in Sochi. Cherkasov flew from Anadyr to Anchorage."
# TRIP: Vladivostok 2019-04, Komsomolsk-on-Amur 2023-09-15, Vladivostok planned and undated, Sochi
# 2023-09-15; then a flight across the antimeridian.
EVENTS = [
    *TRIP,
    event("Vitaly Cherkasov", ANADYR, when="2023-06-01", start=400),
    event("Vitaly Cherkasov", ANCHORAGE, when="2023-06-02", start=450),
]
ALL_PLACES = ["Vladivostok", "Komsomolsk-on-Amur", "Vladivostok", "Sochi", "Anadyr", "Anchorage"]
ITEMS = "/ogc/collections/events/items"


@pytest.fixture
def ogc_client(make_client):
    client = make_client(events=EVENTS)
    assert client.post("/api/articles", json={"text": TEXT, "published": "2023-09-15"}).status_code == 201
    return client


def places(collection: dict) -> list[str]:
    return [f["properties"]["place"] for f in collection["features"]]


def rels(document: dict) -> dict[str, dict]:
    return {link["rel"]: link for link in document["links"]}


def test_landing_page_links_lead_somewhere(ogc_client):
    landing = ogc_client.get("/ogc").json()
    links = rels(landing)
    for rel in ("self", "service-desc", "service-doc", "conformance", "data"):
        assert rel in links, rel
        assert ogc_client.get(links[rel]["href"]).status_code == 200, rel
    assert links["data"]["href"].endswith("/ogc/collections")
    assert links["http://www.opengis.net/def/rel/ogc/1.0/data"]["href"] == links["data"]["href"]
    # The OpenAPI media type names the version the document really has.
    openapi = ogc_client.get(links["service-desc"]["href"]).json()
    major_minor = ".".join(openapi["openapi"].split(".")[:2])
    assert links["service-desc"]["type"] == f"application/vnd.oai.openapi+json;version={major_minor}"
    assert ogc_client.get("/ogc/").json() == landing


def test_conformance(ogc_client):
    classes = ogc_client.get("/ogc/conformance").json()["conformsTo"]
    assert CORE in classes and GEOJSON_CONFORMANCE in classes
    openapi_version = ogc_client.get("/openapi.json").json()["openapi"]
    assert (OAS30 in classes) == openapi_version.startswith("3.0.")


def test_collection_metadata_and_extent(ogc_client):
    collection = ogc_client.get("/ogc/collections/events").json()
    assert ogc_client.get("/ogc/collections").json()["collections"] == [collection]
    assert collection["id"] == "events" and collection["itemType"] == "feature"
    assert collection["crs"] == [CRS84]
    # Sochi eastward across Siberia and the Bering Strait to Anchorage is the narrowest box: west > east.
    [bbox] = collection["extent"]["spatial"]["bbox"]
    assert bbox == [39.72569, 43.10562, -149.90028, 64.73424]
    assert collection["extent"]["temporal"]["interval"] == [["2019-04-01T00:00:00Z", "2023-09-15T23:59:59Z"]]
    items = [link for link in collection["links"] if link["rel"] == "items"]
    assert {link["type"] for link in items} == {"application/geo+json", "application/json"}
    for link in items:
        response = ogc_client.get(link["href"])
        assert response.headers["content-type"] == link["type"]


def test_empty_collection_extent_is_the_world_and_open_in_time(make_client):
    collection = make_client(events=[]).get("/ogc/collections/events").json()
    assert collection["extent"]["spatial"]["bbox"] == [[-180.0, -90.0, 180.0, 90.0]]
    assert collection["extent"]["temporal"]["interval"] == [[None, None]]


def test_items_are_geojson_with_counts_and_links(ogc_client):
    response = ogc_client.get(ITEMS)
    assert response.headers["content-type"] == "application/geo+json"
    collection = response.json()
    FeatureCollection.model_validate(collection)
    assert places(collection) == ALL_PLACES
    assert collection["numberMatched"] == collection["numberReturned"] == 6
    assert collection["timeStamp"].endswith("Z")
    links = rels(collection)
    assert set(links) == {"self", "alternate", "collection"}
    assert links["alternate"]["type"] == "application/json"
    assert ogc_client.get(links["alternate"]["href"]).headers["content-type"] == "application/json"
    first = collection["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [131.87353, 43.10562]}
    assert first["properties"]["date"] == "2019-04" and first["properties"]["actor"] == "Kim Jong Un"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bbox=130,40,140,55", ["Vladivostok", "Komsomolsk-on-Amur", "Vladivostok"]),
        ("bbox=130,40,-100,140,55,100", ["Vladivostok", "Komsomolsk-on-Amur", "Vladivostok"]),
        ("bbox=170,50,-140,70", ["Anadyr", "Anchorage"]),
        ("bbox=-10,-10,10,10", []),
        ("datetime=2023-09-15", ["Komsomolsk-on-Amur", "Sochi"]),
        ("datetime=2023-09-15T00:00:00Z", ["Komsomolsk-on-Amur", "Sochi"]),
        ("datetime=2023-09-14T23:30:00-01:00", ["Komsomolsk-on-Amur", "Sochi"]),
        ("datetime=2019-04-10T12:00:00Z", ["Vladivostok"]),  # inside the month the event is dated to
        ("datetime=2023-06-02/2023-06-30", ["Anchorage"]),
        ("datetime=../2023-06-01", ["Vladivostok", "Anadyr"]),
        ("datetime=2023-06-02/..", ["Komsomolsk-on-Amur", "Sochi", "Anchorage"]),
        ("datetime=../..", ["Vladivostok", "Komsomolsk-on-Amur", "Sochi", "Anadyr", "Anchorage"]),
        ("datetime=2020-01-01/2020-12-31", []),
        ("datetime=2023-01-01/..&bbox=100,30,180,70", ["Komsomolsk-on-Amur", "Anadyr"]),
    ],
)
def test_items_filtered(ogc_client, query, expected):
    collection = ogc_client.get(f"{ITEMS}?{query}").json()
    assert places(collection) == expected
    assert collection["numberMatched"] == len(expected)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("bbox=1,2,3", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=0,50,10,40", "bbox"),
        ("bbox=0,0,200,10", "bbox"),
        ("bbox=1,2,3,4,5", "bbox"),
        ("datetime=yesterday", "datetime"),
        ("datetime=2023-02-30", "datetime"),
        ("datetime=2023-09-20/2023-09-01", "datetime"),
        ("limit=0", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("f=html", "f"),
        ("filter=actor='Kim'", "filter"),
        ("bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326", "bbox-crs"),
        ("limit=1&limit=2", "limit"),
    ],
)
def test_bad_items_queries_are_400_naming_the_parameter(ogc_client, query, field):
    response = ogc_client.get(f"{ITEMS}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "bad request"
    assert field in body["detail"]


@pytest.mark.parametrize("path", ["/ogc", "/ogc/conformance", "/ogc/collections", "/ogc/collections/events"])
def test_unknown_parameters_are_400_everywhere(ogc_client, path):
    assert ogc_client.get(f"{path}?colour=red").status_code == 400
    assert ogc_client.get(f"{path}?f=json").status_code == 200


def test_paging_with_next_and_prev(ogc_client):
    seen, href, pages = [], f"{ITEMS}?limit=4&bbox=-180,-90,180,90", []
    while href:
        page = ogc_client.get(href).json()
        pages.append(page)
        assert page["numberMatched"] == 6 and page["numberReturned"] == len(page["features"])
        seen.extend(f["id"] for f in page["features"])
        href = rels(page).get("next", {}).get("href")
    assert [p["numberReturned"] for p in pages] == [4, 2]
    assert len(set(seen)) == 6
    second = rels(pages[1])
    assert "bbox=-180,-90,180,90" in second["self"]["href"]  # filters carried along
    assert ogc_client.get(second["prev"]["href"]).json()["features"] == pages[0]["features"]
    assert "prev" not in rels(pages[0])


def test_limit_default_and_clamp(make_client):
    client = make_client(
        events=[event("Kim Jong Un", VLADIVOSTOK, when=f"2023-09-{day:02d}", start=day * 50) for day in range(1, 13)]
    )
    client.post("/api/articles", json={"text": "Kim Jong Un went to Vladivostok."})
    page = client.get(ITEMS).json()
    assert page["numberReturned"] == 10 and page["numberMatched"] == 12
    assert parse_qs(urlsplit(rels(page)["next"]["href"]).query)["offset"] == ["10"]
    clamped = client.get(f"{ITEMS}?limit=1000000").json()
    assert clamped["numberReturned"] == 12
    assert parse_qs(urlsplit(rels(clamped)["self"]["href"]).query)["limit"] == ["10000"]
    for offset in (50, 10**30):  # the second would overflow a database integer if it were sent
        beyond = client.get(f"{ITEMS}?offset={offset}").json()
        assert beyond["features"] == [] and beyond["numberReturned"] == 0 and "next" not in rels(beyond)


def test_one_item_with_links(ogc_client):
    listed = ogc_client.get(f"{ITEMS}?bbox=170,50,-140,70").json()["features"]
    anchorage = listed[1]
    response = ogc_client.get(f"{ITEMS}/{anchorage['id']}")
    assert response.headers["content-type"] == "application/geo+json"
    feature = response.json()
    Feature.model_validate(feature)
    assert {k: v for k, v in feature.items() if k != "links"} == anchorage
    links = rels(feature)
    assert set(links) == {"self", "alternate", "collection"}
    assert ogc_client.get(links["self"]["href"]).json() == feature
    assert ogc_client.get(links["alternate"]["href"]).headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    "path",
    [
        f"{ITEMS}/999",
        f"{ITEMS}/abc",
        f"{ITEMS}/-1",
        "/ogc/collections/places",
        "/ogc/collections/places/items",
        "/ogc/collections/places/items/1",
    ],
)
def test_unknown_collections_and_features_are_404(ogc_client, path):
    response = ogc_client.get(path)
    assert response.status_code == 404
    assert response.json()["error"] == "not found"


def test_rejected_events_are_not_served(ogc_client):
    [sochi] = ogc_client.get(f"{ITEMS}?bbox=30,40,45,50").json()["features"]
    assert ogc_client.patch(f"/api/events/{sochi['id']}", json={"rejected": True}).status_code == 200
    assert ogc_client.get(f"{ITEMS}/{sochi['id']}").status_code == 404
    assert "Sochi" not in places(ogc_client.get(ITEMS).json())
    [bbox] = ogc_client.get("/ogc/collections/events").json()["extent"]["spatial"]["bbox"]
    assert bbox[0] == 131.87353  # Vladivostok is now the western edge


@pytest.mark.parametrize(
    ("path", "accept", "status", "media_type"),
    [
        ("/ogc", None, 200, "application/json"),
        ("/ogc", "application/json", 200, "application/json"),
        ("/ogc", "text/html,application/xhtml+xml,*/*;q=0.8", 200, "application/json"),
        ("/ogc", "text/html", 406, "application/json"),
        ("/ogc?f=json", "text/html", 200, "application/json"),
        ("/ogc/collections", "application/geo+json", 406, "application/json"),
        (ITEMS, None, 200, "application/geo+json"),
        (ITEMS, "application/json", 200, "application/json"),
        (ITEMS, "application/geo+json, application/json;q=0.9", 200, "application/geo+json"),
        (f"{ITEMS}?f=json", None, 200, "application/json"),
        (f"{ITEMS}?f=geojson", "application/json", 200, "application/geo+json"),
        (ITEMS, "application/gml+xml", 406, "application/json"),
        (f"{ITEMS}/1?f=json", None, 200, "application/json"),
        (f"{ITEMS}/1", "application/gml+xml", 406, "application/json"),
    ],
)
def test_content_negotiation(ogc_client, path, accept, status, media_type):
    response = ogc_client.get(path, headers={"Accept": accept} if accept else {})
    assert response.status_code == status
    assert response.headers["content-type"] == media_type
    if status == 406:
        assert response.json()["error"] == "not acceptable"


def test_links_use_the_public_url(make_client):
    client = make_client(public_url="https://maps.example/itinerant/")
    hrefs = [link["href"] for link in client.get("/ogc").json()["links"]]
    assert hrefs and all(h.startswith("https://maps.example/itinerant/") for h in hrefs)
    assert "https://maps.example/itinerant/ogc/collections" in hrefs


def test_any_origin_may_read(ogc_client):
    response = ogc_client.get(ITEMS, headers={"Origin": "https://maps.example"})
    assert response.headers["access-control-allow-origin"] == "*"


def test_openapi_documents_the_items_parameters(ogc_client):
    operation = ogc_client.get("/openapi.json").json()["paths"]["/ogc/collections/{collection_id}/items"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"bbox", "datetime", "limit", "offset", "f"} <= names
    assert "application/geo+json" in operation["responses"]["200"]["content"]
