"""Columnar postings: a segment's posting lists as flat arrays numpy reads in place, beside its Whoosh files.

Whoosh keeps a term's postings in blocks of 128, each pickled and deflated with its positions inline: a
query nobody asked before spends most of its time decompressing and unpickling them. This file holds the
same postings per field as plain little-endian arrays, read through a memory map (a worker's memory stays
bounded by the OS page cache; nothing is decoded):

    terms        the field's terms, sorted, end to end (term_starts: where each begins, n + 1)
    post_starts  where each term's postings begin in docs / weights (n + 1)
    docs         segment document numbers, rising within a term (uint32)
    weights      Whoosh's weight of each posting (float32: frequency times the field boost)
    pos_starts   where each posting's positions begin in positions (postings + 1; positioned fields)
    positions    each posting's word positions, rising (uint16 when every one fits, else uint32)

The file is written from the segment itself once it is finished (by the segment writer, the merger, or an
update of an index built before the file existed), so it holds exactly what the blocks hold, deleted
documents included (the searcher's live mask drops them). Whoosh never reads it; readers fall back to the
blocks when a segment has none.
"""

from __future__ import annotations

import json
import mmap
import os
import struct
import sys
import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from itertools import chain

import numpy as np
from whoosh.reading import SegmentReader

from . import adapter
from .blocks import _stable_argsort
from .positions import decode_gaps
from .postings import postings_of_term

COLUMNS_EXT = ".columns"
_MAGIC = b"RSCOLS1\0"
_TAIL = struct.Struct("<QQ8s")  # at the end: where the JSON header starts, its length, the magic
_ALIGN = 8
_BATCH = 1_000_000  # postings handled together while writing (bounded memory)
_EMPTY_DOCS = np.zeros(0, dtype=np.int64)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float32)


# ---- Writing ----------------------------------------------------------------------------------------


class ColumnsWriter:
    """Writes a segment's columnar postings file a field at a time (each field's arrays can be freed once
    written), then the header saying where each array is. The file gets its name at finish: a segment's
    files are gathered into its compound file when it is written, and this one stays beside it."""

    def __init__(self, storage, segment):
        self.storage = storage
        self.name = segment.make_filename(COLUMNS_EXT)
        self.temporary = f"_{self.name}.tmp"
        self.handle = storage.create_file(self.temporary)
        self.offset = 0
        self.fields: dict[str, dict] = {}

    def add_field(self, name: str, arrays: dict[str, np.ndarray]) -> None:
        entry = self.fields[name] = {}
        for key, array in arrays.items():
            array = np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<"))
            entry[key] = [self.offset, array.dtype.str, len(array)]
            data = array.tobytes()
            padding = -len(data) % _ALIGN
            self.handle.write(data + b"\0" * padding)
            self.offset += len(data) + padding

    def finish(self) -> None:
        head = json.dumps({"fields": self.fields}).encode("utf-8")
        self.handle.write(head + _TAIL.pack(self.offset, len(head), _MAGIC))
        self.handle.close()
        self.storage.rename_file(self.temporary, self.name, safe=False)


def _pack(
    terms: list[bytes], per_term: np.ndarray, docs: np.ndarray, weights: np.ndarray, counts=None, positions=None
) -> dict[str, np.ndarray]:
    """A field's arrays: terms (sorted) with their numbers of postings, the postings' documents and
    weights, and for a positioned field each posting's number of positions and the positions."""
    term_starts = np.zeros(len(terms) + 1, dtype=np.uint64)
    term_starts[1:] = np.cumsum([len(t) for t in terms])
    post_starts = np.zeros(len(terms) + 1, dtype=np.uint64)
    post_starts[1:] = np.cumsum(per_term)
    out = {
        "terms": np.frombuffer(b"".join(terms), dtype=np.uint8),
        "term_starts": term_starts,
        "post_starts": post_starts,
        "docs": docs.astype(np.uint32),
        "weights": weights.astype(np.float32, copy=False),
    }
    if counts is not None:
        pos_starts = np.zeros(len(counts) + 1, dtype=np.uint64)
        pos_starts[1:] = np.cumsum(counts)
        wide = len(positions) and int(positions.max()) >= 2**16
        out["pos_starts"] = pos_starts.astype(np.uint32 if len(positions) < 2**32 else np.uint64)
        out["positions"] = positions.astype(np.uint32 if wide else np.uint16, copy=False)
    return out


