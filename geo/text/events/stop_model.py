"""The stop model: boosted decision trees over candidate features, shipped as a small JSON file.

    score    = init + sum over trees of the leaf the candidate's features lead to
    p(stop)  = 1 / (1 + exp(-(scale x score + shift)))

`scale` and `shift` calibrate the trees' scores on articles they were not trained on (Platt
scaling of cross-validated scores), so that a probability says how often such a stop is right
in new text rather than in the training articles.

Each tree node tests one feature (a feature the candidate lacks counts 0) against a threshold:
at or below goes left, above goes right. Trees let the model combine signals a weighted sum
cannot ("in X" after "died" is presence, after "said" it is not).

Trained by `benchmarks/train_stop_model.py` (scikit-learn's gradient boosting) on hand-annotated
gold: the team's development set and the `tune` split of the outside gold, never the `check`
split, which measures it. The file holds the trees, the decision threshold and how they were
made; scoring needs no scikit-learn: the trees are walked as arrays (NumPy, which spaCy brings),
every candidate of an article through every tree at once.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import numpy as np

from geo.errors import ModelDataError

__all__ = ["Tree", "StopModel", "DEFAULT_MODEL_PATH", "default_stop_model", "sigmoid"]

DEFAULT_MODEL_PATH = Path(__file__).with_name("data") / "stop_model.json"
_LEAF = -1


@dataclass(frozen=True)
class Tree:
    """One regression tree in flat arrays: node i tests `feature[i] <= threshold[i]`."""

    feature: Sequence[str | None]  # None at a leaf
    threshold: Sequence[float]
    left: Sequence[int]  # -1 at a leaf
    right: Sequence[int]
    value: Sequence[float]  # a leaf's contribution (learning rate included)

    def leaf_value(self, features: Mapping[str, float]) -> float:
        node = 0
        while self.left[node] != _LEAF:
            name = self.feature[node]
            value = features.get(name, 0.0) if name is not None else 0.0
            node = self.left[node] if value <= self.threshold[node] else self.right[node]
        return self.value[node]

    def as_dict(self) -> dict[str, list]:
        return {
            "feature": list(self.feature),
            "threshold": [round(t, 6) for t in self.threshold],
            "left": list(self.left),
            "right": list(self.right),
            "value": [round(v, 6) for v in self.value],
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Sequence]) -> Tree:
        tree = cls(
            feature=[None if f is None else str(f) for f in raw["feature"]],
            threshold=[float(t) for t in raw["threshold"]],
            left=[int(i) for i in raw["left"]],
            right=[int(i) for i in raw["right"]],
            value=[float(v) for v in raw["value"]],
        )
        size = len(tree.left)
        if not size or any(len(column) != size for column in (tree.feature, tree.threshold, tree.right, tree.value)):
            raise ValueError("tree arrays of different lengths")
        if any(not (child == _LEAF or 0 < child < size) for child in (*tree.left, *tree.right)):
            raise ValueError("tree node points outside the tree")
        return tree


@dataclass(frozen=True)
class _Forest:
    """The trees as arrays of one shape, (tree, node), so that candidates walk them together.

    Walking some 800 trees node by node in Python took 5.6 ms an article, as arrays 1.0 ms: a few
    operations per level. A leaf points to itself and tests a column that is always 0 against
    +inf, so a candidate that has reached one stays there while the others walk on.
    """

    columns: Mapping[str, int]  # feature -> column; the last column is the leaves' constant 0
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    depth: int

    @classmethod
    def of(cls, trees: Sequence[Tree]) -> _Forest:
        names = sorted({name for tree in trees for name in tree.feature if name is not None})
        columns = {name: i for i, name in enumerate(names)}
        shape = (len(trees), max((len(tree.left) for tree in trees), default=1))
        feature = np.full(shape, len(names), dtype=np.intp)
        threshold = np.full(shape, np.inf)
        value = np.zeros(shape)
        own = np.broadcast_to(np.arange(shape[1]), shape)
        left, right = own.copy(), own.copy()
        for t, tree in enumerate(trees):
            for node, (name, cut, low, high, leaf) in enumerate(
                zip(tree.feature, tree.threshold, tree.left, tree.right, tree.value, strict=True)
            ):
                value[t, node] = leaf
                if low != _LEAF:
                    feature[t, node] = columns[name] if name is not None else len(names)
                    threshold[t, node] = cut
                    left[t, node], right[t, node] = low, high
        return cls(columns, feature, threshold, left, right, value, max((_depth(tree) for tree in trees), default=0))

    def scores(self, candidates: Sequence[Mapping[str, float]], init: float) -> list[float]:
        if not candidates:
            return []
        values = np.zeros((len(candidates), len(self.columns) + 1))
        for row, features in enumerate(candidates):
            for name, value in features.items():
                column = self.columns.get(name)
                if column is not None:
                    values[row, column] = value
        trees = np.arange(self.feature.shape[0])
        rows = np.arange(len(candidates))[:, None]
        node = np.zeros((len(candidates), len(trees)), dtype=np.intp)
        for _ in range(self.depth):
            tested = values[rows, self.feature[trees, node]]
            node = np.where(tested <= self.threshold[trees, node], self.left[trees, node], self.right[trees, node])
        return [init + float(total) for total in self.value[trees, node].sum(axis=1)]


def _depth(tree: Tree, node: int = 0) -> int:
    if tree.left[node] == _LEAF:
        return 0
    return 1 + max(_depth(tree, tree.left[node]), _depth(tree, tree.right[node]))


@dataclass(frozen=True)
class StopModel:
    """Boosted trees over candidate features, and the probability a stop must reach."""

    trees: Sequence[Tree]
    init: float
    threshold: float = 0.5
    scale: float = 1.0
    shift: float = 0.0
    about: Mapping[str, object] = field(default_factory=dict)

    def score(self, features: Mapping[str, float]) -> float:
        """The trees' score (log-odds before calibration)."""
        return self.scores([features])[0]

    def probability(self, features: Mapping[str, float]) -> float:
        """How likely the candidate described by `features` is a stop."""
        return self.probabilities([features])[0]

    def scores(self, candidates: Sequence[Mapping[str, float]]) -> list[float]:
        """The trees' score of each candidate, all of them through all the trees at once."""
        return self._forest.scores(candidates, self.init)

    def probabilities(self, candidates: Sequence[Mapping[str, float]]) -> list[float]:
        """How likely each candidate is a stop."""
        return [sigmoid(self.scale * score + self.shift) for score in self.scores(candidates)]

    @cached_property
    def _forest(self) -> _Forest:
        return _Forest.of(self.trees)

    def to_json(self) -> str:
        body = {
            "about": dict(self.about),
            "threshold": self.threshold,
            "scale": round(self.scale, 6),
            "shift": round(self.shift, 6),
            "init": round(self.init, 6),
            "trees": [tree.as_dict() for tree in self.trees],
        }
        return json.dumps(body, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> StopModel:
        try:
            raw = json.loads(text)
            return cls(
                trees=[Tree.from_dict(t) for t in raw["trees"]],
                init=float(raw["init"]),
                threshold=float(raw.get("threshold", 0.5)),
                scale=float(raw.get("scale", 1.0)),
                shift=float(raw.get("shift", 0.0)),
                about=dict(raw.get("about", {})),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ModelDataError(f"not a stop model file: {error}") from error

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL_PATH) -> StopModel:
        try:
            return cls.from_json(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise ModelDataError(f"cannot read the stop model {path}: {error}") from error


def sigmoid(score: float) -> float:
    """The probability of log-odds `score`, written so that neither branch overflows for large |score|."""
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    e = math.exp(score)
    return e / (1.0 + e)


@cache
def default_stop_model() -> StopModel | None:
    """The shipped model, or None when the package has none (the trigger rules alone then)."""
    if not DEFAULT_MODEL_PATH.exists():
        return None
    return StopModel.load(DEFAULT_MODEL_PATH)
