"""app/export.py's feature texts and app/geojson_response.py's streamed collections: made from rows
of plain columns, they are, character for character, what encoding geo.features' features of the
same events gives, whatever the values (escapes, nulls, spans, corrected points, shared parts)."""

from __future__ import annotations

import asyncio
import json
from datetime import date

import pytest
from sqlmodel import Session

from app import export, models
from app.export import FEATURE_COLUMNS, event_feature_texts
from app.geojson_response import feature_collection_chunks, streamed_features
from app.queries import EventFilter, count_events, iter_event_columns, iter_events
from geo.errors import InvalidInputError
from geo.features import EventFeatures, event_feature
from geo.geojson import iter_feature_collection

ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))

ACTORS = [
    "Kim Jong Un",
    'Kim "Rocket Man" \\ Jong Un',
    "Ольга Лю́бимова",
    "金正恩 🚀",
    "Tab\tnew\nline\u2028sep\x1f",
]
# (gazetteer_id, geonameid, name, lat, lon, country, admin1, precision)
PLACES = [
    ("geonames:2013348", 2013348, "Vladivostok", 43.10562, 131.87353, "RU", "Primorye", "city"),
    ("curated:antimeridian", None, 'Fort "Ross" \\ 180°', -16.5, 180.0, None, None, "site"),
    ("geonames:6255147", 6255147, "Asia", 29.84064, 89.29688, None, None, "country"),
    ("wikidata:Q1", None, "Équateur\u00a0Zéro", 1e-07, -0.0, "EC", "Pichincha\r\n", "admin1"),
    # 0.0 and -0.0 are equal keys but different texts (where the database keeps the sign).
    ("wikidata:Q2", None, "Null Island", 1e-07, 0.0, None, None, "site"),
]
# (status, date_start, date_end, date_precision)
DATES = [
    ("occurred", date(2023, 9, 15), date(2023, 9, 15), "day"),
    ("planned", date(2019, 4, 1), date(2019, 4, 30), "month"),
    ("speculative", date(2024, 1, 1), date(2024, 12, 31), "year"),
    ("occurred", date(2023, 9, 12), None, "day"),  # an open end: "after 12 September"
    ("planned", None, None, "unknown"),
    ("occurred", date(1, 1, 1), date(9999, 12, 31), "day"),
]
EVIDENCE = [
    "Kim visited Vladivostok.",
    'He said: "we \\ went" \u2014 twice.\n\tThen\r\nleft\x00\x1b.',
    "",
    "😀 non-BMP, \u2028 and \u2029 as they are, </script>",
]
CONFIDENCES = [0.8, 0.1 + 0.2, 1e-07, 0.0, 1.0, 123456789.123, -0.0]
CO_ACTORS = ["", "Sergei Lavrov|Kim Jong Un", "|Ольга||", 'A "quoted" name']
ACTIONS = ["visit", "meet", "arrive", "no-such-verb", "Teleport"]


