"""Warm-up: the answers the last `serve` was asked for, made again before the workers take requests.

After a start, every worker's memory is empty, and so are the shared store's entries of the code
and data as they now are when either changed while the service was down (a deployment, a write by
`itinerant ingest`); the first second of requests would then each wait for answers being made, on
cores shared with the requests themselves. The shared store (app/shared_responses.py) keeps, with
each answer, the request that asked for it; before its workers start, `serve` runs this module in a
process of its own (`python -m app.warm_up DIRECTORY`), which builds the application as a worker
does and asks it again for those requests, the most recently made first, so that their answers are
in the shared store when the first requests come. An answer still valid is found there at the
cost of a lookup; one made before a write or under other code has another key and is made afresh,
exactly as a worker would make it (the same middlewares, the same key).

Bounded: `serve` waits for it `ITINERANT_WARM_UP_SECONDS` at most (the process stops asking once
its deadline is near, and is killed if it overruns), and it asks for `ITINERANT_WARM_UP_ANSWERS`
answers at most. Whatever happens to it (an error, a database that does not answer, a kill), the
start goes on; a kill leaves no claim held (the system lets a dead process's locks go) and no entry
half-written (a SQLite transaction).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import anyio

from app.shared_responses import ReplayableRequest

__all__ = ["WarmUpReport", "ask", "replay", "warm_up"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class WarmUpReport:
    asked: int = 0
    answered: int = 0  # 200s: made into the shared store, or found there
    seconds: float = 0.0
    stopped: bool = False  # the deadline came before every request was asked

    def __str__(self) -> str:
        return f"{self.answered} of {self.asked} answers ready in {self.seconds:.1f} s" + (
            " (stopped at its time bound)" if self.stopped else ""
        )


def _scope(request: ReplayableRequest) -> dict:
    host = dict(request.headers).get(b"host", b"").decode("latin-1")
    name, _, port = host.rpartition(":") if host.rsplit(":", 1)[-1].isdigit() else (host, "", "")
    default_port = 443 if request.scheme == "https" else 80
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": request.scheme,
        "path": request.path,
        "raw_path": request.path.encode(),
        "root_path": request.root_path,
        "query_string": request.query,
        "headers": list(request.headers),
        "client": ("127.0.0.1", 0),
        "server": (name or "127.0.0.1", int(port) if port else default_port),
        "state": {},
    }


async def ask(app, request: ReplayableRequest) -> int:
    """GET `request` of the ASGI `app`, its answer dropped; the status."""
    status = 0
    finished = anyio.Event()
    received = False

    async def receive() -> dict:
        nonlocal received
        if not received:
            received = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await finished.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body" and not message.get("more_body", False):
            finished.set()

    try:
        await app(_scope(request), receive, send)
    finally:
        finished.set()
    return status


async def replay(app, requests: list[ReplayableRequest], deadline: float) -> WarmUpReport:
    """Ask `app` for each of `requests` in turn until `deadline` (time.monotonic())."""
    report = WarmUpReport()
    started = time.monotonic()
    for request in requests:
        if time.monotonic() >= deadline:
            report.stopped = True
            break
        report.asked += 1
        try:
            if await ask(app, request) == 200:
                report.answered += 1
        except Exception:  # one request's fault is not the warm-up's
            log.warning("warm-up: %s failed", request.path, exc_info=True)
    report.seconds = time.monotonic() - started
    return report


def warm_up(directory: Path, *, seconds: float, answers: int, settings=None, services=None) -> WarmUpReport:
    """Ask the application, as a worker builds it over the shared store in `directory`, for the
    requests the store kept (`answers` at most, the newest first), for `seconds` at most."""
    from app.main import create_app

    deadline = time.monotonic() + seconds
    app = create_app(settings, services=services, shared_cache=Path(directory))
    try:
        store = app.state.shared_responses
        if store is None or answers <= 0:
            return WarmUpReport()
        return anyio.run(replay, app, store.requests_to_replay(answers), deadline)
    finally:
        if app.state.shared_responses is not None:
            app.state.shared_responses.close()
        if services is None:
            app.state.services.engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ask again for the answers a shared store kept the requests of.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--until", type=float, required=True, help="when to stop asking (seconds since the epoch)")
    parser.add_argument("--answers", type=int, required=True, help="the most requests to ask")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    report = warm_up(args.directory, seconds=max(0.0, args.until - time.time()), answers=args.answers)
    print(report, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
