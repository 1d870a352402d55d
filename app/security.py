"""Who may frame our pages: embeds anyone the settings allow, every other page no one.

Embed routes (`/embed/...`) send `Content-Security-Policy: frame-ancestors <settings>`, with
'self' added to a list of origins so that the service's own pages can show its embeds; every
other response sends `frame-ancestors 'none'` and `X-Frame-Options: DENY` (for browsers that
predate CSP). Every response also says `X-Content-Type-Options: nosniff`.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import library_error_response
from geo.errors import ForbiddenError

__all__ = ["EMBED_PREFIX", "FramingHeaders", "SameOriginWrites", "embed_frame_ancestors"]

EMBED_PREFIX: Final = "/embed/"


def embed_frame_ancestors(setting: str) -> str:
    """The frame-ancestors source list for embeds, from the setting ("*" or origins)."""
    sources = setting.split()
    if not sources:
        return "'none'"
    if "*" not in sources and "'self'" not in sources and "'none'" not in sources:
        sources.insert(0, "'self'")
    return " ".join(sources)


class FramingHeaders:
    def __init__(self, app: ASGIApp, frame_ancestors: str) -> None:
        self.app = app
        self.embed_policy = f"frame-ancestors {embed_frame_ancestors(frame_ancestors)}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        embed = scope["path"].startswith(EMBED_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                if embed:
                    headers["Content-Security-Policy"] = self.embed_policy
                else:
                    headers["Content-Security-Policy"] = "frame-ancestors 'none'"
                    headers["X-Frame-Options"] = "DENY"
            await send(message)

        await self.app(scope, receive, send_with_headers)


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
