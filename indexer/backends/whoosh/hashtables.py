"""The hash tables of a segment's term index (Whoosh's HashWriter layout), written from arrays of key hashes."""

from __future__ import annotations

import hashlib
import operator
from array import array

import numpy as np


def md5(key: bytes):
    """The key's MD5 (Whoosh hashes term keys with it; no security rests on it)."""
    return hashlib.md5(key, usedforsecurity=False)


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


# Keys still probing when a plain loop finishes them faster than numpy steps over so few.
FEW_PROBING = 8


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
        while len(busy) > FEW_PROBING:  # the keys whose slot is taken try the next one
            slot[busy] = (slot[busy] + 1) % size[busy]
            at[busy] = start[busy] + slot[busy]
            busy = busy[taken[at[busy]]]
        for key in busy.tolist():  # a few keys (colliding hashes) probe one by one: a numpy step each is slower
            key_start, key_size, key_slot = int(start[key]), int(size[key]), int(slot[key])
            while taken[key_start + key_slot]:
                key_slot = (key_slot + 1) % key_size
            at[key] = key_start + key_slot
        taken[at] = True
        table["hash"][at] = hashes[turn]
        table["position"][at] = positions[turn]
    return table, slots
