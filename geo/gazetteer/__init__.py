"""The offline gazetteer: place names to places, with no network.

    from geo.gazetteer import OfflineGeocoder
    OfflineGeocoder().geocode("Komsomolsk-on-Amur")     # the built index at data/gazetteer.sqlite

OfflineGeocoder (a geopy Geocoder) is imported on first use, so that the geoparser does not
pay for importing geopy.
"""

from typing import TYPE_CHECKING, Any

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
    "OfflineGeocoder",
]

if TYPE_CHECKING:
    from geo.gazetteer.geocoder import OfflineGeocoder


def __getattr__(name: str) -> Any:
    if name == "OfflineGeocoder":
        from geo.gazetteer.geocoder import OfflineGeocoder

        return OfflineGeocoder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
