"""Article in, extraction out: the one seam between the web layer and the text library.

    ArticleText ──▶ place reader (recognise + resolve) ──▶ event reader ──▶ Extraction

Each stage is a small protocol, so the service, the command line and the evaluation all run
the same pipeline, and tests can swap a stage for a tiny one.

One parse per article: when the place reader reads a parsed document (`reads_documents`: a
`Geoparser` with NER) and the event reader parses text itself (its `parse_document` gives a
Doc), the event reader parses the article once and both stages read that Doc. NER runs first in the full pipeline
(`geo.text.nlp`), so the geoparser finds exactly the entities it would find on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from geo.errors import InvalidInputError
from geo.model import ArticleText, Event, Extraction, Mention, MentionRole

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PlaceReader", "EventReader", "ArticlePipeline"]


class PlaceReader(Protocol):
    @property
    def reads_documents(self) -> bool:
        """Whether `parse` reads the named entities of a parsed document it is handed (a geoparser
        with NER); a reader that does not is never handed one, nor entities it would not have looked for."""
        ...

    def parse(self, text: str, doc: Doc | None = None) -> Sequence[Mention]:
        """Every place mention in `text`, resolved where the gazetteer can place it; `doc`, when
        given, is `text` parsed already."""
        ...


class EventReader(Protocol):
    def parse_document(self, text: str) -> Doc | None:
        """The parse of `text` that `read_events` reads, for the place reader to share; None when
        the reader parses nothing."""
        ...

    def read_events(
        self, article: ArticleText, mentions: Sequence[Mention], doc: Doc | None = None
    ) -> tuple[Sequence[Event], Sequence[str]]:
        """The events of the article and the people it speaks of; `doc`, when given, is
        `parse_document(article.text)`."""
        ...


@dataclass(frozen=True)
class ArticlePipeline:
    """Runs the stages it is given; a missing event reader means places only.

    `share_parse` (on by default) parses each article once for both stages where they allow it
    (module docstring); off, each stage parses on its own, as a benchmark may want to compare.

    `max_mentions`, when set, refuses an article with more place mentions than that
    (InvalidInputError, before its events are read): no news story names thousands of places,
    and reading and storing one that does (a place name pasted over and over) would hold the
    pipeline and the database for a long time.
    """

    places: PlaceReader
    events: EventReader | None = None
    share_parse: bool = True
    max_mentions: int | None = None

    def extract(self, article: ArticleText) -> Extraction:
        doc = self._shared_doc(article.text)
        mentions = tuple(self.places.parse(article.text, doc))
        if self.max_mentions is not None and len(mentions) > self.max_mentions:
            raise InvalidInputError(
                f"the text names places {len(mentions)} times; an article may name them at most "
                f"{self.max_mentions} times",
                field="text",
            )
        dateline = next((m for m in mentions if m.role is MentionRole.DATELINE), None)
        if self.events is None:
            return Extraction(mentions=mentions, dateline=dateline)
        events, people = self.events.read_events(article, mentions, doc)
        # The dateline names where the report was filed; it is never a stop on its own.
        if dateline is not None and dateline.place is not None:
            events = [e for e in events if not (e.mention_start == dateline.start and e.mention_end == dateline.end)]
        return Extraction(mentions=mentions, events=tuple(events), people=tuple(people), dateline=dateline)

    def _shared_doc(self, text: str) -> Doc | None:
        """The event reader's parse of `text`, when the place reader reads one; else None."""
        if not self.share_parse or self.events is None or not self.places.reads_documents or not text.strip():
            return None
        return self.events.parse_document(text)
