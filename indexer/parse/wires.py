"""Wire services: their canonical names, the markers that name them in a dateline, and feed-folder names."""

from __future__ import annotations

import re
from functools import lru_cache

from .cleanup import one_line

# canonical name -> regex for the name as printed in a dateline marker ("(GLOBE NEWSWIRE)", "/PRNewswire/").
# Markers are matched against the text inside a dateline's brackets or slashes, never against running text,
# so "CNW" in an IBN brand ("420 with CNW") does not count as Canada Newswire.
WIRES: dict[str, str] = {
    "GlobeNewswire": r"GLOBE\s*NEWS\s*WIRE|GlobeNewswire|Globe\s*Newswire",
    "Business Wire": r"BUSINESS\s*WIRE",
    "PR Newswire": r"PR\s*Newswire|PRNewswire|PRNewsFoto|PRN\s*Asia|PRNewswire-\w+",
    "ACCESSWIRE": r"ACCESS\s*WIRE|ACCESS\s*Newswire",
    "Marketwired": r"Marketwire[d]?|Market\s*Wire",
    "24-7PressRelease": r"24-7\s*Press\s*Release|24-7PressRelease",
    "News Direct": r"News\s*Direct",
    "NewMediaWire": r"New\s*Media\s*Wire",
    "IBN": r"InvestorBrandNetwork|Investor\s*Brand\s*Network|IBN|InvestorWire",
    "Newsfile": r"Newsfile(?:\s*Corp\.?)?",
    "CNW": r"CNW(?:\s*Group)?|Canada\s*NewsWire",
    "EQS": r"EQS[-\s]*(?:News|Newswire)",
    "Newsworthy.ai": r"Newsworthy\.ai",
    "PRWeb": r"PRWeb",
    "EIN Presswire": r"EIN\s*Presswire",
    "Noticias Newswire": r"Noticias\s*Newswire",
    "Media OutReach": r"Media\s*OutReach(?:\s*Newswire)?",
    "PR Karma": r"PR\s*Karma",
    "PRISM MediaWire": r"PRISM\s*MediaWire",
    "KeyCrew": r"KeyCrew",
    "NewsUSA": r"NewsUSA",
    "Press Services": r"Press\s*Services",
    "Reportable": r"Reportable",
    "Evertise AI PR": r"Evertise\s*AI\s*PR",
    "Boostify": r"Boostify",
    "citybiz": r"citybiz",
    "PRVolt": r"PRVolt",
    "Cision": r"Cision",
    "JCN Newswire": r"JCN\s*Newswire",
    "ANTARA News": r"ANTARA\s*News",
    "PR.com": r"PR\.com",
    "openPR": r"openPR",
    "Issuer Direct": r"Issuer\s*Direct",
    "Send2Press": r"Send2Press",
    "PRLog": r"PRLog",
}
# All markers in one alternation, tried in WIRES order; the group that matched names the wire. Every marker starts
# with a letter or digit, so the leading \W* has one way to match and the first marker that matches wins, exactly
# as when each marker was tried alone in order.
_WIRE_GROUPS = {f"w{i}": name for i, name in enumerate(WIRES)}
_MARKER_RE = re.compile(
    r"^\W*(?:" + "|".join(f"(?P<w{i}>{pattern})" for i, pattern in enumerate(WIRES.values())) + r")\W*$", re.I
)
# Any wire-like name in brackets: "(500NewsWire)", "(ThriveNewsWire)": a wire we do not know by name.
_UNKNOWN_WIRE_RE = re.compile(r"^[A-Za-z0-9][\w.\- ]{1,30}(?:News\s*Wire|Press\s*Wire|Media\s*Wire)$", re.I)
# Feed folders named after a wire: the folder's letters, lower-cased, name the wire.
_FOLDER_NAMES = {re.sub(r"[^a-z0-9]", "", name.lower()): name for name in WIRES}
_FOLDER_NAMES.update(
    {
        "247pressrelease": "24-7PressRelease",
        "businesswire": "Business Wire",
        "globenewswire": "GlobeNewswire",
        "prnewswire": "PR Newswire",
        "accesswire": "ACCESSWIRE",
        "newsworthy": "Newsworthy.ai",
        "newsworthyai": "Newsworthy.ai",
        "evertiseaipr": "Evertise AI PR",
        "prism": "PRISM MediaWire",
        "mediaoutreach": "Media OutReach",
        "noticiasnewswire": "Noticias Newswire",
        "ibn": "IBN",
        "cnw": "CNW",
    }
)
# Markers that name a wire anywhere in a release's first lines or last lines (not only in a dateline).
_TEXT_MARKERS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\(\s*GLOBE\s*NEWSWIRE\s*\)", re.I), "GlobeNewswire"),
    (
        re.compile(r"--\s*\(\s*BUSINESS\s*WIRE\s*\)\s*--|View source version on businesswire\.com", re.I),
        "Business Wire",
    ),
    # "/PRNewswire/", and the closing signature that dates it: "/PRNewswire -- Feb. 20, 2020/".
    (
        re.compile(
            r"/\s*PRNewswire(?:-[\w-]+)?\s*(?:--\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*)?/"
            r"|\bSOURCE\b.{2,80}\n?.*prnewswire\.com",
            re.I,
        ),
        "PR Newswire",
    ),
    (re.compile(r"/\s*ACCESSWIRE\s*/|/\s*ACCESS\s*Newswire\s*/", re.I), "ACCESSWIRE"),
    (re.compile(r"/\s*24-7PressRelease\s*/", re.I), "24-7PressRelease"),
    (re.compile(r"--\s*News\s*Direct\s*--", re.I), "News Direct"),
    (re.compile(r"\(\s*NewMediaWire\s*\)", re.I), "NewMediaWire"),
    (re.compile(r"\(\s*Newsworthy\.ai\s*\)", re.I), "Newsworthy.ai"),
    (re.compile(r"\(\s*NOTICIAS\s*NEWSWIRE\s*\)|/\s*Noticias\s*Newswire\s*/", re.I), "Noticias Newswire"),
    (re.compile(r"/\s*PR\s*Karma\s*/", re.I), "PR Karma"),
    (re.compile(r"\bPRISM\s*MediaWire\s*\(Press Release", re.I), "PRISM MediaWire"),
    (re.compile(r"Media\s*OutReach\s*Newswire", re.I), "Media OutReach"),
    (re.compile(r"\(\s*NewsUSA\s*\)", re.I), "NewsUSA"),
    (re.compile(r"/\s*CNW\s*/"), "CNW"),
    (re.compile(r"\(\s*Newsfile Corp\.?\s*-", re.I), "Newsfile"),
    (re.compile(r"/\s*Marketwired\s*/|\(\s*Marketwired\s*-", re.I), "Marketwired"),
    (re.compile(r"\(\s*EIN\s*Presswire\s*\)|/\s*EIN\s*Presswire(?:\.com)?\s*/", re.I), "EIN Presswire"),
    (re.compile(r"\(\s*PRWEB\s*\)", re.I), "PRWeb"),
]
# A word (lower case) that every match of each marker above contains, in the same order: a text without it is ruled
# out by a substring scan instead of the regex, which the engine tries at every position of 3,000 characters.
_TEXT_MARKER_WORDS = (
    "globe", "business", "prnewswire", "access", "24-7pressrelease", "direct", "newmediawire", "newsworthy.ai",
    "noticias", "karma", "prism", "outreach", "newsusa", "cnw", "newsfile corp", "marketwired", "presswire", "prweb",
)  # fmt: skip
if len(_TEXT_MARKER_WORDS) != len(_TEXT_MARKERS):
    raise AssertionError("_TEXT_MARKER_WORDS needs one word for each of _TEXT_MARKERS")
