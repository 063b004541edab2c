"""Turn what a reader found (a Draft) into a structured Release: dateline, sections, issuer, tickers, type, flags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from ..model import ParseError, Release
from .banners import lone_date
from .classify import classify, flags_for
from .cleanup import (
    clean_inline,
    clean_inline_all,
    links_in,
    one_line,
    repair_glued_all,
    split_paragraphs,
    split_paragraphs_spaced,
    strip_bullet,
)
from .dateline import Dateline, find_dateline, normalise_place
from .dates import date_from_path, date_from_permalink, zone_for_place
from .issuer import find_issuer
from .language import detect_language
from .sections import split_sections
from .wires import canonical_wire, wire_from_folder, wire_in_text

# Lines an aggregator adds to a repost: "The post <headline> appeared first on citybiz."
_REPOST_FOOTER_RE = re.compile(r"^The post .{5,400} appeared first on .{2,60}\.?$")
# Notices before a dateline that are not a subheadline.
_NOTICE_RE = re.compile(
    r"^(?:NOT\s+FOR\s+(?:DISSEMINATION|DISTRIBUTION|RELEASE)|FOR\s+IMMEDIATE\s+RELEASE|EMBARGOED|Embargoed|"
    r"All\s+amounts|Press\s+Release|PRESS\s+RELEASE|News\s+Release|NEWS\s+RELEASE|CORRECTION|Correction|"
    r"Media\s+Alert|MEDIA\s+ALERT|Regulatory\s+News|Ad\s+hoc|News\s+Highlights|Highlights|HIGHLIGHTS|Key\s+)",
)
_BYLINE_RE = re.compile(
    r"^[Bb]y\s+[A-Z][\w.'\u2019\-]+(?:\s+[A-Z][\w.'\u2019\-]+){0,3}(?:\s*[,|/\u2013\u2014-]\s*[\w .&'\u2019-]{2,50})?$"
)
# "View source version on businesswire.com: https://...", "[Original/Source Press Release](https://...)": the
# original's own address, printed in the text by wires and archives.
_SOURCE_LINK_RE = re.compile(
    r"(?:source version|original(?:/source)?(?: press)? release|original source)\b[^\n]{0,120}?(https?://[^\s)\]>\"']+)",
    re.I,
)
_BULLET_RE = re.compile(r"^(?:[*\u2022\u25cf\u25aa\-\u2013\u2014]|\d+[.)])\s+")
# How far into a release a dateline may stand: after a subheadline, bullets and notices, not after the story.
_DATELINE_SCAN = 10
# A release's text is cut here, with a flag saying so (build_release): far beyond any real release (the longest
# in the shared corpus is a few hundred KB), and what it costs to index stays bounded.
MAX_TEXT_CHARS = 2 * 1024 * 1024
TRUNCATED_FLAG = f"truncated at {MAX_TEXT_CHARS // 1024 // 1024} MB"
# Releases (JSON records, feed items, NewsML items, EDGAR documents) one file may hold: each costs about a
# millisecond to assemble, and a 10 MB file of 500,000 tiny records took minutes of a worker.
MAX_ITEMS_PER_FILE = 20_000


def check_items(path: str, count: int, what: str) -> None:
    """Refuse a file of more than MAX_ITEMS_PER_FILE items (what: "JSON records", "feed items", ...)."""
    if count > MAX_ITEMS_PER_FILE:
        raise ParseError(
            path, f"{count:,} {what} in one file: more than {MAX_ITEMS_PER_FILE:,}; split the file to index them"
        )


@dataclass
class Draft:
    """What a reader found in one release, before the shared rules run."""

    headline: str
    body: str = ""  # text with paragraphs separated by blank lines (Markdown allowed)
    subheadline: str | None = None
    published: datetime | None = None  # metadata timestamp
    wire: str | None = None  # metadata wire
    company: str | None = None  # metadata issuer
    tickers: list[str] | None = None  # metadata listings, used when the text prints none
    location: str | None = None  # metadata place, used when the text has no dateline place
    language: str | None = None
    links: list[str] = field(default_factory=list)
    item: int = 0
    kind: str = ""  # a reader's hint for flags: "article", "advertorial"
    source_url: str | None = None  # the original's address, when the reader found one outside the links
    checked: bool = False  # the reader knows its text fields hold no control character or lone surrogate


def cap_text(body: str) -> tuple[str, bool]:
    """A release's text cut to MAX_TEXT_CHARS (at a paragraph or word break near it), and whether it was cut."""
    if len(body) <= MAX_TEXT_CHARS:
        return body, False
    floor = MAX_TEXT_CHARS - MAX_TEXT_CHARS // 16
    cut = body.rfind("\n\n", floor, MAX_TEXT_CHARS)
    if cut < 0:
        cut = body.rfind(" ", floor, MAX_TEXT_CHARS)
    return body[: cut if cut > 0 else MAX_TEXT_CHARS], True


