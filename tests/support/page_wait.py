"""Waiting in a browser page for something to be true, under the pages' Content-Security-Policy."""

from __future__ import annotations

import time

__all__ = ["wait_until"]


def wait_until(page, expression: str, arg=None, timeout_seconds: float = 10) -> None:
    """Wait until `expression` (JavaScript: an expression, or a function of `arg`) is true on the page.

    Playwright's wait_for_function builds its predicate with eval(), which the pages' CSP forbids,
    as it should; page.evaluate goes through the DevTools protocol, which the CSP does not govern.
    """
    deadline = time.monotonic() + timeout_seconds
    while not page.evaluate(expression, arg):
        assert time.monotonic() < deadline, f"still false after {timeout_seconds} s: {expression}"
        page.wait_for_timeout(50)
