"""Feeds: follow one, list them with how their reads went, stop following one; and the feeds page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status
from fastapi.responses import HTMLResponse

from app.deps import MAX_ID, SessionDep, WriteAccess
from app.feeds import FeedStats, add_feed, feed_stats, remove_feed
from app.map_pages import root_path
from app.schemas import FeedCreate, FeedPublic, Page

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


@pages.get("/feeds", response_class=HTMLResponse)
def feeds_page(request: Request, session: SessionDep):
    from app.routes.pages import templates

    feeds = [feed_public(stats) for stats in feed_stats(session)]
    return templates.TemplateResponse(request, "feeds.html", {"feeds": feeds, "prefix": root_path(request)})
