"""OGC API's rules for bad requests, applied to every route of the OGC router.

The rest of the service answers bad input with 422; OGC API - Features asks for 400, and for a
400 when a query names a parameter the resource does not define (so that a client learns its
filter was not applied, instead of getting every feature unfiltered). The error body keeps the
service's one shape, {"error", "detail", "field"} (app/errors.py).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from app.errors import error_response
from app.ogc.negotiation import NotAcceptableError
from geo.errors import InvalidInputError

__all__ = ["OGCRoute", "query_parameter_names"]

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def query_parameter_names(dependant: Dependant) -> frozenset[str]:
    """The query parameters a route declares, its dependencies' included, by the names clients send."""
    names = {field.alias for field in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= query_parameter_names(dependency)
    return frozenset(names)


def _validation_message(error: dict) -> tuple[str, str]:
    field = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "header")) or "query"
    return field, f"{field}: {error.get('msg', 'is invalid')}"


def _query_problem(request: Request, known: frozenset[str]) -> str | None:
    """What is wrong with the names of the query's parameters, if anything."""
    names = [name for name, _ in request.query_params.multi_items()]
    unknown = sorted(set(names) - known)
    if unknown:
        allowed = ", ".join(sorted(known)) or "none"
        return f"unknown query parameter(s) {', '.join(unknown)}; this resource takes: {allowed}"
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        return f"query parameter(s) {', '.join(repeated)} given more than once; give each once"
    return None


class OGCRoute(APIRoute):
    """An APIRoute whose bad requests are 400s (406 when no encoding suits), as OGC API asks."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()
        known = query_parameter_names(self.dependant)

        async def ogc_route_handler(request: Request) -> Response:
            problem = _query_problem(request, known)
            if problem:
                return error_response(400, "bad request", problem)
            try:
                return await handler(request)
            except RequestValidationError as exc:
                described = [_validation_message(e) for e in exc.errors()]
                return error_response(
                    400, "bad request", "; ".join(m for _, m in described), fields=[f for f, _ in described]
                )
            except InvalidInputError as exc:
                extra = {"field": exc.field} if exc.field else {}
                return error_response(400, "bad request", exc.message, **extra)
            except NotAcceptableError as exc:
                return error_response(406, "not acceptable", exc.detail)

        return ogc_route_handler
