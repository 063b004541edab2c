"""Documents inverted in memory: a segment's vocabulary, and each field's postings as flat arrays.

Text fields with positions are analysed through the cached word pipeline (indexer/analysis.py), cut at spaces
first, with whole texts seen twice (boilerplate) remembered; other fields through their own indexers.
writer.SegmentBuilder feeds documents in and writes the finished postings (blocks.write_postings).
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Callable

import numpy as np
from whoosh import fields as wf
from whoosh.analysis import (
    IDTokenizer,
)
from whoosh.formats import Existence, Positions
from whoosh.system import pack_byte
from whoosh.util.numeric import to_sortable

from ...analysis import word_pipeline
from . import adapter
from .positions import encode_positions

# Distinct words remembered by a field's word pipeline before it starts afresh (bounds memory).
WORD_CACHE_LIMIT = 400_000
PLAIN_CACHE_LIMIT = 50_000
# Whole texts remembered (see _Vocabulary.remember): bytes of the texts kept, hashes of texts seen once.
TEXT_CACHE_BYTES = 16 << 20
SEEN_TEXTS_LIMIT = 100_000
# Words of a field's texts inverted into postings at a time, with numpy.
FLUSH_WORDS = 1 << 16
# Characters that are neither word characters nor "." nor "&": spaces in their place change no word of
# the patterns in _SPACE_FREE_PATTERNS, and make most chunks between spaces one word ("T-Mobile's").
_SPACED = tuple("-'/,():\"@*\u2019\u201c\u201d\u2022")


class _Vocabulary:
    """Term numbers of a segment, shared by the fields analysed alike, with their word caches: a word
    common to a release's headline, lede and body is analysed and looked up once, not once per field."""

    __slots__ = ("term_ids", "terms", "words", "parts", "splits", "texts", "text_bytes", "_seen", "_ranked")

    def __init__(self):
        self.term_ids: dict[bytes, int] = {}
        self.terms: list[bytes] = []
        # word, or a chunk of text between spaces (see _PositionsField.add) -> term number; -1 dropped;
        # -2 has parts (see parts); -3 a chunk of other than one word (see splits)
        self.words: dict[str, int] = {}
        self.parts: dict[str, tuple[int, tuple[int, ...]]] = {}  # compound word -> (term or -1, parts)
        self.splits: dict[str, tuple[str, ...]] = {}  # chunk of other than one word -> its words
        # Whole texts seen more than once -> (term numbers, compound words) as
        # _PositionsField._analysed gives them; the hashes of texts seen once. Term numbers stay valid for
        # the segment, whatever happens to the word caches.
        self.texts: dict[str, tuple[list[int], list]] = {}
        self.text_bytes = 0  # rough memory held by texts
        self._seen: set[int] = set()
        self._ranked: tuple[int, np.ndarray, list[bytes]] | None = None

    def remember(self, text: str, ids: list[int], compounds: list) -> None:
        """Keep a text's analysis when the text was seen before (boilerplate: "About" texts, safe-harbor
        language, names): caching every text would hold every body, each seen once."""
        seen = self._seen
        key = hash(text)  # computed already (by the texts lookup) and kept by the string
        if key not in seen:
            if len(seen) >= SEEN_TEXTS_LIMIT:
                seen.clear()
            seen.add(key)
            return
        if self.text_bytes >= TEXT_CACHE_BYTES:
            self.texts.clear()
            self.text_bytes = 0
        self.texts[text] = (ids, compounds)  # the list is never changed after
        self.text_bytes += 100 + len(text) + 8 * len(ids)  # the numbers are the word caches' objects

    def ranked(self) -> tuple[np.ndarray, list[bytes]]:
        """Each term number's rank in term order, and the terms in that order (computed once per size)."""
        if self._ranked is None or self._ranked[0] != len(self.terms):
            terms = self.terms
            order = sorted(range(len(terms)), key=terms.__getitem__)
            rank = np.empty(len(terms), dtype=np.int64)
            rank[order] = np.arange(len(order))
            self._ranked = (len(terms), rank, [terms[i] for i in order])
        return self._ranked[1], self._ranked[2]


