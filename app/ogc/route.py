"""OGC API's rule for query parameters, applied to every route of the OGC router.

OGC API - Features asks for a 400 when a query names a parameter the resource does not define
(so that a client learns its filter was not applied, instead of getting every feature
unfiltered), or gives one twice. `OGCRoute` checks the names and raises InvalidInputError; as a
`BadRequestRoute` its invalid input is answered with 400 rather than 422 by app/errors.py, which
decides every status.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.dependencies.models import Dependant

from app.errors import BadRequestRoute
from geo.errors import InvalidInputError

__all__ = ["OGCRoute", "query_parameter_names"]

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def query_parameter_names(dependant: Dependant) -> frozenset[str]:
    """The query parameters a route declares, its dependencies' included, by the names clients send."""
    names = {field.alias for field in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= query_parameter_names(dependency)
    return frozenset(names)


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


class OGCRoute(BadRequestRoute):
    """A route that refuses query parameters it does not define; its bad requests are 400s."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()
        known = query_parameter_names(self.dependant)

        async def ogc_route_handler(request: Request) -> Response:
            problem = _query_problem(request, known)
            if problem:
                raise InvalidInputError(problem)
            return await handler(request)

        return ogc_route_handler
