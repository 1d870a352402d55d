"""Text normalised like a gazetteer name key, with a map back to the original characters.

The gazetteer matcher searches name keys (geo.gazetteer.names.normalize_name) in the text, so the
text is normalised by the same character table (geo.folding); every key character remembers which original character it
came from, so a match in the key text becomes a span of the original text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from geo.folding import DROPPED_CHARS, LETTER_FOLDS
from geo.folding import is_separator as _is_separator

__all__ = ["NormalizedText", "normalize_text"]

# The key's character table (geo.folding), which normalize_name reads too: these vanish, and
# runs of separators become one space.
_DROPPED = frozenset(DROPPED_CHARS)
_SPACE_RUN = re.compile(" {2,}")


@functools.cache
def _fold(ch: str) -> str:
    """One character as key text: "" (dropped), " " (a separator) or its folded letters."""
    if ch in _DROPPED:
        return ""
    if _is_separator(ch):
        return " "
    # Per-character NFKD equals whole-string NFKD once combining marks are dropped.
    decomposed = unicodedata.normalize("NFKD", ch)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    folded = "".join(LETTER_FOLDS.get(c, c) for c in folded)
    return "".join(" " if _is_separator(c) else c for c in folded if c not in _DROPPED)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The key text and, for each of its characters, the index of the original character."""

    original: str
    key: str
    origin: tuple[int, ...]

    def span(self, key_start: int, key_end: int) -> tuple[int, int]:
        """The original span [start, end) behind key characters [key_start, key_end)."""
        return self.origin[key_start], self.origin[key_end - 1] + 1


# Stands, in the one-for-one folding, for a character the key drops (NUL never survives folding).
_GONE = "\x00"


def normalize_text(text: str) -> NormalizedText:
    """Normalise `text` as normalize_name would, keeping an offset map (no stripping).

    Nearly every character of news folds to one character or to none, so the text is folded in
    one `str.translate` that keeps its length (a dropped character becomes a placeholder), and only
    the dropped characters and the runs of spaces are then taken out of the offset map. A text
    with a character that folds to several ("ß", "æ") takes the character-by-character path.
    """
    table: dict[int, str] = {}
    for ch in set(text):
        folded = _fold(ch)
        if len(folded) > 1 or ch == _GONE:
            return _normalize_by_character(text)
        table[ord(ch)] = folded or _GONE
    folded_text = text.translate(table)
    if _GONE in folded_text:
        origin = [index for index, ch in enumerate(folded_text) if ch != _GONE]
        key = folded_text.replace(_GONE, "")
    else:
        origin = list(range(len(text)))
        key = folded_text
    if "  " in key:
        # A run of separators is one space: keep the first of each run, where it came from.
        pieces: list[str] = []
        kept: list[int] = []
        last = 0
        for run in _SPACE_RUN.finditer(key):
            pieces.append(key[last : run.start() + 1])
            kept.extend(origin[last : run.start() + 1])
            last = run.end()
        pieces.append(key[last:])
        kept.extend(origin[last:])
        key, origin = "".join(pieces), kept
    return NormalizedText(text, key, tuple(origin))


def _normalize_by_character(text: str) -> NormalizedText:
    """The reference normalisation, one character at a time (any folding, however long)."""
    key_chars: list[str] = []
    origin: list[int] = []
    previous_was_space = False
    for index, ch in enumerate(text):
        for out in _fold(ch):
            if out == " ":
                if previous_was_space:
                    continue
                previous_was_space = True
            else:
                previous_was_space = False
            key_chars.append(out)
            origin.append(index)
    return NormalizedText(text, "".join(key_chars), tuple(origin))
