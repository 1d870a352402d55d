"""Places, dates and events shared by the tests of geo.itinerary and geo.geodesy."""

from __future__ import annotations

from datetime import date

from geo.model import DateInterval, DatePrecision, Event, EventStatus, Place, Precision

OCCURRED, PLANNED, SPECULATIVE = EventStatus.OCCURRED, EventStatus.PLANNED, EventStatus.SPECULATIVE
ACTOR = "Kim Jong Un"


def place(
    name: str,
    lat: float,
    lon: float,
    *,
    geonameid: int | None = None,
    country: str | None = None,
    admin1: str | None = None,
    precision: Precision = Precision.CITY,
) -> Place:
    return Place(
        gazetteer_id=f"test:{name.lower()}",
        name=name,
        lat=lat,
        lon=lon,
        kind="city" if precision in (Precision.CITY, Precision.SITE) else precision.value,
        precision=precision,
        country=country,
        admin1=admin1,
        geonameid=geonameid,
    )


PYONGYANG = place("Pyongyang", 39.03385, 125.75432, geonameid=1871859, country="KP", admin1="Pyongyang")
VLADIVOSTOK = place("Vladivostok", 43.10562, 131.87353, geonameid=2013348, country="RU", admin1="Primorye")
KOMSOMOLSK = place("Komsomolsk-on-Amur", 50.55034, 137.00995, geonameid=2021851, country="RU", admin1="Khabarovsk")
KHABAROVSK = place("Khabarovsk", 48.48272, 135.08379, country="RU", admin1="Khabarovsk")
# Areas: a stop "in Russia" or "in Primorye" says nothing of where in it.
RUSSIA = place("Russia", 60.0, 100.0, geonameid=2017370, country="RU", precision=Precision.COUNTRY)
PRIMORYE = place("Primorye", 45.0, 134.0, country="RU", admin1="Primorye", precision=Precision.ADMIN1)
ANADYR = place("Anadyr", 64.73, 177.51)
ANCHORAGE = place("Anchorage", 61.22, -149.90)
TOKYO = place("Tokyo", 35.6895, 139.69171)
LOS_ANGELES = place("Los Angeles", 34.05223, -118.24368)


def day(year: int, month: int, dom: int) -> DateInterval:
    return DateInterval(date(year, month, dom), date(year, month, dom), DatePrecision.DAY)


def month(year: int, month_: int) -> DateInterval:
    last = date(year + month_ // 12, month_ % 12 + 1, 1).toordinal() - 1
    return DateInterval(date(year, month_, 1), date.fromordinal(last), DatePrecision.MONTH)


def event(
    where: Place,
    when: DateInterval = DateInterval(),
    status: EventStatus = OCCURRED,
    *,
    action: str = "visit",
    article_id: int | None = 1,
    at: int = 0,
    event_id: int | None = None,
    actor: str = ACTOR,
) -> Event:
    return Event(
        actor=actor,
        action=action,
        place=where,
        status=status,
        date=when,
        evidence=f"{actor} {action} {where.name}.",
        evidence_start=at,
        evidence_end=at + 10,
        article_id=article_id,
        event_id=event_id,
    )
