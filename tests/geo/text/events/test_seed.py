"""The seed article (AP, Seoul, 2023-09-15) against its gold: hand-built mentions, then the real pipeline.

The expectations are those of shared/gold/seed-events.json: every required stop with its status
and date, none of an actor's must_not places, none of the not_actors taken for a person.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _events_world import PLACES, SEED_PUBLISHED, article, mentions_for

from geo.model import ArticleText, Event, EventStatus
from geo.text.events import EventExtractor

REPO_ROOT = Path(__file__).resolve().parents[4]
SEED = REPO_ROOT / "seeds" / "000_c9263cc6945fc7b5.txt"
GAZETTEER = REPO_ROOT / "data" / "gazetteer.sqlite"

OCC, P = EventStatus.OCCURRED, EventStatus.PLANNED
# (actor, place, status, date at the gold's precision or None for "any date")
REQUIRED = [
    ("Kim Jong Un", "Vladivostok", OCC, "2019-04"),
    ("Kim Jong Un", "Komsomolsk-on-Amur", OCC, "2023-09-15"),
    ("Kim Jong Un", "Vladivostok", P, None),
    ("Vladimir Putin", "Sochi", OCC, "2023-09-15"),
    ("Vladimir Putin", "Pyongyang", P, None),
    ("Alexander Lukashenko", "Sochi", OCC, "2023-09-15"),
]
MUST_NOT = {
    "Kim Jong Un": {"Seoul", "Sochi", "Pyongyang", "Ukraine", "Belarus", "Black Sea", "United States", "South Korea"},
    "Vladimir Putin": {"Seoul", "Komsomolsk-on-Amur", "Vladivostok", "Vietnam"},
    "Alexander Lukashenko": {"Seoul", "Komsomolsk-on-Amur"},
    "Sergey Lavrov": {"Seoul", "Sochi"},
    "Denis Manturov": {"Seoul"},
}
NOT_ACTORS = {"Su-57", "Su-35", "Sukhoi", "Cabinet", "Kremlin", "Associated Press", "AP"}
# Gold names for places, as the real gazetteer may spell them otherwise ("Komsomol'sk-na-Amure").
GEONAMEIDS = {name: place.geonameid for name, place in PLACES.items()}


def _matches(event: Event, actor: str, place: str, status: EventStatus, when: str | None) -> bool:
    if event.actor != actor or event.status is not status or event.place.geonameid != GEONAMEIDS[place]:
        return False
    if when is None:
        # A planned stop with no date must not be dated before publication.
        return event.date.start is None or event.date.start >= SEED_PUBLISHED
    return event.date.iso() is not None and event.date.iso().startswith(when)


def _check_against_gold(events: list[Event], people: list[str]) -> None:
    for actor, place, status, when in REQUIRED:
        assert any(_matches(e, actor, place, status, when) for e in events), (actor, place, status, when)
    for event in events:
        forbidden = {GEONAMEIDS[name] for name in MUST_NOT.get(event.actor, ())}
        assert event.place.geonameid not in forbidden, event
    assert not set(people) & NOT_ACTORS
    assert {"Kim Jong Un", "Vladimir Putin", "Alexander Lukashenko", "Sergey Lavrov", "Denis Manturov"} <= set(people)


def test_seed_with_hand_built_mentions():
    text = SEED.read_text(encoding="utf-8")
    events, people = EventExtractor().read_events(article(text), mentions_for(text, dateline="Seoul"))
    _check_against_gold(events, people)
    # Optional gold stops this reading also finds.
    assert any(_matches(e, "Kim Jong Un", "Russia", OCC, "2023-09-12") for e in events)
    assert any(_matches(e, "Kim Jong Un", "Vietnam", OCC, "2019-02") for e in events)
    assert any(_matches(e, "Denis Manturov", "Komsomolsk-on-Amur", OCC, "2023-09-15") for e in events)


@pytest.mark.slow
def test_seed_on_the_real_pipeline():
    geoparse = pytest.importorskip("geo.text.geoparse", reason="the geoparser is not in this checkout")
    index = pytest.importorskip("geo.gazetteer.index", reason="the gazetteer index module is not in this checkout")
    if not GAZETTEER.is_file():
        pytest.skip(f"no gazetteer index at {GAZETTEER}: run `itinerant gazetteer build`")
    from geo.pipeline import ArticlePipeline

    pipeline = ArticlePipeline(geoparse.Geoparser(index.open_gazetteer(GAZETTEER)), EventExtractor())
    text = SEED.read_text(encoding="utf-8")
    extraction = pipeline.extract(ArticleText(text=text, published=SEED_PUBLISHED, source="AP"))
    _check_against_gold(list(extraction.events), list(extraction.people))
    assert extraction.dateline is not None and all(
        (e.mention_start, e.mention_end) != (extraction.dateline.start, extraction.dateline.end)
        for e in extraction.events
    )
