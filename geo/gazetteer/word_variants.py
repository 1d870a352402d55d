"""Keys of one name as newspapers abbreviate its generic words: "Mount Pleasant" / "Mt. Pleasant".

American style writes "Mt.", "St.", "Ste.", "Ft." and "Pt." before a name, and place names
take either form ("St. Marys River", "Saint Marys", "Fort Worth", "Ft. Worth"). Each key gets
the keys with such a word swapped for its other form, one word at a time and both ways; a
word is swapped only when a name follows it, since "Rocky Mount" is not "Rocky Mt".
Trailing generics are abbreviated too, one way only: "Platte County" is also "Platte Co.",
"Madison Township" "Madison Twp." (the reverse would turn every "Co." into a county).
"""

from __future__ import annotations

__all__ = ["ABBREVIATED_WORDS", "ABBREVIATED_GENERICS", "word_variant_keys"]

# Full word -> the abbreviation news writes (keys are normalised: no dots, lowercase).
ABBREVIATED_WORDS: dict[str, str] = {
    "mount": "mt",
    "saint": "st",
    "sainte": "ste",
    "fort": "ft",
    "point": "pt",
}
# Trailing generic word -> its abbreviation.
ABBREVIATED_GENERICS: dict[str, str] = {"county": "co", "township": "twp"}
_SWAPS: dict[str, str] = {**ABBREVIATED_WORDS, **{short: full for full, short in ABBREVIATED_WORDS.items()}}


def word_variant_keys(key: str) -> set[str]:
    """'mt pleasant' -> {'mount pleasant'}; 'st marys river' -> {'saint marys river'}; the key itself excluded."""
    words = key.split(" ")
    variants: set[str] = set()
    for i, word in enumerate(words[:-1]):
        swap = _SWAPS.get(word)
        if swap is not None:
            variants.add(" ".join([*words[:i], swap, *words[i + 1 :]]))
    if len(variants) > 1:  # "St. Mary's Mount Pleasant": every word swapped at once too
        variants.add(" ".join(_SWAPS.get(w, w) if i < len(words) - 1 else w for i, w in enumerate(words)))
    generic = ABBREVIATED_GENERICS.get(words[-1]) if len(words) > 1 else None
    if generic is not None:
        variants |= {f"{key.rsplit(' ', 1)[0]} {generic}" for key in (key, *variants)}
    return variants
