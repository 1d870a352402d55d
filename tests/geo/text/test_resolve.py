"""resolve_mentions and Geoparser on the small gazetteer: context decides between namesakes."""

from __future__ import annotations

import pytest
from support.memory_gazetteer import MemoryGazetteer, make_place

from geo.gazetteer.base import NameType
from geo.model import Mention, MentionRole, Precision
from geo.text.geoparse import Geoparser
from geo.text.resolve import resolve_mentions


def mention_of(text: str, surface: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface)


def resolved(gazetteer, text: str, *surfaces: str) -> list[Mention]:
    return resolve_mentions(text, [mention_of(text, s) for s in surfaces], gazetteer)


@pytest.mark.parametrize(
    ("text", "surfaces", "target", "expected_geonameid"),
    [
        ("Alexandria police said the fire in Louisiana began at night.", ("Alexandria", "Louisiana"), 0, 4314550),
        ("Alexandria lies on the Mediterranean; Egyptians know it well.", ("Alexandria",), 0, 361058),
        ("Kansas City, Kansas, passed the law.", ("Kansas City", "Kansas"), 0, 4273837),
        ("Kansas City, Missouri, passed the law.", ("Kansas City", "Missouri"), 0, 4393217),
        ("He flew from Tbilisi to Georgia's mountains.", ("Tbilisi", "Georgia"), 1, 614540),
        ("He drove from Atlanta across Georgia.", ("Atlanta", "Georgia"), 1, 4197000),
        ("London (Ontario) police said.", ("London", "Ontario"), 0, 6058560),
    ],
)
def test_context_chooses_between_namesakes(gazetteer, text, surfaces, target, expected_geonameid) -> None:
    mentions = resolved(gazetteer, text, *surfaces)
    assert mentions[target].place.geonameid == expected_geonameid


def test_without_context_the_prior_decides(gazetteer) -> None:
    [london] = resolved(gazetteer, "London was quiet.", "London")
    assert london.place.geonameid == 2643743
    assert 0.0 < london.confidence < 1.0
    assert {p.geonameid for p in london.alternatives} == {6058560, 4517009}


def test_an_unknown_name_is_kept_unresolved(gazetteer) -> None:
    [unknown] = resolved(gazetteer, "They met in Kelleyland.", "Kelleyland")
    assert (unknown.place, unknown.confidence, unknown.alternatives) == (None, 0.0, ())


def test_demonyms_resolve_to_their_country(gazetteer) -> None:
    text = "Turkish police arrived."
    [turkish] = resolve_mentions(text, [Mention(0, 7, "Turkish", role=MentionRole.DEMONYM)], gazetteer)
    assert (turkish.place.geonameid, turkish.role) == (298795, MentionRole.DEMONYM)


def test_a_countrys_demonyms_pull_its_cities(gazetteer) -> None:
    text = "The Canadian police in London said Canadian roads were closed."
    parser = Geoparser(gazetteer, use_ner=False)
    [london] = parser.resolve(text, [mention_of(text, "Canadian"), mention_of(text, "London")])[1:]
    assert london.place.country == "CA"


def test_geoparser_resolves_the_seed_story_places(gazetteer) -> None:
    text = (
        "SEOUL (S Korea), Sep 15: North Korean leader Kim Jong Un inspected Russia\u2019s jet. Kim travels "
        "next to Vladivostok, Putin told Russian media. They met in the Black Sea resort of Sochi."
    )
    mentions = Geoparser(gazetteer).parse(text)
    got = {(m.surface, m.role): m.place.geonameid for m in mentions}
    assert got == {
        ("SEOUL", MentionRole.DATELINE): 1835848,
        ("Korea", MentionRole.PLACE): 1835841,
        ("Russia", MentionRole.PLACE): 2017370,
        ("Vladivostok", MentionRole.PLACE): 2013348,
        ("Black Sea", MentionRole.PLACE): 630673,
        ("Sochi", MentionRole.PLACE): 491422,
    }
    assert all(m.place.precision in Precision for m in mentions)


def test_geoparser_counts_demonyms_when_asked(gazetteer) -> None:
    text = "Russian troops left Sochi."
    assert [m.surface for m in Geoparser(gazetteer, include_demonyms=True).parse(text)] == ["Russian", "Sochi"]
    assert [m.surface for m in Geoparser(gazetteer).parse(text)] == ["Sochi"]


def test_nearby_places_form_a_coherent_set(gazetteer) -> None:
    gazetteer_copy = type(gazetteer)()
    for gazetteer_id in ("geonames:2643743", "geonames:6058560", "geonames:4517009"):
        gazetteer_copy.add(gazetteer.get(gazetteer_id))
    gazetteer_copy.add(make_place(6167865, "Toronto", 43.70, -79.42, country="CA", population=2_600_000))
    gazetteer_copy.add(make_place(6094817, "Ottawa", 45.41, -75.70, country="CA", population=812_129))
    text = "Trains from Toronto and Ottawa reach London."
    london = resolved(gazetteer_copy, text, "Toronto", "Ottawa", "London")[-1]
    assert london.place.geonameid == 6058560


