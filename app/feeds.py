"""Feeds: stored subscriptions that `itinerant watch` reads when they are due.

A poll takes the feed's lease first (one UPDATE that succeeds only where no other lease is live), so
several workers, in one process or on several machines, never read one feed at once. It asks with
the validators of the last answer (ETag, Last-Modified): an unchanged feed answers 304 and costs
nothing. Each new item is read by its URL, or from the feed's own content when the page cannot be
read, and ingested like any article; the item's key (its id, else its link), the URL's key and the
text's hash each keep one article from being stored twice. An item whose feed entry changed (a new
update time, title or content) is read again, and its article updated in place.

Every item is committed as it is read and the validators only after the last, so a poll that dies
half-way loses nothing (the next poll gets the whole feed again) and doubles nothing (what was read
is known by its key). A feed that fails waits longer after each failure (interval × 2^failures, at
most a day); its last error is kept for the feeds list.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete, func, or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app import models
from app.fetch import Fetcher, normalise_url
from app.ingest import ArticleReader, ingest_article
from app.schemas import ArticleCreate
from app.storage import StoredArticle, content_hash, find_duplicate, replace_extraction
from app.url_ingest import ingest_url, page_of
from app.webpage import html_to_text
from geo.errors import ConflictError, FetchError, InvalidInputError, ItinerantError, NotFoundError
from geo.model import ArticleText

__all__ = [
    "FeedEntry",
    "FeedStats",
    "ItemOutcome",
    "PollReport",
    "Watcher",
    "parse_feed",
    "add_feed",
    "remove_feed",
    "feed_stats",
    "FEED_ACCEPT",
    "MIN_INTERVAL",
    "MAX_INTERVAL",
    "DEFAULT_INTERVAL",
]

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
MIN_INTERVAL = 60
MAX_INTERVAL = 7 * 24 * 3600
DEFAULT_INTERVAL = 900
MAX_BACKOFF_SECONDS = 24 * 3600
LEASE_SECONDS = 600
# An item whose page and feed content could not be read this many times in a row (at successive
# polls) is left alone until the feed changes it: a dead link must not be fetched forever.
MAX_ITEM_FAILURES = 5


def _digest(*parts: str | None) -> str:
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite gives back naive times (stored as UTC); PostgreSQL aware ones."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


# -- reading a feed ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedEntry:
    key: str  # sha256 of the item's id, else its link, else its title and content
    url: str | None
    title: str | None
    published: dt.date | None
    author: str | None
    content: str  # the item's own text (HTML or plain), perhaps only a summary
    version: str  # changes when the entry does


def _entry(
    ident: str | None, url: str | None, title: str | None, published, updated, author, content: str
) -> FeedEntry:
    key = _digest(ident or url or f"{title}\x1e{content}")
    day = published or updated
    return FeedEntry(
        key=key,
        url=url or None,
        title=" ".join(title.split())[:500] if title else None,
        published=day.date() if isinstance(day, dt.datetime) else day,
        author=" ".join(author.split())[:200] if author else None,
        content=content or "",
        version=_digest(str(updated or published or ""), title, content),
    )


def parse_feed(content: bytes, content_type: str = "") -> tuple[str | None, list[FeedEntry]]:
    """A feed's title and entries: RSS 0.9x-2.0, RSS 1.0 and Atom through feedparser, JSON Feed itself."""
    if "json" in content_type.lower() or content.lstrip()[:1] == b"{":
        return _parse_json_feed(content)
    import feedparser

    # Given bytes, never a URL or a path: feedparser reads nothing but what it is handed.
    parsed = feedparser.parse(io.BytesIO(content))
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = getattr(parsed, "bozo_exception", None) or "no RSS, Atom or JSON Feed document"
        raise FetchError(f"not a feed: {reason}")
    entries = []
    for item in parsed.entries:
        body = item.get("content") or []
        text = body[0].get("value", "") if body else item.get("summary", "")
        entries.append(
            _entry(
                item.get("id"),
                item.get("link"),
                item.get("title"),
                # Read as a plain dict: feedparser's own lookup of a missing date warns and substitutes another.
                _struct_time(dict.get(item, "published_parsed")),
                _struct_time(dict.get(item, "updated_parsed")),
                item.get("author"),
                text,
            )
        )
    return parsed.feed.get("title"), entries


def _struct_time(value) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime(*value[:6], tzinfo=dt.UTC)
    except (TypeError, ValueError):
        return None