# The label a portal prints before a wire's name on its own line: "Source: ACCESS Newswire", "Distributed by: ...".
_WIRE_LABEL_RE = re.compile(r"^(?:source|via|distributed\s+by|provided\s+by|published\s+by|from)\s*:?\s+", re.I)


def build_release(path: str, draft: Draft) -> Release:
    """Assemble a Release from a Draft; text found in the release wins over guesses, metadata over path hints."""
    # A release's text is capped, not refused: what it costs to index (and to hold while indexing) stays bounded.
    draft.body, truncated = cap_text(draft.body)
    if draft.checked:  # _valid_text would give each field back as it is
        draft.subheadline = draft.subheadline or None
        draft.company = draft.company or None
    else:
        draft.headline, draft.body = _valid_text(draft.headline), _valid_text(draft.body)
        draft.subheadline = _valid_text(draft.subheadline) if draft.subheadline else None
        draft.company = _valid_text(draft.company) if draft.company else None
    given = [link for link in draft.links if link.startswith(("http://", "https://"))]
    links = given + links_in(draft.body)
    paragraphs = _paragraphs(draft.body)
    headline = one_line(clean_inline(draft.headline))
    subheadline = one_line(clean_inline(draft.subheadline)) if draft.subheadline else None
    if subheadline and paragraphs and _same_text(paragraphs[0], subheadline):
        paragraphs = paragraphs[1:]
    lead_in, dateline, paragraphs = _take_dateline(paragraphs)
    # A wire's name on a line of its own above the dateline (a repost on a portal) names the wire, nothing more.
    wire_line = next((p for p in lead_in if len(p) <= 60 and canonical_wire(_WIRE_LABEL_RE.sub("", p))), None)
    if wire_line is not None:
        lead_in = [p for p in lead_in if p is not wire_line]
        wire_line = _WIRE_LABEL_RE.sub("", wire_line)
    if subheadline is None:
        subheadline, lead_in, paragraphs = _take_subheadline(lead_in, paragraphs, dateline is not None)
    if paragraphs and headline and _same_text(paragraphs[0], headline):
        paragraphs = paragraphs[1:]
    # Bullets, a byline ("By Meg Flippin, Benzinga"), a notice or a paragraph with no word (an image's "!" left by an
    # export) before the first real paragraph are not the lede.
    while len(paragraphs) > 1 and (
        _BYLINE_RE.match(paragraphs[0])
        or not any(ch.isalnum() for ch in paragraphs[0])
        or (dateline is None and (_BULLET_RE.match(paragraphs[0]) or _NOTICE_RE.match(paragraphs[0])))
        or _is_kicker(paragraphs[0], paragraphs[1])
    ):
        lead_in.append(paragraphs.pop(0))
    # Highlights before the dateline are part of the story: they open the body, after the lede.
    ordered = paragraphs[:1] + lead_in + paragraphs[1:]
    sections = split_sections(ordered)
    text = "\n\n".join(ordered)
    company, tickers = find_issuer(
        headline=headline,
        lede=sections.lede,
        text=text,
        abouts=sections.abouts,
        source_name=sections.source_name,
        contacts=sections.contacts,
        known_company=draft.company,
        known_tickers=draft.tickers,
        place=dateline.place if dateline else None,
        subheadline=subheadline,
        dateline_issuer=dateline.issuer if dateline else None,
    )
    place = dateline.place if dateline and dateline.place else None
    if place is None and draft.location:
        place = normalise_place(draft.location)
    wire = (
        (dateline.wire if dateline else None)
        or (canonical_wire(wire_line) if wire_line else None)
        or draft.wire
        or wire_in_text(text[:1500] + "\n" + text[-1500:])
        or wire_from_folder(path)
    )
    path_date = date_from_path(path)
    printed = dateline.published if dateline else None
    if printed is None and dateline is not None and dateline.month_day:
        printed = _with_year(dateline.month_day, draft.published or path_date)
    published = _pick_published(printed, draft.published, place)
    if published is None:
        # No date printed nor given: the day the wire's own address for the release spells (a Business Wire
        # dateline carries none; a PDF or an exhibit file keeps no metadata date).
        published = date_from_permalink(draft.body)
    suspect = published is not None and _suspect_date(published, path_date)
    if suspect:
        # A date after the day of the build, or years from the file's own date: prefer another candidate.
        other = (
            draft.published if draft.published is not None and not _suspect_date(draft.published, path_date) else None
        )
        published = other or path_date or published
    if published is None:
        published = path_date
    release = Release(
        path=path,
        headline=headline,
        subheadline=subheadline or None,
        published=published,
        tickers=tickers,
        company=one_line(company) if company else None,
        wire=wire,
        location=place,
        language=draft.language or detect_language(headline + "\n" + text[:3000]),
        dateline=dateline.text if dateline else None,
        lede=sections.lede,
        body=sections.body,
        about=sections.about,
        forward_looking=sections.forward_looking,
        contacts=sections.contacts,
        emails=sections.emails,
        phones=sections.phones,
        links=list(dict.fromkeys(links)),
        item=draft.item,
        source_url=source_url_of(draft, given),
    )
    release.types = classify(release.headline, release.lede)
    release.flags = flags_for(release, draft.kind)
    if truncated:
        release.flags.append(TRUNCATED_FLAG)
    if suspect:
        release.flags.append("date-suspect")
    return release


