"""benchmarks/fresh_queries.py at scale: releases read back from an index's stored fields instead of parsed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from indexer import build_index
from indexer.model import ReleaseSearchError
from indexer.parse import parse_paths

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def fresh_queries():
    spec = importlib.util.spec_from_file_location("fresh_queries_bench", ROOT / "benchmarks" / "fresh_queries.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def indexed(release_dir, tmp_path):
    """An index of the fixture releases, and those releases as the parser reads them."""
    path = tmp_path / "index"
    build_index([release_dir], path)
    parsed = [r for r in parse_paths([str(release_dir)]) if not isinstance(r, ReleaseSearchError)]
    return path, parsed


def test_streamed_releases_are_the_indexed_ones(fresh_queries, indexed):
    path, parsed = indexed
    streamed = list(fresh_queries.index_releases(path))
    assert len(streamed) == fresh_queries.index_size(path)
    assert sorted(d.headline for d in streamed) == sorted(r.headline or "" for r in parsed)
    by_headline = {r.headline: r for r in parsed}
    for doc in streamed:
        release = by_headline[doc.headline]
        assert doc.year == (release.published.year if release.published else None)
        assert doc.text == " ".join([release.lede, release.body]).strip()


@pytest.mark.parametrize("size", [1, 5, 10_000])
def test_a_sample_is_seeded_and_drawn_from_the_index(fresh_queries, indexed, size):
    path, _ = indexed
    every = {(d.headline, d.text) for d in fresh_queries.index_releases(path)}
    sample = fresh_queries.sample_releases(path, size, seed=7)
    assert len(sample) == min(size, len(every))
    assert {(d.headline, d.text) for d in sample} <= every
    assert sample == fresh_queries.sample_releases(path, size, seed=7)


def test_above_the_threshold_queries_come_from_a_sample_and_references_from_a_stream(
    fresh_queries, indexed, monkeypatch
):
    path, parsed = indexed
    monkeypatch.setattr(fresh_queries, "SAMPLE_ABOVE", 0)
    monkeypatch.setattr(fresh_queries, "SAMPLE_SIZE", len(parsed) // 2)
    monkeypatch.setattr(fresh_queries, "load_docs", lambda sources: pytest.fail("parsed every release"))
    docs, every_release = fresh_queries.releases_for_queries([], path, seed=3)
    assert len(docs) == len(parsed) // 2
    assert not isinstance(every_release(), list)
    assert sum(1 for _ in every_release()) == len(parsed)
    assert fresh_queries.draw_queries(docs, 10, seed=3)
