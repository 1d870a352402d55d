"""Every error the service returns, in one shape and one place: {"error": ..., "detail": ...}.

Library exceptions (geo.errors) map to statuses here and nowhere else (`STATUS_OF`); request
validation errors name the field at fault; anything unexpected is a 500 that leaks no internals.
Code that answers outside FastAPI's handlers (the body-size middleware) builds its answer with
`library_error_response`, so the status is still decided here.

A browser that asks for a page (Accept ranks text/html above JSON, as a navigation does) gets
the same error as a small HTML page with a heading and a link home, everything echoed escaped;
API paths (`API_PREFIXES`) and every other client keep the JSON.

One rule depends on the router: routes of a `BadRequestRoute` (OGC API - Features, which asks
for 400 Bad Request, OGC 17-069r4 section 7.5) answer invalid input with 400 instead of 422.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from markupsafe import escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.ogc.negotiation import preferred_media_type
from geo.errors import (
    ConflictError,
    FetchError,
    FetchRefusedError,
    FetchTimeoutError,
    ForbiddenError,
    FormatNotImplementedError,
    GazetteerError,
    InvalidInputError,
    ItinerantError,
    ModelDataError,
    NoArticleTextError,
    NotAcceptableError,
    NotFoundError,
    PayloadTooLargeError,
    UnauthorizedError,
    UntrustedHostError,
)

__all__ = [
    "install_error_handlers",
    "error_response",
    "html_error_response",
    "http_error_response",
    "wants_html",
    "API_PREFIXES",
    "library_error_response",
    "status_of",
    "BadRequestRoute",
    "STATUS_OF",
]

log = logging.getLogger("itinerant")

# Most specific first: the first class an exception is an instance of decides its status.
STATUS_OF: tuple[tuple[type[ItinerantError], int, str], ...] = (
    (PayloadTooLargeError, 413, "payload too large"),
    (UntrustedHostError, 400, "bad request"),
    (FetchRefusedError, 422, "fetch refused"),
    (NoArticleTextError, 422, "no article text"),
    (InvalidInputError, 422, "invalid input"),
    (NotFoundError, 404, "not found"),
    (ConflictError, 409, "conflict"),
    (UnauthorizedError, 401, "unauthorized"),
    (ForbiddenError, 403, "forbidden"),
    (FormatNotImplementedError, 501, "not implemented"),
    (NotAcceptableError, 406, "not acceptable"),
    (GazetteerError, 503, "gazetteer unavailable"),
    (ModelDataError, 503, "model unavailable"),
    (FetchTimeoutError, 504, "gateway timeout"),
    (FetchError, 502, "bad gateway"),
    (ItinerantError, 400, "bad request"),
)

# What Starlette itself raises as HTTPException (no route, wrong method, an unreadable form).
_HTTP_TITLES = {
    400: "bad request",
    404: "not found",
    405: "method not allowed",
}


# Paths whose clients are programs: their errors stay JSON whatever the Accept header says
# (OGC API - Features answers a 406 to text/html, as its clients expect).
API_PREFIXES: Final = ("/api/", "/ogc", "/oembed", "/openapi.json", "/assets/")

_PAGE_TITLES: Final = {404: "Page not found", 405: "Not allowed here", 500: "Something went wrong"}


class BadRequestRoute(APIRoute):
    """The route class of a router whose invalid input is a 400 Bad Request rather than a 422."""


def _bad_request_route(request: Request | None) -> bool:
    return request is not None and isinstance(request.scope.get("route"), BadRequestRoute)


def status_of(exc: ItinerantError, *, bad_request: bool = False) -> tuple[int, str]:
    """The HTTP status and title of a library error; `bad_request`: the router's invalid input is a 400."""
    for cls, status, title in STATUS_OF:
        if isinstance(exc, cls):
            if bad_request and status == 422:
                return 400, "bad request"
            return status, title
    raise AssertionError("ItinerantError is in STATUS_OF")  # pragma: no cover


