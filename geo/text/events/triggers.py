"""Trigger words: the verbs and nouns that say someone went somewhere or met someone there.

Each trigger has a sense: what kind of event it is, how strongly it puts its actor at the place
it governs (its strength, used for confidence), and how its object reads: as a place ("visited
Vladivostok", "toured a factory"), as a companion ("met Putin", "hosted Kim"), or as an event
attended ("attended a summit in ..."). Lemmas come from spaCy, so "visited", "visits" and
"visiting" are one trigger.

Besides the listed verbs, any other verb whose person subject is "in" or "at" a place is a weak
presence trigger, except stative verbs ("was born in", "is based in"), when the act is told:

- a verb in the past: "said to reporters in Paris", "spoke at a rally in Ohio";
- a participle or infinitive that hangs from a verb in the past, which shares its time: "said
  Mandela, speaking at a concert in ...", "admitted stabbing him at a house in ...", "after
  contracting the virus in ...", "left in 2007 to practise in ...";
- a plan: "will speak in Lisbon", "is scheduled to speak at a rally in Ohio" (planned, as
  `status` reads it);
- an act someone is charged with, convicted of or owns up to, done before the charge whatever
  its tense: "is accused of setting a fire in Fresno", "will be charged with dealing drugs in
  Leeds", "admits stealing a car in Parma" (a suspicion only guesses it, as `status` reads);
- a verb addressing an audience, or caring for people, the parser gives the place to: "speaking
  to reporters in Kabul", "treating patients in Guinea";
- a verb whose named subject has a place set off by commas: "Blinken, in Cairo for talks with
  Egyptian officials, said" (the parser hangs the phrase on the name);
- a relative clause on a place, whatever its tense: "Izmir, where he had lived", "the town
  where she works" (the place is the antecedent: see `governance`), also when the parser hangs
  the clause on the verb of the place or on a time after it ("flew to Kyiv last week, where she
  met Zelensky");
- a habit in the present with no object: "she skates in Red Deer" ("he does deals in Russia"
  has an object: an activity, not where he is); living somewhere is a home, not a habit of
  presence ("he lives in Leeds", "grew up in Denver");
- any verb, even "have" or a stative one, at a gathering or a moment of one: "had strong words at
  a fundraiser in", "made the announcement at the start of a conference in".

Two parser slips are read for what they are: "Today Georgia skates in Red Deer" tagged as a
plural noun "skates" compounded with the name (no English noun phrase "<Name> <nouns> in
<Place>" stands alone as a sentence: it is the name's verb in the present), and an occupation
apposed to a name with a place ("Underwood, a family practitioner at ... and afterward in New
Hampshire") says where the person works or worked.

"near" counts with "in" and "at": "dumping it near Yarrabah" puts the actor by the town; so do
"across" and "throughout" for a verb with no object ("campaigned across Iowa"), and an incident
locates what happens in it as a gathering does ("was killed in the attack in Kabul").

What is done to a person, told in the passive, says where they were or were brought, even with
a verb that is stative in the active ("the firm holds offices in Leeds"): custody and care put the
subject at the place ("was held in the county jail in Greenwood", "was found dead in Oxford", "was
treated at a hospital in Tucson"), conveyance takes it to the destination ("was taken to Frederick
Memorial Hospital in Frederick", "was rushed to a hospital in", "was transferred to a prison in").
A passive coordinated with the verb before it shares that verb's subject ("was shot and taken to
a hospital in Tulsa", "suffered a broken leg and was flown to Omaha"), and a bare participle the
passive of the nearest verb with an auxiliary ("fled and was later arrested and transported to the
county jail").
The active says it of the person as object: "the trip will take him to Papua New Guinea", "a tour
that took her to Kazakhstan", "the journey brought Biden to Hanoi"; the object goes there, and so
does a person subject ("Obama took his daughters to Paris").

"be" itself with "in", "at" or "on" is one too ("Dr. Maggard was on the Champs-Elysees", "is
currently in France"). Idioms of arrival count as motion: "made it to Paris"; "take part in" a
meeting attends it. A list of those present ("Mourners included Gov. John Lynch", "Among those
attending were ...") puts the people listed at the gathering the sentences before set.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Token

from geo.text.events.lexicon import (
    ACTIVE_CUSTODY_VERBS,
    ADDRESSING_VERBS,
    ATTENDANCE_NOUNS,
    ATTENDING_WORDS,
    AUDIENCE_PEOPLE,
    CARE_VERBS,
    CARED_PEOPLE,
    CARRYING_VERBS,
    CONVEYANCE_VERBS,
    COURT_NOUNS,
    CUSTODY_NOUNS,
    CUSTODY_VERBS,
    DOUBT_NOUNS,
    DUTY_NOUNS,
    EVENT_NOUNS,
    FACE_TO_FACE_VERBS,
    FACILITY_NOUNS,
    FUTURE_MODALS,
    GATHERED_PEOPLE,
    GATHERING_PART_NOUNS,
    HANDS_ON_VERBS,
    INCIDENT_NOUNS,
    INJURY_VERBS,
    JUDGING_VERBS,
    LOCATIVE_NOUNS,
    NEGATING_HEADS,
    OCCUPATION_NOUNS,
    OPERATION_NOUNS,
    PERSON_NOUNS,
    PLANNING_HEADS,
    POLICING_NOUNS,
    REMAINS_NOUNS,
    REMOTE_ACT_VERBS,
    REMOTE_CONTACT_VERBS,
    REPORTING_VERBS,
    REPUTE_WORDS,
    ROLE_NOUNS,
    SENDING_VERBS,
    SPEAKING_FROM_VERBS,
    STATIVE_VERBS,
    TOPIC_VERBS,
    WEEKDAY_WORDS,
    carried_by_light_verb,
    lemma_in,
)
from geo.text.events.parsing import is_passive

__all__ = [
    "TriggerKind",
    "ObjectReading",
    "TriggerSense",
    "Trigger",
    "find_triggers",
    "requirement_met",
    "listed_sense",
    "is_where_relative",
    "where_antecedent",
    "at_gathering",
    "is_misread_present_verb",
    "tells_a_birth",
    "is_located_occupation",
    "occupation_settings",
    "tells_a_home",
    "audience_settings",
    "phrase_settings",
    "policing_places",
    "court_places",
    "verdict_clause",
    "compass_settings",
    "police_force_places",
    "is_police_force",
    "custody_told",
    "remains_owner",
    "subject_settings",
    "while_settings",
    "spread_preps",
    "says_there",
    "tells_repute",
    "says_here",
    "reached_from_afar",
    "settings_of",
    "SETTING_PREPS",
    "WAY_NOUNS",
    "during_gathering",
    "out_on_duty",
    "placed_by_its_noun",
    "gatherings_of_part",
    "lists_those_present",
    "names_those_present",
    "gathering_told_again",
    "VERB_SENSES",
    "NOUN_SENSES",
]


class TriggerKind(StrEnum):
    MOTION = "motion"  # going, arriving, staying: the actor is at the place
    MEETING = "meeting"  # meeting, hosting, attending: the actor and the other party are there
    PRESENCE = "presence"  # any other verb with "in/at <place>": weak evidence
    INVITATION = "invitation"  # "accepted an invitation to X": a planned trip by the one accepting


class ObjectReading(StrEnum):
    NONE = "none"
    PLACE = "place"  # "visited Vladivostok", "entered Russia", "toured a factory in ..."
    COMPANION = "companion"  # "met Putin", "hosted Kim": the object was there too
    EVENT = "event"  # "attended a summit in Sochi"
    TRAVELLER = "traveller"  # "the trip took him to Hanoi": the object goes there (a person subject too)
    SENT = "sent"  # "the agency sent nurse Laura Byrne to Freetown": the object goes, the subject stays
    LISTED = "listed"  # "Mourners included Gov. John Lynch": the object was there, the subject names the list


@dataclass(frozen=True, slots=True)
class TriggerSense:
    lemma: str
    kind: TriggerKind
    strength: float
    reading: ObjectReading = ObjectReading.NONE
    # Prepositions that must follow for the verb to mean motion: "pulled into", "held talks".
    requires: frozenset[str] = frozenset()
    # Extra prepositions that name the destination for this verb: "left for Beijing".
    destination_preps: frozenset[str] = frozenset()


def _sense(
    lemma: str,
    kind: TriggerKind,
    strength: float,
    reading: ObjectReading = ObjectReading.NONE,
    *,
    requires: str = "",
    destination: str = "",
) -> TriggerSense:
    return TriggerSense(lemma, kind, strength, reading, frozenset(requires.split()), frozenset(destination.split()))


M, G = TriggerKind.MOTION, TriggerKind.MEETING
P, C, E = ObjectReading.PLACE, ObjectReading.COMPANION, ObjectReading.EVENT

VERB_SENSES: dict[str, TriggerSense] = {
    s.lemma: s
    for s in (
        _sense("visit", M, 0.95, P),
        _sense("arrive", M, 0.95),
        _sense("land", M, 0.9),
        _sense("tour", M, 0.9, P),
        _sense("enter", M, 0.9, P),
        _sense("reach", M, 0.85, P),
        _sense("stay", M, 0.9),
        _sense("travel", M, 0.85),
        _sense("fly", M, 0.85),
        _sense("shuttle", M, 0.8),  # "shuttled between Doha and Cairo"
        _sense("return", M, 0.85),
        _sense("inspect", M, 0.8, P),
        _sense("come", M, 0.75),
        _sense("go", M, 0.75),
        _sense("head", M, 0.7, destination="for"),
        _sense("leave", M, 0.7, P, destination="for"),
        _sense("depart", M, 0.7, P, destination="for"),
        _sense("drive", M, 0.75),
        _sense("sail", M, 0.75),
        # Journeys on foot, by bicycle or by boat, which name where from and where to: "cycled
        # from Kingston to Ottawa", "marched from Tel Aviv to Jerusalem" ("walked out" goes nowhere).
        _sense("walk", M, 0.7, requires="to from into across"),
        _sense("march", M, 0.75, requires="to from into across"),
        # Pursuit that goes where the one pursued went: "followed her to Cincinnati", "chased the
        # robber into a bar in Leeds" (not "followed the talks", which goes nowhere).
        _sense("follow", M, 0.7, requires="to into"),
        _sense("chase", M, 0.7, requires="to into"),
        _sense("pursue", M, 0.7, requires="to into"),
        _sense("cycle", M, 0.75, requires="to from across"),
        _sense("bike", M, 0.75, requires="to from across"),
        _sense("hike", M, 0.75, requires="to from across"),
        _sense("paddle", M, 0.75, requires="to from across"),
        _sense("ride", M, 0.7, requires="to from into across"),
        _sense("cross", M, 0.8, requires="into"),
        _sense("stop", M, 0.7, requires="in at over"),
        _sense("pull", M, 0.8, requires="into in"),
        _sense("move", M, 0.75),
        _sense("relocate", M, 0.8),
        _sense("emigrate", M, 0.8),  # "emigrated to Boston in 1957"
        _sense("immigrate", M, 0.8),
        # Moves a person makes or undergoes: each puts them at the destination (and "from" at the origin).
        _sense("flee", M, 0.8, P),  # "fled Dhaka": the place fled was where they had been
        _sense("escape", M, 0.7, requires="to from into"),
        _sense("evacuate", M, 0.75, requires="to from"),
        _sense("airlift", M, 0.8),
        _sense("extradite", M, 0.85),
        _sense("deport", M, 0.85),
        _sense("repatriate", M, 0.85),
        _sense("set", M, 0.75, requires="off out", destination="for"),  # "set off from Glasgow", "set out for"
        _sense("make", M, 0.8, requires="it"),  # "made it to Paris", "made it back to"
        _sense("meet", G, 0.8, C),
        _sense("attend", G, 0.8, E),
        _sense("host", G, 0.8, C),
        _sense("welcome", G, 0.75, C),
        _sense("greet", G, 0.75, C),
        _sense("receive", G, 0.6, C),
        _sense("join", G, 0.65, C),
        _sense("brief", G, 0.6, C),
        _sense("accompany", G, 0.8, C),
        _sense("take", G, 0.7, E, requires="part"),  # "take part in the town hall meeting"
        _sense(
            "hold",
            G,
            0.7,
            E,
            requires="talk talks meeting meetings summit discussion discussions negotiations conference rally",
        ),
    )
}

NOUN_SENSES: dict[str, TriggerSense] = {
    s.lemma: s
    for s in (
        _sense("visit", M, 0.8),
        _sense("trip", M, 0.8),
        _sense("tour", M, 0.8),
        _sense("journey", M, 0.75),
        # "stopped in Oslo on his way to Berlin", "made her way to Paris": someone's way only.
        _sense("way", M, 0.7, requires="to toward towards"),
        _sense("voyage", M, 0.7),
        # "boarded a flight to Berlin", "his flight from Boston"; not "the flight in Egypt".
        _sense("flight", M, 0.75, requires="to from into"),
        _sense("arrival", M, 0.85),
        _sense("stay", M, 0.8),
        _sense("stop", M, 0.75),  # "a final stop in Seoul", "after stops in Hanoi and Manila"
        _sense("stopover", M, 0.8),
        _sense("layover", M, 0.8),
        _sense("move", M, 0.7),  # "making the move back to Innisfail"
        _sense("return", M, 0.8),
        _sense("homecoming", M, 0.8),
        _sense("mission", M, 0.7),  # "led a trade mission to Manila"
        _sense("delegation", M, 0.7),  # "led a delegation to Cairo"
        _sense("meeting", G, 0.7),
        _sense("summit", G, 0.7),
        _sense("talk", G, 0.65),
        _sense("talks", G, 0.65),
        _sense("invitation", TriggerKind.INVITATION, 0.7),
        # "featured performances by Peter Gabriel": the performer was at the show.
        _sense("performance", G, 0.65),
        # What happens to someone, or what someone does, where they are: "his death in Las
        # Vegas", "her arrest in Madrid", "his first appearance in Regina provincial court".
        _sense("death", TriggerKind.PRESENCE, 0.65),
        _sense("arrest", TriggerKind.PRESENCE, 0.65),
        _sense("detention", TriggerKind.PRESENCE, 0.65),
        _sense("appearance", TriggerKind.PRESENCE, 0.65),
        _sense("speech", TriggerKind.PRESENCE, 0.65),
    )
}

# The nouns of gatherings and of trips a part or a moment of one may name ("the sidelines of the
# summit", "the eve of the visit").
_GATHERINGS = EVENT_NOUNS | frozenset(NOUN_SENSES)

PRESENCE_SENSE_STRENGTH = 0.5
OCCUPATION_STRENGTH = 0.55  # "Underwood, a family practitioner in New Hampshire"
PASSIVE_SENSE_STRENGTH = 0.7  # "was held in the county jail", "was taken to a hospital in Tucson"
COPULA_STRENGTH = 0.7  # "Dr. Maggard was on the Champs-Elysees", "is currently in France"
CARRYING_STRENGTH = 0.75  # "the trip will take him to Hanoi"
ATTENDANCE_STRENGTH = 0.6  # "Mourners included Gov. John Lynch" (at the gathering told before)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A token that may start an event, with its sense."""

    token: Token
    sense: TriggerSense
    nominal: bool

    @property
    def lemma(self) -> str:
        return self.sense.lemma


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every trigger of `doc`, in text order."""
    triggers: list[Trigger] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and (lemma in VERB_SENSES or lemma == "be")):
            if puts_in_doubt(token):
                # "leaving in question his participation in the Tour de France": no one leaves;
                # the event in doubt is the noun's.
                continue
            if (sense := listed_sense(token)) is not None:
                triggers.append(Trigger(token, sense, nominal=False))
            elif (passive := _passive_custody_or_conveyance(token, lemma)) is not None:
                triggers.append(Trigger(token, passive, nominal=False))
            elif (carrying := _active_carrying(token, lemma)) is not None:
                triggers.append(Trigger(token, carrying, nominal=False))
            elif (custody := _active_custody(token, lemma)) is not None:
                triggers.append(Trigger(token, custody, nominal=False))
            elif _takes_part_in_gathering(token, lemma):
                # "won the Boston Marathon", "played three concerts in Lisbon": the gathering's place.
                triggers.append(
                    Trigger(
                        token,
                        TriggerSense(lemma, TriggerKind.PRESENCE, PRESENCE_SENSE_STRENGTH, ObjectReading.EVENT),
                        nominal=False,
                    )
                )
            elif lists_those_present(token):
                # "Mourners included Gov. John Lynch and Sen. Judd Gregg", "Among those attending
                # were ...": the people at the gathering the sentences before set.
                reading = ObjectReading.LISTED if lemma == "include" else ObjectReading.NONE
                sense = TriggerSense(lemma, TriggerKind.PRESENCE, ATTENDANCE_STRENGTH, reading)
                triggers.append(Trigger(token, sense, nominal=False))
            elif lemma == "be" and _is_located_copula(token):
                triggers.append(
                    Trigger(token, TriggerSense("be", TriggerKind.PRESENCE, COPULA_STRENGTH), nominal=False)
                )
            elif _is_presence_verb(token, lemma):
                # Any other verb, or a listed one in another sense ("set a record in Berlin",
                # "made a speech in Paris"), may still put its subject at a place; one done to a
                # person in the flesh puts its object there too ("interviewed Tom Reed in Paris",
                # "shot a man in Leeds", "married Tom Reed in Paris").
                in_person = lemma_in(token, FACE_TO_FACE_VERBS) or introduces_someone(token)
                reading = ObjectReading.COMPANION if in_person else ObjectReading.NONE
                triggers.append(
                    Trigger(
                        token,
                        TriggerSense(lemma, TriggerKind.PRESENCE, PRESENCE_SENSE_STRENGTH, reading),
                        nominal=False,
                    )
                )
        elif token.pos_ == "NOUN":
            sense = NOUN_SENSES.get(lemma) or NOUN_SENSES.get(token.lower_)
            if lemma in WAY_NOUNS and not any(c.dep_ == "poss" for c in token.children):
                sense = None  # "the only way to Oslo" is a road; "on her way to Oslo" a trip
            if sense is not None and requirement_met(token, sense):
                triggers.append(Trigger(token, sense, nominal=True))
            elif is_located_occupation(token):
                triggers.append(
                    Trigger(token, TriggerSense(lemma, TriggerKind.PRESENCE, OCCUPATION_STRENGTH), nominal=True)
                )
            elif is_misread_present_verb(token):
                triggers.append(
                    Trigger(token, TriggerSense(lemma, TriggerKind.PRESENCE, PRESENCE_SENSE_STRENGTH), nominal=False)
                )
    return triggers


def lists_those_present(token: Token) -> bool:
    """ "Guests included X and Y", "Notables among the crowd included X", "Among those attending
    were X and Y": a list of the people present, headed by a noun that says so."""
    lemma = token.lemma_.lower()
    if lemma == "include":
        return any(c.dep_ == "nsubj" and names_those_present(c) for c in token.children) and any(
            c.dep_ == "dobj" for c in token.children
        )
    if lemma == "be":
        among = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "among"]
        return any(names_those_present(p) for a in among for p in a.children if p.dep_ == "pobj") and any(
            c.dep_ in ("nsubj", "attr") for c in token.children
        )
    return False


