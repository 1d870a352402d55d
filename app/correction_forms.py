"""The correction forms of the article and actor pages: what each shows, and what a posted one asks.

Every form works without JavaScript. A place is chosen from a list: the other readings of the
event's mention (the candidates the resolver weighed), the article's other places, and the
places the offline geocoder finds for a search, which is a GET of the same page (`correct=` the
event's id and `q=` the name; `add_q=` for the form that adds a stop). A form posted with an
error comes back on the page with its values and each message beside its field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from fastapi import Request
from pydantic import ValidationError
from sqlmodel import Session

from app.geocoding import location_record
from app.map_pages import root_path
from app.present import event_public
from app.queries import EventFilter, article_mention_rows, event_row, event_rows, rejected_event_rows
from app.schemas import EventPublic
from app.services import Services
from geo.errors import ItinerantError
from geo.model import EventStatus
from geo.text.sentences import sentence_spans

__all__ = [
    "PlaceChoice",
    "EventForm",
    "AddStopForm",
    "PostedForm",
    "EVENT_FORM_FIELDS",
    "event_forms",
    "add_stop_form",
    "form_errors",
    "correction_context",
    "MAX_SEARCH_CHARS",
]

MAX_SEARCH_CHARS = 200
_SEARCH_RESULTS = 10
# Where an error of the API's fields is shown on a form.
_FORM_FIELD_OF = {
    "geonameid": "place",
    "lat": "place",
    "lon": "place",
    "place_name": "place",
    "evidence_start": "sentence",
    "evidence_end": "sentence",
}
EVENT_FORM_FIELDS = ("place", "actor", "date", "status", "sentence", "api_key")
STATUSES = tuple(status.value for status in EventStatus)
# Pydantic's words for the problems a form's fields can have, as a person filling it reads them.
_MESSAGES = {
    "missing": "is required",
    "string_too_short": "must not be empty",
    "string_too_long": "is too long",
    "too_short": "must not be empty",
    "too_long": "is too long",
    "int_parsing": "must be a whole number",
}


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """A place a form offers: its GeoNames id, how it is named, and why it is offered."""

    geonameid: int
    label: str
    why: str


@dataclass(frozen=True, slots=True)
class PostedForm:
    """A form that came back with errors: which one, what was typed, what is wrong."""

    kind: str  # "event" or "add"
    event_id: int | None
    values: Mapping[str, str]
    errors: Mapping[str, str]


@dataclass(kw_only=True)
class _PlaceForm:
    """What a form that picks a place keeps between two renderings: the places on offer, the values
    given, the errors found, the last search and how many it found, and whether it is unfolded."""

    choices: list[PlaceChoice]
    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    search: str = ""
    found: int = 0  # the places the search found
    open: bool = False


@dataclass(kw_only=True)
class EventForm(_PlaceForm):
    event: EventPublic


@dataclass(kw_only=True)
class AddStopForm(_PlaceForm):
    sentences: list[tuple[str, str]]  # (value "start-end", the sentence)
    actors: list[str]


def _label(name: str, admin1: str | None, country: str | None) -> str:
    return ", ".join(part for part in (name, admin1, country) if part)


def _search(services: Services, query: str) -> list[PlaceChoice]:
    """What the offline geocoder finds for `query` (a bad query finds nothing rather than failing the page)."""
    query = query.strip()[:MAX_SEARCH_CHARS]
    if not query or "\x00" in query or services.gazetteer is None:
        return []
    try:
        # The offline index alone, as the form's place must be a GeoNames one: a page never waits
        # on an online geocoder's network or rate limit.
        found = services.geocoder.offline.geocode(query, exactly_one=False) or []
    except ItinerantError:
        return []
    choices = []
    for location in found[:_SEARCH_RESULTS]:
        record = location_record(location)
        if record["geonameid"] is not None:
            why = f"found for “{query}”"
            choices.append(
                PlaceChoice(record["geonameid"], _label(record["name"], record["admin1"], record["country"]), why)
            )
    return choices


def _readings(services: Services, gazetteer_ids: Iterable[str], why: str) -> list[PlaceChoice]:
    """The gazetteer's places under these ids; an id it does not know (another index) is left out."""
    choices = []
    for gazetteer_id in gazetteer_ids:
        try:
            place = services.gazetteer.get(gazetteer_id) if services.gazetteer is not None else None
        except ItinerantError:
            place = None
        if place is not None and place.geonameid is not None:
            choices.append(PlaceChoice(place.geonameid, _label(place.name, place.admin1, place.country), why))
    return choices


def _unique(choices: Iterable[PlaceChoice], *, besides: set[int] = frozenset()) -> list[PlaceChoice]:
    seen, kept = set(besides), []
    for choice in choices:
        if choice.geonameid not in seen:
            seen.add(choice.geonameid)
            kept.append(choice)
    return kept


def _search_request(request: Request, key: str) -> str:
    value = request.query_params.get(key, "")
    return value[:MAX_SEARCH_CHARS]


