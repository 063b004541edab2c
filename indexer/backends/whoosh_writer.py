"""Fast segment writing for Whoosh: documents inverted in memory, written as one finished segment.

Whoosh's own writer analyses text through a chain of generators and Token objects, pickles every posting
to temporary run files, then sorts and merges them at commit: about 100 releases/s with our schema.
This writer analyses each distinct word once per segment (a cached pipeline equivalent to the analyzer,
shared by the fields analysed alike), inverts batches of texts into flat posting arrays with numpy,
encodes positions and computes every block's statistics with numpy when the segment is written, and
writes the segment in Whoosh's format (through its codec classes where they are not the bottleneck):
tests check that stored fields and lengths come out byte for byte as Whoosh writes them, and terms and
postings the same. Posting blocks are pickled with protocol 5 codes rather than Whoosh's 2 (its reader
takes any): 9x faster to read, half the size; for text and ID fields numpy lays out the pickles of all
blocks, their records and the term index records at once (only zlib and the key hashes run per block or
term). Text is cut at spaces before the word pattern runs, and its chunks are cached like words; a whole
text seen a second time (boilerplate) is remembered with its term numbers. Each
build worker fills one builder and writes its segment when its memory budget is reached; the build lists
every segment in one table of contents.
"""

from __future__ import annotations

import operator
import re
import struct
import zlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from hashlib import md5
from itertools import chain
from pickle import dumps

import numpy as np
from whoosh import fields as wf
from whoosh.analysis import (
    CharsetFilter,
    CompositeAnalyzer,
    IDTokenizer,
    LowercaseFilter,
    RegexTokenizer,
    StopFilter,
    StripFilter,
)
from whoosh.analysis.morph import StemFilter
from whoosh.analysis.tokenizers import default_pattern
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3PostingsWriter, W3TermInfo
from whoosh.filedb.filetables import _lengths as _KEY_VALUE_LENGTHS
from whoosh.filedb.filetables import md5_hash
from whoosh.formats import Existence, Positions
from whoosh.system import pack_byte, pack_int, pack_long, pack_ushort
from whoosh.util.numeric import _length_byte_cache, byte_to_length, length_to_byte, to_sortable

from ..facets import SegmentFacets
from ..schema import WORD_PATTERN

# Posting blocks smaller than this (pickled) are stored uncompressed: zlib would not shrink them.
COMPRESS_FROM = 256
_TERMINFO = W3TermInfo._struct
# Whoosh pickles posting blocks with protocol 2, where every bytes value (a posting's positions) becomes a
# call to _codecs.encode; its reader takes any protocol, and protocol 5 stores bytes as they are: blocks
# pickle and unpickle about 9x faster and are half the size.
BLOCK_PICKLE = 5
# Distinct words remembered by a field's word pipeline before it starts afresh (bounds memory).
WORD_CACHE_LIMIT = 400_000
PLAIN_CACHE_LIMIT = 50_000
# A field length -> the length stored for it (byte_to_length(length_to_byte(length))), as met.
_ROUNDED_LENGTHS: dict[int, int] = {}
# Whole texts remembered (see _Vocabulary.remember): bytes of the texts kept, hashes of texts seen once.
TEXT_CACHE_BYTES = 16 << 20
SEEN_TEXTS_LIMIT = 100_000
# Words of a field's texts inverted into postings at a time, with numpy.
FLUSH_WORDS = 1 << 16
# Characters that are neither word characters nor "." nor "&": spaces in their place change no word of
# the patterns in _SPACE_FREE_PATTERNS, and make most chunks between spaces one word ("T-Mobile's").
_SPACED = tuple("-'/,():\"@*\u2019\u201c\u201d\u2022")


# Tokenizer patterns (Whoosh's default and ours) whose words hold only word characters, "." and "&", and
# whose lookaheads only look past a "." that a word character follows: no word spans or sees whitespace.
_SPACE_FREE_PATTERNS = frozenset({default_pattern.pattern, WORD_PATTERN})


# ---- Analysis ---------------------------------------------------------------------------------


