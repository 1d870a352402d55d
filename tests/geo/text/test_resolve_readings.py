"""Resolution reads a name with its article and a big namesake city as the story's location."""

from __future__ import annotations

import pytest
from conftest import small_world
from support.memory_gazetteer import MemoryGazetteer, make_place

from geo.gazetteer.base import NameType
from geo.model import Mention, MentionRole, Place, Precision
from geo.text.resolve import resolve_mentions

NEW_YORK_STATE, NEW_YORK_CITY, CASABLANCA = 5128638, 5128581, 2553604


def reading_world() -> MemoryGazetteer:
    g = small_world()
    # The state's real population: its prior outranks the city's, as in the full index.
    g.add(
        make_place(
            NEW_YORK_STATE, "New York", 43.0, -75.5, precision=Precision.ADMIN1, country="US", population=31_429_498
        )
    )
    g.add(
        make_place(NEW_YORK_CITY, "New York City", 40.71, -74.01, country="US", admin1="New York", population=8_804_190)
    )
    g.alias(f"geonames:{NEW_YORK_CITY}", "New York", name_type=NameType.ALTERNATE)
    g.add(make_place(6115047, "Quebec", 52.0, -72.0, precision=Precision.ADMIN1, country="CA"))
    g.add(make_place(6325494, "Quebec City", 46.81, -71.21, country="CA", admin1="Quebec", population=531_902))
    g.alias("geonames:6325494", "Quebec", name_type=NameType.ALTERNATE)
    # Casablanca's translated names: "Dar el Beida" is "the White House".
    g.add(make_place(CASABLANCA, "Casablanca", 33.59, -7.62, country="MA", population=3_665_954))
    g.alias(f"geonames:{CASABLANCA}", "White House", "The White House", name_type=NameType.ALTERNATE)
    g.add(make_place(4667282, "White House", 36.47, -86.65, country="US", admin1="Tennessee", population=11_226))
    palace = Place("curated:white-house", "White House", 38.8977, -77.0365, "palace", Precision.SITE, country="US")
    g.add(palace, "the White House", name_type=NameType.ALTERNATE)
    g.add(make_place(2747373, "The Hague", 52.08, 4.30, country="NL", admin1="South Holland", population=474_292))
    return g


@pytest.fixture(scope="module")
def world() -> MemoryGazetteer:
    return reading_world()


def mention_of(text: str, surface: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface)


def resolve_first(world: MemoryGazetteer, text: str, surface: str) -> Place:
    start = text.index(surface)
    [mention] = resolve_mentions(text, [Mention(start, start + len(surface), surface)], world)
    return mention.place


@pytest.mark.parametrize(
    ("text", "surface", "gazetteer_id"),
    [
        ("The White House said the talks would go on.", "The White House", "curated:white-house"),
        ("Protesters gathered outside the White House on Sunday.", "White House", "curated:white-house"),
        ("The Hague hosts the court.", "The Hague", "geonames:2747373"),
        ("White House, a town of eleven thousand, voted.", "White House", f"geonames:{CASABLANCA}"),
    ],
)
def test_a_name_with_the_article_is_the_place_so_named(world, text, surface, gazetteer_id) -> None:
    assert resolve_first(world, text, surface).gazetteer_id == gazetteer_id


@pytest.mark.parametrize(
    ("text", "surface", "geonameid"),
    [
        ("The governor arrived in New York on Monday.", "New York", NEW_YORK_CITY),
        ("New York's mayor welcomed him.", "New York", NEW_YORK_CITY),
        ("Flights left from New York and Moscow.", "New York", NEW_YORK_CITY),
        ("Agents of a New York-based squad met him.", "New York", NEW_YORK_CITY),
        ("New York passed the law first.", "New York", NEW_YORK_STATE),
        # A city of half a million is no namesake city: Quebec is the province wherever it is.
        ("Right turns on red became legal in Quebec in 2003.", "Quebec", 6115047),
    ],
)
def test_a_big_namesake_city_is_the_location_written(world, text, surface, geonameid) -> None:
    assert resolve_first(world, text, surface).geonameid == geonameid


