"""Places and events the web-layer tests store."""

from __future__ import annotations

from datetime import date

from geo.model import DateInterval, DatePrecision, Event, EventStatus, Place, Precision

VLADIVOSTOK = Place(
    "geonames:2013348", "Vladivostok", 43.10562, 131.87353, "city", Precision.CITY, "RU", "Primorye", 2013348, 604901
)
SOCHI = Place(
    "geonames:491422", "Sochi", 43.59917, 39.72569, "city", Precision.CITY, "RU", "Krasnodar Krai", 491422, 343334
)

VISIT = Event(
    actor="Kim Jong Un",
    action="visit",
    place=VLADIVOSTOK,
    status=EventStatus.OCCURRED,
    date=DateInterval(date(2019, 4, 1), date(2019, 4, 30), DatePrecision.MONTH),
    evidence="In April 2019 Kim visited Vladivostok.",
    evidence_start=0,
    evidence_end=38,
    confidence=0.8,
    mention_start=28,
    mention_end=39,
)

KOMSOMOLSK = Place(
    "geonames:2021851",
    "Komsomolsk-on-Amur",
    50.55034,
    137.00995,
    "city",
    Precision.CITY,
    "RU",
    "Khabarovsk",
    2021851,
    263906,
)
ANADYR = Place(
    "geonames:2127202", "Anadyr", 64.73424, 177.51030, "city", Precision.CITY, "RU", "Chukotka", 2127202, 11000
)
ANCHORAGE = Place(
    "geonames:5879400", "Anchorage", 61.21806, -149.90028, "city", Precision.CITY, "US", "Alaska", 5879400, 291826
)
# A country-level place: "in Russia" says nothing of where in it (its point is in Siberia).
RUSSIA = Place("geonames:2017370", "Russia", 60.0, 100.0, "country", Precision.COUNTRY, "RU", None, 2017370, 0)
KHABAROVSK = Place(
    "geonames:2022890", "Khabarovsk", 48.48272, 135.08379, "city", Precision.CITY, "RU", "Khabarovsk", 2022890, 579000
)


def event(actor, place, status="occurred", when=None, start=0, action="visit"):
    """An event read from a sentence at `start`, dated by an ISO 8601 string or undated."""
    text = f"{actor} went to {place.name}."
    return Event(
        actor=actor,
        action=action,
        place=place,
        status=EventStatus(status),
        date=DateInterval.parse_iso(when) if when else DateInterval(),
        evidence=text,
        evidence_start=start,
        evidence_end=start + len(text),
        confidence=0.7,
        mention_start=start + len(actor) + 9,
        mention_end=start + len(actor) + 9 + len(place.name),
    )


TRIP = [
    event("Kim Jong Un", VLADIVOSTOK, when="2019-04", start=0),
    event("Kim Jong Un", KOMSOMOLSK, when="2023-09-15", start=100),
    event("Kim Jong Un", VLADIVOSTOK, status="planned", start=200, action="travel"),
    event("Vladimir Putin", SOCHI, when="2023-09-15", start=300, action="meet"),
]

# Kim's two trips to Russia, as the articles tell them: Vladivostok in April 2019, then in
# September 2023 "Russia" (country level), Vladivostok, Komsomolsk-on-Amur (the train "pulled
# into" it), a planned stop in Khabarovsk, and a stop no article dates.
TWO_TRIPS = [
    event("Kim Jong Un", VLADIVOSTOK, when="2019-04-25", start=0),
    event("Kim Jong Un", RUSSIA, when="2023-09-12", start=100, action="enter"),
    event("Kim Jong Un", VLADIVOSTOK, when="2023-09-13", start=200, action="arrive"),
    event("Kim Jong Un", KOMSOMOLSK, when="2023-09-15", start=300, action="pull"),
    event("Kim Jong Un", KHABAROVSK, status="planned", when="2023-09-18", start=400, action="travel"),
    event("Kim Jong Un", SOCHI, start=500, action="meet"),
]

# An article as POST /api/articles takes it, with every field given.
ARTICLE_TEXT = "VLADIVOSTOK, Russia (AP) — In April 2019 Kim visited Vladivostok. Later he flew on to Sochi."
ARTICLE = {
    "text": ARTICLE_TEXT,
    "title": "Kim in the Far East",
    "source": "AP",
    "url": "https://example.org/kim",
    "published": "2023-09-15",
}