@dataclass
class WordPipeline:
    """An analyzer seen as a function of each word alone, which can then be cached per word.

    positions says how words dropped (stop words) affect the positions of the others: "original"
    (unchanged), "renumber" (StopFilter(renumber=True): consecutive from the first word kept) or
    "parts-share" (a position filter: consecutive from 0 over words kept, and the parts of a compound
    word share the position of the last word kept).
    """

    expression: re.Pattern
    term_of: Callable[[str], str | None]  # a word -> its term, or None when dropped
    parts_of: Callable[[str], list[str]] | None  # a word -> terms of its parts (compound words)
    positions: str
    # Words never hold nor look across whitespace: a text's words are those of its chunks between spaces.
    splits_at_spaces: bool = False

    def words(self, text: str) -> list[str]:
        """The words the tokenizer finds in a text."""
        expression = self.expression
        if not expression.groups:
            return expression.findall(text)
        return [m.group(0) for m in expression.finditer(text)]

    def analyse(self, word: str):
        """A word's cached form: its term (bytes), None when dropped, or (term or None, part terms)."""
        term = self.term_of(word)
        main = term.encode("utf-8") if term is not None else None
        if self.parts_of is not None:
            parts = self.parts_of(word)
            if parts:
                return (main, tuple(part.encode("utf-8") for part in parts))
        return main


def word_pipeline(analyzer) -> WordPipeline | None:
    """The analyzer as a WordPipeline when it is a regex tokenizer followed by per-word filters; else None.

    Known Whoosh filters are recognised. A custom filter takes part by declaring what it does:
    per_word(word) -> word or None (a mapping, None drops the word); word_parts(word) -> list of parts
    indexed beside the word (after the filters that follow); parts_share_position = True (a filter that
    numbers words kept from 0, parts sharing the last word's position).
    """
    if not isinstance(analyzer, CompositeAnalyzer) or not analyzer.items:
        return None
    tokenizer, *filters = analyzer.items
    if type(tokenizer) is not RegexTokenizer or tokenizer.gaps:
        return None
    steps: list[Callable[[str], str | None]] = []
    split_at, splitter = None, None
    positions = "renumber"
    numbered = False
    for item in filters:
        kind = type(item)
        if kind is LowercaseFilter:
            steps.append(str.lower)
        elif kind is StripFilter:
            steps.append(str.strip)
        elif kind is CharsetFilter:
            table = item.charmap
            if steps and steps[-1] is str.lower and _lowercase_ascii_kept(table):
                # Lower-case ASCII words come out unchanged: only words with other characters are mapped.
                steps.append(lambda text, table=table: text if text.isascii() else text.translate(table))
            else:
                steps.append(lambda text, table=table: text.translate(table))
        elif kind is StopFilter:
            if numbered:
                return None  # words dropped after numbering leave gaps this pipeline does not model
            positions = "renumber" if item.renumber else "original"

            def stop(text, stops=item.stops, lo=item.min, hi=item.max):
                if len(text) < lo or (hi is not None and len(text) > hi) or text in stops:
                    return None
                return text

            steps.append(stop)
        elif kind is StemFilter:
            steps.append(lambda text, stem=item._stem, ignore=item.ignore: text if text in ignore else stem(text))
        elif callable(getattr(item, "per_word", None)):
            steps.append(item.per_word)
        elif callable(getattr(item, "word_parts", None)) and splitter is None and not numbered:
            split_at, splitter = len(steps), item.word_parts
        elif getattr(item, "parts_share_position", False) and not numbered:
            numbered, positions = True, "parts-share"
        else:
            return None
    if splitter is not None and not numbered:
        return None  # parts without a position rule: not modelled

    def run(chain, word: str) -> str | None:
        for step in chain:
            word = step(word)
            if word is None:
                return None
        return word

    before, after = steps[:split_at], steps[split_at:]

    def parts_of(word: str) -> list[str]:
        head = run(before, word) if before else word
        if head is None:
            return []
        parts = splitter(head)
        if not parts:  # most words
            return []
        return [term for part in parts if (term := run(after, part)) is not None]

    return WordPipeline(
        tokenizer.expression,
        lambda word: run(steps, word),
        parts_of if splitter is not None else None,
        positions,
        tokenizer.expression.pattern in _SPACE_FREE_PATTERNS and tokenizer.expression.flags == re.UNICODE,
    )


