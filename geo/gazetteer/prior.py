r"""The gazetteer's prior: how likely a name, with no context, stands for each place it can name.

Every candidate's score is

    score = prior(place) * W[name_type] * (NOISY_FACTOR if noisy else 1)        (1)

    prior(place) = 0.30 * K[kind] + 0.55 * P + 0.15 * C                          (2)
        K  how often a place of this kind is what news means by a name: countries and
           continents 1.0, first-level regions 0.6, cities 0.5, second-level regions 0.4,
           airports 0.3; a curated feature takes the weight of its precision.
        P  = min(1, log10(1 + population) / 8): 1 for 100 million people, 0.5 for 10,000.
           A region's population is the sum of its places' (a floor) and counts at
           REGION_POPULATION_DISCOUNT, so a city outranks its eponymous state ("New York").
           A notable areal feature of the curated tables smaller than a continent's regions (a
           national region, an island, a peninsula, a desert, a mountain: AREAL_FEATURE_KINDS,
           not of precision country, whose kind weight already ranks them), which has no
           population of its own, counts AREAL_FEATURE_POPULATION (100,000): New England, Java
           or Etna outranks a hamlet of its name (New England, North Dakota, 659 people), not
           a city. An airport counts the population of the city it serves; a curated city district
           DISTRICT_POPULATION_SHARE (1 %) of the largest city within DISTRICT_CITY_KM of it,
           about what a district of a big city holds: Moscow's Arbat outranks an Armenian
           village of the name, Kinshasa's Gombe does not outrank Nigeria's Gombe.
        C  1 for a national capital or a hand-curated feature (chosen for being notable) other
           than a city district, else 0.
    W  how official the matched name is: official 1.0, abbreviation 0.95, demonym 0.9,
       alternate 0.85, code 0.6. An alternate spelling in capitals of three letters or fewer
       ("UK", "VVO") is a code, whatever its source calls it.
    noisy  the match is an alternate name or code while the same key is the official name,
       abbreviation or demonym of a place with a higher prior, or the official name of a city of
       CITY_CLAIM_POPULATION (100,000) people or more, at least as populous as the alternate's
       holder: GeoNames lists "UK" among a Russian village's names, and "ACT" is an airport's
       code, but both keys belong first to places whose own name they are; and a big city is what
       news means by its own name against a smaller place that bore the name once, which only a
       capital's weight in (2) had ranked first (Philadelphia is not Amman's ancient name). A
       place bigger than the city keeps its alternate at full weight: the English form of a world
       city's name ("St. Petersburg" is Russia's, not Florida's), a city's name in its own
       country's language ("Saida" is Sidon in Lebanon's news, though Algeria's Saïda is
       nearly its size). Nor is a big city's short form noisy, the first words of its own name
       ("Newcastle" for Newcastle upon Tyne, a city of CITY_CLAIM_POPULATION or more), unless
       a country or a first-level region owns the key ("Mexico", "Kansas"): the bigger
       Newcastle of New South Wales still ranks first, but a story of Britain means the English
       city, not the Northern Irish town of the name. NOISY_FACTOR = 0.5.

All terms lie in [0, 1], so scores do too. (1) and (2) are computed once, at build time, and
stored with each name; a lookup only reorders them when asked to bias (3):

    biased score = score * (1 if the place is in the preferred countries, box or radius else BIAS_FACTOR)   (3)
"""

from __future__ import annotations

import math

from geo.gazetteer.base import NameType
from geo.model import Precision

__all__ = [
    "KIND_WEIGHT",
    "PRECISION_WEIGHT",
    "NAME_TYPE_WEIGHT",
    "NAME_TYPE_RANK",
    "NOISY_FACTOR",
    "CITY_CLAIM_POPULATION",
    "BIAS_FACTOR",
    "REGION_POPULATION_DISCOUNT",
    "DISTRICT_POPULATION_SHARE",
    "DISTRICT_CITY_KM",
    "AREAL_FEATURE_KINDS",
    "AREAL_FEATURE_POPULATION",
    "place_prior",
    "name_score",
    "is_strong",
    "claims_name",
]

KIND_WEIGHT: dict[str, float] = {
    "country": 1.0,
    "continent": 1.0,
    "admin1": 0.6,
    "city": 0.5,
    "admin2": 0.4,
    "airport": 0.3,
}
PRECISION_WEIGHT: dict[Precision, float] = {
    Precision.COUNTRY: 1.0,
    Precision.ADMIN1: 0.6,
    Precision.CITY: 0.5,
    Precision.SITE: 0.5,
    Precision.ADMIN2: 0.4,
}
NAME_TYPE_WEIGHT: dict[NameType, float] = {
    NameType.OFFICIAL: 1.0,
    NameType.ABBREVIATION: 0.95,
    NameType.DEMONYM: 0.9,
    NameType.ALTERNATE: 0.85,
    NameType.CODE: 0.6,
}
# Which of two name types to keep when one place has a key both ways: the more official.
NAME_TYPE_RANK: dict[NameType, int] = {t: i for i, t in enumerate(NAME_TYPE_WEIGHT)}
NOISY_FACTOR = 0.5
CITY_CLAIM_POPULATION = 100_000
BIAS_FACTOR = 0.5
REGION_POPULATION_DISCOUNT = 0.85
AREAL_FEATURE_KINDS = frozenset(
    {"region", "contested_region", "island", "archipelago", "peninsula", "desert", "mountain"}
)
AREAL_FEATURE_POPULATION = 100_000
DISTRICT_POPULATION_SHARE = 0.01
DISTRICT_CITY_KM = 25.0
_REGION_KINDS = frozenset({"admin1", "admin2"})


def place_prior(kind: str, precision: Precision, population: int, *, notable: bool) -> float:
    """Formula (2): the prior of a place, in [0, 1]."""
    kind_weight = KIND_WEIGHT.get(kind, PRECISION_WEIGHT[precision])
    people = min(1.0, math.log10(1 + max(population, 0)) / 8.0)
    if kind in _REGION_KINDS:
        people *= REGION_POPULATION_DISCOUNT
    return 0.30 * kind_weight + 0.55 * people + 0.15 * (1.0 if notable else 0.0)


def is_strong(name_type: NameType) -> bool:
    """Whether a name type claims its key for its place (official, abbreviation, demonym)."""
    return name_type in (NameType.OFFICIAL, NameType.ABBREVIATION, NameType.DEMONYM)


def claims_name(city_population: int, holder_population: int) -> bool:
    """Whether a city of `city_population` whose official name a key is takes the key from a place
    of `holder_population` that has it only as an alternate name (see `noisy` above)."""
    return city_population >= CITY_CLAIM_POPULATION and city_population >= holder_population


def name_score(prior: float, name_type: NameType, *, noisy: bool) -> float:
    """Formula (1): the stored score of one name of one place."""
    return prior * NAME_TYPE_WEIGHT[name_type] * (NOISY_FACTOR if noisy else 1.0)
