"""Whoosh 3 posting lists read a block at a time from one read of the term's whole list.

Whoosh's own matcher seeks and reads each block's header through its file layers in many small reads
(a third of the time of a common phrase at 100,000 releases). Here the term's postings are fetched with
one read and each block's header and data are unpickled from memory; blocks whose documents lie below
the wanted range are skipped without decoding their data.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from array import array
from collections.abc import Iterator

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound

from . import adapter

_BLOCK_LENGTH = struct.Struct("!i")  # negative for the last block


def leaf_matcher(matcher):
    """The segment's own matcher under Whoosh's deleted-documents filter."""
    return matcher.child if isinstance(matcher, FilterMatcher) else matcher


def readable(matcher) -> bool:
    """Whether posting_blocks can read this matcher's postings (Whoosh 3 blocks with delta-coded ids)."""
    return isinstance(matcher, W3LeafMatcher) and adapter.delta_coded_ids(matcher)


def posting_blocks(matcher: W3LeafMatcher, first: int = 0, last: int | None = None) -> Iterator[tuple]:
    """(document ids, weights, values) of each block holding documents from first to last (segment
    numbers); ids as a sorted int64 array, weights and values as Whoosh stored them (None, a float or
    an array; a list of bytes)."""
    return _blocks(adapter.posting_list_bytes(matcher), first, last)


def term_blocks(
    leaf, fieldname: str, text, first: int = 0, last: int | None = None, wanted: np.ndarray | None = None
) -> Iterator[tuple] | None:
    """The blocks of one term's postings in a segment (as posting_blocks; nothing when the segment lacks
    the term), found with one lookup in the segment's term table: no Whoosh matcher, which reads the
    list's header through its file layers and gathers the segment's deleted documents at every call
    (deleted documents are dropped by the caller's live mask). None for another codec: use its matcher.

    wanted (sorted segment numbers): only blocks whose range of documents holds one of them are decoded."""
    terms = adapter.w3_term_table(leaf)
    if terms is None or fieldname not in leaf.schema:
        return None
    tbytes = text if isinstance(text, bytes) else leaf.schema[fieldname].to_bytes(text)
    try:
        info = terms.term_info(fieldname, tbytes)
    except TermNotFound:
        return iter(())
    if info.is_inlined():
        ids, weights, values = info.inlined_postings()
        return iter([(np.asarray(ids, dtype=np.int64), weights, values)])
    return _blocks(adapter.term_extent_bytes(terms, info), first, last, wanted)


def block_weight_array(count: int, block_weights) -> np.ndarray:
    """A posting block's weights as float32: Whoosh stores none (all 1), one for the block, or one a posting."""
    if block_weights is None:
        return np.ones(count, dtype=np.float32)
    if isinstance(block_weights, float):
        return np.full(count, block_weights, dtype=np.float32)
    return np.asarray(block_weights, dtype=np.float32)


def postings_of_term(terms, info) -> tuple[np.ndarray, np.ndarray, list]:
    """Every posting of one term of a W3 term table, from its term info: document ids (int64, rising),
    weights (float32, as Whoosh stored them) and values (a list of bytes; positions where the field has
    them), deleted documents included."""
    if info.is_inlined():
        ids, weights, values = info.inlined_postings()
        blocks = [(np.asarray(ids, dtype=np.int64), list(weights), values)]
    else:
        blocks = _blocks(adapter.term_extent_bytes(terms, info), 0, None)
    docs, weights, values = [], [], []
    for block_ids, block_weights, block_values in blocks:
        docs.append(block_ids)
        weights.append(block_weight_array(len(block_ids), block_weights))
        values.extend(block_values if block_values is not None else [None] * len(block_ids))
    if not docs:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32), []
    return np.concatenate(docs), np.concatenate(weights), values


