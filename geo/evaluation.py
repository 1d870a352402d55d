"""Geoparsing evaluation on hand-annotated corpora, with the field's standard metrics.

Corpora are JSON lists of `{"id", "text", "toponyms": [{"start", "end", "surface", "lat", "lon",
"geonameid"}]}` (see shared/eval/README.md). Metrics follow Gritta et al. (2018), "What's missing
in geographical parsing?":
  recognition  precision, recall, F1 of predicted spans against gold spans (exact; also overlap)
  resolution   for each gold toponym, the distance from the predicted to the gold point:
               accuracy within 161 km, mean and median error, and AUC, the area under the
               curve of log(1 + error_km) / log(20039) over the sorted errors (lower is better).
  joint        end-to-end accuracy: the share of gold toponyms (with a point) that are both
               recognised with their exact span and placed within 161 km, so that a missed
               toponym counts against it as much as a misplaced one (in the "resolution"
               setting every span is given and it equals acc161).
Gold toponyms without a point count for recognition only.
Two settings: "resolution" resolves the gold spans; "end-to-end" recognises, then resolves
the correctly recognised spans (exact span match).
"""

from __future__ import annotations

import itertools
import json
import math
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from geo.errors import InvalidInputError
from geo.gazetteer.base import Gazetteer, NameType
from geo.geodesy import distance_km
from geo.model import Mention, MentionRole

__all__ = [
    "GoldToponym",
    "GoldDocument",
    "CorpusParser",
    "Setting",
    "MAX_ERROR_KM",
    "ACCURACY_KM",
    "load_corpus",
    "span_scores",
    "error_scores",
    "auc_of_errors",
    "joint_accuracy",
    "evaluate_documents",
    "evaluate_corpus",
]

MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of an unplaced toponym
ACCURACY_KM = 161.0  # 100 miles
Setting = Literal["resolution", "end-to-end"]


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A hand-annotated toponym; some (streets, vague regions) have a span but no point."""

    start: int
    end: int
    surface: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


class CorpusParser(Protocol):
    """What the evaluation needs of a geoparser (geo.text.geoparse.Geoparser is one)."""

    def parse(self, text: str) -> Sequence[Mention]: ...

    def resolve(self, text: str, mentions: Sequence[Mention]) -> Sequence[Mention]: ...


def load_corpus(path: str | Path) -> list[GoldDocument]:
    """Read a corpus file; raises InvalidInputError when it is not in the documented shape."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return [
            GoldDocument(
                id=str(doc["id"]),
                text=doc["text"],
                toponyms=tuple(
                    GoldToponym(
                        int(t["start"]),
                        int(t["end"]),
                        t["surface"],
                        None if t["lat"] is None else float(t["lat"]),
                        None if t["lon"] is None else float(t["lon"]),
                        int(t["geonameid"]) if t.get("geonameid") not in (None, "") else None,
                    )
                    for t in doc["toponyms"]
                ),
            )
            for doc in raw
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InvalidInputError(f"cannot read corpus {path}: {error}", field="path") from error


def span_scores(
    predicted: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]], *, overlap: bool = False
) -> tuple[int, int, int]:
    """(true positives, predicted count, gold count); each gold span matches at most one prediction."""
    predicted = sorted(set(predicted))
    gold = sorted(set(gold))
    if not overlap:
        return len(set(predicted) & set(gold)), len(predicted), len(gold)
    unmatched = list(gold)
    hits = 0
    for start, end in predicted:
        for index, (g_start, g_end) in enumerate(unmatched):
            if start < g_end and g_start < end:
                hits += 1
                del unmatched[index]
                break
    return hits, len(predicted), len(gold)


def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def auc_of_errors(errors_km: Sequence[float]) -> float:
    """Area under the sorted curve of log(1 + error) / log(MAX_ERROR_KM), on [0, 1]; lower is better."""
    if not errors_km:
        return 0.0
    scaled = sorted(math.log1p(min(e, MAX_ERROR_KM)) / math.log(MAX_ERROR_KM) for e in errors_km)
    if len(scaled) == 1:
        return scaled[0]
    # Trapezoids over the errors spread evenly on [0, 1].
    return sum((a + b) / 2 for a, b in itertools.pairwise(scaled)) / (len(scaled) - 1)


