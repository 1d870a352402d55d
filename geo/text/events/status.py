"""Whether an event happened, is planned, is only a guess, or is denied.

The markers are read on the trigger and on the clauses that govern it, up to the nearest
reporting verb (reported speech changes neither the subject nor the status):

- negated, not an event: "did not visit", "never went", "no plans to visit", "without visiting",
  a part taken from elsewhere ("addressed the summit by video link", "tried in absentia"),
  a to-clause or an object under a verb of failing or calling off ("was unable to attend",
  "failed to reach", "cancelled his visit"), an event called off in the passive ("the visit was
  postponed", "was called off"), a plan whose sentence calls the trip off in a clause of its own
  ("had planned to visit Sydney, but the trip was called off", "but called it off"), what is
  done instead of it ("instead of flying to Paris", "rather than return to Kabul") or kept
  from happening ("was banned from entering Britain", "gave up on moving to Canada"), a plan or
  an invitation called off or turned down ("called off plans to visit", "declined an invitation
  to speak in Oslo"), a past that did not happen ("would have visited Paris", "was to have
  visited Tokyo") or has not yet ("has yet to visit Paris"), what the subject denies doing
  ("denied visiting Paris") or is refused or loses ("was denied permission to travel", "lost
  her bid to return");
- speculative: a modal ("could", "may", "might", "would" outside reported speech), a hedge
  ("likely", "unlikely", "possibly"), "if", "whether", a bid, request or invitation not yet
  accepted ("in a bid to reach Paris"), a to-clause under a wish ("hopes to visit"), a clause
  under a verb of guessing ("experts speculate Kim will ...", "is believed to be in Sydney"), a
  gerund looked forward to or thought about ("is thinking about moving to Denver");
- planned: "will", "is going to", a to-clause under a plan ("is expected to", "plans to", "is
  scheduled to", "is planning on visiting"; "is to", and "was to speak in Leeds", a plan then),
  "would" in reported speech ("said Kim would visit"), a present-tense verb with a future adverb
  ("travels next to"), a progressive of motion toward a place ("is traveling to Gaza", "was
  making her first trip to Gaza": the arrival is not told; where a past one set out from is a
  stop, `status_at`), a plan told as a present state ("is due in Baghdad", "is expected in
  Lisbon"), a headline's "Obama to visit Cuba", a nominal event marked as such ("the planned
  visit"), an accepted invitation ("accepted an invitation to visit Paris"), a trip a clause
  happens ahead of ("gave an interview ahead of his visit to Madrid", "in the run-up to her trip
  to Kyiv"), or a date in the event's clause that lies after publication;
- occurred otherwise.

Speculative outranks planned ("will likely supply" is a guess about a future).
"""

from __future__ import annotations

from spacy.tokens import Token

from geo.model import EventStatus
from geo.text.dates.lexicon import MONTHS
from geo.text.events.dating import schedules
from geo.text.events.lexicon import (
    DOUBT_ADJECTIVES,
    DOUBT_NOUNS,
    EVENT_NOUNS,
    FUTURE_ADVERBS,
    FUTURE_MODALS,
    HEDGE_ADVERBS,
    NEGATING_HEADS,
    PLANNED_ADJECTIVES,
    PLANNING_HEADS,
    REPORTING_VERBS,
    SPECULATION_VERBS,
    SPECULATIVE_ADJECTIVES,
    SPECULATIVE_MODALS,
    SPECULATOR_NOUNS,
    WEEKDAY_WORDS,
    WISH_HEADS,
    lemma_in,
)
from geo.text.events.parsing import is_passive, is_past_progressive, is_progressive
from geo.text.events.triggers import WAY_NOUNS, Trigger, TriggerKind, charge_of, puts_in_doubt

__all__ = ["event_status", "calls_off", "status_at", "taken_part_remotely"]

# Dependencies through which a clause inherits the status of the one above it.
_INHERITING = frozenset(
    {"xcomp", "ccomp", "conj", "dep", "acomp", "attr", "acl", "dobj", "pobj", "prep", "pcomp", "advcl"}
)
_MAX_CLIMB = 6
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Subordinators of reason, concession and time: what their clause says holds whatever the clause
# above denies ("wasn't in his building, because he's in the county jail"; "was not hurt when his
# truck overturned near Leeds").
_ASSERTING_MARKS = frozenset({"because", "since", "as", "when", "while", "after", "once", "although", "though"})


