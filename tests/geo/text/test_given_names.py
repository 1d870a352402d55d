"""Given names as a cue to whom "he" and "she" mean; how common a given name or surname is."""

from __future__ import annotations

import pytest
from _events_world import article, mentions_for

from geo.text.events import EventExtractor
from geo.text.given_names import gender_of_full_name, gender_of_given_name, given_name_share, surname_share


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Lori", "female"),
        ("roger", "male"),
        ("Angela", "female"),
        # Borne by both often enough to say nothing, or not a listed given name.
        ("Jordan", None),
        ("Jean", None),
        ("Vladimir", None),
        ("Putin", None),
    ],
)
def test_gender_of_a_given_name(name: str, gender: str | None) -> None:
    assert gender_of_given_name(name) == gender


def test_how_common_a_given_name_or_surname_is() -> None:
    assert given_name_share("George") > 0.5 > given_name_share("Houston") > 0
    assert given_name_share("Washington") == 0.0  # a surname, not a given name
    assert surname_share("Washington") > 0 and surname_share("houston") > 0
    # A word that describes a facility is nobody's surname.
    assert surname_share("Commonwealth") == 0.0 and surname_share("State") == 0.0


def test_she_means_the_woman_named_even_when_a_man_is_the_subject_before() -> None:
    text = "Roger Hale met Lori Vance in Berlin on Monday. She flew to Paris on Tuesday."
    events, _ = EventExtractor(stop_model=None).read_events(article(text), mentions_for(text))
    paris = {e.actor for e in events if e.place.name == "Paris"}
    assert paris == {"Lori Vance"}


def test_a_title_outranks_the_given_name() -> None:
    # "Mrs." says female whatever the census says of the given name.
    text = "Mrs. Tim Vance met Roger Hale in Berlin on Monday. She flew to Paris on Tuesday."
    events, _ = EventExtractor(stop_model=None).read_events(article(text), mentions_for(text))
    assert {e.actor for e in events if e.place.name == "Paris"} == {"Tim Vance"}


@pytest.mark.parametrize(
    ("words", "gender"),
    [
        (("Lori", "Whipps"), "female"),
        (("Roger", "Hale"), "male"),
        # A surname written first, which the census knows as a woman's given name, says nothing.
        (("Li", "Qiang"), None),
        (("Moon", "Jae-in"), None),
        (("Ma", "Ying-jeou"), None),
        # One word is no full name.
        (("Lori",), None),
    ],
)
def test_gender_of_a_full_name(words: tuple[str, ...], gender: str | None) -> None:
    assert gender_of_full_name(words) == gender


def test_he_may_mean_a_man_whose_surname_comes_first() -> None:
    # The census lists "Moon" as a woman's name; "he" is still Moon Jae-in, the speaker.
    text = "Roger Hale met Moon Jae-in in Seoul on Monday. Moon said he would fly to Tokyo on Tuesday."
    events, _ = EventExtractor(stop_model=None).read_events(article(text), mentions_for(text))
    assert {e.actor for e in events if e.place.name == "Tokyo"} == {"Moon Jae-in"}
