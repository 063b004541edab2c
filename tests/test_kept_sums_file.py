"""The kept-sums file (kept_sums.py: each common word's document frequency and highest BM25F sums, written
ahead for a generation) gives the same pages as summing every posting, and is ignored where it does not fit."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from build_helpers import drawn_searches, write_releases

from indexer import build_index, open_index
from indexer.backends.whoosh import bm25f, kept_sums, max_score
from indexer.backends.whoosh.match import expansions_for, translate
from indexer.backends.whoosh.rank import plan_query, rank, score, stats_for
from indexer.backends.whoosh.store import WhooshStore
from indexer.model import ReleaseSearchError
from indexer.query import parse_query
from indexer.relevance import Alternative
from indexer.schema import DEFAULT_FIELDS


@pytest.fixture(scope="module")
def folder(index_with_deletions):
    """An index of 240 synthetic releases, 20 of whose files were then removed (deleted documents; shared with
    test_ranked_sums.py, tests/conftest.py): tests that change it change a copy."""
    return index_with_deletions


def _keep_small(patch) -> None:
    """Sums kept for words in a few documents and a short list of them (this index is small)."""
    patch.setattr(bm25f, "KEEP_FROM", 3)
    patch.setattr(bm25f, "TOP_KEPT", 6)


@pytest.fixture
def small_keep(monkeypatch):
    """Sums kept for words in a few documents and a short list of them (this index is small)."""
    _keep_small(monkeypatch)


@pytest.fixture(scope="module")
def kept_index(folder, tmp_path_factory):
    """The folder's index with a kept-sums file written for small_keep's settings, once for the tests that only
    read it or change it afterwards (each copies it: writing costs about a CPU-second)."""
    copy = tmp_path_factory.mktemp("kept-index") / "ix"
    shutil.copytree(folder / "ix", copy)
    with pytest.MonkeyPatch.context() as patch:
        _keep_small(patch)
        assert _write(copy) > 20
    return copy


@pytest.fixture(scope="module")
def page_sums_index(folder, tmp_path_factory):
    """The folder's index with a kept-sums file for small_keep's settings and TOP_KEPT 24 (more than a page, fewer
    than most words' releases), written once for the two tests that compare pages from it with pages summed anew;
    and the file's own bytes, with how many terms it holds."""
    copy = tmp_path_factory.mktemp("page-sums-index") / "ix"
    shutil.copytree(folder / "ix", copy)
    with pytest.MonkeyPatch.context() as patch:
        _keep_small(patch)
        patch.setattr(bm25f, "TOP_KEPT", 24)
        written = _write(copy)
    return copy, (_generation(copy) / kept_sums.FILENAME).read_bytes(), written


def _requests(path, count: int) -> list[dict]:
    """Searches drawn from the index's releases (build_helpers.drawn_searches)."""
    with open_index(path) as index:
        return drawn_searches(index.backend.snapshot().searcher, count, seed=5)


def _pages(path, requests: list[dict]) -> tuple[list[str], int]:
    """Each request's page as JSON on a newly opened index, and how many terms its kept-sums file holds."""
    answers = []
    with open_index(path) as index:
        for request in requests:
            try:
                answers.append(json.dumps(index.search(**request).to_json(), sort_keys=True))
            except ReleaseSearchError as error:
                answers.append(f"error: {error}")
        written = stats_for(index.backend.snapshot().searcher).kept_sums()
    return answers, len(written) if written is not None else 0


def _write(path) -> int:
    with open_index(path) as index:
        return kept_sums.write(stats_for(index.backend.snapshot().searcher))


def _generation(path):
    return Path(WhooshStore(path).live().path)


def test_pages_with_the_file_equal_pages_summed_over_every_posting(page_sums_index, small_keep, monkeypatch, tmp_path):
    monkeypatch.setenv("RELEASES_RESULT_CACHE", "0")
    monkeypatch.setenv("RELEASES_SUMS_CACHE_MB", "0")  # nothing kept between searches: the file alone serves
    monkeypatch.setattr(bm25f, "TOP_KEPT", 24)  # more than a page, fewer than most words' releases
    kept, data, written = page_sums_index
    copy = tmp_path / "ix"
    shutil.copytree(kept, copy)
    (_generation(copy) / kept_sums.FILENAME).unlink()  # pages summed over every posting first
    requests = _requests(copy, 90)
    plain, none = _pages(copy, requests)
    assert none == 0
    served = []
    original = bm25f.at_documents

    def counted(*args):
        served.append(1)
        return original(*args)

    bounded = []
    original_first = max_score.first_documents

    def first(*args):
        found = original_first(*args)
        bounded.append(found is not None)
        return found

    assert written > 20
    (_generation(copy) / kept_sums.FILENAME).write_bytes(data)  # written for these very segments (a copy's)
    monkeypatch.setattr(bm25f, "at_documents", counted)
    monkeypatch.setattr(max_score, "first_documents", first)
    found, held = _pages(copy, requests)
    assert held > 20
    for request, expected, answer in zip(requests, plain, found, strict=True):
        assert answer == expected, request
    assert len(served) >= 10  # the file's sums let searches sum at their ranked documents only
    assert sum(bounded) >= 3  # and one-word searches rank their first page from the kept sums' releases


def test_each_terms_kept_sums_equal_those_summed_anew(kept_index, small_keep, tmp_path):
    copy = tmp_path / "ix"
    shutil.copytree(kept_index, copy)
    with open_index(copy) as index:
        stats = stats_for(index.backend.snapshot().searcher)
        written = stats.kept_sums()
        terms = kept_sums.candidate_terms(stats)
        checked = 0
        for term in terms:
            alt = Alternative(fields=DEFAULT_FIELDS, terms=(term.decode("utf-8"),))
            found = bm25f.parts(stats, alt, None)
            _, _, _, best = bm25f.every_document(stats, alt, found, np.zeros(0, dtype=np.int64))
            kept = written.best(alt)
            if best is None:
                assert kept is None, term
                continue
            assert (kept.df, kept.complete) == (best.df, best.complete), term
            assert kept.docs.tolist() == best.docs.tolist() and kept.sums.tolist() == best.sums.tolist(), term
            checked += 1
        assert checked > 20
        # Only one-term alternatives over the default fields are held.
        some = terms[0].decode("utf-8")
        assert written.best(Alternative(fields=("headline",), terms=(some,))) is None
        assert written.best(Alternative(fields=DEFAULT_FIELDS, terms=(some, some), phrase=True)) is None


def _listed_terms(path, keep_from: int) -> list[bytes]:
    """The default fields' terms whose postings over the fields and segments add up to keep_from or more, from
    each segment's term table (Whoosh's term infos), not the columnar files."""
    return sorted(term for term, total in _listed_totals(path).items() if total >= keep_from)


@functools.cache
def _listed_totals(path) -> dict[bytes, int]:
    """Each default field's term with its postings added up over the fields and segments, from the term tables
    (read once for every keep_from: the index is only read)."""
    from whoosh.reading import SegmentReader

    from indexer.backends.whoosh import adapter
    from indexer.schema import FIELD_WEIGHTS

    live = WhooshStore(path).live()
    totals: dict[bytes, int] = {}
    for segment in live.segments:
        reader = SegmentReader(live.storage, live.schema, segment)
        try:
            for (fieldname, btext), info in adapter.term_table(reader).items():
                if fieldname in DEFAULT_FIELDS and FIELD_WEIGHTS.get(fieldname, 1.0) > 0:
                    totals[btext] = totals.get(btext, 0) + info.doc_frequency()
        finally:
            reader.close()
    return totals


@pytest.mark.parametrize("keep_from", [1, 3, 40, "longest", "longest + 1", 4096])
def test_candidate_terms_are_those_whose_postings_add_up_to_keep_from(folder, monkeypatch, keep_from):
    """Around the bound candidate_terms stops at (the longest lists of every field and segment together, above
    which no term can add up): the same terms as listing every term."""
    with open_index(folder / "ix") as index:
        stats = stats_for(index.backend.snapshot().searcher)
        longest = sum(
            int(np.diff(np.asarray(field.post_starts)).max())
            for columns in stats._columns
            for name, field in columns.fields.items()
            if name in DEFAULT_FIELDS and len(field.post_starts) > 1
        )
        value = {"longest": longest, "longest + 1": longest + 1}.get(keep_from, keep_from)
        monkeypatch.setattr(bm25f, "KEEP_FROM", value)
        expected = _listed_terms(folder / "ix", value)
        assert kept_sums.candidate_terms(stats) == expected
        if value <= 40:
            assert expected  # the index's common words
        elif value > longest:
            assert expected == []  # past the bound, where candidate_terms answers without listing the terms


def test_a_file_written_for_other_segments_is_ignored(folder, kept_index, tmp_path):
    copy = tmp_path / "ix"
    shutil.copytree(kept_index, copy)
    old = _generation(copy) / kept_sums.FILENAME
    saved = old.read_bytes()
    # A build adds releases: a new generation, whose segments differ from those the file was written for. (At the
    # real KEEP_FROM the build's own file holds no term of this small index: it is replaced by the old one anyway.)
    write_releases(tmp_path / "more", 270, seed=41, start=240)  # 30 releases the folder's 240 are not
    build_index([folder / "in", tmp_path / "more"], copy)
    (_generation(copy) / kept_sums.FILENAME).write_bytes(saved)
    with open_index(copy) as index:
        assert stats_for(index.backend.snapshot().searcher).kept_sums() is None


def _damaged(data: bytes, damage: str) -> bytes:
    """The file's bytes emptied, with another magic, or with its JSON header overwritten (the tail intact)."""
    if damage == "empty":
        return b""
    if damage == "magic":
        return data[:-8] + b"NOTSUMS\0"
    start, length, _ = kept_sums._TAIL.unpack_from(data, len(data) - kept_sums._TAIL.size)
    return data[:start] + b"\xff" * length + data[start + length :]


@pytest.mark.parametrize("damage", ["empty", "magic", "header"])
def test_a_damaged_file_is_ignored(kept_index, small_keep, tmp_path, damage):
    copy = tmp_path / "ix"
    shutil.copytree(kept_index, copy)
    path = _generation(copy) / kept_sums.FILENAME
    path.write_bytes(_damaged(path.read_bytes(), damage))
    with open_index(copy) as index:
        assert stats_for(index.backend.snapshot().searcher).kept_sums() is None


def test_a_build_writes_the_file_for_its_generation(small_keep, tmp_path):
    write_releases(tmp_path / "in", 20, seed=41)  # with KEEP_FROM 3, hundreds of terms to keep
    build_index([tmp_path / "in"], tmp_path / "ix")
    first = _generation(tmp_path / "ix")
    with open_index(tmp_path / "ix") as index:
        written = stats_for(index.backend.snapshot().searcher).kept_sums()
        assert written is not None and len(written) > 10
    # An update writes the new generation's own (the old one's segments differ).
    write_releases(tmp_path / "more", 25, seed=41, start=20)
    build_index([tmp_path / "in", tmp_path / "more"], tmp_path / "ix")
    assert _generation(tmp_path / "ix") != first
    with open_index(tmp_path / "ix") as index:
        written = stats_for(index.backend.snapshot().searcher).kept_sums()
        assert written is not None and len(written) > 10


def test_a_first_page_from_kept_sums_equals_ranking_every_match(page_sums_index, small_keep, monkeypatch, tmp_path):
    monkeypatch.setattr(bm25f, "TOP_KEPT", 24)
    kept, _, written = page_sums_index
    copy = tmp_path / "ix"
    shutil.copytree(kept, copy)
    assert written > 20
    words = sorted({r["query"] for r in _requests(copy, 120) if " " not in r["query"] and ":" not in r["query"]})
    rng = np.random.default_rng(4)
    told = untold = 0
    with open_index(copy) as index:
        snap = index.backend.snapshot()
        stats = stats_for(snap.searcher)
        for word in words:
            plan = plan_query(snap.searcher, parse_query(word).tree)
            matched = snap.live.copy()
            matched &= snap.matches(translate(parse_query(word).tree, expansions_for(plan.clauses)))
            for share in (1.0, 0.5, 0.2):
                mask = matched & (rng.random(stats.size) < share)
                for count in (1, 5, 10, 20):
                    dates = snap.table.dates
                    found = max_score.first_documents(
                        stats,
                        plan.clauses,
                        mask,
                        count,
                        lambda some, c=plan.clauses, m=mask, n=count, d=dates: rank(
                            score(stats, c, m, None, some), some, n, d
                        ),
                    )
                    if found is None:
                        untold += 1
                        continue
                    told += 1
                    expected = rank(score(stats, plan.clauses, mask), mask, count, tiebreak=dates)
                    assert found == expected, (word, share, count)
    assert told >= 20 and untold > 0
