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
from bisect import bisect_left
from dataclasses import dataclass
from itertools import chain

import numpy as np
from whoosh.reading import SegmentReader

from . import adapter
from .positions import decode_gaps
from .postings import postings_of_term

COLUMNS_EXT = ".columns"
_MAGIC = b"RSCOLS1\0"
_HEAD = struct.Struct("<8sQ")  # magic, length of the JSON header that follows
_ALIGN = 8
_DECODE_BATCH = 200_000  # positions values unpickled together (bounded memory while writing)
_EMPTY_DOCS = np.zeros(0, dtype=np.int64)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float32)


# ---- Writing ----------------------------------------------------------------------------------------


class _FieldArrays:
    """One field's postings gathered term by term, positions decoded in batches."""

    def __init__(self, positioned: bool):
        self.positioned = positioned
        self.terms: list[bytes] = []
        self.counts: list[int] = []
        self.docs: list[np.ndarray] = []
        self.weights: list[np.ndarray] = []
        self.position_counts: list[np.ndarray] = []
        self.positions: list[np.ndarray] = []
        self._pending: list = []

    def add(self, tbytes: bytes, docs: np.ndarray, weights: np.ndarray, values) -> None:
        self.terms.append(tbytes)
        self.counts.append(len(docs))
        self.docs.append(docs.astype(np.uint32))
        self.weights.append(weights)
        if self.positioned:
            self._pending.extend(values)
            if len(self._pending) >= _DECODE_BATCH:
                self._decode()

    def _decode(self) -> None:
        if not self._pending:
            return
        present = [v for v in self._pending if v]
        gaps = iter(decode_gaps(present)) if present else iter(())
        lists = [next(gaps) if v else [] for v in self._pending]
        counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        flat = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum()))
        # Gaps to positions: running sums restarted at each posting.
        totals = np.cumsum(flat)
        starts = np.cumsum(counts) - counts
        nonempty = counts > 0
        offsets = np.zeros(len(counts), dtype=np.int64)
        offsets[nonempty] = totals[starts[nonempty]] - flat[starts[nonempty]]
        self.positions.append(totals - np.repeat(offsets, counts))
        self.position_counts.append(counts)
        self._pending = []

    def arrays(self) -> dict[str, np.ndarray]:
        self._decode()
        encoded = [t for t in self.terms]
        term_starts = np.zeros(len(encoded) + 1, dtype=np.uint64)
        term_starts[1:] = np.cumsum([len(t) for t in encoded])
        post_starts = np.zeros(len(self.counts) + 1, dtype=np.uint64)
        post_starts[1:] = np.cumsum(self.counts)
        out = {
            "terms": np.frombuffer(b"".join(encoded), dtype=np.uint8),
            "term_starts": term_starts,
            "post_starts": post_starts,
            "docs": _joined(self.docs, np.uint32),
            "weights": _joined(self.weights, np.float32),
        }
        if self.positioned:
            counts = _joined(self.position_counts, np.int64)
            positions = _joined(self.positions, np.int64)
            wide = len(positions) and int(positions.max()) >= 2**16
            pos_starts = np.zeros(len(counts) + 1, dtype=np.uint64)
            pos_starts[1:] = np.cumsum(counts)
            out["pos_starts"] = pos_starts.astype(np.uint32 if len(positions) < 2**32 else np.uint64)
            out["positions"] = positions.astype(np.uint32 if wide else np.uint16)
        return out


def _joined(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)


def write_columns(storage, schema, segment) -> None:
    """Write a finished segment's columnar postings file (read back from its own posting blocks)."""
    reader = SegmentReader(storage, schema, segment)
    try:
        terms = adapter.term_table(reader)
        fields: dict[str, _FieldArrays] = {}
        for (fieldname, tbytes), info in terms.items():
            arrays = fields.get(fieldname)
            if arrays is None:
                fmt = schema[fieldname].format if fieldname in schema else None
                arrays = fields[fieldname] = _FieldArrays(bool(fmt) and fmt.supports("positions"))
            docs, weights, values = postings_of_term(terms, info)
            arrays.add(tbytes, docs, weights, values)
    finally:
        reader.close()
    _save(storage, segment, {name: arrays.arrays() for name, arrays in fields.items()})


def _save(storage, segment, fields: dict[str, dict[str, np.ndarray]]) -> None:
    header: dict = {"fields": {}}
    layout: list[np.ndarray] = []
    offset = 0
    for name, arrays in fields.items():
        entry = header["fields"][name] = {}
        for key, array in arrays.items():
            array = np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<"))
            entry[key] = [offset, array.dtype.str, len(array)]
            layout.append(array)
            offset += -(-array.nbytes // _ALIGN) * _ALIGN
    head = json.dumps(header).encode("utf-8")
    head += b" " * (-(len(head) + _HEAD.size) % _ALIGN)
    with segment.create_file(storage, COLUMNS_EXT) as handle:
        handle.write(_HEAD.pack(_MAGIC, len(head)) + head)
        for array in layout:
            data = array.tobytes()
            handle.write(data + b"\0" * (-len(data) % _ALIGN))


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

    def find(self, tbytes: bytes) -> int:
        """The term's number in the field, or -1."""
        starts, buffer, blob = self.term_starts, self.buffer, self.blob
        count = len(starts) - 1
        at = bisect_left(range(count), tbytes, key=lambda i: buffer[blob + starts[i] : blob + starts[i + 1]])
        if at < count and buffer[blob + starts[at] : blob + starts[at + 1]] == tbytes:
            return at
        return -1


class SegmentColumns:
    """A segment's columnar postings file, opened: postings and positions of a term without decoding."""

    def __init__(self, buffer):
        magic, length = _HEAD.unpack_from(buffer, 0)
        if magic != _MAGIC:
            raise ValueError(f"not a columnar postings file: {magic!r}")
        header = json.loads(bytes(buffer[_HEAD.size : _HEAD.size + length]))
        base = _HEAD.size + length
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
            )

    def _range(self, fieldname: str, tbytes: bytes) -> tuple[_Field, int, int] | None:
        field = self.fields.get(fieldname)
        if field is None:
            return None
        number = field.find(tbytes)
        if number < 0:
            return None
        return field, int(field.post_starts[number]), int(field.post_starts[number + 1])

    def postings(self, fieldname: str, tbytes: bytes) -> tuple[np.ndarray, np.ndarray]:
        """Document numbers (int64, rising) and weights (float32) of one term in this segment."""
        found = self._range(fieldname, tbytes)
        if found is None:
            return _EMPTY_DOCS, _EMPTY_WEIGHTS
        field, start, end = found
        return field.docs[start:end].astype(np.int64), field.weights[start:end].astype(np.float32, copy=False)

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
        where = np.searchsorted(docs, wanted)
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
    folder = getattr(storage, "folder", None)
    if folder is not None and os.path.isfile(os.path.join(folder, name)):
        with open(os.path.join(folder, name), "rb") as handle:
            if os.fstat(handle.fileno()).st_size:
                return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    with storage.open_file(name) as handle:
        return handle.read()


__all__ = ["COLUMNS_EXT", "SegmentColumns", "add_missing", "columns_of", "has_columns", "write_columns"]
