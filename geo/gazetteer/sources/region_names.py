"""Spelling variants of region names, the ways English text writes them.

Sources give "Primorskiy kray" or "Amurskaya oblast'"; news writes "Primorsky Krai", "Amur
Region", "Primorskiy". Two general rules cover most of the gap:
  * the generic word ("kray", "oblast", "County") may be dropped or swapped for its English or
    alternative spelling ("krai", "region");
  * BGN/PCGN adjective endings "-iy", "-ij", "-ii" read "-y" in common English ("Primorsky").
"""

from __future__ import annotations

import re

__all__ = ["region_name_variants", "GENERIC_SYNONYMS"]

# Each group: spellings of one generic word, the first being the one used for new variants.
GENERIC_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("Krai", "Kray", "Territory"),
    ("Oblast", "Oblast'", "Region"),
    ("District", "Rayon", "Raion"),
    ("Province",),
    ("State",),
    ("Governorate",),
    ("Prefecture",),
    ("Department",),
    ("County",),
    ("Parish",),
    ("Borough",),
    ("Municipality",),
    ("Voivodeship",),
    ("Autonomous Okrug", "Okrug"),
    ("Republic",),
    ("Census Area",),
)
# Generic words that may trail the name of a first-level region, and of a second-level one;
# second-level names drop only the English generics, since "Comuna X" or "Municipio de X"
# would otherwise add a second, weaker entry for nearly every town of Latin America.
_ADMIN1_GENERICS = {g.casefold(): group for group in GENERIC_SYNONYMS for g in group}
_ADMIN2_GENERICS = {
    g.casefold(): group
    for group in GENERIC_SYNONYMS
    if group[0] in {"County", "Parish", "Borough", "District", "Municipality", "Census Area"}
    for g in group
}
_LEADING = re.compile(
    r"^(?:province|state|region|republic|departamento|provincia|estado)\s+(?:of|de|di|do|da)\s+", re.I
)
# BGN/PCGN adjectival endings and their common English form, applied word by word.
_ADJECTIVE_ENDINGS = re.compile(r"(?<=[a-z])(?:iy|ij|ii|yy|yj)\b")


def _split_generic(name: str, generics: dict[str, tuple[str, ...]]) -> tuple[str, tuple[str, ...]] | None:
    """'Primorskiy kray' -> ('Primorskiy', ('Krai', 'Kray', 'Territory')); None without a generic."""
    lowered = name.casefold()
    for generic, group in sorted(generics.items(), key=lambda item: -len(item[0])):
        if lowered.endswith(" " + generic):
            core = name[: -len(generic) - 1].strip(" ,-")
            return (core, group) if core else None
    return None


def region_name_variants(name: str, level: int) -> set[str]:
    """Variant spellings of a region name (the name itself excluded)."""
    generics = _ADMIN1_GENERICS if level == 1 else _ADMIN2_GENERICS
    variants: set[str] = set()
    stripped = _LEADING.sub("", name)
    if stripped != name:
        variants.add(stripped)
    split = _split_generic(stripped, generics)
    if split is None:
        cores, group = {stripped}, ()
    else:
        core, group = split
        cores = {core}
    cores |= {_ADJECTIVE_ENDINGS.sub("y", core) for core in cores}
    for core in cores:
        if group:
            variants.add(core)
            variants.update(f"{core} {generic}" for generic in group)
        else:
            variants.add(core)
    variants.discard(name)
    return variants
