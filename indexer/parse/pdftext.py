"""Text extracted from PDFs: ligatures and NUL debris cleaned, page furniture dropped, hyphenated line ends joined.

Earnings releases are often posted as PDFs and indexed as the text a converter pulled out of them. That text carries
the PDF's pages: headers and footers repeated on every page, page numbers, form feeds, words hyphenated at line ends
and ligature characters ('ﬁ', 'ﬂ'). These rules undo that; they run only on text that shows a page's marks.
"""

from __future__ import annotations

import re
from collections import Counter

from .banners import LOWER_JOINERS, is_banner
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
_LINK_START_RE = re.compile(r"(?:\S*://|www\.)", re.I)
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
        if (
            stripped
            and (_PAGE_MARK_RE.match(stripped) or _PAGE_FOOTER_RE.match(stripped) or stripped in repeated)
            and not _headline_number(lines, at)
        ):
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
            if _LINK_START_RE.match(head) or "-" in stripped.split()[0]:
                # a link's own hyphen ("news-releases/thinking-about-trading-" | "options-or-stock"), or a compound's
                # whose rest holds its other hyphens ("First-" | "of-Its-Kind")
                head += "-"
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
    dateline follows it (an image's or a link's line between them aside), or it is the page's first line and reads as
    a headline, not a name ("T-Mobile 5G: It's On!"), or it reads as a title wherever it stands on the first page
    ("Innovative Solutions for Warehouse Networking" under a letterhead, a subheadline below it), or an author's
    byline follows it ("By Jane Roe"). (A letterhead atop every page is followed by the headline, a
    short line.)"""
    first = True
    for at, line in enumerate(lines):
        if line == _PAGE_BREAK:
            return None
        if line.strip() not in repeated:
            first = first and not line.strip()
            continue
        following = next(
            (later.strip() for later in lines[at + 1 :] if later.strip() and not _MEDIA_LINE_RE.match(later.strip())),
            "",
        )
        if (
            following != _PAGE_BREAK
            and following not in repeated
            and (
                len(following) >= 60
                or find_dateline(following)
                or (first and _HEADLINE_MARKS_RE.search(line))
                or _BYLINE_RE.match(following)
                or _joined_title(line.strip())
            )
        ):
            return at
        first = False
    return None


# A line that only shows an image or a link ("![](https://.../logo.png)", "[Photo](https://...)", a bare address).
_MEDIA_LINE_RE = re.compile(r"^!?\[[^\]]*\]\([^)]*\)$|^(?:https?://|www\.)\S+$")
# An author's or a firm's byline under a headline: "By Cboe", "By Jane Roe, Benzinga".
_BYLINE_RE = re.compile(r"[Bb]y\s+[A-Z][\w.'\u2019&-]*(?:\s+[A-Z&][\w.'\u2019&-]*){0,3}\s*(?:,\s*[\w .&'-]{2,40})?$")
# What a headline prints and a letterhead's name does not: an exclamation or a question at its end, a colon between
# words ("Acme 5G: It's On!", "Why Now?").
_HEADLINE_MARKS_RE = re.compile(r"[!?][\u201d\"]?\s*$|\w:\s+\S")


def _joined_title(line: str) -> bool:
    """Whether a line reads as a title, not a letterhead's name or a page's footer: four words or more joined by a
    lower-case word ("Innovative Solutions for Warehouse Networking"), no banner."""
    return len(line.split()) >= 4 and any(word in LOWER_JOINERS for word in line.split()) and not is_banner(line, None)


# How many of the first page's lines may hold the headline when a letterhead or contact block stands above it.
_OPENING_LINES = 12


def _headline_number(lines: list[str], at: int) -> bool:
    """Whether lines[at], a bare number, is the last word of a headline wrapped above it ("... Premieres Aug." | "18"):
    it stands among the first page's opening lines, straight under a line of words, where no page ends."""
    return (
        0 < at < _OPENING_LINES
        and lines[at].strip().isdigit()
        and bool(_WORDS_RE.search(lines[at - 1]))
        and not _PAGE_MARK_RE.match(lines[at - 1].strip())
    )


_WORDS_RE = re.compile(r"[^\W\d_]{2}")


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


