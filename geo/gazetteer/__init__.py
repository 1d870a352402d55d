"""The offline gazetteer: place names to places, with no network."""

from geo.gazetteer.base import Candidate, Gazetteer, NameType
from geo.gazetteer.names import normalize_name

__all__ = ["Candidate", "Gazetteer", "NameType", "normalize_name"]
