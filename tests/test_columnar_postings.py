"""Columnar postings (indexer/backends/whoosh/columns.py): the same postings as Whoosh's blocks, read in place."""

from __future__ import annotations

import random

import numpy as np
import pytest
from build_helpers import search_summary, write_releases
from whoosh import query as wq
from whoosh.reading import SegmentReader

from indexer import build_index, open_index
from indexer.backends.whoosh import adapter
from indexer.backends.whoosh import merge as whoosh_merge
from indexer.backends.whoosh.columns import COLUMNS_EXT, SegmentColumns, columns_of, has_columns
from indexer.backends.whoosh.postings import postings_of_term
from indexer.backends.whoosh.rank import stats_for
from indexer.backends.whoosh.store import WhooshStore
from indexer.schema import TEXT_ANALYZER

QUERIES = ("", "dividend", "company results", '"chief executive"', "acquisition OR merger", "quarter -revenue")


# What each segment's posting blocks hold, by segment id: a segment's posting files never change once written
# (deletions and columnar files are kept beside them), and the same segments are checked in several tests.
_BLOCKS: dict[str, dict] = {}


def _blocks_of(live, segment, reader) -> dict:
    """Every term of a segment: documents, weights and positions (decoded by Whoosh's own format) from its blocks."""
    if segment.segment_id() not in _BLOCKS:
        found = {}
        terms = adapter.term_table(reader)
        for (fieldname, tbytes), info in terms.items():
            docs, weights, values = postings_of_term(terms, info)
            fmt = live.schema[fieldname].format
            positions = [fmt.decode_as("positions", value) for value in values] if fmt.supports("positions") else None
            found[(fieldname, tbytes)] = (docs.tolist(), weights.tolist(), positions)
        _BLOCKS[segment.segment_id()] = found
    return _BLOCKS[segment.segment_id()]


def _segments_agree_with_their_blocks(index_path) -> int:
    """Every term of every live segment: documents, weights and positions from the columnar file equal
    what the segment's posting blocks hold (positions decoded by Whoosh's own format); the count checked."""
    live = WhooshStore(index_path).live()
    checked = 0
    for segment in live.segments:
        assert has_columns(live.storage, segment)
        reader = SegmentReader(live.storage, live.schema, segment)
        try:
            columns = columns_of(reader)
            assert isinstance(columns, SegmentColumns)
            for (fieldname, tbytes), (docs, weights, expected) in _blocks_of(live, segment, reader).items():
                found_docs, found_weights = columns.postings(fieldname, tbytes)
                assert found_docs.tolist() == docs, (fieldname, tbytes)
                assert found_weights.tolist() == weights, (fieldname, tbytes)
                if expected is not None:
                    with_docs, counts, positions = columns.positions(fieldname, tbytes, np.asarray(docs))
                    assert with_docs.tolist() == docs
                    assert counts.tolist() == [len(p) for p in expected]
                    assert positions.tolist() == [p for each in expected for p in each]
                checked += 1
            assert columns.postings("body", b"no-such-word-here")[0].tolist() == []
        finally:
            reader.close()
    return checked


@pytest.fixture(scope="module")
def updated(tmp_path_factory):
    """An index built, then updated with files removed and changed (deleted documents, a merged segment)."""
    folder = tmp_path_factory.mktemp("columns")
    paths = write_releases(folder / "in", 60)
    build_index([folder / "in"], folder / "ix")
    for path in paths[5:15]:
        path.unlink()
    for path in paths[20:25]:
        path.write_text(path.read_text() + "\nThe quokka programme continues.\n")
    write_releases(folder / "in", 80, start=60)
    build_index([folder / "in"], folder / "ix")
    return folder


def test_columns_hold_every_terms_postings_as_the_blocks_do(updated):
    live = WhooshStore(updated / "ix").live()
    assert sum(s.deleted_count() for s in live.segments) >= 10
    assert _segments_agree_with_their_blocks(updated / "ix") > 1000


def test_columns_of_a_merged_segment_hold_its_blocks(tmp_path, monkeypatch):
    monkeypatch.setattr(whoosh_merge, "MAX_SMALL", 1)
    folder = tmp_path / "in"
    write_releases(folder, 12)
    build_index([folder], tmp_path / "ix")
    (folder / "r00003.txt").unlink()
    write_releases(folder, 20, start=12)
    build_index([folder], tmp_path / "ix")
    assert len(WhooshStore(tmp_path / "ix").live().segments) == 1
    assert _segments_agree_with_their_blocks(tmp_path / "ix") > 500