# Two columns that `pdftotext -layout` ran together: each line holds a line of the left column, a gutter of spaces
# and a line of the right column. Cheap first look: many lines with a run of three spaces or more inside them.
_INNER_GAP_RE = re.compile(r"\S[^\S\n]{3,}(?=\S)")
# Lines with words on both sides of the gutter a page needs to be read as two columns: a one-page release beside a
# short contact box has five or six (no one-column corpus or shaped text of 31,337 has five such lines).
_COLUMN_LINES = 5
_LETTER_RE = re.compile(r"[^\W\d_]")


def split_columns(text: str) -> tuple[str, list[str]]:
    """Text whose pages are set in two columns, read a column at a time: a page's full-width top (its headline), then
    the left column, then the right one; and the columns' lines (none when no page has columns), whose width is the
    text's wrapping width. Tables (a column of labels beside columns of figures) stay as they are."""
    if "   " not in text[:200_000] or not _INNER_GAP_RE.search(text, 0, 200_000):
        return text, []
    columns: list[str] = []
    pages = [_split_page(page, columns) for page in text.split("\f")]
    return ("\f".join(pages) if columns else text), columns


def _split_page(page: str, columns: list[str]) -> str:
    lines = page.split("\n")
    found = _gutter(lines) or _short_right_column(lines)
    if found is None:
        return page
    cut, first = found
    halves = [_halves(line, cut) for line in lines[first:]]
    left = [left for left, _ in halves]
    right = [right for _, right in halves]
    # The page's foot ("Page 1 of 3") under the left column goes after both columns.
    foot: list[str] = []
    while left and (not left[-1] or _PAGE_MARK_RE.match(left[-1]) or _PAGE_FOOTER_RE.match(left[-1])):
        foot.insert(0, left.pop())
    while right and not right[-1]:
        right.pop()
    while right and not right[0]:
        right.pop(0)  # the blank lines atop the page, under its headline
    columns += left + right
    # The right column follows the left with no blank line: a paragraph the column break cut reads on (text.unwrap).
    return "\n".join(lines[:first] + left + right + foot)


# How far a line's gutter may stand from the page's: columns of proportional type do not line up to the character.
_GUTTER_SLACK = 3


def _gap_at(line: str, cut: int) -> tuple[int, int] | None:
    """The run of spaces inside a line that holds the gutter (within the slack of the column cut), or None."""
    for match in _INNER_GAP_RE.finditer(line):
        if match.start() + 1 < cut + _GUTTER_SLACK and match.end() > cut - _GUTTER_SLACK:
            return match.start() + 1, match.end()
    return None


def _halves(line: str, cut: int) -> tuple[str, str]:
    """A line's left-column and right-column text."""
    gap = _gap_at(line, cut)
    if gap is not None:
        return line[: gap[0]].rstrip(), line[gap[1] :].strip()
    if len(line) - len(line.lstrip()) >= cut - _GUTTER_SLACK:
        return "", line.strip()  # the right column only: the left one has a blank line there
    return line.rstrip(), ""


def _gutter(lines: list[str]) -> tuple[int, int] | None:
    """(column of the gutter, first line of the columns) of a page set in two columns of prose, or None."""
    if sum(1 for line in lines if _INNER_GAP_RE.search(line)) < _COLUMN_LINES:
        return None
    best: tuple[int, int, int] | None = None  # (two-sided lines, cut, first line)
    widest = min(160, max(len(line) for line in lines))
    # Each line's inner gaps, its width, indent and whether it holds text, read once rather than once a cut.
    shapes = [
        (
            [(m.start() + 1, m.end()) for m in _INNER_GAP_RE.finditer(line)],
            len(line.rstrip()),
            len(line) - len(line.lstrip()),
            bool(line.strip()),
        )
        for line in lines
    ]
    # Only a cut some gap holds can have two-sided lines; the others never become the best.
    held = {
        cut
        for gaps, *_ in shapes
        for start, end in gaps
        for cut in range(start - _GUTTER_SLACK + 1, end + _GUTTER_SLACK)
    }
    for cut in sorted(held.intersection(range(12, max(12, widest - 12)))):
        first, sides, heading = 0, 0, False
        for at, (gaps, width, indent, text) in enumerate(shapes):
            if any(start < cut + _GUTTER_SLACK and end > cut - _GUTTER_SLACK for start, end in gaps):
                sides, heading = sides + 1, False
            elif width > cut + _GUTTER_SLACK and indent < cut - _GUTTER_SLACK:
                first, sides, heading = at + 1, 0, True  # a line across the gutter (the headline above the columns)
            elif heading and text:
                first = at + 1  # the rest of that paragraph: a centred headline's short last line
            else:
                heading = False
        if sides >= _COLUMN_LINES and (best is None or sides > best[0]):
            best = (sides, cut, first)
    if best is None:
        return None
    _, cut, first = best
    halves = [_halves(line, cut) for line in lines[first:] if line.strip()]
    # Over the lines the right column reaches down to (the left one may run on alone on a release's last page).
    halves = halves[: max((at for at, (_, right) in enumerate(halves) if right), default=-1) + 1]
    two_sided = [(left, right) for left, right in halves if left and right]
    if len(two_sided) < 0.3 * len(halves):
        return None
    lefts, rights = [left for left, _ in two_sided], [right for _, right in two_sided]
    if not (_words(lefts) and _words(rights)) or not (_prose(lefts) or _prose(rights)):
        return None  # a table: labels beside figures (a column of prose may have a sidebar of contacts beside it)
    return cut, first


