"""Find every gazetteer name in a text in one pass (Aho-Corasick over the name keys).

The automaton holds the gazetteer's Latin-script keys only: the geoparser reads English news,
where non-Latin names never occur in running text, and leaving them out of the automaton
saves a large share of its memory. It is built once per gazetteer and process, lazily.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from geo.gazetteer.base import Gazetteer
from geo.text.normalized_text import NormalizedText, normalize_text
from geo.text.spans import DisjointSpans

__all__ = ["NameMatch", "GazetteerMatcher", "matcher_for", "is_matchable_key", "select_longest"]

# A key worth searching for: Latin letters (diacritics are already gone), digits and spaces,
# at least two letters, so that one-letter names ("a", "y") do not flood every text.
_MATCHABLE_KEY = re.compile(r"^(?=(?:.*[a-z]){2})[a-z0-9 ]+$")
_APOSTROPHES = frozenset("'\u2019\u02bc")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A gazetteer key found in the text: its original span and the key itself."""

    start: int
    end: int
    key: str

    @property
    def length(self) -> int:
        return self.end - self.start


def is_matchable_key(key: str) -> bool:
    """Whether the matcher searches this name key."""
    return bool(_MATCHABLE_KEY.match(key))


class GazetteerMatcher:
    """An Aho-Corasick automaton over name keys; `find` returns whole-word matches, overlaps included.

    Each key is stored behind one space and searched in the key text with every character that is
    neither a letter nor a digit written as a space, and a space before it all: a key can then only
    match where a word begins. Searching the bare keys, an article's text gave some 2,300 matches,
    most inside words ("on" in "Monday"), for 170 kept; now some 690 for the same 170.
    """

    def __init__(self, keys: Iterable[str]) -> None:
        automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        for key in keys:
            if is_matchable_key(key):
                automaton.add_word(" " + key)
        automaton.make_automaton()
        self._automaton = automaton

    def __len__(self) -> int:
        return len(self._automaton)

    def find(self, text: str | NormalizedText) -> list[NameMatch]:
        """Every key occurring in the text as whole words, in text order, overlapping ones too."""
        normalized = text if isinstance(text, NormalizedText) else normalize_text(text)
        key_text = normalized.key
        if len(self._automaton) == 0 or not key_text:
            return []
        matches: list[NameMatch] = []
        # One character longer than the key text: the key text's index is the search's less one.
        search_text = " " + key_text.translate(_WORD_BREAKS)
        beyond = len(search_text)
        for search_end, length in self._automaton.iter(search_text):
            last = search_end - 1
            first = last - length + 2  # the stored key's leading space is not the name's
            following = search_text[search_end + 1] if search_end + 1 < beyond else " "
            # Mostly a key ends inside a word; only a following "s" may still end it ("Russia's").
            if following != " " and (following != "s" or not _ends_at_word_boundary(normalized, last)):
                continue
            name = key_text[first : last + 1]
            if name != search_text[first + 1 : search_end + 1]:
                continue  # a key's space met a quote or a bracket of the text ("new (york")
            start, end = normalized.span(first, last + 1)
            end = _with_abbreviation_dot(normalized.original, start, end)
            matches.append(NameMatch(start, end, name))
        matches.sort(key=lambda m: (m.start, -m.end))
        return matches


_SPACE = ord(" ")


class _WordBreaks(dict):
    """str.translate's table: every character that is neither a letter nor a digit becomes a space;
    letters and digits stay as they are (the table learns each character once)."""

    def __missing__(self, code: int) -> int:
        value = code if chr(code).isalnum() else _SPACE
        self[code] = value
        return value


_WORD_BREAKS = _WordBreaks()


def _ends_at_word_boundary(normalized: NormalizedText, last: int) -> bool:
    """True when the key character at `last` ends a word, a possessive ('s) counting as an end."""
    key_text = normalized.key
    following = last + 1
    if following >= len(key_text) or not key_text[following].isalnum():
        return True
    # "Russia's" normalises to "russias": the apostrophe vanished, but it still ended the name.
    if key_text[following] == "s" and (following + 1 >= len(key_text) or not key_text[following + 1].isalnum()):
        between = normalized.original[normalized.origin[last] + 1 : normalized.origin[following]]
        return any(ch in _APOSTROPHES for ch in between)
    return False


def _with_abbreviation_dot(text: str, start: int, end: int) -> int:
    """Extend "U.S" to "U.S.": a dotted abbreviation owns its last dot, a sentence does not own it."""
    if end < len(text) and text[end] == "." and "." in text[start:end]:
        return end + 1
    return end


def select_longest(matches: Iterable[NameMatch]) -> list[NameMatch]:
    """Non-overlapping matches, the longest winning wherever two overlap (then the earlier)."""
    chosen: list[NameMatch] = []
    taken = DisjointSpans()
    for match in sorted(matches, key=lambda m: (-m.length, m.start)):
        if taken.overlaps(match.start, match.end):
            continue
        chosen.append(match)
        taken.add(match.start, match.end)
    return sorted(chosen, key=lambda m: m.start)


_CACHE_LOCK = threading.Lock()
_BY_GAZETTEER: weakref.WeakKeyDictionary[object, GazetteerMatcher] = weakref.WeakKeyDictionary()
_BY_ID: dict[int, tuple[object, GazetteerMatcher]] = {}


def matcher_for(gazetteer: Gazetteer) -> GazetteerMatcher:
    """The matcher of this gazetteer, built on first use and kept for the process."""
    with _CACHE_LOCK:
        try:
            cached = _BY_GAZETTEER.get(gazetteer)
        except TypeError:  # not weak-referenceable (e.g. a slotted class): keep it alive by id
            entry = _BY_ID.get(id(gazetteer))
            cached = entry[1] if entry else None
        if cached is not None:
            return cached
        matcher = GazetteerMatcher(gazetteer.names())
        try:
            _BY_GAZETTEER[gazetteer] = matcher
        except TypeError:
            _BY_ID[id(gazetteer)] = (gazetteer, matcher)
        return matcher
