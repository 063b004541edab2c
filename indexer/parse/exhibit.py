"""One EDGAR exhibit's text: is it a press release, what is its headline, and what reads as its body.

Rules over the document's structure, never its file or company: banners ("Exhibit 99.1", "<PAGE>", "NEWS
RELEASE", a lone date, a letterhead, the company name alone, a contact block) are not headlines; the headline is the
first line that is none of those, joined with its continuation when broken over lines; financial tables are kept as
a row per line after the text. Documents that are not releases (pro forma statements, supplemental tables, data
sheets, slide text, charters, memos to directors, call scripts) are recognised and given a reason.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from .banners import (
    BULLET_START_RE,
    CONTACT_WORD_RE,
    ENDS_SENTENCE_RE,
    SENTENCE_RE,
    continues_headline,
    ends_open,
    is_banner,
    letterhead_line,
    letterhead_name,
    lone_date,
    opening_date,
    title_case,
)
from .block_looks import block_styles, text_content
from .cleanup import HTML_BLOCK_TAGS, closes_bracket, join_centred
from .dateline import Dateline, find_dateline, known_or_shouted_place
from .wrapping import first_word, unwrap, wrap_width

_UUENCODED_RE = re.compile(r"^begin [0-7]{3,4} [^\n]*\n.*?(?:^end[ \t]*$|\Z)", re.S | re.M)
_PDF_RE = re.compile(r"<PDF>.*?(?:</PDF>|\Z)", re.S | re.I)
_WRAPPER_TAGS_RE = re.compile(r"</?(?:XBRL|XML)>", re.I)
_HTML_HINT_RE = re.compile(r"<(?:html|body|p|div|table|font|br|span|center|b)\b", re.I)
# Old EDGAR plain text: page marks and the SGML table tags around fixed-width tables.
_PAGE_LINE_RE = re.compile(r"^[ \t]*<PAGE>[ \t]*\d*[ \t]*$", re.M | re.I)
_TEXT_TAGS_RE = re.compile(r"</?(?:TABLE|CAPTION|S|C|FN|F\d+)>", re.I)
_PAGE_NUMBER_RE = re.compile(
    r"^[ \t]*(?:-[ \t]*\d{1,3}[ \t]*-|\(?\d{1,3}\)?|Page \d{1,3}(?: of \d{1,3})?)[ \t]*$", re.M | re.I
)
# A plain-text exhibit's line indented further than this is centred or set right, not a paragraph's.
_SET_APART = 12
# A line of fixed-width text set in this far is not at its margin (a centred line of 60 in 72 columns stands 6 in).
_SET_IN = 4
# (An optional CR then an LF; spelt to open with "&#", which the pattern engine then looks for alone.)
_ENTITY_BREAK_RE = re.compile(r"&#(?:(?:0*13;|x0*d;)&#)?(?:0*10;|x0*a;)", re.I)
# A word broken at its hyphen at a line end: joined, hyphen kept, when the rest is in lower case ("Award-" "winning").
_HYPHEN_END_RE = re.compile(r"(?<=[a-z])-$")
# A fixed-width table line: two or more gaps of two spaces or more between cells, and a figure.
_TEXT_CELL_GAP_RE = re.compile(r"\s{2,}")
_WIDE_GAP_RE = re.compile(r"\S\s{3,}\S")
_DROP = ("script", "style", "head", "title", "meta", "link", "noscript")
_SPACES_RE = re.compile(r"\s+")
_XML_DECLARATION_RE = re.compile(r"<\?xml[^>]*\?>", re.I)
# lxml's HTML parser with its plain elements: lxml.html's parser is the same one, but looks up each element's Python
# class in Python code each time the element is reached (over a million times in the 132 labelled EDGAR files).
_HTML_PARSER = etree.HTMLParser()
# A layout row's cells are columns of the page: blocks too.
_BLOCKS = HTML_BLOCK_TAGS | {"td", "th"}

# Bullets inside a line ("Tesla Q4 Update \u2022 Record deliveries \u2022 ..."): the headline ends before the first.
_INLINE_BULLET_RE = re.compile(r"\s+[\u2022\u25cf\u25aa\u25a0]\s+")
# Symbol-font bullets (private-use characters a PDF conversion leaves) are bullets.
_PRIVATE_BULLET_RE = re.compile(r"^[\uf000-\uf8ff]\s*")
# What says a document is a release: announcement verbs, a listing, a release banner.
_RELEASE_CUE_RE = re.compile(
    r"\b(?:today\s+(?:announced|reported|said|unveiled|introduced|released|posted|declared|named|launched)|"
    r"announced\s+today|reported\s+today|(?:announces?|reports?|declares?)\b.{0,80}\b(?:results|dividend|quarter)|"
    r"(?:NYSE|NASDAQ|Nasdaq|AMEX|NYSE\s+American|OTC\s*BB|TSX)\s*:\s*[A-Z]{1,6}|for\s+immediate\s+release|"
    r"news\s+release|press\s+release|media\s+advisory|\bannounce[sd]?\b|aujourd'hui|heute|\bhoy\b|\bhoje\b|today\s+(?:\w+ly\s+)?(?:\w+ed|sent|issued|made|said)\b)",
    re.I,
)
# What says a document is something else (each a class of document, with the reason given for skipping it).
_NOT_RELEASE_RULES = (
    (
        re.compile(
            r"\bpro\s+forma\b.{0,80}\b(?:financial\s+(?:statements?|information)|condensed|balance\s+sheets?|"
            r"statements?\s+of\s+(?:operations|income|earnings))",
            re.I | re.S,
        ),
        "pro forma financial statements, not a release",
    ),
    (
        re.compile(
            r"\b(?:certain\s+)?(?:supplemental|supplementary)\s+(?:financial\s+)?(?:information|data|schedules?|tables?|"
            r"disclosures?)\b",
            re.I,
        ),
        "supplemental financial information, not a release",
    ),
    (re.compile(r"\bblackout\b", re.I), "a blackout notice to directors and officers, not a release"),
    (
        re.compile(
            r"^(?:description\s+of\s+(?:the\s+)?(?:registrant'?s\s+)?(?:capital\s+stock|common\s+stock|securities)|"
            r"(?:amended\s+and\s+restated\s+)?(?:certificate|articles)\s+of\s+incorporation|(?:amended\s+and\s+restated\s+)?by-?laws)",
            re.I,
        ),
        "a charter or description of securities, not a release",
    ),
    (
        re.compile(
            r"\b(?:CFO\s+commentary|commentary\s+on\s+(?:the\s+)?(?:quarter|results)|prepared\s+remarks|"
            r"(?:earnings\s+)?(?:call|webcast)\s+(?:transcript|script)|transcript\s+of)\b",
            re.I,
        ),
        "a commentary or call script, not a release",
    ),
)
# A memo's field label has a space or the line's end after its colon; "RE:CIRCLE Ontario ..." is a name.
_MEMO_RE = re.compile(r"^(?:to|from|re|subject|date|cc)\s*:(?!\S)", re.I | re.M)
# How far into the document the headline, the opening rules and the dateline are looked for.
_OPENING_LINES = 60
_OPENING_CHARS = 1500


@dataclass
class Exhibit:
    """What an exhibit gave: headline and body text for the release, a date printed on its own line, or a reason to skip."""

    headline: str = ""
    body: str = ""
    printed_date: datetime | None = None
    skip_reason: str | None = None


def read_exhibit(raw: str, *, company: str | None = None, quoted_only: bool = False) -> Exhibit:
    """Read one document's <TEXT>; quoted_only: a report whose release, if any, follows 'the following press release'."""
    text = _PDF_RE.sub("", _WRAPPER_TAGS_RE.sub("", raw))
    if "begin " in text:  # (the pattern, anchored at each line, is tried at every character)
        text = _UUENCODED_RE.sub("", text)
    if not text.strip():
        return Exhibit(skip_reason="only uuencoded or binary parts (an image, a PDF or an archive)")
    styles: dict[str, tuple] = {}
    set_apart: set[str] = set()
    lines = _html_lines(text, styles) if _HTML_HINT_RE.search(text[:20000]) else _text_lines(text, set_apart)
    if quoted_only:
        lines = _quoted_release(lines)
        if not lines:
            return Exhibit(skip_reason="report text without a quoted press release")
    return _shape(lines, company, styles, set_apart)


