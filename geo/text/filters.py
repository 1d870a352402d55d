"""The judgements a careful reader makes before taking a gazetteer name in a text for a place.

Each rule looks at one kind of evidence: how the name is written (capitals, word boundaries,
model numbers), what English word it also spells, whether it is part of a person's name, and
what the NER model tagged it as. A rule says why it rejects, so tests and debugging can tell.
The NER model is a signal, never the judge alone: a prominent place survives its PERSON tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.gazetteer.base import Candidate, NameType
from geo.model import Precision
from geo.text.context import TextContext
from geo.text.lookup import is_prominent
from geo.text.nlp import ORGANISATION_LABELS, PERSON_LABELS, PLACE_LABELS
from geo.text.vocabulary import WordClass, word_class

__all__ = ["Judgement", "judge_name", "NAME_PARTICLES", "LOCATIVE_WORDS"]

# Lower-case words that may sit inside a place name ("Komsomolsk-on-Amur", "Rio de Janeiro").
NAME_PARTICLES = frozenset(
    "on upon of the and de la le les du des del della da do dos das di am an der den sur en na y al el"
    " au aux im in bei ob und".split()
)
_SPEECH_AFTER = re.compile(
    r"\A\s+(?:\w+\s+){0,2}?(?:said|says|announced|announces|stated|told|reported|claimed|denied|confirmed|warned)\b"
)
_WORDS = re.compile(r"[^\W_]+")
# Words after which a name reads as a place: "in Kelleyland", "from Maiduguri", "of Rapides".
LOCATIVE_WORDS = frozenset(
    "in at to from near of into across outside inside around toward towards through via throughout"
    " between within beyond off along past over under above below visit visited visiting visits".split()
)
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[\s\u00a0]+\Z")
_QUALIFIER_AFTER = re.compile(r"\A(?:,\s*|\s*\()[A-Z]")


@dataclass(frozen=True, slots=True)
class Judgement:
    """Whether a name found in the text is taken as a place mention, and why not if not."""

    accepted: bool
    reason: str = ""


_ACCEPT = Judgement(True)


def _reject(reason: str) -> Judgement:
    return Judgement(False, reason)


def _is_capitalised(surface: str) -> bool:
    """Every word of the name starts with a capital or a digit, particles excepted."""
    words = _WORDS.findall(surface)
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in NAME_PARTICLES for w in words)


def _is_abbreviation(surface: str, context: TextContext, start: int) -> bool:
    """ "U.S.", or "US" in capitals inside a line that is not itself in capitals."""
    if re.fullmatch(r"(?:[A-Z]\.){2,}", surface):
        return True
    return surface.isupper() and len(surface) >= 2 and not context.in_caps_line(start)


def _joined_to_number(text: str, start: int, end: int) -> bool:
    """A model number or code: "Su-57", "MiG-29", "A-10", "57-Su"."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] in "-\u2010\u2011" and after[1].isdigit()) or (
        len(before) == 2 and before[1] in "-\u2010\u2011" and before[0].isdigit()
    )


def _is_speaker(text: str, start: int, end: int) -> bool:
    """ "the Kremlin said": an institution named by its building, speaking."""
    preceding = text[max(0, start - 4) : start]
    return preceding.casefold() == "the " and bool(_SPEECH_AFTER.match(text[end:]))


def judge_name(
    key: str,
    start: int,
    end: int,
    candidates: list[Candidate],
    context: TextContext,
    *,
    dateline: bool = False,
) -> Judgement:
    """Whether the gazetteer name `key`, at [start, end) of the text, is a place mention."""
    text = context.text
    surface = text[start:end]
    if not surface.isupper():
        # Codes ("BUT" for an airport) name places only when written as codes, in capitals.
        candidates = [c for c in candidates if c.name_type is not NameType.CODE]
    if not candidates:
        return _reject("unknown to the gazetteer")
    best = candidates[0]
    prominent = any(is_prominent(c) for c in candidates[:3])
    entities = context.entities_over(start, end)
    exact_labels = {e.label for e in entities if e.start == start and e.end == end}
    ner_says_place = bool(exact_labels & PLACE_LABELS) or any(
        e.label in PLACE_LABELS and e.start <= start and end <= e.end for e in entities
    )

    if not _is_capitalised(surface):
        return _reject("not capitalised")
    if _joined_to_number(text, start, end):
        return _reject("part of a model number")
    if dateline:
        return _ACCEPT
    if best.name_type is NameType.DEMONYM:
        # "Russian" is an English adjective by design: capitalised, it is the country's signal.
        return _ACCEPT

    word = word_class(key)
    starts_sentence = context.is_sentence_start(start) or context.in_caps_line(start)
    if word is WordClass.FUNCTION and not _is_abbreviation(surface, context, start):
        return _reject("a function word")
    if word is WordClass.LEXICAL and not ner_says_place and (starts_sentence or not prominent):
        return _reject("an English word")
    if word is WordClass.NOUN and not (ner_says_place or prominent):
        return _reject("an English noun")

    is_country = best.place.precision is Precision.COUNTRY
    if key in context.person_words and not is_country:
        return _reject("a person's name")
    if any(
        e.label in PERSON_LABELS and e.start <= start and end <= e.end and e.end - e.start > end - start
        for e in entities
    ):
        return _reject("inside a person's name")
    # A PERSON or ORG tag on exactly this span vetoes only a name with no standing as a place.
    if exact_labels & (PERSON_LABELS | ORGANISATION_LABELS) and not exact_labels & PLACE_LABELS and not prominent:
        return _reject("tagged as a person or organisation")
    if context.analysis is None and _next_to_unknown_name(text, start, end, context):
        return _reject("beside a capitalised name: a person")
    # A multi-word capitalised name ("Black Sea", "Rapides Parish") is evidence enough by itself.
    if " " not in key and not (prominent or ner_says_place or _in_locative_context(text, start, end)):
        return _reject("a little-known name outside any place-like context")
    if best.place.precision is Precision.SITE and _is_speaker(text, start, end):
        return _reject("an institution speaking")
    return _ACCEPT


def _in_locative_context(text: str, start: int, end: int) -> bool:
    """After a locative word ("in", "near"...) or before a qualifier ("X, Region", "X (Region)")."""
    previous = _PREVIOUS_WORD.search(text[max(0, start - 20) : start])
    if previous is not None and previous.group(1).casefold() in LOCATIVE_WORDS:
        return True
    return bool(_QUALIFIER_AFTER.match(text[end : end + 4]))


def _next_to_unknown_name(text: str, start: int, end: int, context: TextContext) -> bool:
    """Without NER: a one-word name before a capitalised non-word is a first name or a maker."""
    if " " in text[start:end].strip():
        return False
    # "Jordan Peterson", "Sukhoi SJ-100": a capitalised word or a model code follows.
    following = re.match(r"[ ]([A-Z][\w\-]*)", text[end : end + 40])
    if following is None:
        return False
    neighbour = following.group(1).casefold()
    return word_class(neighbour) is None and neighbour not in context.known_place_words
