"""One parse per article: the event reader's Doc is shared with a geoparser that runs NER."""

from __future__ import annotations

from dataclasses import dataclass, field

from _events_world import PLACES, article, mentions_for

from geo.model import ArticleText
from geo.pipeline import ArticlePipeline
from geo.text.events import EventExtractor
from geo.text.events.parsing import EVENT_COMPONENTS, parse_text
from geo.text.nlp import analysis_from_doc, load_pipeline

TEXT = "Anna Weber flew to Berlin on Monday."


@dataclass
class _RecordingPlaces:
    """A place reader shaped like the geoparser: it records the Doc it was handed."""

    use_ner: bool
    docs: list = field(default_factory=list)

    @property
    def reads_documents(self) -> bool:
        return self.use_ner

    def parse(self, text: str, doc=None):
        self.docs.append(doc)
        return mentions_for(text, names={"Berlin": PLACES["Berlin"]})


def _counting_extractor() -> tuple[EventExtractor, list[str]]:
    calls: list[str] = []

    def parse(text: str):
        calls.append(text)
        return parse_text(text)

    return EventExtractor(parse=parse), calls


def test_the_event_reader_parses_once_and_the_geoparser_reads_that_doc():
    places = _RecordingPlaces(use_ner=True)
    extractor, calls = _counting_extractor()
    extraction = ArticlePipeline(places, extractor).extract(article(TEXT))
    assert calls == [TEXT]
    assert places.docs[0] is not None and places.docs[0].text == TEXT
    assert {(e.actor, e.place.name) for e in extraction.events} == {("Anna Weber", "Berlin")}


def test_a_geoparser_without_ner_is_not_handed_entities():
    places = _RecordingPlaces(use_ner=False)
    extractor, calls = _counting_extractor()
    ArticlePipeline(places, extractor).extract(article(TEXT))
    assert places.docs == [None] and calls == [TEXT]


def test_sharing_can_be_switched_off_and_changes_no_result():
    shared = ArticlePipeline(_RecordingPlaces(use_ner=True), EventExtractor()).extract(article(TEXT))
    apart_places = _RecordingPlaces(use_ner=True)
    apart = ArticlePipeline(apart_places, EventExtractor(), share_parse=False).extract(article(TEXT))
    assert apart_places.docs == [None]
    assert shared.events == apart.events and shared.mentions == apart.mentions


def test_the_full_pipeline_finds_the_entities_the_ner_only_pipeline_finds():
    # NER runs first, so the parser's sentence starts cannot cut an entity short.
    full = load_pipeline(EVENT_COMPONENTS)
    assert full.pipe_names[0] == "ner"
    text = "Ex-President George Bush Jr. Much of the day was spent in Texas. He then met Laura Bush in Dallas."
    assert analysis_from_doc(full(text)) == analysis_from_doc(load_pipeline()(text))


def test_the_geoparser_reads_documents_only_with_ner(gazetteer):
    from geo.text.geoparse import Geoparser

    assert Geoparser(gazetteer, use_ner=True).reads_documents
    assert not Geoparser(gazetteer, use_ner=False).reads_documents


def test_empty_text_is_not_parsed():
    places = _RecordingPlaces(use_ner=True)
    extractor, calls = _counting_extractor()
    ArticlePipeline(places, extractor).extract(ArticleText(text="   "))
    assert calls == []