def test_a_dateline_is_the_namesake_city(world) -> None:
    text = "NEW YORK (Reuters) - Stocks fell on Monday."
    dateline = Mention(0, 8, "NEW YORK", role=MentionRole.DATELINE)
    [mention] = resolve_mentions(text, [dateline], world)
    assert mention.place.geonameid == NEW_YORK_CITY


def test_a_list_of_states_keeps_the_state(world) -> None:
    text = "Cases rose in Missouri, Kansas and New York."
    mentions = [Mention(text.index(s), text.index(s) + len(s), s) for s in ("Missouri", "Kansas", "New York")]
    assert resolve_mentions(text, mentions, world)[-1].place.geonameid == NEW_YORK_STATE


WASHINGTON_STATE, WASHINGTON_DC, WASHINGTON_GA = 5815135, 4140963, 4226295


def capital_world() -> MemoryGazetteer:
    """The capital and the state of one name, with the full index's priors (the capital's the higher)."""
    g = reading_world()
    g.add(
        make_place(WASHINGTON_STATE, "Washington", 47.5, -120.5, precision=Precision.ADMIN1, country="US"), prior=0.58
    )
    dc = make_place(
        WASHINGTON_DC, "Washington", 38.9, -77.04, country="US", admin1="District of Columbia", population=689_545
    )
    g.add(dc, prior=0.70)
    g.add(make_place(WASHINGTON_GA, "Washington", 33.74, -82.74, country="US", admin1="Georgia", population=4_134))
    for gid, name, lat, lon in ((5809844, "Seattle", 47.61, -122.33), (5811696, "Spokane", 47.66, -117.43)):
        g.add(make_place(gid, name, lat, lon, country="US", admin1="Washington", population=700_000))
    return g


@pytest.fixture(scope="module")
def capitals() -> MemoryGazetteer:
    return capital_world()


@pytest.mark.parametrize(
    ("text", "geonameid"),
    [
        # A region yields to its namesake city when the name is first the city's.
        ("Egypt cooperated closely with Washington at times.", WASHINGTON_DC),
        ("WASHINGTON (AP) — The House passed the bill.", WASHINGTON_DC),
        # Unless the text calls it the region...
        ("A cow from a Washington state farm tested positive.", WASHINGTON_STATE),
        ("The first case was found in the state of Washington.", WASHINGTON_STATE),
        # ...or the story's other places lie in the region.
        ("Officials in Seattle and Spokane said Washington would ban the sale.", WASHINGTON_STATE),
    ],
)
def test_a_region_yields_to_its_stronger_namesake_city(capitals, text, geonameid) -> None:
    places = resolve_mentions(
        text, [mention_of(text, s) for s in ("Seattle", "Spokane", "Washington", "WASHINGTON") if s in text], capitals
    )
    [washington] = [m for m in places if m.surface.casefold() == "washington"]
    assert washington.place.geonameid == geonameid


MANCHESTER_CITY, MANCHESTER_PARISH, NYANZA_PROVINCE, NYANZA_TOWN = 2643123, 3489657, 199990, 201521


def small_region_world() -> MemoryGazetteer:
    """Names shared by a city and a first-level region elsewhere, with the full index's priors."""
    g = small_world()
    g.add(make_place(MANCHESTER_CITY, "Manchester", 53.48, -2.24, country="GB", population=568_996), prior=0.546)
    parish = make_place(
        MANCHESTER_PARISH, "Manchester", 18.08, -77.5, precision=Precision.ADMIN1, country="JM", population=61_946
    )
    g.add(parish, prior=0.460)
    # A province whose population the gazetteer does not know keeps its standing as a region.
    province = make_place(NYANZA_PROVINCE, "Nyanza", -0.5, 34.5, precision=Precision.ADMIN1, country="KE")
    g.add(province, prior=0.44)
    g.add(make_place(NYANZA_TOWN, "Nyanza", -2.35, 29.74, country="RW", population=32_016), prior=0.46)
    return g


