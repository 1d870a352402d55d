"""GeoJSON (RFC 7946), generic: geometries, features, collections and bboxes from anything with
`__geo_interface__`. It knows nothing of itinerant's objects (geo.features builds theirs).

Positions are (lon, lat), rounded to 6 decimals (about 0.1 m, RFC 7946 section 11.2) and
checked to lie on the globe; `iter_feature_collection` streams a collection of any size as text.

Bounding boxes follow RFC 7946 section 5: [west, south, east, north]. `bbox_of` picks the
narrowest span of longitudes that covers every position, going across the antimeridian when
that is narrower, in which case west > east (a leg from Anadyr to Anchorage has west 177.5 and
east -149.9, not the whole map). -180 and 180 are the same meridian there. A geometry that
reaches a pole spans every longitude: west -180, east 180 (section 5.3).
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

from geo.errors import InvalidInputError

__all__ = [
    "COORDINATE_DECIMALS",
    "Bbox",
    "geometry_of",
    "point_geometry",
    "feature",
    "feature_collection",
    "bbox_of",
    "bbox_of_geometries",
    "line_geometry",
    "iter_feature_collection",
    "join_in_chunks",
]

COORDINATE_DECIMALS: Final = 6

Bbox = tuple[float, float, float, float]  # (west, south, east, north)

_POSITION_DEPTH: Final = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}
# Members a FeatureCollection defines itself; a foreign member may not take their names.
_COLLECTION_MEMBERS: Final = frozenset({"type", "features", "bbox"})
# Features encoded in one call when streaming: few enough that a chunk holds little more than asked.
_ENCODED_TOGETHER: Final = 8
_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


# -- geometries -----------------------------------------------------------------------------


def _position(raw: Sequence[float]) -> list[float]:
    if not 2 <= len(raw) <= 3:
        raise InvalidInputError(f"a position has 2 or 3 numbers, not {len(raw)}: {raw!r}")
    lon, lat = float(raw[0]), float(raw[1])
    # The comparisons are false for NaN, so NaN fails them too.
    if not -180.0 <= lon <= 180.0:
        raise InvalidInputError(f"longitude {lon} is outside [-180, 180]")
    if not -90.0 <= lat <= 90.0:
        raise InvalidInputError(f"latitude {lat} is outside [-90, 90]")
    rounded = [round(lon, COORDINATE_DECIMALS), round(lat, COORDINATE_DECIMALS)]
    if len(raw) == 3:
        altitude = float(raw[2])
        if not math.isfinite(altitude):
            raise InvalidInputError(f"altitude {altitude} is not a finite number")
        rounded.append(round(altitude, COORDINATE_DECIMALS))
    return rounded


def _coordinates(raw: Any, depth: int) -> list:
    if depth == 0:
        return _position(raw)
    return [_coordinates(item, depth - 1) for item in raw]


def _positions(geometry: Mapping[str, Any]) -> Iterator[Sequence[float]]:
    """Every position of a (normalised) geometry, GeometryCollections included."""
    kind = geometry["type"]
    if kind == "GeometryCollection":
        for member in geometry["geometries"]:
            yield from _positions(member)
        return
    stack: list[tuple[Any, int]] = [(geometry["coordinates"], _POSITION_DEPTH[kind])]
    while stack:
        coordinates, depth = stack.pop()
        if depth == 0:
            yield coordinates
        else:
            stack.extend((item, depth - 1) for item in coordinates)


def point_geometry(lon: float, lat: float) -> dict[str, Any]:
    """A Point, as `geometry_of` gives it for anything whose point is (lon, lat), at less cost:
    large collections of points spend much of their time here."""
    return {"type": "Point", "coordinates": _position((lon, lat))}


def geometry_of(obj: Any) -> dict[str, Any] | None:
    """A GeoJSON geometry dict from a geometry dict or any object with `__geo_interface__`.

    Coordinates come back as lists of rounded, checked positions; None stays None (a feature
    may have no geometry). A Feature's geometry is taken from it.
    """
    if obj is None:
        return None
    raw = obj if isinstance(obj, Mapping) else getattr(obj, "__geo_interface__", None)
    if not isinstance(raw, Mapping) or "type" not in raw:
        raise InvalidInputError(f"not a geometry and no __geo_interface__: {type(obj).__name__}")
    kind = raw["type"]
    if kind == "Feature":
        return geometry_of(raw.get("geometry"))
    if kind == "GeometryCollection":
        members = [geometry_of(member) for member in raw.get("geometries", ())]
        return {"type": kind, "geometries": members}
    if kind not in _POSITION_DEPTH:
        raise InvalidInputError(f"unknown GeoJSON geometry type {kind!r}")
    try:
        coordinates = _coordinates(raw["coordinates"], _POSITION_DEPTH[kind])
    except (KeyError, TypeError) as error:
        raise InvalidInputError(f"malformed {kind} coordinates: {error}") from error
    if kind in ("LineString", "MultiLineString"):
        lines = [coordinates] if kind == "LineString" else coordinates
        if any(len(line) < 2 for line in lines):
            raise InvalidInputError(f"every line of a {kind} needs two or more positions")
    return {"type": kind, "coordinates": coordinates}


def line_geometry(parts: Sequence[Sequence[Sequence[float]]]) -> dict[str, Any]:
    """A line given as parts (cut at the antimeridian, section 3.1.9): a LineString, or a
    MultiLineString when there is more than one part. Positions are taken as they are."""
    if len(parts) == 1:
        return {"type": "LineString", "coordinates": parts[0]}
    return {"type": "MultiLineString", "coordinates": parts}


# -- features and collections --------------------------------------------------------------


def feature(geometry: Any, properties: Mapping[str, Any] | None = None, id: str | int | None = None) -> dict[str, Any]:
    """A Feature of a geometry (or of an object with `__geo_interface__`) and its properties."""
    result: dict[str, Any] = {
        "type": "Feature",
        "geometry": geometry_of(geometry),
        "properties": dict(properties) if properties is not None else None,
    }
    if id is not None:
        if isinstance(id, bool) or not isinstance(id, (str, int, float)):
            raise InvalidInputError(f"a feature id is a string or a number, not {id!r}")
        result["id"] = id
    return result


def _checked_bbox(bbox: Sequence[float]) -> list[float]:
    values = list(bbox)
    if len(values) not in (4, 6) or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in values
    ):
        raise InvalidInputError(f"a bbox is 4 (or 6) finite numbers, not {bbox!r}", field="bbox")
    return values


def _checked_members(members: Mapping[str, Any]) -> dict[str, Any]:
    clash = _COLLECTION_MEMBERS.intersection(members)
    if clash:
        raise InvalidInputError(f"foreign members may not be named {sorted(clash)}")
    return dict(members)


def feature_collection(
    features: Iterable[Mapping[str, Any]],
    /,
    *,
    bbox: Sequence[float] | None = None,
    **foreign_members: Any,
) -> dict[str, Any]:
    """A FeatureCollection, with an optional bbox and foreign members (RFC 7946 section 6.1)."""
    collection: dict[str, Any] = {"type": "FeatureCollection"}
    if bbox is not None:
        collection["bbox"] = _checked_bbox(bbox)
    collection.update(_checked_members(foreign_members))
    collection["features"] = list(features)
    return collection


def bbox_of(items: Iterable[Any]) -> Bbox | None:
    """The [west, south, east, north] of geometries, features or geo objects; None if empty.

    See the module docstring for the antimeridian and the poles.
    """
    return bbox_of_geometries(geometry_of(item) for item in items)


def bbox_of_geometries(geometries: Iterable[Mapping[str, Any] | None]) -> Bbox | None:
    """`bbox_of` for geometries as geometry_of gives them (a feature's, say): their positions,
    already checked and rounded, are taken as they are."""
    longitudes: set[float] = set()
    south, north = math.inf, -math.inf
    for geometry in geometries:
        if geometry is None:
            continue
        if geometry["type"] == "Point":  # most features of a collection: no walk of nested lists
            lon, lat = geometry["coordinates"][:2]
            longitudes.add(lon)
            south, north = min(south, lat), max(north, lat)
            continue
        for position in _positions(geometry):
            longitudes.add(position[0])
            south, north = min(south, position[1]), max(north, position[1])
    if not longitudes:
        return None
    if north == 90.0 or south == -90.0:
        return (-180.0, south, 180.0, north)
    west, east = _narrowest_longitudes(sorted(longitudes))
    return (west, south, east, north)


def _narrowest_longitudes(longitudes: Sequence[float]) -> tuple[float, float]:
    """West and east of the shortest arc of the circle holding every longitude (sorted)."""
    # The arc leaves out the widest gap between neighbouring longitudes; the gap through the
    # antimeridian (from the largest back round to the smallest) wins ties, which keeps the
    # ordinary west <= east box whenever it is as narrow as any other.
    west, east = longitudes[0], longitudes[-1]
    widest = longitudes[0] + 360.0 - longitudes[-1]
    for before, after in itertools.pairwise(longitudes):
        if after - before > widest:
            widest, west, east = after - before, after, before
    if west > east:  # across the antimeridian: name its meridian as the side the box lies on
        west = -180.0 if west == 180.0 else west
        east = 180.0 if east == -180.0 else east
    return west, east


# -- streaming ------------------------------------------------------------------------------


def iter_feature_collection(
    features: Iterable[Mapping[str, Any]],
    /,
    *,
    bbox: Sequence[float] | None = None,
    chunk_chars: int = 65_536,
    **members: Any,
) -> Iterator[str]:
    """One FeatureCollection as JSON text, in chunks, pulling features from `features` lazily.

    Whatever its size, the collection is never held whole: the caller's iterable is read one
    feature at a time and text is yielded once about `chunk_chars` characters have gathered
    (one chunk per feature would make a web response slow with tiny writes). The chunks
    joined are `json.dumps(feature_collection(features, bbox=bbox, **members))` in compact form.
    """
    if chunk_chars < 1:
        raise InvalidInputError(f"chunk_chars must be positive, not {chunk_chars}")
    head: dict[str, Any] = {"type": "FeatureCollection"}
    if bbox is not None:
        head["bbox"] = _checked_bbox(bbox)
    head.update(_checked_members(members))
    return _stream(features, head, chunk_chars)


def _stream(features: Iterable[Mapping[str, Any]], head: dict[str, Any], chunk_chars: int) -> Iterator[str]:
    # The head is encoded with an empty feature list and reopened, so that its members are
    # escaped by the same encoder as everything else.
    opening = _ENCODER.encode({**head, "features": []})[: -len("]}")]
    # A few features encoded as one list cost the encoder less than each on its own; the
    # list's brackets are dropped, and its commas are those between features.
    texts = (_ENCODER.encode(batch)[1:-1] for batch in _checked_batches(features))
    return join_in_chunks(opening, texts, chunk_chars)


def join_in_chunks(opening: str, texts: Iterable[str], chunk_chars: int) -> Iterator[str]:
    """`opening` + the texts joined by commas + `]}`, in chunks of about `chunk_chars` characters:
    the body of a streamed FeatureCollection whose `opening` ends with `"features":[`."""
    buffer = [opening]
    size = len(opening)
    separator = ""
    for text in texts:
        buffer.append(separator)
        buffer.append(text)
        separator = ","
        size += len(text) + 1
        if size >= chunk_chars:
            yield "".join(buffer)
            buffer.clear()
            size = 0
    buffer.append("]}")
    yield "".join(buffer)


def _checked_batches(features: Iterable[Mapping[str, Any]]) -> Iterator[list[Mapping[str, Any]]]:
    batch: list[Mapping[str, Any]] = []
    for item in features:
        if not isinstance(item, Mapping) or item.get("type") != "Feature":
            raise InvalidInputError("a FeatureCollection holds Features only")
        batch.append(item)
        if len(batch) == _ENCODED_TOGETHER:
            yield batch
            batch = []
    if batch:
        yield batch
