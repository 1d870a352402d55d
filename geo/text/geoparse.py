"""The geoparser: recognition then resolution, the place reader of the article pipeline."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from geo.gazetteer.base import Gazetteer
from geo.model import Mention, MentionRole
from geo.text.lookup import CandidateLookup
from geo.text.recognize import PlaceRecognizer
from geo.text.resolve import ResolutionWeights, resolve_mentions, venue_namesakes

__all__ = ["Geoparser"]


class Geoparser:
    """Finds the place mentions of a text and resolves each to a gazetteer place.

    Demonyms always inform resolution (a story about Russians is about Russia); they are in the
    output only with `include_demonyms`.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        use_ner: bool = True,
        include_demonyms: bool = False,
        weights: ResolutionWeights = ResolutionWeights(),
    ) -> None:
        self.gazetteer = gazetteer
        self.include_demonyms = include_demonyms
        self.weights = weights
        self.lookup = CandidateLookup(gazetteer)
        self.recognizer = PlaceRecognizer(gazetteer, use_ner=use_ner, include_demonyms=True, lookup=self.lookup)

    @property
    def reads_documents(self) -> bool:
        """A parsed document is read for its named entities, which only the NER reading looks for."""
        return self.recognizer.use_ner

    def parse(self, text: str, doc: Doc | None = None) -> list[Mention]:
        """Every place mention of `text`, resolved where the gazetteer can place it."""
        found = self.recognizer.find_mentions(text, doc)
        mentions = self.resolve(text, found)
        namesakes = venue_namesakes(text, mentions)
        if namesakes:
            # Read again without them: a namesake pulls the other places towards its own region.
            mentions = self.resolve(text, [m for i, m in enumerate(found) if i not in namesakes])
        if self.include_demonyms:
            return mentions
        return [m for m in mentions if m.role is not MentionRole.DEMONYM]

    def resolve(self, text: str, mentions: Sequence[Mention]) -> list[Mention]:
        """Resolve given mentions (e.g. gold spans) in the context of `text`."""
        return resolve_mentions(text, mentions, self.gazetteer, lookup=self.lookup, weights=self.weights)
