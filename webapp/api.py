"""The JSON API: the same shapes as `releases search --json`, one error shape for everything (see errors.py)."""

from __future__ import annotations

from flask import Blueprint, jsonify, redirect, request, url_for

from indexer.model import QueryError, error_json

from .limits import parsed_query
from .openapi import openapi_document
from .params import get_index, is_past_the_end, pages_held, searched_page, whole_number
from .present import release_json

bp = Blueprint("api", __name__, url_prefix="/api")

# The CLI's --limit default, so /api/search and `releases search --json` answer alike.
API_PER_PAGE = 10
MAX_PREFIX_CHARS = 100
MAX_SUGGESTIONS = 20


@bp.get("/search")
def search():
    """Search: GET /api/search?q=...&ticker=...&from=...&to=...&sort=...&page=...&per_page=..."""
    asked, page = searched_page(get_index(), request.args, parsed_query, default_per_page=API_PER_PAGE)
    if is_past_the_end(page) and not asked.after:
        # As `releases search --json` and any other page number out of range: an error that says where the end is.
        raise QueryError(
            f"page {page.page:,} is past the end: {pages_held(page)} of {page.per_page} (per_page); "
            f"ask for page 1 to {page.pages:,}"
        )
    return jsonify(page.to_json())


@bp.get("/releases/<release_id:release_id>")
def release(release_id: str):
    """One release with its sections, metadata, copies and related releases."""
    index = get_index()
    found = index.get(release_id)
    if found is None:
        return jsonify(error_json(f"no release with id {release_id!r}: take ids from /api/search", 404)), 404
    related = [h.to_json() for h in index.related(release_id)]
    return jsonify({"ok": True, "release": release_json(found), "related": related})


@bp.get("/suggest")
def suggest():
    """Autocomplete for tickers and company names: GET /api/suggest?q=imm."""
    prefix = request.args.get("q", "")
    if len(prefix) > MAX_PREFIX_CHARS:
        raise QueryError(f"the prefix is too long (at most {MAX_PREFIX_CHARS} characters)")
    limit = whole_number(request.args, "limit", 8, 1, MAX_SUGGESTIONS)
    return jsonify({"ok": True, "query": prefix, "suggestions": get_index().complete(prefix, limit=limit)})


@bp.get("/companies")
def companies():
    """Issuers in the index with their number of releases, most first: GET /api/companies?q=PREFIX&page=&per_page=."""
    from .companies import companies_page

    found = companies_page(request.args)
    return jsonify(
        {
            "ok": True,
            "query": found.prefix,
            "total": found.total,
            "page": found.page,
            "per_page": found.per_page,
            "companies": [entry.to_json() for entry in found.entries],
        }
    )


@bp.get("/companies/<path:issuer>")
def company(issuer: str):
    """An issuer: its record, number of releases, timeline, release types and newest releases."""
    from indexer.issuers.pages import company_page

    tidy = issuer.strip().rstrip("/").strip()  # copied with a trailing slash or space: the issuer's own address
    if tidy and tidy != issuer:
        return redirect(url_for("api.company", issuer=tidy), code=308)
    return jsonify(company_page(get_index(), issuer).to_json())


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3 description of this API."""
    return jsonify(openapi_document())
