"""Stop precision and recall of event extraction against hand-written gold itineraries.

The gold (tests/data/devset/gold.json, shared/gold/seed-events.json) lists, per article and per
actor, the stops a careful reader finds: place and point, status, date at a stated precision, and
the sentence that says so. A predicted stop matches a gold stop when
  actor     the predicted name is the actor's canonical name or one of its aliases (normalised),
            or contains the canonical name as whole words ("US Secretary of State Rex Tillerson")
  place     the point lies within the gold point's radius (MatchRadii, by the gold precision),
            or within that of one of the stop's accepted alternatives
  status    the same (occurred, planned, speculative)
  date      agrees at the gold precision; a gold date that is null or 'unknown' matches any date
Each gold stop matches at most one prediction; the assignment maximises the required stops
matched first, then all stops. A prediction for someone not in the gold, for a `not_actors`
name, or at one of the actor's `must_not` places is a false stop.

    precision = matched predictions / predictions
    recall    = matched gold stops / gold stops     (and the same over required stops)

Pure: texts come in with the gold (`gold_articles_from_json` takes a function that returns
an article's text), predictions come from the `predict` callable; nothing here reads files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from geo.errors import InvalidInputError
from geo.gazetteer.names import normalize_name
from geo.geodesy import distance_km

__all__ = [
    "STATUSES",
    "STOP_PRECISIONS",
    "DATE_PRECISIONS",
    "MatchRadii",
    "GoldPoint",
    "GoldStop",
    "GoldActor",
    "GoldArticle",
    "PredictedStop",
    "FalseStop",
    "ArticleScore",
    "Report",
    "Predictor",
    "TextSource",
    "gold_articles_from_json",
    "dates_agree",
    "stop_matches",
    "place_agrees",
    "actor_for",
    "score_article",
    "score_stops",
]

STATUSES = frozenset({"occurred", "planned", "speculative"})
# The model's place precisions, plus 'region' for areas wider than one country
# ("sub-Saharan Africa", "the Middle East").
STOP_PRECISIONS = frozenset({"site", "city", "admin2", "admin1", "country", "region"})
DATE_PRECISIONS = {"day": 10, "month": 7, "year": 4, "unknown": 0}  # length of the ISO prefix

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class MatchRadii:
    """How far a predicted point may lie from a gold point, by the gold point's precision."""

    distance_km: float = 50.0
    country_distance_km: float = 600.0
    region_distance_km: float = 2500.0

    def for_precision(self, precision: str) -> float:
        # A first-level region is placed by one point as loosely as a country is.
        if precision in ("country", "admin1"):
            return self.country_distance_km
        if precision == "region":
            return self.region_distance_km
        return self.distance_km


@dataclass(frozen=True, slots=True)
class GoldPoint:
    place: str
    lat: float
    lon: float
    precision: str
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GoldStop:
    """One place an actor was, or is due to be, as one sentence says."""

    point: GoldPoint
    status: str
    date: str | None
    date_precision: str
    evidence: str
    required: bool
    alternatives: tuple[GoldPoint, ...] = ()

    @property
    def place(self) -> str:
        return self.point.place

    @property
    def points(self) -> tuple[GoldPoint, ...]:
        return (self.point, *self.alternatives)


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    aliases: tuple[str, ...]
    stops: tuple[GoldStop, ...]
    must_not: tuple[str, ...] = ()

    def names(self) -> frozenset[str]:
        """Every normalised name the actor goes by."""
        return frozenset(_name_key(n) for n in (self.name, *self.aliases) if _name_key(n))

    def forbids(self, place: str) -> bool:
        """Whether `place` is one of the actor's must_not places (names compared normalised)."""
        return _name_key(place) in {_name_key(p) for p in self.must_not}


@dataclass(frozen=True, slots=True)
class GoldArticle:
    key: str  # "tr-news.json#1160001"
    text: str
    published: date | None
    dateline: str | None
    actors: tuple[GoldActor, ...]
    not_actors: tuple[str, ...] = ()
    split: str | None = None  # 'tune' (develop on it) or 'check' (report only); None: unsplit

    @property
    def corpus(self) -> str:
        """The corpus file the article comes from: the key's part before '#'."""
        return self.key.partition("#")[0]


