"""People's names as keys: how the store finds one person under the names articles give them.

    person_key("Kim Jong-un") == person_key("kim jong un") == "kim jong un"
    person_slug("Kim Jong Un") == "kim-jong-un"     (the actor's URL)

A person's key folds what a writer varies without naming someone else (case, diacritics,
hyphens, apostrophes, dots, spacing), by the character table of every name key
(geo.folding). Stored alias keys were made by it: a change here needs the stored keys
rewritten (a migration), or aliases stop finding their actors.
"""

from __future__ import annotations

import hashlib

from geo.folding import fold_key, slugify

__all__ = ["person_key", "person_slug"]


def person_key(name: str) -> str:
    """The key under which an alias of a person is stored and looked up; "" for a name with no letters or digits."""
    return fold_key(name)


def person_slug(name: str) -> str:
    """The URL slug of a person first met under `name`; a name with no Latin letters or digits
    ("!!!", "金正恩") gets "person-" and a digest of the name, never an empty slug."""
    slug = slugify(name)
    if slug:
        return slug
    return "person-" + hashlib.sha256(name.strip().encode("utf-8")).hexdigest()[:12]
