"""Stored fields of an opened index are inflated with ISA-L (quicker than zlib): the same fields come out of
segments written with either deflate, as Whoosh's own reader gives them."""

from __future__ import annotations

import zlib

import pytest
from build_helpers import write_releases
from whoosh.codec.whoosh3 import STORED_COLUMN
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex

from indexer import build_index, open_index
from indexer.backends.whoosh import deflate
from indexer.backends.whoosh.store import INDEXNAME

isal_zlib = pytest.importorskip("isal.isal_zlib")


def _stored_columns(reader) -> list:
    return [leaf._perdoc._cached_reader("_stored", STORED_COLUMN)._child for leaf, _ in reader.leaf_readers()]


@pytest.mark.parametrize("compress", ["zlib", "isal"])
def test_stored_fields_read_with_isal_are_whooshs(tmp_path, seeds_dir, monkeypatch, compress):
    monkeypatch.setattr(deflate, "compress", getattr(deflate, f"{compress}_compress"))
    write_releases(tmp_path / "synthetic", 30)
    build_index([seeds_dir], tmp_path / "index")
    build_index([seeds_dir, tmp_path / "synthetic"], tmp_path / "index")  # a second segment
    with open_index(tmp_path / "index") as index:
        snap = index.backend.snapshot()
        reader = snap.searcher.reader()
        columns = _stored_columns(reader)
        assert len(columns) >= 2 and all(column._decompress is isal_zlib.decompress for column in columns)
        ours = [snap.searcher.stored_fields(d) for d in range(reader.doc_count_all())]
        # Whoosh's own reader over the same generation, inflating with zlib.
        plain = FileIndex(FileStorage(snap.gen, supports_mmap=False), indexname=INDEXNAME).searcher()
        try:
            assert all(column._decompress is zlib.decompress for column in _stored_columns(plain.reader()))
            theirs = [plain.stored_fields(d) for d in range(reader.doc_count_all())]
        finally:
            plain.close()
    assert len(ours) > 30 and all(fields.get("id") for fields in ours)
    assert ours == theirs


def test_readers_without_isal_keep_zlib(seeds_index, monkeypatch):
    monkeypatch.setattr(deflate, "isal_zlib", None)
    with open_index(seeds_index) as index:
        columns = _stored_columns(index.backend.snapshot().searcher.reader())
        assert columns and all(column._decompress is zlib.decompress for column in columns)
        assert index.search("").total == 2