# "Paul Stone may be contacted via e-mail at ...", "can be reached at 555-0100": a newspaper's
# line on how to reach its writer, which says nothing of where anyone is.
_CONTACT_VERBS = frozenset(["contact", "reach", "email", "e-mail"])
_CONTACT_MODALS = frozenset(["can", "may", "could", "might"])


def _tells_how_to_reach(verb: Token) -> bool:
    """Whether a clause tells how someone may be contacted: a contact verb in the passive
    under a modal of possibility ("may be contacted", "can be reached")."""
    if verb.lemma_.lower() not in _CONTACT_VERBS:
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return "be" in {c.lemma_.lower() for c in verb.children if c.dep_ == "auxpass"} and bool(
        auxiliaries & _CONTACT_MODALS
    )


def event_status(trigger: Trigger, *, future_date: bool = False) -> EventStatus | None:
    """The status of `trigger`'s event; None when the text denies it.

    `future_date` says the date expression of the event's clause lies after publication.
    """
    token = trigger.token
    if _tells_how_to_reach(token):
        return None
    speculative = planned = False
    if trigger.sense.kind is TriggerKind.INVITATION:
        planned = True
    if trigger.nominal:
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "det")}
        if "no" in modifiers:
            return None
        planned |= bool(modifiers & PLANNED_ADJECTIVES)
        speculative |= bool(modifiers & SPECULATIVE_ADJECTIVES)
    current: Token = token
    direct = True  # every step so far went up a to-clause: the trigger is what the head denies
    asserted = False  # the climb left a clause of reason or time: no denial above reaches it
    for depth in range(_MAX_CLIMB):
        children = list(current.children)
        if not asserted and (_negated(current, children, is_trigger=depth == 0) or _taken_part_from_afar(children)):
            return None
        if not asserted and _counterfactual(current, children):
            return None  # "would have visited Paris", "was to have visited Tokyo"
        if (charge := charge_of(current)) is not None:
            # "is accused of shooting a man in Norman", "will be charged with assaulting": the act
            # is told as done, whatever the charge's tense; a suspicion only guesses at it, and a
            # charge denied ("was not charged with", "pleaded not guilty to") tells nothing of it.
            if _negated(charge, list(charge.children), is_trigger=False):
                return None
            speculative |= lemma_in(charge, SPECULATION_VERBS)
            break
        auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        adverbs = {c.lower_ for c in children if c.dep_ in ("advmod", "acomp")}
        marks = {c.lower_ for c in children if c.dep_ == "mark"}
        reported = _is_reported(current)
        if auxiliaries & FUTURE_MODALS:
            planned = True
        modals = auxiliaries & SPECULATIVE_MODALS
        if modals == {"would"} and reported and not _speculator_reports(current):
            planned = True  # "said Kim would visit": the future seen from the past
        elif modals:
            speculative = True
        if adverbs & HEDGE_ADVERBS or marks & _CONDITIONAL_MARKS or current.lower_ in HEDGE_ADVERBS:
            speculative = True
        if current.tag_ in _PRESENT_TAGS | {"VB"} and adverbs & FUTURE_ADVERBS and not auxiliaries - FUTURE_MODALS:
            planned = True
        if current.tag_ == "VBG" and current.lemma_.lower() == "go" and depth > 0:
            planned = True  # "is going to travel"
        if depth == 0 and _futurate_progressive(current, children):
            planned = True  # "is traveling to Gaza on Sunday"
        if depth == 0 and _schedule_within_a_plan(current, children):
            planned = True  # "Weber, who arrives in Kyiv on Sunday, will meet Grant"
        if depth == 0 and _headline_plan(current, children):
            planned = True  # "Obama to visit Cuba in March": a headline's plan
        if depth == 0 and _expected_there(current, children):
            planned = True  # "is due in Baghdad on Friday", "is expected in Lisbon in August"
        if _programme(current, children):
            planned = True  # "The festival opens on Friday with a concert by Weber": a programme
        if trigger.sense.kind is TriggerKind.MOTION and _heading_for(trigger, current, children, depth):
            planned = True  # "is traveling to Gaza": the arrival is still to come
        if depth == 0 and trigger.nominal and _on_the_way(current):
            planned = True  # "died on her way to Paris", "stopped in Oslo on his way to Berlin"
        if depth == 0 and _awaited(current):
            planned = True  # "gave an interview ahead of his visit to Madrid": the trip is to come
        if depth == 0 and trigger.nominal and in_doubt(current):
            speculative = True  # "leaving in question his participation in the Tour de France"
        head = current.head
        if _denied(current, head):
            return None  # "denied that the king would travel", "denied reports that Swift will headline"
        if depth == 0 and trigger.nominal and current.dep_ == "nsubjpass" and calls_off(head):
            return None  # "his visit to Cairo was postponed", "the trip was cancelled"
        if depth == 0 and trigger.nominal and _scheduled(current, head):
            planned = True  # "Scholz's trip to Beijing is scheduled for June", "has been delayed until"
        if depth == 0 and trigger.nominal and current.dep_ == "dobj" and lemma_in(head, _ANNOUNCING_VERBS):
            planned = True  # "The Kremlin announced a visit by Putin to Beijing": a trip to come
        if current.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and (depth == 0 or current.dep_ == "pcomp"):
            # A gerund or an event noun as what a verb's preposition governs: "is planning on
            # visiting", "was banned from entering", "instead of flying to Paris".
            reading = _through_preposition(head)
            if reading is _DENIED:
                return None
            planned |= reading is EventStatus.PLANNED
            speculative |= reading is EventStatus.SPECULATIVE
        if head.i == current.i or current.dep_ not in _INHERITING:
            break
        if current.dep_ in ("conj", "dep") and any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
            break  # "Kim will visit X and Putin visited Y": a clause of its own
        if current.dep_ == "advcl" and {c.lower_ for c in children if c.dep_ in ("mark", "advmod")} & _ASSERTING_MARKS:
            asserted = True  # the parser hangs "when" as an adverb, "because" as a mark
        if direct and current.dep_ in ("xcomp", "dobj") and calls_off(head):
            return None  # "was unable to attend", "failed to reach", "cancelled his visit"
        if current.dep_ == "xcomp" and _not_yet(head):
            return None  # "has yet to visit Paris"
        if current.dep_ == "xcomp" and current.tag_ == "VBG" and lemma_in(head, _DENYING_VERBS):
            return None  # "denied visiting Paris", "denied being in Paris that night"
        if _plan_of(current, head):
            if lemma_in(head.head, _REFUSING_VERBS) and head.dep_ == "dobj":
                return None  # "was denied permission to travel", "lost her bid to return"
            if head.lemma_.lower() in _ATTEMPT_NOUNS:
                accepted = head.dep_ == "dobj" and head.head.lemma_.lower() == "accept"
                planned |= accepted  # "accepted an invitation to visit Paris"
                speculative |= not accepted  # "in a bid to reach Paris", "an invitation to visit"
        # Only what is itself failed is denied: "failed to win relief during a summit" held the
        # summit; but a plan or an invitation is its event ("turned down an invitation to visit").
        direct = (direct and (current.dep_ == "xcomp" or _plan_of(current, head))) or (
            depth == 0 and trigger.nominal and current.dep_ == "dobj"
        )
        if current.dep_ in ("xcomp", "acl") and lemma_in(head, PLANNING_HEADS):
            planned = True
        if current.dep_ == "dep" and current.tag_ == "VB" and lemma_in(head, PLANNING_HEADS):
            planned = True  # "is scheduled to arrive ..., then take part in": a second step of the plan
        if current.dep_ == "xcomp" and head.lemma_.lower() == "be" and head.tag_ in _PRESENT_TAGS | {"VBD"}:
            planned = True  # "Peres is to make an official visit"; "was to speak in Leeds": a plan then
        if current.dep_ == "advcl" and current.tag_ == "VBG" and _makes_plan(head):
            planned = True  # "Making his first visit ..., Obama is scheduled to arrive"
        if current.dep_ in ("xcomp", "acl") and lemma_in(head, WISH_HEADS):
            speculative = True
        if _requested(current, head):
            speculative = True  # "asked for $1,200 to visit Rome", "called on the state to return her"
        if current.dep_ == "ccomp" and lemma_in(head, SPECULATION_VERBS):
            speculative = True
        if current.dep_ == "xcomp" and lemma_in(head, SPECULATION_VERBS) and is_passive(head):
            speculative = True  # "is believed to be in Sydney", "is thought to have fled to"
        if current.dep_ == "ccomp" and lemma_in(head, REPORTING_VERBS):
            if any(c.dep_ == "nsubj" and c.lemma_.lower() in SPECULATOR_NOUNS for c in head.children):
                return EventStatus.SPECULATIVE  # "Experts say Kim would ...": a guess reported
            break  # reported speech: the report's own tense and modality are not the event's
        if current.dep_ in ("dobj", "pobj", "prep") and trigger.nominal and depth > 1:
            break
        current = head
    if (speculative or planned or future_date) and _plan_called_off(token):
        return None  # "had planned to visit Sydney, but the trip was called off"
    if speculative:
        return EventStatus.SPECULATIVE
    if planned or future_date:
        return EventStatus.PLANNED
    return EventStatus.OCCURRED


