"""Datelines: the place, the date and the wire service at the head of a release."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from dateutil import parser as dateparser
from dateutil import tz

# Canonical wire names and the markers that name them in release text.
WIRE_MARKERS: list[tuple[str, str]] = [
    (r"GLOBE\s*NEWSWIRE", "GlobeNewswire"),
    (r"BUSINESS\s*WIRE", "Business Wire"),
    (r"PR\s*Newswire|PRNewswire", "PR Newswire"),
    (r"ACCESS\s*WIRE|ACCESS\s*Newswire", "ACCESSWIRE"),
    (r"Marketwire[d]?", "Marketwired"),
    (r"24-7\s*Press\s*Release|24-7PressRelease", "24-7PressRelease"),
    (r"News\s*Direct", "News Direct"),
    (r"NewMediaWire", "NewMediaWire"),
    (r"InvestorBrandNetwork|\bIBN\b", "IBN"),
    (r"Newsfile", "Newsfile"),
    (r"CNW\s*Group|\bCNW\b|Canada\s*Newswire", "CNW"),
    (r"EQS[-\s]*(?:News|Newswire)", "EQS"),
    (r"Newsworthy\.ai", "Newsworthy.ai"),
    (r"PRWeb", "PRWeb"),
    (r"EIN\s*Presswire", "EIN Presswire"),
]
_WIRE_RES = [(re.compile(p, re.I), name) for p, name in WIRE_MARKERS]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_RE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.I,
)
# A wire marker as it stands in a dateline: "(GLOBE NEWSWIRE)", "/PRNewswire/", "--(BUSINESS WIRE)--".
_MARKER_RE = re.compile(r"\(([^()]{2,40})\)|/\s*([^/]{2,40}?)\s*/")
_DASH_RE = re.compile(r"\s*(?:--|\u2014|\u2013|-)\s+|--")

TZINFOS = {
    "EST": tz.gettz("America/New_York"),
    "EDT": tz.gettz("America/New_York"),
    "ET": tz.gettz("America/New_York"),
    "CST": tz.gettz("America/Chicago"),
    "CDT": tz.gettz("America/Chicago"),
    "CT": tz.gettz("America/Chicago"),
    "MST": tz.gettz("America/Denver"),
    "MDT": tz.gettz("America/Denver"),
    "PST": tz.gettz("America/Los_Angeles"),
    "PDT": tz.gettz("America/Los_Angeles"),
    "PT": tz.gettz("America/Los_Angeles"),
    "GMT": tz.UTC,
    "UTC": tz.UTC,
    "BST": tz.gettz("Europe/London"),
    "CET": tz.gettz("Europe/Paris"),
    "CEST": tz.gettz("Europe/Paris"),
}


@dataclass
class Dateline:
    """What a dateline says: where, when, through which wire, and where the text after it starts."""

    place: str | None = None
    published: datetime | None = None
    wire: str | None = None
    text: str | None = None  # the dateline itself, as printed
    rest: str = ""  # the paragraph with the dateline removed


def canonical_wire(text: str | None) -> str | None:
    """Map a wire marker or name ('GLOBE NEWSWIRE', '/PRNewswire/') to its canonical name."""
    if not text:
        return None
    for pattern, name in _WIRE_RES:
        if pattern.search(text):
            return name
    return None


def parse_when(text: str | None, *, default_tz: bool = True) -> datetime | None:
    """Read a date or timestamp ('Mar 4, 2020 4:00PM EST', '2011-11-07'); None when unreadable."""
    if not text or not str(text).strip():
        return None
    cleaned = re.sub(r"\s+", " ", str(text)).strip()
    try:
        value = dateparser.parse(cleaned, tzinfos=TZINFOS, fuzzy=True)
    except (ValueError, OverflowError, TypeError):
        return None
    if not (1900 <= value.year <= 2100):
        return None
    return value


def normalise_place(place: str) -> str:
    """Title-case a shouted dateline place, keeping short abbreviations: 'WALTHAM, Mass.' -> 'Waltham, Mass.'."""
    parts = []
    for part in place.split(","):
        word = part.strip()
        if not word:
            continue
        letters = re.sub(r"[^A-Za-z]", "", word)
        if letters.isupper() and len(letters) > 3:
            word = " ".join(_title_word(w) for w in word.split())
        parts.append(word)
    return ", ".join(parts)


def _title_word(word: str) -> str:
    # Keep "McLEAN"-style and hyphenated names readable: title-case each hyphen part.
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


_PLACE_RE = re.compile(r"^[A-Z][A-Za-z.'\u2019&\- ]{1,40}(?:,\s*[A-Za-z.'\u2019&\- ]{2,30}){0,3}$")


def find_dateline(paragraph: str) -> Dateline | None:
    """Find a dateline at the start of a paragraph; None when it has none.

    Shapes seen in the wild: 'WALTHAM, Mass., Nov. 7, 2011 (GLOBE NEWSWIRE) --',
    'NEW YORK, NY / ACCESSWIRE / April 17, 2019 /', 'CHICAGO--(BUSINESS WIRE)--',
    'SAN JOSE, Calif., Jan. 5, 2020 /PRNewswire/ --'.
    """
    head = paragraph[:400]
    date_match = DATE_RE.search(head)
    wire = None
    marker_end = 0
    for m in _MARKER_RE.finditer(head):
        name = canonical_wire(m.group(1) or m.group(2))
        if name:
            wire = name
            marker_end = m.end()
            break
    # Where the dateline stops: after the wire marker, or after a dash following the date.
    end = 0
    if wire:
        end = marker_end
    elif date_match:
        dash = _DASH_RE.search(head, date_match.end())
        if dash and dash.start() - date_match.end() <= 3:
            end = dash.end()
    if not end:
        return None
    dash = _DASH_RE.match(head, end)
    tail = re.match(r"\s*/?\s*", head[end:])
    if dash:
        end = dash.end()
    elif tail:
        end += tail.end()
    # A date right after the marker (ACCESSWIRE style) still belongs to the dateline.
    if date_match and date_match.start() >= end - 2 and date_match.start() - end < 4:
        end = date_match.end()
        after = re.match(r"\s*/?\s*(?:--|\u2014|\u2013|-)?\s*", head[end:])
        end += after.end() if after else 0
    dateline_text = head[:end].strip()
    if len(dateline_text) > 250:
        return None
    first_cut = min(
        [i for i in (dateline_text.find("("), dateline_text.find("/"), dateline_text.find("--")) if i > 0]
        or [len(dateline_text)]
    )
    before = dateline_text[:first_cut]
    if date_match and date_match.start() < first_cut:
        before = dateline_text[: date_match.start()]
    place = before.strip(" ,-\u2014\u2013/")
    place = normalise_place(place) if place and _PLACE_RE.match(place) else None
    published = parse_when(date_match.group(0)) if date_match and date_match.start() < end + 2 else None
    return Dateline(
        place=place,
        published=published,
        wire=wire,
        text=dateline_text,
        rest=paragraph[end:].lstrip(" -\u2014\u2013/"),
    )
