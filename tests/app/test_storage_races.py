"""Writers that race on the same new rows: each article is stored whole, and no database message leaks."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from app_fixtures import VISIT
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from app import models, storage
from geo.errors import ItinerantError
from geo.model import ArticleText, Extraction


def _count(engine, table) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_an_actor_created_by_another_writer_after_our_lookup_is_reused(engine, monkeypatch):
    # The other writer commits the actor between this writer's lookup (which found nothing) and its insert.
    real_find = storage.ActorRows._find
    looked_up = []

    def find_then_lose_the_race(self, key, slug):
        if not looked_up:
            looked_up.append(key)
            # The other writer's rows, as if committed just now (written outside our savepoint:
            # SQLite lets one writer at a time, so a second connection could not write here).
            connection = self._session.connection()
            actor_id = connection.execute(
                insert(models.Actor).values(name=VISIT.actor, slug=slug, kind="person").returning(models.Actor.id)
            ).scalar_one()
            connection.execute(insert(models.ActorAlias).values(actor_id=actor_id, alias=VISIT.actor, alias_key=key))
            return None
        return real_find(self, key, slug)

    monkeypatch.setattr(storage.ActorRows, "_find", find_then_lose_the_race)
    article = ArticleText(text="In April 2019 Kim visited Vladivostok.")
    with Session(engine) as session:
        stored = storage.save_article(session, article, Extraction(mentions=(), events=(VISIT,)))
        assert stored.created
    assert looked_up
    assert _count(engine, models.Actor) == 1
    assert _count(engine, models.Event) == 1


def test_an_unexpected_integrity_error_leaks_no_database_message(engine, monkeypatch):
    def broken(self, name):
        raise IntegrityError("INSERT INTO actor ...", {}, Exception('duplicate key value violates "actor_slug_key"'))

    monkeypatch.setattr(storage.ActorRows, "id_of", broken)
    article = ArticleText(text="In April 2019 Kim visited Vladivostok.")
    with Session(engine) as session, pytest.raises(ItinerantError) as raised:
        storage.save_article(session, article, Extraction(mentions=(), events=(VISIT,)))
    assert "actor_slug_key" not in str(raised.value) and "duplicate key" not in str(raised.value)
    assert _count(engine, models.Article) == 0


def test_concurrent_articles_naming_the_same_new_person_are_all_stored(engine):
    writers = 8
    barrier = threading.Barrier(writers)
    errors: list[BaseException] = []

    def write(number: int) -> None:
        event = replace(VISIT, actor="Ri Son Gwon")
        article = ArticleText(text=f"Article {number}: Ri Son Gwon visited Vladivostok.")
        try:
            with Session(engine) as session:
                barrier.wait()
                storage.save_article(session, article, Extraction(mentions=(), events=(event,)))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _count(engine, models.Article) == writers
    assert _count(engine, models.Actor) == 1
    assert _count(engine, models.Event) == writers
