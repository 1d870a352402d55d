"""Articles per second through the whole pipeline: places, then events, one parse shared.

    .venv/bin/python benchmarks/pipeline_speed.py [--articles 100] [--eval-dir ../shared/eval]

Reads news texts from the TR-News corpus (world news, read in place, never copied), runs
ArticlePipeline(Geoparser, EventExtractor) over them once to warm up and once timed, and prints
articles per second, the events found and the process's peak resident memory.
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
from geo.text.geoparse import Geoparser

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    args = parser.parse_args()

    texts = [document.text for document in load_corpus(args.eval_dir / "tr-news.json")][: args.articles]
    pipeline = ArticlePipeline(places=Geoparser(open_gazetteer(get_settings().gazetteer_path)), events=EventExtractor())
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


if __name__ == "__main__":
    main()