def library_error_response(exc: ItinerantError, request: Request | None = None) -> Response:
    """The answer to a library error, with the field at fault where there is one (JSON, or a page for a browser)."""
    status, title = status_of(exc, bad_request=_bad_request_route(request))
    extra = {"field": exc.field} if exc.field else {}
    return _answer(request, status, title, exc.message, **extra)


def http_error_response(
    status: int, detail: str, headers: Mapping[str, str] | None = None, request: Request | None = None
) -> Response:
    """The answer to an HTTP-level refusal of Starlette's (no route, a wrong method, a refused CORS
    preflight): its status, in the one error shape (or a page for a browser), its headers kept."""
    response = _answer(request, status, _HTTP_TITLES.get(status, "error"), detail)
    response.headers.update(headers or {})
    return response


def error_response(status: int, error: str, detail, **extra) -> JSONResponse:
    return JSONResponse({"error": error, "detail": detail, **extra}, status_code=status)


def wants_html(request: Request | None) -> bool:
    """Whether the request is a browser asking for a page rather than a program asking for data."""
    if request is None or request.method not in ("GET", "HEAD"):
        return False
    path = request.scope.get("path", "")
    root = request.scope.get("root_path", "").rstrip("/")
    if root and path.startswith(root):
        path = path[len(root) :]
    if path.startswith(API_PREFIXES):
        return False
    # JSON first: a tie ("*/*", no Accept at all) keeps the API's answer.
    return preferred_media_type(["application/json", "text/html"], request.headers.get("accept")) == "text/html"


def html_error_response(request: Request, status: int, error: str, detail: object) -> HTMLResponse:
    """The error as a small page for a person: what went wrong and a link home. Nothing echoed is markup."""
    home = request.scope.get("root_path", "").rstrip("/") + "/"
    heading = _PAGE_TITLES.get(status, error[:1].upper() + error[1:])
    if status == 404 and request.scope.get("route") is None:
        explanation = f"There is no page at <code>{escape(request.url.path)}</code>."
    else:
        explanation = str(escape(detail if isinstance(detail, str) else error))
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(heading)} · itinerant</title>
<link rel="stylesheet" href="{escape(home)}static/site.css">
</head>
<body>
<main class="page error-page">
<h1>{escape(heading)}</h1>
<p>{explanation}</p>
<p class="meta">Error {int(status)}: {escape(error)}.</p>
<p><a href="{escape(home)}">Go to the itinerant home page</a></p>
</main>
</body>
</html>
"""
    return HTMLResponse(page, status_code=status)


def _answer(request: Request | None, status: int, error: str, detail, **extra) -> Response:
    if request is not None and wants_html(request):
        return html_error_response(request, status, error, detail)
    return error_response(status, error, detail, **extra)


def _field_name(location: tuple) -> str:
    # ("body", "published") -> "published"; ("query", "limit") -> "limit"
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def _describe(error: dict) -> str:
    field = _field_name(tuple(error.get("loc", ())))
    message = error.get("msg", "is invalid")
    if error.get("type") == "extra_forbidden":
        message = "is not a known field"
    elif error.get("type") == "missing":
        message = "is required"
    elif error.get("type") in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        message = "must be an ISO 8601 date such as 2023-09-15"
    return f"{field}: {message}"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ItinerantError)
    async def _library_error(request: Request, exc: ItinerantError) -> Response:
        return library_error_response(exc, request)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = [_describe(e) for e in exc.errors()]
        fields = [_field_name(tuple(e.get("loc", ()))) for e in exc.errors()]
        status, title = (400, "bad request") if _bad_request_route(request) else (422, "invalid input")
        return _answer(request, status, title, "; ".join(problems), fields=fields)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return http_error_response(exc.status_code, exc.detail, exc.headers, request)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _answer(request, 500, "internal error", "the server failed; the error has been logged")
