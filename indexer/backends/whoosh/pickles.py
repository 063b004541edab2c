"""Pickle opcodes written with numpy, many values at once: the integers of posting blocks and positions."""

from __future__ import annotations

import numpy as np

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


_OP = {name: code for name, code in zip(("PROTO", "MARK", "TUPLE", "NONE", "BINFLOAT", "SHORT_BINBYTES",
    "BINBYTES", "TUPLE3", "STOP"), b"\x80(tNGCB\x87.", strict=True)}  # fmt: skip


def _write_floats(out: np.ndarray, at: np.ndarray, values: np.ndarray) -> None:
    """Write BINFLOAT codes (a big-endian double each) at the given offsets."""
    out[at] = _OP["BINFLOAT"]
    # A column of bytes at a time: 2x faster than one two-dimensional assignment.
    for k, column in enumerate(_byte_columns(values, ">f8"), start=1):
        out[at + k] = column