class _FieldPostings:
    """One field's postings in a segment being built, in the order documents came: term number,
    document, weight (exact, as Whoosh's writer sees it; stored as 32-bit floats) and value.

    A field with positions keeps each posting's positions as numbers (counts, flat positions) and
    encodes them only when the segment is written, many at once; other fields keep encoded values.
    """

    __slots__ = ("vocabulary", "term_ids", "terms", "tids", "docs", "weights", "encoded", "counts", "positions")

    def __init__(self, vocabulary: _Vocabulary | None = None):
        self.vocabulary = vocabulary if vocabulary is not None else _Vocabulary()
        self.term_ids = self.vocabulary.term_ids
        self.terms = self.vocabulary.terms
        self.tids = array("i")
        self.docs = array("i")
        self.weights = array("d")
        self.encoded: list[bytes] = []  # fields without positions: each posting's value
        self.counts = array("i")  # fields with positions: each posting's number of positions
        self.positions = array("i")  # ... and its positions, ascending, one posting after another

    def term_id(self, term: bytes) -> int:
        """The number of a term in this field's vocabulary, given on first sight."""
        found = self.term_ids.get(term)
        if found is None:
            found = self.term_ids[term] = len(self.terms)
            self.terms.append(term)
        return found

    @property
    def values(self) -> list[bytes]:
        """Every posting's encoded value, in order."""
        return self.values_of(np.arange(len(self.tids)))

    def values_of(self, postings: np.ndarray) -> list[bytes]:
        """The encoded values of the given postings (numbers in arrival order), in that order."""
        if not len(self.counts):
            return list(map(self.encoded.__getitem__, postings.tolist()))
        counts = np.frombuffer(self.counts, dtype=np.int32)
        firsts = np.cumsum(counts, dtype=np.int64) - counts
        return encode_positions(counts[postings], firsts[postings], np.frombuffer(self.positions, dtype=np.int32))


