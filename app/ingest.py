"""Ingesting an article: the same steps for the API, the command line and the seed loader."""

from __future__ import annotations

from typing import Protocol

from sqlmodel import Session

from app import models
from app.schemas import ArticleCreate
from app.storage import StoredArticle, find_duplicate, save_article
from geo.model import ArticleText, Extraction

__all__ = ["ArticleReader", "ingest_article", "article_text", "article_from_row"]


class ArticleReader(Protocol):
    """Anything that reads an article: the pipeline itself, or the service's serialized one."""

    def extract(self, article: ArticleText) -> Extraction: ...


def article_text(body: ArticleCreate) -> ArticleText:
    return ArticleText(
        text=body.text,
        title=body.title,
        source=body.source,
        url=str(body.url) if body.url else None,
        published=body.published,
        dateline=body.dateline,
    )


def article_from_row(row: models.Article) -> ArticleText:
    """A stored article as the pipeline reads it."""
    return ArticleText(
        text=row.text, title=row.title, source=row.source, url=row.url, published=row.published, dateline=row.dateline
    )


def ingest_article(session: Session, pipeline: ArticleReader, body: ArticleCreate) -> StoredArticle:
    """Store the article with what the pipeline reads from it; a text stored before is not read again."""
    existing = find_duplicate(session, body.text)
    if existing is not None:
        return StoredArticle(existing, created=False)
    article = article_text(body)
    # Reading the text is the slow part; it happens before the write transaction opens.
    return save_article(session, article, pipeline.extract(article), author=body.author, url_key=_url_key(body))


def _url_key(body: ArticleCreate) -> str | None:
    from app.fetch import normalise_url

    return normalise_url(str(body.url)) if body.url else None
