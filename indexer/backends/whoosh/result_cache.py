"""Finished pages of recent searches, kept per index snapshot: a repeated search costs a dictionary lookup.

One cache belongs to one snapshot (one generation of the index), so a rebuilt index, which is a new
snapshot, starts with an empty cache and never serves pages of the old one. Entries are keyed by
everything a search asks for (every field of the request, and the parsed query tree, whose relative
dates are resolved at parse time) and bounded by count. Pages go in and come out as copies, so no caller
can change what another will be served.
"""

from __future__ import annotations

import dataclasses
import os

from ...model import Facet, FacetValue, Hit, Page, ReleaseSearchError
from ..lru import LRU

RESULT_CACHE_ENV = "RELEASES_RESULT_CACHE"
DEFAULT_RESULT_CACHE = 1024  # pages per snapshot (and per server worker); a page with facets is a few kilobytes


def result_cache_size(size: int | None = None) -> int:
    """Pages to keep per snapshot: size, else $RELEASES_RESULT_CACHE, else 1024 (0 turns caching off)."""
    if size is None:
        text = os.environ.get(RESULT_CACHE_ENV, "").strip()
        if not text:
            return DEFAULT_RESULT_CACHE
        try:
            size = int(text)
        except ValueError:
            raise ReleaseSearchError(
                f"{RESULT_CACHE_ENV}={text!r} is not a whole number: set it to the number of result pages "
                "to keep (0 turns the cache off)"
            ) from None
    return max(0, size)


class ResultCache:
    """The last `size` pages searched on one snapshot, least recently used dropped first; thread-safe.

    copy makes the private copy kept and handed out: copy_page for pages, copy_hits for lists of hits.
    """

    def __init__(self, size: int, copy=None):
        self.size = size
        self._copy = copy or copy_page
        self._pages = LRU(size)

    def get(self, key):
        """A copy of the page stored under key, or None."""
        if key is None or not self.size:
            return None
        page = self._pages.get(key)
        return None if page is None else self._copy(page)

    def put(self, key, page) -> None:
        """Keep a copy of page under key."""
        if key is None or not self.size:
            return
        self._pages.put(key, self._copy(page))

    def __len__(self) -> int:
        return len(self._pages)


def request_key(request, parsed) -> tuple | None:
    """Everything that decides a search's page, as a hashable key; None when some part cannot be one."""
    try:
        key = (
            tuple((f.name, _frozen(getattr(request, f.name))) for f in dataclasses.fields(request)),
            parsed.tree,
            tuple(parsed.words),
        )
        hash(key)
    except TypeError:
        return None
    return key


def _frozen(value):
    if isinstance(value, dict):
        return tuple((k, _frozen(v)) for k, v in sorted(value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, set):
        return frozenset(value)
    return value


def copy_page(page: Page) -> Page:
    """A copy of a page that shares nothing mutable with it."""
    return dataclasses.replace(
        page,
        hits=[_copy_hit(hit) for hit in page.hits],
        facets={
            name: Facet(facet.name, [FacetValue(v.value, v.count, v.selected) for v in facet.values])
            for name, facet in page.facets.items()
        },
        timeline=[dict(period) for period in page.timeline],
    )


def copy_hits(hits: list[Hit]) -> list[Hit]:
    """Copies of hits that share nothing mutable with them."""
    return [_copy_hit(hit) for hit in hits]


def _copy_hit(hit: Hit) -> Hit:
    return dataclasses.replace(
        hit, tickers=list(hit.tickers), types=list(hit.types), duplicates=[dict(d) for d in hit.duplicates]
    )
