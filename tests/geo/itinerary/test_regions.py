"""geo.itinerary.regions: a trip's region from the names its places carry, and nothing else."""

from __future__ import annotations

import pytest
from itinerary_samples import ANCHORAGE, KHABAROVSK, KOMSOMOLSK, PYONGYANG, RUSSIA, TOKYO, VLADIVOSTOK, place

from geo.itinerary import country_name, region_of

SEOUL = place("Seoul", 37.57, 126.98, country="KR", admin1="Seoul")
BEIJING = place("Beijing", 39.9, 116.4, country="CN", admin1="Beijing")


@pytest.mark.parametrize(
    ("places", "region"),
    [
        ([VLADIVOSTOK], "Primorye, Russia"),
        ([KOMSOMOLSK, KHABAROVSK], "Khabarovsk, Russia"),
        ([VLADIVOSTOK, KOMSOMOLSK], "Russia"),
        ([RUSSIA, VLADIVOSTOK], "Russia"),
        ([VLADIVOSTOK, PYONGYANG], "Russia and North Korea"),
        ([VLADIVOSTOK, PYONGYANG, SEOUL], "Russia, North Korea and South Korea"),
        ([VLADIVOSTOK, PYONGYANG, SEOUL, BEIJING], "Russia, North Korea and 2 more countries"),
        ([TOKYO, ANCHORAGE], "Tokyo and Anchorage"),  # places with no country: their own names
    ],
)
def test_region_of(places, region: str) -> None:
    assert region_of(places) == region


def test_country_names_are_the_gazetteers() -> None:
    assert (country_name("RU"), country_name("gb"), country_name("KP")) == ("Russia", "United Kingdom", "North Korea")
    assert country_name("XX") == "XX"
