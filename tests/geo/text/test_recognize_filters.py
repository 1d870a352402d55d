"""Recognition rules that keep news words out and let listed places in, on a small gazetteer."""

from __future__ import annotations

import pytest
import spacy
from conftest import BOTH_MODES, small_world, surfaces
from spacy.tokens import Doc
from support.memory_gazetteer import MemoryGazetteer, make_place

from geo.gazetteer.base import NameType
from geo.model import Place, Precision
from geo.text.recognize import PlaceRecognizer


def news_world() -> MemoryGazetteer:
    """The small world plus the codes, alternates and namesakes that news words collide with."""
    g = small_world()
    for gid, name, cc, code in [(2110297, "Tuvalu", "TV", "TV"), (2378080, "Mauritania", "MR", "MR")]:
        g.add(make_place(gid, name, 0.0, 0.0, precision=Precision.COUNTRY, country=cc, population=4_000_000))
        g.alias(f"geonames:{gid}", code, name_type=NameType.CODE)
    g.add(make_place(1278629, "Andhra Pradesh", 16.0, 80.0, precision=Precision.ADMIN1, country="IN"))
    g.alias("geonames:1278629", "AP", name_type=NameType.CODE)
    g.add(make_place(1274987, "Kannur", 11.87, 75.37, country="IN", population=62_836))
    g.alias("geonames:1274987", "CNN", name_type=NameType.CODE)
    g.add(make_place(4361885, "Maryland", 39.0, -76.75, precision=Precision.ADMIN1, country="US"))
    g.alias("geonames:4361885", "Free", name_type=NameType.ALTERNATE)
    g.add(make_place(5808939, "Royal City", 46.9, -119.63, country="US", population=2_220))
    g.alias("geonames:5808939", "Royal", name_type=NameType.ALTERNATE)
    g.add(make_place(4395255, "Licking", 37.5, -91.86, country="US", admin1="Missouri", population=3_115))
    g.add(
        make_place(
            5160740, "Licking County", 40.09, -82.48, precision=Precision.ADMIN2, country="US", population=102_431
        )
    )
    g.alias("geonames:5160740", "Licking", name_type=NameType.ALTERNATE)
    g.add(make_place(353219, "6th of October City", 29.94, 30.91, country="EG", population=368_650), "October 6")
    g.add(make_place(4400000, "May", 31.98, -98.92, country="US", admin1="Texas", population=300))
    g.add(make_place(2643179, "March", 52.55, 0.09, country="GB", admin1="England", population=22_298))
    # Towns that spell given names and surnames.
    g.add(make_place(5141502, "Troy", 42.73, -73.69, country="US", admin1="New York", population=49_170))
    g.add(make_place(4735966, "Taylor", 30.57, -97.41, country="US", admin1="Texas", population=15_191))
    g.add(make_place(5261457, "Madison", 43.07, -89.4, country="US", admin1="Wisconsin", population=269_840))
    g.add(make_place(1002145, "George", -33.96, 22.46, country="ZA", population=157_394))
    g.add(make_place(5325187, "August", 37.98, -121.26, country="US", admin1="California", population=8_390))
    g.add(make_place(2222934, "West", 5.5, 10.5, precision=Precision.ADMIN1, country="CM", population=993_825))
    g.add(make_place(2231755, "North", 8.5, 13.75, precision=Precision.ADMIN1, country="CM", population=2_442_578))
    # A county known by its short form, which is an English word.
    g.add(
        make_place(
            4254884, "Christian County", 36.89, -87.49, precision=Precision.ADMIN2, country="US", population=72_265
        )
    )
    g.alias("geonames:4254884", "Christian", name_type=NameType.ALTERNATE)
    # A brand's two halves: an alternate of an Ethiopian town and a Texas town.
    g.add(make_place(53904, "Waal", 6.89, 46.22, country="ET", population=24_000))
    g.alias("geonames:53904", "Wal", name_type=NameType.ALTERNATE)
    g.add(make_place(4710826, "Mart", 31.54, -96.83, country="US", admin1="Texas", population=2_209))
    g.add(make_place(5038108, "Moorhead", 46.87, -96.77, country="US", admin1="Minnesota", population=42_005))
    g.add(make_place(5040000, "Oakport", 46.93, -96.78, country="US", admin1="Minnesota", population=1_387))
    g.add(make_place(5059163, "Fargo", 46.88, -96.79, country="US", admin1="North Dakota", population=118_523))
    # Towns of New South Wales that spell a surname and an English word.
    g.add(make_place(2153391, "Parkes", -33.14, 148.18, country="AU", admin1="New South Wales", population=10_939))
    g.add(make_place(2176632, "Berry", -34.78, 150.7, country="AU", admin1="New South Wales", population=1_690))
    g.add(make_place(2143285, "Wyong", -33.28, 151.42, country="AU", admin1="New South Wales", population=4_000))
    g.add(make_place(2156927, "Moonbi", -31.02, 151.07, country="AU", admin1="New South Wales", population=500))
    g.add(make_place(4402300, "Pacific", 38.48, -90.74, country="US", admin1="Missouri", population=7_161))
    # Abbreviations and alternates that English words and titles spell: "ACT", "Dr" (Dar'a).
    g.add(make_place(2177478, "Australian Capital Territory", -35.5, 149.0, precision=Precision.ADMIN1, country="AU"))
    g.alias("geonames:2177478", "ACT", name_type=NameType.ABBREVIATION)
    g.add(make_place(170592, "Dar'a", 32.62, 36.1, country="SY", population=97_969))
    g.alias("geonames:170592", "Dr", name_type=NameType.ALTERNATE)
    g.add(make_place(6254925, "Kentucky", 37.5, -85.0, precision=Precision.ADMIN1, country="US"))
    g.alias("geonames:6254925", "Ky.", name_type=NameType.ABBREVIATION)
    # A county of China named like the news agency.
    g.add(make_place(1788869, "Xinhua", 27.73, 111.2, country="CN", population=1_100_000))
    # Places named after saints, and a saint's square.
    g.add(make_place(3373557, "Saint Michael", 13.12, -59.6, precision=Precision.ADMIN1, country="BB"), "St. Michael")
    g.add(make_place(4220629, "St. Patrick", 31.2, -81.5, country="US", admin1="Georgia", population=2_000))
    g.add(make_place(498817, "Saint Petersburg", 59.94, 30.31, country="RU", population=5_351_935), "St. Petersburg")
    # Abbreviations written with a full stop, and a town to qualify.
    g.add(make_place(6254926, "Massachusetts", 42.36, -71.11, precision=Precision.ADMIN1, country="US"))
    g.alias("geonames:6254926", "Mass.", name_type=NameType.ABBREVIATION)
    g.add(make_place(4299276, "Louisville", 38.25, -85.76, country="US", admin1="Kentucky", population=597_337))
    # Names with a lower-case word inside, and places named by their first word alone.
    g.add(make_place(160263, "Dar es Salaam", -6.82, 39.27, country="TZ", population=2_698_652))
    g.add(make_place(1830468, "Dar", 11.8, 106.1, country="KH", population=20_000))
    g.add(make_place(1133453, "Mazar-i-Sharif", 36.71, 67.11, country="AF", population=458_151))
    g.add(make_place(2491191, "Sidi Bel Abbes", 35.19, -0.63, country="DZ", population=191_769))
    g.add(make_place(2758804, "Bergen op Zoom", 51.49, 4.29, country="NL", population=65_000))
    g.add(make_place(3161732, "Bergen", 60.39, 5.32, country="NO", population=213_585))
    g.add(make_place(170794, "Deir ez-Zor", 35.34, 40.14, country="SY", population=242_565))
    g.add(make_place(3492914, "Santiago de los Caballeros", 19.45, -70.7, country="DO", population=1_200_000))
    g.add(make_place(3871336, "Santiago", -33.46, -70.65, country="CL", population=4_837_295))
    square = Place("curated:st-peters-square", "St. Peter's Square", 41.9022, 12.4568, "square", Precision.SITE, "VA")
    g.add(square, "St. Peter's Square")
    # Villages named like the head noun of a facility's or a street's name.
    g.add(make_place(2963725, "Hospital", 52.47, -8.43, country="IE", population=600))
    g.add(make_place(2636671, "Street", 51.12, -2.74, country="GB", population=11_805))
    ocean = Place("curated:pacific-ocean", "Pacific Ocean", 0.0, -160.0, "ocean", Precision.COUNTRY)
    g.add(ocean, "Pacific", name_type=NameType.ALTERNATE)
    # A county known by its first word, and a town named like a word that heads "X of Y" names.
    g.add(make_place(4196000, "Hall County", 34.3, -83.8, precision=Precision.ADMIN2, country="US", population=179_684))
    g.alias("geonames:4196000", "Hall", name_type=NameType.ALTERNATE)
    g.add(make_place(4064000, "Battle", 50.92, 0.48, country="GB", population=6_000))
    # Large places with an alternate name that is an English noun unlike their own name, and a
    # town whose own name a large city once bore.
    g.add(
        make_place(1337173, "Mymensingh", 24.72, 90.42, precision=Precision.ADMIN2, country="BD", population=5_110_272)
    )
    g.alias("geonames:1337173", "Education", name_type=NameType.ALTERNATE)
    g.add(make_place(890299, "Harare", -17.83, 31.05, country="ZW", population=1_542_813))
    g.alias("geonames:890299", "Salisbury", name_type=NameType.ALTERNATE)
    g.add(make_place(4369000, "Salisbury", 38.36, -75.6, country="US", admin1="Maryland", population=30_000))
    # Cities that spell a given name or a surname, and a state that spells a given name.
    g.add(make_place(1002145, "George", -33.96, 22.46, country="ZA", population=113_248))
    g.add(make_place(4671654, "Austin", 30.27, -97.74, country="US", admin1="Texas", population=931_830))
    g.add(make_place(4699066, "Houston", 29.76, -95.36, country="US", admin1="Texas", population=2_296_224))
    g.add(make_place(6254928, "Virginia", 37.5, -78.5, precision=Precision.ADMIN1, country="US"))
    return g


