"""Readers of the gazetteer's sources: each yields PlaceRecords or AliasRecords from one package or table."""

from geo.gazetteer.sources.airports import read_airports
from geo.gazetteer.sources.continents import read_continents
from geo.gazetteer.sources.countries import read_countries, read_country_demonyms
from geo.gazetteer.sources.curated import (
    read_curated_abbreviations,
    read_curated_demonyms,
    read_curated_places,
)
from geo.gazetteer.sources.geonames_cities import read_cities
from geo.gazetteer.sources.records import AliasRecord, NameRecord, PlaceRecord
from geo.gazetteer.sources.subdivisions import read_subdivisions
from geo.gazetteer.sources.us_postal_places import read_us_postal_places

__all__ = [
    "AliasRecord",
    "NameRecord",
    "PlaceRecord",
    "read_airports",
    "read_cities",
    "read_continents",
    "read_countries",
    "read_country_demonyms",
    "read_curated_abbreviations",
    "read_curated_demonyms",
    "read_curated_places",
    "read_subdivisions",
    "read_us_postal_places",
]