def test_searches_read_the_same_releases_from_columns_as_from_blocks(updated, tmp_path):
    """The same searches with the columnar files and without them (the block reader): the same pages."""
    import shutil

    without = tmp_path / "ix"
    shutil.copytree(updated / "ix", without)
    gen = WhooshStore(without).live()
    for segment in gen.segments:
        gen.storage.delete_file(segment.make_filename(COLUMNS_EXT))
    with open_index(updated / "ix") as fast, open_index(without) as slow:
        assert fast.search("quokka").total == 5
        for query in (*QUERIES, "quokka"):
            for sort in ("newest", "relevance"):
                got = fast.search(query, per_page=20, sort=sort)
                want = slow.search(query, per_page=20, sort=sort)
                assert got.total == want.total, query
                assert [h.id for h in got.hits] == [h.id for h in want.hits], (query, sort)
                assert [h.snippet for h in got.hits] == [h.snippet for h in want.hits], (query, sort)
            assert search_summary(fast, query) == search_summary(slow, query)


def test_phrases_from_columns_are_whoosh_phrases_without_deleted_documents(updated):
    with open_index(updated / "ix") as index:
        index.search("")
        searcher = index.backend.snapshot().searcher
        stats = stats_for(searcher)
        assert all(columns_of(leaf) is not None for leaf, _ in stats.leaves)
        rng = random.Random(5)
        checked = 0
        for _ in range(40):
            stored = searcher.stored_fields(rng.randrange(searcher.doc_count_all()))
            words = [t.text for t in TEXT_ANALYZER(stored.get("body", ""))]
            if len(words) < 4:
                continue
            start = rng.randrange(len(words) - 2)
            for slop in (1, 2):
                phrase = words[start : start + 2 + slop % 2]
                expected = sorted(set(searcher.docs_for_query(wq.Phrase("body", phrase, slop=slop))))
                assert stats.phrase_docs("body", phrase, slop).tolist() == expected, phrase
                checked += len(expected)
        assert checked >= 20  # enough matching documents compared for the check to mean something


def test_an_update_adds_columns_to_an_index_built_without_them(updated, tmp_path):
    """An index of an older version (no columnar files) gets them at its next update, without parsing again."""
    import shutil

    index = tmp_path / "ix"
    shutil.copytree(updated / "ix", index)
    gen = WhooshStore(index).live()
    for segment in gen.segments:
        gen.storage.delete_file(segment.make_filename(COLUMNS_EXT))
    with open_index(index) as before:
        summaries = [search_summary(before, query) for query in QUERIES]
    report = build_index([updated / "in"], index)
    assert report.added == 0 and report.removed == 0
    live = WhooshStore(index).live()
    assert all(has_columns(live.storage, s) for s in live.segments)
    with open_index(index) as after:
        assert [search_summary(after, query) for query in QUERIES] == summaries
    assert _segments_agree_with_their_blocks(index) > 1000


def test_positions_of_documents_not_holding_the_term_are_empty(updated):
    live = WhooshStore(updated / "ix").live()
    reader = SegmentReader(live.storage, live.schema, live.segments[0])
    try:
        columns = columns_of(reader)
        term = next(t for t in reader.lexicon("body") if 2 <= reader.doc_frequency("body", t) < 10)
        docs, _ = columns.postings("body", term)
        others = np.setdiff1d(np.arange(reader.doc_count_all()), docs)
        assert [len(part) for part in columns.positions("body", term, others)] == [0, 0, 0]
        found, counts, _ = columns.positions("body", term, np.concatenate([others[:3], docs[:1]]))
        assert found.tolist() == docs[:1].tolist() and counts[0] >= 1
    finally:
        reader.close()


def test_columns_of_a_built_index_are_read_through_a_memory_map(tmp_path):
    """A searcher maps the columnar file (pages shared with the OS cache), even for a compound segment, whose
    storage is an overlay on the index folder: reading it into memory would cost a worker its whole size."""
    paths = write_releases(tmp_path / "in", 8)
    build_index(paths, tmp_path / "index")
    live = WhooshStore(tmp_path / "index").live()
    for segment in live.segments:
        reader = SegmentReader(live.storage, live.schema, segment)
        try:
            columns = columns_of(reader)
            assert columns is not None
            assert columns.memory_mapped
        finally:
            reader.close()


@pytest.mark.parametrize("every", [1, 3, 64])
def test_a_term_lookup_finds_each_term_at_its_number_and_no_other_term(updated, monkeypatch, every):
    from indexer.backends.whoosh import columns as columns_module

    monkeypatch.setattr(columns_module, "MARK_EVERY", every)
    live = WhooshStore(updated / "ix").live()
    reader = SegmentReader(live.storage, live.schema, live.segments[0])
    try:
        columns = columns_of(reader)
        looked = 0
        for field in columns.fields.values():
            field.marks = None  # read again at this spacing
            terms = [field.term(i) for i in range(len(field.term_starts) - 1)]
            assert [field.find(t) for t in terms] == list(range(len(terms)))
            absent = ({t + b"\x00" for t in terms} | {b"", b"\xff\xff\xff"}) - set(terms)
            assert [t for t in absent if field.find(t) != -1] == []
            field.marks = None
            looked += len(terms)
        assert looked > 1000
    finally:
        reader.close()
