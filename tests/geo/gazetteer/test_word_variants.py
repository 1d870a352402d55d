"""Abbreviated generic words: each name key also answers to the forms newspapers write."""

from __future__ import annotations

import pytest

from geo.gazetteer.sources.curated import spaced_abbreviation
from geo.gazetteer.word_variants import word_variant_keys


@pytest.mark.parametrize(
    ("key", "variants"),
    [
        ("mount pleasant", {"mt pleasant"}),
        ("mt pleasant", {"mount pleasant"}),
        ("st marys river", {"saint marys river"}),
        ("sainte foy", {"ste foy"}),
        ("fort worth", {"ft worth"}),
        ("point pleasant", {"pt pleasant"}),
        ("platte county", {"platte co"}),
        ("madison township", {"madison twp"}),
        ("st clair township", {"saint clair township", "st clair twp", "saint clair twp"}),
        ("st louis mount", {"saint louis mount"}),
    ],
)
def test_variants(key: str, variants: set[str]) -> None:
    assert word_variant_keys(key) == variants


@pytest.mark.parametrize("key", ["rocky mount", "st", "county", "paris", "co", "fort", "stockholm county road"])
def test_no_variant_without_a_following_name_or_a_trailing_generic(key: str) -> None:
    assert word_variant_keys(key) == set()


@pytest.mark.parametrize(
    ("abbreviation", "spaced"),
    [
        ("W.Va.", "W. Va."),
        ("N.Y.", "N. Y."),
        ("U.S.", "U. S."),
        ("Ky.", "Ky."),
        ("NSW", "NSW"),
        ("N. Ireland", "N. Ireland"),
    ],
)
def test_dotted_abbreviations_are_also_written_spaced(abbreviation: str, spaced: str) -> None:
    assert spaced_abbreviation(abbreviation) == spaced