@pytest.mark.parametrize(
    ("text", "surface", "geonameid"),
    [
        # A region smaller than a city of its name is not what a bare name means...
        ("The band played in Manchester on Friday.", "Manchester", MANCHESTER_CITY),
        # ...a region of unknown size still counts as a region.
        ("Cholera spread across Nyanza last month.", "Nyanza", NYANZA_PROVINCE),
    ],
)
def test_a_region_smaller_than_a_namesake_city_is_not_the_name(text, surface, geonameid) -> None:
    assert resolve_first(small_region_world(), text, surface).geonameid == geonameid


def test_a_region_named_as_such_is_not_its_namesake_city(world) -> None:
    text = "A disaster has occurred throughout New York state, the governor said."
    assert resolve_first(world, text, "New York").geonameid == NEW_YORK_STATE
    text = "Farms in upstate New York were hit."
    assert resolve_first(world, text, "New York").geonameid == NEW_YORK_STATE


def list_world() -> MemoryGazetteer:
    """US states and a town named after one, in another."""
    g = capital_world()
    states = [
        (4736286, "Texas", 31.25, -99.25),
        (5744337, "Oregon", 44.0, -120.5),
        (4544379, "Oklahoma", 35.5, -97.5),
        (6254927, "Pennsylvania", 40.5, -77.5),
        (4138106, "District of Columbia", 38.91, -77.0),
    ]
    for gid, name, lat, lon in states:
        g.add(make_place(gid, name, lat, lon, precision=Precision.ADMIN1, country="US", admin1=name))
    g.alias("geonames:4138106", "D.C.", name_type=NameType.ABBREVIATION)
    g.add(make_place(5205788, "Oklahoma", 40.58, -79.57, country="US", admin1="Pennsylvania", population=780))
    return g


@pytest.fixture(scope="module")
def lists() -> MemoryGazetteer:
    return list_world()


def resolve_all(world: MemoryGazetteer, text: str, *surfaces: str) -> dict[str, Place]:
    mentions = resolve_mentions(text, [mention_of(text, s) for s in surfaces], world)
    return {m.surface: m.place for m in mentions}


def test_a_list_of_states_is_read_as_states(lists) -> None:
    text = "Cases turned up in Georgia, Oklahoma, Pennsylvania and Oregon."
    places = resolve_all(lists, text, "Georgia", "Oklahoma", "Pennsylvania", "Oregon")
    assert places["Oklahoma"].precision is Precision.ADMIN1  # not the town in Pennsylvania
    assert (places["Georgia"].country, places["Georgia"].precision) == ("US", Precision.ADMIN1)
    text = "He is a supporter of Oregon and Washington laws that allow it."
    assert resolve_all(lists, text, "Oregon", "Washington")["Washington"].geonameid == WASHINGTON_STATE


def test_a_pair_closing_a_list_still_qualifies(lists) -> None:
    text = "Visitors came from as far as Texas and Washington, D.C. to see him."
    assert resolve_all(lists, text, "Texas", "Washington", "D.C.")["Washington"].geonameid == WASHINGTON_DC


ROME_IT, ROME_NY, HUNTSVILLE_AL, HUNTSVILLE_TX = 3169070, 5134295, 4068590, 4702732


def namesake_world() -> MemoryGazetteer:
    """A capital and a small namesake, two towns of one name, and the places around them."""
    g = reading_world()
    g.add(make_place(3175395, "Italy", 42.83, 12.83, precision=Precision.COUNTRY, country="IT"))
    g.add(make_place(2921044, "Germany", 51.5, 10.5, precision=Precision.COUNTRY, country="DE"))
    g.add(make_place(ROME_IT, "Rome", 41.89, 12.51, country="IT", admin1="Lazio", population=2_318_895), prior=0.8)
    g.add(make_place(ROME_NY, "Rome", 43.21, -75.46, country="US", admin1="New York", population=32_573), prior=0.4)
    for gid, name, lat, lon in ((5141502, "Utica", 43.1, -75.23), (5140405, "Syracuse", 43.05, -76.15)):
        g.add(make_place(gid, name, lat, lon, country="US", admin1="New York", population=60_000))
    g.add(make_place(HUNTSVILLE_AL, "Huntsville", 34.73, -86.59, country="US", admin1="Alabama", population=200_574))
    g.add(make_place(HUNTSVILLE_TX, "Huntsville", 30.72, -95.55, country="US", admin1="Texas", population=40_938))
    walker = make_place(
        4741100, "Walker County", 30.74, -95.57, precision=Precision.ADMIN2, country="US", admin1="Texas"
    )
    g.add(walker, "Walker", name_type=NameType.ALTERNATE)
    return g


