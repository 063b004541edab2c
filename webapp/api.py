"""The JSON API: the same shapes as `releases search --json`, one error shape for everything."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from werkzeug.exceptions import HTTPException

from indexer.model import ReleaseSearchError, error_json

from .params import get_index, search_request

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.errorhandler(ReleaseSearchError)
def domain_error(exc: ReleaseSearchError):
    """Domain errors as {"ok": false, "error", "status"}."""
    return jsonify(error_json(str(exc), exc.status)), exc.status


@bp.errorhandler(HTTPException)
def http_error(exc: HTTPException):
    """HTTP errors (404, 405, ...) in the same shape."""
    return jsonify(error_json(exc.description or exc.name, exc.code)), exc.code


@bp.get("/search")
def search():
    """Search: GET /api/search?q=...&ticker=...&from=...&to=...&sort=...&page=...&per_page=..."""
    page = get_index().search(request=search_request(request.args))
    return jsonify(page.to_json())


@bp.get("/releases/<release_id>")
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
    return jsonify({"ok": True, "query": prefix, "suggestions": get_index().complete(prefix)})


def release_json(stored: dict) -> dict:
    """The public JSON form of a stored release."""
    meta = stored.get("meta") or {}
    split = lambda v: [x for x in (v or "").split(",") if x]  # noqa: E731
    return {
        "id": stored.get("id"),
        "path": stored.get("path"),
        "headline": stored.get("headline"),
        "subheadline": stored.get("subheadline"),
        "date": (stored.get("date_text") or "")[:10] or None,
        "datetime": stored.get("date_text"),
        "tickers": split(stored.get("ticker")),
        "company": stored.get("company_facet"),
        "wire": stored.get("wire_facet"),
        "location": stored.get("location_facet"),
        "language": stored.get("language"),
        "types": split(stored.get("type")),
        "flags": split(stored.get("flags")),
        "dateline": meta.get("dateline"),
        "sections": {name: stored.get(name, "") for name in ("lede", "body", "about", "forward_looking", "contacts")},
        "emails": meta.get("emails", []),
        "phones": meta.get("phones", []),
        "links": meta.get("links", []),
        "duplicates": stored.get("duplicates", []),
    }
