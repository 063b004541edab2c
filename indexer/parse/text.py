"""Plain-text and Markdown releases: headline first, then dateline and body; optional 'Key: value' front matter."""

from __future__ import annotations

import json
import re
from datetime import datetime

from ..model import ParseError, Release
from .assemble import Draft, build_release
from .authorship import front_matter_company, front_matter_tickers
from .banners import (
    CONTACT_WORD_RE,
    ENDS_SENTENCE_RE,
    LOWER_JOINERS,
    RELEASE_BANNER_RE,
    SENTENCE_RE,
    continues_headline,
    ends_open,
    is_banner,
    letterhead_name,
    lone_date,
    titled_sentence,
)
from .cleanup import closes_bracket, join_centred
from .dateline import find_dateline, known_or_shouted_place
from .dates import parse_when
from .mail import drop_opening_copy, mail_headers, subject_is_headline
from .pdftext import clean_pdf_text, split_columns
from .portal import navigation, page_line, strip_related
from .sections import EMAIL_RE, PHONE_RE
from .wires import canonical_wire, wire_from_slug
from .wrapping import first_word, unwrap
from .wrapping import wrap_width as _wrap_width

# A horizontal rule in Markdown.
_RULE_RE = re.compile(r"^[ \t]*(?:-[ \t]*){3,}$|^[ \t]*(?:\*[ \t]*){3,}$|^[ \t]*(?:_[ \t]*){3,}$", re.M)
_LINK_LINE_RE = re.compile(r"!?\[[^\]]*\]\([^)]*\)|<https?://[^>]+>|https?://\S+")
_FRONT_KEYS = {
    "title": "headline", "headline": "headline", "subtitle": "subheadline", "subheadline": "subheadline",
    "subhead": "subheadline", "date": "date", "published": "date", "pubdate": "date", "datetime": "date",
    "wire": "wire", "source": "wire", "company": "company", "issuer": "company", "location": "location",
    "dateline": "location", "url": "url", "link": "url", "lang": "language", "language": "language",
    "author": "author", "byline": "author", "organization": "organization", "organisation": "organization",
    "publisher": "organization", "ticker": "tickers", "tickers": "tickers", "symbol": "tickers", "symbols": "tickers",
}  # fmt: skip


# YAML between '---' lines, or TOML between '+++' lines (Hugo's front matter: 'title = "..."').
_FENCED_RE = re.compile(r"\A\s*(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*\n", re.S)
_TOML_LINE_RE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*=\s*(.*)$")
_HEADER_LINES_RE = re.compile(r"\A\s*((?:[A-Za-z][\w ]{0,20}:[^\n]*\n)+)\s*\n")
_HASHES_RE = re.compile(r"#+")
_HEADING_HASHES_RE = re.compile(r"^#+\s*")
# A Markdown heading's hashes stand apart from its words; "#1 Billboard Artist ..." or "#Hashtag" is text.
_HEADING_RE = re.compile(r"#+(?:\s|$)")
_SUBHEADLINE_RE = re.compile(r"\s*(?:##+[ \t]*(\S[^\n]*)|\*(?!\*)([^*\n]{10,300})\*|_([^_\n]{10,300})_)[ \t]*\n")


# A footer link to the original: "[Original/Source Press Release](https://...)", "[Source](https://...)".
_FOOTER_SOURCE_RE = re.compile(r"\[[^\]]*\b(?:original|source)\b[^\]]*\]\((https?://[^)\s]+)\)", re.I)


def footer_source_url(text: str) -> str | None:
    """The original's address from an archive's footer of links (after the last horizontal rule), if it has one."""
    rules = list(_RULE_RE.finditer(text))
    if not rules:
        return None
    found = _FOOTER_SOURCE_RE.search(text, rules[-1].end())
    return found.group(1) if found else None


