"""Search parameters in the URL: read them (with the site's limits) and write URLs that change them.

Pages, the JSON API, exports and feeds all read a search the same way, so one URL means one search everywhere.
"""

from __future__ import annotations

import dataclasses
import functools
from urllib.parse import quote, quote_plus

from flask import current_app, g, url_for
from werkzeug.datastructures import MultiDict

from indexer import SearchRequest
from indexer.model import Page, QueryError, counted
from indexer.schema import FACETS
from indexer.search import MAX_PER_PAGE

from .links import external_url

FACET_PARAMS = tuple(f.name for f in FACETS)
# Parameters that describe a search (everything else in a query string is ignored).
# spell=0: the words as typed ("Search instead for"); more=<facet>: that facet with all its values listed.
SEARCH_PARAMS = ("q", "from", "to", "sort", "per_page", "match", "spell", "more", *FACET_PARAMS)
MORE_FACET_VALUES = 200
MAX_FILTER_VALUES = 20
MAX_VALUE_CHARS = 200
MAX_DATE_CHARS = 40
# The largest page number read at all (past the window a search runs once, to say where its results end).
MAX_PAGE_NUMBER = 10**9
# The characters Werkzeug's url_for leaves unescaped in query strings (the WHATWG percent-encode set's gaps).
QUERY_SAFE = "!$'()*,/:;?@"


class PastTheWindow(QueryError):
    """A page number past the result window: the search may end before it, or hold results there that page
    numbers cannot reach."""

    def __init__(self, message: str, page: int):
        super().__init__(message)
        self.page = page


def whole_number(args: MultiDict, name: str, default: int, low: int, high: int, hint: str = "") -> int:
    """An integer parameter within [low, high], or a QueryError that says which values work."""
    raw = args.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise QueryError(f"{name} must be a whole number from {low} to {high}, not {raw[:40]!r}") from None
    if not low <= value <= high:
        raise QueryError(f"{name} must be from {low:,} to {high:,} (got {value:,}){hint}")
    return value


def filters_from(args: MultiDict) -> dict[str, list[str]]:
    """Facet filters from the URL (ticker=..., wire=..., repeatable), checked against the limits."""
    filters = {name: [v for v in args.getlist(name) if v.strip()] for name in FACET_PARAMS}
    filters = {name: values for name, values in filters.items() if values}
    count = sum(len(values) for values in filters.values())
    if count > MAX_FILTER_VALUES:
        raise QueryError(f"too many filters ({count}; at most {MAX_FILTER_VALUES}): remove some")
    for name, values in filters.items():
        for value in values:
            if len(value) > MAX_VALUE_CHARS:
                raise QueryError(f"the {name} filter is too long (at most {MAX_VALUE_CHARS} characters)")
    return filters


def search_request(
    args: MultiDict,
    *,
    default_per_page: int | None = None,
    per_page: int | None = None,
    page: int | None = None,
    sort: str | None = None,
    facets: tuple[str, ...] | None = None,
    snippets: bool = True,
) -> SearchRequest:
    """A checked SearchRequest from URL parameters: q, from, to, sort, page (or after), per_page, match, facets.

    Keyword arguments fix a value instead of reading it (exports and feeds choose their own pages). A page
    read from the URL must lie within the result window, the deepest result a visitor may page to.
    """
    config = current_app.config
    for name in ("from", "to"):
        if len(args.get(name, "")) > MAX_DATE_CHARS:
            raise QueryError(f"the '{name}' date is too long: write it as YYYY-MM-DD, e.g. 2011-10-20")
    if per_page is None:
        per_page = whole_number(args, "per_page", default_per_page or config["PER_PAGE"], 1, MAX_PER_PAGE)
    after = ""
    if page is None:
        # after=: a page's `next` cursor, which goes on past the window; page numbers stay within it.
        after = args.get("after", "").strip()
        window = config["RESULT_WINDOW"]
        page = 1 if after else _page_number(args, last_page(per_page), _window_hint(window))
    options = {"facets": facets} if facets is not None else {}
    more = args.get("more", "").strip()
    if more:
        options["facet_limits"] = {more: MORE_FACET_VALUES}
    request = SearchRequest(
        query=args.get("q", ""),
        date_from=args.get("from") or None,
        date_to=args.get("to") or None,
        filters=filters_from(args),
        sort=sort or args.get("sort") or "relevance",
        page=page,
        per_page=per_page,
        snippets=snippets,
        match=args.get("match") or "all",
        spelling=_spelling(args),
        after=after,
        **options,
    )
    if request.date_from and request.date_to and request.date_from > request.date_to:
        raise QueryError(f"the 'from' date {request.date_from} is after the 'to' date {request.date_to}: swap them")
    return request


def _spelling(args: MultiDict) -> bool:
    """spell=0: the words as typed; 1 (the default): unknown words as their likely spellings. Anything else is
    refused, as the OpenAPI document's enum says, rather than read as 1."""
    value = args.get("spell", "").strip()
    if value not in ("", "0", "1"):
        raise QueryError(
            f"spell must be 1 (unknown words as their likely spellings) or 0 (as typed), not {value[:20]!r}"
        )
    return value != "0"


def searched_page(index, args: MultiDict, parsed, **options) -> tuple[SearchRequest, Page]:
    """The search the URL asks for and its page of results (options as search_request's).

    A page number past the window on a search that ends before it answers as any page past the last one: no
    hits, with the search's totals. PastTheWindow only when the search holds results past the window (page
    numbers cannot reach them)."""
    try:
        asked = search_request(args, **options)
    except PastTheWindow as past:
        # The totals are the same on every page: the first one gives them.
        asked = search_request(args, page=1, **options)
        found = index.search(request=asked, parsed=parsed(asked.query))
        if found.pages > last_page(asked.per_page):
            raise
        return asked, dataclasses.replace(found, hits=[], page=past.page, next=None)
    return asked, index.search(request=asked, parsed=parsed(asked.query))


