"""The headers that keep pages from being framed, scripted or leaked by other sites, on every response.

Content-Security-Policy: `default-src 'self'` and `script-src 'self'`: a page runs scripts from
the service alone, never inline handlers (`onerror=`) or `javascript:` URLs. The map pages are
Folium's, which put their code in inline `<script>` elements: the page that renders one names
them by their SHA-256 hashes (`allow_page_sources`), so exactly those scripts run and no other
inline script. (A nonce would have to be written into the templates of Folium and branca, which
emit these elements; hashing what they emitted needs no change to them.) Styles may be inline,
as Leaflet's and Folium's are; images may come from any https tile server.

Embed routes (`/embed/...`) may be framed by `frame-ancestors <settings>`, with 'self' added to a
list of origins so that the service's own pages can show its embeds; every other response says
`frame-ancestors 'none'` and `X-Frame-Options: DENY` (for browsers that predate CSP).

Every response says `X-Content-Type-Options: nosniff` and `Referrer-Policy:
strict-origin-when-cross-origin` (other sites learn the origin a link came from, never the path
or the query). HTML pages carry no `Access-Control-Allow-Origin`: the data is open to every
origin through the JSON and GeoJSON APIs, the pages are for people.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Final
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import http_error_response, library_error_response
from geo.errors import ForbiddenError

__all__ = [
    "EMBED_PREFIX",
    "REFERRER_POLICY",
    "PageSources",
    "SecurityHeaders",
    "SameOriginWrites",
    "DataCORS",
    "allow_page_sources",
    "content_security_policy",
    "embed_frame_ancestors",
    "inline_script_hashes",
    "origins_of",
]

EMBED_PREFIX: Final = "/embed/"
REFERRER_POLICY: Final = "strict-origin-when-cross-origin"
# Where a response's page names what it may load beyond the service (request.state).
_STATE_KEY: Final = "page_sources"
# Headers of the CORS middleware, which HTML pages do not carry.
_CORS_HEADERS: Final = (
    "access-control-allow-origin",
    "access-control-allow-credentials",
    "access-control-expose-headers",
)


def embed_frame_ancestors(setting: str) -> str:
    """The frame-ancestors source list for embeds, from the setting ("*" or origins)."""
    sources = setting.split()
    if not sources:
        return "'none'"
    if "*" not in sources and "'self'" not in sources and "'none'" not in sources:
        sources.insert(0, "'self'")
    return " ".join(sources)


@dataclass(frozen=True)
class PageSources:
    """What one page may load beyond the service itself, as CSP sources: its inline scripts'
    hashes ('sha256-...') and, with the map assets on CDNs, their origins."""

    scripts: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()
    fonts: tuple[str, ...] = ()
    # Where the page's own scripts may start workers from ("blob:": ReDoc's search index).
    workers: tuple[str, ...] = ()


def content_security_policy(frame_ancestors: str, page: PageSources | None = None) -> str:
    page = page or PageSources()

    def sources(*given: str) -> str:
        return " ".join(dict.fromkeys(given))

    directives = (
        "default-src 'self'",
        "script-src " + sources("'self'", *page.scripts),
        "style-src " + sources("'self'", "'unsafe-inline'", *page.styles),
        "img-src 'self' data: https:",
        "font-src " + sources("'self'", "data:", *page.fonts),
        "connect-src 'self'",
        "worker-src " + sources("'self'", *page.workers),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {frame_ancestors}",
    )
    return "; ".join(directives)


class _ScriptFinder(HTMLParser):
    """The text of each inline <script> of a page, as a browser splits it (up to `</script`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._inline: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "script" and not dict(attrs).get("src"):
            self._inline = []

    def handle_data(self, data) -> None:
        if self._inline is not None:
            self._inline.append(data)

    def handle_endtag(self, tag) -> None:
        if tag == "script" and self._inline is not None:
            self.scripts.append("".join(self._inline))
            self._inline = None


def _parsed(html: str) -> _ScriptFinder:
    finder = _ScriptFinder()
    finder.feed(html)
    finder.close()
    return finder


def _hashes(scripts: list[str]) -> tuple[str, ...]:
    digests = (hashlib.sha256(script.encode("utf-8")).digest() for script in scripts)
    return tuple(dict.fromkeys(f"'sha256-{base64.b64encode(digest).decode('ascii')}'" for digest in digests))


def inline_script_hashes(html: str) -> tuple[str, ...]:
    """CSP sources that allow exactly the inline scripts of `html`: 'sha256-<base64>' each."""
    return _hashes(_parsed(html).scripts)


def origins_of(urls) -> tuple[str, ...]:
    """The origins of the absolute URLs among `urls` ("https://cdn.example"), once each."""
    return tuple(dict.fromkeys(origin for origin in map(_origin_of, urls) if origin))


def allow_page_sources(request: Request, sources: PageSources) -> None:
    """Let the page this request answers load `sources` too (SecurityHeaders puts them in its CSP)."""
    setattr(request.state, _STATE_KEY, sources)


class SecurityHeaders:
    def __init__(self, app: ASGIApp, frame_ancestors: str) -> None:
        self.app = app
        self.embed_ancestors = embed_frame_ancestors(frame_ancestors)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        embed = scope["path"].startswith(EMBED_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                self._add_headers(message, embed, scope.get("state", {}).get(_STATE_KEY))
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _add_headers(self, message: Message, embed: bool, page: PageSources | None) -> None:
        headers = MutableHeaders(scope=message)
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = REFERRER_POLICY
        headers["Content-Security-Policy"] = content_security_policy(self.embed_ancestors if embed else "'none'", page)
        if not embed:
            headers["X-Frame-Options"] = "DENY"
        if headers.get("content-type", "").startswith("text/html"):
            for name in _CORS_HEADERS:
                if name in headers:
                    del headers[name]


_SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


class SameOriginWrites:
    """Refuses a write (POST, PATCH...) that a browser sends from another site's page: CSRF.

    A browser names the page a request comes from in `Origin` (every POST) or at least in
    `Referer`; the write is taken when that origin is the service's own (the Host it was sent
    to, or ITINERANT_PUBLIC_URL's) and refused with a 403 otherwise, `Origin: null` included.
    A request naming no origin at all comes from no web page (curl, a script) and goes on to
    the key check: the ingest form with no key configured is safe from other sites this way.
    """

    def __init__(self, app: ASGIApp, public_url: str | None = None) -> None:
        self.app = app
        self.public_origin = _origin_of(public_url) if public_url else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        claimed = headers.get("origin")
        if claimed is None and headers.get("referer"):
            claimed = _origin_of(headers["referer"]) or "null"
        if claimed is not None and claimed.lower() not in self._own_origins(scope, headers):
            response = library_error_response(
                ForbiddenError("a write must come from this service's own pages (the Origin is another site's)")
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _own_origins(self, scope: Scope, headers: Headers) -> set[str]:
        origins = {f"{scope.get('scheme', 'http')}://{headers.get('host', '')}".lower()}
        if self.public_origin:
            origins.add(self.public_origin)
        return origins


_BODY_HEADERS: Final = ("content-type", "content-length")


class DataCORS(CORSMiddleware):
    """Starlette's CORS, whose refused preflights answer in the service's error shape, not text/plain."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        body = bytes(response.body).decode("utf-8", "replace")
        kept = {name: value for name, value in response.headers.items() if name not in _BODY_HEADERS}
        return http_error_response(response.status_code, body, kept)
