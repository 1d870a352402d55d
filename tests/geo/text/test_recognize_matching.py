"""The text normaliser, the gazetteer matcher, the dateline reader and the English vocabulary."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.gazetteer.names import normalize_name
from geo.text.dateline import find_dateline
from geo.text.matcher import GazetteerMatcher, NameMatch, is_matchable_key, select_longest
from geo.text.normalized_text import _normalize_by_character, normalize_text
from geo.text.vocabulary import WordClass, word_class


@pytest.mark.parametrize(
    "text",
    [
        "Komsomolsk-on-Amur",
        "Russia\u2019s jet",
        "U.S. and S\u00e3o Paulo",
        "Stra\u00dfe \ufb01ne",
        "Komsomol'sk-na-Amure",
        "Tromsø, Łódź and Ærøskøbing",
        "\u00d8STFOLD \u0141\u00d3D\u0179",
    ],
)
def test_normalized_text_agrees_with_name_keys(text: str) -> None:
    assert normalize_text(text).key.strip() == normalize_name(text)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_the_one_pass_folding_is_the_character_by_character_one(text: str) -> None:
    assert normalize_text(text) == _normalize_by_character(text)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_every_key_character_maps_back_into_the_text(text: str) -> None:
    normalized = normalize_text(text)
    assert len(normalized.origin) == len(normalized.key)
    assert all(0 <= index < len(text) for index in normalized.origin)
    assert list(normalized.origin) == sorted(normalized.origin)


@pytest.fixture(scope="module")
def matcher() -> GazetteerMatcher:
    return GazetteerMatcher(
        [
            "russia",
            "komsomolsk on amur",
            "amur",
            "us",
            "north korea",
            "north korean",
            "korea",
            "sochi",
            "x",
            "\u0441\u043e\u0447\u0438",
        ]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("to Komsomolsk-on-Amur.", [("Komsomolsk-on-Amur", "komsomolsk on amur"), ("Amur", "amur")]),
        ("Russia\u2019s jet", [("Russia", "russia")]),
        ("Russians and Russias", []),
        ("the U.S. said", [("U.S.", "us")]),
        ("North Korean flags", [("North Korean", "north korean")]),
        ("in Sochi.", [("Sochi", "sochi")]),
        ("Sochiville", []),
        # Only where a word begins and ends, whatever stands around it; a key's space is a space
        # of the text, not a bracket or a quote.
        ("Amursk and Kamur", []),
        ('("Sochi")', [("Sochi", "sochi")]),
        ("North (Korea)", [("Korea", "korea")]),
        ('North "Korean flags', []),
        ("2Sochi Sochi2 #Sochi", [("Sochi", "sochi")]),
    ],
)
def test_matcher_finds_whole_words_with_original_spans(matcher, text, expected) -> None:
    found = [(text[m.start : m.end], m.key) for m in matcher.find(text)]
    assert found == expected


def test_matcher_keeps_latin_keys_of_two_letters_or_more(matcher) -> None:
    assert len(matcher) == 8
    assert is_matchable_key("sochi") and not is_matchable_key("x") and not is_matchable_key("\u0441\u043e\u0447\u0438")


def test_longest_match_wins_at_overlaps() -> None:
    matches = [NameMatch(0, 18, "komsomolsk on amur"), NameMatch(14, 18, "amur"), NameMatch(20, 25, "sochi")]
    assert select_longest(matches) == [matches[0], matches[2]]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("SEOUL (S Korea), Sep 15: North Korean leader", "SEOUL"),
        ("WASHINGTON (AP) \u2014 The president", "WASHINGTON"),
        ("MOSCOW, Sept 15 (Reuters) - Russia said", "MOSCOW"),
        ("LAKE CHARLES, La., March 3 -- Police", "LAKE CHARLES"),
        ("ST. LOUIS (AP) - A man", "ST. LOUIS"),
        # After a headline line, or a headline and a byline.
        ("Obama to visit Cuba in March\nWASHINGTON (AP) \u2014 The president", "WASHINGTON"),
        ("Mayor to offer plan\nBy Jane Roe\n  TORRINGTON \u2014 Mayor Ryan Bingham", "TORRINGTON"),
        # After a headline run into the text as a sentence, with a dash set apart by spaces.
        ("Home hit by fire a second time. BYESVILLE -- Firefighters are searching", "BYESVILLE"),
        ("Outbreak alarms experts. XDR-TB is defined as resistance", None),
        # Not in the story's body, nor a line of capitals that no dash ends.
        ("Kim arrived.\nHe said:\nThen more.\nLater on.\nPARIS (AP) \u2014 text", None),
        ("Headline\nNATO AND THE EU met in Brussels.", None),
        ("A Turkish policeman shot", None),
        ("Kim went to - the factory", None),
    ],
)
def test_dateline(text: str, surface: str | None) -> None:
    found = find_dateline(text)
    assert (found.surface if found else None) == surface
    if found:
        assert text[found.start : found.end] == found.surface


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("but", WordClass.FUNCTION),
        ("since", WordClass.FUNCTION),
        ("mobile", WordClass.LEXICAL),
        ("reading", WordClass.LEXICAL),
        ("cabinet", WordClass.NOUN),
        ("sochi", None),
        ("lavrov", None),
    ],
)
def test_word_classes_come_from_the_models_vocabulary(key: str, expected: WordClass | None) -> None:
    assert word_class(key) is expected


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_a_key_is_its_own_key(text: str) -> None:
    # The geoparser's lookup cache relies on it: a name that is already a key is not re-normalised.
    key = normalize_name(text)
    assert normalize_name(key) == key
