"""Web pages: home, an article with its places and events, an actor's itinerary, an ingest form.

Jinja2 templates with autoescape on: whatever an article says is shown as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Final
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from app import models
from app.correction_forms import correction_context
from app.deps import ArticleId, ServicesDep, SessionDep, form_key_refused
from app.errors import status_of
from app.feeds import feed_stats
from app.ingest import ingest_article
from app.itineraries import actor_public, itinerary_of, itinerary_public
from app.map_pages import base_url, embed_iframe, root_path
from app.present import article_public
from app.queries import actor_by_slug, actors_by_name, articles_newest_first, stored
from app.schemas import ArticleCreate, MentionPublic
from app.settings import EMBED_SIZE, HOME_ACTORS, HOME_ARTICLES
from app.url_ingest import ingest_url
from geo.errors import ItinerantError

__all__ = ["router", "templates", "TextSegment", "segments_of"]

_FORM_FIELDS: Final = ("text", "title", "source", "url", "published", "dateline")

templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent.parent / "templates"),
        autoescape=True,  # every template, whatever its file name
        undefined=jinja2.StrictUndefined,
    )
)

router = APIRouter(tags=["pages"], include_in_schema=False)


@dataclass(frozen=True, slots=True)
class TextSegment:
    """A run of an article's text; `mention` is set where the run names a place."""

    text: str
    mention: MentionPublic | None = None


def segments_of(text: str, mentions: list[MentionPublic]) -> list[TextSegment]:
    """The text cut at its mentions (by character offsets), overlapping mentions after the first dropped."""
    segments, position = [], 0
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.start < position or not 0 <= mention.start < mention.end <= len(text):
            continue
        if mention.start > position:
            segments.append(TextSegment(text[position : mention.start]))
        segments.append(TextSegment(text[mention.start : mention.end], mention))
        position = mention.end
    if position < len(text):
        segments.append(TextSegment(text[position:]))
    return segments


def _safe_link(url: str | None) -> str | None:
    """An article's own URL, as a link only if it is http(s)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep):
    actors = actors_by_name(session, limit=HOME_ACTORS)
    articles = articles_newest_first(session, limit=HOME_ARTICLES)
    return templates.TemplateResponse(
        request,
        "home.html",
        {
            "actors": [actor_public(session, a) for a in actors],
            "articles": articles,
            "feeds": feed_stats(session),
            "prefix": root_path(request),
        },
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: ArticleId, session: SessionDep, services: ServicesDep):
    article = stored(session, models.Article, article_id)
    public = article_public(session, article)
    return templates.TemplateResponse(
        request,
        "article.html",
        {
            "article": public,
            "segments": segments_of(public.text, public.mentions),
            "source_link": _safe_link(public.url),
            "prefix": root_path(request),
            **correction_context(request, session, services, article=public),
        },
    )


@router.get("/actors/{slug}", response_class=HTMLResponse)
def actor_page(request: Request, slug: str, session: SessionDep, services: ServicesDep):
    actor = actor_by_slug(session, slug)
    itinerary = itinerary_public(actor, itinerary_of(session, actor, trip_gap=services.settings.trip_gap))
    base = base_url(request, services.settings)
    title = f"{actor.name}: itinerary"
    # None where the Host is not trusted: no code to copy rather than one with another site's address.
    embed_code = embed_iframe(f"{base}/embed/actors/{actor.slug}", title, *EMBED_SIZE) if base else None
    page_url = f"{base}/actors/{actor.slug}"
    oembed_url = f"{base}/oembed?{urlencode({'url': page_url, 'format': 'json'})}" if base else None
    return templates.TemplateResponse(
        request,
        "actor.html",
        {
            "actor": actor_public(session, actor),
            "itinerary": itinerary,
            "embed_code": embed_code,
            "oembed_url": oembed_url,
            "prefix": root_path(request),
            **correction_context(request, session, services, actor=actor),
        },
    )


def _form_errors(error: ValidationError) -> dict[str, str]:
    """One message per form field, in words a person filling the form can act on."""
    errors: dict[str, str] = {}
    for problem in error.errors():
        location = [str(part) for part in problem.get("loc", ())]
        field = location[0] if location and location[0] in _FORM_FIELDS else "text"
        if problem.get("type") == "missing":
            message = "is required"
        elif field == "published":
            message = "must be a date such as 2023-09-15"
        else:
            message = problem.get("msg", "is invalid")
        errors.setdefault(field, message)
    return errors


def _form_page(request: Request, values: dict[str, str], errors: dict[str, str], *, status: int = 200, api_key=False):
    return templates.TemplateResponse(
        request,
        "ingest.html",
        {"values": values, "errors": errors, "needs_key": api_key, "prefix": root_path(request)},
        status_code=status,
    )


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request, services: ServicesDep):
    return _form_page(request, {}, {}, api_key=bool(services.settings.write_keys))


@router.post("/ingest", response_class=HTMLResponse)
def ingest_submit(
    request: Request,
    session: SessionDep,
    services: ServicesDep,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    source: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    published: Annotated[str, Form()] = "",
    dateline: Annotated[str, Form()] = "",
    api_key: Annotated[str, Form()] = "",
):
    values = {"text": text, "title": title, "source": source, "url": url, "published": published, "dateline": dateline}
    needs_key = bool(services.settings.write_keys)
    if form_key_refused(services.settings, api_key):
        return _form_page(request, values, {"api_key": "the API key is missing or wrong"}, status=401, api_key=True)
    if not text.strip() and url.strip():
        return _ingest_url_submit(request, session, services, values)
    try:
        # Empty optional fields are absent, not empty strings (an empty URL is no URL).
        body = ArticleCreate(**{key: value for key, value in values.items() if value.strip()})
    except ValidationError as error:
        return _form_page(request, values, _form_errors(error), status=422, api_key=needs_key)
    stored = ingest_article(session, services.pipeline, body)
    return RedirectResponse(f"{root_path(request)}/articles/{stored.article.id}", status_code=303)


def _ingest_url_submit(request: Request, session, services, values: dict[str, str]):
    """No text but a URL: fetch the page and read it; the fields filled in win over what the page says."""
    needs_key = bool(services.settings.write_keys)
    given = {key: value for key, value in values.items() if value.strip() and key not in ("text", "url")}
    try:
        # The given fields are checked as the API checks them (a date such as 2023-09-15...).
        ArticleCreate(text="-", **given)
        stored = ingest_url(session, services.pipeline, services.fetcher, values["url"].strip(), given)
    except ValidationError as error:
        return _form_page(request, values, _form_errors(error), status=422, api_key=needs_key)
    except ItinerantError as error:
        status, _title = status_of(error)
        problem = {"url": f"could not be read: {error.message}"}
        return _form_page(request, values, problem, status=status, api_key=needs_key)
    return RedirectResponse(f"{root_path(request)}/articles/{stored.article.id}", status_code=303)
