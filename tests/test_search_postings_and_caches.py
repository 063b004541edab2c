"""The fast paths of searching agree with the plain ones: phrases, posting blocks, snippets, copies, and
the per-snapshot cache of finished pages."""

from __future__ import annotations

import random

import numpy as np
import pytest
from build_helpers import build_with_deletions, write_releases
from snippet_reference import marked_words_plainly
from whoosh import query as wq

from indexer import build_index, open_index
from indexer.backends.whoosh import facets as facets_module
from indexer.backends.whoosh import phrase as whoosh_phrase
from indexer.backends.whoosh.backend import WhooshBackend
from indexer.backends.whoosh.postings import leaf_matcher, posting_blocks, readable
from indexer.backends.whoosh.rank import stats_for
from indexer.backends.whoosh.result_cache import DEFAULT_RESULT_CACHE, RESULT_CACHE_ENV, result_cache_size
from indexer.model import ReleaseSearchError
from indexer.schema import TEXT_ANALYZER
from indexer.search import ReleaseIndex
from indexer.snippets import _marked_words, _word_terms, make_snippet


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """An index of 90 synthetic releases, 15 of whose files were then removed (deleted documents)."""
    return build_with_deletions(tmp_path_factory.mktemp("speed"), 90, seed=7, removed=slice(10, 25))


@pytest.fixture(scope="module")
def snapshot(folders):
    with open_index(folders / "ix") as index:
        index.search("")
        yield index.backend.snapshot()


def _phrases(snap, rng: random.Random, count: int) -> list[list[str]]:
    out = []
    for _ in range(count):
        stored = snap.searcher.stored_fields(rng.randrange(snap.searcher.doc_count_all()))
        words = [t.text for t in TEXT_ANALYZER(stored.get("lede", "") + " " + stored.get("body", ""))]
        if len(words) > 4:
            start = rng.randrange(len(words) - 3)
            out.append(words[start : start + rng.choice([2, 3])])
    return out


# ---- Phrases ---------------------------------------------------------------------------------------


def test_ranking_phrases_are_whoosh_phrases_without_deleted_documents(snapshot):
    stats = stats_for(snapshot.searcher)
    # The index has deleted documents: the 15 removed files' (and those of files indexed again for their issuer).
    assert stats.deleted() is not None and stats.deleted().sum() >= 15
    checked = 0
    for words in _phrases(snapshot, random.Random(3), 40):
        for fieldname in ("lede", "body"):
            for slop in (1, 3):
                expected = sorted(set(snapshot.searcher.docs_for_query(wq.Phrase(fieldname, words, slop=slop))))
                found = stats.phrase_docs(fieldname, words, slop)
                assert found.tolist() == expected, (fieldname, words, slop)
                checked += len(expected)
    assert checked >= 40  # enough matching documents compared for the check to mean something


@pytest.mark.parametrize(("small", "large"), [(5, 4000), (300, 400), (0, 50), (1000, 1000)])
def test_intersecting_sorted_lists_finds_what_both_hold(small, large):
    rng = np.random.default_rng(small + large)
    a = np.sort(rng.choice(5000, small, replace=False)).astype(np.int64)
    b = np.sort(rng.choice(5000, large, replace=False)).astype(np.int64)
    expected = sorted(set(a.tolist()) & set(b.tolist()))
    assert whoosh_phrase.intersect_sorted(a, b, 5000).tolist() == expected
    assert whoosh_phrase.intersect_sorted(b, a, 5000).tolist() == expected


def test_a_phrase_is_read_once_and_then_served_from_the_cache(snapshot, monkeypatch):
    stats = stats_for(snapshot.searcher)
    words = _phrases(snapshot, random.Random(8), 1)[0]
    first = stats.phrase_docs("body", words, 1)
    monkeypatch.setattr("indexer.backends.whoosh.rank.match_phrase", lambda *a, **k: pytest.fail("phrase read again"))
    assert stats.phrase_docs("body", tuple(words), 1) is first


def test_position_values_decoded_together_or_one_by_one_agree():
    gaps = [[0], [3, 1, 200], list(range(1, 1500)), [70000, 2]]
    from pickle import dumps

    from whoosh.system import pack_uint

    values = [pack_uint(len(g)) + dumps(g, 2) for g in gaps]
    assert whoosh_phrase._decode_gaps(values) == gaps
    # A value stored without its final STOP still reads (Whoosh's own decoder allows it).
    assert whoosh_phrase._decode_gaps([values[1][:-1], values[0]]) == [gaps[1], gaps[0]]


