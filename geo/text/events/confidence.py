"""How much to trust one event: a product of independent factors, each in (0, 1].

    confidence = trigger strength      how surely the word puts its actor there
                                        (visit 0.95, meet 0.8, trip 0.8, any verb + "in X" 0.5)
               x path                   1.0 for a place one or two edges from the trigger,
                                        minus 0.05 a further edge; 0.85 for a modifier
                                        ("Russia's factory") rather than the head of the phrase;
                                        0.6 for a place carried from the narrative ("then
                                        visited a facility": where the actor just was)
               x actor                  1.0 named in the clause; 0.9 a pronoun or description;
                                        0.85 a group ("their meeting"); 0.9 borrowed from a
                                        governing clause or a vehicle; 0.8 for a companion
               x status                 occurred 1.0, planned 0.85, speculative 0.6
               x date                   1.0 from the event's clause, 0.95 from a governing
                                        clause or an anchored offset, 0.9 the sentence's or a
                                        carried date, 0.85 unknown
               x place                  0.6 + 0.4 x the geoparser's confidence in the place
                                        (1.0 when it gives none)

Clipped to [0.05, 0.99]: nothing read from text is certain, nor worthless once found.
"""

from __future__ import annotations

from geo.model import EventStatus
from geo.text.events.dating import DateSource
from geo.text.events.governance import PathRole

__all__ = ["event_confidence"]

_STATUS = {EventStatus.OCCURRED: 1.0, EventStatus.PLANNED: 0.85, EventStatus.SPECULATIVE: 0.6}
_ACTOR = {"name": 1.0, "name-part": 1.0, "pronoun": 0.9, "description": 0.9, "group": 0.85}
_DATE = {
    DateSource.CLAUSE: 1.0,
    DateSource.GOVERNING: 0.95,
    DateSource.RELATIVE: 0.95,
    DateSource.SENTENCE: 0.9,
    DateSource.CARRIED: 0.9,
    DateSource.NONE: 0.85,
    DateSource.UNPLACED: 0.85,
}


def event_confidence(
    *,
    strength: float,
    depth: int,
    role: PathRole,
    actor_how: str,
    companion: bool,
    status: EventStatus,
    date_source: str,
    place_confidence: float,
) -> float:
    """The confidence of one event from the factors above."""
    role_factor = {PathRole.HEAD: 1.0, PathRole.MODIFIER: 0.85, PathRole.SETTING: 0.6}[role]
    path = max(0.5, 1.0 - 0.05 * max(0, depth - 2)) * role_factor
    actor = 0.8 if companion else _ACTOR.get(actor_how, 0.9)
    place = 0.6 + 0.4 * place_confidence if place_confidence > 0 else 1.0
    value = strength * path * actor * _STATUS[status] * _DATE.get(date_source, 0.85) * place
    return round(min(0.99, max(0.05, value)), 3)
