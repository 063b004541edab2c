"""Kept sums written ahead: each common word's document frequency and highest BM25F sums, in an optional file.

Ranking a word needs its document frequency (over every field it is searched in) and its clause's best score,
so the first search of a common word sums every one of its postings (bm25f.every_document; at 1,000,000
releases 20-40 ms a word form, and a word has two: its stem and its own form). Both numbers depend only on
the generation (its postings, lengths and live count), so they can be found once for every common word:
this file holds, per index term of the default fields that at least bm25f.KEEP_FROM documents may hold, the
bm25f.Best that summing it would keep. A search then starts from it as from sums a previous search kept
(the same document frequency and highest sums, so the same pages, to the last bit).

The file (kept-sums.bin in the generation's folder) is optional: a generation without it, or whose segments
(names, sizes, deletions) differ from those it was written for, is ranked as before. Layout: the arrays end to
end (terms, term_starts, df, complete, kept_starts, docs, sums), then a JSON header saying where each lies
and which segments the file was written for, then the header's offset, length and a magic.
"""

from __future__ import annotations

import json
import mmap
import os
import struct

import numpy as np

from ...relevance import Alternative
from ...schema import DEFAULT_FIELDS, FIELD_WEIGHTS
from . import bm25f
from .store import INDEXNAME

FILENAME = "kept-sums.bin"
_MAGIC = b"RSSUMS1\0"
_TAIL = struct.Struct("<QQ8s")
_VERSION = 1


def fingerprint(leaves) -> list:
    """What the sums depend on besides the code: each segment's name, documents and deleted documents."""
    out = []
    for leaf, base in leaves:
        segment = leaf.segment() if hasattr(leaf, "segment") else None
        name = segment.segment_id() if segment is not None else ""
        out.append([name, int(base), int(leaf.doc_count_all()), int(leaf.doc_count())])
    return out


def _folder(stats) -> str | None:
    index = getattr(stats.searcher, "_ix", None)
    return getattr(getattr(index, "storage", None), "folder", None)


def candidate_terms(stats, fields=DEFAULT_FIELDS) -> list[bytes]:
    """The terms that KEEP_FROM documents or more may hold in the fields: their postings over the fields and
    segments add up to KEEP_FROM or more (an upper bound of the documents holding them)."""
    listed = []  # (field's columns, each term's postings) per segment and field
    for columns in stats._columns:
        if columns is None:
            continue
        for name in fields:
            field = columns.fields.get(name)
            if field is None or FIELD_WEIGHTS.get(name, 1.0) <= 0:
                continue
            listed.append((field, np.diff(np.asarray(field.post_starts, dtype=np.int64))))
    # No term can add up to more than the longest lists of every field and segment together: in a small index
    # (every build of a few releases) none is a candidate, known without listing the terms.
    if sum(int(counts.max()) for _, counts in listed if len(counts)) < bm25f.KEEP_FROM:
        return []
    totals: dict[bytes, int] = {}
    for field, counts in listed:
        for number in np.flatnonzero(counts >= 1).tolist():
            term = field.term(number)
            totals[term] = totals.get(term, 0) + int(counts[number])
    return sorted(term for term, total in totals.items() if total >= bm25f.KEEP_FROM)


