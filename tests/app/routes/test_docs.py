"""app/routes/docs.py: /docs and /redoc load Swagger UI and ReDoc from the service, nothing from elsewhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.assets import NODE_MODULES
from app.routes.docs import DOCS_FILES

REPOSITORY = Path(__file__).resolve().parents[3]


def _links(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_the_documentation_pages_link_only_to_the_service(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    links = _links(response.text)
    assert links and all(link.startswith("/") for link in links), links
    assert "/openapi.json" in response.text


def test_swagger_ui_sends_the_spec_to_no_validator(client):
    assert '"validatorUrl": null' in client.get("/docs").text


@pytest.mark.skipif(not NODE_MODULES.is_dir(), reason="node_modules is absent: run `npm ci` at the repository root")
@pytest.mark.parametrize("local_path", DOCS_FILES)
def test_the_documentation_assets_are_served(client, local_path):
    response = client.get(f"/assets/vendor/{local_path}")
    assert response.status_code == 200, local_path
    assert response.headers["content-type"].split(";")[0] in ("text/javascript", "application/javascript", "text/css")


def test_the_documentation_packages_are_pinned_with_integrity_hashes():
    declared = json.loads((REPOSITORY / "package.json").read_text())["dependencies"]
    locked = json.loads((REPOSITORY / "package-lock.json").read_text())["packages"]
    for package in ("swagger-ui-dist", "redoc"):
        assert re.fullmatch(r"\d+\.\d+\.\d+", declared[package]), package  # an exact version, no range
        entry = locked[f"node_modules/{package}"]
        assert entry["version"] == declared[package] and entry["integrity"].startswith("sha512-")


def test_the_pages_follow_a_path_prefix(client):
    prefixed = TestClient(client.app, root_path="/itinerant")
    html = prefixed.get("/itinerant/docs").text
    assert "/itinerant/openapi.json" in html and "/itinerant/assets/vendor/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "/itinerant/assets/vendor/redoc/bundles/redoc.standalone.js" in prefixed.get("/itinerant/redoc").text