def strip_footer(text: str) -> str:
    """Drop a trailing block of links after the last horizontal rule: an archive's footer, not the release.

    The rule also separates parts of some releases, so only a last block made of links (and little else) goes.
    """
    rules = list(_RULE_RE.finditer(text))
    if not rules:
        return text
    tail = text[rules[-1].end() :]
    links = _LINK_LINE_RE.findall(tail)
    other = _LINK_LINE_RE.sub("", tail)
    if links and len(re.sub(r"\s+", "", other)) <= 120:
        return text[: rules[-1].start()]
    return text


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Leading 'Key: value' lines (in '---' fences or before the first blank line) naming known fields."""
    fenced = _FENCED_RE.match(text)
    block, rest = (fenced.group(2), text[fenced.end() :]) if fenced else (None, text)
    toml = bool(fenced) and fenced.group(1) == "+++"
    if block is None:
        head = _HEADER_LINES_RE.match(text)
        if not head:
            return {}, text
        block, rest = head.group(1), text[head.end() :]
    fields: dict[str, str] = {}
    for line in block.splitlines():
        pair = _TOML_LINE_RE.match(line) if toml else None
        key, sep, value = (pair.group(1), "=", pair.group(2)) if pair else line.partition(":")
        name = _FRONT_KEYS.get(key.strip().lower())
        if not sep or not name:
            if fenced:
                continue
            return {}, text  # not a header block: just a first line with a colon
        fields.setdefault(name, _scalar(value))
    return fields, rest


def _scalar(value: str) -> str:
    """A front-matter value without its quotes: a double-quoted one with its escapes read ('\\"' is '"'), a
    single-quoted one with '' as '."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return str(json.loads(value))  # YAML's double-quoted escapes are JSON's, bar a few rare ones
        except ValueError:
            return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value.strip("\"'")


def _drop_repeated_title(text: str, title: str) -> str:
    """The text without its first line when that line prints the front matter's title again ('# Title')."""
    stripped = text.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    same = (
        " ".join(_HEADING_HASHES_RE.sub("", first).strip(" *_").split()).casefold()
        == " ".join(title.split()).casefold()
    )
    return rest if same else text


def _word_alone(line: str, following: list[str]) -> bool:
    """One word alone ("ACME", a logo's text) above a line of several words: a letterhead, not the headline."""
    return " " not in line and any(" " in later.strip() for later in following)


# A line longer than any width text is wrapped at (wrapping.wrap_width's): a paragraph set on one line.
_PARAGRAPH_LINE = 130
# How far into a file banner lines may stand before its headline.
_BANNER_LINES = 12
# How far a portal's navigation (menus, a breadcrumb) may reach before the headline of the release it reposts.
_NAVIGATION_LINES = 80
# How many lines after the headline a date printed on its own line is looked for ("For Immediate Release: May 1").
_DATE_LINES = 8


def _opening_banner(line: str) -> bool:
    """A first line that is not a headline (a banner, a lone date, a company name alone, a contact)."""
    if len(line) < 120 and RELEASE_BANNER_RE.match(line):
        return True  # "EMBARGOED UNTIL 8:00 A.M. EST, MARCH 4, 2021": a banner, though it holds a date
    return len(line) < 120 and is_banner(line, None) and not find_dateline(line)


def _story_sentence(line: str) -> bool:
    """Whether a line is a sentence of the story: a dozen words or more ending with a full stop."""
    return len(line.split()) >= 12 and bool(ENDS_SENTENCE_RE.search(line))


def _date_line(lines: list[str]) -> tuple[datetime | None, str | None, list[str]]:
    """A date printed on its own line just after the headline, a portal's line naming the date or the wire ("By
    Business Wire | March 4, 2021", "Source: GlobeNewswire"), and the lines without those."""
    seen = 0
    when: datetime | None = None
    wire: str | None = None
    kept = list(lines)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > _DATE_LINES or len(stripped) > 200 or _story_sentence(stripped):
            break  # the story has begun: a date below its first sentence is an event's ("Wednesday, December 4")
        day = None if when else lone_date(stripped)
        page = None if day else page_line(stripped)
        if day is None and page is None:
            continue
        if page is not None and ((page[0] and when) or (page[1] and wire) or not (page[0] or page[1])):
            continue
        when, wire = when or day or (page[0] if page else None), wire or (page[1] if page else None)
        kept[i] = None
        if when and wire:
            break
    if when is None and wire is None:
        return None, None, lines
    return when, wire, [line for line in kept if line is not None]


