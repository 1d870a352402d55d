"""Reporters a wire story credits with where they reported from.

Agencies end a story with a line of credits: "Associated Press writers Josh Dubow and Lisa Leff
in San Francisco and Terry Collins in Oakland contributed to this report", "(Reporting by
Jonathan Stempel in New York; Editing by Bernard Orr)". Each name followed by "in" and a place
(or each name of a list that the "in" closes) was at that place for the story: a stop at the
story's time, told in no clause a trigger verb heads. A name with no place after it ("Staff
writers Sandy Hodson and Adam Folk contributed") says nothing of where its reporter was, nor
does a credit for another kind of work ("Editing by Bernard Orr in London"): editors edit from
anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span

from geo.model import Mention
from geo.text.events.people import Cast, Person, PersonMention

__all__ = ["CREDIT_ACTION", "credited_reporters", "is_credit_line"]

CREDIT_ACTION = "report"

# A sentence that credits reporters: the wire's closing line, or its parenthesis.
_CREDIT_LINE = re.compile(
    r"\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\b"
    r"|(?:^|[(;]\s*)(?:additional\s+)?reporting\s+by\b",
    re.IGNORECASE,
)
# Credits for work done at a desk, after which a place is not where a reporter was.
_DESK_WORK = frozenset({"editing", "edited", "writing", "written", "compiled", "graphics", "translation"})
# What may stand between a name and the "in" that places it: the rest of a list of names.
_LIST_WORDS = frozenset({",", "and", "&"})


def is_credit_line(sentence: Span) -> bool:
    """Whether a sentence is a wire's credit line, which pairs its names with places only as
    `credited_reporters` reads them ("Editing by Bernard Orr" is in none of its places)."""
    return _CREDIT_LINE.search(sentence.text) is not None


def credited_reporters(
    doc: Doc, cast: Cast, place_at: Callable[[int], Mention | None]
) -> Iterable[tuple[Person, Mention, Span]]:
    """(reporter, place mention, credit sentence) for every reporter a credit line places.

    `place_at(i)` is the resolved place mention that starts at token i, if any.
    """
    names = cast.all_mentions()
    for sentence in doc.sents:
        if not is_credit_line(sentence):
            continue
        in_sentence = [(m, p) for m, p in names if sentence.start <= m.first < sentence.end]
        for mention, person in in_sentence:
            place = _place_after(doc, mention.last, sentence.end, in_sentence, place_at)
            if place is not None and not _desk_work(doc, sentence.start, mention.first):
                yield person, place, sentence


def _place_after(
    doc: Doc,
    after: int,
    end: int,
    in_sentence: list[tuple[PersonMention, Person]],
    place_at: Callable[[int], Mention | None],
) -> Mention | None:
    """The place an "in" after a name gives it, when only more names of its list come between."""
    name_tokens = {i for m, _ in in_sentence for i in range(m.first, m.last)}
    i = after
    while i < end:
        token = doc[i]
        if token.lower_ == "in" and i + 1 < end:
            return place_at(i + 1)
        if i not in name_tokens and token.lower_ not in _LIST_WORDS:
            return None
        i += 1
    return None


def _desk_work(doc: Doc, start: int, name: int) -> bool:
    """Whether the credit a name belongs to is for desk work: the latest credit word before it."""
    for token in reversed(doc[start:name]):
        if token.lower_ in _DESK_WORK:
            return True
        if token.lower_ in ("reporting", "writers", "writer", "correspondent", "correspondents", "contributed"):
            return False
        if token.text == ";":
            return False
    return False