def field_columns(postings, positioned: bool) -> dict[str, np.ndarray]:
    """A field's arrays from the postings of a segment being written (invert._FieldPostings), ordered as
    blocks.write_postings orders them: by term, then document."""
    count = len(postings.tids)
    rank, sorted_terms = postings.vocabulary.ranked()
    keys = rank[np.frombuffer(postings.tids, dtype=np.int32)]
    perm = _stable_argsort(keys)  # stable: each term's documents stay in order
    sorted_keys = keys[perm]
    starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1]))) if count else perm
    terms = [sorted_terms[r] for r in sorted_keys[starts].tolist()]
    per_term = np.diff(np.append(starts, count))
    docs = np.frombuffer(postings.docs, dtype=np.int32)[perm]
    weights = np.frombuffer(postings.weights, dtype=np.float64)[perm]
    if not positioned:
        return _pack(terms, per_term, docs, weights)
    if not len(postings.counts):  # positions kept encoded: decode them
        counts, positions = _decoded([postings.encoded[i] for i in perm.tolist()])
        return _pack(terms, per_term, docs, weights, counts, positions)
    all_counts = np.frombuffer(postings.counts, dtype=np.int32)
    firsts = np.cumsum(all_counts, dtype=np.int64) - all_counts
    flat = np.frombuffer(postings.positions, dtype=np.int32)
    counts = all_counts[perm]
    parts = []
    for lo in range(0, count, _BATCH):  # each posting's positions gathered, a batch at a time
        some, begins = counts[lo : lo + _BATCH].astype(np.int64), firsts[perm[lo : lo + _BATCH]]
        heads = np.cumsum(some) - some
        parts.append(flat[np.repeat(begins - heads, some) + np.arange(int(some.sum()))])
    positions = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    return _pack(terms, per_term, docs, weights, counts, positions)


def _decoded(values: list) -> tuple[np.ndarray, np.ndarray]:
    """Each Positions value's number of positions and the positions, from the encoded values."""
    counts, positions = [], []
    for lo in range(0, len(values), _BATCH):
        batch = values[lo : lo + _BATCH]
        present = [v for v in batch if v]
        gaps = iter(decode_gaps(present)) if present else iter(())
        lists = [next(gaps) if v else [] for v in batch]
        some = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        flat = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(some.sum()))
        # Gaps to positions: running sums restarted at each posting.
        totals = np.cumsum(flat)
        heads = np.cumsum(some) - some
        nonempty = some > 0
        offsets = np.zeros(len(some), dtype=np.int64)
        offsets[nonempty] = totals[heads[nonempty]] - flat[heads[nonempty]]
        counts.append(some)
        positions.append(totals - np.repeat(offsets, some))
    if not counts:
        return _EMPTY_DOCS, _EMPTY_DOCS
    return np.concatenate(counts), np.concatenate(positions)


def save_columns(storage, segment, fields) -> None:
    """Write a segment's columnar postings file from (field name, arrays) pairs (see field_columns)."""
    out = ColumnsWriter(storage, segment)
    for name, arrays in fields:
        out.add_field(name, arrays)
    out.finish()


def write_columns(storage, schema, segment) -> None:
    """Write a finished segment's columnar postings file, read back from its own posting blocks (a
    merged segment, or one written before these files existed)."""
    reader = SegmentReader(storage, schema, segment)
    try:
        save_columns(storage, segment, _read_fields(adapter.term_table(reader), schema))
    finally:
        reader.close()


def _read_fields(terms, schema):
    """(field name, arrays) of each field of a segment's term table, one field at a time."""
    current, gathered = None, None
    for (fieldname, tbytes), info in terms.items():
        if fieldname != current:
            if gathered is not None:
                yield current, _packed(*gathered)
            fmt = schema[fieldname].format if fieldname in schema else None
            current, gathered = fieldname, ([], [], [], [], [] if fmt and fmt.supports("positions") else None)
        docs, weights, values = postings_of_term(terms, info)
        names, per_term, all_docs, all_weights, all_values = gathered
        names.append(tbytes)
        per_term.append(len(docs))
        all_docs.append(docs)
        all_weights.append(weights)
        if all_values is not None:
            all_values.extend(values)
    if gathered is not None:
        yield current, _packed(*gathered)


def _packed(names, per_term, docs, weights, values) -> dict[str, np.ndarray]:
    docs = np.concatenate(docs) if docs else _EMPTY_DOCS
    weights = np.concatenate(weights) if weights else _EMPTY_WEIGHTS
    if values is None:
        return _pack(names, np.asarray(per_term, dtype=np.int64), docs, weights)
    counts, positions = _decoded(values)
    return _pack(names, np.asarray(per_term, dtype=np.int64), docs, weights, counts, positions)