@pytest.fixture(scope="module")
def world() -> MemoryGazetteer:
    return news_world()


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Without its full stop an abbreviation is the word or code it also spells...
        ("The requiem Mass for Mr Carroll was held on Friday.", []),
        ("Volunteers picked up trash along KY 90 on Saturday.", []),
        # ... but with it, or after a name and its comma, it qualifies the name.
        ("He grew up in Mass. and moved away.", ["Mass."]),
        ("LOUISVILLE, KY -- The company said on Monday that sales rose.", ["LOUISVILLE", "KY"]),
    ],
)
def test_an_abbreviation_without_its_full_stop_is_read_only_as_a_qualifier(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes erupted in Dar es Salaam on Monday.", ["Dar es Salaam"]),
        ("Officials in Dar es Salaam said the talks would go on.", ["Dar es Salaam"]),
        ("Troops arrived in Mazar-i-Sharif.", ["Mazar-i-Sharif"]),
        ("He was born in Sidi bel Abbes.", ["Sidi bel Abbes"]),
        ("The ship docked in Bergen op Zoom.", ["Bergen op Zoom"]),
        ("Shelling hit Deir ez-Zor overnight.", ["Deir ez-Zor"]),
        ("He flew to Santiago de los Caballeros.", ["Santiago de los Caballeros"]),
    ],
)
def test_a_name_is_read_whole_across_its_lower_case_particles(world, use_ner, text, expected) -> None:
    # Cut at the particle, the first word alone names another place: Dar in Cambodia, Bergen in Norway.
    assert surfaces(world, use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Acronyms: country, region and airport codes spell every short one there is.
        ("CNN and the AP reported it; the TV crew of MR Jones filmed in Moscow.", ["Moscow"]),
        ("The US and the USA sent envoys to Seoul.", ["US", "USA", "Seoul"]),
    ],
)
def test_an_acronym_is_a_place_only_as_a_known_abbreviation(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    "text",
    [
        "Crowds filled Moscow on October 6 to mark the day.",
        "The vote on May 5 was delayed in Moscow.",
        "By May 2020 the plant in Moscow had closed.",
    ],
)
def test_a_month_with_a_number_is_a_date(world, use_ner, text) -> None:
    assert surfaces(world, use_ner, text) == ["Moscow"]