def _lowercase_ascii_kept(table) -> bool:
    """Whether str.translate(table) leaves every ASCII text without upper-case letters unchanged."""
    for code in range(128):
        char = chr(code)
        if char.isupper():
            continue
        try:
            mapped = table[code]
        except LookupError:
            continue
        if mapped != char and mapped != code:
            return False
    return True


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
        # Whole texts seen more than once -> (term numbers, length, compound words) as
        # _PositionsField._analysed gives them; the hashes of texts seen once. Term numbers stay valid for
        # the segment, whatever happens to the word caches.
        self.texts: dict[str, tuple[array, int, list]] = {}
        self.text_bytes = 0  # rough memory held by texts
        self._seen: set[int] = set()
        self._ranked: tuple[int, np.ndarray, list[bytes]] | None = None

    def remember(self, text: str, ids: list[int], length: int, compounds: list) -> None:
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
        self.texts[text] = (array("q", ids), length, compounds)
        self.text_bytes += 100 + len(text) + 8 * len(ids)

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


# Encoded positions of a term seen once, at each position below this: the commonest posting value.
_SINGLES = 4096
_SINGLE_VALUES = [Positions().encode([pos]) for pos in range(_SINGLES)]
# Pickle's protocol 2 writes a list of more than this many items in several batches: not modelled.
_PICKLE_BATCH = 1000
_OP_K, _OP_M, _OP_J = b"KMJ"