def error_scores(errors_km: Sequence[float]) -> dict[str, float]:
    """acc161, mean_km, median_km and auc of a list of errors."""
    if not errors_km:
        return {"acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0}
    return {
        "acc161": sum(e <= ACCURACY_KM for e in errors_km) / len(errors_km),
        "mean_km": statistics.fmean(errors_km),
        "median_km": statistics.median(errors_km),
        "auc": auc_of_errors(errors_km),
    }


def joint_accuracy(hits: int, gold: int) -> float:
    """The share of `gold` toponyms recognised exactly and placed within ACCURACY_KM (`hits` of them)."""
    return hits / gold if gold else 0.0


def _error_km(mention: Mention | None, gold: GoldToponym) -> float:
    if mention is None or mention.place is None:
        return MAX_ERROR_KM
    return distance_km(mention.place.lat, mention.place.lon, gold.lat, gold.lon)


def evaluate_documents(
    documents: Sequence[GoldDocument], parser: CorpusParser, *, setting: Setting
) -> dict[str, float | int | str]:
    """Score `parser` on `documents` in one setting (see the module docstring)."""
    if setting not in ("resolution", "end-to-end"):
        raise InvalidInputError(f"unknown setting {setting!r}: use 'resolution' or 'end-to-end'", field="setting")
    exact = [0, 0, 0]
    overlapping = [0, 0, 0]
    errors: list[float] = []
    joint_hits = 0
    located_gold = 0
    for document in documents:
        gold_spans = [(t.start, t.end) for t in document.toponyms]
        if setting == "resolution":
            given = [Mention(t.start, t.end, t.surface, role=MentionRole.PLACE) for t in document.toponyms]
            predicted = list(parser.resolve(document.text, given))
        else:
            predicted = list(parser.parse(document.text))
        by_span = {(m.start, m.end): m for m in predicted}
        for totals, overlap in ((exact, False), (overlapping, True)):
            for index, value in enumerate(span_scores(by_span, gold_spans, overlap=overlap)):
                totals[index] += value
        for toponym in document.toponyms:
            if not toponym.has_point:  # counts for recognition only
                continue
            located_gold += 1
            mention = by_span.get((toponym.start, toponym.end))
            if setting == "resolution" or mention is not None:
                error = _error_km(mention, toponym)
                errors.append(error)
                joint_hits += error <= ACCURACY_KM
    precision, recall, f1 = _prf(*exact)
    _, _, f1_overlap = _prf(*overlapping)
    return {
        "setting": setting,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "f1_overlap": f1_overlap,
        **error_scores(errors),
        "joint": joint_accuracy(joint_hits, located_gold),
        "n": len(errors),
        "n_gold": exact[2],
    }


def counts_demonyms(documents: Sequence[GoldDocument], gazetteer: Gazetteer, *, share: float = 0.02) -> bool:
    """Whether a corpus annotates demonyms ("Turkish") as toponyms, as TR-News does.

    True when at least `share` of its gold surfaces are names the gazetteer knows best as demonyms,
    so the evaluation counts them as mentions exactly when the annotators did.
    """
    surfaces = [t.surface for d in documents for t in d.toponyms]
    if not surfaces:
        return False
    demonyms = 0
    for surface in surfaces:
        candidates = gazetteer.lookup(surface, limit=1)
        if candidates and candidates[0].name_type is NameType.DEMONYM:
            demonyms += 1
    return demonyms / len(surfaces) >= share


def evaluate_corpus(
    path: str | Path, parser_factory: Callable[[], CorpusParser], *, setting: Setting
) -> dict[str, float | int | str]:
    """Load a corpus file and score a fresh parser from `parser_factory` on it."""
    documents = load_corpus(path)
    scores = evaluate_documents(documents, parser_factory(), setting=setting)
    return {"corpus": Path(path).stem, **scores}
