"""Copies folded into releases on OpenSearch, as on Whoosh: the unit every count counts.

Copies share a duplicate key, are dated within COPY_WINDOW_DAYS of their group's first copy and hold its text
(duplicates.fold_groups, over every copy in the index, matching or not). A release is counted once, as its
earliest matching copy (ties: the first by path, then id); its other copies are left out of the query, so totals,
facets and the timeline count releases with plain aggregations, no collapse needed.

Which copy is earliest is fixed by the build (representatives.py): each group's first copy is a parent (REP) in
a join field, the others its children (COPY). For a query A a document stands for its release when it matches A
and is a representative, or is a copy whose representative does not match A (an "orphan": its text differs in the
words asked for). listings() writes that as one query, whatever the number of groups; only a group with two or
more matching orphans needs more (find_orphans: one aggregation, then the earliest of each group kept, by id).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from ...duplicates import fold_groups
from .dsl import match_only
from .schema import COPY, FOLD_FIELD, GROUPED_FIELD, PARENT_FIELD, REP

# Groups with several matching orphans listed per aggregation; beyond, composite pages (tests lower it).
ORPHAN_GROUPS_AT_ONCE = 10_000
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


def has_parent(query: dict) -> dict:
    """Documents whose representative matches query (only copies have one).

    The join runs its query over the representatives that have copies only (GROUPED_FIELD, set by the build):
    a copy's representative is one of them, and without the mark the query ran over every release again."""
    grouped = {"bool": {"filter": [{"term": {GROUPED_FIELD: True}}, query]}}
    return {"has_parent": {"parent_type": REP, "query": grouped}}


def has_child(query: dict) -> dict:
    """Representatives with a copy matching query."""
    return {"has_child": {"type": COPY, "query": query}}


def is_copy() -> dict:
    return {"term": {FOLD_FIELD: COPY}}


def listings(queries: dict[str, dict]) -> dict[str, dict]:
    """Each listing's query (in priority order) matching one document per release: its earliest matching copy,
    save in groups with several matching orphans (find_orphans). A release some earlier listing holds (one of its
    copies matches that listing's query) is left out of the later ones."""
    out: dict[str, dict] = {}
    before: list[dict] = []
    for name, query in queries.items():
        matching = match_only(query)  # filter context: which releases match, not how well
        # A representative matching the query is the group's earliest copy and stands for it.
        stands = {"bool": {"filter": [{"term": {FOLD_FIELD: REP}}], "must_not": [*before, *map(has_child, before)]}}
        # A copy stands for it only when its representative does not match (nor any earlier listing the group).
        claimed = [{"bool": {"should": [b, has_child(b)]}} for b in before]
        orphan = {"bool": {"filter": [is_copy()], "must_not": [has_parent(matching), *map(has_parent, claimed)]}}
        either = {"bool": {"should": [stands, orphan], "minimum_should_match": 1}}
        out[name] = {"bool": {"must": [query], "filter": [either]}}
        before.append(matching)
    return out


def orphan_groups_agg(listing: dict, size: int) -> dict:
    """An aggregation listing the groups (by representative) with two or more orphans matching a listing.

    Exact: a group's copies share one shard (routed by duplicate key), so a shard sees all of a group's."""
    terms = {"field": PARENT_FIELD, "min_doc_count": 2, "shard_min_doc_count": 2, "size": size}
    return {"filter": {"bool": {"filter": [match_only(listing), is_copy()]}}, "aggs": {"groups": {"terms": terms}}}


def later_orphans(found: list[dict]) -> set[str]:
    """Of orphan documents (hits with id, date, path and foldrep), the document ids not the earliest of their group."""
    groups: dict[str, list[tuple]] = {}
    for hit in found:
        source = hit["_source"]
        order = (seconds_of(source.get("date")), source.get("path") or "", source["id"])
        groups.setdefault(source[PARENT_FIELD], []).append((order, hit["_id"]))
    return {doc for members in groups.values() for _, doc in sorted(members)[1:]}