@BOTH_MODES
@pytest.mark.parametrize(
    "text",
    [
        "In March, Moscow's largest meat processor apologized.",
        "In August, Moscow banned the imports.",
        "Since August, Moscow has banned the imports.",
        "The plant in Moscow has been closed since March.",
    ],
)
def test_a_month_a_word_of_time_governs_is_a_date(world, use_ner, text) -> None:
    assert surfaces(world, use_ner, text) == ["Moscow"]


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troy Blakely met the mayor in Moscow.", ["Moscow"]),
        ("Teacher Lisa Taylor flew to Moscow on Monday.", ["Moscow"]),
        ("Madison Sparkman met the mayor in Moscow.", ["Moscow"]),
        ("Coach Kevin George flew to Moscow on Monday.", ["Moscow"]),
        # Alone, or beside no personal name, the town is the town.
        ("Firefighters in Troy sent help to Moscow.", ["Troy", "Moscow"]),
    ],
)
def test_a_town_spelling_one_word_of_a_persons_name_is_the_person(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    "text",
    [
        "She was treated at the Royal Free hospital in Moscow.",
        "He was taken to Licking Memorial Hospital near Moscow.",
    ],
)
def test_a_word_inside_a_longer_unknown_name_is_no_place(world, use_ner, text) -> None:
    assert surfaces(world, use_ner, text) == ["Moscow"]


@BOTH_MODES
@pytest.mark.parametrize(
    "text",
    [
        "Floods hit Moscow, the Xinhua news agency reported. Xinhua said 12 people died.",
        "According to Xinhua, floods hit Moscow. State media agency Xinhua said 12 people died.",
        "China's official news agency Xinhua reported floods in Moscow.",
    ],
)
def test_a_name_the_story_calls_a_news_agency_is_the_agency_throughout(world, use_ner, text) -> None:
    assert surfaces(world, use_ner, text) == ["Moscow"]


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A saint's name before the rest of a holiday's or an institution's name is neither.
        ("Both women were taken to St. Michael's Hospital in Moscow on St. Patrick's Day.", ["Moscow"]),
        # A place the gazetteer knows whole stays, and so does a city's possessive.
        ("Crowds filled St. Peter's Square and then Moscow.", ["St. Peter's Square", "Moscow"]),
        ("Flights left St. Petersburg's Pulkovo Airport for Moscow.", ["St. Petersburg", "Moscow"]),
    ],
)
def test_a_saints_name_before_an_institution_s_is_no_place(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    "text",
    [
        # A possessive, a name with an apostrophe or a number joins the head noun to its name.
        "Both women were taken to St. Michael's Hospital in Moscow.",
        "He was shot near West 11th Street in Moscow.",
        "The crash happened on O'Roark Street in Moscow.",
    ],
)
def test_a_facility_or_street_head_after_its_name_is_no_place(world, use_ner, text) -> None:
    assert "Hospital" not in surfaces(world, use_ner, text)
    assert "Street" not in surfaces(world, use_ner, text)
    assert "Moscow" in surfaces(world, use_ner, text)


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Fargo Police said the road was closed.", ["Fargo"]),
        ("Russia's Pacific Fleet sailed from Vladivostok.", ["Russia", "Pacific", "Vladivostok"]),
        ("The Moscow Police Department said nothing.", ["Moscow"]),
    ],
)
def test_a_place_naming_an_institution_is_still_a_mention(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A person a facility is named after: a given name, an initial or none, a surname.
        ("He graduated from George Washington University in 2010.", []),
        ("She planned to attend Stephen F. Austin University next year.", []),
        ("She teaches at Sam Houston State University, the college said.", []),
        # A word that describes the facility is no surname: the state is a place.
        ("He studied at Virginia Commonwealth University in 2010.", ["Virginia"]),
        # A city written as one, before its institution, stays a place.
        ("The flight landed in Austin on Monday.", ["Austin"]),
    ],
)
def test_a_person_a_facility_is_named_after_is_no_place(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    "text",
    [
        # A compass point after "the" is a part of the story's own country.
        "Many in the North were ready to give up on the war, Fargo historians say.",
        # A street's ordinal after it, a road's number before it.
        "Police found the car on West 11th Street in Fargo.",
        "The protest moved to North Eighth Avenue in Fargo.",
        "All lanes of Interstate 94 West near Fargo were closed.",
    ],
)
def test_a_compass_point_of_the_story_or_of_a_street_is_no_region(world, use_ner, text) -> None:
    # The street or the road may stay a mention of its own, with no place: never the region.
    found = surfaces(world, use_ner, text)
    assert "Fargo" in found and not {"North", "West"} & set(found)


@BOTH_MODES
def test_a_name_joined_by_a_hyphen_to_a_word_never_written_alone_is_one_name(world, use_ner) -> None:
    text = "Police received reports of a shooting at Wal-Mart in Fargo. Wal-Mart said the lab would close."
    assert surfaces(world, use_ner, text) == ["Fargo"]


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An English word before a noun is that word, when it names a county only as a short form.
        ("The Christian report blamed the court in Fargo.", ["Fargo"]),
        ("Most Christian denominations in Fargo have endorsed it.", ["Fargo"]),
        # Set as a place, or listed with one, it is the county.
        ("Officials in Christian and Fargo agreed on the plan.", ["Christian", "Fargo"]),
    ],
)
def test_an_english_word_before_a_noun_is_no_county_s_short_form(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@BOTH_MODES
def test_a_code_on_a_currency_sign_is_the_currency(world, use_ner) -> None:
    text = "The UN appealed for US$2.8 million to help refugees in Moscow."
    assert surfaces(world, use_ner, text) == ["Moscow"]


@BOTH_MODES
def test_a_name_before_virus_or_fever_is_the_disease(world, use_ner) -> None:
    text = "A case of Fargo fever was confirmed in Moscow, and another of Fargo virus."
    assert surfaces(world, use_ner, text) == ["Moscow"]


@BOTH_MODES
def test_the_west_as_a_bloc_is_no_place(world, use_ner) -> None:
    text = "Moscow warned the West against sending arms, and the East listened."
    assert surfaces(world, use_ner, text) == ["Moscow"]


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The train stopped in Oakport and Moorhead before the bridge.", ["Oakport", "Moorhead"]),
        ("Buses ran between Fargo, Oakport and Moorhead all day.", ["Fargo", "Oakport", "Moorhead"]),
        ("Moorhead was quiet on Sunday.", []),
    ],
)
def test_names_listed_with_a_place_are_places(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a locative word, a list of places holds its towns whatever the model tags them as
        # ("Parkes" a person) and however English they are ("Berry")...
        (
            "Infections were confirmed in Moonbi, Parkes, Berry and Wyong in regional Moscow.",
            ["Moonbi", "Parkes", "Berry", "Wyong", "Moscow"],
        ),
        # ...but a person listed with a place elsewhere stays a person.
        ("Parkes and Berry met in Wyong on Monday.", ["Wyong"]),
    ],
)
def test_a_list_after_a_locative_word_outweighs_a_person_tag_and_an_english_word(world, text, expected) -> None:
    assert surfaces(world, True, text) == expected


