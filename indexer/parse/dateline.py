"""Datelines: the place, the date and the wire service at the head of a release.

A dateline is a chain of a place, a date and a wire marker in any order, joined by commas, dashes or slashes,
and ended by a dash, a slash or a comma before the text:

    WALTHAM, Mass., Nov. 7, 2011 (GLOBE NEWSWIRE) --        CHICAGO--(BUSINESS WIRE)--
    NEW YORK, NY / ACCESSWIRE / April 17, 2019 /             (NewMediaWire) - April 09, 2025 - DALLAS —
    February 5, 2025, Burlingame, California —               Las Vegas, NV (Newsworthy.ai) Tuesday Sep 16, 2025 @ 4:00 AM Pacific —
    Derwood, United States - November 25, 2024 / Goodwill Industries Intl /   (the issuer between slashes)

It may be glued to a subheadline or bullet before it ("...urban areasCHANGSHA, China, Sept. 26, 2019 (GLOBE
NEWSWIRE) --"), so a dateline is also looked for after such a glue point.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from .cleanup import one_line
from .dates import MONTHS, ends_with_region, find_dates, iter_dates, zone_for_place
from .places import is_place as country_or_state
from .wires import canonical_wire

# Wire markers: in brackets, between slashes, between double dashes, as a link, or between single dashes.
# Each pattern starts with a fixed character, so the regex engine skips straight to it: the slash's look-behind
# comes after the slash ((?<![\w.:/]/) there is (?<![\w.:/]) before it), and the single-dash marker at the very
# start of the text is a pattern of its own (see _wire_markers).
_MARKER_RES = (
    re.compile(r"\(\s*([^()\n]{2,60}?)\s*\)"),
    re.compile(r"/(?<![\w.:/]/)\s*([^/\n]{2,60}?)\s*/(?!/)"),
    re.compile(r"--\s*([^-\n]{2,40}?)\s*--"),
    re.compile(r"\[([^\]\n]{2,60})\](?:\([^)\s]*\))?"),
    re.compile(r"[-\u2013\u2014]\s\s*([A-Z][\w.\- ]{2,40}?)\s*(?:\([^)\n]{0,80}\))?(?=\s*[-\u2013\u2014])"),
)
_DASH_MARKER_AT_START_RE = re.compile(r"\s*([A-Z][\w.\- ]{2,40}?)\s*(?:\([^)\n]{0,80}\))?(?=\s*[-\u2013\u2014])")
_SEP = r"[\s,\-\u2013\u2014/:|()@\u00b7]"
_WIRE_THEN_DATE_RE = re.compile(r"\(\s*([A-Za-z][^()\n\d]{1,40}?)\s*[-\u2013\u2014,]\s*(?=[^()\n]{3,30}\d{4}\s*\))")
_SEP_ONLY_RE = re.compile(rf"^{_SEP}*$")
_TRAIL_SEP_RE = re.compile(r"^[\s,\-\u2013\u2014/:|)]*")

# Words that start a sentence, not a place ("On Tuesday, March 3, 2020, Comcast will...").
_NOT_PLACE_WORDS = {
    "on", "in", "as", "at", "by", "for", "from", "since", "until", "after", "before", "during", "today", "this",
    "last", "next", "effective", "dated", "beginning", "starting", "updated", "published", "posted", "released",
    "issued", "embargoed", "date", "time", "when", "where", "what", "who", "and", "or", "but", "if", "with",
    "through", "between", "of", "to", "we", "our", "its", "it", "he", "she", "they", "his", "her", "their",
    "contact", "source", "media", "news", "press", "about", "note", "editor", "editors", "read", "via", "also",
    "inc", "inc.", "llc", "ltd", "ltd.", "corp", "corp.", "co.", "plc", "l.p.", "lp", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "the", "a", "an", "all",
    "year", "fiscal", "quarter", "first", "second", "third", "fourth", "q1", "q2", "q3", "q4", "fy", "nasdaq",
    "nyse", "tsx", "otc", "otcqb", "otcqx", "cse", "asx", "company", "companies",
}  # fmt: skip
# Place words that may stay in lower case ("the Netherlands", "Dillingen and Saar").
_PLACE_CONNECTORS = {
    "and",
    "of",
    "the",
    "de",
    "du",
    "des",
    "la",
    "le",
    "el",
    "upon",
    "on",
    "am",
    "an",
    "der",
    "sur",
    "do",
    "da",
    "&",
}
_CORPORATE_WORDS = {
    "inc",
    "inc.",
    "llc",
    "ltd",
    "ltd.",
    "corp",
    "corp.",
    "co.",
    "plc",
    "l.p.",
    "lp",
    "gmbh",
    "ag",
    "s.a.",
}
# Acronyms that stay upper case when a shouted place is title-cased.
_KEEP_UPPER = {"USA", "U.S.A.", "UAE", "U.A.E.", "UK", "U.K.", "US", "U.S.", "D.C.", "DC", "NYC", "PRC", "SAR", "DIFC"}
_ORG_END_RE = re.compile(r"\b(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Corp\.?|Co\.|LLP|PLC|GmbH|AG)\s*$")
_WORD_RE = re.compile(r"^(?:[A-Z\u00c0-\u00de][\w.'\u2019\-]*|[A-Z]\.(?:[A-Z]\.)+|St\.?|Ft\.?|Mt\.?)$")
_NOT_LETTER_RE = re.compile(r"[^A-Za-z\u00c0-\u00ff]")
_NOT_ASCII_LETTER_RE = re.compile(r"[^A-Za-z]")
# Glue points before a place: a capital straight after a lower-case letter or a sentence end; a capital after a space.
_GLUE_CUT_RE = re.compile(r"(?<=[a-z0-9)\].!?\u201d\"'%])(?=[A-Z])|(?<=[.!?\u201d\"])\s+(?=[A-Z])")
_WORD_CUT_RE = re.compile(r"\s(?=[A-Z])|(?<=-)(?=[A-Z])")
_GLUED_END_RE = re.compile(r"[a-z0-9)\].!?\u201d\"'%]$")
_SENTENCE_END_RE = re.compile(r"[.!?\u201d\"]\s*$")
_SLASHED_ISSUER_RE = re.compile(r"\s*/\s*([^/\n]{2,80}?)\s*/")
_TRAILING_PLACE_RE = re.compile(r"([^\n\u2013\u2014]{2,60}?)\s*(?:--|[\u2013\u2014]|\s-\s|:)\s*")
_DASH_SEP_RE = re.compile(r"[\-\u2013\u2014/|:]")
_BRACKETED_PLACE_RE = re.compile(r"(?:^|\s)\(([^()]{2,60})$")
_LEAD_GLUE_RE = re.compile(r"[a-z0-9.)]$")


@dataclass
class Dateline:
    """What a dateline says: where, when, through which wire, and where the text after it starts."""

    place: str | None = None
    published: datetime | None = None
    wire: str | None = None
    issuer: str | None = None  # a name printed between slashes after the date (Press Services)
    text: str = ""  # the dateline itself, as printed
    lead: str = ""  # text glued before the dateline in the same paragraph (a subheadline or bullet)
    rest: str = ""  # the paragraph after the dateline
    month_day: tuple[int, int] | None = None  # a date printed without its year ("NEW YORK, Feb. 7 --")


def _is_place_part(part: str, first: bool) -> bool:
    words = part.split()
    if not words or len(words) > (5 if first else 4) or len(part) > 45:
        return False
    if first and (words[0].lower().strip(".") in _NOT_PLACE_WORDS or not words[0][:1].isupper()):
        return False
    if any(w.lower() in _CORPORATE_WORDS for w in words):
        return False
    if words[-1].lower() in ("date", "time"):
        return False  # "Release Date: November 11, 2025": a label, not a place
    if words[-1] in _PLACE_CONNECTORS:
        return False  # "Back on May 22, 2010, ...": a place does not end with 'on', 'of' or 'and'
    capitalised = 0
    for word in words:
        if word in _PLACE_CONNECTORS:  # lower case only: "ON", "IN", "OR" are state and province codes
            continue
        if not _WORD_RE.match(word) or any(ch.isdigit() for ch in word):
            return False
        capitalised += 1
    return capitalised > 0


# Between the places of a dateline that names several: "NEW YORK and LONDON", "PRINCETON, N.J., LONDON, and SAN DIEGO".
_PLACES_SPLIT_RE = re.compile(r",?\s+(?:and|&)\s+(?=[A-Z\u00c0-\u00de])")


def is_place(text: str) -> bool:
    """Whether text reads as a dateline place: 'WALTHAM, Mass.', 'Jacksons Point, Ontario, Canada', 'the Netherlands',
    or as several ('FORT WORTH, Texas and RIO DE JANEIRO, Brazil')."""
    if _is_one_place(text):
        return True
    places = _PLACES_SPLIT_RE.split(text.strip())
    if not 1 < len(places) <= 4 or not all(_is_one_place(place) for place in places):
        return False
    # Each place shouted ("NEW YORK and LONDON") or ending with a state or country ("Boston, MA and London, UK"):
    # capitalised words joined by "and" are a title's more often than a dateline's.
    shouted = all(_NOT_ASCII_LETTER_RE.sub("", place.split(",")[0]).isupper() for place in places)
    return shouted or all(ends_with_region(place) for place in places)


def _is_one_place(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > 80 or not text[0].isupper():
        return False
    parts = [p.strip() for p in text.split(",")]
    if len(parts) > 4 or any(not p for p in parts):
        return False
    if len(_NOT_LETTER_RE.sub("", parts[0])) < 3 and "." not in parts[0] and not _state_then_region(parts):
        return False  # "ET", "PT": a time zone, not a place
    return all(_is_place_part(p, i == 0) for i, p in enumerate(parts))


def _state_then_region(parts: list[str]) -> bool:
    """A state's postal code before its country ('NY, United States'): a place, though two letters alone are not."""
    return len(parts) > 1 and parts[0].isupper() and ends_with_region(parts[0]) and ends_with_region(parts[-1])


