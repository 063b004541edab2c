"""JSON releases: one object, a list of them, an object holding such a list, or JSON Lines; field names vary."""

from __future__ import annotations

import json
import re

from ..model import ParseError, Release
from .assemble import Draft, build_release, check_items
from .dates import parse_when
from .tickers import listings_in_bracket
from .wires import canonical_wire

HEADLINE_KEYS = ("headline", "title", "name", "heading", "hed")
SUBHEADLINE_KEYS = ("subheadline", "subtitle", "subhead", "sub_title", "dek", "deck", "standfirst", "summary")
DATE_KEYS = (
    "date", "published", "published_at", "publishedAt", "pubDate", "datePublished", "date_published", "datetime",
    "release_date", "releaseDate", "timestamp", "created", "created_at", "createdAt", "time", "updated",
)  # fmt: skip
BODY_KEYS = (
    "content",
    "body",
    "text",
    "article",
    "articleBody",
    "full_text",
    "story",
    "description",
    "html",
    "content_html",
)
WIRE_KEYS = ("wire", "newswire", "distributor", "provider", "source", "service")
COMPANY_KEYS = ("company", "issuer", "organization", "organisation", "company_name", "companyName")
TICKER_KEYS = ("tickers", "ticker", "symbols", "symbol", "listings")
LOCATION_KEYS = ("location", "dateline", "place", "city")
LINK_KEYS = ("url", "link", "source_url", "permalink", "href")
# Keys under which an export keeps its list of releases.
LIST_KEYS = ("releases", "items", "data", "results", "articles", "entries", "records", "news", "documents", "hits")


def _text_of(value) -> str | None:
    """A field's text: a string, a WordPress-style {'rendered': ...} object, or a list of paragraphs."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("rendered", "text", "value", "html", "content", "name"):
            if isinstance(value.get(key), str):
                return value[key]
        return None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    return None


def _first(record: dict, keys: tuple[str, ...]):
    lowered = {str(k).lower(): v for k, v in record.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, "", [], {}):
            return value
    return None


def _records(path: str, text: str) -> list:
    try:
        data = json.loads(text)
    except RecursionError:
        raise ParseError(path, "JSON nested too deeply to be a release") from None
    except ValueError as exc:
        if not isinstance(exc, json.JSONDecodeError):
            raise ParseError(path, f"unreadable JSON value: {str(exc)[:80]}") from None
        lines = [line for line in text.splitlines() if line.strip()]
        records, bad = [], 0
        for line in lines:
            try:
                records.append(json.loads(line))
            except (ValueError, RecursionError):
                bad += 1
        if len(lines) < 2 or not records or bad > len(lines) // 2:
            raise ParseError(
                path, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}; fix the file or remove it"
            ) from None
        return records
    if isinstance(data, dict):
        for key in LIST_KEYS:
            inner = data.get(key)
            if isinstance(inner, list) and inner and all(isinstance(r, dict) for r in inner):
                return inner
        return [data]
    if isinstance(data, list):
        return data
    raise ParseError(path, "JSON holds no release: expected an object or a list of objects with a headline")


def _tickers(value) -> list[str] | None:
    """Listings from metadata: 'NASDAQ:IMGN' strings (a bare symbol names no exchange, so it is not used)."""
    items = value if isinstance(value, list) else re.split(r"[,;]", value) if isinstance(value, str) else []
    found: list[str] = []
    for item in items:
        if isinstance(item, dict):
            exchange, symbol = item.get("exchange"), item.get("symbol") or item.get("ticker")
            item = f"{exchange}:{symbol}" if exchange and symbol else ""
        if isinstance(item, str):
            found += listings_in_bracket(item.strip())
    return found or None


def _body_text(value: str) -> str:
    if re.search(r"<(?:p|div|br|h[1-6]|ul|li|span|a)\b[^>]*>", value, re.I):
        from .html import html_to_text

        return html_to_text(value)
    return value


def parse_json(path: str, text: str) -> list[Release]:
    """Parse a JSON file holding one release, a list of them, an export object or JSON Lines."""
    records = _records(path, text)
    check_items(path, len(records), "JSON records")
    releases: list[Release] = []
    problems: list[str] = []
    many = len(records) > 1
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            problems.append(f"item {i} is not an object")
            continue
        headline = _text_of(_first(record, HEADLINE_KEYS))
        body = _text_of(_first(record, BODY_KEYS)) or ""
        if not (headline and headline.strip()):
            problems.append(f"item {i} has no headline (expected a 'title' or 'headline' field)")
            continue
        subheadline = _text_of(_first(record, SUBHEADLINE_KEYS))
        wire_value = _first(record, WIRE_KEYS)
        link = _first(record, LINK_KEYS)
        company = _text_of(_first(record, COMPANY_KEYS))
        location = _first(record, LOCATION_KEYS)
        language = _first(record, ("language", "lang", "locale"))
        draft = Draft(
            headline=headline,
            body=_body_text(body),
            subheadline=subheadline if subheadline and subheadline.strip() != body.strip() else None,
            published=parse_when(_first(record, DATE_KEYS)),
            wire=canonical_wire(_text_of(wire_value)) if wire_value else None,
            company=company.strip() if company else None,
            tickers=_tickers(_first(record, TICKER_KEYS)),
            location=location if isinstance(location, str) else None,
            language=language[:2].lower() if isinstance(language, str) and len(language) >= 2 else None,
            links=[link] if isinstance(link, str) else [],
            item=i if many else 0,
        )
        releases.append(build_release(path, draft))
    if not releases:
        reason = problems[0] if problems else "no releases in the file"
        raise ParseError(path, f"{reason}; nothing to index")
    return releases
