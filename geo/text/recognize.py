"""Recognition: the place mentions of a text, found by the gazetteer and judged like a reader.

    text ──▶ gazetteer matcher (every name, one pass) ──▶ filters (capitals, English words,
         people, organisations, model numbers) ──▶ longest match wins ──▶ NER proposals for
         what the matcher missed ──▶ roles: DATELINE at the start, DEMONYM for "Russian"

Mentions come out unresolved (place=None); geo.text.resolve places them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from geo.gazetteer.base import Gazetteer
from geo.gazetteer.names import normalize_name
from geo.model import Mention, MentionRole
from geo.text.context import build_context
from geo.text.dateline import find_dateline
from geo.text.filters import judge_name
from geo.text.lookup import CandidateLookup, is_demonym
from geo.text.matcher import NameMatch, matcher_for, select_longest
from geo.text.nlp import PLACE_LABELS, TextAnalysis, analyse_text, analysis_from_doc
from geo.text.normalized_text import normalize_text

__all__ = ["PlaceRecognizer"]

_LEADING_ARTICLES = ("the ", "The ")
_POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    key: str
    role: MentionRole

    @property
    def length(self) -> int:
        return self.end - self.start


class PlaceRecognizer:
    """Finds place mentions in English text with a gazetteer, optionally helped by NER.

    `use_ner=False` is the fast mode: no spaCy model runs; person names are then read from
    titles and capitalised neighbours only. `include_demonyms` makes "Russian" a mention
    (role DEMONYM) in the output; demonyms are found either way, for `find_mentions`.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        use_ner: bool = True,
        include_demonyms: bool = False,
        lookup: CandidateLookup | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.use_ner = use_ner
        self.include_demonyms = include_demonyms
        self.lookup = lookup or CandidateLookup(gazetteer)

    def recognize(self, text: str, doc: Doc | None = None) -> list[Mention]:
        """The place mentions of `text`, in text order, unresolved."""
        mentions = self.find_mentions(text, doc)
        if self.include_demonyms:
            return mentions
        return [m for m in mentions if m.role is not MentionRole.DEMONYM]

    def find_mentions(self, text: str, doc: Doc | None = None) -> list[Mention]:
        """Every mention including demonyms, whatever `include_demonyms` says (signals for resolution)."""
        if not text.strip():
            return []
        analysis = self._analyse(text, doc)
        normalized = normalize_text(text)
        raw = matcher_for(self.gazetteer).find(normalized)
        context = build_context(text, analysis, known_place_words=frozenset(m.key for m in raw if " " not in m.key))
        dateline = find_dateline(text)

        accepted: list[NameMatch] = []
        for match in raw:
            is_dateline = dateline is not None and (match.start, match.end) == (dateline.start, dateline.end)
            candidates = self.lookup.candidates(match.key)
            if judge_name(match.key, match.start, match.end, candidates, context, dateline=is_dateline).accepted:
                accepted.append(match)
        chosen = select_longest(accepted)
        found = [self._role(m.start, m.end, m.key, dateline) for m in chosen]
        if analysis is not None:
            found.extend(self._ner_proposals(text, analysis, found))
        found.sort(key=lambda f: f.start)
        return [Mention(f.start, f.end, text[f.start : f.end], role=f.role) for f in found]

    def _analyse(self, text: str, doc: Doc | None) -> TextAnalysis | None:
        if doc is not None:
            return analysis_from_doc(doc)
        return analyse_text(text) if self.use_ner else None

    def _role(self, start: int, end: int, key: str, dateline) -> _Found:
        if dateline is not None and (start, end) == (dateline.start, dateline.end):
            return _Found(start, end, key, MentionRole.DATELINE)
        if is_demonym(self.lookup.candidates(key)):
            return _Found(start, end, key, MentionRole.DEMONYM)
        return _Found(start, end, key, MentionRole.PLACE)

    def _ner_proposals(self, text: str, analysis: TextAnalysis, found: list[_Found]) -> list[_Found]:
        """GPE/LOC/FAC entities the matcher did not find, when the gazetteer knows them."""
        proposals: list[_Found] = []
        for entity in analysis.entities:
            if entity.label not in PLACE_LABELS:
                continue
            start, end = _trim_entity(text, entity.start, entity.end)
            if any(start < f.end and f.start < end for f in found + proposals):
                continue
            key = normalize_name(text[start:end])
            if not key or not text[start].isupper() or not self.lookup.candidates(key):
                continue
            proposals.append(self._role(start, end, key, None))
        return proposals


def _trim_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive: "the Black Sea's" -> "Black Sea"."""
    for article in _LEADING_ARTICLES:
        if text.startswith(article, start) and end - start > len(article):
            start += len(article)
    for possessive in _POSSESSIVES:
        if text.endswith(possessive, start, end) and end - start > len(possessive):
            end -= len(possessive)
            break
    return start, end