def normalise_place(place: str) -> str:
    """A dateline's place (every place of it) with shouted words title-cased: 'WALTHAM, Mass.' -> 'Waltham, Mass.',
    'NEW YORK, NY and SEATTLE, WA' -> 'New York, NY and Seattle, WA'."""
    place = one_line(place).strip(" ,-\u2013\u2014/:(")
    words = []
    for word in place.split(" "):
        letters = _NOT_LETTER_RE.sub("", word)
        shouted = letters.isupper() and (len(letters) >= 3 or _shouted_part(place, word))
        if shouted and word.strip(",") not in _KEEP_UPPER:
            word = "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))
            if word.lower().strip(",") in _PLACE_CONNECTORS and words:
                word = word.lower()
        words.append(word)
    return " ".join(words)


def _shouted_part(place: str, word: str) -> bool:
    # A two-letter word inside a shouted multi-word part ("EL PASO", "LA JOLLA") is a word, not a state code.
    for part in re.split(r",|\s(?:and|&)\s", place):
        tokens = part.split()
        if word in tokens and len(tokens) > 1 and all(_NOT_ASCII_LETTER_RE.sub("", t).isupper() for t in tokens):
            return True
    return False


@dataclass
class _Part:
    start: int
    end: int
    kind: str  # "date" or "wire"
    value: object


