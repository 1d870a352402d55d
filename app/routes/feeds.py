"""Feeds: follow one, list them with how their reads went, stop following one; and the feeds page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError

from app.deps import MAX_ID, ServicesDep, SessionDep, WriteAccess, form_key_refused
from app.feeds import DEFAULT_INTERVAL, MAX_INTERVAL, MIN_INTERVAL, FeedStats, add_feed, feed_stats, remove_feed
from app.map_pages import root_path
from app.schemas import FeedCreate, FeedPublic, Page
from geo.errors import ConflictError

__all__ = ["router", "pages", "feed_public"]

router = APIRouter(prefix="/api/feeds", tags=["feeds"])
pages = APIRouter(tags=["pages"], include_in_schema=False)

FeedId = Annotated[int, Path(ge=1, le=MAX_ID, description="A feed's id.")]


def feed_public(stats: FeedStats) -> FeedPublic:
    feed = stats.feed
    return FeedPublic(
        id=feed.id,
        url=feed.url,
        title=feed.title,
        interval=feed.interval_seconds,
        items=stats.items,
        created_at=feed.created_at,
        last_polled_at=stats.last_polled_at,
        last_new_item_at=stats.last_new_item_at,
        last_error=feed.last_error,
        errors_in_a_row=feed.errors_in_a_row,
        next_poll_at=stats.next_poll_at,
    )


@router.post(
    "",
    response_model=FeedPublic,
    status_code=status.HTTP_201_CREATED,
    summary="Follow a feed: `itinerant watch` (or the service, with ITINERANT_WATCH) reads it every interval",
    dependencies=[WriteAccess],
    responses={409: {"description": "The feed is followed already."}},
)
def create_feed(body: FeedCreate, session: SessionDep, response: Response):
    feed = add_feed(session, str(body.url), body.title, body.interval)
    response.headers["Location"] = f"/api/feeds/{feed.id}"
    return feed_public(FeedStats(feed, 0))


@router.get("", response_model=Page[FeedPublic], summary="The feeds followed, with their last read and error")
def list_feeds(session: SessionDep):
    items = [feed_public(stats) for stats in feed_stats(session)]
    return Page[FeedPublic](items=items, total=len(items), next=None)


@router.delete(
    "/{feed_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Stop following a feed (the articles read from it stay)",
    dependencies=[WriteAccess],
)
def delete_feed(feed_id: FeedId, session: SessionDep):
    remove_feed(session, feed_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _feeds_page(request: Request, session, services, *, values=None, errors=None, status_code: int = 200):
    from app.routes.pages import templates

    feeds = [feed_public(stats) for stats in feed_stats(session)]
    context = {
        "feeds": feeds,
        "prefix": root_path(request),
        "values": values or {},
        "errors": errors or {},
        "needs_key": bool(services.settings.write_keys),
    }
    return templates.TemplateResponse(request, "feeds.html", context, status_code=status_code)


@pages.get("/feeds", response_class=HTMLResponse)
def feeds_page(request: Request, session: SessionDep, services: ServicesDep):
    return _feeds_page(request, session, services)


@pages.post("/feeds", response_class=HTMLResponse)
def follow_feed_submit(
    request: Request,
    session: SessionDep,
    services: ServicesDep,
    url: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    interval_minutes: Annotated[str, Form()] = "",
    api_key: Annotated[str, Form()] = "",
):
    """The page's form: follow a feed, then back to the list (errors shown beside their fields)."""
    values = {"url": url, "title": title, "interval_minutes": interval_minutes}
    if form_key_refused(services.settings, api_key):
        errors = {"api_key": "the API key is missing or wrong"}
        return _feeds_page(request, session, services, values=values, errors=errors, status_code=401)
    errors: dict[str, str] = {}
    minutes = interval_minutes.strip() or str(DEFAULT_INTERVAL // 60)
    if not minutes.isdigit() or not MIN_INTERVAL <= int(minutes) * 60 <= MAX_INTERVAL:
        errors["interval_minutes"] = f"must be a whole number from {MIN_INTERVAL // 60} to {MAX_INTERVAL // 60}"
    try:
        body = FeedCreate(url=url, title=title.strip() or None, interval=int(minutes) * 60 if not errors else 900)
    except ValidationError as error:
        for problem in error.errors():
            field = str(problem["loc"][0]) if problem.get("loc") else "url"
            errors.setdefault(field, "is required" if problem.get("type") == "missing" else problem["msg"])
    if errors:
        return _feeds_page(request, session, services, values=values, errors=errors, status_code=422)
    try:
        add_feed(session, str(body.url), body.title, body.interval)
    except ConflictError as error:
        errors = {"url": error.message}
        return _feeds_page(request, session, services, values=values, errors=errors, status_code=409)
    return RedirectResponse(f"{root_path(request)}/feeds", status_code=303)


@pages.post("/feeds/{feed_id}/remove", response_class=HTMLResponse)
def unfollow_feed_submit(
    request: Request,
    feed_id: FeedId,
    session: SessionDep,
    services: ServicesDep,
    api_key: Annotated[str, Form()] = "",
):
    """The page's button beside each feed: stop following it (its articles stay)."""
    if form_key_refused(services.settings, api_key):
        errors = {"api_key": "the API key is missing or wrong"}
        return _feeds_page(request, session, services, errors=errors, status_code=401)
    remove_feed(session, feed_id)
    return RedirectResponse(f"{root_path(request)}/feeds", status_code=303)
