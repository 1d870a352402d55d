"""What a reader downloads to see an itinerary map: the page and every script and style it loads, gzipped.

    .venv/bin/python benchmarks/page_weight.py [--path /actors/kim-jong-un/map] [--repo PATH] [--check]

Starts `itinerant serve` in a child process on a free loopback port over a throw-away data
directory (the gazetteer index linked in from ./data), loads the seed article (`itinerant seed`),
then asks for the page as a browser does (Accept-Encoding: gzip) and for every script and
stylesheet it links to, and prints the bytes on the wire and unzipped, each and in all. Map tiles
are not counted (they come from the tile server, and the offline basemap's outlines only when
tiles fail). --repo measures another checkout of the service (an older commit, for comparison).
Bar: the actor map page with every asset at most 400 KB gzipped; with --check, exit 1 when missed.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from service_http import wait_ready

REPO = Path(__file__).resolve().parent.parent
BYTES_BAR = 400_000
ASSETS = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, bytes]:
    """The bytes on the wire (gzipped when the server chose to) and the body unzipped."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip", "Accept": "text/html,*/*"})
    response = connection.getresponse()
    raw = response.read()
    if response.status != 200:
        raise SystemExit(f"GET {path}: HTTP {response.status}")
    body = gzip.decompress(raw) if response.getheader("Content-Encoding") == "gzip" else raw
    return len(raw), body


def weigh(port: int, path: str) -> tuple[int, int]:
    wire, page = fetch(port, path)
    total_wire, total_plain = wire, len(page)
    print(f"  {wire:>9,} {len(page):>10,}  {path}")
    base = f"http://127.0.0.1:{port}{path}"
    for link in dict.fromkeys(ASSETS.findall(page.decode("utf-8"))):
        target = urlsplit(urljoin(base, link))
        if target.netloc != f"127.0.0.1:{port}":
            print(f"  {'(elsewhere)':>20}  {link}")
            continue
        asset_wire, asset = fetch(port, target.path)
        total_wire += asset_wire
        total_plain += len(asset)
        print(f"  {asset_wire:>9,} {len(asset):>10,}  {target.path}")
    print(f"  {total_wire:>9,} {total_plain:>10,}  in all (bytes on the wire, unzipped)")
    return total_wire, total_plain


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", action="append", help="pages to weigh (default: the actor map and its embed)")
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout of the service to run")
    parser.add_argument("--check", action="store_true", help="exit 1 when the bar is missed")
    args = parser.parse_args(argv)
    paths = args.path or ["/actors/kim-jong-un/map", "/embed/actors/kim-jong-un"]

    index = REPO / "data" / "gazetteer.sqlite"
    if not index.exists():
        raise SystemExit("build the gazetteer first: itinerant gazetteer build")
    with tempfile.TemporaryDirectory() as data_dir:
        os.symlink(index.resolve(), Path(data_dir) / "gazetteer.sqlite")
        env = {
            **os.environ,
            "ITINERANT_DATA_DIR": data_dir,
            "ITINERANT_ASSETS_DIR": str(REPO / "node_modules"),
            "PYTHONPATH": str(args.repo),
        }
        seeded = subprocess.run(
            [sys.executable, "-m", "app.cli", "seed"], cwd=args.repo, env=env, capture_output=True, check=False
        )
        if seeded.returncode:
            raise SystemExit(f"itinerant seed failed: {seeded.stderr.decode()[-2000:]}")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
            cwd=args.repo,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_ready(port, server)
            results = {}
            for path in paths:
                print(path)
                results[path] = weigh(port, path)
        finally:
            server.terminate()
            server.wait(30)
    wire, _plain = results[paths[0]]
    ok = wire <= BYTES_BAR
    print(f"bar: {paths[0]} with every asset <= {BYTES_BAR / 1e3:.0f} KB gzipped -> {'met' if ok else 'MISSED'}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