def _towns_named_clinton():
    """Clinton as the full index has it: many small towns, Connecticut's among the smallest."""
    from support.memory_gazetteer import MemoryGazetteer

    gazetteer = MemoryGazetteer()
    towns = [
        (4351871, 38.77, -76.90, "Maryland", 35_970),
        (4852022, 41.84, -90.19, "Iowa", 26_064),
        (4422133, 32.34, -90.32, "Mississippi", 25_254),
        (5773001, 41.14, -112.05, "Utah", 21_399),
        (4614214, 36.10, -84.13, "Tennessee", 10_049),
        (4533738, 35.52, -98.97, "Oklahoma", 9_565),
        (4381643, 38.37, -93.78, "Missouri", 8_899),
        (4461101, 35.00, -78.32, "North Carolina", 8_767),
        (4933426, 42.42, -71.68, "Massachusetts", 7_389),
        (5284202, 41.28, -72.53, "Connecticut", 3_368),
    ]
    for geonameid, lat, lon, state, population in towns:
        gazetteer.add(make_place(geonameid, "Clinton", lat, lon, country="US", admin1=state, population=population))
    gazetteer.add(
        make_place(4839366, "New Haven", 41.31, -72.93, country="US", admin1="Connecticut", population=130_250)
    )
    gazetteer.add(
        make_place(4956184, "Worcester", 42.26, -71.80, country="US", admin1="Massachusetts", population=182_544)
    )
    return gazetteer


def test_a_town_name_goes_to_the_state_of_the_storys_other_places() -> None:
    # New Haven lies within reach of the Clintons of Massachusetts and Connecticut alike; only
    # the one of Connecticut shares its state, though a smaller town.
    text = "CLINTON - The couple bought the drugs in New Haven."
    clinton = resolved(_towns_named_clinton(), text, "CLINTON", "New Haven")[0]
    assert clinton.place.geonameid == 5284202


def test_a_place_read_twice_is_no_support_of_its_own_state() -> None:
    # "Springfield City", read as Springfield, Massachusetts, lends that Springfield no state of
    # its own: the qualifier still takes the story to Ohio.
    from support.memory_gazetteer import MemoryGazetteer

    gazetteer = MemoryGazetteer()
    massachusetts = make_place(
        4951788, "Springfield", 42.10, -72.59, country="US", admin1="Massachusetts", population=155_000
    )
    gazetteer.add(massachusetts, "Springfield City")
    gazetteer.add(make_place(4525353, "Springfield", 39.92, -83.81, country="US", admin1="Ohio", population=58_000))
    gazetteer.add(
        make_place(5165418, "Ohio", 40.25, -82.75, precision=Precision.ADMIN1, country="US", population=11_500_000)
    )
    text = "Springfield, Ohio - Springfield City schools met. Springfield voters agreed on Monday."
    mentions = resolved(gazetteer, text, "Springfield", "Ohio", "Springfield City")
    assert mentions[0].place.geonameid == 4525353


def _towns_and_regions():
    """A town the gazetteer has in one country only, and two regions where it has none."""
    from support.memory_gazetteer import MemoryGazetteer

    gazetteer = MemoryGazetteer()
    gazetteer.add(make_place(1850001, "Taji", 33.60, 135.94, country="JP", admin1="Wakayama", population=3_000))
    gazetteer.add(make_place(99237, "Iraq", 33.0, 44.0, precision=Precision.COUNTRY, country="IQ", population=38e6))
    gazetteer.add(make_place(6251999, "Ontario", 49.25, -84.50, precision=Precision.ADMIN1, country="CA"))
    gazetteer.add(make_place(2636710, "Stroud", 51.75, -2.20, country="GB", admin1="England", population=32_000))
    gazetteer.add(make_place(1850002, "Bradford", 53.79, -1.75, country="GB", admin1="England", population=300_000))
    return gazetteer


@pytest.mark.parametrize(
    ("text", "surfaces", "expected"),
    [
        # A town written with its region, none of whose namesakes lies there, is read as the
        # region: the namesake abroad would put the story in the wrong country.
        ("He was hurt in Taji, Iraq, in 2004.", ("Taji", "Iraq"), ["Iraq", "Iraq"]),
        ("The clinic in Stroud, Ontario, closed.", ("Stroud", "Ontario"), ["Ontario", "Ontario"]),
        # Items of a list are no town and region.
        (
            "Cases in Stroud, Ontario and Bradford were confirmed.",
            ("Stroud", "Ontario", "Bradford"),
            ["Stroud", "Ontario", "Bradford"],
        ),
        # Nor is a region's name that begins a person's.
        ("Coach Ray Taji, Iraq Smith and others.", ("Taji", "Iraq"), ["Taji", "Iraq"]),
    ],
)
def test_a_town_qualified_by_a_region_it_is_not_in_is_read_as_the_region(text, surfaces, expected) -> None:
    found = resolved(_towns_and_regions(), text, *surfaces)
    assert [m.place.name for m in found] == expected


def test_a_name_before_the_word_county_is_the_county() -> None:
    # A county's short form with its kind in lower case ("Baker counties", "Baker county") is the
    # county, though a town bears the name as its own and ranks first alone.
    world = MemoryGazetteer()
    world.add(
        make_place(4315588, "Baker", 30.59, -91.17, country="US", admin1="Louisiana", population=13_695), prior=0.43
    )
    world.add(
        make_place(4146901, "Baker County", 30.33, -82.28, precision=Precision.ADMIN2, country="US", admin1="Florida"),
        prior=0.15,
    )
    world.alias("geonames:4146901", "Baker", name_type=NameType.ALTERNATE)
    world.add(
        make_place(4163971, "Nassau County", 30.61, -81.77, precision=Precision.ADMIN2, country="US", admin1="Florida"),
        prior=0.15,
    )
    world.alias("geonames:4163971", "Nassau", name_type=NameType.ALTERNATE)
    for text, expected in [
        ("Volunteers came from Nassau and Baker counties.", 4146901),
        ("Volunteers came from Baker county.", 4146901),
        ("Volunteers came from Baker.", 4315588),
    ]:
        baker = next(m for m in resolved(world, text, "Baker") if m.surface == "Baker")
        assert baker.place.geonameid == expected, text
