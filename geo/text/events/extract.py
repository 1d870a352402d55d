"""Event extraction: an article and its resolved place mentions in, who was where and when out.

    article text ─▶ parse (spaCy: tags, dependencies, lemmas, entities)
                 ─▶ cast of people (names grouped, titles stripped) ─▶ coreference
                 ─▶ triggers ─▶ for each: status · participants · governed places · date
                 ─▶ one Event per participant and place, with evidence and confidence

Places come only from the geoparser's mentions (role PLACE, resolved): the dateline and demonyms
are never event places, and a place mentioned in a sentence is used only when a trigger governs it.

One exception carries a place over: a visit or tour of a facility that names no town ("Kim
visited a facility producing passenger planes, accompanied by Manturov") happened where its actor
had just been, if an event of that actor that happened is told at most `_SETTING_SENTENCES`
sentences before. Such events carry lower confidence (PathRole.SETTING).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from geo.errors import InvalidInputError
from geo.model import ArticleText, DateInterval, Event, EventStatus, Mention
from geo.text.events.confidence import event_confidence
from geo.text.events.coreference import Coreference
from geo.text.events.dating import ArticleDates, DateSource, EventDate
from geo.text.events.governance import GovernedPlace, PathRole, PlaceIndex, governed_places
from geo.text.events.lexicon import FACILITY_NOUNS
from geo.text.events.parsing import parse_text
from geo.text.events.participants import Participants, participants_of
from geo.text.events.people import Cast, find_cast
from geo.text.events.status import event_status
from geo.text.events.triggers import Trigger, TriggerKind, find_triggers

__all__ = ["EventExtractor"]

_SETTING_SENTENCES = 4
# "The two leaders later flew to Berlin": a step after the one told, not on its date.
_SEQUENCE_ADVERBS = frozenset(["later", "then", "afterwards", "afterward", "subsequently", "next"])


class EventExtractor:
    """Reads the events of an article: the EventReader stage of `geo.pipeline.ArticlePipeline`.

    `parse` turns text into a spaCy Doc with a dependency parse and lemmas; the default loads
    the English model once per process. Events below `min_confidence` are left out.
    """

    def __init__(self, *, parse: Callable[[str], Doc] = parse_text, min_confidence: float = 0.0) -> None:
        self.parse = parse
        self.min_confidence = min_confidence

    def read_events(self, article: ArticleText, mentions: Sequence[Mention]) -> tuple[list[Event], list[str]]:
        """The events of `article` and the canonical names of the people it speaks of."""
        if not isinstance(article.text, str):
            raise InvalidInputError("article text must be a string", field="text")
        if not article.text.strip():
            return [], []
        doc = self.parse(article.text)
        cast = find_cast(doc, mentions)
        events = _ArticleReading(doc, article, mentions, cast).events()
        kept = [e for e in events if e.confidence >= self.min_confidence]
        return kept, [person.name for person in cast.people]


class _ArticleReading:
    """The state of reading one article: its parse, cast, places and dates."""

    def __init__(self, doc: Doc, article: ArticleText, mentions: Sequence[Mention], cast: Cast) -> None:
        self.doc = doc
        self.article = article
        self.cast = cast
        self.coref = Coreference(doc, cast)
        self.places = PlaceIndex(doc, mentions, frozenset(cast.token_person))
        self.dates = ArticleDates(doc, article.published)
        self.triggers = find_triggers(doc) if self.places else []
        self.trigger_tokens = frozenset(t.token.i for t in self.triggers)
        # (sentence, actor, where, when) of every event that happened, for carried settings.
        self._settings: list[tuple[int, str, GovernedPlace, EventDate]] = []

    def events(self) -> list[Event]:
        events: list[Event] = []
        for trigger in self.triggers:
            events.extend(self._events_of(trigger, [e.date for e in events]))
        return _merge_duplicates(events)

    def _events_of(self, trigger: Trigger, earlier: list[DateInterval]) -> list[Event]:
        status = event_status(trigger)
        if status is None:
            return []
        participants = participants_of(trigger, self.coref)
        if not participants.actors:
            return []
        governed = governed_places(trigger, self.places)
        when = self._date(trigger, status, participants, earlier)
        if not governed:
            carried = self._setting(trigger, status, participants)
            if carried is None:
                return []
            governed = [carried[0]]
            if when.source == DateSource.NONE:
                when = carried[1]
        published = self.article.published
        if (
            status is EventStatus.OCCURRED
            and published is not None
            and when.interval.start is not None
            and when.interval.start > published
        ):
            # A present-tense verb with a date to come ("Kim travels to Moscow next week").
            status = event_status(trigger, future_date=True) or status
            when = self._date(trigger, status, participants, earlier)
        sentence = self.coref.sentence_index(trigger.token)
        if status is EventStatus.OCCURRED:
            for place in governed:
                self._settings.extend((sentence, p.name, place, when) for p in participants.actors)
        return [event for place in governed for event in self._events_at(trigger, place, participants, status, when)]

    def _setting(
        self, trigger: Trigger, status: EventStatus, participants: Participants
    ) -> tuple[GovernedPlace, EventDate] | None:
        """Where a visit to an unnamed facility happened: where its actor just was, if told."""
        token = trigger.token
        if trigger.nominal or status is not EventStatus.OCCURRED or trigger.sense.kind is not TriggerKind.MOTION:
            return None
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in FACILITY_NOUNS for c in token.children):
            return None
        sentence = self.coref.sentence_index(token)
        names = {p.name for p in participants.actors}
        for told_sentence, actor, where, when in reversed(self._settings):
            if sentence - told_sentence > _SETTING_SENTENCES:
                break
            if actor in names and told_sentence < sentence:
                return GovernedPlace(where.mention, where.place, where.depth, PathRole.SETTING), when
        return None

    def _date(
        self, trigger: Trigger, status: EventStatus, participants: Participants, earlier: list[DateInterval]
    ) -> EventDate:
        when = self.dates.date_for(trigger.token, status, other_triggers=self.trigger_tokens, earlier=earlier)
        sentence = self.coref.sentence_index(trigger.token)
        if (
            when.source == DateSource.NONE
            and status is EventStatus.OCCURRED
            and participants.group_sentence is not None
            and participants.group_sentence != sentence
            and not any(c.lower_ in _SEQUENCE_ADVERBS for c in trigger.token.children)
        ):
            # "Putin on Friday briefed Lukashenko ... During their meeting in Sochi": the
            # meeting is the one just told, on that sentence's date.
            carried = self.dates.main_clause_date(participants.group_sentence)
            if carried is not None:
                return EventDate(carried, DateSource.CARRIED)
        return when

    def _events_at(
        self,
        trigger: Trigger,
        governed: GovernedPlace,
        participants: Participants,
        status: EventStatus,
        when: EventDate,
    ) -> list[Event]:
        evidence, start, end = _evidence(trigger.token.sent)
        everyone = participants.everyone
        events = []
        for person in everyone:
            companion = person not in participants.actors
            confidence = event_confidence(
                strength=trigger.sense.strength,
                depth=governed.depth,
                role=governed.role,
                actor_how="companion" if companion else participants.how,
                companion=companion,
                status=status,
                date_source=when.source,
                place_confidence=governed.mention.confidence,
            )
            events.append(
                Event(
                    actor=person.name,
                    action=trigger.lemma,
                    place=governed.place,
                    status=status,
                    date=when.interval,
                    evidence=evidence,
                    evidence_start=start,
                    evidence_end=end,
                    confidence=confidence,
                    co_actors=tuple(p.name for p in everyone if p is not person),
                    mention_start=governed.mention.start,
                    mention_end=governed.mention.end,
                )
            )
        return events


def _evidence(sentence: Span) -> tuple[str, int, int]:
    """The sentence's text without surrounding white space, and its character offsets."""
    raw = sentence.text
    start = sentence.start_char + (len(raw) - len(raw.lstrip()))
    text = raw.strip()
    return text, start, start + len(text)


def _merge_duplicates(events: list[Event]) -> list[Event]:
    """One event per actor, place, status and date: the first told, with the best confidence.

    An undated event is dropped when the same actor has a dated one at that place with that
    status: "Biden visited Kyiv on Monday ... Biden's trip to Kyiv" is one stop.
    """
    merged: dict[tuple, Event] = {}
    for event in events:
        key = (event.actor, event.place.place_id, event.status, event.date.iso(), event.date.precision)
        kept = merged.get(key)
        if kept is None:
            merged[key] = event
        elif event.confidence > kept.confidence:
            merged[key] = replace(kept, confidence=event.confidence)
    dated = {(e.actor, e.place.place_id, e.status) for e in merged.values() if e.date.iso() is not None}
    return [
        e for e in merged.values() if e.date.iso() is not None or (e.actor, e.place.place_id, e.status) not in dated
    ]
