"""The pages' correction forms: correct, reject or restore an event; add a stop the reader missed.

Plain HTML forms: each posts here and is answered with a 303 back to the page it came from, or
with that page again, its values kept and the errors beside their fields (401 without the key,
409 for a stop already stored, 422 for anything else to fix). They write through the same
functions as the API (app.corrections), so what they store survives re-processing as the API's
corrections do; SameOriginWrites refuses them from another site's page.
"""

from __future__ import annotations

import re
from typing import Annotated, Final

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.correction_forms import PostedForm, form_errors
from app.corrections import add_event, correct_event
from app.deps import ArticleId, EventId, ServicesDep, SessionDep, form_key_refused
from app.map_pages import root_path
from app.queries import event_row
from app.routes.pages import actor_page, article_page
from app.schemas import EventCorrection, EventCreate
from geo.errors import ConflictError, InvalidInputError, NotFoundError

__all__ = ["pages"]

pages = APIRouter(tags=["pages"], include_in_schema=False)

_KEY_ERROR: Final = "the API key is missing or wrong"
_SPAN: Final = re.compile(r"^(\d{1,9})-(\d{1,9})$")
_NUMBER: Final = re.compile(r"^\d{1,9}$")


def _page_again(
    request: Request, session, services, posted: PostedForm, status: int, *, actor_slug=None, article_id=None
):
    """The page the form was on, showing the form as it was posted, with its errors."""
    request.state.correction_form = posted
    if actor_slug is not None:
        response = actor_page(request, actor_slug, session, services)
    else:
        response = article_page(request, article_id, session, services)
    response.status_code = status
    return response


@pages.post("/events/{event_id}/correct", response_class=HTMLResponse)
def correct_event_submit(
    request: Request,
    event_id: EventId,
    session: SessionDep,
    services: ServicesDep,
    do: Annotated[str, Form()] = "save",
    back: Annotated[str, Form()] = "article",
    place: Annotated[str, Form()] = "",
    actor: Annotated[str, Form()] = "",
    date: Annotated[str, Form()] = "",
    status: Annotated[str, Form()] = "",
    api_key: Annotated[str, Form()] = "",
) -> Response:
    """An event's form: `do` is save (the fields that differ from the event's), reject or restore."""
    row = event_row(session, event_id)
    if row is None:
        raise NotFoundError(f"no event with id {event_id}", field="event_id")
    event, actor_row, _place = row
    # Where the form was, read before the correction changes the event.
    article_id, slug, current_date = event.article_id, actor_row.slug, event.date_interval.iso() or ""
    current_actor, current_status = actor_row.name, event.status
    from_actor = back == "actor"
    values = {"place": place, "actor": actor, "date": date, "status": status}

    def again(errors: dict[str, str], code: int) -> Response:
        posted = PostedForm("event", event_id, values, errors)
        return _page_again(
            request, session, services, posted, code, actor_slug=slug if from_actor else None, article_id=article_id
        )

    if form_key_refused(services.settings, api_key):
        return again({"api_key": _KEY_ERROR}, 401)
    if do == "reject":
        body: dict = {"rejected": True}
    elif do == "restore":
        body = {"rejected": False}
    elif do == "save":
        body = {}
        if place.strip():
            if not _NUMBER.match(place.strip()):
                return again({"place": "choose a place from the list, or search for one"}, 422)
            body["geonameid"] = int(place.strip())
        if actor.strip() != current_actor:
            body["actor"] = actor
        if date.strip() != current_date:
            body["date"] = date.strip() or None  # an emptied date: the date is not known
        if status.strip() != current_status:
            body["status"] = status
        if not body:
            return again({"form": "nothing was changed: change a field, or reject the event"}, 422)
    else:
        return again({"form": "the form asked for something it cannot do"}, 422)
    try:
        correct_event(session, event_id, EventCorrection(**body), lambda: services.gazetteer)
    except (ValidationError, InvalidInputError) as error:
        return again(form_errors(error), 422)
    prefix = root_path(request)
    target = f"{prefix}/actors/{slug}" if from_actor else f"{prefix}/articles/{article_id}"
    anchor = "rejected" if do == "reject" else f"event-{event_id}"
    return RedirectResponse(f"{target}#{anchor}", status_code=303)


def _span(sentence: str, evidence_start: str, evidence_end: str) -> tuple[int, int] | str:
    """The sentence's span from the characters typed, else from the sentence chosen; or what is wrong."""
    if evidence_start.strip() or evidence_end.strip():
        if not (_NUMBER.match(evidence_start.strip()) and _NUMBER.match(evidence_end.strip())):
            return "give both characters, from and to, as whole numbers"
        return int(evidence_start), int(evidence_end)
    chosen = _SPAN.match(sentence.strip())
    if chosen is None:
        return "choose the sentence that tells of the stop, or give its characters"
    return int(chosen.group(1)), int(chosen.group(2))


@pages.post("/articles/{article_id}/events", response_class=HTMLResponse)
def add_event_submit(
    request: Request,
    article_id: ArticleId,
    session: SessionDep,
    services: ServicesDep,
    sentence: Annotated[str, Form()] = "",
    evidence_start: Annotated[str, Form()] = "",
    evidence_end: Annotated[str, Form()] = "",
    actor: Annotated[str, Form()] = "",
    place: Annotated[str, Form()] = "",
    date: Annotated[str, Form()] = "",
    status: Annotated[str, Form()] = "",
    api_key: Annotated[str, Form()] = "",
) -> Response:
    """The article page's form that adds a stop the reader missed."""
    values = {
        "sentence": sentence,
        "evidence_start": evidence_start,
        "evidence_end": evidence_end,
        "actor": actor,
        "place": place,
        "date": date,
        "status": status,
    }

    def again(errors: dict[str, str], code: int) -> Response:
        return _page_again(
            request, session, services, PostedForm("add", None, values, errors), code, article_id=article_id
        )

    if form_key_refused(services.settings, api_key):
        return again({"api_key": _KEY_ERROR}, 401)
    errors: dict[str, str] = {}
    span = _span(sentence, evidence_start, evidence_end)
    if isinstance(span, str):
        errors["sentence"] = span
    if not _NUMBER.match(place.strip()):
        errors["place"] = "choose a place from the list, or search for one"
    if not actor.strip():
        errors["actor"] = "is required"
    if errors:
        return again(errors, 422)
    try:
        body = EventCreate(
            actor=actor,
            evidence_start=span[0],
            evidence_end=span[1],
            geonameid=int(place.strip()),
            date=date.strip() or None,
            status=status.strip() or "occurred",
        )
        event = add_event(session, article_id, body, lambda: services.gazetteer)
    except (ValidationError, InvalidInputError) as error:
        return again(form_errors(error), 422)
    except ConflictError as error:
        return again({"sentence": error.message}, 409)
    return RedirectResponse(f"{root_path(request)}/articles/{article_id}#event-{event.id}", status_code=303)
