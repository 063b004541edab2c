"""Text extracted from PDFs: ligatures and NUL debris cleaned, page furniture dropped, hyphenated line ends joined.

Earnings releases are often posted as PDFs and indexed as the text a converter pulled out of them. That text carries
the PDF's pages: headers and footers repeated on every page, page numbers, form feeds, words hyphenated at line ends
and ligature characters ('ﬁ', 'ﬂ'). These rules undo that; they run only on text that shows a page's marks.
"""

from __future__ import annotations

import re
from collections import Counter

from .dateline import find_dateline

# Ligatures (U+FB00..U+FB06) spelled out, as NFKC would.
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
)
_PAGE_MARK_RE = re.compile(
    r"^\s*(?:page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-|\d{1,3}\s*(?:/|of)\s*\d{1,3}|\d{1,3}|<PAGE>\s*\d*)\s*$",
    re.I,
)
# A header or footer that carries its page number: "Acme Corp. | Q4 2024 Results        Page 1 of 3".
_PAGE_FOOTER_RE = re.compile(r"^.{0,100}\bpage\s+\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.I)
_HYPHEN_END_RE = re.compile(r"(?<=[a-z])-$")
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")
# Cheap first looks for page marks: each pattern starts with a character class or a fixed character.
_PAGE_WORD_RE = re.compile(r"[Pp][Aa][Gg][Ee]\s+\d")
_DASH_NUMBER_RE = re.compile(r"\n[ \t]*-[ \t]*\d{1,3}[ \t]*-[ \t]*(?:\n|$)")
# A page number or EDGAR's page marker alone on its line ("- 2 -", "<PAGE>   3").
_OWN_LINE_MARK_RE = re.compile(r"^\s*(?:-\s*\d{1,3}\s*-|<PAGE>\s*\d*)\s*$", re.I)


def looks_paged(text: str) -> bool:
    """Whether text shows pages: form feeds, page numbers or EDGAR's <PAGE> marks on lines of their own."""
    if "\f" in text:
        return True
    if "<PAGE>" not in text and not _PAGE_WORD_RE.search(text) and not _DASH_NUMBER_RE.search(text):
        # most texts: no page number anywhere, and no line-by-line look
        return False
    marks = sum(1 for line in text.split("\n") if _PAGE_FOOTER_RE.match(line) or _OWN_LINE_MARK_RE.match(line))
    return marks >= 1


def clean_pdf_text(text: str) -> str:
    """Text without NULs and ligatures; when it shows pages, without their furniture and with hyphenated words joined."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _LIGATURE_RE.search(text):
        text = text.translate(_LIGATURES)
    if not looks_paged(text):
        return text
    lines = text.replace("\f", f"\n{_PAGE_BREAK}\n").split("\n")
    # Short lines printed three times or more are the pages' running headers and footers.
    counts = Counter(line.strip() for line in lines if 0 < len(line.strip()) < 100)
    repeated = {line for line, n in counts.items() if n >= 3 and not _PAGE_MARK_RE.match(line)}
    if "\f" in text:
        repeated |= _page_edges(text)
    headline_at = _headline_among_repeated(lines, repeated)
    # The headline, or the first page's opening lines when it is not known (a letterhead may stand above it).
    titles = [ln.strip() for ln in _first_page(lines) if ln.strip()][:_OPENING_LINES]
    if headline_at is not None:
        titles.append(lines[headline_at].strip())
    out: list[str] = []
    new_page = False
    for at, line in enumerate(lines):
        if line == _PAGE_BREAK:
            new_page = True
            continue
        stripped = line.strip()
        if at == headline_at:
            # The headline, though later pages repeat it whole as their running header (a short headline is all of
            # its first words); those copies go below.
            out.append(line.rstrip())
            continue
        if stripped and (_PAGE_MARK_RE.match(stripped) or _PAGE_FOOTER_RE.match(stripped) or stripped in repeated):
            continue
        if new_page and stripped:
            if any(_repeats_title(stripped, title) for title in titles):
                continue  # a running header: the headline's first words atop a later page
            new_page = False
            if _goes_on(out, stripped):
                # A paragraph cut by the page break ("Acme Corp. (NASDAQ:" | "ACME) makes ..."): one line again.
                while out and not out[-1].strip():
                    out.pop()
                if not _HYPHEN_END_RE.search(out[-1]):
                    out[-1] = f"{out[-1]} {stripped}"
                    continue
        if out and out[-1] and _HYPHEN_END_RE.search(out[-1]) and stripped[:1].islower():
            # "re-" + "gion": a word hyphenated at the line's end. Its head moves down to its rest, so the line
            # above still ends where a word that did not fit began, and the line below keeps its width: a wrapped
            # paragraph still reads as one (see text.unwrap). A line of one word takes its rest up instead.
            before, _, head = out[-1][:-1].rpartition(" ")
            if before.strip():
                out[-1] = before.rstrip()
                stripped = line = head + stripped
            else:
                rest, _, line = stripped.partition(" ")
                out[-1] = out[-1][:-1] + rest
                if not line:
                    continue
                stripped = line
        out.append(stripped if not stripped else line.rstrip())
    return "\n".join(out)


_PAGE_BREAK = "\x00page\x00"  # NULs are gone by then: no line of the text can be this
# How a line that goes on reads: it starts in lower case or with a closing mark; or the line before ends open.
_GOES_ON_RE = re.compile(r"^[a-z)\]},;:%]")
_ENDS_OPEN_RE = re.compile(r"[,(/\-\u2013\u2014]$|\b(?:and|or|of|the|a|an|to|in|for|with|on|at|by)$")


def _headline_among_repeated(lines: list[str], repeated: set[str]) -> int | None:
    """Where on the first page a line that later pages repeat is the headline: the story's first, long line or its
    dateline follows it. (A letterhead atop every page is followed by the headline, a short line.)"""
    for at, line in enumerate(lines):
        if line == _PAGE_BREAK:
            return None
        if line.strip() not in repeated:
            continue
        following = next((later.strip() for later in lines[at + 1 :] if later.strip()), "")
        if (
            following != _PAGE_BREAK
            and following not in repeated
            and (len(following) >= 60 or find_dateline(following))
        ):
            return at
    return None


# How many of the first page's lines may hold the headline when a letterhead or contact block stands above it.
_OPENING_LINES = 12


def _first_page(lines: list[str]) -> list[str]:
    return lines[: lines.index(_PAGE_BREAK)] if _PAGE_BREAK in lines else lines


def _repeats_title(line: str, title: str) -> bool:
    """Whether a later page's first line is the headline or its first words (two or more): a running header."""
    return len(line.split()) >= 2 and title.startswith(line)


def _goes_on(out: list[str], line: str) -> bool:
    """Whether the first line of a page carries on the paragraph the page before left open."""
    last = next((kept for kept in reversed(out) if kept.strip()), "")
    if not last:
        return False
    last = last.rstrip()
    return bool(_GOES_ON_RE.match(line) or _ENDS_OPEN_RE.search(last) or last.count("(") > last.count(")"))


def _page_edges(text: str) -> set[str]:
    """Lines that open (or close) two pages or more: a two-page release's running header (or footer)."""
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    for page in text.split("\f"):
        lines = [line.strip() for line in page.split("\n") if line.strip() and not _PAGE_MARK_RE.match(line.strip())]
        if lines:
            tops[lines[0]] += 1
            bottoms[lines[-1]] += 1
    return {line for edge in (tops, bottoms) for line, n in edge.items() if n >= 2 and len(line) < 100}