@dataclass
class _PositionCodes:
    """Postings' positions as Positions().encode lays them out: per posting its count, where its gaps start
    (heads) and whether it has several; per position its gap and the size of its pickle code; per posting
    the size of its encoded value."""

    counts: np.ndarray
    gaps: np.ndarray
    code_sizes: np.ndarray
    heads: np.ndarray
    multi: np.ndarray
    sizes: np.ndarray

    @classmethod
    def of(cls, counts: np.ndarray, firsts: np.ndarray, positions: np.ndarray) -> _PositionCodes:
        """The codes of postings whose posting i has counts[i] positions from firsts[i]."""
        counts = counts.astype(np.int64)
        group = np.repeat(np.arange(len(counts)), counts)
        index = np.arange(len(group)) - np.repeat(np.cumsum(counts) - counts, counts) + firsts[group]
        gaps = positions[index].astype(np.int64)
        heads = np.cumsum(counts) - counts  # where each posting's positions start in `gaps`
        gaps[1:] -= positions[index[:-1]]
        gaps[heads] = positions[index[heads]]
        code_sizes = np.where(gaps < 256, 2, np.where(gaps < 65536, 3, 5))
        multi = counts > 1
        # count (4) + PROTO 2, EMPTY_LIST, BINPUT 0 (5) + MARK if several + codes + APPEND(S) + STOP
        sizes = 9 + multi + np.add.reduceat(code_sizes, heads) + 2
        return cls(counts, gaps, code_sizes, heads, multi, sizes)

    def pickled(self) -> np.ndarray:
        """Postings whose encoding Positions().encode pickles otherwise (batched long lists, odd gaps)."""
        odd = np.add.reduceat((self.gaps < 0) | (self.gaps >= 2**31), self.heads) > 0
        return np.flatnonzero((self.counts > _PICKLE_BATCH) | odd)

    def write(self, out: np.ndarray, begins: np.ndarray) -> None:
        """Write each posting's encoded value into out from begins[i] (not for pickled() postings)."""
        counts, gaps, code_sizes, heads, multi = self.counts, self.gaps, self.code_sizes, self.heads, self.multi
        ends = begins + self.sizes
        for k, shift in enumerate((24, 16, 8, 0)):
            out[begins + k] = (counts >> shift) & 255
        for k, byte in enumerate(b"\x80\x02]q\x00"):
            out[begins + 4 + k] = byte
        out[begins[multi] + 9] = ord("(")
        code_starts = np.cumsum(code_sizes) - code_sizes
        at = np.repeat(begins + 9 + multi - code_starts[heads], counts) + code_starts
        out[at] = np.where(code_sizes == 2, _OP_K, np.where(code_sizes == 3, _OP_M, _OP_J))
        for k in range(4):  # little-endian, as many bytes as the opcode takes
            wide = code_sizes > k + 1
            out[at[wide] + k + 1] = (gaps[wide] >> (8 * k)) & 255
        out[ends - 2] = np.where(multi, ord("e"), ord("a"))
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
        self._pending_ids = array("q")  # array.fromlist and numpy read it 3x faster than a list
        self._pending_docs: list[int] = []
        self._pending_sizes: list[int] = []
        self._pending_compounds: list[tuple[int, int, tuple[int, ...]]] = []

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
        if None in ids:
            ids = self._learn_chunks(chunks, ids)
        low = min(ids, default=0)  # -3: some chunks to replace by their words
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
        vocabulary = self.vocabulary
        found = vocabulary.texts.get(value)
        if found is not None:
            ids, length, compounds = found
            if not ids:
                return 0
            self._pending_ids += ids
        else:
            ids, length, compounds = self._analysed(value)
            vocabulary.remember(value, ids, length, compounds)
            if not ids:
                return 0
            self._pending_ids.fromlist(ids)
        if compounds:
            base = len(self._pending_ids) - len(ids)
            self._pending_compounds += [(base + at, main, parts) for at, main, parts in compounds]
        self._pending_docs.append(docnum)
        self._pending_sizes.append(len(ids))
        if len(self._pending_ids) >= FLUSH_WORDS:
            self.flush()
        return length

    def _analysed(self, value: str) -> tuple[list[int], int, list[tuple[int, int, tuple[int, ...]]]]:
        """A text's term numbers (-1 dropped words, -2 compound words), its length and its compound words
        as (word index, term or -1, part terms)."""
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
        length = len(ids) - ids.count(-1)
        compounds = []
        if low == -2:
            at = ids.index(-2)
            while True:
                main, parts = self._parts[words[at]]
                compounds.append((at, main, parts))
                length += len(parts) - (main < 0)
                try:
                    at = ids.index(-2, at + 1)
                except ValueError:
                    break
        return ids, length, compounds

    def pending(self) -> int:
        """Words waiting to be inverted."""
        return len(self._pending_ids)

    def flush(self) -> None:
        """Invert the texts added since the last flush into postings: for each text and term, in term order
        within a text, the term's positions as the analyzer numbers them."""
        if not self._pending_ids:
            return
        ids = np.array(self._pending_ids, dtype=np.int64)
        sizes = np.array(self._pending_sizes, dtype=np.int64)
        text_docs = np.array(self._pending_docs, dtype=np.int64)
        compounds = self._pending_compounds
        self._pending_ids, self._pending_docs, self._pending_sizes, self._pending_compounds = array("q"), [], [], []
        text_starts = np.cumsum(sizes) - sizes
        text_of = np.repeat(np.arange(len(sizes)), sizes)
        part_terms: list[int] = []
        part_words: list[int] = []
        for at, main, parts in compounds:
            ids[at] = main
            part_terms.extend(parts)
            part_words.extend([at] * len(parts))
        kept_mask = ids >= 0
        rule = self.pipeline.positions
        if rule == "original":
            positions = np.arange(len(ids)) - text_starts[text_of]
        else:
            # Words kept before this one in its text (renumbered from 0, or from the first word kept).
            kept_before = np.cumsum(kept_mask) - kept_mask
            positions = kept_before - kept_before[text_starts][text_of]
            if rule == "renumber":
                local = np.arange(len(ids)) - text_starts[text_of]
                first_kept = np.minimum.reduceat(np.where(kept_mask, local, len(ids)), text_starts)
                positions = positions + np.where(first_kept < len(ids), first_kept, 0)[text_of]
        kept = np.flatnonzero(kept_mask)
        terms = ids[kept]
        texts = text_of[kept]
        found = positions[kept]
        arrival = kept * 2
        if part_terms:
            # Parts share the position of the last word kept in the text (0 before any), after their word.
            where = np.array(part_words, dtype=np.int64)
            shared = np.maximum(positions[where] + kept_mask[where] - 1, 0)
            terms = np.concatenate((terms, np.array(part_terms, dtype=np.int64)))
            texts = np.concatenate((texts, text_of[where]))
            found = np.concatenate((found, shared))
            arrival = np.concatenate((arrival, where * 2 + 1))
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
    pack = field._struct.pack
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


