"""The one character table of name keys, and the folds built from it.

Two spellings a reader takes for the same name get the same key: case, diacritics,
apostrophes, hyphens, dots and runs of spaces do not count. The place-name key
(geo.gazetteer.names.normalize_name), the text the matcher searches with its offset map
(geo.text.normalized_text) and people's name keys (geo.people) are all built from this table,
so they cannot drift apart.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = ["LETTER_FOLDS", "DROPPED_CHARS", "SEPARATOR_CHARS", "is_separator", "fold_key", "slugify"]

# Latin letters that carry their mark inside the letter, so Unicode decomposition leaves them
# alone, folded as English-language news writes them ("Tromso", "Lodz", "Aeroe").
LETTER_FOLDS: Final[dict[str, str]] = {
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "æ": "ae",
    "œ": "oe",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
}
# Apostrophes (straight, curly, modifier letters, the soft-sign transliteration) and dots vanish:
# "Komsomol'sk" and "Komsomolsk" are one name, "U.S." and "US" too.
DROPPED_CHARS: Final = "\u0027\u2018\u2019\u02bc\u02b9\u0060\u00b4\u02bb."
# Hyphens, dashes, slashes, commas and underscores separate words as white space does.
SEPARATOR_CHARS: Final = "-_/,\u2010\u2011\u2012\u2013\u2014\u2015"

_FOLD_TABLE: Final = str.maketrans(LETTER_FOLDS)
_DROPPED: Final = re.compile(f"[{re.escape(DROPPED_CHARS)}]")
_SEPARATORS: Final = re.compile(f"[\\s{re.escape(SEPARATOR_CHARS)}]+")
_SEPARATOR_SET: Final = frozenset(SEPARATOR_CHARS)


def is_separator(ch: str) -> bool:
    """Whether a character separates words in a key (white space or one of SEPARATOR_CHARS)."""
    return ch.isspace() or ch in _SEPARATOR_SET


def fold_key(text: str) -> str:
    """The key of a name: lower case, no marks, letters folded, DROPPED_CHARS gone, words one space apart."""
    if text.isascii():  # most names: decomposition and the letter folds change nothing
        key = _DROPPED.sub("", text.lower())
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        key = _DROPPED.sub("", without_marks.casefold().translate(_FOLD_TABLE))
    return _SEPARATORS.sub(" ", key).strip()


_NON_SLUG: Final = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """'Kim Jong Un' -> 'kim-jong-un'; diacritics dropped, anything else becomes one hyphen."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", ascii_name.lower()).strip("-")
