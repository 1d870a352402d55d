"""app.fresh_read: callers that ask together share one read, which always began after they asked."""

from __future__ import annotations

import anyio
import pytest

from app.fresh_read import FreshRead


class SlowReads:
    """Reads numbered in the order they begin, each ending when the test lets it."""

    def __init__(self, fail: bool = False) -> None:
        self.begun = 0
        self.fail = fail
        self.release = anyio.Event()

    async def __call__(self) -> int:
        self.begun += 1
        number = self.begun
        await self.release.wait()
        if self.fail:
            raise RuntimeError(f"read {number} failed")
        return number


def test_callers_during_a_read_share_the_next_one_never_the_one_in_flight():
    async def main() -> tuple[list[tuple[int, int]], int]:
        reads = SlowReads()
        fresh = FreshRead(reads)
        seen: list[tuple[int, int]] = []

        async def ask() -> None:
            begun_before = reads.begun
            seen.append((begun_before, await fresh()))

        async with anyio.create_task_group() as group:
            group.start_soon(ask)
            await anyio.wait_all_tasks_blocked()  # the first read is in flight
            for _ in range(5):
                group.start_soon(ask)
            await anyio.wait_all_tasks_blocked()
            reads.release.set()
        return seen, reads.begun

    seen, begun = anyio.run(main)
    assert len(seen) == 6
    assert all(read > begun_before for begun_before, read in seen)  # each got a read begun after it asked
    assert begun == 2  # the five that came during the first read shared the second


def test_a_failed_read_fails_every_caller_that_shared_it_and_the_next_call_reads_again():
    async def main() -> list[str]:
        reads = SlowReads(fail=True)
        fresh = FreshRead(reads)
        errors: list[str] = []

        async def ask() -> None:
            try:
                await fresh()
            except RuntimeError as error:
                errors.append(str(error))

        async with anyio.create_task_group() as group:
            group.start_soon(ask)
            await anyio.wait_all_tasks_blocked()
            group.start_soon(ask)
            group.start_soon(ask)
            await anyio.wait_all_tasks_blocked()
            reads.release.set()
        reads.fail = False
        errors.append(str(await fresh()))
        return errors

    assert sorted(anyio.run(main)) == ["3", "read 1 failed", "read 2 failed", "read 2 failed"]


def test_a_caller_cancelled_before_its_read_leaves_the_others_to_read():
    async def main() -> list[int]:
        reads = SlowReads()
        fresh = FreshRead(reads)
        got: list[int] = []

        async def ask() -> None:
            got.append(await fresh())

        # A bound on waiting, not an assertion: a stranded caller would wait for ever.
        with anyio.fail_after(60):
            await _two_rounds_one_abandoned(reads, ask)
        return got

    got = anyio.run(main)
    assert sorted(got) == [1, 2]  # the joiner read again itself


async def _two_rounds_one_abandoned(reads: SlowReads, ask) -> None:
    async with anyio.create_task_group() as group:
        group.start_soon(ask)  # read 1 in flight
        await anyio.wait_all_tasks_blocked()
        with anyio.CancelScope() as cancelled:
            async with anyio.create_task_group() as inner:
                inner.start_soon(ask)  # leads the second read, then is cancelled before it begins
                await anyio.wait_all_tasks_blocked()
                group.start_soon(ask)  # joins it
                await anyio.wait_all_tasks_blocked()
                cancelled.cancel()
        reads.release.set()


@pytest.mark.parametrize("callers", [1, 3])
def test_one_caller_alone_reads_once(callers):
    async def main() -> int:
        reads = SlowReads()
        reads.release.set()
        fresh = FreshRead(reads)
        for _ in range(callers):
            await fresh()
        return reads.begun

    assert anyio.run(main) == callers
