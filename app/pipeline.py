"""The production gazetteer and pipeline: the offline index, the geoparser and the event reader."""

from __future__ import annotations

from app.settings import Settings
from geo.gazetteer.base import Gazetteer
from geo.pipeline import ArticlePipeline

__all__ = ["open_configured_gazetteer", "build_pipeline"]


def open_configured_gazetteer(settings: Settings) -> Gazetteer:
    from geo.gazetteer.index import open_gazetteer

    return open_gazetteer(settings.gazetteer_path)


def build_pipeline(settings: Settings, gazetteer: Gazetteer) -> ArticlePipeline:
    from geo.text.events import EventExtractor
    from geo.text.geoparse import Geoparser

    return ArticlePipeline(
        places=Geoparser(gazetteer, use_ner=settings.use_ner),
        events=EventExtractor(),
        max_mentions=settings.max_mentions_per_article,
    )
