"""PlaceRecognizer on the small gazetteer: what a careful reader takes for a place, and what not."""

from __future__ import annotations

import pytest

from geo.model import MentionRole
from geo.text.recognize import PlaceRecognizer

BOTH_MODES = pytest.mark.parametrize("use_ner", [True, False], ids=["ner", "fast"])


def surfaces(recognizer: PlaceRecognizer, text: str) -> list[str]:
    return [m.surface for m in recognizer.recognize(text)]


@BOTH_MODES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim travelled to Komsomolsk-on-Amur by train.", ["Komsomolsk-on-Amur"]),
        ("Russia\u2019s state media showed the plant.", ["Russia"]),
        ("But the talks in Sochi ended.", ["Sochi"]),
        ("Since Tuesday he has been in Vladivostok.", ["Vladivostok"]),
        ("He met President Vladimir Putin in Moscow.", ["Moscow"]),
        ("the story but not the place", []),
        ("He flew the Su-57 over the Black Sea.", ["Black Sea"]),
        ("The US and the U.S.A. differ only in spelling; us and them.", ["US", "U.S.A."]),
    ],
)
def test_recognizes_places_like_a_reader(gazetteer, use_ner, text, expected) -> None:
    assert surfaces(PlaceRecognizer(gazetteer, use_ner=use_ner), text) == expected


@BOTH_MODES
def test_a_name_used_for_a_person_is_not_a_place(gazetteer, use_ner) -> None:
    text = "North Korean leader Kim Jong Un arrived. Later Kim visited a factory in Vladivostok."
    assert surfaces(PlaceRecognizer(gazetteer, use_ner=use_ner), text) == ["Vladivostok"]


def test_a_first_name_that_spells_a_country_is_no_place(gazetteer) -> None:
    assert surfaces(PlaceRecognizer(gazetteer, use_ner=False), "Jordan Peterson spoke in Atlanta.") == ["Atlanta"]


@BOTH_MODES
def test_an_unremarkable_name_of_a_product_maker_is_dropped(gazetteer, use_ner) -> None:
    text = "Kim visited a facility producing Sukhoi SJ-100 passenger planes near Moscow."
    assert surfaces(PlaceRecognizer(gazetteer, use_ner=use_ner), text) == ["Moscow"]


@BOTH_MODES
def test_an_english_noun_needs_a_prominent_place(gazetteer, use_ner) -> None:
    text = "Russia\u2019s Cabinet later released a video. Mobile police arrived in Mobile."
    found = PlaceRecognizer(gazetteer, use_ner=use_ner).recognize(text)
    assert [m.surface for m in found] == ["Russia", "Mobile"]
    assert found[-1].start == text.rindex("Mobile")


@BOTH_MODES
def test_a_headline_in_capitals_still_names_places(gazetteer, use_ner) -> None:
    text = "PUTIN MEETS KIM IN VLADIVOSTOK BUT NOT IN SOCHI\nThe two leaders met on Wednesday."
    assert surfaces(PlaceRecognizer(gazetteer, use_ner=use_ner), text) == ["VLADIVOSTOK", "SOCHI"]


@BOTH_MODES
def test_dateline_has_its_own_role(gazetteer, use_ner) -> None:
    text = "SEOUL (S Korea), Sep 15: North Korean leader Kim Jong Un inspected a jet in Russia."
    found = PlaceRecognizer(gazetteer, use_ner=use_ner).recognize(text)
    assert (found[0].surface, found[0].role) == ("SEOUL", MentionRole.DATELINE)
    assert [m.surface for m in found if m.role is MentionRole.PLACE][-1] == "Russia"


@BOTH_MODES
def test_demonyms_are_mentions_only_when_asked(gazetteer, use_ner) -> None:
    text = "the Russian and North Korean flags flew in Pyongyang"
    plain = PlaceRecognizer(gazetteer, use_ner=use_ner)
    counting = PlaceRecognizer(gazetteer, use_ner=use_ner, include_demonyms=True)
    assert surfaces(plain, text) == ["Pyongyang"]
    assert [(m.surface, m.role) for m in counting.recognize(text)] == [
        ("Russian", MentionRole.DEMONYM),
        ("North Korean", MentionRole.DEMONYM),
        ("Pyongyang", MentionRole.PLACE),
    ]
    assert len(plain.find_mentions(text)) == 3


def test_mentions_are_unresolved_and_spans_match_the_text(gazetteer) -> None:
    text = "Kim travels next to Vladivostok to view Russia\u2019s Pacific fleet."
    for mention in PlaceRecognizer(gazetteer).recognize(text):
        assert mention.place is None
        assert text[mention.start : mention.end] == mention.surface


def test_empty_text_has_no_mentions(gazetteer) -> None:
    assert PlaceRecognizer(gazetteer).recognize("   ") == []