def _iso(value) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _parse_json_feed(content: bytes) -> tuple[str | None, list[FeedEntry]]:
    try:
        document = json.loads(content)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FetchError(f"not a feed: the JSON is broken ({exc})") from None
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise FetchError("not a feed: a JSON Feed is an object with a list of items")
    entries = []
    for item in document["items"]:
        if not isinstance(item, dict):
            continue
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        author = authors[0].get("name") if authors and isinstance(authors[0], dict) else None
        text = item.get("content_html") or item.get("content_text") or item.get("summary") or ""
        ident = item.get("id")
        entries.append(
            _entry(
                str(ident) if ident is not None else None,
                item.get("url") if isinstance(item.get("url"), str) else None,
                item.get("title") if isinstance(item.get("title"), str) else None,
                _iso(item.get("date_published")),
                _iso(item.get("date_modified")),
                author if isinstance(author, str) else None,
                text if isinstance(text, str) else "",
            )
        )
    title = document.get("title")
    return (title if isinstance(title, str) else None), entries


# -- the stored feeds -------------------------------------------------------------------------


def add_feed(session: Session, url: str, title: str | None = None, interval: int = DEFAULT_INTERVAL) -> models.Feed:
    """Subscribe to a feed; one already stored under the same URL is a conflict."""
    if not MIN_INTERVAL <= interval <= MAX_INTERVAL:
        raise InvalidInputError(f"interval must be {MIN_INTERVAL} to {MAX_INTERVAL} seconds", field="interval")
    key = normalise_url(url)
    existing = session.exec(select(models.Feed).where(models.Feed.url_key == key)).first()
    if existing is not None:
        raise ConflictError(f"the feed {url} is stored already, as feed {existing.id}", field="url")
    feed = models.Feed(url=url, url_key=key, title=title, interval_seconds=interval)
    session.add(feed)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise ConflictError(f"the feed {url} was just added", field="url") from None
    session.refresh(feed)
    return feed


def remove_feed(session: Session, feed_id: int) -> None:
    """Unsubscribe; the articles read from the feed stay."""
    feed = session.get(models.Feed, feed_id)
    if feed is None:
        raise NotFoundError(f"no feed {feed_id}")
    connection = session.connection()
    connection.execute(delete(models.FeedItem).where(models.FeedItem.feed_id == feed_id))
    connection.execute(delete(models.Feed).where(models.Feed.id == feed_id))
    session.commit()


@dataclass(frozen=True)
class FeedStats:
    feed: models.Feed
    items: int  # items read into articles

    @property
    def last_polled_at(self) -> dt.datetime | None:
        return _aware(self.feed.last_polled_at)

    @property
    def last_new_item_at(self) -> dt.datetime | None:
        return _aware(self.feed.last_new_item_at)

    @property
    def next_poll_at(self) -> dt.datetime | None:
        return _aware(self.feed.next_poll_at)


def feed_stats(session: Session) -> list[FeedStats]:
    """Every feed with how many of its items were read, in the order they were added."""
    counts = dict(
        session.exec(
            select(models.FeedItem.feed_id, func.count())
            .where(models.FeedItem.article_id.is_not(None))
            .group_by(models.FeedItem.feed_id)
        ).all()
    )
    feeds = session.exec(select(models.Feed).order_by(models.Feed.id)).all()
    return [FeedStats(feed, counts.get(feed.id, 0)) for feed in feeds]


# -- polling ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemOutcome:
    verdict: str  # stored, updated, duplicate, skipped, failed
    label: str  # the item's URL or title
    reason: str = ""
    article_id: int | None = None


@dataclass
class PollReport:
    feed_id: int
    url: str
    title: str | None
    status: str = "read"  # read, unchanged (304), failed, busy (another worker has it)
    error: str | None = None
    items: list[ItemOutcome] = field(default_factory=list)

    def count(self, verdict: str) -> int:
        return sum(1 for item in self.items if item.verdict == verdict)