def _html_lines(markup: str, styles: dict[str, tuple] | None = None) -> list[str]:
    """Visible text of EDGAR HTML: a line per block or table row (cells joined by ' | '), blank lines between blocks.

    lxml is used directly rather than through BeautifulSoup: filings run to megabytes of table markup, which
    BeautifulSoup takes seconds to build a tree of.
    """
    # Line breaks written as entities (text pasted from a PDF, '&#13;&#10;') are line breaks, not spaces.
    markup = _ENTITY_BREAK_RE.sub("<br>", markup)
    # An XML declaration ('<?xml ... encoding=...?>' before inline XBRL) is refused by lxml in a str: drop it.
    markup = _XML_DECLARATION_RE.sub("", markup)
    try:
        root = etree.fromstring(markup, _HTML_PARSER)
    except (etree.ParserError, ValueError):
        return []
    if root is None:  # nothing but white space and comments
        return []
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    # Inline XBRL's hidden header (contexts, units) is not text; nor are scripts, styles and the page's <title>.
    etree.strip_elements(root, *_DROP, "ix:header", with_tail=False)
    if styles is not None:
        styles.update(block_styles(root))
    pieces: list[str] = []
    try:
        _render(root, pieces)
    except RecursionError:  # markup nested thousands deep: its text, without the layout
        pieces = [text_content(root)]
    return _join_hyphens(_tidy("".join(pieces).split("\n")))