@pytest.fixture(scope="module")
def namesakes() -> MemoryGazetteer:
    return namesake_world()


def test_one_place_of_its_region_does_not_pull_a_capital_to_a_small_namesake(namesakes) -> None:
    text = "Officials in Rome said samples from New York and Germany were tested."
    places = resolve_all(namesakes, text, "Rome", "New York", "Germany")
    assert places["Rome"].geonameid == ROME_IT


@pytest.mark.parametrize(
    "text",
    [
        "Rome police said roads to Utica and Syracuse were closed, New York officials said.",
        "Rome, New York, is a small city.",
    ],
)
def test_nearby_places_or_a_qualifier_still_choose_the_namesake(namesakes, text) -> None:
    surfaces = [s for s in ("Rome", "Utica", "Syracuse", "New York") if s in text]
    assert resolve_all(namesakes, text, *surfaces)["Rome"].geonameid == ROME_NY


BOSTON_MA, BOSTON_NY = 4930956, 5110077


def world_city_world() -> MemoryGazetteer:
    """A world city whose prior is below the first rank's, and a village of its name in New York."""
    g = namesake_world()
    g.add(
        make_place(BOSTON_MA, "Boston", 42.36, -71.06, country="US", admin1="Massachusetts", population=653_833),
        prior=0.55,
    )
    g.add(make_place(BOSTON_NY, "Boston", 42.63, -78.74, country="US", admin1="New York", population=8_049), prior=0.42)
    g.add(make_place(5110266, "Buffalo", 42.89, -78.88, country="US", admin1="New York", population=278_349))
    g.add(make_place(5116303, "Eden", 42.65, -78.9, country="US", admin1="New York", population=3_516))
    return g


def test_one_place_of_its_region_does_not_pull_a_world_city_to_a_village() -> None:
    text = "The Mayor of Boston declared a flu emergency, as New York officials counted their cases."
    assert resolve_all(world_city_world(), text, "Boston", "New York")["Boston"].geonameid == BOSTON_MA


def test_nearby_places_still_choose_the_village() -> None:
    text = "Boston firefighters drove to Eden and Buffalo, New York officials said."
    places = resolve_all(world_city_world(), text, "Boston", "Eden", "Buffalo", "New York")
    assert places["Boston"].geonameid == BOSTON_NY


def test_a_county_written_as_such_is_a_nearby_place(namesakes) -> None:
    text = "Huntsville firefighters and Walker County deputies responded."
    assert resolve_all(namesakes, text, "Huntsville", "Walker County")["Huntsville"].geonameid == HUNTSVILLE_TX
    # A bare word the county also answers to ("Christian" for Christian County) is too weak an anchor.
    text = "Huntsville firefighters and Walker deputies responded."
    assert resolve_all(namesakes, text, "Huntsville", "Walker")["Huntsville"].geonameid == HUNTSVILLE_AL


def test_with_its_article_a_name_is_a_sea_or_region_not_a_namesake() -> None:
    g = reading_world()
    ocean = Place("curated:atlantic-ocean", "Atlantic Ocean", 0.0, -30.0, "ocean", Precision.COUNTRY)
    g.add(ocean, "Atlantic", name_type=NameType.ALTERNATE, prior=0.38)  # the full index's priors
    department = make_place(3689436, "Atlántico", 10.75, -75.0, precision=Precision.ADMIN1, country="CO")
    g.add(department, "Atlantic", name_type=NameType.ALTERNATE, prior=0.47)
    assert resolve_first(g, "Birds cross the Atlantic every spring.", "Atlantic").gazetteer_id == ocean.gazetteer_id
    assert resolve_first(g, "Atlantic officials said the road was closed.", "Atlantic").geonameid == 3689436


