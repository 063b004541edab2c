"""Hard-wrapped text (from a PDF, a mail, an old fixed-width EDGAR exhibit): the width its lines were broken at, and
its paragraphs one line each again."""

from __future__ import annotations

import re
from collections import Counter

# A hard-wrapped text (from a PDF, a mail, a fixed-width file) has this many lines that fill most of its width.
_WRAPPED_LINES = 5
# How far past the text's margin a line may start and still be a paragraph's (a first line's indent).
_INDENT_SLACK = 8
# How many characters a line filled to the width may have gained since: ligatures spelled out ('ﬁ' is two), the head
# of a word hyphenated at the line above's end moved down to it (pdftext.clean_pdf_text).
_FILLED_SLACK = 12


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text breaks its lines at (its longest line), None when its lines are not wrapped."""
    shown = [line for line in lines[:400] if line.strip()]
    if not shown:
        return None
    # Lines set in from the text's margin (a centred headline, a right-set banner) are not a paragraph's: they do not
    # set the width ("Thinking about buying stock in ..." centred over a single column of 40).
    margin = Counter(_indent(line) for line in shown).most_common(1)[0][0]
    lengths = [len(line.rstrip()) for line in shown if _indent(line) <= margin + _INDENT_SLACK]
    # A few longer lines (a paragraph a page break cut, joined again; ligatures spelled out; a long link) do not
    # unmake the wrapping nor set its width: the width is the length that all but the longest twentieth stay within.
    fitting = sorted((length for length in lengths if length <= 130), reverse=True)
    if not fitting or len(lengths) - len(fitting) > max(2, len(lengths) // 10):
        return None
    width = fitting[min(len(fitting) - 1, len(lengths) // 20)]
    lengths = fitting
    return width if sum(length >= 0.8 * width for length in lengths) >= _WRAPPED_LINES else None


# Text set in columns (a table, two columns run together) keeps its lines: they are not a paragraph's. A wide gap
# after a full stop is between two sentences of prose ("... visit www.acme.com.   ABOUT ACME"), not between columns.
_COLUMNS_RE = re.compile(r"[^\s.!?\"\u201d][ \t]{3,}\S")
# A line that ends inside a link: its last word an address that stops at a character no link ends with.
_BROKEN_LINK_RE = re.compile(r"(?:https?://|www\.)\S*[-/._=?&#%]$", re.I)
# How much of a joined paragraph's end is looked at for a link (longer than any link): the paragraph grows with each
# line joined, and reading all of it again for each line made a text of many short wrapped lines take minutes.
_LINK_TAIL = 4096
_LINK_CUTS = frozenset("-/._=?&#%")


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
    # The pieces of the paragraph being joined (out[-1] once joined): a string grown line by line is copied whole
    # at each line, which is quadratic in a paragraph of many lines.
    pieces: list[str] = []
    tail = ""  # the end of the paragraph being joined, up to _LINK_TAIL characters
    last = ""  # the last line as printed, not as joined
    for line in lines:
        stripped = line.strip()
        if (
            out
            and stripped
            and last
            and not _COLUMNS_RE.search(last.strip())
            and not _COLUMNS_RE.search(stripped)
            # (two spaces, as after a full stop or a dateline's date, may have stood at the break: "Oct.  10, 2019"
            # | "(GLOBE NEWSWIRE)")
            # (a no-break space binds its words: "Inc.\u00a0(NASDAQ:" did not fit as one)
            and len(last.rstrip()) + 2 + len(first_word(stripped)) > width
            and (set_apart is None or max(_indent(last), _indent(line)) <= set_apart)
        ):
            if not pieces:
                pieces.append(out[-1].rstrip())
                tail = pieces[0][-_LINK_TAIL:]
            piece = stripped if _cut_word(tail, last, stripped, width) else f" {stripped}"
            pieces.append(piece)
            tail = (tail + piece)[-_LINK_TAIL:]
        else:
            if pieces:
                out[-1], pieces = "".join(pieces), []
            out.append(line)
        last = line
    if pieces:
        out[-1] = "".join(pieces)
    return out


def first_word(line: str) -> str:
    """A line's first word as a line breaker sees it: up to a space or a tab, never a no-break space."""
    return _BREAK_RE.split(line.strip(), maxsplit=1)[0]


_BREAK_RE = re.compile(r"[ \t]+")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _cut_word(before: str, last: str, line: str, width: int) -> bool:
    """Whether a line break cut a word: a link ("http://www.prnewswire.com/news-" | "releases/..."), or a word too
    long for a line that a converter cut by force, so that a line is that one word to its full width ("... content:h"
    | "ttp://www.prnewswire.com/news-releases/t" | "hinking-about-...")."""
    # A link is a word: only the last one can end the line inside a link (and only at one of these characters).
    word = before.rsplit(None, 1)[-1] if before[-1:] in _LINK_CUTS else ""
    if word and _BROKEN_LINK_RE.search(word):
        return True
    head, tail = last.split()[-1], line.split()[0]
    return max(len(head), len(tail)) >= width - 1 and width - 1 <= len(last.rstrip()) <= width + _FILLED_SLACK
