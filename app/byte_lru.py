"""A least-recently-used map bounded by the bytes of its values, not by their number.

Responses range from a few hundred bytes (a geocoding answer) to megabytes (a page of
thousands of features): a bound on entries would hold either too little or too much memory.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

__all__ = ["ByteLRU"]

Value = TypeVar("Value")


class ByteLRU(Generic[Value]):
    """Values with their sizes; the least recently used go first once the sizes pass `max_bytes`.

    A value larger than `max_entry_bytes` is not kept at all (it would push out many others for
    one request). Safe to share between threads.
    """

    def __init__(self, max_bytes: int, max_entry_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self._entries: OrderedDict[Hashable, tuple[Value, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Value | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: Hashable, value: Value, size: int) -> bool:
        """Keep `value` (of `size` bytes) under `key`; False when it is too large to keep."""
        if size > self.max_entry_bytes:
            return False
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._bytes -= previous[1]
            self._entries[key] = (value, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _key, (_value, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped
        return True

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)