def merge_columns(storage, segments, docmaps: list[np.ndarray], merged) -> bool:
    """Write a merged segment's columnar postings from those of its parts (documents renumbered by the
    docmaps, -1 for a deleted one, which is left out); False, writing nothing, when a part has none."""
    if not all(has_columns(storage, segment) for segment in segments):
        return False
    parts = [SegmentColumns(_map(storage, segment.make_filename(COLUMNS_EXT))) for segment in segments]
    out = ColumnsWriter(storage, merged)
    for name in sorted({name for part in parts for name in part.fields}):
        out.add_field(
            name, _merged_field([(part.fields.get(name), docmap) for part, docmap in zip(parts, docmaps, strict=True)])
        )
    out.finish()
    return True


def _merged_field(parts: list[tuple[_Field | None, np.ndarray]]) -> dict[str, np.ndarray]:
    """One field's arrays over several segments' fields, as Whoosh's merge orders postings: by term, then
    segment, then document; terms left without postings are dropped."""
    names = [[f.term(i) for i in range(len(f.term_starts) - 1)] if f is not None else [] for f, _ in parts]
    terms = sorted(set().union(*names))
    number = {term: i for i, term in enumerate(terms)}
    positioned = any(f is not None and f.positions is not None for f, _ in parts)
    ids, docs, weights, counts, positions = [], [], [], [], []
    for (field, docmap), part_names in zip(parts, names, strict=True):
        if field is None:
            continue
        per_term = np.diff(np.asarray(field.post_starts, dtype=np.int64))
        term_ids = np.repeat(np.fromiter(map(number.__getitem__, part_names), np.int32, len(part_names)), per_term)
        renumbered = docmap[np.asarray(field.docs, dtype=np.int64)]
        keep = renumbered >= 0
        ids.append(term_ids[keep])
        docs.append(renumbered[keep])
        weights.append(np.asarray(field.weights)[keep])
        if positioned:
            starts = np.asarray(field.pos_starts, dtype=np.int64)
            some = np.diff(starts)
            counts.append(some[keep])
            positions.append(np.asarray(field.positions)[np.repeat(keep, some)])  # its own width (uint16 mostly)
    ids_all = np.concatenate(ids) if ids else _EMPTY_DOCS
    order = _stable_argsort(ids_all)  # parts in order, documents rising within each: stable keeps that
    per_term = np.bincount(ids_all, minlength=len(terms))
    present = per_term > 0
    kept_terms = [t for t, p in zip(terms, present.tolist(), strict=True) if p]
    all_docs = np.concatenate(docs)[order] if docs else _EMPTY_DOCS
    all_weights = np.concatenate(weights)[order] if weights else _EMPTY_WEIGHTS
    if not positioned:
        return _pack(kept_terms, per_term[present], all_docs, all_weights)
    all_counts = np.concatenate(counts) if counts else _EMPTY_DOCS
    flat = np.concatenate(positions) if positions else np.zeros(0, dtype=np.uint32)
    firsts = np.cumsum(all_counts) - all_counts
    sorted_counts = all_counts[order]
    parts_out = []
    for lo in range(0, len(order), _BATCH):
        some, begins = sorted_counts[lo : lo + _BATCH], firsts[order[lo : lo + _BATCH]]
        heads = np.cumsum(some) - some
        parts_out.append(flat[np.repeat(begins - heads, some) + np.arange(int(some.sum()))])
    gathered = np.concatenate(parts_out) if parts_out else flat
    return _pack(kept_terms, per_term[present], all_docs, all_weights, sorted_counts, gathered)


def has_columns(storage, segment) -> bool:
    """Whether a segment has its columnar postings file."""
    return storage.file_exists(segment.make_filename(COLUMNS_EXT))


def add_missing(storage, schema, segments) -> int:
    """Write the columnar postings of the segments that lack them (an index built before they existed);
    return how many were written."""
    written = 0
    for segment in segments:
        if segment.doc_count_all() and not has_columns(storage, segment):
            write_columns(storage, schema, segment)
            written += 1
    return written


# ---- Reading ----------------------------------------------------------------------------------------

# Terms between two marks of a field's lookup table: 64 keeps a lookup to 6 slices of the file and the table to
# one bytes object per 64 terms.
MARK_EVERY = 64
_MAX_PROBES = 8  # occurrences of a term inside a run's other terms checked before a binary search
# Runs longer than this (bytes) are binary-searched at once: a run holding a term of megabytes (a hostile file's
# text without a space) would otherwise be copied and scanned whole by every lookup in it (2 MB a spelling probe).
LONG_RUN = 16384


