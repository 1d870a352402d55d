"""Why the stop model misses the gold stops it misses, on the articles it trains on.

    .venv/bin/python benchmarks/missed_stops.py [--eval-dir ../shared/eval]
        [--gazetteer data/gazetteer.sqlite] [--order 0]

The training articles (the team's set, gold-extra.json but for its held-out batches, and the
outside gold's `tune` split; never a `check` split) are read as `train_stop_model.py` reads
them, and each article's candidates are weighed by trees that did not see it (the trainer's
cross-validation, `--order` choosing how the articles are dealt into folds), calibrated as the
shipped model is and cut at its threshold. For every gold stop the events then miss, it prints
the gold stop and its evidence, and the candidate of the same person at a place the stop accepts
that the model weighed highest: its probability, status and date, the sentence that joins them
and its main features; or "no candidate" when the article offers no such pairing at all. A
missed stop with a candidate above the threshold lost on status or date; one under it, on the
model's weighing; one with none, on recognition, the cast or the pairing. Then the counts of
each kind.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_stop_model as trainer
from events_devset import DEFAULT_EVAL_DIR, DEFAULT_GAZETTEER

from geo.evaluation_events import actor_for, place_agrees
from geo.text.events.stop_model import default_stop_model

__all__ = ["main"]

# The features printed with a candidate: the grammar between person and place and the verb's kind.
_SHOWN_PREFIXES = ("verb=", "prep=", "person_dep=", "how=", "scene=", "status=", "date=", "rule")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZETTEER)
    parser.add_argument("--order", type=int, default=0, help="how the articles are dealt into folds")
    args = parser.parse_args()

    model = default_stop_model()
    if model is None:
        print("no stop model is shipped: nothing to explain", file=sys.stderr)
        sys.exit(2)
    samples = trainer.read_samples(args.eval_dir, args.gazetteer)
    scores = trainer.cross_validated(samples, trainer.SIZES[0], args.order)
    probabilities = trainer.calibrated(scores, model.scale, model.shift)
    kinds: Counter[str] = Counter()
    for sample, weights in zip(samples, probabilities, strict=True):
        article = sample.article
        [scored] = trainer.score([sample], [weights], model.threshold).articles
        for actor_name, stop in scored.missed:
            best = None
            for candidate, probability in zip(sample.candidates, weights, strict=True):
                actor = actor_for(candidate.person.name, article.actors)
                place = candidate.mention.place
                if actor is None or actor.name != actor_name or place is None:
                    continue
                if place_agrees(stop, place.lat, place.lon, sample.radii) and (best is None or probability > best[0]):
                    best = (probability, candidate)
            need = "required" if stop.required else "optional"
            where = f"{article.key} ({article.split or 'training'})"
            print(f"{where} {actor_name} @ {stop.place} {stop.status} {stop.date}")
            print(f"    gold ({need}): {' '.join(stop.evidence.split())[:240]}")
            if best is None:
                kinds["no candidate"] += 1
                print("    no candidate")
                continue
            probability, candidate = best
            kinds["over the threshold" if probability >= model.threshold else "under the threshold"] += 1
            shown = " ".join(sorted(f for f in candidate.features if f.startswith(_SHOWN_PREFIXES)))
            print(
                f"    best p={probability:.2f} {candidate.status} {candidate.date.interval.iso()}: "
                f"{' '.join(candidate.anchor.sent.text.split())[:240]}"
            )
            print(f"    {shown[:300]}")
    total = sum(kinds.values())
    print(
        f"\n{total} missed gold stops (threshold {model.threshold}): "
        + ", ".join(f"{count} {kind}" for kind, count in kinds.most_common())
    )


if __name__ == "__main__":
    main()
