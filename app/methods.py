"""HTTP methods as RFC 9110 wants them: HEAD wherever GET is, and a 405 that says what is allowed.

FastAPI answers only the methods a route declares, so `HEAD /` was a 405; `HeadAsGet` answers
HEAD with the GET's status and headers and no body, for every route and mount at once.
`AllowHeader` gives each 405 an `Allow` header listing the methods of every route at that path
(Starlette names only those of the first route it tried).
"""

from __future__ import annotations

from fastapi.routing import iter_route_contexts
from starlette.datastructures import MutableHeaders
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["HeadAsGet", "AllowHeader", "allowed_methods"]


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        ended = False

        async def headers_only(message: Message) -> None:
            nonlocal ended
            if message["type"] == "http.response.body":
                # The body the GET would send is dropped; the client hears of its end once.
                if ended or message.get("more_body", False):
                    return
                ended = True
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        # In place, not a copy: the scope's state is shared with the middlewares outside.
        scope["method"] = "GET"
        await self.app(scope, receive, headers_only)


def allowed_methods(app, scope: Scope) -> list[str]:
    """The methods some route of `app` answers at the request's path, HEAD with GET."""
    methods: set[str] = set()
    probe = {**scope, "method": "GET"}
    # Every route, those of included routers too (FastAPI keeps them nested).
    for route in iter_route_contexts(app.routes):
        match, _ = route.matches(probe)
        if match is Match.NONE:
            continue
        # A mount (static files) answers GET and HEAD.
        methods |= set(getattr(route, "methods", None) or {"GET"})
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


class AllowHeader:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        # As it came in: routing rewrites the scope's paths on the way down (a mount's root_path).
        arrived = dict(scope)

        async def with_allow(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405 and "app" in arrived:
                methods = allowed_methods(arrived["app"], arrived)
                if methods:
                    MutableHeaders(scope=message)["Allow"] = ", ".join(methods)
            await send(message)

        await self.app(scope, receive, with_allow)