def _words(parts: list[str]) -> bool:
    """Whether a column's lines are words, not a table's figures: mostly letters."""
    chars = "".join(parts).replace(" ", "")
    return len(_LETTER_RE.findall(chars)) >= 0.55 * max(1, len(chars))


def _prose(parts: list[str]) -> bool:
    """Whether a column's lines are prose: several words a line."""
    return sum(len(part.split()) for part in parts) >= 3 * len(parts)


# A right column of fewer lines than _COLUMN_LINES (a release that ends soon after the column break) is read as one
# when the left column below it is wrapped prose of at least this many lines, none reaching into the gutter.
_LEFT_LINES = 8
# How far from the left column's widest line the right column may start: a gutter is a few spaces wide.
_GUTTER_WIDEST = 12


def _short_right_column(lines: list[str]) -> tuple[int, int] | None:
    """(column of the gutter, first line of the columns) of a page whose right column holds only its first few lines
    beside a left column of wrapped prose that never crosses the gutter, or None."""
    two_sided = [at for at, line in enumerate(lines) if _INNER_GAP_RE.search(line)]
    if not two_sided or len(two_sided) >= _COLUMN_LINES:
        return None
    first = two_sided[0]
    gap = next(_INNER_GAP_RE.finditer(lines[first]))
    cut = gap.end() - 1  # the gutter's last column: the right column starts after it
    if cut < 20 or any(_gap_at(lines[at], cut) is None or len(lines[at]) > 160 for at in two_sided):
        return None
    # (A line of the right column alone, beside a blank in the left one, is no left-column line.)
    left_only = [
        line.rstrip()
        for at, line in enumerate(lines[first:], start=first)
        if line.strip() and at not in two_sided and len(line) - len(line.lstrip()) < cut - _GUTTER_SLACK
    ]
    if len(left_only) < max(_LEFT_LINES, 2 * len(two_sided)) or 3 * (two_sided[-1] - first) >= len(lines) - first:
        return None
    widest = max(len(line) for line in left_only)
    if not cut - _GUTTER_WIDEST <= widest < cut - 1 or sum(
        len(line) >= 0.75 * widest for line in left_only
    ) < 0.5 * len(left_only):
        return None  # the left column reaching into the gutter or far from it, or ragged: not wrapped prose
    halves = [_halves(lines[at], cut) for at in two_sided]
    lefts, rights = [left for left, _ in halves], [right for _, right in halves]
    if not (_words(lefts) and _words(rights) and _prose(left_only)):
        return None
    # The right column may start above its first two-sided line, beside a blank in the left one ("By A. Writer" |
    # "   info@example.com" | "Jane Roe, CEO of Acme"): its lines there are the column's, not the page's top.
    for at in range(first - 1, -1, -1):
        indent = len(lines[at]) - len(lines[at].lstrip())
        if lines[at].strip() and indent >= cut - _GUTTER_SLACK:
            first = at
        elif len(lines[at].rstrip()) > cut - _GUTTER_SLACK:
            break  # a line across the gutter: the headline above the columns
    return cut, first