# Letters that re.I matches to ASCII ones ('ſ' to 's') but str.lower() leaves as they are (or makes two letters).
_ODD_CASE_LETTERS = ("\u0130", "\u0131", "\u017f", "\u212a")


_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")  # "[Media OutReach Newswire](https://...)"
_DOMAIN_RE = re.compile(r"\.(?:com|net|org)\b", re.I)


def canonical_wire(marker: str | None) -> str | None:
    """The canonical name of a wire as printed in a marker ('GLOBE NEWSWIRE' -> 'GlobeNewswire'); None if not a wire."""
    if not marker:
        return None
    # Datelines test the same few markers in release after release; the answer depends on the marker alone.
    # (Only strings are cached: a reader may pass JSON that is not one, which fails as before.)
    return _cached_wire(marker) if isinstance(marker, str) else _canonical_wire(marker)


# "(PlatoAi via 500NewsWire)": a publisher's name, then the wire that carried the release.
_VIA_RE = re.compile(r"[^()]{2,40}?\s+via\s+(\S[^()]{2,40})", re.I)


def _canonical_wire(marker: str) -> str | None:
    text = one_line(marker)
    via = _VIA_RE.fullmatch(text.strip())
    if via:
        return _canonical_wire(via.group(1))
    link = _LINK_RE.fullmatch(text)
    if link:
        text = link.group(1)
    match = _MARKER_RE.match(text) or _MARKER_RE.match(_DOMAIN_RE.sub("", text))  # "/EINPresswire.com/"
    if match:
        return _WIRE_GROUPS[match.lastgroup]
    if _UNKNOWN_WIRE_RE.match(text) and not _DOMAIN_RE.search(text):
        return text
    return None


_cached_wire = lru_cache(maxsize=8192)(_canonical_wire)


def wire_in_text(text: str) -> str | None:
    """A wire named by an unmistakable marker anywhere in text ("/PRNewswire/", "--(BUSINESS WIRE)--")."""
    best: tuple[int, str] | None = None
    odd_case = not text.isascii() and any(letter in text for letter in _ODD_CASE_LETTERS)
    lowered = text.lower()
    for (pattern, name), word in zip(_TEXT_MARKERS, _TEXT_MARKER_WORDS, strict=True):
        if not odd_case and word not in lowered:
            continue
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


_PATH_SEPARATOR_RE = re.compile(r"[\\/]")
_NOT_FOLDER_KEY_RE = re.compile(r"[^a-z0-9]")


def wire_from_slug(value: str | None) -> str | None:
    """A wire named by a feed's one-word slug, as a repost's front matter may give it ('source: newsworthy')."""
    if not value or not value.strip() or len(value.split()) > 1:
        return None
    return _FOLDER_NAMES.get(_NOT_FOLDER_KEY_RE.sub("", value.lower()))


def wire_from_folder(path: str) -> str | None:
    """The wire a feed folder in the path is named after ('.../newsdirect/2024/0412/x.md' -> 'News Direct')."""
    parts = _PATH_SEPARATOR_RE.split(path)[:-1]
    for part in reversed(parts):
        key = _NOT_FOLDER_KEY_RE.sub("", part.lower())
        if key in _FOLDER_NAMES:
            return _FOLDER_NAMES[key]
    return None
