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

from array import array
from functools import partial

import numpy as np
from whoosh import fields as wf
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length, length_to_byte

from . import adapter, deflate
from .blocks import _length_bytes, write_postings
from .columns import ColumnsWriter, field_columns
from .facets import SegmentFacets
from .hashtables import _write_hash_tables
from .invert import _FieldPostings, _Vocabulary, fast_field, plain_indexer

# A field length -> the length stored for it (byte_to_length(length_to_byte(length))), as met.
_ROUNDED_LENGTHS: dict[int, int] = {}
# A length byte -> the length stored for it (byte_to_length), for many lengths at once.
_STORED_LENGTHS = np.array([byte_to_length(code) for code in range(256)], dtype=np.uint32)


# ---- Writing ----------------------------------------------------------------------------------


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


def _record_lengths(
    columns: dict[str, array], totals: dict[str, int], fieldname: str, docs: np.ndarray, lengths: np.ndarray
) -> None:
    """Set the length entries (as stored: byte_to_length(length_to_byte(n))) of a field whose texts were just
    flushed, where add_document left a 0 for each, and add them to the field's total."""
    measured = lengths > 0
    if not measured.any():
        return
    column = np.frombuffer(columns[fieldname], dtype=np.uint32)
    column[docs[measured]] = _STORED_LENGTHS[_length_bytes(lengths[measured])]
    del column  # the array can grow again once no view holds its buffer
    totals[fieldname] += int(lengths.sum())


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
        # Stored fields are deflated like posting blocks, with the fastest deflate installed (same format).
        adapter.set_stored_compressor(self.perdoc, deflate.compress)
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
        for name, fast in self._fast.items():
            if schema[name].scorable:  # (no reference back to the builder: it is freed without the GC)
                fast.record_lengths = partial(_record_lengths, self._lengths, adapter.field_lengths(self.perdoc), name)
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
        """Rough bytes held in memory by this segment's postings (for sizing segments), positions included."""
        postings = sum(len(p.tids) for p in self._postings.values())
        # Positions are 4 bytes each, and as many as the words of every positioned field: a long release's
        # largest part, which the count of postings alone does not see.
        positions = sum(len(p.positions) + len(p.counts) for p in self._postings.values())
        pending = sum(fast.pending() for fast in self._fast.values())  # at most FLUSH_WORDS a field
        terms = sum(len(v.terms) for v in {id(p.vocabulary): p.vocabulary for p in self._postings.values()}.values())
        texts = sum(v.text_bytes for v in {id(p.vocabulary): p.vocabulary for p in self._postings.values()}.values())
        return postings * 40 + positions * 4 + pending * 8 + terms * 150 + texts

    def add_document(self, doc: dict) -> None:
        """Add one document (field name -> value, as for Whoosh's add_document; no boosts)."""
        docnum = self.docnum
        perdoc = self.perdoc
        perdoc.start_doc(docnum)
        # W3PerDocWriter.add_field's work, done here without a call per field.
        stored_values, field_lengths = adapter.document_buffers(perdoc)
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
        full = []  # fields whose batch of texts is full: flushed once this document's lengths are in place
        for fieldname, plan in fields:
            value = value_of(fieldname)
            if value is None:
                continue
            field, fast, plain, postings, scorable, stored, is_facet = plan
            length = 0
            if fast is not None:
                # A scorable field's length entry is set when its texts are flushed (record_lengths); others have none.
                if fast.add_unmeasured(value, docnum):
                    full.append(fast)
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
        for fast in full:
            fast.flush()
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
        """Write the segment's files (one compound file, the facet sidecar and the columnar postings);
        return the segment."""
        for fast in self._fast.values():
            fast.flush()  # the last texts' postings and lengths
        self._write_lengths()
        self.perdoc.close()
        fieldwriter = self.codec.field_writer(self.storage, self.segment)
        tindex = adapter.term_index(fieldwriter)
        adapter.replace_hash_writer(tindex, lambda: _write_hash_tables(tindex))
        tindex.bulk_entries = []  # write_postings leaves its keys' hashes here, as arrays
        columns = ColumnsWriter(self.storage, self.segment) if self.docnum else None
        for fieldname in sorted(self._postings):
            postings = self._postings[fieldname]
            if not len(postings.tids):
                continue
            lengths = self._lengths.get(fieldname)
            if lengths is not None and len(lengths) < self.docnum:
                lengths.extend([0] * (self.docnum - len(lengths)))
            field = self.schema[fieldname]
            if columns is not None:
                columns.add_field(fieldname, field_columns(postings, bool(field.format.supports("positions"))))
            write_postings(fieldwriter, self.codec, fieldname, field, postings, lengths)
            self._postings[fieldname] = _FieldPostings()
        fieldwriter.close()
        self._postings.clear()
        segment = self.segment
        segment.set_doc_count(self.docnum)
        if self.docnum and segment.should_assemble():
            segment.create_compound_file(self.storage)
        self.facets.save(self.storage, segment)
        if columns is not None:
            columns.finish()
        return segment

    def _write_lengths(self) -> None:
        """Each length column at once, with the bytes W3PerDocWriter.add_field would have added one by one:
        a field's column exists once a document has words in it; a byte per document (0 for none)."""
        perdoc = self.perdoc
        field_lengths = adapter.field_lengths(perdoc)
        for fieldname, lengths in self._lengths.items():
            if not field_lengths.get(fieldname):
                continue
            data = _length_bytes(np.frombuffer(lengths, dtype=np.uint32).astype(np.int64)).astype(np.uint8)
            adapter.write_length_column(
                perdoc, f"_{fieldname}_len", LENGTHS_COLUMN, data.tobytes()
            )  # whoosh3._lenfield