def test_a_feature_that_carries_the_name_with_its_article_is_what_the_article_means() -> None:
    g = reading_world()
    gulf = Place("curated:persian-gulf", "Persian Gulf", 26.5, 52.0, "gulf", Precision.ADMIN1)
    g.add(gulf, "the Gulf", name_type=NameType.ALTERNATE, prior=0.31)
    province = make_place(2097655, "Gulf", -7.56, 144.88, precision=Precision.ADMIN1, country="PG")
    g.add(province, prior=0.42)
    assert resolve_first(g, "Tankers left the Gulf on Monday.", "Gulf").gazetteer_id == gulf.gazetteer_id
    assert resolve_first(g, "Gulf officials said the road was closed.", "Gulf").geonameid == 2097655


LONDON_GB, LONDON_ON, ST_THOMAS_VI, ST_THOMAS_ON, MIDDLESEX_NJ, MIDDLESEX_ON = (
    2643743,
    6058560,
    4795467,
    6155721,
    5101170,
    6071183,
)


def ontario_world() -> MemoryGazetteer:
    """Three names whose likeliest readings lie apart, and whose Ontario readings lie together."""
    g = small_world()
    g.add(
        make_place(LONDON_GB, "London", 51.51, -0.13, country="GB", admin1="England", population=8_961_989), prior=0.8
    )
    g.add(
        make_place(LONDON_ON, "London", 42.98, -81.23, country="CA", admin1="Ontario", population=346_765), prior=0.55
    )
    g.add(make_place(ST_THOMAS_VI, "St. Thomas", 18.34, -64.93, country="VI", population=51_634), prior=0.6)
    g.add(
        make_place(ST_THOMAS_ON, "St. Thomas", 42.78, -81.18, country="CA", admin1="Ontario", population=38_909),
        prior=0.5,
    )
    g.add(
        make_place(MIDDLESEX_NJ, "Middlesex", 40.57, -74.49, country="US", admin1="New Jersey", population=13_635),
        prior=0.5,
    )
    g.add(
        make_place(MIDDLESEX_ON, "Middlesex", 42.98, -81.5, precision=Precision.ADMIN2, country="CA", admin1="Ontario"),
        prior=0.45,
    )
    return g


def test_names_that_lie_together_are_read_together() -> None:
    text = "Police in London said the man drove from St. Thomas through Middlesex."
    mentions = [mention_of(text, s) for s in ("London", "St. Thomas", "Middlesex")]
    places = [m.place.geonameid for m in resolve_mentions(text, mentions, ontario_world())]
    assert places == [LONDON_ON, ST_THOMAS_ON, MIDDLESEX_ON]


GUATEMALA_COUNTRY, GUATEMALA_DEPARTMENT, GUATEMALA_CITY = 3595528, 3595530, 3598132


def country_region_world() -> MemoryGazetteer:
    """A country, its first-level region of the same name and its capital, with the full index's priors."""
    g = small_world()
    g.add(
        make_place(GUATEMALA_COUNTRY, "Guatemala", 15.5, -90.25, precision=Precision.COUNTRY, country="GT"),
        prior=0.798,
    )
    department = make_place(
        GUATEMALA_DEPARTMENT, "Guatemala", 14.58, -90.44, precision=Precision.ADMIN1, country="GT", population=3_015_264
    )
    g.add(department, prior=0.559)
    city = make_place(
        GUATEMALA_CITY, "Guatemala City", 14.64, -90.51, country="GT", admin1="Guatemala", population=994_938
    )
    g.add(city, prior=0.712)
    return g


@pytest.mark.parametrize(
    ("text", "geonameid"),
    [
        # The region of the country's name yields to the country, even beside a town it holds...
        ("Guatemala's president visited Guatemala City on Monday.", GUATEMALA_COUNTRY),
        # ...unless the text calls it the region.
        ("Floods hit the department of Guatemala and Guatemala City.", GUATEMALA_DEPARTMENT),
    ],
)
def test_a_region_named_like_its_country_yields_to_the_country(text, geonameid) -> None:
    mentions = [mention_of(text, s) for s in ("Guatemala City", "Guatemala")]
    places = resolve_mentions(text, mentions, country_region_world())
    [guatemala] = [m for m in places if m.surface == "Guatemala"]
    assert guatemala.place.geonameid == geonameid