class _PositionsField:
    """Indexes one TEXT field with positions straight into a segment's posting lists."""

    def __init__(self, field: wf.FieldType, postings: _FieldPostings):
        self.pipeline = word_pipeline(field.analyzer)
        self.boost = float(field.format.field_boost)
        self.postings = postings
        self.vocabulary = postings.vocabulary
        # Word caches, shared with the fields of the same vocabulary (same analyzer).
        self._ids = postings.vocabulary.words
        self._parts = postings.vocabulary.parts
        self._splits = postings.vocabulary.splits
        # Texts added but not yet inverted (see flush): their term numbers one text after another, the
        # document and word count of each, and (word index, term or -1, part terms) of compound words.
        # A list: adding a text's numbers only copies pointers; flush() has struct pack them all into numpy
        # at once, with half the work per number of array.fromlist (a format parsed per number).
        self._pending_ids: list[int] = []
        self._pending_docs: list[int] = []
        self._pending_sizes: list[int] = []
        self._pending_compounds: list[tuple[int, int, tuple[int, ...]]] = []
        # Called by flush() with the documents and lengths of the texts inverted (add_unmeasured's).
        self.record_lengths: Callable[[np.ndarray, np.ndarray], None] | None = None

    def _word_ids(self, words: list[str]) -> list[int]:
        cache = self._ids
        ids = list(map(cache.get, words))
        if None not in ids:
            return ids
        self._bound_caches()
        learn = self._learn_word
        for word in set(words).difference(cache):
            learn(word)
        return list(map(cache.__getitem__, words))

    def _bound_caches(self) -> bool:
        """Empty the word caches when they are full; say whether they were emptied."""
        if len(self._ids) <= WORD_CACHE_LIMIT:
            return False
        self._ids.clear()
        self._parts.clear()
        self._splits.clear()
        return True

    def _learn_word(self, word: str) -> int:
        """Analyse a word not in the cache; cache and return its term number (or -1, -2)."""
        form = self.pipeline.analyse(word)
        if form is None:
            found = -1
        elif type(form) is tuple:
            term_id = self.postings.term_id
            main, parts = form
            self._parts[word] = (term_id(main) if main is not None else -1, tuple(map(term_id, parts)))
            found = -2
        else:
            found = self.postings.term_id(form)
        self._ids[word] = found
        return found

    def _chunk_ids(self, chunks: list[str]) -> tuple[list[str], list[int], int]:
        """A text's words given its chunks between spaces (as keys of the word caches), their term numbers
        (or -1, -2) and the least of these."""
        cache = self._ids
        ids = list(map(cache.get, chunks))
        try:
            low = min(ids, default=0)  # -3: some chunks to replace by their words
        except TypeError:  # ints and None do not compare: the min() needed anyway finds chunks not cached
            low = None
        if low is None:  # (a lone None is its own min, without a comparison)
            ids = self._learn_chunks(chunks, ids)
            low = min(ids)
        if low >= -2:
            return chunks, ids, low
        words, out = [], []
        done = 0
        at = ids.index(-3)
        while True:
            words += chunks[done:at]
            out += ids[done:at]
            split = self._splits[chunks[at]]
            words += split
            out += map(cache.__getitem__, split)
            done = at + 1
            try:
                at = ids.index(-3, done)
            except ValueError:
                break
        words += chunks[done:]
        out += ids[done:]
        return words, out, min(out, default=0)

    def _learn_chunks(self, chunks: list[str], ids: list[int | None]) -> list[int]:
        """Cache the chunks not in the cache (None in ids) and their words; return ids filled in."""
        if self._bound_caches():
            ids = [None] * len(chunks)
        cache, parts, splits = self._ids, self._parts, self._splits
        words_of, learn = self.pipeline.words, self._learn_word
        at = -1
        while True:
            try:
                at = ids.index(None, at + 1)
            except ValueError:
                return ids
            chunk = chunks[at]
            found = cache.get(chunk)
            if found is not None:  # seen earlier in this text
                ids[at] = found
                continue
            # A chunk of word characters is one word (\w: str.isalnum() and "_"): no need for the pattern.
            words = [chunk] if chunk.isalnum() else words_of(chunk)
            if len(words) == 1:
                word = words[0]
                found = cache.get(word)
                if found is None:
                    found = learn(word)
                if found == -2:
                    parts[chunk] = parts[word]
            else:  # "T-Mobile", "Align's", "-": the chunk stands for its words
                for word in words:
                    if word not in cache:
                        learn(word)
                splits[chunk] = tuple(words)
                found = -3
            cache[chunk] = ids[at] = found

    def add(self, value: str, docnum: int) -> int:
        """Add the field's words for one document; return its length (terms kept, compound parts included).

        Words become term numbers at once; they are inverted into postings a batch of texts at a time
        (flush), which pays numpy's overhead once per batch rather than once per text.
        """
        ids, compounds = self._queue(value, docnum)
        if len(self._pending_ids) >= FLUSH_WORDS:
            self.flush()
        return len(ids) - ids.count(-1) + sum(len(parts) - (main < 0) for _, main, parts in compounds)

    def add_unmeasured(self, value: str, docnum: int) -> bool:
        """add() for a builder that takes the lengths from flush() (see record_lengths), counted there with
        numpy rather than word by word here; say whether the batch is full (the caller flushes it once
        the document's length entry exists)."""
        self._queue(value, docnum)
        return len(self._pending_ids) >= FLUSH_WORDS

    def _queue(self, value: str, docnum: int) -> tuple[list[int], list[tuple[int, int, tuple[int, ...]]]]:
        """Turn a text into term numbers waiting to be inverted; return them and its compound words."""
        vocabulary = self.vocabulary
        found = vocabulary.texts.get(value)
        if found is None:
            found = self._analysed(value)
            vocabulary.remember(value, *found)
        ids, compounds = found
        if ids:
            pending = self._pending_ids
            if compounds:
                base = len(pending)
                self._pending_compounds += [(base + at, main, parts) for at, main, parts in compounds]
            pending += ids
            self._pending_docs.append(docnum)
            self._pending_sizes.append(len(ids))
        return found

    def _analysed(self, value: str) -> tuple[list[int], list[tuple[int, int, tuple[int, ...]]]]:
        """A text's term numbers (-1 dropped words, -2 compound words) and its compound words as (word
        index, term or -1, part terms)."""
        if self.pipeline.splits_at_spaces:
            # str.split is 4x faster than the word pattern, and most chunks between spaces are one word
            # (cached like words): the pattern runs on each distinct chunk once.
            for char in _SPACED:
                value = value.replace(char, " ")
            words, ids, low = self._chunk_ids(value.split())
        else:
            words = self.pipeline.words(value)
            ids = self._word_ids(words)
            low = -2 if -2 in ids else 0
        compounds = []
        if low == -2:
            at = ids.index(-2)
            while True:
                main, parts = self._parts[words[at]]
                compounds.append((at, main, parts))
                try:
                    at = ids.index(-2, at + 1)
                except ValueError:
                    break
        return ids, compounds

    def pending(self) -> int:
        """Words waiting to be inverted."""
        return len(self._pending_ids)

    def flush(self) -> None:
        """Invert the texts added since the last flush into postings: for each text and term, in term order
        within a text, the term's positions as the analyzer numbers them."""
        if not self._pending_ids:
            return
        ids = np.empty(len(self._pending_ids), dtype=np.int64)
        struct.pack_into(f"{len(ids)}q", ids, 0, *self._pending_ids)
        sizes = np.array(self._pending_sizes, dtype=np.int64)
        text_docs = np.array(self._pending_docs, dtype=np.int64)
        compounds = self._pending_compounds
        self._pending_ids, self._pending_docs, self._pending_sizes, self._pending_compounds = [], [], [], []
        text_starts = np.cumsum(sizes) - sizes
        text_of = np.repeat(np.arange(len(sizes)), sizes)
        part_terms: list[int] = []
        part_words: list[int] = []
        for at, main, parts in compounds:
            ids[at] = main
            part_terms.extend(parts)
            part_words.extend([at] * len(parts))
        kept_mask = ids >= 0
        kept = np.flatnonzero(kept_mask)
        texts = text_of[kept]
        rule = self.pipeline.positions
        # Positions are found for the words kept (and the words with parts) only.
        if rule == "original":  # a word's index in its text
            found = kept - text_starts[texts]
        else:
            # Words kept before this one in its text (renumbered from 0, or from the first word kept): the
            # words kept before it in the batch, less those before its text's first (its "first rank").
            kept_before = np.cumsum(kept_mask) - kept_mask
            first_ranks = kept_before[text_starts]
            if rule == "renumber":
                local = np.arange(len(ids)) - text_starts[text_of]
                first_kept = np.minimum.reduceat(np.where(kept_mask, local, len(ids)), text_starts)
                first_ranks = first_ranks - np.where(first_kept < len(ids), first_kept, 0)
            found = np.arange(len(kept)) - first_ranks[texts]  # the n-th word kept has n kept before it
        terms = ids[kept]
        arrival = kept * 2
        if part_terms:
            # Parts share the position of the last word kept in the text (0 before any), after their word.
            where = np.array(part_words, dtype=np.int64)
            part_texts = text_of[where]
            word_positions = kept_before[where] - first_ranks[part_texts]  # parts come with "parts-share"
            shared = np.maximum(word_positions + kept_mask[where] - 1, 0)
            terms = np.concatenate((terms, np.array(part_terms, dtype=np.int64)))
            texts = np.concatenate((texts, part_texts))
            found = np.concatenate((found, shared))
            arrival = np.concatenate((arrival, where * 2 + 1))
        if self.record_lengths is not None:
            # Each text's length: its words kept (compounds whose word is dropped not) and their parts.
            lengths = np.add.reduceat(kept_mask, text_starts, dtype=np.int64)
            if part_terms:
                lengths += np.bincount(part_texts, minlength=len(lengths))
            self.record_lengths(text_docs, lengths)
        count = len(terms)
        if not count:
            return
        order = _sort_order(texts, terms, arrival)  # by text, then term, then as the analyzer yields them
        terms, texts = terms[order], texts[order]
        starts = np.flatnonzero(np.concatenate(([True], (terms[1:] != terms[:-1]) | (texts[1:] != texts[:-1]))))
        freqs = np.diff(np.append(starts, count))
        postings = self.postings
        postings.tids.frombytes(terms[starts].astype(np.int32).tobytes())
        postings.docs.frombytes(text_docs[texts[starts]].astype(np.int32).tobytes())
        postings.weights.frombytes((freqs * self.boost).astype(np.float64).tobytes())
        postings.counts.frombytes(freqs.astype(np.int32).tobytes())
        postings.positions.frombytes(found[order].astype(np.int32).tobytes())


