"""Whoosh 3 posting blocks and term tables written in bulk: positions encoded, blocks pickled and compressed,
term infos and hash tables laid out with numpy, byte for byte as Whoosh's own writer would (see
whoosh_writer for the builder that inverts documents and calls write_postings once per field)."""

from __future__ import annotations

import operator
import struct
from array import array
from dataclasses import dataclass
from itertools import chain
from pickle import dumps
from typing import TYPE_CHECKING

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3PostingsWriter, W3TermInfo
from whoosh.filedb.filetables import _lengths as _KEY_VALUE_LENGTHS
from whoosh.filedb.filetables import md5_hash
from whoosh.formats import Positions
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import _length_byte_cache, length_to_byte

from . import deflate

try:  # CPython's own MD5: 2x faster than hashlib's (OpenSSL's) on keys this short, the same digests
    from _md5 import md5
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import md5

if TYPE_CHECKING:
    from .writer import _FieldPostings

# Posting blocks smaller than this (pickled) are stored uncompressed: deflate would not shrink them.
COMPRESS_FROM = 256
_TERMINFO = W3TermInfo._struct
# Whoosh pickles posting blocks with protocol 2, where every bytes value (a posting's positions) becomes a
# call to _codecs.encode; its reader takes any protocol, and protocol 5 stores bytes as they are: blocks
# pickle and unpickle about 9x faster and are half the size.
BLOCK_PICKLE = 5

# Encoded positions of a term seen once, at each position below this: the commonest posting value.
_SINGLES = 4096
_SINGLE_VALUES = [Positions().encode([pos]) for pos in range(_SINGLES)]
# Pickle's protocol 2 writes a list of more than this many items in several batches: not modelled.
_PICKLE_BATCH = 1000
_OP_K, _OP_M, _OP_J = b"KMJ"
# A pickled int's opcode by the size of its code (opcode and bytes): BININT1, BININT2, BININT.
_INT_OPS = np.zeros(6, dtype=np.uint8)
_INT_OPS[[2, 3, 5]] = (_OP_K, _OP_M, _OP_J)


def _code_sizes(numbers: np.ndarray) -> np.ndarray:
    """The size of each number's pickle code, as uint8 (numpy's where() with three ints is 4x slower): 2
    below 256 (negatives too: odd numbers are pickled apart), 3 below 65536, else 5."""
    wide = (numbers >= 256).view(np.uint8)
    return wide + (numbers >= 65536).view(np.uint8) * np.uint8(2) + np.uint8(2)


def _byte_columns(numbers: np.ndarray, layout: str) -> np.ndarray:
    """The bytes of each number laid out as layout (e.g. ">u4"), as rows of uint8: row k is byte k."""
    return numbers.astype(layout).view(np.uint8).reshape(-1, np.dtype(layout).itemsize).T


def _write_ints(out: np.ndarray, at: np.ndarray, numbers: np.ndarray, code_sizes: np.ndarray) -> None:
    """Write the pickle code of each number (its opcode, then as many little-endian bytes as it takes) at
    the given offsets; code_sizes as _code_sizes gives them. Most take one byte: the others are redone."""
    out[at] = _OP_K
    out[at + 1] = numbers.astype(np.uint8)  # the low byte (odd numbers wrap: pickled apart anyway)
    wide = np.flatnonzero(code_sizes > 2)
    if len(wide):
        wide_at, wide_sizes = at[wide], code_sizes[wide]
        out[wide_at] = _INT_OPS.take(wide_sizes)
        wide_bytes = _byte_columns(numbers[wide], "<u4")
        out[wide_at + 2] = wide_bytes[1]
        widest = np.flatnonzero(wide_sizes == 5)
        for k in (2, 3):
            out[wide_at[widest] + k + 1] = wide_bytes[k][widest]


def _write_unsigned(out: np.ndarray, at: np.ndarray, numbers: np.ndarray, layout: str) -> None:
    """Write non-negative numbers laid out as layout (">u4", "<u4") at the given offsets of out, which
    holds zeros there: numbers below 256 (most) only need their low byte written."""
    size = np.dtype(layout).itemsize
    out[at + (size - 1 if layout[0] == ">" else 0)] = numbers.astype(np.uint8)
    big = np.flatnonzero(numbers > 255)
    if len(big):
        for k, column in enumerate(_byte_columns(numbers[big], layout)):
            out[at[big] + k] = column


