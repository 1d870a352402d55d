"""The words a text uses as people's names (geo.text.context), which keep a place name from reading
as a place: named entities the model tags as people, and words after titles."""

from __future__ import annotations

import pytest

from geo.text.context import build_context
from geo.text.nlp import EntitySpan, TextAnalysis


def person_words(text: str, *people: str) -> frozenset[str]:
    """The person words of `text`, the model having tagged each of `people` (substrings) PERSON."""
    entities = tuple(EntitySpan(text.index(p), text.index(p) + len(p), "PERSON") for p in people)
    return build_context(text, TextAnalysis(entities)).person_words


@pytest.mark.parametrize(
    ("text", "people", "expected"),
    [
        # A full name the model tags is a person's, word by word.
        ("Erie GM Sherry Bassin said so.", ("Erie GM Sherry Bassin",), {"erie", "gm", "sherry", "bassin"}),
        # A town's body or building the model tags as a person is no one's name...
        ("Huntsville Fire crews and Logan Elementary pupils helped.", ("Huntsville Fire", "Logan Elementary"), set()),
        ("Children at the SOS Village Malakal were treated.", ("Village Malakal",), set()),
        # The body's word in the possessive, before the title of its office.
        ("Alexandria Commonwealth’s Attorney Randy Sengel said so.", ("Alexandria Commonwealth’s",), set()),
        ("Alexandria Commonwealth's Attorney Randy Sengel said so.", ("Alexandria Commonwealth's",), set()),
        # ...but for the person named after it.
        (
            "Cookville Fire Chief Wesley McCollum said so.",
            ("Cookville Fire Chief Wesley McCollum",),
            {"wesley", "mccollum"},
        ),
        (
            "Laurel County Clerk Dean Johnson spoke.",
            ("Laurel County Clerk Dean Johnson",),
            {"clerk", "dean", "johnson"},
        ),
        ("Police Chief Johnson spoke.", ("Police Chief Johnson",), {"johnson"}),
        # A title word that ends a sentence names nobody with the next word; an abbreviated one does.
        ("They will name a president. Cincinnati agreed.", (), set()),
        ("Gov. Cincinnati agreed.", (), {"cincinnati"}),
    ],
)
def test_person_words(text, people, expected) -> None:
    assert person_words(text, *people) == frozenset(expected)