def _render(element, pieces: list[str]) -> None:
    name = element.tag.lower() if isinstance(element.tag, str) else ""
    if name == "br":
        pieces.append("\n")
    elif name == "pre":
        # Plain text wrapped in <PRE> (old filings): its lines and layout are the text's, read as a plain exhibit.
        pieces.append("\n\n" + "\n".join(_text_lines(text_content(element))) + "\n\n")
    elif name == "tr" and not _layout_row(element):
        pieces.append("\n\n" + _row(element) + "\n\n")
    else:
        block = name in _BLOCKS
        if block:
            pieces.append("\n\n")
        if element.text:
            pieces.append(_SPACES_RE.sub(" ", element.text))
        for child in element:
            _render(child, pieces)
        if block:
            pieces.append("\n\n")
    if element.tail:
        pieces.append(_SPACES_RE.sub(" ", element.tail))


# A layout row's cell holds more text than this.
_LAYOUT_CELL_CHARS = 400


def _layout_row(tr) -> bool:
    """A table row used for layout: one cell holds paragraphs of prose (a whole release set inside one cell)."""
    if len(text_content(tr)) <= _LAYOUT_CELL_CHARS:  # the row's text holds its cells': none is long (most rows)
        return False
    for cell in tr:
        if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
            continue
        if len(text_content(cell)) > _LAYOUT_CELL_CHARS and _prose_blocks_of(cell) >= 3:
            return True
    return False


def _prose_blocks_of(cell, enough: int = 3) -> int:
    """How many paragraphs (p, div) with text a cell holds, counted up to enough."""
    count = 0
    for node in cell.iter("p", "div"):
        if text_content(node).strip():
            count += 1
            if count >= enough:
                break
    return count


def _row(tr) -> str:
    """A table row on one line: its non-empty cells joined by ' | ' ('$' and ')' kept with their numbers)."""
    cells: list[str] = []
    found = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
    for cell in found or [c for c in tr.iter("td", "th")]:
        value = " ".join(" ".join(cell.itertext()).split())  # white space (no-break spaces too) as one space
        if not value:
            continue
        if cells and (value in (")", "%", ")%") or cells[-1] in ("$", "(", "$(")):
            cells[-1] = cells[-1] + value
            continue
        cells.append(value)
    return " | ".join(cells)


