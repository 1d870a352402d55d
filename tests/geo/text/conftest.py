"""Fixtures of the geoparser tests: a small in-memory gazetteer with realistic ambiguity."""

from __future__ import annotations

import pytest
from support.memory_gazetteer import MemoryGazetteer, make_place

from geo.gazetteer.base import NameType
from geo.model import Mention, Precision
from geo.text.recognize import PlaceRecognizer

C, A1 = Precision.COUNTRY, Precision.ADMIN1

# The recogniser's two modes: with spaCy's NER as a second signal, and the gazetteer alone.
BOTH_MODES = pytest.mark.parametrize("use_ner", [True, False], ids=["ner", "fast"])


def recognized(world: MemoryGazetteer, use_ner: bool, text: str) -> list[Mention]:
    """The place mentions the recogniser finds in `text` over `world`."""
    return PlaceRecognizer(world, use_ner=use_ner).recognize(text)


def surfaces(world: MemoryGazetteer, use_ner: bool, text: str) -> list[str]:
    """The surface of each mention the recogniser finds."""
    return [m.surface for m in recognized(world, use_ner, text)]


def small_world() -> MemoryGazetteer:
    """Places of the seed story and of US local news, with the namesakes that make them hard."""
    g = MemoryGazetteer()
    countries = [
        (2017370, "Russia", 60.0, 100.0, "RU", ("Russian Federation",), ("Russian",)),
        (1873107, "North Korea", 40.0, 127.0, "KP", ("DPRK",), ("North Korean",)),
        (1835841, "South Korea", 36.5, 127.75, "KR", ("Korea",), ("South Korean",)),
        (690791, "Ukraine", 49.0, 32.0, "UA", (), ("Ukrainian",)),
        (630336, "Belarus", 53.0, 28.0, "BY", (), ("Belarusian",)),
        (6252001, "United States", 39.76, -98.5, "US", ("United States of America",), ("American",)),
        (1562822, "Vietnam", 16.17, 107.83, "VN", (), ("Vietnamese",)),
        (248816, "Jordan", 31.0, 36.0, "JO", (), ("Jordanian",)),
        (614540, "Georgia", 42.0, 43.5, "GE", (), ("Georgian",)),
        (298795, "Turkey", 39.0, 35.0, "TR", ("Türkiye",), ("Turkish",)),
        (6251999, "Canada", 60.0, -95.0, "CA", (), ("Canadian",)),
    ]
    for gid, name, lat, lon, cc, names, demonyms in countries:
        g.add(make_place(gid, name, lat, lon, precision=C, country=cc, population=10_000_000), *names)
        g.alias(f"geonames:{gid}", *demonyms, name_type=NameType.DEMONYM)
    g.alias("geonames:6252001", "U.S.", "USA", name_type=NameType.ABBREVIATION)
    regions = [
        (4197000, "Georgia", 32.75, -83.5, "US", "Georgia"),
        (4398678, "Missouri", 38.25, -92.5, "US", "Missouri"),
        (4273857, "Kansas", 38.5, -98.5, "US", "Kansas"),
        (4331987, "Louisiana", 31.0, -92.0, "US", "Louisiana"),
        (2565340, "Borno", 11.5, 13.0, "NG", "Borno"),
        (6093943, "Ontario", 49.25, -84.5, "CA", "Ontario"),
    ]
    for gid, name, lat, lon, cc, admin1 in regions:
        g.add(make_place(gid, name, lat, lon, precision=A1, country=cc, admin1=admin1))
    g.alias("geonames:2565340", "Borno State", name_type=NameType.ALTERNATE)
    cities = [
        (2021851, "Komsomolsk-on-Amur", 50.55, 137.01, "RU", "Khabarovsk", 263_906, ("Komsomol'sk-na-Amure",)),
        (2013348, "Vladivostok", 43.11, 131.87, "RU", "Primorye", 587_022, ()),
        (491422, "Sochi", 43.60, 39.73, "RU", "Krasnodar", 343_334, ()),
        (473247, "Vladimir", 56.13, 40.40, "RU", "Vladimir", 310_024, ()),
        (1871859, "Pyongyang", 39.03, 125.75, "KP", "Pyongyang", 3_222_000, ()),
        (1835848, "Seoul", 37.57, 126.98, "KR", "Seoul", 10_349_312, ()),
        (524901, "Moscow", 55.75, 37.62, "RU", "Moscow", 10_381_222, ()),
        (4140963, "Washington", 38.90, -77.04, "US", "District of Columbia", 601_723, ("Washington DC",)),
        (4180439, "Atlanta", 33.75, -84.39, "US", "Georgia", 463_878, ()),
        (611717, "Tbilisi", 41.69, 44.83, "GE", "Tbilisi", 1_049_498, ()),
        (4393217, "Kansas City", 39.10, -94.58, "US", "Missouri", 475_378, ()),
        (4273837, "Kansas City", 39.11, -94.63, "US", "Kansas", 145_786, ()),
        (4314550, "Alexandria", 31.31, -92.45, "US", "Louisiana", 47_723, ()),
        (361058, "Alexandria", 31.20, 29.92, "EG", "Alexandria", 3_811_516, ()),
        (2331447, "Maiduguri", 11.85, 13.16, "NG", "Borno", 1_112_449, ()),
        (4076598, "Mobile", 30.69, -88.04, "US", "Alabama", 190_000, ()),
        (4855207, "Kim", 37.25, -103.35, "US", "Colorado", 70, ()),
        (5426260, "But", 40.0, -105.0, "US", "Colorado", 10, ()),
        (5412347, "Cabinet", 48.1, -115.8, "US", "Montana", 0, ()),
        (5334223, "Sukhoi", 44.0, 40.0, "RU", "Adygea", 120, ()),
        (5989045, "Since", 45.0, -80.0, "CA", "Ontario", 0, ()),
        (2643743, "London", 51.51, -0.13, "GB", "England", 7_556_900, ()),
        (6058560, "London", 42.98, -81.23, "CA", "Ontario", 346_765, ()),
        (4517009, "London", 39.89, -83.45, "US", "Ohio", 10_000, ()),
    ]
    for gid, name, lat, lon, cc, admin1, pop, names in cities:
        g.add(make_place(gid, name, lat, lon, country=cc, admin1=admin1, population=pop), *names)
    g.add(make_place(630673, "Black Sea", 43.0, 34.0, precision=Precision.SITE, country=None, kind="sea"))
    g.add(make_place(2031110, "Amur", 52.9, 141.1, precision=Precision.SITE, country="RU", kind="river"))
    g.add(make_place(5107152, "Kremlin", 55.75, 37.62, precision=Precision.SITE, country="RU", kind="building"))
    return g


@pytest.fixture(scope="session")
def gazetteer() -> MemoryGazetteer:
    return small_world()
