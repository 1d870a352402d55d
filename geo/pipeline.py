"""Article in, extraction out: the one seam between the web layer and the text library.

    ArticleText ──▶ place reader (recognise + resolve) ──▶ event reader ──▶ Extraction

Each stage is a small protocol, so the service, the command line and the evaluation all run
the same pipeline, and tests can swap a stage for a tiny one.

One parse per article: when the event reader parses text itself (`DocumentReader`) and the
place reader runs the language model anyway (a `Geoparser` with NER), the event reader parses
the article once and both stages read that Doc. NER runs first in the full pipeline
(`geo.text.nlp`), so the geoparser finds exactly the entities it would find on its own.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from geo.model import ArticleText, Event, Extraction, Mention, MentionRole

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PlaceReader", "EventReader", "DocumentReader", "ArticlePipeline"]


class PlaceReader(Protocol):
    def parse(self, text: str) -> Sequence[Mention]:
        """Every place mention in `text`, resolved where the gazetteer can place it."""
        ...


class EventReader(Protocol):
    def read_events(self, article: ArticleText, mentions: Sequence[Mention]) -> tuple[Sequence[Event], Sequence[str]]:
        """The events of the article and the people it speaks of."""
        ...


@runtime_checkable
class DocumentReader(Protocol):
    """An event reader that parses text itself and can read events off a Doc parsed before."""

    def parse_document(self, text: str) -> Doc:
        """The parsed `text`, as `read_events` would parse it."""
        ...

    def read_events(
        self, article: ArticleText, mentions: Sequence[Mention], doc: Doc | None = None
    ) -> tuple[Sequence[Event], Sequence[str]]: ...


@dataclass(frozen=True)
class ArticlePipeline:
    """Runs the stages it is given; a missing event reader means places only.

    `share_parse` (on by default) parses each article once for both stages where they allow it
    (module docstring); off, each stage parses on its own, as a benchmark may want to compare.
    """

    places: PlaceReader
    events: EventReader | None = None
    share_parse: bool = True

    def extract(self, article: ArticleText) -> Extraction:
        doc = self._shared_doc(article.text)
        if doc is None:
            mentions = tuple(self.places.parse(article.text))
        else:
            mentions = tuple(self.places.parse(article.text, doc))  # type: ignore[call-arg]
        dateline = next((m for m in mentions if m.role is MentionRole.DATELINE), None)
        if self.events is None:
            return Extraction(mentions=mentions, dateline=dateline)
        if doc is None:
            events, people = self.events.read_events(article, mentions)
        else:
            events, people = self.events.read_events(article, mentions, doc)  # type: ignore[call-arg]
        # The dateline names where the report was filed; it is never a stop on its own.
        if dateline is not None and dateline.place is not None:
            events = [e for e in events if not (e.mention_start == dateline.start and e.mention_end == dateline.end)]
        return Extraction(mentions=mentions, events=tuple(events), people=tuple(people), dateline=dateline)

    def _shared_doc(self, text: str) -> Doc | None:
        """The event reader's parse of `text`, when the place reader can use it; else None."""
        if not self.share_parse or not isinstance(self.events, DocumentReader) or not text.strip():
            return None
        if "doc" not in inspect.signature(self.places.parse).parameters:
            return None
        # A geoparser without NER must not be handed entities it would not have looked for.
        recognizer = getattr(self.places, "recognizer", None)
        if not getattr(recognizer, "use_ner", False):
            return None
        return self.events.parse_document(text)
