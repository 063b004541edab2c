"""Fast segment writing for Whoosh: documents inverted in memory, written as one finished segment.

Whoosh's own writer analyses text through a chain of generators and Token objects, pickles every posting
to temporary run files, then sorts and merges them at commit: about 100 releases/s with our schema.
This writer analyses each distinct word of a field once (a cached pipeline equivalent to the field's
analyzer), keeps a segment's postings in flat arrays (grouping long texts by term with numpy), and writes
the segment through Whoosh's own codec classes: tests check that stored fields and lengths come out byte
for byte as Whoosh writes them, and terms and postings the same. Each build worker fills one builder and
writes its segment when its memory budget is reached; the build lists every segment in one table of
contents.
"""

from __future__ import annotations

import operator
import re
import zlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass
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
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3PostingsWriter, W3TermInfo
from whoosh.formats import Existence, Positions
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from ..facets import SegmentFacets

# Posting blocks smaller than this (pickled) are stored uncompressed: zlib would not shrink them.
COMPRESS_FROM = 256
_TERMINFO = W3TermInfo._struct
# Distinct words remembered by a field's word pipeline before it starts afresh (bounds memory).
WORD_CACHE_LIMIT = 400_000
PLAIN_CACHE_LIMIT = 50_000
# Texts with at least this many words are grouped by term with numpy rather than word by word.
NUMPY_FROM = 48


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

    def analyse(self, word: str):
        """A word's cached form: its term (bytes), None when dropped, or (term or None, part terms)."""
        term = self.term_of(word)
        main = term.encode("utf-8") if term is not None else None
        if self.parts_of is not None:
            parts = tuple(part.encode("utf-8") for part in self.parts_of(word))
            if parts:
                return (main, parts)
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
            steps.append(lambda text, table=item.charmap: text.translate(table))
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
        head = run(before, word)
        if head is None:
            return []
        return [term for part in splitter(head) if (term := run(after, part)) is not None]

    return WordPipeline(
        tokenizer.expression,
        lambda word: run(steps, word),
        parts_of if splitter is not None else None,
        positions,
    )


class _FieldPostings:
    """One field's postings in a segment being built, in the order documents came: term number,
    document, weight (exact, as Whoosh's writer sees it; stored as 32-bit floats) and encoded value."""

    __slots__ = ("term_ids", "terms", "tids", "docs", "weights", "values")

    def __init__(self):
        self.term_ids: dict[bytes, int] = {}
        self.terms: list[bytes] = []
        self.tids = array("i")
        self.docs = array("i")
        self.weights = array("d")
        self.values: list[bytes] = []

    def term_id(self, term: bytes) -> int:
        """The number of a term in this field, given on first sight."""
        found = self.term_ids.get(term)
        if found is None:
            found = self.term_ids[term] = len(self.terms)
            self.terms.append(term)
        return found

    def grouped(self, chunk: int = 65536):
        """(term, documents, weights, values) per term in term order, documents ascending (lists)."""
        count = len(self.tids)
        if not count:
            return
        rank = np.empty(len(self.terms), dtype=np.int64)
        order = sorted(range(len(self.terms)), key=self.terms.__getitem__)
        rank[order] = np.arange(len(order))
        keys = rank[np.frombuffer(self.tids, dtype=np.int32)]
        perm = np.argsort(keys, kind="stable")  # stable: each term's documents stay in order
        sorted_keys = keys[perm]
        starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
        ends = np.append(starts[1:], count)
        docs = np.frombuffer(self.docs, dtype=np.int32)[perm]
        weights = np.frombuffer(self.weights, dtype=np.float64)[perm]
        terms = [self.terms[i] for i in order]
        starts_l, ends_l = starts.tolist(), ends.tolist()
        first = 0
        while first < len(starts_l):
            # Convert a chunk of postings to lists at a time: bounded memory, few numpy calls.
            last = max(first + 1, int(np.searchsorted(starts, starts_l[first] + chunk, side="left")))
            lo, hi = starts_l[first], ends_l[last - 1]
            doc_list = docs[lo:hi].tolist()
            weight_list = weights[lo:hi].tolist()
            value_list = list(map(self.values.__getitem__, perm[lo:hi].tolist()))
            for n in range(first, last):
                a, b = starts_l[n] - lo, ends_l[n] - lo
                yield terms[n], doc_list[a:b], weight_list[a:b], value_list[a:b]
            first = last


# Encoded positions of a term seen once, at each position below this: the commonest posting value.
_SINGLES = 4096


