"""Wire feed items: IPTC NewsML-G2 (GlobeNewswire, XHTML body) and NewsML 1.2 (Business Wire), parsed safely."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from ..model import ParseError, Release
from .assemble import Draft, build_release, check_items
from .dates import parse_when
from .html import html_to_text
from .tickers import listings_in_bracket
from .wires import canonical_wire
from .xmlsafe import child, children, find, find_all, local, markup_of, text_of


def _wire_name(value: str | None) -> str | None:
    if not value:
        return None
    return canonical_wire(re.sub(r"\.(?:com|net|org|ca)$", "", value.strip(), flags=re.I))


def _xhtml_text(container: Element | None) -> tuple[str, str | None, str | None]:
    """(body text, h1, h2) of an XHTML document inside a content element."""
    if container is None:
        return "", None, None
    html = next((e for e in container.iter() if local(e.tag) == "html"), None)
    if html is None:
        body = find(container, "body")
        html = body if body is not None else container
    h1 = find(html, "h1")
    h2 = find(html, "h2")
    head_text, sub_text = text_of(h1) or None, text_of(h2) or None
    markup = markup_of(html)
    # The headline and subheadline are fields of their own, not the first paragraphs of the body.
    if h1 is not None:
        markup = re.sub(r"<h1\b.*?</h1>", "", markup, count=1, flags=re.S)
    if h2 is not None:
        markup = re.sub(r"<h2\b.*?</h2>", "", markup, count=1, flags=re.S)
    return html_to_text(markup), head_text, sub_text


# --- NewsML-G2 -------------------------------------------------------------------------------------------------


def _g2_item(item: Element, index: int, many: bool, path: str) -> Release:
    item_meta, content_meta = child(item, "itemMeta"), child(item, "contentMeta")
    headline = text_of(child(content_meta, "headline")) if content_meta is not None else ""
    subheadline = text_of(child(content_meta, "subheadline")) or None if content_meta is not None else None
    body, h1, h2 = "", None, None
    content_set = child(item, "contentSet")
    if content_set is not None:
        inline_xml = child(content_set, "inlineXML")
        inline_data = child(content_set, "inlineData")
        if inline_xml is not None:
            body, h1, h2 = _xhtml_text(inline_xml)
        elif inline_data is not None:
            body = "".join(inline_data.itertext())
    headline = headline or h1 or ""
    subheadline = subheadline or h2
    if not headline and not body.strip():
        raise ParseError(path, "NewsML-G2 item with no headline and no body")
    when = None
    for holder, name in ((content_meta, "contentCreated"), (item_meta, "firstCreated"), (item_meta, "versionCreated")):
        found = child(holder, name) if holder is not None else None
        if found is not None and text_of(found):
            when = parse_when(text_of(found))
            break
    company = None
    located = None
    language = None
    tickers: list[str] = []
    if content_meta is not None:
        for subject in children(content_meta, "subject"):
            if subject.get("type") == "cpnat:organisation":
                company = subject.get("literal") or text_of(child(subject, "name")) or None
                break
        place = child(content_meta, "located")
        located = (place.get("literal") or text_of(child(place, "name"))) if place is not None else None
        lang = child(content_meta, "language")
        language = (lang.get("tag") or "")[:2].lower() or None if lang is not None else None
        for keyword in children(content_meta, "keyword"):
            if "ticker" in (keyword.get("role") or "").lower():
                tickers += listings_in_bracket(text_of(keyword))
    provider = child(item_meta, "provider") if item_meta is not None else None
    wire = _wire_name(provider.get("literal") if provider is not None else None)
    language = language or (item.get("{http://www.w3.org/XML/1998/namespace}lang") or "")[:2].lower() or None
    draft = Draft(
        headline=headline,
        body=body,
        subheadline=subheadline,
        published=when,
        wire=wire,
        company=company,
        tickers=tickers or None,
        location=_city(located),
        language=language,
        item=index if many else 0,
    )
    return build_release(path, draft)


def _city(located: str | None) -> str | None:
    # '<located literal="San Francisco, CA, USA">': the city and region, as a dateline would print them.
    if not located:
        return None
    parts = [p.strip() for p in located.split(",") if p.strip()]
    return ", ".join(parts[:2]) if parts else None


def parse_g2(path: str, root: Element) -> list[Release]:
    """Parse a NewsML-G2 newsItem, or every newsItem of a newsMessage."""
    items = [root] if local(root.tag) == "newsItem" else find_all(root, "newsItem")
    if not items:
        raise ParseError(path, "NewsML-G2 document with no newsItem")
    check_items(path, len(items), "NewsML items")
    return [_g2_item(item, i, len(items) > 1, path) for i, item in enumerate(items)]


# --- NewsML 1.2 ------------------------------------------------------------------------------------------------


def _component_text(component: Element) -> str:
    parts = []
    for content in find_all(component, "DataContent"):
        if find(content, "html") is not None or find(content, "body") is not None or find(content, "p") is not None:
            parts.append(html_to_text(markup_of(content)))
        else:
            parts.append("".join(content.itertext()).strip())
    return "\n\n".join(p for p in parts if p)


def _role(component: Element) -> str:
    role = child(component, "Role")
    return (role.get("FormalName") or "").lower() if role is not None else ""


def _n12_item(item: Element, envelope: Element | None, index: int, many: bool, path: str) -> Release:
    headline = text_of(find(item, "HeadLine"))
    subheadline = text_of(find(item, "SubHeadLine")) or None
    dateline = text_of(find(item, "DateLine")) or None
    components = find_all(item, "NewsComponent")
    by_role: dict[str, list[Element]] = {}
    for component in components:
        by_role.setdefault(_role(component), []).append(component)
    body = "\n\n".join(_component_text(c) for c in by_role.get("body", []))
    if not body:
        # No roles: the largest text content item is the body.
        texts = [_component_text(c) for c in components if child(c, "ContentItem") is not None]
        body = max(texts, key=len) if texts else ""
    contact = "\n\n".join(_component_text(c) for c in by_role.get("contact", []))
    if contact:
        body = f"{body}\n\nContact:\n\n{contact}"
    if not headline and not body.strip():
        raise ParseError(path, "NewsML 1.2 item with no headline and no body")
    created = find(item, "FirstCreated")
    when = parse_when(text_of(created)) if created is not None else None
    if when is None and envelope is not None:
        when = parse_when(text_of(find(envelope, "DateAndTime")))
    source = find(item, "AdministrativeMetadata")
    party = find(source, "Party") if source is not None else None
    company = party.get("FormalName") if party is not None else None
    tickers: list[str] = []
    for metadata in find_all(item, "Metadata"):
        kind = find(metadata, "MetadataType")
        if kind is None or "securit" not in (kind.get("FormalName") or "").lower():
            continue
        values = {p.get("FormalName"): p.get("Value") for p in find_all(metadata, "Property")}
        symbol, exchange = values.get("Ticker Symbol"), values.get("Exchange")
        if symbol and exchange:
            tickers += listings_in_bracket(f"{exchange}: {symbol}")
    service = find(envelope, "NewsService") if envelope is not None else None
    wire = _wire_name(service.get("FormalName") if service is not None else None)
    if wire is None and envelope is not None:
        sender = find(envelope, "Party")
        wire = _wire_name(sender.get("FormalName") if sender is not None else None)
    lang = find(item, "Language")
    draft = Draft(
        headline=headline,
        body=body,
        subheadline=subheadline,
        published=when,
        wire=wire,
        company=company,
        tickers=tickers or None,
        location=dateline,
        language=(lang.get("FormalName") or "")[:2].lower() or None if lang is not None else None,
        item=index if many else 0,
    )
    return build_release(path, draft)


def parse_newsml12(path: str, root: Element) -> list[Release]:
    """Parse a NewsML 1.2 document: each NewsItem is a release."""
    envelope = child(root, "NewsEnvelope")
    items = children(root, "NewsItem") or find_all(root, "NewsItem")
    if not items:
        raise ParseError(path, "NewsML 1.2 document with no NewsItem")
    check_items(path, len(items), "NewsML items")
    return [_n12_item(item, envelope, i, len(items) > 1, path) for i, item in enumerate(items)]