def _sort_order(*keys: np.ndarray) -> np.ndarray:
    """The stable order sorting by the first key, then the next ones (numbers from 0), as np.lexsort of the
    keys reversed; one stable sort of the keys packed into one integer when they fit 63 bits (5x faster)."""
    bits = [max(int(key.max()), 1).bit_length() for key in keys]
    if min(int(key.min()) for key in keys) < 0 or sum(bits) > 63:
        return np.lexsort(keys[::-1])
    packed = np.zeros(len(keys[0]), dtype=np.int64)
    for key, width in zip(keys, bits, strict=True):
        packed <<= width
        packed |= key
    return np.argsort(packed, kind="stable")


def plain_indexer(field: wf.FieldType) -> Callable[[object], list]:
    """Index values of a field without positions: an ID's value is its one term; others (keywords, dates)
    are cached per value, since few distinct values repeat across releases."""
    fmt = field.format
    if type(field) is wf.ID and type(field.analyzer) is IDTokenizer and type(fmt) is Existence:
        boost = fmt.field_boost
        return lambda value: [(value.encode("utf-8"), 1, boost, b"")]
    if type(field) is wf.DATETIME and type(fmt) is Existence and field.shift_step:
        return _date_indexer(field)
    cache: dict = {}

    def index(value) -> list:
        try:
            found = cache.get(value)
        except TypeError:  # a list of values: not cached
            return list(field.index(value))
        if found is None:
            if len(cache) > PLAIN_CACHE_LIMIT:
                cache.clear()
            found = cache[value] = list(field.index(value))
        return found

    return index