class _PositionsField:
    """Indexes one TEXT field with positions straight into a segment's posting lists."""

    def __init__(self, field: wf.FieldType, postings: _FieldPostings):
        self.pipeline = word_pipeline(field.analyzer)
        self.boost = float(field.format.field_boost)
        self.postings = postings
        self._ids: dict[str, int] = {}  # word -> term number; -1 dropped; -2 has parts (see _parts)
        self._parts: dict[str, tuple[int, tuple[int, ...]]] = {}  # compound word -> (term or -1, parts)
        self._encode = encode = Positions().encode
        self._single = [encode([pos]) for pos in range(_SINGLES)]

    def _word_ids(self, words: list[str]) -> list[int]:
        cache = self._ids
        if len(cache) > WORD_CACHE_LIMIT:
            cache.clear()
            self._parts.clear()
        ids = list(map(cache.get, words))
        if None in ids:
            analyse, term_id = self.pipeline.analyse, self.postings.term_id
            for i, found in enumerate(ids):
                if found is None:
                    word = words[i]
                    found = cache.get(word)
                    if found is None:
                        form = analyse(word)
                        if form is None:
                            found = -1
                        elif type(form) is tuple:
                            main, parts = form
                            self._parts[word] = (term_id(main) if main is not None else -1, tuple(map(term_id, parts)))
                            found = -2
                        else:
                            found = term_id(form)
                        cache[word] = found
                    ids[i] = found
        return ids

    def _grouped(self, words: list[str], ids: list[int]) -> dict[int, list[int]]:
        """Term number -> positions, as the analyzer numbers them."""
        rule = self.pipeline.positions
        positions: dict[int, list[int]] = {}
        if -2 in ids:  # compound words: their parts share the position of the last word kept
            pos = -1
            for word, found in zip(words, ids, strict=True):
                if found == -1:
                    continue
                main, parts = self._parts[word] if found == -2 else (found, ())
                if main >= 0:
                    pos += 1
                    positions.setdefault(main, []).append(pos)
                shared = pos if pos > 0 else 0
                for part in parts:
                    positions.setdefault(part, []).append(shared)
            return positions
        if -1 not in ids:
            pairs = enumerate(ids)
        elif rule == "original":
            pairs = ((i, found) for i, found in enumerate(ids) if found >= 0)
        else:
            first = 0 if rule == "parts-share" else next((i for i, found in enumerate(ids) if found >= 0), 0)
            pairs = enumerate([found for found in ids if found >= 0], first)
        for pos, found in pairs:
            known = positions.get(found)
            if known is None:
                positions[found] = [pos]
            else:
                known.append(pos)
        return positions

    def add(self, value: str, docnum: int) -> tuple[int, int]:
        """Add the field's terms for one document; return its length (words kept) and postings added."""
        expression = self.pipeline.expression
        words = expression.findall(value) if not expression.groups else [m.group(0) for m in expression.finditer(value)]
        ids = self._word_ids(words)
        if len(ids) >= NUMPY_FROM and -2 not in ids:
            return self._add_vectorised(ids, docnum)
        positions = self._grouped(words, ids)
        single, encode = self._single, self._encode
        lists = list(positions.values())
        freqs = list(map(len, lists))
        postings = self.postings
        postings.tids.extend(positions)
        postings.docs.extend([docnum] * len(lists))
        boost = self.boost
        postings.weights.extend([freq * boost for freq in freqs])
        postings.values.extend(
            [single[p[0]] if f == 1 and p[0] < _SINGLES else encode(p) for p, f in zip(lists, freqs, strict=True)]
        )
        return sum(freqs), len(lists)

    def _add_vectorised(self, ids: list[int], docnum: int) -> tuple[int, int]:
        """add() for long texts: group positions by term with numpy instead of a loop per word."""
        found = np.array(ids, dtype=np.int64)
        kept_mask = found >= 0
        if kept_mask.all():
            kept, positions = found, np.arange(len(found))
        else:
            kept = found[kept_mask]
            rule = self.pipeline.positions
            if rule == "original":
                positions = np.flatnonzero(kept_mask)
            elif rule == "parts-share" or not len(kept):
                positions = np.arange(len(kept))
            else:
                positions = np.arange(len(kept)) + int(np.argmax(kept_mask))
        count = len(kept)
        if not count:
            return 0, 0
        order = np.argsort(kept, kind="stable")
        sorted_ids = kept[order]
        starts = np.flatnonzero(np.concatenate(([True], sorted_ids[1:] != sorted_ids[:-1])))
        freqs = np.diff(np.append(starts, count))
        sorted_positions = positions[order].tolist()
        single, encode = self._single, self._encode
        values = [
            single[sorted_positions[a]]
            if f == 1 and sorted_positions[a] < _SINGLES
            else encode(sorted_positions[a : a + f])
            for a, f in zip(starts.tolist(), freqs.tolist(), strict=True)
        ]
        postings = self.postings
        postings.tids.frombytes(sorted_ids[starts].astype(np.int32).tobytes())
        postings.docs.frombytes(np.full(len(starts), docnum, dtype=np.int32).tobytes())
        postings.weights.frombytes((freqs * self.boost).astype(np.float64).tobytes())
        postings.values.extend(values)
        return count, len(starts)


