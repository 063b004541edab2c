"""Facet counting over whole result sets, with multi-select semantics, and the per-segment facet files.

A build writes, beside each index segment, a small file with every document's facet values, date and
duplicate group as numpy arrays (SegmentFacets); opening a searcher concatenates those files into one
FacetTable in milliseconds instead of walking postings and stored fields. Counting a result set of
100,000 releases is then one vectorised pass.
Several values of one facet combine with OR, different facets with AND, and a facet's counts ignore
its own selection so its other values stay visible.
"""

from __future__ import annotations

import hashlib
import pickle
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from ...duplicates import fold_groups
from ...facets import facet
from ...facets import timeline as timeline_of
from ...model import Facet
from ...schema import FACETS, FacetSpec

# Seconds since 1970-01-01 (UTC) for releases without a date: sorts last in "newest", first in "oldest".
NO_DATE = np.iinfo(np.int64).min
EPOCH = datetime(1970, 1, 1)
_SECOND = timedelta(seconds=1)
# Files beside each segment ("MAIN_<id>.facets"): Whoosh removes them with their segment.
FACETS_EXT = ".facets"
SOURCES_EXT = ".sources"
SIDECAR_VERSION = 2


def epoch_seconds(value: datetime | None) -> int:
    """A naive UTC datetime as whole seconds since the epoch; NO_DATE for None."""
    if value is None:
        return int(NO_DATE)
    if value.tzinfo is not None:
        value = value.replace(tzinfo=None) - value.utcoffset()
    return (value - EPOCH) // _SECOND


def local_seconds(printed: str | datetime | None) -> int:
    """The printed (local) timestamp of a release, its offset dropped, as seconds since the epoch; NO_DATE for
    none. Day filters count by this clock, as the year and month facets and the timeline do."""
    if not printed:
        return int(NO_DATE)
    value = datetime.fromisoformat(printed) if isinstance(printed, str) else printed
    return (value.replace(tzinfo=None) - EPOCH) // _SECOND