def _store(engine, events: int = 60) -> None:
    """Events that combine every actor, place, date, evidence and so on (no two alike), some rejected."""
    with Session(engine) as session:
        session.add(models.Article(id=1, text="One.", content_hash="1" * 64))
        session.add(models.Article(id=2, text="Two.", content_hash="2" * 64))
        for number, name in enumerate(ACTORS, start=1):
            session.add(models.Actor(id=number, name=name, slug=f"actor-{number}"))
        for number, (gazetteer_id, geonameid, name, lat, lon, country, admin1, precision) in enumerate(PLACES, 1):
            session.add(
                models.Place(
                    id=number,
                    gazetteer_id=gazetteer_id,
                    geonameid=geonameid,
                    name=name,
                    lat=lat,
                    lon=lon,
                    kind="city",
                    country=country,
                    admin1=admin1,
                    precision=precision,
                    population=3_812_366_000 if geonameid == 6255147 else 0,
                )
            )
        session.flush()
        for number in range(events):
            place_number = number % len(PLACES)
            _, _, _, lat, lon, *_ = PLACES[place_number]
            if number % 7 == 3:  # an analyst's corrected point: the event's own, not its place's
                lat, lon = -89.999999, -179.9999995
            status, start, end, precision = DATES[number % len(DATES)]
            evidence = EVIDENCE[number % len(EVIDENCE)]
            if "\x00" in evidence and engine.dialect.name == "postgresql":
                evidence = evidence.replace("\x00", "")  # PostgreSQL's text holds no NUL
            session.add(
                models.Event(
                    article_id=1 + number % 2,
                    actor_id=1 + number % len(ACTORS),
                    place_id=1 + place_number,
                    action=ACTIONS[number % len(ACTIONS)],
                    lat=lat,
                    lon=lon,
                    date_start=start,
                    date_end=end,
                    date_precision=precision,
                    status=status,
                    evidence=evidence,
                    evidence_start=number * 10,
                    evidence_end=number * 10 + len(evidence),
                    confidence=CONFIDENCES[number % len(CONFIDENCES)],
                    co_actors=CO_ACTORS[number % len(CO_ACTORS)],
                    rejected=number % 11 == 5,
                )
            )
        session.commit()


def _as_before(session, event_filter, **paging) -> list[str]:
    """Each feature as encoding geo.features' feature of the event gives it."""
    return [ENCODER.encode(event_feature(event)) for event in iter_events(session, event_filter, **paging)]


FILTERS = [
    EventFilter(),
    EventFilter(include_rejected=True),
    EventFilter(actor_id=2),
    EventFilter(bbox=(170.0, -20.0, -170.0, 0.0)),  # across the antimeridian
    EventFilter(date_from=date(2023, 9, 13)),
]


@pytest.mark.parametrize("event_filter", FILTERS)
def test_each_feature_text_is_the_encoded_feature_of_its_event(engine, event_filter):
    _store(engine)
    with Session(engine) as session:
        expected = _as_before(session, event_filter)
        assert expected, event_filter
        texts = list(event_feature_texts(session, event_filter))
        for text, wanted in zip(texts, expected, strict=True):
            assert text == wanted
        # Paged as the routes page: from an offset, a limited number.
        assert list(event_feature_texts(session, event_filter, offset=3, limit=5)) == expected[3:8]
        assert list(event_feature_texts(session, event_filter, offset=len(expected))) == []
    for text in expected:
        json.loads(text)


def test_a_long_stream_reads_in_batches_and_still_says_the_same(engine, monkeypatch):
    _store(engine, events=130)
    monkeypatch.setattr(export, "iter_event_columns", _in_batches_of_7(export.iter_event_columns))
    with Session(engine) as session:
        assert list(event_feature_texts(session, EventFilter())) == _as_before(session, EventFilter())


def _in_batches_of_7(iter_event_columns):
    def reading(*args, **kwargs):
        return iter_event_columns(*args, **kwargs, batch=7)

    return reading


def test_shared_parts_start_afresh_past_their_bound_and_stay_right(engine, monkeypatch):
    _store(engine)
    for name in ("_ACTORS", "_PLACES", "_POINTS", "_STATUSES", "_DATES", "_ACTIONS", "_CO_ACTORS", "_CONFIDENCES"):
        monkeypatch.setattr(export, name, export._Texts(most=2))
    with Session(engine) as session:
        texts = list(event_feature_texts(session, EventFilter()))
        assert texts == _as_before(session, EventFilter())
    assert all(len(getattr(export, name)) <= 2 for name in ("_PLACES", "_DATES", "_POINTS"))


def test_the_collection_is_what_streaming_the_features_as_objects_writes(engine):
    _store(engine)
    members = {"bbox": [-180.0, -90.0, 180.0, 90.0], "numberMatched": 49, "links": [{"href": 'a"b\u2028'}]}
    with Session(engine) as session:
        before = "".join(iter_feature_collection(map(EventFeatures(), iter_events(session, EventFilter())), **members))
        for chunk_chars in (1, 500, 1_000_000):
            chunks = list(
                feature_collection_chunks(
                    event_feature_texts(session, EventFilter()), chunk_chars=chunk_chars, **members
                )
            )
            assert "".join(chunks) == before
            assert len(chunks) > 1 or chunk_chars == 1_000_000
    collection = json.loads(before)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) > 40


