"""Event extraction: an article and its resolved place mentions in, who was where and when out.

    article text ─▶ parse (spaCy: tags, dependencies, lemmas, entities)
                 ─▶ cast of people (names grouped, titles stripped) ─▶ coreference
                 ─▶ triggers ─▶ for each: status · participants · governed places · date
                 ─▶ one Event per participant and place, with evidence and confidence

Places come only from the geoparser's mentions (role PLACE, resolved): the dateline and demonyms
are never event places, and a place mentioned in a sentence is used only when a trigger governs it.

Places are carried over in three cases, each with lower confidence (PathRole.SETTING):

- a visit or tour of a facility that names no town ("Kim visited a facility producing passenger
  planes, accompanied by Manturov") happened where its actor had just been, if an event of that
  actor that happened is told at most `_SETTING_SENTENCES` sentences before;
- a motion verb with no complement at all ("He is expected to arrive on Monday") and a meeting
  that names no place ("will meet with President Saakashvili") happen at the destination of the
  actor's trip with the same status told in the sentences just before (a trip in the same
  sentence is its frame, not a step before: "Since entering Russia, Kim has met Putin" says
  nothing of where); a meeting with no trip before it happens in
  the country of the actor's trip told just after ("... will meet with the president. He will
  also travel to Gori" -> Georgia), when the article names that country.

A performance that names no place ("It featured performances by Peter Gabriel") happens at the
gathering told in its sentence or the one before ("attended the concert in Johannesburg"). A
gathering named again with no place ("came to the ceremony", "At the meeting, she said",
"attended yesterday's service") is where the sentences before told it, on its date: the latest
gathering of the same name, or with none the latest under another name ("gathered for a memorial
service in Boscawen").

Headlines: the first sentence is a headline when the dateline follows it, when it is in title
case, or in headlinese (a bare person noun as subject: "Doctor returns to Newark"). Headlines
put past and planned events in the present, so a headline event the body tells again (same actor
and place) gives way to the body's telling; one the body leaves untold is kept.

A habit in the present ("Today she skates in Innisfail") is kept beside a dated past event at
the same place ("the move back to Innisfail in 2015"): a stay going on, not the arrival. An
occupation apposed to a name takes no date from the clause around it.

A plan told in the past for a time already past ("was scheduled to fly from Newark to Paris
last month") is no plan any more: its stops happened if the text later has the actor at one
of its places ("She eventually made it to Paris"), and are left out otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from geo.errors import InvalidInputError
from geo.geodesy import distance_km
from geo.model import ArticleText, DateInterval, Event, EventStatus, Mention, MentionRole, Place, Precision
from geo.text.events.candidates import Candidate, CandidateReader
from geo.text.events.confidence import event_confidence
from geo.text.events.coreference import Coreference, is_bare_description_subject
from geo.text.events.credits import CREDIT_ACTION, credited_reporters
from geo.text.events.dating import ArticleDates, DateSource, EventDate, lasted_years
from geo.text.events.governance import GovernedPlace, PathRole, PlaceIndex, county_holds, governed_places
from geo.text.events.grammar import clause_verb
from geo.text.events.lexicon import (
    EVENT_NOUNS,
    FACILITY_NOUNS,
    GATHERING_VERBS,
    INCIDENT_NOUNS,
    INCIDENT_VERBS,
    INJURY_VERBS,
    LOCAL_VENUE_NOUNS,
    PLANNING_HEADS,
    STREET_NOUNS,
    VEHICLE_NOUNS,
    lemma_in,
)
from geo.text.events.parsing import is_passive, parse_text, span_root
from geo.text.events.participants import Participants, participants_of
from geo.text.events.people import Cast, find_cast
from geo.text.events.status import event_status, status_at
from geo.text.events.stop_model import StopModel, default_stop_model
from geo.text.events.triggers import (
    SETTING_PREPS,
    ObjectReading,
    Trigger,
    TriggerKind,
    befalls_in_incident,
    compass_settings,
    custody_told,
    find_triggers,
    gathering_told_again,
    introduces_someone,
    is_located_occupation,
    is_misread_present_verb,
    is_where_relative,
    lists_those_present,
    police_force_places,
    settings_of,
    where_antecedent,
)

__all__ = ["EventExtractor", "events_of_candidates"]

_SETTING_SENTENCES = 4
# The sentences that set a news story's scene: its lede.
_LEDE_SENTENCES = 3
# A year, which dates a harm to a time a dateline does not speak for.
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
# A dateline town larger than this may be a wire's bureau rather than the scene of local news.
_LOCAL_DATELINE_POPULATION = 300_000
# How far back the incident a harm befell someone in may be told.
_INCIDENT_SENTENCES = 2
# The prepositions that tell where an incident happened: "shot outside a bar in Leeds".
_INCIDENT_PREPS = frozenset(["in", "at", "near", "outside", "inside", "on", "along", "off", "into"])
_PERFORMANCE_NOUNS = frozenset(["performance"])
# The places a police force is named after that bound where it arrests: a town or a county.
_POLICED = frozenset({Precision.CITY, Precision.ADMIN2})
# "The two leaders later flew to Berlin": a step after the one told, not on its date.
_SEQUENCE_ADVERBS = frozenset(["later", "then", "afterwards", "afterward", "subsequently", "next"])
# Words that put a plan's time in the past: "was scheduled to fly last month".
_PAST_TIME_WORDS = frozenset(["last", "yesterday", "ago", "earlier", "previously"])
# A credit line's formula is the wire's own: as plain a statement of where as "arrived in".
_CREDIT_STRENGTH = 0.8
_SHIPPED = object()  # EventExtractor's default: the stop model shipped in the package


class EventExtractor:
    """Reads the events of an article: the EventReader stage of `geo.pipeline.ArticlePipeline`.

    `parse` turns text into a spaCy Doc with a dependency parse and lemmas; the default loads
    the English model once per process. Events below `min_confidence` are left out.

    `stop_model` weighs every (person, place) pairing of the article, the trigger rules' events
    among them (`candidates`); the events are the pairings it finds likely, with its
    probability as their confidence. By default it is the model shipped in the package;
    None reads the trigger rules' events alone.
    """

    def __init__(
        self,
        *,
        parse: Callable[[str], Doc] = parse_text,
        min_confidence: float = 0.0,
        stop_model: StopModel | object | None = _SHIPPED,
    ) -> None:
        self.parse = parse
        self.min_confidence = min_confidence
        self.stop_model: StopModel | None = default_stop_model() if stop_model is _SHIPPED else stop_model  # type: ignore[assignment]

    def parse_document(self, text: str) -> Doc:
        """The parse `read_events` reads, for a pipeline to share with the geoparser."""
        return self.parse(text)

    def read_events(
        self, article: ArticleText, mentions: Sequence[Mention], doc: Doc | None = None
    ) -> tuple[list[Event], list[str]]:
        """The events of `article` and the canonical names of the people it speaks of.

        `doc` is the article's parse when the caller has it (from `parse_document`).
        """
        if not isinstance(article.text, str):
            raise InvalidInputError("article text must be a string", field="text")
        if not article.text.strip():
            return [], []
        reading = self._reading(article, mentions, doc)
        tellings = reading.tellings()
        model = self.stop_model
        events = reading.merged(tellings) if model is None else reading.weighed(tellings, model)
        kept = [e for e in events if e.confidence >= self.min_confidence]
        return kept, [person.name for person in reading.cast.people]

    def read_candidates(
        self, article: ArticleText, mentions: Sequence[Mention], doc: Doc | None = None
    ) -> list[Candidate]:
        """Every (person, place) pairing of the article with its features: what the stop model
        weighs, and what it is trained on."""
        if not isinstance(article.text, str):
            raise InvalidInputError("article text must be a string", field="text")
        if not article.text.strip():
            return []
        reading = self._reading(article, mentions, doc)
        return reading.candidates(reading.tellings())

    def _reading(self, article: ArticleText, mentions: Sequence[Mention], doc: Doc | None) -> _ArticleReading:
        if doc is None or doc.text != article.text:
            doc = self.parse(article.text)
        return _ArticleReading(doc, article, mentions, find_cast(doc, mentions))


class _ArticleReading:
    """The state of reading one article: its parse, cast, places and dates."""

    def __init__(self, doc: Doc, article: ArticleText, mentions: Sequence[Mention], cast: Cast) -> None:
        self.doc = doc
        self.article = article
        self.mentions = mentions
        self.cast = cast
        self.headline_end = _headline_end(doc, mentions)
        self.coref = Coreference(doc, cast, headline_end=self.headline_end)
        self.places = PlaceIndex(doc, mentions, frozenset(cast.token_person))
        self.dates = ArticleDates(doc, article.published)
        self.triggers = find_triggers(doc) if self.places else []
        self.trigger_tokens = frozenset(t.token.i for t in self.triggers)
        # (sentence, actor, where, when) of every event that happened, for carried settings.
        self._settings: list[tuple[int, str, GovernedPlace, EventDate]] = []
        # (sentence, actor, status, where) of every trip, for placeless meetings and arrivals.
        self._trips: list[tuple[int, str, EventStatus, GovernedPlace]] = []
        # (actor, place id, evidence start) of habits told in the present ("she skates in X").
        self._habits: set[tuple[str, str, int]] = set()

    def merged(self, tellings: list[Event]) -> list[Event]:
        """One event per stop of the tellings (`_merge_duplicates`)."""
        return _merge_duplicates(tellings, self._habits)

    def tellings(self) -> list[Event]:
        """Every telling the trigger rules read, before the tellings of one stop become one event:
        the stop model weighs each telling with its own grammar, and merges what it keeps."""
        events: list[Event] = []
        self._placeless: list[tuple[Trigger, EventStatus, Participants, EventDate]] = []
        self._past_plans: list[Event] = []
        for trigger in self.triggers:
            events.extend(self._events_of(trigger, [e.date for e in events]))
        for trigger, status, participants, when in self._placeless:
            carried = self._trip_setting(trigger, status, participants)
            if carried is not None:
                events.extend(self._events_at(trigger, carried, participants, status, when))
        events.extend(_confirmed(self._past_plans, events))
        events.extend(self._credited_reporters())
        return _without_repeated_headline(events, self.headline_end)

    def _credited_reporters(self) -> list[Event]:
        """Reporters a wire's credit line places ("Josh Dubow in San Francisco contributed to
        this report"): there for the story, on no date the line gives."""
        events = []
        credits = credited_reporters(self.doc, self.cast, lambda i: self.places.mention_at(self.doc[i]))
        for person, mention, sentence in credits:
            confidence = event_confidence(
                strength=_CREDIT_STRENGTH,
                depth=1,
                role=PathRole.HEAD,
                actor_how="name",
                companion=False,
                status=EventStatus.OCCURRED,
                date_source=DateSource.NONE,
                place_confidence=mention.confidence,
            )
            events.append(
                _event_told(
                    person.name,
                    CREDIT_ACTION,
                    mention,
                    mention.place,
                    EventStatus.OCCURRED,
                    DateInterval(),
                    sentence,
                    confidence,
                )
            )
        return events

    def candidates(self, rule_events: Sequence[Event]) -> list[Candidate]:
        reader = CandidateReader(
            self.doc,
            self.cast,
            self.coref,
            self.mentions,
            self.dates,
            text=self.article.text,  # the parse's own text (`_reading`), which spaCy would join anew
            headline_end=self.headline_end,
            trigger_tokens=self.trigger_tokens,
        )
        return reader.candidates(rule_events)

    def weighed(self, rule_events: Sequence[Event], model: StopModel) -> list[Event]:
        """The pairings `model` finds likely enough, as events with its probability."""
        candidates = self.candidates(rule_events)
        return events_of_candidates(candidates, model.probabilities([c.features for c in candidates]), model.threshold)

    def _events_of(self, trigger: Trigger, earlier: list[DateInterval]) -> list[Event]:
        status = event_status(trigger)
        if status is None:
            return []
        participants = participants_of(trigger, self.coref)
        if not participants.actors and not _meets_someone(trigger, participants):
            return []
        governed = governed_places(trigger, self.places)
        gathering: list[GovernedPlace] = []
        if governed and all(self._left_from(trigger, place) for place in governed):
            # "who came from Camp Lejeune for the service": the gathering told before is where
            # the journey went, beside where it set out from.
            gathering = self._gathering_told_before(trigger)
            governed = governed + gathering
        when = self._date(trigger, status, participants, earlier)
        if gathering and when.source == DateSource.NONE:
            when = self._date_told_with(gathering[0], status) or when
        if not governed and trigger.nominal and trigger.lemma in _PERFORMANCE_NOUNS:
            governed = self._gathering_setting(trigger)
        if not governed and not trigger.nominal:
            if lists_those_present(trigger.token):
                # The list is of those at the gathering just told.
                governed = self._gathering_setting(trigger) or self._latest_setting(trigger)
            else:
                governed = (
                    self._gathering_told_before(trigger)
                    or self._scene_of_incident(trigger)
                    or self._scene_of_introduction(trigger)
                    or self._town_of_the_police(trigger)
                    or self._town_of_local_venue(trigger, status)
                )
            if governed and when.source == DateSource.NONE:
                when = self._date_told_with(governed[0], status) or when
        if not governed:
            carried = self._setting(trigger, status, participants)
            if carried is None:
                if _takes_trip_setting(trigger, participants):
                    self._placeless.append((trigger, status, participants, when))
                return []
            governed = [carried[0]]
            if when.source == DateSource.NONE:
                when = carried[1]
        if status is EventStatus.OCCURRED and self.dates.after_publication(when.interval):
            status = event_status(trigger, future_date=True) or status
            when = self._date(trigger, status, participants, earlier)
        sentence = self.coref.sentence_index(trigger.token)
        if status is EventStatus.OCCURRED:
            for place in governed:
                self._settings.extend((sentence, p.name, place, when) for p in participants.actors)
        if trigger.sense.kind is TriggerKind.MOTION and not trigger.nominal:
            for place in governed:
                self._trips.extend((sentence, p.name, status, place) for p in participants.actors)
        events = [
            event
            for place in governed
            for event in self._events_at(trigger, place, participants, self._status_at(trigger, place, status), when)
        ]
        if _is_present_habit(trigger, status) or (not trigger.nominal and lasted_years(trigger.token)):
            # A stay going on or a stretch of a life ("spent years working in London") is kept
            # beside a dated stop there ("met Steele in London in 2010"): they are two stops.
            self._habits.update((e.actor, e.place.gazetteer_id, e.evidence_start) for e in events)
        if status is EventStatus.PLANNED and self._is_past_plan(trigger, when):
            self._past_plans.extend(events)
            return []
        return events

    def _status_at(self, trigger: Trigger, governed: GovernedPlace, status: EventStatus) -> EventStatus:
        """The status at one of the trigger's places (`status.status_at`)."""
        if status is not EventStatus.PLANNED or trigger.nominal:
            return status
        root = span_root(self.doc, governed.mention.start, governed.mention.end)
        return status if root is None else status_at(status, trigger.token, root)

    def _gathering_setting(self, trigger: Trigger) -> list[GovernedPlace]:
        """Where a performance naming no place was: the gathering told in its sentence or the one
        before ("attended the concert in Johannesburg. It featured performances by ...")."""
        sentence = self.coref.sentence_index(trigger.token)
        for token in reversed(self.doc[: trigger.token.i]):
            if self.coref.sentence_index(token) < sentence - 1:
                break
            if token.pos_ != "NOUN" or token.lemma_.lower() not in EVENT_NOUNS:
                continue
            if placed := self._gathering_place(token):
                return placed
        return []

    def _date_told_with(self, where: GovernedPlace, status: EventStatus) -> EventDate | None:
        """The date of the gathering or the incident as the text told it, at the place it was told
        at (a dateline tells none: its sentence's date is the lede's)."""
        if where.mention.role is MentionRole.DATELINE:
            return None
        root = span_root(self.doc, where.mention.start, where.mention.end)
        if root is None:
            return None
        told = self.coref.sentence_index(root)
        carried = self.dates.main_clause_date(told, future=status is not EventStatus.OCCURRED)
        return None if carried is None else EventDate(carried, DateSource.CARRIED)

    def _left_from(self, trigger: Trigger, governed: GovernedPlace) -> bool:
        """Whether a motion verb governs the place as where it set out ("came from York")."""
        if trigger.nominal or trigger.sense.kind is not TriggerKind.MOTION:
            return False
        root = span_root(self.doc, governed.mention.start, governed.mention.end)
        return (
            root is not None and root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head == trigger.token
        )

    def _gathering_told_before(self, trigger: Trigger) -> list[GovernedPlace]:
        """Where a gathering the text names again was: the latest one of the same name the
        sentences before told ("will attend a fundraiser in Denver ... spoke at a rally in Ohio ...
        will also attend the fundraiser"), or, with none, the latest gathering told, under
        another name ("gathered for a memorial service in Boscawen ... came to the ceremony").
        With none that has a place, it is the gathering the story's lede set at its scene: a
        report of a funeral or a rally stays there ("came to yesterday's ceremony" twenty
        sentences after "hundreds gathered at the cemetery in Boscawen")."""
        noun = gathering_told_again(trigger)
        if noun is None:
            return []
        sentence = self.coref.sentence_index(trigger.token)
        told = [
            token
            for token in self.doc[: trigger.token.sent.start]
            if self.coref.sentence_index(token) >= sentence - _SETTING_SENTENCES and self._tells_gathering(token)
        ]
        same = [token for token in told if token.lemma_.lower() == noun.lemma_.lower()]
        antecedent = same[-1] if same else told[-1] if told else None
        placed = [] if antecedent is None else self._gathering_place(antecedent)
        return placed or self._scene_of_lede(before=trigger.token.sent.start)

    def _tells_gathering(self, token: Token) -> bool:
        """A gathering's noun, or a verb of people gathering where it puts them ("Hundreds
        gathered at the cemetery in Boscawen"; "rallied behind the mayor" puts them nowhere)."""
        return _names_gathering(token) and (token.pos_ == "NOUN" or bool(self._gathering_place(token)))

    def _scene_of_lede(self, *, before: int) -> list[GovernedPlace]:
        """The place of the first gathering the story's first sentences tell, if one has a place."""
        for token in self.doc[:before]:
            if self.coref.sentence_index(token) >= _LEDE_SENTENCES:
                break
            if _names_gathering(token) and (placed := self._gathering_place(token)):
                return placed
        return []

    def _gathering_place(self, gathering: Token) -> list[GovernedPlace]:
        """The place a gathering's noun or verb is told at: "attended the concert in Johannesburg",
        "the summit opened in Geneva", "a service was held in Boscawen" (the parser may hang the
        place on the verb), "hundreds gathered at the cemetery in Boscawen"."""
        holders = [gathering]
        if gathering.dep_ in ("dobj", "nsubj", "nsubjpass"):
            holders.append(gathering.head)
        elif gathering.dep_ == "pobj" and gathering.head.lower_ == "for" and gathering.head.dep_ == "prep":
            holders.append(gathering.head.head)  # "gathered for a funeral at the cemetery in Boscawen"
        if gathering.pos_ == "VERB" and not settings_of(gathering):
            # "Hundreds gathered to say goodbye to Cpl. Reed. They stood among gravestones at the
            # cemetery in Boscawen": where those gathered are told to be next.
            holders.extend(self._where_they_were_next(gathering))
        return self._place_of_phrases([prep for holder in holders for prep in settings_of(holder)])

    def _where_they_were_next(self, verb: Token) -> list[Token]:
        """The verb of the sentence after `verb`'s when "they" is its subject, and the nouns of its
        phrases ("stood among gravestones at the cemetery": the parser hangs "at" on the noun)."""
        sentence = verb.sent
        if sentence.end >= len(self.doc):
            return []
        root = self.doc[sentence.end].sent.root
        if not any(c.dep_ == "nsubj" and c.lower_ == "they" for c in root.children):
            return []
        return [root] + [p for prep in root.children if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj"]

    def _place_of_phrases(
        self, phrases: list[Token], venue_preps: frozenset[str] = SETTING_PREPS
    ) -> list[GovernedPlace]:
        """The first place `phrases` name (an agent's names none itself), or the town of the venue
        one names ("at the New Hampshire State Veterans Cemetery in Boscawen", "struck by a vehicle
        in Glasgow", "on Route 9 near Harrogate" with `venue_preps` taking "near")."""
        for phrase in phrases:
            for pobj in (p for p in phrase.children if p.dep_ == "pobj"):
                mention = self.places.mention_at(pobj)
                if phrase.dep_ == "prep" and mention is not None and mention.place is not None:
                    return [GovernedPlace(mention, mention.place, 3, PathRole.SETTING)]
                town = _town_of_venue(pobj, self.places, venue_preps)
                if town is not None:
                    return [GovernedPlace(town, town.place, 4, PathRole.SETTING)]
        return []

    def _town_of_the_police(self, trigger: Trigger) -> list[GovernedPlace]:
        """Where an arrest the text places nowhere was made: the town of the one police force the
        story names ("Alexandria Police went to the home ... Both were arrested"), as a town's
        police arrest in their town. Not when the story names forces of two towns."""
        if not custody_told(trigger.token):
            return []
        return self._police_town()

    def _police_town(self, told_in: Span | None = None) -> list[GovernedPlace]:
        """The town of the one police force the story names, where its arrests were made; and,
        when `told_in` is given, where an incident that sentence tells with the force happened
        ("Tom Reed was shot and killed Friday night, Leeds police said"): local news names the
        force that works the scene rather than the town again. A force told elsewhere in the
        story may have worked elsewhere ("A Delta police officer has been called to testify").
        Nothing when the story names forces of two towns."""
        if len(self._police_towns) != 1:
            return []
        (town,) = self._police_towns.values()
        if told_in is not None and not told_in.start_char <= town.start < told_in.end_char:
            return []
        return [GovernedPlace(town, town.place, 4, PathRole.SETTING)]

    def _town_of_local_venue(self, trigger: Trigger, status: EventStatus) -> list[GovernedPlace]:
        """Where an act at a local venue that names no town happened: the town of the one police
        force the story names, as a town's police report what happens in their town ("Leeds
        Police went to Tom Reed's home, where Anna Vance said she had gone"; "was shot at a bar on
        Main Street"), unless the story is filed from a town of its own (`_local_dateline`). Not
        when the story names forces of two towns, nor a venue with a town; not a plan or an
        attempt, nor what a car did near its owner's home."""
        verb = trigger.token
        if status is not EventStatus.OCCURRED:
            return []
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in VEHICLE_NOUNS for c in verb.children):
            return []
        venues = [
            pobj
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in _INCIDENT_PREPS | {"to"}
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
        if is_where_relative(verb) and (antecedent := where_antecedent(verb)) is not None:
            venues.append(antecedent)
        if not any(_local_venue(venue) for venue in venues):
            return []
        # A local dateline's town first: a force named in passing may be a neighbouring town's
        # ("CHARLESTON, W.Va. -- ... followed her into the Patrick Street restaurant", and later
        # "A Dunbar police officer pulled over a car").
        return self._local_dateline(verb) or self._police_town()

    @cached_property
    def _police_towns(self) -> dict[str, Mention]:
        """The towns (or counties) the story's police forces are named after, one mention each:
        read once for the article, however many arrests it tells."""
        towns: dict[str, Mention] = {}
        for word in police_force_places(self.doc):
            mention = self.places.mention_at(word)
            if mention is not None and mention.place is not None and mention.place.precision in _POLICED:
                towns.setdefault(mention.place.gazetteer_id, mention)
        return towns

    def _scene_of_introduction(self, trigger: Trigger) -> list[GovernedPlace]:
        """Where someone introduced to those present was: the gathering the story's lede reports
        ("Senator Dunn held a town hall meeting at Franklin Elementary in Santa Ana ... Dunn then
        introduced the next panelist, Rosemary Avila")."""
        if not introduces_someone(trigger.token):
            return []
        return self._scene_of_lede(before=trigger.token.sent.start)

    def _scene_of_incident(self, trigger: Trigger) -> list[GovernedPlace]:
        """Where "the scene" a trigger names, and places nowhere itself, is: the place of the
        latest incident the story told before it ("A man was shot outside a bar in Leeds ... The
        suspect was arrested at the scene", "pronounced dead at the scene", "visited the scene").
        A harm befalling someone with no place phrase of its own ("killed in a U.S. drone strike"
        has one) is where the incident its clause or the sentences just before told happened ("A
        crash near Leeds injured two people. Tom Reed and his passenger were ejected from the
        vehicle"). With no incident placed, either is at the dateline's place (`_local_dateline`),
        or else in the town of the police force its sentence names (`_police_town`)."""
        verb = trigger.token
        nouns = [c for c in verb.children if c.dep_ == "dobj"] + [
            pobj
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in ("at", "on", "to", "from")
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
        names_the_scene = any(
            noun.lower_ == "scene"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            and not _has_place_phrase(noun)
            for noun in nouns
        )
        if names_the_scene:
            earliest = 0
        elif befalls_in_incident(verb) and not _has_place_phrase(verb):
            # "was killed when his car went off the road near Harrogate": the clause that tells
            # the incident; else an incident the sentences just before told.
            for clause in (c for c in verb.children if c.dep_ == "advcl"):
                when = any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as") for m in clause.children)
                if when and (placed := self._place_of_incident(clause)):
                    return placed
            first_sentence = max(0, self.coref.sentence_index(verb) - _INCIDENT_SENTENCES)
            earliest = self.dates.sentences[first_sentence].start
        else:
            return []
        for token in reversed(self.doc[earliest : verb.i]):
            lemma = token.lemma_.lower()
            # An incident is told by its noun, its verb or the harm it did ("died after being
            # struck by a vehicle in Glasgow").
            told = (token.pos_ == "NOUN" and lemma in INCIDENT_NOUNS) or (
                token.pos_ == "VERB" and lemma in INCIDENT_VERBS | INJURY_VERBS
            )
            if told and (placed := self._place_of_incident(token)):
                return placed
        return self._local_dateline(verb) or self._police_town(told_in=verb.sent)

    def _local_dateline(self, verb: Token) -> list[GovernedPlace]:
        """The dateline's place, for an incident the story places nowhere else: a report of a crash
        or a shooting that names no town is of the town it was filed from ("RUSSELLVILLE, Ark. --
        Tom Reed was killed when his car went off the ramp"), as local news writes; not a harm the
        text dates to another year ("his father died in 1990")."""
        dateline = self.places.dateline
        if dateline is None or any(t.ent_type_ == "DATE" and _YEAR.search(t.text) for t in verb.subtree):
            return []
        if dateline.place.population > _LOCAL_DATELINE_POPULATION:
            return []  # a wire's bureau: "SAN FRANCISCO -- ... Mixon was fatally shot" (in Oakland)
        return [GovernedPlace(dateline, dateline.place, 2, PathRole.SETTING)]

    def _place_of_incident(self, incident: Token) -> list[GovernedPlace]:
        """The place an incident's noun or verb is told at: "shot outside a bar in Leeds", "a fire
        broke out at a warehouse in Leeds", "killed in a crash near Harrogate", "struck by a
        vehicle in Glasgow" (the parser hangs the place on the agent)."""
        holders = [incident]
        if incident.dep_ in ("dobj", "nsubj", "nsubjpass"):
            holders.append(incident.head)
        phrases = [
            c
            for holder in holders
            for c in holder.children
            if (c.dep_ == "prep" and c.lower_ in _INCIDENT_PREPS) or c.dep_ == "agent"
        ] + [of for holder in holders for of in compass_settings(holder)]
        return self._place_of_phrases(phrases, SETTING_PREPS | {"near"})

    def _latest_setting(self, trigger: Trigger) -> list[GovernedPlace]:
        """Where the story last put anyone, in the sentence or the one before: the scene a list of
        those present speaks of ("Ned Lamont appeared at the Harwinton Senior Center. Notables
        among the crowd included ...")."""
        sentence = self.coref.sentence_index(trigger.token)
        for told_sentence, _, where, _ in reversed(self._settings):
            if told_sentence < sentence - 1:
                break
            if told_sentence <= sentence:
                return [_as_setting(where)]
        return []

    def _is_past_plan(self, trigger: Trigger, when: EventDate) -> bool:
        """A plan told in the past for a time already past: "was scheduled to fly ... last month",
        "was to fly ... last month"."""
        head = trigger.token
        while head.dep_ == "xcomp" and head.head.i != head.i:
            head = head.head
        if head is trigger.token or not (lemma_in(head, PLANNING_HEADS) or head.lemma_.lower() == "be"):
            return False
        auxiliaries = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
        if not (head.tag_ == "VBD" or (head.tag_ == "VBN" and auxiliaries & {"was", "were", "had"})):
            return False
        published = self.article.published
        if published is not None and when.interval.end is not None:
            return when.interval.end < published
        return any(t.lower_ in _PAST_TIME_WORDS for t in trigger.token.subtree)

    def _trip_setting(self, trigger: Trigger, status: EventStatus, participants: Participants) -> GovernedPlace | None:
        """Where a placeless meeting or arrival happens: the actor's trip told next to it."""
        sentence = self.coref.sentence_index(trigger.token)
        names = {p.name for p in participants.actors}
        trips = [t for t in self._trips if t[1] in names and t[2] is status]
        before = [t for t in trips if sentence - _SETTING_SENTENCES <= t[0] < sentence]
        if before:
            where = before[-1][3]
            return _as_setting(where)
        if trigger.sense.kind is not TriggerKind.MEETING:
            return None
        after = [t for t in trips if sentence < t[0] <= sentence + _SETTING_SENTENCES]
        if not after:
            return None
        country = self.places.country_mention(after[0][3].place.country)
        return None if country is None else GovernedPlace(country, country.place, 2, PathRole.SETTING)

    def _setting(
        self, trigger: Trigger, status: EventStatus, participants: Participants
    ) -> tuple[GovernedPlace, EventDate] | None:
        """Where an act whose sentence names no place happened, when an earlier sentence tells it:
        a visit to an unnamed facility, where its actor just was; being accompanied, joined or
        welcomed ("He was accompanied by Governor Kahiga"), where those present just were."""
        token = trigger.token
        if trigger.nominal or status is not EventStatus.OCCURRED:
            return None
        if trigger.sense.reading is ObjectReading.COMPANION and _joined_by(token) and participants.companions:
            names = {p.name for p in participants.everyone}
        elif trigger.sense.kind is TriggerKind.MOTION and any(
            c.dep_ == "dobj" and c.lemma_.lower() in FACILITY_NOUNS for c in token.children
        ):
            names = {p.name for p in participants.actors}
        else:
            return None
        sentence = self.coref.sentence_index(token)
        for told_sentence, actor, where, when in reversed(self._settings):
            if sentence - told_sentence > _SETTING_SENTENCES:
                break
            if actor in names and told_sentence < sentence:
                return _as_setting(where), when
        return None

    def _date(
        self, trigger: Trigger, status: EventStatus, participants: Participants, earlier: list[DateInterval]
    ) -> EventDate:
        if is_located_occupation(trigger.token):
            # An apposition describes, it does not narrate: the clause's date is not its date.
            return EventDate(DateInterval(), DateSource.NONE)
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
                _event_told(
                    person.name,
                    trigger.lemma,
                    governed.mention,
                    governed.place,
                    status,
                    when.interval,
                    trigger.token.sent,
                    confidence,
                    co_actors=tuple(p.name for p in everyone if p is not person),
                )
            )
        return events


def _names_gathering(token: Token) -> bool:
    """A gathering's noun ("the funeral") or a verb of people gathering ("hundreds gathered")."""
    lemma = token.lemma_.lower()
    return (token.pos_ == "NOUN" and lemma in EVENT_NOUNS) or (token.pos_ == "VERB" and lemma in GATHERING_VERBS)


def _has_place_phrase(token: Token) -> bool:
    """Whether `token` has a place phrase of its own: "killed in a U.S. drone strike", "killed at
    the apartment" (a venue the text may place elsewhere), "wounded in the leg", "the scene of
    the crash in Leeds"."""
    return any(c.dep_ == "prep" and c.lower_ in _INCIDENT_PREPS for c in token.children)


def _town_of_venue(venue: Token, places: PlaceIndex, preps: frozenset[str] = SETTING_PREPS) -> Mention | None:
    """The place a venue the gazetteer does not know is told in: "the cemetery in Boscawen"; or
    the town an address writes after its street ("in Seaton Street, Edmonton"), which the parser
    seldom hangs on the street."""
    if venue.pos_ not in ("NOUN", "PROPN"):
        return None
    if venue.lower_ in STREET_NOUNS:
        # The street's noun closes its name: the town is the name right after its comma.
        doc = venue.doc
        if venue.i + 2 < len(doc) and doc[venue.i + 1].text == ",":
            town = places.mention_at(doc[venue.i + 2])
            if town is not None and town.place is not None:
                return town
    for pobj in (p for prep in venue.children if prep.dep_ == "prep" and prep.lower_ in preps for p in prep.children):
        if pobj.dep_ != "pobj":
            continue
        mention = places.mention_at(pobj)
        if mention is not None and mention.place is not None:
            return mention
    return None


def _local_venue(noun: Token) -> bool:
    """A home, a shop or a street of a town, told without the town: "Tom Reed's home", "a
    convenience store on Main Street", "the apartment"."""
    if noun.pos_ == "NOUN" and noun.lemma_.lower() in LOCAL_VENUE_NOUNS:
        return True
    return noun.pos_ == "PROPN" and noun.lower_ in STREET_NOUNS


def _joined_by(verb: Token) -> bool:
    """A passive of keeping company with an agent ("was accompanied by", "was joined by", "was
    welcomed by"), or "accompanying": someone was with the subject, wherever the subject was."""
    if verb.lemma_.lower() == "accompany":
        return True
    return is_passive(verb) and any(c.dep_ == "agent" for c in verb.children)


def _meets_someone(trigger: Trigger, participants: Participants) -> bool:
    """Whether the trigger meets, hosts or welcomes someone the text names. The one met was there
    even when whoever met them is no one the text names: "The delegation met Omar Haddad in
    Berlin", "Since meeting Aleppo's mayor in Paris, the city has ..."."""
    return trigger.sense.reading is ObjectReading.COMPANION and bool(participants.companions)


def events_of_candidates(
    candidates: Sequence[Candidate], probabilities: Sequence[float], threshold: float
) -> list[Event]:
    """The events of the candidates whose probability reaches `threshold`, one per stop.

    News tells one stop many times ("arrived in Jakarta ... her trial in Jakarta ... the
    Jakarta court"): the tellings of one person at one place with one status become one event
    unless the text dates them apart ("Vladivostok in 2019" and "Vladivostok in 2023"); it
    takes the likeliest telling's date, or the likeliest date the text states.
    """
    probabilities = _shared_by_coordination(candidates, probabilities)
    kept = sorted(
        ((p, c) for c, p in zip(candidates, probabilities, strict=True) if p >= threshold),
        key=lambda pair: -pair[0],
    )
    # The county a story's scene is in adds nothing to a stop the person has in a town of it
    # ("arrested in Richmond" and, by the scene, "in Madison County"): the town is the stop.
    kept = [(p, c) for p, c in kept if not _scene_around_a_town(c, [other for _, other in kept])]
    groups: list[list[tuple[float, Candidate]]] = []
    for probability, candidate in kept:
        group = next((g for g in groups if _same_stop(g[0][1], candidate)), None)
        if group is None:
            groups.append([(probability, candidate)])
        else:
            group.append((probability, candidate))
    events = []
    for group in groups:
        probability, best = group[0]
        confidence = round(probability, 3)
        tellings = (_event_of(candidate, confidence) for _, candidate in group)
        # The evidence is the likeliest telling whose sentence names the place: a telling that
        # took its place from another sentence proves less to a reader of the evidence alone.
        event = next((e for e in tellings if e.told_with_its_place), None) or _event_of(best, confidence)
        event = replace(event, date=_date_of_group(best, [c for _, c in group]).date.interval)
        if event.date.iso() is None:
            dated = next((c for _, c in group if c.date.interval.iso() is not None), None)
            if dated is not None:
                event = replace(event, date=dated.date.interval)
        events.append(event)
    return sorted(events, key=lambda e: (e.evidence_start, e.mention_start or 0))


def _shared_by_coordination(candidates: Sequence[Candidate], probabilities: Sequence[float]) -> list[float]:
    """Each candidate's probability, raised to that of a coordinated person's candidate of the
    same clause, place and status: "Anna Weber and Ruth Ames sit in a shop window in London"
    tells one act of both, however differently the model weighs a subject and the conjunct
    after it."""
    shared = list(probabilities)
    for index, candidate in enumerate(candidates):
        token = candidate.person_token
        if token is None:
            continue
        conjuncts = token.conjuncts
        for other, probability in zip(candidates, probabilities, strict=True):
            if (
                other.person_token is not None
                and other.person_token in conjuncts
                # "Ann Cole and Ruth Ames, who won in Rio": the clause is the last one's only.
                and not _described_by(other.anchor, other.person_token)
                and other.anchor.i == candidate.anchor.i
                and other.mention.start == candidate.mention.start
                and other.status is candidate.status
                and other.person.name != candidate.person.name
            ):
                shared[index] = max(shared[index], probability)
    return shared


def _described_by(clause: Token, person: Token) -> bool:
    """Whether `clause` is a relative or participial clause on one of the coordinated names."""
    return clause.dep_ in ("relcl", "acl") and clause.head.i in {person.i, *(t.i for t in person.conjuncts)}


def _date_of_group(best: Candidate, group: Sequence[Candidate]) -> Candidate:
    """The telling whose date a stop takes: the likeliest, unless its date is only the story's
    time and another telling states one of its own ("She worked as a nurse at the Elizabethtown
    Hospital" after "in 1939", and "were married on June 15, 1940, at ... in Elizabethtown")."""
    if best.date.source != DateSource.NARRATIVE:
        return best
    stated = (
        c
        for c in group
        if c.date.source not in (DateSource.NONE, DateSource.NARRATIVE) and c.date.interval.iso() is not None
    )
    return next(stated, best)


def _scene_around_a_town(candidate: Candidate, kept: Sequence[Candidate]) -> bool:
    """Whether the candidate pairs its person with the county of a scene or of a place told in
    another sentence, when the person has a stop with the same status in a town that county holds."""
    if not any(f.startswith("scene=") or f == "carried" for f in candidate.features):
        return False  # a county the sentence itself names is a stop of its own
    county = candidate.place_mention.place
    return any(
        other.person.name == candidate.person.name
        and other.status is candidate.status
        and county_holds(county, other.place_mention.place)
        for other in kept
    )


def _as_setting(where: GovernedPlace) -> GovernedPlace:
    """A place an earlier event governed, carried to an event whose sentence names none."""
    return GovernedPlace(where.mention, where.place, where.depth, PathRole.SETTING)


def _same_stop(a: Candidate, b: Candidate) -> bool:
    if a.person.name != b.person.name or a.status is not b.status:
        return False
    stated = (DateSource.NONE, DateSource.NARRATIVE)
    first_date, second_date = a.date.interval.iso(), b.date.interval.iso()
    if a.date.source not in stated and b.date.source not in stated and first_date != second_date:
        return False
    if (a.date.source in stated) != (b.date.source in stated) and lasted_years(
        (a if a.date.source in stated else b).anchor
    ):
        # "spent years working in London" and "met Steele in London in the summer of 2010": a
        # stretch of a life and a dated stop in it are two stops.
        return False
    first, second = a.place_mention.place, b.place_mention.place
    if first.gazetteer_id == second.gazetteer_id:
        return True
    # Two entries of the gazetteer for one place are one stop; two places the text names side by
    # side ("stopped in Oakport and Moorhead", "visited Minneapolis and St. Paul") are two, and so
    # are two near towns called by names of their own in two clauses: local news moves its people
    # between neighbouring towns ("the attack in Seaton Street, Edmonton ... found guilty at Wood
    # Green Crown Court", "sold her home in Gatineau and moved to an apartment in Ottawa"). In one
    # clause the second name places the first ("a house in Edmonton, south of Cairns", "died at
    # the Royal Alexandria Hospital in Paisley"): one stop.
    if first.precision != second.precision or distance_km(first.lat, first.lon, second.lat, second.lon) >= 25:
        return False
    roots = _mention_roots(a, b)
    if roots is not None and _coordinated(*roots):
        return False
    return _one_name(a.place_mention, b.place_mention) or (roots is not None and _one_clause(*roots))


def _one_name(first: Mention, second: Mention) -> bool:
    """Whether two place mentions go by one name, as two gazetteer entries of one place do
    ("St. Paris" and "Saint Paris", "Washington" and "Washington, D.C."): a name of one, as the
    text writes it or the gazetteer does, holds a name of the other."""
    first_names = {_name_words(n) for n in (first.surface, first.place.name if first.place else "")} - {""}
    second_names = {_name_words(n) for n in (second.surface, second.place.name if second.place else "")} - {""}
    return any(
        f" {one} " in f" {other} " or f" {other} " in f" {one} " for one in first_names for other in second_names
    )


def _name_words(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", name.lower())
    return " ".join("st" if word == "saint" else word for word in words)


def _one_clause(first: Token, second: Token) -> bool:
    """Whether two place mentions' head words are told in one clause: under one verb."""
    return clause_verb(first).i == clause_verb(second).i


def _mention_roots(a: Candidate, b: Candidate) -> tuple[Token, Token] | None:
    """The head words of the two candidates' place mentions, when both are in one parse."""
    doc = a.anchor.doc
    if b.anchor.doc is not doc:
        return None
    first, second = (span_root(doc, c.place_mention.start, c.place_mention.end) for c in (a, b))
    return None if first is None or second is None else (first, second)


def _coordinated(first: Token, second: Token) -> bool:
    """Whether two place mentions' head words are conjuncts of one coordination."""
    return second in first.conjuncts


def _event_of(candidate: Candidate, confidence: float) -> Event:
    """The event a weighed candidate stands for; a rule event keeps its action and companions."""
    rule = candidate.rule_event
    mention = candidate.place_mention
    # A dateline is where the report was filed; an event set there rests on no mention in the text.
    on_text = mention.role is not MentionRole.DATELINE
    if rule is not None:
        if mention is candidate.mention:
            return replace(rule, confidence=confidence, date=candidate.date.interval)
        return replace(
            rule,
            confidence=confidence,
            date=candidate.date.interval,
            place=mention.place,
            mention_start=mention.start if on_text else None,
            mention_end=mention.end if on_text else None,
        )
    return _event_told(
        candidate.person.name,
        candidate.anchor.lemma_.lower(),
        mention,
        mention.place,
        candidate.status,
        candidate.date.interval,
        candidate.anchor.sent,
        confidence,
    )


def _event_told(
    actor: str,
    action: str,
    mention: Mention,
    place: Place,
    status: EventStatus,
    date: DateInterval,
    sentence: Span,
    confidence: float,
    co_actors: tuple[str, ...] = (),
) -> Event:
    """The event `sentence` tells of `actor` at `place`, named by `mention`: a dateline ("here") is
    no mention in the text the event rests on."""
    evidence, start, end = _evidence(sentence)
    on_text = mention.role is not MentionRole.DATELINE
    return Event(
        actor=actor,
        action=action,
        place=place,
        status=status,
        date=date,
        evidence=evidence,
        evidence_start=start,
        evidence_end=end,
        confidence=confidence,
        co_actors=co_actors,
        mention_start=mention.start if on_text else None,
        mention_end=mention.end if on_text else None,
    )


def _headline_end(doc: Doc, mentions: Sequence[Mention]) -> int:
    """Where the headline ends: the end of the article's first sentence when it is one, or 0.

    The first sentence is a headline when the dateline ("NEWARK --") comes after it, when it
    is in title case ("Senior U.S. Military Official Visits Georgia"), or when it is in
    headlinese: a person noun with no article as subject ("Doctor returns to Newark").
    """
    first = next(iter(doc.sents), None)
    if first is None:
        return 0
    dateline = next((m for m in mentions if m.role is MentionRole.DATELINE), None)
    if dateline is not None and dateline.start >= first.end_char:
        return first.end_char
    words = [t for t in first if t.is_alpha]
    # Title case leaves only short words small; a lead full of names and titles still has its
    # verb in lower case ("French President Emmanuel Macron visited Noumea on Thursday.").
    title_case = not any(t.text[0].islower() and len(t.text) > 4 for t in words)
    if len(words) >= 3 and title_case and sum(t.text[0].isupper() for t in words) >= 0.6 * len(words):
        return first.end_char
    if any(is_bare_description_subject(t) for t in first):
        return first.end_char
    return 0


def _without_repeated_headline(events: list[Event], headline_end: int) -> list[Event]:
    """Headline events the body tells again: the body's telling wins, with its tense and date.

    A headline puts a past event in the present ("Doctor returns to Newark") and a planned one
    too ("Official Visits Georgia" over "will meet ... in Georgia"), so it never overrides.
    """
    if not headline_end:
        return events
    told = {(e.actor, e.place.gazetteer_id) for e in events if e.evidence_start >= headline_end}
    return [e for e in events if e.evidence_start >= headline_end or (e.actor, e.place.gazetteer_id) not in told]


def _takes_trip_setting(trigger: Trigger, participants: Participants) -> bool:
    """A meeting with someone, or a bare motion verb ("is expected to arrive"), naming no place."""
    token = trigger.token
    if trigger.nominal or not participants.actors:
        return False
    if trigger.sense.kind is TriggerKind.MEETING:
        return _meets_someone(trigger, participants)
    if trigger.sense.kind is not TriggerKind.MOTION:
        return False
    return not any(c.dep_ in ("dobj", "prep", "prt") or c.lower_ in ("home", "back") for c in token.children)


def _confirmed(plans: list[Event], events: list[Event]) -> list[Event]:
    """Past plans whose actor the text later puts at one of their places: they happened."""
    happened = {(e.actor, e.place.gazetteer_id) for e in events if e.status is EventStatus.OCCURRED}
    # The whole plan happened (its origin too) once one of its places is confirmed.
    confirmed = {p.actor for p in plans if (p.actor, p.place.gazetteer_id) in happened}
    return [replace(p, status=EventStatus.OCCURRED) for p in plans if p.actor in confirmed]


def _evidence(sentence: Span) -> tuple[str, int, int]:
    """The sentence's text without surrounding white space, and its character offsets."""
    raw = sentence.text
    start = sentence.start_char + (len(raw) - len(raw.lstrip()))
    text = raw.strip()
    return text, start, start + len(text)


def _is_present_habit(trigger: Trigger, status: EventStatus) -> bool:
    """ "Today Georgia skates in Red Deer": a presence told in the simple present, a habit."""
    token = trigger.token
    if status is not EventStatus.OCCURRED or trigger.sense.kind is not TriggerKind.PRESENCE or trigger.nominal:
        return False
    return token.tag_ in ("VBZ", "VBP") or is_misread_present_verb(token)


def _merge_duplicates(events: list[Event], habits: set[tuple[str, str, int]] = frozenset()) -> list[Event]:
    """One event per actor, place, status and date: the first told, with the best confidence.

    An undated event is dropped when the same actor has a dated one at that place with that
    status: "Biden visited Kyiv on Monday ... Biden's trip to Kyiv" is one stop. A habit told
    in the present ("today she skates in Innisfail") is kept beside a dated past event there
    ("the move back to Innisfail in 2015"): one is a stay going on, the other an arrival; so is
    a stretch of a life ("spent years working in London") beside a dated stop in it.
    """
    merged: dict[tuple, Event] = {}
    for event in events:
        habit = (event.actor, event.place.gazetteer_id, event.evidence_start) in habits
        key = (event.actor, event.place.gazetteer_id, event.status, event.date.iso(), event.date.precision, habit)
        kept = merged.get(key)
        if kept is None:
            merged[key] = event
        elif event.told_with_its_place and not kept.told_with_its_place:
            # A telling whose own sentence names the place is the better evidence of the stop
            # than one that took the place from elsewhere in the story.
            merged[key] = replace(event, confidence=max(event.confidence, kept.confidence))
        elif event.confidence > kept.confidence:
            merged[key] = replace(kept, confidence=event.confidence)
    dated = {(e.actor, e.place.gazetteer_id, e.status) for e in merged.values() if e.date.iso() is not None}
    return [
        e
        for key, e in merged.items()
        if e.date.iso() is not None or key[-1] or (e.actor, e.place.gazetteer_id, e.status) not in dated
    ]
