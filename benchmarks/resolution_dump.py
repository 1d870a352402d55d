"""Every gold toponym of the eval corpora with the place the geoparser gives it, one line each, to
compare the code before and after a change to recognition or resolution.

    .venv/bin/python benchmarks/resolution_dump.py OUT [--setting resolution|end-to-end] [--fast]
        [--eval-dir ../shared/eval] [--gazetteer data/gazetteer.sqlite]

`itinerant eval` gives the figures; this gives the mentions behind them. With `--setting
resolution` (the default) the geoparser resolves the gold spans themselves, and each line is a
gold toponym, the place it is read as and whether that lies within 161 km of the gold point (G)
or not (-):

    lgl 41734755 1406 'Italy' Italy|-|IT G

End to end (`--setting end-to-end`, with the NER model unless `--fast`), the geoparser finds its
own mentions: a gold toponym it misses is "missed", and each mention at no gold span follows as
"false". Run it on the code before a change and after it, and `diff` the two files: every mention
a change mends or breaks (the three corpora's 8,600 toponyms; 1-3 minutes).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo.errors import GazetteerError
from geo.evaluation import ACCURACY_KM, GoldToponym, load_corpus
from geo.gazetteer.index import open_gazetteer
from geo.geodesy import distance_km
from geo.model import Mention, MentionRole
from geo.text.geoparse import Geoparser

__all__ = ["main"]

CORPORA = ("lgl", "tr-news", "geovirus")
DEFAULT_EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
DEFAULT_GAZETTEER = Path(__file__).resolve().parents[1] / "data" / "gazetteer.sqlite"


def reading(mention: Mention | None) -> str:
    """A mention's place as name|first-level region|country, or "-" when it has none."""
    if mention is None or mention.place is None:
        return "-"
    place = mention.place
    return f"{place.name}|{place.admin1 or '-'}|{place.country or '-'}"


def outcome(mention: Mention | None, toponym: GoldToponym) -> str:
    """G when the mention is placed within ACCURACY_KM of the gold point; - otherwise or with no point."""
    if mention is None or mention.place is None or not toponym.has_point:
        return "-"
    near = distance_km(mention.place.lat, mention.place.lon, toponym.lat, toponym.lon) <= ACCURACY_KM
    return "G" if near else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--setting", choices=("resolution", "end-to-end"), default="resolution")
    parser.add_argument("--fast", action="store_true", help="end to end without the NER model")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZETTEER)
    args = parser.parse_args()

    try:
        geoparser = Geoparser(open_gazetteer(args.gazetteer), use_ner=not args.fast)
    except GazetteerError as error:
        print(f"no gazetteer index: {error} (make gazetteer builds it)", file=sys.stderr)
        sys.exit(2)
    lines: list[str] = []
    for corpus in CORPORA:
        path = args.eval_dir / f"{corpus}.json"
        if not path.exists():
            print(f"no corpus {path}: skipped", file=sys.stderr)
            continue
        for document in load_corpus(path):
            if args.setting == "resolution":
                given = [Mention(t.start, t.end, t.surface, role=MentionRole.PLACE) for t in document.toponyms]
                predicted = list(geoparser.resolve(document.text, given))
            else:
                predicted = list(geoparser.parse(document.text))
            by_span = {(m.start, m.end): m for m in predicted}
            for toponym in document.toponyms:
                mention = by_span.get((toponym.start, toponym.end))
                found = reading(mention) if mention is not None else "missed"
                lines.append(
                    f"{corpus} {document.id} {toponym.start} {toponym.surface!r} {found} {outcome(mention, toponym)}"
                )
            gold_spans = {(t.start, t.end) for t in document.toponyms}
            for (start, end), mention in sorted(by_span.items()):
                if (start, end) not in gold_spans:
                    lines.append(f"{corpus} {document.id} {start} {mention.surface!r} {reading(mention)} false")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines ({args.setting}{', no NER' if args.fast else ''}) -> {args.out}")


if __name__ == "__main__":
    main()
