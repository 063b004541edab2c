"""Phrase matching over whole posting lists, with numpy: the documents where words stand in order.

Whoosh matches a phrase document by document, building span objects from each candidate's positions
(seconds for a common phrase at 100,000 releases). Here the documents holding every word come from their
posting lists (an intersection), only those documents' positions are decoded (a block's worth with one
unpickling), and each word's positions become sorted keys (document << 24 | position); a phrase then is a
chain of sorted-array lookups: the keys of word i+1 that lie 1..slop after a key of the phrase so far,
each word decoded only in the documents where the phrase so far still stands. That is Whoosh's rule for
Phrase(slop) (SpanNear2, ordered, mindist 1), and tests compare the two.
"""

from __future__ import annotations

from itertools import chain

import numpy as np

from .columns import columns_of
from .positions import decode_gaps as _decode_gaps
from .postings import leaf_matcher, posting_blocks, readable, term_blocks

POSITION_BITS = 24  # positions per field below 16.7 million
_EMPTY = np.zeros(0, dtype=np.int64)


def phrase_docs(
    leaves, fieldname: str, words: list[str], slop: int, postings, deadline=None, keeps: bool = False, locate=None
) -> np.ndarray:
    """Sorted document numbers (over all leaves) where the words stand in this order in the field.

    leaves: [(segment reader, first document number)]; postings(fieldname, word) -> sorted document
    numbers of a word (cached by the caller); deadline.check() is called between steps when given.
    keeps: postings also takes a dict it fills with the blocks it decoded (leaf index -> blocks) when it
    read the list now; positions are then taken from those blocks rather than decoded a second time.
    locate(fieldname, word), when given: the word's documents and where its postings lie in the columnar files
    (IndexStats.located), or None; its positions are then found by row, without a search per segment.
    """
    if not words:
        return _EMPTY
    candidates = None
    decoded: dict[str, dict] = {}
    size = leaves[-1][1] + leaves[-1][0].doc_count_all() if leaves else 0
    for word in words:
        if keeps:
            docs = postings(fieldname, word, decoded.setdefault(word, {}))
        else:
            docs = postings(fieldname, word)
        candidates = docs if candidates is None else intersect_sorted(candidates, docs, size)
        if not len(candidates):
            return _EMPTY
    if len(words) == 1:
        return np.asarray(candidates, dtype=np.int64)
    gap = max(1, slop)
    ends = None
    for word in words:
        found = locate(fieldname, word) if locate is not None else None
        if found is not None:
            keys = located_keys(*found, candidates, size)
        else:
            keys = position_keys(leaves, fieldname, word, candidates, decoded.get(word))
        if deadline is not None:
            deadline.check()
        # Keys of this word 1..gap after the phrase so far: the nearest earlier end decides.
        ends = keys if ends is None else _following(ends, keys, gap)
        if not len(ends):
            return _EMPTY
        # Later words are decoded only where the phrase so far still stands.
        candidates = _unique_sorted(ends >> POSITION_BITS)
    return candidates


