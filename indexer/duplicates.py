"""Near-duplicate detection: the same release on several wires or re-posted gets one group key.

Copies of one release differ in their wire's dateline ("DENVER--(BUSINESS WIRE)--", "DENVER, Jan. 8, 2025
(GLOBE NEWSWIRE) --", "Thursday Jan 9, 2025 @ 7:00 AM America/Denver —"), in letter case and punctuation,
and in where their paragraphs break; they share the headline's words and the opening words of the text.
Releases that repeat a template (a quarterly dividend, a monthly distribution) differ within those
opening words (the amount, the dates), so they keep apart; and copies are folded only when dated within
COPY_WINDOW_DAYS of the group's first one (fold_groups), so a template repeated word for word months later
(an event notice, a dividend with the same wording) stays a release of its own. Nor do texts that share only their
headline and opening (a media advisory and the release it announces): the shorter text must be mostly found in the
longer one (text_sketch, contained), as a copy cut short by a news page is.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
import zlib
from collections.abc import Mapping

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


def fold_groups(
    keys: np.ndarray, dates: np.ndarray, undated: int, sketches: Mapping[int, str] | None = None
) -> np.ndarray:
    """Group numbers 0..n-1 per document (-1: alone): same duplicate key, dated within COPY_WINDOW_DAYS of
    the group's first copy and, where sketches (position -> text_sketch) are given, the same text as that first
    copy (same_text). keys: a number per duplicate key (negative: none); dates: seconds, `undated` where unknown
    (an undated release folds with nothing)."""
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
    walk = sorted_dates[ends - 1] - sorted_dates[starts] > COPY_WINDOW_S
    if sketches:
        walk |= ends - starts > 1
    for r in np.flatnonzero(walk).tolist():
        firsts: list[int] = []  # each group's first copy, in date order
        for i in range(starts[r], ends[r]):
            joined = next(
                (
                    f
                    for f in firsts
                    if sorted_dates[i] - sorted_dates[f] <= COPY_WINDOW_S
                    and (not sketches or same_text(sketches.get(int(order[f]), ""), sketches.get(int(order[i]), "")))
                ),
                None,
            )
            if joined is None:
                firsts.append(i)
                joined = i
            cluster[i] = joined
    # Groups of one document are no groups.
    sizes = np.bincount(cluster, minlength=len(order))
    shared = sizes[cluster] > 1
    _, numbers = np.unique(cluster[shared], return_inverse=True)
    groups[order[shared]] = numbers
    return groups


# ---- Whole-text check: is the shorter text found in the longer? -------------------------------------

SHINGLE_WORDS = 5
# Hashes kept per text (the smallest of its 5-word shingles'): 48 x 4 bytes, 264 characters stored per release.
SKETCH_SIZE = 48
# A copy's shorter text is mostly found in the longer one: copies cut short by a news page are at 0.96, a copy with
# a paragraph added at 0.63; a media advisory and its release, which share only headline and opening, at 0.28
# (benchmarks/results/duplicates.md).
MIN_CONTAINED = 0.5
_MIX = np.uint64(0x9E3779B97F4A7C15)
_FINAL = np.uint64(0xBF58476D1CE4E5B9)
_ALL = 0xFFFFFFFF


def text_sketch(release: Release) -> str:
    """A compact fingerprint of a release's whole text: its distinct 5-word shingle count and the SKETCH_SIZE
    smallest shingle hashes (bottom-k), from which `contained` estimates how much of one text the other holds."""
    text = " ".join(part or "" for part in (release.headline, release.lede, release.body))
    words = _words(text.lower())
    if not words:
        return ""
    hashes = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    span = max(1, len(hashes) - SHINGLE_WORDS + 1)
    shingle = hashes[:span].copy()
    for offset in range(1, min(SHINGLE_WORDS, len(hashes))):
        shingle = shingle * _MIX + hashes[offset : offset + span]  # wraps at 2**64, as a hash should
    shingle ^= shingle >> np.uint64(31)
    shingle *= _FINAL
    shingle ^= shingle >> np.uint64(29)
    distinct = np.unique((shingle >> np.uint64(32)).astype(np.uint32))
    kept = distinct[:SKETCH_SIZE].astype("<u4").tobytes()
    return f"{len(distinct)} {base64.b64encode(kept).decode('ascii')}"


@functools.lru_cache(maxsize=65_536)
def _decode(sketch: str) -> tuple[int, tuple[int, ...], frozenset[int]] | None:
    """A sketch's shingle count, its hashes in order and as a set (decoded once: a group's first copy is compared
    with each of its copies, and on OpenSearch the same copies are folded again for each search)."""
    if not sketch:
        return None
    count, _, kept = sketch.partition(" ")
    hashes = tuple(np.frombuffer(base64.b64decode(kept), dtype="<u4").tolist())
    return int(count), hashes, frozenset(hashes)


def contained(first: str, second: str) -> float | None:
    """Estimated share of the shorter text's shingles found in the longer (1.0: one is a cut of the other);
    None when either has no sketch (an index built before sketches: fold as the key says)."""
    a, b = _decode(first), _decode(second)
    if a is None or b is None or not a[1] or not b[1]:
        return None
    (count_a, kept_a, _), (count_b, kept_b, set_b) = (a, b) if a[0] <= b[0] else (b, a)
    # Below the smaller of the two sketches' last hashes, both sketches hold every shingle of their text: the
    # shorter text's shingles there are a sample of it, and each is in the longer text iff in its sketch.
    limit = min(
        kept_a[-1] if count_a > len(kept_a) else _ALL,
        kept_b[-1] if count_b > len(kept_b) else _ALL,
    )
    sample = [h for h in kept_a if h <= limit]
    if not sample:
        return None
    return sum(h in set_b for h in sample) / len(sample)


def same_text(first: str, second: str) -> bool:
    """Whether two texts sharing a duplicate key are one release's copies by their whole text."""
    if first == second:
        return True  # the same text (most copies): nothing to estimate
    share = contained(first, second)
    return share is None or share >= MIN_CONTAINED