# ---- Writing ----------------------------------------------------------------------------------


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
            databytes = zlib.compress(databytes, comp)
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


def unwritable_field(doc: dict) -> str | None:
    """The first field of a document whose text cannot be stored as UTF-8 (lone surrogates), or None."""
    for name, value in doc.items():
        if type(value) is str:
            if value.isascii():  # a flag on the string: no need to encode it
                continue
            values = (value,)
        elif isinstance(value, (list, tuple)):
            values = value
        else:
            values = (value,)
        for item in values:
            if isinstance(item, str) and not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    return name
    return None


class SegmentBuilder:
    """Inverts documents in memory and writes them as one Whoosh segment in an index folder."""

    def __init__(self, storage, indexname: str, schema: wf.Schema, codec=None):
        from whoosh.codec.whoosh3 import W3Codec

        self.storage = storage
        self.schema = schema
        self.codec = codec or W3Codec()
        if not isinstance(self.codec, W3Codec):
            raise TypeError("SegmentBuilder writes Whoosh 3 segments: pass a whoosh.codec.whoosh3.W3Codec")
        self.segment = self.codec.new_segment(storage, indexname)
        self.perdoc = self.codec.per_document_writer(storage, self.segment)
        self.docnum = 0
        self.facets = SegmentFacets()
        self._facet_fields = self.facets.fields()
        # Fields analysed alike (the same analyzer) share one vocabulary: term numbers and word caches.
        vocabularies: dict[int, _Vocabulary] = {}
        self._postings = {
            name: _FieldPostings(
                vocabularies.setdefault(id(field.analyzer), _Vocabulary()) if type(field) is wf.TEXT else None
            )
            for name, field in schema.items()
            if field.indexed
        }
        self._lengths: dict[str, array] = {}  # scorable field -> field length per document, as stored
        self._fast = {
            name: fast
            for name, field in schema.items()
            if field.indexed
            and name not in self._facet_fields
            and (fast := fast_field(field, self._postings[name])) is not None
        }
        self._plain = {name: plain_indexer(field) for name, field in schema.items() if field.indexed}
        self._plans = {name: self._plan(name, field) for name, field in schema.items()}
        # The methods that add a plain field's postings (the arrays stay until the segment is written).
        self._appenders = {
            name: (p.term_ids.get, p.term_id, p.tids.append, p.docs.append, p.weights.append, p.encoded.append)
            for name, p in self._postings.items()
        }
        self._ordered = [(name, self._plans[name]) for name in sorted(self._plans) if not name.startswith("_")]
        self._ordered_names = frozenset(name for name, _ in self._ordered)

    def memory_estimate(self) -> int:
        """Rough bytes held in memory by this segment's postings (for sizing segments)."""
        postings = sum(len(p.tids) for p in self._postings.values())
        pending = sum(fast.pending() for fast in self._fast.values())  # at most FLUSH_WORDS a field
        terms = sum(len(v.terms) for v in {id(p.vocabulary): p.vocabulary for p in self._postings.values()}.values())
        texts = sum(v.text_bytes for v in {id(p.vocabulary): p.vocabulary for p in self._postings.values()}.values())
        return postings * 40 + pending * 8 + terms * 150 + texts

    def add_document(self, doc: dict) -> None:
        """Add one document (field name -> value, as for Whoosh's add_document; no boosts)."""
        docnum = self.docnum
        perdoc = self.perdoc
        perdoc.start_doc(docnum)
        # W3PerDocWriter.add_field's work, done here without a call per field.
        stored_values, field_lengths = perdoc._storedfields, perdoc._fieldlengths
        facet_terms: dict[str, list[str]] = {}
        if doc.keys() <= self._ordered_names:
            fields = self._ordered  # the schema's fields in name order, as sorted(doc) gives them
        else:
            plans = self._plans
            fields = [
                (name, plans.get(name) or plans.setdefault(name, self._plan(name, self.schema[name])))
                for name in sorted(doc)
                if not name.startswith("_")
            ]
        value_of, lengths_of, rounded_of = doc.get, self._lengths, _ROUNDED_LENGTHS
        postings_of = self._appenders
        for fieldname, plan in fields:
            value = value_of(fieldname)
            if value is None:
                continue
            field, fast, plain, postings, scorable, stored, is_facet = plan
            length = 0
            if fast is not None:
                length = fast.add(value, docnum)
            elif plain is not None:
                items = plain(value)
                known, term_id, add_tid, add_doc, add_weight, add_value = postings_of[fieldname]
                for term, freq, weight, encoded in items:
                    tid = known(term)
                    add_tid(term_id(term) if tid is None else tid)
                    add_doc(docnum)
                    add_weight(weight)
                    add_value(encoded)
                    length += freq
                if is_facet:
                    facet_terms[fieldname] = [term.decode("utf-8") for term, *_ in items]
            if stored:
                stored_values[fieldname] = value
            if scorable:
                lengths = lengths_of.get(fieldname)
                if lengths is None:
                    lengths = lengths_of[fieldname] = array("I")
                if len(lengths) < docnum:
                    lengths.extend([0] * (docnum - len(lengths)))
                if length:
                    # The length column is written from these when the segment is (see _write_lengths).
                    rounded = rounded_of.get(length)
                    if rounded is None:
                        rounded = rounded_of[length] = byte_to_length(length_to_byte(length))
                    lengths.append(rounded)
                    field_lengths[fieldname] += length
                else:
                    lengths.append(0)
            if field.column_type:
                perdoc.add_column_value(fieldname, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self.facets.add(docnum, doc, facet_terms)
        self.docnum += 1

    def _plan(self, name: str, field: wf.FieldType) -> tuple:
        """What add_document does with a field: (field, fast indexer, plain indexer, postings, scorable,
        stored, facet field)."""
        indexed = field.indexed
        return (
            field,
            self._fast.get(name) if indexed else None,
            self._plain.get(name) if indexed else None,
            self._postings.get(name),
            indexed and field.scorable,
            field.stored,
            name in self._facet_fields,
        )

    def finish(self):
        """Write the segment's files (one compound file plus the facet sidecar); return the segment."""
        self._write_lengths()
        self.perdoc.close()
        for fast in self._fast.values():
            fast.flush()
        fieldwriter = self.codec.field_writer(self.storage, self.segment)
        tindex = fieldwriter._tindex
        tindex._write_hashes = lambda: _write_hash_tables(tindex)
        for fieldname in sorted(self._postings):
            postings = self._postings[fieldname]
            if not len(postings.tids):
                continue
            lengths = self._lengths.get(fieldname)
            if lengths is not None and len(lengths) < self.docnum:
                lengths.extend([0] * (self.docnum - len(lengths)))
            write_postings(fieldwriter, self.codec, fieldname, self.schema[fieldname], postings, lengths)
            self._postings[fieldname] = _FieldPostings()
        fieldwriter.close()
        self._postings.clear()
        segment = self.segment
        segment.set_doc_count(self.docnum)
        if self.docnum and segment.should_assemble():
            segment.create_compound_file(self.storage)
        self.facets.save(self.storage, segment)
        return segment

    def _write_lengths(self) -> None:
        """Each length column at once, with the bytes W3PerDocWriter.add_field would have added one by one:
        a field's column exists once a document has words in it; a byte per document (0 for none)."""
        perdoc = self.perdoc
        for fieldname, lengths in self._lengths.items():
            if not perdoc._fieldlengths.get(fieldname):
                continue
            name = f"_{fieldname}_len"  # whoosh3._lenfield
            if not perdoc._has_column(name):
                perdoc._create_column(name, LENGTHS_COLUMN)
            writer = perdoc._colwriters[name]
            data = _length_bytes(np.frombuffer(lengths, dtype=np.uint32).astype(np.int64)).astype(np.uint8)
            writer._dbfile.write(data.tobytes())
            writer._count = len(data)  # the column's finish() fills the documents after with 0


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
        databytes = zlib.compress(databytes, comp)
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


def write_postings(fieldwriter, codec, fieldname: str, field, postings: _FieldPostings, lengths: array | None) -> None:
    """write_field for a segment's postings, with the statistics of every block computed at once by numpy.

    Writes what write_field writes: the same blocks, term infos and term index records.
    """
    count = len(postings.tids)
    if not count:
        return
    rank, sorted_terms = postings.vocabulary.ranked()
    keys = rank[np.frombuffer(postings.tids, dtype=np.int32)]
    perm = np.argsort(keys, kind="stable")  # stable: each term's documents stay in order
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
        doc_list = docs[lo:hi].tolist()
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
            _extend_index(tindex.index, records_at)
            hashes = _md5_hashes(keys) if hashfn is _md5_hash else list(map(hashfn, keys))
            _add_to_buckets(buckets, hashes, records_at)
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
        databytes = zlib.compress(databytes, comp)
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
    int_sizes = np.where(deltas < 256, 2, np.where(deltas < 65536, 3, 5))
    int_firsts = np.cumsum(int_sizes) - int_sizes
    int_sums = np.add.reduceat(int_sizes, starts)
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
    at = (begins + 3 - int_firsts[starts])[block_of] + int_firsts
    out[at] = np.where(int_sizes == 2, _OP_K, np.where(int_sizes == 3, _OP_M, _OP_J))
    for k in range(4):  # little-endian, as many bytes as the opcode takes
        wide = int_sizes > k + 1
        out[at[wide] + k + 1] = (deltas[wide] >> (8 * k)) & 255
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
        out[at] = np.where(short, _OP["SHORT_BINBYTES"], _OP["BINBYTES"])
        out[at[short] + 1] = codes.sizes[short]
        for k in range(4):  # BINBYTES: a 4-byte little-endian length
            out[at[~short] + k + 1] = (codes.sizes[~short] >> (8 * k)) & 255
        codes.write(out, at + np.where(short, 2, 5))
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
    packed = [
        zlib.compress(data[a:z], compression)
        for a, z in zip(data_begins[packed_blocks].tolist(), data_ends[packed_blocks].tolist(), strict=True)
    ]
    data_sizes = raw_sizes.copy()
    data_sizes[packed_blocks] = [len(p) for p in packed]
    # The info tuple (postings, last document, top weight or the int 0, compression, length bytes) in
    # protocol 2 codes: PROTO, MARK, 4 one-byte ints and a wider one, the weight, TUPLE, STOP.
    doc_sizes = np.where(last_docs < 256, 2, np.where(last_docs < 65536, 3, 5))
    positive = tops > 0
    info_sizes = 2 + 1 + 2 + doc_sizes + np.where(positive, 9, 2) + 6 + 2
    record_sizes = 4 + info_sizes + data_sizes
    term_of = np.repeat(np.arange(len(term_blocks)), np.diff(np.append(term_blocks, count)))
    record_firsts = np.cumsum(record_sizes) - record_sizes
    begins = record_firsts + 4 * (term_of + 1)  # after the magic of each term so far
    term_sizes = 4 + np.add.reduceat(record_sizes, term_blocks)
    out = np.zeros(int(record_sizes.sum()) + 4 * len(term_blocks), dtype=np.uint8)
    term_begins = begins[term_blocks] - 4
    out[term_begins[:, None] + np.arange(4)] = np.frombuffer(WHOOSH3_HEADER_MAGIC, dtype=np.uint8)
    last = np.zeros(count, dtype=bool)
    last[np.append(term_blocks[1:], count) - 1] = True
    lengths = np.where(last, -1, 1) * (info_sizes + data_sizes)
    out[begins[:, None] + np.arange(4)] = lengths.astype(">i4").view(np.uint8).reshape(-1, 4)
    at = begins + 4
    out[at] = _OP["PROTO"]
    out[at + 1] = 2
    out[at + 2] = _OP["MARK"]
    out[at + 3] = _OP_K
    out[at + 4] = block_lengths  # below 256: see write_postings
    at = at + 5
    out[at] = np.where(doc_sizes == 2, _OP_K, np.where(doc_sizes == 3, _OP_M, _OP_J))
    for k in range(4):
        wide = doc_sizes > k + 1
        out[at[wide] + k + 1] = (last_docs[wide] >> (8 * k)) & 255
    at = at + doc_sizes
    _write_floats(out, at[positive], tops[positive])
    out[at[~positive]] = _OP_K  # the int 0
    at = at + np.where(positive, 9, 2)
    comps = np.zeros(count, dtype=np.int64)
    comps[packed_blocks] = compression
    for k, column in enumerate((comps, min_bytes, max_bytes)):
        out[at + 2 * k] = _OP_K
        out[at + 2 * k + 1] = column
    out[at + 6] = _OP["TUPLE"]
    out[at + 7] = _OP["STOP"]
    data_at = at + 8
    # Then the data: uncompressed blocks copied from raw, the others from their compressed bytes.
    plain = np.ones(count, dtype=bool)
    plain[packed_blocks] = False
    sizes = raw_sizes[plain]
    firsts = np.cumsum(sizes) - sizes
    within = np.arange(int(sizes.sum())) - np.repeat(firsts, sizes)
    out[np.repeat(data_at[plain], sizes) + within] = np.frombuffer(data, dtype=np.uint8)[
        np.repeat(data_begins[plain], sizes) + within
    ]
    if packed:
        joined = np.frombuffer(b"".join(packed), dtype=np.uint8)
        sizes = data_sizes[packed_blocks]
        firsts = np.cumsum(sizes) - sizes
        out[np.repeat(data_at[packed_blocks] - firsts, sizes) + np.arange(len(joined))] = joined
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
    out[(at + 1)[:, None] + np.arange(8)] = values.astype(">f8").view(np.uint8).reshape(-1, 8)


def _term_records(keys: list[bytes], infos: np.ndarray, position: int, out: list[bytes]) -> list[int]:
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
    return (begins + position).tolist()


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
    order = np.argsort(low, kind="stable")  # stable: each bucket's entries stay in order
    bounds = np.searchsorted(low[order], np.arange(257)).tolist()
    pairs = list(zip(numbers[order].tolist(), np.array(positions, dtype=np.int64)[order].tolist(), strict=True))
    for bucket in np.flatnonzero(np.diff(bounds)).tolist():
        buckets[bucket] += pairs[bounds[bucket] : bounds[bucket + 1]]


def _md5_hashes(keys: list[bytes]) -> list[int]:
    """_md5_hash of many keys: their digests read as numbers at once."""
    digests = b"".join(map(_DIGEST, map(md5, keys)))
    return np.frombuffer(digests, dtype=">u4")[3::4].tolist()


_DIGEST = operator.methodcaller("digest")
_POINTERS = np.dtype([("hash", ">u4"), ("position", ">i8")])  # filetables._pointer


def _write_hash_tables(tindex) -> None:
    """HashWriter._write_hashes: the same 256 hash tables, each written at once rather than slot by slot."""
    dbfile = tindex.dbfile
    for entries in tindex.buckets:
        slots = 2 * len(entries)
        tindex.directory.append((dbfile.tell(), slots))
        hashes, positions = [0] * slots, [0] * slots
        for hashed, position in entries:
            slot = (hashed >> 8) % slots
            while positions[slot]:  # taken (no key is at position 0, where the header is)
                slot = (slot + 1) % slots
            hashes[slot], positions[slot] = hashed, position
        table = np.empty(slots, dtype=_POINTERS)
        table["hash"], table["position"] = hashes, positions
        dbfile.write(table.tobytes())


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
