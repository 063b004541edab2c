"""Every piece of Whoosh's internals this project relies on, named in one place.

The Whoosh backend writes and reads Whoosh's file format with its own code (writer.py, blocks.py, merge.py,
postings.py, rank.py) and reaches into Whoosh objects for what Whoosh keeps private: the open posting
file of a field writer, a matcher's decoded block, a column's raw bytes. REQUIRED lists each private name
with the Whoosh class or module that must have it; tests/test_whoosh_adapter.py checks the installed
Whoosh against this list and names what is missing, so a Whoosh upgrade fails loudly, not silently.
Modules outside indexer/backends/whoosh/ use only the helpers below (tests/test_code_shape.py checks it).
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.filedb import filetables
from whoosh.util import numeric

__all__ = ["KEY_VALUE_LENGTHS", "LENGTH_BYTE_CACHE", "REQUIRED", "TERMINFO_STRUCT", "stem_function"]

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
    "whoosh.codec.whoosh3:W3TermsReader": ("_codec", "_postfile"),
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
    "whoosh.reading:SegmentReader": ("_terms", "_perdoc"),
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