def plain_indexer(field: wf.FieldType) -> Callable[[object], list]:
    """Index values of a field without positions: an ID's value is its one term; others (keywords, dates)
    are cached per value, since few distinct values repeat across releases."""
    fmt = field.format
    if type(field) is wf.ID and type(field.analyzer) is IDTokenizer and type(fmt) is Existence:
        boost = fmt.field_boost
        return lambda value: [(value.encode("utf-8"), 1, boost, b"")]
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
        databytes = dumps((deltas, self._mini_weights(), self._mini_values()), 2)
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
        values = value if isinstance(value, (list, tuple)) else (value,)
        for item in values:
            if isinstance(item, str):
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    return name
    return None


class SegmentBuilder:
    """Inverts documents in memory and writes them as one Whoosh segment in an index folder."""

    def __init__(self, storage, indexname: str, schema: wf.Schema, codec=None):
        from whoosh.codec import default_codec

        self.storage = storage
        self.schema = schema
        self.codec = codec or default_codec()
        self.segment = self.codec.new_segment(storage, indexname)
        self.perdoc = self.codec.per_document_writer(storage, self.segment)
        self.docnum = 0
        self.facets = SegmentFacets()
        self._facet_fields = self.facets.fields()
        self._postings = {name: _FieldPostings() for name, field in schema.items() if field.indexed}
        self._lengths: dict[str, array] = {}  # scorable field -> field length per document, as stored
        self._fast = {
            name: fast
            for name, field in schema.items()
            if field.indexed
            and name not in self._facet_fields
            and (fast := fast_field(field, self._postings[name])) is not None
        }
        self._plain = {name: plain_indexer(field) for name, field in schema.items() if field.indexed}
        self.posting_count = 0

    def memory_estimate(self) -> int:
        """Rough bytes held in memory by this segment's postings (for sizing segments)."""
        terms = sum(len(p.terms) for p in self._postings.values())
        return self.posting_count * 40 + terms * 150

    def add_document(self, doc: dict) -> None:
        """Add one document (field name -> value, as for Whoosh's add_document; no boosts)."""
        schema = self.schema
        docnum = self.docnum
        perdoc = self.perdoc
        perdoc.start_doc(docnum)
        facet_terms: dict[str, list[str]] = {}
        for fieldname in sorted(name for name in doc if not name.startswith("_")):
            value = doc[fieldname]
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                fast = self._fast.get(fieldname)
                if fast is not None:
                    length, added = fast.add(value, docnum)
                    self.posting_count += added
                else:
                    items = self._plain[fieldname](value)
                    postings = self._postings[fieldname]
                    term_id = postings.term_id
                    for term, freq, weight, encoded in items:
                        postings.tids.append(term_id(term))
                        postings.docs.append(docnum)
                        postings.weights.append(weight)
                        postings.values.append(encoded)
                        length += freq
                    self.posting_count += len(items)
                    if fieldname in self._facet_fields:
                        facet_terms[fieldname] = [term.decode("utf-8") for term, *_ in items]
                if field.scorable:
                    lengths = self._lengths.get(fieldname)
                    if lengths is None:
                        lengths = self._lengths[fieldname] = array("I")
                    if len(lengths) <= docnum:
                        lengths.extend([0] * (docnum + 1 - len(lengths)))
                    lengths[docnum] = byte_to_length(length_to_byte(length)) if length else 0
                else:
                    length = 0
            perdoc.add_field(fieldname, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(fieldname, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self.facets.add(docnum, doc, facet_terms)
        self.docnum += 1

    def finish(self):
        """Write the segment's files (one compound file plus the facet sidecar); return the segment."""
        self.perdoc.close()
        fieldwriter = self.codec.field_writer(self.storage, self.segment)
        for fieldname in sorted(self._postings):
            postings = self._postings[fieldname]
            if not len(postings.tids):
                continue
            lengths = self._lengths.get(fieldname)
            if lengths is not None and len(lengths) < self.docnum:
                lengths.extend([0] * (self.docnum - len(lengths)))
            write_field(fieldwriter, self.codec, fieldname, self.schema[fieldname], postings.grouped(), lengths)
            self._postings[fieldname] = _FieldPostings()
        fieldwriter.close()
        self._postings.clear()
        segment = self.segment
        segment.set_doc_count(self.docnum)
        if self.docnum and segment.should_assemble():
            segment.create_compound_file(self.storage)
        self.facets.save(self.storage, segment)
        return segment


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
    databytes = dumps((deltas, mini_weights, mini_values), 2)
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
