"""The OpenAPI 3 document for the JSON API, exports and feed, built from the same limits the code enforces."""

from __future__ import annotations

from flask import current_app

from indexer.match_mode import MATCH_MODES
from indexer.schema import FACETS
from indexer.search import MAX_PER_PAGE, SORTS

from .params import MORE_FACET_VALUES


def _param(name: str, description: str, schema: dict, *, required: bool = False, multi: bool = False) -> dict:
    if multi:
        return {
            "name": name,
            "in": "query",
            "description": description,
            "required": required,
            "schema": {"type": "array", "items": schema},
            "style": "form",
            "explode": True,
        }
    return {"name": name, "in": "query", "description": description, "required": required, "schema": schema}


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


ERRORS = {
    "400": _error("The query or a parameter cannot be understood; `error` says how to write it."),
    "404": _error("No such release, or no such endpoint."),
    "405": _error("Only GET (and HEAD) are allowed."),
    "500": _error("An unexpected failure on the server; no details are exposed."),
    "503": _error("There is no index yet; build one with `releases index`."),
}
NULLABLE_STRING = {"type": "string", "nullable": True}


def _search_params(paged: bool) -> list[dict]:
    config = current_app.config
    params = [
        _param(
            "q",
            "Query in the query syntax (see the README); empty matches every release.",
            {"type": "string", "maxLength": 1000},
        ),
        _param("from", "Only releases on or after this date (YYYY-MM-DD).", {"type": "string", "maxLength": 40}),
        _param("to", "Only releases on or before this date (YYYY-MM-DD).", {"type": "string", "maxLength": 40}),
    ]
    for spec in FACETS:
        params.append(
            _param(
                spec.name,
                f"Filter on {spec.label.lower()} (repeatable; values of one facet combine with OR).",
                {"type": "string", "maxLength": 200},
                multi=True,
            )
        )
    params += [
        _param(
            "match",
            "all: count releases holding every word (on a page, releases holding only some follow them, each with "
            "its missing words; exports and feeds hold the counted ones). any: count releases holding any word.",
            {"type": "string", "enum": list(MATCH_MODES), "default": "all"},
        ),
        _param(
            "spell",
            "0: search the words as typed, not the likely spellings of words the index does not know.",
            {"type": "string", "enum": ["0", "1"], "default": "1"},
        ),
    ]
    if paged:
        params += [
            _param("sort", "Order of hits.", {"type": "string", "enum": list(SORTS), "default": "relevance"}),
            _param(
                "page",
                f"Page number; pages end at result {config['RESULT_WINDOW']:,} (the result window).",
                {"type": "integer", "minimum": 1, "default": 1},
            ),
            _param(
                "after",
                "A page's next cursor: the results after that page, past the result window too (page is then "
                "ignored; keep the other parameters as they were).",
                {"type": "string", "maxLength": 600},
            ),
            _param(
                "per_page",
                f"Hits per page (at most {MAX_PER_PAGE}).",
                {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": 10},
            ),
            _param(
                "more",
                f"A facet to list up to {MORE_FACET_VALUES} values of (the others list their first ten).",
                {"type": "string", "enum": [spec.name for spec in FACETS]},
            ),
        ]
    return params


def _schemas() -> dict:
    facet_value = {
        "type": "object",
        "required": ["value", "count", "selected"],
        "properties": {"value": {"type": "string"}, "count": {"type": "integer"}, "selected": {"type": "boolean"}},
    }
    copy = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "path": NULLABLE_STRING,
            "wire": NULLABLE_STRING,
            "date": NULLABLE_STRING,
        },
    }
    hit = {
        "type": "object",
        "required": ["id", "path", "headline", "date", "tickers", "company", "wire", "score", "snippet"],
        "properties": {
            "id": {"type": "string"},
            "path": {"type": "string", "description": "The file's path inside the source folder indexed"},
            "headline": {"type": "string"},
            "date": {**NULLABLE_STRING, "description": "YYYY-MM-DD as printed in the release"},
            "datetime": {**NULLABLE_STRING, "description": "ISO 8601 timestamp as printed, with its offset if known"},
            "source_url": {**NULLABLE_STRING, "description": "The original's web address, when the file gives one"},
            "flags": {"type": "array", "items": {"type": "string"}, "description": "editorial, sponsored"},
            "tickers": {"type": "array", "items": {"type": "string"}},
            "company": NULLABLE_STRING,
            "wire": NULLABLE_STRING,
            "score": {"type": "number", "nullable": True},
            "snippet": {"type": "string", "description": "HTML-escaped text; only <mark> tags are added"},
            "location": NULLABLE_STRING,
            "types": {"type": "array", "items": {"type": "string"}},
            "issuer": {**NULLABLE_STRING, "description": "The issuer's id: GET /api/companies/{issuer}"},
            "duplicates": {"type": "array", "items": {"$ref": "#/components/schemas/Copy"}},
            "missing": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Words of the query this release lacks (only on the some-words matches after the total's)",
            },
        },
    }
    page = {
        "type": "object",
        "required": ["ok", "query", "total", "page", "per_page", "sort", "suggestion", "hits", "facets", "timeline"],
        "properties": {
            "ok": {"type": "boolean", "enum": [True]},
            "query": {"type": "string"},
            "total": {
                "type": "integer",
                "description": "Exact count of releases (copies of one release folded) holding every word "
                "(match=all) or any word (match=any); facets and timeline count the same releases",
            },
            "match": {"type": "string", "enum": list(MATCH_MODES)},
            "partial_total": {
                "type": "integer",
                "description": "Releases holding only some of the words (match=all), listed after the total's",
            },
            "undated": {"type": "integer", "description": "Releases of the total without a date (in no timeline bar)"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "next": {
                **NULLABLE_STRING,
                "description": "Cursor for the results after this page, at any depth: pass it as after=; null on "
                "the last page",
            },
            "sort": {"type": "string", "enum": list(SORTS)},
            "suggestion": {**NULLABLE_STRING, "description": "Did you mean"},
            "corrected": {
                "type": "boolean",
                "description": "True: the hits are the suggestion's (Showing results for)",
            },
            "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            "facets": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
            },
            "timeline": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"period": {"type": "string"}, "count": {"type": "integer"}},
                },
            },
        },
    }
    release = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "path": {"type": "string", "description": "The file's path inside the source folder indexed"},
            "source": {"type": "string", "description": "The same path: what the id derives from"},
            "source_url": {**NULLABLE_STRING, "description": "The original's web address, when the file gives one"},
            "item": {"type": "integer", "description": "Position in a file holding several releases"},
            "headline": {"type": "string"},
            "subheadline": NULLABLE_STRING,
            "date": NULLABLE_STRING,
            "datetime": NULLABLE_STRING,
            "tickers": {"type": "array", "items": {"type": "string"}},
            "company": NULLABLE_STRING,
            "wire": NULLABLE_STRING,
            "location": NULLABLE_STRING,
            "language": NULLABLE_STRING,
            "types": {"type": "array", "items": {"type": "string"}},
            "flags": {"type": "array", "items": {"type": "string"}},
            "dateline": NULLABLE_STRING,
            "issuer": {**NULLABLE_STRING, "description": "The issuer's id: GET /api/companies/{issuer}"},
            "cik": {**NULLABLE_STRING, "description": "The issuer's SEC CIK, without leading zeros"},
            "edgar": {
                "type": "object",
                "description": "Releases read from an EDGAR filing: the filing (its index page is source_url)",
                "properties": {
                    "cik": NULLABLE_STRING,
                    "company": {**NULLABLE_STRING, "description": "The filer's name as the filing's header prints it"},
                    "accession": NULLABLE_STRING,
                    "form": {**NULLABLE_STRING, "description": "8-K, 6-K, ..."},
                    "filing_date": NULLABLE_STRING,
                    "exhibit": {**NULLABLE_STRING, "description": "The document's type: EX-99.1, ..."},
                    "document": {"type": "integer", "nullable": True},
                    "filename": NULLABLE_STRING,
                    "date_source": {
                        **NULLABLE_STRING,
                        "description": "dateline: the release prints its date; filing: the filing date stands in",
                    },
                },
            },
            "sections": {"type": "object", "additionalProperties": {"type": "string"}},
            "emails": {"type": "array", "items": {"type": "string"}},
            "phones": {"type": "array", "items": {"type": "string"}},
            "links": {"type": "array", "items": {"type": "string"}},
            "duplicates": {"type": "array", "items": {"$ref": "#/components/schemas/Copy"}},
            "missing": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Words of the query this release lacks (only on the some-words matches after the total's)",
            },
        },
    }
    return {
        "Error": {
            "type": "object",
            "required": ["ok", "error", "status"],
            "properties": {
                "ok": {"type": "boolean", "enum": [False]},
                "error": {"type": "string", "description": "What went wrong and what to do next"},
                "status": {"type": "integer"},
            },
        },
        "FacetValue": facet_value,
        "Copy": copy,
        "Hit": hit,
        "SearchPage": page,
        "Release": release,
        "SavedSearches": {
            "type": "object",
            "required": ["ok", "saved_searches"],
            "properties": {
                "ok": {"type": "boolean", "enum": [True]},
                "saved_searches": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["name", "query", "filters", "total", "new"],
                        "properties": {
                            "name": {"type": "string"},
                            "query": {"type": "string"},
                            "filters": {
                                "type": "object",
                                "additionalProperties": {"type": "array", "items": {"type": "string"}},
                            },
                            "from": NULLABLE_STRING,
                            "to": NULLABLE_STRING,
                            "sort": {"type": "string", "enum": list(SORTS)},
                            "match": {"type": "string", "enum": ["all", "any"]},
                            "spell": {"type": "boolean", "description": "False: the words searched as typed"},
                            "total": {"type": "integer", "description": "Matches at the last check"},
                            "new": {"type": "integer", "description": "Matches gained since it was last opened"},
                            "created": {"type": "string"},
                            "checked": {"type": "string"},
                        },
                    },
                },
            },
        },
        "ReleaseResponse": {
            "type": "object",
            "required": ["ok", "release", "related"],
            "properties": {
                "ok": {"type": "boolean"},
                "release": {"$ref": "#/components/schemas/Release"},
                "related": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            },
        },
        "Suggestions": {
            "type": "object",
            "required": ["ok", "query", "suggestions"],
            "properties": {
                "ok": {"type": "boolean"},
                "query": {"type": "string"},
                "suggestions": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["kind", "value", "count"],
                        "properties": {
                            "kind": {"type": "string", "enum": ["ticker", "company"]},
                            "value": {"type": "string"},
                            "count": {"type": "integer"},
                            "issuer": {"type": "string", "description": "A company's issuer id, when known"},
                            "label": {
                                "type": "string",
                                "description": "Name and main listing: Apple Inc. · NASDAQ:AAPL",
                            },
                        },
                    },
                },
            },
        },
        "Companies": {
            "type": "object",
            "required": ["ok", "query", "total", "page", "per_page", "companies"],
            "properties": {
                "ok": {"type": "boolean"},
                "query": {"type": "string"},
                "total": {"type": "integer", "description": "Issuers answering the query, on every page"},
                "page": {"type": "integer"},
                "per_page": {"type": "integer"},
                "companies": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "name", "listing", "listings", "cik", "releases"],
                        "properties": {
                            "id": {"type": "string"},
                            "name": {"type": "string"},
                            "listing": NULLABLE_STRING,
                            "listings": {"type": "array", "items": {"type": "string"}},
                            "cik": NULLABLE_STRING,
                            "releases": {"type": "integer", "description": "Releases, copies folded"},
                        },
                    },
                },
            },
        },
        "Company": {
            "type": "object",
            "required": ["ok", "issuer", "releases", "timeline", "types", "newest"],
            "properties": {
                "ok": {"type": "boolean"},
                "issuer": {
                    "type": "object",
                    "required": ["id", "name", "listings", "cik"],
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "aliases": {"type": "array", "items": {"type": "string"}},
                        "listings": {"type": "array", "items": {"type": "string"}},
                        "former_listings": {"type": "array", "items": {"type": "string"}},
                        "listing": NULLABLE_STRING,
                        "cik": NULLABLE_STRING,
                        "edgar_url": NULLABLE_STRING,
                        "source": {"type": "string", "enum": ["user", "sec", "filing", "corpus"]},
                    },
                },
                "releases": {"type": "integer"},
                "timeline": {"type": "array", "items": {"type": "object"}},
                "types": {"type": "array", "items": {"type": "object"}},
                "newest": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            },
        },
        "Export": {
            "type": "object",
            "required": ["ok", "query", "total", "exported", "limit", "truncated", "hits"],
            "properties": {
                "ok": {"type": "boolean"},
                "query": {"type": "string"},
                "sort": {"type": "string", "enum": list(SORTS)},
                "total": {"type": "integer"},
                "exported": {"type": "integer"},
                "limit": {"type": "integer"},
                "truncated": {"type": "boolean", "description": "True when total exceeds the releases exported"},
                "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            },
        },
    }


