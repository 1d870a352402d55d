"""Print stop precision and recall of the event pipeline on hand-annotated gold files.

    .venv/bin/python benchmarks/events_devset.py [--gold FILE ...] [--split tune|check]
        [--eval-dir ../shared/eval] [--gazetteer data/gazetteer.sqlite] [--fast] [--text-only]
        [--details] [--check]

By default it reads the three gold files: the team's (tests/data/devset/gold.json), the articles
the team sampled at random (tests/data/devset/gold-extra.json, whose last three batches are
held out as `check`) and the one annotated outside the team (../shared/gold/events-dev.json, split into `tune`
and `check`).
Each article's text is read from the eval corpora at run time (they are never copied into the
repository); geoparser + event extractor run through the article pipeline, every event becomes
a predicted stop, and geo.evaluation_events scores the stops (see its docstring and the gold's
`about`). It prints per gold file, per split and per corpus: precision, recall, required recall
and must-not hits, then a reliability table (precision of the stops at or above each
confidence). `--details` lists the false and missed stops of each article, except those of the
`check` split of any file: that split is for reporting, never for reading errors.

The bars: precision >= 0.9 and recall >= 0.7 on the team's file; precision >= 0.75, recall
>= 0.70 and required recall >= 0.80 on the `check` split of the outside file. Exit status: 2
when the pipeline or the gazetteer index is missing; with --check, 1 when a bar is not met.
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
TEAM_GOLD = REPO_ROOT / "tests" / "data" / "devset" / "gold.json"
# More articles annotated to the outside guidelines, sampled at random from the corpora: the
# stop model trains on them; they are reported, with no bar of their own.
EXTRA_GOLD = REPO_ROOT / "tests" / "data" / "devset" / "gold-extra.json"
OUTSIDE_GOLD = REPO_ROOT.parent / "shared" / "gold" / "events-dev.json"
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
DEFAULT_GAZETTEER = REPO_ROOT / "data" / "gazetteer.sqlite"
# (precision, recall, required recall) a report must reach: the team's file as a whole, the
# outside file on its check split.
TEAM_BAR = (0.9, 0.7, 0.0)
CHECK_BAR = (0.75, 0.70, 0.80)
REPORT_SPLIT = "check"


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
                confidence=event.confidence,
            )
            for event in pipeline.extract(article).events
        ]

    return predict


def print_articles(report: Report, *, details: bool) -> None:
    print(f"{'article':<22} {'pred':>4} {'P':>6} {'gold':>4} {'R':>6} {'req':>3} {'R req':>6} {'must_not':>8}")
    for a in report.articles:
        print(
            f"{a.key:<22} {a.predicted:>4} {a.precision:>6.2f} {a.gold:>4} {a.recall:>6.2f} "
            f"{a.required:>3} {a.required_recall:>6.2f} {a.must_not_hits:>8}"
        )
        if details and a.split != REPORT_SPLIT:
            for false in a.false_stops:
                s = false.stop
                print(f"    false  {s.actor} @ {s.place} {s.status} {s.date or '-'}  ({false.reason})")
            for actor, stop in a.missed:
                flag = "required" if stop.required else "optional"
                print(f"    missed {actor} @ {stop.place} {stop.status} {stop.date or '-'}  ({flag})")


def summary_rows(name: str, report: Report) -> list[tuple[str, Report]]:
    """The whole file, then each split, then each corpus (within each split when split)."""
    rows = [(name, report)]
    splits = sorted({a.split for a in report.articles if a.split})
    corpora = sorted({a.corpus for a in report.articles})
    for split in splits:
        rows.append((f"  {split}", report.where(split=split)))
        rows.extend((f"    {split} {c}", report.where(split=split, corpus=c)) for c in corpora)
    if not splits:
        rows.extend((f"  {c}", report.where(corpus=c)) for c in corpora)
    return rows


def print_summary(rows: list[tuple[str, Report]]) -> None:
    print(f"{'':<34} {'arts':>4} {'pred':>4} {'P':>6} {'gold':>4} {'R':>6} {'req':>4} {'R req':>6} {'must_not':>8}")
    for label, r in rows:
        print(
            f"{label:<34} {len(r.articles):>4} {r.predicted:>4} {r.precision:>6.3f} {r.gold:>4} {r.recall:>6.3f} "
            f"{r.required:>4} {r.required_recall:>6.3f} {r.must_not_hits:>8}"
        )


def print_reliability(label: str, report: Report) -> None:
    cells = "  ".join(f">={t:.1f}: {n:>3} P {p:.2f}" for t, n, p in report.reliability())
    print(f"reliability {label:<28} {cells}")


def bar_met(report: Report, bar: tuple[float, float, float]) -> bool:
    precision, recall, required = bar
    return report.precision >= precision and report.recall >= recall and report.required_recall >= required


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, action="append", help="a gold file (repeatable); default: both")
    parser.add_argument("--split", choices=("tune", "check"), help="only the articles of this split")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZETTEER)
    parser.add_argument("--fast", action="store_true", help="geoparse without the NER model")
    parser.add_argument("--text-only", action="store_true", help="withhold the published date and dateline")
    parser.add_argument("--details", action="store_true", help="list every false and missed stop (not on check)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a bar is not met")
    args = parser.parse_args()

    gold_files = args.gold or [path for path in (TEAM_GOLD, EXTRA_GOLD, OUTSIDE_GOLD) if path.exists()]
    predict = pipeline_predictor(args.gazetteer, use_ner=not args.fast, text_only=args.text_only)
    text_of = corpus_texts(args.eval_dir)
    started, count, rows, verdicts = time.perf_counter(), 0, [], []
    for path in gold_files:
        articles, radii = gold_articles_from_json(json.loads(path.read_text(encoding="utf-8")), text_of)
        if args.split:
            articles = [a for a in articles if a.split == args.split]
        count += len(articles)
        report = score_stops(articles, predict, radii)
        print(f"== {path.name}")
        print_articles(report, details=args.details)
        rows.extend(summary_rows(path.name, report))
        split = {a.split for a in articles}
        measured = report.where(split=REPORT_SPLIT) if REPORT_SPLIT in split else report
        # The bars are the outside gold's (its check split) and the team's set's; the random
        # sample's held-out batch is reported on its own, with no bar.
        bar = (
            CHECK_BAR
            if REPORT_SPLIT in split and path.name == OUTSIDE_GOLD.name
            else TEAM_BAR
            if path.name == TEAM_GOLD.name
            else None
        )
        verdicts.append((path.name, measured, bar, REPORT_SPLIT in split))
        print_reliability(path.name, report)
        if REPORT_SPLIT in split:
            print_reliability(f"{path.name} {REPORT_SPLIT}", measured)
    seconds = time.perf_counter() - started
    print()
    print_summary(rows)
    failed = False
    for name, measured, bar, held_out in verdicts:
        if bar is None:
            print(
                f"{name}: precision {measured.precision:.3f}, recall {measured.recall:.3f}, required recall "
                f"{measured.required_recall:.3f} ({'held out' if held_out else 'training articles'}, no bar)"
            )
            continue
        met = bar_met(measured, bar)
        failed |= not met
        verdict = "bar met" if met else "BELOW THE BAR"
        print(
            f"{name}: precision {measured.precision:.3f}, recall {measured.recall:.3f}, required recall "
            f"{measured.required_recall:.3f} (bar {bar[0]} / {bar[1]} / {bar[2]}); {verdict}"
        )
    print(f"{count} articles in {seconds:.1f} s")
    if args.check and failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