def intersect_sorted(a: np.ndarray, b: np.ndarray, size: int) -> np.ndarray:
    """The numbers in both a and b (each sorted, without repeats, below size), rising."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not len(small):
        return small
    if len(small) * 32 < len(large):
        # A few looked up in a long list: binary searches.
        at = np.searchsorted(large, small)
        at[at == len(large)] = 0
        return small[large[at] == small]
    # Else marks over every document: one pass each, where sorting both (intersect1d) or binary searches cost
    # several times more at 100,000 releases.
    marks = np.zeros(size, dtype=bool)
    marks[large] = True
    return small[marks[small]]


def _following(ends: np.ndarray, keys: np.ndarray, gap: int) -> np.ndarray:
    """The keys that lie 1..gap after some end (both sorted, without repeats): the nearest end below each key
    decides."""
    if gap == 1:
        # Words next to each other (a phrase's default): the keys equal to an end + 1, found by merging the two
        # sorted runs (a stable sort merges runs in one pass; a binary search per key costs 3 times more).
        merged = np.concatenate((ends + 1, keys))
        merged.sort(kind="stable")
        return merged[:-1][merged[1:] == merged[:-1]]
    nearest = np.searchsorted(ends, keys, side="left") - 1
    valid = nearest >= 0
    found = np.zeros(len(keys), dtype=bool)
    found[valid] = keys[valid] - ends[nearest[valid]] <= gap
    return keys[found]


def _unique_sorted(values: np.ndarray) -> np.ndarray:
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def position_keys(leaves, fieldname: str, word: str, docs: np.ndarray, decoded: dict | None = None) -> np.ndarray:
    """Sorted keys (document << 24 | position) of a word's positions in the given documents (sorted).

    decoded: the word's posting blocks per leaf index, where they were decoded already."""
    if not leaves or not len(docs):
        return _EMPTY
    term = word.encode("utf-8") if isinstance(word, str) else word
    keys: list[np.ndarray] = []
    ordered = True  # keys from the columns come in order: leaves in document order, positions rising
    # Where each leaf's documents begin among docs (sorted): slices, not a pass over docs per leaf.
    bounds = np.searchsorted(docs, [base for _, base in leaves] + [leaves[-1][1] + leaves[-1][0].doc_count_all()])
    for number, (leaf, base) in enumerate(leaves):
        local = docs[bounds[number] : bounds[number + 1]] - base
        if not len(local):
            continue
        columns = columns_of(leaf)
        if columns is not None and columns.has_positions(fieldname):
            found_local, counts, positions = columns.positions(fieldname, term, local)
            if len(found_local):
                keys.append((np.repeat(found_local + base, counts) << POSITION_BITS) | positions)
            continue
        ordered = False
        if decoded and number in decoded:
            blocks = _holding(decoded[number], local)
        else:
            blocks = term_blocks(leaf, fieldname, term, int(local[0]), int(local[-1]), wanted=local)
        if blocks is None:
            if (fieldname, term) not in leaf:
                continue
            matcher = leaf_matcher(leaf.postings(fieldname, term))
            if not readable(matcher):  # another codec: ask document by document
                keys.append(_keys_slowly(matcher, local, base))
                continue
            blocks = posting_blocks(matcher, int(local[0]), int(local[-1]))
        found_docs: list[np.ndarray] = []
        values: list[bytes] = []
        for ids, _, block_values in blocks:
            # Which of the block's documents are wanted: binary search in the sorted wanted ones.
            where = np.minimum(np.searchsorted(local, ids), len(local) - 1)
            hit = np.flatnonzero(local[where] == ids)
            if len(hit):
                values.extend([block_values[i] for i in hit.tolist()])
                found_docs.append(ids[hit] + base)
        if found_docs:
            gaps = _decode_gaps(values)
            counts = np.fromiter(map(len, gaps), dtype=np.int64, count=len(gaps))
            flat = np.fromiter(chain.from_iterable(gaps), dtype=np.int64, count=int(counts.sum()))
            keys.append(_keys(np.concatenate(found_docs), counts, flat))
    if not keys:
        return _EMPTY
    found = np.concatenate(keys) if len(keys) > 1 else keys[0]
    # Leaves come in document order and positions rise within a document: sorted already, as a rule.
    if not ordered and len(found) > 1 and not (found[1:] >= found[:-1]).all():
        found = np.sort(found)
    return found


def located_keys(docs: np.ndarray, sources: list, wanted: np.ndarray, size: int) -> np.ndarray:
    """Sorted keys of a word's positions in the wanted documents (sorted), from its documents over all
    segments (docs) and where each segment's postings lie in the columnar files (sources: IndexStats.located)."""
    if len(wanted) * 32 < len(docs):
        # A few wanted documents in a long list: binary searches.
        where = np.searchsorted(docs, wanted)
        where[where == len(docs)] = 0
        rows = where[docs[where] == wanted]
    else:
        # Else marks over every document and one pass over the list, in order.
        marks = np.zeros(size, dtype=bool)
        marks[wanted] = True
        rows = np.flatnonzero(marks[docs])
    keys = []
    for weights, at, field, start in sources:
        lo, hi = np.searchsorted(rows, (at, at + len(weights)))
        if hi <= lo:
            continue
        local = rows[lo:hi] - at + start  # rows of the segment's field
        begins = field.pos_starts[local].astype(np.int64)
        counts = field.pos_starts[local + 1].astype(np.int64) - begins
        heads = np.cumsum(counts) - counts
        picked = field.positions[np.repeat(begins - heads, counts) + np.arange(int(counts.sum()))].astype(np.int64)
        keys.append((np.repeat(docs[rows[lo:hi]], counts) << POSITION_BITS) | picked)
    if not keys:
        return _EMPTY
    return np.concatenate(keys) if len(keys) > 1 else keys[0]


def _holding(blocks: list[tuple], wanted: np.ndarray) -> list[tuple]:
    """The decoded blocks whose documents include one of the wanted ones (sorted)."""
    out = []
    for block in blocks:
        ids = block[0]
        if len(ids):
            at = int(wanted.searchsorted(ids[0]))
            if at < len(wanted) and wanted[at] <= ids[-1]:
                out.append(block)
    return out


def _keys(docs: np.ndarray, counts: np.ndarray, gaps: np.ndarray) -> np.ndarray:
    """Keys from each document's position gaps (counts[i] gaps for docs[i]): running sums per document."""
    nonempty = counts > 0
    docs, counts = docs[nonempty], counts[nonempty]
    if not len(gaps):
        return _EMPTY
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
    return np.concatenate(keys) if keys else _EMPTY
