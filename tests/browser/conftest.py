"""Browser tests: a live itinerant on a loopback port, driven by Playwright in Debian's Chromium.

The server runs in a thread over a seeded SQLite store (the small fake pipeline of tests/app,
so no gazetteer is needed) with tiles=none, so that a page needs no host but the server.
A second server on another loopback port serves a page of another origin that frames embeds;
`tiled_server` is the service as deployed, with tile-server tiles, for the tests of its fallback.
Every test records the page's requests, console errors, uncaught errors and dialogs; the
`page` fixture fails the test if any went wrong, whatever the test itself checked.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from app_fixtures import KHABAROVSK, KOMSOMOLSK, RUSSIA, SOCHI, TRIP, TWO_TRIPS, VLADIVOSTOK
from live_server import serve
from memory_gazetteer import MemoryGazetteer, make_place
from page_watch import PageWatch
from pipelines import pipeline

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Text an attacker could put in an article: each must show as text and run nothing.
HOSTILE_TITLE = '"><svg onload="window.__pwned=\'title\';alert(1)">Kim <script>window.__pwned="title-script"</script>'
HOSTILE_EVIDENCE = (
    'In April 2019 Kim visited Vladivostok <img src="x" onerror="window.__pwned=\'evidence\';alert(2)"> '
    '`${alert(3)}` </script><script>window.__pwned="evidence-script"</script> C:\\users'
)
HOSTILE_PLACE_TEXT = "Vladivostok"
ARTICLE_TEXT = (
    "Kim Jong Un went to Vladivostok. Then Komsomolsk-on-Amur. Putin stayed in Sochi. "
    '<img src="x" onerror="alert(4)"> <script>alert(5)</script>'
)

_missing = []
if not CHROMIUM.exists():
    _missing.append(f"{CHROMIUM} is absent (apt-get install chromium)")
if importlib.util.find_spec("playwright") is None:
    _missing.append("the playwright package is absent (pip install playwright)")


def pytest_collection_modifyitems(config, items) -> None:
    if not _missing:
        return
    if os.environ.get("CI"):
        # CI installs both (.ci/run): there a missing browser is a broken set-up, not a reason to skip.
        raise pytest.UsageError("browser tests cannot run in CI: " + "; ".join(_missing))
    skip = pytest.mark.skip(reason="browser tests need Chromium and Playwright: " + "; ".join(_missing))
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def _seeded_app(data_dir: Path, *, tiles: str = "none", gazetteer=None):
    from app.db import make_engine
    from app.main import create_app
    from app.migrate import upgrade_database
    from app.services import Services
    from app.settings import Settings

    engine = make_engine(f"sqlite:///{data_dir / 'itinerant.sqlite'}")
    upgrade_database(engine)
    events = [dataclasses.replace(TRIP[0], evidence=HOSTILE_EVIDENCE), *TRIP[1:]]
    places = {"Vladivostok": VLADIVOSTOK, "Komsomolsk-on-Amur": KOMSOMOLSK, "Sochi": SOCHI}
    settings = Settings(data_dir=data_dir, tiles=tiles, asset_mode="local", _env_file=None)
    services = Services(
        settings,
        engine,
        gazetteer_factory=lambda _settings: gazetteer,
        pipeline_factory=lambda _settings, _gazetteer: pipeline(places, events),
    )
    return create_app(services=services), engine


@dataclass(frozen=True)
class LiveServer:
    url: str
    port: int


def seeded_server(data_dir: Path, **app_options) -> Iterator[LiveServer]:
    """A live server over a store seeded with the hostile article; `app_options` go to the app's set-up."""
    from fastapi.testclient import TestClient

    app, engine = _seeded_app(data_dir, **app_options)
    with TestClient(app) as client:  # seed through the API, as a user would
        response = client.post(
            "/api/articles", json={"text": ARTICLE_TEXT, "title": HOSTILE_TITLE, "published": "2023-09-15"}
        )
        assert response.status_code == 201, response.text
    with serve(app) as url:
        yield LiveServer(url, urlsplit(url).port)
    engine.dispose()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    yield from seeded_server(tmp_path_factory.mktemp("browser-store"))


