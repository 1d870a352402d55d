"""How a country's one point decides acc@161 on the corpora: GeoNames' point against the others.

    .venv/bin/python benchmarks/country_points.py [--gazetteer data/gazetteer.sqlite]
        [--corpora lgl tr-news geovirus]

A country is an area; a geoparser answers with one point, and a gold toponym counts as placed when
that point lies within 161 km of the annotators' point. The corpora do not share one convention
for that point (README: GeoVirus puts Canada at 60,-95, TR-News at GeoNames' 60.1,-113.6), so a
country read right can still count as misplaced. This takes every gold toponym the geoparser,
given the gold spans, reads as a country, and counts how many lie within 161 km of the country's
point under each definition of it: GeoNames' own point (what the gazetteer ships), countryinfo's
point, the centroid of countryinfo's outline, the centroid of its largest polygon, and that
polygon's pole of inaccessibility (the interior point farthest from its border). No definition is
fitted to any corpus: the figures show whether another one would serve every corpus better.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from geo.evaluation import ACCURACY_KM, counts_demonyms, load_corpus
from geo.gazetteer.index import open_gazetteer
from geo.gazetteer.sources.countries import country_outlines, read_countries
from geo.geodesy import distance_km
from geo.model import Mention, MentionRole
from geo.text.geoparse import Geoparser

__all__ = ["main"]

REPO_ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
DEFAULT_GAZETTEER = REPO_ROOT / "data" / "gazetteer.sqlite"
Point = tuple[float, float]


def country_readings(gazetteer_path: Path, corpus: Path) -> list[tuple[str, Point, Point]]:
    """(country code, the gazetteer's point, the gold point) of every gold toponym read as a country."""
    gazetteer = open_gazetteer(gazetteer_path)
    documents = load_corpus(corpus)
    parser = Geoparser(gazetteer, use_ner=False, include_demonyms=counts_demonyms(documents, gazetteer))
    found = []
    for document in documents:
        given = [Mention(t.start, t.end, t.surface, role=MentionRole.PLACE) for t in document.toponyms]
        by_span = {(m.start, m.end): m for m in parser.resolve(document.text, given)}
        for toponym in document.toponyms:
            mention = by_span.get((toponym.start, toponym.end))
            place = None if mention is None else mention.place
            if toponym.has_point and place is not None and place.kind == "country" and place.country:
                found.append((place.country, (place.lat, place.lon), (toponym.lat, toponym.lon)))
    return found


def _largest(outline: BaseGeometry) -> BaseGeometry:
    return max(outline.geoms, key=lambda part: part.area) if outline.geom_type == "MultiPolygon" else outline


def definitions() -> dict[str, Callable[[str, Point], Point]]:
    """Name -> (country code, the gazetteer's point) -> the point under that definition."""
    outlines = country_outlines()
    info = {r.country: (r.lat, r.lon) for r in read_countries(points={})}

    def from_outline(make: Callable[[BaseGeometry], object]) -> Callable[[str, Point], Point]:
        def point(code: str, shipped: Point) -> Point:
            if code not in outlines:
                return shipped
            p = make(outlines[code])
            return (p.y, p.x)

        return point

    return {
        "GeoNames (shipped)": lambda code, shipped: shipped,
        "countryinfo": lambda code, shipped: info.get(code, shipped),
        "outline centroid": from_outline(lambda o: o.centroid),
        "largest polygon centroid": from_outline(lambda o: _largest(o).centroid),
        "pole of inaccessibility": from_outline(lambda o: polylabel(_largest(o), 0.05)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZETTEER)
    parser.add_argument("--corpora", nargs="+", default=["lgl", "tr-news", "geovirus"])
    args = parser.parse_args()
    readings = {name: country_readings(args.gazetteer, EVAL_DIR / f"{name}.json") for name in args.corpora}
    rows = []
    for label, point_of in definitions().items():
        placed: Counter[str] = Counter()
        cache: dict[str, Point] = {}
        for corpus, found in readings.items():
            for code, shipped, gold in found:
                point = cache.setdefault(code, point_of(code, shipped))
                placed[corpus] += distance_km(point[0], point[1], gold[0], gold[1]) <= ACCURACY_KM
        rows.append({"points": label} | {c: f"{placed[c]}/{len(found)}" for c, found in readings.items()})
    for row in rows:
        print(json.dumps(row))


if __name__ == "__main__":
    main()
