"""Text normalised like a gazetteer name key, with a map back to the original characters.

The gazetteer matcher searches name keys (geo.gazetteer.names.normalize_name) in the text, so the
text is normalised by the same character table (geo.folding); every key character remembers which original character it
came from, so a match in the key text becomes a span of the original text.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from geo.folding import DROPPED_CHARS, LETTER_FOLDS
from geo.folding import is_separator as _is_separator

__all__ = ["NormalizedText", "normalize_text"]

# The key's character table (geo.folding), which normalize_name reads too: these vanish, and
# runs of separators become one space.
_DROPPED = frozenset(DROPPED_CHARS)


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


def normalize_text(text: str) -> NormalizedText:
    """Normalise `text` as normalize_name would, keeping an offset map (no stripping)."""
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