# What makes a gathering's noun one the reader already knows: "the ceremony", "that meeting",
# "yesterday's service", "Sunday's rally".
_DEFINITE_DETERMINERS = frozenset(["the", "this", "that"])
_DAY_WORDS = WEEKDAY_WORDS | frozenset(["yesterday", "today", "tonight"])
# Words that make "the meeting" another one than the one told: "at the next meeting", "the last
# session".
_OTHER_OCCASION_WORDS = frozenset("next last previous prior earlier later upcoming future past".split())
# Where one is at, goes to, or is during a gathering: "spoke at the ceremony", "came to the service".
_GATHERING_PREPS = frozenset(["at", "to", "during"])


def gathering_told_again(trigger: Trigger) -> Token | None:
    """The gathering a trigger attends, named as one the text has already told and with no place
    of its own: "Gov. John Lynch came to the ceremony", "At the meeting, she said", "attended
    yesterday's service" (its place is where the text told it: see `extract`). Not "a meeting",
    which is a new one, nor "the summit in Geneva", which places itself."""
    verb = trigger.token
    if (addressed := gathering_addressed(verb)) is not None:
        return addressed
    # "came from Camp Lejeune for the service": a journey's purpose is where it went.
    preps = _GATHERING_PREPS | ({"for"} if trigger.sense.kind is TriggerKind.MOTION and not trigger.nominal else set())
    nouns = [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    if trigger.sense.reading is ObjectReading.EVENT and trigger.sense.kind is not TriggerKind.PRESENCE:
        # "attended the ceremony"; not any verb with a gathering as object ("dedicated the show").
        nouns += [c for c in verb.children if c.dep_ == "dobj"]
    for noun in nouns:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in EVENT_NOUNS:
            continue
        told = any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in noun.children) or any(
            c.dep_ == "poss" and c.lower_ in _DAY_WORDS for c in noun.children
        )
        if any(c.dep_ == "amod" and c.lower_ in _OTHER_OCCASION_WORDS for c in noun.children):
            continue
        placed = any(
            (c.dep_ == "prep" and c.lower_ in ("in", "at", "near")) or (c.dep_ == "compound" and c.pos_ == "PROPN")
            for c in noun.children
        )
        if told and not placed:
            return noun
    return None


