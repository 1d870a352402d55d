"""The evaluation metrics on tiny hand-made data, and the corpus runner with a fake parser."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import replace

import pytest

from geo.errors import InvalidInputError
from geo.evaluation import (
    MAX_ERROR_KM,
    GoldDocument,
    GoldToponym,
    auc_of_errors,
    error_scores,
    evaluate_corpus,
    evaluate_documents,
    joint_accuracy,
    load_corpus,
    span_scores,
)
from geo.model import Mention, Place, Precision


@pytest.mark.parametrize(
    ("predicted", "gold", "overlap", "expected"),
    [
        ([(0, 5), (10, 15)], [(0, 5), (20, 25)], False, (1, 2, 2)),
        ([(0, 4), (10, 15)], [(0, 5), (20, 25)], False, (0, 2, 2)),
        ([(0, 4), (10, 15)], [(0, 5), (20, 25)], True, (1, 2, 2)),
        ([(0, 3), (2, 5)], [(0, 5)], True, (1, 2, 1)),  # one gold span answers one prediction only
        ([], [(0, 5)], False, (0, 0, 1)),
    ],
)
def test_span_scores(predicted, gold, overlap, expected) -> None:
    assert span_scores(predicted, gold, overlap=overlap) == expected


def test_auc_is_zero_for_perfect_and_one_for_worst() -> None:
    assert auc_of_errors([0.0, 0.0, 0.0]) == 0.0
    assert auc_of_errors([MAX_ERROR_KM] * 3) == pytest.approx(1.0, rel=1e-4)
    assert auc_of_errors([]) == 0.0


def test_auc_integrates_the_sorted_scaled_errors() -> None:
    scaled = [math.log1p(e) / math.log(MAX_ERROR_KM) for e in (0.0, 100.0, 1000.0)]
    expected = ((scaled[0] + scaled[1]) / 2 + (scaled[1] + scaled[2]) / 2) / 2
    assert auc_of_errors([1000.0, 0.0, 100.0]) == pytest.approx(expected)


def test_error_scores() -> None:
    scores = error_scores([0.0, 100.0, 161.0, 1000.0])
    assert scores["acc161"] == 0.75
    assert scores["mean_km"] == pytest.approx(315.25)
    assert scores["median_km"] == pytest.approx(130.5)


def _place(lat: float, lon: float) -> Place:
    return Place("test:p", "P", lat, lon, "city", Precision.CITY)


class FakeParser:
    """Finds the words 'Paris' and 'Lyon' and puts them where it is told."""

    def __init__(self, points: dict[str, tuple[float, float]]) -> None:
        self.points = points

    def parse(self, text: str) -> list[Mention]:
        found = []
        for name in self.points:
            start = text.find(name)
            if start >= 0:
                found.append(Mention(start, start + len(name), name))
        return self.resolve(text, found)

    def resolve(self, text: str, mentions: Sequence[Mention]) -> list[Mention]:
        return [replace(m, place=_place(*self.points[m.surface])) if m.surface in self.points else m for m in mentions]


DOCUMENT = GoldDocument(
    "d1",
    "Paris and Lyon and Nice",
    (
        GoldToponym(0, 5, "Paris", 48.8566, 2.3522),
        GoldToponym(10, 14, "Lyon", 45.764, 4.8357),
        GoldToponym(19, 23, "Nice", 43.7102, 7.262),
    ),
)


def test_end_to_end_scores_recognition_then_resolution_of_found_spans() -> None:
    parser = FakeParser({"Paris": (48.8566, 2.3522), "Lyon": (48.8566, 2.3522)})
    scores = evaluate_documents([DOCUMENT], parser, setting="end-to-end")
    assert (scores["precision"], scores["recall"]) == (1.0, pytest.approx(2 / 3))
    assert scores["n"] == 2 and scores["acc161"] == 0.5


def test_resolution_scores_every_gold_span_and_an_unplaced_one_at_the_maximum() -> None:
    parser = FakeParser({"Paris": (48.8566, 2.3522), "Lyon": (45.764, 4.8357)})
    scores = evaluate_documents([DOCUMENT], parser, setting="resolution")
    assert scores["n"] == 3
    assert scores["acc161"] == pytest.approx(2 / 3)
    assert scores["mean_km"] == pytest.approx(MAX_ERROR_KM / 3, rel=1e-3)


class FixedParser:
    """Returns the same mentions whatever it is asked: spans and places chosen by the test."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions

    def parse(self, text: str) -> list[Mention]:
        return list(self.mentions)

    def resolve(self, text: str, mentions: Sequence[Mention]) -> list[Mention]:
        by_span = {(m.start, m.end): m for m in self.mentions}
        return [by_span.get((m.start, m.end), m) for m in mentions]


def test_joint_accuracy_counts_only_exact_spans_placed_within_161_km() -> None:
    text = "Paris and Lyon and Nice and Cannes and the Alps"
    document = GoldDocument(
        "d2",
        text,
        (
            GoldToponym(0, 5, "Paris", 48.8566, 2.3522),  # found, placed right: a joint hit
            GoldToponym(10, 14, "Lyon", 45.764, 4.8357),  # found, placed at Paris (390 km): a miss
            GoldToponym(19, 23, "Nice", 43.7102, 7.262),  # placed right, but its span is cut short: a miss
            GoldToponym(28, 34, "Cannes", 43.5528, 7.0174),  # not found: a miss
            GoldToponym(39, 47, "the Alps", None, None),  # no point: recognition only
        ),
    )
    parser = FixedParser(
        [
            Mention(0, 5, "Paris", place=_place(48.8566, 2.3522)),
            Mention(10, 14, "Lyon", place=_place(48.8566, 2.3522)),
            Mention(19, 22, "Nic", place=_place(43.7102, 7.262)),
            Mention(39, 47, "the Alps"),
        ]
    )
    scores = evaluate_documents([document], parser, setting="end-to-end")
    assert scores["acc161"] == 0.5  # of the two exact spans with a point
    assert scores["recall"] == pytest.approx(3 / 5)
    assert scores["joint"] == pytest.approx(1 / 4)  # of the four gold toponyms with a point
    resolution = evaluate_documents([document], parser, setting="resolution")
    assert resolution["joint"] == resolution["acc161"] == pytest.approx(1 / 4)
    assert joint_accuracy(0, 0) == 0.0


def test_evaluate_corpus_reads_the_documented_shape(tmp_path) -> None:
    corpus = tmp_path / "tiny.json"
    corpus.write_text(
        json.dumps(
            [
                {
                    "id": 1,
                    "text": DOCUMENT.text,
                    "toponyms": [
                        {
                            "start": t.start,
                            "end": t.end,
                            "surface": t.surface,
                            "lat": t.lat,
                            "lon": t.lon,
                            "geonameid": "1",
                        }
                        for t in DOCUMENT.toponyms
                    ],
                }
            ]
        )
    )
    assert load_corpus(corpus)[0].toponyms[0].geonameid == 1
    scores = evaluate_corpus(corpus, lambda: FakeParser({"Nice": (43.7102, 7.262)}), setting="end-to-end")
    assert (scores["corpus"], scores["setting"], scores["f1"]) == ("tiny", "end-to-end", 0.5)
    assert scores["auc"] == 0.0


def test_bad_input_is_reported(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": 1}]')
    with pytest.raises(InvalidInputError):
        load_corpus(bad)
    with pytest.raises(InvalidInputError):
        evaluate_documents([DOCUMENT], FakeParser({}), setting="fuzzy")  # type: ignore[arg-type]
