"""Source records -> the rows of the index: places merged by id, names keyed and scored.

This is where the prior (prior.py) is applied, once, for every name of every place.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from geo.gazetteer.base import NameType
from geo.gazetteer.names import normalize_name
from geo.gazetteer.prior import (
    AREAL_FEATURE_KINDS,
    AREAL_FEATURE_POPULATION,
    CITY_CLAIM_POPULATION,
    DISTRICT_CITY_KM,
    DISTRICT_POPULATION_SHARE,
    NAME_TYPE_RANK,
    claims_name,
    is_strong,
    name_score,
    place_prior,
)
from geo.gazetteer.sources.records import AliasRecord, NameRecord, PlaceRecord
from geo.gazetteer.word_variants import word_variant_keys
from geo.geodesy import distance_km
from geo.model import Precision

__all__ = ["AssembledPlace", "NameRow", "Assembly", "assemble", "is_latin_key"]


@dataclass(slots=True)
class AssembledPlace:
    """One place of the index, merged from every record that shares its id."""

    row_id: int
    record: PlaceRecord
    lat: float
    lon: float
    population: int
    notable: bool
    names: list[NameRecord] = field(default_factory=list)
    admin1: str | None = None
    prior: float = 0.0
    # A population that only ranks the place (an airport's city, a district's share of its
    # city); it is never stored as the place's own.
    borrowed_population: int = 0


@dataclass(frozen=True, slots=True)
class NameRow:
    key: str
    score: float
    place: int
    name_type: NameType
    spelling: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Assembly:
    places: list[AssembledPlace]
    names: list[NameRow]
    unresolved_aliases: tuple[AliasRecord, ...]


def is_latin_key(key: str) -> bool:
    """Whether a key is written in Latin script (digits and spaces allowed).

    The service reads English text, so names in other scripts could never match; leaving
    them out keeps the index and the text matcher built from names() about a third smaller.
    """
    return all(ch.isascii() or not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in key)


def _looks_like_code(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 3


def _merge(records: Iterable[PlaceRecord]) -> list[AssembledPlace]:
    by_id: dict[str, AssembledPlace] = {}
    for record in records:
        entry = by_id.get(record.gazetteer_id)
        if entry is None:
            entry = AssembledPlace(
                row_id=len(by_id) + 1,
                record=record,
                lat=record.lat,
                lon=record.lon,
                population=record.population,
                notable=record.is_capital or record.notable,
            )
            by_id[record.gazetteer_id] = entry
        else:
            # A later source that knows the point better (a curated row, GeoNames' own) wins it.
            if record.authoritative_point:
                entry.lat, entry.lon = record.lat, record.lon
            entry.population = max(entry.population, record.population)
            entry.notable = entry.notable or record.is_capital or record.notable
        entry.names.extend(record.names)
        entry.names.append(NameRecord(record.name, NameType.OFFICIAL))
    return list(by_id.values())


# A supplementary town this close to a primary place of the same name is that place: a ZIP
# code's point can lie several kilometres from GeoNames' point for the town centre.
SUPPLEMENT_DUPLICATE_KM = 25.0
# Only a city of this size has districts a reader knows by name.
_DISTRICT_CITY_MIN_POPULATION = 100_000


def _drop_known_supplements(places: list[AssembledPlace]) -> list[AssembledPlace]:
    """Drop supplementary places that repeat a primary place, and renumber the rest."""
    known: dict[tuple[str | None, str | None, str], list[tuple[float, float]]] = {}
    for place in places:
        if place.record.supplementary or place.record.precision is not Precision.CITY:
            continue
        for name in {place.record.name, *(n.text for n in place.names if n.name_type is not NameType.CODE)}:
            slot = (place.record.country, place.record.admin1_code, normalize_name(name))
            known.setdefault(slot, []).append((place.lat, place.lon))

    def repeats(place: AssembledPlace) -> bool:
        slot = (place.record.country, place.record.admin1_code, normalize_name(place.record.name))
        nearby = known.get(slot, ())
        return any(distance_km(place.lat, place.lon, lat, lon) <= SUPPLEMENT_DUPLICATE_KM for lat, lon in nearby)

    kept = [p for p in places if not (p.record.supplementary and repeats(p))]
    for row_id, place in enumerate(kept, start=1):
        place.row_id = row_id
    return kept


def _name_table(places: list[AssembledPlace]) -> dict[tuple[str, int], tuple[NameType, str]]:
    """(key, place row) -> the most official name type and spelling under which the place has that key.

    Each name also gives its abbreviated-word variants ("Mt. Pleasant" for "Mount Pleasant",
    see word_variants.py) as alternate names of the same place.
    """
    table: dict[tuple[str, int], tuple[NameType, str]] = {}

    def keep(key: str, row_id: int, name_type: NameType, spelling: str) -> None:
        current = table.get((key, row_id))
        if current is None or NAME_TYPE_RANK[name_type] < NAME_TYPE_RANK[current[0]]:
            table[(key, row_id)] = (name_type, spelling)

    for place in places:
        for name in place.names:
            key = normalize_name(name.text)
            if not key or not is_latin_key(key):
                continue
            name_type = name.name_type
            if name_type is NameType.ALTERNATE and _looks_like_code(name.text):
                name_type = NameType.CODE
            keep(key, place.row_id, name_type, name.text)
            if name_type is not NameType.CODE:
                for variant in word_variant_keys(key):
                    keep(variant, place.row_id, NameType.ALTERNATE, name.text)
    return table


def _resolve_aliases(
    aliases: Iterable[AliasRecord],
    places: list[AssembledPlace],
    table: dict[tuple[str, int], tuple[NameType, str]],
) -> list[AliasRecord]:
    """Add each demonym or abbreviation to the place it names; return those that name nothing."""
    by_row = {p.row_id: p for p in places}
    # (kind, country, key) -> the likeliest place of that kind and name in that country.
    targets: dict[tuple[str, str | None, str], AssembledPlace] = {}
    for (key, row_id), _name_and_spelling in table.items():
        place = by_row[row_id]
        slot = (place.record.kind, place.record.country, key)
        best = targets.get(slot)
        if best is None or place.prior > best.prior:
            targets[slot] = place
    countries = {p.record.country: p for p in places if p.record.kind == "country"}
    unresolved = []
    for alias in aliases:
        if alias.kind == "country" and alias.target_name is None:
            target = countries.get(alias.country)
        else:
            target = targets.get((alias.kind, alias.country, normalize_name(alias.target_name or "")))
        if target is None:
            unresolved.append(alias)
            continue
        key = normalize_name(alias.text)
        current = table.get((key, target.row_id))
        if key and (current is None or NAME_TYPE_RANK[alias.name_type] < NAME_TYPE_RANK[current[0]]):
            table[(key, target.row_id)] = (alias.name_type, alias.text)
    return unresolved


def _borrow_served_populations(places: list[AssembledPlace]) -> None:
    """An airport ranks as the city it serves: "Heathrow" is London's airport before a Florida town."""
    cities: dict[tuple[str | None, str], int] = {}
    for place in places:
        if place.record.kind == "city":
            slot = (place.record.country, normalize_name(place.record.name))
            cities[slot] = max(cities.get(slot, 0), place.population)
    for place in places:
        if place.record.serves and not place.population:
            place.borrowed_population = cities.get((place.record.country, normalize_name(place.record.serves)), 0)