def _components(head: str) -> list[_Part]:
    parts: list[_Part] = []
    for match, value in find_dates(head):
        parts.append(_Part(match.start(), match.end(), "date", value))
    for match in _wire_markers(head):
        name = canonical_wire(match.group(1))
        if name and not any(p.start < match.end() and match.start() < p.end for p in parts):
            parts.append(_Part(match.start(), match.end(), "wire", name))
    if "(" in head:
        # "Vancouver--(Newsfile Corp. - February 7, 2025) -": the wire and the date share one bracket.
        for match in _WIRE_THEN_DATE_RE.finditer(head):
            name = canonical_wire(match.group(1))
            if name and not any(p.start < match.end() and match.start() < p.end for p in parts):
                parts.append(_Part(match.start(), match.end(), "wire", name))
    return sorted(parts, key=lambda p: p.start)


def _wire_markers(head: str) -> Iterator[re.Match]:
    """Every wire marker candidate in head, pattern by pattern, in the order the five patterns' finditer gave them
    when the single-dash one began 'at the start of the text, or at a dash and a space': the start comes first."""
    for pattern in _MARKER_RES[:-1]:
        yield from pattern.finditer(head)
    at_start = _DASH_MARKER_AT_START_RE.match(head)
    if at_start:
        yield at_start
    yield from _MARKER_RES[-1].finditer(head, at_start.end() if at_start else 0)


