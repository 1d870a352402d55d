"""Print stop precision and recall of the event pipeline on the hand-annotated development set.

    .venv/bin/python benchmarks/events_devset.py [--gold tests/data/devset/gold.json]
        [--eval-dir ../shared/eval] [--gazetteer data/gazetteer.sqlite] [--fast] [--text-only]
        [--details] [--check]

Reads each article's text from the eval corpora at run time (they are never copied into the
repository), runs geoparser + event extractor through the article pipeline, turns every event
into a predicted stop and scores the stops with geo.evaluation_events (see its docstring and the
gold's `about`). The bar: precision >= 0.8 and recall >= 0.7. Exit status: 2 when the pipeline
or the gazetteer index is missing; with --check, 1 when the bar is not met.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from functools import cache
from pathlib import Path

from geo.errors import GazetteerError, NotFoundError
from geo.evaluation_events import PredictedStop, Report, gold_articles_from_json, score_stops

__all__ = ["main"]

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO_ROOT / "tests" / "data" / "devset" / "gold.json"
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
DEFAULT_GAZETTEER = REPO_ROOT / "data" / "gazetteer.sqlite"
BAR_PRECISION = 0.8
BAR_RECALL = 0.7


def corpus_texts(eval_dir: Path):
    """A function (corpus file, doc id) -> text that reads each corpus once."""

    @cache
    def corpus(name: str) -> dict[str, str]:
        return {str(doc["id"]): doc["text"] for doc in json.loads((eval_dir / name).read_text(encoding="utf-8"))}

    def text_of(name: str, doc_id: str) -> str:
        try:
            return corpus(name)[doc_id]
        except (OSError, KeyError) as error:
            raise NotFoundError(f"no document {doc_id} in {eval_dir / name}: {error}") from error

    return text_of


def pipeline_predictor(gazetteer_path: Path, *, use_ner: bool, text_only: bool):
    """predict(text, published, dateline) over itinerant's pipeline; exits 2 when it is not there."""
    try:
        from geo.gazetteer.index import open_gazetteer
        from geo.model import ArticleText
        from geo.pipeline import ArticlePipeline
        from geo.text.events import EventExtractor
        from geo.text.geoparse import Geoparser
    except ImportError as error:
        print(f"the event pipeline is not importable yet ({error}); nothing to score", file=sys.stderr)
        sys.exit(2)
    try:
        gazetteer = open_gazetteer(gazetteer_path)
    except GazetteerError as error:
        print(f"no usable gazetteer: {error}", file=sys.stderr)
        sys.exit(2)
    pipeline = ArticlePipeline(places=Geoparser(gazetteer, use_ner=use_ner), events=EventExtractor())

    def predict(text: str, published: date | None, dateline: str | None) -> list[PredictedStop]:
        article = ArticleText(
            text=text, published=None if text_only else published, dateline=None if text_only else dateline
        )
        return [
            PredictedStop(
                actor=event.actor,
                place=event.place.name,
                lat=event.place.lat,
                lon=event.place.lon,
                status=str(event.status),
                date=event.date.iso(),
            )
            for event in pipeline.extract(article).events
        ]

    return predict


def print_report(report: Report, *, details: bool) -> None:
    print(f"{'article':<22} {'pred':>4} {'P':>6} {'gold':>4} {'R':>6} {'req':>3} {'R req':>6} {'must_not':>8}")
    for a in report.articles:
        print(
            f"{a.key:<22} {a.predicted:>4} {a.precision:>6.2f} {a.gold:>4} {a.recall:>6.2f} "
            f"{a.required:>3} {a.required_recall:>6.2f} {a.must_not_hits:>8}"
        )
        if details:
            for false in a.false_stops:
                s = false.stop
                print(f"    false  {s.actor} @ {s.place} {s.status} {s.date or '-'}  ({false.reason})")
            for actor, stop in a.missed:
                flag = "required" if stop.required else "optional"
                print(f"    missed {actor} @ {stop.place} {stop.status} {stop.date or '-'}  ({flag})")
    print(
        f"{'TOTAL':<22} {report.predicted:>4} {report.precision:>6.2f} {report.gold:>4} {report.recall:>6.2f} "
        f"{report.required:>3} {report.required_recall:>6.2f} {report.must_not_hits:>8}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZETTEER)
    parser.add_argument("--fast", action="store_true", help="geoparse without the NER model")
    parser.add_argument("--text-only", action="store_true", help="withhold the published date and dateline")
    parser.add_argument("--details", action="store_true", help="list every false and every missed stop")
    parser.add_argument("--check", action="store_true", help="exit 1 when the bar is not met")
    args = parser.parse_args()

    articles, radii = gold_articles_from_json(
        json.loads(args.gold.read_text(encoding="utf-8")), corpus_texts(args.eval_dir)
    )
    predict = pipeline_predictor(args.gazetteer, use_ner=not args.fast, text_only=args.text_only)
    started = time.perf_counter()
    report = score_stops(articles, predict, radii)
    seconds = time.perf_counter() - started

    print_report(report, details=args.details)
    met = report.precision >= BAR_PRECISION and report.recall >= BAR_RECALL
    print(
        f"precision {report.precision:.3f} (bar {BAR_PRECISION}), recall {report.recall:.3f} (bar {BAR_RECALL}), "
        f"required recall {report.required_recall:.3f}; {'bar met' if met else 'BELOW THE BAR'}; "
        f"{len(articles)} articles in {seconds:.1f} s"
    )
    if args.check and not met:
        sys.exit(1)


if __name__ == "__main__":
    main()
