"""Absolute links to this service's resources, as OGC API documents carry them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from fastapi import Request

__all__ = ["service_base", "service_url", "link"]


def service_base(request: Request) -> str:
    """The service's root URL, no trailing slash: ITINERANT_PUBLIC_URL when set, else the request's own base.

    A public URL matters behind a proxy: clients such as QGIS follow the links given them as they are.
    """
    public_url = request.app.state.services.settings.public_url
    return (public_url or str(request.base_url)).rstrip("/")


def service_url(request: Request, route_name: str, query: Mapping[str, Any] | None = None, **path_params: Any) -> str:
    """The absolute URL of a named route, with a query when given (None values left out)."""
    url = service_base(request) + str(request.app.url_path_for(route_name, **path_params))
    if query:
        # Commas, colons and slashes stay as they are, so that bbox and datetime read as written.
        url += "?" + urlencode({key: value for key, value in query.items() if value is not None}, safe=",:/")
    return url


def link(rel: str, href: str, media_type: str, title: str | None = None) -> dict[str, str]:
    """One entry of a `links` array."""
    entry = {"rel": rel, "type": media_type, "href": href}
    if title:
        entry["title"] = title
    return entry