BOSTON_MA, BOSTON_LINCS, CAMBRIDGE_MA, CAMBRIDGE_ENG = 4930956, 2655138, 4931972, 2653941


def twin_towns_world() -> MemoryGazetteer:
    """Two names each shared by a town in Massachusetts and one in England, with the full index's
    priors: Boston is first the American city, Cambridge only just the English one."""
    g = small_world()
    for gid, name, lat, lon, cc, admin1, population, prior in (
        (BOSTON_MA, "Boston", 42.36, -71.06, "US", "Massachusetts", 653_833, 0.55),
        (BOSTON_LINCS, "Boston", 52.97, -0.03, "GB", "England", 45_339, 0.47),
        (CAMBRIDGE_ENG, "Cambridge", 52.2, 0.12, "GB", "England", 145_674, 0.505),
        (CAMBRIDGE_MA, "Cambridge", 42.38, -71.11, "US", "Massachusetts", 110_402, 0.497),
    ):
        g.add(make_place(gid, name, lat, lon, country=cc, admin1=admin1, population=population), prior=prior)
    return g


@pytest.mark.parametrize(
    "text", ["Researchers in Cambridge and Boston published the study.", "Researchers in Boston and Cambridge agreed."]
)
def test_two_names_settle_on_one_reading_together_whatever_their_order(text) -> None:
    # Read all at once round after round, each name followed the other's previous reading into
    # the other country: Cambridge, Massachusetts beside Boston, England.
    places = resolve_mentions(text, [mention_of(text, s) for s in ("Boston", "Cambridge")], twin_towns_world())
    assert {m.place.geonameid for m in places} == {BOSTON_MA, CAMBRIDGE_MA}


HERAT_CITY, HERAT_PROVINCE, KABUL_CITY, KABUL_PROVINCE = 1139715, 1139713, 1138958, 1138957


def city_province_world() -> MemoryGazetteer:
    """Two cities that name provinces too, with the full index's priors (the city first)."""
    g = small_world()
    for gid, name, lat, lon, precision, population, prior in (
        (HERAT_CITY, "Herat", 34.35, 62.2, Precision.CITY, 574_300, 0.546),
        (HERAT_PROVINCE, "Herat", 34.5, 62.0, Precision.ADMIN1, 709_917, 0.522),
        (KABUL_CITY, "Kabul", 34.53, 69.17, Precision.CITY, 4_434_550, 0.757),
        (KABUL_PROVINCE, "Kabul", 34.5, 69.17, Precision.ADMIN1, 4_530_525, 0.569),
    ):
        g.add(make_place(gid, name, lat, lon, precision=precision, country="AF", population=population), prior=prior)
    return g


def test_a_list_of_cities_that_name_provinces_is_of_cities() -> None:
    # Both names can be read as provinces of one country, which made the pair a list of provinces.
    text = "The convoy left Kandahar for Herat and Kabul."
    places = resolve_mentions(text, [mention_of(text, s) for s in ("Herat", "Kabul")], city_province_world())
    assert [m.place.geonameid for m in places] == [HERAT_CITY, KABUL_CITY]


def ellipsis_world() -> MemoryGazetteer:
    """Compass words that also name regions of their own, and the names they share in news."""
    g = small_world()
    g.add(make_place(234594, "Central", 0.5, 32.5, precision=Precision.ADMIN1, country="UG", population=6_000_000))
    g.add(make_place(8260673, "Eastern", 1.0, 33.5, precision=Precision.ADMIN1, country="UG", population=5_000_000))
    for key, name, lat, lon in (
        ("central-america", "Central America", 14.0, -87.0),
        ("south-america", "South America", -14.6, -57.7),
        ("eastern-europe", "Eastern Europe", 50.0, 30.0),
        ("southern-europe", "Southern Europe", 41.0, 15.0),
    ):
        g.add(Place(f"curated:{key}", name, lat, lon, "region", Precision.COUNTRY))
    return g


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The virus spread in Central and South America.", "Central", "curated:central-america"),
        ("Exports to Eastern or Southern Europe fell.", "Eastern", "curated:eastern-europe"),
        ("Tensions between North and South Korea rose.", "North", "geonames:1873107"),
        # With no shared name after it, the compass word keeps its own reading.
        ("Aid reached Central, the region's capital said.", "Central", "geonames:234594"),
        ("Exports to Eastern and to Southern Europe fell.", "Eastern", "geonames:8260673"),
    ],
)
def test_a_compass_word_shares_the_name_of_the_next_conjunct(text, surface, expected) -> None:
    start = text.index(surface)
    mention = Mention(start, start + len(surface), surface, role=MentionRole.PLACE)
    [resolved] = resolve_mentions(text, [mention], ellipsis_world())
    assert resolved.place is not None and resolved.place.gazetteer_id == expected


