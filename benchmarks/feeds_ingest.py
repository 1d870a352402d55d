"""Feed items per second, fetched, extracted and read into a database; and extraction alone.

    .venv/bin/python benchmarks/feeds_ingest.py [--items 1000] [--workers 1 2] [--fast]

Serves a feed of N items and their pages from a local HTTP server (the tests' fixture site; the
pages are made up here from a few sentence patterns, no real site's), then times `Watcher` reading
it into a fresh SQLite database with the production pipeline (the gazetteer index, and the NER
model unless --fast): per worker count, the items are split into that many feeds, each read by its
own worker thread (the pipeline itself runs one article at a time, as in the service). Then times
trafilatura alone over the same pages.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "support"))

from fixture_site import Page, article_html, rss, site

from app.db import make_engine
from app.feeds import Watcher, add_feed
from app.fetch import Fetcher
from app.migrate import upgrade_database
from app.pipeline import build_pipeline, open_configured_gazetteer
from app.services import SerializedPipeline
from app.settings import get_settings
from app.webpage import read_page
from geo.model import ArticleText

PEOPLE = ["Kim Jong Un", "Vladimir Putin", "Emmanuel Macron", "Narendra Modi", "Olaf Scholz", "Xi Jinping"]
PLACES = ["Vladivostok", "Paris", "New Delhi", "Berlin", "Beijing", "Sochi", "Geneva", "Nairobi", "Lima", "Osaka"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def story(number: int) -> str:
    rng = random.Random(number)
    who, where, then, day = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(PLACES), rng.choice(DAYS)
    return (
        f"{where.upper()} — {who} arrived in {where} on {day} for talks on trade and energy, officials said. "
        f"Story number {number}.\n\n"
        f"The visit, the first in two years, ended with a joint statement. {who} is expected to travel "
        f"on to {then} later in the week, where further meetings are planned with business leaders.\n\n"
        "Officials declined to give the full schedule, citing security, but said the talks had gone well."
    )


def run(items: int, workers: int, fast: bool) -> dict[str, str]:
    settings = get_settings().model_copy(update={"use_ner": not fast})
    pipeline = SerializedPipeline(build_pipeline(settings, open_configured_gazetteer(settings)))
    with site() as web, tempfile.TemporaryDirectory() as folder:
        pages = {f"/news/{n}.html": article_html(story(n), title=f"Story {n}") for n in range(items)}
        for path, html in pages.items():
            web.pages[path] = Page(html)
        engine = make_engine(f"sqlite:///{folder}/bench.sqlite")
        upgrade_database(engine)
        from sqlmodel import Session

        share = -(-items // workers)
        with Session(engine) as session:
            for w in range(workers):
                chunk = range(w * share, min(items, (w + 1) * share))
                entries = [{"guid": f"s{n}", "link": web.url(f"/news/{n}.html"), "title": f"Story {n}"} for n in chunk]
                web.pages[f"/feed{w}.xml"] = Page(rss(entries), content_type="application/rss+xml")
                add_feed(session, web.url(f"/feed{w}.xml"), f"feed {w}", 600)
        pipeline.extract(ArticleText(story(0)))  # loads the models before the clock starts
        fetcher = Fetcher(max_bytes=1_000_000, timeout=30, allow_private=True)
        stored = []

        def work():
            for report in Watcher(engine, pipeline, fetcher).poll_due():
                stored.append(report.count("stored"))

        started = time.perf_counter()
        threads = [threading.Thread(target=work) for _ in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
        print(
            f"{workers} worker(s), {'no NER' if fast else 'with NER'}: {sum(stored)} of {items} items stored "
            f"in {seconds:.1f} s: {sum(stored) / seconds:.1f} items/s"
        )
        engine.dispose()
    return pages


def extraction_only(pages: dict[str, str]) -> None:
    bodies = [html.encode("utf-8") for html in pages.values()]
    read_page(bodies[0], "http://bench.test/0")
    started = time.perf_counter()
    for number, body in enumerate(bodies):
        read_page(body, f"http://bench.test/{number}")
    seconds = time.perf_counter() - started
    rate = len(bodies) / seconds
    print(f"extraction alone (trafilatura): {len(bodies)} pages in {seconds:.1f} s: {rate:.1f} pages/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--fast", action="store_true", help="Without the NER model.")
    args = parser.parse_args()
    pages = {}
    for workers in args.workers:
        pages = run(args.items, workers, args.fast)
    extraction_only(pages)


if __name__ == "__main__":
    main()
