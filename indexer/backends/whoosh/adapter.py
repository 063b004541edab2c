"""Every piece of Whoosh's internals this project relies on, named in one place.

The Whoosh backend writes and reads Whoosh's file format with its own code (writer.py, blocks.py, merge.py,
postings.py, rank.py) and reaches into Whoosh objects for what Whoosh keeps private: the open posting
file of a field writer, a matcher's decoded block, a column's raw bytes. REQUIRED lists each private name
with the Whoosh class or module that must have it; tests/test_whoosh_adapter.py checks the installed
Whoosh against this list and names what is missing, so a Whoosh upgrade fails loudly, not silently.
The other modules of the backend reach Whoosh objects' internals only through the functions below (a subclass
of a Whoosh class, blocks._BulkPostingsWriter, uses what it inherits on self); modules outside
indexer/backends/whoosh/ name none of them. tests/test_code_shape.py checks both.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from whoosh.codec.whoosh3 import W3TermInfo, W3TermsReader
from whoosh.filedb import filetables
from whoosh.filedb.filestore import OverlayStorage
from whoosh.reading import SegmentReader
from whoosh.util import numeric

__all__ = [
    "KEY_VALUE_LENGTHS",
    "LENGTH_BYTE_CACHE",
    "REQUIRED",
    "TERMINFO_STRUCT",
    "BlockSettings",
    "block_settings",
    "column_bytes",
    "delta_coded_ids",
    "document_buffers",
    "field_lengths",
    "field_number",
    "numeric_struct",
    "posting_list_bytes",
    "postings_file",
    "replace_hash_writer",
    "segment_storage",
    "set_stored_compressor",
    "stem_function",
    "term_index",
    "term_postings",
    "term_table",
    "use_postings_writer",
    "write_length_column",
]

# The struct of a hash table entry's key and value sizes.
KEY_VALUE_LENGTHS = filetables._lengths
# Field length -> the byte Whoosh stores for it.
LENGTH_BYTE_CACHE = numeric._length_byte_cache
# The struct Whoosh 3 packs a term's statistics with (weight, lengths, postings' place).
TERMINFO_STRUCT = W3TermInfo._struct

# Where each private name lives: "module" or "module:Class" (nested classes dotted) -> the names used.
REQUIRED: dict[str, tuple[str, ...]] = {
    "whoosh.filedb.filetables": ("_lengths",),
    "whoosh.util.numeric": ("_length_byte_cache",),
    "whoosh.analysis.morph:StemFilter": ("_stem",),
    "whoosh.fields:NUMERIC": ("_struct",),
    "whoosh.codec.whoosh3:W3TermInfo": ("_struct",),
    "whoosh.codec.whoosh3:W3Codec": ("_blocklimit", "_compression", "_inlinelimit"),
    "whoosh.codec.whoosh3:W3FieldWriter": ("_postwriter", "_postfile", "_fieldid", "_tindex"),
    # blocks._BulkPostingsWriter subclasses it and fills a block the way its add() does.
    "whoosh.codec.whoosh3:W3PostingsWriter": (
        "_blocklimit",
        "_compression",
        "_ids",
        "_weights",
        "_values",
        "_maxweight",
        "_minlength",
        "_maxlength",
        "_blockcount",
        "_terminfo",
        "_postfile",
        "_write_block",
        "_new_block",
        "_mini_weights",
        "_mini_values",
    ),
    "whoosh.codec.whoosh3:W3PerDocWriter": (
        "_colwriters",
        "_fieldlengths",
        "_storedfields",
        "_has_column",
        "_create_column",
    ),
    "whoosh.codec.whoosh3:W3PerDocReader": ("_cached_reader",),
    # postings.term_blocks and postings.TermHashes read a term's place and the term table's hashes directly.
    "whoosh.codec.whoosh3:W3TermsReader": ("_codec", "_postfile", "_tindex", "_keycoder"),
    "whoosh.filedb.filetables:HashReader": ("tables", "dbfile", "hashfn"),
    "whoosh.codec.whoosh3:W3LeafMatcher": (
        "_read_ids",
        "_read_weights",
        "_read_values",
        "_ids",
        "_weights",
        "_values",
        "_lastblock",
        "_goto",
        "_nextoffset",
        "_byteids",
        "_length",
        "_postfile",
        "_startoffset",
    ),
    "whoosh.reading:SegmentReader": ("_terms", "_perdoc", "_storage"),
    "whoosh.columns:FixedBytesColumn.Reader": ("_dbfile", "_basepos", "_count"),
    "whoosh.columns:FixedBytesColumn.Writer": ("_dbfile", "_count"),
    "whoosh.columns:WrappedColumnWriter": ("_child",),
    "whoosh.columns:CompressedBytesColumn.Writer": ("_compress",),
    # writer.SegmentBuilder replaces this method of the term index to write its hash tables in bulk.
    "whoosh.filedb.filetables:OrderedHashWriter": ("_write_hashes",),
}


def stem_function(stem_filter):
    """The function a StemFilter stems each word with (cached by the filter)."""
    return stem_filter._stem


# -- segments being written --


@dataclass(frozen=True)
class BlockSettings:
    """How a codec cuts and compresses posting blocks."""

    limit: int  # postings a block
    compression: int  # zlib level, 0 for none
    inline_limit: int  # postings kept inline in the term info


def block_settings(codec) -> BlockSettings:
    """A W3Codec's posting block settings."""
    return BlockSettings(codec._blocklimit, codec._compression, codec._inlinelimit)