def whoosh_postings(terms, info, fmt) -> tuple[list, list, list]:
    """Every posting of one (not inlined) term of a W3 term table, from its term info, as the lists Whoosh's own
    matcher reads block by block (adapter.term_postings): ids, weights (float32 where Whoosh makes them so) and
    values (cut to the format's fixed size, None where it has none), deleted documents included; without the
    matcher's many small reads."""
    fixed = fmt.fixed_value_size()
    ids, weights, values = [], [], []
    for block_ids, block_weights, block_values in _blocks(adapter.term_extent_bytes(terms, info), 0, None):
        count = len(block_ids)
        ids.extend(block_ids.tolist())
        if block_weights is None:
            weights.extend([1.0] * count)
        elif isinstance(block_weights, float):
            weights.extend(array("f", [block_weights]) * count)
        else:
            weights.extend(block_weights)
        if fixed is None or fixed < 0:
            values.extend(block_values)
        elif fixed == 0:
            values.extend([None] * count)
        else:
            values.extend(block_values[i : i + fixed] for i in range(0, len(block_values), fixed))
    return ids, weights, values


def _blocks(data: bytes, first: int, last: int | None, wanted=None) -> Iterator[tuple]:
    if data[:4] != WHOOSH3_HEADER_MAGIC:
        raise ValueError(f"not a Whoosh 3 posting list: {data[:4]!r}")
    stream = io.BytesIO(data)
    position = 4
    below = -1  # the last document of the block before: a block's documents lie above it
    while position < len(data):
        length = _BLOCK_LENGTH.unpack_from(data, position)[0]
        end = position + 4 + abs(length)
        stream.seek(position + 4)
        _, max_id, _, compression, _, _ = pickle.load(stream)
        if max_id >= first:
            # Decompressing and unpickling a block is most of the cost: skip blocks holding no wanted one.
            at = int(wanted.searchsorted(below + 1)) if wanted is not None else 0
            if wanted is None or (at < len(wanted) and wanted[at] <= max_id):
                raw = data[stream.tell() : end]
                ids, weights, values = pickle.loads(zlib.decompress(raw) if compression else raw)[:3]
                yield np.cumsum(np.asarray(ids, dtype=np.int64)), weights, values
            if last is not None and max_id >= last:
                return
        if length < 0:
            return
        below = max_id
        position = end


_SLOT = np.dtype([("hash", ">u4"), ("position", ">i8")])  # a hash table slot of Whoosh's hash files


class TermHashes:
    """The hashes of every key a segment's term table holds, read once from its hash tables: a term
    whose hash is not among them is not in the segment, known without a read (spelling suggestions look
    up hundreds of made-up words). 4 bytes per term of the segment."""

    def __init__(self, terms):
        tables, read, self._hash_of = adapter.term_hash_tables(terms)
        used = [(start, count) for start, count in tables if count]
        hashes = np.zeros(0, np.uint32)
        if used:
            first = min(start for start, _ in used)
            last = max(start + count * _SLOT.itemsize for start, count in used)
            slots = np.frombuffer(read(first, last - first), dtype=_SLOT)
            if sum(count for _, count in used) * _SLOT.itemsize != last - first:  # tables not back to back
                slots = np.concatenate([slots[(s - first) // _SLOT.itemsize :][:n] for s, n in used])
            hashes = np.sort(slots["hash"][slots["position"] != 0].astype(np.uint32))
        self.hashes = hashes

    def may_hold(self, fieldname: str, tbytes: bytes) -> bool:
        """False when the segment certainly lacks the term; True when it may hold it."""
        value = np.uint32(self._hash_of(fieldname, tbytes))  # of the array's type: no conversion
        at = int(self.hashes.searchsorted(value))
        return at < len(self.hashes) and self.hashes[at] == value


def term_hashes(leaf) -> TermHashes | None:
    """A segment's TermHashes, or None for another codec."""
    terms = adapter.w3_term_table(leaf)
    return TermHashes(terms) if terms is not None else None


def term_hashes_within(leaves, budget: int, wanted: list[bool]) -> list:
    """The term hashes of the wanted segments, in order, while they fit in budget bytes (None for the rest:
    their terms are looked up on disk)."""
    found: list = [None] * len(leaves)
    for number, (leaf, _) in enumerate(leaves):
        if budget <= 0:
            break
        if not wanted[number]:
            continue
        hashes = term_hashes(leaf)
        if hashes is not None and hashes.hashes.nbytes <= budget:
            found[number] = hashes
            budget -= hashes.hashes.nbytes
    return found
