"""Reading "City, Region" and "City, Country" queries: 'Paris, Texas', 'Victoria, B.C.'.

A qualifier narrows the head name's candidates to the places inside what it names; the head
keeps its own score. The lookup itself (index.py) decides what a qualifier can name.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QualifiedName", "Scope", "split_qualifiers", "within"]

# (country, admin1 code or None): "inside the US" is ("US", None), "inside Texas" ("US", "TX").
Scope = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class QualifiedName:
    head: str
    qualifiers: tuple[str, ...]


def split_qualifiers(query: str) -> QualifiedName | None:
    """'Springfield, Illinois, USA' -> head 'Springfield', qualifiers ('Illinois', 'USA'); None without a comma."""
    if "," not in query:
        return None
    parts = [part.strip() for part in query.split(",")]
    head, qualifiers = parts[0], tuple(part for part in parts[1:] if part)
    if not head or not qualifiers:
        return None
    return QualifiedName(head, qualifiers)


def within(scope: Scope, country: str | None, admin1_code: str | None) -> bool:
    """Whether a place in `country`/`admin1_code` lies inside a qualifier's scope."""
    scope_country, scope_admin1 = scope
    return country == scope_country and (scope_admin1 is None or admin1_code == scope_admin1)