def _with_persons(text: str, persons: list[str]) -> Doc:
    """`text` as a parsed document whose only entities are `persons`, tagged PERSON as the NER model
    might tag them."""
    doc = spacy.blank("en")(text)
    doc.ents = [doc.char_span(text.index(p), text.index(p) + len(p), label="PERSON") for p in persons]
    return doc


@pytest.mark.parametrize(
    ("text", "persons", "expected"),
    [
        # A person's tag on a name no one bears (no given name, no surname by the census lists) is
        # the model's slip: the name joins the list of places it stands in, after a locative word
        # or not...
        ("Atlanta and Ocilla raised their water rates.", ["Ocilla"], ["Atlanta", "Ocilla"]),
        ("Water rates rose in Moscow, Atlanta and Ocilla.", ["Ocilla"], ["Moscow", "Atlanta", "Ocilla"]),
        # ...but a tagged name that people bear may be a person listed with a place.
        ("Atlanta and Clinton raised their water rates.", ["Clinton"], ["Atlanta"]),
    ],
)
def test_a_name_no_one_bears_joins_a_list_of_places_whatever_its_person_tag(text, persons, expected) -> None:
    world = legislature_world()
    world.add(make_place(4419290, "Clinton", 32.34, -90.32, country="US", admin1="Mississippi", population=25_000))
    found = PlaceRecognizer(world, use_ner=True).recognize(text, _with_persons(text, persons))
    assert [m.surface for m in found] == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An abbreviation the gazetteer writes in capitals is a place only when written so.
        ("Four men were charged under the Consumer Act of Moscow.", ["Moscow"]),
        ("The ACT government met in Moscow.", ["ACT", "Moscow"]),
        # A title before a name is no place, whatever place it also spells.
        ("Dr. Lamont Sweet said the flu had reached Moscow.", ["Moscow"]),
        ("Dr Sweet flew to Moscow.", ["Moscow"]),
        # A name before "news agency" is the agency, as the wires credit it.
        ("The Oakport news agency said Moscow had agreed.", ["Moscow"]),
        ("According to Oakport News Agency, Moscow had agreed.", ["Moscow"]),
    ],
)
def test_abbreviations_in_capitals_and_titles(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A compass word that begins a longer name is part of it, whatever region it also names...
        ("Cases of West Nile virus were found in Moscow.", ["Moscow"]),
        ("The West Prince clinic near Moscow reopened.", ["Moscow"]),
        # ...and still a place where the text puts it alone as one.
        ("Troops moved into West on Monday from Moscow.", ["West", "Moscow"]),
    ],
)
def test_a_compass_word_beginning_a_longer_name_is_part_of_it(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The first word of a name the model reads whole, joined by "of", is no place by itself...
        ("June Carr was inducted into the Hall of Fame in Moscow on Friday.", ["Moscow"]),
        ("His great-grandfather was captured at the Battle of Richmond and held in Moscow.", ["Moscow"]),
        # ...but a prominent place under its own name keeps its reading, and so does the name after "of".
        ("Moscow should become the Louisville of Russia, the mayor said.", ["Moscow", "Louisville", "Russia"]),
    ],
)
def test_the_head_of_an_x_of_y_name_is_part_of_it(world, text, expected) -> None:
    assert surfaces(world, True, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An English noun that names a large place only as an alternate unlike its own name is the noun...
        ("The Board of Education met on Monday in Moscow.", ["Moscow"]),
        ("Education officials in Moscow said schools would close.", ["Moscow"]),
        # ...but a name some place bears as its own keeps the prominence of its namesakes.
        ("Salisbury officials said the road to Moscow was closed.", ["Salisbury", "Moscow"]),
    ],
)
def test_a_noun_that_is_only_a_large_place_s_odd_alternate_is_the_noun(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An abbreviation the gazetteer spells with its full stop keeps it, as news writes it...
        ("Officials in Moscow, Ky., said the road was closed.", ["Moscow", "Ky."]),
        ("The road to Moscow, Ky. was closed.", ["Moscow", "Ky."]),
        # ...and a full stop that belongs to no abbreviation stays out of the name.
        ("The road was closed in Moscow.", ["Moscow"]),
    ],
)
def test_an_abbreviation_keeps_its_full_stop(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


def qualified_world() -> MemoryGazetteer:
    """Towns whose names are English words, in the regions that news writes after them."""
    g = news_world()
    g.add(make_place(6251999, "Canada", 60.0, -96.0, precision=Precision.COUNTRY, country="CA", population=38_000_000))
    g.add(make_place(5883102, "Alberta", 52.3, -117.5, precision=Precision.ADMIN1, country="CA", population=4_000_000))
    g.alias("geonames:5883102", "Alta.", name_type=NameType.ABBREVIATION)
    g.add(make_place(6175059, "Wainwright", 52.83, -110.85, country="CA", admin1="Alberta", population=6_270))
    g.add(make_place(4301000, "Reading", 37.9, -84.9, country="US", admin1="Kentucky", population=900))
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word that names a town is a place when its own region follows it, as news writes towns...
        ("The cat was found during a safety check in Wainwright, Alta., by a conductor.", ["Wainwright", "Alta."]),
        ("She grew up in Reading, Ky., and left at 18.", ["Reading", "Ky."]),
        ("He was born in Wainwright, Canada.", ["Wainwright", "Canada"]),
        # ...not when the region after it holds no town of that name, nor when the word is no name.
        ("After the Reading, Alta. officials left.", ["Alta."]),
        ("The wainwright, Alta. said.", ["Alta."]),
    ],
)
def test_a_word_followed_by_its_own_region_is_a_town(use_ner, text, expected) -> None:
    assert surfaces(qualified_world(), use_ner, text) == expected


