"""The session-wide `gazetteer` fixture: the full offline index, built first when absent or stale.

The index lives at $ITINERANT_DATA_DIR/gazetteer.sqlite (default ./data/ at the repo root);
build_index returns at once when the index there matches its sources.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.gazetteer.build import build_index
from geo.gazetteer.index import SqliteGazetteer, open_gazetteer
from geo.gazetteer.paths import INDEX_FILENAME

__all__ = ["gazetteer", "full_index_path"]

REPO_ROOT = Path(__file__).resolve().parent.parent


def full_index_path() -> Path:
    """Where the tests find (or build) the full index."""
    data_dir = Path(os.environ.get("ITINERANT_DATA_DIR", REPO_ROOT / "data"))
    if not data_dir.is_absolute():
        data_dir = REPO_ROOT / data_dir
    return data_dir / INDEX_FILENAME


@pytest.fixture(scope="session")
def gazetteer() -> Iterator[SqliteGazetteer]:
    """The full gazetteer index, opened once per test session."""
    path = full_index_path()
    build_index(path)
    index = open_gazetteer(path)
    yield index
    index.close()
