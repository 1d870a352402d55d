"""Print how long an itinerary map of 1,000 stops takes to render, and how big the page is.

    .venv/bin/python benchmarks/map_render.py [--stops 1000] [--repeat 3] [--check]

The itinerary is a seeded random journey: mostly regional hops (50 to 1,500 km), one in ten
intercontinental (some across the antimeridian), a day or two apart, with evidence sentences
of news length. Rendering is what a map request does after its query: geo.maps builds the
Folium map (stops, legs, legend, replay) and renders the page with local asset links, and, as
the service does, leaves the evidence sentences out (popups fetch theirs from /api/events/{id}).
Building the itinerary itself (geodesics) is timed apart. Bars: at most 0.3 s and 300 KB with the
default tiles; a page that carries the evidence itself (no event URL: a page that stands alone)
and the offline basemap (tiles=none) with its outlines inline are reported too (the service
fetches the outlines from a separate, cached URL instead). With --check, exit 1 when a bar is
missed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta

from geo.itinerary import Itinerary, build_itinerary
from geo.maps import MapOptions, itinerary_map, render_map
from geo.model import DateInterval, DatePrecision, Event, EventStatus, Place, Precision

__all__ = ["journey", "main"]

SECONDS_BAR = 0.3
BYTES_BAR = 300_000


def journey(stops: int, seed: int = 20230915) -> Itinerary:
    """A seeded random journey of `stops` distinct stays."""
    rng = random.Random(seed)
    lat, lon, day = 48.85, 2.35, date(2020, 1, 1)
    events = []
    for index in range(stops):
        if index:
            far = rng.random() < 0.1
            step = rng.uniform(20, 90) if far else rng.uniform(0.5, 12)
            lat = max(-70.0, min(70.0, lat + rng.uniform(-1, 1) * step * 0.6))
            lon = (lon + rng.choice((-1, 1)) * step + 180.0) % 360.0 - 180.0
            day += timedelta(days=rng.randint(1, 2))
        name = f"Place {index} of the trip"
        place = Place(
            f"bench:{index}", name, round(lat, 5), round(lon, 5), "city", Precision.CITY, "XX", None, None, 100_000
        )
        evidence = (
            f"The minister arrived in {name} on {day:%d %B %Y} for talks on trade, energy and "
            f"security, officials said, before travelling on to the next stop of the tour."
        )
        events.append(
            Event(
                actor="The Minister",
                action="visit",
                place=place,
                status=EventStatus.OCCURRED,
                date=DateInterval(day, day, DatePrecision.DAY),
                evidence=evidence,
                evidence_start=0,
                evidence_end=len(evidence),
                confidence=0.9,
                mention_start=0,
                mention_end=len(name),
                article_id=index // 10 + 1,
                event_id=index + 1,
            )
        )
    return build_itinerary("The Minister", events)


def _render_seconds(itinerary: Itinerary, options: MapOptions, repeat: int) -> tuple[float, int]:
    timings, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        html = render_map(itinerary_map(itinerary, options), options)
        timings.append(time.perf_counter() - started)
        size = len(html.encode("utf-8"))
    return statistics.median(timings), size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stops", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    itinerary = journey(args.stops)
    built = time.perf_counter() - started
    points = sum(len(part) for leg in itinerary.legs for part in leg.path)
    print(
        f"itinerary: {len(itinerary.stops)} stops, {len(itinerary.legs)} legs, {points} path points, "
        f"{itinerary.total_km:,.0f} km; built in {built:.3f} s"
    )

    standalone = dict(asset_base="/assets/vendor", article_url="/articles/{id}")
    base = dict(standalone, event_url="/api/events/{id}")
    results = {}
    for label, options in (
        ("tiles=OpenStreetMap", MapOptions(**base)),
        ("tiles=OpenStreetMap, evidence inline", MapOptions(**standalone)),
        (
            "tiles=none, outlines fetched",
            MapOptions(tiles="none", outlines_url="/assets/basemap/countries.geojson", **base),
        ),
        ("tiles=none, outlines inline", MapOptions(tiles="none", **base)),
    ):
        _render_seconds(itinerary, options, 1)  # warm: templates compiled, outlines loaded
        seconds, size = _render_seconds(itinerary, options, args.repeat)
        results[label] = (seconds, size)
        print(f"render {label:38s} {seconds:.3f} s (median of {args.repeat})  {size / 1e3:,.0f} KB")

    seconds, size = results["tiles=OpenStreetMap"]
    ok = seconds <= SECONDS_BAR and size <= BYTES_BAR
    print(f"bars: <= {SECONDS_BAR} s and <= {BYTES_BAR / 1e3:.0f} KB -> {'met' if ok else 'MISSED'}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
