"""Which date an event takes: a year that describes a person or a thing is not the event's time.

Sentences written for the test, not taken from any evaluation article.
"""

from __future__ import annotations

from datetime import date

import pytest

from geo.model import EventStatus
from geo.text.events.dating import ArticleDates
from geo.text.events.parsing import parse_text

PUBLISHED = date(2023, 9, 15)


def _dates(text: str, trigger: str):
    doc = parse_text(text)
    token = next(t for t in doc if t.text == trigger)
    return ArticleDates(doc, PUBLISHED), token


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # A relative clause on the subject tells the person's past.
        ("Senator Ana Ruiz, who joined the Senate in 2005, arrived in Tokyo.", "arrived"),
        # So does a participle on the subject ...
        ("Mayor Ann Jones, born in 1952, was found dead in Berlin.", "found"),
        # ... and an apposition.
        ("Tom Brown, a 2008 graduate of Yale, visited Kyiv.", "visited"),
        # A model year classes the car.
        ("Tom Brown drove a 2008 Ford to Berlin.", "drove"),
    ],
)
def test_a_year_that_describes_a_person_or_a_thing_dates_no_event(text, trigger):
    dates, token = _dates(text, trigger)
    assert dates.date_for(token, EventStatus.OCCURRED).interval.iso() is None
    # Nor does it set the story's time: an undated report is of the month it was published.
    assert dates.narrative_date(token).interval.iso() == "2023-09"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Tom Brown attended the 2020 Olympics in Tokyo.", "attended", "2020"),
        ("Tom Brown visited Kyiv in the 2016 campaign.", "visited", "2016"),
        # A gathering's own clause dates it.
        ("Tom Brown attended the summit, which took place in Hanoi in February 2019.", "attended", "2019-02"),
        # The clause that holds the event keeps its date.
        ("Ana Ruiz, who visited Kyiv in 2019, arrived in Tokyo.", "visited", "2019"),
    ],
)
def test_a_year_of_the_event_or_its_gathering_still_dates_it(text, trigger, expected):
    dates, token = _dates(text, trigger)
    assert dates.date_for(token, EventStatus.OCCURRED).interval.iso() == expected