def _text_lines(text: str, set_apart: set[str] | None = None) -> list[str]:
    """Lines of a plain-text exhibit without page marks, page numbers and the SGML tags of old fixed-width tables.

    Fixed-width table lines become rows ('Net sales | 39,186 | 24,667'); a word hyphenated at a line end is joined.
    set_apart receives the opening's lines set in from the margin (centred, set right, a paragraph's first line).
    """
    # The width the lines were broken at, read before a centred headline's lines are joined (which lengthens it).
    width = wrap_width(text.split("\n", 400)[:400])
    text = _join_pages(text, width)
    text = _PAGE_LINE_RE.sub("", text)
    text = "\n".join(join_centred(text.split("\n")))
    if set_apart is not None:
        set_apart.update(_tidy([line for line in text.split("\n", 200)[:200] if _indent(line) >= _SET_IN]))
    text = _TEXT_TAGS_RE.sub("", text)
    text = _PAGE_NUMBER_RE.sub("", text)
    raw_lines = _join_hyphens(text.split("\n"))
    # A hard-wrapped paragraph as one line, as an HTML exhibit gives it: the rules after this read a line as a unit
    # (the dateline and the lede's name, "Cavitation" | "Technologies, Inc.", a sentence ending "two U.S." | "trademark").
    lines = []
    for line in unwrap(raw_lines, width, set_apart=_SET_APART):
        cells = [c for c in _TEXT_CELL_GAP_RE.split(line.strip()) if c]
        # A table's columns stand three spaces apart somewhere; prose keeps two after a full stop ("Feb.  12, 2020"),
        # and a row fits in the page (a longer line is a paragraph joined again).
        if (
            len(cells) >= 3
            and any(ch.isdigit() for ch in line)
            and _WIDE_GAP_RE.search(line.strip())
            and (width is None or len(line.rstrip()) <= width)
        ):
            line = " | ".join(cells)
        lines.append(line)
    return _tidy(lines)


# A page's end in old EDGAR text: its number, blank lines and the <PAGE> mark before the next page's first line.
_PAGE_BREAK_RE = re.compile(
    r"\n(?:[ \t]*\n)*(?:[ \t]*(?:-[ \t]*\d{1,3}[ \t]*-|\(?\d{1,3}\)?|Page \d{1,3}(?: of \d{1,3})?)[ \t]*\n"
    r"(?:[ \t]*\n)*)?[ \t]*<PAGE>[ \t]*\d*[ \t]*(?:\n(?:[ \t]*\n)*|\Z)",
    re.I,
)


