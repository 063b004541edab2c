"""Hits from stored fields, shared by every backend: both store the same fields under the same names."""

from __future__ import annotations

import html

from ..model import Hit

SNIPPET_CHARS = 240


def plain_snippet(stored: dict) -> str:
    """The release's opening words, escaped: the snippet when no query words are found to highlight."""
    text = stored.get("lede") or stored.get("body") or ""
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(text)


def copy_info(stored: dict) -> dict:
    """What a hit shows of each of its duplicate copies."""
    return {
        "id": stored.get("id"),
        "path": stored.get("path"),
        "wire": stored.get("wire_facet"),
        "date": (stored.get("date_text") or "")[:10] or None,
    }


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def stored_to_hit(stored: dict, score: float | None, snippet: str) -> Hit:
    """Build a Hit from a document's stored fields, taking only what a hit shows."""
    return Hit(
        id=stored.get("id"),
        path=stored.get("path"),
        headline=stored.get("headline", ""),
        date=(stored.get("date_text") or "")[:10] or None,
        tickers=_split(stored.get("ticker")),
        company=stored.get("company_facet"),
        wire=stored.get("wire_facet"),
        score=score,
        snippet=snippet,
        location=stored.get("location_facet"),
        types=_split(stored.get("type")),
        issuer=stored.get("issuer_id"),
    )
