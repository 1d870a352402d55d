"""Small pipeline stages for testing the web layer without the full gazetteer and NER model."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from geo.model import ArticleText, Event, Mention, MentionRole, Place
from geo.pipeline import ArticlePipeline
from geo.text.filters import venue_after


@dataclass
class ListedPlaces:
    """Finds the listed names as whole words and places them, with the venue a name begins; knows nothing else."""

    places: dict[str, Place]
    reads_documents = False

    def parse(self, text: str, doc=None) -> Sequence[Mention]:
        mentions = []
        for name, place in self.places.items():
            for match in re.finditer(rf"\b{re.escape(name)}\b", text):
                venue_end = venue_after(text, match.end())
                venue = text[match.start() : venue_end] if venue_end is not None else None
                mentions.append(
                    Mention(
                        match.start(), match.end(), name, MentionRole.PLACE, place, 0.9, alternatives=(), venue=venue
                    )
                )
        return sorted(mentions, key=lambda m: m.start)


@dataclass
class GivenEvents:
    """Returns the events it was given, for any article."""

    events: list[Event] = field(default_factory=list)

    def parse_document(self, text: str) -> None:
        return None  # it reads no text

    def read_events(self, article: ArticleText, mentions: Sequence[Mention], doc=None):
        return self.events, sorted({e.actor for e in self.events})


def pipeline(places: dict[str, Place], events: list[Event] | None = None) -> ArticlePipeline:
    return ArticlePipeline(places=ListedPlaces(places), events=GivenEvents(events or []))
