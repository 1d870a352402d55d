"""geo.maps.static_image: an itinerary as a still SVG or PNG, offline, the same shapes in both."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from app_fixtures import ANADYR, ANCHORAGE, KOMSOMOLSK, VLADIVOSTOK, event
from map_samples import KIM, TOUR
from PIL import Image

from geo.errors import InvalidInputError
from geo.itinerary import build_itinerary
from geo.maps.static_image import CREDITS, Disc, Line, Polygon, Text, itinerary_drawing, png_of, svg_of
from geo.model import Place, Precision

RUSSIA = Place("geonames:2017370", "Russia", 60.0, 100.0, "country", Precision.COUNTRY, "RU", None, 2017370, 144478050)
SVG = "{http://www.w3.org/2000/svg}"


def _texts(drawing) -> list[str]:
    return [shape.text for shape in drawing.shapes if isinstance(shape, Text)]


def test_point_stops_are_numbered_discs_joined_by_legs_and_a_revisited_city_shares_one():
    drawing = itinerary_drawing(TOUR)  # one trip: the shared fixture's stops are two trips and an undated plan
    discs = [shape for shape in drawing.shapes if isinstance(shape, Disc)]
    assert sorted(d.label for d in discs) == ["1, 3", "2"]  # Vladivostok is stops 1 and 3
    lines = [shape for shape in drawing.shapes if isinstance(shape, Line)]
    assert [line.dashed for line in lines] == [False, True]  # the planned leg is dashed
    for disc in discs:  # every stop inside the picture, below the title
        assert 0 < disc.x < drawing.width and 64 < disc.y < drawing.height - 28
    assert "Kim Jong Un: itinerary" in _texts(drawing) and CREDITS in _texts(drawing)
    assert any(isinstance(shape, Polygon) for shape in drawing.shapes)  # the outlines


def test_a_country_stop_is_the_country_shaded_and_named_never_a_point_with_a_leg():
    itinerary = build_itinerary(
        "Kim Jong Un",
        [
            event("Kim Jong Un", RUSSIA, when="2023-09-12"),
            event("Kim Jong Un", KOMSOMOLSK, when="2023-09-15", start=50),
        ],
    )
    drawing = itinerary_drawing(itinerary)
    assert [d.label for d in drawing.shapes if isinstance(d, Disc)] == ["2"]
    assert not [shape for shape in drawing.shapes if isinstance(shape, Line)]
    assert any(isinstance(s, Polygon) and s.fill != "#fbfaf6" for s in drawing.shapes)  # Russia shaded
    assert "Known only as an area: Russia (2023-09-12)" in _texts(drawing)


def test_a_trip_across_the_antimeridian_is_drawn_whole_in_the_frame():
    itinerary = build_itinerary(
        "A", [event("A", ANADYR, when="2023-01-01"), event("A", ANCHORAGE, when="2023-01-02", start=50)]
    )
    drawing = itinerary_drawing(itinerary)
    (left, right) = sorted(d.x for d in drawing.shapes if isinstance(d, Disc))
    assert 0 < left < right < drawing.width and right - left < drawing.width * 0.9
    for line in (s for s in drawing.shapes if isinstance(s, Line)):
        steps = [abs(b[0] - a[0]) for a, b in zip(line.points, line.points[1:], strict=False)]
        assert max(steps) < drawing.width / 4  # no stroke back across the picture


def test_svg_is_a_valid_document_with_every_text_escaped():
    name = "<script>alert(1)</script> & Co"
    hostile = build_itinerary(name, [event(name, VLADIVOSTOK, when="2023-09-12")])
    svg = svg_of(itinerary_drawing(hostile))
    root = ET.fromstring(svg)  # well-formed
    assert root.tag == f"{SVG}svg" and root.find(f"{SVG}title").text == "<script>alert(1)</script> & Co: itinerary"
    assert "<script>" not in svg


def test_png_has_the_asked_size():
    image = Image.open(io.BytesIO(png_of(itinerary_drawing(KIM, width=800, height=450))))
    assert (image.format, image.size) == ("PNG", (800, 450))
    # Not one flat colour: land, sea and the stops are drawn.
    assert len(image.getcolors(maxcolors=1 << 16) or range(2)) > 10


@pytest.mark.parametrize(("width", "height"), [(0, 450), (800, 10), (100_000, 450)])
def test_sizes_no_one_means_are_refused(width, height):
    with pytest.raises(InvalidInputError, match="pixels"):
        itinerary_drawing(KIM, width=width, height=height)


def test_an_itinerary_without_stops_is_an_empty_map_with_its_title():
    drawing = itinerary_drawing(build_itinerary("Nobody", []))
    assert "Nobody: itinerary" in _texts(drawing) and "dates unknown · 0 stops" in _texts(drawing)
    assert png_of(drawing)[:8] == b"\x89PNG\r\n\x1a\n"
