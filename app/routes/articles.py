"""Articles: ingest one, list them, read one with what was extracted from it, add a stop it tells."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from fastapi.exceptions import RequestValidationError

from app import models
from app.corrections import add_event
from app.deps import ArticleId, ServicesDep, SessionDep, WriteAccess
from app.ingest import article_from_row, ingest_article
from app.pagination import PageDep, page_of
from app.present import article_public, article_summary, event_public
from app.queries import articles_newest_first, event_row, stored
from app.response_cache import CachedOn, cached_on
from app.schemas import ArticlePublic, ArticleRequest, ArticleSummary, EventCreate, EventPublic, Page
from app.storage import count_articles, replace_extraction
from app.url_ingest import ingest_url

__all__ = ["router"]

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.post(
    "",
    response_model=ArticlePublic,
    status_code=status.HTTP_201_CREATED,
    summary="Read an article, given by its text or by its URL: store it with the places and events found in it",
    dependencies=[WriteAccess],
    responses={
        200: {"description": "The same text, or the same URL, was stored before; that article is returned."},
        502: {"description": "The page at the URL could not be read (the detail says why)."},
        504: {"description": "The page at the URL did not answer in time."},
    },
)
def create_article(body: ArticleRequest, session: SessionDep, services: ServicesDep, response: Response):
    if body.text is not None:
        stored = ingest_article(session, services.pipeline, body)
    elif body.url is not None:
        given = body.model_dump(exclude={"text", "url"}, exclude_none=True)
        stored = ingest_url(session, services.pipeline, services.fetcher, str(body.url), given)
    else:
        # As if the model had required it: the same answer as any other missing field.
        raise RequestValidationError([{"type": "missing", "loc": ("body", "text"), "msg": "Field required"}])
    if not stored.created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/api/articles/{stored.article.id}"
    return article_public(session, stored.article)


@router.get("", response_model=Page[ArticleSummary], summary="Stored articles, newest first")
@cached_on(CachedOn.DATA)
def list_articles(request: Request, session: SessionDep, page: PageDep):
    total = count_articles(session)
    rows = articles_newest_first(session, offset=page.offset, limit=page.limit)
    return page_of(request, [article_summary(a) for a in rows], total, page)


@router.get("/{article_id}", response_model=ArticlePublic, summary="One article with its mentions and events")
@cached_on(CachedOn.DATA)
def get_article(article_id: ArticleId, session: SessionDep):
    article = stored(session, models.Article, article_id)
    return article_public(session, article)


@router.post(
    "/{article_id}/reprocess",
    response_model=ArticlePublic,
    summary="Read a stored article again; events an analyst corrected or rejected are kept",
    dependencies=[WriteAccess],
)
def reprocess_article(article_id: ArticleId, session: SessionDep, services: ServicesDep):
    article = stored(session, models.Article, article_id)
    extraction = services.pipeline.extract(article_from_row(article))
    return article_public(session, replace_extraction(session, article, extraction))


@router.post(
    "/{article_id}/events",
    response_model=EventPublic,
    status_code=status.HTTP_201_CREATED,
    summary="Add a stop the reader missed, from a sentence of the article (kept on re-processing)",
    dependencies=[WriteAccess],
    responses={409: {"description": "The same person at the same place is already read from that sentence."}},
)
def create_event(
    article_id: ArticleId, body: EventCreate, session: SessionDep, services: ServicesDep, response: Response
):
    event = add_event(session, article_id, body, lambda: services.gazetteer)
    response.headers["Location"] = f"/api/events/{event.id}"
    return event_public(event_row(session, event.id))
