"""The OpenAPI document, with the error answers the service really sends.

FastAPI documents a 422 with its own HTTPValidationError body on every operation that takes a
parameter, and nothing else. The service answers every error in one shape ({"error", "detail",
and "field" or "fields"}, app/errors.py), OGC routes answer invalid input with 400, and writes
can be refused with 401, 403 or 413. Here each operation gets, with the `Error` body:

- invalid input (422, or 400 on a BadRequestRoute) where some input of it can be invalid: a body,
  a query parameter, or a path parameter that is not any text (an id);
- 404 where it names something by a path parameter;
- 401 (no valid key, when keys are set) and 403 (sent from another site's page) on writes;
- 413 where it takes a body;
- 406 where it negotiates its format (an `f` parameter, or Accept);
- whatever the route declares itself (409, 501, 502...).

Reads answered through the response cache (app/response_cache.py) also document their ETag and
Cache-Control headers, If-None-Match, and the 304 it can bring.

The statuses come from app/errors.py (`status_of`), where they are decided.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts

from app.deps import require_api_key
from app.errors import BadRequestRoute, status_of
from app.response_cache import cached_on_of
from geo.errors import (
    ForbiddenError,
    InvalidInputError,
    ItinerantError,
    NotAcceptableError,
    NotFoundError,
    PayloadTooLargeError,
    UnauthorizedError,
)

__all__ = ["ERROR_SCHEMA", "install_openapi"]

ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "required": ["error", "detail"],
    "properties": {
        "error": {"type": "string", "description": "The status in words: 'invalid input', 'not found'..."},
        "detail": {"type": "string", "description": "What went wrong, and what to change."},
        "field": {"type": "string", "description": "The input at fault, where there is one."},
        "fields": {
            "type": "array",
            "items": {"type": "string"},
            "description": "The inputs at fault, when a request failed validation.",
        },
    },
}
_ERROR_REF = {"$ref": "#/components/schemas/Error"}
# Query parameters that name something stored (an actor, an article, a page of the service): an
# unknown one is a 404, as in a path.
_NAMING_QUERY = frozenset({"actor", "actors", "article", "url"})
_FASTAPI_SCHEMAS = ("HTTPValidationError", "ValidationError")
# What each documented error means, for its description.
_WHY: dict[type[ItinerantError], str] = {
    InvalidInputError: "Some input is invalid; `field` or `fields` name it.",
    NotFoundError: "Nothing is known by that name or id.",
    UnauthorizedError: "The service has keys and the request gave none of them (X-API-Key or Bearer).",
    ForbiddenError: "The write was sent from another site's page.",
    PayloadTooLargeError: "The body is over ITINERANT_MAX_BODY_BYTES.",
    NotAcceptableError: "Accept allows none of the formats on offer.",
}


def _is_write(route: APIRoute) -> bool:
    def calls(dependant) -> bool:
        return dependant.call is require_api_key or any(calls(d) for d in dependant.dependencies)

    return calls(route.dependant)


def _any_text(schema: dict) -> bool:
    """Whether a parameter of this schema takes any text, so that no value of it is invalid."""
    constraints = {"maxLength", "minLength", "pattern", "enum", "format", "const"}
    return schema.get("type") == "string" and not constraints & set(schema)


def _may_be_invalid(operation: dict) -> bool:
    if "requestBody" in operation:
        return True
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "query":
            return True
        if parameter["in"] == "path" and not _any_text(parameter.get("schema", {})):
            return True
    return False


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ERROR_REF}}}


def _document_errors(operation: dict, route: APIRoute) -> None:
    responses = operation.setdefault("responses", {})
    responses.pop("422", None)  # FastAPI's, with its body; put back below where it occurs
    bad_request = isinstance(route, BadRequestRoute)
    parameters = operation.get("parameters", [])
    expected: list[type[ItinerantError]] = []
    if _may_be_invalid(operation):
        expected.append(InvalidInputError)
    if any(p["in"] == "path" or (p["in"] == "query" and p["name"] in _NAMING_QUERY) for p in parameters):
        expected.append(NotFoundError)
    if _is_write(route):
        expected += [UnauthorizedError, ForbiddenError]
    if "requestBody" in operation:
        expected.append(PayloadTooLargeError)
    negotiates = {("header", "accept"), ("query", "f")}  # f= names the format, else Accept is read
    if any((p["in"], p["name"].lower()) in negotiates for p in parameters):
        expected.append(NotAcceptableError)
    for error in expected:
        status, _title = status_of(error(""), bad_request=bad_request)
        responses.setdefault(str(status), {"description": _WHY[error]})
    if "requestBody" in operation:
        # A body that does not parse at all (broken JSON) is refused before any field is read.
        responses.setdefault("400", {"description": "The body is not well-formed."})
    for status, response in responses.items():
        if status.isdigit() and int(status) >= 400:
            response.update(_error_response(response.get("description") or "An error."))


_ETAG_HEADER: dict[str, Any] = {
    "description": "A weak validator of this answer: send it back in If-None-Match to get a 304 while it holds.",
    "schema": {"type": "string"},
}
_CACHE_CONTROL_HEADER: dict[str, Any] = {
    "description": "no-cache: keep the answer if you like, but ask again (with If-None-Match) before using it.",
    "schema": {"type": "string"},
}


def _document_validators(operation: dict) -> None:
    """A cached read (app/response_cache.py): its ETag and Cache-Control, and the 304 of a conditional GET."""
    parameters = operation.setdefault("parameters", [])
    parameters.append(
        {
            "name": "If-None-Match",
            "in": "header",
            "required": False,
            "schema": {"type": "string"},
            "description": "ETags of answers the client holds: a 304 with no body when one is still current.",
        }
    )
    responses = operation.setdefault("responses", {})
    if "200" in responses:
        headers = responses["200"].setdefault("headers", {})
        headers["ETag"] = _ETAG_HEADER
        headers["Cache-Control"] = _CACHE_CONTROL_HEADER
    responses["304"] = {
        "description": "Not modified: the ETag in If-None-Match is still the answer's (no body).",
        "headers": {"ETag": _ETAG_HEADER, "Cache-Control": _CACHE_CONTROL_HEADER},
    }


def install_openapi(app: FastAPI, *, cached: bool = False) -> None:
    """Make app.openapi() document the service's errors (once, then cached as FastAPI does), and,
    with `cached` (the response cache is on), the ETags and 304s of the cached reads."""

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            tags=app.openapi_tags,
            servers=app.servers,
        )
        for context in iter_route_contexts(app.routes):
            route = context.original_route
            if not isinstance(route, APIRoute) or not route.include_in_schema:
                continue
            path = schema["paths"].get(context.path_format, {})
            for method in context.methods or ():
                if method.lower() in path:
                    _document_errors(path[method.lower()], route)
                    if method == "GET" and cached and cached_on_of(route.endpoint) is not None:
                        _document_validators(path["get"])
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        for name in _FASTAPI_SCHEMAS:
            schemas.pop(name, None)
        schemas["Error"] = ERROR_SCHEMA
        app.openapi_schema = schema
        return schema

    app.openapi = openapi