# What `_through_preposition` answers for an event the verb above denies (None there means "says
# nothing of it", not "denied").
_DENIED = object()
# Verbs whose "from" keeps the event from happening: "was banned from entering Britain".
_KEEPING_FROM = frozenset(["ban", "bar", "prevent", "stop", "block", "prohibit", "forbid", "keep", "refrain"])
# Verbs whose "about" or "of" is only a thought: "is thinking about moving", "dreamed of performing".
_MUSING = frozenset(["think", "dream"])


def _through_preposition(preposition: Token) -> object:
    """What the verb above a preposition says of the gerund or event noun it governs: _DENIED
    ("instead of flying", "banned from entering", "gave up on moving"), planned ("is planning on
    visiting", "is set for a visit"), speculative ("is looking forward to visiting", "is thinking
    about moving"), or None when it says nothing of it ("after arriving", "accused of traveling")."""
    word, verb = preposition.lower_, preposition.head
    if word == "of" and any(c.lower_ == "instead" for c in preposition.children):
        return _DENIED
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
    if word == "from" and lemma_in(verb, _KEEPING_FROM):
        return _DENIED
    if word == "on" and verb.lemma_.lower() == "give" and "up" in particles:
        return _DENIED
    if word in ("on", "for") and lemma_in(verb, PLANNING_HEADS):
        return EventStatus.PLANNED
    if word == "to" and verb.lemma_.lower() == "look" and "forward" in particles:
        return EventStatus.SPECULATIVE  # a wish, as "hopes to visit" is
    if word in ("about", "of") and lemma_in(verb, _MUSING):
        return EventStatus.SPECULATIVE
    return None