@dataclass
class _Field:
    """One field's arrays, views of the file."""

    buffer: bytes | mmap.mmap  # the whole file: a term's bytes are buffer[blob + start : blob + end]
    blob: int
    term_starts: memoryview | list  # n + 1 offsets into the field's terms
    post_starts: np.ndarray
    docs: np.ndarray
    weights: np.ndarray
    pos_starts: np.ndarray | None
    positions: np.ndarray | None
    post_offsets: memoryview | list  # post_starts as Python ints on indexing (two read per term found)
    # Every MARK_EVERY-th term, read on the first lookup: a lookup bisects these in C, then one short run of terms.
    marks: list[bytes] | None = dataclass_field(default=None, repr=False)

    def term(self, number: int) -> bytes:
        """The bytes of the field's term of that number."""
        return self.buffer[self.blob + self.term_starts[number] : self.blob + self.term_starts[number + 1]]

    def find(self, tbytes: bytes) -> int:
        """The term's number in the field, or -1."""
        starts, buffer, blob = self.term_starts, self.buffer, self.blob
        count = len(starts) - 1
        marks = self.marks
        if marks is None:
            marks = self.marks = [buffer[blob + starts[i] : blob + starts[i + 1]] for i in range(0, count, MARK_EVERY)]
        block = bisect_right(marks, tbytes) - 1  # the last mark at or before the term
        if block < 0:
            return -1
        low = block * MARK_EVERY
        high = min(low + MARK_EVERY, count)
        first = starts[low]
        size = len(tbytes)
        if starts[high] - first > LONG_RUN:
            return self._bisect(tbytes, low, high)
        # The run's terms are one slice of the file: the term is where it occurs at a term's start with the
        # term's length (bytes.find and a bisect of the offsets, in C: no Python key per step).
        run = buffer[blob + first : blob + starts[high]]
        at = run.find(tbytes)
        for _ in range(_MAX_PROBES):
            if at < 0:
                return -1
            number = bisect_left(starts, first + at, low, high)
            if number < high and starts[number] == first + at and starts[number + 1] - starts[number] == size:
                return number
            at = run.find(tbytes, at + 1)
        # Many occurrences inside other terms (a one-letter term): a binary search of the run.
        return self._bisect(tbytes, low, high)

    def _bisect(self, tbytes: bytes, low: int, high: int) -> int:
        """The term's number among terms low..high - 1, or -1: a binary search comparing the term with at most its
        length and one byte more of each term (a term cut there sorts against it as the whole term does)."""
        starts, buffer, blob = self.term_starts, self.buffer, self.blob
        reach = len(tbytes) + 1
        number = low + bisect_left(
            range(low, high),
            tbytes,
            key=lambda i: buffer[blob + starts[i] : blob + min(starts[i + 1], starts[i] + reach)],
        )
        if (
            number < high
            and buffer[blob + starts[number] : blob + min(starts[number + 1], starts[number] + reach)] == tbytes
        ):
            return number
        return -1

    def frequency(self, number: int) -> int:
        """How many postings (documents, deleted ones included) the term of that number has."""
        starts = self.post_offsets
        return starts[number + 1] - starts[number]


