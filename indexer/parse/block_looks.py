"""The look of an HTML exhibit's blocks, keyed by their text: bold, italic, font size and the space set above them
(exhibit.py tells a headline's rest from a subheadline by them)."""

from __future__ import annotations

import html
import re

from lxml import etree

_SPACES_RE = re.compile(r"\s+")
_STYLED_BLOCKS = ("p", "div", "td", "center", "li", "h1", "h2", "h3", "h4", "h5", "h6")
_STYLED_LIMIT = 400  # blocks looked at: the opening is in the first few hundred
_BOLD_RE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_ITALIC_RE = re.compile(r"font-style\s*:\s*italic", re.I)
_SIZE_RE = re.compile(r"font-size\s*:\s*([\d.]+\s*(?:pt|px|em|rem|%)?)", re.I)
_MARGIN_TOP_RE = re.compile(r"margin-top\s*:\s*([\d.]+)\s*(pt|px)?", re.I)
# What lxml.html's text_content() is (elements of lxml's plain HTML parser have none): every text node below an
# element, in order.
text_content = etree.XPath("string()")


def block_styles(root) -> dict[str, tuple]:
    """The look of the opening's short blocks, by their text: (bold, italic, font size, space above in px or None).

    A headline broken over several blocks keeps one look; the subheadline after it changes it (italic, smaller).
    A block set closer to the one before than that one to its own predecessor reads as the same paragraph.
    """
    styles: dict[str, tuple] = {}
    for count, element in enumerate(root.iter(*_STYLED_BLOCKS)):
        if count > _STYLED_LIMIT:
            break
        # Keyed as the lines read (entities the markup escaped twice decoded, as _tidy decodes them).
        text = _SPACES_RE.sub(" ", html.unescape(text_content(element)).replace("\u00a0", " ")).strip()
        if text and len(text) <= 300 and text not in styles:
            styles[text] = (*_look(element), _space_above(element))
    return styles


def _space_above(element) -> float | None:
    """The block's own top margin in px ('margin-top:12pt' is 16), None when its style sets none."""
    found = _MARGIN_TOP_RE.search(element.get("style") or "")
    if not found:
        return None
    value = float(found.group(1))
    return value * 4 / 3 if (found.group(2) or "").lower() == "pt" else value


def _look(element) -> tuple:
    bold = italic = False
    size = None
    nodes = [*list(element.iterancestors())[:3], *list(element.iter())[:30]]
    for node in nodes:
        if not isinstance(node.tag, str):
            continue
        tag, style = node.tag.lower(), node.get("style") or ""
        bold = (
            bold or tag in ("b", "strong") or tag.startswith("h") and tag[1:].isdigit() or bool(_BOLD_RE.search(style))
        )
        italic = italic or tag in ("i", "em") or bool(_ITALIC_RE.search(style))
        found = _SIZE_RE.search(style)
        if found:
            size = found.group(1)
        elif tag == "font" and node.get("size"):
            size = node.get("size")
    return bold, italic, size
