"""Article in, extraction out: the one seam between the web layer and the text library.

    ArticleText ──▶ place reader (recognise + resolve) ──▶ event reader ──▶ Extraction

Each stage is a small protocol, so the service, the command line and the evaluation all run
the same pipeline, and tests can swap a stage for a tiny one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from geo.model import ArticleText, Event, Extraction, Mention, MentionRole

__all__ = ["PlaceReader", "EventReader", "ArticlePipeline"]


class PlaceReader(Protocol):
    def parse(self, text: str) -> Sequence[Mention]:
        """Every place mention in `text`, resolved where the gazetteer can place it."""
        ...


class EventReader(Protocol):
    def read_events(self, article: ArticleText, mentions: Sequence[Mention]) -> tuple[Sequence[Event], Sequence[str]]:
        """The events of the article and the people it speaks of."""
        ...


@dataclass(frozen=True)
class ArticlePipeline:
    """Runs the stages it is given; a missing event reader means places only."""

    places: PlaceReader
    events: EventReader | None = None

    def extract(self, article: ArticleText) -> Extraction:
        mentions = tuple(self.places.parse(article.text))
        dateline = next((m for m in mentions if m.role is MentionRole.DATELINE), None)
        if self.events is None:
            return Extraction(mentions=mentions, dateline=dateline)
        events, people = self.events.read_events(article, mentions)
        # The dateline names where the report was filed; it is never a stop on its own.
        if dateline is not None and dateline.place is not None:
            events = [e for e in events if not (e.mention_start == dateline.start and e.mention_end == dateline.end)]
        return Extraction(mentions=mentions, events=tuple(events), people=tuple(people), dateline=dateline)
