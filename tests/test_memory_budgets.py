"""The caches that grow with the index stay within their budgets (settings in MB), and results do not depend
on the budgets."""

from __future__ import annotations

import pytest
from build_helpers import write_releases

from indexer import build_index, open_index
from indexer.backends.whoosh.rank import stats_for
from indexer.model import ReleaseSearchError
from indexer.settings import CACHE_BUDGETS, MB, cache_budget

QUERIES = ["company", "announced results", '"the company"', "quarterly revenue growth", "acquisiton", "market"]


@pytest.fixture(scope="module")
def index_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("budgets")
    write_releases(folder / "in", 60, seed=31)
    build_index([folder / "in"], folder / "ix")
    return folder / "ix"


def _answers(path) -> list:
    with open_index(path) as index:
        pages = [index.search(query) for query in QUERIES]
        stats = stats_for(index.backend.snapshot().searcher)
        return [(p.total, [h.id for h in p.hits], p.suggestion) for p in pages], stats


@pytest.mark.parametrize("variable", sorted(CACHE_BUDGETS))
def test_a_budget_comes_from_its_variable_in_megabytes(variable):
    default, _ = CACHE_BUDGETS[variable]
    assert cache_budget(variable, {}) == default * MB
    assert cache_budget(variable, {variable: " 3 "}) == 3 * MB
    assert cache_budget(variable, {variable: "0.5"}) == MB // 2
    assert cache_budget(variable, {variable: "0"}) == 0


@pytest.mark.parametrize("value", ["lots", "-1", "12MB"])
def test_a_bad_budget_says_what_to_write(value):
    with pytest.raises(ReleaseSearchError, match=r"RELEASES_POSTINGS_CACHE_MB=.* is not a size in megabytes"):
        cache_budget("RELEASES_POSTINGS_CACHE_MB", {"RELEASES_POSTINGS_CACHE_MB": value})


def test_results_are_the_same_whatever_the_budgets(index_path, monkeypatch):
    plenty, stats = _answers(index_path)
    # Term hashes are read for the segments without columnar postings (whose sorted terms answer instead).
    held = [(h is not None, c is None) for h, c in zip(stats._term_hashes, stats._columns, strict=True)]
    assert held and all(hashes == without_columns for hashes, without_columns in held)
    for variable in CACHE_BUDGETS:
        monkeypatch.setenv(variable, "0")
    none, stats = _answers(index_path)
    assert none == plenty
    # Nothing kept: every posting list and phrase read again, every segment's terms looked up on disk.
    assert len(stats._postings) == 0 and len(stats._phrases) == 0
    assert stats._term_hashes is not None and all(h is None for h in stats._term_hashes)
    assert any(total for total, _, _ in plenty)  # the queries find something, so the comparison means something


def test_the_postings_cache_keeps_to_its_bytes(index_path, monkeypatch):
    monkeypatch.setenv("RELEASES_POSTINGS_CACHE_MB", str(4096 / MB))  # 4 KB
    with open_index(index_path) as index:
        for query in QUERIES:
            index.search(query)
        cache = stats_for(index.backend.snapshot().searcher)._postings
        kept = [cache.get(key) for key in list(cache._items)]
        # A list read to match holds its documents and where its frequencies lie (8 bytes a segment).
        weight = sum(docs.nbytes + (more.nbytes if hasattr(more, "nbytes") else 8 * len(more)) for docs, more in kept)
        assert len(kept) >= 1
        assert weight <= 4096 or len(kept) == 1  # a list larger than the whole budget is kept alone


def test_the_site_refuses_a_bad_budget_before_serving(monkeypatch):
    from webapp import create_app

    monkeypatch.setenv("RELEASES_PHRASE_CACHE_MB", "eight")
    with pytest.raises(ReleaseSearchError, match="RELEASES_PHRASE_CACHE_MB='eight' is not a size in megabytes"):
        create_app({"RELEASES_INDEX": "nowhere"})
