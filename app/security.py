"""Who may frame our pages: embeds anyone the settings allow, every other page no one.

Embed routes (`/embed/...`) send `Content-Security-Policy: frame-ancestors <settings>`, with
'self' added to a list of origins so that the service's own pages can show its embeds; every
other response sends `frame-ancestors 'none'` and `X-Frame-Options: DENY` (for browsers that
predate CSP). Every response also says `X-Content-Type-Options: nosniff`.
"""

from __future__ import annotations

from typing import Final

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["EMBED_PREFIX", "FramingHeaders", "embed_frame_ancestors"]

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
