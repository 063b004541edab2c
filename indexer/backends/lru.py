"""A bounded map of recently used values, shared by the searchers' caches (pages, snippets, postings, phrases)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

_MISSING = object()


class LRU:
    """Values up to a total weight (each weighs 1 unless weigh says otherwise), least recently used dropped
    first; thread-safe. A limit of 0 keeps nothing."""

    def __init__(self, limit: int, weigh: Callable[[object], int] | None = None):
        self.limit = limit
        self._weigh = weigh or (lambda value: 1)
        self._items: OrderedDict = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, default=None):
        """The value under key (now the most recently used), or default."""
        with self._lock:
            value = self._items.get(key, _MISSING)
            if value is _MISSING:
                return default
            self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value) -> None:
        """Keep value under key, dropping the least recently used values beyond the limit (never the newest)."""
        if not self.limit:
            return
        weight = self._weigh(value)
        with self._lock:
            old = self._items.pop(key, _MISSING)
            if old is not _MISSING:
                self._weight -= self._weigh(old)
            self._items[key] = value
            self._weight += weight
            while self._weight > self.limit and len(self._items) > 1:
                _, dropped = self._items.popitem(last=False)
                self._weight -= self._weigh(dropped)

    def clear(self) -> None:
        """Drop every value."""
        with self._lock:
            self._items.clear()
            self._weight = 0

    def __len__(self) -> int:
        return len(self._items)
