"""Near-duplicate detection: the same release on several wires or re-posted gets one group key."""

from __future__ import annotations

import hashlib
import re

from .model import Release

_WORD_RE = re.compile(r"[a-z0-9]+")
LEDE_WORDS = 40


def duplicate_key(release: Release) -> str:
    """A key shared by copies of one release: its headline and the opening words after the dateline."""
    headline = " ".join(_WORD_RE.findall(release.headline.lower()))
    opening = " ".join(_WORD_RE.findall((release.lede or release.body).lower())[:LEDE_WORDS])
    return hashlib.sha1(f"{headline}|{opening}".encode()).hexdigest()[:16]