def story_world() -> MemoryGazetteer:
    g = qualified_world()
    g.add(make_place(4580569, "Greer", 34.94, -82.23, country="US", admin1="South Carolina", population=28_365))
    g.add(make_place(4597040, "South Carolina", 34.0, -81.0, precision=Precision.ADMIN1, country="US"))
    g.alias("geonames:4597040", "S.C.", name_type=NameType.ABBREVIATION)
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name the story sets as a place stays a place where it stands alone...
        ("GREER, S.C. (AP) — The park will open. Greer officials said so on Monday.", ["GREER", "S.C.", "Greer"]),
        ("Greer, South Carolina, grew fast. Greer has a new city hall.", ["Greer", "South Carolina", "Greer"]),
        # ...and alone it is one where the text names the town's own officials or police...
        ("Greer officials said the park would open.", ["Greer"]),
        # ...but with nothing to set it as a place, it is not one.
        ("Greer grew fast, and the park will open.", []),
    ],
)
def test_a_name_the_story_sets_as_a_place_is_a_place_at_its_other_mentions(use_ner, text, expected) -> None:
    assert surfaces(story_world(), use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word the story also uses as a person's name ("Dr. Greer") is a place where the text sets
        # it as one, after "in" or "near", or with its region after it...
        ("Dr. Greer said the clinic in Greer, the county seat, would close on Monday.", ["Greer"]),
        ("Dr. Greer moved the clinic to Greer, S.C., in May.", ["Greer", "S.C."]),
        # ...but not elsewhere, and not as the owner of what follows "in".
        ("Dr. Greer said the clinic would close.", []),
        ("Dr. Greer said so in Greer's office.", []),
    ],
)
def test_a_person_named_like_a_town_leaves_the_town_where_the_text_sets_it(use_ner, text, expected) -> None:
    assert surfaces(story_world(), use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title that ends a sentence names nobody with the next word...
        ("The trustees will name an interim president. Louisville officials agreed on Monday.", ["Louisville"]),
        ("The trustees named a new president. LOUISVILLE - The school board met on Monday.", ["LOUISVILLE"]),
        # ...as an abbreviated one does ("Gov. Louisville" is a person).
        ("Gov. Louisville said the school board met on Monday.", []),
    ],
)
def test_a_title_ending_a_sentence_names_nobody(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


def apostrophe_world() -> MemoryGazetteer:
    g = news_world()
    g.add(
        make_place(1814991, "China", 35.0, 105.0, precision=Precision.COUNTRY, country="CN", population=1_400_000_000),
        "People's Republic of China",
    )
    g.add(
        make_place(1668284, "Taiwan", 24.0, 121.0, precision=Precision.COUNTRY, country="TW", population=23_000_000),
        "Republic of China",
    )
    g.add(make_place(2287781, "Ivory Coast", 8.0, -5.5, precision=Precision.COUNTRY, country="CI"), "Côte d'Ivoire")
    g.add(make_place(4896861, "Illinois", 40.0, -89.0, precision=Precision.ADMIN1, country="US"))
    g.alias("geonames:4896861", "Ill.", name_type=NameType.ABBREVIATION)
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A possessive inside a name and an elided particle belong to it...
        ("Officials of the People's Republic of China confirmed the outbreak.", ["People's Republic of China"]),
        ("Cases rose in Côte d'Ivoire last week.", ["Côte d'Ivoire"]),
        # ...a contraction is no name ("I'll" is not "Ill.").
        ('"I\'ll be back," she said.', []),
    ],
)
def test_apostrophes_inside_names(use_ner, text, expected) -> None:
    assert surfaces(apostrophe_world(), use_ner, text) == expected


def tagged_world() -> MemoryGazetteer:
    g = news_world()
    g.add(make_place(5263045, "Pewaukee", 43.08, -88.26, country="US", admin1="Wisconsin", population=8_166))
    return g


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The model tags "Pewaukee" an organisation in each of these; the text sets it as a place in two.
        ("A fire in Pewaukee destroyed two homes on Sunday.", ["Pewaukee"]),
        ("The blaze near Pewaukee spread overnight.", ["Pewaukee"]),
        ("Pewaukee said the fire destroyed two homes.", []),
        # A journey's end or a visit's object is set as a place too; talking to it is not.
        ("The mayor flew to Pewaukee on Sunday.", ["Pewaukee"]),
        ("The governor visited Pewaukee on Sunday.", ["Pewaukee"]),
        ("The mayor spoke to Pewaukee on Sunday.", []),
    ],
)
def test_a_little_known_name_the_model_tags_otherwise_is_a_place_where_the_text_sets_it(text, expected) -> None:
    assert surfaces(tagged_world(), True, text) == expected


def storm_world() -> MemoryGazetteer:
    """Towns named like storms: Florence the world city, Harvey and Ida small US towns."""
    g = small_world()
    g.add(make_place(3176959, "Florence", 43.77, 11.25, country="IT", population=349_296), prior=0.7)
    g.add(make_place(4895298, "Harvey", 41.61, -87.65, country="US", admin1="Illinois", population=24_864))
    g.add(make_place(4996200, "Ida", 41.9, -83.56, country="US", admin1="Michigan", population=4_949))
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hurricane Florence hit the coast before it reached Moscow.", ["Moscow"]),
        ("After hurricane Harvey, Tropical Storm Ida and Typhoon Ida, aid flew from Moscow.", ["Moscow"]),
        # The town itself, written as a place, is still one.
        ("Tourists in Florence and Moscow saw the storm.", ["Florence", "Moscow"]),
    ],
)
def test_a_named_storm_is_no_place(use_ner, text, expected) -> None:
    assert surfaces(storm_world(), use_ner, text) == expected