def gathering_addressed(verb: Token) -> Token | None:
    """The people of a gathering the text has told, spoken to as one and placed nowhere else: "Gov.
    Paul Grant told the crowd", "addressed the mourners", "spoke to the congregation", "told
    delegates", "they listened as he spoke". The speaker is where the gathering was (see
    `extract`). Not "told a crowd in Leeds", which places itself, nor "the next meeting"."""
    if verb.lemma_.lower() not in ADDRESSING_VERBS:
        return None
    if verb.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in verb.children):
        # "They listened as Alan Ouellette spoke", "the crowd cheered as she spoke": those who
        # listen are the gathering's people.
        for listener in (c for c in verb.head.children if c.dep_ == "nsubj"):
            if listener.lower_ == "they" or (listener.pos_ == "NOUN" and listener.lemma_.lower() in GATHERED_PEOPLE):
                return listener
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("to", "before")
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    for noun in nouns:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in GATHERED_PEOPLE:
            continue
        if any(c.dep_ == "amod" and c.lower_ in _OTHER_OCCASION_WORDS for c in noun.children):
            continue
        if any(c.dep_ == "prep" and c.lower_ in ("in", "at", "near") for c in noun.children):
            continue
        determiners = [c for c in noun.children if c.dep_ == "det"]
        definite = any(d.lower_ in _DEFINITE_DETERMINERS for d in determiners)
        if definite or (noun.tag_ == "NNS" and not determiners):
            return noun
    return None


def remains_owner(noun: Token) -> Token | None:
    """Whose body a noun is: "the body of James Marth", "Marth's body", "her remains"."""
    if noun.lemma_.lower() not in REMAINS_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next(
            (
                p
                for of in noun.children
                if of.dep_ == "prep" and of.lower_ == "of"
                for p in of.children
                if p.dep_ == "pobj"
            ),
            None,
        )
    return owner


def befalls_in_incident(verb: Token) -> bool:
    """A harm told as done, of the kind an incident does to its people where it happens: "was
    killed", "died", "were ejected from the vehicle", "was pronounced dead", "was struck by a car",
    "the body of James Marth was found", "was found dead"."""
    lemma = verb.lemma_.lower()
    if lemma == "find" and verb.tag_ in _PAST_TAGS and is_passive(verb):
        return any(
            (c.dep_ == "nsubjpass" and remains_owner(c) is not None)
            or (c.dep_ in ("oprd", "acomp") and c.lower_ == "dead")
            for c in verb.children
        )
    if lemma not in INJURY_VERBS or verb.tag_ not in _PAST_TAGS:
        return False
    if lemma == "pronounce" and not any(c.dep_ in ("oprd", "acomp") and c.lower_ == "dead" for c in verb.children):
        return False
    if lemma == "strike" and not is_passive(verb):
        return False  # "struck by a car"; not "struck a deal"
    if is_where_relative(verb):
        return False  # "the building where he died": where that building is
    # A participle with no auxiliary of its own describes ("the man killed in 1990"), unless it
    # shares a verb's subject ("was shot and killed").
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") for c in verb.children) or verb.dep_ == "conj"


def introduces_someone(verb: Token) -> bool:
    """ "Dunn then introduced the next panelist, Rosemary Avila": a person introduced to those
    present, told as done; not a bill or a measure introduced."""
    if verb.lemma_.lower() != "introduce" or verb.tag_ not in _PAST_TAGS:
        return False
    return any(
        c.dep_ == "dobj"
        and (
            c.lower_ in _PERSON_OBJECT_PRONOUNS
            or c.pos_ == "PROPN"
            or (c.pos_ == "NOUN" and c.lemma_.lower() in PERSON_NOUNS | ROLE_NOUNS | ATTENDANCE_NOUNS)
            or any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in c.children)
        )
        for c in verb.children
    )


