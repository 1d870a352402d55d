"""Trigger words: the verbs and nouns that say someone went somewhere or met someone there.

Each trigger has a sense: what kind of event it is, how strongly it puts its actor at the place
it governs (its strength, used for confidence), and how its object reads: as a place ("visited
Vladivostok", "toured a factory"), as a companion ("met Putin", "hosted Kim"), or as an event
attended ("attended a summit in ..."). Lemmas come from spaCy, so "visited", "visits" and
"visiting" are one trigger.

Besides the listed verbs, any other verb in the past whose person subject is "in" or "at" a
place is a weak presence trigger ("said to reporters in Paris", "spoke at a rally in Ohio"),
except stative verbs ("was born in", "is based in"); and "be" itself with "in", "at" or "on"
("Dr. Maggard was on the Champs-Elysees", "is currently in France").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Token

from geo.text.events.lexicon import STATIVE_VERBS

__all__ = ["TriggerKind", "ObjectReading", "TriggerSense", "Trigger", "find_triggers", "VERB_SENSES", "NOUN_SENSES"]


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
        _sense("return", M, 0.85),
        _sense("inspect", M, 0.8, P),
        _sense("come", M, 0.75),
        _sense("go", M, 0.75),
        _sense("head", M, 0.7, destination="for"),
        _sense("leave", M, 0.7, P, destination="for"),
        _sense("depart", M, 0.7, P, destination="for"),
        _sense("drive", M, 0.75),
        _sense("sail", M, 0.75),
        _sense("cross", M, 0.8, requires="into"),
        _sense("stop", M, 0.7, requires="in at over"),
        _sense("pull", M, 0.8, requires="into in"),
        _sense("meet", G, 0.8, C),
        _sense("attend", G, 0.8, E),
        _sense("host", G, 0.8, C),
        _sense("welcome", G, 0.75, C),
        _sense("greet", G, 0.75, C),
        _sense("receive", G, 0.6, C),
        _sense("join", G, 0.65, C),
        _sense("brief", G, 0.6, C),
        _sense("accompany", G, 0.8, C),
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
        _sense("voyage", M, 0.7),
        _sense("arrival", M, 0.85),
        _sense("stay", M, 0.8),
        _sense("stopover", M, 0.8),
        _sense("meeting", G, 0.7),
        _sense("summit", G, 0.7),
        _sense("talk", G, 0.65),
        _sense("talks", G, 0.65),
        _sense("invitation", TriggerKind.INVITATION, 0.7),
    )
}

PRESENCE_SENSE_STRENGTH = 0.5
COPULA_STRENGTH = 0.7  # "Dr. Maggard was on the Champs-Elysees", "is currently in France"


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
            sense = VERB_SENSES.get(lemma)
            if sense is not None and _requirement_met(token, sense):
                triggers.append(Trigger(token, sense, nominal=False))
            elif lemma == "be" and _is_located_copula(token):
                triggers.append(
                    Trigger(token, TriggerSense("be", TriggerKind.PRESENCE, COPULA_STRENGTH), nominal=False)
                )
            elif sense is None and _is_presence_verb(token, lemma):
                triggers.append(
                    Trigger(token, TriggerSense(lemma, TriggerKind.PRESENCE, PRESENCE_SENSE_STRENGTH), nominal=False)
                )
        elif token.pos_ == "NOUN":
            sense = NOUN_SENSES.get(lemma) or NOUN_SENSES.get(token.lower_)
            if sense is not None:
                triggers.append(Trigger(token, sense, nominal=True))
    return triggers


def _requirement_met(token: Token, sense: TriggerSense) -> bool:
    if not sense.requires:
        return True
    words = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt", "advmod")}
    words |= {c.lemma_.lower() for c in token.children if c.dep_ == "dobj"} | {
        c.lower_ for c in token.children if c.dep_ == "dobj"
    }
    return bool(words & sense.requires)


def _is_presence_verb(token: Token, lemma: str) -> bool:
    """Any verb with an "in"/"at" phrase, unless it is stative ("born in", "based in")."""
    if lemma in STATIVE_VERBS or lemma in ("be", "have"):
        return False
    # Only a told act puts someone somewhere: "said in Paris", "spoke at the summit"; a habit
    # or a state in the present does not ("he does deals in Russia").
    if token.tag_ not in ("VBD", "VBN"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in token.children)


def _is_located_copula(token: Token) -> bool:
    """ "was in Paris", "is currently at the summit": a main "be" with a subject and a place phrase."""
    if token.dep_ == "aux" or token.dep_ == "auxpass":
        return False
    has_subject = any(c.dep_ == "nsubj" for c in token.children)
    return has_subject and any(c.dep_ == "prep" and c.lower_ in ("in", "at", "on") for c in token.children)
