"""Page cursors: where the next page of a search starts, past any page-number limit (`after=` in URLs).

A page's `next` is a cursor for the results after it; a search given one (SearchRequest.after) lists the
results that follow, however deep. It holds the number of results before the page it opens and, from a
backend that reads pages by sort values (OpenSearch's search_after), the last result's sort values and
which listing it came from (the full matches, or the some-words ones listed after them). It also holds a
fingerprint of the search, so a cursor pasted onto another search is refused rather than misread.
Cursors keep no state on the server: they are plain data, checked when read.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from .model import QueryError

CURSOR_VERSION = 1
MAX_CURSOR_CHARS = 600
MAX_SORT_VALUES = 4
MAX_VALUE_CHARS = 200
LISTINGS = ("all", "some")  # the full matches, then the releases holding only some of the words
# What decides the order of a search's results: a cursor is valid for any search that agrees on these.
ORDER_FIELDS = ("query", "tickers", "date_from", "date_to", "filters", "sort", "spelling", "collapse", "match")


@dataclass(frozen=True)
class Cursor:
    """Where a page starts: results before it, and the last one's sort values in its listing (when known)."""

    offset: int
    search: str  # fingerprint of the search it belongs to
    listing: str = "all"
    values: tuple | None = None  # the backend's sort values of the result before the page

    def encode(self) -> str:
        """The cursor as URL-safe text."""
        data = [CURSOR_VERSION, self.offset, self.search, self.listing, list(self.values) if self.values else None]
        raw = json.dumps(data, separators=(",", ":"), ensure_ascii=True).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def fingerprint(request) -> str:
    """A short digest of what decides a search's order (not its page or page size)."""
    parts = [_plain(getattr(request, name)) for name in ORDER_FIELDS]
    return hashlib.blake2b(json.dumps(parts, default=str).encode(), digest_size=6).hexdigest()


def read_cursor(text: str, request) -> Cursor:
    """The cursor in text, checked to belong to request's search; a QueryError that says what to do if not."""
    hint = "take it from a page's 'next' (or start again from page 1)"
    text = text.strip()
    if len(text) > MAX_CURSOR_CHARS:
        raise QueryError(f"the cursor (after=) is too long: {hint}")
    try:
        data = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        version, offset, search, listing, values = data
    except (ValueError, TypeError):
        raise QueryError(f"the cursor (after=) cannot be read: {hint}") from None
    if version != CURSOR_VERSION or not _valid(offset, search, listing, values):
        raise QueryError(f"the cursor (after=) cannot be read: {hint}")
    if search != fingerprint(request):
        raise QueryError(f"the cursor (after=) belongs to another search: {hint}")
    return Cursor(offset, search, listing, tuple(values) if values else None)


def next_cursor(request, page, values: tuple | None = None, listing: str = "all") -> str | None:
    """The cursor of the results after page (its last hit's sort values when the backend pages by them);
    None when the page is the last."""
    start = request.start
    end = start + len(page.hits)
    if not page.hits or end >= page.total + page.partial_total:
        return None
    return Cursor(end, fingerprint(request), listing, tuple(values) if values else None).encode()


def _valid(offset, search, listing, values) -> bool:
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        return False
    if not isinstance(search, str) or listing not in LISTINGS:
        return False
    if values is None:
        return True
    if not isinstance(values, list) or not 0 < len(values) <= MAX_SORT_VALUES:
        return False
    return all(
        (isinstance(v, int | float) and not isinstance(v, bool)) or (isinstance(v, str) and len(v) <= MAX_VALUE_CHARS)
        for v in values
    )


def _plain(value):
    if isinstance(value, dict):
        return sorted((k, _plain(v)) for k, v in value.items())
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    return value