def _with_year(month_day: tuple[int, int], file_date: datetime | None) -> datetime | None:
    """A date printed without its year, in the year of the file's own date (the year before when it would be later)."""
    if file_date is None:
        return None
    month, day = month_day
    for year in (file_date.year, file_date.year - 1):
        try:
            when = datetime(year, month, day)
        except ValueError:
            continue
        if when <= file_date.replace(tzinfo=None) + timedelta(days=7):
            return when
    return None


# How far a printed date may stand from the file's own date (its folder's) before it is suspect.
_FAR_FROM_FILE = timedelta(days=2 * 366)


def _suspect_date(when: datetime, file_date: datetime | None) -> bool:
    """A date later than tomorrow, or years away from the date the file's path spells."""
    day = when.replace(tzinfo=None)
    if day.date() > date.today() + timedelta(days=1):
        return True
    return file_date is not None and abs(day - file_date) > _FAR_FROM_FILE


def source_url_of(draft: Draft, given: list[str]) -> str | None:
    """The original's web address: what the reader found, else the file's own link field (a feed item's link,
    a JSON url, a page's canonical address), else a "source version" link printed in the text."""
    if draft.source_url and draft.source_url.startswith(("http://", "https://")):
        return draft.source_url
    if given:
        return given[0]
    found = _SOURCE_LINK_RE.search(draft.body) if "://" in draft.body else None
    return found.group(1).rstrip(".,;") if found else None


_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# The same characters as bytes: in UTF-8 they stand for themselves and nothing else.
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b" + bytes(range(0x0E, 0x20)) + b"\x7f"


def _valid_text(text: str) -> str:
    """Text that can be stored and printed: lone surrogates and control characters (not tabs or newlines) replaced."""
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates cannot be encoded
        return _CONTROL_RE.sub(" ", _SURROGATE_RE.sub("\ufffd", text))
    # Encoding and deleting bytes is a few times faster than a regex scan of a whole release for what is rarely there.
    if len(raw.translate(None, _CONTROL_BYTES)) == len(raw):
        return text
    return _CONTROL_RE.sub(" ", text)


_NON_WORD_RE = re.compile(r"\W+")
_SAME_PLACE_DASH_RE = re.compile(r"([A-Za-z .,'\-]{2,60}?)\s*(?:\([^)]{0,40}\))?\s*(?:--|[\u2013\u2014]|\s-)\s+")
_SENTENCE_END_RE = re.compile(r"[.!?\u201d\"]$")
_HEADING_END_RE = re.compile(r"[.:!]$")
_EDGE_DASHES_RE = re.compile(r"^[\-\u2013\u2014\s]+|[\-\u2013\u2014\s]+$")


# The ASCII characters \W matches: all but letters, digits and '_'. In ASCII text, deleting them from its bytes gives
# what _NON_WORD_RE.sub("", text) gives, many times faster (and bytes.lower() changes only A-Z, as str.lower() does
# in ASCII text).
_ASCII_NON_WORD = bytes(code for code in range(128) if not (chr(code).isalnum() or chr(code) == "_"))


def _word_characters(text: str) -> str:
    """Text without what \\W matches (_NON_WORD_RE.sub("", text)), in lower case."""
    if text.isascii():
        return text.encode("ascii").translate(None, _ASCII_NON_WORD).lower().decode("ascii")
    return _NON_WORD_RE.sub("", text).lower()