def postings_file(owner):
    """The open posting file of a W3FieldWriter or a W3TermsReader."""
    return owner._postfile


def term_index(fieldwriter):
    """A W3FieldWriter's term index (an OrderedHashWriter)."""
    return fieldwriter._tindex


def field_number(fieldwriter) -> int:
    """The number of the field a W3FieldWriter is writing (the prefix of its term keys)."""
    return fieldwriter._fieldid


def use_postings_writer(fieldwriter, writer):
    """Make writer the W3FieldWriter's postings writer for the field just started; returns writer."""
    fieldwriter._postwriter = writer
    return writer


def replace_hash_writer(tindex, write_hashes) -> None:
    """Have an OrderedHashWriter write its hash tables with write_hashes() when it closes."""
    tindex._write_hashes = write_hashes


def set_stored_compressor(perdoc, compress) -> None:
    """Deflate a W3PerDocWriter's stored fields with compress (zlib.compress's signature and output)."""
    perdoc._colwriters["_stored"]._child._compress = compress


def document_buffers(perdoc) -> tuple[dict, dict]:
    """The current document's stored values and the field lengths of a W3PerDocWriter (start_doc renews
    the first)."""
    return perdoc._storedfields, perdoc._fieldlengths


def field_lengths(perdoc) -> dict:
    """A W3PerDocWriter's total length of each field (field name -> words)."""
    return perdoc._fieldlengths


def write_length_column(perdoc, name: str, column, data: bytes) -> None:
    """Write a whole length column (a byte a document, from the first) into a W3PerDocWriter at once; the
    column's finish() fills the documents after with 0."""
    if not perdoc._has_column(name):
        perdoc._create_column(name, column)
    writer = perdoc._colwriters[name]
    writer._dbfile.write(data)
    writer._count = len(data)


def numeric_struct(field):
    """The struct a NUMERIC (or DATETIME) field packs its numbers with."""
    return field._struct


# -- segments being read --


def term_table(reader):
    """A SegmentReader's terms reader (W3TermsReader)."""
    return reader._terms


def term_postings(terms, fieldname: str, btext: bytes, fmt) -> tuple[list, list, list]:
    """Every posting of one term as (ids, weights, values) lists, block by block, deleted documents included."""
    terminfo = terms.term_info(fieldname, btext)
    matcher = terms._codec.postings_reader(terms._postfile, terminfo, fmt)
    ids, weights, values = [], [], []
    while True:
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        ids.extend(matcher._ids)
        weights.extend(matcher._weights)
        values.extend(matcher._values)
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    return ids, weights, values


def segment_storage(reader):
    """The storage a SegmentReader reads its segment from, or None for another reader."""
    return getattr(reader, "_storage", None) if isinstance(reader, SegmentReader) else None


def file_folder(storage, name: str) -> str | None:
    """The folder on disk that holds the named file of a storage, looking through Whoosh's OverlayStorage
    (a compound segment's storage over the index folder); None when the file is not a plain file."""
    seen = 0
    while storage is not None and seen < 8:
        folder = getattr(storage, "folder", None)
        if folder is not None:
            return folder if os.path.isfile(os.path.join(folder, name)) else None
        if isinstance(storage, OverlayStorage):
            storage = storage.a if storage.a.file_exists(name) else storage.b
        else:
            return None
        seen += 1
    return None


def w3_term_table(reader):
    """A segment reader's W3TermsReader, or None when the segment uses another codec."""
    terms = getattr(reader, "_terms", None)
    return terms if isinstance(terms, W3TermsReader) else None


def term_extent_bytes(terms, info) -> bytes:
    """The raw bytes of a term's posting list in a W3 term table, from its (not inlined) term info."""
    offset, length = info.extent()
    if isinstance(length, tuple):  # Whoosh reads the extent's length as a 1-tuple
        length = length[0]
    return terms._postfile.get(offset, length)


def term_hash_tables(terms) -> tuple[list[tuple[int, int]], Callable[[int, int], bytes], Callable[[str, bytes], int]]:
    """A W3 term table's hash tables as (position, slots) pairs, a reader of its file's bytes (position,
    length), and the hash of a (field, term) key as the tables store it."""
    table = terms._tindex
    keycoder, hashfn = terms._keycoder, table.hashfn
    return list(table.tables), table.dbfile.get, lambda fieldname, tbytes: hashfn(keycoder(fieldname, tbytes))


def delta_coded_ids(matcher) -> bool:
    """Whether a W3LeafMatcher's blocks store document ids as deltas (not as a byte array)."""
    return not matcher._byteids


def posting_list_bytes(matcher) -> bytes:
    """The raw bytes of a W3LeafMatcher's posting list (its blocks, after the header)."""
    length = matcher._length
    if isinstance(length, tuple):  # Whoosh reads the extent's length as a 1-tuple
        length = length[0]
    return matcher._postfile.get(matcher._startoffset, length)


def column_bytes(reader, name: str, column) -> bytes | None:
    """The raw bytes of a fixed-size column of a SegmentReader (None: the segment has none); AttributeError
    when the reader is not a W3 segment's."""
    found = reader._perdoc._cached_reader(name, column)
    if found is None:
        return None
    return found._dbfile.get(found._basepos, found._count)