def names_those_present(noun: Token) -> bool:
    """ "mourners", "the guests", "those attending", "those present", "notables among the crowd"."""
    lemma = noun.lemma_.lower()
    if noun.pos_ == "NOUN" and lemma in ATTENDANCE_NOUNS:
        return True
    if noun.lower_ == "those" and any(
        c.dep_ in ("acl", "amod") and c.lemma_.lower() in ATTENDING_WORDS for c in noun.children
    ):
        return True
    if lemma in ATTENDING_WORDS and any(c.lower_ == "those" for c in noun.children):
        return True  # "Those present included": the parser makes "present" the noun
    if noun.lower_ == "those" and any(
        c.dep_ == "prep" and c.lower_ in ("at", "in") and any(p.lemma_.lower() in EVENT_NOUNS for p in c.children)
        for c in noun.children
    ):
        return True  # "Among those at the ceremony were"
    return any(
        c.dep_ == "prep" and c.lower_ == "among" and any(names_those_present(p) for p in c.children if p.dep_ == "pobj")
        for c in noun.children
    )


def is_located_occupation(token: Token) -> bool:
    """ "Underwood, a family practitioner at Licking Memorial", "Chen, an American doctor working
    in Monrovia": an occupation apposed to a name, with a place where it is done."""
    if token.dep_ != "appos" or token.lemma_.lower() not in OCCUPATION_NOUNS or token.head.pos_ != "PROPN":
        return False
    return any(c.dep_ == "prep" for c in token.children) or bool(occupation_settings(token))


def occupation_settings(noun: Token) -> list[Token]:
    """The "in"/"at" phrases of a participle describing an occupation's work: "a doctor working in
    Monrovia", "a soldier stationed in Kandahar". Living or being based somewhere is a home."""
    return [
        prep
        for clause in noun.children
        if clause.dep_ == "acl" and clause.tag_ in ("VBG", "VBN") and clause.lemma_.lower() not in _HOME_BASES
        for prep in settings_of(clause)
    ]


# The prepositions that set what they hang on somewhere: "the cemetery in Boscawen".
SETTING_PREPS = frozenset(["in", "at"])
# Compass words that, with "of", locate a place by a town near it: "two miles east of Leeds".
_COMPASS_WORDS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west south-east south-west".split()
)


def settings_of(token: Token) -> list[Token]:
    """The "in"/"at" phrases hung on `token`, which say where what it names is set."""
    return [c for c in token.children if c.dep_ == "prep" and c.lower_ in SETTING_PREPS]


