"""Copies folded into releases on OpenSearch, as on Whoosh: the unit every count counts.

Copies share a duplicate key, are dated within COPY_WINDOW_DAYS of their group's first copy and hold its text
(duplicates.fold_groups, over every copy in the index, matching or not). A release is counted once, as its
earliest matching copy (ties: the first by path, then id); its other copies are left out of the query, so totals,
facets and the timeline count releases with plain aggregations, no collapse needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from ...duplicates import fold_groups

# Matching copies looked at per request; more keys than this are read in further pages.
KEYS_AT_ONCE = 5_000
UNDATED = np.iinfo(np.int64).min


@dataclass
class Copy:
    """One document of a duplicate group, as the fold needs it."""

    id: str
    key: str
    seconds: int  # UNDATED when the release has no date
    matched: frozenset  # names of the queries it matches ("all", "some")
    path: str = ""
    sketch: str = ""  # duplicates.text_sketch of its text: copies sharing a key fold only if these agree


@dataclass
class Folded:
    """What folding found: ids to leave out of each listing, and each id's fold group (for its copies)."""

    hidden: dict[str, set[str]] = field(default_factory=dict)  # query name -> ids that are not their release
    group_of: dict[str, int] = field(default_factory=dict)
    members: dict[int, list[Copy]] = field(default_factory=dict)


def seconds_of(value) -> int:
    """Seconds since the epoch of a stored date ('2024-03-03T12:00:00', epoch ms, or None)."""
    if value is None or value == "":
        return int(UNDATED)
    if isinstance(value, (int, float)):
        return int(value // 1000)
    text = str(value).replace("Z", "")
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is not None:
        parsed = parsed.replace(tzinfo=None) - parsed.utcoffset()
    return int((parsed - datetime(1970, 1, 1)).total_seconds())


def fold(copies: list[Copy], names: tuple[str, ...]) -> Folded:
    """Fold copies into releases; for each query name (in priority order: a release holding every word is
    listed there, not among the some-words ones), the copies to hide."""
    out = Folded(hidden={name: set() for name in names})
    if not copies:
        return out
    copies = sorted(copies, key=lambda c: (c.key, c.seconds, c.path, c.id))
    keys = {k: i for i, k in enumerate(sorted({c.key for c in copies}))}
    groups = fold_groups(
        np.array([keys[c.key] for c in copies], dtype=np.int64),
        np.array([c.seconds for c in copies], dtype=np.int64),
        int(UNDATED),
        {i: c.sketch for i, c in enumerate(copies) if c.sketch},
    )
    for copy, group in zip(copies, groups.tolist(), strict=True):
        if group >= 0:
            out.group_of[copy.id] = group
            out.members.setdefault(group, []).append(copy)
    for members in out.members.values():
        owner = next((name for name in names if any(name in c.matched for c in members)), None)
        if owner is None:
            continue
        # The earliest copy matching the first query that holds the release stands for it; every other copy is
        # hidden from every listing (a release holding every word is not listed again among the some-words ones).
        keep = next(c for c in members if owner in c.matched)
        for name in names:
            out.hidden[name].update(c.id for c in members if c is not keep and name in c.matched)
    return out
