"""What a careful reader knows about a text before judging a name in it.

Where sentences start (a capital there says nothing), which lines are written in capitals
(a headline), which words name people (so "Kim" after "Kim Jong Un" is the man), and what the
NER model, when it runs, tags each span as.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from geo.gazetteer.names import normalize_name
from geo.text.nlp import PERSON_LABELS, EntitySpan, TextAnalysis
from geo.text.spans import SpanIndex

__all__ = ["TextContext", "build_context", "name_word", "TITLE_WORDS"]

# Titles and honorifics that precede a person's name in English news: the word after one is a
# person, whatever else it spells ("President Jordan", "Mr Sale").
TITLE_WORDS = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president vice premier chancellor minister
    secretary senator sen rep representative governor gov mayor judge justice general gen
    colonel col captain capt lieutenant lt sergeant sgt commander admiral officer deputy
    spokesman spokeswoman spokesperson ambassador king queen prince princess pope bishop
    father rev reverend rabbi imam sheikh chairman chairwoman ceo director coach leader
    detective sheriff chief councillor councilman councilwoman superintendent""".split()
)

# Words of the names of bodies, buildings and areas that the NER model takes for people's names
# ("Huntsville Fire", "Logan Elementary", "Village Malakal"); none is a common surname.
_BODY_WORDS = frozenset(
    """fire police department council board commission committee district county city township
    borough village commonwealth club elks society association union labour school elementary
    central university college academy hospital clinic center centre courthouse station harbour
    harbor parks estates overlook racecourse stadium arena castle cathedral library museum theater
    theatre airport girls boys marine historic downtown""".split()
)
# The titles news abbreviates with a full stop ("Gov. Hochul"); after any other, a full stop ends
# the sentence.
_ABBREVIATED_TITLES = frozenset("mr mrs ms dr prof sen rep gov gen col capt lt sgt rev".split())
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
_SENTENCE_END = frozenset(".!?:;\n\u2014\u2013")
_OPENERS = frozenset("\"'\u201c\u2018([ \t\r")


@dataclass(frozen=True, slots=True)
class TextContext:
    """Facts about the whole text that every filter consults."""

    text: str
    analysis: TextAnalysis | None
    caps_lines: tuple[tuple[int, int], ...]  # spans of lines written in capitals
    person_words: frozenset[str]  # words the text uses as (parts of) people's names
    known_place_words: frozenset[str] = frozenset()  # gazetteer keys found anywhere in the text
    # The analysis's entities by their spans, for entities_over.
    _entities: SpanIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entities = self.analysis.entities if self.analysis is not None else ()
        object.__setattr__(self, "_entities", SpanIndex((e.start, e.end, e) for e in entities))

    def is_sentence_start(self, position: int) -> bool:
        """True when only openers (quotes, brackets) stand between a sentence end and `position`."""
        index = position - 1
        while index >= 0 and self.text[index] in _OPENERS:
            index -= 1
        return index < 0 or self.text[index] in _SENTENCE_END

    def in_caps_line(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.caps_lines)

    def entities_over(self, start: int, end: int) -> list[EntitySpan]:
        """NER entities overlapping [start, end)."""
        return self._entities.overlapping(start, end)


def _caps_lines(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    offset = 0
    for line in text.splitlines(keepends=True):
        letters = [ch for ch in line if ch.isalpha()]
        if len(letters) >= 12 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8:
            spans.append((offset, offset + len(line)))
        offset += len(line)
    return tuple(spans)


def _person_words(text: str, analysis: TextAnalysis | None) -> frozenset[str]:
    """Words used as people's names: parts of multi-word PERSON entities and words after titles."""
    words: set[str] = set()
    if analysis is not None:
        for entity in analysis.entities:
            if entity.label in PERSON_LABELS:
                tokens = _WORD.findall(text[entity.start : entity.end])
                # Possessives dropped: "Alexandria Commonwealth’s [Attorney]" names an office's body.
                keys = [name_word(token) for token in tokens]
                body = max((i for i, key in enumerate(keys) if key in _BODY_WORDS), default=None)
                if body is not None:
                    # The model tags a town's bodies and buildings as people too ("Huntsville
                    # Fire", "Logan Elementary", "Village Malakal"): such a name is no person's,
                    # but for one named after it ("Cookville Fire Chief Wesley McCollum").
                    title = max((i for i, key in enumerate(keys) if key in TITLE_WORDS and i > body), default=None)
                    # After a title even one word is a name ("Police Chief Johnson"), as elsewhere;
                    # after the body's own word, two ("Laurel County Clerk Dean Johnson").
                    named = tokens[title + 1 :] if title is not None else tokens[body + 1 :]
                    if title is not None or len(named) >= 2:
                        words.update(name_word(token) for token in named)
                elif len(tokens) >= 2:
                    words.update(name_word(token) for token in tokens)
    tokens = list(_WORD.finditer(text))
    for previous, current in itertools.pairwise(tokens):
        between = text[previous.end() : current.start()].strip(" ")
        title = previous.group().casefold().rstrip(".")
        # "Gov. Kathy Hochul" abbreviates a title; "... an interim president. CINCINNATI" ends a
        # sentence with one, and the next word names no person.
        abbreviated = between == "." and title in _ABBREVIATED_TITLES
        if title in TITLE_WORDS and (between == "" or abbreviated) and current.group()[0].isupper():
            words.add(name_word(current.group()))
    return frozenset(words)


def name_word(token: str) -> str:
    """The key of a word as a name, its possessive dropped: "Kim's" -> "kim"."""
    for suffix in ("'s", "\u2019s"):
        if token.endswith(suffix):
            token = token[: -len(suffix)]
    return normalize_name(token)


def build_context(
    text: str, analysis: TextAnalysis | None, *, known_place_words: frozenset[str] = frozenset()
) -> TextContext:
    """Gather the facts about `text` that the filters need."""
    return TextContext(text, analysis, _caps_lines(text), _person_words(text, analysis), known_place_words)
