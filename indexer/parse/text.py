"""Plain-text and Markdown releases: headline first, then dateline and body."""

from __future__ import annotations

import re

from ..model import ParseError, Release
from .assemble import build_release

_FOOTER_RE = re.compile(r"\n\s*(?:---+|\*\*\*+|___+)\s*\n(?![\s\S]*\n\s*(?:---+)\s*\n)[\s\S]*$")


def parse_text(path: str, text: str, *, markdown: bool = False) -> list[Release]:
    """Parse a plain-text or Markdown release."""
    if markdown:
        # The archive's own footer of links after a final '---' rule is not part of the release.
        text = _FOOTER_RE.sub("\n", text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headline, start = None, 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if markdown and stripped.startswith("#"):
            headline = stripped.lstrip("#").strip()
        else:
            headline = stripped.lstrip("#").strip()
        start = i + 1
        break
    if not headline:
        raise ParseError(path, "no headline: the file has no text")
    rest = "\n".join(lines[start:])
    subheadline = None
    # A short second line before the dateline, in italics or a '##' heading, is a subheadline.
    m = re.match(r"\s*(?:##+\s*(.+)|[*_](.{10,300})[*_])\s*\n", rest)
    if m:
        subheadline = (m.group(1) or m.group(2)).strip()
        rest = rest[m.end() :]
    return [build_release(path, headline, rest, subheadline=subheadline)]
