"""Area codes of North American telephone numbers, and where they ring (from zipcodes' data)."""

from __future__ import annotations

import pytest

from geo.gazetteer.phone_areas import (
    AREA_CODES_PATH,
    area_codes,
    derive_area_codes,
    phone_area_codes,
    read_area_codes,
    us_state_codes,
    write_area_codes,
)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("call 806-423-1253", 1),
        ("call (806) 423-1253 or 806.423.1033", 1),
        ("at 304-399-6500 or (806)423-1253", 2),
        ("in 2009-2010, 12,000 people; ISBN 978-3-16-148410-0", 0),
        ("toll free 1-800-555-1212", 0),  # no area of its own
        ("ref 123-4567-890", 0),
    ],
)
def test_telephone_numbers_are_found_by_their_shape(text, count) -> None:
    assert len(phone_area_codes(text)) == count


def test_an_area_code_covers_its_towns_and_names_its_states() -> None:
    panhandle = area_codes()["806"]
    assert panhandle.covers(34.39, -100.89)  # Turkey, Texas
    assert not panhandle.covers(38.42, -82.45)  # Huntington, West Virginia
    assert "TX" in panhandle.states
    assert area_codes()["304"].covers(38.42, -82.45)
    assert area_codes()["304"].states == {"WV"}


def test_state_names_map_to_their_postal_codes() -> None:
    codes = us_state_codes()
    assert codes["west virginia"] == "WV"
    assert codes["texas"] == "TX"


def test_the_shipped_table_is_what_zipcodes_gives(tmp_path) -> None:
    path = tmp_path / "area_codes.csv"
    write_area_codes(path)
    assert path.read_text(encoding="utf-8") == AREA_CODES_PATH.read_text(encoding="utf-8")
    assert read_area_codes(path) == derive_area_codes()
