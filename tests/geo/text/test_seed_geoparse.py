"""Acceptance: the seed article geoparsed on the real gazetteer index."""

from __future__ import annotations

import os
import pathlib
import re

import pytest

from geo.gazetteer.paths import INDEX_FILENAME
from geo.model import MentionRole
from geo.text.geoparse import Geoparser

ROOT = pathlib.Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "000_c9263cc6945fc7b5.txt"
INDEX = pathlib.Path(os.environ.get("ITINERANT_DATA_DIR", ROOT / "data")) / INDEX_FILENAME

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not INDEX.is_file(), reason=f"no gazetteer index at {INDEX}: run `itinerant gazetteer build`"),
]


@pytest.fixture(scope="module", params=[True, False], ids=["ner", "fast"])
def mentions(request):
    from geo.gazetteer.index import open_gazetteer

    text = SEED.read_text(encoding="utf-8")
    return text, Geoparser(open_gazetteer(INDEX), use_ner=request.param).parse(text)


@pytest.mark.parametrize(
    ("surface", "geonameid", "count"),
    [
        ("Komsomolsk-on-Amur", 2021851, 1),
        ("Vladivostok", 2013348, 2),
        ("Sochi", 491422, 1),
        ("Pyongyang", 1871859, 1),
        ("Russia", 2017370, None),
        ("North Korea", 1873107, None),
        ("Ukraine", 690791, None),
        ("Belarus", 630336, 1),
        ("Vietnam", 1562822, 1),
    ],
)
def test_places_resolve_right(mentions, surface, geonameid, count) -> None:
    _, found = mentions
    ids = [m.place.geonameid for m in found if m.surface == surface and m.place is not None]
    assert ids and set(ids) == {geonameid}
    if count is not None:
        assert len(ids) == count


def test_black_sea_is_placed_on_the_black_sea(mentions) -> None:
    _, found = mentions
    [sea] = [m for m in found if m.surface == "Black Sea"]
    assert sea.place is not None and 40.5 < sea.place.lat < 47.0 and 27.0 < sea.place.lon < 42.0


def test_seoul_is_the_dateline(mentions) -> None:
    _, found = mentions
    assert (found[0].surface, found[0].role, found[0].place.geonameid) == ("SEOUL", MentionRole.DATELINE, 1835848)


@pytest.mark.parametrize(
    "word", ["Kim", "Putin", "Lavrov", "Peskov", "Manturov", "Sukhoi", "Su-57", "Cabinet", "But", "Since"]
)
def test_no_place_is_read_out_of_people_makers_and_words(mentions, word) -> None:
    _, found = mentions
    assert not [m for m in found if re.search(rf"\b{re.escape(word)}\b", m.surface)]
