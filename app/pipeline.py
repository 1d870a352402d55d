"""The production pipeline: the offline gazetteer, the geoparser and the event reader."""

from __future__ import annotations

from app.settings import Settings
from geo.pipeline import ArticlePipeline

__all__ = ["build_pipeline"]


def build_pipeline(settings: Settings) -> ArticlePipeline:
    from geo.gazetteer.index import open_gazetteer
    from geo.text.geoparse import Geoparser

    gazetteer = open_gazetteer(settings.gazetteer_path)
    return ArticlePipeline(places=Geoparser(gazetteer, use_ner=settings.use_ner))
