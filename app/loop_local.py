"""A value of one event loop: each worker process, and each test client's call, has its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from anyio.lowlevel import RunVar

__all__ = ["loop_local"]

Value = TypeVar("Value")


def loop_local(var: RunVar[Value], make: Callable[[], Value]) -> Value:
    """The running event loop's value of `var`, made by `make` the first time the loop asks."""
    try:
        return var.get()
    except LookupError:
        value = make()
        var.set(value)
        return value
