"""Paged lists: ?limit=&offset= in, {"items", "total", "next"} out."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from app.settings import MAX_OFFSET, MAX_PAGE_SIZE, PAGE_SIZE

__all__ = ["PageParams", "PageDep", "next_page_url", "page_of"]


class PageParams:
    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Items per page.")] = PAGE_SIZE,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
    ) -> None:
        self.limit = limit
        self.offset = offset


PageDep = Annotated[PageParams, Depends(PageParams)]


def next_page_url(request: Request, total: int, page: PageParams) -> str | None:
    """The URL of the page after `page`, other query parameters kept; None on the last page."""
    following = page.offset + page.limit
    if following >= total:
        return None
    return str(request.url.include_query_params(limit=page.limit, offset=following))


def page_of(request: Request, items: list, total: int, page: PageParams) -> dict:
    """The page's body, with the URL of the next page when there is one."""
    return {"items": items, "total": total, "next": next_page_url(request, total, page)}
