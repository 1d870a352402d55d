"""Where the gazetteer index lives unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["INDEX_FILENAME", "default_index_path"]

INDEX_FILENAME = "gazetteer.sqlite"


def default_index_path() -> Path:
    """$ITINERANT_DATA_DIR/gazetteer.sqlite, or ./data/gazetteer.sqlite from the working directory."""
    return Path(os.environ.get("ITINERANT_DATA_DIR", "data")) / INDEX_FILENAME