def compass_settings(token: Token) -> list[Token]:
    """The "of" phrases of a compass word that locates what `token` tells, on it or on the road
    or place phrase it is told at: "overturned two miles east of Leeds", "was driving on County
    Road 109 about two miles east of Brandon", "was found 10 miles south of Leeds". News places an
    incident by its nearest town so."""
    holders = [token, *(p for prep in token.children if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj")]
    return [
        of
        for holder in holders
        for compass in holder.children
        if compass.dep_ in ("advmod", "npadvmod", "amod") and compass.lower_ in _COMPASS_WORDS
        for of in compass.children
        if of.dep_ == "prep" and of.lower_ == "of"
    ]


def is_misread_present_verb(token: Token) -> bool:
    """ "Today Georgia skates in Red Deer" tagged as a noun "skates" compounded with "Georgia".

    A plural noun that heads its sentence, right after a proper name it takes as a compound and
    followed by "in"/"at", is the name's verb in the present: English has no noun phrase
    "<Name> <nouns> in <Place>" that stands alone as a sentence.
    """
    if token.dep_ != "ROOT" or token.tag_ != "NNS" or not token.lower_.endswith("s") or token.i == 0:
        return False
    name = token.doc[token.i - 1]
    if name.dep_ != "compound" or name.head.i != token.i or name.pos_ != "PROPN":
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at") and c.i == token.i + 1 for c in token.children)


def puts_in_doubt(word: Token) -> bool:
    """A word with an "in doubt" phrase: "is in doubt", "left in question", "was thrown into
    doubt", "put his trip in jeopardy"."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("in", "into")
        and any(c.dep_ == "pobj" and c.lemma_.lower() in DOUBT_NOUNS for c in prep.children)
        for prep in word.children
    )


def listed_sense(verb: Token) -> TriggerSense | None:
    """The verb's sense in VERB_SENSES when the words that sense requires follow it ("pulled
    into", "made it to"); None for any other verb."""
    sense = VERB_SENSES.get(verb.lemma_.lower())
    return sense if sense is not None and requirement_met(verb, sense) else None


# Nouns that tell a trip only as someone's, with its own destination and status: "on her way to
# Paris" (a plan), "made her way to Paris", not "the only way to Oslo".
WAY_NOUNS = frozenset(["way"])


def requirement_met(token: Token, sense: TriggerSense) -> bool:
    """Whether the words a sense requires follow the verb or the noun: "pulled into", "made it
    to", "a flight to"."""
    if not sense.requires:
        return True
    words = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt", "advmod")}
    if token.pos_ == "NOUN" and carried_by_light_verb(token):
        # "boarded his return flight to Berlin": the parser hangs the noun's phrase on the verb.
        words |= {c.lower_ for c in token.head.children if c.dep_ == "prep"}
    words |= {c.lemma_.lower() for c in token.children if c.dep_ == "dobj"} | {
        c.lower_ for c in token.children if c.dep_ == "dobj"
    }
    return bool(words & sense.requires)


_PAST_TAGS = frozenset({"VBD", "VBN"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_HOME_VERBS = frozenset({"live", "reside"})
_HOME_BASES = _HOME_VERBS | {"base", "headquarter"}
_PERFECT_AUXILIARIES = frozenset({"had", "has", "have", "'d", "'ve", "'s"})
_PAST_PASSIVES = frozenset({"was", "were"})
# The prepositions of a phrase that says where someone was taken or held.
_PLACING_PREPS = frozenset({"in", "at", "into", "to", "near", "inside", "outside"})
# Taking someone into custody, which a town's police does in its town.
_ARREST_VERBS = frozenset({"arrest", "detain", "apprehend", "book"})
# The nouns that head a police force's name: "Police Department", "Sheriff's Office".
_FORCE_HEADS = frozenset({"department", "office", "service", "force"})
_PRESENT_AUXILIARIES = frozenset({"is", "are", "am", "'s", "'re", "'m"})
# The prepositions that set someone at a place: "in Kyiv", "at the summit", "near Riverside";
# "inside" and "within" too, as police news tells a stop ("was stopped inside the city limits",
# "was arrested within the city of York"), a place's but not a time's "within" (`static_phrase`).
_STATIC_PREPS = ("in", "at", "near", "inside", "within")
# "within" a time or a distance is no place: "within two weeks", "within 10 miles of".
_BOUNDED_PREPS = frozenset({"within"})
# What charges, convicts or punishes someone for an act ("accused of", "charged with", "pleaded
# guilty to", "was arrested for"), and what owns up to one ("admitted", "confessed to").
_CHARGING_HEADS = frozenset(
    "accuse charge suspect convict indict arrest sentence jail imprison prosecute guilty responsible".split()
)
_CONFESSING_VERBS = frozenset({"admit", "confess"})
_CHARGE_PREPS = frozenset({"of", "with", "to", "for"})
# How a participle or an infinitive hangs from the verb whose time it shares.
_SHARED_TIME_DEPS = frozenset({"xcomp", "advcl", "pcomp", "prep", "conj"})
_NOUN_SLOTS = _SHARED_TIME_DEPS | {"nsubj", "nsubjpass", "dobj", "pobj"}


def static_phrase(prep: Token) -> bool:
    """Whether a preposition sets what it hangs on at a place: "in Kyiv", "inside the city limits",
    "within the city of York"; not "within two weeks" or "within a mile of the school", which bound
    a time or a distance (its object a name or a noun of a place, for "within")."""
    if prep.lower_ not in _STATIC_PREPS:
        return False
    if prep.lower_ not in _BOUNDED_PREPS:
        return True
    return any(
        c.dep_ == "pobj"
        and (c.pos_ == "PROPN" or (c.pos_ == "NOUN" and c.lemma_.lower() in LOCATIVE_NOUNS))
        and not any(n.dep_ == "nummod" for n in c.children)
        for c in prep.children
    )


def audience_settings(verb: Token) -> list[Token]:
    """The "in"/"at" phrases of the people a speaker addresses, or a carer cares for: "speaking to
    reporters in Kabul", "addressed troops in Kandahar", "told a crowd at the fairground",
    "treating patients in Guinea". The parser hangs the place on the people, but they are where the
    speaker or carer is. Only for verbs of addressing (ADDRESSING_VERBS) and caring (CARE_VERBS):
    "criticised officials in Beijing" says nothing of where the critic was."""
    lemma = verb.lemma_.lower()
    people = AUDIENCE_PEOPLE if lemma in ADDRESSING_VERBS else CARED_PEOPLE if lemma in CARE_VERBS else None
    if people is None:
        return []
    audiences = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    audiences += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("to", "with")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return [
        prep
        for audience in audiences
        if audience.pos_ == "NOUN" and audience.lemma_.lower() in people
        for prep in settings_of(audience)
    ]


# What someone acts as: "served as ambassador", "worked as a nurse".
_CAPACITY_NOUNS = ROLE_NOUNS | OCCUPATION_NOUNS


def phrase_settings(verb: Token) -> list[Token]:
    """The "in"/"at" phrases the parser hangs on a noun of the verb's own phrases, though they say
    where the act was: the capacity it was done in ("served as ambassador in Paris", "was sworn in
    as president in Lima", "worked as a nurse in Liberia": a role or an occupation, not "was hailed
    as a hero in France"), and the agent of a passive done to the person in the flesh ("was
    questioned by police in Lima", "was struck by a car in Lima"; not "was sued by a company in
    Texas", which places the company)."""
    nouns = [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _CAPACITY_NOUNS
    ]
    if is_passive(verb) and lemma_in(verb, HANDS_ON_VERBS):
        nouns += [
            pobj
            for agent in verb.children
            if agent.dep_ == "agent"
            for pobj in agent.children
            if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN"
        ]
    return [prep for noun in nouns for prep in settings_of(noun)]


def policing_places(verb: Token) -> list[Token]:
    """The town a police force that acts on someone in the flesh is named after: "was arrested by
    Montreal police", "Leeds police arrested Tom Reed", "was detained by Kenton County sheriff's
    deputies". Local police act in their town, so the act was there (the words of the force's name
    that are no place name none)."""
    taken_into_custody = any(
        prep.lower_ == "into" and any(p.lemma_.lower() in CUSTODY_NOUNS for p in prep.children)
        for prep in verb.children
    )
    if is_passive(verb) and (lemma_in(verb, HANDS_ON_VERBS) or taken_into_custody):
        forces = [pobj for agent in verb.children if agent.dep_ == "agent" for pobj in agent.children]
        # "was arrested during a series of raids by Montreal police": the operation's agent.
        operations = [
            noun
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in ("during", "in")
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for noun in [pobj, *(o for of in pobj.children if of.lower_ == "of" for o in of.children)]
        ]
        forces += [p for noun in operations for by in noun.children if by.lower_ == "by" for p in by.children]
    elif lemma_in(verb, ACTIVE_CUSTODY_VERBS) and not is_passive(verb) and _has_person_object(verb):
        forces = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        return []
    return [word for force in forces if is_police_force(force) for word in _words_of_its_town(force)]


def court_places(verb: Token) -> list[Token]:
    """Where a court that judges someone sits: the town it is named after ("A Navarro County jury
    found Kandace Marriott guilty", "was sentenced by a Leeds Crown Court judge") or the place its
    own phrase names ("a jury in Leeds acquitted her", "Judge Ann Reed in Cincinnati sentenced
    him"). The person judged stands before it there, as whom a town's police arrest is in the town."""
    if not _judges_someone(verb):
        return []
    if is_passive(verb):
        courts = [pobj for agent in verb.children if agent.dep_ == "agent" for pobj in agent.children]
    elif _has_person_object(verb) or _person_judged(verdict_clause(verb)):
        courts = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        return []
    places: list[Token] = []
    for court in courts:
        if not _is_court(court):
            continue
        places += _words_of_its_town(court)
        places += [pobj for prep in settings_of(court) for pobj in prep.children if pobj.dep_ == "pobj"]
    return places


def _judges_someone(verb: Token) -> bool:
    """A verb of judgment ("convicted", "sentenced"); "found" only with its verdict ("found him
    guilty", "was found not guilty"), else it is finding someone somewhere."""
    lemma = verb.lemma_.lower()
    return lemma in JUDGING_VERBS and (lemma != "find" or _guilty_told(verb))


def verdict_clause(verb: Token) -> Token | None:
    """The small clause of a verdict the parser makes of "found Tom Reed guilty": "guilty", whose
    subject is the person found so."""
    return next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.lower_ == "guilty"), None)


def _guilty_told(verb: Token) -> bool:
    """ "was found guilty", "found him not guilty", "found Tom Reed guilty" (`verdict_clause`): the
    verdict beside the verb."""
    return any(c.lower_ == "guilty" and c.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "dobj") for c in verb.children)


def _person_judged(verdict: Token | None) -> bool:
    """Whether a verdict's small clause is said of a person ("found Tom Reed guilty")."""
    return verdict is not None and any(c.dep_ == "nsubj" and _means_a_person(c) for c in verdict.children)


def _is_court(noun: Token) -> bool:
    """ "jury", "the Leeds Crown Court", "Judge Ann Reed", "Cook County Circuit Judge Ann Reed"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return noun.lemma_.lower() in COURT_NOUNS or any(
        c.dep_ == "compound" and c.lemma_.lower() in COURT_NOUNS for c in noun.children
    )


def custody_told(verb: Token) -> bool:
    """An arrest told as done to someone, with no place of its own: "Tom Reed was arrested on
    Friday", "police arrested Tom Reed". Where is the town of the police the story names (see
    `extract`)."""
    if verb.lemma_.lower() not in _ARREST_VERBS or verb.tag_ not in _PAST_TAGS:
        return False
    if is_where_relative(verb) or any(c.dep_ == "prep" and c.lower_ in _PLACING_PREPS for c in verb.children):
        return False  # "was booked into the St. James Youth Detention Center": placed by its phrase
    if is_passive(verb):
        return any(c.dep_ == "nsubjpass" for c in verb.children)
    return _has_person_object(verb) and any(c.dep_ == "nsubj" and is_police_force(c) for c in verb.children)


def police_force_places(doc: Doc) -> list[Token]:
    """The words of every town a police force of the text is named after ("Alexandria Police",
    "Leeds police officers"), in text order."""
    return [word for force in doc if is_police_force(force) for word in _words_of_its_town(force)]


def _words_of_its_town(force: Token) -> list[Token]:
    """The capitalised words before a police force's or a court's noun that may name its town
    ("Kenton County" in "Kenton County sheriff's deputies", "an Olmsted County jury"); whether they
    do is the place index's to say."""
    return [
        word
        for word in force.subtree
        if word.i < force.i and word.text[:1].isupper() and word.dep_ in ("compound", "poss", "nmod", "amod")
    ]