# Nouns whose infinitive is their event: "plans to visit", "an invitation to speak in Oslo",
# "permission to travel"; of them, those that only try or ask for it.
_ATTEMPT_NOUNS = frozenset(["invitation", "offer", "bid", "proposal", "request", "attempt"])
_PLAN_NOUNS = _ATTEMPT_NOUNS | frozenset(["plan", "intention", "permission", "visa", "approval"])
# Verbs that refuse or lose what such a noun asks for: "was denied permission to travel".
_REFUSING_VERBS = frozenset(["deny", "refuse", "reject", "lose", "decline"])


def _plan_of(clause: Token, noun: Token) -> bool:
    return clause.dep_ == "acl" and clause.tag_ == "VB" and noun.lemma_.lower() in _PLAN_NOUNS


# Verbs that ask for what their clause tells: "asked for money to visit Rome", "urged him to
# return", "petitioned the court to let her travel", "demanded that he be sent back to Oslo".
_REQUEST_VERBS = frozenset(
    ["ask", "request", "apply", "petition", "urge", "appeal", "beg", "plead", "implore", "lobby", "demand", "call"]
)
# "call" asks only "on" or "for" someone: "called on the government to bring her home".
_CALLING_PREPS = frozenset(["on", "upon", "for"])


def _requested(clause: Token, verb: Token) -> bool:
    """Whether `clause` is what a request asks for, which has not happened for the asking: a
    to-clause under a verb of asking ("asked for $1,200 to visit Rome", "urged Tom Reed to
    return to Oslo", "calling on the state to ensure she is returned to Rome"), or a that-clause
    in the subjunctive ("requested that he be allowed to visit"); a question ("asked why he went
    to Rome") is no request."""
    if not lemma_in(verb, _REQUEST_VERBS):
        return False
    if verb.lemma_.lower() == "call" and not any(
        c.dep_ in ("prep", "prt") and c.lower_ in _CALLING_PREPS for c in verb.children
    ):
        return False  # "called the trip a success", "was called to the bar"
    if clause.dep_ in ("xcomp", "advcl"):
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    if clause.dep_ == "ccomp" and verb.lemma_.lower() != "ask":
        auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if not auxiliaries:
            return clause.tag_ == "VB"  # "demanded that he return to Oslo"
        return any(a.tag_ == "VB" or a.lower_ == "should" for a in auxiliaries)  # "that he be allowed"
    return False


