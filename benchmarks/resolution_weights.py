"""Fit the resolver's weights to two corpora and score them on the third (leave one corpus out).

    .venv/bin/python benchmarks/resolution_weights.py [--gazetteer data/gazetteer.sqlite]
        [--corpora lgl tr-news geovirus] [--rounds 3]

The resolver weighs its evidence (prior, country, region, qualifier, nearby places, coherent
readings...) by hand-set weights (geo.text.resolve.ResolutionWeights). Whether weights learnt
from the gold would place the names of news nobody has annotated better is measured here the
only honest way: for each corpus, the weights are fitted on the other two (coordinate ascent
over a grid, the mean acc@161 on the gold spans of the two as the objective) and then scored on
the corpus left out, beside the shipped weights. A last fit on all the corpora shows where the
weights would go with every article in hand. It prints one JSON line a fit; some 20 minutes.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, replace
from pathlib import Path

from app.settings import get_settings
from geo.evaluation import GoldDocument, counts_demonyms, evaluate_documents, load_corpus
from geo.gazetteer.base import Gazetteer
from geo.gazetteer.index import open_gazetteer
from geo.text.geoparse import Geoparser
from geo.text.resolve import ResolutionWeights

__all__ = ["main"]

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
# The values each weight may take: the shipped value and a few on either side.
GRID: dict[str, tuple[float, ...]] = {
    "prior": (1.0, 1.5, 2.0, 2.5, 3.0),
    "country": (0.0, 0.5, 1.0, 1.5, 2.0),
    "region": (0.0, 0.5, 1.0, 1.5, 2.0),
    "qualifier": (1.0, 2.0, 3.0),
    "feature": (0.0, 0.5, 1.0, 2.0),
    "sibling": (0.0, 0.5, 1.0, 2.0),
    "nearby": (0.0, 0.75, 1.5, 2.25, 3.0),
    "nearby_km": (100.0, 200.0, 400.0),
    "same_region": (0.0, 0.5, 1.0, 1.5),
    "container": (0.0, 0.5, 1.0, 1.5, 2.0),
    "namesake_city": (0.5, 1.0, 1.5, 2.5),
    "coherent": (0.0, 0.5, 1.0, 1.5, 2.0),
    "coherent_km": (25.0, 50.0, 100.0),
    "phone_area": (0.0, 1.0, 2.0, 3.0),
    "famous_prior": (0.5, 0.65, 0.8),
    "namesake_share": (0.5, 0.8, 1.0),
    "famous_support": (1, 2, 3),
}


class Scorer:
    """acc@161 on the gold spans of each corpus for a set of weights, each set scored once."""

    def __init__(self, gazetteer: Gazetteer, corpora: dict[str, list[GoldDocument]]) -> None:
        self.gazetteer = gazetteer
        self.corpora = corpora
        self.demonyms = {name: counts_demonyms(documents, gazetteer) for name, documents in corpora.items()}
        self._seen: dict[tuple, dict[str, float]] = {}

    def __call__(self, weights: ResolutionWeights) -> dict[str, float]:
        key = tuple(sorted(asdict(weights).items()))
        if key not in self._seen:
            self._seen[key] = {
                name: evaluate_documents(
                    documents,
                    Geoparser(self.gazetteer, use_ner=False, include_demonyms=self.demonyms[name], weights=weights),
                    setting="resolution",
                )["acc161"]
                for name, documents in self.corpora.items()
            }
        return self._seen[key]


def fit(scorer: Scorer, training: list[str], rounds: int) -> ResolutionWeights:
    """Coordinate ascent from the shipped weights: a move is kept when it raises the mean by 1e-4."""
    weights = ResolutionWeights()

    def objective(candidate: ResolutionWeights) -> float:
        scores = scorer(candidate)
        return sum(scores[name] for name in training) / len(training)

    best = objective(weights)
    for _ in range(rounds):
        moved = False
        for name, values in GRID.items():
            for value in values:
                candidate = replace(weights, **{name: value})
                score = objective(candidate)
                if score > best + 1e-4:
                    best, weights, moved = score, candidate, True
        if not moved:
            break
    return weights


def changed(weights: ResolutionWeights) -> dict[str, float]:
    shipped = asdict(ResolutionWeights())
    return {name: value for name, value in asdict(weights).items() if shipped[name] != value}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", type=Path, default=get_settings().gazetteer_path)
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--corpora", nargs="+", default=["lgl", "tr-news", "geovirus"])
    parser.add_argument("--rounds", type=int, default=3, help="passes of coordinate ascent at most")
    args = parser.parse_args()

    corpora = {name: load_corpus(args.eval_dir / f"{name}.json") for name in args.corpora}
    scorer = Scorer(open_gazetteer(args.gazetteer), corpora)
    shipped = scorer(ResolutionWeights())
    print(json.dumps({"fit": "shipped", "acc161": {k: round(v, 4) for k, v in shipped.items()}}), flush=True)
    for held_out in args.corpora:
        training = [name for name in args.corpora if name != held_out]
        weights = fit(scorer, training, args.rounds)
        scores = scorer(weights)
        print(
            json.dumps(
                {
                    "fit": "+".join(training),
                    "held_out": held_out,
                    "changed": changed(weights),
                    "held_out_acc161": {"shipped": round(shipped[held_out], 4), "fitted": round(scores[held_out], 4)},
                    "acc161": {k: round(v, 4) for k, v in scores.items()},
                }
            ),
            flush=True,
        )
    weights = fit(scorer, list(args.corpora), args.rounds)
    scores = scorer(weights)
    rounded = {name: round(value, 4) for name, value in scores.items()}
    print(json.dumps({"fit": "all", "changed": changed(weights), "acc161": rounded}))


if __name__ == "__main__":
    main()
