"""Hits from stored fields, shared by every backend: both store the same fields under the same names."""

from __future__ import annotations

import html
from datetime import datetime

from ..model import EdgarFiling, Hit, Release

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
        "path": shown_path(stored),
        "wire": stored.get("wire_facet"),
        "date": (stored.get("date_text") or "")[:10] or None,
    }


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def shown_path(stored: dict) -> str | None:
    """The path users see: inside the source folder they indexed, never where the server keeps the file."""
    source = stored.get("source")
    if source:
        return source
    # An index built before sources were kept: the file's name at least, not the server's folders.
    path = stored.get("path") or ""
    return path.replace("\\", "/").rsplit("/", 1)[-1] or None


SECTIONS = ("lede", "body", "about", "forward_looking", "contacts")


def stored_to_release(stored: dict, duplicates: list[dict] | None = None) -> Release:
    """The Release a document's stored fields describe (as `index.get` returns it): no bookkeeping fields."""
    meta = stored.get("meta") or {}
    when = stored.get("date_text")
    published = datetime.fromisoformat(when) if isinstance(when, str) and when else None
    shown = shown_path(stored) or ""
    return Release(
        path=shown,
        source=shown,
        headline=stored.get("headline", ""),
        subheadline=stored.get("subheadline") or None,
        published=published,
        tickers=_split(stored.get("ticker")),
        company=stored.get("company_facet"),
        wire=stored.get("wire_facet"),
        location=stored.get("location_facet"),
        language=stored.get("language"),
        dateline=meta.get("dateline"),
        **{name: stored.get(name, "") or "" for name in SECTIONS},
        emails=list(meta.get("emails") or []),
        phones=list(meta.get("phones") or []),
        links=list(meta.get("links") or []),
        types=_split(stored.get("type")),
        flags=_split(stored.get("flags")),
        item=int(meta.get("item") or 0),
        source_hash=stored.get("source_hash", ""),
        source_url=stored.get("source_url"),
        issuer_id=stored.get("issuer_id"),
        cik=stored.get("cik"),
        edgar=_filing(meta.get("edgar")),
        duplicates=list(duplicates or []),
    )


def _filing(stored: dict | None) -> EdgarFiling | None:
    """The EDGAR filing a release came from, as the build stored it (form, exhibit, accession, filing date)."""
    if not stored:
        return None
    return EdgarFiling(**{name: stored.get(name) for name in EdgarFiling.__dataclass_fields__})


def stored_to_hit(stored: dict, score: float | None, snippet: str) -> Hit:
    """Build a Hit from a document's stored fields, taking only what a hit shows."""
    return Hit(
        id=stored.get("id"),
        path=shown_path(stored),
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
        cik=stored.get("cik") or None,
        source_url=stored.get("source_url"),
        flags=_split(stored.get("flags")),
        datetime=stored.get("date_text"),
    )
