"""OfflineGeocoder behaves like a geopy geocoder; GeocoderChain falls back online only when asked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gazetteer_fixture import full_index_path
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import GazetteerNotBuiltError, InvalidInputError
from geo.gazetteer.chain import GeocodeCache, GeocoderChain, MemoryCache, cache_key
from geo.gazetteer.geocoder import OfflineGeocoder
from geo.gazetteer.index import SqliteGazetteer
from geo.gazetteer.paths import default_index_path


@pytest.fixture()
def geocoder(tiny: SqliteGazetteer) -> OfflineGeocoder:
    return OfflineGeocoder(tiny)


def test_is_a_geopy_geocoder(geocoder: OfflineGeocoder) -> None:
    assert isinstance(geocoder, Geocoder)


def test_geocode_returns_one_location_with_raw_details(geocoder: OfflineGeocoder) -> None:
    location = geocoder.geocode("Paris, Texas")
    assert isinstance(location, Location)
    assert (round(location.latitude, 2), round(location.longitude, 2)) == (33.66, -95.56)
    assert location.address == "Paris, Texas, United States"
    raw = location.raw
    assert raw["geonameid"] == 4717560
    assert raw["gazetteer_id"] == "geonames:4717560"
    assert (raw["kind"], raw["precision"], raw["country"], raw["admin1"]) == ("city", "city", "US", "Texas")
    assert raw["population"] == 24_782
    assert 0.0 < raw["score"] <= 1.0


def test_geocode_many_and_country_codes(geocoder: OfflineGeocoder) -> None:
    locations = geocoder.geocode("Moscow", exactly_one=False)
    assert [loc.raw["country"] for loc in locations] == ["RU", "US"]
    assert len(geocoder.geocode("Moscow", exactly_one=False, limit=1)) == 1
    only_us = geocoder.geocode("Moscow", country_codes="us")
    assert only_us.raw["geonameid"] == 5601538


def test_geocode_structured_query(geocoder: OfflineGeocoder) -> None:
    assert geocoder.geocode({"city": "Paris", "state": "Texas"}).raw["geonameid"] == 4717560


def test_geocode_unknown_gives_none(geocoder: OfflineGeocoder) -> None:
    assert geocoder.geocode("Atlantis") is None
    assert geocoder.geocode("Atlantis", exactly_one=False) is None
    with pytest.raises(InvalidInputError):
        geocoder.geocode("  ")


def test_min_score_drops_weak_candidates(tiny: SqliteGazetteer) -> None:
    strict = OfflineGeocoder(tiny, min_score=0.99)
    assert strict.geocode("Moscow") is None


def test_reverse_gives_place_region_and_country(geocoder: OfflineGeocoder) -> None:
    location = geocoder.reverse("33.7, -95.5")
    assert location.address == "Paris, Texas, United States"
    assert location.raw["geonameid"] == 4717560
    assert location.raw["distance_km"] < 10
    same = geocoder.reverse(Point(33.7, -95.5), exactly_one=False)
    assert [loc.raw["geonameid"] for loc in same] == [4717560]
    with pytest.raises(InvalidInputError):
        geocoder.reverse("not a point")


class FakeOnlineGeocoder(Geocoder):
    """A geopy geocoder that answers from a dict and counts its calls: no network."""

    def __init__(self, answers: dict[str, tuple[float, float]]) -> None:
        super().__init__()
        self.answers = answers
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def geocode(self, query: str, *, exactly_one: bool = True, country_codes: Any = None) -> Any:
        self.calls.append((query, {"exactly_one": exactly_one, "country_codes": country_codes}))
        if query not in self.answers:
            return None
        location = Location(f"{query} (online)", Point(*self.answers[query]), {"source": "fake"})
        return location if exactly_one else [location]


def test_chain_is_offline_only_by_default(geocoder: OfflineGeocoder) -> None:
    chain = GeocoderChain(geocoder)
    assert chain.geocode("Moscow").raw["geonameid"] == 524901
    assert chain.geocode("Atlantis") is None


def test_chain_asks_online_only_for_what_offline_lacks_and_caches_it(geocoder: OfflineGeocoder) -> None:
    online = FakeOnlineGeocoder({"Atlantis": (36.4, 25.4)})
    cache = MemoryCache()
    chain = GeocoderChain(geocoder, online=online, cache=cache, min_delay_seconds=0.0)
    assert chain.geocode("Moscow").raw["geonameid"] == 524901
    assert online.calls == []
    first = chain.geocode("Atlantis", country_codes=["gr"])
    assert (first.latitude, first.longitude, first.raw) == (36.4, 25.4, {"source": "fake"})
    assert online.calls == [("Atlantis", {"exactly_one": False, "country_codes": ["gr"]})]
    again = chain.geocode("atlantis", country_codes=["GR"])  # same key: served from the cache
    assert again.address == first.address
    assert len(online.calls) == 1
    assert chain.geocode("Lemuria") is None and chain.geocode("Lemuria") is None
    assert len(online.calls) == 2  # a miss is cached too
    assert cache.get(cache_key("Lemuria", None)) == []


def test_chain_falls_back_when_offline_is_too_weak(geocoder: OfflineGeocoder) -> None:
    online = FakeOnlineGeocoder({"Moscow": (1.0, 2.0)})
    chain = GeocoderChain(geocoder, online=online, offline_min_score=0.99, min_delay_seconds=0.0)
    assert chain.geocode("Moscow").raw == {"source": "fake"}


def test_memory_cache_is_a_bounded_geocode_cache() -> None:
    cache = MemoryCache(max_entries=2)
    assert isinstance(cache, GeocodeCache)
    cache.set("a", [])
    cache.set("b", [{"address": "B", "lat": 0.0, "lon": 0.0, "raw": {}}])
    cache.get("a")
    cache.set("c", [])
    assert cache.get("b") is None and cache.get("a") == [] and cache.get("c") == []


def test_is_importable_from_the_package() -> None:
    from geo.gazetteer import OfflineGeocoder as exported

    assert exported is OfflineGeocoder


def _working_directory_with_index(index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "gazetteer.sqlite").symlink_to(index)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data" / "gazetteer.sqlite"


def test_the_default_index_path_is_in_the_data_directory_given_and_no_environment_changes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ITINERANT_DATA_DIR", "/elsewhere")
    assert default_index_path() == Path("data") / "gazetteer.sqlite"
    assert default_index_path("/srv/itinerant") == Path("/srv/itinerant/gazetteer.sqlite")


def test_opens_the_default_index_or_a_path(
    tiny_index_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _working_directory_with_index(tiny_index_path, tmp_path, monkeypatch)
    by_default = OfflineGeocoder()
    assert by_default.gazetteer.path.resolve() == tiny_index_path.resolve()
    assert by_default.geocode("Paris, Texas").raw["geonameid"] == 4717560
    assert OfflineGeocoder(str(tiny_index_path)).geocode("Paris, Texas").raw["geonameid"] == 4717560


def test_without_a_built_index_it_says_how_to_build_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(GazetteerNotBuiltError, match="itinerant gazetteer build"):
        OfflineGeocoder()


def test_with_no_argument_it_geocodes_from_the_built_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = full_index_path()
    if not path.is_file():
        pytest.skip(f"the gazetteer index is not built at {path}")
    _working_directory_with_index(path.resolve(), tmp_path, monkeypatch)
    location = OfflineGeocoder().geocode("Komsomolsk-on-Amur")
    assert location.raw["geonameid"] == 2021851
