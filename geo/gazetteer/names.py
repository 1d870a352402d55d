"""Name keys: the one normalisation shared by the gazetteer index and the text matcher.

Two spellings a reader takes for the same name get the same key: case, diacritics,
apostrophes, hyphens, dots and runs of spaces do not count.
    "Komsomolsk-on-Amur" / "Komsomolsk on Amur"  -> "komsomolsk on amur"
    "Komsomol'sk-na-Amure"                        -> "komsomolsk na amure"
    "U.S." / "US"                                 -> "us"
    "São Paulo"                                   -> "sao paulo"
    "Tromsø" / "Łódź" / "Đakovo"                  -> "tromso" / "lodz" / "dakovo"
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["LETTER_FOLDS", "normalize_name"]

# Latin letters that carry their mark inside the letter, so Unicode decomposition leaves them
# alone, folded as English-language news writes them ("Tromso", "Lodz", "Aeroe").
LETTER_FOLDS: dict[str, str] = {
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
_FOLD_TABLE = str.maketrans(LETTER_FOLDS)

# Apostrophes (straight, curly, modifier letters, the soft-sign transliteration) vanish:
# "Komsomol'sk" and "Komsomolsk" are one name.
_DROPPED = re.compile(r"[\u0027\u2018\u2019\u02bc\u02b9\u0060\u00b4\u02bb.]")
# Hyphens, dashes, slashes, commas and underscores separate words like spaces do.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/,]+")


def normalize_name(text: str) -> str:
    """The lookup key of a place name."""
    if text.isascii():  # most names: decomposition and the letter folds change nothing
        key = _DROPPED.sub("", text.lower())
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        key = _DROPPED.sub("", without_marks.casefold().translate(_FOLD_TABLE))
    return _SEPARATORS.sub(" ", key).strip()