# What a headline's last line may hold that looks like a banner on its own: a year, a figure, a quarter ("Q3",
# "3Q25", a half "1H24"), a dashed tail
# ("... for October" | "2024"; "... and Collaboration" | "- New Study by HR Research Institute").
_LEFTOVER_RE = re.compile(r"(?:[A-Z]{1,2})?\d[\d.,%]*|\d[QH]\d{2,4}|[-\u2013\u2014]\s+[A-Za-z].{0,80}")


def _wrapped(line: str, following: str, width: int | None) -> bool:
    """Whether a headline line was broken at the text's width: the next line's first word would not have fitted."""
    if width is None or not following or lone_date(following) or _dateline_line(following):
        return False
    if (
        is_banner(following, None, names=False)
        and not _LEFTOVER_RE.fullmatch(following)
        # "... for People Concerned" | "About SCE Refusing Settlements at (833) 200-7111": the rest of a title that
        # prints a number, not a contact line
        and not (titled_sentence(f"{line} {following}") and not CONTACT_WORD_RE.search(following))
    ):
        return False
    return len(line) + 1 + len(first_word(following)) > width


# A headline's last word broken onto a line of its own ("... and more than 100" | "investors").
_LONE_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]*[.!?\"\u201d]?")
# What a headline may end with before a date ("... for the Period Ended" | "December 31, 2024"); a date under a
# headline that ends otherwise is the date the release was printed.
_BEFORE_DATE_RE = re.compile(r"\b(?:ended|ending|of|on|through|until|since|from|by|to|for|in|at|as of)$", re.I)


def _wrapped_tail(line: str, following: str, width: int | None, lines: list[str], at: int) -> bool:
    """Whether following, a line of its own (lines[at], a blank line or the end after it), is the rest of a headline
    line broken at the text's width: one word (a shouted one only under a shouted headline) or a date the headline's
    last words call for."""
    if width is None or not following or not _stands_alone(lines, at) or ENDS_SENTENCE_RE.search(line):
        return False
    if len(line) + 1 + len(first_word(following)) <= width:
        return False  # the word would have fitted on the line above: a line set on its own
    if _LONE_WORD_RE.fullmatch(following):
        return not following.isupper() or line.isupper()
    return bool(
        following[0].isalnum() and ":" not in following and lone_date(following) and _BEFORE_DATE_RE.search(line)
    )


def _dateline_line(line: str) -> bool:
    """Whether a line is a dateline, not a headline's last words that end in a date ('... Investigation' | 'Series
    Arrives August 1, 2025'): those name no place we know and no wire, and nothing follows their date."""
    dateline = find_dateline(line)
    if dateline is None:
        return False
    return bool(dateline.wire or dateline.rest or not dateline.place or known_or_shouted_place(dateline.place))


# A contact's detail: a telephone number, an e-mail or a web address.
_CONTACT_DETAIL_RE = re.compile(rf"{PHONE_RE.pattern}|{EMAIL_RE.pattern}|\bwww\.|https?://")


def _past_contacts(lines: list[str], at: int) -> bool:
    """Whether lines[at] comes after a contact block's last detail (a telephone, an e-mail or web address) with no
    blank line between, and is no next contact's name (no short line after it gives a detail or a contact label): the
    headline of a text saved from a word processor, a paragraph a line, under its media contact."""
    if not at or not _CONTACT_DETAIL_RE.search(lines[at - 1]):
        return False
    after = [line.strip() for line in lines[at + 1 : at + 3]]
    return not any(
        _CONTACT_DETAIL_RE.search(line) or CONTACT_WORD_RE.search(line) for line in after if len(line.split()) <= 6
    )