def _split_lead(lead: str, glued_ok: bool) -> tuple[str, str | None]:
    """Split text before a dateline into (glued text, place): 'urban areasCHANGSHA, China,' -> ('urban areas', 'CHANGSHA, China')."""
    stripped = lead.rstrip(" ,;-\u2013\u2014/:|(\u00b7")
    if stripped.endswith((" le", " el", " den", " am", " il")):
        # "PARIS, le 4 mars 2021", "MADRID, el 4 de marzo": the article before a date in other languages.
        stripped = stripped.rsplit(" ", 1)[0].rstrip(" ,")
    if not stripped:
        return "", None
    if is_place(stripped):
        return "", stripped
    # "(NEW YORK, April 7, 2013) –": a dateline in brackets; "SEATTLE; January 26, 2017 –": a semicolon after the place.
    bracketed = _BRACKETED_PLACE_RE.search(stripped)
    if bracketed and is_place(bracketed.group(1)):
        before = stripped[: bracketed.start()].strip()
        if not before:
            return "", bracketed.group(1)
        if glued_ok:
            return before, bracketed.group(1)
    if not glued_ok:
        return lead, None
    # A glue point: lower case or a full stop followed straight by a capital, or a sentence end and a space.
    cuts = [m.end() for m in _GLUE_CUT_RE.finditer(stripped)]
    cuts += [m.end() for m in _WORD_CUT_RE.finditer(stripped)]
    for cut in sorted(set(cuts)):
        candidate = stripped[cut:].strip()
        if len(candidate) < 2 or not is_place(candidate):
            continue
        before = stripped[:cut]
        first_part = candidate.split(",")[0]
        glued = bool(_GLUED_END_RE.search(before)) and not before.endswith(" ")
        shouted = _NOT_ASCII_LETTER_RE.sub("", first_part).isupper()
        # "Paradigm Asset Management Co. LLC New York, NY November 14, 2024": an issuer, then the place.
        after_company = bool(_ORG_END_RE.search(before))
        if glued or shouted or after_company or _SENTENCE_END_RE.search(before):
            return before.strip(), candidate
    return lead, None


def find_dateline(paragraph: str, *, glued_ok: bool = True) -> Dateline | None:
    """Find a dateline at the start of a paragraph, or after text glued before it; None when there is none."""
    head = paragraph[:1000]
    if not glued_ok and not _may_open_with_part(head):
        # Without glue, only a date or wire marker after nothing or a place opens a chain (see _may_open_with_part).
        return _place_only(paragraph, glued_ok)
    parts = [p for p in _components(head) if p.start <= 700]
    for i, first in enumerate(parts):
        found = _chain(paragraph, head, parts[i:], glued_ok)
        if found:
            return found
        if first.kind == "wire":
            break  # a wire marker that is not a dateline: what follows is body text
    return _place_only(paragraph, glued_ok)


