"""Searching: the one entry point every caller (Python, CLI, web) goes through."""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from datetime import date

from .cost import check_cost
from .cursor import Cursor, next_cursor, read_cursor
from .match_mode import check_mode, check_not_stop_words
from .model import Export, ExportRow, Hit, Page, QueryError, Release, parse_date_arg
from .query import DateRange, ParsedQuery, date_filter, parse_query
from .schema import DEFAULT_FACETS, FACETS_BY_NAME
from .settings import default_index_path

SORTS = ("relevance", "newest", "oldest")
MAX_PER_PAGE = 100
MAX_PAGE = 1000
MAX_FACET_VALUES = 1000  # values of one facet a page may list ("more")
EXPORT_PAGE = MAX_PER_PAGE  # hits per search when a backend without its own export is read page by page


def _values(given) -> list:
    """A list of values from a list, a tuple or a set, or from one value given alone."""
    return [given] if isinstance(given, str) else list(given or ())


@dataclass
class SearchRequest:
    """Everything a search can ask for, checked and normalised."""

    query: str = ""
    tickers: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet name -> selected values (OR)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    facets: tuple[str, ...] = DEFAULT_FACETS
    facet_limit: int = 10
    # Facets shown with more values than facet_limit ("more" on a result page): name -> values to count.
    facet_limits: dict[str, int] = field(default_factory=dict)
    spelling: bool = True  # False: the words as typed, without the index's spellings of unknown words
    collapse: bool = True
    match: str = "all"  # "all": count releases holding every word (others listed after); "any": any word
    snippets: bool = True  # False: the opening text instead of highlighted passages (exports; ~10 ms a hit saved)
    # A page's `next` (cursor.py): the results after that page, at any depth; page is then worked out from it.
    after: str = ""
    cursor: Cursor | None = field(default=None, init=False)

    def __post_init__(self):
        self.query = (self.query or "").strip()
        # One value given as a string (tickers="IMGN", filters={"wire": "Business Wire"}) is that value, not its letters.
        # A cashtag ("$AAPL") is the symbol.
        self.tickers = [t.strip().removeprefix("$").upper() for t in _values(self.tickers) if t and t.strip()]
        self.date_from = parse_date_arg(self.date_from)
        self.date_to = parse_date_arg(self.date_to, end=True)
        if self.sort not in SORTS:
            raise QueryError(f"unknown sort '{self.sort}': use one of {', '.join(SORTS)}")
        try:
            self.page, self.per_page = int(self.page), int(self.per_page)
        except (TypeError, ValueError):
            raise QueryError("page and per_page must be whole numbers, e.g. page=2") from None
        if not self.after and not 1 <= self.page <= MAX_PAGE:
            raise QueryError(f"page must be between 1 and {MAX_PAGE}: narrow the search to see further")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise QueryError(f"per_page must be between 1 and {MAX_PER_PAGE}")
        unknown = [name for name in list(self.filters) + list(self.facets) if name not in FACETS_BY_NAME]
        if unknown:
            raise QueryError(f"unknown facet '{unknown[0]}': use one of {', '.join(FACETS_BY_NAME)}")
        self.filters = {k: [v for v in _values(vs) if v] for k, vs in self.filters.items() if any(_values(vs))}
        if "ticker" in self.filters:  # ticker=$AAPL: a cashtag is the symbol, as in the query and --ticker
            self.filters["ticker"] = [v.strip().removeprefix("$") for v in self.filters["ticker"]]
        self.match = check_mode(self.match)
        unknown = [name for name in self.facet_limits if name not in FACETS_BY_NAME]
        if unknown:
            raise QueryError(f"unknown facet '{unknown[0]}': use one of {', '.join(FACETS_BY_NAME)}")
        self.facet_limits = {k: max(1, min(int(v), MAX_FACET_VALUES)) for k, v in self.facet_limits.items()}
        self.after = (self.after or "").strip()
        if self.after:
            self.cursor = read_cursor(self.after, self)
            self.page = self.cursor.offset // self.per_page + 1

    @property
    def start(self) -> int:
        """Results before this page: the cursor's, else the page number's."""
        return self.cursor.offset if self.cursor is not None else (self.page - 1) * self.per_page

    def limit_of(self, facet: str) -> int:
        """How many values of a facet to count and show: as asked, else all of a timeline's, else facet_limit."""
        if facet in self.facet_limits:
            return self.facet_limits[facet]
        return MAX_FACET_VALUES if FACETS_BY_NAME[facet].every_value else self.facet_limit

    @property
    def date_range(self) -> DateRange | None:
        """The --from/--to range, both days included."""
        return date_filter(self.date_from, self.date_to)


