"""Writing an article and everything read from it, in one transaction, and reading it back.

An article lands whole or not at all: the article row, its places, mentions, actors and events
are added in one transaction that is rolled back on any error.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app import models
from geo.errors import ConflictError, InvalidInputError
from geo.model import ArticleText, Extraction
from geo.model import Place as GeoPlace
from geo.people import person_key, person_slug

__all__ = [
    "content_hash",
    "StoredArticle",
    "find_duplicate",
    "find_by_url_key",
    "save_article",
    "replace_extraction",
    "add_alias",
    "count_articles",
    "PlaceRows",
    "ActorRows",
]

log = logging.getLogger("itinerant")


def content_hash(text: str) -> str:
    """The identity of an article's text: the same words with other line endings or padding match."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredArticle:
    article: models.Article
    created: bool  # False when the same text was stored before


def find_duplicate(session: Session, text: str) -> models.Article | None:
    return session.exec(select(models.Article).where(models.Article.content_hash == content_hash(text))).first()


def find_by_url_key(session: Session, url_key: str) -> models.Article | None:
    """The article stored from this URL (keys from app.fetch.normalise_url), if any."""
    return session.exec(
        select(models.Article).where(models.Article.url_key == url_key).order_by(models.Article.id)
    ).first()


def count_articles(session: Session) -> int:
    return session.exec(select(func.count()).select_from(models.Article)).one()


def save_article(
    session: Session,
    article: ArticleText,
    extraction: Extraction,
    *,
    author: str | None = None,
    url_key: str | None = None,
) -> StoredArticle:
    """Store the article and its extraction in one transaction; a known text is returned as it is."""
    existing = find_duplicate(session, article.text)
    if existing is not None:
        return StoredArticle(existing, created=False)
    try:
        row = models.Article(
            title=article.title,
            source=article.source,
            url=article.url,
            published=article.published,
            dateline=article.dateline or _dateline_name(extraction),
            text=article.text,
            content_hash=content_hash(article.text),
            author=author,
            url_key=url_key,
        )
        session.add(row)
        session.flush()
        _add_extraction(session, row.id, extraction)
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        # Another writer stored the same text between our check and our insert.
        duplicate = find_duplicate(session, article.text)
        if duplicate is not None:
            return StoredArticle(duplicate, created=False)
        raise _write_conflict("the article could not be stored", exc) from exc
    except BaseException:
        session.rollback()
        raise
    session.refresh(row)
    return StoredArticle(row, created=True)


def replace_extraction(session: Session, article: models.Article, extraction: Extraction) -> models.Article:
    """Swap an article's mentions and events for a fresh reading, in one transaction.

    Events an analyst corrected, rejected or added are kept as they are, and a fresh event that
    repeats one of them (same actor, same sentence, same place mention) is not added again:
    corrections survive re-processing. An event given to another actor is known both by the
    actor the reader found and by the one it has now.
    """
    try:
        kept = session.exec(
            select(models.Event).where(
                models.Event.article_id == article.id,
                (models.Event.corrected == True) | (models.Event.rejected == True),  # noqa: E712
            )
        ).all()
        kept_keys = {(e.actor_id, e.evidence_start, e.mention_start) for e in kept} | {
            (e.read_actor_id, e.evidence_start, e.mention_start) for e in kept if e.read_actor_id is not None
        }
        kept_ids = {e.id for e in kept}
        for mention in session.exec(select(models.Mention).where(models.Mention.article_id == article.id)):
            session.delete(mention)
        for event in session.exec(select(models.Event).where(models.Event.article_id == article.id)):
            if event.id not in kept_ids:
                session.delete(event)
        session.flush()
        _add_extraction(session, article.id, extraction, skip=kept_keys)
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise _write_conflict("the new reading could not be stored", exc) from exc
    except BaseException:
        session.rollback()
        raise
    session.refresh(article)
    return article


def _write_conflict(what: str, exc: IntegrityError) -> ConflictError | InvalidInputError:
    """A write the database refused: a 409 when it collided with another write (a unique key), else
    a 422. The database's own message is logged, never sent: it names tables and constraints."""
    log.warning("%s: %s", what, exc.orig)
    if _unique_violation(exc):
        return ConflictError(f"{what}: another write changed the same records at the same moment; send it again")
    return InvalidInputError(f"{what}: a value does not fit the stored records")