def _date_indexer(field: wf.DATETIME) -> Callable[[object], list]:
    """DATETIME.index for one datetime: its number found once (not once per shifted term), its terms as
    NUMERIC.to_bytes makes them."""
    heads = [(shift, pack_byte(shift)) for shift in range(0, field.bits, field.shift_step)]
    pack = adapter.numeric_struct(field).pack
    numtype, bits, signed = field.numtype, field.bits, field.signed

    def index(value) -> list:
        number = field.prepare_datetime(value) if not isinstance(value, (list, tuple)) else None
        if type(number) is not int:  # lists, bytes: as Whoosh does
            return list(field.index(value))
        sortable = to_sortable(numtype, bits, signed, field.prepare_number(number))
        return [(head + pack(sortable >> shift), 1, 1.0, b"") for shift, head in heads]

    return index


def fast_field(field: wf.FieldType, postings: _FieldPostings | None = None) -> _PositionsField | None:
    """A cached word pipeline for a TEXT field with positions, when its analyzer allows one."""
    if (
        type(field) is wf.TEXT
        and type(field.format) is Positions
        and not field.vector
        and not field.separate_spelling()
        and word_pipeline(field.analyzer) is not None
    ):
        return _PositionsField(field, postings if postings is not None else _FieldPostings())
    return None
