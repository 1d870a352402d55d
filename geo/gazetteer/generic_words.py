"""Civil-division words around a town's name: "Readington Township", "Town of Groton", "Karak district".

News names a town by its civil division as often as by itself, and the gazetteer knows the
town under its bare name. When a name is unknown as written, the lookup tries it without
one such word (a leading "Town of" or a trailing "Township") and ranks what it finds a
little lower, since the division's extent is not the town's point. The fallback applies only
to unknown names, so a place whose own name has the word ("Kansas City", "Quebec City",
"Township of Langley") keeps it.
"""

from __future__ import annotations

__all__ = ["GENERIC_FALLBACK_FACTOR", "without_generic_word"]

# Keys are normalised (lowercase, no dots): "Twp." is "twp".
_LEADING = ("town of ", "city of ", "village of ", "township of ", "borough of ", "municipality of ")
_TRAILING = (" township", " twp", " district", " town", " city", " village", " borough", " municipality")
# A fallback candidate's score is multiplied by this: it names the place around the town.
GENERIC_FALLBACK_FACTOR = 0.8


def without_generic_word(key: str) -> str | None:
    """'readington township' -> 'readington'; 'town of groton' -> 'groton'; None when there is no such word."""
    for prefix in _LEADING:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    for suffix in _TRAILING:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)]
    return None
