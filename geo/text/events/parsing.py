"""The parsed text event extraction reads: spaCy's full English pipeline, loaded once.

Event extraction needs what the geoparser leaves out: the dependency parse (who did what, where)
and lemmas (`visited` -> `visit`). It goes through the geoparser's own loader, so the model
files are read by one piece of code and each component set is loaded once per process.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from geo.text.nlp import load_pipeline

__all__ = [
    "EVENT_COMPONENTS",
    "parse_text",
    "tokens_of_span",
    "span_root",
    "is_passive",
    "is_past_progressive",
    "is_progressive",
]

EVENT_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@functools.lru_cache(maxsize=8)
def parse_text(text: str) -> Doc:
    """The parsed `text`; the last few are kept, since a pipeline may ask twice for one article."""
    return load_pipeline(EVENT_COMPONENTS)(text)


def tokens_of_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters [start, end), widened to whole tokens; None if none do."""
    return doc.char_span(start, end, alignment_mode="expand")


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens covering [start, end): the one whose head lies outside.

    "Komsomolsk-on-Amur" is three tokens to spaCy; its root is "Komsomolsk", the token the rest
    of the sentence attaches to.
    """
    span = tokens_of_span(doc, start, end)
    return None if span is None or len(span) == 0 else span.root


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive: it has a passive auxiliary ("was held", "is expected")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _progressive_auxiliaries(verb: Token) -> list[Token]:
    """The forms of "be" that make `verb` a progressive: "is flying", "was traveling", and "was
    headed", which news writes for "was heading" (the parser reads it as a passive)."""
    dep = "auxpass" if verb.lower_ == "headed" else "aux" if verb.tag_ == "VBG" else None
    return [c for c in verb.children if c.dep_ == dep and c.lemma_.lower() == "be"]


def is_progressive(verb: Token) -> bool:
    """Whether a verb tells something under way: "is flying", "was headed"."""
    return bool(_progressive_auxiliaries(verb))


def is_past_progressive(verb: Token) -> bool:
    """Whether a verb is a past progressive ("was flying", "were traveling", "was headed"):
    something under way in the past, whose weekday is behind the story, not ahead of it."""
    return any(c.lower_ in ("was", "were") for c in _progressive_auxiliaries(verb))