# What the text before a chain's first part may hold when nothing may be glued before a dateline: a place (is_place
# accepts only word characters, spaces, '.', ',', "'", '’', '-', '&' and capitals up to U+00DE), then the separators
# _split_lead strips. The longest opening of that shape is as far as such a part can start.
_PLACE_LEAD_RE = re.compile(r"\(?[\w\s.,'\u2019&\-\u00c0-\u00de]*[ ,;\-\u2013\u2014/:|(\u00b7]*")
# A date starts at most 48 characters before its year and is looked for up to 60 after it (see iter_dates): dates
# that start by a position are found the same in a text cut this far after it.
_DATE_REACH = 48 + 4 + 60


def _may_open_with_part(head: str) -> bool:
    """False when no date or wire marker starts where, with nothing glued before it, it could open a dateline.

    Without glue (glued_ok=False) a chain opens only at a part whose lead is empty or a place, so at a part that
    starts within _PLACE_LEAD_RE's match. Every later part's lead holds the first part (a date, whose year digits
    no place has; a wire marker that fails ends the search), so when no part starts that early, find_dateline
    finds no chain: this saves finding every date and wire marker in 1,000 characters of a lede.
    """
    reach = _PLACE_LEAD_RE.match(head).end()
    if any(match.start() <= reach for match in iter_dates(head[: reach + _DATE_REACH])):
        return True
    for pattern in _MARKER_RES[:-1]:
        for match in pattern.finditer(head):
            if match.start() > reach:
                break
            if canonical_wire(match.group(1)):
                return True
    at_start = _DASH_MARKER_AT_START_RE.match(head)
    if at_start and canonical_wire(at_start.group(1)):
        return True
    for match in _WIRE_THEN_DATE_RE.finditer(head[: reach + 1]) if "(" in head[: reach + 1] else ():
        if match.start() <= reach and canonical_wire(match.group(1)):
            return True
    for match in _MARKER_RES[-1].finditer(head, at_start.end() if at_start else 0):
        if match.start() > reach:
            break
        if canonical_wire(match.group(1)):
            return True
    return False


def _chain(paragraph: str, head: str, parts: list[_Part], glued_ok: bool) -> Dateline | None:
    first = parts[0]
    lead_text, place = _split_lead(head[: first.start], glued_ok)
    if lead_text.strip() and not place:
        return None
    if lead_text.strip() and place is None:
        return None
    chain = [first]
    for part in parts[1:]:
        gap = head[chain[-1].end : part.start]
        if part.kind in {p.kind for p in chain}:
            break
        if _SEP_ONLY_RE.match(gap):
            chain.append(part)
            continue
        middle = gap.strip(" ,-\u2013\u2014/:|(")
        if place is None and len(middle) <= 60 and is_place(middle):
            place = middle
            chain.append(part)
            continue
        break
    kinds = {p.kind for p in chain}
    end = chain[-1].end
    issuer = None
    after = head[end:]
    slashed = _SLASHED_ISSUER_RE.match(after)
    if slashed and "date" in kinds and _looks_like_name(slashed.group(1)):
        issuer = slashed.group(1).strip()
        end += slashed.end()
        after = head[end:]
    sep = _TRAIL_SEP_RE.match(after)
    sep_text = sep.group(0) if sep else ""
    end += len(sep_text)
    if place is None:
        # The place after the date or wire: "(NewMediaWire) - April 09, 2025 - DALLAS —".
        trailing = _TRAILING_PLACE_RE.match(head[end:])
        if trailing and is_place(trailing.group(1)) and (sep_text.strip() or not lead_text.strip()):
            place = trailing.group(1)
            end += trailing.end()
    if "wire" not in kinds:
        # A date alone is a dateline only with a place, or at the very start followed by a separator.
        if place is None and (head[: first.start].strip() or not sep_text.strip()):
            return None
        if place is None and not _DASH_SEP_RE.search(sep_text):
            return None
        org_lead = bool(lead_text.strip()) and bool(_ORG_END_RE.search(lead_text.strip())) and len(lead_text) < 80
        if lead_text.strip() and not org_lead and not _NOT_ASCII_LETTER_RE.sub("", place.split(",")[0]).isupper():
            return None  # mid-paragraph, only a shouted place makes a date a dateline
        if org_lead and issuer is None:
            issuer, lead_text = lead_text.strip(), ""
    published = next((p.value for p in chain if p.kind == "date"), None)
    wire = next((p.value for p in chain if p.kind == "wire"), None)
    start = len(lead_text.rstrip()) if lead_text.strip() else 0
    start = head.find(place, start) if place and head.find(place, start) >= 0 else start
    return Dateline(
        place=normalise_place(place) if place else None,
        published=published,
        wire=wire,
        issuer=issuer,
        text=_unbracket(paragraph[start:end].strip(" -\u2013\u2014/|")),
        lead=lead_text.strip(),
        rest=paragraph[end:].strip(),
    )