def write(stats, path: str | None = None) -> int:
    """Write the kept sums of every common term of the default fields for this searcher's generation (a segment
    without columnar postings: nothing written); returns how many terms the file holds."""
    if any(columns is None for columns in stats._columns):
        return 0
    folder = path or _folder(stats)
    terms, dfs, complete, starts, docs, sums = [], [], [], [0], [], []
    for term in candidate_terms(stats):
        alt = Alternative(fields=DEFAULT_FIELDS, terms=(term.decode("utf-8"),))
        found = bm25f.parts(stats, alt, None)
        if not found:
            continue
        _, _, _, best = bm25f.every_document(stats, alt, found, np.zeros(0, dtype=np.int64), keep=True)
        if best is None:
            continue
        terms.append(term)
        dfs.append(best.df)
        complete.append(best.complete)
        docs.append(best.docs)
        sums.append(best.sums)
        starts.append(starts[-1] + len(best.docs))
    arrays = {
        "terms": np.frombuffer(b"".join(terms), dtype=np.uint8),
        "term_starts": np.cumsum([0] + [len(t) for t in terms], dtype=np.uint64),
        "df": np.asarray(dfs, dtype=np.int64),
        "complete": np.asarray(complete, dtype=np.uint8),
        "kept_starts": np.asarray(starts, dtype=np.uint64),
        "docs": np.concatenate(docs).astype(np.int64) if docs else np.zeros(0, dtype=np.int64),
        "sums": np.concatenate(sums).astype(np.float64) if sums else np.zeros(0, dtype=np.float64),
    }
    header = {"version": _VERSION, "fields": list(DEFAULT_FIELDS), "segments": fingerprint(stats.leaves), "arrays": {}}
    temporary = os.path.join(folder, f".{FILENAME}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        offset = 0
        for key, array in arrays.items():
            data = np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<")).tobytes()
            header["arrays"][key] = [offset, array.dtype.newbyteorder("<").str, len(array)]
            padding = -len(data) % 8
            handle.write(data + b"\0" * padding)
            offset += len(data) + padding
        head = json.dumps(header).encode("utf-8")
        handle.write(head + _TAIL.pack(offset, len(head), _MAGIC))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, os.path.join(folder, FILENAME))
    return len(terms)


class KeptSums:
    """An opened kept-sums file: a term's bm25f.Best over the default fields, or None."""

    def __init__(self, buffer, arrays: dict):
        self._buffer = buffer
        blob, starts = arrays["terms"], arrays["term_starts"].astype(np.int64).tolist()
        self._number = {bytes(blob[starts[i] : starts[i + 1]]): i for i in range(len(starts) - 1)}
        self._df = arrays["df"]
        self._complete = arrays["complete"]
        self._starts = arrays["kept_starts"]
        self._docs = arrays["docs"]
        self._sums = arrays["sums"]

    def __len__(self) -> int:
        return len(self._number)

    def best(self, alt: Alternative) -> bm25f.Best | None:
        """The Best of a one-term alternative over the default fields, if the file holds its term."""
        if alt.fields != DEFAULT_FIELDS or alt.phrase or alt.symbol or len(alt.terms) != 1:
            return None
        number = self._number.get(alt.terms[0].encode("utf-8"))
        if number is None:
            return None
        lo, hi = int(self._starts[number]), int(self._starts[number + 1])
        return bm25f.Best(
            int(self._df[number]),
            np.array(self._docs[lo:hi], dtype=np.int64),
            np.array(self._sums[lo:hi], dtype=np.float64),
            complete=bool(self._complete[number]),
        )


def open_kept_sums(stats) -> KeptSums | None:
    """The generation's kept sums, or None without a file, or with one written for other segments or fields."""
    folder = _folder(stats)
    if folder is None:
        return None
    name = os.path.join(folder, FILENAME)
    try:
        handle = open(name, "rb")
    except OSError:
        return None
    with handle:
        if os.fstat(handle.fileno()).st_size < _TAIL.size:
            return None
        buffer = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    start, length, magic = _TAIL.unpack_from(buffer, len(buffer) - _TAIL.size)
    if magic != _MAGIC:
        return None
    # The file only speeds ranking up: one damaged past its tail (a header or array bounds that do not read) is
    # ignored like a missing one, never an error in a search.
    try:
        header = json.loads(bytes(buffer[start : start + length]))
        if (
            header.get("version") != _VERSION
            or header.get("fields") != list(DEFAULT_FIELDS)
            or header.get("segments") != fingerprint(stats.leaves)
        ):
            return None
        arrays = {
            key: np.frombuffer(buffer, dtype=np.dtype(dtype), count=count, offset=offset)
            for key, (offset, dtype, count) in header["arrays"].items()
        }
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return KeptSums(buffer, arrays)


def write_for_generation(path: str, statistics) -> int:
    """Write the kept sums of a finished generation's folder (a build's last step before it goes live);
    statistics: rank.IndexStats (given by the caller: it reads this module)."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import FileIndex

    index = FileIndex(FileStorage(path, supports_mmap=False), indexname=INDEXNAME)
    if not index.doc_count_all():
        return 0
    searcher = index.searcher()
    try:
        return write(statistics(searcher), path)
    finally:
        searcher.close()
