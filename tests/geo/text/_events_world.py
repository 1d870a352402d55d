"""Hand-built places and mentions for the event tests: no gazetteer, real coordinates and ids."""

from __future__ import annotations

import re
from datetime import date

from geo.model import ArticleText, Mention, MentionRole, Place, Precision

__all__ = ["PLACES", "place", "mentions_for", "article", "SEED_PUBLISHED"]

SEED_PUBLISHED = date(2023, 9, 15)


def place(
    geonameid: int,
    name: str,
    lat: float,
    lon: float,
    precision: Precision,
    country: str | None,
    admin1: str | None = None,
    kind: str | None = None,
) -> Place:
    return Place(
        f"geonames:{geonameid}", name, lat, lon, kind or precision.value, precision, country, admin1, geonameid
    )


C, A1, CITY, SITE = Precision.COUNTRY, Precision.ADMIN1, Precision.CITY, Precision.SITE
PLACES: dict[str, Place] = {
    p.name: p
    for p in (
        place(2017370, "Russia", 60.0, 100.0, C, "RU"),
        place(1873107, "North Korea", 40.0, 127.0, C, "KP"),
        place(1835841, "South Korea", 36.5, 127.75, C, "KR"),
        place(690791, "Ukraine", 49.0, 32.0, C, "UA"),
        place(630336, "Belarus", 53.0, 28.0, C, "BY"),
        place(6252001, "United States", 39.76, -98.5, C, "US"),
        place(1562822, "Vietnam", 16.17, 107.83, C, "VN"),
        place(1814991, "China", 35.0, 105.0, C, "CN"),
        place(2921044, "Germany", 51.5, 10.5, C, "DE"),
        place(3017382, "France", 46.0, 2.0, C, "FR"),
        place(2021851, "Komsomolsk-on-Amur", 50.55034, 137.00995, CITY, "RU", "Khabarovsk"),
        place(2013348, "Vladivostok", 43.10562, 131.87353, CITY, "RU", "Primorye"),
        place(491422, "Sochi", 43.59699, 39.72477, CITY, "RU", "Krasnodar"),
        place(1871859, "Pyongyang", 39.03385, 125.75432, CITY, "KP", "Pyongyang"),
        place(1835848, "Seoul", 37.566, 126.9784, CITY, "KR", "Seoul"),
        place(524901, "Moscow", 55.75222, 37.61556, CITY, "RU", "Moscow"),
        place(1816670, "Beijing", 39.9075, 116.39723, CITY, "CN", "Beijing"),
        place(1581130, "Hanoi", 21.0245, 105.84117, CITY, "VN", "Hanoi"),
        place(703448, "Kyiv", 50.45466, 30.5238, CITY, "UA", "Kyiv City"),
        place(2950159, "Berlin", 52.52437, 13.41053, CITY, "DE", "Berlin"),
        place(2988507, "Paris", 48.85341, 2.3488, CITY, "FR", "Ile-de-France"),
        place(4140963, "Washington", 38.89511, -77.03637, CITY, "US", "District of Columbia"),
        place(3117735, "Madrid", 40.4165, -3.70256, CITY, "ES", "Madrid"),
        place(1850147, "Tokyo", 35.6895, 139.69171, CITY, "JP", "Tokyo"),
        place(2038349, "Khabarovsk", 48.48271, 135.08379, CITY, "RU", "Khabarovsk"),
        place(630673, "Black Sea", 43.0, 34.0, SITE, None, kind="sea"),
        place(6251999, "Canada", 60.0, -96.0, C, "CA"),
        place(2643743, "London", 51.50853, -0.12574, CITY, "GB", "England"),
        place(2644688, "Leeds", 53.79648, -1.54785, CITY, "GB", "England"),
        place(2633352, "York", 53.95763, -1.08271, CITY, "GB", "England"),
        place(2996944, "Lyon", 45.74846, 4.84671, CITY, "FR", "Auvergne-Rhone-Alpes"),
        place(3169070, "Rome", 41.89193, 12.51133, CITY, "IT", "Lazio"),
        place(3143244, "Oslo", 59.91273, 10.74609, CITY, "NO", "Oslo"),
        place(3161732, "Bergen", 60.39299, 5.32415, CITY, "NO", "Vestland"),
        place(3435910, "Buenos Aires", -34.61315, -58.37723, CITY, "AR", "Buenos Aires F.D."),
        place(360630, "Cairo", 30.06263, 31.24967, CITY, "EG", "Cairo"),
        place(1185241, "Dhaka", 23.7104, 90.40744, CITY, "BD", "Dhaka"),
    )
}
DEMONYMS = {"Russian": "Russia", "North Korean": "North Korea", "Belarusian": "Belarus"}


def mentions_for(text: str, *, dateline: str | None = None, names: dict[str, Place] | None = None) -> list[Mention]:
    """Every whole-word occurrence of a known place name (longest first), as resolved mentions.

    `dateline` marks the first occurrence of that name as the DATELINE; demonyms come as DEMONYM
    mentions, as the geoparser gives them with include_demonyms.
    """
    table = dict(names or PLACES)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for name in sorted(table, key=len, reverse=True):
        for match in re.finditer(rf"\b{re.escape(name)}\b", text, flags=re.IGNORECASE if name == dateline else 0):
            span = (match.start(), match.end())
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            role = MentionRole.DATELINE if dateline == name and match.start() == 0 else MentionRole.PLACE
            found.append(Mention(span[0], span[1], match.group(0), role, table[name], 0.9))
    for demonym, country in DEMONYMS.items():
        for match in re.finditer(rf"\b{re.escape(demonym)}\b", text):
            span = (match.start(), match.end())
            if not any(s < span[1] and span[0] < e for s, e in taken):
                taken.append(span)
                found.append(Mention(span[0], span[1], demonym, MentionRole.DEMONYM, PLACES[country], 0.8))
    return sorted(found, key=lambda m: m.start)


def article(text: str, published: date | None = SEED_PUBLISHED) -> ArticleText:
    return ArticleText(text=text, published=published)