def compass_world() -> MemoryGazetteer:
    """Regions named by a compass word alone, as Uganda's and Zambia's are, and a world region."""
    g = small_world()
    # Each the likeliest reading of its name, as in the full index.
    for geonameid, name, lat, lon in (
        (8260675, "Western", 0.5, 30.5),
        (234594, "Central", 0.5, 32.5),
        (8260673, "Eastern", 1.0, 33.5),
    ):
        g.add(
            make_place(geonameid, name, lat, lon, precision=Precision.ADMIN1, country="UG", population=5_000_000),
            prior=0.7,
        )
    g.add(Place("curated:southern-europe", "Southern Europe", 41.0, 15.0, "region", Precision.COUNTRY))
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A compass adjective before a lowercase word qualifies a noun...
        ("Officials said Western diplomats left Moscow on Monday.", ["Moscow"]),
        ("It is an Eastern tradition, officials in Moscow said.", ["Moscow"]),
        ("In the final, Central defeated the team from Moscow.", ["Moscow"]),
        # ...unless the noun makes it a region, or a conjunction joins it to a name.
        ("Rebels attacked a village in the Western province near Moscow.", ["Western", "Moscow"]),
        ("Buyers came from Moscow and Eastern and Southern Europe.", ["Moscow", "Eastern", "Southern Europe"]),
    ],
)
def test_a_compass_adjective_before_a_noun_is_no_place(use_ner, text, expected) -> None:
    assert surfaces(compass_world(), use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An age in commas after a name makes it a person's...
        ("Police in Moscow said Jordan, 23, was arrested after the fight.", ["Moscow"]),
        ("Georgia, 7, and her brother were rescued near Atlanta.", ["Atlanta"]),
        # ...and so does "who" after a name that opens a sentence or follows "said"...
        ("Georgia, who runs a bakery in Atlanta, said sales had fallen.", ["Atlanta"]),
        ('"We were lucky," said Georgia, who works in Atlanta.', ["Atlanta"]),
        # ...but not after a place a person is from: the clause is about the person.
        ("He met John Smith of Atlanta, who was treated for burns.", ["Atlanta"]),
        ("Troops left Jordan, Georgia and Moscow in 2023, officials said.", ["Jordan", "Georgia", "Moscow"]),
    ],
)
def test_a_name_described_by_an_age_or_who_is_a_person(world, use_ner, text, expected) -> None:
    assert surfaces(world, use_ner, text) == expected


def hyphen_world() -> MemoryGazetteer:
    """Towns known by alternates that are also pieces of hyphenated names."""
    g = small_world()
    g.add(make_place(4159553, "Largo", 27.91, -82.79, country="US", admin1="Florida", population=84_500))
    g.alias("geonames:4159553", "Lago", name_type=NameType.ALTERNATE)
    g.add(make_place(5336477, "Chino", 34.01, -117.69, country="US", admin1="California", population=91_403))
    g.alias("geonames:5336477", "Sino", name_type=NameType.ALTERNATE)
    g.add(make_place(1814991, "China", 35.0, 105.0, precision=Precision.COUNTRY, country="CN"))
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A piece of a hyphenated name is no place of its own...
        ("Orban flew from Moscow to Mar-a-Lago on Friday.", ["Moscow"]),
        ("The Sino-Soviet split worried Moscow.", ["Moscow"]),
        # ...where a place named inside a compound is one.
        ("The made-in-China goods reached Moscow.", ["China", "Moscow"]),
        ("Flights on the Moscow-Seoul route resumed.", ["Moscow", "Seoul"]),
    ],
)
def test_a_piece_of_a_hyphenated_name_is_no_place(use_ner, text, expected) -> None:
    assert surfaces(hyphen_world(), use_ner, text) == expected


def noun_town_world() -> MemoryGazetteer:
    """Towns whose names are English nouns, a small namesake of an institution, a month's namesake."""
    g = small_world()
    g.add(make_place(4899012, "Lombard", 41.88, -88.01, country="US", admin1="Illinois", population=43_165))
    g.add(make_place(5554072, "Juneau", 58.3, -134.42, country="US", admin1="Alaska", population=31_555))
    g.add(make_place(5288786, "Congress", 34.16, -112.85, country="US", admin1="Arizona", population=1_975))
    g.add(make_place(2971041, "Unieux", 45.4, 4.27, country="FR", population=8_788))
    g.alias("geonames:2971041", "June", name_type=NameType.ALTERNATE)
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A town of some size, named as itself and set as a place by "in" or "near", is one...
        ("Students at a school in Lombard won the contest, officials in Moscow said.", ["Lombard", "Moscow"]),
        ("The ferry sank near Juneau on Friday.", ["Juneau"]),
        # ...but neither a small namesake of an institution nor a month's namesake is.
        ("The bill has strong support in Congress, officials in Moscow said.", ["Moscow"]),
        ("The budget will be decided in June, officials in Moscow said.", ["Moscow"]),
    ],
)
def test_a_town_named_like_a_noun_is_a_place_where_the_text_sets_it(use_ner, text, expected) -> None:
    assert surfaces(noun_town_world(), use_ner, text) == expected


def city_institution_world() -> MemoryGazetteer:
    """A town with "City" among its alternate names, a district named so, and towns named so."""
    g = small_world()
    g.add(make_place(5152333, "Dublin", 40.1, -83.11, country="US", admin1="Ohio", population=41_751))
    g.alias("geonames:5152333", "Dublin City", name_type=NameType.ALTERNATE)
    g.add(make_place(7288564, "Dublin City", 53.35, -6.26, precision=Precision.ADMIN1, country="IE"))
    g.add(make_place(2964574, "Dublin", 53.33, -6.25, country="IE", population=1_024_027))
    g.add(make_place(4744091, "Alexandria", 38.8, -77.05, country="US", admin1="Virginia", population=159_467))
    g.alias("geonames:4744091", "Alexandria City", name_type=NameType.ALTERNATE)
    g.add(make_place(4393217, "Kansas City", 39.1, -94.58, country="US", admin1="Missouri", population=475_378))
    g.add(make_place(4273857, "Kansas", 38.5, -98.0, precision=Precision.ADMIN1, country="US"))
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The town and its institution: "City Council" is the council of Dublin...
        ("The plan divided Dublin City Council members on Monday.", ["Dublin"]),
        ("The gap in the Alexandria City Public Schools narrowed.", ["Alexandria"]),
        # ...but a town whose own name holds "City" stays whole, and "X City" alone stays a name.
        ("The plan divided Kansas City Council members on Monday.", ["Kansas City"]),
        ("She moved to Dublin City in 2004.", ["Dublin City"]),
    ],
)
def test_a_town_before_city_and_an_institution_is_the_town(use_ner, text, expected) -> None:
    assert surfaces(city_institution_world(), use_ner, text) == expected