def _same_text(a: str, b: str) -> bool:
    norm = _word_characters
    normal_b = norm(b)
    # A lede is long and a headline short: the lede's opening, normalised, must already be an opening of the other.
    # (Only text without a capital sigma is tried so: str.lower() makes every other letter the same wherever it
    # stands, while a sigma's lower case depends on what follows it.)
    opening = a[: 2 * len(b) + 16]
    if (
        len(opening) < len(a)
        and (opening.isascii() or "\u03a3" not in opening)
        and not normal_b.startswith(norm(opening))
    ):
        return False
    normal_a = norm(a)
    return bool(normal_a) and normal_a == normal_b


def _paragraphs(body: str) -> list[str]:
    paragraphs, spaced = split_paragraphs_spaced(body)
    cleaned_paragraphs = [
        cleaned
        for cleaned in clean_inline_all(paragraphs, spaced=spaced)
        if cleaned and not (cleaned.startswith("The post ") and _REPOST_FOOTER_RE.match(cleaned))
    ]
    out = []
    for repaired in repair_glued_all(cleaned_paragraphs):
        # Cleaned text is stripped, with no tabs or runs of spaces left, and every repair adds a line break: without
        # one, split_paragraphs would give the paragraph back as it is.
        parts = split_paragraphs(repaired) if "\n" in repaired or "\r" in repaired else [repaired]
        for part in parts:
            if part.strip(" -*"):
                out.append(part)
    return out


_LEADING_DASH_RE = re.compile(r"^(?:--+|[\u2013\u2014])\s+")


def _wire_banner(found: Dateline) -> bool:
    """A wire's name on a line of its own ("--News Direct--"): a banner, with no place, date or text after it."""
    return bool(found.wire) and not (found.place or found.published or found.month_day or found.rest or found.lead)


# A wire's own mark in a dateline: "--(BUSINESS WIRE)--", "/PRNewswire/", "(GLOBE NEWSWIRE) --".
_WIRE_MARK_RE = re.compile(r"--\s*\([^()]{3,40}\)|/\s*[A-Z][^/]{2,40}/|\([A-Z][^()]{2,40}\)\s*(?:--|[\u2013\u2014])")


def _wire_dateline(found: Dateline, paragraph: str) -> bool:
    """A place and a wire's mark opening the paragraph ("BELLEVUE, Wash.--(BUSINESS WIRE)--")."""
    opening = paragraph[: len(found.text) + 8]
    return bool(found.place and found.wire and not found.lead and _WIRE_MARK_RE.search(opening))


def _undated(found: Dateline) -> bool:
    """A place and a dash with no date and no wire ("WASHINGTON – ...", or a list item's "ZX1 – ...")."""
    return not (found.published or found.wire or found.month_day)


def _list_item(before: str, found: Dateline) -> bool:
    """A place-only "dateline" under a sentence that opens a list ("These include:" | "ZX1 – The Terminal – ...")."""
    return _undated(found) and len(before) > 60 and before.rstrip().endswith(":") and not _NOTICE_RE.match(before)


def _take_dateline(paragraphs: list[str]) -> tuple[list[str], Dateline | None, list[str]]:
    """Find the dateline in the first paragraphs: (paragraphs before it, the dateline, paragraphs from the lede on)."""
    story_begun = in_list = False
    for i, para in enumerate(paragraphs[:_DATELINE_SCAN]):
        if story_begun and not _WIRE_MARK_RE.search(para, 0, 200):
            continue  # below the story's start only a wire's dateline counts: most paragraphs print no wire's mark
        found = find_dateline(para)
        if found is not None and i and (in_list or _list_item(paragraphs[i - 1], found)) and _undated(found):
            found, in_list = None, True  # the list's items go on in the same shape ("ZX2 – The Gateway – ...")
        if found is not None and story_begun and not _wire_dateline(found, para):
            # After long opening blocks ("What's the news: ...") only a wire's dateline opening its paragraph counts.
            found = None
        if found is not None and _wire_banner(found) and i + 1 < len(paragraphs):
            following = find_dateline(paragraphs[i + 1])
            if following is not None and following.place and not following.lead and not _wire_banner(following):
                # The banner stands over the dateline ("--News Direct--" | "NEW YORK, NY / NewsDirect / April ..."):
                # the dateline is the next paragraph's, the banner's wire its own when it names none.
                later = paragraphs[:i] + paragraphs[i + 1 :]
                lead_in, dateline, rest = _take_dateline(later)
                if dateline is not None and dateline.wire is None:
                    dateline = replace(dateline, wire=found.wire)
                return lead_in, dateline, rest
        if found is not None:
            lead_in = paragraphs[:i] + ([found.lead] if found.lead else [])
            rest = paragraphs[i + 1 :]
            lede = _strip_second_dateline(found.rest, found.place)
            if not lede and rest:
                # The dateline's closing dash may open the next line ("NEW YORK, June 13, 2019 /PRNewswire/" | "--
                # Acme issues ..."): it is the dateline's, not the lede's.
                lede, rest = _LEADING_DASH_RE.sub("", _strip_second_dateline(rest[0], found.place)), rest[1:]
            return lead_in, found, ([lede] if lede else []) + rest
        # The story has begun: a long paragraph that is neither a bullet nor a notice ends the search for all but a
        # wire's dateline, which long labelled blocks may stand above.
        if len(para) > 400 and not _BULLET_RE.match(para) and not _NOTICE_RE.match(para):
            story_begun = True
    return [], None, paragraphs


