"""Hard-wrapped text (from a PDF, a mail, an old fixed-width EDGAR exhibit): the width its lines were broken at, and
its paragraphs one line each again."""

from __future__ import annotations

import re

# A hard-wrapped text (from a PDF, a mail, a fixed-width file) has this many lines that fill most of its width.
_WRAPPED_LINES = 5


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text breaks its lines at (its longest line), None when its lines are not wrapped."""
    lengths = [len(line.rstrip()) for line in lines[:400] if line.strip()]
    # A few longer lines (a paragraph a page break cut, joined again; ligatures spelled out; a long link) do not
    # unmake the wrapping nor set its width: the width is the length that all but the longest twentieth stay within.
    fitting = sorted((length for length in lengths if length <= 130), reverse=True)
    if not fitting or len(lengths) - len(fitting) > max(2, len(lengths) // 10):
        return None
    width = fitting[min(len(fitting) - 1, len(lengths) // 20)]
    lengths = fitting
    return width if sum(length >= 0.8 * width for length in lengths) >= _WRAPPED_LINES else None


# Text set in columns (a table, two columns run together) keeps its lines: they are not a paragraph's.
_COLUMNS_RE = re.compile(r"\S[ \t]{3,}\S")
# A line that ends inside a link: its last word an address that stops at a character no link ends with.
_BROKEN_LINK_RE = re.compile(r"(?:https?://|www\.)\S*[-/._=?&#%]$", re.I)


def unwrap(lines: list[str], width: int | None, *, set_apart: int | None = None) -> list[str]:
    """A hard-wrapped text's paragraphs one line each: a line broken at the text's width goes on in the next line.

    Every other source gives a paragraph as one line, and the rules after this one read a line as a unit: the lede's
    "Acme Corp." and its "(CSE: ACME)" on the next line are one sentence, "(NASDAQ:" and "ACME)" one listing.
    set_apart: a line indented further than this many columns is centred or set right (a banner, a headline, a page
    number), not a paragraph's, and neither goes on nor is gone on from.
    """
    if width is None:
        return lines
    out: list[str] = []
    last = ""  # the last line as printed, not as joined
    for line in lines:
        stripped = line.strip()
        if (
            out
            and stripped
            and last
            and not _COLUMNS_RE.search(last.strip())
            and not _COLUMNS_RE.search(stripped)
            and len(last.rstrip()) + 1 + len(stripped.split()[0]) > width
            and (set_apart is None or max(_indent(last), _indent(line)) <= set_apart)
        ):
            before = out[-1].rstrip()
            # A link broken inside it ("http://www.prnewswire.com/news-" | "releases/...") goes on with no space.
            out[-1] = f"{before}{stripped}" if _BROKEN_LINK_RE.search(before) else f"{before} {stripped}"
        else:
            out.append(line)
        last = line
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
