"""Reading search parameters from a request's query string, the same way for pages and the API."""

from __future__ import annotations

from flask import current_app
from werkzeug.datastructures import MultiDict

from indexer import SearchRequest
from indexer.schema import FACETS

FACET_PARAMS = tuple(f.name for f in FACETS)


def search_request(args: MultiDict, per_page: int | None = None) -> SearchRequest:
    """A SearchRequest from URL parameters: q, from, to, sort, page, per_page and one per facet."""
    filters = {name: args.getlist(name) for name in FACET_PARAMS if args.getlist(name)}
    return SearchRequest(
        query=args.get("q", ""),
        date_from=args.get("from") or None,
        date_to=args.get("to") or None,
        filters=filters,
        sort=args.get("sort", "relevance") or "relevance",
        page=args.get("page", 1) or 1,
        per_page=args.get("per_page", per_page or current_app.config["PER_PAGE"]) or 10,
    )


def get_index():
    """The app's open index."""
    return current_app.extensions["release_index"].get()
