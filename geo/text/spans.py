"""Overlap queries over character or token spans in logarithmic time, so that an article with
thousands of mentions is read in time linear in them (give or take a logarithm), not quadratic.

Spans are half-open, [start, end), as everywhere in geo.text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from itertools import accumulate

__all__ = ["DisjointSpans", "SpanIndex"]


class DisjointSpans:
    """A growing set of spans that never overlap one another (each is added only if it overlaps none)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: dict[int, int] = {}

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a span of the set."""
        index = bisect_left(self._starts, end)  # spans starting before `end`
        # Being disjoint and sorted by start, their ends are sorted too: the last one reaches furthest.
        return index > 0 and self._ends[self._starts[index - 1]] > start

    def add(self, start: int, end: int) -> None:
        insort(self._starts, start)
        self._ends[start] = end


class SpanIndex:
    """A fixed collection of spans, which may overlap one another, each carrying an item."""

    def __init__(self, spans: Iterable[tuple[int, int, object]]) -> None:
        ordered = sorted(spans, key=lambda span: (span[0], span[1]))
        self._starts = [start for start, _end, _item in ordered]
        self._spans = ordered
        # The furthest end among the first i spans: a prefix maximum.
        self._reach = list(accumulate((end for _start, end, _item in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps some span."""
        index = bisect_left(self._starts, end)
        return index > 0 and self._reach[index - 1] > start

    def overlapping(self, start: int, end: int) -> list:
        """The items of the spans overlapping [start, end), in order of their starts."""
        index = bisect_left(self._starts, end)
        if index == 0 or self._reach[index - 1] <= start:
            return []
        # Walk back while an earlier span may still reach `start`.
        first = bisect_right(self._reach, start, 0, index)
        return [item for s, e, item in self._spans[first:index] if e > start and s < end]
