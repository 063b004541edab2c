"""Where a page of results starts on OpenSearch: by number within the result window, or after a cursor.

Pages by number are read with from/size, which the index allows up to its max_result_window. Deeper, a page
is read with search_after from the sort values its cursor carries (indexer/cursor.py: the previous page's
last hit, and whether it was a full match or one of the some-words matches listed after them). A cursor is
plain data in the page's URL: no point in time is kept open per visitor (exports hold one while they run).
"""

from __future__ import annotations

from ...model import QueryError
from .store import MAX_RESULT_WINDOW


def position(request) -> tuple[int, tuple | None, str]:
    """(results before the page, the sort values to read after, the listing they are in): from the request's
    cursor when it has sort values (any depth), else from its page number (within the result window)."""
    cursor = request.cursor
    if cursor is not None and cursor.values:
        return cursor.offset, cursor.values, cursor.listing
    start = request.start
    if start + request.per_page > MAX_RESULT_WINDOW:
        raise QueryError(
            f"results past {MAX_RESULT_WINDOW:,} cannot be opened by number: follow the pages' 'next' "
            "cursor (after=) from an earlier page, or narrow the search"
        )
    return start, None, "all"


def sort_order(sort: str, ranked: bool) -> list:
    """The sort of a listing: every result has its own place (the id breaks ties), so search_after resumes it."""
    # Equal scores go newest first, as on Whoosh; then Whoosh keeps index order, OpenSearch orders by id.
    if ranked:
        return ["_score", {"date": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
    order = "asc" if sort == "oldest" else "desc"
    return [{"date": {"order": order, "missing": "_last"}}, {"id": "asc"}]