def is_police_force(noun: Token) -> bool:
    """ "police", "deputies", "Lebanon Police", "the Athens Police Department", "the Sheriff's Office"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.lemma_.lower() in POLICING_NOUNS or noun.lower_ in POLICING_NOUNS:
        return True
    return noun.lower_ in _FORCE_HEADS and any(
        c.dep_ in ("compound", "poss") and c.lemma_.lower() in POLICING_NOUNS for c in noun.children
    )


def subject_settings(verb: Token) -> list[Token]:
    """The "in"/"at" phrase right after a named subject, or set off by commas after it: "Judge
    Michael Barrett in Cincinnati imposed the prison term", "Blinken, in Cairo for talks with
    Egyptian officials, said"; and the one that ends a clause whose subject follows its verb
    ("'...,' commented Mr. Corby in Indonesia"). The parser hangs the place on the name; the
    phrase says where the subject is as the clause tells what they do, as "who was in Cairo"
    would."""
    return [
        prep
        for subject in verb.children
        if subject.dep_ in ("nsubj", "nsubjpass") and subject.pos_ == "PROPN"
        for prep in subject.children
        if prep.dep_ == "prep"
        and prep.lower_ in ("in", "at")
        and (_between_subject_and_verb(subject, prep, verb) or _closes_inverted_clause(subject, prep, verb))
    ]


def _between_subject_and_verb(subject: Token, prep: Token, verb: Token) -> bool:
    """ "Judge Michael Barrett in Cincinnati imposed", "Blinken, in Cairo for talks, said": a
    phrase right after the subject, or set off by commas, before its verb."""
    if not subject.i < prep.i < verb.i:
        return False
    doc = verb.doc
    return prep.i == subject.i + 1 or (
        doc[prep.i - 1].text == "," and any(t.text == "," for t in doc[prep.right_edge.i + 1 : verb.i])
    )


def _closes_inverted_clause(subject: Token, prep: Token, verb: Token) -> bool:
    """ "'...,' said Foreign Minister John Smith in Madrid.", "commented Mr. Corby in Indonesia":
    after a verb its subject follows (a quote's attribution), a phrase that ends the clause,
    right after the name or after its comma, says where the subject spoke."""
    if not verb.i < subject.i < prep.i:
        return False
    doc = subject.doc
    after = prep.right_edge.i + 1
    ends = after >= len(doc) or doc[after].is_sent_start or doc[after].text in (".", ",", ";", ":", "!", "?")
    return ends and (prep.i == subject.i + 1 or (doc[prep.i - 1].text == "," and prep.i - 1 == subject.i + 1))


def spread_preps(verb: Token) -> tuple[str, ...]:
    """ "campaigned across Iowa", "toured throughout the state": all over a place is in it, for a
    verb with no object; "showcased his message throughout the country" spreads the message."""
    return () if any(c.dep_ == "dobj" for c in verb.children) else ("across", "throughout", "through")


def tells_a_home(verb: Token) -> bool:
    """ "who lives in Austin", "resides in", "grew up in Denver": where a person lives or comes from.
    In the past "lived" may tell a stay the story is about ("returned from Australia, where she
    lived for several years"), so only the present of living is a home."""
    lemma = verb.lemma_.lower()
    if lemma in _HOME_VERBS:
        # "lives in Austin", "has lived in Riga since 2014": where the person lives now.
        return verb.tag_ in _PRESENT_TAGS or (
            verb.tag_ == "VBN"
            and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children)
        )
    return lemma == "grow" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def tells_a_birth(verb: Token) -> bool:
    """ "was born in Gainesville", "Martha, born in Grantville in 1913,": where a person was born.
    A birthplace dated long before the story is background, no stop
    (`dating.ArticleDates.before_story_time`); a birth the story tells as news ("the baby was born
    in a taxi in Leeds") is a stop like any other."""
    return verb.lemma_.lower() == "bear" and verb.lower_ == "born" and verb.tag_ == "VBN"


def reached_from_afar(verb: Token) -> Token | None:
    """The person a verb of remote contact reaches ("called her mother in Washington", "phoned
    Tom Reed in Paris", "sent a letter to Tom Reed in Paris"): the place in its clause is that
    person's, not the caller's."""
    if lemma_in(verb, REMOTE_ACT_VERBS):
        # "sent a letter to Paul Grant in Kyiv": the one written to is reached, not the sender.
        reached = [p for c in verb.children if c.dep_ in ("dative", "prep") and c.lower_ == "to" for p in c.children]
    elif lemma_in(verb, REMOTE_CONTACT_VERBS):
        reached = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    else:
        return None
    for child in reached:
        if (
            child.pos_ == "PROPN"
            or (child.pos_ == "PRON" and child.lower_ in _PERSON_OBJECT_PRONOUNS)
            or (child.pos_ == "NOUN" and child.lemma_.lower() in PERSON_NOUNS)
        ):
            return child
    return None


def _is_presence_verb(token: Token, lemma: str) -> bool:
    """A verb whose person subject is "in"/"at" a place, when the act is told (module docstring)."""
    if represented(token):
        return False  # "was represented at the event in Zaria by his chief of staff": absent
    if tells_repute(token):
        return False  # "is well known in Leeds": thought of there, not there
    if reached_from_afar(token) is not None:
        return False  # "called her mother in Washington": where the mother was
    if at_gathering(token) or gathering_addressed(token) is not None:
        return _act_told(token)
    if lemma in STATIVE_VERBS or lemma in ("be", "have") or tells_a_home(token):
        return False
    if lemma in NEGATING_HEADS:
        return False  # "withdrew from the Italian Open in Rome", "skipped the summit in Sydney"
    if is_where_relative(token):
        return True
    located_preps = ("from",) if lemma in SPEAKING_FROM_VERBS else ()
    located_preps += spread_preps(token)
    located = (
        any(
            c.dep_ == "prep" and (static_phrase(c) or c.lower_ in located_preps or placed_by_its_noun(c))
            for c in token.children
        )
        or bool(says_there(token) or says_here(token))
        or bool(while_settings(token))
        or bool(policing_places(token))
        or bool(court_places(token))
        or bool(compass_settings(token))
    )
    if not located and befalls_in_incident(token):
        return True  # where the incident the story told was (see `extract`)
    if not located and custody_told(token):
        return True  # in the town of the police the story names (see `extract`)
    if not located and introduces_someone(token):
        return True  # at the gathering the story reports (see `extract`)
    if not located and not subject_settings(token) and not audience_settings(token) and not phrase_settings(token):
        return False
    if _act_told(token):
        return True
    # A habit in the present puts its subject there ("she skates in Red Deer"); an activity
    # with an object does not say where the actor is ("he does deals in Russia").
    return (
        token.tag_ in _PRESENT_TAGS
        and lemma not in REPORTING_VERBS
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "aux", "auxpass") for c in token.children)
    )


def _passive_custody_or_conveyance(token: Token, lemma: str) -> TriggerSense | None:
    """What a passive with a subject says of where it was or was brought: "was held in the county
    jail in Greenwood" (presence), "was taken to Frederick Memorial Hospital in Frederick" (a move
    there), when the act is told. Whether the subject is a person is for the participants to say."""
    if not _passive_with_subject(token):
        return None
    if not (token.tag_ in _PAST_TAGS or _told_as_plan(token)):
        return None
    # The parser labels some "to" phrases datives: "was sent to Boise"; "was sent back to
    # Tegucigalpa" hangs it on "back".
    preps = {
        c.lower_
        for h in _with_back(token)
        for c in h.children
        if c.dep_ == "prep" or (c.dep_ == "dative" and c.lower_ == "to")
    }
    if says_there(token):
        preps.add("there")
    # A move first: "was deployed to Gaza in March" goes to Gaza ("in March" is no place).
    if lemma in CONVEYANCE_VERBS and preps & {"to", "into", "out"}:  # "was flown out of Kyiv"
        return TriggerSense(lemma, TriggerKind.MOTION, PASSIVE_SENSE_STRENGTH)
    held = any(static_phrase(c) for h in _with_back(token) for c in h.children if c.dep_ == "prep")
    if lemma in CUSTODY_VERBS and (held or "there" in preps):
        return TriggerSense(lemma, TriggerKind.PRESENCE, PASSIVE_SENSE_STRENGTH)
    if lemma in CONVEYANCE_VERBS and "there" in preps:
        return TriggerSense(lemma, TriggerKind.MOTION, PASSIVE_SENSE_STRENGTH)
    return None


def _passive_with_subject(token: Token) -> bool:
    """Whether `token` is a passive told of a subject: its own ("was taken to"), or one it shares
    with the verb it is coordinated with, as news tells what befell someone in a row of verbs:
    "was shot twice and taken to a hospital in Tulsa" (the passive shared too), "suffered a
    broken leg and was flown to Omaha" (an active verb's subject)."""
    if is_passive(token):
        if any(c.dep_ == "nsubjpass" for c in token.children):
            return True
    elif token.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    if token.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
        return False
    first = token.head
    # The nearest verb before it with an auxiliary of its own, whose voice a bare participle shares.
    voiced = None if is_passive(token) else token.head
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
        if voiced is not None and not any(c.dep_ in ("aux", "auxpass") for c in voiced.children):
            voiced = first
    if first.pos_ not in ("VERB", "AUX"):
        return False
    if is_passive(token):
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children)
    # No auxiliary of its own: the participle is passive only as the verb before it with one is
    # ("was shot and taken"; "fled and was arrested and taken to the county jail": the row's
    # subject); after an active verb it is a perfect's ("has visited and taken").
    return voiced is not None and is_passive(voiced) and any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children)


# Pronouns that can only mean people, as the object a carrying verb takes somewhere.
_PERSON_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "himself", "herself", "themselves"})
_CARRIED_TO = frozenset({"to", "into", "through", "across"})


