"""Every stop the pipeline reads in the corpus articles outside the `check` splits, one line each,
to compare the code before and after a change.

    .venv/bin/python benchmarks/corpus_stops.py OUT [--eval-dir ../shared/eval]
        [--gazetteer data/gazetteer.sqlite] [--no-evidence] [--casts]

The articles of the eval corpora (read in place, never copied), less every article of a `check`
split (the outside gold's, and gold-extra.json's held-out batches: those are for reporting, never
for reading), go through the whole pipeline: the geoparser with NER, then the events the stop
model weighs, with the published date and dateline the gold files give an article when they give
one (most corpus articles have neither, and their relative dates stay unknown). OUT gets one line
a stop, in text order:

    lgl.json#38543491 | Sergei Lavrov @ Brussels occurred None 0.85 || 'The following day, ...'

Run it on the code before a change and after it, and `diff` the two files: every stop a change
adds, takes away or re-dates, with the sentence that tells it (some 830 articles, 2-4 minutes).
The text is unannotated: reading its stops is a look at false stops that no gold file shows.
`--casts` adds a line an article with the people it names, to see who a change to the reading
of names makes a person or no longer one.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_devset import DEFAULT_EVAL_DIR, DEFAULT_GAZETTEER, EXTRA_GOLD, OUTSIDE_GOLD, TEAM_GOLD

from geo.errors import GazetteerError
from geo.gazetteer.index import open_gazetteer
from geo.model import ArticleText
from geo.text.events import EventExtractor
from geo.text.geoparse import Geoparser

__all__ = ["main"]

CORPORA = ("lgl.json", "tr-news.json", "geovirus.json")
HELD_OUT_SPLIT = "check"


def gold_articles() -> list[dict]:
    """The articles of every gold file there is (the outside one lives outside the repository)."""
    found = []
    for path in (TEAM_GOLD, EXTRA_GOLD, OUTSIDE_GOLD):
        if path.exists():
            found.extend(json.loads(path.read_text(encoding="utf-8"))["articles"])
    return found


def article_keys(articles: list[dict], *, split: str | None = None) -> set[tuple[str, str]]:
    return {(a["corpus"], str(a["doc_id"])) for a in articles if split is None or a.get("split") == split}


def metadata(articles: list[dict]) -> dict[tuple[str, str], tuple[date | None, str | None]]:
    """(published, dateline) of every article a gold file gives them for."""
    found = {}
    for article in articles:
        published = article.get("published")
        found[(article["corpus"], str(article["doc_id"]))] = (
            date.fromisoformat(published) if published else None,
            article.get("dateline"),
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZETTEER)
    parser.add_argument("--no-evidence", action="store_true", help="leave each stop's sentence out")
    parser.add_argument("--casts", action="store_true", help="add each article's cast, the people it names")
    args = parser.parse_args()

    articles = gold_articles()
    held_out = article_keys(articles, split=HELD_OUT_SPLIT)
    known = metadata(articles)
    try:
        geoparser = Geoparser(open_gazetteer(args.gazetteer), use_ner=True)
    except GazetteerError as error:
        print(f"no gazetteer index: {error} (make gazetteer builds it)", file=sys.stderr)
        sys.exit(2)
    extractor = EventExtractor()
    lines, read = [], 0
    for corpus in CORPORA:
        path = args.eval_dir / corpus
        if not path.exists():
            print(f"no corpus {path}: skipped", file=sys.stderr)
            continue
        for document in json.loads(path.read_text(encoding="utf-8")):
            key = (corpus, str(document["id"]))
            if key in held_out:
                continue
            published, dateline = known.get(key, (None, None))
            text = document["text"]
            doc = extractor.parse_document(text)
            mentions = geoparser.parse(text, doc)
            events, people = extractor.read_events(
                ArticleText(text=text, published=published, dateline=dateline), mentions, doc
            )
            read += 1
            if args.casts:
                lines.append(f"{corpus}#{key[1]} | cast: {'; '.join(sorted(people))}")
            for event in events:
                line = (
                    f"{corpus}#{key[1]} | {event.actor} @ {event.place.name} {event.status} "
                    f"{event.date.iso()} {event.confidence:.2f}"
                )
                if not args.no_evidence:
                    line += f" || {' '.join(event.evidence.split())[:300]!r}"
                lines.append(line)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} stops in {read} articles outside the {HELD_OUT_SPLIT} splits -> {args.out}")


if __name__ == "__main__":
    main()