def _searched_event(request: Request) -> int | None:
    raw = request.query_params.get("correct", "")
    return int(raw) if raw.isdigit() and len(raw) < 10 else None


def event_forms(
    request: Request, session: Session, services: Services, events: Iterable[EventPublic]
) -> dict[int, EventForm]:
    """A correction form per event, by the event's id, each offering its mention's other readings."""
    posted: PostedForm | None = getattr(request.state, "correction_form", None)
    searched = _searched_event(request)
    mentions: dict[int, dict[int, tuple]] = {}
    forms = {}
    for event in events:
        if event.article_id not in mentions:
            mentions[event.article_id] = {
                m.start_char: (m, p) for m, p in article_mention_rows(session, event.article_id)
            }
        row = event_row(session, event.id)
        mention_start = row[0].mention_start if row is not None else None
        readings: list[PlaceChoice] = []
        if mention_start in mentions[event.article_id]:
            mention, place = mentions[event.article_id][mention_start]
            ids = ([place.gazetteer_id] if place is not None else []) + mention.alternatives.split()
            readings = _readings(services, ids, f"a reading of “{mention.surface}”")
        form = EventForm(
            event=event,
            choices=[],
            values={"place": "", "actor": event.actor.name, "date": event.date or "", "status": event.status},
        )
        if searched == event.id:
            form.search = _search_request(request, "q")
            form.open = True
            found = _search(services, form.search)
            form.found = len(found)
            readings = found + readings
        if posted is not None and posted.kind == "event" and posted.event_id == event.id:
            form.values.update(posted.values)
            form.errors = dict(posted.errors)
            form.open = True
        current = {event.place.geonameid} if event.place.geonameid is not None else set()
        form.choices = _unique(readings, besides=current)
        forms[event.id] = form
    return forms


def add_stop_form(request: Request, session: Session, services: Services, article_id: int, text: str, actors):
    """The form that adds a stop the reader missed: the article's sentences, people and places."""
    posted: PostedForm | None = getattr(request.state, "correction_form", None)
    sentences = [(f"{start}-{end}", text[start:end]) for start, end in sentence_spans(text)]
    choices: list[PlaceChoice] = []
    for _mention, place in article_mention_rows(session, article_id):
        if place is not None and place.geonameid is not None:
            choices.append(
                PlaceChoice(place.geonameid, _label(place.name, place.admin1, place.country), "in the article")
            )
    form = AddStopForm(
        sentences=sentences, actors=sorted(set(actors)), choices=[], values={"status": EventStatus.OCCURRED.value}
    )
    form.search = _search_request(request, "add_q")
    if form.search:
        form.open = True
        found = _search(services, form.search)
        form.found = len(found)
        choices = found + choices
    if posted is not None and posted.kind == "add":
        form.values.update(posted.values)
        form.errors = dict(posted.errors)
        form.open = True
    form.choices = _unique(choices)
    return form


def form_errors(error: ValidationError | ItinerantError) -> dict[str, str]:
    """Each problem under the form field that shows it, in words a person can act on."""
    if isinstance(error, ItinerantError):
        return {_FORM_FIELD_OF.get(error.field or "", error.field or "form"): error.message}
    errors: dict[str, str] = {}
    for problem in error.errors():
        location = [str(part) for part in problem.get("loc", ())]
        name = _FORM_FIELD_OF.get(location[0], location[0]) if location else "form"
        message = _MESSAGES.get(problem.get("type", ""), problem.get("msg", "is invalid"))
        errors.setdefault(name if name in EVENT_FORM_FIELDS else "form", message)
    return errors


def correction_context(
    request: Request,
    session: Session,
    services: Services,
    *,
    article=None,
    actor=None,
) -> dict:
    """What the article page (`article`, its public form) or the actor page (`actor`, its row) needs
    for its correction forms: a form per event, the rejected events, the form to add a stop."""
    if article is not None:
        events = list(article.events)
        rejected = [event_public(row) for row in rejected_event_rows(session, article_id=article.id)]
    else:
        events = [event_public(row) for row in event_rows(session, EventFilter(actor_id=actor.id))]
        rejected = [event_public(row) for row in rejected_event_rows(session, actor_id=actor.id)]
    context = {
        "event_forms": event_forms(request, session, services, events),
        "rejected_events": rejected,
        "needs_key": bool(services.settings.write_keys),
        "statuses": STATUSES,
        "back": "article" if article is not None else "actor",
        # The page's own path, which a search (a GET) comes back to: not the request's, which is
        # the form's when a posted form comes back with its errors.
        "page_path": f"{root_path(request)}/articles/{article.id}"
        if article is not None
        else f"{root_path(request)}/actors/{actor.slug}",
    }
    if article is not None:
        people = [event.actor.name for event in events + rejected]
        context["add_form"] = add_stop_form(request, session, services, article.id, article.text, people)
    return context
