"""The segment writer's bytes are those Whoosh's own code writes: hash tables built with
numpy, position and block bytes written a byte column at a time, keys hashed with CPython's MD5."""

from __future__ import annotations

import io
import random

import numpy as np
import pytest
from whoosh import fields
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.filetables import HashWriter, md5_hash
from whoosh.filedb.structfile import StructFile
from whoosh.formats import Positions
from whoosh.index import create_in
from whoosh.reading import SegmentReader
from whoosh.util.numeric import byte_to_length, length_to_byte

from indexer.backends.whoosh import deflate
from indexer.backends.whoosh.blocks import _length_bytes
from indexer.backends.whoosh.hashtables import _md5_hashes, _write_hash_tables
from indexer.backends.whoosh.invert import _FieldPostings, _PositionsField
from indexer.backends.whoosh.positions import encode_positions
from indexer.backends.whoosh.writer import _STORED_LENGTHS, SegmentBuilder
from indexer.schema import build_schema


class _KeptBytes(io.BytesIO):
    """A file whose bytes stay readable after it is closed."""

    def close(self):
        self.kept = self.getvalue()
        super().close()


def _hash_file(entries: list[tuple[int, int]], bulk: list[tuple[np.ndarray, np.ndarray]] | None) -> bytes:
    """The bytes HashWriter.close() writes for these (hash, position) entries; with bulk, some of them
    handed over as arrays as write_postings hands them, and the tables written by _write_hash_tables."""
    handle = _KeptBytes()
    writer = HashWriter(StructFile(handle))
    for hashed, position in entries:
        writer.buckets[hashed & 255].append((hashed, position))
    if bulk is not None:
        writer.bulk_entries = bulk
        writer._write_hashes = lambda: _write_hash_tables(writer)
    writer.close()
    return handle.kept