def group_key(dupkey: str | None) -> int:
    """A non-negative 63-bit number for a duplicate key (-1 for none): grouping works on numbers."""
    if not dupkey:
        return -1
    digest = hashlib.blake2b(dupkey.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


# ---- Per-segment facet files ----------------------------------------------------------------------


class SegmentFacets:
    """Facet values, dates, duplicate groups and source files of one segment's documents."""

    def __init__(self):
        self.size = 0
        self._ids: dict[str, dict[str, int]] = {spec.name: {} for spec in FACETS}
        self._docs: dict[str, array] = {spec.name: array("i") for spec in FACETS}
        self._values: dict[str, array] = {spec.name: array("i") for spec in FACETS}
        self.dates = array("q")
        self.local = array("q")
        self.groups = array("q")
        self.paths: list[str] = []
        self.hashes: list[str] = []
        self._by_field: dict[str, tuple[dict[str, int], array, array]] | None = None

    @staticmethod
    def fields() -> set[str]:
        """Index fields whose terms are facet values."""
        return {spec.field for spec in FACETS}

    def add(self, docnum: int, doc: dict, facet_terms: dict[str, list[str]]) -> None:
        """Record one document: its terms in facet fields, its date, duplicate key, path and hash."""
        by_field = self._by_field
        if by_field is None:
            # Index field -> its facet's value numbers, documents and values, looked up once.
            by_field = self._by_field = {
                spec.field: (self._ids[spec.name], self._docs[spec.name], self._values[spec.name]) for spec in FACETS
            }
        for fieldname, terms in facet_terms.items():
            found = by_field.get(fieldname)
            if found is None:
                continue
            ids, docs, values = found
            for term in terms:
                value_id = ids.get(term)
                if value_id is None:
                    value_id = ids[term] = len(ids)
                docs.append(docnum)
                values.append(value_id)
        self.dates.append(epoch_seconds(doc.get("date")))
        self.local.append(local_seconds(doc.get("date_text")))
        self.groups.append(group_key(doc.get("dupkey")))
        self.paths.append(doc.get("path", ""))
        self.hashes.append(doc.get("source_hash", ""))
        self.size = docnum + 1

    def columns(self) -> dict[str, tuple[list[str], np.ndarray, np.ndarray]]:
        """Facet name -> (values, document numbers, value index per pair)."""
        out = {}
        for spec in FACETS:
            values = list(self._ids[spec.name])
            docs = (
                np.frombuffer(self._docs[spec.name], dtype=np.int32) if self._docs[spec.name] else np.zeros(0, np.int32)
            )
            ids = (
                np.frombuffer(self._values[spec.name], dtype=np.int32)
                if self._values[spec.name]
                else np.zeros(0, np.int32)
            )
            out[spec.name] = (values, docs, ids)
        return out

    def to_data(self) -> dict:
        """The facet file's contents: size, columns, dates and duplicate groups as numpy arrays."""
        return {
            "version": SIDECAR_VERSION,
            "size": self.size,
            "columns": self.columns(),
            "dates": np.frombuffer(self.dates, dtype=np.int64) if self.dates else np.zeros(0, np.int64),
            "local": np.frombuffer(self.local, dtype=np.int64) if self.local else np.zeros(0, np.int64),
            "groups": np.frombuffer(self.groups, dtype=np.int64) if self.groups else np.zeros(0, np.int64),
        }

    def save(self, storage, segment) -> None:
        """Write the facet file and the sources file beside the segment."""
        save_sidecars(storage, segment, self.to_data(), self.paths, self.hashes)

    @classmethod
    def from_reader(cls, reader) -> SegmentFacets:
        """Rebuild a segment's facet data from its index (segments written without a facet file)."""
        made = cls()
        size = reader.doc_count_all()
        made.size = size
        for spec in FACETS:
            values, docs, ids = _postings(reader, spec.field)
            made._ids[spec.name] = {v: i for i, v in enumerate(values)}
            made._docs[spec.name] = array("i", docs.astype(np.int32).tobytes()) if len(docs) else array("i")
            made._values[spec.name] = array("i", ids.astype(np.int32).tobytes()) if len(ids) else array("i")
        made.dates = array("q", [int(NO_DATE)] * size)
        made.local = array("q", [int(NO_DATE)] * size)
        made.groups = array("q", [-1] * size)
        made.paths, made.hashes = [""] * size, [""] * size
        for docnum, stored in reader.iter_docs():
            made.dates[docnum] = epoch_seconds(stored.get("date"))
            made.local[docnum] = local_seconds(stored.get("date_text"))
            made.groups[docnum] = group_key(stored.get("dupkey"))
            made.paths[docnum] = stored.get("path", "")
            made.hashes[docnum] = stored.get("source_hash", "")
        return made


def save_sidecars(storage, segment, facet_data: dict, paths: list[str], hashes: list[str]) -> None:
    """Write a segment's facet file and sources file (path and content hash per document)."""
    sources = {"version": SIDECAR_VERSION, "paths": paths, "hashes": hashes}
    for ext, data in ((FACETS_EXT, facet_data), (SOURCES_EXT, sources)):
        with segment.create_file(storage, ext) as handle:
            handle.write(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def load_segment_facets(storage, segment) -> dict | None:
    """The facet file of a segment as written by SegmentFacets.save, or None when it has none."""
    return _load(storage, segment, FACETS_EXT)


def load_segment_sources(storage, segment) -> dict | None:
    """The sources file of a segment (path and content hash per document), or None."""
    return _load(storage, segment, SOURCES_EXT)


def segment_facets(storage, segment, reader) -> dict:
    """A segment's facet data: its facet file, or (no file, or one written before a facet or the local dates were
    added) read from its index through reader."""
    data = load_segment_facets(storage, segment)
    if data is None or "local" not in data or any(spec.name not in data["columns"] for spec in FACETS):
        data = SegmentFacets.from_reader(reader).to_data()
    return data


def _load(storage, segment, ext: str) -> dict | None:
    name = segment.make_filename(ext)
    if not storage.file_exists(name):
        return None
    with storage.open_file(name) as handle:
        data = pickle.loads(handle.read())
    return data if data.get("version") == SIDECAR_VERSION else None


# ---- Counting ---------------------------------------------------------------------------------

# Below one matching document per this many (document, further value) pairs, a facet gathers its documents'
# further values through where each document's pairs start, rather than passing over every pair.
_FEW_DOCS_PER_PAIR = 8


def _gathered(starts: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """Positions starts[d] .. starts[d + 1] - 1 of each document d of docs, rising."""
    low = starts[docs].astype(np.int64)
    some = starts[docs + 1].astype(np.int64) - low
    heads = np.cumsum(some) - some
    return np.repeat(low - heads, some) + np.arange(int(some.sum()))


@dataclass
class FacetColumn:
    """One facet's values and the (document, value) pairs that carry them."""

    spec: FacetSpec
    values: list[str]
    docs: np.ndarray  # document numbers, one per pair
    value_ids: np.ndarray  # index into values, one per pair
    _order: np.ndarray | None = field(default=None, repr=False, compare=False)
    _starts: np.ndarray | None = field(default=None, repr=False, compare=False)
    _folded: dict | None = field(default=None, repr=False, compare=False)
    _layout: tuple | None = field(default=None, repr=False, compare=False)
    _all_first: tuple | None = field(default=None, repr=False, compare=False)  # (first, its counts)

    def count(self, mask: np.ndarray, docs: np.ndarray | None = None, outside: np.ndarray | None = None) -> np.ndarray:
        """How many documents in mask carry each value (docs: np.flatnonzero(mask), when the caller has it:
        several facets of one search count the same documents; outside: np.flatnonzero(~mask), when
        fewer documents are outside the mask than in it)."""
        if not len(self.docs):
            return np.zeros(len(self.values), dtype=np.int64)
        if docs is None:
            docs = np.flatnonzero(mask)
        first, extra_docs, extra_values, extra_starts = self._by_document(len(mask))
        # Gathered for the matching documents only: a boolean selection over every document or pair
        # costs several times more on a large result set (its branches cannot be predicted).
        if outside is not None and len(outside) < len(docs):
            # A broad search: every document's first values counted once per snapshot, less those of the
            # few documents outside the mask (exact integers: the same counts).
            if self._all_first is None or len(self._all_first[0]) != len(mask):
                self._all_first = (first, np.bincount(first, minlength=len(self.values) + 1))
            counts = self._all_first[1] - np.bincount(first[outside], minlength=len(self.values) + 1)
        else:
            counts = np.bincount(first[docs], minlength=len(self.values) + 1)
        if len(docs) * _FEW_DOCS_PER_PAIR < len(extra_docs):
            # A narrow search: the further values of its documents gathered where each one's pairs start,
            # not a pass over every pair (about 0.4 per release for tickers and exchanges).
            counts += np.bincount(extra_values[_gathered(extra_starts, docs)], minlength=len(self.values) + 1)
        elif len(extra_docs):
            # The further values of documents with several: 0 (dropped below) where out of mask.
            counts += np.bincount(extra_values * mask[extra_docs], minlength=len(self.values) + 1)
        return counts[1:]

    def _by_document(self, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Each document's first value number + 1 (0: none), the (document, value number + 1) pairs of its
        further values, by document, and where each document's further pairs start (size + 1; int32);
        built once per snapshot."""
        if self._layout is None:
            order = np.lexsort((self.value_ids, self.docs))
            docs, values = self.docs[order].astype(np.int64), self.value_ids[order].astype(np.int64) + 1
            later = np.zeros(len(docs), dtype=bool)
            later[1:] = docs[1:] == docs[:-1]
            first = np.zeros(size, dtype=np.int32)
            first[docs[~later]] = values[~later]
            extra_docs = docs[later]
            starts = np.zeros(size + 1 if len(extra_docs) else 1, dtype=np.int32)
            if len(extra_docs):
                np.cumsum(np.bincount(extra_docs, minlength=size), out=starts[1:])
            self._layout = (first, extra_docs, values[later], starts)
        return self._layout

    def value_ids_of(self, wanted: Iterable[str]) -> list[int]:
        """Indexes of the values matching any wanted one, case-insensitively ("IMGN" selects "NASDAQ:IMGN")."""
        if self._folded is None:
            self._folded = {}
            for i, value in enumerate(self.values):
                self._folded.setdefault(value.casefold(), []).append(i)
                if self.spec.name == "ticker" and ":" in value:
                    self._folded.setdefault(value.split(":", 1)[1].casefold(), []).append(i)
        return sorted({i for w in wanted for i in self._folded.get(w.casefold(), ())})

    def select(self, wanted: Iterable[str], size: int) -> np.ndarray:
        """A mask of documents carrying any of the wanted values (case-insensitive)."""
        ids = self.value_ids_of(wanted)
        mask = np.zeros(size, dtype=bool)
        if ids:
            if self._starts is None:
                # Pairs grouped by value, once per snapshot: a selection then touches only its documents.
                self._order, self._starts = group_index(self.value_ids, len(self.values))
            for i in ids:
                mask[self.docs[self._order[self._starts[i] : self._starts[i + 1]]]] = True
        return mask


class FacetTable:
    """Every facet column of one index snapshot, plus per-document dates and duplicate groups."""

    def __init__(
        self, size: int, columns: dict[str, FacetColumn], dates: np.ndarray, dupkeys: np.ndarray, local: np.ndarray
    ):
        self.size = size
        self.columns = columns
        self.dates = dates  # seconds since the epoch (UTC), NO_DATE when unknown: sorting
        self.local = local  # the printed (local) timestamp as seconds, NO_DATE when unknown: day filters
        self.dupkeys = dupkeys  # duplicate key number per document, -1 when none
        # Groups numbered 0..n-1 (-1: none), so counting distinct groups is a bincount, not a sort: copies share
        # a key and are dated within a week of the group's first one (duplicates.fold_groups).
        self._groups = fold_groups(dupkeys, dates, int(NO_DATE)) if size else np.zeros(0, dtype=np.int64)
        self._group_count = int(self._groups.max()) + 1 if size else 0
        self._members: tuple[np.ndarray, np.ndarray] | None = None  # documents by group, and where each starts
        self._by_date: np.ndarray | None = None  # grouped documents by group, then date, then id
        self._id_rank: np.ndarray | None = None  # ties of date go by path and id, as on OpenSearch
        self._grouped: tuple | None = None  # the grouped documents, their groups, the others' mask

    def refold(self, sketches: dict[int, str]) -> None:
        """Fold again, copies sharing a key and a week kept together only where their text sketches agree
        (document number -> duplicates.text_sketch, for the grouped documents)."""
        self._groups = fold_groups(self.dupkeys, self.dates, int(NO_DATE), sketches)
        self._group_count = int(self._groups.max()) + 1 if self.size else 0
        self._members = self._by_date = self._grouped = None

    def order_copies_by(self, docs: np.ndarray, ids: list[str]) -> None:
        """Give the grouped documents docs a sort key each (path, then id): copies dated alike stand for their
        release in that order."""
        rank = np.zeros(self.size, dtype=np.int64)
        rank[docs] = np.argsort(np.argsort(np.array(ids, dtype=object), kind="stable"), kind="stable")
        self._id_rank, self._by_date = rank, None

    @property
    def groups(self) -> np.ndarray:
        """The duplicate group of each document (-1: a release with no copies)."""
        return self._groups

    def _grouping(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The grouped documents (rising), their groups, and a mask of the others, once per folding: a search
        then passes over the copies (about 1 document in 10) rather than over every document."""
        if self._grouped is None:
            docs = np.flatnonzero(self._groups >= 0)
            self._grouped = (docs, self._groups[docs], self._groups < 0)
        return self._grouped

    def representatives(self, mask: np.ndarray) -> np.ndarray:
        """mask with one document per duplicate group: its earliest copy in mask (the unit every count counts)."""
        if not self._group_count:
            return mask.copy()
        docs, keys, ungrouped = self._grouping()
        if self._by_date is None:
            ties = self._id_rank[docs] if self._id_rank is not None else docs
            self._by_date = docs[np.lexsort((ties, self.dates[docs], keys))]
        order = self._by_date
        inside = order[mask[order]]
        out = mask & ungrouped
        if len(inside):
            groups = self._groups[inside]
            first = np.ones(len(inside), dtype=bool)
            first[1:] = groups[1:] != groups[:-1]
            out[inside[first]] = True
        return out

    def covered(self, mask: np.ndarray) -> np.ndarray:
        """mask widened to every copy of the releases it holds."""
        out = mask.copy()
        if self._group_count:
            docs, keys, _ = self._grouping()
            present = np.bincount(keys[mask[docs]], minlength=self._group_count) > 0
            out[docs[present[keys]]] = True
        return out

    def copies(self, docnum: int, mask: np.ndarray) -> list[int]:
        """The other documents of docnum's duplicate group that are in mask, in document order."""
        group = self._groups[docnum]
        if group < 0:
            return []
        if self._members is None:
            # Grouped once per snapshot: a hit's copies are then a slice, not a pass over every document.
            self._members = group_index(self._groups, self._group_count)
        order, starts = self._members
        members = order[starts[group] : starts[group + 1]]
        return [int(d) for d in members[mask[members]] if d != docnum]

    def distinct(self, mask: np.ndarray) -> int:
        """Releases in mask, copies of one release (one duplicate group) counted once."""
        groups = self._groups[mask]
        grouped = groups[groups >= 0]
        distinct = np.count_nonzero(np.bincount(grouped, minlength=self._group_count)) if len(grouped) else 0
        return int(distinct + (len(groups) - len(grouped)))

    @classmethod
    def load(cls, storage, segments, readers=None) -> FacetTable:
        """Concatenate the facet files of an index's segments (in document-number order).

        A segment without a facet file (written by Whoosh's own writer), or with one that lacks a facet, is
        read from its index instead: readers[i] must then be that segment's reader.
        """
        readers = readers or [None] * len(segments)
        return cls.concatenate(
            [segment_facets(storage, seg, reader) for seg, reader in zip(segments, readers, strict=True)]
        )

    @classmethod
    def concatenate(cls, parts: list[dict]) -> FacetTable:
        """One table from per-segment facet data, document numbers offset segment after segment."""
        offsets = np.cumsum([0] + [p["size"] for p in parts])
        size = int(offsets[-1])
        columns = {}
        for spec in FACETS:
            vocabulary = sorted({v for p in parts for v in p["columns"][spec.name][0]})
            position = {v: i for i, v in enumerate(vocabulary)}
            docs, ids = [], []
            for offset, p in zip(offsets, parts, strict=False):
                values, seg_docs, seg_ids = p["columns"][spec.name]
                if not len(seg_docs):
                    continue
                remap = np.array([position[v] for v in values], dtype=np.int64)
                docs.append((seg_docs.astype(np.int64) + offset).astype(np.int32))  # 32-bit: half the memory
                ids.append(remap[seg_ids].astype(np.int32))  # traffic of every count
            columns[spec.name] = FacetColumn(
                spec,
                vocabulary,
                np.concatenate(docs) if docs else np.zeros(0, np.int32),
                np.concatenate(ids) if ids else np.zeros(0, np.int32),
            )
        dates = np.concatenate([p["dates"] for p in parts]) if parts else np.zeros(0, np.int64)
        dupkeys = np.concatenate([p["groups"] for p in parts]) if parts else np.zeros(0, np.int64)
        local = np.concatenate([p["local"] for p in parts]) if parts else np.zeros(0, np.int64)
        return cls(size, columns, dates.astype(np.int64), dupkeys.astype(np.int64), local.astype(np.int64))

    def to_data(self) -> dict:
        """This table in the facet file's shape (used when merging segments)."""
        return {
            "version": SIDECAR_VERSION,
            "size": self.size,
            "columns": {
                name: (column.values, column.docs.astype(np.int32), column.value_ids.astype(np.int32))
                for name, column in self.columns.items()
            },
            "dates": self.dates,
            "local": self.local,
            "groups": self.dupkeys,
        }

    def count(
        self,
        name: str,
        mask: np.ndarray,
        selected: Iterable[str] = (),
        limit: int = 10,
        docs: np.ndarray | None = None,
        outside: np.ndarray | None = None,
    ) -> Facet:
        """The top values of a facet within mask (docs: its document numbers, outside: those of the others,
        when known); selected values are always listed."""
        column = self.columns[name]
        counts = column.count(mask, docs, outside)
        selected_keys = {s.casefold() for s in selected}
        # The top values without sorting every value: find the limit-th largest count, keep the values
        # above it and, of those equal to it, the first ones (ties go by value order, as a stable sort).
        present = np.flatnonzero(counts)  # values present in mask (few, for a narrow search)
        if 0 < limit < len(present):
            found = counts[present]
            kth = np.partition(found, len(found) - limit)[len(found) - limit]
            above = present[found > kth]
            top = np.concatenate([above, present[found == kth][: limit - len(above)]])
            top = top[np.lexsort((top, -counts[top]))]
        elif limit > 0:
            top = present[np.lexsort((present, -counts[present]))]
        else:
            top = np.argsort(-counts, kind="stable")
        values = column.values
        ranked = ((values[i], int(counts[i])) for i in top[:limit].tolist())
        others = ((values[i], int(counts[i])) for i in column.value_ids_of(selected_keys)) if selected_keys else ()
        return facet(name, ranked, selected_keys, others)

    def timeline(
        self, mask: np.ndarray, docs: np.ndarray | None = None, outside: np.ndarray | None = None
    ) -> list[dict]:
        """Matching releases per month (or per year when they span more than three years)."""
        return timeline_of(self._present("month", mask, docs, outside))

    def _present(
        self, name: str, mask: np.ndarray, docs: np.ndarray | None = None, outside: np.ndarray | None = None
    ) -> list[tuple[str, int]]:
        """(value, count) of each value of a facet found in mask."""
        column = self.columns[name]
        counts = column.count(mask, docs, outside)
        present = np.flatnonzero(counts)
        return [(column.values[i], int(n)) for i, n in zip(present.tolist(), counts[present].tolist(), strict=True)]


def outside_of(mask: np.ndarray, docs: np.ndarray) -> np.ndarray | None:
    """The documents outside mask when they are fewer than those in it (docs), else None: a facet of a broad
    search counts every document less the few outside."""
    return np.flatnonzero(~mask) if 2 * len(docs) > len(mask) else None


def group_index(keys: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions grouped by key (0..count-1; negative keys come first and belong to no group):
    the positions of key k are order[starts[k]:starts[k + 1]], in their original order."""
    order = np.argsort(keys, kind="stable")
    return order, np.searchsorted(keys[order], np.arange(count + 1))


def _postings(reader, fieldname: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """All (document, value) pairs of an ID or KEYWORD field in one segment, deleted ones included."""
    values: list[str] = []
    docs: list[np.ndarray] = []
    ids: list[np.ndarray] = []
    if fieldname not in reader.schema.names() or fieldname not in reader.indexed_field_names():
        return values, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    for term in reader.lexicon(fieldname):
        text = term.decode("utf-8") if isinstance(term, bytes) else term
        found = np.fromiter(reader.postings(fieldname, term).all_ids(), dtype=np.int64)
        if not len(found):
            continue
        values.append(text)
        docs.append(found)
        ids.append(np.full(len(found), len(values) - 1, dtype=np.int64))
    if not docs:
        return values, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return values, np.concatenate(docs), np.concatenate(ids)