@pytest.fixture(scope="session")
def tiled_server(tmp_path_factory) -> Iterator[LiveServer]:
    """The service with OpenStreetMap tiles by default, as deployed (tests route the tile requests),
    and a gazetteer of two big cities near the trip for the offline basemap's labels."""
    pyongyang = make_place(1871859, "Pyongyang", 39.03385, 125.75432, country="KP", population=3_222_000)
    harbin = make_place(2037013, "Harbin", 45.75, 126.65, country="CN", population=5_878_939)
    gazetteer = MemoryGazetteer().add(pyongyang).add(harbin)
    yield from seeded_server(tmp_path_factory.mktemp("tiled-store"), tiles="OpenStreetMap", gazetteer=gazetteer)


@pytest.fixture(scope="session")
def trips_server(tmp_path_factory) -> Iterator[str]:
    """Kim Jong Un's two trips to Russia (app_fixtures.TWO_TRIPS), with Sochi undated: a store of its own."""
    from fastapi.testclient import TestClient

    from app.db import make_engine
    from app.main import create_app
    from app.migrate import upgrade_database
    from app.services import Services
    from app.settings import Settings

    data_dir = tmp_path_factory.mktemp("trips-store")
    engine = make_engine(f"sqlite:///{data_dir / 'itinerant.sqlite'}")
    upgrade_database(engine)
    places = {p.name: p for p in (VLADIVOSTOK, RUSSIA, KOMSOMOLSK, KHABAROVSK, SOCHI)}
    services = Services(
        Settings(data_dir=data_dir, tiles="none", asset_mode="local", _env_file=None),
        engine,
        gazetteer_factory=lambda _settings: None,
        pipeline_factory=lambda _settings, _gazetteer: pipeline(places, TWO_TRIPS),
    )
    app = create_app(services=services)
    with TestClient(app) as client:
        text = "Kim Jong Un went to Vladivostok in 2019, and to Russia again in 2023."
        assert client.post("/api/articles", json={"text": text, "published": "2023-09-15"}).status_code == 201
    with serve(app) as url:
        yield url
    engine.dispose()


@dataclass(frozen=True)
class OtherOrigin:
    """A page on another loopback port, framing `path` of the live server."""

    url: str
    port: int


@pytest.fixture(scope="session")
def other_origin(live_server) -> Iterator[OtherOrigin]:
    target = live_server.url

    class FramingPage(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            framed = self.path if self.path.startswith("/embed/") or self.path.startswith("/actors/") else "/"
            body = (
                "<!DOCTYPE html><html><head><title>A blog</title></head><body>"
                "<h1>A blog post with a map</h1>"
                f'<iframe id="map" src="{target}{framed}" width="800" height="600" style="border:0"></iframe>'
                "</body></html>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), FramingPage)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield OtherOrigin(f"http://127.0.0.1:{port}", port)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def watch(live_server, other_origin) -> PageWatch:
    return PageWatch({f"127.0.0.1:{live_server.port}", f"127.0.0.1:{other_origin.port}"})


@pytest.fixture
def page(browser, watch, request):
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    page.on("request", lambda req: watch.requests.append(req.url))
    page.on("console", lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))

    def on_dialog(dialog) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    shot_name = re.sub(r"[^\w.-]+", "_", request.node.name)
    page.screenshot(path=str(ARTIFACTS / f"{shot_name}.png"))
    context.close()
    assert watch.foreign_requests() == [], "requests left the host"
    assert watch.page_errors == [], "uncaught errors"
    assert watch.dialogs == [], "a dialog opened"
    assert watch.console_errors == [], "console errors"
