"""Whoosh 3 posting blocks and term tables written in bulk: positions encoded, blocks pickled and compressed,
term infos laid out with numpy, byte for byte as Whoosh's own writer would (see writer.py for the builder
that calls write_postings once per field; positions.py encodes positions, hashtables.py the term index)."""

from __future__ import annotations

import operator
import struct
from array import array
from itertools import chain
from pickle import dumps
from typing import TYPE_CHECKING

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3PostingsWriter
from whoosh.filedb.filetables import md5_hash
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

from . import adapter, deflate
from .adapter import KEY_VALUE_LENGTHS as _KEY_VALUE_LENGTHS
from .adapter import LENGTH_BYTE_CACHE, TERMINFO_STRUCT
from .hashtables import _add_to_buckets, _extend_index, _md5_hash, _md5_hashes
from .pickles import _OP, _OP_K, _byte_columns, _code_sizes, _write_floats, _write_ints, _write_unsigned
from .positions import _PositionCodes
from .terminfos import BlockColumns, BlockRow, _fix_term_infos, _term_infos, _term_records, _weight_sums

if TYPE_CHECKING:
    from .invert import _FieldPostings

# Posting blocks smaller than this (pickled) are stored uncompressed: deflate would not shrink them.
COMPRESS_FROM = 256
_TERMINFO = TERMINFO_STRUCT
# Whoosh pickles posting blocks with protocol 2, where every bytes value (a posting's positions) becomes a
# call to _codecs.encode; its reader takes any protocol, and protocol 5 stores bytes as they are: blocks
# pickle and unpickle about 9x faster and are half the size.
BLOCK_PICKLE = 5


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
    settings = adapter.block_settings(codec)
    limit = settings.limit
    postfile = adapter.postings_file(fieldwriter)
    writer = adapter.use_postings_writer(
        fieldwriter,
        _BulkPostingsWriter(
            postfile, blocklimit=limit, compression=settings.compression, inlinelimit=settings.inline_limit
        ),
    )
    key_prefix = pack_ushort(adapter.field_number(fieldwriter))
    fixed_size = field.format.fixed_value_size()
    add_key = adapter.term_index(fieldwriter).add
    for term, docs, weights, values in terms:
        if not docs:
            continue
        if len(docs) <= limit:
            # Most terms fit one block: write it and its term info directly (what the calls below do).
            add_key(key_prefix + term, _write_one_block(postfile, docs, weights, values, lengths, fixed_size, settings))
            continue
        fieldwriter.start_term(term)
        writer.write_list(docs, weights, values, lengths)
        fieldwriter.finish_term()
    fieldwriter.finish_field()


def _write_one_block(
    postfile, ids, weights, values, lengths: array | None, fixed_size, settings: adapter.BlockSettings
) -> bytes:
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
    comp = settings.compression if len(databytes) >= COMPRESS_FROM else 0
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
_LENGTH_BYTES = np.asarray(LENGTH_BYTE_CACHE, dtype=np.int64)
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
    limit = adapter.block_settings(codec).limit
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
    block_columns = BlockColumns(
        starts=block_starts,
        ends=np.append(block_starts[1:], count),
        tops=np.maximum.reduceat(weights, block_starts),
        same=low == high,
        all_one=(low == high) & (low == 1.0),
        sums=weight_sums,
        exact=exact,
        has_min=has_min,
        min_bytes=min_byte,
        max_bytes=max_byte,
    )

    positions = None
    if len(postings.counts):
        counts = np.frombuffer(postings.counts, dtype=np.int32)
        firsts = np.cumsum(counts, dtype=np.int64) - counts
        positions = np.frombuffer(postings.positions, dtype=np.int32)

    fieldwriter.start_field(fieldname, field)
    compression = adapter.block_settings(codec).compression
    fixed_size = field.format.fixed_value_size()
    key_prefix = pack_ushort(adapter.field_number(fieldwriter))
    tindex = adapter.term_index(fieldwriter)
    hashfn, buckets, index_append = tindex.hashfn, tindex.buckets, tindex.index.append
    bulk_entries = getattr(tindex, "bulk_entries", None)  # see _write_hash_tables
    if hashfn is md5_hash:
        hashfn = _md5_hash
    pack_lengths = _KEY_VALUE_LENGTHS.pack
    postfile = adapter.postings_file(fieldwriter)
    post_write, trm_write = postfile.file.write, tindex.dbfile.file.write
    post_pos, trm_pos = postfile.tell(), tindex.dbfile.tell()
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
        chunk_blocks = block_columns[b_lo:b_hi]
        if limit < 256 and (fixed_size == 0 or (positions is not None and (fixed_size is None or fixed_size < 0))):
            codes = None
            if positions is not None:
                chosen = perm[lo:hi]
                codes = _PositionCodes.of(counts[chosen], firsts[chosen], positions)
            if codes is None or not len(codes.pickled()):
                starts_b, ends_b = chunk_blocks.starts - lo, chunk_blocks.ends - lo
                raw = _raw_blocks(
                    deltas[lo:hi], floats[lo:hi], chunk_blocks.same, chunk_blocks.all_one, starts_b, ends_b, codes
                )
        records = None
        if raw is None:
            doc_list = docs[lo:hi].tolist()
            blocks = chunk_blocks.rows()
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
                raw, term_blocks, chunk_blocks, docs[chunk_blocks.ends - 1], compression
            )

        if records is not None:
            # Term infos of the chunk at once; then only the term index records are made term by term.
            infos = _term_infos(
                chunk_blocks,
                term_blocks,
                ends[first:last] - starts[first:last],
                docs[starts[first:last]],
                docs[ends[first:last] - 1],
                term_sizes,
                post_pos,
            )
            _fix_term_infos(
                infos,
                chunk_blocks,
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


def _block_bytes(block: BlockRow, last: bool, chunk: tuple, fixed_size: int | None, compression: int) -> bytes:
    """One block of a posting list as _BulkPostingsWriter._write_block writes it (length, info, data)."""
    lo, doc_list, delta_list, float_list, value_list, filter_empty = chunk
    a, z = block.start - lo, block.end - lo
    if block.all_one:
        mini_weights = None
    elif block.same:
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


def _block_record(databytes: bytes, block: BlockRow, last: bool, last_doc: int, compression: int) -> bytes:
    """A block's length, info and data (compressed when big enough) as Whoosh writes them."""
    start, end, top, min_b, max_b = block.start, block.end, block.top, block.min_byte, block.max_byte
    comp = compression if len(databytes) >= COMPRESS_FROM else 0
    if comp:
        databytes = deflate.compress(databytes, comp)
    # max(0, max(weights)): the int 0 when no weight is positive
    infobytes = dumps((end - start, last_doc, top if top > 0 else 0, comp, min_b, max_b), 2)
    size = len(infobytes) + len(databytes)
    return b"".join((pack_int(-size if last else size), infobytes, databytes))


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
    blocks: BlockColumns,
    last_docs: np.ndarray,
    compression: int,
) -> tuple[bytes, np.ndarray]:
    """Many terms' posting lists with numpy, as _block_bytes writes their blocks after the header magic:
    each block's length (negative for a term's last), info pickle and data (compressed when big enough).

    raw is _raw_blocks' data; term_blocks each term's first block; blocks their statistics; last_docs each
    block's last document. Returns the bytes and each term's size.
    """
    block_lengths, tops, min_bytes, max_bytes = (
        blocks.ends - blocks.starts,
        blocks.tops,
        blocks.min_bytes,
        blocks.max_bytes,
    )
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
