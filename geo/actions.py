"""What an event's action means to a reader: "arrived", "met", "planned visit" for the trigger's lemma.

The event reader keeps the trigger's lemma as the action ("pull" from "pulled into the station",
"enter" from "entered Russia"): exact, and what the evidence sentence says, but not what a table
or a popup should show. `action_label` says what the act amounts to, in the past tense for what
occurred; a plan is a "planned visit" (or a "planned meeting"...), whatever verb announced it,
because the verb of a plan is often the announcement's ("will travel", "is expected to arrive").
"""

from __future__ import annotations

from typing import Final

from geo.model import EventStatus

__all__ = ["ACTION_LABELS", "action_label"]

# Trigger lemmas (geo.text.events.triggers) -> what happened. Verbs of motion that end at the
# place ("pull into", "enter", "reach", "land", "cross into") all mean the actor arrived there.
ACTION_LABELS: Final = {
    "arrive": "arrived",
    "arrival": "arrived",
    "enter": "arrived",
    "pull": "arrived",
    "reach": "arrived",
    "land": "arrived",
    "cross": "arrived",
    "make": "arrived",  # "made it to Paris"
    "come": "arrived",
    "visit": "visited",
    "trip": "visited",
    "journey": "visited",
    "voyage": "visited",
    "tour": "toured",
    "report": "reported from",  # a wire's credit line: "X in Oakland contributed to this report"
    "inspect": "inspected",
    "stay": "stayed",
    "stopover": "stopped over",
    "layover": "stopped over",
    "stop": "stopped over",
    "travel": "travelled",
    "way": "travelled",  # "made her way to Paris"; "on her way to" is a plan
    "go": "travelled",
    "head": "travelled",
    "fly": "flew",
    "flight": "flew",  # "boarded a flight to Berlin"
    "drive": "travelled",
    "sail": "sailed",
    "walk": "walked",
    "march": "marched",
    "follow": "followed",
    "chase": "gave chase",
    "pursue": "gave chase",
    "cycle": "cycled",
    "bike": "cycled",
    "hike": "hiked",
    "paddle": "paddled",
    "ride": "rode",
    "return": "returned",
    "homecoming": "returned",
    "mission": "visited",
    "lead": "travelled",
    "delegation": "visited",
    "leave": "left",
    "depart": "left",
    "move": "moved",
    "relocate": "moved",
    "shuttle": "travelled",
    "emigrate": "emigrated",
    "immigrate": "immigrated",
    "flee": "fled",
    "escape": "fled",
    "evacuate": "was evacuated",
    "airlift": "was flown",
    "extradite": "was extradited",
    "deport": "was deported",
    "expel": "was expelled",
    "repatriate": "was repatriated",
    "set": "left",  # "set off from", "set out for"
    "meet": "met",
    "meeting": "met",
    "talk": "held talks",
    "talks": "held talks",
    "hold": "held talks",
    "summit": "attended",
    "attend": "attended",
    "take": "attended",  # "took part in"
    "join": "attended",
    "performance": "performed",
    "host": "hosted",
    "welcome": "hosted",
    "greet": "hosted",
    "receive": "hosted",
    "brief": "met",
    "accompany": "accompanied",
    "invitation": "invited",
    "death": "died",
    "arrest": "was arrested",
    "detention": "was detained",
    "appearance": "appeared",
    "speech": "spoke",
}

# For a plan, what kind of plan it was: a meeting, a visit.
_MEETING_ACTIONS: Final = frozenset({"meet", "meeting", "talk", "talks", "hold", "summit", "host", "brief"})
_PLANNED: Final = {EventStatus.PLANNED: "planned", EventStatus.SPECULATIVE: "possible"}


def action_label(action: str, status: EventStatus = EventStatus.OCCURRED) -> str:
    """ "arrived", "met", "planned visit"...: the action as a reader should see it.

    A lemma the table does not know reads "was there" rather than a raw verb: the event says
    only that the actor was at the place.
    """
    lemma = action.strip().lower()
    if status in _PLANNED:
        kind = "meeting" if lemma in _MEETING_ACTIONS else "visit"
        return f"{_PLANNED[status]} {kind}"
    return ACTION_LABELS.get(lemma, "was there")
