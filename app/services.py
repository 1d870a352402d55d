"""The long-lived things a running service holds: settings, the database engine, the pipeline.

Heavy parts (the gazetteer index, the NER model) load on first use, once per process, so the
service starts at once and the health check answers while they load.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from app.db import make_engine
from app.settings import Settings
from geo.pipeline import ArticlePipeline

__all__ = ["Services", "PipelineFactory"]

PipelineFactory = Callable[[Settings], ArticlePipeline]


@dataclass
class Services:
    settings: Settings
    engine: Engine
    pipeline_factory: PipelineFactory
    _pipeline: ArticlePipeline | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_settings(cls, settings: Settings, pipeline_factory: PipelineFactory | None = None) -> Services:
        if pipeline_factory is None:
            from app.pipeline import build_pipeline

            pipeline_factory = build_pipeline
        return cls(settings, make_engine(settings.resolved_database_url), pipeline_factory)

    @property
    def pipeline(self) -> ArticlePipeline:
        if self._pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    self._pipeline = self.pipeline_factory(self.settings)
        return self._pipeline
