"""Names made of a name and a kind of feature: streets and roads, valleys.

Streets and roads: "2517 Memphis St.", "Darling Avenue", "North Cooper Street", "Highway 82".

A street is a place a reader recognises, and the corpora annotate it as one (LGL and TR-News
mark every street and road they name), but the gazetteer holds no streets: a street is a
mention with no place. What matters most is what it is not: "Memphis Street" is no mention of
Memphis, Tennessee, "Washington Drive" none of the capital, "Dublin Road" none of Ireland's.

    [direction] Name [Name [Name]] Street|St.|Road|Avenue|Drive|Boulevard|Lane|Trail|Highway|...
    [State|County] Highway|Route|Interstate|County Road  NUMBER   ("U.S." before it is a place of its own)

The name is one to four capitalised words (an initial or "St."/"Mt."/"Jr." may stand among
them); the street's type ends it, so "Florida Highway Patrol" and "Lebanon Street
Superintendent" are no streets (a capitalised word follows), while "Highway 82" is (a number
follows the type of a numbered route). "Way" is left out: "United Way" is a charity far more
often than "Vista Way" is a street.

Valleys: "the Salinas Valley", "Swat Valley", "Kanawha Valley". The gazetteer holds towns and
districts, not valleys, and a valley named after a place lies at it: the recogniser makes one
mention of the whole, and geo.text.resolve places it at the place of its name.
"""

from __future__ import annotations

import re

__all__ = ["find_streets", "find_valleys", "valley_namesake"]

_TYPES = (
    r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Drive|Lane|Ln\.|Trail|Highway|Hwy\.|Parkway|Pkwy\.|Pike"
    r"|Terrace)"
)
# One word of a street's name: a capitalised word (not a possessive: "Warden's Memphis Street" is
# Warden's home on Memphis Street), or an abbreviation that stands inside names.
_WORD = r"(?:[A-Z][\w\-]*(?<!['\u2019]s)(?<!['\u2019])|(?:St|Mt|Ft|Jr|Dr)\.|[A-Z]\.)"
_DIRECTION = r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Old|[NSEW]\.)"
_GAP = r"[ \u00a0]"
_NAMED = re.compile(
    rf"(?<![\w'\u2019.\-])(?:{_DIRECTION}{_GAP})?(?:{_WORD}{_GAP}){{1,4}}{_TYPES}"
    # The type closes the name: no word, and no capitalised word or number, goes on after it.
    rf"(?![\w'\u2019\-])(?!{_GAP}+[A-Z0-9])"
)
_NUMBERED = re.compile(
    rf"(?<![\w'\u2019.\-])(?:(?:State|County){_GAP})?(?:Highway|Route|Interstate|County{_GAP}Road|Hwy\.)"
    rf"{_GAP}\d{{1,4}}(?![\w\-])"
)
# One to three capitalised words and "Valley", which no capitalised word follows ("Valley Hospital").
_VALLEY = re.compile(
    rf"(?<![\w'\u2019.\-])(?:[A-Z][\w'\u2019\-]*{_GAP}){{1,3}}(?P<valley>Valley)(?![\w'\u2019\-])(?!{_GAP}+[A-Z])"
)
_VALLEY_KEY = " valley"
_LEADING_WORD = re.compile(rf"(\S+?){_GAP}")
_SPACE = re.compile(_GAP)
# Words that begin a sentence or a phrase in capitals without belonging to a street's name.
_NOT_NAME_WORDS = frozenset(
    "The A An In On At And Of To From By For With Near Off Along Across Into Onto His Her Their Its Our"
    " My Your This That Both But Or So Yet When While After Before Since Where If As Then".split()
)


def find_streets(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of the street and road names in `text`, in text order, not overlapping."""
    found: list[tuple[int, int]] = []
    for pattern in (_NAMED, _NUMBERED):
        for match in pattern.finditer(text):
            start, end = _without_leading_words(text, *match.span())
            if _SPACE.search(text, start, end) is not None:  # a name is left before the type
                found.append((start, end))
    found.sort()
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if spans and start < spans[-1][1]:
            if end - start > spans[-1][1] - spans[-1][0]:
                spans[-1] = (start, end)
            continue
        spans.append((start, end))
    return spans


def find_valleys(text: str) -> list[tuple[int, int, int]]:
    """(start, end, end of the name before "Valley") of each "X Valley" in `text`: "the Salinas
    Valley", "Swat Valley". Whether X is a place is for the caller's gazetteer to say; a river's
    valley ("Peace River Valley") is left out, and so is a longer name ("Salinas Valley Hospital")."""
    found = []
    for match in _VALLEY.finditer(text):
        start, end = _without_leading_words(text, *match.span())
        name_end = match.start("valley") - 1
        if start < name_end and not text[start:name_end].endswith(" River"):
            found.append((start, end, name_end))
    return found


def valley_namesake(key: str) -> str | None:
    """The place a valley's mention stands for, by its normalised name: "salinas valley" -> "salinas";
    None for a name that is no valley's."""
    name = key.removesuffix(_VALLEY_KEY)
    return name if name != key and name else None


def _without_leading_words(text: str, start: int, end: int) -> tuple[int, int]:
    """ "In Darling Avenue" at a sentence's start: the name begins after the function word."""
    while (word := _LEADING_WORD.match(text, start, end)) is not None and word.group(1) in _NOT_NAME_WORDS:
        start = word.end()
    return start, end
