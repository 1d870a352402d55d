"""app/queries.py: events read as plain columns are the events their rows make, and the counts of the
lists (the unfiltered one read from the table's count less the rejected) match what the lists hold."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from app_fixtures import TRIP
from sqlalchemy import func
from sqlmodel import Session, select

from app import models, queries
from app.migrate import upgrade_database
from app.queries import _DATE_ORDER, EventFilter, _base, count_events, event_rows, events_of, iter_events
from geo.errors import NotFoundError
from geo.model import EventStatus

# Another person along, a span of days, an open end, and no mention span: every column has a say.
WITH_COMPANY = replace(
    TRIP[3], co_actors=("Sergei Lavrov", "Kim Jong Un"), mention_start=None, mention_end=None, evidence_start=400
)


def _store(make_client, texts: int = 3) -> None:
    client = make_client(events=[*TRIP, WITH_COMPANY])
    for number in range(texts):
        response = client.post("/api/articles", json={"text": f"Dispatch {number}: Kim went to Vladivostok."})
        assert response.status_code == 201, response.text


def _reject(engine, *event_ids: int) -> None:
    with Session(engine) as session:
        for event in session.exec(select(models.Event).where(models.Event.id.in_(event_ids))):
            event.rejected = True
            session.add(event)
        session.commit()


def test_events_read_as_columns_are_those_their_rows_make(make_client, engine):
    _store(make_client)
    everything = EventFilter(include_rejected=True)
    with Session(engine) as session:
        expected = sorted((e.to_geo(a, p) for e, a, p in event_rows(session, everything)), key=lambda e: e.event_id)
        assert list(iter_events(session, everything)) == expected
        assert list(iter_events(session, everything, batch=3)) == expected  # across keyset batches
        assert list(iter_events(session, everything, offset=5, limit=4, batch=3)) == expected[5:9]
        assert list(iter_events(session, everything, offset=len(expected))) == []
        in_date_order = [e.to_geo(a, p) for e, a, p in event_rows(session, everything)]
        assert events_of(session, everything) == in_date_order != expected
    assert any(e.co_actors == ("Sergei Lavrov", "Kim Jong Un") for e in expected)


def test_counts_leave_the_rejected_out_unless_asked(make_client, engine):
    _store(make_client)
    _reject(engine, 2, 7)
    with Session(engine) as session:
        total = session.exec(select(models.Event)).all()
        for event_filter in (
            EventFilter(),
            EventFilter(include_rejected=True),
            EventFilter(status=TRIP[2].status),
            EventFilter(bbox=(100.0, 30.0, 180.0, 60.0)),
            EventFilter(bbox=(100.0, 30.0, 180.0, 60.0), include_rejected=True),
        ):
            listed = list(iter_events(session, event_filter))
            assert count_events(session, event_filter) == len(listed), event_filter
        assert count_events(session, EventFilter()) == len(total) - 2
        assert {e.event_id for e in iter_events(session, EventFilter())}.isdisjoint({2, 7})


def test_sqlite_counts_the_events_in_a_box_through_the_latitude_index(make_client, engine):
    if engine.dialect.name != "sqlite":
        return  # PostgreSQL's planner has statistics of its own
    _store(make_client, texts=20)
    upgrade_database(engine)  # as serve does when it starts: the statistics are refreshed
    count = _base(select(func.count()).select_from(models.Event), EventFilter(bbox=(100.0, 30.0, 180.0, 60.0)))
    with engine.connect() as connection:
        sql = str(count.compile(engine, compile_kwargs={"literal_binds": True}))
        plan = " ".join(row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "ix_event_lat_lon" in plan, plan


def _literal_events(session, event_filter: EventFilter) -> list:
    """events_of as it was: the statement built for the filter, its values written into it."""
    query = _base(select(*models.EVENT_COLUMNS).join(models.Actor).join(models.Place), event_filter)
    rows = session.connection().execute(query.order_by(*_DATE_ORDER)).all()
    return list(map(models.EventColumnsReader(), rows))


def test_events_of_runs_one_statement_a_shape_with_the_values_bound(make_client, engine):
    _store(make_client)
    _reject(engine, 3)
    with Session(engine) as session:
        kim, putin = (
            session.exec(select(models.Actor).where(models.Actor.name == n)).one()
            for n in ("Kim Jong Un", "Vladimir Putin")
        )
        filters = [
            EventFilter(actor_id=kim.id),
            EventFilter(actor_id=putin.id),
            EventFilter(actor_id=kim.id, include_rejected=True),
            EventFilter(actor_id=kim.id, date_from=date(2023, 1, 1)),
            EventFilter(actor_id=kim.id, date_to=date(2020, 1, 1)),
            EventFilter(actor_id=kim.id, date_from=date(2019, 4, 10), date_to=date(2023, 9, 15)),
            EventFilter(status=EventStatus.PLANNED),
            EventFilter(article_id=2),
            EventFilter(bbox=(100.0, 30.0, 180.0, 60.0)),
            EventFilter(bbox=(170.0, 30.0, 140.0, 60.0)),  # across the antimeridian: every longitude but 140-170
            EventFilter(bbox=(170.0, 30.0, -170.0, 60.0), status=EventStatus.OCCURRED),
            EventFilter(),
        ]
        for event_filter in filters:
            assert events_of(session, event_filter) == _literal_events(session, event_filter), event_filter
        assert events_of(session, EventFilter(actor_id=kim.id)) != events_of(session, EventFilter(actor_id=putin.id))
    # Another actor, other dates: the same statement, not one built again.
    assert queries._events_statement(filters[0]) is queries._events_statement(filters[1])
    assert queries._events_statement(filters[3]) is queries._events_statement(
        EventFilter(actor_id=putin.id, date_from=date(2001, 2, 3))
    )
    assert queries._events_statement(filters[8]) is not queries._events_statement(filters[9])


def test_actor_by_slug_reads_the_slug_it_is_given(make_client, engine):
    _store(make_client)
    with Session(engine) as session:
        for actor in session.exec(select(models.Actor)).all():
            assert queries.actor_by_slug(session, actor.slug).id == actor.id
        with pytest.raises(NotFoundError):
            queries.actor_by_slug(session, "nobody-at-all")
