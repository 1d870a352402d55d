"""The fingerprint of an index's sources: when it is unchanged, the index need not be rebuilt.

It covers the versions of the data packages, the bytes of the curated tables and the source
code that turns them into rows (so a change to the builder or to name keys rebuilds too).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from geo.gazetteer.sources.curated import CURATED_FILES
from geo.gazetteer.sources.package_data import SOURCE_DISTRIBUTIONS, package_version

__all__ = ["BUILDER_VERSION", "source_fingerprint"]

# Bump when the index's layout changes in a way its code hash alone would not show.
BUILDER_VERSION = "1"

_PACKAGE_DIR = Path(__file__).resolve().parent
# The modules whose code decides the index's content.
_BUILDER_MODULES = ("names.py", "word_variants.py", "prior.py", "assemble.py", "schema.py", "build.py", "sources")


def _code_hash() -> str:
    digest = hashlib.sha256()
    for entry in _BUILDER_MODULES:
        path = _PACKAGE_DIR / entry
        files = sorted(path.glob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def source_fingerprint(curated_dir: Path) -> str:
    """A short stable hash of everything the index is built from."""
    parts: dict[str, str] = {"builder": BUILDER_VERSION, "code": _code_hash()}
    for import_name in SOURCE_DISTRIBUTIONS:
        parts[import_name] = package_version(import_name)
    for name in CURATED_FILES:
        path = curated_dir / name
        parts[name] = hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else "absent"
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:24]