class Watcher:
    """Polls the due feeds; any number of these may run at once against one database."""

    def __init__(
        self,
        engine: Engine,
        pipeline: ArticleReader,
        fetcher: Fetcher,
        *,
        owner: str | None = None,
        lease_seconds: float = LEASE_SECONDS,
        clock: Callable[[], dt.datetime] = models.utcnow,
    ) -> None:
        self.engine = engine
        self.pipeline = pipeline
        self.fetcher = fetcher
        self.owner = owner or f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.lease = dt.timedelta(seconds=lease_seconds)
        self.clock = clock

    def due(self) -> list[int]:
        now = self.clock()
        with Session(self.engine) as session:
            return list(
                session.exec(
                    select(models.Feed.id)
                    .where(models.Feed.next_poll_at <= now)
                    .where(or_(models.Feed.lease_until.is_(None), models.Feed.lease_until < now))
                    .order_by(models.Feed.next_poll_at)
                )
            )

    def poll_due(self) -> list[PollReport]:
        return [report for feed_id in self.due() if (report := self.poll(feed_id)) is not None]

    def poll(self, feed_id: int, *, force: bool = False) -> PollReport | None:
        """Read one feed if its lease can be had (None when another worker holds it, or it is not due)."""
        if not self._take(feed_id, force=force):
            return None
        with Session(self.engine) as session:
            feed = session.get(models.Feed, feed_id)
            report = PollReport(feed.id, feed.url, feed.title)
            try:
                fetched = self.fetcher.fetch(
                    feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT
                )
                if fetched.not_modified:
                    report.status = "unchanged"
                    self._finish(session, feed, report, None)
                    return report
                title, entries = parse_feed(fetched.content, fetched.content_type)
            except ItinerantError as exc:
                report.status, report.error = "failed", exc.message
                self._finish(session, feed, report, None)
                return report
            if feed.title is None and title:
                # Stored at once: an item's failure rolls the session back, and a change left
                # pending would be flushed by the next read, holding the write lock that the
                # lease renewal (another connection) then waits for.
                feed.title = " ".join(title.split())[:300]
                session.add(feed)
                session.commit()
            for entry in entries:
                report.items.append(self._read_item(session, feed.id, entry))
                self._renew(feed.id)
            self._finish(session, feed, report, fetched)
            return report

    # -- leases ---

    def _take(self, feed_id: int, *, force: bool) -> bool:
        now = self.clock()
        conditions = [models.Feed.id == feed_id, or_(models.Feed.lease_until.is_(None), models.Feed.lease_until < now)]
        if not force:
            conditions.append(models.Feed.next_poll_at <= now)
        statement = update(models.Feed).where(*conditions).values(lease_owner=self.owner, lease_until=now + self.lease)
        with self.engine.begin() as connection:
            return connection.execute(statement).rowcount == 1

    def _renew(self, feed_id: int) -> None:
        statement = (
            update(models.Feed)
            .where(models.Feed.id == feed_id, models.Feed.lease_owner == self.owner)
            .values(lease_until=self.clock() + self.lease)
        )
        with self.engine.begin() as connection:
            connection.execute(statement)

    def _finish(self, session: Session, feed: models.Feed, report: PollReport, fetched) -> None:
        """Record the poll and let go of the lease; the validators are kept only after a full read."""
        now = self.clock()
        feed = session.get(models.Feed, feed.id) or feed
        session.refresh(feed)
        feed.last_polled_at = now
        if report.error:
            feed.errors_in_a_row += 1
            feed.last_error = report.error
            wait = min(feed.interval_seconds * 2**feed.errors_in_a_row, MAX_BACKOFF_SECONDS)
        else:
            feed.errors_in_a_row = 0
            feed.last_error = None
            wait = feed.interval_seconds
        if fetched is not None:
            feed.etag = (fetched.etag or "")[:500] or None
            feed.last_modified = (fetched.last_modified or "")[:100] or None
        if report.count("stored") or report.count("updated"):
            feed.last_new_item_at = now
        if report.title is None and feed.title:
            report.title = feed.title
        feed.next_poll_at = now + dt.timedelta(seconds=wait)
        feed.lease_owner = None
        feed.lease_until = None
        session.add(feed)
        session.commit()

    # -- items ---

    def _read_item(self, session: Session, feed_id: int, entry: FeedEntry) -> ItemOutcome:
        label = entry.url or entry.title or entry.key[:12]
        seen = session.exec(
            select(models.FeedItem).where(models.FeedItem.feed_id == feed_id, models.FeedItem.item_key == entry.key)
        ).first()
        failed_before = seen is not None and seen.article_id is None and seen.failures > 0
        if failed_before and seen.version != entry.version:
            seen.failures = 0  # the feed changed the item: it may read now
        elif failed_before and seen.failures >= MAX_ITEM_FAILURES:
            reason = f"left after {seen.failures} failed reads (the last: {seen.last_error})"
            return ItemOutcome("skipped", label, reason)
        elif seen is not None and seen.version == entry.version and not failed_before:
            return ItemOutcome("skipped", label, "read before", seen.article_id)
        elif seen is not None and not failed_before:
            return self._update(session, seen, entry, label)
        try:
            stored, how = self._article_of(session, entry)
        except ItinerantError as exc:
            session.rollback()
            return self._record_failure(session, feed_id, entry, label, exc.message)
        item = session.exec(
            select(models.FeedItem).where(models.FeedItem.feed_id == feed_id, models.FeedItem.item_key == entry.key)
        ).first()
        if item is None:
            item = models.FeedItem(feed_id=feed_id, item_key=entry.key, url=entry.url, version=entry.version)
        item.article_id, item.version, item.failures, item.last_error = stored.article.id, entry.version, 0, None
        session.add(item)
        try:
            session.commit()
        except IntegrityError:  # another worker recorded it at the same moment
            session.rollback()
            return ItemOutcome("skipped", label, "read by another worker", stored.article.id)
        if stored.created:
            return ItemOutcome("stored", label, how, stored.article.id)
        return ItemOutcome("duplicate", label, f"same URL or text as article {stored.article.id}", stored.article.id)

    def _record_failure(self, session: Session, feed_id: int, entry: FeedEntry, label: str, error: str) -> ItemOutcome:
        """Count a failed read of an item, so that the next polls try it again only up to the limit."""
        item = session.exec(
            select(models.FeedItem).where(models.FeedItem.feed_id == feed_id, models.FeedItem.item_key == entry.key)
        ).first()
        if item is None:
            item = models.FeedItem(feed_id=feed_id, item_key=entry.key, url=entry.url, version=entry.version)
        item.failures, item.last_error, item.version = item.failures + 1, error[:2000], entry.version
        session.add(item)
        try:
            session.commit()
        except IntegrityError:  # another worker recorded the item meanwhile: its record stands
            session.rollback()
        return ItemOutcome("failed", label, error)

    def _article_of(self, session: Session, entry: FeedEntry) -> tuple[StoredArticle, str]:
        """The item's article: its page if it can be read, else the feed's own content."""
        defaults = {"title": entry.title, "published": entry.published, "author": entry.author}
        page_error = None
        if entry.url:
            try:
                return ingest_url(session, self.pipeline, self.fetcher, entry.url, defaults=defaults), ""
            except (FetchError, InvalidInputError) as exc:
                page_error = exc
        text = html_to_text(entry.content)
        if not text:
            raise page_error or InvalidInputError("the item has neither a link nor any text")
        body = ArticleCreate.model_validate(
            {"text": text, "url": _http_url(entry.url)} | {k: v for k, v in defaults.items() if v is not None}
        )
        how = f"from the feed's own content (the page: {page_error.message})" if page_error else "from the feed"
        return ingest_article(session, self.pipeline, body), how

    def _fresh_text(self, entry: FeedEntry) -> str:
        """The item's text as it is now: its page, fetched again, else the feed's own content."""
        page_error = None
        if entry.url:
            try:
                return page_of(self.fetcher.fetch(entry.url)).text
            except (FetchError, InvalidInputError) as exc:
                page_error = exc
        text = html_to_text(entry.content)
        if not text:
            raise page_error or InvalidInputError("the item has neither a link nor any text")
        return text

    def _update(self, session: Session, seen: models.FeedItem, entry: FeedEntry, label: str) -> ItemOutcome:
        """An entry that changed since it was read: its article takes the new text and is read again."""
        try:
            text = self._fresh_text(entry)
        except ItinerantError as exc:
            return ItemOutcome("failed", label, exc.message, seen.article_id)  # the entry is tried again
        seen.version = entry.version
        session.add(seen)
        article = session.get(models.Article, seen.article_id) if seen.article_id else None
        other = find_duplicate(session, text)
        if article is not None and article.content_hash == content_hash(text):
            session.commit()
            return ItemOutcome("skipped", label, "the entry changed, its text did not", article.id)
        if other is not None:
            seen.article_id = other.id
            session.commit()
            return ItemOutcome("duplicate", label, f"its new text is article {other.id}'s", other.id)
        if article is None:
            body = ArticleCreate.model_validate(
                {"text": text, "url": _http_url(entry.url), "title": entry.title, "published": entry.published}
            )
            stored = ingest_article(session, self.pipeline, body)
            seen.article_id = stored.article.id
            session.add(seen)
            session.commit()
            return ItemOutcome("updated", label, "read again", stored.article.id)
        reading = ArticleText(
            text=text,
            title=entry.title or article.title,
            source=article.source,
            url=article.url,
            published=article.published,
            dateline=article.dateline,
        )
        extraction = self.pipeline.extract(reading)
        article.text, article.content_hash, article.title = text, content_hash(text), reading.title
        session.add(article)
        # One transaction: the new text, its reading (analysts' corrections kept) and the entry's version.
        replace_extraction(session, article, extraction)
        return ItemOutcome("updated", label, "its article was read again", article.id)


def _http_url(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("http://", "https://")) else None