def _not_yet(verb: Token) -> bool:
    """ "has yet to visit": what has not happened (not "is yet to arrive", which is awaited)."""
    return verb.lemma_.lower() == "have" and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children)


def _counterfactual(verb: Token, children: list[Token]) -> bool:
    """A past that did not happen: "would have visited Paris (if ...)", "should have gone",
    "was to have visited Tokyo". "may have traveled" is a guess and stays one."""
    if verb.tag_ != "VBN":
        return False
    auxiliaries = [c.lower_ for c in children if c.dep_ in ("aux", "auxpass")]
    if "have" not in auxiliaries:
        return False
    if {"would", "should", "'d"} & set(auxiliaries):
        return True
    # "was to have visited": the infinitive of a past plan, in the perfect.
    return "to" in auxiliaries and verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be" and verb.head.tag_ == "VBD"


# Verbs that make a trip known before it is made: "announced a visit by Putin to Beijing",
# "confirmed her trip to Kyiv". Not those that only prepare it ("helped arrange Obama's trip to
# Mexico" tells a trip that may well have been made since).
_ANNOUNCING_VERBS = frozenset(["announce", "unveil", "confirm"])


def _scheduled(noun: Token, head: Token) -> bool:
    """A trip noun as the subject of a plan or a delay told in the present: "the trip is scheduled
    for June", "his arrival is expected on Thursday", "the visit has been delayed until June". In
    the past ("was scheduled for May") the plan's outcome is not told, and it stays as read."""
    if not schedules(noun, head):
        return False
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ in _PRESENT_TAGS or a.lower_ in FUTURE_MODALS for a in auxiliaries) or head.tag_ in _PRESENT_TAGS


def status_at(status: EventStatus, verb: Token, place: Token) -> EventStatus:
    """The status of `verb`'s event at one of its places: a journey under way in the past is a
    plan for where it was going but happened where it set out from ("was flying from Rome to
    Madrid when the engine failed" had the traveller in Rome, whatever came of Madrid); a place
    of a trip the clause happens ahead of is one still to come ("spoke to reporters ahead of a
    visit to Madrid")."""
    set_out_from = (
        is_past_progressive(verb)
        and place.dep_ == "pobj"
        and place.head.lower_ == "from"
        and place.head.head.i == verb.i
    )
    if status is EventStatus.PLANNED and set_out_from:
        return EventStatus.OCCURRED
    if status is EventStatus.OCCURRED and _within_awaited(place, verb):
        return EventStatus.PLANNED
    return status


def _within_awaited(place: Token, verb: Token) -> bool:
    """Whether `place` lies in an event still to come that hangs below `verb` (`_awaited`)."""
    current = place
    for _ in range(_MAX_CLIMB):
        if current.head.i == current.i or current.head.i == verb.i:
            return False
        current = current.head
        if _awaited(current):
            return True
    return False


def calls_off(verb: Token) -> bool:
    """ "cancelled", "postponed", "called off", "put off": a verb that calls an event off."""
    if lemma_in(verb, NEGATING_HEADS):
        return True
    # The parser labels "out" a particle or a preposition: "pulled out of the fight".
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "out")}
    lemma = verb.lemma_.lower()
    # "called off", "put off"; "pulled out of the fight in Riyadh", "was ruled out of the games".
    return (
        (lemma in ("call", "put") and "off" in particles)
        or (lemma in ("pull", "rule", "drop", "bow") and "out" in particles)
        or (lemma == "turn" and "down" in particles)  # "turned down an invitation to visit"
    )