def test_posting_blocks_read_what_whoosh_reads(snapshot):
    reader = snapshot.searcher.reader()
    checked = 0
    for leaf, _ in reader.leaf_readers():
        for term in list(leaf.lexicon("body"))[::7][:60]:
            matcher = leaf_matcher(leaf.postings("body", term))
            if not readable(matcher):
                continue
            ids = np.concatenate([block[0] for block in posting_blocks(matcher)])
            # Whoosh leaves deleted documents out; the blocks hold them (the live mask drops them later).
            assert [d for d in ids.tolist() if not leaf.is_deleted(d)] == list(leaf.postings("body", term).all_ids())
            checked += 1
    assert checked > 20


def test_a_terms_postings_read_in_one_go_are_what_whooshs_matcher_reads(tmp_path):
    """postings.whoosh_postings (what a merge copies) against Whoosh's matcher on every term of a segment our
    writer made: lists of several blocks, weights stored per posting, per block or not at all, values with
    positions, of a fixed size (frequencies) and none."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.reading import SegmentReader

    from indexer.backends.whoosh import adapter
    from indexer.backends.whoosh.postings import whoosh_postings
    from indexer.backends.whoosh.writer import SegmentBuilder
    from indexer.schema import build_schema

    rng = random.Random(9)
    docs = [
        {
            "id": f"r{n}",
            "headline": f"Acme acquires Widget{n % 7} plant",
            "body": " ".join(rng.choice(["growth", "revenue", "merger", "AT&T", "U.S."]) for _ in range(n % 40 + 1)),
            "ticker": " ".join(["NASDAQ:ACME"] * (1 + n % 3)),
            "type": "earnings",
        }
        for n in range(300)
    ]
    storage = FileStorage(str(tmp_path))
    builder = SegmentBuilder(storage, "MAIN", build_schema())
    for doc in docs:
        builder.add_document(doc)
    segment = builder.finish()
    reader = SegmentReader(storage, build_schema(), segment)
    try:
        terms = adapter.term_table(reader)
        fixed_sizes, longest = set(), 0
        for (fieldname, btext), info in terms.items():
            fmt = reader.schema[fieldname].format
            expected = adapter.term_postings(terms, fieldname, btext, fmt)
            found = whoosh_postings(terms, info, fmt)
            assert found == expected, (fieldname, btext)
            assert [list(map(type, part)) for part in found] == [list(map(type, part)) for part in expected]
            fixed_sizes.add(fmt.fixed_value_size())
            longest = max(longest, len(found[0]))
        assert fixed_sizes == {None, 0, 4} and longest == 300  # every kind of value; lists of several blocks
    finally:
        reader.close()


def test_posting_blocks_skip_to_the_wanted_documents(snapshot):
    leaf, _ = snapshot.searcher.reader().leaf_readers()[0]
    term = max(leaf.lexicon("body"), key=lambda t: leaf.doc_frequency("body", t))
    matcher = leaf_matcher(leaf.postings("body", term))
    everything = np.concatenate([b[0] for b in posting_blocks(matcher)])
    middle = int(everything[len(everything) // 2])
    some = np.concatenate([b[0] for b in posting_blocks(matcher, middle, middle)])
    assert middle in some.tolist() and len(some) <= len(everything)


def test_term_hashes_hold_every_term_and_frequencies_stay_whooshs(snapshot):
    from indexer.backends.whoosh.postings import term_hashes
    from indexer.relevance import edits1

    stats = stats_for(snapshot.searcher)
    reader = snapshot.searcher.reader()
    known = []
    for leaf, _ in stats.leaves:
        hashes = term_hashes(leaf)
        for fieldname, tbytes in leaf.all_terms():
            assert hashes.may_hold(fieldname, tbytes), (fieldname, tbytes)
            if fieldname == "body":
                known.append(tbytes.decode("utf-8"))
    fields = ("headline", "lede", "body", "company")
    words = sorted(set(known[:: max(1, len(known) // 40)]))
    for word in words + sorted(edits1(words[0]))[:300]:
        expected = sum(reader.doc_frequency(f, word) for f in fields)
        assert stats.doc_frequency(fields, word) == expected, word


# ---- Snippets --------------------------------------------------------------------------------------


def test_marked_words_are_those_the_analyzer_finds(snapshot):
    rng = random.Random(4)
    for _ in range(25):
        stored = snapshot.searcher.stored_fields(rng.randrange(snapshot.searcher.doc_count_all()))
        text = (stored.get("lede") or "") + " SiriusXM AT&T U.S. société Align's worldwide.The 3.5"
        words = [t.text for t in TEXT_ANALYZER(text)]
        terms = set(rng.sample(words, 3)) | {"sirius", "at&t", "societ", "align"}
        assert _marked_words(text, terms) == marked_words_plainly(text, terms)


# Words whose stems or families change them most: irregular forms, one-letter stems, numbers, exceptions.
_AWKWARD_WORDS = (
    "sold bought held won grew paid began AED aed ied ties dying skies gently Yesterday yield being "
    "generously communities arsenal 911s 1980s 3.5 at&t U.S. iPhone SiriusXM InsurtechTips.com société "
    "naïve MAY Oct acquisition acquires merger expansion growth settlement"
).split()


@pytest.mark.parametrize("seed", range(6))
def test_snippet_shortcut_marks_what_the_analyzer_marks(snapshot, seed):
    """Snippets stem only words opening like a query term: never a mark lost, whatever the terms."""
    rng = random.Random(seed)
    stored = snapshot.searcher.stored_fields(rng.randrange(snapshot.searcher.doc_count_all()))
    text = " ".join([stored.get("lede") or "", stored.get("body") or "", *_AWKWARD_WORDS])
    vocabulary = sorted({t.text for t in TEXT_ANALYZER(text)})
    terms = set(rng.sample(vocabulary, 4)) | {t.text for t in TEXT_ANALYZER(rng.choice(_AWKWARD_WORDS))}
    assert _marked_words(text, terms) == marked_words_plainly(text, terms)


def test_word_terms_are_the_analyzers_terms():
    for word in ["Announces", "SiriusXM", "InsurtechTips.com", "the", "U.S", "AT&T", "société", "911s", "MAY"]:
        assert _word_terms(word) == tuple(t.text for t in TEXT_ANALYZER(word)), word


def test_snippet_marks_the_words_and_escapes_the_text():
    stored = {"lede": "Acme <b>Robots</b> acquires Widget Co. in a deal; the acquisition closes in May."}
    snippet = make_snippet(stored, {"acquir"})
    assert snippet.count("<mark") == 2 and "&lt;b&gt;Robots&lt;/b&gt;" in snippet
    assert '<mark class="hl term0">acquires</mark>' in snippet and ">acquisition</mark>" in snippet


def test_a_hits_snippet_is_made_once_for_the_same_words(folders, monkeypatch):
    from indexer.backends.whoosh import backend as whoosh_backend

    made = []
    real = whoosh_backend.make_snippet
    monkeypatch.setattr(whoosh_backend, "make_snippet", lambda stored, terms: made.append(1) or real(stored, terms))
    with _index(folders / "ix", 0) as index:
        first = index.search("quarter results", per_page=5)
        assert len(made) == len(first.hits) == 5
        again = index.search("quarter results", per_page=8)
        assert len(made) == 8  # only the three hits not shown before
        assert [h.snippet for h in again.hits[:5]] == [h.snippet for h in first.hits]
        index.search("quarter", per_page=5)
        assert len(made) == 13  # other words, other passages


# ---- Copies of one release ---------------------------------------------------------------------------


def test_copies_are_the_other_documents_of_a_group(snapshot):
    table = snapshot.table
    mask = snapshot.live.copy()
    mask[::3] = False
    grouped = np.flatnonzero(table.dupkeys >= 0)
    assert len(grouped)
    for docnum in grouped[:40].tolist():
        key = table.dupkeys[docnum]
        expected = [int(d) for d in np.flatnonzero((table.dupkeys == key) & mask) if d != docnum]
        assert table.copies(docnum, mask) == expected
    ungrouped = np.flatnonzero(table.dupkeys < 0)
    if len(ungrouped):
        assert table.copies(int(ungrouped[0]), mask) == []


def test_facet_counts_read_by_document_equal_counts_over_pairs(snapshot):
    rng = np.random.default_rng(2)
    several = 0
    for column in snapshot.table.columns.values():
        for share in (0.0, 0.05, 0.5, 1.0):
            mask = (rng.random(snapshot.table.size) < share) & snapshot.live
            expected = np.bincount(column.value_ids[mask[column.docs]], minlength=len(column.values))
            assert column.count(mask).tolist() == expected.tolist(), column.spec.name
            assert column.count(mask, np.flatnonzero(mask)).tolist() == expected.tolist(), column.spec.name
        if len(column.docs):
            several += len(column._by_document(snapshot.table.size)[1]) > 0
    assert several >= 1  # releases with several tickers: their further values are counted too


@pytest.mark.parametrize("few", [0, 10**9])  # passing over every pair; gathering the documents' own
def test_facet_counts_of_a_narrow_search_equal_counts_over_pairs(snapshot, few, monkeypatch):
    """A few documents, some with several values, counted either way."""
    monkeypatch.setattr(facets_module, "_FEW_DOCS_PER_PAIR", few)
    table, checked = snapshot.table, 0
    for column in table.columns.values():
        extra_docs = column._by_document(table.size)[1]
        for picked in (extra_docs[:1], extra_docs[-1:], np.unique(extra_docs)[::7][:3], [0], [table.size - 1]):
            mask = np.zeros(table.size, dtype=bool)
            mask[np.asarray(picked, dtype=np.int64)] = True
            docs = np.flatnonzero(mask)
            expected = np.bincount(column.value_ids[mask[column.docs]], minlength=len(column.values))
            assert column.count(mask, docs).tolist() == expected.tolist(), column.spec.name
            checked += bool(len(extra_docs)) and bool(expected.sum())
    assert checked >= 3


# ---- The cache of finished pages --------------------------------------------------------------------


def _index(path, size: int) -> ReleaseIndex:
    return ReleaseIndex(WhooshBackend(path, result_cache=size))


def test_a_cached_page_equals_a_fresh_one_and_cannot_be_changed_by_callers(folders):
    queries = [("quarter results", {}), ('"conference call"', {"sort": "newest"}), ("", {"page": 2, "per_page": 5})]
    with _index(folders / "ix", 8) as cached, _index(folders / "ix", 0) as fresh:
        for query, options in queries:
            first = cached.search(query, **options)
            expected = fresh.search(query, **options).to_json()
            assert first.to_json() == expected
            first.hits.clear()
            first.facets["year"].values[0].count = -1
            first.timeline.append({"period": "1900", "count": 1})
            again = cached.search(query, **options)
            assert again.to_json() == expected
            again.hits[0].duplicates.append({"id": "x"})
            again.hits[0].tickers.append("X:Y")
            assert cached.search(query, **options).to_json() == expected
        assert len(cached.backend.snapshot().results) == len(queries)
        assert len(fresh.backend.snapshot().results) == 0


def test_the_cache_keys_on_every_part_of_the_request(folders):
    with _index(folders / "ix", 16) as index:
        plain = index.search("quarter")
        year = plain.facets["year"].values[0].value
        narrowed = index.search("quarter", filters={"year": [year]})
        assert narrowed.total == plain.facets["year"].values[0].count != plain.total
        assert index.search("quarter", per_page=3).per_page == 3
        assert index.search("quarter", sort="oldest").sort == "oldest"
        assert index.search("quarter").to_json() == plain.to_json()


def test_the_cache_keeps_only_its_size_of_pages(folders):
    with _index(folders / "ix", 2) as index:
        for word in ("quarter", "results", "company", "quarter"):
            index.search(word)
        assert len(index.backend.snapshot().results) == 2


def test_a_rebuilt_index_never_serves_pages_of_the_old_one(tmp_path):
    write_releases(tmp_path / "a", 30)
    write_releases(tmp_path / "b", 75, start=30)  # 45 other releases
    build_index([tmp_path / "a"], tmp_path / "ix")
    with _index(tmp_path / "ix", 32) as index:
        before = index.search("")
        assert before.total == index.search("").total
        build_index([tmp_path / "b"], tmp_path / "ix", rebuild=True)
        after = index.search("")
        with _index(tmp_path / "ix", 0) as fresh:
            assert after.to_json() == fresh.search("").to_json()
        assert after.to_json() != before.to_json()


def test_cache_size_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(RESULT_CACHE_ENV, raising=False)
    assert result_cache_size() == DEFAULT_RESULT_CACHE == 1024
    monkeypatch.setenv(RESULT_CACHE_ENV, "0")
    assert result_cache_size() == 0
    assert result_cache_size(12) == 12
    monkeypatch.setenv(RESULT_CACHE_ENV, "lots")
    with pytest.raises(ReleaseSearchError, match=r"RELEASES_RESULT_CACHE='lots' is not a whole number: set it"):
        result_cache_size()
