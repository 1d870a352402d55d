"""The best accuracy@161 km the gazetteer allows on each evaluation corpus.

For every gold toponym of every corpus in ../shared/eval (or $ITINERANT_EVAL_DIR), it looks up
the surface form and counts the toponym as covered when ANY candidate lies within 161 km of
the gold point: the ceiling of any resolver built on this gazetteer. Prints the share per
corpus and the most frequent uncovered surfaces, to show what kind of name is missing.

A second, diagnostic column ("in outline") also counts a toponym whose candidates include a
country whose outline (countryinfo's) contains the gold point: a country has no one right
point, and corpora differ in the one they chose (Canada is 60,-95 in one, GeoNames'
60.1,-113.6 in another). The bar is the first column; the second shows how much of the gap
is such a choice rather than a missing or wrong place.

    .venv/bin/python benchmarks/gazetteer_coverage.py [--missed 25]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from shapely.geometry import Point
from shapely.prepared import PreparedGeometry, prep

from app.settings import get_settings
from geo.gazetteer.base import Candidate
from geo.gazetteer.index import open_gazetteer
from geo.gazetteer.sources.countries import country_outlines
from geo.geodesy import distance_km

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("ITINERANT_EVAL_DIR", REPO.parent / "shared" / "eval"))
RADIUS_KM = 161.0
ALL_CANDIDATES = 10_000


def inside_a_country(
    candidates: list[Candidate], lat: float, lon: float, outlines: dict[str, PreparedGeometry]
) -> bool:
    """Whether a country among the candidates contains the point."""
    point = Point(lon, lat)
    return any(
        c.place.kind == "country" and c.place.country in outlines and outlines[c.place.country].contains(point)
        for c in candidates
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=get_settings().gazetteer_path)
    parser.add_argument("--missed", type=int, default=15, help="how many uncovered surfaces to list per corpus")
    args = parser.parse_args()
    corpora = sorted(EVAL_DIR.glob("*.json"))
    if not corpora:
        print(f"no corpora in {EVAL_DIR}", file=sys.stderr)
        return 1
    gazetteer = open_gazetteer(args.index)
    outlines = {code: prep(outline) for code, outline in country_outlines().items()}
    print(
        f"{'corpus':<14}{'toponyms':>9}{'known':>8}{'covered':>9}{'in outline':>11}"
        f"  (covered: any candidate within {RADIUS_KM:.0f} km)"
    )
    for corpus in corpora:
        documents = json.loads(corpus.read_text(encoding="utf-8"))
        total = known = covered = in_outline = 0
        far: Counter[str] = Counter()  # known names whose every candidate lies too far
        unknown: Counter[str] = Counter()
        for document in documents:
            for toponym in document["toponyms"]:
                if toponym.get("lat") is None or toponym.get("lon") is None:
                    continue  # a gold span without a point cannot be scored
                total += 1
                candidates = gazetteer.lookup(toponym["surface"], limit=ALL_CANDIDATES)
                known += bool(candidates)
                lat, lon = float(toponym["lat"]), float(toponym["lon"])
                if any(distance_km(lat, lon, c.place.lat, c.place.lon) <= RADIUS_KM for c in candidates):
                    covered += 1
                    in_outline += 1
                else:
                    in_outline += inside_a_country(candidates, lat, lon, outlines)
                    (far if candidates else unknown)[toponym["surface"]] += 1
        print(f"{corpus.stem:<14}{total:>9}{known / total:>8.3f}{covered / total:>9.3f}{in_outline / total:>11.3f}")
        if args.missed:
            for label, missed in (("known, too far", far), ("unknown", unknown)):
                print(f"    {label}: " + ", ".join(f"{s} ({n})" for s, n in missed.most_common(args.missed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
