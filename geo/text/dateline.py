"""The dateline: the place a report was filed from, at the start of a news text or of one of its
first lines (after a headline or a byline).

    SEOUL (S Korea), Sep 15: ...
    WASHINGTON (AP) — ...
    MOSCOW, Sept 15 (Reuters) - ...
    LAKE CHARLES, La., March 3 -- ...

Wire copy writes the city in capitals, then optionally a region, a parenthesised qualifier or
agency, a date, and a dash or colon. The city is the dateline; what follows is left to the
ordinary matcher, which may find the region in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DatelineSpan", "find_dateline"]

_CAPS_WORD = r"[A-Z][A-Z'\u2019.\-]*[A-Z.]"
_DATELINE = re.compile(
    rf"""
    \s*
    (?P<place>{_CAPS_WORD}(?:[ ]{_CAPS_WORD})*)               # the city, in capitals
    (?:\s*,\s*(?P<region>[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)*))?  # ", Calif." / ", Ukraine"
    (?:\s*\((?P<qualifier>[^()\n]{{1,40}})\))?                 # "(S Korea)" / "(AP)"
    (?:\s*,?\s*(?P<date>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}))?     # ", Sept 15"
    (?:\s*\((?P<agency>[^()\n]{{1,40}})\))?                    # "(Reuters)"
    \s*(?:\u2014|\u2013|-{{1,2}}|:)                            # the dash or colon that ends it
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class DatelineSpan:
    """Where the dateline's place name lies in the text."""

    start: int
    end: int
    surface: str


# A headline, and a line or two of byline or summary, may come before the dateline's line.
_LINES_BEFORE_DATELINE = 3
_DATELINE_WITHIN = 400  # characters from the start
_SPACED_DASH = re.compile(r"\s(?:\u2014|\u2013|-{1,2})\s\Z")
_SENTENCE_END = re.compile(r"[a-z][.!?][\"'\u201d\u2019]?[ \u00a0]+(?=[A-Z]{2})")


def find_dateline(text: str) -> DatelineSpan | None:
    """The dateline's place at the start of `text` or of one of its first lines ("Obama to visit
    Cuba\nWASHINGTON (AP) - ..."), or None when the text opens otherwise."""
    found = _DATELINE.match(text)
    line_start = 0
    for _ in range(_LINES_BEFORE_DATELINE):
        if found is not None:
            break
        line_start = text.find("\n", line_start, _DATELINE_WITHIN) + 1
        if line_start <= 0:
            break
        found = _DATELINE.match(text, line_start)
    if found is None:
        # A headline run into the text as a sentence: "... from local schools. ST. PARIS - While".
        for end in _SENTENCE_END.finditer(text, 0, _DATELINE_WITHIN):
            found = _DATELINE.match(text, end.end())
            # Inside running text only a dash set apart by spaces ends a dateline ("XDR-TB" is none).
            if found is not None and _SPACED_DASH.search(text, 0, found.end() + 1):
                break
            found = None
    if found is None:
        return None
    start, end = found.span("place")
    surface = text[start:end]
    # A trailing dot belongs to an abbreviation only ("ST. LOUIS" keeps its inner dot).
    while surface.endswith(".") and surface.count(".") == 1:
        surface = surface[:-1]
        end -= 1
    if sum(ch.isalpha() for ch in surface) < 2:
        return None
    return DatelineSpan(start, end, surface)
