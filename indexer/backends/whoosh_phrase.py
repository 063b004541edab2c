"""Phrase matching over whole posting lists, with numpy: the documents where words stand in order.

Whoosh matches a phrase document by document, building span objects from each candidate's positions
(seconds for a common phrase at 100,000 releases). Here the documents holding every word come from their
posting lists (an intersection), only those documents' positions are decoded, and each word's positions
become sorted keys (document << 24 | position); a phrase then is a chain of sorted-array intersections:
the keys of word i+1 that lie 1..slop after a key of the phrase so far. That is Whoosh's rule for
Phrase(slop) (SpanNear2, ordered, mindist 1), and tests compare the two.
"""

from __future__ import annotations

from pickle import loads

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher

POSITION_BITS = 24  # positions per field below 16.7 million
_INT_SIZE = 4  # Positions values start with the count as an unsigned int


def phrase_docs(leaves, fieldname: str, words: list[str], slop: int, postings, deadline=None) -> np.ndarray:
    """Sorted document numbers (over all leaves) where the words stand in this order in the field.

    leaves: [(segment reader, first document number)]; postings(fieldname, word) -> sorted document
    numbers of a word (cached by the caller); deadline.check() is called between steps when given.
    """
    if not words:
        return np.zeros(0, dtype=np.int64)
    candidates = None
    for word in words:
        docs = postings(fieldname, word)
        candidates = docs if candidates is None else np.intersect1d(candidates, docs, assume_unique=True)
        if not len(candidates):
            return candidates.astype(np.int64)
    if len(words) == 1:
        return np.asarray(candidates, dtype=np.int64)
    ends = None
    for word in words:
        keys = position_keys(leaves, fieldname, word, candidates)
        if deadline is not None:
            deadline.check()
        if ends is None:
            ends = keys
        else:
            ends = np.unique(np.concatenate([np.intersect1d(ends + gap, keys) for gap in range(1, max(1, slop) + 1)]))
        if not len(ends):
            return np.zeros(0, dtype=np.int64)
    return np.unique(ends >> POSITION_BITS)


def position_keys(leaves, fieldname: str, word: str, docs: np.ndarray) -> np.ndarray:
    """Sorted keys (document << 24 | position) of a word's positions in the given documents (sorted)."""
    term = word.encode("utf-8") if isinstance(word, str) else word
    keys: list[np.ndarray] = []
    for leaf, base in leaves:
        size = leaf.doc_count_all()
        local = docs[(docs >= base) & (docs < base + size)] - base
        if not len(local) or (fieldname, term) not in leaf:
            continue
        matcher = leaf.postings(fieldname, term)
        if isinstance(matcher, FilterMatcher):
            matcher = matcher.child
        if not isinstance(matcher, W3LeafMatcher):  # another codec: ask document by document
            keys.append(_keys_slowly(matcher, local, base))
            continue
        found_docs: list[int] = []
        counts: list[int] = []
        deltas: list[int] = []
        while matcher.is_active():
            block_max = matcher.block_max_id()
            if block_max >= local[0]:
                matcher._read_ids()
                ids = np.asarray(matcher._ids, dtype=np.int64)
                # Which of the block's documents are wanted: binary search in the sorted wanted ones.
                where = np.minimum(np.searchsorted(local, ids), len(local) - 1)
                hit = np.flatnonzero(local[where] == ids)
                if len(hit):
                    matcher._read_values()
                    values = matcher._values
                    for i in hit.tolist():
                        # A Positions value: the count, then the pickled gaps between positions.
                        gaps = loads(values[i][_INT_SIZE:])
                        counts.append(len(gaps))
                        deltas.extend(gaps)
                    found_docs.extend((ids[hit] + base).tolist())
            if block_max >= local[-1] or matcher._lastblock:
                break
            matcher._next_block()
        if found_docs:
            keys.append(_keys(np.array(found_docs, dtype=np.int64), np.array(counts), np.array(deltas, dtype=np.int64)))
    if not keys:
        return np.zeros(0, dtype=np.int64)
    return np.sort(np.concatenate(keys))


def _keys(docs: np.ndarray, counts: np.ndarray, gaps: np.ndarray) -> np.ndarray:
    """Keys from each document's position gaps (counts[i] gaps for docs[i]): running sums per document."""
    totals = np.cumsum(gaps)
    starts = np.cumsum(counts) - counts
    positions = totals - np.repeat(totals[starts] - gaps[starts], counts)
    return (np.repeat(docs, counts) << POSITION_BITS) | positions


def _keys_slowly(matcher, local: np.ndarray, base: int) -> np.ndarray:
    keys = []
    for docnum in local.tolist():
        if not matcher.is_active():
            break
        matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            keys.append(((docnum + base) << POSITION_BITS) | np.asarray(matcher.value_as("positions"), dtype=np.int64))
    return np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
