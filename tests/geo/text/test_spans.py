"""Span overlap queries (geo.text.spans) and the pipeline's work, linear in an article's mentions."""

from __future__ import annotations

import random
import sys

import pytest

from geo.errors import InvalidInputError
from geo.model import ArticleText
from geo.pipeline import ArticlePipeline
from geo.text.events import EventExtractor
from geo.text.geoparse import Geoparser
from geo.text.spans import DisjointSpans, SpanIndex


def _random_spans(rng: random.Random, count: int) -> list[tuple[int, int]]:
    spans = []
    for _ in range(count):
        start = rng.randrange(200)
        spans.append((start, start + rng.randrange(1, 15)))
    return spans


def test_disjoint_spans_answer_as_a_scan_does():
    rng = random.Random(13)
    for _ in range(50):
        taken, spans = [], DisjointSpans()
        for start, end in _random_spans(rng, 60):
            overlapping = any(start < e and s < end for s, e in taken)
            assert spans.overlaps(start, end) == overlapping
            if not overlapping:
                taken.append((start, end))
                spans.add(start, end)


def test_a_span_index_answers_as_a_scan_does():
    rng = random.Random(7)
    for _ in range(50):
        spans = _random_spans(rng, 40)
        index = SpanIndex((s, e, (s, e)) for s, e in spans)
        for start, end in _random_spans(rng, 40):
            expected = sorted((s, e) for s, e in spans if start < e and s < end)
            assert sorted(index.overlapping(start, end)) == expected
            assert index.overlaps(start, end) == bool(expected)


def _python_calls(function) -> int:
    """How many Python function calls `function()` makes: a measure of work that does not depend on the machine."""
    calls = 0

    def count(_frame, event, _arg):
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        function()
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("use_ner", [True, False], ids=["ner", "fast"])
def test_the_pipeline_does_work_linear_in_the_mentions(gazetteer, use_ner):
    pipeline = ArticlePipeline(places=Geoparser(gazetteer, use_ner=use_ner), events=EventExtractor())
    pipeline.extract(ArticleText(text="Kim visited Moscow."))  # models loaded, caches warm

    def work(mentions: int) -> int:
        return _python_calls(lambda: pipeline.extract(ArticleText(text="Moscow " * mentions)))

    small, large = work(600), work(1200)
    # Twice the mentions: about twice the work (four times, were some step quadratic).
    assert large / small < 2.5, (small, large)


def test_an_article_naming_places_more_often_than_the_cap_is_refused(gazetteer):
    read_events = []

    class Events(EventExtractor):
        def read_events(self, article, mentions, doc=None):
            read_events.append(article)
            return super().read_events(article, mentions, doc)

    pipeline = ArticlePipeline(places=Geoparser(gazetteer, use_ner=False), events=Events(), max_mentions=5)
    assert len(pipeline.extract(ArticleText(text="Moscow " * 5)).mentions) == 5
    with pytest.raises(InvalidInputError, match="at most 5 times") as refused:
        pipeline.extract(ArticleText(text="Moscow " * 6))
    assert refused.value.field == "text"
    assert len(read_events) == 1  # the refused article's events were not read
