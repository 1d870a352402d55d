"""An itinerary drawn as a still image, SVG or PNG, offline: for print and for social posts.

The picture is built once as a list of shapes in pixel coordinates (a `Drawing`), then written
out by either backend, so that the SVG and the PNG always show the same thing. The basemap is
the bundled country outlines (geo.maps.basemap), the projection Web Mercator (what readers know
from web maps), framed on the itinerary's point stops with a margin; an itinerary that crosses
the antimeridian is drawn on the 0-360 side so that a Pacific trip is not split across the image.

Point stops (a city, a site, a district) are numbered discs joined by their legs (dashed when
planned); a stop known only as a country or a region is that country shaded, or a ring when the
outlines do not hold it, never a point with a leg. Title, dates and credits are part of the image,
because a picture travels without its page.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from countryinfo import all_countries
from PIL import Image, ImageDraw, ImageFont

from geo.errors import InvalidInputError
from geo.itinerary import Itinerary, Stop
from geo.maps.basemap import country_outlines
from geo.model import EventStatus, Precision

__all__ = ["IMAGE_SIZE", "MAX_IMAGE_SIDE", "Drawing", "itinerary_drawing", "svg_of", "png_of"]

IMAGE_SIZE: Final = (1200, 675)  # 16:9, what social posts show uncropped
MAX_IMAGE_SIDE: Final = 4000
_MIN_IMAGE_SIDE: Final = 200
CREDITS: Final = "Map: itinerant · Country outlines: countryinfo · Places: GeoNames (CC BY 4.0)"

_MAX_LAT: Final = 85.0
# The smallest span framed, in degrees of longitude: one stop alone is shown with its region.
_MIN_SPAN_DEG: Final = 6.0
_MARGIN: Final = 0.12  # of the frame, on each side
_HEADER_PX: Final = 64
_FOOTER_PX: Final = 28

_SEA, _LAND, _BORDER = "#dfeaf2", "#fbfaf6", "#8a9aa8"
_INK, _MUTED = "#1d2b36", "#5b6b78"
_LEG, _PLANNED, _AREA = "#c0392b", "#7f8c8d", "#f3c9a8"


@dataclass(frozen=True)
class Polygon:
    rings: tuple[tuple[tuple[float, float], ...], ...]
    fill: str
    stroke: str
    width: float


@dataclass(frozen=True)
class Line:
    points: tuple[tuple[float, float], ...]
    color: str
    width: float
    dashed: bool = False


@dataclass(frozen=True)
class Disc:
    x: float
    y: float
    radius: float
    fill: str
    stroke: str
    label: str = ""
    hollow: bool = False


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    size: int
    color: str
    bold: bool = False


@dataclass
class Drawing:
    """Shapes in pixel coordinates, in painting order, and the image's size and title."""

    width: int
    height: int
    title: str
    shapes: list[Polygon | Line | Disc | Text] = field(default_factory=list)


# -- projection --------------------------------------------------------------------------------


