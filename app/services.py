"""The long-lived things a running service holds: settings, the database engine, the gazetteer
and the pipeline.

Heavy parts (the gazetteer index, the NER model) load on first use, once per process, so the
service starts at once and the health check answers while they load.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from app.db import make_engine
from app.fetch import Fetcher
from app.settings import Settings
from geo.errors import GazetteerError
from geo.gazetteer.base import Gazetteer
from geo.gazetteer.chain import GeocoderChain
from geo.maps import basemap_labels, major_cities
from geo.model import ArticleText, Extraction
from geo.pipeline import ArticlePipeline

__all__ = ["Services", "SerializedPipeline", "GazetteerFactory", "PipelineFactory"]

GazetteerFactory = Callable[[Settings], Gazetteer]
PipelineFactory = Callable[[Settings, Gazetteer], ArticlePipeline]


class SerializedPipeline:
    """The pipeline, one article at a time: spaCy's models are not safe to call from several
    threads at once, and FastAPI runs each ingest in a thread of its pool. (Reading is CPU work
    under the GIL anyway, so little is lost; more throughput comes from more worker processes.)"""

    def __init__(self, pipeline: ArticlePipeline) -> None:
        self.pipeline = pipeline
        self._lock = threading.Lock()

    def extract(self, article: ArticleText) -> Extraction:
        with self._lock:
            return self.pipeline.extract(article)


@dataclass
class Services:
    settings: Settings
    engine: Engine
    gazetteer_factory: GazetteerFactory
    pipeline_factory: PipelineFactory
    _gazetteer: Gazetteer | None = field(default=None, repr=False)
    _pipeline: SerializedPipeline | None = field(default=None, repr=False)
    _geocoder: GeocoderChain | None = field(default=None, repr=False)
    _fetcher: Fetcher | None = field(default=None, repr=False)
    _map_labels: dict | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> Services:
        from app.pipeline import build_pipeline, open_configured_gazetteer

        engine = make_engine(settings.resolved_database_url, **settings.pool_options)
        return cls(settings, engine, open_configured_gazetteer, build_pipeline)

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    self._gazetteer = self.gazetteer_factory(self.settings)
        return self._gazetteer

    @property
    def geocoder(self) -> GeocoderChain:
        if self._geocoder is None:
            from app.geocoding import build_geocoder

            gazetteer = self.gazetteer
            with self._lock:
                if self._geocoder is None:
                    self._geocoder = build_geocoder(self.settings, gazetteer, self.engine)
        return self._geocoder

    @property
    def pipeline(self) -> SerializedPipeline:
        if self._pipeline is None:
            gazetteer = self.gazetteer
            with self._lock:
                if self._pipeline is None:
                    self._pipeline = SerializedPipeline(self.pipeline_factory(self.settings, gazetteer))
        return self._pipeline

    @property
    def fetcher(self) -> Fetcher:
        """The HTTP client for articles by URL and for feeds."""
        if self._fetcher is None:
            with self._lock:
                if self._fetcher is None:
                    self._fetcher = Fetcher.from_settings(self.settings)
        return self._fetcher

    @property
    def map_labels(self) -> dict:
        """The offline basemap's labels (geo.maps.labels), built once: cities from the gazetteer when
        there is one, country names alone when there is none (the maps still work without it)."""
        if self._map_labels is None:
            try:
                gazetteer = self.gazetteer
                cities, capitals = major_cities(gazetteer) if gazetteer is not None else ([], [])
            except GazetteerError:
                cities, capitals = [], []
            labels = basemap_labels(cities, capitals)
            with self._lock:
                if self._map_labels is None:
                    self._map_labels = labels
        return self._map_labels