def _ok(description: str, media: str, schema: dict) -> dict:
    return {"description": description, "content": {media: {"schema": schema}}}


def openapi_document() -> dict:
    """The OpenAPI 3.0 document served at /api/openapi.json."""
    config = current_app.config
    export_limit = config["EXPORT_LIMIT"]
    export_params = [
        *_search_params(paged=False),
        _param("sort", "Order of rows.", {"type": "string", "enum": list(SORTS), "default": "relevance"}),
        _param(
            "limit",
            f"Releases to export (at most {export_limit:,}, the export bound).",
            {"type": "integer", "minimum": 1, "maximum": export_limit, "default": export_limit},
        ),
        _param(
            "body",
            "1: add each release's text (lede and body) as a body column or field.",
            {"type": "string", "enum": ["0", "1"], "default": "0"},
        ),
    ]
    ref = lambda name: {"$ref": f"#/components/schemas/{name}"}  # noqa: E731
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "release search",
            "version": "1.0",
            "description": (
                "Full-text search over corporate press releases. Every error, everywhere, is "
                '{"ok": false, "error": "...", "status": N}.'
            ),
        },
        "paths": {
            "/api/search": {
                "get": {
                    "summary": "Search releases (the JSON of `releases search --json`)",
                    "operationId": "search",
                    "parameters": _search_params(paged=True),
                    "responses": {"200": _ok("A page of results", "application/json", ref("SearchPage")), **ERRORS},
                }
            },
            "/api/releases/{release_id}": {
                "get": {
                    "summary": "One release with its sections, copies and related releases",
                    "operationId": "getRelease",
                    "parameters": [
                        {
                            "name": "release_id",
                            "in": "path",
                            "required": True,
                            "description": "16 hexadecimal digits, as in the `id` of a hit",
                            "schema": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
                        }
                    ],
                    "responses": {
                        "200": _ok("The release", "application/json", ref("ReleaseResponse")),
                        "308": {"description": "An id copied with stray characters around it: the release's address"},
                        **ERRORS,
                    },
                }
            },
            "/api/suggest": {
                "get": {
                    "summary": "Autocomplete tickers and company names",
                    "operationId": "suggest",
                    "parameters": [
                        _param("q", "The prefix typed so far.", {"type": "string", "maxLength": 100}),
                        _param(
                            "limit",
                            "Suggestions to return.",
                            {"type": "integer", "minimum": 1, "maximum": 20, "default": 8},
                        ),
                    ],
                    "responses": {
                        "200": _ok("Suggestions, most frequent first", "application/json", ref("Suggestions")),
                        **ERRORS,
                    },
                }
            },
            "/api/companies": {
                "get": {
                    "summary": "Issuers in the index with their number of releases, most first",
                    "operationId": "listCompanies",
                    "parameters": [
                        _param(
                            "q",
                            "Only issuers whose name, a word of it, a symbol or a listing starts with this, or whose "
                            "CIK it is.",
                            {"type": "string", "maxLength": 100},
                        ),
                        _param("page", "Page number.", {"type": "integer", "minimum": 1, "default": 1}),
                        _param(
                            "per_page",
                            "Issuers per page.",
                            {"type": "integer", "minimum": 1, "maximum": 500, "default": 100},
                        ),
                    ],
                    "responses": {"200": _ok("The issuers", "application/json", ref("Companies")), **ERRORS},
                }
            },
            "/api/companies/{issuer}": {
                "get": {
                    "summary": "An issuer: name, listings, CIK, number of releases, timeline, types, newest releases",
                    "operationId": "getCompany",
                    "parameters": [
                        {
                            "name": "issuer",
                            "in": "path",
                            "required": True,
                            "description": "The issuer's id, a listing (NASDAQ:AAPL), a symbol, a CIK or a name",
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": _ok("The issuer", "application/json", ref("Company")),
                        "308": {"description": "A trailing slash or space: the issuer's address without it"},
                        **ERRORS,
                    },
                }
            },
            "/api/export.json": {
                "get": {
                    "summary": f"Export a result set as JSON (at most {export_limit:,} releases)",
                    "operationId": "exportJson",
                    "parameters": export_params,
                    "responses": {"200": _ok("The first results", "application/json", ref("Export")), **ERRORS},
                }
            },
            "/api/export.jsonl": {
                "get": {
                    "summary": f"Export a result set as JSON Lines, one hit a line (at most {export_limit:,} releases)",
                    "description": "Streamed; headers X-Total-Count and X-Export-Count give the row count up front.",
                    "operationId": "exportJsonLines",
                    "parameters": export_params,
                    "responses": {"200": _ok("One hit per line", "application/x-ndjson", {"type": "string"}), **ERRORS},
                }
            },
            "/api/export.csv": {
                "get": {
                    "summary": f"Export a result set as CSV (at most {export_limit:,} releases)",
                    "description": "Headers X-Total-Count, X-Export-Count, X-Export-Limit and X-Export-Truncated state the bound. "
                    "Cells that a spreadsheet would run as a formula start with an apostrophe.",
                    "operationId": "exportCsv",
                    "parameters": export_params,
                    "responses": {"200": _ok("The first results", "text/csv", {"type": "string"}), **ERRORS},
                }
            },
            "/api/saved": {
                "get": {
                    "summary": "Saved searches, with their matches now and how many are new since last opened",
                    "operationId": "savedSearches",
                    "responses": {"200": _ok("Saved searches", "application/json", ref("SavedSearches")), **ERRORS},
                }
            },
            "/feed/saved/{name}.atom": {
                "get": {
                    "summary": f"An Atom feed of a saved search's newest {config['FEED_SIZE']} releases",
                    "operationId": "savedFeed",
                    "parameters": [
                        {
                            "name": "name",
                            "in": "path",
                            "required": True,
                            "description": "The saved search's name.",
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": _ok("An Atom 1.0 feed", "application/atom+xml", {"type": "string"}), **ERRORS},
                }
            },
            "/feed.atom": {
                "get": {
                    "summary": f"An Atom feed of the newest {config['FEED_SIZE']} releases matching a search",
                    "operationId": "feed",
                    "parameters": _search_params(paged=False),
                    "responses": {"200": _ok("An Atom 1.0 feed", "application/atom+xml", {"type": "string"}), **ERRORS},
                }
            },
            "/api/openapi.json": {
                "get": {
                    "summary": "This document",
                    "operationId": "openapi",
                    "responses": {"200": _ok("OpenAPI 3.0", "application/json", {"type": "object"})},
                }
            },
        },
        "components": {"schemas": _schemas()},
    }
