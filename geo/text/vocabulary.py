"""Ordinary English words, to tell a place name from a word that merely spells one.

Derived from what the spaCy model ships, not from a hand list: its stop words (function words
such as "but", "since", "us") and its WordNet lemma indices (nouns, verbs, adjectives, adverbs).
WordNet lists some proper nouns in lower case too ("paris"), so membership alone never rejects a
name: it only asks for stronger evidence (see geo.text.filters).
"""

from __future__ import annotations

import functools
from enum import StrEnum

from spacy.lang.en.stop_words import STOP_WORDS

from geo.text.nlp import model_lookups

__all__ = ["WordClass", "word_class", "is_stop_word", "is_common_word", "is_plural_noun", "common_words"]

_POS_TABLES = ("noun", "verb", "adj", "adv")


class WordClass(StrEnum):
    """How much an English word competes with a place name that spells the same."""

    FUNCTION = "function"  # "but", "since", "us": a stop word
    LEXICAL = "lexical"  # a verb, adjective or adverb ("mobile", "split"), maybe a noun too
    NOUN = "noun"  # a noun only: WordNet lists some proper nouns so ("paris", "cabinet")


@functools.cache
def _lemmas(pos: str) -> frozenset[str]:
    from spacy.strings import hash_string

    lookups = model_lookups()
    words = {w.replace("_", " ") for w in lookups.get_table("lemma_index").get(hash_string(pos), ())}
    words.update(lookups.get_table("lemma_exc").get(hash_string(pos), {}).keys())
    return frozenset(words)


def _in(words: frozenset[str], key: str) -> bool:
    if key in words:
        return True
    # Regular inflections: "marks", "reading" -> lemmas "mark", "read".
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ed", "")):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3 and key[: -len(suffix)] + replacement in words:
            return True
    return False


@functools.cache
def word_class(key: str) -> WordClass | None:
    """The class of the English word spelled by `key`, or None when it is no English word."""
    if key in STOP_WORDS:
        return WordClass.FUNCTION
    if any(_in(_lemmas(pos), key) for pos in ("verb", "adj", "adv")):
        return WordClass.LEXICAL
    if _in(_lemmas("noun"), key):
        return WordClass.NOUN
    return None


@functools.cache
def common_words() -> frozenset[str]:
    """Lower-case English words: stop words and every WordNet lemma the model's lemmatizer knows."""
    words: set[str] = {word.casefold() for word in STOP_WORDS}
    for pos in _POS_TABLES:
        words.update(_lemmas(pos))
    return frozenset(words)


def is_stop_word(key: str) -> bool:
    """A function word ("but", "since", "us"): never a place when written as a word."""
    return key in STOP_WORDS


def is_common_word(key: str) -> bool:
    """Whether the key (normalised, lower case) is an English word, inflected forms included."""
    return word_class(key) is not None


@functools.cache
def is_plural_noun(key: str) -> bool:
    """Whether the key (lower case) is the regular plural of an English noun and no lemma itself:
    "schools", "companies", "dumpsters"; not "news", "physics" or "james"."""
    nouns = _lemmas("noun")
    if not key.endswith("s") or key in nouns or key.endswith("ss"):
        return False
    stems = [key[:-1]]
    if key.endswith("ies"):
        stems.append(key[:-3] + "y")
    elif key.endswith(("ses", "xes", "zes", "ches", "shes")):
        stems.append(key[:-2])  # "boxes", "churches"; not "brookes"
    return any(len(stem) >= 3 and stem in nouns for stem in stems)
