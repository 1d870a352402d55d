"""Take the README's screenshots: the seed article's itinerary map, and the same map as an embed.

    .venv/bin/python docs/screenshots/take.py [--out docs/screenshots]

Starts `itinerant serve` on a free loopback port over a throw-away data directory (the
gazetteer index linked in from ./data), loads the seed article (`itinerant seed`) and drives
Debian's Chromium with Playwright. The maps use the offline basemap (ITINERANT_TILES=none), so
nothing is fetched from outside and the pictures are the same from run to run. Writes
itinerary-map.png (the full-page map, 1200x700) and embed.png (the embed in a 720x480 frame of a
page, as another site shows it).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

from page_weight import free_port, wait_ready  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ACTOR = "kim-jong-un"
# Ready when the outlines are drawn (fetched after the map opens) and the labels are placed.
BASEMAP_DRAWN = "document.querySelectorAll('.leaflet-container.itinerant-offline path').length > 100"


def _host_page(embed_code: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>An article</title></head>'
        '<body style="margin:0;font:16px/1.5 Georgia,serif;background:#fff">'
        f'<div style="width:720px">{embed_code}</div></body></html>'
    )


def take(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    shots = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 700})
        page.goto(f"{base}/actors/{ACTOR}/map")
        page.wait_for_selector(".itinerant-stop")
        page.wait_for_function(BASEMAP_DRAWN)
        page.wait_for_selector(".itinerant-label", state="attached")
        shots.append(out / "itinerary-map.png")
        page.screenshot(path=str(shots[-1]))

        # The embed as another site shows it: the copied code, 720 px wide (480 px high).
        page.goto(f"{base}/actors/{ACTOR}")
        code = page.locator("#embed-code").input_value().replace("max-width:800px", "max-width:720px")
        code = code.replace("aspect-ratio:800/600", "aspect-ratio:720/480")
        page.set_viewport_size({"width": 720, "height": 480})
        page.set_content(_host_page(code))
        frame = page.frame_locator("iframe")
        frame.locator(".itinerant-stop").first.wait_for()
        page.frames[-1].wait_for_function(BASEMAP_DRAWN)
        shots.append(out / "embed.png")
        page.screenshot(path=str(shots[-1]))
        browser.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    index = REPO / "data" / "gazetteer.sqlite"
    if not index.exists():
        raise SystemExit("build the gazetteer first: itinerant gazetteer build")
    with tempfile.TemporaryDirectory() as data_dir:
        os.symlink(index.resolve(), Path(data_dir) / "gazetteer.sqlite")
        env = {**os.environ, "ITINERANT_DATA_DIR": data_dir, "ITINERANT_TILES": "none"}
        subprocess.run([sys.executable, "-m", "app.cli", "seed"], cwd=REPO, env=env, check=True, capture_output=True)
        port = free_port()
        server = subprocess.Popen(  # noqa: S603 (a fixed command: this Python, the service)
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_ready(port, server)
            for shot in take(f"http://127.0.0.1:{port}", args.out):
                print(f"{shot.relative_to(REPO)}: {shot.stat().st_size / 1e3:.0f} KB")
        finally:
            server.terminate()
            server.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
