"""Term positions encoded as Whoosh's Positions format does (a count and a pickled list of gaps), with numpy."""

from __future__ import annotations

from dataclasses import dataclass
from pickle import loads

import numpy as np
from whoosh.formats import Positions

from .pickles import _code_sizes, _write_ints, _write_unsigned

# Encoded positions of a term seen once, at each position below this: the commonest posting value.
_SINGLES = 4096
_SINGLE_VALUES = [Positions().encode([pos]) for pos in range(_SINGLES)]
_INT_SIZE = 4  # Positions values start with the count as an unsigned int
# A Positions value is the count, then pickle.dumps(gaps, 2): PROTO 2, the list's opcodes, STOP.
_PICKLE_HEAD = b"\x80\x02"
_PICKLE_STOP = b"."
# Pickle's protocol 2 writes a list of more than this many items in several batches: not modelled.
_PICKLE_BATCH = 1000


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


def decode_gaps(values: list[bytes]) -> list[list[int]]:
    """The position gaps of many Positions values, unpickled together as one list of lists."""
    if all(v[_INT_SIZE : _INT_SIZE + 2] == _PICKLE_HEAD and v[-1:] == _PICKLE_STOP for v in values):
        # Each value's body pushes one list: between a MARK and LIST they make the list of all of them.
        joined = b"".join([_PICKLE_HEAD, b"("] + [v[_INT_SIZE + 2 : -1] for v in values] + [b"l."])
        gaps = loads(joined)
        if len(gaps) == len(values):
            return gaps
    return [loads(v[_INT_SIZE:] if v.endswith(_PICKLE_STOP) else v[_INT_SIZE:] + _PICKLE_STOP) for v in values]
