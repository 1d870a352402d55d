"""How fast the offline gazetteer answers, how much memory it holds, how long it takes to build.

Lookups run in-process on one thread over a realistic mix of names: every toponym surface of
the eval corpora in reading order (../shared/eval, so frequent names repeat as they do in
news), or a built-in list of names when the corpora are absent. Figures are printed for a
cold index (the lookup cache off: every lookup reaches SQLite) and for the default cache.

    .venv/bin/python benchmarks/gazetteer_speed.py [--build]   # --build also times a full rebuild
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from app.settings import get_settings
from geo.gazetteer.index import SqliteGazetteer

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("ITINERANT_EVAL_DIR", REPO.parent / "shared" / "eval"))
FALLBACK_NAMES = [
    "Moscow",
    "Vladivostok",
    "Komsomolsk-on-Amur",
    "Paris, Texas",
    "Springfield, Illinois",
    "U.S.",
    "UK",
    "North Korean",
    "Seoul",
    "Pyongyang",
    "Kingston",
    "Victoria, B.C.",
    "Black Sea",
    "Ky.",
    "NSW",
    "London",
    "Washington",
    "Beijing",
    "Sochi",
    "Belarus",
    "Xqzvillebergstadt",
    "Amur Oblast",
    "Primorsky Krai",
]


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def names_mix() -> list[str]:
    names: list[str] = []
    for corpus in sorted(EVAL_DIR.glob("*.json")):
        for document in json.loads(corpus.read_text(encoding="utf-8")):
            names.extend(t["surface"] for t in document["toponyms"])
    return names or FALLBACK_NAMES * 500


def lookups_per_second(index: SqliteGazetteer, names: list[str], seconds: float = 3.0) -> float:
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        for name in names:
            index.lookup(name)
        done += len(names)
    return done / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=get_settings().gazetteer_path)
    parser.add_argument("--build", action="store_true", help="also time a full build into a temp folder")
    args = parser.parse_args()
    # Builds run in a child process, so that this one's memory is the loaded index's alone.
    build = (
        "from pathlib import Path; import sys; from geo.gazetteer.build import build_index; "
        "r = build_index(Path(sys.argv[1]), force=sys.argv[2] == '1'); "
        "print(f'{r.seconds:.2f} {r.bytes} {r.places} {r.names} {r.skipped}')"
    )
    for force in ([True] if args.build else []) + [False]:
        out = subprocess.run(
            [sys.executable, "-c", build, str(args.index), "1" if force else "0"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        seconds, size, places, names_count, skipped = float(out[0]), int(out[1]), int(out[2]), int(out[3]), out[4]
        what = "up-to-date check" if skipped == "True" else "build"
        print(f"{what}: {seconds:.2f} s; {size / 1e6:.0f} MB file, {places:,} places, {names_count:,} names")
    names = names_mix()
    print(f"names: {len(names):,} lookups per pass, {len(set(names)):,} distinct")
    before = rss_mb()
    cold = SqliteGazetteer(args.index, cache_size=0)
    print(f"lookup cache off (place rows cached): {lookups_per_second(cold, names):,.0f} lookups/s")
    warm = SqliteGazetteer(args.index)
    print(f"default lookup cache:                 {lookups_per_second(warm, names):,.0f} lookups/s")
    print(f"memory: {before:.0f} MB resident before opening, {rss_mb():.0f} MB after both indexes served every name")
    return 0


if __name__ == "__main__":
    sys.exit(main())