def _active_carrying(token: Token, lemma: str) -> TriggerSense | None:
    """ "the trip will take him to Papua New Guinea": a carrying verb in the active whose object
    is a person (a personal pronoun or a name) and which names where to."""
    if lemma not in CARRYING_VERBS | SENDING_VERBS | {"head"} or is_passive(token):
        return None
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if lemma in ("lead", "head") and any(o.lemma_.lower() in ("mission", "delegation") for o in objects):
        # "led a trade mission to Manila": the leader goes where the mission goes.
        return TriggerSense(lemma, TriggerKind.MOTION, CARRYING_STRENGTH, ObjectReading.EVENT)
    if not _has_person_object(token):
        return None
    # The parser takes the "to" of "brought Anna Smith to Madrid" for a dative now and then.
    if not any(c.dep_ in ("prep", "dative") and c.lower_ in _CARRIED_TO for c in token.children):
        return None
    reading = ObjectReading.SENT if lemma in SENDING_VERBS else ObjectReading.TRAVELLER
    return TriggerSense(lemma, TriggerKind.MOTION, CARRYING_STRENGTH, reading)


def _active_custody(token: Token, lemma: str) -> TriggerSense | None:
    """ "deputies arrested Victor Lane at a motel in Ocala": a custody verb in the active whose
    object is a person (a personal pronoun or a name) and which says where, when the act is told.
    The object was there, and a person subject with it."""
    judged = court_places(token)
    if (lemma not in ACTIVE_CUSTODY_VERBS and not judged) or is_passive(token):
        return None
    if not _act_told(token) or not (_has_person_object(token) or (judged and _person_judged(verdict_clause(token)))):
        return None
    if (
        not any(c.dep_ == "prep" and static_phrase(c) for c in token.children)
        and not says_there(token)
        and not policing_places(token)
        and not judged
    ):
        return None
    return TriggerSense(lemma, TriggerKind.PRESENCE, PASSIVE_SENSE_STRENGTH, ObjectReading.TRAVELLER)


def _has_person_object(verb: Token) -> bool:
    """Whether a verb's object is a person: a personal pronoun, a name, or a description of one
    already told ("police arrested the suspect at a motel in Ocala")."""
    return any(c.dep_ == "dobj" and (_means_a_person(c) or _someones_body(c)) for c in verb.children)


def _means_a_person(word: Token) -> bool:
    """A personal pronoun, a name, or a description of someone already told ("the suspect")."""
    return word.lower_ in _PERSON_OBJECT_PRONOUNS or word.pos_ == "PROPN" or _told_person(word)


def _someones_body(noun: Token) -> bool:
    """ "found the body of Juantissa Hill", "recovered his remains": the dead person, as an object."""
    owner = remains_owner(noun)
    return owner is not None and (owner.pos_ == "PROPN" or owner.lower_ in _PERSON_OBJECT_PRONOUNS)


def _told_person(noun: Token) -> bool:
    """ "the suspect", "the man", "the driver": a definite description of a person."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in PERSON_NOUNS
        and any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in noun.children)
    )


def _act_told(token: Token) -> bool:
    """Whether a verb tells an act as done or planned: in the past, sharing a past verb's time, or
    as a plan ("will speak", "is scheduled to speak")."""
    return (
        token.tag_ in _PAST_TAGS
        or _shares_past_time(token)
        or _done_before_present(token)
        or _told_as_plan(token)
        or charged_act(token)
    )


def charged_act(token: Token) -> bool:
    """Whether a gerund is what someone is charged with, convicted of or admits: "is accused of
    shooting a man in Norman", "was charged with assaulting a man in Parma", "pleaded guilty to
    robbing a clerk in Parma", "admits stealing a car in Parma". The act is told as done before
    the charge, whatever the charge's own tense, as "allegedly" tells it (not "was acquitted of",
    nor "denied", whose act the status reader refuses)."""
    return charge_of(token) is not None


def charge_of(token: Token) -> Token | None:
    """The word that charges someone with the act a gerund tells, or owns up to it ("accused",
    "charged", "guilty", "admitted"), or None."""
    if token.tag_ != "VBG":
        return None
    if token.dep_ == "xcomp":
        return token.head if lemma_in(token.head, _CONFESSING_VERBS) else None
    if token.dep_ != "pcomp" or token.head.lower_ not in _CHARGE_PREPS:
        return None
    head = token.head.head
    if head.pos_ not in ("VERB", "ADJ") and head.lower_ != "charges":
        return None  # "faces charges of assaulting"; not "is in charge of patrolling"
    if lemma_in(head, _CHARGING_HEADS) or (token.head.lower_ == "to" and lemma_in(head, _CONFESSING_VERBS)):
        return head
    return None


def _done_before_present(token: Token) -> bool:
    """ "is feeling good after spending a night in a Montreal jail", "since arriving in Paris, he
    has met ...": what "after" or "since" sets before a present is done; before a future ("will
    leave after visiting Rome") it is not yet."""
    if token.tag_ != "VBG" or token.dep_ != "pcomp" or token.head.lower_ not in ("after", "since"):
        return False
    verb = token.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & FUTURE_MODALS or "to" in auxiliaries or verb.tag_ == "VB":
        return False
    return verb.tag_ in _PRESENT_TAGS or (verb.tag_ == "VBG" and bool(auxiliaries & _PRESENT_AUXILIARIES))


def during_gathering(prep: Token) -> bool:
    """ "fell ill during a concert in Montreal", "was hurt during the attack in Kabul", "was found
    during a safety check in Wainwright": a "during" phrase whose noun is a gathering, an incident
    or a spell of duty, which its own "in" phrase places; "was killed while on patrol in Helmand":
    a duty one is out on; and "met on the sidelines of the G7 summit in Hiroshima", "on the eve of
    talks in Geneva": a part or a moment of a gathering."""
    if prep.lower_ == "during":
        return any(
            p.dep_ == "pobj" and p.lemma_.lower() in EVENT_NOUNS | INCIDENT_NOUNS | DUTY_NOUNS | OPERATION_NOUNS
            for p in prep.children
        )
    if prep.lower_ not in ("on", "at"):
        return False
    if prep.lower_ == "on" and any(p.dep_ == "pobj" and out_on_duty(p) for p in prep.children):
        return True  # "was killed while on patrol in Helmand": out on a duty there
    return any(part.dep_ == "pobj" and gatherings_of_part(part) for part in prep.children)


def out_on_duty(noun: Token) -> bool:
    """A duty noun as one is out on it ("on patrol", "on a mission", "on his third deployment"),
    not as a topic ("commented on the mission")."""
    return noun.lemma_.lower() in DUTY_NOUNS and not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def placed_by_its_noun(prep: Token) -> bool:
    """A phrase whose noun, not the verb, the parser gives the place to, though it says where the
    act was: a gathering or a moment of one ("during a concert in Montreal", "on the sidelines of
    the summit in Hiroshima"), being held ("under house arrest in Moscow"), a facility left
    ("discharged from a hospital in Dallas")."""
    return during_gathering(prep) or _under_custody(prep) or _out_of_a_facility(prep)


def _out_of_a_facility(prep: Token) -> bool:
    """ "was discharged from a hospital in Dallas", "was released from a jail in Lima": a "from"
    phrase of a facility, which its own phrase places, on a verb with no object (one who leaves a
    facility was in it; "received a letter from a hospital in Lima" has an object)."""
    return (
        prep.lower_ == "from"
        and not any(c.dep_ == "dobj" for c in prep.head.children)
        and any(p.dep_ == "pobj" and p.lemma_.lower() in FACILITY_NOUNS for p in prep.children)
    )


def _under_custody(prep: Token) -> bool:
    """ "was placed under house arrest in Moscow", "was put under arrest in Kyiv": an "under"
    phrase of being held, which its own "in" phrase places."""
    return prep.lower_ == "under" and any(p.dep_ == "pobj" and p.lemma_.lower() in CUSTODY_NOUNS for p in prep.children)


def gatherings_of_part(part: Token) -> list[Token]:
    """The gatherings a part or a moment of one names in its "of" phrase: "the sidelines of the
    G7 summit" -> summit, "the eve of talks" -> talks; none for any other noun."""
    if part.lemma_.lower() not in GATHERING_PART_NOUNS:
        return []
    return [
        gathering
        for of in part.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for gathering in of.children
        if gathering.dep_ == "pobj" and gathering.lemma_.lower() in _GATHERINGS
    ]


