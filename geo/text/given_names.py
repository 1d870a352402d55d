"""How common a given name or a surname is, and the gender a given name usually has, from the US
Census Bureau's 1990 name frequency lists.

The lists (public domain; shipped in the `names` package, MIT) give, for 1,219 male and 4,275
female given names and 88,799 surnames, the share of people so named. A name counts as one gender's when that gender
bears it at least `_RATIO` times as often as the other: "Lori" is female, "Roger" male, "Jordan"
and "Jean" neither. It is a cue for whom "he" or "she" means, never a person's identity: a title
("Mr.", "Queen") says more, and wins (`people.Person.gender`).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["gender_of_given_name", "gender_of_full_name", "is_given_name", "given_name_share", "surname_share"]

_RATIO = 20.0
# Surnames that Chinese, Korean and Vietnamese names put first and that the census lists also know
# as (mostly women's) given names: in "Li Qiang", "Moon Jae-in", "Ma Ying-jeou", "Tran Dai Quang"
# the first word is the family's, and says nothing of the person's gender.
_SURNAMES_WRITTEN_FIRST = frozenset(
    "li yang sun ma lin song han xiao yu wei su lu jung shin moon nam tran le chan".split()
)


_MALE, _FEMALE, _SURNAMES = "dist.male.first", "dist.female.first", "dist.all.last"


@cache
def _shares(table: str) -> dict[str, float]:
    """Name (lower case) -> per cent of the people bearing it, from one of the census lists:
    "dist.male.first", "dist.female.first" (of that gender) or "dist.all.last" (surnames)."""
    text = (resources.files("names") / table).read_text(encoding="ascii")
    shares = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            shares[fields[0].lower()] = float(fields[1])
    return shares


def gender_of_given_name(name: str) -> str | None:
    """ "male", "female", or None when the name is not listed or is borne by both."""
    key = name.lower()
    male, female = _shares(_MALE).get(key, 0.0), _shares(_FEMALE).get(key, 0.0)
    if male and male >= _RATIO * female:
        return "male"
    if female and female >= _RATIO * male:
        return "female"
    return None


def gender_of_full_name(words: tuple[str, ...] | list[str]) -> str | None:
    """The gender the first of a full name's words usually has as a given name, unless that word
    may be a surname written first ("Li Qiang")."""
    if len(words) < 2 or words[0].lower() in _SURNAMES_WRITTEN_FIRST:
        return None
    return gender_of_given_name(words[0])


def is_given_name(name: str) -> bool:
    """Whether the lists know `name` as a given name of either gender ("Lucas", "Jordan")."""
    key = name.lower()
    return key in _shares(_MALE) or key in _shares(_FEMALE)


def given_name_share(name: str) -> float:
    """The per cent of people of the commoner gender who bear `name` (0.0 when unlisted)."""
    key = name.lower()
    return max(_shares(_MALE).get(key, 0.0), _shares(_FEMALE).get(key, 0.0))


def surname_share(name: str) -> float:
    """The per cent of people who bear `name` as their surname (0.0 when unlisted or rarer)."""
    return _shares(_SURNAMES).get(name.lower(), 0.0)