class SegmentColumns:
    """A segment's columnar postings file, opened: postings and positions of a term without decoding."""

    def __init__(self, buffer):
        start, length, magic = _TAIL.unpack_from(buffer, len(buffer) - _TAIL.size)
        if magic != _MAGIC:
            raise ValueError(f"not a columnar postings file: {magic!r}")
        header = json.loads(bytes(buffer[start : start + length]))
        base = 0
        self._buffer = buffer
        self.fields: dict[str, _Field] = {}
        for name, entry in header["fields"].items():

            def view(key: str, entry=entry):
                if key not in entry:
                    return None
                offset, dtype, count = entry[key]
                return np.frombuffer(buffer, dtype=np.dtype(dtype), count=count, offset=base + offset)

            self.fields[name] = _Field(
                buffer=buffer,
                blob=base + entry["terms"][0],
                term_starts=_offsets(buffer, base, entry["term_starts"]),
                post_starts=view("post_starts"),
                docs=view("docs"),
                weights=view("weights"),
                pos_starts=view("pos_starts"),
                positions=view("positions"),
                post_offsets=_offsets(buffer, base, entry["post_starts"]),
            )

    @property
    def memory_mapped(self) -> bool:
        """Whether the file is read through a memory map (else it was read into memory)."""
        return isinstance(self._buffer, mmap.mmap)

    def _range(self, fieldname: str, tbytes: bytes) -> tuple[_Field, int, int] | None:
        field = self.fields.get(fieldname)
        if field is None:
            return None
        number = field.find(tbytes)
        if number < 0:
            return None
        return field, field.post_offsets[number], field.post_offsets[number + 1]

    def doc_frequency(self, fieldname: str, tbytes: bytes) -> int:
        """How many documents of the segment (deleted ones included, as Whoosh counts) hold the term."""
        field = self.fields.get(fieldname)
        if field is None:
            return 0
        number = field.find(tbytes)
        return field.frequency(number) if number >= 0 else 0

    def postings(self, fieldname: str, tbytes: bytes) -> tuple[np.ndarray, np.ndarray]:
        """Document numbers (int64, rising) and weights (float32) of one term in this segment."""
        found = self.posting_views(fieldname, tbytes)
        if found is None:
            return _EMPTY_DOCS, _EMPTY_WEIGHTS
        return found[0].astype(np.int64), found[1].astype(np.float32, copy=False)

    def posting_views(self, fieldname: str, tbytes: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        """Document numbers and weights of one term as views of the file (its own types), or None."""
        found = self._range(fieldname, tbytes)
        if found is None:
            return None
        field, start, end = found
        return field.docs[start:end], field.weights[start:end]

    def has_positions(self, fieldname: str) -> bool:
        """Whether the field's positions are in the file (None: the field has no terms here)."""
        field = self.fields.get(fieldname)
        return field is None or field.positions is not None

    def positions(self, fieldname: str, tbytes: bytes, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(documents, counts, positions) of the term in those of the wanted documents (sorted segment
        numbers) that hold it: document i has counts[i] positions, rising, in positions (flat, int64)."""
        found = self._range(fieldname, tbytes)
        if found is None or not len(wanted):
            return _EMPTY_DOCS, _EMPTY_DOCS, _EMPTY_DOCS
        field, start, end = found
        docs = field.docs[start:end]
        # Looked for in the file's own type: a search with int64 ones would convert the term's whole list.
        where = np.searchsorted(docs, wanted.astype(docs.dtype, copy=False))
        inside = where < len(docs)
        where, local = where[inside], wanted[inside]
        hit = docs[where] == local
        rows = start + where[hit]
        if not len(rows):
            return _EMPTY_DOCS, _EMPTY_DOCS, _EMPTY_DOCS
        begins = field.pos_starts[rows].astype(np.int64)
        counts = field.pos_starts[rows + 1].astype(np.int64) - begins
        total = int(counts.sum())
        heads = np.cumsum(counts) - counts
        picked = field.positions[np.repeat(begins - heads, counts) + np.arange(total)].astype(np.int64)
        return local[hit], counts, picked


def _offsets(buffer, base: int, entry: list) -> memoryview | list:
    """An array of uint64 offsets as Python ints on indexing (a binary search reads ~20 of them)."""
    offset, dtype, count = entry
    if sys.byteorder == "little" and np.dtype(dtype) == np.dtype("<u8"):
        return memoryview(buffer)[base + offset : base + offset + 8 * count].cast("Q")
    return np.frombuffer(buffer, dtype=np.dtype(dtype), count=count, offset=base + offset).astype(np.int64).tolist()


_OPEN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def columns_of(leaf) -> SegmentColumns | None:
    """The columnar postings of a segment reader's segment (opened once per reader), or None without them."""
    if leaf in _OPEN:
        return _OPEN[leaf]
    found = None
    segment = leaf.segment() if hasattr(leaf, "segment") else None
    storage = adapter.segment_storage(leaf)
    if segment is not None and storage is not None and has_columns(storage, segment):
        found = SegmentColumns(_map(storage, segment.make_filename(COLUMNS_EXT)))
    _OPEN[leaf] = found
    return found


def _map(storage, name: str):
    """The file's bytes: a read-only memory map for files on disk (pages shared and dropped by the OS)."""
    folder = adapter.file_folder(storage, name)  # a compound segment's storage is an overlay on the folder
    if folder is not None:
        with open(os.path.join(folder, name), "rb") as handle:
            if os.fstat(handle.fileno()).st_size:
                return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    with storage.open_file(name) as handle:
        return handle.read()


__all__ = [
    "COLUMNS_EXT",
    "ColumnsWriter",
    "SegmentColumns",
    "field_columns",
    "add_missing",
    "columns_of",
    "has_columns",
    "write_columns",
]