def _join_pages(text: str, width: int | None) -> str:
    """A paragraph cut by a page break ("... is a fifth-" | 1 | <PAGE> | "generation family-owned ...") goes on."""
    if width is None or "<PAGE>" not in text.upper():
        return text

    def join(match: re.Match) -> str:
        before = text[: match.start()].rpartition("\n")[2]
        after = text[match.end() :].partition("\n")[0]
        goes_on = (
            before.strip()
            and after.strip()
            and max(_indent(before), _indent(after)) <= _SET_APART
            and (
                len(before.rstrip()) + 1 + len(first_word(after)) > width
                or (_HYPHEN_END_RE.search(before.rstrip()) and after.strip()[:1].islower())
            )
        )
        return "\n" if goes_on else "\n\n"

    return _PAGE_BREAK_RE.sub(join, text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _join_hyphens(lines: list[str]) -> list[str]:
    """A word broken at its hyphen at a line end ("Award-" | "winning designer"), whole on the next line: the line
    above still ends where the word began, so its width shows it was broken there. Fixed-width text breaks lines at
    a compound's hyphen (typists did not hyphenate words): the hyphen stays."""
    out: list[str] = []
    for line in lines:
        if out and out[-1] and line.strip()[:1].islower() and _HYPHEN_END_RE.search(out[-1].rstrip()):
            before, _, head = out[-1].rstrip().rpartition(" ")
            if before.strip():
                out[-1] = before.rstrip()
                line = head + line.lstrip()
            else:
                out[-1] = out[-1].rstrip() + line.strip()
                continue
        out.append(line)
    return out


def _tidy(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        line = html.unescape(line).replace("\u00a0", " ").strip()
        line = re.sub(r"[ \t]{2,}", "  ", line) if "|" not in line else re.sub(r"\s+", " ", line)
        if not line and out and not out[-1]:
            continue
        out.append(_PRIVATE_BULLET_RE.sub("\u2022 ", line))
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out


_QUOTED_START_RE = re.compile(
    r"(?:following|attached|below)\s+(?:is\s+(?:the|a)\s+)?(?:text\s+of\s+(?:the|a)\s+)?press\s+release|"
    r"^item\s+\d+(?:\.\d+)?\.?\s+press\s+release\b",
    re.I,
)
_QUOTED_END_RE = re.compile(r"^(?:signatures?|item\s+\d+(?:\.\d+)?\.?\s|index\s+to\s+exhibits|exhibit\s+index)\b", re.I)


def _quoted_release(lines: list[str]) -> list[str]:
    """The release a report quotes after 'the following press release' (to its signatures), or nothing."""
    for i, line in enumerate(lines):
        if _QUOTED_START_RE.search(line):
            start = i + 1
            if start < len(lines) and _QUOTED_START_RE.search(lines[start]):
                start += 1
            end = next((j for j in range(start, len(lines)) if _QUOTED_END_RE.match(lines[j].strip())), len(lines))
            quoted = lines[start:end]
            if sum(len(q) for q in quoted) > 150:
                return quoted
    return []


def _shape(lines: list[str], company: str | None, styles: dict | None = None, set_apart: set | None = None) -> Exhibit:
    """Headline, body and printed date from an exhibit's lines (set_apart: a text's set in), or why it is no release."""
    printed: datetime | None = None
    head_at = None
    in_contacts = False
    for i, line in enumerate(lines[:_OPENING_LINES]):
        if not line:
            continue
        if printed is None and lone_date(line):
            printed = lone_date(line)
        opened = opening_date(line)
        if opened is not None:
            # "January 14, 2009 Apple Media Advisory": a date printed before the headline on its line.
            printed = printed or opened[0]
            line = lines[i] = opened[1]
        if " | " in line and _opens_story(line):
            break  # a dateline whose lede prints a bar ("... /Wire/ -- Acme | Injury Lawyers has been named ...")
        if is_banner(line, company) and not _headline_cut(lines, i, styles):
            # A contact heading opens a block of names below it; a letterhead's table row holds its contacts itself.
            in_contacts = in_contacts or (bool(CONTACT_WORD_RE.search(line)) and " | " not in line)
            continue
        if in_contacts and len(line.split()) <= 5 and not SENTENCE_RE.search(line):
            continue  # a name or title in a contact block
        if i + 1 < len(lines) and not (i and lines[i - 1]) and letterhead_name(line, lines[i + 1]):
            continue  # the filer's name above its address
        dateline = find_dateline(line)
        if dateline is not None and _titled_date(dateline, line):
            dateline = None  # "Important January 21, 2025 Deadline Reminder: ...": a headline holding a date
        if dateline is not None and (dateline.published or dateline.wire):
            glued = dateline.lead or (dateline.issuer if dateline.issuer and line.startswith(dateline.issuer) else "")
            if not glued:
                break  # the story starts before any headline: no headline line
            # "Acme Completes Merger (NEW YORK, May 1, 2009) -- Acme ...": the headline is glued to the dateline.
            cut = line.find(glued) + len(glued)
            lines[i : i + 1] = [line[:cut].strip(), "", line[cut:].strip()]
        bullet = _INLINE_BULLET_RE.search(lines[i])
        if bullet and bullet.start() > 10:
            line = lines[i]
            lines[i : i + 1] = [line[: bullet.start()], "", *_INLINE_BULLET_RE.split(line[bullet.start() :].strip())]
        head_at = i
        break
    if head_at is None:
        headline = ""
        rest = lines
    else:
        parts = [lines[head_at]]
        j = head_at + 1
        # A headline broken over lines: the next line continues it when it follows without a gap and the first is
        # short of a sentence, or when the first ends with a joining word or the next starts in lower case.
        while j < len(lines) and len(" ".join(parts)) < 250:
            gap = 0 if lines[j] else 1  # the next block (a <P> of its own) may continue the headline too
            if j + gap >= len(lines):
                break
            same_block = not gap and _one_block(parts, lines[j], styles)
            if not same_block and not continues_headline(parts[-1], lines[j + gap], company, gap, styles):
                break
            if gap and parts[-1] in (set_apart or ()) and lines[j + gap] not in set_apart:
                break  # a centred headline's rest is centred too: a line at the margin after a blank is the story's
            parts.append(lines[j + gap])
            j += 1 + gap
        headline = " ".join(parts)
        before = [line for line in lines[:head_at] if line and not is_banner(line, company)]
        after = lines[j:]
        if printed is None:
            printed, after = _date_below_headline(after)
        rest = _highlights_after_dateline(after) + ([""] + before if before else [])
    body = "\n".join(rest)
    reason = _not_release(headline, rest)
    return Exhibit(headline=headline, body=body, printed_date=printed, skip_reason=reason)


def _headline_cut(lines: list[str], at: int, styles: dict[str, tuple] | None) -> bool:
    """Whether a line that looks like a banner is a headline a <BR> cut in its listing ("... BioPharma Ltd. (NASDAQ:"
    | "QNTM) Licensee ... to Host Investor Webinar"), after its colon ("... No Need to Check Twice:" | "It's Family
    ..."; five words or more, unlike "Media Contact:") or in a quote ('Acme | Injury Lawyers Voted "Silver' | 'Best
    Law" ...'): the same bold block goes on, and the whole reads as no banner."""
    following = lines[at + 1] if at + 1 < len(lines) else ""
    long = len(lines[at].split()) >= 5
    cut = closes_bracket(lines[at], following) or (long and (lines[at].endswith(":") or _left_open(lines[at])))
    return (
        bool(following)
        and cut
        and _one_block([lines[at]], following, styles)
        and not is_banner(f"{lines[at]} {following}", None)
    )


def _opens_story(line: str) -> bool:
    """A place and a date or a wire's mark opening the line, nothing glued before them: the story's first paragraph."""
    found = find_dateline(line)
    return (
        found is not None
        and bool(found.place and (found.published or found.wire))
        and not found.lead
        and not _titled_date(found, line)
    )


def _titled_date(dateline: Dateline, line: str) -> bool:
    """Whether a 'dateline' is a title-case headline's words around a date: no wire, a place we do not know."""
    return (
        not dateline.wire
        and bool(dateline.place)
        and not known_or_shouted_place(dateline.place)
        and len(line.split()) >= 8
        and title_case(line)
    )


def _one_block(parts: list[str], line: str, styles: dict[str, tuple] | None) -> bool:
    """Whether line is the rest of the headline's own styled block, broken by a <BR> ('... Its Largest<BR>Widget Line').

    A rest in title case or going on in lower case is the headline's; so is one that does not end a sentence, or ends
    one question ('... So Why Is Our<BR>Tax System Failing?'), when the line before stops short of one: a filing
    agent breaks a long headline where it fills the line. A finished statement after it is a subheadline in the block,
    unless the line before cannot end ('... and announces<BR>Jane Roe as Advisor.').
    """
    if not styles or letterhead_line(line):
        return False  # an address or a telephone under a bold name or title is no part of it
    if (SENTENCE_RE.search(line) or not (line[:1].islower() or title_case(line))) and not _left_open(parts[-1]):
        question = line.endswith("?") and len(SENTENCE_RE.findall(line)) == 1
        if ENDS_SENTENCE_RE.search(line) and not question or ENDS_SENTENCE_RE.search(parts[-1]) or find_dateline(line):
            return False
    # A block's text is keyed as its text content, where a <BR> leaves no space: compare without spaces.
    joined = "".join([*parts, line]).replace(" ", "")
    look = next((v for k, v in styles.items() if k.replace(" ", "").startswith(joined)), None)
    return bool(look) and look[0] and len(joined) <= 250  # a bold block: the headline's, not a paragraph of text


def _left_open(line: str) -> bool:
    """Whether a headline's line cannot end it: it ends with a joining word ("... and announces") or leaves a quote or
    a bracket open ('... Webinar "Seller')."""
    quotes = line.count('"') % 2 or line.count("\u201c") > line.count("\u201d")
    return bool(ends_open(line) or quotes or line.count("(") > line.count(")"))


def _date_below_headline(lines: list[str]) -> tuple[datetime | None, list[str]]:
    """A date printed on its own line just below the headline ('March 4, 2021'), and the lines without it: it dates
    the release when the dateline prints none; left in place it would read as the subheadline."""
    seen = 0
    for k, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > 4 or len(line) > 200:
            break
        when = lone_date(line)
        if when is not None:
            return when, lines[:k] + lines[k + 1 :]
        found = find_dateline(line)
        if found is not None and (found.published or found.wire):
            break
    return None, lines


def _highlights_after_dateline(lines: list[str]) -> list[str]:
    """Bullets and table rows between the headline and the dateline, moved after the dateline's paragraph.

    Many highlights would otherwise push the dateline out of the opening where it is looked for; after the dateline
    they open the body, as highlights do.
    """
    for k, line in enumerate(lines[:_OPENING_LINES]):
        if not line or _table_row(line) or BULLET_START_RE.match(line):
            continue
        found = find_dateline(line)
        if found is not None and (found.published or found.wire) and not found.lead:
            highlights = [x for x in lines[:k] if x and (_table_row(x) or BULLET_START_RE.match(x))]
            if not highlights:
                return lines
            others = [x for x in lines[:k] if x not in highlights]
            return others + [line, ""] + [h for x in highlights for h in (x, "")] + lines[k + 1 :]
    return lines


# A table row's cells are short, save one (a footnote after its mark); a line with a pipe is prose when words run on
# both sides of it ("Biochar Now | Biochar Now is ...") or it opens with many sentences ("... | +1 555 0100").
_CELL_WORDS, _CELL_SENTENCES = 12, 4


def _table_row(line: str) -> bool:
    """Whether a line is a table's row (cells joined by ' | '), not prose that holds a pipe."""
    cells = line.split(" | ") if " | " in line else [""]
    long = sum(len(cell.split()) >= _CELL_WORDS for cell in cells)
    return len(cells) > 1 and long < 2 and len(SENTENCE_RE.findall(cells[0])) < _CELL_SENTENCES


def _prose_blocks(lines: list[str]) -> list[str]:
    """Runs of text lines between blank lines and table rows, each joined into one."""
    blocks: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line and not _table_row(line):
            run.append(line)
            continue
        if run:
            blocks.append(" ".join(run))
            run = []
    return blocks


def _not_release(headline: str, rest: list[str]) -> str | None:
    """Why a document is not a press release (None: it is one)."""
    text_lines = [line for line in rest if line]
    opening = headline + "\n" + "\n".join(text_lines)[:_OPENING_CHARS]
    total = sum(len(line) for line in text_lines) + len(headline)
    if total < 200:
        return "almost no text: not a release"
    rows = sum(len(line) for line in text_lines if _table_row(line))
    # Prose is counted by paragraph: a hard-wrapped text exhibit breaks its sentences over lines.
    prose = sum(len(block) for block in _prose_blocks(rest) if len(block.split()) >= 12 and SENTENCE_RE.search(block))
    dated = any(
        _opens_story(line) if _table_row(line) else (d := find_dateline(line)) is not None and (d.published or d.wire)
        for line in text_lines[:25]
    )
    cue = bool(_RELEASE_CUE_RE.search(opening))
    for pattern, reason in _NOT_RELEASE_RULES:
        # What the headline says the document is counts always; what its opening says, unless it has a dateline.
        if pattern.search(headline.strip()) or (not dated and pattern.search(opening[:600].strip())):
            return reason
    if len(_MEMO_RE.findall("\n".join(text_lines[:12]))) >= 2 and not dated:
        return "a memo (To/From/Re lines), not a release"
    if (rows > 0.6 * total and not dated and (prose < 1200 or not cue)) or (rows > 0.75 * total and not cue):
        return "financial tables without release text (a data sheet), not a release"
    short = [line for line in text_lines if len(line.split()) <= 8 and not _table_row(line)]
    sentences = len(SENTENCE_RE.findall(" ".join(text_lines)))
    if len(text_lines) > 40 and len(short) > 0.7 * len(text_lines) and prose < 1500 and sentences < 15 and not dated:
        return "slide text (short lines without a story), not a release"
    if dated or cue or prose >= 800:
        return None
    return "no dateline, no announcement and little prose: not a release"
