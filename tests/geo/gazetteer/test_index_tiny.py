"""The index's behaviour on a tiny gazetteer built from records: ranking, noise, qualifiers, misses."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from geo.errors import GazetteerNotBuiltError, InvalidInputError, NotFoundError
from geo.gazetteer.base import Gazetteer, NameType
from geo.gazetteer.index import LookupBias, SqliteGazetteer, open_gazetteer
from geo.gazetteer.prior import CITY_CLAIM_POPULATION, NAME_TYPE_WEIGHT, NOISY_FACTOR, claims_name


def first_id(gazetteer: SqliteGazetteer, name: str, **options: object) -> str | None:
    found = gazetteer.lookup(name, **options)  # type: ignore[arg-type]
    return found[0].place.gazetteer_id if found else None


def test_implements_the_gazetteer_protocol(tiny: SqliteGazetteer) -> None:
    assert isinstance(tiny, Gazetteer)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Moscow", "geonames:524901"),  # the capital of 10 million before the Idaho town
        ("moscow", "geonames:524901"),
        ("MOSCOW", "geonames:524901"),
        ("Moskva", "geonames:524901"),
        ("Paris", "geonames:2988507"),
        ("Paris, Texas", "geonames:4717560"),
        ("Paris, TX", "geonames:4717560"),
        ("Paris, Tex.", "geonames:4717560"),
        ("Paris, United States", "geonames:4717560"),
        ("Paris, France", "geonames:2988507"),
        ("Moscow, US", "geonames:5601538"),
        ("UK", "geonames:2635167"),  # an abbreviation, not the Russian village's alternate name
        ("ACT", "geonames:2177478"),  # the territory, not Waco airport's IATA code
        ("Russian", "geonames:2017370"),
        ("Ciudad de México", "geonames:3530597"),
        ("Mexico", "geonames:3996063"),
        ("Waco", "geonames:4739526"),
    ],
)
def test_lookup_ranks_the_likeliest_place_first(tiny: SqliteGazetteer, query: str, expected: str) -> None:
    assert first_id(tiny, query) == expected


@pytest.mark.parametrize("query", ["Atlantis", "", "   ", "Paris, Atlantis", "Moscow, Texas", ",", "Par is"])
def test_unknown_names_give_no_candidates(tiny: SqliteGazetteer, query: str) -> None:
    assert tiny.lookup(query) == []


def test_noisy_alternate_is_halved_and_ranked_below_official_owners(tiny: SqliteGazetteer) -> None:
    found = tiny.lookup("UK")
    # The town is bigger than the village, but "Uk" is only an alternate of its name while it
    # is the village's own (and an abbreviation of the country's), so it comes last.
    assert [c.place.gazetteer_id for c in found] == ["geonames:2635167", "geonames:1488616", "curated:ukovo"]
    town = found[2]
    assert town.name_type is NameType.ALTERNATE
    unpenalised = tiny.get("curated:ukovo")
    assert town.score < found[1].score
    assert unpenalised.population > tiny.get("geonames:1488616").population


def test_a_big_city_keeps_its_own_name_from_a_smaller_capitals_alternate(tiny: SqliteGazetteer) -> None:
    # Amman is a capital (a prior a city's population alone does not give) and had "Philadelphia"
    # among its names; the bigger city whose own name it is comes first, Amman's reading halved.
    city, *rest = tiny.lookup("Philadelphia")
    assert city.place.gazetteer_id == "geonames:4560349"
    (amman,) = [c for c in rest if c.place.gazetteer_id == "geonames:250441"]
    assert amman.name_type is NameType.ALTERNATE
    assert amman.score == pytest.approx(
        tiny.lookup("Amman")[0].score * NAME_TYPE_WEIGHT[NameType.ALTERNATE] * NOISY_FACTOR
    )


def test_a_place_bigger_than_the_city_keeps_its_alternate_at_full_weight(tiny: SqliteGazetteer) -> None:
    found = {c.place.gazetteer_id: c for c in tiny.lookup("St. Petersburg")}
    russian = found["geonames:498817"]
    assert russian.name_type is NameType.ALTERNATE
    assert russian.score == pytest.approx(
        tiny.lookup("Saint Petersburg")[0].score * NAME_TYPE_WEIGHT[NameType.ALTERNATE]
    )


def test_a_big_city_s_short_form_is_no_noise(tiny: SqliteGazetteer) -> None:
    # "Newcastle" is Newcastle upon Tyne's short form: ranked below the bigger Australian city
    # that owns the name, but at an alternate's full weight, so that a story of Britain means it
    # rather than the Northern Irish town of 7,000.
    assert first_id(tiny, "Newcastle") == "geonames:2155472"
    found = {c.place.gazetteer_id: c for c in tiny.lookup("Newcastle")}
    short = found["geonames:2641673"]
    assert short.name_type is NameType.ALTERNATE
    assert short.score == pytest.approx(
        tiny.lookup("Newcastle upon Tyne")[0].score * NAME_TYPE_WEIGHT[NameType.ALTERNATE]
    )
    assert first_id(tiny, "Newcastle", bias=LookupBias(countries=("GB",))) == "geonames:2641673"


@pytest.mark.parametrize(
    ("city", "holder", "claims"),
    [
        (1_573_916, 1_275_857, True),  # a bigger city takes its own name back
        (257_083, 5_351_935, False),  # not from a place twenty times its size
        (90_000, 10_000, False),  # nor a town under CITY_CLAIM_POPULATION
        (CITY_CLAIM_POPULATION, CITY_CLAIM_POPULATION, True),
    ],
)
def test_claims_name(city: int, holder: int, claims: bool) -> None:
    assert claims_name(city, holder) is claims


def test_capitalised_short_alternates_count_as_codes(tiny: SqliteGazetteer) -> None:
    (moscow,) = tiny.lookup("MOW")
    assert moscow.name_type is NameType.CODE
    assert moscow.score < tiny.lookup("Moscow")[0].score * NOISY_FACTOR * 2


def test_candidates_carry_match_details(tiny: SqliteGazetteer) -> None:
    (russia,) = tiny.lookup("Russian")
    assert russia.name_type is NameType.DEMONYM
    assert russia.matched_name == "Russian"
    (city, *_) = tiny.lookup("Moskva")
    assert city.name_type is NameType.ALTERNATE


def test_scores_lie_in_unit_interval_and_descend(tiny: SqliteGazetteer) -> None:
    for name in ["Moscow", "Paris", "UK", "ACT", "Mexico", "Texas"]:
        scores = [c.score for c in tiny.lookup(name)]
        assert scores == sorted(scores, reverse=True)
        assert all(0.0 <= s <= 1.0 for s in scores)


def test_country_codes_filter_strictly(tiny: SqliteGazetteer) -> None:
    assert [c.place.gazetteer_id for c in tiny.lookup("Moscow", country_codes=["us"])] == ["geonames:5601538"]
    assert tiny.lookup("Moscow", country_codes=["GB"]) == []


def test_bias_prefers_without_excluding(tiny: SqliteGazetteer) -> None:
    near_idaho = LookupBias(near=(46.7, -117.0), radius_km=100)
    found = tiny.lookup("Moscow", bias=near_idaho)
    assert [c.place.gazetteer_id for c in found] == ["geonames:5601538", "geonames:524901"]
    boxed = tiny.lookup("Paris", bias=LookupBias(bbox=(25.0, -107.0, 37.0, -93.0)))
    assert boxed[0].place.gazetteer_id == "geonames:4717560"
    assert tiny.lookup("Paris", bias=LookupBias(countries=("US",)))[0].place.country == "US"


def test_limit_and_bad_input(tiny: SqliteGazetteer) -> None:
    assert len(tiny.lookup("Moscow", limit=1)) == 1
    with pytest.raises(InvalidInputError):
        tiny.lookup("Moscow", limit=0)
    with pytest.raises(InvalidInputError):
        tiny.lookup("Moscow", country_codes=["USA"])
    with pytest.raises(InvalidInputError):
        tiny.lookup(42)  # type: ignore[arg-type]


def test_get_by_id_and_by_geonameid(tiny: SqliteGazetteer) -> None:
    place = tiny.get("geonames:4717560")
    assert (place.name, place.admin1, place.country) == ("Paris", "Texas", "US")
    assert tiny.by_geonameid(524901) is not None
    assert tiny.by_geonameid(1) is None
    with pytest.raises(NotFoundError):
        tiny.get("geonames:1")


def test_country_and_admin1(tiny: SqliteGazetteer) -> None:
    assert tiny.country("gb").name == "United Kingdom"  # type: ignore[union-attr]
    assert tiny.country("ZZ") is None
    assert tiny.admin1("US", "TX").name == "Texas"  # type: ignore[union-attr]
    assert tiny.admin1("US", "Tex.").name == "Texas"  # type: ignore[union-attr]
    assert tiny.admin1("AU", "ACT").name == "Australian Capital Territory"  # type: ignore[union-attr]
    assert tiny.admin1("RU", "Texas") is None


def test_reverse_finds_the_nearest_populated_place(tiny: SqliteGazetteer) -> None:
    assert tiny.reverse(33.7, -95.5).gazetteer_id == "geonames:4717560"  # type: ignore[union-attr]
    assert tiny.reverse(55.0, 98.0).gazetteer_id == "geonames:1488616"  # type: ignore[union-attr]
    # across the antimeridian and far from anything, still the nearest
    assert tiny.reverse(-10.0, 179.9) is not None
    with pytest.raises(InvalidInputError):
        tiny.reverse(91.0, 0.0)


def test_names_lists_each_key_once(tiny: SqliteGazetteer) -> None:
    keys = list(tiny.names())
    assert len(keys) == len(set(keys))
    assert {"moscow", "paris", "uk", "russian", "act", "tex"} <= set(keys)
    assert "ruritanian" not in keys  # its alias named no place
    assert "mow" not in set(tiny.names(name_types=[NameType.OFFICIAL, NameType.ALTERNATE]))


def test_concurrent_lookups_from_threads(tiny: SqliteGazetteer) -> None:
    errors: list[BaseException] = []
    results: list[str | None] = []

    def work() -> None:
        try:
            for _ in range(50):
                results.append(first_id(tiny, "Paris, Texas"))
                tiny.reverse(55.7, 37.6)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert set(results) == {"geonames:4717560"}


def test_missing_index_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(GazetteerNotBuiltError, match="itinerant gazetteer build"):
        open_gazetteer(tmp_path / "absent.sqlite")


def test_populous_places_are_the_cities_above_a_population_most_populous_first(tiny: SqliteGazetteer) -> None:
    places = tiny.populous_places(1_000_000)
    assert {"geonames:524901", "geonames:2988507"} <= {place.gazetteer_id for place in places}  # Moscow, Paris
    assert "geonames:4717560" not in {place.gazetteer_id for place in places}  # Paris, Texas
    assert all(place.kind == "city" and place.population >= 1_000_000 for place in places)
    assert [place.population for place in places] == sorted((place.population for place in places), reverse=True)
    assert tiny.populous_places(10**10) == []
    assert all(place.kind == "country" for place in tiny.populous_places(1, kinds=("country",)))
