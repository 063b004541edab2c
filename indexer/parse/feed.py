"""RSS and Atom feeds of releases: one release per item or entry."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from ..model import ParseError, Release
from .assemble import Draft, build_release, check_items
from .dates import parse_when
from .html import html_to_text
from .wires import canonical_wire
from .xmlsafe import child, children, find_all, local, markup_of, text_of


def _named(element: Element, *names: str) -> Element | None:
    for name in names:
        found = child(element, name)
        if found is not None and (text_of(found) or len(found)):
            return found
    return None


def _html_field(element: Element | None) -> str:
    """Text of a field that may hold escaped HTML (RSS description) or inline XHTML (Atom content)."""
    if element is None:
        return ""
    if len(element):  # inline XHTML
        return html_to_text(markup_of(element))
    raw = "".join(element.itertext())
    return html_to_text(raw) if "<" in raw else raw.strip()


def _entry(item: Element, index: int, many: bool, channel_wire: str | None, path: str) -> Release | None:
    title = text_of(_named(item, "title"))
    body = _html_field(_named(item, "encoded", "content")) or _html_field(_named(item, "description", "summary"))
    if not title and not body:
        return None
    when_el = _named(item, "pubDate", "published", "date", "issued", "updated", "modified")
    link_el = child(item, "link")
    link = None
    if link_el is not None:
        link = link_el.get("href") or text_of(link_el) or None
    author = _named(item, "creator", "author")
    draft = Draft(
        headline=title,
        body=body,
        published=parse_when(text_of(when_el)) if when_el is not None else None,
        wire=channel_wire or (canonical_wire(text_of(author)) if author is not None else None),
        links=[link] if link else [],
        item=index if many else 0,
    )
    return build_release(path, draft)


def parse_feed(path: str, root: Element) -> list[Release]:
    """Parse an RSS 2.0, RSS 1.0 (RDF) or Atom feed."""
    kind = local(root.tag)
    if kind == "feed":
        items = children(root, "entry")
        title = text_of(child(root, "title"))
    else:
        channel = child(root, "channel")
        items = find_all(root, "item")
        title = text_of(child(channel, "title")) if channel is not None else ""
    wire = canonical_wire(title) if title else None
    if not items:
        raise ParseError(path, "feed with no items: nothing to index")
    check_items(path, len(items), "feed items")
    releases = []
    for i, item in enumerate(items):
        release = _entry(item, i, len(items) > 1, wire, path)
        if release is not None:
            releases.append(release)
    if not releases:
        raise ParseError(path, "feed items have neither a title nor text")
    return releases
