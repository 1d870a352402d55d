"""Where the gazetteer index lives unless told otherwise.

The library reads no environment variable: the service passes its configured data directory
(app/settings.py, ITINERANT_DATA_DIR); anything else names a path or gets ./data/.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["INDEX_FILENAME", "DEFAULT_DATA_DIR", "default_index_path"]

INDEX_FILENAME = "gazetteer.sqlite"
DEFAULT_DATA_DIR = Path("data")


def default_index_path(data_dir: str | Path = DEFAULT_DATA_DIR) -> Path:
    """The index in `data_dir`: ./data/gazetteer.sqlite from the working directory unless given."""
    return Path(data_dir) / INDEX_FILENAME
