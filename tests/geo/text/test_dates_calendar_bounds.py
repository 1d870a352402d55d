"""Dates read near the ends of the calendar (years 1 and 9999) are unknown, never an error."""

from __future__ import annotations

from datetime import date

import pytest

from geo.model import ArticleText, DateInterval
from geo.text.dates import find_date_expressions
from geo.text.events import EventExtractor


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("Kim will arrive next Monday.", date(9999, 12, 31)),
        ("Kim arrives tomorrow, in two years.", date(9999, 12, 31)),
        ("Kim arrived yesterday.", date(1, 1, 1)),
        ("Kim left two weeks ago.", date(1, 1, 1)),
    ],
)
def test_an_expression_beyond_the_calendar_is_unknown(text, anchor):
    expressions = find_date_expressions(text)
    assert expressions
    for expression in expressions:
        assert isinstance(expression.resolve(anchor), DateInterval)
        assert isinstance(expression.resolve(anchor, future=True), DateInterval)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Kim Jong Un will fly to Moscow next Monday.", date(9999, 12, 31)),
        ("Kim Jong Un flew to Moscow yesterday.", date(1, 1, 1)),
    ],
)
def test_events_read_against_a_published_date_at_the_calendar_ends(text, published):
    EventExtractor().read_events(ArticleText(text=text, published=published), [])