def _plan_called_off(token: Token) -> bool:
    """Whether the sentence of a plan says that a trip or visit was called off: the plan it
    tells did not happen ("had planned to visit Sydney next week, but the trip was called off",
    "was due in Cairo on Monday but called off the trip")."""
    for other in token.sent:
        trip = other.pos_ == "NOUN" and other.lemma_.lower() in _TRIP_NOUNS
        # "the trip was called off" or, in the active, "but called off the trip", "called it off".
        called_off = (other.dep_ == "nsubjpass" and trip) or (
            other.dep_ == "dobj"
            and (trip or other.lower_ == "it")
            and other.head.i != token.i
            # The plan's own trip, not another one with a place of its own ("cancelled the trip to Rome").
            and not any(c.dep_ == "prep" for c in other.children)
        )
        if (
            called_off
            and calls_off(other.head)
            # A clause of its own ("..., but the trip was called off"), not a circumstance of the
            # plan ("will visit Sydney after a summit in Tokyo was cancelled").
            and other.head.dep_ in ("conj", "ROOT")
            and not any(c.dep_ == "neg" for c in other.head.children)
        ):
            return True
    return False


_TRIP_NOUNS = frozenset(
    {"trip", "visit", "tour", "journey", "voyage", "meeting", "summit", "talks", "stopover", "flight"}
)


def _negated(token: Token, children: list[Token], *, is_trigger: bool) -> bool:
    if any(c.dep_ == "neg" for c in children):
        return True
    if any(c.lower_ == "never" for c in children):
        return True
    if is_trigger and token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True
    # "has no plans to visit": the plan itself is denied.
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return True
    # "Rather than return to Kabul, he stayed in Dubai": the clause is what did not happen.
    return (
        token.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "than" for c in children)
        and any(c.lower_ == "rather" for c in children)
    )


# What carries a person's part in an event from elsewhere: "by video link", "via videoconference",
# "by telephone"; "virtually", "remotely", "online"; a trial "in absentia".
_REMOTE_MEANS = frozenset(
    "video link videolink videoconference teleconference phone telephone satellite zoom webcam livestream".split()
)
_REMOTE_ADVERBS = frozenset({"virtually", "remotely", "online"})


def _taken_part_from_afar(children: list[Token]) -> bool:
    """Whether the clause says its subject took part from elsewhere ("addressed the summit in
    Sydney by video link", "was tried in absentia in Paris"), unless it says from where: "spoke
    by telephone from Kabul" puts the speaker in Kabul."""
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in children):
        return False
    return taken_part_remotely(children)


def taken_part_remotely(children: list[Token]) -> bool:
    """Whether a clause's words (`children`) say it was done from afar: "by video link",
    "via videoconference", "virtually", "remotely", "online", "in absentia"."""
    for child in children:
        if child.dep_ == "advmod" and child.lower_ in _REMOTE_ADVERBS:
            return True
        if child.dep_ == "prep" and child.lower_ in ("by", "via", "over", "in"):
            for noun in child.children:
                if noun.dep_ != "pobj":
                    continue
                words = {noun.lower_} | {c.lower_ for c in noun.children if c.dep_ == "compound"}
                if noun.lower_ == "absentia" or (child.lower_ != "in" and words & _REMOTE_MEANS):
                    return True
    return False


def _is_reported(token: Token) -> bool:
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING_VERBS


def _speculator_reports(token: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in SPECULATOR_NOUNS for c in token.head.children)


def _makes_plan(verb: Token) -> bool:
    """A clause that is a plan: "is scheduled to arrive", "will arrive"."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & FUTURE_MODALS:
        return True
    return lemma_in(verb, PLANNING_HEADS) and any(c.dep_ == "xcomp" for c in verb.children)


def _heading_for(trigger: Trigger, verb: Token, children: list[Token], depth: int) -> bool:
    """A progressive of motion toward a destination: "is flying to", "was making her trip to",
    "was headed to".

    The verb is the trigger, or for a nominal trigger the light verb that makes it.
    """
    if depth == 0 and not trigger.nominal:
        destination_holder = verb
    elif depth == 1 and trigger.nominal and trigger.token.dep_ == "dobj":
        destination_holder = trigger.token
    else:
        return False
    return (
        is_progressive(verb)
        # "for" only where the verb takes it as a destination ("is leaving for Beijing"; "was
        # staying in Cannes for the festival" is no journey).
        and any(
            c.dep_ == "prep" and c.lower_ in {"to", "toward", "towards"} | trigger.sense.destination_preps
            for c in destination_holder.children
        )
    )


def _on_the_way(noun: Token) -> bool:
    """Someone's way to a place, told as being on it: the arrival is not told ("was on his way to
    Lima when the crash happened"); "made her way to Paris" arrived."""
    return noun.lemma_.lower() in WAY_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "on"