@dataclass
class _PositionCodes:
    """Postings' positions as Positions().encode lays them out: per posting its count, where its gaps start
    (heads) and whether it has several; per position its gap, the size of its pickle code and where that
    starts among all codes; per posting the size of its encoded value."""

    counts: np.ndarray
    gaps: np.ndarray
    code_sizes: np.ndarray
    code_starts: np.ndarray
    heads: np.ndarray
    multi: np.ndarray
    sizes: np.ndarray

    @classmethod
    def of(cls, counts: np.ndarray, firsts: np.ndarray, positions: np.ndarray) -> _PositionCodes:
        """The codes of postings whose posting i has counts[i] positions from firsts[i]."""
        counts = counts.astype(np.int64)
        heads = np.cumsum(counts) - counts  # where each posting's positions start in `gaps`
        # Position j of the output is positions[j - heads[i] + firsts[i]] for its posting i.
        total = int(heads[-1] + counts[-1]) if len(counts) else 0
        found = positions.take(np.repeat(firsts - heads, counts) + np.arange(total))
        gaps = found.astype(np.int64)
        gaps[1:] -= found[:-1]
        gaps[heads] = found[heads]
        code_sizes = _code_sizes(gaps)
        multi = counts > 1
        # count (4) + PROTO 2, EMPTY_LIST, BINPUT 0 (5) + MARK if several + codes + APPEND(S) + STOP
        code_ends = np.cumsum(code_sizes, dtype=np.int64)
        code_starts = code_ends - code_sizes
        codes_size = code_ends[heads + counts - 1] - code_starts[heads]  # a posting's codes, end to end
        sizes = 9 + multi + codes_size + 2
        return cls(counts, gaps, code_sizes, code_starts, heads, multi, sizes)

    def pickled(self) -> np.ndarray:
        """Postings whose encoding Positions().encode pickles otherwise (batched long lists, odd gaps)."""
        batched = self.counts > _PICKLE_BATCH
        gaps = self.gaps
        if len(gaps) and (gaps.min() < 0 or gaps.max() >= 2**31):  # rare: only then find their postings
            batched |= np.add.reduceat((gaps < 0) | (gaps >= 2**31), self.heads) > 0
        return np.flatnonzero(batched)

    def write(self, out: np.ndarray, begins: np.ndarray) -> None:
        """Write each posting's encoded value into out from begins[i], where out holds zeros (not for
        pickled() postings). Bytes are assigned as uint8: numpy casts others element by element, 3x slower."""
        counts, gaps, code_sizes, code_starts = self.counts, self.gaps, self.code_sizes, self.code_starts
        heads, multi = self.heads, self.multi
        ends = begins + self.sizes
        _write_unsigned(out, begins, counts, ">u4")
        for k, byte in enumerate(b"\x80\x02]q", start=4):  # then BINPUT's 0, already there
            out[begins + k] = byte
        several = np.flatnonzero(multi)
        out[begins[several] + 9] = ord("(")
        at = np.repeat(begins + 9 + multi - code_starts[heads], counts) + code_starts
        _write_ints(out, at, gaps, code_sizes)
        out[ends - 2] = ord("a")  # APPEND, or APPENDS after a MARK
        out[ends[several] - 2] = ord("e")
        out[ends - 1] = ord(".")


def encode_positions(counts: np.ndarray, firsts: np.ndarray, positions: np.ndarray) -> list[bytes]:
    """Positions().encode of many postings at once: posting i has counts[i] positions from firsts[i].

    Whoosh encodes a posting's positions as a 32-bit count and the protocol 2 pickle of the list of gaps
    between them; this writes those same bytes for every posting with numpy. A single position below
    _SINGLES gives the cached value (the same object every time, as pickling blocks expects).
    """
    if not len(counts):
        return []
    codes = _PositionCodes.of(counts, firsts, positions)
    ends = np.cumsum(codes.sizes)
    begins = ends - codes.sizes
    out = np.zeros(int(ends[-1]), dtype=np.uint8)
    codes.write(out, begins)
    data = out.tobytes()
    singles = _SINGLE_VALUES
    first_positions = codes.gaps[codes.heads]
    cached = (codes.counts == 1) & (first_positions < _SINGLES)
    values = [
        singles[p] if c else data[a:b]
        for c, p, a, b in zip(cached.tolist(), first_positions.tolist(), begins.tolist(), ends.tolist(), strict=True)
    ]
    pickled = codes.pickled()
    if len(pickled):
        encode = Positions().encode
        positions_of = np.cumsum(codes.gaps)  # back from gaps to positions, posting by posting below
        for n in pickled.tolist():
            head = codes.heads[n]
            found = positions_of[head : head + codes.counts[n]] - positions_of[head] + codes.gaps[head]
            values[n] = encode(found.tolist())
    return values


