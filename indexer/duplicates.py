"""Near-duplicate detection: the same release on several wires or re-posted gets one group key.

Copies of one release differ in their wire's dateline ("DENVER--(BUSINESS WIRE)--", "DENVER, Jan. 8, 2025
(GLOBE NEWSWIRE) --", "Thursday Jan 9, 2025 @ 7:00 AM America/Denver —"), in letter case and punctuation,
and in where their paragraphs break; they share the headline's words and the opening words of the text.
Releases that repeat a template (a quarterly dividend, a monthly distribution) differ within those
opening words (the amount, the dates), so they keep apart; and copies are folded only when dated within
COPY_WINDOW_DAYS of the group's first one (fold_groups), so a template repeated word for word months later
(an event notice, a dividend with the same wording) stays a release of its own.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

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


# Copies of one release go out within days; the same text months apart is a recurring announcement
# (a quarterly dividend, a monthly distribution, a yearly event notice): never folded.
COPY_WINDOW_DAYS = 7
COPY_WINDOW_S = COPY_WINDOW_DAYS * 86400


def fold_groups(keys: np.ndarray, dates: np.ndarray, undated: int) -> np.ndarray:
    """Group numbers 0..n-1 per document (-1: alone): same duplicate key and dated within COPY_WINDOW_DAYS of
    the group's first copy. keys: a number per duplicate key (negative: none); dates: seconds, `undated`
    where unknown (an undated release folds with nothing)."""
    groups = np.full(len(keys), -1, dtype=np.int64)
    candidates = np.flatnonzero((keys >= 0) & (dates != undated))
    if not len(candidates):
        return groups
    order = candidates[np.lexsort((candidates, dates[candidates], keys[candidates]))]
    sorted_keys, sorted_dates = keys[order], dates[order]
    new_key = np.empty(len(order), dtype=bool)
    new_key[0] = True
    new_key[1:] = sorted_keys[1:] != sorted_keys[:-1]
    # Most keys have one dated document, and most groups span a day: only keys whose copies span more than
    # the window need a walk, copy by copy.
    run = np.cumsum(new_key) - 1
    starts = np.flatnonzero(new_key)
    ends = np.append(starts[1:], len(order))
    cluster = np.empty(len(order), dtype=np.int64)
    cluster[:] = starts[run]  # each document's group named by its first copy's position
    wide = np.flatnonzero(sorted_dates[ends - 1] - sorted_dates[starts] > COPY_WINDOW_S)
    for r in wide.tolist():
        first = starts[r]
        for i in range(starts[r], ends[r]):
            if sorted_dates[i] - sorted_dates[first] > COPY_WINDOW_S:
                first = i
            cluster[i] = first
    # Groups of one document are no groups.
    sizes = np.bincount(cluster, minlength=len(order))
    shared = sizes[cluster] > 1
    _, numbers = np.unique(cluster[shared], return_inverse=True)
    groups[order[shared]] = numbers
    return groups