def _borrow_district_populations(places: list[AssembledPlace]) -> None:
    """A city district ranks as a town of a hundredth of its city (prior.py, DISTRICT_POPULATION_SHARE).

    Its city is the most populous place within DISTRICT_CITY_KM; cities are bucketed by whole
    degrees so that each district compares itself with the few nearby ones only.
    """
    districts = [p for p in places if p.record.kind == "district" and not p.population]
    if not districts:
        return
    cells: dict[tuple[int, int], list[AssembledPlace]] = {}
    for place in places:
        if place.record.kind == "city" and place.population >= _DISTRICT_CITY_MIN_POPULATION:
            cells.setdefault((math.floor(place.lat), math.floor(place.lon)), []).append(place)
    for district in districts:
        row, col = math.floor(district.lat), math.floor(district.lon)
        nearby = (
            city
            for d_row in (-1, 0, 1)
            for d_col in (-1, 0, 1)
            for city in cells.get((row + d_row, (col + d_col + 180) % 360 - 180), ())
            if distance_km(district.lat, district.lon, city.lat, city.lon) <= DISTRICT_CITY_KM
        )
        biggest = max((city.population for city in nearby), default=0)
        district.borrowed_population = int(biggest * DISTRICT_POPULATION_SHARE)


def assemble(
    records: Iterable[PlaceRecord],
    aliases: Iterable[AliasRecord],
    progress: Callable[[str], None] | None = None,
) -> Assembly:
    """Merge, name and score every place."""
    say = progress or (lambda message: None)
    merged = _merge(records)
    places = _drop_known_supplements(merged)
    say(f"merged {len(places):,} places ({len(merged) - len(places):,} supplementary ones already known)")
    admin1_names = {
        (p.record.country, p.record.admin1_code): p.record.name for p in places if p.record.kind == "admin1"
    }
    _borrow_served_populations(places)
    _borrow_district_populations(places)
    for place in places:
        record = place.record
        if record.precision not in (Precision.COUNTRY, Precision.ADMIN1):
            place.admin1 = admin1_names.get((record.country, record.admin1_code))
        ranking_population = _ranking_population(place)
        if (
            place.notable
            and record.kind in AREAL_FEATURE_KINDS
            and record.precision is not Precision.COUNTRY
            and not ranking_population
        ):
            ranking_population = AREAL_FEATURE_POPULATION
        place.prior = place_prior(record.kind, record.precision, ranking_population, notable=place.notable)
    table = _name_table(places)
    unresolved = _resolve_aliases(aliases, places, table)
    say(f"keyed {len(table):,} names; {len(unresolved)} alias(es) name no place")
    by_row = {p.row_id: p for p in places}
    strongest: dict[str, float] = {}
    city_claims: dict[str, int] = {}  # key -> the population of the largest city whose own name it is
    region_keys: set[str] = set()  # the own names of countries and first-level regions
    for (key, row_id), (name_type, _) in table.items():
        if is_strong(name_type):
            place = by_row[row_id]
            if place.prior > strongest.get(key, -1.0):
                strongest[key] = place.prior
            if place.record.kind == "city":
                city_claims[key] = max(city_claims.get(key, 0), _ranking_population(place))
            if place.record.precision in (Precision.COUNTRY, Precision.ADMIN1):
                region_keys.add(key)
    rows = []
    for (key, row_id), (name_type, spelling) in table.items():
        place = by_row[row_id]
        noisy = (
            not is_strong(name_type)
            and not (key not in region_keys and _short_form(key, place))
            and (
                strongest.get(key, -1.0) > place.prior
                or claims_name(city_claims.get(key, 0), _ranking_population(place))
            )
        )
        rows.append(
            NameRow(
                key, name_score(place.prior, name_type, noisy=noisy), row_id, name_type, spelling, place.record.country
            )
        )
    return Assembly(places, rows, tuple(unresolved))


def _short_form(key: str, place: AssembledPlace) -> bool:
    """A big city's name cut to its first words, as its own country writes it: "Newcastle" for
    Newcastle upon Tyne, "Stoke" for Stoke-on-Trent. Not noisy, though towns elsewhere own the
    name (Newcastle, New South Wales): where the story is in the city's country, the city is meant."""
    return (
        place.record.kind == "city"
        and _ranking_population(place) >= CITY_CLAIM_POPULATION
        and normalize_name(place.record.name).startswith(key + " ")
    )


def _ranking_population(place: AssembledPlace) -> int:
    """The population a place is ranked by: its own, or what it borrows (an airport its city's)."""
    return max(place.population, place.borrowed_population)