def _unique_violation(exc: IntegrityError) -> bool:
    # PostgreSQL's SQLSTATE unique_violation; SQLite says it in words.
    return getattr(exc.orig, "sqlstate", None) == "23505" or "UNIQUE constraint failed" in str(exc.orig)


def _add_extraction(
    session: Session, article_id: int, extraction: Extraction, *, skip: set[tuple] = frozenset()
) -> None:
    places = PlaceRows(session)
    for mention in extraction.mentions:
        place_id = places.id_of(mention.place) if mention.place else None
        session.add(models.Mention.from_geo(mention, article_id=article_id, place_id=place_id))
    actors = ActorRows(session)
    for event in extraction.events:
        actor_id = actors.id_of(event.actor)
        if (actor_id, event.evidence_start, event.mention_start) in skip:
            continue
        session.add(
            models.Event.from_geo(event, article_id=article_id, actor_id=actor_id, place_id=places.id_of(event.place))
        )
    # Flushed here so that a broken row fails inside the caller's try block, not at commit.
    session.flush()


def add_alias(session: Session, actor: models.Actor, alias: str) -> models.Actor:
    """Let `alias` name `actor` from now on; an alias that already names someone else is a conflict."""
    key = person_key(alias)
    if not key:
        raise InvalidInputError("alias must contain letters or digits", field="alias")
    owner = session.exec(select(models.ActorAlias).where(models.ActorAlias.alias_key == key)).first()
    if owner is not None:
        if owner.actor_id == actor.id:
            return actor
        other = session.get(models.Actor, owner.actor_id)
        raise ConflictError(f"{alias!r} already names {other.name} ({other.slug})", field="alias")
    session.add(models.ActorAlias(actor_id=actor.id, alias=alias, alias_key=key))
    try:
        session.commit()
    except IntegrityError:  # another analyst added it at the same moment
        session.rollback()
        raise ConflictError(f"{alias!r} was just given to another actor", field="alias") from None
    return actor


def _dateline_name(extraction: Extraction) -> str | None:
    if extraction.dateline is None:
        return None
    place = extraction.dateline.place
    return place.name if place is not None else extraction.dateline.surface


class PlaceRows:
    """Gazetteer places copied into the store once, looked up by their gazetteer id."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[str, int] = {}

    def id_of(self, place: GeoPlace) -> int:
        if place.gazetteer_id in self._ids:
            return self._ids[place.gazetteer_id]
        found = self._session.exec(
            select(models.Place.id).where(models.Place.gazetteer_id == place.gazetteer_id)
        ).first()
        if found is None:
            found = self._insert(place)
        self._ids[place.gazetteer_id] = found
        return found

    def _insert(self, place: GeoPlace) -> int:
        row = models.Place.from_geo(place)
        # A savepoint, so that losing a race with another writer does not undo the whole article.
        try:
            with self._session.begin_nested():
                self._session.add(row)
                self._session.flush()
        except IntegrityError:
            return self._session.exec(
                select(models.Place.id).where(models.Place.gazetteer_id == place.gazetteer_id)
            ).one()
        return row.id


class ActorRows:
    """People, found by any stored alias of theirs, else created with their name as first alias."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[str, int] = {}

    def id_of(self, name: str) -> int:
        key = person_key(name)
        if key in self._ids:
            return self._ids[key]
        slug = person_slug(name)
        found = self._find(key, slug)
        if found is None:
            found = self._insert(name, key, slug)
        self._ids[key] = found
        return found

    def _find(self, key: str, slug: str) -> int | None:
        found = self._session.exec(select(models.ActorAlias.actor_id).where(models.ActorAlias.alias_key == key)).first()
        if found is None:
            found = self._session.exec(select(models.Actor.id).where(models.Actor.slug == slug)).first()
        return found

    def _insert(self, name: str, key: str, slug: str) -> int:
        # A savepoint, as for places: when another writer creates the same person first (its
        # insert commits between our lookup and ours), ours is undone alone and theirs is used.
        try:
            with self._session.begin_nested():
                actor = models.Actor(name=name, slug=slug)
                self._session.add(actor)
                self._session.flush()
                self._session.add(models.ActorAlias(actor_id=actor.id, alias=name, alias_key=key))
                self._session.flush()
        except IntegrityError:
            found = self._find(key, slug)
            if found is None:
                raise
            return found
        return actor.id
