"""The SQLite layout of the index file: one place per row, one (name key, place) per row.

places(id, place_id, geonameid, name, lat, lon, kind, precision, country, admin1,
       admin1_code, population, prior)
names(key, score, place, name_type, spelling, country)   WITHOUT ROWID, clustered by
       (key, score DESC, place): a lookup reads one contiguous run, best first
region_codes(country, code, place)   ISO 3166-2 suffixes, for "Victoria, BC" only
places_rtree(id, min_lat, max_lat, min_lon, max_lon)    populated places, for reverse
meta(key, value)                      fingerprint, builder version, counts

The places' `place_id` column holds the gazetteer key, `geo.model.Place.gazetteer_id`: the
column keeps its name so that index files already built stay readable.
"""

from __future__ import annotations

from geo.gazetteer.base import NameType

__all__ = ["SCHEMA", "INDEXES", "NAME_TYPE_CODES", "NAME_TYPE_BY_CODE", "PLACE_COLUMNS"]

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL UNIQUE,
    geonameid INTEGER,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    kind TEXT NOT NULL,
    precision TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    admin1_code TEXT,
    population INTEGER NOT NULL,
    prior REAL NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL,
    score REAL NOT NULL,
    place INTEGER NOT NULL,
    name_type INTEGER NOT NULL,
    spelling TEXT NOT NULL,
    country TEXT,
    PRIMARY KEY (key, score DESC, place)
) WITHOUT ROWID;
CREATE TABLE region_codes (
    country TEXT NOT NULL,
    code TEXT NOT NULL,
    place INTEGER NOT NULL,
    PRIMARY KEY (code, country, place)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
"""

# Built after the bulk insert: cheaper than maintaining them row by row.
INDEXES = """
CREATE INDEX places_geonameid ON places (geonameid) WHERE geonameid IS NOT NULL;
CREATE INDEX places_kind_country ON places (kind, country);
"""

# Name types are stored as small integers: the names table is the bulk of the file.
NAME_TYPE_CODES: dict[NameType, int] = {t: i for i, t in enumerate(NameType)}
NAME_TYPE_BY_CODE: dict[int, NameType] = {i: t for t, i in NAME_TYPE_CODES.items()}

PLACE_COLUMNS = "id, place_id, name, lat, lon, kind, precision, country, admin1, geonameid, population"
