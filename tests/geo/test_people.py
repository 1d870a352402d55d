"""geo.people: a person's name key and slug, on the character table every name key shares."""

from __future__ import annotations

import pytest

from geo.folding import fold_key
from geo.gazetteer.names import normalize_name
from geo.people import person_key, person_slug
from geo.text.normalized_text import normalize_text


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (("Kim Jong Un", "Kim Jong-un", "kim  jong un", "KIM JONG–UN"), "kim jong un"),
        (("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"), "recep tayyip erdogan"),
        (("Lech Wałęsa", "Lech Walesa"), "lech walesa"),
        (("Sergei Lavrov's", "Sergei Lavrovs"), "sergei lavrovs"),
        (("...",), ""),
    ],
)
def test_spellings_of_one_person_share_a_key(names, key):
    assert {person_key(name) for name in names} == {key}


def test_a_slug_is_the_url_of_a_person():
    assert person_slug("Kim Jong Un") == "kim-jong-un"
    assert person_slug("  Recep Tayyip Erdoğan ") == "recep-tayyip-erdogan"


@pytest.mark.parametrize("text", ["Komsomol'sk-na-Amure", "U.S.", "São Paulo / Łódź", "Tromsø, Æro", "a\u2014b_c"])
def test_every_name_key_is_built_from_one_table(text):
    assert normalize_name(text) == fold_key(text)
    assert normalize_text(text).key.strip() == fold_key(text)
