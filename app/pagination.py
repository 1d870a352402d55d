"""Paged lists: ?limit=&offset= in, {"items", "total", "next"} out."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

__all__ = ["PageParams", "PageDep", "page_of"]

MAX_LIMIT = 500


class PageParams:
    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
        offset: Annotated[int, Query(ge=0, description="Items to skip.")] = 0,
    ) -> None:
        self.limit = limit
        self.offset = offset


PageDep = Annotated[PageParams, Depends(PageParams)]


def page_of(request: Request, items: list, total: int, page: PageParams) -> dict:
    """The page's body, with the URL of the next page when there is one (other query parameters kept)."""
    following = page.offset + page.limit
    next_url = None
    if following < total:
        next_url = str(request.url.include_query_params(limit=page.limit, offset=following))
    return {"items": items, "total": total, "next": next_url}