def legislature_world() -> MemoryGazetteer:
    """Small towns legislators come from, and villages."""
    g = small_world()
    g.add(make_place(4215240, "Ocilla", 31.6, -83.25, country="US", admin1="Georgia", population=3_414))
    g.add(make_place(5024719, "Elbow Lake", 45.99, -95.98, country="US", admin1="Minnesota", population=1_176))
    g.add(make_place(680332, "Ciocile", 44.82, 27.23, country="RO", admin1="Braila", population=2_000))
    g.add(make_place(4450687, "Vicksburg", 32.35, -90.88, country="US", admin1="Mississippi", population=23_131))
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name the text calls a village, a town or a community is a place, whatever else says so...
        ("Bird flu was found in geese in the village of Ciocile on Monday.", ["Ciocile"]),
        ("Cases were confirmed in the villages of Ciocile and Ocilla.", ["Ciocile", "Ocilla"]),
        # ...even where a person bears its name, as "in" sets one ("Dr. Greer ... in Greer")...
        ("Dr. Ciocile said so. Geese died in the village of Ciocile.", ["Ciocile"]),
        ("Dr. Ciocile said so. Geese died near the community of Ciocile.", ["Ciocile"]),
        # A person's home, set off by commas after an age or a name, is a place too.
        ("Rebecca Sears, 41, of Ocilla, was charged on Monday.", ["Ocilla"]),
        ('"We expect that to continue," said Amstutz, of Ocilla.', ["Ocilla"]),
        # So are the town's own people and bodies right after its name...
        ("Vicksburg residents will get a second exit.", ["Vicksburg"]),
        ("The fine went unpaid, Vicksburg police said.", ["Vicksburg"]),
        # ...as it is not alone.
        ("Ciocile farmers culled their geese.", []),
        ("Dr. Ciocile said so. Geese died at Ciocile's farm.", []),
    ],
)
def test_a_name_the_text_calls_a_settlement_is_a_place(use_ner, text, expected) -> None:
    assert surfaces(legislature_world(), use_ner, text) == expected


def local_office_world() -> MemoryGazetteer:
    """Small towns, one whose name is an English noun, and towns that spell an office or a trade."""
    g = legislature_world()
    g.add(make_place(4381072, "Carthage", 37.18, -94.31, country="US", admin1="Missouri", population=14_319))
    g.add(make_place(3088848, "Police", 53.56, 14.57, country="PL", admin1="West Pomerania", population=34_350))
    g.add(make_place(5339066, "Commerce", 34.0, -118.16, country="US", admin1="California", population=12_823))
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A town's office, capitalised before its holder, is the town's: news names local officials
        # so, and the NER model reads the whole run as a person...
        ("Ocilla Mayor Dana Whitfield said the bridge would reopen in May.", ["Ocilla"]),
        ("No one was hurt, according to Vicksburg Fire Chief Rory Platt.", ["Vicksburg"]),
        ("Carthage Police Chief Ben Harlow said the suspect fled on foot.", ["Carthage"]),
        ("The report reached Ocilla Sheriff's Office investigators on Friday.", ["Ocilla"]),
        # ...but an office is no town ("Police" is a Polish one), nor is the end of a body's name
        # joined by "of".
        ("Police Superintendent Ann Ruiz said the march went peacefully.", []),
        ("Tickets for the Chamber of Commerce Mayor's Breakfast sold out.", []),
    ],
)
def test_a_town_before_its_own_office_is_a_place(use_ner, text, expected) -> None:
    assert surfaces(local_office_world(), use_ner, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A legislator's party and home, as US news writes them, set the home as a place...
        ("State Rep. Jay Roberts (R-Ocilla) chairs the committee.", ["Ocilla"]),
        ("Rep. Torrey Westrom, R-Elbow Lake, said the bill would pass.", ["Elbow Lake"]),
        # ...as nothing else here sets a little-known town.
        ("Ocilla will decide.", []),
    ],
)
def test_a_legislators_home_after_the_party_is_a_place(use_ner, text, expected) -> None:
    assert surfaces(legislature_world(), use_ner, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Where a person named in full is from, after "of" as news writes it, is a place, though the
        # NER model reads a given name there as one more person...
        ("The driver, Theresa Pilkington of Jeannette, was not hurt.", ["Jeannette"]),
        ("Mary Jones of Jeannette was arrested on Monday.", ["Jeannette"]),
        # ...not the same name with no person before its "of".
        ("Jeannette said the meeting went well.", []),
    ],
)
def test_a_persons_home_after_of_is_a_place_with_ner(text, expected) -> None:
    world = legislature_world()
    world.add(make_place(5197517, "Jeannette", 40.33, -79.62, country="US", admin1="Pennsylvania", population=9_654))
    assert surfaces(world, True, text) == expected


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A town's people, the land around it and the sites news names by the town they are at...
        ("A Millbrook man was charged with burglary on Tuesday.", ["Millbrook"]),
        ("Two Millbrook teenagers won the spelling bee.", ["Millbrook"]),
        ("Heavy snow should miss the Ocilla area tonight.", ["Ocilla"]),
        ("Samples were sent to the Millbrook laboratory for testing.", ["Millbrook"]),
        ("Two workers were trapped in the Ocilla mine overnight.", ["Ocilla"]),
        ("Millbrook hospital staff treated six people on Sunday.", ["Millbrook"]),
        # ...but not where the story writes the name at the end of a longer one.
        ("Glen Millbrook opened a bakery. A Millbrook man bought the first loaf.", []),
    ],
)
def test_a_name_before_its_people_land_or_site_is_a_place(use_ner, text, expected) -> None:
    world = legislature_world()
    world.add(make_place(5101170, "Millbrook", 41.78, -73.69, country="US", admin1="New York", population=1_452))
    assert surfaces(world, use_ner, text) == expected


def test_a_name_ending_an_organisations_name_takes_no_place_from_its_officials() -> None:
    # "BC Hydro ... Hydro officials": the story writes the name at the end of a longer one, so its
    # officials are the organisation's (without NER, whose tags would decide otherwise).
    text = "Port Vicksburg raised its fees. Vicksburg officials agreed."
    assert surfaces(legislature_world(), False, text) == []