@pytest.mark.parametrize("count", [0, 1, 7, 600, 5000])
def test_hash_tables_are_those_whoosh_writes(count):
    """Same tables slot for slot, with colliding hashes, whether keys came as tuples, arrays or both."""
    rng = random.Random(count)
    hashes = [rng.choice([rng.getrandbits(32), rng.getrandbits(12), 7]) for _ in range(count)]
    positions = sorted(rng.sample(range(16, 50 * count + 17), count))
    entries = list(zip(hashes, positions, strict=True))
    expected = _hash_file(entries, None)
    assert _hash_file(entries, []) == expected
    cut = count // 3
    arrays = [(np.array(hashes[cut:], dtype=np.int64), np.array(positions[cut:], dtype=np.int64))]
    assert _hash_file(entries[:cut], arrays) == expected
    halves = [
        (np.array(hashes[: count // 2], dtype=np.int64), np.array(positions[: count // 2], dtype=np.int64)),
        (np.array(hashes[count // 2 :], dtype=np.int64), np.array(positions[count // 2 :], dtype=np.int64)),
    ]
    assert _hash_file([], halves) == expected


def test_md5_hashes_are_whooshs():
    keys = [b"", b"\x00\x01a", b"\x00\x02" + "société".encode(), *(bytes([n % 256]) * n for n in range(0, 300, 7))]
    assert _md5_hashes(keys).tolist() == [md5_hash(key) for key in keys]


def test_positions_of_hundreds_are_encoded_as_whoosh_encodes_them():
    """Counts above 255 (their high bytes written apart) and gaps of every code size."""
    rng = random.Random(11)
    lists = []
    for count in (1, 2, 255, 256, 300, 999, 1000):
        gaps = [rng.choice([0, 1, 255, 256, 65535, 65536, 2**20]) for _ in range(count)]
        lists.append([min(sum(gaps[: k + 1]), 2**31 - 1) for k in range(count)])
    counts = np.array([len(p) for p in lists], dtype=np.int32)
    flat = np.array([pos for p in lists for pos in p], dtype=np.int32)
    firsts = np.cumsum(counts) - counts
    assert encode_positions(counts, firsts, flat) == [Positions().encode(p) for p in lists]


def _segment_files(folder, docs: list[dict], schema, ours: bool) -> tuple[dict, list]:
    """Every file of the segment written from docs (by our builder or Whoosh's writer), and its postings."""
    folder.mkdir()
    storage = FileStorage(str(folder))
    if ours:
        builder = SegmentBuilder(storage, "MAIN", schema)
        for doc in docs:
            builder.add_document(doc)
        segment = builder.finish()
    else:
        index = create_in(str(folder), schema)
        with index.writer() as writer:
            for doc in docs:
                writer.add_document(**doc)
        segment = index._segments()[0]
    files = segment.open_compound_file(storage)
    contents = {name.split(".", 1)[1]: files.open_file(name).read() for name in files.list()}
    reader = SegmentReader(storage, schema, segment)
    postings = []
    for (fieldname, text), info in sorted(reader._terms.items()):
        postings.append((info.weight(), info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight()))
        matcher = reader._terms.matcher(fieldname, text, schema[fieldname].format)
        while matcher.is_active():
            postings.append((fieldname, text, matcher.id(), matcher.weight(), matcher.value()))
            matcher.next()
    return contents, postings


def test_wide_blocks_are_written_as_whoosh_writes_them(tmp_path, monkeypatch):
    """Posting values of 256 bytes and more (BINBYTES), position gaps of 2 to 5 byte codes, document gaps
    above 255, varied weights: the segment's files byte for byte as Whoosh writes them (zlib)."""
    monkeypatch.setattr(deflate, "compress", deflate.zlib_compress)
    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT(phrase=True))
    rng = random.Random(2)
    docs = []
    for n in range(700):
        words = [rng.choice(["alpha", "beta", "gamma", f"w{n % 50}"]) for _ in range(rng.choice([1, 3, 40]))]
        if n in (3, 400):
            # Fillers seen 700 times each (pickled apart past 1,000), then gaps past 65,535.
            words += ["repeat"] * 400 + [f"filler{k % 100}" for k in range(70_000)] + ["far", "repeat"]
        if n in (0, 299, 650):
            words.append("rare")
        docs.append({"id": f"d{n}", "body": " ".join(words)})
    theirs = _segment_files(tmp_path / "theirs", docs, schema, ours=False)
    ours = _segment_files(tmp_path / "ours", docs, schema, ours=True)
    assert ours[1] == theirs[1]
    assert ours[0].keys() == theirs[0].keys()
    for ext in ours[0]:
        if ext.endswith(".col"):
            assert ours[0][ext] == theirs[0][ext], ext


def test_odd_gaps_are_pickled_as_whoosh_pickles_them():
    """Positions out of order or past 2**31 (gaps a pickle writes otherwise) among ordinary ones."""
    lists = [[5], [3, 1], [0, 2**31 + 5], [7, 8], list(range(1200)), [2**33]]
    counts = np.array([len(p) for p in lists], dtype=np.int64)
    flat = np.array([pos for p in lists for pos in p], dtype=np.int64)
    firsts = np.cumsum(counts) - counts
    assert encode_positions(counts, firsts, flat) == [Positions().encode(p) for p in lists]


def test_lengths_counted_at_flush_are_those_add_returns(tmp_path):
    """Lengths taken from flush() (numpy, per batch) equal add()'s (per text), as stored and summed."""
    body = "The SiriusXM deal: T-Mobile's InsurtechTips.com units, the the U.S. and a McDonald's. "
    docs = [{"id": f"d{n}", "body": body * (n % 7) + "zyxq " * (n % 3)} for n in range(40)]
    builder = SegmentBuilder(FileStorage(str(tmp_path)), "MAIN", build_schema())
    for doc in docs:
        builder.add_document(doc)
    builder._fast["body"].flush()
    reference = _PositionsField(build_schema()["body"], _FieldPostings())
    expected = [reference.add(doc["body"], n) for n, doc in enumerate(docs)]
    assert builder.perdoc._fieldlengths["body"] == sum(expected)
    stored = [byte_to_length(length_to_byte(n)) if n else 0 for n in expected]
    assert builder._lengths["body"].tolist() == stored
    builder.finish()


def test_stored_lengths_table_is_whooshs():
    lengths = np.array([1, 2, 7, 8, 9, 100, 1000, 4095, 108_115, 108_116, 10**7], dtype=np.int64)
    lengths = np.concatenate((lengths, np.arange(1, 3000)))
    expected = [byte_to_length(length_to_byte(n)) for n in lengths.tolist()]
    assert _STORED_LENGTHS[_length_bytes(lengths)].tolist() == expected
