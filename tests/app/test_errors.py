"""app/errors.py: every library error has one status, decided there."""

from __future__ import annotations

import pytest

import geo.errors
from app.errors import STATUS_OF, status_of
from geo.errors import ItinerantError


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("InvalidInputError", 422),
        ("PayloadTooLargeError", 413),
        ("NotFoundError", 404),
        ("ConflictError", 409),
        ("UnauthorizedError", 401),
        ("NotAcceptableError", 406),
        ("FormatNotImplementedError", 501),
        ("GazetteerError", 503),
        ("GazetteerNotBuiltError", 503),
        ("ModelDataError", 503),
        ("ItinerantError", 400),
    ],
)
def test_each_library_error_has_its_status(name, status):
    assert status_of(getattr(geo.errors, name)("x"))[0] == status


def test_every_class_of_the_tree_is_mapped():
    classes = {getattr(geo.errors, name) for name in geo.errors.__all__}
    assert all(issubclass(cls, ItinerantError) for cls in classes)
    assert {cls for cls, _, _ in STATUS_OF} >= classes - {geo.errors.GazetteerNotBuiltError}


def test_a_bad_request_router_answers_invalid_input_with_400_but_keeps_other_statuses():
    assert status_of(geo.errors.InvalidInputError("x"), bad_request=True) == (400, "bad request")
    assert status_of(geo.errors.NotFoundError("x"), bad_request=True)[0] == 404
    assert status_of(geo.errors.PayloadTooLargeError("x"), bad_request=True)[0] == 413


def test_unknown_route_and_method_are_json(client):
    assert client.get("/api/nowhere").json()["error"] == "not found"
    response = client.delete("/api/articles")
    assert response.status_code == 405
    assert response.json()["error"] == "method not allowed"


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def test_a_browser_gets_a_page_for_a_typo_with_a_heading_and_a_link_home(client):
    response = client.get("/actros/kim-jong-un", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="en">' in response.text
    assert "<h1>Page not found</h1>" in response.text
    assert '<a href="/">' in response.text
    assert "<code>/actros/kim-jong-un</code>" in response.text


def test_the_page_escapes_whatever_it_echoes(client):
    response = client.get('/"><script>alert(1)</script><img src=x onerror=alert(2)>', headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert "<script>" not in response.text and "<img" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    missing = client.get("/actors/%3Cb%3Eno-one%3C%2Fb%3E", headers={"Accept": BROWSER_ACCEPT})
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "<b>" not in missing.text and "&lt;b&gt;no-one&lt;/b&gt;" in missing.text


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/api/nowhere", BROWSER_ACCEPT),  # API paths answer in JSON whoever asks
        ("/ogc/collections/nowhere", BROWSER_ACCEPT),
        ("/nowhere", "*/*"),  # fetch(), curl
        ("/nowhere", "application/json"),
        ("/nowhere", None),
        ("/nowhere", "application/json, text/html;q=0.5"),
    ],
)
def test_programs_and_api_paths_keep_json(client, path, accept):
    headers = {"Accept": accept} if accept else {}
    response = client.get(path, headers=headers)
    assert response.status_code == 404
    assert response.json()["error"] == "not found"


def test_a_page_behind_a_prefix_links_home_under_it(make_client):
    from fastapi.testclient import TestClient

    prefixed = TestClient(make_client().app, root_path="/itinerant")
    response = prefixed.get("/itinerant/nowhere", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 404
    assert '<a href="/itinerant/">' in response.text and 'href="/itinerant/static/site.css"' in response.text
