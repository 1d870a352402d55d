"""GeoJSON responses: the RFC 7946 media type, whole or streamed."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi.responses import JSONResponse, StreamingResponse

__all__ = ["GEOJSON", "GeoJSONResponse", "streamed_geojson"]

GEOJSON = "application/geo+json"


class GeoJSONResponse(JSONResponse):
    media_type = GEOJSON

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def streamed_geojson(chunks: Iterator[str]) -> StreamingResponse:
    return StreamingResponse((chunk.encode("utf-8") for chunk in chunks), media_type=GEOJSON)
