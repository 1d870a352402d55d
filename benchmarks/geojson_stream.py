"""Stream 100,000 synthetic events as one GeoJSON FeatureCollection and print time and memory.

    .venv/bin/python benchmarks/geojson_stream.py [--events N] [--compare]

What a large `GET .../events.geojson` costs the web layer: each event becomes a Feature
(geo.features.event_feature) and the collection goes out as text chunks
(geo.geojson.iter_feature_collection), written here to a byte counter instead of a socket.
The bar: under 3 s for 100,000 events, with memory flat (independent of the count).

Figures printed: wall seconds of the plain run; peak memory traced by tracemalloc during a
second run (tracemalloc slows Python down, so it is not timed); and the growth of the process's
peak RSS (ru_maxrss) over the streaming runs. `--compare` then builds the same collection as
one list and one string, the way that streaming avoids, to show the difference.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date, timedelta

from geo.features import event_feature
from geo.geojson import feature_collection, iter_feature_collection
from geo.model import DateInterval, DatePrecision, Event, EventStatus, Place, Precision

ACTORS = ("Kim Jong Un", "Vladimir Putin", "Alexander Lukashenko", "Sergey Lavrov")
STATUSES = tuple(EventStatus)


def synthetic_events(count: int) -> Iterator[Event]:
    """Events spread over the globe and over ten years, made one at a time."""
    first_day = date(2015, 1, 1)
    for number in range(count):
        # Stepping by irrational-looking strides spreads points without a random generator,
        # so every run streams the same text.
        lat = -80.0 + (number * 7.31) % 160.0
        lon = -180.0 + (number * 13.37) % 360.0
        place = Place(
            gazetteer_id=f"geonames:{1_000_000 + number}",
            name=f"Place {number}",
            lat=lat,
            lon=lon,
            kind="city",
            precision=Precision.CITY,
            country="RU",
            geonameid=1_000_000 + number,
            population=10_000,
        )
        day = first_day + timedelta(days=number % 3650)
        yield Event(
            actor=ACTORS[number % len(ACTORS)],
            action="visit",
            place=place,
            status=STATUSES[number % len(STATUSES)],
            date=DateInterval(day, day, DatePrecision.DAY),
            evidence=f"The leader visited Place {number} on {day:%A}, state media said.",
            evidence_start=number % 5000,
            evidence_end=number % 5000 + 60,
            confidence=0.87,
            article_id=number // 20,
            event_id=number,
        )


def stream(count: int) -> tuple[int, int]:
    """Stream the collection to nowhere; returns (characters, chunks)."""
    features = (event_feature(event) for event in synthetic_events(count))
    characters = chunks = 0
    for chunk in iter_feature_collection(features, actor="everyone", numberMatched=count):
        characters += len(chunk)
        chunks += 1
    return characters, chunks


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux and in bytes on macOS
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--compare", action="store_true", help="also build it all in memory")
    args = parser.parse_args()

    stream(1_000)  # warm up imports and caches, so the figures are about the work alone
    rss_before = peak_rss_mib()

    started = time.perf_counter()
    characters, chunks = stream(args.events)
    seconds = time.perf_counter() - started

    tracemalloc.start()
    stream(args.events)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_growth = peak_rss_mib() - rss_before

    print(f"events streamed      {args.events:,}")
    print(f"output               {characters / 2**20:.1f} MiB of JSON in {chunks:,} chunks")
    print(f"wall time            {seconds:.2f} s ({args.events / seconds:,.0f} features/s)")
    print(f"traced peak memory   {traced_peak / 2**20:.2f} MiB (tracemalloc)")
    print(f"peak RSS growth      {rss_growth:.1f} MiB (ru_maxrss)")

    if args.compare:
        started = time.perf_counter()
        tracemalloc.start()
        features = [event_feature(event) for event in synthetic_events(args.events)]
        text = json.dumps(feature_collection(features, actor="everyone"))
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        seconds = time.perf_counter() - started
        print(
            f"in memory, for scale {seconds:.2f} s (traced), peak {traced_peak / 2**20:.0f} MiB, "
            f"{len(text) / 2**20:.1f} MiB string"
        )


if __name__ == "__main__":
    main()
