"""The service's factories for worker processes in tests: importable by name, so that a spawned
process or a Dask worker finds them, with the small pipeline instead of the gazetteer and models."""

from __future__ import annotations

from app_fixtures import SOCHI, TRIP, VLADIVOSTOK
from pipelines import pipeline

__all__ = ["no_gazetteer", "small_pipeline"]


def no_gazetteer(_settings):
    return None


def small_pipeline(_settings, _gazetteer):
    return pipeline({"Vladivostok": VLADIVOSTOK, "Sochi": SOCHI}, TRIP)