# Phrases that set what they govern after the clause's time: "ahead of", "in advance of", "in
# anticipation of"; "in the run-up to", "in the lead-up to"; "in preparation for".
_AWAITING_BEFORE_OF = frozenset(["ahead", "advance", "anticipation"])
_AWAITING_RUNS = frozenset(["run", "lead", "build"])


# Verbs a doubt noun is the object of that put another noun in doubt: "cast doubt on her visit".
_DOUBT_CASTING_VERBS = frozenset(["cast", "throw", "raise", "put"])
# Verbs that keep their subject in a state: "his trip is / remains / looks uncertain".
_STATE_VERBS = frozenset(["be", "remain", "look", "seem", "appear", "stay"])


def in_doubt(noun: Token) -> bool:
    """Whether the text leaves an event noun's happening in doubt: "his trip to Madrid is in
    doubt", "remains uncertain", "left in question his participation in the Tour de France",
    "cast doubt on his appearance in Paris", "doubts over her visit to Kyiv"."""
    head = noun.head
    if head.i == noun.i:
        return False
    if head.lemma_.lower() in DOUBT_NOUNS:
        return True  # the parser may make the event the doubt noun's own object
    if noun.dep_ == "pobj" and head.lower_ in ("on", "over", "about"):
        above = head.head
        if above.lemma_.lower() in DOUBT_NOUNS:
            return True
        return lemma_in(above, _DOUBT_CASTING_VERBS) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in DOUBT_NOUNS for c in above.children
        )
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    if puts_in_doubt(head) or (noun.dep_ == "dobj" and puts_in_doubt(noun)):
        return True  # "put his trip to Berlin in jeopardy": the phrase may hang on the noun
    return (
        noun.dep_ == "nsubj"
        and lemma_in(head, _STATE_VERBS)
        and any(c.dep_ == "acomp" and c.lower_ in DOUBT_ADJECTIVES for c in head.children)
    )


def _awaited(event: Token) -> bool:
    """An event told as still to come when its clause happens: the trip noun or gerund that "ahead
    of", "in advance of", "in the run-up to" or "in preparation for" governs ("gave an interview
    ahead of his visit to Madrid", "security was tight ahead of the pope's visit to Leeds",
    "in the run-up to his trip to Kyiv"). The clause tells a time before the trip, not the trip."""
    if event.dep_ not in ("pobj", "pcomp") or event.head.dep_ != "prep":
        return False
    preposition = event.head
    word, holder = preposition.lower_, preposition.head
    if word == "of":
        return holder.lower_ in _AWAITING_BEFORE_OF and (holder.lower_ == "ahead" or holder.head.lower_ == "in")
    if word == "to":
        # The parser splits "run-up" and hangs "run" on "up" as a compound.
        first = holder.lower_.split("-")[0] if "-" in holder.lower_ else None
        runs = {c.lower_ for c in holder.children if c.dep_ == "compound"} if holder.lower_ == "up" else set()
        return first in _AWAITING_RUNS or bool(runs & _AWAITING_RUNS)
    return word == "for" and holder.lower_ == "preparation" and holder.head.lower_ == "in"


