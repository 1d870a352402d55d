"""Articles by URL: fetch the page, read its main text and metadata, then ingest it like any article.

The caller's metadata wins over the page's. The same URL (by its normalised key) or the same text
under another URL is one article: a URL stored before is not fetched again.
"""

from __future__ import annotations

from pydantic import ValidationError
from sqlmodel import Session

from app.fetch import Fetched, Fetcher, normalise_url
from app.ingest import ArticleReader, ingest_article
from app.schemas import ArticleCreate
from app.storage import StoredArticle, find_by_url_key
from app.webpage import PageArticle, read_page
from geo.errors import InvalidInputError, NoArticleTextError

__all__ = ["ingest_url", "page_of", "article_from_page", "HTML_TYPES"]

HTML_TYPES = ("text/html", "application/xhtml+xml", "")


def page_of(fetched: Fetched) -> PageArticle:
    """The article in a fetched page; a page that is not HTML (or plain text) has none."""
    media_type = fetched.content_type.split(";")[0].strip().lower()
    if media_type == "text/plain":
        text = fetched.content.decode("utf-8", errors="replace").replace("\x00", "").strip()
        if not text:
            raise NoArticleTextError(f"{fetched.url} is empty", field="url")
        return PageArticle(text=text)
    if media_type not in HTML_TYPES:
        raise NoArticleTextError(f"{fetched.url} is {media_type}, not an HTML page", field="url")
    return read_page(fetched.content, fetched.url)


def article_from_page(page: PageArticle, url: str, given: dict, defaults: dict | None = None) -> ArticleCreate:
    """The article to ingest: the page's metadata over `defaults` (a feed's), under what the caller gave."""
    found = {
        "title": page.title,
        "source": page.site_name,
        "published": page.published,
        "dateline": page.dateline,
        "author": page.author,
    }
    record = {key: value for key, value in (defaults or {}).items() if value is not None}
    record |= {key: value for key, value in found.items() if value is not None}
    record |= {key: value for key, value in given.items() if value is not None and key != "text"}
    record |= {"text": page.text, "url": url}
    try:
        return ArticleCreate.model_validate(record)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'page'}: {e['msg']}" for e in exc.errors())
        raise InvalidInputError(f"the page at {url} cannot be stored as an article: {problems}", field="url") from None


def ingest_url(
    session: Session,
    pipeline: ArticleReader,
    fetcher: Fetcher,
    url: str,
    given: dict | None = None,
    *,
    defaults: dict | None = None,
) -> StoredArticle:
    """Fetch, read and store the article at `url`; one stored before under this URL is returned as it is."""
    existing = find_by_url_key(session, normalise_url(url))
    if existing is not None:
        return StoredArticle(existing, created=False)
    fetched = fetcher.fetch(url)
    final = normalise_url(fetched.url)
    existing = find_by_url_key(session, final)
    if existing is not None:
        return StoredArticle(existing, created=False)
    body = article_from_page(page_of(fetched), final, given or {}, defaults)
    return ingest_article(session, pipeline, body)