def _page_number(args: MultiDict, deepest: int, hint: str) -> int:
    """The page number asked, from 1 to the window's deepest page; PastTheWindow for a larger one."""
    try:
        return whole_number(args, "page", 1, 1, deepest, hint)
    except QueryError as exc:
        try:
            past = int(args.get("page", "").strip())
        except ValueError:
            raise exc from None
        if deepest < past <= MAX_PAGE_NUMBER:
            raise PastTheWindow(str(exc), past) from None
        raise


def pages_held(page: Page) -> str:
    """How far a search's pages go ("this search has 80 results on 4 pages"), for a page number past them."""
    return f"this search has {counted(page.total + page.partial_total, 'result')} on {counted(page.pages, 'page')}"


def is_past_the_end(page: Page) -> bool:
    """Whether a page lies past the last page of a search that found something."""
    return page.page > page.pages and bool(page.total or page.partial_total)


def last_page(per_page: int) -> int:
    """The deepest page a visitor may open at this page size."""
    return max(1, current_app.config["RESULT_WINDOW"] // per_page)


def _window_hint(window: int) -> str:
    return (
        f": only the first {window:,} results can be paged through by number; follow the 'next' links (after=) "
        "past them, or narrow the search with filters or dates"
    )


def is_search(args: MultiDict) -> bool:
    """Whether the URL asks for a search (anything but the bare home page)."""
    return any(args.get(name, "").strip() for name in ("q", "from", "to", "sort", "page")) or any(
        v.strip() for name in FACET_PARAMS for v in args.getlist(name)
    )


def search_state(args: MultiDict) -> MultiDict:
    """Only the parameters that describe the search, without page: what links and forms carry along."""
    return MultiDict([(k, v) for k, v in args.items(multi=True) if k in SEARCH_PARAMS and v != ""])


def search_url(args: MultiDict, endpoint: str = "views.search", _external: bool = False, **changes) -> str:
    """The URL of this search with some parameters changed (None removes one); the page resets unless given.

    The URL url_for(endpoint, **parameters) gives, built without routing each time: a results page links a
    hundred variations of its search (facets, pages, timeline bars), and url_for was most of its rendering time.
    """
    # As url_for orders them: the parameters kept, in their order, then the changed ones.
    pairs = [_query_pair(k, v) for k, v in search_state(args).items(multi=True) if k not in changes]
    for key, value in changes.items():
        if value is not None:
            pairs += [_query_pair(key, item) for item in (value if isinstance(value, list | tuple) else [value])]
    base = endpoint_url(endpoint, _external)
    return f"{base}?{'&'.join(pairs)}" if pairs else base


@functools.lru_cache(maxsize=4096)
def _query_pair(key: str, value) -> str:
    """One 'key=value' of a query string, escaped as url_for escapes it (the same few recur on every page)."""
    return f"{quote_plus(str(key), safe=QUERY_SAFE)}={quote_plus(str(value), safe=QUERY_SAFE)}"


def endpoint_url(endpoint: str, external: bool = False) -> str:
    """url_for(endpoint) for an endpoint without path parameters, worked out once per request."""
    urls = g.setdefault("endpoint_urls", {})
    key = (endpoint, external)
    if key not in urls:
        # Absolute ones on the configured public address, never the request's Host (see links.py).
        urls[key] = external_url(url_for(endpoint)) if external else url_for(endpoint)
    return urls[key]


def release_url(release_id: str) -> str:
    """url_for("views.release", release_id=...) for the many result links of a page, routed once per request."""
    prefix = g.get("release_url_prefix")
    if prefix is None:
        placeholder = "0" * 16
        prefix = g.release_url_prefix = url_for("views.release", release_id=placeholder).removesuffix(placeholder)
    return prefix + quote(release_id, safe="")


def release_link(release_id: str, args: MultiDict, page: int = 1, after: str = "") -> str:
    """A result's link: the release page, carrying the search (and its page, or the cursor that opened it past the
    window) for highlights and a way back."""
    _, sep, query = results_url(args, page if page > 1 else None, after).partition("?")
    return release_url(release_id) + (f"?{query}" if sep else "")


def results_url(args: MultiDict, page: int | str | None = None, after: str = "") -> str:
    """The URL of the results page these parameters show: its cursor (after, else the one in args) past the
    window, where page numbers stop, else its page number."""
    after = (after or args.get("after", "")).strip()
    if after:
        return search_url(args, after=after)
    return search_url(args, page=page)


def toggle_url(args: MultiDict, name: str, value: str) -> str:
    """The URL that adds a facet value to the search, or removes it when it is already selected."""
    current = args.getlist(name)
    chosen = [v for v in current if v != value] if value in current else [*current, value]
    return search_url(args, **{name: chosen or None})


def active_filters(args: MultiDict) -> list[tuple[str, str, str]]:
    """What the search is narrowed by, as (parameter, value, URL without it) for removable chips."""
    chips = [(name, value, toggle_url(args, name, value)) for name in FACET_PARAMS for value in args.getlist(name)]
    chips += [(name, args[name], search_url(args, **{name: None})) for name in ("from", "to") if args.get(name)]
    return [chip for chip in chips if chip[1].strip()]


def get_index():
    """The app's open index (its searches through the costly lane when this request's search is costly)."""
    from .limits import for_this_request

    return for_this_request(current_app.extensions["release_index"].get())
