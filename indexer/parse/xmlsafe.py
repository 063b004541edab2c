"""XML parsed safely: defusedxml refuses entity expansion (billion laughs), external entities and DTD fetches."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, tostring
from xml.etree.ElementTree import ParseError as XMLSyntaxError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..model import ParseError

_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Elements within elements deeper than this are no release (NewsML with an XHTML body nests about 20 deep): the
# readers walk and serialise a tree recursively, and a thousand levels overflow Python's stack.
MAX_DEPTH = 256


def parse_xml(path: str, text: str) -> Element:
    """The root element of an XML document given as decoded text, or ParseError saying why not."""
    # The text is already decoded (with a fallback for invalid bytes), so its encoding declaration no longer holds.
    body = _DECLARATION_RE.sub("", text, count=1).lstrip("\ufeff")
    try:
        root = fromstring(body.encode("utf-8"))
    except DefusedXmlException as exc:
        raise ParseError(
            path, f"unsafe XML refused ({type(exc).__name__}): entity declarations and external references are not read"
        ) from None
    except XMLSyntaxError as exc:
        raise ParseError(path, f"malformed XML: {exc}") from None
    if _deeper_than(root, MAX_DEPTH):
        raise ParseError(path, f"XML nested more than {MAX_DEPTH} elements deep: too deep to be a release")
    return root


def _deeper_than(root: Element, limit: int) -> bool:
    """Whether elements nest more than limit deep under root (walked without recursion)."""
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in element)
    return False


def local(tag: object) -> str:
    """An element's name without its namespace ('{http://iptc.org/...}headline' -> 'headline')."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: Element, name: str) -> list[Element]:
    """Direct children with a local name."""
    return [child for child in element if local(child.tag) == name]


def child(element: Element | None, name: str) -> Element | None:
    """The first direct child with a local name."""
    if element is None:
        return None
    return next((c for c in element if local(c.tag) == name), None)


def find_all(element: Element, name: str) -> list[Element]:
    """Every descendant with a local name, in document order."""
    return [e for e in element.iter() if local(e.tag) == name]


def find(element: Element, name: str) -> Element | None:
    """The first descendant with a local name."""
    return next((e for e in element.iter() if local(e.tag) == name), None)


def text_of(element: Element | None) -> str:
    """All text inside an element, whitespace collapsed."""
    if element is None:
        return ""
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def markup_of(element: Element) -> str:
    """An element's inner XML as a string (to hand XHTML to the HTML reader), namespaces dropped."""
    raw = tostring(element, encoding="unicode")
    return re.sub(
        r"\s?xmlns(?::\w+)?=\"[^\"]*\"|<(/?)\w+:", lambda m: f"<{m.group(1)}" if m.group(0).startswith("<") else "", raw
    )
