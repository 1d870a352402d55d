"""Articles per second through the whole pipeline: places, then events, one parse shared.

    .venv/bin/python benchmarks/pipeline_speed.py [--articles 100] [--eval-dir ../shared/eval] [--stages]

Reads news texts from the TR-News corpus (world news, read in place, never copied), runs
ArticlePipeline(Geoparser, EventExtractor) over them once to warm up and once timed, and prints
articles per second, the events found and the process's peak resident memory.

`--stages` then times the pipeline's steps one by one on the same articles (best of three passes,
in milliseconds an article): spaCy's parse, the geoparser on it, the event reader's rules and
candidates, and the stop model's weighing; and the parse's own steps (the tokenizer and each
spaCy component). A profiler's own cost per Python call overstates the steps that make many
small calls several times over; these are the steps' real shares.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from app.settings import get_settings
from geo.evaluation import load_corpus
from geo.gazetteer.index import open_gazetteer
from geo.model import ArticleText
from geo.pipeline import ArticlePipeline
from geo.text.events import EventExtractor
from geo.text.events.extract import events_of_candidates
from geo.text.events.parsing import EVENT_COMPONENTS
from geo.text.geoparse import Geoparser
from geo.text.nlp import load_pipeline

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--stages", action="store_true", help="time each step of the pipeline too")
    args = parser.parse_args()

    texts = [document.text for document in load_corpus(args.eval_dir / "tr-news.json")][: args.articles]
    geoparser, extractor = Geoparser(open_gazetteer(get_settings().gazetteer_path)), EventExtractor()
    pipeline = ArticlePipeline(places=geoparser, events=extractor)
    for text in texts[:5]:  # loads the model and the matcher
        pipeline.extract(ArticleText(text))
    started = time.perf_counter()
    events = sum(len(pipeline.extract(ArticleText(text)).events) for text in texts)
    seconds = time.perf_counter() - started
    mean_chars = sum(map(len, texts)) / len(texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(texts)} articles of {mean_chars:,.0f} characters on average: {len(texts) / seconds:.1f} articles/s "
        f"({1000 * seconds / len(texts):.0f} ms each), {events} events, peak {peak_mb:.0f} MB resident"
    )

    if args.stages:
        print_stages(texts, geoparser, extractor)
        print_parse_steps(texts)


def print_stages(texts: list[str], geoparser: Geoparser, extractor: EventExtractor) -> None:
    """Milliseconds an article in each step, the best of three passes over `texts`."""
    model = extractor.stop_model
    best: dict[str, float] = {}
    for _ in range(3):
        spent = dict.fromkeys(("parse", "places", "reading", "weighing"), 0.0)
        for text in texts:
            article = ArticleText(text)
            started = time.perf_counter()
            doc = extractor.parse_document(text)
            parsed = time.perf_counter()
            mentions = geoparser.parse(text, doc)
            placed = time.perf_counter()
            candidates = extractor.read_candidates(article, mentions, doc)
            read = time.perf_counter()
            if model is not None:
                events_of_candidates(candidates, model.probabilities([c.features for c in candidates]), model.threshold)
            weighed = time.perf_counter()
            spent["parse"] += parsed - started
            spent["places"] += placed - parsed
            spent["reading"] += read - placed
            spent["weighing"] += weighed - read
        best = {step: min(seconds, best.get(step, seconds)) for step, seconds in spent.items()}
    total = sum(best.values())
    print(
        "per article: "
        + ", ".join(f"{step} {1000 * seconds / len(texts):.1f} ms" for step, seconds in best.items())
        + f" (sum {1000 * total / len(texts):.0f} ms)"
    )


def print_parse_steps(texts: list[str]) -> None:
    """Milliseconds an article in the tokenizer and in each spaCy component of the event parse."""
    nlp = load_pipeline(EVENT_COMPONENTS)
    best: dict[str, float] = {}
    for _ in range(3):
        spent: dict[str, float] = {}
        for text in texts:
            started = time.perf_counter()
            doc = nlp.make_doc(text)
            spent["tokenizer"] = spent.get("tokenizer", 0.0) + time.perf_counter() - started
            for name, component in nlp.pipeline:
                started = time.perf_counter()
                doc = component(doc)
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - started
        best = {step: min(seconds, best.get(step, seconds)) for step, seconds in spent.items()}
    print("the parse's steps: " + ", ".join(f"{step} {1000 * s / len(texts):.1f} ms" for step, s in best.items()))


if __name__ == "__main__":
    main()