class _BulkPostingsWriter(W3PostingsWriter):
    """Whoosh's postings writer, fed a whole posting list at once instead of one posting per call.

    Blocks are written in Whoosh's format; small blocks are left uncompressed (the reader checks each
    block's flag), which saves a zlib call per rare term and makes no bigger files.
    """

    def write_list(self, docs: list[int], weights: list[float], values: list[bytes], lengths: array | None) -> None:
        limit = self._blocklimit
        total = len(docs)
        for start in range(0, total, limit):
            end = min(start + limit, total)
            self._ids = array("I", docs[start:end])
            self._weights = array("f", weights[start:end])
            self._values = [v for v in values[start:end] if v] if values else []
            self._maxweight = max(0, max(weights[start:end]))
            if lengths is not None:
                lens = [n for n in map(lengths.__getitem__, self._ids) if n]
                self._minlength = min(lens) if lens else None
                self._maxlength = max(lens) if lens else 0
            if end < total:
                self._write_block()
        # finish_postings() writes the last block and returns the term info.

    def _write_block(self, last=False):
        postfile = self._postfile
        if not self._blockcount:
            postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = self._ids
        deltas = tuple(map(operator.sub, ids, chain((0,), ids)))
        databytes = dumps((deltas, self._mini_weights(), self._mini_values()), BLOCK_PICKLE)
        comp = self._compression if len(databytes) >= COMPRESS_FROM else 0
        if comp:
            databytes = deflate.compress(databytes, comp)
        infobytes = dumps(
            (
                len(ids),
                ids[-1],
                self._maxweight,
                comp,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            2,
        )
        blocklength = len(infobytes) + len(databytes)
        postfile.write_int(-blocklength if last else blocklength)
        postfile.write(infobytes)
        postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


def write_field(fieldwriter, codec, fieldname: str, field, terms, lengths: array | None) -> None:
    """Write one field's posting lists through Whoosh's field writer; terms yields (term bytes, documents,
    weights, values) in term order, documents ascending."""
    fieldwriter.start_field(fieldname, field)
    limit = codec._blocklimit
    writer = fieldwriter._postwriter = _BulkPostingsWriter(
        fieldwriter._postfile, blocklimit=limit, compression=codec._compression, inlinelimit=codec._inlinelimit
    )
    key_prefix = pack_ushort(fieldwriter._fieldid)
    fixed_size = field.format.fixed_value_size()
    add_key = fieldwriter._tindex.add
    postfile = fieldwriter._postfile
    for term, docs, weights, values in terms:
        if not docs:
            continue
        if len(docs) <= limit:
            # Most terms fit one block: write it and its term info directly (what the calls below do).
            add_key(key_prefix + term, _write_one_block(postfile, docs, weights, values, lengths, fixed_size, codec))
            continue
        fieldwriter.start_term(term)
        writer.write_list(docs, weights, values, lengths)
        fieldwriter.finish_term()
    fieldwriter.finish_field()


def _write_one_block(postfile, ids, weights, values, lengths: array | None, fixed_size, codec) -> bytes:
    """Write a posting list that fits one block; return its term info bytes (W3TermInfo.to_bytes)."""
    start = postfile.tell()
    postfile.write(WHOOSH3_HEADER_MAGIC)
    floats = array("f", weights)
    max_weight = max(0, max(weights))
    if lengths is not None:
        lens = [n for n in map(lengths.__getitem__, ids) if n]
        min_length, max_length = (min(lens), max(lens)) if lens else (None, 0)
    else:
        min_length, max_length = None, 0
    first = floats[0]
    if first == 1.0 and floats.count(1.0) == len(floats):
        mini_weights = None
    elif floats.count(first) == len(floats):
        mini_weights = first
    else:
        mini_weights = tuple(floats)
    if fixed_size is None or fixed_size < 0:
        mini_values = tuple(v for v in values if v)
    elif fixed_size == 0:
        mini_values = None
    else:
        mini_values = b"".join(values)
    deltas = tuple(map(operator.sub, ids, chain((0,), ids))) if len(ids) > 1 else (ids[0],)
    databytes = dumps((deltas, mini_weights, mini_values), BLOCK_PICKLE)
    comp = codec._compression if len(databytes) >= COMPRESS_FROM else 0
    if comp:
        databytes = deflate.compress(databytes, comp)
    count = len(ids)
    infobytes = dumps((count, ids[-1], max_weight, comp, length_to_byte(min_length), length_to_byte(max_length)), 2)
    postfile.write_int(-(len(infobytes) + len(databytes)))
    postfile.write(infobytes)
    postfile.write(databytes)
    extent = postfile.tell() - start
    return (
        _TERMINFO.pack(
            False,
            sum(floats),
            count,
            0 if min_length is None else length_to_byte(min_length),
            length_to_byte(max_length),
            max_weight,
            ids[0],
            ids[-1],
        )
        + pack_long(start)
        + pack_int(extent)
    )


# Term info (W3TermInfo.to_bytes) followed by the postings' offset and extent (pack_long, pack_int).
_TERMINFO_EXTENT = struct.Struct(_TERMINFO.format + "qi")
_LENGTH_BYTES = np.asarray(_length_byte_cache, dtype=np.int64)
_NONE = np.iinfo(np.int64).max
# Posting lists converted to Python objects at a time when a segment's field is written (bounds memory).
WRITE_CHUNK = 65536


def _length_bytes(lengths: np.ndarray) -> np.ndarray:
    """length_to_byte for many lengths at once."""
    return np.minimum(np.searchsorted(_LENGTH_BYTES, lengths, side="left"), 255)


def _stable_argsort(keys: np.ndarray) -> np.ndarray:
    """np.argsort(keys, kind="stable") for keys from 0 below 2**48: numpy sorts 16-bit keys by radix (about
    6x faster than its stable sort of 64-bit ones); wider keys take one such pass per 16 bits, least
    significant first, each stable (an LSD radix sort)."""
    top = int(keys.max()) if len(keys) else -1
    if top < 0 or top >= 1 << 48 or int(keys.min()) < 0:
        return np.argsort(keys, kind="stable")
    order = np.argsort((keys & 0xFFFF).astype(np.uint16), kind="stable")
    for shift in range(16, top.bit_length(), 16):
        order = order[np.argsort(((keys[order] >> shift) & 0xFFFF).astype(np.uint16), kind="stable")]
    return order


def write_postings(fieldwriter, codec, fieldname: str, field, postings: _FieldPostings, lengths: array | None) -> None:
    """write_field for a segment's postings, with the statistics of every block computed at once by numpy.

    Writes what write_field writes: the same blocks, term infos and term index records.
    """
    count = len(postings.tids)
    if not count:
        return
    rank, sorted_terms = postings.vocabulary.ranked()
    keys = rank[np.frombuffer(postings.tids, dtype=np.int32)]
    perm = _stable_argsort(keys)  # stable: each term's documents stay in order
    sorted_keys = keys[perm]
    starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
    ends = np.append(starts[1:], count)
    # Blocks of at most `limit` postings: each term's list cut from its start.
    limit = codec._blocklimit
    blocks_per_term = (ends - starts + limit - 1) // limit
    first_block = np.concatenate(([0], np.cumsum(blocks_per_term)[:-1]))
    block_starts = np.repeat(starts, blocks_per_term) + limit * (
        np.arange(int(blocks_per_term.sum())) - np.repeat(first_block, blocks_per_term)
    )
    docs = np.frombuffer(postings.docs, dtype=np.int32)[perm].astype(np.int64)
    weights = np.frombuffer(postings.weights, dtype=np.float64)[perm]
    floats = weights.astype(np.float32)  # what Whoosh stores (array "f")
    deltas = np.empty_like(docs)  # each block's document numbers as gaps, the first one whole
    deltas[1:] = docs[1:] - docs[:-1]
    deltas[block_starts] = docs[block_starts]
    low, high = np.minimum.reduceat(floats, block_starts), np.maximum.reduceat(floats, block_starts)
    weight_sums, exact = _weight_sums(floats, block_starts)
    if lengths is not None:
        doc_lengths = np.frombuffer(lengths, dtype=np.uint32)[docs].astype(np.int64)
        min_length = np.minimum.reduceat(np.where(doc_lengths > 0, doc_lengths, _NONE), block_starts)
        has_min = min_length != _NONE
        min_byte = np.where(has_min, _length_bytes(np.where(has_min, min_length, 0)), 0)
        max_byte = _length_bytes(np.maximum.reduceat(doc_lengths, block_starts))
    else:
        has_min = np.zeros(len(block_starts), dtype=bool)
        min_byte = max_byte = np.zeros(len(block_starts), dtype=np.int64)
    block_columns = (
        block_starts,
        np.append(block_starts[1:], count),
        np.maximum.reduceat(weights, block_starts),
        low == high,
        (low == high) & (low == 1.0),
        weight_sums,
        exact,
        has_min,
        min_byte,
        max_byte,
    )

    positions = None
    if len(postings.counts):
        counts = np.frombuffer(postings.counts, dtype=np.int32)
        firsts = np.cumsum(counts, dtype=np.int64) - counts
        positions = np.frombuffer(postings.positions, dtype=np.int32)

    fieldwriter.start_field(fieldname, field)
    compression = codec._compression
    fixed_size = field.format.fixed_value_size()
    key_prefix = pack_ushort(fieldwriter._fieldid)
    tindex = fieldwriter._tindex
    hashfn, buckets, index_append = tindex.hashfn, tindex.buckets, tindex.index.append
    bulk_entries = getattr(tindex, "bulk_entries", None)  # see _write_hash_tables
    if hashfn is md5_hash:
        hashfn = _md5_hash
    pack_lengths = _KEY_VALUE_LENGTHS.pack
    post_write, trm_write = fieldwriter._postfile.file.write, tindex.dbfile.file.write
    post_pos, trm_pos = fieldwriter._postfile.tell(), tindex.dbfile.tell()
    starts_l, ends_l = starts.tolist(), ends.tolist()
    term_ranks = sorted_keys[starts].tolist()
    first_block_l, blocks_per_term_l = first_block.tolist(), blocks_per_term.tolist()
    first = 0
    key = b""
    while first < len(starts_l):
        # Python objects for a chunk of postings at a time (bounded memory).
        last = max(first + 1, int(np.searchsorted(starts, starts_l[first] + WRITE_CHUNK, side="left")))
        lo, hi = starts_l[first], ends_l[last - 1]
        b_lo = first_block_l[first]
        b_hi = first_block_l[last - 1] + blocks_per_term_l[last - 1]
        post_parts: list[bytes] = []
        trm_parts: list[bytes] = []
        raw = None
        if limit < 256 and (fixed_size == 0 or (positions is not None and (fixed_size is None or fixed_size < 0))):
            codes = None
            if positions is not None:
                chosen = perm[lo:hi]
                codes = _PositionCodes.of(counts[chosen], firsts[chosen], positions)
            if codes is None or not len(codes.pickled()):
                starts_b, ends_b = block_columns[0][b_lo:b_hi] - lo, block_columns[1][b_lo:b_hi] - lo
                raw = _raw_blocks(
                    deltas[lo:hi], floats[lo:hi], block_columns[3][b_lo:b_hi], block_columns[4][b_lo:b_hi],
                    starts_b, ends_b, codes,
                )  # fmt: skip
        records = None
        if raw is None:
            doc_list = docs[lo:hi].tolist()
            blocks = list(zip(*(column[b_lo:b_hi].tolist() for column in block_columns), strict=True))
            value_list = postings.values_of(perm[lo:hi])
            chunk = (
                lo,
                doc_list,
                deltas[lo:hi].tolist(),
                floats[lo:hi].tolist(),
                value_list,
                (fixed_size is None or fixed_size < 0) and not all(value_list),
            )

            def block_bytes(b: int, last: bool, chunk=chunk, blocks=blocks) -> bytes:
                return _block_bytes(blocks[b], last, chunk, fixed_size, compression)
        else:
            term_blocks = first_block[first:last] - b_lo
            records, term_sizes = _block_records(
                raw,
                term_blocks,
                block_columns[1][b_lo:b_hi] - block_columns[0][b_lo:b_hi],
                docs[block_columns[1][b_lo:b_hi] - 1],
                *(column[b_lo:b_hi] for column in block_columns[2:]),
                compression,
            )

        if records is not None:
            # Term infos of the chunk at once; then only the term index records are made term by term.
            infos = _term_infos(
                [column[b_lo:b_hi] for column in block_columns],
                term_blocks,
                ends[first:last] - starts[first:last],
                docs[starts[first:last]],
                docs[ends[first:last] - 1],
                term_sizes,
                post_pos,
            )
            _fix_term_infos(
                infos,
                [column[b_lo:b_hi] for column in block_columns],
                term_blocks,
                blocks_per_term[first:last],
                floats,
            )
            keys = [key_prefix + sorted_terms[rank] for rank in term_ranks[first:last]]
            records_at = _term_records(keys, infos, trm_pos, trm_parts)
            _extend_index(tindex.index, records_at.tolist())
            if hashfn is _md5_hash:
                hashes = _md5_hashes(keys)
            else:
                hashes = np.fromiter(map(hashfn, keys), dtype=np.int64, count=len(keys))
            if bulk_entries is not None:  # kept as arrays until _write_hash_tables (no tuple per key)
                bulk_entries.append((hashes, records_at))
            else:
                _add_to_buckets(buckets, hashes.tolist(), records_at.tolist())
            key = keys[-1]
            trm_pos += len(trm_parts[0])
            post_pos += len(records)
            post_write(records)
            trm_write(b"".join(trm_parts))
            first = last
            continue
        for n in range(first, last):
            b_first = first_block_l[n] - b_lo
            final = b_first + blocks_per_term_l[n] - 1
            if final == b_first:
                block = blocks[b_first]
                _, _, top, _, _, weight_sum, is_exact, has_length, min_b, max_b = block
                if not is_exact:
                    weight_sum = sum(floats[block[0] : block[1]].tolist())
                term_top = top if top > 0 else 0
                term_min = min_b if has_length else None
                term_max = max_b
            else:
                # The term info, as W3TermInfo.add_block sums it up block by block.
                weight_sum, term_top, term_min, term_max = 0, 0, None, 0
                for b in range(b_first, final + 1):
                    block = blocks[b]
                    _, _, top, _, _, block_sum, is_exact, has_length, min_b, max_b = block
                    weight_sum += block_sum if is_exact else sum(floats[block[0] : block[1]].tolist())
                    term_top = max(term_top, top if top > 0 else 0)
                    if has_length:
                        term_min = min_b if term_min is None else min(term_min, min_b)
                    term_max = max(term_max, max_b)
            data = b"".join([WHOOSH3_HEADER_MAGIC, *(block_bytes(b, b == final) for b in range(b_first, final + 1))])
            post_parts.append(data)
            size = len(data)
            a, z = starts_l[n] - lo, ends_l[n] - lo
            value = _TERMINFO_EXTENT.pack(
                False,
                weight_sum,
                z - a,
                0 if term_min is None else term_min,
                term_max,
                term_top,
                doc_list[a],
                doc_list[z - 1],
                post_pos,
                size,
            )
            post_pos += size
            # OrderedHashWriter.add, for keys known to come in order.
            key = key_prefix + sorted_terms[term_ranks[n]]
            index_append(trm_pos)
            record = pack_lengths(len(key), len(value)) + key + value
            trm_parts.append(record)
            hashed = hashfn(key)
            buckets[hashed & 255].append((hashed, trm_pos))
            trm_pos += len(record)
        post_write(b"".join(post_parts))
        trm_write(b"".join(trm_parts))
        first = last
    if key:
        tindex.lastkey = key
    fieldwriter.finish_field()


def _block_bytes(block: tuple, last: bool, chunk: tuple, fixed_size: int | None, compression: int) -> bytes:
    """One block of a posting list as _BulkPostingsWriter._write_block writes it (length, info, data)."""
    lo, doc_list, delta_list, float_list, value_list, filter_empty = chunk
    start, end, _, same, all_one, *_ = block
    a, z = start - lo, end - lo
    if all_one:
        mini_weights = None
    elif same:
        mini_weights = float_list[a]
    else:
        mini_weights = tuple(float_list[a:z])
    if fixed_size is None or fixed_size < 0:
        mini_values = tuple(v for v in value_list[a:z] if v) if filter_empty else tuple(value_list[a:z])
    elif fixed_size == 0:
        mini_values = None
    else:
        mini_values = b"".join(value_list[a:z])
    databytes = dumps((tuple(delta_list[a:z]), mini_weights, mini_values), BLOCK_PICKLE)
    return _block_record(databytes, block, last, doc_list[z - 1], compression)


def _block_record(databytes: bytes, block: tuple, last: bool, last_doc: int, compression: int) -> bytes:
    """A block's length, info and data (compressed when big enough) as Whoosh writes them."""
    start, end, top, _, _, _, _, _, min_b, max_b = block
    comp = compression if len(databytes) >= COMPRESS_FROM else 0
    if comp:
        databytes = deflate.compress(databytes, comp)
    # max(0, max(weights)): the int 0 when no weight is positive
    infobytes = dumps((end - start, last_doc, top if top > 0 else 0, comp, min_b, max_b), 2)
    size = len(infobytes) + len(databytes)
    return b"".join((pack_int(-size if last else size), infobytes, databytes))


_OP = {name: code for name, code in zip(("PROTO", "MARK", "TUPLE", "NONE", "BINFLOAT", "SHORT_BINBYTES",
    "BINBYTES", "TUPLE3", "STOP"), b"\x80(tNGCB\x87.", strict=True)}  # fmt: skip


def _raw_blocks(
    deltas: np.ndarray,
    floats: np.ndarray,
    same: np.ndarray,
    all_one: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    codes: _PositionCodes | None,
) -> tuple[bytes, np.ndarray, np.ndarray]:
    """The data of many blocks at once, pickled with numpy: (document gaps, weights, values) as
    _block_bytes pickles them, in pickle codes loads() reads alike (protocol 5 codes, no memo).

    Block b holds postings starts[b]:ends[b]; same/all_one say its weights are all equal / all 1; codes
    are the postings' positions (None: a field without values). Returns the bytes and each block's span.
    """
    lens = ends - starts
    block_of = np.repeat(np.arange(len(starts)), lens)
    int_sizes = _code_sizes(deltas)
    int_ends = np.cumsum(int_sizes, dtype=np.int64)
    int_firsts = int_ends - int_sizes
    int_sums = int_ends[ends - 1] - int_firsts[starts]
    weight_sizes = np.where(all_one, 1, np.where(same, 9, 2 + 9 * lens))
    if codes is not None:
        item_sizes = codes.sizes + np.where(codes.sizes < 256, 2, 5)
        item_firsts = np.cumsum(item_sizes) - item_sizes
        value_sizes = 2 + np.add.reduceat(item_sizes, starts)
    else:
        value_sizes = np.ones(len(starts), dtype=np.int64)
    # PROTO 5, MARK, the gaps, TUPLE, weights, values, TUPLE3, STOP
    sizes = 3 + int_sums + 1 + weight_sizes + value_sizes + 2
    block_ends = np.cumsum(sizes)
    begins = block_ends - sizes
    out = np.zeros(int(block_ends[-1]), dtype=np.uint8)
    out[begins] = _OP["PROTO"]
    out[begins + 1] = 5
    out[begins + 2] = _OP["MARK"]
    _write_ints(out, (begins + 3 - int_firsts[starts])[block_of] + int_firsts, deltas, int_sizes)
    weights_at = begins + 3 + int_sums + 1
    out[weights_at - 1] = _OP["TUPLE"]
    out[weights_at[all_one]] = _OP["NONE"]
    one = same & ~all_one
    _write_floats(out, weights_at[one], floats[starts[one]])
    varied = ~same
    if varied.any():
        out[weights_at[varied]] = _OP["MARK"]
        in_varied = varied[block_of]
        at = (weights_at + 1 - 9 * starts)[block_of] + 9 * np.arange(len(deltas))
        _write_floats(out, at[in_varied], floats[in_varied])
        out[weights_at[varied] + 1 + 9 * lens[varied]] = _OP["TUPLE"]
    values_at = weights_at + weight_sizes
    if codes is None:
        out[values_at] = _OP["NONE"]
    else:
        out[values_at] = _OP["MARK"]
        at = (values_at + 1 - item_firsts[starts])[block_of] + item_firsts
        short = codes.sizes < 256
        out[at] = _OP["SHORT_BINBYTES"]  # and its 1-byte length; BINBYTES' is 4 bytes, little-endian
        out[at + 1] = codes.sizes.astype(np.uint8)
        long_items = np.flatnonzero(~short)
        if len(long_items):
            out[at[long_items]] = _OP["BINBYTES"]
            _write_unsigned(out, at[long_items] + 1, codes.sizes[long_items], "<u4")
        codes.write(out, at + 2 + 3 * ~short)
        out[values_at + value_sizes - 1] = _OP["TUPLE"]
    out[block_ends - 2] = _OP["TUPLE3"]
    out[block_ends - 1] = _OP["STOP"]
    return out.tobytes(), begins, block_ends


def _block_records(
    raw: tuple[bytes, np.ndarray, np.ndarray],
    term_blocks: np.ndarray,
    block_lengths: np.ndarray,
    last_docs: np.ndarray,
    tops: np.ndarray,
    _same: np.ndarray,
    _all_one: np.ndarray,
    _sums: np.ndarray,
    _exact: np.ndarray,
    _has_min: np.ndarray,
    min_bytes: np.ndarray,
    max_bytes: np.ndarray,
    compression: int,
) -> tuple[bytes, np.ndarray]:
    """Many terms' posting lists with numpy, as _block_bytes writes their blocks after the header magic:
    each block's length (negative for a term's last), info pickle and data (compressed when big enough).

    raw is _raw_blocks' data; term_blocks each term's first block; then per block its number of postings,
    last document and block_columns' statistics. Returns the bytes and each term's size.
    """
    data, data_begins, data_ends = raw
    count = len(data_begins)
    raw_sizes = data_ends - data_begins
    packed_blocks = np.flatnonzero(raw_sizes >= COMPRESS_FROM) if compression else np.zeros(0, dtype=np.int64)
    compress = deflate.compress
    packed = [
        compress(data[a:z], compression)
        for a, z in zip(data_begins[packed_blocks].tolist(), data_ends[packed_blocks].tolist(), strict=True)
    ]
    data_sizes = raw_sizes.copy()
    data_sizes[packed_blocks] = [len(p) for p in packed]
    # The info tuple (postings, last document, top weight or the int 0, compression, length bytes) in
    # protocol 2 codes: PROTO, MARK, 4 one-byte ints and a wider one, the weight, TUPLE, STOP.
    doc_codes = _code_sizes(last_docs)
    doc_sizes = doc_codes.astype(np.int64)
    positive = tops > 0
    info_sizes = 2 + 1 + 2 + doc_sizes + np.where(positive, 9, 2) + 6 + 2
    record_sizes = 4 + info_sizes + data_sizes
    term_of = np.repeat(np.arange(len(term_blocks)), np.diff(np.append(term_blocks, count)))
    record_firsts = np.cumsum(record_sizes) - record_sizes
    begins = record_firsts + 4 * (term_of + 1)  # after the magic of each term so far
    term_sizes = 4 + np.add.reduceat(record_sizes, term_blocks)
    out = np.zeros(int(record_sizes.sum()) + 4 * len(term_blocks), dtype=np.uint8)
    term_begins = begins[term_blocks] - 4
    for k, byte in enumerate(WHOOSH3_HEADER_MAGIC):
        out[term_begins + k] = byte
    last = np.zeros(count, dtype=bool)
    last[np.append(term_blocks[1:], count) - 1] = True
    lengths = np.where(last, -1, 1) * (info_sizes + data_sizes)
    for k, column in enumerate(_byte_columns(lengths, ">i4")):
        out[begins + k] = column
    at = begins + 4
    out[at] = _OP["PROTO"]
    out[at + 1] = 2
    out[at + 2] = _OP["MARK"]
    out[at + 3] = _OP_K
    out[at + 4] = block_lengths.astype(np.uint8)  # below 256: see write_postings
    at = at + 5
    _write_ints(out, at, last_docs, doc_codes)
    at = at + doc_sizes
    _write_floats(out, at[positive], tops[positive])
    out[at[~positive]] = _OP_K  # the int 0
    at = at + np.where(positive, 9, 2)
    comps = np.zeros(count, dtype=np.int64)
    comps[packed_blocks] = compression
    for k, column in enumerate((comps, min_bytes, max_bytes)):
        out[at + 2 * k] = _OP_K
        out[at + 2 * k + 1] = column.astype(np.uint8)
    out[at + 6] = _OP["TUPLE"]
    out[at + 7] = _OP["STOP"]
    data_at = at + 8
    # Then the data: a byte mask per source (cheaper than an offset computed per byte). The raw
    # blocks lie back to back in data, in block order, as out wants them; between the data of two blocks
    # only header bytes, written above.
    ends = data_at + data_sizes
    spans = np.empty(2 * count, dtype=np.int64)
    spans[0::2] = data_at - np.append(0, ends[:-1])
    spans[1::2] = data_sizes
    source = np.zeros(2 * count, dtype=np.uint8)  # per span: 0 header, 1 raw data, 2 compressed data
    source[1::2] = 1
    source[2 * packed_blocks + 1] = 2
    byte_source = np.repeat(source, spans)
    plain = np.ones(count, dtype=bool)
    plain[packed_blocks] = False
    raw_bytes = np.frombuffer(data, dtype=np.uint8)
    out[byte_source == 1] = raw_bytes if not len(packed) else raw_bytes[np.repeat(plain, raw_sizes)]
    if packed:
        out[byte_source == 2] = np.frombuffer(b"".join(packed), dtype=np.uint8)
    return out.tobytes(), term_sizes


# Term info and extent as _TERMINFO_EXTENT packs them, as a numpy record.
_TERM_INFOS = np.dtype(
    [("inlined", "u1"), ("weight", ">f4"), ("count", ">u4"), ("min", "u1"), ("max", "u1"), ("top", ">f4"),
     ("first", ">u4"), ("last", ">u4"), ("offset", ">i8"), ("size", ">i4")]
)  # fmt: skip


def _term_infos(
    block_columns: list[np.ndarray],
    term_blocks: np.ndarray,
    counts: np.ndarray,
    first_docs: np.ndarray,
    last_docs: np.ndarray,
    sizes: np.ndarray,
    offset: int,
) -> np.ndarray:
    """Term infos of terms written from offset (sizes: their posting lists'), from their first block's
    statistics: right for terms of one block with an exact weight sum (the caller fixes the others)."""
    _, _, tops, _, _, sums, _, has_min, min_bytes, max_bytes = (column[term_blocks] for column in block_columns)
    infos = np.zeros(len(term_blocks), dtype=_TERM_INFOS)
    infos["weight"] = sums
    infos["count"] = counts
    infos["min"] = np.where(has_min, min_bytes, 0)
    infos["max"] = max_bytes
    infos["top"] = np.where(tops > 0, tops, 0)
    infos["first"] = first_docs
    infos["last"] = last_docs
    infos["offset"] = offset + np.cumsum(sizes) - sizes
    infos["size"] = sizes
    return infos


def _fix_term_infos(
    infos: np.ndarray, block_columns: list[np.ndarray], term_blocks: np.ndarray, blocks_per_term: np.ndarray, floats
) -> None:
    """Fix the term infos _term_infos got wrong: terms of several blocks take the top weight and length
    bytes of all of them, and weight sums numpy may not add up as Python does are summed block by block
    as W3TermInfo.add_block sums them."""
    starts, _, tops, _, _, sums, exact, has_min, min_bytes, max_bytes = block_columns
    wrong = np.flatnonzero((blocks_per_term > 1) | ~exact[term_blocks])
    if not len(wrong):
        return
    # Over each term's blocks at once (a term's blocks are consecutive): max(0, tops), the least length
    # byte of blocks with lengths (0 when none has), the greatest.
    none = 1 << 40
    infos["top"][wrong] = np.maximum.reduceat(np.maximum(tops, 0), term_blocks)[wrong]
    least = np.minimum.reduceat(np.where(has_min, min_bytes, none), term_blocks)[wrong]
    infos["min"][wrong] = np.where(least == none, 0, least)
    infos["max"][wrong] = np.maximum.reduceat(max_bytes, term_blocks)[wrong]
    firsts, counts = term_blocks[wrong].tolist(), blocks_per_term[wrong].tolist()
    sums_l, exact_l = sums.tolist(), exact.tolist()
    weights = []
    for b_first, count in zip(firsts, counts, strict=True):
        weight_sum = 0
        for b in range(b_first, b_first + count):
            if exact_l[b]:
                weight_sum += sums_l[b]
            else:
                weight_sum += sum(floats[starts[b] : block_columns[1][b]].tolist())
        weights.append(weight_sum)
    infos["weight"][wrong] = weights


def _write_floats(out: np.ndarray, at: np.ndarray, values: np.ndarray) -> None:
    """Write BINFLOAT codes (a big-endian double each) at the given offsets."""
    out[at] = _OP["BINFLOAT"]
    # A column of bytes at a time: 2x faster than one two-dimensional assignment.
    for k, column in enumerate(_byte_columns(values, ">f8"), start=1):
        out[at + k] = column


def _term_records(keys: list[bytes], infos: np.ndarray, position: int, out: list[bytes]) -> np.ndarray:
    """The term index records (HashWriter.add: key and value lengths, key, value) of keys in order with
    their term infos, written from position: appends their bytes to out and returns where each starts."""
    value_size = infos.dtype.itemsize
    key_sizes = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    sizes = 8 + key_sizes + value_size
    begins = np.cumsum(sizes) - sizes
    data = np.empty(int(sizes.sum()), dtype=np.uint8)
    heads = np.empty(len(keys), dtype=[("key", ">i4"), ("value", ">i4")])  # filetables._lengths
    heads["key"], heads["value"] = key_sizes, value_size
    data[begins[:, None] + np.arange(8)] = heads.view(np.uint8).reshape(-1, 8)
    key_firsts = np.cumsum(key_sizes) - key_sizes
    joined = np.frombuffer(b"".join(keys), dtype=np.uint8)
    data[np.repeat(begins + 8 - key_firsts, key_sizes) + np.arange(len(joined))] = joined
    data[(begins + 8 + key_sizes)[:, None] + np.arange(value_size)] = infos.view(np.uint8).reshape(-1, value_size)
    out.append(data.tobytes())
    return begins + position


def _extend_index(index, positions: list[int]) -> None:
    """GrowableArray.extend (OrderedHashWriter's key positions), at once when they fit its type."""
    try:
        # Converting first: raises before the index changes when a position does not fit its type.
        index.array.extend(array(index.array.typecode, positions))
    except (OverflowError, AttributeError):  # let the GrowableArray widen its type, as it does
        index.extend(positions)


def _md5_hash(key: bytes) -> int:
    """filetables.md5_hash (the last 32 bits of the key's MD5), without the detour through hex."""
    return int.from_bytes(md5(key).digest()[12:], "big")


def _add_to_buckets(buckets: list[list], hashes: list[int], positions: list[int]) -> None:
    """HashWriter.add's bookkeeping for many keys: (hash, position) added to the bucket of each hash's low
    byte, in order; a bucket's entries added at once."""
    if len(hashes) < 512:
        for hashed, at in zip(hashes, positions, strict=True):
            buckets[hashed & 255].append((hashed, at))
        return
    numbers = np.array(hashes, dtype=np.int64)
    low = numbers & 255
    order = np.argsort(low.astype(np.uint8), kind="stable")  # stable: each bucket's entries stay in order
    bounds = np.searchsorted(low[order], np.arange(257)).tolist()
    pairs = list(zip(numbers[order].tolist(), np.array(positions, dtype=np.int64)[order].tolist(), strict=True))
    for bucket in np.flatnonzero(np.diff(bounds)).tolist():
        buckets[bucket] += pairs[bounds[bucket] : bounds[bucket + 1]]


def _md5_hashes(keys: list[bytes]) -> np.ndarray:
    """_md5_hash of many keys (as int64): their digests read as numbers at once."""
    digests = b"".join(map(_DIGEST, map(md5, keys)))
    return np.frombuffer(digests, dtype=">u4")[3::4].astype(np.int64)


_DIGEST = operator.methodcaller("digest")
_POINTERS = np.dtype([("hash", ">u4"), ("position", ">i8")])  # filetables._pointer


def _write_hash_tables(tindex) -> None:
    """HashWriter._write_hashes: the same 256 hash tables, written at once. Keys come from the buckets,
    as HashWriter.add leaves them, and from arrays of (hashes, positions) in tindex.bulk_entries, if any."""
    hashes, positions = _hash_entries(tindex.buckets, getattr(tindex, "bulk_entries", ()))
    table, slots = _hash_tables(hashes, positions)
    offsets = tindex.dbfile.tell() + _POINTERS.itemsize * (np.cumsum(slots) - slots)
    tindex.directory.extend(zip(offsets.tolist(), slots.tolist(), strict=True))
    tindex.dbfile.write(table.tobytes())


def _hash_entries(buckets: list[list], bulk_entries) -> tuple[np.ndarray, np.ndarray]:
    """Every key's hash and position, in the order they were added: by position, as each key's record is
    written after the last one's."""
    pairs = [pair for entries in buckets for pair in entries]
    hashes = [np.array([hashed for hashed, _ in pairs], dtype=np.int64)]
    positions = [np.array([position for _, position in pairs], dtype=np.int64)]
    for more_hashes, more_positions in bulk_entries:
        hashes.append(more_hashes)
        positions.append(more_positions)
    hashes, positions = np.concatenate(hashes), np.concatenate(positions)
    order = np.argsort(positions, kind="stable")
    return hashes[order], positions[order]


def _hash_tables(hashes: np.ndarray, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The 256 tables HashWriter._write_hashes makes of keys added in this order, one after another, and
    each table's number of slots: twice its keys, each key at the first free slot from its hash's, after
    the keys added before it (linear probing).

    The n-th keys of all tables are placed at once, a numpy step per n rather than a Python loop per key.
    """
    bucket = hashes & 255
    order = np.argsort(bucket.astype(np.uint8), kind="stable")  # by table, each in the order added
    hashes, positions, bucket = hashes[order], positions[order], bucket[order]
    keys = np.bincount(bucket, minlength=256)
    slots = 2 * keys
    table_starts = np.cumsum(slots) - slots
    rank = np.arange(len(hashes)) - (np.cumsum(keys) - keys)[bucket]  # the key's turn in its table
    by_rank = np.argsort(rank, kind="stable")
    rank_ends = np.cumsum(np.bincount(rank, minlength=1)).tolist()
    table = np.zeros(int(slots.sum()), dtype=_POINTERS)
    taken = np.zeros(len(table), dtype=bool)
    size_of, start_of = slots[bucket], table_starts[bucket]
    home = (hashes >> 8) % size_of
    done = 0
    for end in rank_ends:
        turn = by_rank[done:end]  # at most one key per table
        done = end
        size, start, slot = size_of[turn], start_of[turn], home[turn]
        at = start + slot
        busy = np.flatnonzero(taken[at])
        while len(busy):  # the keys whose slot is taken try the next one
            slot[busy] = (slot[busy] + 1) % size[busy]
            at[busy] = start[busy] + slot[busy]
            busy = busy[taken[at[busy]]]
        taken[at] = True
        table["hash"][at] = hashes[turn]
        table["position"][at] = positions[turn]
    return table, slots


def _weight_sums(floats: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each term's sum of weights (as Python sums 32-bit floats in doubles), and where it is exact.

    numpy adds in another order than Python's sum; both give the exact sum, hence the same, when a
    term's weights span at most 22 binary orders of magnitude (24-bit mantissas, at most 128 of them:
    every partial sum fits a double's 53 bits). Elsewhere the caller sums in Python.
    """
    sums = np.add.reduceat(floats.astype(np.float64), starts)
    nonzero = floats != 0
    _, exponents = np.frexp(np.where(nonzero, floats, 1).astype(np.float64))
    high = np.maximum.reduceat(np.where(nonzero, exponents, -100_000), starts)
    low = np.minimum.reduceat(np.where(nonzero, exponents, 100_000), starts)
    counts = np.diff(np.append(starts, len(floats)))
    exact = ((high - low <= 22) | (high == -100_000)) & (counts <= 128) & np.isfinite(sums)
    return sums, exact