def _mercator_y(lat: float) -> float:
    lat = max(-_MAX_LAT, min(_MAX_LAT, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


@dataclass(frozen=True)
class _Frame:
    """Longitude/latitude to pixels: the stops' box, widened to the image's shape, with a margin."""

    west: float
    north_y: float
    scale: float
    left: float
    top: float
    shift_lon: bool  # longitudes drawn 0-360 (a trip across the antimeridian)

    def lon(self, lon: float) -> float:
        return lon + 360.0 if self.shift_lon and lon < 0 else lon

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        return self.raw_point(self.lon(lon), lat)

    def raw_point(self, lon: float, lat: float) -> tuple[float, float]:
        """Pixels of a longitude taken as it is (an outline drawn a second time, 360 degrees on)."""
        return (
            round(self.left + (lon - self.west) * self.scale, 1),
            round(self.top + (self.north_y - _mercator_y(lat)) * self.scale, 1),
        )


def _frame(positions: Sequence[tuple[float, float]], width: int, height: int) -> _Frame:
    lons = [lon for lon, _ in positions] or [0.0]
    shift = bool(positions) and max(lons) - min(lons) > 180.0
    if shift:
        lons = [lon + 360.0 if lon < 0 else lon for lon in lons]
    ys = [_mercator_y(lat) for _, lat in positions] or [_mercator_y(20.0)]
    west, east, south, north = min(lons), max(lons), min(ys), max(ys)
    map_height = height - _HEADER_PX - _FOOTER_PX
    span_x, span_y = max(east - west, _MIN_SPAN_DEG), max(north - south, _MIN_SPAN_DEG * map_height / width)
    scale = min(width / span_x, map_height / span_y) * (1 - 2 * _MARGIN)
    centre_x, centre_y = (west + east) / 2, (north + south) / 2
    return _Frame(
        west=centre_x - width / 2 / scale,
        north_y=centre_y + map_height / 2 / scale,
        scale=scale,
        left=0.0,
        top=float(_HEADER_PX),
        shift_lon=shift,
    )


# -- the picture -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _alpha3_of() -> dict[str, str]:
    """ISO 3166-1 alpha-2 to alpha-3, the key of the bundled outlines."""
    codes = {}
    for country in all_countries():
        iso = country.iso() or {}
        if iso.get("alpha2") and iso.get("alpha3"):
            codes[iso["alpha2"].upper()] = iso["alpha3"].upper()
    return codes


def _rings(geometry: dict) -> Iterable[list]:
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def _date_range(itinerary: Itinerary) -> str:
    starts = [stop.date.start for stop in itinerary.stops if stop.date.start is not None]
    ends = [stop.date.end or stop.date.start for stop in itinerary.stops if stop.date.start is not None]
    if not starts:
        return "dates unknown"
    first, last = min(starts), max(ends)
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def check_image_size(width: int, height: int) -> None:
    """Refuse a size no one means (a typo of a zero), before any drawing."""
    for name, value in (("width", width), ("height", height)):
        if not _MIN_IMAGE_SIDE <= value <= MAX_IMAGE_SIDE:
            raise InvalidInputError(f"{name} must be {_MIN_IMAGE_SIDE} to {MAX_IMAGE_SIDE} pixels", field=name)


def itinerary_drawing(itinerary: Itinerary, *, width: int = IMAGE_SIZE[0], height: int = IMAGE_SIZE[1]) -> Drawing:
    """The itinerary as shapes: outlines, area stops shaded, legs, numbered point stops, title, credits."""
    check_image_size(width, height)
    points = [stop for stop in itinerary.stops if not stop.is_area]
    framed = points or list(itinerary.stops)
    frame = _frame([(s.place.lon, s.place.lat) for s in framed], width, height)
    title = f"{itinerary.actor}: itinerary"
    drawing = Drawing(width, height, title)
    shapes = drawing.shapes

    shaded = {
        _alpha3_of().get((s.place.country or "").upper())
        for s in itinerary.stops
        if s.place.precision is Precision.COUNTRY
    }
    for feature in country_outlines()["features"]:
        iso = feature["properties"].get("iso")
        fill = _AREA if iso in shaded else _LAND
        # On the 0-360 side an outline is drawn twice (as it is, and 360 degrees on), never torn
        # vertex by vertex: a country across the prime meridian stays whole.
        for offset in (0.0, 360.0) if frame.shift_lon else (0.0,):
            rings = tuple(
                tuple(frame.raw_point(lon + offset, lat) for lon, lat in ring) for ring in _rings(feature["geometry"])
            )
            if rings and _visible(rings, width, height):
                shapes.append(Polygon(rings, fill, _BORDER, 0.6))

    for leg in itinerary.legs:
        if leg.origin.is_area or leg.destination.is_area:
            continue  # an area has no point to leave from or arrive at
        planned = leg.status is not EventStatus.OCCURRED
        for part in leg.path:
            for line in _unbroken([frame.point(lon, lat) for lon, lat in part], 180.0 * frame.scale):
                shapes.append(Line(line, _PLANNED if planned else _LEG, 2.5, dashed=planned))

    areas = [stop for stop in itinerary.stops if stop.is_area]
    for stop in areas:
        if stop.place.precision is not Precision.COUNTRY:
            x, y = frame.point(stop.place.lon, stop.place.lat)
            shapes.append(Disc(x, y, 22.0, "none", _MUTED, hollow=True))
    # Stops at one point (a city visited twice) share a disc: "2, 5".
    at_point: dict[tuple[float, float], list[Stop]] = {}
    for stop in points:
        x, y = frame.point(stop.place.lon, stop.place.lat)
        key = next((k for k in at_point if abs(k[0] - x) < 6 and abs(k[1] - y) < 6), (x, y))
        at_point.setdefault(key, []).append(stop)
    for (x, y), group in at_point.items():
        label = ", ".join(str(stop.number) for stop in group)
        happened = any(stop.status is EventStatus.OCCURRED for stop in group)
        radius = 11.0 + 2.5 * (len(label) - 1)
        shapes.append(Disc(x, y, radius, _LEG if happened else "#ffffff", _LEG, label=label))
        shapes.append(Text(x + radius + 4, y + 5, group[0].place.name, 14, _INK))

    shapes.append(Text(16, 30, title, 22, _INK, bold=True))
    count = len(itinerary.stops)
    shapes.append(Text(16, 52, f"{_date_range(itinerary)} · {count} stop{'' if count == 1 else 's'}", 14, _MUTED))
    if areas:
        # Where the text names only a country or a region: said in words, not drawn as a point.
        known = ", ".join(f"{stop.place.name} ({stop.date.iso() or 'undated'})" for stop in areas)
        shapes.append(Text(16, height - _FOOTER_PX - 8, f"Known only as an area: {known}", 13, _INK))
    shapes.append(Text(16, height - 9, CREDITS, 12, _MUTED))
    return drawing


def _unbroken(points: list[tuple[float, float]], jump: float) -> Iterable[tuple[tuple[float, float], ...]]:
    """A line's runs between jumps of half the world (a leg across the frame's seam)."""
    run = points[:1]
    for previous, point in pairwise(points):
        if abs(point[0] - previous[0]) > jump:
            if len(run) > 1:
                yield tuple(run)
            run = []
        run.append(point)
    if len(run) > 1:
        yield tuple(run)


def _visible(rings, width: int, height: int) -> bool:
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return max(xs) >= 0 and min(xs) <= width and max(ys) >= _HEADER_PX and min(ys) <= height - _FOOTER_PX


# -- SVG ---------------------------------------------------------------------------------------


def svg_of(drawing: Drawing) -> str:
    """The drawing as a standalone SVG document (every text escaped)."""
    w, h = drawing.width, drawing.height
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        f'font-family="Helvetica, Arial, sans-serif" role="img" aria-label={quoteattr(drawing.title)}>',
        f"<title>{escape(drawing.title)}</title>",
        f'<rect width="{w}" height="{h}" fill="{_SEA}"/>',
    ]
    for shape in drawing.shapes:
        out.append(_svg_shape(shape, w, h))
    out.append("</svg>")
    return "\n".join(out)


def _svg_shape(shape, width: int, height: int) -> str:
    if isinstance(shape, Polygon):
        path = " ".join("M" + " L".join(f"{x},{y}" for x, y in ring) + " Z" for ring in shape.rings)
        return f'<path d="{path}" fill="{shape.fill}" stroke="{shape.stroke}" stroke-width="{shape.width}"/>'
    if isinstance(shape, Line):
        points = " ".join(f"{x},{y}" for x, y in shape.points)
        dash = ' stroke-dasharray="8 6"' if shape.dashed else ""
        return (
            f'<polyline points="{points}" fill="none" stroke="{shape.color}" stroke-width="{shape.width}"'
            f' stroke-linecap="round"{dash}/>'
        )
    if isinstance(shape, Disc):
        fill = "none" if shape.hollow else shape.fill
        dash = ' stroke-dasharray="4 4"' if shape.hollow else ""
        circle = (
            f'<circle cx="{shape.x}" cy="{shape.y}" r="{shape.radius}" fill="{fill}" stroke="{shape.stroke}"'
            f' stroke-width="2"{dash}/>'
        )
        if not shape.label:
            return circle
        colour = _LEG if shape.fill == "#ffffff" else "#ffffff"
        return circle + (
            f'<text x="{shape.x}" y="{shape.y + 4}" font-size="12" font-weight="bold" text-anchor="middle"'
            f' fill="{colour}">{escape(shape.label)}</text>'
        )
    weight = ' font-weight="bold"' if shape.bold else ""
    position = f'x="{shape.x}" y="{shape.y}" font-size="{shape.size}"'
    return f'<text {position}{weight} fill="{shape.color}">{escape(shape.text)}</text>'


# -- PNG ---------------------------------------------------------------------------------------


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    # Pillow's bundled font: nothing to install, nothing to fetch.
    return ImageFont.load_default(size=size)


def png_of(drawing: Drawing) -> bytes:
    """The drawing as PNG bytes (Pillow; antialiased by drawing at twice the size, then halving)."""
    factor = 2
    image = Image.new("RGB", (drawing.width * factor, drawing.height * factor), _SEA)
    draw = ImageDraw.Draw(image)
    for shape in drawing.shapes:
        _draw_png(draw, shape, factor)
    image = image.resize((drawing.width, drawing.height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _scaled(points, factor: int) -> list[tuple[float, float]]:
    return [(x * factor, y * factor) for x, y in points]


def _draw_png(draw: ImageDraw.ImageDraw, shape, factor: int) -> None:
    if isinstance(shape, Polygon):
        for ring in shape.rings:
            if len(ring) >= 3:
                draw.polygon(
                    _scaled(ring, factor),
                    fill=shape.fill,
                    outline=shape.stroke,
                    width=max(1, round(shape.width * factor)),
                )
    elif isinstance(shape, Line):
        points = _scaled(shape.points, factor)
        width = round(shape.width * factor)
        if not shape.dashed:
            draw.line(points, fill=shape.color, width=width, joint="curve")
        else:
            for a, b in _dashes(points, 16 * factor, 12 * factor):
                draw.line([a, b], fill=shape.color, width=width)
    elif isinstance(shape, Disc):
        r = shape.radius * factor
        box = [shape.x * factor - r, shape.y * factor - r, shape.x * factor + r, shape.y * factor + r]
        draw.ellipse(box, fill=None if shape.hollow else shape.fill, outline=shape.stroke, width=2 * factor)
        if shape.label:
            colour = _LEG if shape.fill == "#ffffff" else "#ffffff"
            draw.text(
                (shape.x * factor, shape.y * factor), shape.label, fill=colour, font=_font(12 * factor), anchor="mm"
            )
    else:
        draw.text(
            (shape.x * factor, shape.y * factor),
            shape.text,
            fill=shape.color,
            font=_font(shape.size * factor),
            anchor="ls",
        )


def _dashes(
    points: list[tuple[float, float]], on: float, off: float
) -> Iterable[tuple[tuple[float, float], tuple[float, float]]]:
    """The drawn pieces of a dashed polyline."""
    period, travelled = on + off, 0.0
    for (x0, y0), (x1, y1) in pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        at = 0.0
        while at < length:
            phase = (travelled + at) % period
            step = min((on - phase) if phase < on else (period - phase), length - at)
            if phase < on:
                t0, t1 = at / length, (at + step) / length
                yield (x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0), (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1)
            at += step
        travelled += length