def english_word_town_world() -> MemoryGazetteer:
    """Towns of some size whose names are English verbs or adjectives, and one qualifier."""
    g = small_world()
    g.add(make_place(5105496, "Union", 40.7, -74.26, country="US", admin1="New Jersey", population=56_771))
    g.add(make_place(4733313, "Spring", 30.08, -95.42, country="US", admin1="Texas", population=54_298))
    g.add(make_place(5207069, "Reading", 40.34, -75.93, country="US", admin1="Pennsylvania", population=95_112))
    g.add(make_place(4736286, "Texas", 31.25, -99.25, precision=Precision.ADMIN1, country="US"))
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An English word inside a longer capitalised name is the name's word, not the town...
        ("Leaders of the African Union met on Monday.", []),
        ("The Universal Postal Union raised its rates.", []),
        ("Volunteers joined the PRIDE Spring Cleanup on Saturday.", []),
        ("The lecture in the Grand Reading Room drew a crowd.", []),
        # ...while the town standing alone, qualified, or set by "in" is still the town.
        ("The mayor of Union said the road would reopen.", ["Union"]),
        ("Floods closed roads in Spring, Texas, on Monday.", ["Spring", "Texas"]),
        ("Residents in Reading lost power.", ["Reading"]),
    ],
)
def test_an_english_word_inside_a_longer_name_is_no_town(use_ner, text, expected) -> None:
    assert surfaces(english_word_town_world(), use_ner, text) == expected


def disease_town_world() -> MemoryGazetteer:
    """Towns diseases are named after."""
    g = small_world()
    g.add(make_place(2873759, "Marburg", 50.81, 8.77, country="DE", admin1="Hesse", population=72_031))
    g.add(make_place(4781530, "Reston", 38.97, -77.34, country="US", admin1="Virginia", population=58_404))
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A disease named after a town, and the name alone once the text has given it so...
        ("Reston ebolavirus was found in pigs.", []),
        ("Marburg hemorrhagic fever is rare.", []),
        ("The Marburg virus spread fast. Because Marburg kills most of those it infects, doctors worry.", []),
        # ...but the town itself where the text sets it.
        ("The Marburg virus was first identified in Marburg in 1967.", ["Marburg"]),
        ("MARBURG (AP) — The Marburg virus has killed two people.", ["MARBURG"]),
    ],
)
def test_a_disease_named_after_a_town_is_no_place(use_ner, text, expected) -> None:
    assert surfaces(disease_town_world(), use_ner, text) == expected


def short_alternate_world() -> MemoryGazetteer:
    """A city known also by a short alternate name unlike its own, and one named as itself."""
    g = small_world()
    g.add(make_place(1849796, "Tsu", 34.73, 136.51, country="JP", admin1="Mie", population=279_886))
    g.alias("geonames:1849796", "Jin", name_type=NameType.ALTERNATE)
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A short word only an alternate name of some place spells is a name or a word of its own...
        ("When Jin first left the enclosure, the keepers followed her.", []),
        ("Keepers said Jin was found alive on Monday.", []),
        # ...unless the text sets it as a place.
        ("Residents in Jin were evacuated on Monday.", ["Jin"]),
    ],
)
def test_a_short_alternate_name_needs_the_text_to_set_it(use_ner, text, expected) -> None:
    assert surfaces(short_alternate_world(), use_ner, text) == expected


def schools_world() -> MemoryGazetteer:
    """Towns that schools elsewhere are named after, and the towns the schools are in."""
    g = small_world()
    g.add(make_place(4623560, "Franklin", 35.92, -86.87, country="US", admin1="Tennessee", population=83_454))
    g.add(make_place(5392900, "Santa Ana", 33.75, -117.87, country="US", admin1="California", population=334_227))
    g.add(make_place(4262072, "Waterford", 41.34, -72.15, country="US", admin1="Connecticut", population=19_517))
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A school the text places in another town is named after someone, not a town, and the
        # text writes its name alone for the school again...
        (
            "The meeting was held at Franklin Elementary in Santa Ana. A teacher at Franklin spoke.",
            ["Santa Ana"],
        ),
        # ...unless it also makes the name a town...
        (
            "The meeting was held at Franklin Elementary in Santa Ana. Parents in Franklin objected.",
            ["Franklin", "Santa Ana", "Franklin"],
        ),
        # ...and a school named after its own town places itself nowhere else.
        ("Students at Waterford High School protested. Waterford police said so.", ["Waterford"]),
    ],
)
def test_a_school_placed_in_another_town_is_no_town(use_ner, text, expected) -> None:
    assert surfaces(schools_world(), use_ner, text) == expected


def kinds_world() -> MemoryGazetteer:
    """Counties known by short forms that spell words and surnames, a little-known town and a state
    of South Sudan known by an alternate."""
    g = legislature_world()
    for gid, name, lat, lon, admin1 in [
        (4683462, "Cooke County", 33.64, -97.21, "Texas"),
        (4694568, "Grayson County", 33.63, -96.68, "Texas"),
        (4540737, "Love County", 33.95, -97.24, "Oklahoma"),
    ]:
        g.add(make_place(gid, name, lat, lon, precision=Precision.ADMIN2, country="US", admin1=admin1))
        g.alias(f"geonames:{gid}", name.removesuffix(" County"), name_type=NameType.ALTERNATE)
    g.add(make_place(4696233, "Harrison", 32.55, -94.37, country="US", admin1="Texas", population=600))
    g.add(make_place(408663, "Warrap", 8.0, 28.85, precision=Precision.ADMIN1, country="SS"))
    g.alias("geonames:408663", "Warab", name_type=NameType.ALTERNATE)
    return g


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The kind of place written after a name, in lower case, makes it that place, as a region
        # written after it does: a little-known town's district...
        ("Two bombs went off in the Ocilla district on Friday.", ["Ocilla"]),
        # ...a state after the word before it ("south Sudanese") that begins no longer name...
        ("The governor of the south Sudanese Warab state said so.", ["Warab"]),
        # ...and, in the plural, every name of the list it ends, words and surnames though they are.
        ("Girls from Cooke, Grayson and Love counties will compete.", ["Cooke", "Grayson", "Love"]),
        ("Love and Grayson counties closed their offices.", ["Love", "Grayson"]),
        # Streets are no such kind: no town is named there.
        ("A main blew at the corner of Lakeview and Harrison streets.", []),
        # Without its kind, such a name is the word or the person.
        ("Girls from Cooke said they love it.", []),
    ],
)
def test_a_name_before_its_kind_of_place_is_that_place(use_ner, text, expected) -> None:
    assert surfaces(kinds_world(), use_ner, text) == expected