def _broken_line_goes_on(headline: str, following: str) -> bool:
    """Whether the line straight under a headline set as a line of its own (a Markdown heading, a paragraph of text
    saved a paragraph a line) is the headline's rest, broken where it cannot end ("# ... Tale of Survival and" |
    "Resilience"), opening with a joining word ("# ... to Present" | "at SHARE Series Event") or shouted under a
    shouted headline; a line under a headline that may end is its subheadline ("faidr now has ...")."""
    if not following or not continues_headline(headline, following, None):
        return False
    shouted = headline.upper() == headline and following.upper() == following
    return ends_open(headline) or following.split()[0].strip(",;:") in LOWER_JOINERS or shouted


def _stands_alone(lines: list[str], at: int) -> bool:
    """Whether lines[at] is a line with a blank line (or the end) after it."""
    return at < len(lines) and (at + 1 >= len(lines) or not lines[at + 1].strip())


def parse_text(path: str, text: str, *, markdown: bool = False, checked: bool = False) -> list[Release]:
    """Parse a plain-text or Markdown release; checked: the text holds no control character or lone surrogate."""
    text, columns = split_columns(text.replace("\r\n", "\n").replace("\r", "\n"))
    # The width a text was wrapped at, read before ligatures are spelled out and cut paragraphs joined again (both
    # lengthen lines past it); in text set in two columns, the columns' width (not the headline's above them).
    width = _wrap_width(columns[:400] or text.split("\n", 400)[:400])
    # Text saved a paragraph a line (from a word processor): no width, and lines longer than any text is wrapped at.
    paragraph_lines = width is None and sum(len(line) > _PARAGRAPH_LINE for line in text.split("\n", 400)[:400]) >= 3
    text = clean_pdf_text(text)
    fields, text = _front_matter(text)
    if not fields:
        mail, text = mail_headers(text)
        # The subject names the release (banners and a copy of it above the story go); a dateline's date wins.
        if subject_is_headline(mail.get("subject", ""), text):
            fields["headline"] = mail["subject"]
            text = drop_opening_copy(text, mail["subject"])
        if mail.get("date"):
            fields["date"] = mail["date"]
    if fields.get("wire") and not canonical_wire(fields["wire"]):
        # "source: newsworthy": a feed's slug names its wire (and is no issuer's name).
        fields["wire"] = wire_from_slug(fields["wire"]) or fields["wire"]
    if fields.get("headline"):
        text = _drop_repeated_title(text, fields["headline"])
    source_url = None
    if markdown:
        source_url = footer_source_url(text) if "](http" in text else None
        text = strip_footer(text)
    text = strip_related(text)
    lines = join_centred(text.split("\n"))
    headline = fields.get("headline")
    start = 0
    printed = None
    page_wire = None
    in_contacts = False
    if headline is None:
        for i, line in enumerate(lines):
            stripped = line.strip()
            if not stripped:
                in_contacts = False  # a contact block ends at a blank line
                continue
            heading = bool(_HEADING_RE.match(stripped))
            if markdown and _HASHES_RE.fullmatch(stripped):
                headline = ""  # an empty '# ' heading: the release has no headline, keep its text
            elif i < _NAVIGATION_LINES and navigation(stripped):
                continue  # a portal's menu or breadcrumb above the release it reposts
            elif i < _NAVIGATION_LINES and (page := page_line(stripped)) is not None:
                printed, page_wire = printed or page[0], page_wire or page[1]
                continue  # "Published: March 4, 2021" above the headline
            elif (
                not heading
                and i < _BANNER_LINES
                and (
                    _opening_banner(stripped)
                    or _word_alone(stripped, lines[i + 1 : i + 6])
                    # a letterhead's name over its address or telephone
                    or (
                        i + 1 < len(lines)
                        and not (i and lines[i - 1].strip())  # the first line of its block
                        and letterhead_name(stripped, lines[i + 1].strip())
                    )
                )
                # "... Sky Harbour Group Corporation (NYSE:" | "SKYH) Q4 2024": a headline cut in its listing
                and not (i + 1 < len(lines) and closes_bracket(stripped, lines[i + 1].strip()))
                # "... Collaboration Achieves Milestone:" | "First Global ...": a headline wrapped after its colon
                and not (
                    stripped.endswith(":")
                    and len(stripped.split()) >= 5
                    and i + 1 < len(lines)
                    and _wrapped(stripped, lines[i + 1].strip(), width)
                )
            ):
                # The first line is a candidate, not the answer: a banner, a lone date, a company name alone.
                printed = printed or lone_date(stripped)
                in_contacts = in_contacts or bool(CONTACT_WORD_RE.search(stripped))
                continue
            elif (
                in_contacts
                and i < _BANNER_LINES
                and len(stripped.split()) <= 6
                and not SENTENCE_RE.search(stripped)
                and not _past_contacts(lines, i)
            ):
                continue  # a name or a title under "Media Contact:", two columns of them in text from a PDF
            else:
                headline = _HEADING_HASHES_RE.sub("", stripped) if heading else stripped
            start = i + 1
            if not heading:
                # A plain headline wrapped over lines (text from a PDF, a hard-wrapped file) goes on below it.
                while start < len(lines) and len(headline) < 250:
                    following = lines[start].strip()
                    gap = 0
                    if not following and ends_open(headline) and _stands_alone(lines, start + 1):
                        # "... Announce", a blank line, "Final Results of the Offer": the rest after a break (a
                        # line of its own; the first line of a paragraph that runs on is a lede's).
                        gap, following = 1, lines[start + 1].strip()
                    wrapped = not gap and (
                        _wrapped(lines[start - 1].strip(), following, width)
                        or _wrapped_tail(lines[start - 1].strip(), following, width, lines, start)
                    )
                    if paragraph_lines and not gap:
                        # a paragraph a line: a headline's next line is its rest only where the headline cannot end
                        wrapped = _broken_line_goes_on(headline, following)
                        if not wrapped:
                            break
                    if not wrapped and not continues_headline(headline, following, None, gap):
                        break
                    headline, start = f"{headline} {following}", start + 1 + gap
            elif start < len(lines) and _broken_line_goes_on(headline, lines[start].strip()):
                headline, start = f"{headline} {lines[start].strip()}", start + 1
            break
    body_lines = unwrap(lines[start:], width)
    if printed is None:
        # A date line under the headline goes from the text even when the front matter dates the release: left in,
        # "Release Date: November 11, 2025" would read as a dateline placed at "Release Date".
        found, below, body_lines = _date_line(body_lines)
        printed = None if fields.get("date") else found
        page_wire = page_wire or below
    rest = "\n".join(body_lines)
    if headline is None or (not headline and not rest.strip()):
        raise ParseError(path, "no headline and no text: the file holds only blank lines")
    subheadline = fields.get("subheadline")
    # A '## heading' or an italic line straight after the headline is a subheadline.
    m = _SUBHEADLINE_RE.match(rest)
    if m and subheadline is None and markdown:
        subheadline = (m.group(1) or m.group(2) or m.group(3)).strip()
        rest = rest[m.end() :]
    draft = Draft(
        headline=headline,
        body=rest,
        subheadline=subheadline,
        published=parse_when(fields.get("date")) or printed,
        wire=canonical_wire(fields.get("wire")) or page_wire,
        company=fields.get("company") or front_matter_company(fields, f"{headline}\n{rest}") or None,
        tickers=front_matter_tickers(fields.get("tickers")) or None,
        location=fields.get("location") or None,
        language=fields.get("language") or None,
        links=[fields["url"]] if fields.get("url") else [],
        source_url=source_url,
        # Every field is a part of the text (cut, stripped, with marks taken out): no part has what the text has not.
        checked=checked,
    )
    return [build_release(path, draft)]
