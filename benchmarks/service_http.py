"""HTTP throughput of /api/geocode and the resident memory of the whole running service.

    .venv/bin/python benchmarks/service_http.py [--requests 3000] [--threads 4]

Starts `itinerant serve` in a child process on a free loopback port over a throw-away data
directory (the gazetteer index is linked in from ./data), then:
  1. sends --requests GET /api/geocode requests for a mix of real place names from --threads
     keep-alive connections and prints requests per second;
  2. ingests the seed article (which loads the geoparser and the NER model) and prints the
     server's resident memory (VmRSS and its peak VmHWM from /proc) before and after.
Loopback only; the number of requests is bounded.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NAMES = [
    "Vladivostok", "Komsomolsk-on-Amur", "Sochi", "Pyongyang", "Seoul", "Moscow", "Paris, Texas", "Hanoi",
    "Springfield, Illinois", "Kingston", "Victoria, B.C.", "Newcastle", "Black Sea", "North Korea", "Belarus",
    "Amur Oblast", "Primorsky Krai", "Lagos", "Sao Paulo", "Edmonton", "Qwxzvbnmland", "Khasan", "Cairo", "Kyiv",
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> tuple[float, float]:
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def wait_ready(port: int, process: subprocess.Popen) -> None:
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not become ready")


def hammer(port: int, paths: list[str], results: list[int]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    ok = 0
    for path in paths:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        ok += response.status == 200
    results.append(ok)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    index = REPO / "data" / "gazetteer.sqlite"
    if not index.exists():
        raise SystemExit("build the gazetteer first: itinerant gazetteer build")
    with tempfile.TemporaryDirectory() as data_dir:
        os.symlink(index, Path(data_dir) / "gazetteer.sqlite")
        port = free_port()
        env = {**os.environ, "ITINERANT_DATA_DIR": data_dir}
        server = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_ready(port, server)
            print(f"service started:            RSS {rss_mb(server.pid)[0]:.0f} MB")
            paths = [f"/api/geocode?q={urllib.parse.quote(NAMES[i % len(NAMES)])}" for i in range(args.requests)]
            hammer(port, paths[: len(NAMES)], [])  # warm-up: opens the index
            share = [paths[i :: args.threads] for i in range(args.threads)]
            results: list[int] = []
            threads = [threading.Thread(target=hammer, args=(port, part, results)) for part in share]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            seconds = time.perf_counter() - started
            print(f"/api/geocode:               {args.requests / seconds:,.0f} requests/s "
                  f"({sum(results)} of {args.requests} OK, {args.threads} connections, {seconds:.1f} s)")  # fmt: skip
            print(f"after geocoding:            RSS {rss_mb(server.pid)[0]:.0f} MB")
            seed = (REPO / "seeds" / "000_c9263cc6945fc7b5.txt").read_text(encoding="utf-8")
            body = json.dumps({"text": seed, "published": "2023-09-15", "source": "AP"})
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
            connection.request("POST", "/api/articles", body, {"Content-Type": "application/json"})
            status = connection.getresponse().status
            now, peak = rss_mb(server.pid)
            print(f"after ingesting the seed:   RSS {now:.0f} MB, peak {peak:.0f} MB (HTTP {status})")
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