def _headline_plan(verb: Token, children: list[Token]) -> bool:
    """A headline's "Name to visit X": the infinitive hangs on the name itself. On a common noun
    it is no plan ("the first president to visit Cuba" did)."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False
    # The parser hangs the infinitive on the name, makes it the root, or gives it the name as subject.
    if verb.dep_ == "ROOT" or (verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "PROPN"):
        return True
    return any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in children)


_DENYING_VERBS = frozenset(["deny", "dismiss", "reject", "refute", "debunk"])
_REPORT_NOUNS = frozenset(["report", "rumor", "rumour", "claim", "speculation", "suggestion", "allegation"])


def _denied(clause: Token, head: Token) -> bool:
    """Whether `clause` is what a denial denies: the clause of "denied that ..." or of the
    reports it denies ("denied reports that Swift will headline")."""
    if clause.dep_ == "ccomp" and lemma_in(head, _DENYING_VERBS):
        return True
    return (
        clause.dep_ in ("ccomp", "acl")
        and head.lemma_.lower() in _REPORT_NOUNS
        and head.dep_ in ("dobj", "nsubjpass")
        and lemma_in(head.head, _DENYING_VERBS)
    )


def _expected_there(verb: Token, children: list[Token]) -> bool:
    """A plan told as a present state of being somewhere: "is due in Baghdad", "are expected in
    Lisbon". In the past ("was due in Paris") the plan's outcome is not told, and it stays as read."""
    if verb.lemma_.lower() == "be" and verb.tag_ in _PRESENT_TAGS:
        return any(c.dep_ == "acomp" and c.lower_ == "due" for c in children)
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() == "expect"
        and any(c.dep_ == "auxpass" and c.lemma_.lower() == "be" and c.tag_ in _PRESENT_TAGS for c in children)
    )


def _futurate_progressive(verb: Token, children: list[Token]) -> bool:
    """A present progressive with a time expression ahead: "is traveling to Gaza on Sunday".

    Only with a weekday, "tomorrow" or "next ...": a progressive alone ("is touring Asia") is
    happening now, which is not a plan.
    """
    if verb.tag_ != "VBG" or not any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re") for c in children
    ):
        return False
    words = {t.lower_ for t in verb.subtree}
    return bool(words & _FUTURE_TIME_WORDS)


_FUTURE_TIME_WORDS = WEEKDAY_WORDS | frozenset(["tomorrow", "next", "tonight"])


def _programme(verb: Token, children: list[Token]) -> bool:
    """A gathering told in the simple present at a day or an hour: "The Academy Awards takes place
    on 26 February, with Kimmel as host", "The event begins at 8 p.m. Thursday featuring Tom
    Reed", "the ceremony is held on Friday". A report gives a gathering's programme so, and
    whoever it names is due there. A caption's present tells people, not a gathering ("Weber
    waves in Leeds on Monday"); a year ("opens on Monday, March 23, 2009") or a habit ("takes
    place every July") is no programme."""
    if any(c.dep_ == "aux" for c in children):
        return False
    passive = [c for c in children if c.dep_ == "auxpass"]
    if passive:
        if verb.tag_ != "VBN" or not all(c.tag_ in _PRESENT_TAGS for c in passive):
            return False
    elif verb.tag_ not in _PRESENT_TAGS:
        return False
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if not any(s.lemma_.lower() in _PROGRAMME_NOUNS for s in subjects):
        return False
    said = [t for c in children if c.dep_ not in ("nsubj", "nsubjpass") for t in c.subtree]
    words = {t.lower_ for t in said} | {t.lower_ for s in subjects for t in s.children if t.dep_ == "poss"}
    if words & _NOT_A_PROGRAMME or any(t.like_num and len(t.text) == 4 for t in said):
        return False
    return bool(words & _PROGRAMME_TIMES)


# Gatherings a programme tells, and what tells its time ("on 26 February", "at 8 p.m. Thursday",
# "tonight"); what tells a habit or the past instead.
_PROGRAMME_NOUNS = EVENT_NOUNS | frozenset(["award", "awards"])
_PROGRAMME_TIMES = _FUTURE_TIME_WORDS | {month.lower() for month in MONTHS} | frozenset(["p.m.", "a.m."])
_NOT_A_PROGRAMME = frozenset(["every", "each", "yearly", "annually", "usually", "yesterday", "last", "ago"])


def _schedule_within_a_plan(verb: Token, children: list[Token]) -> bool:
    """A simple present in a relative clause on a clause told in the future: "Weber, who arrives
    in Kyiv on Sunday, will meet Grant". English tells what is scheduled within a plan in the
    present; alone ("Weber, who arrives in Kyiv on Sunday, said") the present may be a caption's."""
    if verb.dep_ != "relcl" or verb.tag_ not in _PRESENT_TAGS or any(c.dep_ in ("aux", "auxpass") for c in children):
        return False
    antecedent = verb.head
    main = antecedent.head if antecedent.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    return main is not None and any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in main.children)
