"""A name read at several places of one story is one place: its qualifier and its reading are shared."""

from __future__ import annotations

from conftest import small_world
from support.memory_gazetteer import MemoryGazetteer, make_place
from test_resolve_readings import reading_world

from geo.gazetteer.base import NameType
from geo.model import Mention, Precision
from geo.text.resolve import ResolutionWeights, resolve_mentions

NEWARK_NJ, NEWARK_CA = 5101798, 5376890


def newark_world() -> MemoryGazetteer:
    g = small_world()
    g.add(
        make_place(NEWARK_NJ, "Newark", 40.74, -74.17, country="US", admin1="New Jersey", population=281_944),
        prior=0.52,
    )
    g.add(
        make_place(NEWARK_CA, "Newark", 37.53, -122.04, country="US", admin1="California", population=45_336),
        prior=0.47,
    )
    g.add(make_place(5391959, "San Francisco", 37.77, -122.42, country="US", admin1="California", population=864_816))
    g.add(make_place(5378538, "Oakland", 37.80, -122.27, country="US", admin1="California", population=433_031))
    new_jersey = make_place(5101760, "New Jersey", 40.17, -74.5, precision=Precision.ADMIN1, country="US")
    g.add(new_jersey, "N.J.", name_type=NameType.ABBREVIATION)
    return g


def every(text: str, *surfaces: str) -> list[Mention]:
    """A mention at every occurrence of each surface, in the text's order."""
    found = []
    for surface in surfaces:
        start = text.find(surface)
        while start >= 0:
            found.append(Mention(start, start + len(surface), surface))
            start = text.find(surface, start + len(surface))
    return sorted(found, key=lambda m: m.start)


NEWARK_STORY = "NEWARK, N.J. (AP) -- She flew from Newark to San Francisco, and officials in Oakland met her."


def readings(text: str, mentions: list[Mention], world: MemoryGazetteer, **weights: bool) -> list[str | None]:
    resolved = resolve_mentions(text, mentions, world, weights=ResolutionWeights(**weights))
    return [m.place.admin1 or m.place.name if m.place else None for m in resolved]


def test_a_name_qualified_once_keeps_its_qualifier_at_its_other_mentions() -> None:
    mentions = every(NEWARK_STORY, "NEWARK", "N.J.", "Newark", "San Francisco", "Oakland")
    assert readings(NEWARK_STORY, mentions, newark_world())[:3] == ["New Jersey", "New Jersey", "New Jersey"]
    # Without the shared qualifier the second Newark follows the Californian places after it.
    alone = readings(NEWARK_STORY, mentions, newark_world(), same_name_qualifier=False, one_reading_per_name=False)
    assert alone[2] == "California"


def test_every_mention_of_a_name_has_one_reading() -> None:
    text = "New York lawmakers met on Monday. New York voters will decide in November, officials in New York said."
    mentions = every(text, "New York")

    def places(**weights: bool) -> set[str]:
        resolved = resolve_mentions(text, mentions, reading_world(), weights=ResolutionWeights(**weights))
        return {m.place.gazetteer_id for m in resolved if m.place}

    assert len(places()) == 1
    # Read one by one, "in New York" alone is the city.
    assert len(places(one_reading_per_name=False)) == 2
