"""The bounded cache every searcher cache is built on."""

from __future__ import annotations

from indexer.backends.lru import LRU


def test_least_recently_used_goes_first_by_weight():
    cache = LRU(10, weigh=len)
    cache.put("a", "xxxx")
    cache.put("b", "xxxx")
    assert cache.get("a") == "xxxx"  # now the most recently used
    cache.put("c", "xxxx")  # 12 > 10: "b" goes, not "a"
    assert cache.get("b") is None and cache.get("a") == "xxxx" and cache.get("c") == "xxxx"


def test_the_newest_value_is_kept_even_when_it_alone_is_over_the_limit():
    cache = LRU(3, weigh=len)
    cache.put("a", "x")
    cache.put("big", "xxxxxx")
    assert len(cache) == 1 and cache.get("big") == "xxxxxx"


def test_replacing_a_value_reweighs_it_and_zero_keeps_nothing():
    cache = LRU(5, weigh=len)
    cache.put("a", "xxxx")
    cache.put("a", "x")
    cache.put("b", "xxxx")
    assert cache.get("a") == "x" and cache.get("b") == "xxxx"
    cache.clear()
    assert len(cache) == 0 and cache.get("a", "gone") == "gone"
    off = LRU(0)
    off.put("a", 1)
    assert off.get("a") is None
