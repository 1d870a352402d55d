"""An article's sentences as character spans, without a language model: for a person choosing the
sentence that tells of a stop, not for the event reader (which uses the parser's sentences).

A sentence ends at ".", "!" or "?" (with any closing quotes or brackets) before white space and
an upper-case letter, a digit or an opening quote, or at a blank line; a title's full stop ("Mr.",
"Gen.") or a single initial ("J. Smith") ends none.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["sentence_spans"]

_END: Final = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9À-ÖØ-Þ])|\n\s*\n""")
_NO_END_BEFORE: Final = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt maj adm gov sen rep st mt ft jr sr no vs etc ave jan feb mar apr jun jul "
    "aug sep sept oct nov dec u.s u.k".split()
)


def _ends_a_sentence(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return True
    word = re.search(r"[\w.]*$", text[:stop]).group(0).lower()
    return not (word in _NO_END_BEFORE or (len(word) == 1 and word.isalpha()))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Half-open [start, end) spans of the sentences of `text`, white space trimmed, in order."""
    spans, start = [], 0
    for match in _END.finditer(text):
        if match.group(0).strip() and not _ends_a_sentence(text, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end:
            trimmed.append((begin, end))
    return trimmed