def test_an_empty_collection_and_its_members():
    assert (
        "".join(feature_collection_chunks([], numberMatched=0))
        == '{"type":"FeatureCollection","numberMatched":0,"features":[]}'
    )
    assert "".join(feature_collection_chunks(['{"type":"Feature"}'] * 2, next=None)) == (
        '{"type":"FeatureCollection","next":null,"features":[{"type":"Feature"},{"type":"Feature"}]}'
    )
    with pytest.raises(InvalidInputError):
        feature_collection_chunks([], features=[])  # a foreign member may not take a collection's names


def test_a_point_off_the_globe_is_refused_as_before(engine):
    _store(engine, events=4)
    with Session(engine) as session:
        event = session.get(models.Event, 1)
        event.lon = 200.0
        session.add(event)
        session.commit()
        with pytest.raises(InvalidInputError):
            list(event_feature_texts(session, EventFilter()))


def _body_and_framing(response) -> tuple[bytes, bool]:
    """The body a response sends, and whether it was streamed (no length known beforehand)."""
    sent: list[dict] = []

    async def receive():  # the client stays connected
        await asyncio.Event().wait()

    async def send(message):
        sent.append(message)

    asyncio.run(response({"type": "http", "method": "GET", "headers": []}, receive, send))
    headers = dict(sent[0]["headers"])
    body = b"".join(message.get("body", b"") for message in sent[1:])
    return body, b"content-length" not in headers


def test_a_collection_in_one_chunk_is_one_body_and_a_larger_one_is_streamed():
    features = [
        ENCODER.encode({"type": "Feature", "geometry": None, "properties": {"n": n, "é": "\u2028"}}) for n in range(50)
    ]
    whole = "".join(feature_collection_chunks(features, numberMatched=50)).encode("utf-8")
    body, streamed = _body_and_framing(streamed_features(iter(features), numberMatched=50))
    assert (body, streamed) == (whole, False)
    body, streamed = _body_and_framing(streamed_features(iter(features), chunk_chars=300, numberMatched=50))
    assert (body, streamed) == (whole, True)
    body, streamed = _body_and_framing(streamed_features(iter([]), media_type="application/json", numberMatched=0))
    assert (json.loads(body), streamed) == ({"type": "FeatureCollection", "numberMatched": 0, "features": []}, False)


def test_lists_built_once_for_a_filter_still_read_what_is_stored_now(engine):
    """The statements of a filter are kept between requests; the rows they read are not."""
    _store(engine, events=20)
    with Session(engine) as session:
        before = count_events(session, EventFilter())
        first_ids = [row[0] for row in iter_event_columns(session, EventFilter(), FEATURE_COLUMNS, offset=2, limit=3)]
        session.add(models.Event(**_event_columns(session.get(models.Event, 1)), rejected=False))
        session.commit()
        assert count_events(session, EventFilter()) == before + 1
        ids = [row[0] for row in iter_event_columns(session, EventFilter(), FEATURE_COLUMNS, offset=before, limit=3)]
        assert len(ids) == 1 and ids[0] > max(first_ids)
        assert [row[0] for row in iter_event_columns(session, EventFilter(), FEATURE_COLUMNS, offset=2, limit=3)] == (
            first_ids
        )
        other_actor = [row[0] for row in iter_event_columns(session, EventFilter(actor_id=3), FEATURE_COLUMNS)]
        assert other_actor and set(other_actor).isdisjoint(
            row[0] for row in iter_event_columns(session, EventFilter(actor_id=2), FEATURE_COLUMNS)
        )


def _event_columns(event: models.Event) -> dict:
    return {
        column: getattr(event, column)
        for column in ("article_id", "actor_id", "place_id", "action", "lat", "lon", "status", "evidence")
    } | {"evidence_start": 0, "evidence_end": 1}
