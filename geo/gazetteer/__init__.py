"""The offline gazetteer: place names to places, with no network."""

from geo.gazetteer.base import Candidate, Gazetteer, NameType
from geo.gazetteer.build import BuildReport, build_index
from geo.gazetteer.index import LookupBias, SqliteGazetteer, open_gazetteer
from geo.gazetteer.names import normalize_name
from geo.gazetteer.paths import default_index_path

__all__ = [
    "Candidate",
    "Gazetteer",
    "NameType",
    "normalize_name",
    "BuildReport",
    "build_index",
    "LookupBias",
    "SqliteGazetteer",
    "open_gazetteer",
    "default_index_path",
]