class ReleaseIndex:
    """An open index: search it, fetch releases, list related ones. Close it when done."""

    def __init__(self, backend):
        self.backend = backend

    def search(self, query: str = "", *, parsed: ParsedQuery | None = None, **options) -> Page:
        """Search with the CLI's options: tickers, date_from, date_to, filters, sort, page, per_page,
        match ("all": releases holding every word are counted, the others follow; "any": any word).
        parsed: the request's query as parse_query gave it, when the caller parsed it already."""
        request = options.pop("request", None) or SearchRequest(query=query, **options)
        if parsed is None:
            parsed = parse_query(request.query)
        check_cost(parsed.tree)  # refused before any work when over the budget, saying what to simplify
        check_not_stop_words(parsed.tree)
        page = self.backend.search(request, parsed)
        if page.next is None:  # a backend paging by sort values sets it (with the last hit's values)
            page.next = next_cursor(request, page)
        return page

    def export(self, query: str = "", *, text: bool = False, **options) -> Export:
        """Every release a search finds, in its order, as a stream: Export.total up front, then Export.rows
        (ExportRow: the hit, and with text=True its lede and body). page and per_page do not apply."""
        request = options.pop("request", None) or SearchRequest(query=query, **options)
        request = _changed(request, facets=(), snippets=False)
        parsed = parse_query(request.query)
        check_cost(parsed.tree)
        if hasattr(self.backend, "export"):
            return self.backend.export(request, parsed, text=text)
        return self._export_by_pages(request, parsed, text)

    def _export_by_pages(self, request: SearchRequest, parsed, text: bool) -> Export:
        """An export through the backend's pages, for a backend without its own export."""
        first = self.backend.search(_changed(request, page=1, per_page=EXPORT_PAGE), parsed)

        def rows():
            page, number = first, 1
            while page.hits:
                for hit in page.hits:
                    body = None
                    if text:
                        release = self.get(hit.id)
                        body = "\n\n".join(x for x in (release.lede, release.body) if x) if release else ""
                    yield ExportRow(hit, body)
                number += 1
                if (number - 1) * EXPORT_PAGE >= first.total:
                    break
                page = self.backend.search(_changed(request, page=number, per_page=EXPORT_PAGE), parsed)

        return Export(total=first.total, rows=rows())

    def relaxations(self, request: SearchRequest) -> list:
        """For a search that found nothing: each word and filter left out in turn, with what the search finds
        then (relax.Relaxation), most first."""
        from .relax import relaxations

        return relaxations(self, request)

    def examples(self) -> list:
        """Example searches built from this index's own values, each finding something (examples.Example)."""
        from .examples import example_searches

        return example_searches(self)

    def get(self, release_id: str) -> Release | None:
        """The Release with this id, all its sections, its source path and URL and its copies (.duplicates), or None."""
        return self.backend.get(release_id)

    def related(self, release_id: str, limit: int = 5) -> list[Hit]:
        """Releases like this one ('more like this'), excluding its copies on other wires."""
        return self.backend.related(release_id, limit=limit)

    def complete(self, prefix: str, limit: int = 8) -> list[dict]:
        """Autocomplete: tickers and company names starting with prefix, most releases first; an issuer's name
        carries its main listing ("Apple Inc. · NASDAQ:AAPL") and id."""
        found = self.backend.complete(completion_prefix(prefix), limit=limit)
        if any(entry.get("kind") == "company" for entry in found):
            registry = self.issuers()
            for entry in found:
                issuer = registry.by_name(entry["value"]) if entry.get("kind") == "company" else None
                if issuer is not None and issuer.name == entry["value"]:
                    entry["issuer"] = issuer.id
                    if issuer.main_listing:
                        entry["label"] = f"{issuer.name} \u00b7 {issuer.main_listing}"
        return found

    def issuers(self):
        """The issuer registry the index was built with (indexer.issuers.Registry)."""
        reader = getattr(self.backend, "issuer_registry", None)
        registry = reader() if reader else None
        if registry is None:
            from .issuers.sources import cached_registry

            registry = cached_registry()
        return registry

    def stats(self) -> dict:
        """Number of releases, date range, top tickers and wires."""
        return self.backend.stats()

    def close(self) -> None:
        """Release searchers and files."""
        self.backend.close()

    def __enter__(self) -> ReleaseIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _changed(request: SearchRequest, **changes) -> SearchRequest:
    """A copy of a checked request with some fields changed, not checked again: an export reads pages past
    the limit set for visitors (MAX_PAGE)."""
    copied = copy.copy(request)
    for name, value in changes.items():
        setattr(copied, name, value)
    return copied


def open_index(
    path: str | os.PathLike | None = None, *, backend: str | None = None, url: str | None = None
) -> ReleaseIndex:
    """Open the index at path (default: $RELEASES_INDEX or ./index) for searching.

    backend: "whoosh" or "opensearch" (default: $RELEASES_BACKEND, else whoosh); for OpenSearch, path
    names the index on the cluster at url (default: $RELEASES_OPENSEARCH_URL, else http://127.0.0.1:9200).
    """
    from .backends import open_backend

    return ReleaseIndex(open_backend(path or default_index_path(), backend=backend, url=url))


# What may stand before a ticker or name typed in a search box: a cashtag's $ ("$AAPL"), a field of the query language.
_COMPLETION_LEAD = re.compile(r"^\s*(?:(?:ticker|symbol|company|issuer):\s*)?\$?", re.I)


def completion_prefix(typed: str | None) -> str:
    """The ticker or name a search box's text starts: "$AAPL" and "ticker:AAPL" complete as "AAPL"."""
    return _COMPLETION_LEAD.sub("", typed or "", count=1)
