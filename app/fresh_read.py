"""A read shared by the callers that ask at the same time, and begun only after each of them asked.

The response cache reads the data's revision for every request it answers. Under load that is
thousands of reads a second, each a trip through the connection pool and a worker thread (and,
on PostgreSQL, to the server and back), although one read serves every request waiting for it
as well: what a request needs is a revision read *after it arrived*, so that any write committed
before then is seen. So while one read is in flight, the callers that arrive gather, and when it
ends one new read begins for all of them, then another for those that came meanwhile: at most
one read in flight, each caller's begun after it asked, and a caller waits at most two reads.

Per event loop (one per worker process, one per test client's call), like app/deps.py's gates.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import anyio
from anyio.lowlevel import RunVar

from app.loop_local import loop_local

__all__ = ["FreshRead"]

Value = TypeVar("Value")


class _Round(Generic[Value]):
    """One read and the callers that share it."""

    def __init__(self) -> None:
        self.done = anyio.Event()
        self.finished = False  # False once done: abandoned (its caller cancelled), the others read again
        self.value: Value | None = None
        self.error: Exception | None = None


class _Turns(Generic[Value]):
    def __init__(self) -> None:
        self.gathering: _Round[Value] | None = None  # callers join it until its read begins
        self.in_flight: _Round[Value] | None = None


class FreshRead(Generic[Value]):
    """`await fresh()` gives what `read()` gives, from a read that began after the call."""

    def __init__(self, read: Callable[[], Awaitable[Value]]) -> None:
        self._read = read
        self._turns: RunVar[_Turns[Value]] = RunVar(f"itinerant_fresh_read_{id(self)}")

    async def __call__(self) -> Value:
        turns = loop_local(self._turns, _Turns)
        while True:
            joined = turns.gathering
            if joined is None:
                return await self._lead(turns)
            await joined.done.wait()
            if joined.finished:
                if joined.error is not None:
                    raise joined.error  # the callers sharing a read meet its fault alike
                return joined.value  # type: ignore[return-value]

    async def _lead(self, turns: _Turns[Value]) -> Value:
        mine = turns.gathering = _Round()
        try:
            # One read at a time: the one in flight began before some of us asked; ours comes next.
            while turns.in_flight is not None:
                await turns.in_flight.done.wait()
            turns.gathering = None  # from here on, callers wait for the read after this one
            turns.in_flight = mine
            try:
                mine.value = await self._read()
            except Exception as error:
                mine.error = error
                raise
            mine.finished = True
            return mine.value
        except BaseException:
            if mine.error is not None:
                mine.finished = True
            raise
        finally:
            if turns.gathering is mine:
                turns.gathering = None
            if turns.in_flight is mine:
                turns.in_flight = None
            mine.done.set()
