"""GeoJSON responses: the RFC 7946 media type, whole or streamed."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

from fastapi.responses import JSONResponse, Response, StreamingResponse

from geo.geojson import iter_feature_collection, join_in_chunks

__all__ = ["GEOJSON", "GeoJSONResponse", "feature_collection_chunks", "streamed_features"]

GEOJSON = "application/geo+json"

# Characters gathered before a streamed collection writes: a few large writes cost the server
# far less than many small ones, and a quarter of a megabyte is still little memory.
STREAM_CHUNK_CHARS: Final = 262_144


# Compact, UTF-8, no NaN. No check for circular references: the contents are fresh trees of
# dicts and lists (a cycle would be a bug, and recursion stops it anyway), and the check costs a
# large collection's encoding a tenth of its time.
_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"), check_circular=False)


class GeoJSONResponse(JSONResponse):
    media_type = GEOJSON

    def render(self, content) -> bytes:
        return _ENCODER.encode(content).encode("utf-8")


def feature_collection_chunks(
    features: Iterable[str],
    /,
    *,
    bbox: Sequence[float] | None = None,
    chunk_chars: int = STREAM_CHUNK_CHARS,
    **members: Any,
) -> Iterator[str]:
    """A FeatureCollection of features given as their JSON text, in chunks of about `chunk_chars`.

    What `geo.geojson.iter_feature_collection` writes for the same features as objects (its
    members, `bbox` and foreign ones, encoded and checked by it), pulling the texts lazily.
    """
    # The collection with no features, reopened: `...,"features":[` + features + `]}`.
    (empty,) = iter_feature_collection((), bbox=bbox, **members)
    opening = empty[: -len("]}")]
    return join_in_chunks(opening, features, chunk_chars)


def streamed_features(
    features: Iterable[str], /, *, media_type: str = GEOJSON, chunk_chars: int | None = None, **members: Any
) -> Response:
    """A FeatureCollection of features given as their JSON text (`feature_collection_chunks`).

    A collection that fits in one chunk goes out as one body, with its length: streaming costs
    a response several hand-offs between threads, which a page of a few features would spend
    most of its time on. A larger one is streamed, chunk by chunk as the features are read.
    """
    chunks = feature_collection_chunks(features, chunk_chars=chunk_chars or STREAM_CHUNK_CHARS, **members)
    first = next(chunks)
    second = next(chunks, None)
    if second is None:
        return Response(first.encode("utf-8"), media_type=media_type)
    return StreamingResponse(
        (chunk.encode("utf-8") for chunk in itertools.chain((first, second), chunks)), media_type=media_type
    )