_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_PLACE_MONTH_DAY_RE = re.compile(
    rf"([A-Z][A-Za-z.'\u2019\- ]{{2,40}}(?:,\s*[A-Za-z.'\u2019\- ]{{2,30}}){{0,2}}?),?\s+(?i:({_MONTH_NAMES})\.?)\s+"
    r"([0-3]?\d)(?:st|nd|rd|th)?\s*(?:--|[\u2013\u2014]|\s-)\s+"
)
_ORDINAL_DAY_RE = re.compile(r"\d(?:st|nd|rd|th)\b")
# "Los Angeles, 21st December – ...": the day before the month, without a year.
_PLACE_DAY_MONTH_RE = re.compile(
    rf"([A-Z][A-Za-z.'\u2019\- ]{{2,40}}(?:,\s*[A-Za-z.'\u2019\- ]{{2,30}}){{0,2}}?),?\s+([0-3]?\d)(st|nd|rd|th)?\s+"
    rf"(?i:({_MONTH_NAMES})\.?)\s*(?:--|[\u2013\u2014]|\s-)\s+"
)
# "September 18, Singapore - Today, ...": the date first, without a year, then the place and a dash.
_MONTH_DAY_PLACE_RE = re.compile(
    rf"(?i:({_MONTH_NAMES})\.?)\s+([0-3]?\d)(?:st|nd|rd|th)?,\s+"
    r"([A-Z][A-Za-z.'\u2019\- ]{2,40}(?:,\s*[A-Za-z.'\u2019\- ]{2,30}){0,2}?)\s*(?:--|[\u2013\u2014]|\s-)\s+"
)
_PLACE_ONLY_RE = re.compile(
    r"([A-Z][A-Za-z.'\u2019\- ]{2,40}(?:,\s*[A-Za-z.'\u2019\- ]{2,30}){0,2}?)\s*(?:--|[\u2013\u2014]|\s-)\s+"
)

# What every _PLACE_ONLY_RE match ends with, (?:--|[\u2013\u2014]|\s-)\s, written so that each alternative starts with
# a fixed character (the regex engine then skips straight to those).
_PLACE_DASH_RE = re.compile(r"--\s|-(?<=\s-)\s|\u2013\s|\u2014\s")


# A job title after a name and a dash: "John Alam, MD - Chief Executive Officer of ...", where MD is no state.
_TITLE_START_RE = re.compile(
    r"(?:Chief|CEO|CFO|COO|President|Founder|Co-Founder|Director|Professor|Executive|Vice|Senior|Head|Partner|"
    r"Principal|Managing|Chair|Chairman|Chairwoman|Owner)\b"
)