def _strip_second_dateline(text: str, place: str | None) -> str:
    """Drop a release's own dateline printed after the wire's ('PLANO, TX / PR Karma / July 7, 2025' + 'Plano, TX —')."""
    second = find_dateline(text, glued_ok=False)
    if second is not None and not second.lead and len(second.text) < 120:
        return second.rest
    if place:
        # The same place again, in any case, followed by a dash: "Plano, TX — ...", "St Louis, MO. (May 28, 2025) –".
        head = place.split(",")[0].replace(".", "").lower()
        m = _SAME_PLACE_DASH_RE.match(text)
        if m and m.group(1).replace(".", "").lower().startswith(head):
            return text[m.end() :]
    return text


def _is_kicker(first: str, second: str) -> bool:
    """A short label line before the first sentence ("Altria Group, Inc. (MO)", "WHAT:") is not the lede."""
    return (
        len(first) < 80
        and not _SENTENCE_END_RE.search(first)
        and len(second) > 2 * len(first)
        and len(first.split()) <= 10
    )


def _take_subheadline(
    lead_in: list[str], paragraphs: list[str], has_dateline: bool
) -> tuple[str | None, list[str], list[str]]:
    """A short line before the dateline (or opening a release without one) is its subheadline; a line that is only a
    date is not (a saved page's "Jun 25, 2025, 08:00 ET" under its headline dates the page, not the story: it goes)."""
    if lead_in:
        undated = [p for p in lead_in if lone_date(p) is None]
        if not undated:
            return None, [], paragraphs
        first = undated[0]
        if not _BULLET_RE.match(first) and not _NOTICE_RE.match(first) and len(first) <= 400:
            return _strip_dashes(first), undated[1:], paragraphs
        return None, undated, paragraphs
    if not has_dateline and len(paragraphs) >= 3 and lone_date(paragraphs[0]) is not None:
        paragraphs = paragraphs[1:]
    if not has_dateline and len(paragraphs) >= 3:
        first = paragraphs[0]
        if len(first.split()) <= 30 and not _HEADING_END_RE.search(first) and not _BULLET_RE.match(first):
            return _strip_dashes(first), [], paragraphs[1:]
    return None, lead_in, paragraphs


def _strip_dashes(text: str) -> str:
    # "-- Data to be Presented at 2019 ACR/ARP Annual Meeting --", "– Vosevi Provides ... –"
    return strip_bullet(_EDGE_DASHES_RE.sub("", text)) or text


def _pick_published(
    from_dateline: datetime | None, from_metadata: datetime | None, place: str | None
) -> datetime | None:
    """The dateline's date wins; metadata of the same day wins when it adds a time and zone.

    A metadata timestamp in UTC is shown in the dateline place's zone when it is known, so that the local date
    is the one the release printed (a Business Wire item sent at 02:41 UTC on Jan 31 is dated Jan 30 in Greenwich).
    """
    if (
        from_metadata is not None
        and from_metadata.tzinfo is not None
        and from_metadata.utcoffset() == UTC.utcoffset(None)
    ):
        local = zone_for_place(place)
        if local is not None:
            from_metadata = from_metadata.astimezone(local)
    if from_dateline is None:
        return from_metadata
    if from_metadata is not None and from_metadata.date() == from_dateline.date():
        if from_dateline.tzinfo is None and (from_metadata.hour or from_metadata.minute or from_metadata.tzinfo):
            return from_metadata
    return from_dateline
