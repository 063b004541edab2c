"""A segment's term records (Whoosh 3 term infos: weights, lengths, postings' place) laid out with numpy."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import NamedTuple

import numpy as np

from .adapter import TERMINFO_STRUCT

_TERMINFO = TERMINFO_STRUCT


class BlockRow(NamedTuple):
    """One posting block's statistics as Python values (see BlockColumns)."""

    start: int
    end: int
    top: float
    same: bool
    all_one: bool
    weight_sum: float
    exact: bool
    has_min: bool
    min_byte: int
    max_byte: int


@dataclass
class BlockColumns:
    """The statistics of a field's posting blocks, one entry per block in each array."""

    starts: np.ndarray  # the block's first posting
    ends: np.ndarray  # one past its last posting
    tops: np.ndarray  # its greatest weight
    same: np.ndarray  # whether all its weights are equal
    all_one: np.ndarray  # whether all its weights are 1.0
    sums: np.ndarray  # its weight sum
    exact: np.ndarray  # whether that sum is the one Python's sum gives
    has_min: np.ndarray  # whether some document of the block has a length
    min_bytes: np.ndarray  # the least length byte of its documents with a length
    max_bytes: np.ndarray  # the greatest length byte

    def __getitem__(self, where) -> BlockColumns:
        return BlockColumns(*(getattr(self, f.name)[where] for f in fields(self)))

    def rows(self) -> list[BlockRow]:
        """Each block's statistics as Python values."""
        return list(map(BlockRow._make, zip(*(getattr(self, f.name).tolist() for f in fields(self)), strict=True)))


# Term info and extent as _TERMINFO_EXTENT packs them, as a numpy record.
_TERM_INFOS = np.dtype(
    [("inlined", "u1"), ("weight", ">f4"), ("count", ">u4"), ("min", "u1"), ("max", "u1"), ("top", ">f4"),
     ("first", ">u4"), ("last", ">u4"), ("offset", ">i8"), ("size", ">i4")]
)  # fmt: skip


def _term_infos(
    block_columns: BlockColumns,
    term_blocks: np.ndarray,
    counts: np.ndarray,
    first_docs: np.ndarray,
    last_docs: np.ndarray,
    sizes: np.ndarray,
    offset: int,
) -> np.ndarray:
    """Term infos of terms written from offset (sizes: their posting lists'), from their first block's
    statistics: right for terms of one block with an exact weight sum (the caller fixes the others)."""
    first = block_columns[term_blocks]
    infos = np.zeros(len(term_blocks), dtype=_TERM_INFOS)
    infos["weight"] = first.sums
    infos["count"] = counts
    infos["min"] = np.where(first.has_min, first.min_bytes, 0)
    infos["max"] = first.max_bytes
    infos["top"] = np.where(first.tops > 0, first.tops, 0)
    infos["first"] = first_docs
    infos["last"] = last_docs
    infos["offset"] = offset + np.cumsum(sizes) - sizes
    infos["size"] = sizes
    return infos


def _fix_term_infos(
    infos: np.ndarray, block_columns: BlockColumns, term_blocks: np.ndarray, blocks_per_term: np.ndarray, floats
) -> None:
    """Fix the term infos _term_infos got wrong: terms of several blocks take the top weight and length
    bytes of all of them, and weight sums numpy may not add up as Python does are summed block by block
    as W3TermInfo.add_block sums them."""
    starts, ends, tops, exact = block_columns.starts, block_columns.ends, block_columns.tops, block_columns.exact
    has_min, min_bytes, max_bytes, sums = (
        block_columns.has_min, block_columns.min_bytes, block_columns.max_bytes, block_columns.sums
    )  # fmt: skip
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
                weight_sum += sum(floats[starts[b] : ends[b]].tolist())
        weights.append(weight_sum)
    infos["weight"][wrong] = weights


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
