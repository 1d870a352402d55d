"""Who was where, when: events read out of an article and its resolved place mentions.

    >>> extractor = EventExtractor()
    >>> events, people = extractor.read_events(article, mentions)  # doctest: +SKIP

Modules, one idea each: `parsing` (the spaCy parse), `people` (names into actors),
`coreference` (pronouns, descriptions, groups), `triggers` (event words), `governance` (which
place a trigger governs), `participants` (actors and companions), `status` (occurred, planned,
speculative, denied), `dating` (the event's date), `confidence`, `extract` (the reader), and the
learned layer over it: `candidates` (every person-place pairing, with its features), `grammar`
(the parse between a person and a place) and `stop_model` (the trees that weigh a pairing).
"""

from geo.text.events.extract import EventExtractor

__all__ = ["EventExtractor"]
