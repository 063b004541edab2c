"""JSON releases: one object, a list of objects, or JSON Lines, with varying field names."""

from __future__ import annotations

import json

from ..model import ParseError, Release
from .assemble import build_release
from .dateline import canonical_wire, parse_when

HEADLINE_KEYS = ("headline", "title", "name")
SUBHEADLINE_KEYS = ("subheadline", "subtitle", "subhead", "summary")
DATE_KEYS = ("date", "published", "published_at", "pubDate", "datetime", "timestamp", "created")
BODY_KEYS = ("content", "body", "text", "article", "description")


def _first(obj: dict, keys: tuple[str, ...]):
    lowered = {k.lower(): v for k, v in obj.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, ""):
            return value
    return None


def parse_json(path: str, text: str) -> list[Release]:
    """Parse a JSON file holding one release, a list of them, or one per line."""
    try:
        data = json.loads(text)
        records = data if isinstance(data, list) else [data]
    except json.JSONDecodeError as exc:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            records = [json.loads(line) for line in lines]
        except json.JSONDecodeError:
            raise ParseError(path, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    releases = []
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            raise ParseError(path, f"item {i} is not a JSON object with a headline and body")
        headline = _first(record, HEADLINE_KEYS)
        body = _first(record, BODY_KEYS)
        if not isinstance(headline, str) or not headline.strip():
            raise ParseError(path, f"item {i} has no headline (expected a 'title' or 'headline' field)")
        if isinstance(body, list):
            body = "\n\n".join(str(p) for p in body)
        sub = _first(record, SUBHEADLINE_KEYS)
        published = parse_when(str(_first(record, DATE_KEYS) or ""))
        tickers = record.get("tickers")
        releases.append(
            build_release(
                path,
                headline,
                str(body or ""),
                subheadline=sub if isinstance(sub, str) else None,
                published=published,
                wire=canonical_wire(str(record.get("wire") or record.get("source") or "")) or None,
                company=record.get("company") if isinstance(record.get("company"), str) else None,
                tickers=[str(t) for t in tickers] if isinstance(tickers, list) else None,
                item=i if len(records) > 1 else 0,
            )
        )
    return releases
