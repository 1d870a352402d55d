"""Build the gazetteer index: read every source, assemble, write one SQLite file atomically.

    report = build_index(Path("data/gazetteer.sqlite"))

The file is written next to its destination and renamed over it, so readers never see half
an index. When the stored fingerprint matches the sources and `force` is false, nothing is
rebuilt: the README's setup runs this on every start.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from geo.gazetteer.assemble import Assembly, assemble
from geo.gazetteer.fingerprint import BUILDER_VERSION, source_fingerprint
from geo.gazetteer.schema import INDEXES, NAME_TYPE_CODES, SCHEMA
from geo.gazetteer.sources import (
    AliasRecord,
    PlaceRecord,
    read_airports,
    read_cities,
    read_continents,
    read_countries,
    read_country_demonyms,
    read_curated_abbreviations,
    read_curated_demonyms,
    read_curated_places,
    read_subdivisions,
    read_us_postal_places,
)
from geo.gazetteer.sources.curated import (
    CURATED_DIR,
    read_country_points,
    read_curated_place_demonyms,
    read_region_points,
)

__all__ = ["BuildReport", "build_index", "write_index", "stored_fingerprint"]

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: `skipped` when the index was already up to date."""

    path: Path
    seconds: float
    bytes: int
    places: int
    names: int
    skipped: bool


def stored_fingerprint(path: Path) -> str | None:
    """The fingerprint recorded in an index file, or None if there is no readable one."""
    if not path.is_file():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _stored_counts(path: Path) -> tuple[int, int]:
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        meta = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('places', 'names')"))
    return int(meta.get("places", 0)), int(meta.get("names", 0))


def _records(curated_dir: Path) -> Iterator[PlaceRecord]:
    # Order matters only for merged ids: a later authoritative point wins (curated last).
    return chain(
        read_countries(read_country_points(curated_dir)),
        read_continents(),
        read_subdivisions(read_region_points(curated_dir)),
        read_cities(),
        read_airports(),
        read_curated_places(curated_dir),
        read_us_postal_places(),
    )


def _aliases(curated_dir: Path) -> Iterator[AliasRecord]:
    return chain(
        read_country_demonyms(),
        read_curated_demonyms(curated_dir),
        read_curated_place_demonyms(curated_dir),
        read_curated_abbreviations(curated_dir),
    )


def write_index(path: Path, assembly: Assembly, meta: dict[str, str]) -> None:
    """Write an assembled index to `path` atomically (temp file in the same folder, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        db = sqlite3.connect(temp)
        try:
            # A throwaway file until the rename: durability settings would only slow the build.
            db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;")
            db.executescript(SCHEMA)
            _insert(db, assembly, meta)
            db.executescript(INDEXES)
            db.commit()
            db.execute("ANALYZE")
            db.commit()
        finally:
            db.close()
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _insert(db: sqlite3.Connection, assembly: Assembly, meta: dict[str, str]) -> None:
    db.executemany(
        "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                p.row_id,
                p.record.gazetteer_id,
                p.record.geonameid,
                p.record.name,
                p.lat,
                p.lon,
                p.record.kind,
                p.record.precision.value,
                p.record.country,
                p.admin1,
                p.record.admin1_code,
                p.population,
                p.prior,
            )
            for p in assembly.places
        ),
    )
    # Sorted by the primary key, the clustered names table is appended to, not reshuffled.
    rows = sorted(assembly.names, key=lambda n: (n.key, -n.score, n.place))
    db.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?, ?, ?)",
        ((n.key, n.score, n.place, NAME_TYPE_CODES[n.name_type], n.spelling, n.country) for n in rows),
    )
    db.executemany(
        "INSERT OR IGNORE INTO region_codes VALUES (?, ?, ?)",
        (
            (p.record.country, code.upper(), p.row_id)
            for p in assembly.places
            if p.record.country
            for code in p.record.qualifier_codes
        ),
    )
    db.executemany(
        "INSERT INTO places_rtree VALUES (?, ?, ?, ?, ?)",
        ((p.row_id, p.lat, p.lat, p.lon, p.lon) for p in assembly.places if p.record.kind == "city"),
    )
    meta = {**meta, "places": str(len(assembly.places)), "names": str(len(rows)), "builder_version": BUILDER_VERSION}
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def build_index(
    path: Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
    curated_dir: Path = CURATED_DIR,
    records: Iterable[PlaceRecord] | None = None,
    aliases: Iterable[AliasRecord] | None = None,
) -> BuildReport:
    """Build the index at `path` unless it is already built from the same sources.

    `records` and `aliases` replace the installed sources (tests build tiny indexes this way);
    the fingerprint check is skipped for them, since they have no versions.
    """
    say = progress or (lambda message: None)
    started = time.perf_counter()
    path = Path(path)
    custom = records is not None or aliases is not None
    fingerprint = "custom" if custom else source_fingerprint(curated_dir)
    if not force and not custom and stored_fingerprint(path) == fingerprint:
        places, names = _stored_counts(path)
        say(f"gazetteer index {path} is up to date")
        return BuildReport(path, time.perf_counter() - started, path.stat().st_size, places, names, skipped=True)
    say("reading sources")
    assembly = assemble(
        records if records is not None else _records(curated_dir),
        aliases if aliases is not None else ([] if custom else _aliases(curated_dir)),
        progress=say,
    )
    say(f"writing {path}")
    write_index(path, assembly, {"fingerprint": fingerprint})
    seconds = time.perf_counter() - started
    say(f"built {len(assembly.places):,} places, {len(assembly.names):,} names in {seconds:.1f} s")
    return BuildReport(path, seconds, path.stat().st_size, len(assembly.places), len(assembly.names), skipped=False)
