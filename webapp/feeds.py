"""Exports and alerts: a result set as CSV or JSON (bounded, the bound stated), and an Atom feed for any search."""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote
from xml.etree import ElementTree as ET

from flask import Blueprint, Response, current_app, request

from indexer.model import ExportRow, QueryError

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
    "issuer",  # the issuer's id (its page: /companies/<issuer>) and SEC CIK, as JSON exports give them
    "cik",
    "wire",
    "location",
    "types",
    "url",
    "path",
    "source_url",
    "snippet",
)
# Rows written out per chunk of a streamed CSV.
STREAM_ROWS = 200
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


@dataclass
class ExportPlan:
    """What an export will send: the rows (at most limit), how many there are, the bound, the order."""

    total: int  # releases the search finds
    count: int  # rows sent: the total, or the limit when it is lower
    limit: int
    sort: str
    rows: Iterator[ExportRow]


def export_plan(args) -> ExportPlan:
    """The whole result set of a search, up to the export limit, as a stream of rows (bounded memory)."""
    ceiling = current_app.config["EXPORT_LIMIT"]
    limit = whole_number(
        args,
        "limit",
        ceiling,
        1,
        ceiling,
        ": an export holds at most that many releases; narrow the search for the rest",
    )
    request = search_request(args, per_page=1, page=1, facets=(), snippets=False)
    export = get_index().export(request=request, text=_wants_text(args))
    count = min(limit, export.total)
    return ExportPlan(export.total, count, limit, request.sort, itertools.islice(export.rows, count))


def _wants_text(args) -> bool:
    value = args.get("body", "").strip().lower()
    if value in ("", "0", "false", "no"):
        return False
    if value in ("1", "true", "yes"):
        return True
    raise QueryError(f"body must be 1 (include each release's text) or 0, not {value[:20]!r}")


def _bound_headers(response: Response, plan: ExportPlan) -> Response:
    response.headers["X-Total-Count"] = str(plan.total)
    response.headers["X-Export-Count"] = str(plan.count)
    response.headers["X-Export-Limit"] = str(plan.limit)
    response.headers["X-Export-Truncated"] = "true" if plan.count < plan.total else "false"
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


def _release_link() -> Callable[[str], str]:
    """The absolute release URL for an id, worked out once (the rows are written after the request's context)."""
    placeholder = "0" * 16
    prefix = external_url_for("views.release", release_id=placeholder).removesuffix(placeholder)
    return lambda release_id: prefix + quote(release_id, safe="")


def _download(chunks: Iterator[str], mimetype: str, args, suffix: str, plan: ExportPlan) -> Response:
    response = Response(chunks, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{_filename(args, suffix)}"'
    return _bound_headers(response, plan)


@bp.get("/api/export.csv")
def export_csv():
    """The search's whole result set (at most EXPORT_LIMIT) as CSV, one row per release, streamed."""
    plan = export_plan(request.args)
    columns = CSV_COLUMNS + (("body",) if _wants_text(request.args) else ())
    link = _release_link()

    def chunks():
        out = io.StringIO()
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(columns)
        for n, row in enumerate(plan.rows, start=1):
            hit = row.hit
            cells = {
                "id": hit.id,
                "date": hit.date,
                "headline": hit.headline,
                "company": hit.company,
                "tickers": " ".join(hit.tickers),
                "issuer": hit.issuer,
                "cik": hit.cik,
                "wire": hit.wire,
                "location": hit.location,
                "types": " ".join(hit.types),
                "url": link(hit.id),
                "path": hit.path,
                "source_url": hit.source_url,
                "snippet": plain_text(hit.snippet),
                "body": row.text,
            }
            writer.writerow([csv_cell(cells[c]) for c in columns])
            if n % STREAM_ROWS == 0:
                yield out.getvalue()
                out.seek(0)
                out.truncate()
        yield out.getvalue()

    return _download(chunks(), "text/csv", request.args, "csv", plan)


def _hit_json(row: ExportRow) -> dict:
    data = row.hit.to_json()
    if row.text is not None:
        data["body"] = xml_safe(row.text)
    return data


@bp.get("/api/export.json")
def export_json():
    """The search's whole result set (at most EXPORT_LIMIT) as one JSON document, hits as in /api/search, streamed."""
    plan = export_plan(request.args)
    head = {
        "ok": True,
        "query": request.args.get("q", ""),
        "sort": plan.sort,
        "total": plan.total,
        "exported": plan.count,
        "limit": plan.limit,
        "truncated": plan.count < plan.total,
    }

    def chunks():
        yield json.dumps(head)[:-1] + ', "hits": ['
        for n, row in enumerate(plan.rows):
            yield ("," if n else "") + json.dumps(_hit_json(row))
        yield "]}\n"

    return _download(chunks(), "application/json", request.args, "json", plan)


@bp.get("/api/export.jsonl")
def export_jsonl():
    """The search's whole result set (at most EXPORT_LIMIT) as JSON Lines: one hit per line, streamed."""
    plan = export_plan(request.args)

    def chunks():
        for row in plan.rows:
            yield json.dumps(_hit_json(row)) + "\n"

    return _download(chunks(), "application/x-ndjson", request.args, "jsonl", plan)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_safe(text)
    return element


def _timestamp(day: str | None, printed: str | None = None) -> str:
    """An Atom date: the release's own time in UTC when the source gave a zone, the printed time when it gave
    only a time, else midnight of its day."""
    if printed:
        try:
            moment = datetime.fromisoformat(printed)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if moment is not None:
            return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{day}T00:00:00Z" if day else "1970-01-01T00:00:00Z"


@bp.get("/feed.atom")
def atom():
    """An Atom feed of a search's newest releases, for feed readers (`/feed.atom?q=ticker:IMGN`)."""
    return atom_response(request.args)


def atom_response(args, title: str | None = None) -> Response:
    """The Atom feed of the search args describe; title names it (a saved search's name)."""
    page = get_index().search(
        request=search_request(args, per_page=current_app.config["FEED_SIZE"], page=1, sort="newest", facets=())
    )
    # The releases the search counts: those holding only some of the words follow them on a page, not in a feed.
    hits = [hit for hit in page.hits if not hit.missing]
    state = search_state(args)
    state.poplist("sort")
    query = args.get("q", "").strip()
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "title", title or (f"Release search: {query}" if query else "Release search: newest releases"))
    key = hashlib.sha1(search_url(state).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    _sub(feed, "id", f"urn:release-search:feed:{key}")
    newest = max((_timestamp(hit.date, hit.datetime) for hit in hits if hit.date), default=None)
    _sub(feed, "updated", newest or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=search_url(state, "feeds.atom", _external=True))
    _sub(feed, "link", rel="alternate", type="text/html", href=search_url(state, _external=True, sort="newest"))
    author = _sub(feed, "author")
    _sub(author, "name", "release search")
    _sub(feed, "generator", "release search")
    for hit in hits:
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
        _sub(entry, "updated", _timestamp(hit.date, hit.datetime))
        if hit.date:
            _sub(entry, "published", _timestamp(hit.date, hit.datetime))
        if hit.company or hit.wire:
            _sub(_sub(entry, "author"), "name", hit.company or hit.wire)
        for ticker in hit.tickers:
            _sub(entry, "category", term=ticker, label=ticker, scheme="urn:release-search:ticker")
        _sub(entry, "summary", plain_text(hit.snippet), type="text")
    body = ET.tostring(feed, encoding="unicode", xml_declaration=False)
    return Response('<?xml version="1.0" encoding="utf-8"?>\n' + body, mimetype="application/atom+xml")