@dataclass(frozen=True, slots=True)
class PredictedStop:
    actor: str
    place: str
    lat: float
    lon: float
    status: str
    date: str | None = None  # ISO 8601 as precise as known: '2023-09-15', '2019-04', '2019'
    confidence: float | None = None  # the extractor's own belief, for the reliability table

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> PredictedStop:
        """A stop from a `{actor, place, lat, lon, status, date}` mapping."""
        try:
            return cls(
                actor=str(raw["actor"]),
                place=str(raw.get("place") or ""),
                lat=float(raw["lat"]),
                lon=float(raw["lon"]),
                status=str(raw["status"]),
                date=None if raw.get("date") in (None, "") else str(raw["date"]),
                confidence=None if raw.get("confidence") is None else float(raw["confidence"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidInputError(f"not a predicted stop: {raw!r} ({error})", field="predicted") from error


@dataclass(frozen=True, slots=True)
class FalseStop:
    """A prediction that matched nothing, and why."""

    stop: PredictedStop
    reason: str  # "unknown actor", "not an actor", "must_not place", "no matching gold stop"


@dataclass(frozen=True, slots=True)
class ArticleScore:
    key: str
    predicted: int
    matched_predicted: int
    gold: int
    matched_gold: int
    required: int
    matched_required: int
    false_stops: tuple[FalseStop, ...] = ()
    missed: tuple[tuple[str, GoldStop], ...] = ()  # (actor, stop) of every unmatched gold stop
    outcomes: tuple[tuple[PredictedStop, bool], ...] = ()  # every prediction and whether it matched
    split: str | None = None
    corpus: str = ""

    @property
    def must_not_hits(self) -> int:
        return sum(f.reason == "must_not place" for f in self.false_stops)

    @property
    def precision(self) -> float:
        return _ratio(self.matched_predicted, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched_gold, self.gold)

    @property
    def required_recall(self) -> float:
        return _ratio(self.matched_required, self.required)


@dataclass(frozen=True, slots=True)
class Report:
    """Per-article scores and their micro-averaged totals."""

    articles: tuple[ArticleScore, ...] = field(default_factory=tuple)

    def where(self, *, split: str | None = None, corpus: str | None = None) -> Report:
        """The report over the articles of one split and/or one corpus."""
        return Report(
            tuple(
                a
                for a in self.articles
                if (split is None or a.split == split) and (corpus is None or a.corpus == corpus)
            )
        )

    def reliability(
        self, thresholds: Sequence[float] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
    ) -> list[tuple[float, int, float]]:
        """(threshold, predictions at or above it, their precision) for each threshold.

        Predictions without a confidence count as 0: they show only in the first row.
        """
        outcomes = [(stop.confidence or 0.0, hit) for a in self.articles for stop, hit in a.outcomes]
        rows = []
        for threshold in thresholds:
            kept = [hit for confidence, hit in outcomes if confidence >= threshold]
            rows.append((threshold, len(kept), _ratio(sum(kept), len(kept))))
        return rows

    def _sum(self, name: str) -> int:
        return sum(getattr(a, name) for a in self.articles)

    @property
    def predicted(self) -> int:
        return self._sum("predicted")

    @property
    def gold(self) -> int:
        return self._sum("gold")

    @property
    def required(self) -> int:
        return self._sum("required")

    @property
    def must_not_hits(self) -> int:
        return self._sum("must_not_hits")

    @property
    def precision(self) -> float:
        return _ratio(self._sum("matched_predicted"), self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self._sum("matched_gold"), self.gold)

    @property
    def required_recall(self) -> float:
        return _ratio(self._sum("matched_required"), self.required)


# predict(article text, published date, dateline place) -> the article's predicted stops
Predictor = Callable[[str, date | None, str | None], Iterable[PredictedStop | Mapping[str, Any]]]
TextSource = Callable[[str, str], str]  # (corpus file, document id) -> article text


def _ratio(hits: int, total: int) -> float:
    # Nothing predicted has no false stop, nothing to find has nothing missed.
    return hits / total if total else 1.0


def _name_key(name: str) -> str:
    return normalize_name(name)


# ----------------------------------------------------------------------------- reading the gold


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise InvalidInputError(message, field="gold")


def _gold_point(raw: Mapping[str, Any], where: str) -> GoldPoint:
    precision = raw.get("precision")
    _require(bool(raw.get("place")), f"{where}: no place name")
    _require(precision in STOP_PRECISIONS, f"{where}: precision {precision!r} is not one of {sorted(STOP_PRECISIONS)}")
    lat, lon = raw.get("lat"), raw.get("lon")
    _require(isinstance(lat, (int, float)) and -90 <= lat <= 90, f"{where}: latitude {lat!r} out of range")
    _require(isinstance(lon, (int, float)) and -180 <= lon <= 180, f"{where}: longitude {lon!r} out of range")
    geonameid = raw.get("geonameid")
    return GoldPoint(str(raw["place"]), float(lat), float(lon), precision, int(geonameid) if geonameid else None)


def _gold_stop(raw: Mapping[str, Any], where: str) -> GoldStop:
    status, precision, when = raw.get("status"), raw.get("date_precision"), raw.get("date")
    _require(status in STATUSES, f"{where}: status {status!r} is not one of {sorted(STATUSES)}")
    _require(
        precision in DATE_PRECISIONS, f"{where}: date_precision {precision!r} is not one of {sorted(DATE_PRECISIONS)}"
    )
    if when is not None:
        _require(isinstance(when, str) and bool(_ISO_DATE.match(when)), f"{where}: date {when!r} is not ISO 8601")
        _require(
            precision == "unknown" or len(when) == DATE_PRECISIONS[precision],
            f"{where}: date {when!r} does not have precision {precision!r}",
        )
    _require(bool(raw.get("evidence")), f"{where}: no evidence sentence")
    return GoldStop(
        point=_gold_point(raw, where),
        status=status,
        date=when,
        date_precision=precision,
        evidence=str(raw["evidence"]),
        required=bool(raw.get("required", False)),
        alternatives=tuple(_gold_point(a, f"{where} alternative") for a in raw.get("alternatives", ())),
    )


def gold_articles_from_json(gold: Mapping[str, Any], text_of: TextSource) -> tuple[list[GoldArticle], MatchRadii]:
    """The articles of a gold document (tests/data/devset/gold.json) and its match radii.

    `text_of(corpus, doc_id)` returns each article's text; it raises (e.g. NotFoundError) for an
    article it does not have. Raises InvalidInputError for gold that breaks the format.
    """
    match, default = gold.get("match", {}), MatchRadii()
    radii = MatchRadii(
        distance_km=float(match.get("distance_km", default.distance_km)),
        country_distance_km=float(match.get("country_distance_km", default.country_distance_km)),
        region_distance_km=float(match.get("region_distance_km", default.region_distance_km)),
    )
    articles = []
    for raw in gold.get("articles", ()):
        key = f"{raw.get('corpus')}#{raw.get('doc_id')}"
        published = raw.get("published")
        try:
            published_date = date.fromisoformat(published) if published is not None else None
        except (TypeError, ValueError) as error:
            raise InvalidInputError(f"{key}: published {published!r} is not an ISO date", field="gold") from error
        actors = []
        for name, spec in raw.get("actors", {}).items():
            actors.append(
                GoldActor(
                    name=name,
                    aliases=tuple(spec.get("aliases", ())),
                    stops=tuple(
                        _gold_stop(stop, f"{key} {name} stop {i}") for i, stop in enumerate(spec.get("stops", ()))
                    ),
                    must_not=tuple(spec.get("must_not", ())),
                )
            )
        dateline = raw.get("dateline")
        articles.append(
            GoldArticle(
                key=key,
                text=text_of(str(raw["corpus"]), str(raw["doc_id"])),
                published=published_date,
                dateline=dateline.get("place") if isinstance(dateline, Mapping) else dateline,
                actors=tuple(actors),
                not_actors=tuple(raw.get("not_actors", ())),
                split=raw.get("split"),
            )
        )
    return articles, radii


# ----------------------------------------------------------------------------- matching


def dates_agree(gold_date: str | None, gold_precision: str, predicted: str | None) -> bool:
    """Whether a predicted ISO date agrees with the gold date at the gold's precision."""
    if gold_date is None or gold_precision == "unknown":
        return True
    if predicted is None:
        return False
    width = DATE_PRECISIONS[gold_precision]
    # '2019-04-12' agrees with month '2019-04'; '2019' is too coarse to agree with it.
    return len(predicted) >= width and predicted[:width] == gold_date[:width]


def stop_matches(gold: GoldStop, predicted: PredictedStop, radii: MatchRadii = MatchRadii()) -> bool:
    """Place, status and date agree (the actor is checked by the caller)."""
    if predicted.status.strip().lower() != gold.status:
        return False
    if not dates_agree(gold.date, gold.date_precision, predicted.date):
        return False
    return place_agrees(gold, predicted.lat, predicted.lon, radii)


def place_agrees(gold: GoldStop, lat: float, lon: float, radii: MatchRadii = MatchRadii()) -> bool:
    """Whether a point lies within the match radius of the gold stop's point or an accepted alternative."""
    return any(distance_km(p.lat, p.lon, lat, lon) <= radii.for_precision(p.precision) for p in gold.points)


def actor_for(name: str, actors: Sequence[GoldActor]) -> GoldActor | None:
    """The gold actor a predicted name stands for, or None when none or several fit."""
    key = _name_key(name)
    exact = [a for a in actors if key in a.names()]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None
    # A longer form of the canonical name: titles and roles in front ("President Vladimir Putin").
    padded = f" {key} "
    containing = [a for a in actors if f" {_name_key(a.name)} " in padded]
    return containing[0] if len(containing) == 1 else None


def _assign(candidates: Sequence[list[int]], order: Sequence[int]) -> dict[int, int]:
    """Maximum bipartite matching gold -> prediction (Kuhn), trying gold stops in `order`.

    A gold stop once matched stays matched (augmenting paths only re-route it), so trying the
    required stops first maximises them before any optional stop is considered.
    """
    owner: dict[int, int] = {}  # prediction -> gold

    def augment(gold: int, seen: set[int]) -> bool:
        for prediction in candidates[gold]:
            if prediction in seen:
                continue
            seen.add(prediction)
            if prediction not in owner or augment(owner[prediction], seen):
                owner[prediction] = gold
                return True
        return False

    for gold in order:
        augment(gold, set())
    return {g: p for p, g in owner.items()}


def score_article(
    article: GoldArticle,
    predictions: Iterable[PredictedStop | Mapping[str, Any]],
    radii: MatchRadii = MatchRadii(),
) -> ArticleScore:
    """Match one article's predicted stops to its gold stops."""
    predicted = [p if isinstance(p, PredictedStop) else PredictedStop.from_mapping(p) for p in predictions]
    not_actors = {_name_key(n) for n in article.not_actors}
    golds = [(actor, stop) for actor in article.actors for stop in actor.stops]

    false_stops: list[FalseStop] = []
    eligible: list[tuple[int, GoldActor]] = []
    for index, stop in enumerate(predicted):
        actor = actor_for(stop.actor, article.actors)
        if actor is None:
            reason = "not an actor" if _name_key(stop.actor) in not_actors else "unknown actor"
            false_stops.append(FalseStop(stop, reason))
        elif actor.forbids(stop.place):
            false_stops.append(FalseStop(stop, "must_not place"))
        else:
            eligible.append((index, actor))

    candidates = [
        [i for i, actor in eligible if actor is gold_actor and stop_matches(gold_stop, predicted[i], radii)]
        for gold_actor, gold_stop in golds
    ]
    order = sorted(range(len(golds)), key=lambda g: not golds[g][1].required)
    assignment = _assign(candidates, order)

    matched_predictions = set(assignment.values())
    false_stops.extend(
        FalseStop(predicted[i], "no matching gold stop") for i, _ in eligible if i not in matched_predictions
    )
    return ArticleScore(
        key=article.key,
        predicted=len(predicted),
        matched_predicted=len(matched_predictions),
        gold=len(golds),
        matched_gold=len(assignment),
        required=sum(stop.required for _, stop in golds),
        matched_required=sum(golds[g][1].required for g in assignment),
        false_stops=tuple(false_stops),
        missed=tuple((actor.name, stop) for g, (actor, stop) in enumerate(golds) if g not in assignment),
        outcomes=tuple((stop, i in matched_predictions) for i, stop in enumerate(predicted)),
        split=article.split,
        corpus=article.corpus,
    )


def score_stops(gold_articles: Iterable[GoldArticle], predict: Predictor, radii: MatchRadii = MatchRadii()) -> Report:
    """Run `predict(text, published, dateline)` on every gold article and score its stops."""
    return Report(
        tuple(
            score_article(article, predict(article.text, article.published, article.dateline), radii)
            for article in gold_articles
        )
    )