def dateline_world() -> MemoryGazetteer:
    """The capital and a Kansas town of its name, and two cities of the plains near the town."""
    g = small_world()
    # The capital's prior is the full index's (a capital's bonus); the town's that of a small town.
    g.add(make_place(4140963, "Washington", 38.90, -77.04, country="US", admin1="District of Columbia"), prior=0.7)
    g.add(make_place(4280539, "Washington", 39.82, -97.05, country="US", admin1="Kansas", population=1_131))
    g.add(make_place(5074472, "Omaha", 41.26, -95.94, country="US", admin1="Nebraska", population=434_353))
    g.add(make_place(5072006, "Lincoln", 40.80, -96.67, country="US", admin1="Nebraska", population=258_379))
    g.add(make_place(4273857, "Kansas", 38.5, -98.5, precision=Precision.ADMIN1, country="US"))
    g.alias("geonames:4273857", "Kan.", name_type=NameType.ABBREVIATION)
    return g


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare dateline names a city the wire's readers know: the plains' cities do not move it.
        ("WASHINGTON (AP) — Farmers from Omaha and Lincoln met lawmakers.", "District of Columbia"),
        # A dateline with its state names the namesake.
        ("WASHINGTON, Kan. (AP) — Farmers from Omaha and Lincoln met there.", "Kansas"),
    ],
)
def test_a_bare_dateline_is_not_moved_to_a_weak_namesake(text, expected) -> None:
    spans = [("WASHINGTON", MentionRole.DATELINE), ("Kan.", MentionRole.PLACE)]
    spans += [(s, MentionRole.PLACE) for s in ("Omaha", "Lincoln")]
    mentions = [Mention(text.index(s), text.index(s) + len(s), s, role=role) for s, role in spans if s in text]
    resolved = resolve_mentions(text, mentions, dateline_world())
    assert resolved[0].place is not None and resolved[0].place.admin1 == expected


GENEVA_CH, GENEVA_IL = 2660646, 4893591


def listed_countries_world() -> MemoryGazetteer:
    """A European city and a US town of its name, with priors as close as the full index's."""
    g = small_world()
    g.add(make_place(2963597, "Ireland", 53.0, -8.0, precision=Precision.COUNTRY, country="IE"))
    g.add(make_place(GENEVA_CH, "Geneva", 46.2, 6.15, country="CH", admin1="Geneva", population=201_741), prior=0.515)
    g.add(
        make_place(GENEVA_IL, "Geneva", 41.89, -88.31, country="US", admin1="Illinois", population=21_806), prior=0.448
    )
    return g


@pytest.mark.parametrize(
    "text",
    [
        "The talks in Geneva were attended by envoys from Russia, the United States and Ireland.",
        "The talks in Geneva drew envoys from the United States and Russia.",
        "Envoys from Ireland, Russia and the United States met in Geneva on Monday.",
    ],
)
def test_a_country_listed_among_countries_does_not_place_the_story(text) -> None:
    surfaces = [s for s in ("Geneva", "Russia", "United States", "Ireland") if s in text]
    assert resolve_all(listed_countries_world(), text, *surfaces)["Geneva"].geonameid == GENEVA_CH


def test_a_country_named_alone_still_counts_for_its_towns() -> None:
    # One country named alone is the story's setting as before: its town, against close priors.
    text = "Geneva police said the suspect had fled the United States."
    assert resolve_all(listed_countries_world(), text, "Geneva", "United States")["Geneva"].geonameid == GENEVA_IL
