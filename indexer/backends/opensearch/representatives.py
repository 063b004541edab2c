"""Each copy group's representative, fixed when the index is built, so that a search counts releases with one query.

A release on three wires is three documents sharing a duplicate key and a fold group (fold.py); the group's
earliest copy (by date, then path, then id: the order fold.py folds in) is its representative. The build marks
it in a join field: representatives, and releases without copies, are parents (REP); every other copy is a child
(COPY) of its representative, routed with it by the duplicate key, its parent's id also in PARENT_FIELD; a
representative with copies is marked (GROUPED_FIELD), so that searches join from those few documents only.

Groups depend on every copy of a key (a copy dated before the representative takes its place; one removed may
split a group), so they are settled after a run's files are written: the keys the run touched (a rebuild: every
key with two or more documents, from composite-aggregation pages) are read back, folded, and the documents whose
place changed are parsed again and rewritten (an update could not change a join field: the searchable terms are
not in _source). Copies are rare (0.33% of the shared corpus's documents), so few files are parsed twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .fold import Copy, fold, seconds_of
from .schema import COPY, FOLD_FIELD, GROUPED_FIELD, PARENT_FIELD, REP

KEYS_PAGE = 10_000  # duplicate keys per composite page when a rebuild looks for keys with copies
KEYS_AT_ONCE = 1_000  # keys whose documents are read per request
MEMBERS_PAGE = 5_000
MEMBER_SOURCE = ["id", "dupkey", "date", "path", "dupsketch", PARENT_FIELD, GROUPED_FIELD]


@dataclass
class Member:
    """A document of a duplicate key, as folding needs it, and the representative it was written with."""

    doc_id: str
    release_id: str
    key: str
    seconds: int
    path: str
    sketch: str
    parent: str | None  # its representative's document id (None: it stands for itself)
    grouped: bool = False  # a representative with copies (GROUPED_FIELD)

    @property
    def place(self) -> Place:
        return Place(self.parent, self.grouped)


@dataclass(frozen=True)
class Place:
    """Where a document stands in its copy group: a copy of the representative parent, or (parent None) a
    representative, grouped when it has copies."""

    parent: str | None = None
    grouped: bool = False


ALONE = Place()  # a representative without copies: how every document is first written


def member(doc_id: str, source: dict) -> Member:
    """A Member from a document's _source (or the document a build writes)."""
    return Member(
        doc_id,
        source["id"],
        source["dupkey"],
        seconds_of(source.get("date")),
        source.get("path") or "",
        source.get("dupsketch") or "",
        source.get(PARENT_FIELD),
        bool(source.get(GROUPED_FIELD)),
    )


def mark(doc: dict, place: Place | None) -> dict:
    """Set a document's join field: a representative (grouped: with copies), or a copy of place.parent."""
    place = place or ALONE
    doc.pop(GROUPED_FIELD, None)
    if place.parent is None:
        doc[FOLD_FIELD] = REP
        doc.pop(PARENT_FIELD, None)
        if place.grouped:
            doc[GROUPED_FIELD] = True
    else:
        doc[FOLD_FIELD] = {"name": COPY, "parent": place.parent}
        doc[PARENT_FIELD] = place.parent
    return doc


def wanted_places(members: Iterable[Member]) -> dict[str, Place]:
    """Document id -> its place (its representative's document id, or a representative with or without
    copies), folding each key's documents."""
    by_key: dict[str, list[Member]] = {}
    for m in members:
        by_key.setdefault(m.key, []).append(m)
    out: dict[str, Place] = {}
    for key, group in by_key.items():
        out.update((m.doc_id, ALONE) for m in group)
        if len(group) < 2:
            continue
        by_release = {m.release_id: m for m in group}
        folded = fold([Copy(m.release_id, key, m.seconds, frozenset(), m.path, m.sketch) for m in group], ())
        for copies in folded.members.values():  # each in fold order: the first is the earliest
            if len(copies) < 2:
                continue
            first = by_release[copies[0].id].doc_id
            out[first] = Place(None, grouped=True)
            out.update((by_release[c.id].doc_id, Place(first)) for c in copies[1:])
    return out


def keys_with_copies(search: Callable[[dict], dict]) -> Iterator[str]:
    """Every duplicate key two or more documents share, streamed in order (a rebuild settles these)."""
    after = None
    while True:
        composite: dict = {"size": KEYS_PAGE, "sources": [{"k": {"terms": {"field": "dupkey"}}}]}
        if after:
            composite["after"] = after
        # Keys made from a release's own id ("id:...") hold one release.
        query = {"bool": {"must_not": [{"prefix": {"dupkey": "id:"}}]}}
        found = search({"size": 0, "query": query, "aggs": {"keys": {"composite": composite}}})["aggregations"]["keys"]
        yield from (b["key"]["k"] for b in found["buckets"] if b["doc_count"] > 1)
        after = found.get("after_key")
        if not after or not found["buckets"]:
            return


def members_of(search: Callable[[dict], dict], keys: list[str]) -> Iterator[Member]:
    """The documents of some duplicate keys, as the index holds them."""
    after = None
    while True:
        body: dict = {
            "query": {"terms": {"dupkey": keys}},
            "size": MEMBERS_PAGE,
            "_source": MEMBER_SOURCE,
            "sort": [{"dupkey": "asc"}, {"id": "asc"}],
        }
        if after:
            body["search_after"] = after
        hits = search(body)["hits"]["hits"]
        yield from (member(h["_id"], h["_source"]) for h in hits)
        if len(hits) < MEMBERS_PAGE:
            return
        after = hits[-1]["sort"]


def changes(
    search: Callable[[dict], dict],
    keys: Iterable[str],
    written: dict[str, dict[str, Member]] | None = None,
    deleted: set[str] = frozenset(),
) -> Iterator[tuple[Member, Place]]:
    """(document, its new place) for each document of these keys whose place (representative, or whether a
    representative has copies) changed.

    What the index holds is read KEYS_AT_ONCE keys at a time; written (key -> document id -> Member: what this run
    wrote, maybe not yet searchable) and deleted (document ids this run removed) take precedence over it."""
    batch: list[str] = []

    def settle(batch: list[str]):
        found = {m.doc_id: m for m in members_of(search, batch) if m.doc_id not in deleted}
        for key in batch:
            found.update((written or {}).get(key, {}))
        for doc, place in wanted_places(found.values()).items():
            if found[doc].place != place:
                yield found[doc], place

    for key in keys:
        batch.append(key)
        if len(batch) >= KEYS_AT_ONCE:
            yield from settle(batch)
            batch = []
    if batch:
        yield from settle(batch)