def says_there(verb: Token) -> Token | None:
    """A verb's bare "there", which refers to a place named before ("was arrested there", "went
    there"); not "there in Kyiv", whose phrase names the place itself."""
    return next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "there" and not list(c.children)), None)


def says_here(verb: Token) -> Token | None:
    """A verb's bare "here", which in a report means where it was filed: "SEATTLE (AP) — Jassy
    told shareholders here on Tuesday" (the extractor reads it only when there is a dateline)."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "advmod"
            and c.lower_ == "here"
            # "here on Tuesday" still means the dateline; "here in Kyiv" names its place.
            and not any(p.dep_ == "prep" and p.lower_ in ("in", "at") for p in c.children)
        ),
        None,
    )


# Verbs whose gathering object is not one they take part in: it is planned, reported, called off
# or talked about from elsewhere.
_NOT_TAKING_PART = frozenset(
    ["plan", "organize", "organise", "schedule", "announce", "fund", "sponsor", "broadcast", "televise", "cover"]
)


def _takes_part_in_gathering(token: Token, lemma: str) -> bool:
    """A verb told as done or planned whose object is a gathering: "won the Boston Marathon",
    "played three concerts in Lisbon", "will headline a festival in London"."""
    if lemma in REPORTING_VERBS or lemma in NEGATING_HEADS or lemma in TOPIC_VERBS or lemma in _NOT_TAKING_PART:
        return False
    if is_passive(token):
        return False
    if not any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() in EVENT_NOUNS for c in token.children
    ):
        return False
    return _act_told(token)


_GUESSING_MODALS = frozenset(["may", "might", "could", "would"])


def _told_as_plan(token: Token) -> bool:
    """ "will speak in Lisbon", "is scheduled to speak at a rally in Ohio": an act told as
    planned, which puts its subject there as plainly as the past does (status reads the plan)."""
    if token.tag_ != "VB":
        return False
    # "will speak in Lisbon"; "may spend two weeks in Spain", "would perform in Rome" (the
    # status reads the guess or the reported plan).
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | _GUESSING_MODALS for c in token.children):
        return True
    return (
        token.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and lemma_in(token.head, PLANNING_HEADS)
    )


def _shares_past_time(token: Token) -> bool:
    """A participle or infinitive hanging from a verb in the past (or present perfect)."""
    if token.tag_ not in ("VBG", "VB") or token.dep_ not in _SHARED_TIME_DEPS | {"acl"}:
        return False
    if token.tag_ == "VB" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False  # "will speak", "did not speak": a bare verb with its own auxiliary
    current = token
    for _ in range(5):
        # "said Grant, speaking at": a participle on a noun shares the time of the noun's verb.
        allowed = _SHARED_TIME_DEPS | ({"acl"} if current is token else _NOUN_SLOTS)
        if current.dep_ not in allowed or current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            auxiliaries = {c.lower_ for c in current.children if c.dep_ == "aux"}
            # "was killed while patrolling in Kandahar": what the person was doing when a passive
            # in the past befell them is in the past too.
            befell = _while_clause(token) and any(
                c.dep_ == "auxpass" and c.lower_ in _PAST_PASSIVES for c in current.children
            )
            return current.tag_ == "VBD" or (
                current.tag_ == "VBN" and (bool(auxiliaries & _PERFECT_AUXILIARIES) or befell)
            )
    return False


def while_settings(verb: Token) -> list[Token]:
    """In a "while" clause, the "in"/"at"/"near" phrases on the verb's object: "was wounded while
    supporting combat operations in Helmand", "collapsed while conducting services in the chapel".
    What the person was doing then was done there, and so they were."""
    if not _while_clause(verb):
        return []
    return [
        prep
        for obj in verb.children
        if obj.dep_ == "dobj"
        for prep in obj.children
        if prep.dep_ == "prep" and static_phrase(prep)
    ]


def _while_clause(token: Token) -> bool:
    """A participle clause of the time of its head: "while patrolling", "when visiting"."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "when") for c in token.children)


def is_where_relative(token: Token) -> bool:
    """ "Izmir, where he had lived": a relative clause opened by "where" (or "in which"); also one
    the parser hangs on the verb of the place before it ("traveled to Kyiv, where she met")."""
    if token.dep_ == "advcl" or (token.dep_ == "relcl" and _is_time(token.head)):
        opened = any(c.dep_ == "advmod" and c.lower_ == "where" and c.i < token.i for c in token.children)
        return opened and where_antecedent(token) is not None
    if token.dep_ != "relcl":
        return False
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ == "where":
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "at") and any(c.lower_ == "which" for c in child.children):
            return True
    return False


def where_antecedent(clause: Token) -> Token | None:
    """The place a "where" clause means: the noun it hangs on, or, hung on a verb or on a time,
    the last named object of that verb's prepositions before the clause ("traveled to Kyiv last
    week, where ...", "traveled to Kyiv on Monday, where ...")."""
    head = clause.head
    if clause.dep_ == "relcl" and not _is_time(head):
        return head
    verb = head if clause.dep_ == "advcl" else head.head.head if head.dep_ == "pobj" else head.head
    objects = [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.i < clause.i
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN" and not _is_time(pobj)
    ]
    return max(objects, key=lambda t: t.i) if objects else None


def _is_time(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME")


def at_gathering(token: Token) -> bool:
    """ "had strong words at a fundraiser": the verb's "at" phrase names a gathering, or a part or
    a moment of one ("made the announcement at the start of a conference in Harare", "signed the
    deal on the sidelines of the summit in Delhi")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("at", "on")
        and any(
            p.dep_ == "pobj" and ((c.lower_ == "at" and p.lemma_.lower() in EVENT_NOUNS) or gatherings_of_part(p))
            for p in c.children
        )
        for c in token.children
    )


def _is_located_copula(token: Token) -> bool:
    """ "was in Paris", "is currently at the summit": a main "be" with a subject and a place phrase."""
    if token.dep_ == "aux" or token.dep_ == "auxpass":
        return False
    # "is believed to be in Sydney", "was said to be at the summit": the subject is the raising verb's.
    raised = token.dep_ == "xcomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.head.children)
    has_subject = raised or any(c.dep_ == "nsubj" for c in token.children)
    if tells_repute(token):
        return False  # "is popular in Kyiv": thought of there, not there
    return has_subject and any(
        (c.dep_ == "prep" and c.lower_ in ("in", "at", "on")) or bool(copula_phrases(c)) for c in token.children
    )


def tells_repute(verb: Token) -> bool:
    """Whether a clause tells only what its subject is thought of in a place: "Anna Weber is
    popular in Kyiv", "is wanted in Kyiv", "is well known in Leeds" (a copula and an adjective, or
    a passive of knowing or wanting)."""
    if verb.lemma_.lower() == "be":
        return any(c.dep_ == "acomp" and c.lower_ in REPUTE_WORDS for c in verb.children)
    return verb.lower_ in REPUTE_WORDS and any(c.dep_ == "auxpass" for c in verb.children)


def represented(verb: Token) -> bool:
    """A passive of representing: its subject was not there ("was represented at the event by")."""
    return verb.lemma_.lower() == "represent" and is_passive(verb)


def copula_phrases(token: Token) -> list[Token]:
    """The "in" or "at" phrases of a "due" or a "back" a copula takes, which the parser hangs there,
    not on the verb: where a plan puts its subject ("is due in Houston on Friday", "is due back in
    Ottawa", "is due in court in Leeds"; a past "was due in Leeds" does not tell whether the plan
    came true: none then), where the subject is again ("is back in Ballarat"), or is present
    ("Also present at the summit was ...")."""
    # "is back in Ballarat this week", "will be back in Rome": being somewhere again; "Also present
    # at the summit in Paris was Tom Reed": the parser hangs the place on "present".
    again = token.dep_ == "advmod" and token.lower_ == "back"
    present = token.dep_ == "acomp" and token.lower_ == "present"
    if (again or present) and token.head.lemma_.lower() == "be":
        return settings_of(token)
    if token.dep_ != "acomp" or token.lower_ != "due" or token.head.tag_ not in ("VBZ", "VBP"):
        return []
    return [c for head in _with_back(token) for c in settings_of(head)]


def _with_back(token: Token) -> list[Token]:
    """A token and the "back" it governs, which the parser may hang a phrase on instead ("was sent
    back to Tegucigalpa", "is due back in Ottawa")."""
    return [token, *(c for c in token.children if c.dep_ == "advmod" and c.lower_ == "back")]
