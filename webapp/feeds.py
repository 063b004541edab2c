"""Exports and alerts: a result set as CSV or JSON (bounded, the bound stated), and an Atom feed for any search."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from flask import Blueprint, Response, current_app, jsonify, request

from indexer.search import MAX_PER_PAGE

from .links import external_url_for
from .params import get_index, search_request, search_state, search_url, whole_number
from .present import plain_text, xml_safe

bp = Blueprint("feeds", __name__)

ATOM_NS = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM_NS)  # write the Atom namespace as the default one, not "ns0:"
CSV_COLUMNS = (
    "id",
    "date",
    "headline",
    "company",
    "tickers",
    "wire",
    "location",
    "types",
    "url",
    "path",
    "source_url",
    "snippet",
)
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def export_hits(args) -> tuple[int, list, int, str]:
    """The first hits of a search, up to the export limit: (total, hits, limit, sort)."""
    ceiling = current_app.config["EXPORT_LIMIT"]
    limit = whole_number(
        args,
        "limit",
        ceiling,
        1,
        ceiling,
        ": an export holds at most that many releases; narrow the search for the rest",
    )
    per_page = min(MAX_PER_PAGE, limit)
    index = get_index()
    hits: list = []
    number = 1
    while True:
        # Facets are not exported, and highlighting a thousand passages would take seconds: skip both.
        page = index.search(request=search_request(args, per_page=per_page, page=number, facets=(), snippets=False))
        hits.extend(page.hits)
        if len(hits) >= min(limit, page.total) or len(page.hits) < per_page:
            break
        number += 1
    return page.total, hits[:limit], limit, page.sort


def _bound_headers(response: Response, total: int, exported: int, limit: int) -> Response:
    response.headers["X-Total-Count"] = str(total)
    response.headers["X-Export-Count"] = str(exported)
    response.headers["X-Export-Limit"] = str(limit)
    response.headers["X-Export-Truncated"] = "true" if exported < total else "false"
    return response


def csv_cell(value) -> str:
    """A cell's text, with formula starters neutralised by a leading apostrophe."""
    text = xml_safe("" if value is None else str(value))
    if text.startswith(FORMULA_START) or text.lstrip().startswith(FORMULA_START):
        return "'" + text
    return text


def _filename(args, suffix: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", args.get("q", ""))[:40].strip("-") or "all"
    return f"releases-{slug}.{suffix}"


@bp.get("/api/export.csv")
def export_csv():
    """The search's first results (at most EXPORT_LIMIT) as CSV, one row per release."""
    total, hits, limit, _ = export_hits(request.args)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for hit in hits:
        row = {
            "id": hit.id,
            "date": hit.date,
            "headline": hit.headline,
            "company": hit.company,
            "tickers": " ".join(hit.tickers),
            "wire": hit.wire,
            "location": hit.location,
            "types": " ".join(hit.types),
            "url": external_url_for("views.release", release_id=hit.id),
            "path": hit.path,
            "source_url": hit.source_url,
            "snippet": plain_text(hit.snippet),
        }
        writer.writerow([csv_cell(row[c]) for c in CSV_COLUMNS])
    response = Response(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{_filename(request.args, "csv")}"'
    return _bound_headers(response, total, len(hits), limit)


@bp.get("/api/export.json")
def export_json():
    """The search's first results (at most EXPORT_LIMIT) as JSON, hits in the shape of /api/search."""
    total, hits, limit, sort = export_hits(request.args)
    body = {
        "ok": True,
        "query": request.args.get("q", ""),
        "sort": sort,
        "total": total,
        "exported": len(hits),
        "limit": limit,
        "truncated": len(hits) < total,
        "hits": [hit.to_json() for hit in hits],
    }
    response = jsonify(body)
    response.headers["Content-Disposition"] = f'attachment; filename="{_filename(request.args, "json")}"'
    return _bound_headers(response, total, len(hits), limit)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_safe(text)
    return element


def _timestamp(day: str | None) -> str:
    return f"{day}T00:00:00Z" if day else "1970-01-01T00:00:00Z"


@bp.get("/feed.atom")
def atom():
    """An Atom feed of a search's newest releases, for feed readers (`/feed.atom?q=ticker:IMGN`)."""
    args = request.args
    page = get_index().search(
        request=search_request(args, per_page=current_app.config["FEED_SIZE"], page=1, sort="newest", facets=())
    )
    state = search_state(args)
    state.poplist("sort")
    query = args.get("q", "").strip()
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "title", f"Release search: {query}" if query else "Release search: newest releases")
    key = hashlib.sha1(search_url(state).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    _sub(feed, "id", f"urn:release-search:feed:{key}")
    newest = max((hit.date for hit in page.hits if hit.date), default=None)
    _sub(feed, "updated", _timestamp(newest) if newest else datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=search_url(state, "feeds.atom", _external=True))
    _sub(feed, "link", rel="alternate", type="text/html", href=search_url(state, _external=True, sort="newest"))
    author = _sub(feed, "author")
    _sub(author, "name", "release search")
    _sub(feed, "generator", "release search")
    for hit in page.hits:
        entry = _sub(feed, "entry")
        _sub(entry, "title", hit.headline or "(untitled release)", type="text")
        _sub(entry, "id", f"urn:release-search:release:{hit.id}")
        _sub(
            entry,
            "link",
            rel="alternate",
            type="text/html",
            href=external_url_for("views.release", release_id=hit.id),
        )
        _sub(entry, "updated", _timestamp(hit.date))
        if hit.date:
            _sub(entry, "published", _timestamp(hit.date))
        if hit.company or hit.wire:
            _sub(_sub(entry, "author"), "name", hit.company or hit.wire)
        for ticker in hit.tickers:
            _sub(entry, "category", term=ticker, label=ticker, scheme="urn:release-search:ticker")
        _sub(entry, "summary", plain_text(hit.snippet), type="text")
    body = ET.tostring(feed, encoding="unicode", xml_declaration=False)
    return Response('<?xml version="1.0" encoding="utf-8"?>\n' + body, mimetype="application/atom+xml")
