"""A real HTTP server for tests whose client speaks HTTP itself (OWSLib, a browser, the gold scorer)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

__all__ = ["serve"]

SHUTDOWN_SECONDS = 20


@contextmanager
def serve(app) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port in a thread; yields the base URL."""
    # Binding here, on port 0, leaves no window in which another process could take the port.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(app, lifespan="off", ws="none", log_level="warning", timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    started = threading.Event()
    while not started.wait(0.02):  # readiness, not a timing assertion
        if server.started:
            started.set()
        elif not thread.is_alive():
            raise RuntimeError("uvicorn stopped before it started serving")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(SHUTDOWN_SECONDS)
        listener.close()
