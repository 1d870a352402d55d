"""Places and events the web-layer tests store."""

from __future__ import annotations

from datetime import date

from geo.model import DateInterval, DatePrecision, Event, EventStatus, Place, Precision

VLADIVOSTOK = Place("geonames:2013348", "Vladivostok", 43.10562, 131.87353, "city", Precision.CITY, "RU",
                    "Primorye", 2013348, 604901)
SOCHI = Place("geonames:491422", "Sochi", 43.59917, 39.72569, "city", Precision.CITY, "RU", "Krasnodar Krai",
              491422, 343334)

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
