"""Near-duplicate detection: the same release on several wires or re-posted gets one group key.

Copies of one release differ in their wire's dateline ("DENVER--(BUSINESS WIRE)--", "DENVER, Jan. 8, 2025
(GLOBE NEWSWIRE) --", "Thursday Jan 9, 2025 @ 7:00 AM America/Denver —"), in letter case and punctuation,
and in where their paragraphs break; they share the headline's words and the opening words of the text.
Releases that repeat a template (a quarterly dividend, a monthly distribution) differ within those
opening words (the amount, the dates), so they keep apart.
"""

from __future__ import annotations

import hashlib
import re

from .model import Release

_WORD_RE = re.compile(r"[a-z0-9]+")
# Keeps ASCII lower-case letters and digits and makes every other byte a space: in ASCII text, _WORD_RE's words are
# the runs of those, which str.split() then finds several times faster than the regex.
_ASCII_WORD_BYTES = bytes(byte if chr(byte) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for byte in range(256))
# A dateline or timestamp the parser left at the start of the text: up to a dash separator, holding a digit.
_LEADING_DATELINE_RE = re.compile(r"^[^\n]{0,200}?\d[^\n]{0,200}?\s(?:--|\u2014|\u2013)\s+")
# A match's dash starts by character 402 (200 characters, a digit, 200 more, a space), so it is in the first 404.
_DATELINE_DASH_REACH = 404
_DATELINE_DASHES = ("--", "\u2014", "\u2013")
OPENING_WORDS = 40
OPENING_CHARS_PER_WORD = 12
# Texts shorter than this have too little to tell copies from look-alikes: no group.
MIN_WORDS = 8


def opening_words(release: Release, count: int = OPENING_WORDS) -> list[str]:
    """The first words of a release's text (lede, then body), dateline and punctuation left out."""
    text = f"{release.lede or ''}\n\n{release.body or ''}".strip()
    text = text[:2000] if len(text) > 2000 else text
    # The pattern's lazy runs backtrack over every digit of the first line; most texts have no dash to end it.
    if any(map(text[:_DATELINE_DASH_REACH].__contains__, _DATELINE_DASHES)):
        text = _LEADING_DATELINE_RE.sub("", text, count=1)
    # The opening words are all in the first few hundred characters: look there first. With more than
    # `count` words found, the first `count` are whole (only the last one can be cut by the slice).
    words = _words(text[: OPENING_CHARS_PER_WORD * count].lower())
    if len(words) <= count:
        words = _words(text.lower())
    return words[:count]


def _words(lowered: str) -> list[str]:
    """_WORD_RE.findall(lowered): the runs of a-z and 0-9."""
    if lowered.isascii():
        return lowered.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split()
    return _WORD_RE.findall(lowered)


def duplicate_key(release: Release) -> str:
    """A key shared by copies of one release: its headline and the opening words of its text ('' if too short)."""
    headline = " ".join(_words((release.headline or "").lower()))
    opening = opening_words(release)
    if len(opening) < MIN_WORDS:
        return ""
    return hashlib.sha1(f"{headline}|{' '.join(opening)}".encode()).hexdigest()[:16]
