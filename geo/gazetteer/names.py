"""Place-name keys: the one normalisation shared by the gazetteer index and the text matcher,
built from the character table of every name key (geo.folding).

Two spellings a reader takes for the same name get the same key: case, diacritics,
apostrophes, hyphens, dots and runs of spaces do not count.
    "Komsomolsk-on-Amur" / "Komsomolsk on Amur"  -> "komsomolsk on amur"
    "Komsomol'sk-na-Amure"                        -> "komsomolsk na amure"
    "U.S." / "US"                                 -> "us"
    "São Paulo"                                   -> "sao paulo"
    "Tromsø" / "Łódź" / "Đakovo"                  -> "tromso" / "lodz" / "dakovo"
"""

from __future__ import annotations

from geo.folding import LETTER_FOLDS, fold_key

__all__ = ["LETTER_FOLDS", "normalize_name"]


def normalize_name(text: str) -> str:
    """The lookup key of a place name (geo.folding's table)."""
    return fold_key(text)
