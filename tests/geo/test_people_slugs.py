"""Every person gets a non-empty URL slug, the same one for the same name."""

from __future__ import annotations

import re

import pytest

from geo.people import person_slug


@pytest.mark.parametrize("name", ["!!!", "金正恩", "   ", "Ким Чен Ын"])
def test_a_name_without_latin_letters_still_has_a_slug(name):
    slug = person_slug(name)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert person_slug(name) == slug


def test_different_such_names_get_different_slugs():
    assert person_slug("!!!") != person_slug("金正恩")
    assert person_slug("Kim Jong Un") == "kim-jong-un"