def _place_only(paragraph: str, glued_ok: bool) -> Dateline | None:
    """A place and a dash with no date or wire: 'WASHINGTON, D.C. – The coalition ...'."""
    head = paragraph[:300]
    yearless = _yearless(paragraph, head) if head[:1].isupper() else None
    if yearless is not None:
        return yearless
    # _PLACE_ONLY_RE backtracks through every capitalised word for a dash after it; most paragraphs have no such dash.
    if not _PLACE_DASH_RE.search(head):
        return None
    for match in _PLACE_ONLY_RE.finditer(head):
        lead = paragraph[: match.start()]
        if lead.strip() and not (glued_ok and _LEAD_GLUE_RE.search(lead)):
            continue
        place = match.group(1).strip()
        first_part = _NOT_ASCII_LETTER_RE.sub("", place.split(",")[0])
        # A shouted place ("WASHINGTON, D.C. –"), or at a paragraph's start a city and a state or country that we
        # know ("Jersey City, New Jersey-- Food Concepts ...").
        region = (
            not lead.strip()
            and "," in place
            and ends_with_region(place)
            and not _TITLE_START_RE.match(paragraph[match.end() :])
        )
        if len(first_part) < 3 or not (first_part.isupper() or region) or not is_place(place):
            continue
        return Dateline(
            place=normalise_place(place),
            text=match.group(0).strip(" -\u2013\u2014"),
            lead=lead.strip(),
            rest=paragraph[match.end() :].strip(),
        )
    return None


def _yearless(paragraph: str, head: str) -> Dateline | None:
    """A dateline whose date has no year: 'NEW YORK, Feb. 7 -- ...', 'Los Angeles, 21st December – ...'.

    The year comes from the file's own date. A place in title case counts only before a day written as a day ('21st
    December', '21 December', 'December 21st'): 'Holiday Sales, December 21 –' could be a title's.
    """
    date_first = _MONTH_DAY_PLACE_RE.match(head)
    if date_first and known_or_shouted_place(date_first.group(3)):
        # A date opening a paragraph, then a place we know (or a shouted one) and a dash.
        month = MONTHS.get(date_first.group(1).lower().rstrip("."))
        if month and 1 <= int(date_first.group(2)) <= 31:
            return Dateline(
                place=normalise_place(date_first.group(3)),
                text=date_first.group(0).strip(" -\u2013\u2014"),
                rest=paragraph[date_first.end() :].strip(),
                month_day=(month, int(date_first.group(2))),
            )
    month_day = _PLACE_MONTH_DAY_RE.match(head)
    day_month = None if month_day else _PLACE_DAY_MONTH_RE.match(head)
    found = month_day or day_month
    if not found or not is_place(found.group(1)):
        return None
    shouted = _NOT_ASCII_LETTER_RE.sub("", found.group(1).split(",")[0]).isupper()
    if not shouted and day_month is None and not _ORDINAL_DAY_RE.search(found.group(0)):
        return None
    month_name, day = (found.group(2), found.group(3)) if month_day else (found.group(4), found.group(2))
    month = MONTHS.get(month_name.lower().rstrip("."))
    if not month or not 1 <= int(day) <= 31:
        return None
    return Dateline(
        place=normalise_place(found.group(1)),
        text=found.group(0).strip(" -\u2013\u2014"),
        rest=paragraph[found.end() :].strip(),
        month_day=(month, int(day)),
    )


def known_or_shouted_place(text: str) -> bool:
    """A place in capitals, or one whose country, state or time zone we know ('Singapore', 'Austin, Texas')."""
    if not is_place(text):
        return False
    shouted = _NOT_ASCII_LETTER_RE.sub("", text.split(",")[0]).isupper()
    return shouted or ends_with_region(text) or zone_for_place(text) is not None or country_or_state(text)


def _unbracket(text: str) -> str:
    # "NEW YORK, April 7, 2013)": the closing bracket of a bracketed dateline whose opening one stood before the place.
    return text[:-1].rstrip() if text.endswith(")") and "(" not in text else text


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 8 or canonical_wire(text):
        return False
    small = {"of", "and", "&", "the", "for", "de", "at", "in"}
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small for w in words)
