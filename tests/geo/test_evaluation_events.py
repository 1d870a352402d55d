"""Stop scoring (geo.evaluation_events) on tiny hand-made cases, and the development set's gold."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest

from geo.errors import InvalidInputError
from geo.evaluation_events import (
    DATE_PRECISIONS,
    STATUSES,
    STOP_PRECISIONS,
    GoldActor,
    GoldArticle,
    GoldPoint,
    GoldStop,
    MatchRadii,
    PredictedStop,
    Report,
    actor_for,
    dates_agree,
    gold_articles_from_json,
    place_agrees,
    score_article,
    score_stops,
    stop_matches,
)
from geo.gazetteer.names import normalize_name

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD_PATH = REPO_ROOT / "tests" / "data" / "devset" / "gold.json"
EXTRA_GOLD_PATH = REPO_ROOT / "tests" / "data" / "devset" / "gold-extra.json"
EVAL_DIR = Path(os.environ.get("ITINERANT_EVAL_DIR", REPO_ROOT.parent / "shared" / "eval"))

# Two cities 20 km apart, one 300 km away, and a country point.
SEOUL = GoldPoint("Seoul", 37.566, 126.978, "city")
INCHEON = (37.456, 126.705)
BUSAN = (35.102, 129.040)
SOUTH_KOREA = GoldPoint("South Korea", 36.5, 127.75, "country")


def gold_stop(point=SEOUL, status="occurred", when=None, precision="unknown", required=True, alternatives=()):
    return GoldStop(point, status, when, precision, "evidence.", required, tuple(alternatives))


def predicted(actor="Kim Jong Un", place="Seoul", at=(SEOUL.lat, SEOUL.lon), status="occurred", when=None):
    return PredictedStop(actor, place, at[0], at[1], status, when)


def one_actor_article(*stops, must_not=(), not_actors=(), aliases=("Kim",)):
    actor = GoldActor("Kim Jong Un", aliases, tuple(stops), tuple(must_not))
    return GoldArticle("test#1", "text", None, None, (actor,), tuple(not_actors))


# ----------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("gold", "precision", "prediction", "agree"),
    [
        (None, "unknown", None, True),
        (None, "unknown", "2023-09-15", True),
        ("2023-09-15", "unknown", "1999", True),  # unknown precision: the date is a note only
        ("2023-09-15", "day", "2023-09-15", True),
        ("2023-09-15", "day", "2023-09-14", False),
        ("2023-09-15", "day", "2023-09", False),  # too coarse to agree with a day
        ("2023-09-15", "day", None, False),
        ("2019-04", "month", "2019-04-25", True),
        ("2019-04", "month", "2019-04", True),
        ("2019-04", "month", "2019-05-01", False),
        ("2019-04", "month", "2019", False),
        ("2008", "year", "2008-02-16", True),
        ("2008", "year", "2007-12-31", False),
    ],
)
def test_dates_agree_at_the_gold_precision(gold, precision, prediction, agree):
    assert dates_agree(gold, precision, prediction) is agree


@pytest.mark.parametrize(
    ("precision", "radius"),
    [("site", 50), ("city", 50), ("admin2", 50), ("admin1", 600), ("country", 600), ("region", 2500)],
)
def test_match_radius_follows_the_gold_precision(precision, radius):
    assert MatchRadii().for_precision(precision) == radius


# ----------------------------------------------------------------------------- one stop


@pytest.mark.parametrize(
    ("gold", "prediction", "matches"),
    [
        (gold_stop(), predicted(), True),
        (gold_stop(), predicted(at=INCHEON), True),  # 25 km
        (gold_stop(), predicted(at=BUSAN), False),  # 325 km from a city
        (gold_stop(SOUTH_KOREA), predicted(at=BUSAN), True),  # within a country's 600 km
        (gold_stop(status="planned"), predicted(), False),
        (gold_stop(status="planned"), predicted(status="Planned"), True),
        (gold_stop(when="2023-09", precision="month"), predicted(when="2023-09-15"), True),
        (gold_stop(when="2023-09", precision="month"), predicted(when="2023-10-01"), False),
        (gold_stop(when="2023-09", precision="month"), predicted(), False),
        (gold_stop(alternatives=[GoldPoint("Busan", *BUSAN, "city")]), predicted(at=BUSAN), True),
    ],
)
def test_stop_matches_on_place_status_and_date(gold, prediction, matches):
    assert stop_matches(gold, prediction) is matches


def test_radii_come_from_the_caller():
    assert stop_matches(gold_stop(), predicted(at=INCHEON), MatchRadii(distance_km=10)) is False


# ----------------------------------------------------------------------------- actors


@pytest.mark.parametrize(
    "name", ["Kim Jong Un", "kim jong un", "Kim", "Kim Jong-Un", "North Korean leader Kim Jong Un"]
)
def test_actor_matches_by_name_alias_or_longer_form(name):
    score = score_article(one_actor_article(gold_stop()), [predicted(actor=name)])
    assert (score.matched_predicted, score.matched_gold) == (1, 1)


def test_unknown_actor_and_not_actor_are_false_stops():
    article = one_actor_article(gold_stop(), not_actors=["Kremlin"])
    score = score_article(article, [predicted(actor="Kremlin"), predicted(actor="Vladimir Putin")])
    assert [f.reason for f in score.false_stops] == ["not an actor", "unknown actor"]
    assert (score.precision, score.recall) == (0.0, 0.0)


def test_name_shared_by_two_actors_matches_neither():
    stop = gold_stop()
    article = GoldArticle(
        "test#2",
        "text",
        None,
        None,
        (GoldActor("John Finney", ("Finney",), (stop,)), GoldActor("Maranda Finney", ("Finney",), (stop,))),
    )
    score = score_article(article, [predicted(actor="Finney")])
    assert score.false_stops[0].reason == "unknown actor"


# ----------------------------------------------------------------------------- articles


def test_must_not_place_is_false_even_near_a_gold_stop():
    article = one_actor_article(gold_stop(SOUTH_KOREA), must_not=["Seoul"])
    score = score_article(article, [predicted(place="Seoul")])
    assert score.must_not_hits == 1
    assert (score.matched_predicted, score.matched_gold) == (0, 0)


def test_each_gold_stop_matches_one_prediction():
    score = score_article(one_actor_article(gold_stop()), [predicted(), predicted()])
    assert (score.predicted, score.matched_predicted, score.matched_gold) == (2, 1, 1)
    assert score.false_stops[0].reason == "no matching gold stop"


def test_required_stops_are_matched_before_optional_ones():
    # One prediction at Seoul fits both the optional country stop and the required city stop.
    article = one_actor_article(gold_stop(SOUTH_KOREA, required=False), gold_stop(SEOUL, required=True))
    score = score_article(article, [predicted()])
    assert (score.matched_required, score.matched_gold) == (1, 1)
    assert [stop.place for _, stop in score.missed] == ["South Korea"]


def test_assignment_reroutes_to_match_as_many_stops_as_possible():
    # Greedy would give the Seoul prediction to the country stop and lose the city stop.
    article = one_actor_article(gold_stop(SOUTH_KOREA), gold_stop(SEOUL))
    score = score_article(article, [predicted(), predicted(place="Busan", at=BUSAN)])
    assert (score.matched_predicted, score.matched_gold, score.missed) == (2, 2, ())


def test_report_micro_averages_and_treats_empty_sides_as_perfect():
    articles = [one_actor_article(gold_stop(), gold_stop(SEOUL, status="planned", required=False)), one_actor_article()]
    predictions = {0: [predicted(), predicted(at=BUSAN)], 1: []}
    calls = []

    def predict(text, published, dateline):
        calls.append((text, published, dateline))
        return predictions[len(calls) - 1]

    report = score_stops(articles, predict)
    assert calls == [("text", None, None), ("text", None, None)]
    assert (report.predicted, report.gold, report.required) == (2, 2, 1)
    assert (report.precision, report.recall, report.required_recall) == (0.5, 0.5, 1.0)
    assert report.articles[1].precision == report.articles[1].recall == 1.0


def test_predictions_may_be_mappings_and_bad_ones_are_refused():
    stop = {"actor": "Kim", "place": "Seoul", "lat": SEOUL.lat, "lon": SEOUL.lon, "status": "occurred", "date": ""}
    assert score_article(one_actor_article(gold_stop()), [stop]).matched_gold == 1
    with pytest.raises(InvalidInputError):
        score_article(one_actor_article(gold_stop()), [{"actor": "Kim", "lat": "north"}])


def test_report_keeps_each_prediction_its_outcome_and_a_reliability_table():
    article = one_actor_article(gold_stop())
    good = PredictedStop("Kim", "Seoul", SEOUL.lat, SEOUL.lon, "occurred", None, 0.9)
    wrong = PredictedStop("Kim", "Busan", *BUSAN, "occurred", None, 0.85)
    unsure = PredictedStop("Kim", "Busan", *BUSAN, "planned", None, 0.3)
    score = score_article(article, [good, wrong, unsure])
    assert score.outcomes == ((good, True), (wrong, False), (unsure, False))
    report = Report((score,))
    assert report.reliability((0.0, 0.5, 0.88, 0.95)) == [
        (0.0, 3, 1 / 3),
        (0.5, 2, 0.5),
        (0.88, 1, 1.0),
        (0.95, 0, 1.0),
    ]


def test_report_splits_by_split_and_corpus():
    def scored(key, split):
        return score_article(
            GoldArticle(key, "text", None, None, (GoldActor("Kim Jong Un", (), (gold_stop(),)),), split=split), []
        )

    report = Report((scored("a.json#1", "tune"), scored("b.json#2", "check"), scored("a.json#3", "check")))
    assert [a.key for a in report.where(split="check").articles] == ["b.json#2", "a.json#3"]
    assert [a.key for a in report.where(split="check", corpus="a.json").articles] == ["a.json#3"]
    assert report.where(corpus="b.json").gold == 1 and report.where(split="none").articles == ()


# ----------------------------------------------------------------------------- reading gold


def tiny_gold(**stop_changes):
    stop = {
        "place": "Seoul",
        "lat": SEOUL.lat,
        "lon": SEOUL.lon,
        "precision": "city",
        "date": "2023-09-15",
        "date_precision": "day",
        "status": "occurred",
        "required": True,
        "evidence": "Kim was in Seoul.",
    }
    stop.update(stop_changes)
    return {
        "match": {"distance_km": 30},
        "articles": [
            {
                "corpus": "c.json",
                "doc_id": "7",
                "published": "2023-09-16",
                "dateline": {"place": "Tokyo"},
                "actors": {"Kim Jong Un": {"aliases": ["Kim"], "stops": [stop], "must_not": ["Tokyo"]}},
                "not_actors": ["AP"],
            }
        ],
    }


def test_gold_is_read_with_its_texts_and_radii():
    asked = []
    articles, radii = gold_articles_from_json(tiny_gold(), lambda corpus, doc: asked.append((corpus, doc)) or "T")
    (article,) = articles
    assert asked == [("c.json", "7")]
    assert (article.key, article.text, article.published) == ("c.json#7", "T", date(2023, 9, 16))
    assert article.dateline == "Tokyo"
    assert (article.corpus, article.split) == ("c.json", None)
    assert article.actors[0].stops[0].point == GoldPoint("Seoul", SEOUL.lat, SEOUL.lon, "city")
    assert (radii.distance_km, radii.country_distance_km) == (30, 600)


@pytest.mark.parametrize(
    "changes",
    [
        {"status": "happened"},
        {"precision": "street"},
        {"date_precision": "week"},
        {"date": "15 Sept 2023"},
        {"date": "2023-09", "date_precision": "day"},
        {"lat": 95.0},
        {"lon": -181.0},
        {"evidence": ""},
    ],
)
def test_malformed_gold_is_refused(changes):
    with pytest.raises(InvalidInputError):
        gold_articles_from_json(tiny_gold(**changes), lambda corpus, doc: "T")


def test_negative_articles_and_splits_are_read():
    gold = tiny_gold()
    gold["articles"][0]["split"] = "check"
    gold["articles"].append(
        {"corpus": "c.json", "doc_id": "8", "published": None, "actors": {"Ann Lee": {"stops": []}}, "split": "tune"}
    )
    (first, negative), _ = gold_articles_from_json(gold, lambda corpus, doc: "T")
    assert (first.split, negative.split) == ("check", "tune")
    assert negative.actors[0].stops == ()
    score = score_article(negative, [])
    assert (score.gold, score.precision, score.recall) == (0, 1.0, 1.0)


# ----------------------------------------------------------------------------- the development set


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module", params=[GOLD_PATH, EXTRA_GOLD_PATH], ids=lambda path: path.name)
def devset(request) -> dict:
    """Each gold file the team wrote: the development set, and the articles sampled at random."""
    return json.loads(request.param.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpora() -> dict[str, dict[str, dict]]:
    if not EVAL_DIR.is_dir():
        pytest.skip(f"the eval corpora are not at {EVAL_DIR} (set ITINERANT_EVAL_DIR)")
    return {
        path.name: {str(doc["id"]): doc for doc in json.loads(path.read_text(encoding="utf-8"))}
        for path in EVAL_DIR.glob("*.json")
    }


def test_devset_is_large_enough_and_parses(devset):
    articles, _ = gold_articles_from_json(devset, lambda corpus, doc: "")
    keys = [a.key for a in articles]
    assert len(keys) >= 15 and len(set(keys)) == len(keys)
    with_stops = [a for a in articles if any(actor.stops for actor in a.actors)]
    # The development set was chosen for travel; the random sample keeps its negatives (people
    # named, nobody going anywhere), which must still name people.
    assert len(with_stops) >= len(articles) / 3
    assert all(a.actors for a in articles)
    for raw in devset["articles"]:
        assert raw["corpus"] in {"tr-news.json", "geovirus.json", "lgl.json"}
        assert raw["published_note"], raw["doc_id"]


def test_devset_names_are_unambiguous(devset):
    for raw in devset["articles"]:
        seen: dict[str, str] = {}
        for name, actor in raw["actors"].items():
            for alias in {normalize_name(n) for n in [name, *actor["aliases"]]}:
                owner = seen.setdefault(alias, name)
                assert owner == name, f"{raw['doc_id']}: '{alias}' names {owner} and {name}"
            forbidden = {normalize_name(p) for p in actor["must_not"]}
            for stop in actor["stops"]:
                places = [stop["place"], *(a["place"] for a in stop.get("alternatives", ()))]
                assert not forbidden & {normalize_name(p) for p in places}, f"{raw['doc_id']} {name}: {places}"
        assert not seen.keys() & {normalize_name(n) for n in raw["not_actors"]}, raw["doc_id"]


def test_devset_documents_exist_and_evidence_is_verbatim(devset, corpora):
    for raw in devset["articles"]:
        document = corpora[raw["corpus"]].get(raw["doc_id"])
        assert document is not None, f"{raw['corpus']} has no document {raw['doc_id']}"
        text = _collapse(document["text"])
        for name, actor in raw["actors"].items():
            for stop in actor["stops"]:
                assert _collapse(stop["evidence"]) in text, f"{raw['doc_id']} {name}: {stop['evidence']}"


def test_devset_points_are_the_corpus_points(devset, corpora):
    """Where the corpus annotates a stop's GeoNames id, the stop uses the corpus's point."""
    for raw in devset["articles"]:
        annotated = {
            int(t["geonameid"]): (t["lat"], t["lon"])
            for t in corpora[raw["corpus"]][raw["doc_id"]]["toponyms"]
            if t.get("geonameid") not in (None, "") and t["lat"] is not None
        }
        for actor in raw["actors"].values():
            for stop in actor["stops"]:
                for point in [stop, *stop.get("alternatives", ())]:
                    if point["geonameid"] in annotated:
                        assert (point["lat"], point["lon"]) == pytest.approx(annotated[point["geonameid"]])


def test_devset_vocabularies_match_the_scorer(devset):
    for raw in devset["articles"]:
        for actor in raw["actors"].values():
            for stop in actor["stops"]:
                assert stop["status"] in STATUSES
                assert stop["precision"] in STOP_PRECISIONS
                assert stop["date_precision"] in DATE_PRECISIONS
                if raw["published"] is None and stop["date"] is not None:
                    # With no publication date only dates the text states in full are gold.
                    assert re.match(r"^\d{4}", stop["date"])


def test_place_agreement_and_forbidden_places_are_what_scoring_uses():
    stop = gold_stop(SEOUL, alternatives=[SOUTH_KOREA])
    assert place_agrees(stop, *INCHEON, MatchRadii(distance_km=50))  # 30 km from Seoul
    assert place_agrees(stop, *BUSAN)  # within 600 km of the country alternative
    assert not place_agrees(gold_stop(SEOUL), *BUSAN)
    actor = GoldActor("Kim Jong Un", ("Kim",), (), ("Seoul",))
    assert actor.forbids("SEOUL") and not actor.forbids("Busan")
    assert actor_for("kim", (actor,)) is actor
